//! The routine detail screen: steps, variants, safety notes, sources, and Start.

use crate::router::A;
use crate::router::{use_navigate, use_params_map};
use leptos::prelude::*;
use limber_core::duration::format_clock;
use limber_core::routine::{progression_today, Routine};

use crate::browser::clock::wall_clock_now;
use crate::browser::location::app_path;
use crate::components::routine_outline::RoutineOutline;
use crate::components::share_routine::ShareRoutine;
use crate::components::trial_deviation_note::TrialDeviationNote;
use crate::hooks::start_routine::{use_start_routine, StartFrom};
use crate::state::use_app_store;

/// Shows one routine; Start opens the player with the chosen variant and starts it.
#[component]
pub fn RoutinePage() -> impl IntoView {
    let params = use_params_map();
    let store = use_app_store();
    move || {
        let id = params.with(|params| params.get("id").unwrap_or_default());
        match store.find_routine(&id) {
            Some(routine) => view! { <RoutineDetail routine /> }.into_any(),
            None => view! {
                <h1>"Routine not found"</h1>
                <p>"There is no routine with this address. " <A href=app_path("/routines")>"See all routines"</A></p>
            }
            .into_any(),
        }
    }
}

/// The detail of a routine that exists.
#[component]
fn RoutineDetail(
    /// The routine shown.
    routine: Routine,
) -> impl IntoView {
    let variant = RwSignal::new(routine.variants.first().map(|variant| variant.id.clone()));
    let store = use_app_store();
    let start_routine = use_start_routine();
    let id = routine.id.clone();
    let start = move |_| {
        start_routine(
            &id,
            variant.get_untracked().as_deref(),
            StartFrom::Beginning,
        )
    };
    let total = format_clock(routine.total_ms() / 1_000);
    let variants = routine.variants.clone();
    let is_own = store.document.with_untracked(|document| {
        document
            .custom_routines
            .iter()
            .any(|own| own.id == routine.id)
    });
    let own_actions = own_routine_actions(routine.id.clone(), is_own);
    let target = store.document.with_untracked(|document| {
        progression_today(
            &routine,
            document.log.sessions(),
            wall_clock_now().local_date(),
        )
        .map(|progress| progress.describe())
    });
    view! {
        <h1>{routine.name.clone()}</h1>
        <p class="lead">{routine.summary.clone()}</p>
        <p class="card-meta"><span class="total">{format!("Total {total}")}</span></p>
        {target.map(|line| view! { <p class="progression-target">{line}</p> })}
        {(!variants.is_empty())
            .then(|| {
                view! {
            <fieldset class="variants">
                <legend>"Variant"</legend>
                {variants
                    .iter()
                    .map(|option| {
                        let option_id = option.id.clone();
                        let checked_id = option.id.clone();
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="variant"
                                    value=option.id.clone()
                                    prop:checked=move || variant.get().as_deref() == Some(checked_id.as_str())
                                    on:change=move |_| variant.set(Some(option_id.clone()))
                                />
                                <span>
                                    <strong>{option.name.clone()}</strong>
                                    <br />
                                    {option.note.clone()}
                                </span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
                }
            })}
        <TrialDeviationNote routine_id=routine.id.clone() />
        <button type="button" class="primary start-button" on:click=start>"Start"</button>
        {own_actions}
        <ShareRoutine routine=routine.clone() />
        <RoutineOutline routine variant=variant.into() />
    }
}

/// Edit, copy or delete one's own routine; copy a built-in one to make it one's own.
fn own_routine_actions(id: String, is_own: bool) -> impl IntoView {
    let store = use_app_store();
    let navigate = use_navigate();
    let copy_href = app_path(&format!("/routines/new?from={id}"));
    let edit_href = app_path(&format!("/routines/{id}/edit"));
    let problem = RwSignal::new(None::<String>);
    let delete = move |_| {
        let confirmed = web_sys::window()
            .and_then(|window| {
                window
                    .confirm_with_message(
                        "Delete this routine? Your log keeps the sessions you did with it.",
                    )
                    .ok()
            })
            .unwrap_or(false);
        if confirmed {
            match store.delete_routine(&id) {
                Ok(_) => navigate("/routines", Default::default()),
                Err(error) => problem.set(Some(error.to_string())),
            }
        }
    };
    view! {
        <p class="row-buttons routine-actions">
            {is_own.then(|| view! { <A href=edit_href attr:class="button">"Edit"</A> })}
            <A href=copy_href attr:class="button">{if is_own { "Make a copy" } else { "Make your own copy" }}</A>
            {is_own.then(|| view! { <button type="button" class="stop" on:click=delete.clone()>"Delete routine"</button> })}
        </p>
        {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
    }
}
