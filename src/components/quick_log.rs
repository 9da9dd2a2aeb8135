//! One tap on the 0–10 scale saves a pain entry; "Add details" then opens the rest.

use leptos::prelude::*;
use limber_core::log::{new_id, Entry};

use super::entry_editor::EntryEditor;
use super::pain_scale::PainScale;
use crate::browser::clock::wall_clock_now;
use crate::browser::random::random_bits;
use crate::state::use_app_store;

/// The quick check-in: a 0–10 scale that saves on tap, then a way to add details.
#[component]
pub fn QuickLog() -> impl IntoView {
    let store = use_app_store();
    let saved = RwSignal::new(None::<Entry>);
    let editing = RwSignal::new(false);
    let pick = Callback::new(move |pain: u8| {
        let now = wall_clock_now();
        let entry = Entry::new(new_id(now.utc_ms, random_bits()), now, pain);
        if store.add_entry(entry.clone()) {
            saved.set(Some(entry));
            editing.set(false);
        }
    });
    let save_details = Callback::new(move |entry: Entry| {
        let now_ms = wall_clock_now().utc_ms;
        let updated = store
            .document
            .try_update(|document| document.log.update_entry(entry.clone(), now_ms).is_ok())
            .unwrap_or(false);
        if updated {
            saved.set(Some(entry));
            editing.set(false);
        }
    });
    view! {
        <section class="quick-log" aria-label="Quick check-in">
            <PainScale label="How is your back right now?" on_pick=pick />
            {move || {
                saved
                    .get()
                    .map(|entry| {
                        let summary = format!("Saved: {}/10 at {}.", entry.pain, entry.at.local_time_of_day());
                        view! {
                            <p class="saved" role="status">
                                {summary}
                                " "
                                <Show when=move || !editing.get()>
                                    <button type="button" on:click=move |_| editing.set(true)>"Add details"</button>
                                </Show>
                            </p>
                            <Show when=move || editing.get()>
                                <EntryEditor entry=entry.clone() on_save=save_details on_cancel=Callback::new(move |_| editing.set(false)) />
                            </Show>
                        }
                    })
            }}
        </section>
    }
}
