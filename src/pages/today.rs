//! The Today screen: check in, see today at a glance, and start the routine (and variant)
//! you used last.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use limber_core::library::SEED_ROUTINE_ID;

use crate::browser::clock::wall_clock_now;
use crate::browser::location::app_path;
use crate::components::quick_log::QuickLog;
use crate::components::welcome::WelcomePanel;
use crate::hooks::use_cues::use_cue_output;
use crate::state::{use_app_store, StartRequested};

/// Today: the quick check-in, today's status, and Start for the routine you used last.
#[component]
pub fn TodayPage() -> impl IntoView {
    let store = use_app_store();
    let cue_output = use_cue_output();
    let start_requested = expect_context::<StartRequested>();
    let navigate = use_navigate();
    // The routine and variant last used, else the seed routine.
    let choice = move || {
        let last = store
            .document
            .with(|document| document.log.last_routine_choice());
        last.and_then(|choice| {
            store
                .find_routine(&choice.routine_id)
                .map(|routine| (routine, choice.variant_id))
        })
        .or_else(|| {
            store
                .find_routine(SEED_ROUTINE_ID)
                .map(|routine| (routine, None))
        })
    };
    let status = move || {
        let today = wall_clock_now().local_date();
        store.document.with(|document| {
            let ratings: Vec<u8> = document
                .log
                .entries()
                .iter()
                .filter(|entry| entry.at.local_date() == today)
                .map(|entry| entry.pain)
                .collect();
            let stretched = document
                .log
                .sessions()
                .iter()
                .any(|session| session.completed && session.started.local_date() == today);
            let check_in = match ratings.last() {
                None => "No check-in yet today.".to_string(),
                Some(latest) if ratings.len() == 1 => format!("Checked in today: {latest}/10."),
                Some(latest) => format!(
                    "Checked in {} times today, latest {latest}/10.",
                    ratings.len()
                ),
            };
            let stretch = if stretched {
                "Stretched today."
            } else {
                "Not stretched yet today."
            };
            format!("{check_in} {stretch}")
        })
    };
    let start = move |path: String| {
        store
            .document
            .with_untracked(|document| cue_output.unlock(&document.settings));
        start_requested.0.set(true);
        navigate(&path, Default::default());
    };
    view! {
        <h1>"Today"</h1>
        <WelcomePanel />
        <p class="today-status">{status}</p>
        <QuickLog />
        <h2>"Stretch"</h2>
        {move || {
            choice()
                .map(|(routine, variant_id)| {
                    let variant = variant_id.as_deref().and_then(|id| routine.variant(id));
                    let path = match variant {
                        Some(variant) => format!("/play/{}?variant={}", routine.id, variant.id),
                        None => format!("/play/{}", routine.id),
                    };
                    let variant_name = variant.map(|variant| variant.name.clone());
                    let start = start.clone();
                    view! {
                        <div class="card today-routine">
                            <p class="card-title">{routine.name.clone()}</p>
                            {variant_name.map(|name| view! { <p class="card-variant">{name}</p> })}
                            <p class="card-summary">{routine.summary.clone()}</p>
                            <button type="button" class="primary start-button" on:click=move |_| start(path.clone())>"Start"</button>
                            <A href=app_path("/routines")>"Other routines"</A>
                        </div>
                    }
                })
        }}
    }
}
