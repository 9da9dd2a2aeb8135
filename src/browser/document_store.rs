//! Reading and writing the stored document's keys in localStorage (the index and its chunks),
//! and keeping a byte-for-byte copy of text about to be written over. What is written, and in
//! which order, is decided by the core (`limber_core::store::write_steps`); this file only
//! touches keys.

use limber_core::store::WriteStep;

use super::storage::{keys, LocalStore, StorageError};

/// How the device storage is doing, shown as a banner when it is not [`StorageHealth::Ok`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageHealth {
    /// Reading and writing work.
    Ok,
    /// The browser gives no storage: the app runs, but nothing is kept after closing.
    Unavailable,
    /// The last save did not fit; the data is safe in memory until exported.
    QuotaExceeded,
    /// Stored text was not understood completely; it was kept untouched under `backup_name`.
    Kept {
        /// Storage name (without prefix) of the untouched copy.
        backup_name: String,
        /// What was kept and what was not understood, for the user.
        notice: String,
    },
    /// The data was written by a newer Limber; it is never written over from here.
    NewerVersion {
        /// True when another tab wrote it while this one was open.
        in_other_tab: bool,
    },
    /// Some other storage failure.
    Failed(String),
}

/// The stored document's text, if any.
pub fn read(local: &LocalStore) -> Result<Option<String>, StorageError> {
    local.get(keys::DOCUMENT)
}

/// Writes the document's index (tests and tools; the app writes through [`apply`]).
pub fn write(local: &LocalStore, json: &str) -> Result<(), StorageError> {
    local.set(keys::DOCUMENT, json)
}

/// Performs a save's writes in order. If one fails before the index is written, the chunks
/// this save added are removed again and the stored document is the old one, untouched.
pub fn apply(local: &LocalStore, steps: Vec<WriteStep>) -> Result<(), StorageError> {
    let mut added = Vec::new();
    for step in steps {
        let written = match step {
            WriteStep::PutChunk { name, text } => {
                let written = local.set(&name, &text);
                added.push(name);
                written
            }
            WriteStep::PutIndex(text) => local.set(keys::DOCUMENT, &text),
            // A chunk left behind costs space, never data: the index no longer names it.
            WriteStep::RemoveChunk(name) => local.remove(&name).or(Ok(())),
        };
        if let Err(error) = written {
            for name in &added {
                // Best effort: a chunk no index names is never read.
                local.remove(name).ok();
            }
            return Err(error);
        }
    }
    Ok(())
}

/// Copies text under a backup name no earlier backup uses, and returns the name. The same
/// text already kept (the app started twice before anything was saved) is not copied again.
pub fn keep_copy(local: &LocalStore, text: &str, now_ms: i64) -> Result<String, StorageError> {
    let taken = local.names();
    let same_copy = taken
        .iter()
        .filter(|name| name.starts_with(keys::CORRUPT_BACKUP_PREFIX))
        .find(|name| local.get(name).ok().flatten().as_deref() == Some(text));
    if let Some(name) = same_copy {
        return Ok(name.clone());
    }
    let base = format!("{}{now_ms}", keys::CORRUPT_BACKUP_PREFIX);
    let name = std::iter::once(base.clone())
        .chain((1..).map(|n| format!("{base}-{n}")))
        .find(|name| !taken.contains(name))
        .unwrap_or(base);
    local.set(&name, text)?;
    Ok(name)
}
