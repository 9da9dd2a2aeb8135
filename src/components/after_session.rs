//! What the player shows when a routine ends: a short summary and "How is your back now?".

use crate::router::A;
use leptos::prelude::*;
use limber_core::log::{new_id, Entry, EntryContext};
use limber_core::session::Status;

use super::pain_scale::PainScale;
use crate::browser::clock::wall_clock_now;
use crate::browser::location::app_path;
use crate::browser::random::random_bits;
use crate::state::use_app_store;

/// "Done" (or "Stopped") and a one-tap 0–10 rating stored with the session.
#[component]
pub fn AfterSession(
    /// How the routine ended.
    status: Signal<Status>,
    /// The stored session record's id, if one was stored.
    record_id: ReadSignal<Option<String>>,
    /// The routine, to offer it again.
    routine_id: String,
) -> impl IntoView {
    let store = use_app_store();
    let saved_rating = RwSignal::new(None::<u8>);
    let problem = RwSignal::new(None::<String>);
    let rate = Callback::new(move |pain: u8| {
        let now = wall_clock_now();
        let mut entry = Entry::new(new_id(now.utc_ms, random_bits()), now, pain);
        if let Some(session_id) = record_id.get_untracked() {
            entry.context = EntryContext::AfterSession { session_id };
        }
        match store.log_entry(entry) {
            Ok(()) => saved_rating.set(Some(pain)),
            Err(error) => problem.set(Some(error.to_string())),
        }
    });
    view! {
        <p class="phase-title">{move || if status.get() == Status::Finished { "Done. Well done." } else { "Stopped." }}</p>
        <Show
            when=move || saved_rating.get().is_some()
            fallback=move || view! { <PainScale label="How is your back now?" on_pick=rate /> }
        >
            <p class="saved" role="status">{move || format!("Saved: pain {}/10.", saved_rating.get().unwrap_or_default())}</p>
        </Show>
        {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        <p class="after-links">
            <A href=app_path("/log")>"See your log"</A>
            " · "
            <A href=app_path(&format!("/routines/{routine_id}"))>"Back to the routine"</A>
        </p>
    }
}
