//! Offline use and updates: registers the service worker, and when a new version has installed
//! in the background shows "Update available — Reload". A routine in progress is never
//! interrupted: the prompt hides while one runs or is paused, and a requested update waits.

use leptos::logging::warn;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::service_worker::{
    apply_update, reload, watch_updates, ApplyOutcome, UpdateWatch, WorkerEvent,
};
use crate::state::PlayerActive;

/// The service worker's owner and the update prompt, a small bar above the bottom navigation.
/// Development builds (`trunk serve`) register no worker, so live reload never meets a cache.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let player_active = expect_context::<PlayerActive>().0;
    let update_ready = RwSignal::new(false);
    let reload_requested = RwSignal::new(false);
    // Dropped with this component, which removes the worker's listeners.
    let watch = StoredValue::new_local(None::<UpdateWatch>);

    if !cfg!(debug_assertions) {
        let on_event = move |event: WorkerEvent| match event {
            WorkerEvent::UpdateReady => {
                update_ready.try_set(true);
            }
            WorkerEvent::ControllerChanged => {
                let requested = reload_requested.try_get_untracked() == Some(true);
                if requested && player_active.try_get_untracked() == Some(false) {
                    reload_or_warn();
                }
            }
            WorkerEvent::Failed(error) => warn!("{error}"),
        };
        match watch_updates(on_event) {
            Ok(handle) => watch.set_value(Some(handle)),
            Err(error) => warn!("{error}"),
        }
    }

    // Applies a requested update as soon as no routine is running or paused.
    Effect::new(move |_| {
        if reload_requested.get() && !player_active.get() {
            spawn_local(async move {
                match apply_update().await {
                    Ok(ApplyOutcome::Requested) => {}
                    Ok(ApplyOutcome::NothingWaiting) => reload_or_warn(),
                    Err(error) => {
                        warn!("{error}");
                        reload_or_warn();
                    }
                }
            });
        }
    });

    view! {
        <div class="update-prompt-region" aria-live="polite">
            <Show when=move || update_ready.get() && !player_active.get()>
                <p class="update-prompt">
                    <span>"Update available — "</span>
                    <button
                        type="button"
                        class="primary"
                        disabled=move || reload_requested.get()
                        on:click=move |_| reload_requested.set(true)
                    >
                        "Reload"
                    </button>
                </p>
            </Show>
        </div>
    }
}

fn reload_or_warn() {
    if let Err(error) = reload() {
        warn!("{error}");
    }
}
