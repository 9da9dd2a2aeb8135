//! One tap on the 0–10 scale saves a pain entry (another tap within 30 s corrects it);
//! "Add details" then opens the rest.

use leptos::prelude::*;
use limber_core::log::Entry;

use super::entry_editor::EntryEditor;
use super::pain_scale::PainScale;
use crate::hooks::use_rating::{use_rating, UseRatingReturn};
use crate::state::{use_app_store, StoreError};

/// The quick check-in: a 0–10 scale that saves on tap, then a way to add details.
#[component]
pub fn QuickLog() -> impl IntoView {
    let store = use_app_store();
    let UseRatingReturn {
        saved,
        corrected,
        problem,
        rate,
    } = use_rating(Entry::new);
    let editing = RwSignal::new(false);
    let pick = Callback::new(move |pain: u8| {
        editing.set(false);
        rate.run(pain);
    });
    let saved_details = move |entry: Entry| {
        saved.set(Some(entry));
        editing.set(false);
    };
    let save_details = Callback::new(move |entry: Entry| {
        store.edit_entry(entry.clone())?;
        corrected.set(false);
        saved_details(entry);
        Ok::<(), StoreError>(())
    });
    let save_as_new = Callback::new(move |entry: Entry| {
        corrected.set(false);
        saved_details(store.save_as_new_entry(entry)?);
        Ok::<(), StoreError>(())
    });
    let selected =
        Signal::derive(move || saved.with(|entry| entry.as_ref().map(|entry| entry.pain)));
    view! {
        <section class="quick-log" aria-label="Quick check-in">
            <PainScale label="How is your back right now?" on_pick=pick selected />
            {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
            {move || {
                // Nothing says "Saved" while the problem line says it was not stored.
                saved
                    .get()
                    .filter(|_| problem.with(Option::is_none))
                    .map(|entry| {
                        let summary = if corrected.get_untracked() {
                            format!("Changed to {}/10 at {}.", entry.pain, entry.at.local_time_of_day())
                        } else {
                            format!("Saved: {}/10 at {}.", entry.pain, entry.at.local_time_of_day())
                        };
                        view! {
                            <p class="saved" role="status">
                                {summary}
                                " "
                                <Show when=move || !editing.get()>
                                    <button type="button" on:click=move |_| editing.set(true)>"Add details"</button>
                                </Show>
                            </p>
                            <Show when=move || editing.get()>
                                <EntryEditor draft=RwSignal::new(entry.clone()) on_save=save_details on_save_as_new=save_as_new on_cancel=Callback::new(move |_| editing.set(false)) />
                            </Show>
                        }
                    })
            }}
        </section>
    }
}
