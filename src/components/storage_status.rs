//! How the data is kept: the bytes under Limber's keys against the browser's local storage
//! (measured again after every write, kept copies counted apart), what the browser
//! reports for the whole site (Chromium leaves local storage out of that figure, so it is
//! shown only when not zero), and whether the browser has promised to keep it. Any figure
//! the browser does not give is simply left out.

use leptos::prelude::*;
use leptos::task::spawn_local;
use limber_core::transfer::{format_size, LOCAL_STORAGE_BYTES};

use crate::browser::storage::{self, LocalStore, StorageUse, StoredBytes};
use crate::state::use_app_store;

/// Size of the stored data, the browser's estimate, and persistence, with a button to ask
/// the browser to keep the data when it has not promised to.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let store = use_app_store();
    let stored = move || {
        store.stored_changes.track();
        LocalStore::open().and_then(|local| local.stored_bytes())
    };
    let estimate = RwSignal::new(None::<StorageUse>);
    let persisted = RwSignal::new(None::<bool>);
    let asked = RwSignal::new(false);
    spawn_local(async move {
        estimate.try_set(storage::estimate().await);
        persisted.try_set(storage::is_persisted().await);
    });
    let ask = move |_| {
        asked.set(true);
        spawn_local(async move {
            if let Some(granted) = storage::request_persistence().await {
                persisted.try_set(Some(granted));
            }
        });
    };

    view! {
        <div class="storage-status">
            {move || match stored() {
                Ok(StoredBytes { data, kept_copies }) => view! {
                    <p>{format!(
                        "Stored on this device: {} of {}.",
                        format_size(data),
                        format_size(LOCAL_STORAGE_BYTES),
                    )}</p>
                    {(kept_copies > 0).then(|| view! {
                        <p class="note">{format!(
                            "Kept copies of data Limber did not understand: {}.",
                            format_size(kept_copies),
                        )}</p>
                    })}
                }.into_any(),
                Err(problem) => view! {
                    <p>{format!("Stored on this device: not measured ({problem}).")}</p>
                }.into_any(),
            }}
            {move || estimate.get().filter(|found| found.used_bytes > 0.0).map(|StorageUse { used_bytes, quota_bytes }| view! {
                <p class="note">
                    {format!(
                        "With the app's offline copy, this site uses {} of the {} the browser allows.",
                        format_size(used_bytes as u64),
                        format_size(quota_bytes as u64),
                    )}
                </p>
            })}
            {move || match persisted.get() {
                Some(true) => Some(view! { <p class="persisted">"Your browser keeps this data."</p> }.into_any()),
                Some(false) => Some(view! {
                    <p class="not-persisted">
                        "The browser may clear this data if space runs low — export a backup now and then."
                    </p>
                    <Show when=move || !asked.get() fallback=|| view! {
                        <p class="note">"The browser has not promised to keep it; a backup is the safe way."</p>
                    }>
                        <button type="button" on:click=ask>"Ask the browser to keep it"</button>
                    </Show>
                }.into_any()),
                None => None,
            }}
        </div>
    }
}
