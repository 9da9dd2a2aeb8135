//! Loading and saving the whole stored document in localStorage, without ever losing it:
//! unreadable text is copied under a backup name before anything else is written, and a
//! document from a newer Limber is read but never written over.

use limber_core::store::{restore, Document};

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
    /// The stored data could not be read; its text was kept under this name.
    Corrupt {
        /// Storage name (without prefix) of the untouched copy.
        backup_name: String,
    },
    /// The data was written by a newer Limber; it is shown but not overwritten.
    NewerVersion,
    /// Some other storage failure.
    Failed(String),
}

/// What loading found.
pub struct Loaded {
    /// The document to run with.
    pub document: Document,
    /// How storage is doing.
    pub health: StorageHealth,
    /// False when saving would destroy something (a newer version, an unsaved corrupt copy).
    pub writable: bool,
}

/// Reads the document: missing → a new one; unreadable → its text is first kept under a new
/// backup name and the app starts empty; from a newer version → read, not writable.
pub fn load(local: &LocalStore, now_ms: i64) -> Loaded {
    let text = match local.get(keys::DOCUMENT) {
        Ok(Some(text)) => text,
        Ok(None) => {
            return Loaded {
                document: Document::default(),
                health: StorageHealth::Ok,
                writable: true,
            }
        }
        Err(error) => {
            return Loaded {
                document: Document::default(),
                health: StorageHealth::Failed(error.to_string()),
                writable: false,
            }
        }
    };
    match restore(&text) {
        Ok(restored) if restored.is_from_newer_version() => Loaded {
            document: restored.document,
            health: StorageHealth::NewerVersion,
            writable: false,
        },
        Ok(restored) => Loaded {
            document: restored.document,
            health: StorageHealth::Ok,
            writable: true,
        },
        Err(_) => match keep_backup(local, &text, now_ms) {
            Ok(backup_name) => Loaded {
                document: Document::default(),
                health: StorageHealth::Corrupt { backup_name },
                writable: true,
            },
            // Without a safe copy, never write over the only one.
            Err(error) => Loaded {
                document: Document::default(),
                health: StorageHealth::Failed(error.to_string()),
                writable: false,
            },
        },
    }
}

/// Copies text under a backup name no earlier backup uses, and returns the name. The same
/// text already kept (the app started twice before anything was saved) is not copied again.
fn keep_backup(local: &LocalStore, text: &str, now_ms: i64) -> Result<String, StorageError> {
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

/// Writes the document's JSON.
pub fn save(local: &LocalStore, json: &str) -> Result<(), StorageError> {
    local.set(keys::DOCUMENT, json)
}
