//! The banner that says, in plain words, when the device storage is not saving normally, and
//! offers the way out (export a backup, download the unreadable data).

use leptos::prelude::*;

use crate::browser::document_store::StorageHealth;
use crate::browser::files::download_text;
use crate::browser::storage::LocalStore;
use crate::state::use_app_store;

/// Shown at the top of every screen while storage is not [`StorageHealth::Ok`].
#[component]
pub fn StorageBanner() -> impl IntoView {
    let store = use_app_store();
    let dismissed = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let export_backup = move |_| {
        let json = store.document.with_untracked(|document| document.to_json());
        failure.set(
            download_text("limber-backup.json", "application/json", &json)
                .err()
                .map(|error| format!("The backup could not be downloaded: {error}")),
        );
    };
    move || {
        let health = store.health.get();
        if health == StorageHealth::Ok || dismissed.get() {
            return None;
        }
        let backup_button = move || view! { <button type="button" on:click=export_backup>"Export a backup"</button> };
        let body = match health {
            StorageHealth::Ok => return None,
            StorageHealth::QuotaExceeded => view! {
                <p>"Storage on this device is full, so your latest changes are not saved yet. They are safe while Limber stays open: export a backup now."</p>
                {backup_button()}
            }
            .into_any(),
            StorageHealth::Kept { backup_name, notice } => {
                let download_raw = move |_| {
                    let downloaded = match LocalStore::open().and_then(|local| local.get(&backup_name)) {
                        Ok(Some(text)) => download_text("limber-unreadable-data.txt", "text/plain", &text)
                            .map_err(|error| error.to_string()),
                        Ok(None) => Err("the copy is no longer there".to_string()),
                        Err(error) => Err(error.to_string()),
                    };
                    failure.set(downloaded.err().map(|error| format!("The copy could not be downloaded: {error}")));
                };
                view! {
                    <p>{notice}</p>
                    <button type="button" on:click=download_raw>"Download the unreadable data"</button>
                    <button type="button" on:click=move |_| dismissed.set(true)>"Dismiss"</button>
                }
                .into_any()
            }
            StorageHealth::NewerVersion { in_other_tab: false } => view! {
                <p>"Your data was saved by a newer version of Limber. To protect it, changes made here are not saved: reload to get the new version."</p>
                {backup_button()}
            }
            .into_any(),
            StorageHealth::NewerVersion { in_other_tab: true } => view! {
                <p>"Limber was updated in another tab — reload to continue. Nothing you change here is saved; what this tab holds can still be exported."</p>
                {backup_button()}
            }
            .into_any(),
            StorageHealth::Unavailable => view! {
                <p>"This browser does not let Limber store data, so nothing you enter is kept after you close it."</p>
            }
            .into_any(),
            StorageHealth::Failed(reason) => view! {
                <p>{format!("Saving failed ({reason}). Your data is safe while Limber stays open: export a backup.")}</p>
                {backup_button()}
            }
            .into_any(),
        };
        Some(view! {
            <div class="banner" role="alert">
                {body}
                {move || failure.get().map(|message| view! { <p>{message}</p> })}
            </div>
        })
    }
}
