//! The Progress screen: is stretching helping? Pain over 7, 30 or 90 days beside stretching
//! days, the recent week against the first, the streak, and the stretch held per leg.
//! Every figure comes from `limber_core::insight`, computed once per change of the data.

use crate::router::A;
use leptos::prelude::*;
use limber_core::insight::{
    compare_with_baseline, current_streak, daily_series, describe_series, StreakRule,
};

use crate::browser::clock::wall_clock_now;
use crate::browser::location::app_path;
use crate::components::dose_table::DoseTable;
use crate::components::night_check_in::NightProgress;
use crate::components::pain_chart::PainChart;
use crate::state::use_app_store;

/// The periods offered, in days.
const PERIODS: [u32; 3] = [7, 30, 90];
/// The period shown first.
const DEFAULT_PERIOD: u32 = 30;
/// Id of the chart's text summary.
const SUMMARY_ID: &str = "pain-chart-summary";

/// Pain over time next to stretching days, the change from the first week, the streak and
/// the stretch dose.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let document = use_app_store().document;
    let today = wall_clock_now().local_date();
    let days = RwSignal::new(DEFAULT_PERIOD);
    let has_entries = Memo::new(move |_| document.with(|doc| !doc.log.entries().is_empty()));
    let has_sessions = Memo::new(move |_| document.with(|doc| !doc.log.sessions().is_empty()));
    let series = Memo::new(move |_| {
        let days = days.get();
        document.with(|doc| daily_series(doc.log.entries(), doc.log.sessions(), today, days))
    });
    let summary = Memo::new(move |_| series.with(|series| describe_series(series)));
    let change =
        Memo::new(move |_| document.with(|doc| compare_with_baseline(doc.log.entries(), today)));
    let streak = Memo::new(move |_| {
        document.with(|doc| current_streak(doc.log.sessions(), today, StreakRule::default()))
    });
    let label = Signal::derive(move || format!("Pain chart, last {} days", days.get()));
    let baseline = Signal::derive(move || change.with(|change| change.baseline));

    view! {
        <h1>"Progress"</h1>
        <Show when=move || has_entries.get() || has_sessions.get() fallback=|| view! { <EmptyLog /> }>
            <section class="progress-section" aria-labelledby="pain-heading">
                <h2 id="pain-heading">"Pain and stretching days"</h2>
                <PeriodChoice days />
                <Show when=move || has_entries.get() fallback=|| view! { <EmptyLog /> }>
                    <div class="chart-figure">
                        <PainChart series baseline label described_by=SUMMARY_ID />
                        <ChartLegend />
                    </div>
                    <p class="chart-summary" id=SUMMARY_ID>{summary}</p>
                </Show>
            </section>
            <Show when=move || has_entries.get()>
                <section class="progress-section" aria-labelledby="change-heading">
                    <h2 id="change-heading">"Is it helping?"</h2>
                    <div class="pain-change" class:meaningful=move || change.with(|c| c.meaningful_change)>
                        {move || change.with(|c| c.baseline.zip(c.recent)).map(|(first, now)| view! {
                            <dl class="averages">
                                <div><dt>"First 7 rated days"</dt><dd>{format!("{first:.1}")}</dd></div>
                                <div><dt>"Last 7 days"</dt><dd>{format!("{now:.1}")}</dd></div>
                            </dl>
                        })}
                        <Show when=move || change.with(|c| c.meaningful_change)>
                            <p class="change-badge">"Meaningful change"</p>
                        </Show>
                        <p class="change-text">{move || change.with(|c| c.text.clone())}</p>
                    </div>
                    <p class="note">"Information about your own ratings, not a promise: bodies differ, and pain changes for many reasons."</p>
                </section>
            </Show>
            <section class="progress-section" aria-labelledby="streak-heading">
                <h2 id="streak-heading">"Streak"</h2>
                <p class="streak">{move || streak.get().sentence()}</p>
                <p class="note">{StreakRule::default().describe()}</p>
            </section>
            <section class="progress-section" aria-labelledby="dose-heading">
                <h2 id="dose-heading">"Stretch held per leg"</h2>
                <DoseTable series />
            </section>
        </Show>
        <NightProgress />
        <p class="summary-link"><A href=app_path("/summary")>"Clinician summary"</A></p>
        <p class="trial-link"><A href=app_path("/trial")>"Personal trial"</A></p>
    }
}

/// The honest line shown before anything is logged.
#[component]
fn EmptyLog() -> impl IntoView {
    view! { <p class="empty-state">"No entries yet: log how your back feels on Today or Log."</p> }
}

/// Three radio buttons choosing how many days the chart and the dose table show.
#[component]
fn PeriodChoice(
    /// The chosen number of days.
    days: RwSignal<u32>,
) -> impl IntoView {
    view! {
        <fieldset class="period-choice">
            <legend class="visually-hidden">"Period"</legend>
            {PERIODS
                .into_iter()
                .map(|period| {
                    let id = format!("period-{period}");
                    view! {
                        <input
                            type="radio"
                            name="period"
                            id=id.clone()
                            value=period
                            prop:checked=move || days.get() == period
                            on:change=move |_| days.set(period)
                        />
                        <label for=id>{format!("{period} days")}</label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// What the marks on the chart mean (hidden from screen readers: the summary says it in words).
#[component]
fn ChartLegend() -> impl IntoView {
    view! {
        <div class="chart-legend" aria-hidden="true">
            <span class="legend-point">"Daily average"</span>
            <span class="legend-range">"Lowest–highest"</span>
            <span class="legend-session">"Routine completed"</span>
            <span class="legend-baseline">"First-week average"</span>
        </div>
    }
}
