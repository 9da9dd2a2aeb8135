//! The Today screen: check in, see today at a glance, and start the routine (and variant)
//! you used last.

use crate::router::A;
use leptos::prelude::*;
use limber_core::insight::today_status;
use limber_core::library::SEED_ROUTINE_ID;

use crate::browser::clock::wall_clock_now;
use crate::browser::location::app_path;
use crate::components::night_check_in::NightCheckIn;
use crate::components::quick_log::QuickLog;
use crate::components::resume_offer::ResumeOffer;
use crate::components::trial_today::TrialToday;
use crate::components::welcome::WelcomePanel;
use crate::hooks::start_routine::{use_start_routine, StartFrom};
use crate::state::use_app_store;

/// Today: the quick check-in, today's status, and Start for the routine you used last.
#[component]
pub fn TodayPage() -> impl IntoView {
    let store = use_app_store();
    let start_routine = use_start_routine();
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
        store
            .document
            .with(|document| today_status(&document.log, today))
    };
    let start = move |id: String, variant: Option<String>| {
        start_routine(&id, variant.as_deref(), StartFrom::Beginning)
    };
    view! {
        <h1>"Today"</h1>
        <WelcomePanel />
        <ResumeOffer />
        <p class="today-status">{status}</p>
        <NightCheckIn />
        <QuickLog />
        <TrialToday />
        <h2>"Stretch"</h2>
        {move || {
            choice()
                .map(|(routine, variant_id)| {
                    let variant = variant_id.as_deref().and_then(|id| routine.variant(id));
                    let variant_id = variant.map(|variant| variant.id.clone());
                    let routine_id = routine.id.clone();
                    let variant_name = variant.map(|variant| variant.name.clone());
                    let start = start.clone();
                    view! {
                        <div class="card today-routine">
                            <p class="card-title">{routine.name.clone()}</p>
                            {variant_name.map(|name| view! { <p class="card-variant">{name}</p> })}
                            <p class="card-summary">{routine.summary.clone()}</p>
                            <button type="button" class="primary start-button" on:click=move |_| start(routine_id.clone(), variant_id.clone())>"Start"</button>
                            <A href=app_path("/routines")>"Other routines"</A>
                        </div>
                    }
                })
        }}
    }
}
