//! One routine as a `.json` file, to keep or send when a link is not wanted:
//! `{"format": "limber-routine", "version": 1, "routine": {…}}`, the routine in the same
//! shape as in the stored document.

use serde::Serialize;
use serde_json::Value;

use super::share_link::sentences;
use crate::routine::{Routine, ValidationError};

/// The marker in the `format` field.
pub const ROUTINE_FILE_FORMAT: &str = "limber-routine";
/// The version [`routine_to_json`] writes.
pub const ROUTINE_FILE_VERSION: u64 = 1;
/// Largest routine file read: 1 MiB, far more than the longest valid routine needs.
pub const MAX_ROUTINE_FILE_BYTES: usize = 1024 * 1024;

/// Why a routine file cannot be opened. Messages are written for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoutineFileError {
    /// The file is larger than [`MAX_ROUTINE_FILE_BYTES`].
    #[error("This file is too large to be a Limber routine.")]
    TooLarge,
    /// The file is a whole Limber backup, not one routine.
    #[error("This is a Limber backup, not a single routine: import it under Settings instead.")]
    IsABackup,
    /// The file is not JSON, or lacks the routine-file marker.
    #[error("This is not a Limber routine file.")]
    NotARoutineFile,
    /// The file was written by a newer Limber in a format this one does not know.
    #[error("This routine file comes from a newer version of Limber. Reload Limber to update it, then open the file again.")]
    NewerVersion {
        /// The version in the file.
        version: u64,
    },
    /// The marker is right but the routine cannot be read.
    #[error("This routine file is damaged and could not be read ({reason}).")]
    Damaged {
        /// What the reader reported.
        reason: String,
    },
    /// The routine breaks the rules.
    #[error("The routine in this file can't be used: {}", sentences(.0))]
    Invalid(Vec<ValidationError>),
}

/// The routine as the text of a `.json` file, indented for people who open it.
pub fn routine_to_json(routine: &Routine) -> String {
    /// The file, fields in this order.
    #[derive(Serialize)]
    struct RoutineFile<'a> {
        format: &'a str,
        version: u64,
        routine: &'a Routine,
    }
    let file = RoutineFile {
        format: ROUTINE_FILE_FORMAT,
        version: ROUTINE_FILE_VERSION,
        routine,
    };
    serde_json::to_string_pretty(&file).expect("a routine always serialises: keys are strings")
}

/// Reads a routine file made by [`routine_to_json`] and checks the routine with
/// [`Routine::validate`]. It keeps the id it was written with: save it with
/// [`Routine::as_new_copy`].
pub fn routine_from_json(text: &str) -> Result<Routine, RoutineFileError> {
    if text.len() > MAX_ROUTINE_FILE_BYTES {
        return Err(RoutineFileError::TooLarge);
    }
    let text = text.trim_start_matches('\u{feff}');
    let Ok(Value::Object(mut file)) = serde_json::from_str::<Value>(text) else {
        return Err(RoutineFileError::NotARoutineFile);
    };
    if file.get("format").and_then(Value::as_str) != Some(ROUTINE_FILE_FORMAT) {
        let is_backup = ["schema_version", "entries", "custom_routines"]
            .iter()
            .any(|key| file.contains_key(*key));
        return Err(if is_backup {
            RoutineFileError::IsABackup
        } else {
            RoutineFileError::NotARoutineFile
        });
    }
    match file.get("version").and_then(Value::as_u64) {
        Some(ROUTINE_FILE_VERSION) => {}
        Some(version) if version > ROUTINE_FILE_VERSION => {
            return Err(RoutineFileError::NewerVersion { version })
        }
        _ => {
            return Err(RoutineFileError::Damaged {
                reason: "no known version".to_string(),
            })
        }
    }
    let routine = file.remove("routine").unwrap_or(Value::Null);
    let routine: Routine =
        serde_json::from_value(routine).map_err(|error| RoutineFileError::Damaged {
            reason: error.to_string(),
        })?;
    routine.validate().map_err(RoutineFileError::Invalid)?;
    Ok(routine)
}

/// A file name for the routine: "limber-routine-strap-hamstring-stretch-3-00-per-leg.json"
/// (letters and digits of the name, at most 40 of them and the dashes between).
pub fn routine_file_name(routine: &Routine) -> String {
    let mut slug = String::new();
    for char in routine.name.chars().flat_map(char::to_lowercase) {
        if char.is_ascii_alphanumeric() {
            slug.push(char);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "routine" } else { slug };
    format!("limber-routine-{slug}.json")
}
