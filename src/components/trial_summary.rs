//! The personal trial on the clinician summary: the plan, its fingerprint and the result in
//! the same words the user sees, plus the nights from the morning check-ins.

use leptos::prelude::*;
use limber_core::insight::night_summary;
use limber_core::log::CivilDate;
use limber_core::trial::analyse;
use limber_core::trial::export::preregistration_text;
use limber_core::trial::report::result_text;

use crate::state::use_app_store;

/// The trial section (only when there is a trial or a night check-in).
#[component]
pub fn TrialSummary(
    /// The day the summary is made.
    today: CivilDate,
    /// The summary's period in days: the nights summarised are those of the same period.
    #[prop(into)]
    period_days: Signal<u32>,
) -> impl IntoView {
    let store = use_app_store();
    move || {
        store.document.with(|document| {
            let nights = i64::from(period_days.get());
            let nights = night_summary(document.log.entries(), today, nights)
                .map(|summary| summary.describe(nights));
            let trial = document.trial.as_ref().map(|trial| {
                let analysis = analyse(trial, document.log.entries(), document.log.sessions(), today);
                let text = result_text(trial, &analysis);
                let mut lines = vec![text.heading];
                lines.extend(text.warning);
                lines.extend(text.lines);
                lines.extend(text.adherence);
                (preregistration_text(trial), lines)
            });
            if nights.is_none() && trial.is_none() {
                return None;
            }
            Some(view! {
                <section class="summary-section" aria-labelledby="summary-trial">
                    <h2 id="summary-trial">"Nights and personal trial"</h2>
                    {nights.map(|line| view! { <p>{line}</p> })}
                    {trial.map(|(plan, lines)| view! {
                        <pre class="trial-plan-text">{plan}</pre>
                        <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    })}
                </section>
            })
        })
    }
}
