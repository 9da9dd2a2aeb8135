//! The symptom log: pain entries, the sessions the player recorded, and the [`Log`] that holds
//! both with deletions that survive merging two browser tabs.
//!
//! Ids are made by the caller (see [`new_id`]); times are [`Timestamp`]s passed in, never read
//! from a clock here.

mod calendar;
mod correction;
mod history;
mod journal;
mod local_time;
mod session_ratings;
mod start_choice;

use serde::{Deserialize, Serialize};

use crate::side::BodySide;

pub use calendar::{CivilDate, TimeError, Timestamp, MAX_OFFSET_MINUTES, MAX_UTC_MS};
pub use correction::{corrects_previous_tap, CORRECTION_WINDOW_MS};
pub use history::{HistoryItem, HistoryPage};
pub use journal::{Log, LogError, Tombstone};
pub use session_ratings::{SessionRatings, BEFORE_WINDOW_MS};
pub use start_choice::RoutineChoice;

/// Highest value on the 0–10 pain and stiffness scales.
pub const MAX_RATING: u8 = 10;
/// Longest note, in characters (Unicode scalar values).
pub const MAX_NOTE_CHARS: usize = 500;

/// One symptom rating: how it feels now, where, and why it was logged.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// Unique id, from [`new_id`].
    pub id: String,
    /// When the rating applies.
    pub at: Timestamp,
    /// Pain now, 0 (none) to 10 (worst imaginable).
    pub pain: u8,
    /// Whether pain woke the user last night; `None` when not asked or not answered.
    #[serde(default)]
    pub woke_at_night: Option<bool>,
    /// Where it hurts, in [`Area`] order without repeats.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// Stiffness, 0–10, if given.
    #[serde(default)]
    pub stiffness: Option<u8>,
    /// Free text, at most [`MAX_NOTE_CHARS`] characters; always shown as plain text.
    #[serde(default)]
    pub note: String,
    /// A daily check-in, or a rating before or after a session.
    #[serde(default)]
    pub context: EntryContext,
    /// When this entry was last written (UTC ms); the newer version wins a merge.
    #[serde(default)]
    pub updated_ms: i64,
    /// Set on a morning check-in about the night: then `pain` is the night's pain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub night: Option<NightReport>,
}

/// The morning check-in's answers about one night ("How was last night?").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct NightReport {
    /// The evening date the night began on (the night of Monday to Tuesday is Monday's).
    pub night_of: CivilDate,
    /// Times woken by pain: 0, 1, 2, or [`MAX_TIMES_WOKEN`] for "3 or more".
    pub times_woken: u8,
}

/// "3 or more" times woken is stored as 3.
pub const MAX_TIMES_WOKEN: u8 = 3;

/// Where it hurts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// The low back.
    LowBack,
    /// The left hip.
    HipLeft,
    /// The right hip.
    HipRight,
    /// The left leg.
    LegLeft,
    /// The right leg.
    LegRight,
    /// Somewhere else (say where in the note).
    Other,
}

/// Why an entry was logged.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryContext {
    /// An ordinary rating, not tied to a session.
    #[default]
    DailyCheckIn,
    /// Rated just before a session.
    BeforeSession {
        /// The [`SessionRecord::id`] it precedes.
        session_id: String,
    },
    /// Rated after a session (right after, or hours later).
    AfterSession {
        /// The [`SessionRecord::id`] it follows.
        session_id: String,
    },
}

/// One run of a routine, written by the player when it finishes or is stopped.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Unique id, from [`new_id`].
    pub id: String,
    /// The routine's id.
    pub routine_id: String,
    /// The routine's name at the time (kept in case the routine is later renamed or deleted).
    pub routine_name: String,
    /// The variant chosen, if the routine has variants.
    #[serde(default)]
    pub variant_id: Option<String>,
    /// When the first phase began.
    pub started: Timestamp,
    /// When it finished or was stopped.
    pub ended: Timestamp,
    /// True when every phase was played to the end (skips allowed), false when stopped early.
    pub completed: bool,
    /// Time actually spent in each hold, in the order held.
    #[serde(default)]
    pub held: Vec<HeldRecord>,
    /// When this record was last written (UTC ms); the newer version wins a merge.
    #[serde(default)]
    pub updated_ms: i64,
}

/// Seconds actually held in one hold phase of a session.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct HeldRecord {
    /// Index of the step in the routine.
    pub step_index: usize,
    /// The step's name at the time.
    pub step_name: String,
    /// The side held, or `None` for an unsided step.
    #[serde(default)]
    pub side: Option<BodySide>,
    /// Whole seconds held.
    pub seconds: u32,
}

