//! The morning check-in, "How was last night?": night pain 0–10 and times woken by pain,
//! one tap each, saved for the date of the night (yesterday evening's date); and how the
//! nights read in the history and on Progress.

use leptos::prelude::*;
use limber_core::insight::night_summary;
use limber_core::log::NightReport;

use super::pain_scale::PainScale;
use super::woken_choice::woken_choice;
use crate::browser::clock::wall_clock_now;
use crate::state::{use_app_store, StoreError};

/// Nights summarised on Progress.
const NIGHTS_SHOWN: i64 = 7;

/// "How was last night?" — open until last night is answered, then a one-line summary with
/// a way to change the answers.
#[component]
pub fn NightCheckIn() -> impl IntoView {
    let store = use_app_store();
    let night_of = wall_clock_now().local_date().add_days(-1);
    let saved = Memo::new(move |_| {
        store.document.with(|document| {
            document
                .log
                .entries()
                .iter()
                .filter_map(|entry| entry.night.as_ref().map(|night| (entry.pain, night)))
                .find(|(_, night)| night.night_of == night_of)
                .map(|(pain, night)| (pain, night.times_woken))
        })
    });
    let night_pain = RwSignal::new(None::<u8>);
    let times_woken = RwSignal::new(None::<u8>);
    let changing = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let save = move || {
        if let (Some(pain), Some(woken)) = (night_pain.get_untracked(), times_woken.get_untracked())
        {
            match store.log_night_check_in(night_of, pain, woken) {
                // Made in memory but not stored: the storage banner says why.
                Ok(()) | Err(StoreError::NotSaved(_)) => {
                    problem.set(None);
                    changing.set(false);
                    night_pain.set(None);
                    times_woken.set(None);
                }
                Err(error) => problem.set(Some(error.to_string())),
            }
        }
    };
    let pick_pain = Callback::new(move |pain: u8| {
        night_pain.set(Some(pain));
        save();
    });
    let pick_woken = Callback::new(move |times: u8| {
        times_woken.set(Some(times));
        save();
    });
    let open = move || changing.get() || saved.get().is_none();
    view! {
        <section class="night-check-in" aria-labelledby="night-check-in-heading">
            <h2 id="night-check-in-heading">"How was last night?"</h2>
            <Show
                when=open
                fallback=move || view! {
                    <p class="saved" role="status">
                        {move || saved.get().map(|(pain, woken)| format!(
                            "Last night: night pain {pain}/10, woken by pain {}.",
                            woken_words(woken)
                        ))}
                        " "
                        <button type="button" on:click=move |_| changing.set(true)>"Change last night"</button>
                    </p>
                }
            >
                <PainScale label="Night pain, 0 to 10" on_pick=pick_pain />
                <p class="choice-hint">{move || night_pain.get().map(|pain| format!("Night pain: {pain}/10"))}</p>
                {woken_choice("woken-label".to_string(), times_woken.into(), pick_woken)}
            </Show>
            {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        </section>
    }
}

/// The nights on Progress: average night pain and nights woken over the last 7 nights.
#[component]
pub fn NightProgress() -> impl IntoView {
    let store = use_app_store();
    let today = wall_clock_now().local_date();
    let text = move || {
        store.document.with(|document| {
            night_summary(document.log.entries(), today, NIGHTS_SHOWN)
                .map(|summary| summary.describe(NIGHTS_SHOWN))
        })
    };
    move || {
        text().map(|text| {
            view! {
                <section class="progress-section" aria-labelledby="nights-heading">
                    <h2 id="nights-heading">"Nights"</h2>
                    <p class="night-summary">{text}</p>
                </section>
            }
        })
    }
}

/// How a night check-in reads in the history: "night of 24 Nov 2026, woken by pain twice".
pub fn night_history_text(night: &NightReport) -> String {
    format!(
        "night of {}, woken by pain {}",
        night.night_of.to_human(),
        woken_words(night.times_woken)
    )
}

/// "not at all", "once", "twice", "3 or more times".
pub fn woken_words(times: u8) -> &'static str {
    match times {
        0 => "not at all",
        1 => "once",
        2 => "twice",
        _ => "3 or more times",
    }
}
