//! App-wide state: the stored document (log, sessions, custom routines, settings) and the
//! health of the device storage it lives in. One Effect saves the document when it changes.

use leptos::prelude::*;
use limber_core::store::{restore, Document};

use crate::browser::clock::wall_clock_now;
use crate::browser::storage::{keys, LocalStore, StorageError};

/// How the device storage is doing, shown as a banner when it is not [`StorageHealth::Ok`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageHealth {
    /// Reading and writing work.
    Ok,
    /// The browser gives no storage: the app runs, but nothing is kept after closing.
    Unavailable,
    /// The last save did not fit; the data is safe in memory until exported.
    QuotaExceeded,
    /// The stored data could not be read; its text was kept under this key.
    Corrupt {
        /// Storage name of the untouched copy.
        backup_name: String,
    },
    /// The data was written by a newer Limber; it is shown but not overwritten.
    NewerVersion,
    /// Some other storage failure.
    Failed(String),
}

/// The app's shared state, provided as a context at the root.
#[derive(Clone, Copy)]
pub struct AppStore {
    /// Everything Limber keeps.
    pub document: RwSignal<Document>,
    /// Whether saving works.
    pub health: RwSignal<StorageHealth>,
}

/// The app store from context (provided by [`provide_app_store`] in `App`).
pub fn use_app_store() -> AppStore {
    expect_context::<AppStore>()
}

/// Loads the stored document, provides the store as context, and saves on every change.
pub fn provide_app_store() -> AppStore {
    let store_handle = LocalStore::open();
    let (document, health, writable) = match &store_handle {
        Ok(local) => load(local),
        Err(_) => (Document::default(), StorageHealth::Unavailable, false),
    };
    let last_saved = StoredValue::new(document.to_json());
    let store = AppStore {
        document: RwSignal::new(document),
        health: RwSignal::new(health),
    };
    provide_context(store);
    if let (Ok(local), true) = (store_handle, writable) {
        let local = send_wrapper::SendWrapper::new(local);
        Effect::new(move |_| {
            let json = store.document.with(Document::to_json);
            if last_saved.with_value(|saved| *saved == json) {
                return;
            }
            match local.set(keys::DOCUMENT, &json) {
                Ok(()) => {
                    last_saved.set_value(json);
                    if store.health.get_untracked() == StorageHealth::QuotaExceeded {
                        store.health.set(StorageHealth::Ok);
                    }
                }
                Err(StorageError::QuotaExceeded) => store.health.set(StorageHealth::QuotaExceeded),
                Err(error) => store.health.set(StorageHealth::Failed(error.to_string())),
            }
        });
    }
    store
}

/// Reads the document: missing → a new one; unreadable → its text is kept under a backup
/// name first and the app starts empty; newer version → read, but never written over.
fn load(local: &LocalStore) -> (Document, StorageHealth, bool) {
    let text = match local.get(keys::DOCUMENT) {
        Ok(Some(text)) => text,
        Ok(None) => return (Document::default(), StorageHealth::Ok, true),
        Err(error) => {
            return (
                Document::default(),
                StorageHealth::Failed(error.to_string()),
                false,
            )
        }
    };
    match restore(&text) {
        Ok(restored) if restored.is_from_newer_version() => {
            (restored.document, StorageHealth::NewerVersion, false)
        }
        Ok(restored) => (restored.document, StorageHealth::Ok, true),
        Err(_) => {
            let backup_name = format!("{}{}", keys::CORRUPT_BACKUP_PREFIX, wall_clock_now().utc_ms);
            match local.set(&backup_name, &text) {
                Ok(()) => (
                    Document::default(),
                    StorageHealth::Corrupt { backup_name },
                    true,
                ),
                // Without a safe copy, never write over the only one.
                Err(error) => (
                    Document::default(),
                    StorageHealth::Failed(error.to_string()),
                    false,
                ),
            }
        }
    }
}

impl AppStore {
    /// A routine by id: built in, or one of the user's own.
    pub fn find_routine(&self, id: &str) -> Option<limber_core::routine::Routine> {
        limber_core::library::find_builtin(id).or_else(|| {
            self.document.with_untracked(|document| {
                document
                    .custom_routines
                    .iter()
                    .find(|routine| routine.id == id)
                    .cloned()
            })
        })
    }
}

/// Set by a Start button just before it opens the player, so the player starts at once:
/// the user presses Start only once.
#[derive(Clone, Copy)]
pub struct StartRequested(pub RwSignal<bool>);

/// True while a routine is running or paused, so nothing (an app update, a reload) interrupts it.
#[derive(Clone, Copy)]
pub struct PlayerActive(pub RwSignal<bool>);
