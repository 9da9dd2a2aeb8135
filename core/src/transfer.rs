//! Getting data out and back in: the log as CSV for spreadsheets, the whole document as a
//! JSON backup ([`Document::to_json`]), imports that first show a preview, one routine
//! shared as a link ([`share_url`]) or a file ([`routine_to_json`]), and a reminder for the
//! user's calendar ([`reminder_ics`]).
//!
//! Importing never deletes or overwrites: a record whose id is already here keeps the local
//! version, a record deleted here stays deleted, settings stay as they are; only records with
//! new ids are added. A backup's personal trial is added when there is none here (and it was
//! not discarded here).

mod base64url;
mod csv;
mod entries_csv;
mod file;
mod ics;
mod reminder;
mod routine_file;
mod share_link;
mod trial_csv;

use std::collections::HashSet;

use crate::log::{CivilDate, Entry, Log, SessionRecord};
use crate::routine::Routine;
use crate::store::{restore, CorruptDocument, Document, RecordKind, RestoreIssue};
use crate::trial::Trial;

pub use entries_csv::{entries_from_csv, entries_to_csv, CsvEntries};
pub use file::{format_size, import_file, utf8_text, NotUtf8, LOCAL_STORAGE_BYTES};
pub use reminder::{
    parse_time_of_day, reminder_file_name, reminder_ics, Reminder, ReminderError, Weekday,
    Weekdays, ICS_MIME_TYPE,
};
pub use routine_file::{
    routine_file_name, routine_from_json, routine_to_json, RoutineFileError,
    MAX_ROUTINE_FILE_BYTES, ROUTINE_FILE_FORMAT, ROUTINE_FILE_VERSION,
};
pub use share_link::{
    decode_share_link, encode_share_link, share_url, ShareLinkError, MAX_SHARE_PAYLOAD_CHARS,
    SHARE_LINK_KEY, SHARE_LINK_PATH, SHARE_LINK_VERSION,
};
pub use trial_csv::trial_days_csv;

/// Largest file accepted for import: 5 MiB, the size of the browser's whole local storage.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// At most this many problem lines are listed; the rest are counted in one last line.
pub const MAX_LISTED_PROBLEMS: usize = 50;

/// Why a file cannot be imported at all. Messages are written for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    #[error("This file is {:.1} MB; Limber can import files up to 5 MB.", *bytes as f64 / 1_048_576.0)]
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// A CSV file without a header naming the `time` and `pain` columns.
    #[error("This does not look like a Limber log: its first line must name the columns, including “time” and “pain”.")]
    NotAnEntryTable,
    /// A backup that is not readable JSON.
    #[error("This file could not be read as a Limber backup ({0}).")]
    NotABackup(#[from] CorruptDocument),
}

/// What an import would do, computed before anything changes. Show it; on "Import", replace
/// the current document with [`ImportPreview::merged`].
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// Symptom entries that would be added.
    pub new_entries: usize,
    /// Session records that would be added.
    pub new_sessions: usize,
    /// Custom routines that would be added.
    pub new_routines: usize,
    /// Personal trials that would be added (0 or 1).
    pub new_trials: usize,
    /// Records whose id is already here (the local version is kept).
    pub already_here: usize,
    /// Records that were deleted here and stay deleted.
    pub deleted_here: usize,
    /// Lines or records that could not be read, e.g. "line 7: pain must be 0–10".
    pub invalid: Vec<String>,
    /// The backup came from a newer version of Limber; some of it may be missing.
    pub from_newer_version: bool,
    /// The current document with the new records added.
    pub merged: Document,
}

/// Checks the size limit.
fn check_size(text: &str) -> Result<(), ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    Ok(())
}

/// Previews importing a CSV table of entries (see [`entries_from_csv`]) into `current`.
/// New entries are stamped as written at `now_ms`.
pub fn import_csv(
    current: &Document,
    text: &str,
    now_ms: i64,
) -> Result<ImportPreview, ImportError> {
    check_size(text)?;
    let parsed = entries_from_csv(text).ok_or(ImportError::NotAnEntryTable)?;
    let mut preview = add_missing(
        current,
        Incoming {
            entries: parsed.entries,
            ..Incoming::default()
        },
        now_ms,
    );
    preview.invalid = capped(parsed.problems);
    Ok(preview)
}

