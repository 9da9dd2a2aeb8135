//! The result region of a trial, labelled "Trial result": the chart, then the figures in
//! words, the verdict "for you, in this trial", adherence, and the "so far" warning.

use leptos::prelude::*;
use limber_core::log::CivilDate;
use limber_core::trial::analysis::TrialStatus;
use limber_core::trial::report::result_text;
use limber_core::trial::{analyse, Trial};

use super::trial_chart::TrialChart;
use crate::state::use_app_store;

/// The result of the stored trial as of `today`.
#[component]
pub fn TrialResult(
    /// The plan.
    trial: Trial,
    /// Today.
    today: CivilDate,
) -> impl IntoView {
    let store = use_app_store();
    let analysis = Memo::new(move |_| {
        store.document.with(|document| {
            document.trial.as_ref().map(|trial| {
                analyse(
                    trial,
                    document.log.entries(),
                    document.log.sessions(),
                    today,
                )
            })
        })
    });
    move || {
        let analysis = analysis.get()?;
        if analysis.status == TrialStatus::NotStarted {
            return None;
        }
        let text = result_text(&trial, &analysis);
        let stopped = analysis.status == TrialStatus::StoppedEarly;
        Some(view! {
            <section class="trial-result" role="region" aria-label="Trial result">
                <h2>{text.heading.clone()}</h2>
                <Show when=move || stopped>
                    <p class="badge stopped">"stopped early"</p>
                </Show>
                {text.warning.clone().map(|warning| view! { <p class="warning" role="note">{warning}</p> })}
                <TrialChart trial=trial.clone() analysis=analysis.clone() />
                {text.lines.iter().map(|line| view! { <p class="result-line">{line.clone()}</p> }).collect_view()}
                {text.adherence.iter().map(|line| view! { <p class="adherence">{line.clone()}</p> }).collect_view()}
            </section>
        })
    }
}
