//! The one save path: opening the stored text at start-up, writing after each named
//! operation, taking in other tabs' writes, and keeping a byte-for-byte copy of any text not
//! understood completely before it is written over. The rules are the core's
//! ([`limber_core::store::open`], [`limber_core::store::take_other_tab_write`]).

use leptos::prelude::*;
use limber_core::store::{open, take_other_tab_write, Document, Opened, Verdict};
use wasm_bindgen::{JsCast, JsValue};

use super::AppStore;
use crate::browser::clock::{wall_clock_now, EventListener};
use crate::browser::document_store::{self, StorageHealth};
use crate::browser::storage::{keys, LocalStore, StorageError};

/// What the save path remembers between writes.
pub(super) struct Saving {
    /// False once writing would destroy something (a newer version) or storage is missing.
    writable: bool,
    /// The text last written or read, so an unchanged document is not written again.
    last_saved: String,
    /// True while the document holds changes storage does not.
    unsaved: bool,
}

/// Why a change was made in memory but not stored. Messages are written for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotSaved {
    /// Another tab runs a newer Limber (or the stored data is newer).
    #[error("Not saved: Limber was updated in another tab — reload to continue.")]
    NewerVersion,
    /// The storage is full or failed; the change is kept while the app stays open.
    #[error("Not saved: {0}. Your change is kept while Limber stays open: export a backup.")]
    Storage(StorageError),
}

/// Reads and opens the stored document at start-up.
pub(super) fn open_storage(now_ms: i64) -> (Document, StorageHealth, Saving) {
    let stopped = |document, health| {
        let saving = Saving {
            writable: false,
            last_saved: String::new(),
            unsaved: false,
        };
        (document, health, saving)
    };
    let local = match LocalStore::open() {
        Ok(local) => local,
        Err(_) => return stopped(Document::default(), StorageHealth::Unavailable),
    };
    let text = match document_store::read(&local) {
        Ok(text) => text,
        Err(error) => {
            return stopped(
                Document::default(),
                StorageHealth::Failed(error.to_string()),
            )
        }
    };
    let Opened { document, verdict } = open(text.as_deref());
    let health = match verdict {
        Verdict::Understood => StorageHealth::Ok,
        Verdict::Newer { .. } => {
            return stopped(
                document,
                StorageHealth::NewerVersion {
                    in_other_tab: false,
                },
            )
        }
        Verdict::KeepCopyFirst { notice } => {
            let kept = text
                .as_deref()
                .map(|text| document_store::keep_copy(&local, text, now_ms));
            match kept {
                Some(Ok(backup_name)) => StorageHealth::Kept {
                    backup_name,
                    notice,
                },
                // Without a safe copy, never write over the only one.
                Some(Err(error)) => {
                    return stopped(document, StorageHealth::Failed(error.to_string()))
                }
                None => StorageHealth::Ok,
            }
        }
    };
    let saving = Saving {
        writable: true,
        last_saved: text.unwrap_or_default(),
        unsaved: false,
    };
    (document, health, saving)
}

/// Writes the document if it changed since the last write.
pub(super) fn save_now(store: AppStore) -> Result<(), NotSaved> {
    let writable = store.saving.with_value(|saving| saving.writable);
    if !writable {
        store.saving.update_value(|saving| saving.unsaved = true);
        return Err(match store.health.get_untracked() {
            StorageHealth::NewerVersion { .. } => NotSaved::NewerVersion,
            StorageHealth::Unavailable => NotSaved::Storage(StorageError::Unavailable),
            _ => NotSaved::Storage(StorageError::Failed("saving is stopped".into())),
        });
    }
    let json = store.document.with_untracked(Document::to_json);
    if store.saving.with_value(|saving| saving.last_saved == json) {
        return Ok(());
    }
    match LocalStore::open().and_then(|local| document_store::write(&local, &json)) {
        Ok(()) => {
            store.saving.update_value(|saving| {
                saving.last_saved = json;
                saving.unsaved = false;
            });
            if matches!(
                store.health.get_untracked(),
                StorageHealth::QuotaExceeded | StorageHealth::Failed(_)
            ) {
                store.set_health.set(StorageHealth::Ok);
            }
            Ok(())
        }
        Err(error) => {
            store.saving.update_value(|saving| saving.unsaved = true);
            store.set_health.set(match &error {
                StorageError::QuotaExceeded => StorageHealth::QuotaExceeded,
                other => StorageHealth::Failed(other.to_string()),
            });
            Err(NotSaved::Storage(error))
        }
    }
}

/// Takes in what other tabs write to the document, by the core's rules: a newer version
/// stops this tab's saving; anything else is merged, after a copy when not understood.
pub(super) fn listen_to_other_tabs(store: AppStore) {
    let other_tab = EventListener::on_window("storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        if event.key().as_deref() != Some(LocalStore::full_key(keys::DOCUMENT).as_str()) {
            return;
        }
        if !store.saving.with_value(|saving| saving.writable) {
            return;
        }
        let written = event.new_value();
        let Opened { document, verdict } = store
            .document
            .with_untracked(|mine| take_other_tab_write(mine, written.as_deref()));
        match verdict {
            Verdict::Newer { .. } => {
                store.saving.update_value(|saving| saving.writable = false);
                store.set_health.set(StorageHealth::NewerVersion { in_other_tab: true });
                return;
            }
            Verdict::KeepCopyFirst { notice } => {
                let text = written.unwrap_or_default();
                let kept = LocalStore::open().and_then(|local| {
                    document_store::keep_copy(&local, &text, wall_clock_now().utc_ms)
                });
                match kept {
                    Ok(backup_name) => store.set_health.set(StorageHealth::Kept {
                        backup_name,
                        notice,
                    }),
                    Err(error) => {
                        store.saving.update_value(|saving| saving.writable = false);
                        store.set_health.set(StorageHealth::Failed(error.to_string()));
                        return;
                    }
                }
            }
            Verdict::Understood => {
                // What the other tab wrote is stored: write again only if merging added to it.
                let text = written.unwrap_or_default();
                store
                    .saving
                    .update_value(|saving| saving.last_saved = text);
            }
        }
        if store.document.with_untracked(|mine| *mine != document) {
            store.set_document.set(document);
        }
        // A failure shows in the banner; nothing else to do here.
        if save_now(store).is_err() {
            store.saving.update_value(|saving| saving.unsaved = true);
        }
    });
    // The listener lives as long as the app.
    std::mem::forget(other_tab);
}

/// While the document holds changes storage does not, leaving the page asks first.
pub(super) fn ask_before_leaving_unsaved(store: AppStore) {
    let guard = EventListener::on_window("beforeunload", move |event| {
        if store.saving.with_value(|saving| saving.unsaved) {
            event.prevent_default();
            // Older browsers show the question only when returnValue is set.
            if js_sys::Reflect::set(
                &event,
                &JsValue::from_str("returnValue"),
                &JsValue::from_str("Your latest changes are not saved."),
            )
            .is_err()
            {
                web_sys::console::warn_1(&JsValue::from_str("could not ask before leaving"));
            }
        }
    });
    std::mem::forget(guard);
}
