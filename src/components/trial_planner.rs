//! The planner of a personal trial: the two conditions, block length, pairs, washout and
//! outcome, with a plain statement of what the design can show before anything is frozen.

use leptos::prelude::*;
use limber_core::library::builtin_routines;
use limber_core::trial::design::{BLOCK_LENGTHS, MAX_PAIRS, MIN_PAIRS};
use limber_core::trial::{Arm, Outcome, TrialDesign};

use crate::browser::clock::wall_clock_now;
use crate::state::use_app_store;

/// The value of the "no stretching" choice for condition B.
const NO_STRETCHING: &str = "none";

/// The planning form; "Start trial" freezes and randomises the plan, day 1 being tomorrow.
#[component]
pub fn TrialPlanner() -> impl IntoView {
    let store = use_app_store();
    let design = RwSignal::new(TrialDesign::default());
    let error = RwSignal::new(None::<String>);
    let routines = move || {
        let mut all: Vec<(String, String)> = builtin_routines()
            .into_iter()
            .map(|routine| (routine.id, routine.name))
            .collect();
        store.document.with(|document| {
            all.extend(
                document
                    .custom_routines
                    .iter()
                    .map(|routine| (routine.id.clone(), routine.name.clone())),
            );
        });
        all
    };
    let arm_for = move |id: String| {
        if id == NO_STRETCHING {
            return Arm::NoStretching;
        }
        let name = routines()
            .into_iter()
            .find(|(known, _)| *known == id)
            .map(|(_, name)| name)
            .unwrap_or_default();
        Arm::Routine {
            routine_id: id,
            routine_name: name,
        }
    };
    let first_day = wall_clock_now().local_date().add_days(1);
    let check = move || design.with(|d| d.validate().err().map(|e| e.to_string()));
    let start = move |_| {
        let result = store.start_trial(design.get_untracked(), first_day);
        error.set(result.err().map(|e| e.to_string()));
    };
    let set_block = move |value: String| {
        design.update(|d| {
            d.block_days = value.parse().unwrap_or(d.block_days);
            d.washout_days = d.washout_days.min(d.max_washout());
        })
    };
    view! {
        <section class="trial-planner" aria-labelledby="planner-heading">
            <h2 id="planner-heading">"Plan a trial"</h2>
            <p>"Blocks of days with your routine (A) and blocks without (B) come in pairs; a fair coin decides the order within each pair. Comparing the pairs shows whether the routine lowers your pain — for you, in this trial."</p>
            <div class="field">
                <label for="trial-a">"Condition A (routine)"</label>
                <select id="trial-a" on:change=move |ev| { let arm = arm_for(event_target_value(&ev)); design.update(|d| d.a = arm) }>
                    {move || routines().into_iter().map(|(id, name)| {
                        let selected = design.with_untracked(|d| d.a.routine_id() == Some(id.as_str()));
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="trial-b">"Condition B"</label>
                <select id="trial-b" on:change=move |ev| { let arm = arm_for(event_target_value(&ev)); design.update(|d| d.b = arm) }>
                    <option value=NO_STRETCHING selected=true>"No stretching"</option>
                    {move || routines().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="trial-block">"Block length"</label>
                <select id="trial-block" on:change=move |ev| set_block(event_target_value(&ev))>
                    {BLOCK_LENGTHS.into_iter().map(|days| view! {
                        <option value=days selected=design.with_untracked(|d| d.block_days == days)>{format!("{days} days")}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="trial-pairs">"Pairs of blocks"</label>
                <select id="trial-pairs" on:change=move |ev| design.update(|d| d.pairs = event_target_value(&ev).parse().unwrap_or(d.pairs))>
                    {(MIN_PAIRS..=MAX_PAIRS).map(|pairs| view! {
                        <option value=pairs selected=design.with_untracked(|d| d.pairs == pairs)>{pairs.to_string()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="trial-washout">"Washout days"</label>
                <select id="trial-washout" on:change=move |ev| design.update(|d| d.washout_days = event_target_value(&ev).parse().unwrap_or(d.washout_days))>
                    {move || (0..=design.with(TrialDesign::max_washout)).map(|days| view! {
                        <option value=days selected=design.with_untracked(|d| d.washout_days == days)>{days.to_string()}</option>
                    }).collect_view()}
                </select>
                <p class="hint">"Days at the start of each block left out of the analysis, while the effect of the other condition fades."</p>
            </div>
            <div class="field">
                <label for="trial-outcome">"Primary outcome"</label>
                <select id="trial-outcome" on:change=move |ev| design.update(|d| d.outcome = outcome_from(&event_target_value(&ev)))>
                    <option value="night" selected=true>"Night pain"</option>
                    <option value="day">"Daytime pain"</option>
                    <option value="woken">"Times woken"</option>
                </select>
            </div>
            <div class="trial-design-summary" aria-live="polite">
                <p class="power">{move || design.with(TrialDesign::power_sentence)}</p>
                <p class="dates">{move || {
                    let last = first_day.add_days(i64::from(design.with(TrialDesign::total_days)) - 1);
                    format!(
                        "Day 1 is tomorrow, {}; the last day is {} ({} days).",
                        first_day.to_human(),
                        last.to_human(),
                        design.with(TrialDesign::total_days)
                    )
                }}</p>
                <p class="commitment">{move || design.with(TrialDesign::commitment_sentence)}</p>
                <p class="note">"Once started, the plan is frozen: it can be stopped, not changed."</p>
            </div>
            <p class="error" role="alert">{move || error.get().or_else(check)}</p>
            <button type="button" class="primary" disabled=move || check().is_some() on:click=start>"Start trial"</button>
        </section>
    }
}

/// The outcome for a value of the outcome choice.
fn outcome_from(value: &str) -> Outcome {
    match value {
        "day" => Outcome::DaytimePain,
        "woken" => Outcome::TimesWoken,
        _ => Outcome::NightPain,
    }
}
