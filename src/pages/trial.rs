//! The Personal trial screen: plan a randomised trial, see the frozen plan as a calendar,
//! export it as a pre-registration, stop it, and read its result.

use leptos::prelude::*;
use limber_core::transfer::trial_days_csv;
use limber_core::trial::analysis::TrialStatus;
use limber_core::trial::export::{plan_json, preregistration_text};
use limber_core::trial::{analyse, Trial};

use crate::browser::clock::wall_clock_now;
use crate::browser::files::download_text;
use crate::components::trial_calendar::TrialCalendar;
use crate::components::trial_planner::TrialPlanner;
use crate::components::trial_result::TrialResult;
use crate::state::use_app_store;

/// The planner when there is no trial; otherwise the plan, its exports and its result.
#[component]
pub fn TrialPage() -> impl IntoView {
    let store = use_app_store();
    let trial = Memo::new(move |_| store.document.with(|document| document.trial.clone()));
    view! {
        <h1>"Personal trial"</h1>
        {move || match trial.get() {
            None => view! { <TrialPlanner /> }.into_any(),
            Some(trial) => view! { <TrialPlan trial /> }.into_any(),
        }}
    }
}

/// A frozen plan: where it stands, its calendar, exports, stop, and the result.
#[component]
fn TrialPlan(
    /// The plan.
    trial: Trial,
) -> impl IntoView {
    let store = use_app_store();
    let today = wall_clock_now().local_date();
    let status = store.document.with_untracked(|document| {
        analyse(
            &trial,
            document.log.entries(),
            document.log.sessions(),
            today,
        )
        .status
    });
    let design = &trial.design;
    let summary = format!(
        "A: {}. B: {}. {} pairs of {}-day blocks, {} washout days, outcome: {}. From {} to {}.",
        design.a.describe(),
        design.b.describe(),
        design.pairs,
        design.block_days,
        design.washout_days,
        design.outcome.label(),
        trial.start.to_human(),
        trial.end().to_human()
    );
    let where_it_stands = match status {
        TrialStatus::NotStarted => format!(
            "Planned and frozen. Day 1 is {}: export the plan now if you want a record made before it starts.",
            trial.start.to_human()
        ),
        TrialStatus::Running => trial
            .day_on(today)
            .map(|day| format!("Running: day {} of {}.", day.number, design.total_days()))
            .unwrap_or_default(),
        TrialStatus::Complete => "Finished.".to_string(),
        TrialStatus::StoppedEarly => format!(
            "Stopped early on {}.",
            trial.stopped_on.map(|day| day.to_human()).unwrap_or_default()
        ),
    };
    let confirming_stop = RwSignal::new(false);
    let export_error = RwSignal::new(None::<String>);
    let (json, text, fingerprint) = (
        plan_json(&trial),
        preregistration_text(&trial),
        trial.fingerprint(),
    );
    let export = move |name: &'static str, mime: &'static str, body: String| {
        export_error.set(
            download_text(name, mime, &body)
                .err()
                .map(|e| e.to_string()),
        );
    };
    let csv_trial = trial.clone();
    let days_csv = move || {
        store.document.with_untracked(|document| {
            let analysis = analyse(
                &csv_trial,
                document.log.entries(),
                document.log.sessions(),
                today,
            );
            trial_days_csv(&csv_trial, &analysis)
        })
    };
    let can_stop = matches!(status, TrialStatus::Running);
    let can_discard = !can_stop;
    let discard_label = if status == TrialStatus::NotStarted {
        "Cancel this plan"
    } else {
        "Plan a new trial"
    };
    view! {
        <p class="trial-status" role="status">{where_it_stands}</p>
        <p class="trial-summary">{summary}</p>
        <h2>"Plan"</h2>
        <TrialCalendar trial=trial.clone() today />
        <p class="fingerprint">"SHA-256 of the plan: " <code>{fingerprint}</code></p>
        <div class="actions">
            <button type="button" on:click=move |_| export("limber-trial-plan.json", "application/json", json.clone())>"Export plan (JSON)"</button>
            <button type="button" on:click=move |_| export("limber-trial-plan.txt", "text/plain", text.clone())>"Export plan (text)"</button>
            <button type="button" on:click=move |_| export("limber-trial-days.csv", "text/csv", days_csv())>"Export trial days (CSV)"</button>
        </div>
        <p class="error" role="alert">{move || export_error.get()}</p>
        <Show when=move || can_stop>
            <Show
                when=move || confirming_stop.get()
                fallback=move || view! { <button type="button" on:click=move |_| confirming_stop.set(true)>"Stop trial"</button> }
            >
                <p>"Stop the trial now? Its data stays and its result is labelled “stopped early”. Stopping because a result looks good makes it look better than it is."</p>
                <button type="button" class="danger" on:click=move |_| export_error.set(store.stop_trial().err().map(|error| error.to_string()))>"Yes, stop the trial"</button>
                <button type="button" on:click=move |_| confirming_stop.set(false)>"Keep going"</button>
            </Show>
        </Show>
        <Show when=move || can_discard>
            <button type="button" on:click=move |_| export_error.set(store.discard_trial().err().map(|error| error.to_string()))>{discard_label}</button>
        </Show>
        <TrialResult trial=trial.clone() today />
    }
}
