//! An SVG chart of a trial: the outcome per day as points, A and B blocks shaded differently
//! (washout days paler), and each counted block's mean as a line across it.

use leptos::prelude::*;
use limber_core::trial::analysis::Analysis;
use limber_core::trial::{Condition, Trial};

/// Width of the drawing, in SVG units.
const WIDTH: f64 = 300.0;
/// Height of the drawing.
const HEIGHT: f64 = 140.0;
/// Left edge of the plot.
const LEFT: f64 = 22.0;
/// Top of the plot (the scale's maximum).
const TOP: f64 = 8.0;
/// Bottom of the plot (0).
const BOTTOM: f64 = 128.0;

/// The chart of `analysis` for `trial`, with a text alternative in its accessible name.
#[component]
pub fn TrialChart(
    /// The plan.
    trial: Trial,
    /// Its analysis.
    analysis: Analysis,
) -> impl IntoView {
    let days = f64::from(trial.design.total_days());
    let day_width = (WIDTH - LEFT) / days;
    let maximum = match trial.design.outcome {
        limber_core::trial::Outcome::TimesWoken => 3.0,
        _ => 10.0,
    };
    let y = move |value: f64| BOTTOM - (BOTTOM - TOP) * value / maximum;
    let x = move |number: u32| LEFT + day_width * (f64::from(number) - 0.5);
    let calendar = trial.calendar();
    let shading = calendar
        .iter()
        .map(|day| {
            let class = match (day.condition, day.washout) {
                (Condition::A, false) => "trial-a",
                (Condition::A, true) => "trial-a washout",
                (Condition::B, false) => "trial-b",
                (Condition::B, true) => "trial-b washout",
            };
            view! {
                <rect class=class x={LEFT + day_width * f64::from(day.number - 1)} y=TOP width=day_width height={BOTTOM - TOP} />
            }
        })
        .collect_view();
    let points = calendar
        .iter()
        .filter_map(|day| analysis.values.get(&day.date).map(|value| (day.number, *value)))
        .map(|(number, value)| view! { <circle class="trial-point" cx={x(number)} cy={y(value)} r="2" /> })
        .collect_view();
    let means = analysis
        .blocks
        .iter()
        .filter(|block| block.counts())
        .filter_map(|block| {
            let mean = block.mean?;
            let first = trial.day_on(block.first_day)?.number;
            let last = trial.day_on(block.last_day)?.number;
            Some(view! {
                <line class="trial-mean" x1={x(first) - day_width / 2.0} x2={x(last) + day_width / 2.0} y1={y(mean)} y2={y(mean)} />
            })
        })
        .collect_view();
    let label = format!(
        "Chart of your {} per trial day; stretching (A) and comparison (B) blocks shaded, block means as lines",
        trial.design.outcome.label()
    );
    view! {
        <svg class="trial-chart" role="img" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} aria-label=label>
            {shading}
            <text class="axis-label" x="2" y={y(maximum) + 4.0}>{maximum.to_string()}</text>
            <text class="axis-label" x="2" y=BOTTOM>"0"</text>
            {means}
            {points}
        </svg>
        <p class="chart-legend" aria-hidden="true">
            <span class="legend-a">{format!("A: {}", trial.design.a.describe())}</span>
            " "
            <span class="legend-b">{format!("B: {}", trial.design.b.describe())}</span>
        </p>
    }
}