/// Why an entry or a session record cannot be saved. Messages are written for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// The id is empty or blank.
    #[error("id must not be empty")]
    EmptyId,
    /// Pain is above 10.
    #[error("pain must be 0–10")]
    PainOutOfRange,
    /// Stiffness is above 10.
    #[error("stiffness must be 0–10")]
    StiffnessOutOfRange,
    /// The note is too long.
    #[error("note must be at most 500 characters (it has {chars})")]
    NoteTooLong {
        /// Characters in the note.
        chars: usize,
    },
    /// A before/after-session rating names no session.
    #[error("a rating before or after a session must name the session")]
    MissingSessionId,
    /// Times woken is more than 3 ("3 or more" is stored as 3).
    #[error("times woken must be 0, 1, 2 or 3 (3 or more)")]
    TimesWokenOutOfRange,
    /// A session ends before it starts.
    #[error("a session cannot end before it starts")]
    EndsBeforeStart,
    /// A time is outside the supported range.
    #[error(transparent)]
    Time(#[from] TimeError),
}

/// Makes a new id from the current time and a random number, both supplied by the caller
/// (e.g. `Date.now()` and `crypto.getRandomValues`). Ids made later sort later.
///
/// ```
/// assert_eq!(limber_core::log::new_id(1_764_000_000_000, 0xABC), "19ab697e800-0000000000000abc");
/// ```
pub fn new_id(now_ms: i64, random: u64) -> String {
    format!("{:011x}-{random:016x}", now_ms.max(0))
}

/// Makes a stable id from a record's content, for records imported without an id: the same
/// content always gives the same id, so importing a file twice adds nothing the second time.
///
/// ```
/// let id = limber_core::log::content_id("csv", "2026-11-24T08:30:00+01:00,6");
/// assert!(id.starts_with("csv-") && id.len() == 20);
/// ```
pub fn content_id(prefix: &str, content: &str) -> String {
    // 64-bit FNV-1a: tiny, and stable across platforms and releases.
    let hash = content
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("{prefix}-{hash:016x}")
}

impl Entry {
    /// A daily check-in with only a pain rating; fill in the rest as needed.
    pub fn new(id: impl Into<String>, at: Timestamp, pain: u8) -> Self {
        Self {
            id: id.into(),
            at,
            pain,
            woke_at_night: None,
            areas: Vec::new(),
            stiffness: None,
            note: String::new(),
            context: EntryContext::DailyCheckIn,
            updated_ms: 0,
            night: None,
        }
    }

    /// A morning check-in about the night of `night_of`: night pain and times woken (3 means
    /// 3 or more). Sets `woke_at_night` too, so older readers keep its meaning.
    pub fn night_check_in(
        id: impl Into<String>,
        at: Timestamp,
        night_of: CivilDate,
        night_pain: u8,
        times_woken: u8,
    ) -> Self {
        let times_woken = times_woken.min(MAX_TIMES_WOKEN);
        Self {
            woke_at_night: Some(times_woken > 0),
            night: Some(NightReport {
                night_of,
                times_woken,
            }),
            ..Self::new(id, at, night_pain)
        }
    }

    /// True for a morning check-in about the night ("How was last night?"), whose pain is
    /// the night's pain, not a rating of the day.
    pub fn is_night_check_in(&self) -> bool {
        self.night.is_some()
    }

    /// Changes a night check-in's times woken (3 means 3 or more), keeping `woke_at_night`
    /// in step and the night's date as it was; any other entry is left unchanged.
    pub fn set_times_woken(&mut self, times_woken: u8) {
        if let Some(night) = &mut self.night {
            night.times_woken = times_woken.min(MAX_TIMES_WOKEN);
            self.woke_at_night = Some(night.times_woken > 0);
        }
    }

    /// Checks the rules: non-empty id, pain and stiffness 0–10, note length, a session id
    /// for before/after ratings, and a time in range.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.id.trim().is_empty() {
            return Err(ValidationError::EmptyId);
        }
        self.at.check_range()?;
        if self.pain > MAX_RATING {
            return Err(ValidationError::PainOutOfRange);
        }
        if self.stiffness.is_some_and(|value| value > MAX_RATING) {
            return Err(ValidationError::StiffnessOutOfRange);
        }
        if self
            .night
            .as_ref()
            .is_some_and(|night| night.times_woken > MAX_TIMES_WOKEN)
        {
            return Err(ValidationError::TimesWokenOutOfRange);
        }
        let chars = self.note.chars().count();
        if chars > MAX_NOTE_CHARS {
            return Err(ValidationError::NoteTooLong { chars });
        }
        if self
            .context
            .session_id()
            .is_some_and(|id| id.trim().is_empty())
        {
            return Err(ValidationError::MissingSessionId);
        }
        Ok(())
    }

    /// The same entry with its areas sorted and without repeats.
    pub fn normalized(mut self) -> Self {
        self.areas.sort_unstable();
        self.areas.dedup();
        self
    }
}

