//! Reading a stored object record by record, so one bad record costs only itself.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{migrate, Document, RecordKind, RestoreIssue};
use crate::log::{Entry, Log, SessionRecord, Tombstone, MAX_NOTE_CHARS};
use crate::routine::Routine;
use crate::settings::Settings;

/// Builds a document from a stored object of `from_version`, reporting what it leaves out.
/// Fields it does not know are kept in [`Document::unknown_fields`].
pub(super) fn read_document(
    mut object: Map<String, Value>,
    from_version: u32,
    issues: &mut Vec<RestoreIssue>,
) -> Document {
    object.remove("schema_version");
    object.remove("version");
    let mut shortened = Vec::new();
    let entries = read_list(&mut object, "entries", RecordKind::Entry, issues, |value| {
        let value = if from_version < 2 {
            migrate::upgrade_v1_entry(value)?
        } else {
            value
        };
        let (entry, was_shortened) = read_entry(value)?;
        if was_shortened {
            shortened.push(entry.id.clone());
        }
        Ok(entry)
    });
    issues.extend(
        shortened
            .into_iter()
            .map(|entry_id| RestoreIssue::NoteShortened { entry_id }),
    );
    let sessions = read_list(
        &mut object,
        "sessions",
        RecordKind::Session,
        issues,
        |value| {
            let record: SessionRecord = from_value(value)?;
            record.validate().map_err(|error| error.to_string())?;
            Ok(record)
        },
    );
    let deleted: Vec<Tombstone> = read_list(
        &mut object,
        "deleted",
        RecordKind::Tombstone,
        issues,
        from_value,
    );
    let mut without_progression = Vec::new();
    let custom_routines = read_list(
        &mut object,
        "custom_routines",
        RecordKind::Routine,
        issues,
        |value| {
            let (routine, dropped) = read_routine(value)?;
            if dropped {
                without_progression.push(routine.name.clone());
            }
            Ok(routine)
        },
    );
    issues.extend(
        without_progression
            .into_iter()
            .map(|routine_name| RestoreIssue::ProgressionDropped { routine_name }),
    );
    let settings = match object.remove("settings") {
        None | Some(Value::Null) => Settings::default(),
        Some(value) => from_value::<Settings>(value).map_or_else(
            |reason| {
                issues.push(RestoreIssue::SettingsReset { reason });
                Settings::default()
            },
            Settings::normalized,
        ),
    };
    let pending_rating = match object.remove("pending_rating") {
        None | Some(Value::Null) => None,
        Some(value) => from_value(value)
            .map_err(|reason| {
                issues.push(RestoreIssue::Dropped {
                    kind: RecordKind::PendingRating,
                    index: 0,
                    reason,
                });
            })
            .ok(),
    };
    let routine_revisions = object
        .remove("routine_revisions")
        .and_then(|value| from_value(value).ok())
        .unwrap_or_default();
    let settings_updated_ms = object
        .remove("settings_updated_ms")
        .and_then(|value| value.as_i64())
        .unwrap_or_default();
    let trial_discarded_ms = object
        .remove("trial_discarded_ms")
        .and_then(|value| value.as_i64())
        .unwrap_or_default();
    let trial = match object.remove("trial") {
        None | Some(Value::Null) => None,
        Some(value) => from_value(value)
            .map_err(|reason| {
                issues.push(RestoreIssue::Dropped {
                    kind: RecordKind::Trial,
                    index: 0,
                    reason,
                });
            })
            .ok(),
    };
    Document {
        log: Log::from_parts(entries, sessions, deleted),
        custom_routines,
        settings,
        pending_rating,
        trial,
        trial_discarded_ms,
        unknown_fields: object,
        routine_revisions,
        settings_updated_ms,
    }
    .settled()
}

/// Reads an entry in the current shape: areas tidied, an over-long note cut to the limit
/// (reported by the `bool`), and the rules checked.
fn read_entry(value: Value) -> Result<(Entry, bool), String> {
    settle_entry(from_value::<Entry>(value)?)
}

/// An entry as read: areas tidied, an over-long note cut to the limit (reported by the
/// `bool`), and the rules checked.
fn settle_entry(entry: Entry) -> Result<(Entry, bool), String> {
    let mut entry = entry.normalized();
    let too_long = entry.note.chars().count() > MAX_NOTE_CHARS;
    if too_long {
        entry.note = entry.note.chars().take(MAX_NOTE_CHARS).collect();
    }
    entry.validate().map_err(|error| error.to_string())?;
    Ok((entry, too_long))
}

/// An entry read already (from a chunk), as the restore keeps it; `None` when keeping it
/// would need a report (it breaks the rules, or its note had to be cut).
pub(super) fn sound_entry(entry: Entry) -> Option<Entry> {
    match settle_entry(entry) {
        Ok((entry, false)) => Some(entry),
        Ok((_, true)) | Err(_) => None,
    }
}

/// A session record read already (from a chunk), when it keeps the rules.
pub(super) fn sound_session(record: SessionRecord) -> Option<SessionRecord> {
    record.validate().is_ok().then_some(record)
}

/// Reads a custom routine and checks it by the rules every way in shares (share links,
/// routine files, backups). If only its progression cannot be read (damaged, or from a newer
/// version), the routine is kept without it (reported by the `bool`).
fn read_routine(value: Value) -> Result<(Routine, bool), String> {
    let (routine, dropped) = read_routine_shape(value)?;
    routine.validate().map_err(|problems| {
        problems
            .iter()
            .take(3)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    Ok((routine, dropped))
}

/// Reads a custom routine's shape, dropping an unreadable progression.
fn read_routine_shape(value: Value) -> Result<(Routine, bool), String> {
    match from_value::<Routine>(value.clone()) {
        Ok(routine) => Ok((routine, false)),
        Err(reason) => {
            let Value::Object(mut fields) = value else {
                return Err(reason);
            };
            if fields.remove("progression").is_none() {
                return Err(reason);
            }
            let routine = from_value::<Routine>(Value::Object(fields)).map_err(|_| reason)?;
            Ok((routine, true))
        }
    }
}

/// Takes the list under `field` and reads each item with `read`, dropping and reporting the
/// ones that fail. A missing field is an empty list; a field that is not a list is reported.
fn read_list<T>(
    object: &mut Map<String, Value>,
    field: &str,
    kind: RecordKind,
    issues: &mut Vec<RestoreIssue>,
    mut read: impl FnMut(Value) -> Result<T, String>,
) -> Vec<T> {
    let items = match object.remove(field) {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            issues.push(RestoreIssue::NotAList {
                field: field.to_string(),
            });
            return Vec::new();
        }
    };
    let mut kept = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        match read(item) {
            Ok(record) => kept.push(record),
            Err(reason) => issues.push(RestoreIssue::Dropped {
                kind,
                index,
                reason,
            }),
        }
    }
    kept
}

/// Deserialises one value, with the reader's message as the error.
fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_json::from_value(value).map_err(|error| error.to_string())
}
