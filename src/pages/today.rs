//! The Today screen: check in, see today at a glance, and start the routine you use most.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use limber_core::library::SEED_ROUTINE_ID;

use crate::browser::clock::wall_clock_now;
use crate::browser::location::app_path;
use crate::components::night_check_in::NightCheckIn;
use crate::components::quick_log::QuickLog;
use crate::components::trial_today::TrialToday;
use crate::components::welcome::WelcomePanel;
use crate::hooks::use_cues::use_cue_output;
use crate::state::{use_app_store, StartRequested};

/// Today: the quick check-in, today's status, and Start for your usual routine.
#[component]
pub fn TodayPage() -> impl IntoView {
    let store = use_app_store();
    let cue_output = use_cue_output();
    let start_requested = expect_context::<StartRequested>();
    let navigate = use_navigate();
    let routine = move || {
        let id = store
            .document
            .with(|document| document.log.most_used_routine().map(str::to_string))
            .unwrap_or_else(|| SEED_ROUTINE_ID.to_string());
        store
            .find_routine(&id)
            .or_else(|| store.find_routine(SEED_ROUTINE_ID))
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
    let start = move |id: String| {
        store
            .document
            .with_untracked(|document| cue_output.unlock(&document.settings));
        start_requested.0.set(true);
        navigate(&format!("/play/{id}"), Default::default());
    };
    view! {
        <h1>"Today"</h1>
        <WelcomePanel />
        <p class="today-status">{status}</p>
        <NightCheckIn />
        <QuickLog />
        <TrialToday />
        <h2>"Stretch"</h2>
        {move || {
            routine()
                .map(|routine| {
                    let id = routine.id.clone();
                    let start = start.clone();
                    view! {
                        <div class="card today-routine">
                            <p class="card-title">{routine.name.clone()}</p>
                            <p class="card-summary">{routine.summary.clone()}</p>
                            <button type="button" class="primary start-button" on:click=move |_| start(id.clone())>"Start"</button>
                            <A href=app_path("/routines")>"Other routines"</A>
                        </div>
                    }
                })
        }}
    }
}