/// Previews importing a JSON backup (a stored document of any version) into `current`:
/// its entries, sessions and custom routines with new ids are added, and its personal trial
/// if there is none here; its settings, pending rating and deletions are not applied.
pub fn import_backup(
    current: &Document,
    text: &str,
    now_ms: i64,
) -> Result<ImportPreview, ImportError> {
    check_size(text)?;
    let restored = restore(text)?;
    let from_newer_version = restored.is_from_newer_version();
    let problems = restored
        .issues
        .iter()
        .filter(|issue| affects_imported_records(issue))
        .map(ToString::to_string)
        .collect();
    let backup = restored.document;
    let mut preview = add_missing(
        current,
        Incoming {
            entries: backup.log.entries().to_vec(),
            sessions: backup.log.sessions().to_vec(),
            routines: backup.custom_routines,
            trial: backup.trial,
        },
        now_ms,
    );
    preview.invalid = capped(problems);
    preview.from_newer_version = from_newer_version;
    Ok(preview)
}

/// True for restore issues about the records an import adds (not about settings, the
/// pending rating, or the version, which an import leaves alone or reports separately).
fn affects_imported_records(issue: &RestoreIssue) -> bool {
    match issue {
        RestoreIssue::Dropped { kind, .. } => {
            !matches!(kind, RecordKind::PendingRating | RecordKind::Tombstone)
        }
        RestoreIssue::NotAList { field } => field != "deleted",
        RestoreIssue::NoteShortened { .. } | RestoreIssue::ProgressionDropped { .. } => true,
        RestoreIssue::Migrated { .. }
        | RestoreIssue::NewerVersion { .. }
        | RestoreIssue::SettingsReset { .. } => false,
    }
}

/// A file name for the CSV export, e.g. "limber-log-2026-11-24.csv".
pub fn csv_file_name(today: CivilDate) -> String {
    format!("limber-log-{today}.csv")
}

/// A file name for the JSON backup, e.g. "limber-backup-2026-11-24.json".
pub fn backup_file_name(today: CivilDate) -> String {
    format!("limber-backup-{today}.json")
}

impl ImportPreview {
    /// All records that would be added.
    pub fn new_count(&self) -> usize {
        self.new_entries + self.new_sessions + self.new_routines + self.new_trials
    }

    /// One or two sentences for the confirmation dialog, e.g. "3 new entries will be added.
    /// 12 are already here. 1 line could not be read."
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let added = [
            (self.new_entries, "new entry", "new entries"),
            (self.new_sessions, "new session", "new sessions"),
            (self.new_routines, "new routine", "new routines"),
            (self.new_trials, "personal trial", "personal trials"),
        ]
        .into_iter()
        .filter(|(count, ..)| *count > 0)
        .map(|(count, one, many)| counted(count, one, many))
        .collect::<Vec<_>>();
        parts.push(match added.as_slice() {
            [] => "Nothing new to add.".to_string(),
            [only] => format!("{only} will be added."),
            [first @ .., last] => format!("{} and {last} will be added.", first.join(", ")),
        });
        if self.already_here > 0 {
            let verb = if self.already_here == 1 { "is" } else { "are" };
            parts.push(format!("{} {verb} already here.", self.already_here));
        }
        if self.deleted_here > 0 {
            let verb = if self.deleted_here == 1 {
                "was"
            } else {
                "were"
            };
            let stay = if self.deleted_here == 1 {
                "stays"
            } else {
                "stay"
            };
            parts.push(format!(
                "{} {verb} deleted here and {stay} deleted.",
                self.deleted_here
            ));
        }
        let unreadable = self.invalid.len();
        if unreadable > 0 {
            parts.push(format!(
                "{} could not be read.",
                counted(unreadable, "item", "items")
            ));
        }
        if self.from_newer_version {
            parts.push("The backup is from a newer Limber; some of it may be missing.".into());
        }
        parts.join(" ")
    }
}

/// "1 new entry", "3 new entries".
fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Keeps the first [`MAX_LISTED_PROBLEMS`] messages and counts the rest in a last line.
fn capped(mut problems: Vec<String>) -> Vec<String> {
    if problems.len() > MAX_LISTED_PROBLEMS {
        let more = problems.len() - MAX_LISTED_PROBLEMS;
        problems.truncate(MAX_LISTED_PROBLEMS);
        problems.push(format!("…and {more} more"));
    }
    problems
}

