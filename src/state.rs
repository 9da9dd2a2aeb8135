//! App-wide state: the stored document (log, sessions, custom routines, settings) and the
//! health of the device storage it lives in. One Effect saves the document when it changes;
//! a write from another tab is merged in by id, so neither tab loses an entry.

use leptos::prelude::*;
use limber_core::log::Entry;
use limber_core::store::{restore, Document};
use wasm_bindgen::JsCast;

use crate::browser::clock::{wall_clock_now, EventListener};
use crate::browser::document_store::{self, StorageHealth};
use crate::browser::storage::{keys, request_persistence, LocalStore, StorageError};

mod trial;

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

/// Loads the stored document, provides the store as context, saves on every change and
/// merges writes from other tabs.
pub fn provide_app_store() -> AppStore {
    let local = LocalStore::open();
    let loaded = match &local {
        Ok(local) => document_store::load(local, wall_clock_now().utc_ms),
        Err(_) => document_store::Loaded {
            document: Document::default(),
            health: StorageHealth::Unavailable,
            writable: false,
        },
    };
    let last_saved = StoredValue::new(loaded.document.to_json());
    let store = AppStore {
        document: RwSignal::new(loaded.document),
        health: RwSignal::new(loaded.health),
    };
    provide_context(store);
    let Ok(local) = local else { return store };
    if !loaded.writable {
        return store;
    }
    let local = send_wrapper::SendWrapper::new(local);
    Effect::new(move |_| {
        let json = store.document.with(Document::to_json);
        if last_saved.with_value(|saved| *saved == json) {
            return;
        }
        match document_store::save(&local, &json) {
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
    let other_tab = EventListener::on_window("storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        if event.key().as_deref() != Some(LocalStore::full_key(keys::DOCUMENT).as_str()) {
            return;
        }
        let Some(text) = event.new_value() else {
            return;
        };
        let Ok(theirs) = restore(&text) else { return };
        // What the other tab wrote is on disk: only write again if merging added something.
        last_saved.set_value(text);
        store
            .document
            .update(|mine| *mine = mine.merged_with(&theirs.document));
    });
    // The listener lives as long as the app.
    std::mem::forget(other_tab);
    store
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

    /// Adds a log entry; false if it was not valid. After the first entry, asks the browser
    /// to keep Limber's data even when space runs low.
    pub fn add_entry(&self, entry: Entry) -> bool {
        let now_ms = wall_clock_now().utc_ms;
        let (added, first) = self
            .document
            .try_update(|document| {
                let added = document.log.add_entry(entry, now_ms).is_ok();
                (added, document.log.entries().len() == 1)
            })
            .unwrap_or((false, false));
        if added && first {
            leptos::task::spawn_local(async {
                let _ = request_persistence().await;
            });
        }
        added
    }
}

/// Set by a Start button just before it opens the player, so the player starts at once:
/// the user presses Start only once.
#[derive(Clone, Copy)]
pub struct StartRequested(pub RwSignal<bool>);

/// True while a routine is running or paused, so nothing (an app update, a reload) interrupts it.
#[derive(Clone, Copy)]
pub struct PlayerActive(pub RwSignal<bool>);

/// True once the browser offers to install the app (Android's `beforeinstallprompt`).
#[derive(Clone, Copy)]
pub struct InstallAvailable(pub RwSignal<bool>);

/// A fresh id for one of the user's own routines: `custom-` and a time-ordered random id.
pub fn new_custom_routine_id() -> String {
    format!(
        "custom-{}",
        limber_core::log::new_id(
            wall_clock_now().utc_ms,
            crate::browser::random::random_bits()
        )
    )
}
