//! The frozen plan as a calendar: one cell per day with its condition, washout days marked,
//! today highlighted.

use leptos::prelude::*;
use limber_core::log::CivilDate;
use limber_core::trial::{Condition, Trial};

/// The calendar of `trial`, a list of days grouped by block.
#[component]
pub fn TrialCalendar(
    /// The plan.
    trial: Trial,
    /// Today, highlighted.
    today: CivilDate,
) -> impl IntoView {
    let cells = trial
        .calendar()
        .into_iter()
        .map(|day| {
            let meaning = match day.condition {
                Condition::A => "stretch day",
                Condition::B => "rest-from-stretching day",
            };
            let washout = if day.washout { ", washout" } else { "" };
            let class = match day.condition {
                Condition::A => "trial-day trial-a",
                Condition::B => "trial-day trial-b",
            };
            view! {
                <li
                    class=class
                    class:washout=day.washout
                    class:today={day.date == today}
                    aria-current={(day.date == today).then_some("date")}
                    title={format!("Day {} ({}): {meaning}{washout}", day.number, day.date.to_human())}
                >
                    <span class="day-number">{day.number.to_string()}</span>
                    <span class="day-condition">{day.condition.letter()}</span>
                    <span class="visually-hidden">{format!(" {}: {meaning}{washout}", day.date.to_human())}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="trial-calendar" aria-label="Trial calendar">{cells}</ol>
    }
}
