//! One tap on the 0–10 scale saves a pain entry; "Add details" then opens the rest.

use leptos::prelude::*;
use limber_core::log::Entry;

use super::entry_editor::EntryEditor;
use super::pain_scale::PainScale;
use crate::state::{use_app_store, StoreError};

/// The quick check-in: a 0–10 scale that saves on tap, then a way to add details.
#[component]
pub fn QuickLog() -> impl IntoView {
    let store = use_app_store();
    let saved = RwSignal::new(None::<Entry>);
    let editing = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let pick = Callback::new(move |pain: u8| match store.log_pain(pain) {
        Ok(entry) => {
            problem.set(None);
            saved.set(Some(entry));
            editing.set(false);
        }
        Err(error) => {
            saved.set(None);
            problem.set(Some(error.to_string()));
        }
    });
    let saved_details = move |entry: Entry| {
        saved.set(Some(entry));
        editing.set(false);
    };
    let save_details = Callback::new(move |entry: Entry| {
        store.edit_entry(entry.clone())?;
        saved_details(entry);
        Ok::<(), StoreError>(())
    });
    let save_as_new = Callback::new(move |entry: Entry| {
        saved_details(store.save_as_new_entry(entry)?);
        Ok::<(), StoreError>(())
    });
    view! {
        <section class="quick-log" aria-label="Quick check-in">
            <PainScale label="How is your back right now?" on_pick=pick />
            {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
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
                                <EntryEditor draft=RwSignal::new(entry.clone()) on_save=save_details on_save_as_new=save_as_new on_cancel=Callback::new(move |_| editing.set(false)) />
                            </Show>
                        }
                    })
            }}
        </section>
    }
}
