//! The Today screen: check in, see today at a glance, and start the routine you use most.

use crate::router::A;
use leptos::prelude::*;
use limber_core::insight::today_status;
use limber_core::library::SEED_ROUTINE_ID;

use crate::browser::clock::wall_clock_now;
use crate::browser::location::app_path;
use crate::components::quick_log::QuickLog;
use crate::components::resume_offer::ResumeOffer;
use crate::components::welcome::WelcomePanel;
use crate::hooks::start_routine::{use_start_routine, StartFrom};
use crate::state::use_app_store;

/// Today: the quick check-in, today's status, and Start for your usual routine.
#[component]
pub fn TodayPage() -> impl IntoView {
    let store = use_app_store();
    let start_routine = use_start_routine();
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
        store
            .document
            .with(|document| today_status(&document.log, today))
    };
    let start = move |id: String| start_routine(&id, None, StartFrom::Beginning);
    view! {
        <h1>"Today"</h1>
        <WelcomePanel />
        <ResumeOffer />
        <p class="today-status">{status}</p>
        <QuickLog />
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
