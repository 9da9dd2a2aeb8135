//! The one-line reminder shown before starting a routine that goes against the personal
//! trial's plan for today (a routine on a rest-from-stretching day): starting stays allowed,
//! and the analysis records it as a deviation.

use leptos::prelude::*;

use crate::browser::clock::wall_clock_now;
use crate::state::use_app_store;

/// The reminder, only when running `routine_id` today would be a deviation.
#[component]
pub fn TrialDeviationNote(
    /// The routine about to be started.
    #[prop(into)]
    routine_id: String,
) -> impl IntoView {
    let store = use_app_store();
    let today = wall_clock_now().local_date();
    let deviation = move || {
        store.document.with(|document| {
            document
                .trial
                .as_ref()
                .is_some_and(|trial| trial.goes_against_plan(today, &routine_id))
        })
    };
    move || {
        deviation().then(|| {
            view! {
                <p class="trial-deviation-note">
                    "Your personal trial plans no such routine today: starting it is allowed, but it counts as a deviation from your plan."
                </p>
            }
        })
    }
}
