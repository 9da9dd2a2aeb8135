//! The stored document — everything Limber keeps, as one versioned JSON text — and its
//! lenient [`restore`]: old versions are migrated, a bad record is dropped and reported
//! instead of losing the rest, and only text that is not JSON at all is refused.
//!
//! Versions: 0 was a bare JSON array of `{time, pain, note}`; 1 was
//! `{"version": 1, "entries": [{id, time, pain, night_pain, note}], "settings", "custom_routines"}`;
//! 2 ([`SCHEMA_VERSION`]) is written by [`Document::to_json`].

mod assembly;
mod chunk_cells;
mod chunk_codec;
mod chunk_rows;
mod layout;
mod lenient;
mod migrate;
mod open;
mod operations;
mod record_columns;
mod sync;

pub use layout::{write_steps, ChunkCache, Layout, WriteStep, LAYOUT_VERSION};
pub use open::{open, take_other_tab_write, Opened, Verdict};
pub use operations::ChangeError;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::log::{Entry, Log, SessionRecord, MAX_NOTE_CHARS};
use crate::routine::Routine;
use crate::settings::Settings;
use crate::trial::Trial;

/// The version [`Document::to_json`] writes.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything Limber stores: the log, the user's own routines, settings, and a reminder to
/// rate a session. Top-level fields this version does not know are kept and written back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Entries, sessions and tombstones.
    pub log: Log,
    /// Routines the user made or edited.
    pub custom_routines: Vec<Routine>,
    /// The user's preferences.
    pub settings: Settings,
    /// A session waiting for its "some hours later" rating.
    pub pending_rating: Option<PendingRating>,
    /// The personal trial, planned, running or finished (absent in older documents).
    pub trial: Option<Trial>,
    /// When a trial was last discarded (UTC ms, 0: never): no trial planned before this
    /// comes back from another tab or a backup.
    pub trial_discarded_ms: i64,
    /// Top-level fields from a newer or foreign version, kept as they were.
    pub unknown_fields: Map<String, Value>,
    /// When each custom routine was last saved (UTC ms), by id: the newer copy wins a merge.
    pub routine_revisions: BTreeMap<String, i64>,
    /// When the settings were last changed (UTC ms): the newer copy wins a merge.
    pub settings_updated_ms: i64,
}

/// A reminder to ask how the user feels some hours after a session.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PendingRating {
    /// The session to rate.
    pub session_id: String,
    /// Ask from this moment on (UTC ms).
    pub ask_after_ms: i64,
}

/// The outcome of [`restore`]: the document, and what could not be kept as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The document as read (always in the current version's shape).
    pub document: Document,
    /// What was migrated, dropped, shortened or reset, in the order found.
    pub issues: Vec<RestoreIssue>,
    /// True when nothing was lost (a plain migration loses nothing).
    pub recovered_fully: bool,
    /// The schema version found in the text (0 for a bare array).
    pub from_version: u32,
}

/// Something [`restore`] had to change. `Display` gives a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreIssue {
    /// The text was in an older version and was converted (nothing lost).
    Migrated {
        /// The version found.
        from_version: u32,
    },
    /// The text was written by a newer version of Limber; parts may be missing here.
    NewerVersion {
        /// The version found.
        found: u32,
    },
    /// One record could not be read and was left out.
    Dropped {
        /// What kind of record.
        kind: RecordKind,
        /// Its position in its list, from 0.
        index: usize,
        /// Why, in a few words.
        reason: String,
    },
    /// A field that should hold a list held something else; its contents were left out.
    NotAList {
        /// The field's name.
        field: String,
    },
    /// An entry's note was longer than allowed and was cut to the limit.
    NoteShortened {
        /// The entry's id.
        entry_id: String,
    },
    /// A custom routine's growing hold could not be read; the routine was kept without it.
    ProgressionDropped {
        /// The routine's name.
        routine_name: String,
    },
    /// The settings could not be read; the defaults are used.
    SettingsReset {
        /// Why, in a few words.
        reason: String,
    },
}

/// The kinds of record in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// A symptom entry.
    Entry,
    /// A session record.
    Session,
    /// A deletion tombstone.
    Tombstone,
    /// A custom routine.
    Routine,
    /// The pending-rating reminder.
    PendingRating,
    /// The personal trial.
    Trial,
}

/// The text is not a Limber document at all (not JSON, or not an object or array).
/// Keep the raw text as a backup rather than overwriting it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the saved data could not be read: {reason}")]
pub struct CorruptDocument {
    /// What the JSON reader reported.
    pub reason: String,
}

/// The document as written, with the version first.
#[derive(Serialize)]
struct Stored<'a> {
    schema_version: u32,
    #[serde(flatten)]
    log: &'a Log,
    custom_routines: &'a [Routine],
    settings: &'a Settings,
    #[serde(skip_serializing_if = "Option::is_none")]
    pending_rating: &'a Option<PendingRating>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    routine_revisions: &'a BTreeMap<String, i64>,
    #[serde(skip_serializing_if = "is_zero")]
    settings_updated_ms: &'a i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    trial: &'a Option<Trial>,
    #[serde(skip_serializing_if = "is_zero")]
    trial_discarded_ms: &'a i64,
    #[serde(flatten)]
    unknown_fields: &'a Map<String, Value>,
}