/// What a file brings in.
#[derive(Default)]
struct Incoming {
    entries: Vec<Entry>,
    sessions: Vec<SessionRecord>,
    routines: Vec<Routine>,
    trial: Option<Trial>,
}

/// Adds the incoming records whose ids are neither here nor deleted here, and the incoming
/// trial when there is none here.
fn add_missing(current: &Document, incoming: Incoming, now_ms: i64) -> ImportPreview {
    let Incoming {
        entries,
        sessions,
        routines,
        trial,
    } = incoming;
    let mut tally = Tally::new(current);
    let new_entries: Vec<Entry> = entries
        .into_iter()
        .filter(|entry| tally.is_new(&entry.id))
        .map(|entry| Entry {
            updated_ms: now_ms,
            ..entry
        })
        .collect();
    let new_sessions: Vec<SessionRecord> = sessions
        .into_iter()
        .filter(|session| tally.is_new(&session.id))
        .map(|session| SessionRecord {
            updated_ms: now_ms,
            ..session
        })
        .collect();
    let known_routines: HashSet<&str> = current
        .custom_routines
        .iter()
        .map(|routine| routine.id.as_str())
        .collect();
    let mut new_routines = Vec::new();
    for routine in routines {
        if current.log.is_deleted(&routine.id) {
            tally.deleted_here += 1;
        } else if known_routines.contains(routine.id.as_str())
            || new_routines
                .iter()
                .any(|added: &Routine| added.id == routine.id)
        {
            tally.already_here += 1;
        } else {
            new_routines.push(routine);
        }
    }
    let (new_entry_count, new_session_count) = (new_entries.len(), new_sessions.len());
    let mut merged = current.clone();
    merged.log = current
        .log
        .merge(&Log::from_parts(new_entries, new_sessions, Vec::new()));
    let new_routine_count = new_routines.len();
    for routine in &new_routines {
        merged.routine_revisions.insert(routine.id.clone(), now_ms);
    }
    merged.custom_routines.extend(new_routines);
    let new_trial = trial.filter(|trial| {
        let deleted = trial.planned_ms < current.trial_discarded_ms;
        tally.deleted_here += usize::from(deleted);
        tally.already_here += usize::from(current.trial.is_some() && !deleted);
        current.trial.is_none() && !deleted
    });
    let new_trials = usize::from(new_trial.is_some());
    if new_trial.is_some() {
        merged.trial = new_trial;
    }
    let merged = merged.settled();
    ImportPreview {
        new_entries: new_entry_count,
        new_sessions: new_session_count,
        new_routines: new_routine_count,
        new_trials,
        already_here: tally.already_here,
        deleted_here: tally.deleted_here,
        invalid: Vec::new(),
        from_newer_version: false,
        merged,
    }
}

/// Sorts incoming ids into new, already here (or repeated in the file), and deleted here.
struct Tally<'a> {
    here: HashSet<&'a str>,
    deleted: HashSet<&'a str>,
    seen: HashSet<String>,
    already_here: usize,
    deleted_here: usize,
}

impl<'a> Tally<'a> {
    /// Indexes the ids of the current document's log (hash sets: no quadratic work).
    fn new(current: &'a Document) -> Self {
        let log = &current.log;
        let entry_ids = log.entries().iter().map(|entry| entry.id.as_str());
        let here: HashSet<&str> = entry_ids
            .chain(log.sessions().iter().map(|session| session.id.as_str()))
            .collect();
        let deleted = log
            .tombstones()
            .iter()
            .map(|tombstone| tombstone.id.as_str())
            .filter(|id| !here.contains(id))
            .collect();
        Self {
            here,
            deleted,
            seen: HashSet::new(),
            already_here: 0,
            deleted_here: 0,
        }
    }

    /// True for an id to add; otherwise counts why not.
    fn is_new(&mut self, id: &str) -> bool {
        if self.here.contains(id) || !self.seen.insert(id.to_string()) {
            self.already_here += 1;
            false
        } else if self.deleted.contains(id) {
            self.deleted_here += 1;
            false
        } else {
            true
        }
    }
}