impl Area {
    /// Every area, in display order.
    pub const ALL: [Area; 6] = [
        Area::LowBack,
        Area::HipLeft,
        Area::HipRight,
        Area::LegLeft,
        Area::LegRight,
        Area::Other,
    ];

    /// Words for people and for CSV: "low back", "left hip", …
    pub fn label(self) -> &'static str {
        match self {
            Area::LowBack => "low back",
            Area::HipLeft => "left hip",
            Area::HipRight => "right hip",
            Area::LegLeft => "left leg",
            Area::LegRight => "right leg",
            Area::Other => "other",
        }
    }

    /// Reads a [`label`](Self::label) or the stored key ("low_back"), ignoring case and
    /// surrounding spaces.
    pub fn from_label(text: &str) -> Option<Self> {
        let wanted = text.trim().to_lowercase();
        Area::ALL
            .into_iter()
            .find(|area| area.label() == wanted || area.stored_key() == wanted)
    }

    /// The key used in stored JSON (matches the serde names).
    fn stored_key(self) -> &'static str {
        match self {
            Area::LowBack => "low_back",
            Area::HipLeft => "hip_left",
            Area::HipRight => "hip_right",
            Area::LegLeft => "leg_left",
            Area::LegRight => "leg_right",
            Area::Other => "other",
        }
    }
}

impl ValidationError {
    /// The message as a sentence for a form field: "Stiffness must be 0–10."
    pub fn sentence(&self) -> String {
        let text = self.to_string();
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
            None => text,
        }
    }
}

impl EntryContext {
    /// The session a before/after rating belongs to.
    pub fn session_id(&self) -> Option<&str> {
        match self {
            EntryContext::DailyCheckIn => None,
            EntryContext::BeforeSession { session_id }
            | EntryContext::AfterSession { session_id } => Some(session_id),
        }
    }
}

impl SessionRecord {
    /// Checks the rules: non-empty ids, times in range, end not before start.
    pub fn validate(&self) -> Result<(), ValidationError> {
        if self.id.trim().is_empty() || self.routine_id.trim().is_empty() {
            return Err(ValidationError::EmptyId);
        }
        self.started.check_range()?;
        self.ended.check_range()?;
        if self.ended.utc_ms < self.started.utc_ms {
            return Err(ValidationError::EndsBeforeStart);
        }
        Ok(())
    }

    /// Seconds held on `side` (`None`: unsided steps) in this session.
    pub fn held_seconds(&self, side: Option<BodySide>) -> u32 {
        self.held
            .iter()
            .filter(|held| held.side == side)
            .map(|held| held.seconds)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_speaks_plainly() {
        let at = Timestamp::new(1_764_000_000_000, 60);
        assert_eq!(Entry::new("a", at, 10).validate(), Ok(()));
        let err = Entry::new("a", at, 11).validate().unwrap_err();
        assert_eq!(err.to_string(), "pain must be 0–10");
        assert_eq!(err.sentence(), "Pain must be 0–10.");
        let mut long = Entry::new("a", at, 3);
        long.note = "é".repeat(501);
        assert_eq!(
            long.validate().unwrap_err().to_string(),
            "note must be at most 500 characters (it has 501)"
        );
        assert_eq!(
            Entry::new(" ", at, 3).validate(),
            Err(ValidationError::EmptyId)
        );
    }

    #[test]
    fn times_woken_edits_keep_the_night_and_the_old_answer_in_step() {
        let at = Timestamp::new(1_764_000_000_000, 60);
        let night_of = CivilDate::new(2025, 11, 23).unwrap();
        let mut night = Entry::night_check_in("n", at, night_of, 6, 0);
        assert!(night.is_night_check_in());
        night.set_times_woken(2);
        assert_eq!(
            night.night,
            Some(NightReport {
                night_of,
                times_woken: 2
            })
        );
        assert_eq!(night.woke_at_night, Some(true));
        night.set_times_woken(9);
        assert_eq!(night.night.as_ref().map(|n| n.times_woken), Some(3));
        night.set_times_woken(0);
        assert_eq!(night.woke_at_night, Some(false));
        let mut day = Entry::new("d", at, 4);
        day.set_times_woken(2);
        assert_eq!(day, Entry::new("d", at, 4));
        assert!(!day.is_night_check_in());
    }

    #[test]
    fn areas_read_labels_and_keys() {
        assert_eq!(Area::from_label(" Left Hip "), Some(Area::HipLeft));
        assert_eq!(Area::from_label("low_back"), Some(Area::LowBack));
        assert_eq!(Area::from_label("knee"), None);
    }

    #[test]
    fn ids_sort_by_time() {
        assert!(new_id(1_000, u64::MAX) < new_id(1_001, 0));
        assert_eq!(new_id(-5, 1).len(), 28);
    }
}
