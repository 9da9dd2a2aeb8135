//! App-wide state: the stored document (log, sessions, custom routines, settings) and the
//! health of the device storage it lives in. Screens read the document; they change it only
//! through the store's named operations (`src/state/operations.rs`), each of which saves at
//! once and returns a `Result` the screen shows. Opening storage and taking in another tab's
//! write follow the core's rules (`limber_core::store::open`), in `src/state/saving.rs`.

mod operations;
mod saving;

use leptos::prelude::*;
use limber_core::store::Document;

use crate::browser::clock::wall_clock_now;
use crate::browser::document_store::StorageHealth;

pub use operations::StoreError;

mod trial;

/// The app's shared state, provided as a context at the root.
#[derive(Clone, Copy)]
pub struct AppStore {
    /// Everything Limber keeps (change it with the named operations).
    pub document: ReadSignal<Document>,
    /// Whether saving works.
    pub health: ReadSignal<StorageHealth>,
    /// Counts the writes to storage (this tab's saves and other tabs' writes taken in), so
    /// what measures the stored data measures it again after each.
    pub stored_changes: ReadSignal<u64>,
    set_document: WriteSignal<Document>,
    set_health: WriteSignal<StorageHealth>,
    set_stored_changes: WriteSignal<u64>,
    saving: StoredValue<saving::Saving>,
}

/// The app store from context (provided by [`provide_app_store`] in `App`).
pub fn use_app_store() -> AppStore {
    expect_context::<AppStore>()
}

/// Opens the stored document, provides the store as context, takes in other tabs' writes
/// and asks before the page is left with changes that could not be saved.
pub fn provide_app_store() -> AppStore {
    let (opened, health, saving) = saving::open_storage(wall_clock_now().utc_ms);
    let (document, set_document) = signal(opened);
    let (health, set_health) = signal(health);
    let (stored_changes, set_stored_changes) = signal(0);
    let store = AppStore {
        document,
        health,
        stored_changes,
        set_document,
        set_health,
        set_stored_changes,
        saving: StoredValue::new(saving),
    };
    provide_context(store);
    saving::listen_to_other_tabs(store);
    saving::ask_before_leaving_unsaved(store);
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
