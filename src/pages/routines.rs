//! The Routines screen: the user's own routines first, then the built-in library.

use crate::router::A;
use leptos::prelude::*;
use limber_core::duration::format_clock;
use limber_core::library::builtin_routines;
use limber_core::routine::Routine;

use crate::browser::location::app_path;
use crate::state::use_app_store;

/// Every routine with its total time and tags; each opens its detail.
#[component]
pub fn RoutinesPage() -> impl IntoView {
    let store = use_app_store();
    let own = move || {
        store
            .document
            .with(|document| document.custom_routines.clone())
    };
    view! {
        <h1>"Routines"</h1>
        <p class="lead">"Pick a routine to see its steps, sources and safety notes, then press Start."</p>
        <p><A href=app_path("/routines/new") attr:class="button">"New routine"</A></p>
        <Show when=move || !own().is_empty()>
            <h2>"Your routines"</h2>
            <ul class="card-list">{move || own().into_iter().map(routine_card).collect_view()}</ul>
        </Show>
        <h2>"Library"</h2>
        <ul class="card-list">{builtin_routines().into_iter().map(routine_card).collect_view()}</ul>
    }
}

/// One routine in the list: name (a link), total time, tags.
fn routine_card(routine: Routine) -> impl IntoView {
    let href = app_path(&format!("/routines/{}", routine.id));
    let total = format_clock(routine.total_ms() / 1_000);
    view! {
        <li class="card">
            <A href=href>
                <span class="card-title">{routine.name.clone()}</span>
            </A>
            <p class="card-meta">
                <span class="total">{format!("Total {total}")}</span>
                {routine.tags.iter().map(|tag| view! { <span class="tag">{tag.clone()}</span> }).collect_view()}
            </p>
            <p class="card-summary">{routine.summary.clone()}</p>
        </li>
    }
}