/// True for 0 (a revision never stamped is not written).
fn is_zero(value: &&i64) -> bool {
    **value == 0
}

impl Document {
    /// The JSON text to store: `{"schema_version": 2, "entries": …, "sessions": …,
    /// "deleted": …, "custom_routines": …, "settings": …}` plus any kept unknown fields.
    pub fn to_json(&self) -> String {
        let stored = Stored {
            schema_version: SCHEMA_VERSION,
            log: &self.log,
            custom_routines: &self.custom_routines,
            settings: &self.settings,
            pending_rating: &self.pending_rating,
            routine_revisions: &self.routine_revisions,
            settings_updated_ms: &self.settings_updated_ms,
            trial: &self.trial,
            trial_discarded_ms: &self.trial_discarded_ms,
            unknown_fields: &self.unknown_fields,
        };
        serde_json::to_string(&stored).expect("a document always serialises: keys are strings")
    }
}

/// Reads a stored document of any known version, as much of it as can be read.
///
/// Missing fields take defaults; unknown top-level fields are kept; a record that cannot be
/// read is dropped and reported; a newer version is read as the current one and flagged
/// ([`Restored::is_from_newer_version`]). Only text that is not a JSON object or array fails.
pub fn restore(text: &str) -> Result<Restored, CorruptDocument> {
    let value: Value = serde_json::from_str(text).map_err(|error| CorruptDocument {
        reason: error.to_string(),
    })?;
    restore_value(value)
}

/// [`restore`] for text already parsed (e.g. a document assembled from its chunks).
fn restore_value(value: Value) -> Result<Restored, CorruptDocument> {
    let (from_version, object) = match value {
        Value::Array(entries) => (0, migrate::wrap_bare_array(entries)),
        Value::Object(object) => (migrate::version_of(&object), object),
        _ => {
            return Err(CorruptDocument {
                reason: "expected a JSON object or array".to_string(),
            })
        }
    };
    let mut issues = Vec::new();
    if from_version > SCHEMA_VERSION {
        issues.push(RestoreIssue::NewerVersion {
            found: from_version,
        });
    } else if from_version < SCHEMA_VERSION {
        issues.push(RestoreIssue::Migrated { from_version });
    }
    let document = lenient::read_document(object, from_version, &mut issues);
    Ok(Restored {
        document,
        recovered_fully: !issues.iter().any(RestoreIssue::is_loss),
        issues,
        from_version,
    })
}

/// [`restore_value`] for a document whose records were read already, each one sound: the
/// index (everything else) is read leniently and the records are taken as they are.
fn restore_records(
    index: Map<String, Value>,
    entries: Vec<Entry>,
    sessions: Vec<SessionRecord>,
) -> Restored {
    let mut issues = Vec::new();
    let mut document = lenient::read_document(index, SCHEMA_VERSION, &mut issues);
    document.log = Log::from_parts(entries, sessions, document.log.tombstones().to_vec());
    Restored {
        document,
        recovered_fully: !issues.iter().any(RestoreIssue::is_loss),
        issues,
        from_version: SCHEMA_VERSION,
    }
}

impl Restored {
    /// True when the text came from a newer Limber: do not overwrite it without keeping a copy.
    pub fn is_from_newer_version(&self) -> bool {
        self.from_version > SCHEMA_VERSION
    }
}

impl RestoreIssue {
    /// True when something was left out or changed (everything except a plain migration).
    pub fn is_loss(&self) -> bool {
        !matches!(self, RestoreIssue::Migrated { .. })
    }
}

impl fmt::Display for RestoreIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreIssue::Migrated { from_version } => write!(
                f,
                "Your data was converted from format {from_version} to format {SCHEMA_VERSION}."
            ),
            RestoreIssue::NewerVersion { found } => write!(
                f,
                "This data was saved by a newer version of Limber (format {found}); \
                 some of it may not show here."
            ),
            RestoreIssue::Dropped {
                kind,
                index,
                reason,
            } => write!(
                f,
                "{kind} {} could not be read and was left out ({reason}).",
                index + 1
            ),
            RestoreIssue::NotAList { field } => {
                write!(f, "“{field}” was not a list, so it was left out.")
            }
            RestoreIssue::NoteShortened { entry_id } => write!(
                f,
                "A note longer than {MAX_NOTE_CHARS} characters was shortened (entry {entry_id})."
            ),
            RestoreIssue::ProgressionDropped { routine_name } => write!(
                f,
                "The growing hold of “{routine_name}” could not be read; the routine keeps its \
                 set hold lengths."
            ),
            RestoreIssue::SettingsReset { reason } => write!(
                f,
                "Settings could not be read and are back to their defaults ({reason})."
            ),
        }
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RecordKind::Entry => "Entry",
            RecordKind::Session => "Session",
            RecordKind::Tombstone => "Deletion record",
            RecordKind::Routine => "Custom routine",
            RecordKind::PendingRating => "Rating reminder",
            RecordKind::Trial => "Personal trial",
        })
    }
}
