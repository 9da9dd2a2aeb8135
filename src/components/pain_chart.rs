//! An SVG chart of daily pain: the day's mean as points joined by a line, its lowest–highest
//! rating as a whisker, a mark under each day a routine was completed, and the first-week
//! average as a dashed line. Drawing only: the numbers come from core's `daily_series`.

use leptos::prelude::*;
use limber_core::insight::DayPoint;
use limber_core::log::MAX_RATING;

/// Width of the drawing, in SVG units (it scales to its box).
const WIDTH: f32 = 300.0;
/// Left edge of the plot (room for the 0/5/10 labels).
const LEFT: f32 = 26.0;
/// Right edge of the plot.
const RIGHT: f32 = 294.0;
/// Top of the plot (pain 10).
const TOP: f32 = 10.0;
/// Bottom of the plot (pain 0).
const BOTTOM: f32 = 170.0;
/// Centre of the row of session marks under the plot.
const MARK_ROW: f32 = 186.0;
/// Baseline of the first and last date labels.
const DATE_ROW: f32 = 212.0;
/// Height of the drawing.
const HEIGHT: f32 = 218.0;

/// The chart, with `label` as its accessible name (its `<title>` and `aria-label`) and the
/// element `described_by` (a text summary next to it) as its description.
#[component]
pub fn PainChart(
    /// Days to draw, oldest first, one per calendar day.
    #[prop(into)]
    series: Signal<Vec<DayPoint>>,
    /// The first-week average, drawn as a dashed line when known.
    #[prop(into)]
    baseline: Signal<Option<f32>>,
    /// Short name of the chart, e.g. "Pain chart, last 30 days".
    #[prop(into)]
    label: Signal<String>,
    /// Id of the element that describes the chart in words.
    described_by: &'static str,
) -> impl IntoView {
    let view_box = format!("0 0 {WIDTH} {HEIGHT}");
    view! {
        <svg
            class="pain-chart"
            role="img"
            viewBox=view_box
            aria-label=label
            aria-describedby=described_by
            data-days=move || series.with(Vec::len)
        >
            <title>{label}</title>
            <Grid />
            {move || series.with(|days| draw_days(days))}
            {move || baseline.get().map(|average| {
                let y = pain_y(average);
                view! {
                    <line class="chart-baseline" x1=LEFT x2=RIGHT y1=y y2=y />
                }
            })}
        </svg>
    }
}

/// Horizontal lines at every second point, labelled at 0, 5 and 10.
#[component]
fn Grid() -> impl IntoView {
    let lines = (0..=MAX_RATING)
        .step_by(2)
        .map(|pain| {
            let y = pain_y(f32::from(pain));
            view! { <line class="chart-grid" x1=LEFT x2=RIGHT y1=y y2=y /> }
        })
        .collect_view();
    let labels = [0u8, 5, 10]
        .into_iter()
        .map(|pain| {
            let y = pain_y(f32::from(pain)) + 4.0;
            view! { <text class="chart-axis" x=LEFT - 6.0 y=y text-anchor="end">{pain}</text> }
        })
        .collect_view();
    view! {
        {lines}
        {labels}
        <text class="chart-axis" x=LEFT - 6.0 y=MARK_ROW + 4.0 text-anchor="end">"▲"</text>
    }
}

/// The whiskers, the line, the points, the session marks and the date labels.
fn draw_days(days: &[DayPoint]) -> impl IntoView {
    let count = days.len().max(1);
    let step = (RIGHT - LEFT) / count as f32;
    let x = move |index: usize| LEFT + step * (index as f32 + 0.5);
    let radius = (step * 0.35).clamp(1.8, 5.0);
    let mut line = String::new();
    let mut joined = false;
    for (index, day) in days.iter().enumerate() {
        match day.pain {
            Some(stats) => {
                let command = if joined { 'L' } else { 'M' };
                line.push_str(&format!(
                    "{command}{:.1} {:.1} ",
                    x(index),
                    pain_y(stats.mean)
                ));
                joined = true;
            }
            None => joined = false,
        }
    }
    let whiskers = days
        .iter()
        .enumerate()
        .filter_map(|(index, day)| day.pain.map(|stats| (index, stats)))
        .filter(|(_, stats)| stats.min < stats.max)
        .map(|(index, stats)| {
            let (x, low, high) = (x(index), f32::from(stats.min), f32::from(stats.max));
            view! { <line class="chart-range" x1=x x2=x y1=pain_y(low) y2=pain_y(high) /> }
        })
        .collect_view();
    let points = days
        .iter()
        .enumerate()
        .filter_map(|(index, day)| day.pain.map(|stats| (index, stats.mean)))
        .map(|(index, mean)| {
            view! { <circle class="pain-point" cx=x(index) cy=pain_y(mean) r=radius /> }
        })
        .collect_view();
    let marks = days
        .iter()
        .enumerate()
        .filter(|(_, day)| day.completed_session)
        .map(|(index, _)| {
            let (x, size) = (x(index), radius.max(3.0));
            let shape = format!(
                "M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z",
                MARK_ROW - size,
                x + size,
                MARK_ROW + size,
                x - size,
                MARK_ROW + size
            );
            view! { <path class="session-mark" d=shape /> }
        })
        .collect_view();
    let dates = days.first().zip(days.last()).map(|(first, last)| {
        view! {
            <text class="chart-axis" x=LEFT y=DATE_ROW text-anchor="start">{first.date.to_human()}</text>
            <text class="chart-axis" x=RIGHT y=DATE_ROW text-anchor="end">{last.date.to_human()}</text>
        }
    });
    view! {
        {whiskers}
        <path class="chart-line" d=line />
        {points}
        {marks}
        {dates}
    }
}

/// The height of a pain rating in the plot.
fn pain_y(pain: f32) -> f32 {
    BOTTOM - pain / f32::from(MAX_RATING) * (BOTTOM - TOP)
}
