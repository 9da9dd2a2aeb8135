//! The one save path: opening the stored index at start-up, writing after each named
//! operation (only the chunks that changed, in a crash-safe order), taking in other tabs' writes, and keeping a byte-for-byte copy of any text not
//! understood completely before it is written over. The rules are the core's
//! ([`limber_core::store::open`], [`limber_core::store::take_other_tab_write`]).

use std::collections::BTreeSet;

use leptos::prelude::*;
use limber_core::store::{
    open, take_other_tab_write, write_steps, ChunkCache, Document, Opened, Verdict,
};
use wasm_bindgen::{JsCast, JsValue};

use super::AppStore;
use crate::browser::clock::wall_clock_now;
use crate::browser::document_store::{self, StorageHealth};
use crate::browser::events::EventListener;
use crate::browser::storage::{keys, LocalStore, StorageError};

/// What the save path remembers between writes.
pub(super) struct Saving {
    /// False once writing would destroy something (a newer version) or storage is missing.
    writable: bool,
    /// The text last written or read, so an unchanged document is not written again.
    last_saved: String,
    /// True while the document holds changes storage does not.
    unsaved: bool,
    /// Chunks already encoded, so a save encodes only what changed.
    cache: ChunkCache,
    /// The chunks the stored index points to.
    stored_chunks: BTreeSet<String>,
}

impl Saving {
    fn new(
        writable: bool,
        last_saved: String,
        stored_chunks: BTreeSet<String>,
        cache: ChunkCache,
    ) -> Self {
        Self {
            writable,
            last_saved,
            unsaved: false,
            cache,
            stored_chunks,
        }
    }
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
        let saving = Saving::new(false, String::new(), BTreeSet::new(), ChunkCache::default());
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
    let Opened {
        document,
        verdict,
        chunk_names,
        cache,
    } = open(text.as_deref(), &|name| local.get(name).ok().flatten());
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
        Verdict::KeepCopyFirst { notice, copy } => {
            match document_store::keep_copy(&local, &copy, now_ms) {
                Ok(backup_name) => StorageHealth::Kept {
                    backup_name,
                    notice,
                },
                // Without a safe copy, never write over the only one.
                Err(error) => return stopped(document, StorageHealth::Failed(error.to_string())),
            }
        }
    };
    let saving = Saving::new(true, text.unwrap_or_default(), chunk_names, cache);
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
    let Some(layout) = store.saving.try_update_value(|saving| {
        store
            .document
            .with_untracked(|document| document.to_layout(&mut saving.cache))
    }) else {
        return Ok(());
    };
    if store
        .saving
        .with_value(|saving| saving.last_saved == layout.index)
    {
        return Ok(());
    }
    let steps = store
        .saving
        .with_value(|saving| write_steps(&saving.stored_chunks, &layout));
    match LocalStore::open().and_then(|local| document_store::apply(&local, steps)) {
        Ok(()) => {
            store.saving.update_value(|saving| {
                saving.last_saved = layout.index;
                saving.stored_chunks = layout.chunks.into_keys().collect();
                saving.unsaved = false;
            });
            store.set_stored_changes.update(|count| *count += 1);
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
        let Ok(local) = LocalStore::open() else {
            return;
        };
        let Opened {
            document,
            verdict,
            chunk_names,
            cache,
        } = store.document.with_untracked(|mine| {
            take_other_tab_write(mine, written.as_deref(), &|name| {
                local.get(name).ok().flatten()
            })
        });
        match verdict {
            Verdict::Newer { .. } => {
                store.saving.update_value(|saving| saving.writable = false);
                store
                    .set_health
                    .set(StorageHealth::NewerVersion { in_other_tab: true });
                return;
            }
            Verdict::KeepCopyFirst { notice, copy } => {
                match document_store::keep_copy(&local, &copy, wall_clock_now().utc_ms) {
                    Ok(backup_name) => store.set_health.set(StorageHealth::Kept {
                        backup_name,
                        notice,
                    }),
                    Err(error) => {
                        store.saving.update_value(|saving| saving.writable = false);
                        store
                            .set_health
                            .set(StorageHealth::Failed(error.to_string()));
                        return;
                    }
                }
            }
            Verdict::Understood => {
                // What the other tab wrote is stored: write again only if merging added to it,
                // and then only the chunks that differ from the ones it wrote.
                let text = written.unwrap_or_default();
                store.saving.update_value(|saving| {
                    saving.last_saved = text;
                    saving.cache = cache;
                });
            }
        }
        store.set_stored_changes.update(|count| *count += 1);
        store
            .saving
            .update_value(|saving| saving.stored_chunks = chunk_names);
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
            // Older browsers ask only when returnValue is set; where it cannot be set,
            // prevent_default above already asks.
            js_sys::Reflect::set(
                &event,
                &JsValue::from_str("returnValue"),
                &JsValue::from_str("Your latest changes are not saved."),
            )
            .ok();
        }
    });
    std::mem::forget(guard);
}
