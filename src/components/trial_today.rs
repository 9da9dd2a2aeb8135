//! Today's line about the personal trial: "Trial day 9 of 56 — stretch day", the check-ins
//! due, the reminder that a routine on a rest-from-stretching day is a deviation, and the way
//! to the Personal trial screen.

use crate::router::A;
use leptos::prelude::*;
use limber_core::trial::{Condition, Outcome};

use crate::browser::clock::wall_clock_now;
use crate::browser::location::app_path;
use crate::state::use_app_store;

/// The trial's guidance for today, or an invitation to plan one.
#[component]
pub fn TrialToday() -> impl IntoView {
    let store = use_app_store();
    let today = wall_clock_now().local_date();
    let guidance = move || {
        store.document.with(|document| {
            let trial = document.trial.as_ref()?;
            if trial.stopped_on.is_some() {
                return None;
            }
            if today < trial.start {
                return Some(vec![format!(
                    "Your personal trial starts on {}.",
                    trial.start.to_human()
                )]);
            }
            let day = trial.day_on(today)?;
            let mut lines = vec![match day.condition {
                Condition::A => format!(
                    "Trial day {} of {} — stretch day: {}.",
                    day.number,
                    trial.design.total_days(),
                    trial.design.a.describe()
                ),
                Condition::B => format!(
                    "Trial day {} of {} — rest-from-stretching day.",
                    day.number,
                    trial.design.total_days()
                ),
            }];
            let night_due = day.number > 1
                && !document.log.entries().iter().any(|entry| {
                    entry
                        .night
                        .as_ref()
                        .is_some_and(|night| night.night_of == today.add_days(-1))
                });
            lines.push(match trial.design.outcome {
                Outcome::NightPain | Outcome::TimesWoken if night_due => {
                    "Check-in due: how was last night?".to_string()
                }
                Outcome::NightPain | Outcome::TimesWoken => {
                    "Check-in due tomorrow morning: how was tonight?".to_string()
                }
                Outcome::DaytimePain => "Check-in due: rate your pain at least once today.".to_string(),
            });
            if day.condition == Condition::B {
                lines.push(
                    "Starting a routine today is allowed, but it counts as a deviation from your plan."
                        .to_string(),
                );
            }
            Some(lines)
        })
    };
    view! {
        <section class="trial-today card" aria-label="Personal trial today">
            {move || guidance().map(|lines| {
                lines.into_iter().map(|line| view! { <p class="trial-guidance">{line}</p> }).collect_view()
            })}
            <A href=app_path("/trial")>"Personal trial"</A>
        </section>
    }
}
