//! The routine editor: make a new routine or a copy of one, edit its steps, save it to "Your
//! routines". Messages from the core's validation appear next to the field they concern, and
//! leaving with unsaved changes asks first.

use crate::router::{use_navigate, use_params_map, use_query_map};
use leptos::prelude::*;
use limber_core::editing::{
    blank_routine, blank_step, duplicate, messages_by_step, move_step, progression_messages,
    remove_step, routine_messages, stamp_progression, Direction,
};
use limber_core::routine::{Routine, Step};

use crate::browser::clock::wall_clock_now;
use crate::browser::leave_guard::LeaveGuard;
use crate::components::progression_editor::ProgressionEditor;
use crate::components::step_editor::{StepAction, StepEditor};
use crate::state::{new_custom_routine_id, use_app_store};

/// `/routines/new` (blank) or `/routines/new?from=<id>` (a copy of that routine).
#[component]
pub fn NewRoutinePage() -> impl IntoView {
    let store = use_app_store();
    let from = use_query_map().with_untracked(|query| query.get("from"));
    let original = match from.and_then(|id| store.find_routine(&id)) {
        Some(routine) => duplicate(&routine, new_custom_routine_id()),
        None => blank_routine(new_custom_routine_id()),
    };
    view! {
        <h1>"New routine"</h1>
        <RoutineEditor original is_new=true />
    }
}

/// `/routines/:id/edit`: one of the user's own routines.
#[component]
pub fn EditRoutinePage() -> impl IntoView {
    let store = use_app_store();
    let id = use_params_map().with_untracked(|params| params.get("id").unwrap_or_default());
    let own = store.document.with_untracked(|document| {
        document
            .custom_routines
            .iter()
            .find(|routine| routine.id == id)
            .cloned()
    });
    match own {
        Some(original) => view! {
            <h1>"Edit routine"</h1>
            <RoutineEditor original is_new=false />
        }
        .into_any(),
        None => view! {
            <h1>"Edit routine"</h1>
            <p>"Only your own routines can be edited. Make a copy of a built-in routine from its page to change it."</p>
        }
        .into_any(),
    }
}

/// The form for one routine.
#[component]
fn RoutineEditor(
    /// The routine as it was before editing.
    original: Routine,
    /// True for a routine not saved yet.
    is_new: bool,
) -> impl IntoView {
    let store = use_app_store();
    let navigate = use_navigate();
    let saved = StoredValue::new(original.clone());
    let draft = RwSignal::new(original);
    let attempted = RwSignal::new(false);
    let save_problem = RwSignal::new(None::<String>);
    let errors =
        Memo::new(move |_| draft.with(|routine| routine.validate().err().unwrap_or_default()));
    let dirty = move || saved.with_value(|saved| draft.with_untracked(|draft| draft != saved));
    let guard = LeaveGuard::new(
        "Leave without saving? Your changes to this routine will be lost.",
        dirty,
    );
    let guard = send_wrapper::SendWrapper::new(guard);
    on_cleanup(move || drop(guard));

    let step_count = Memo::new(move |_| draft.with(|routine| routine.steps.len()));
    let save = {
        let navigate = navigate.clone();
        move |event: web_sys::SubmitEvent| {
            event.prevent_default();
            attempted.set(true);
            if !errors.with_untracked(Vec::is_empty) {
                return;
            }
            let now_ms = wall_clock_now().utc_ms;
            saved.with_value(|saved| {
                draft.update_untracked(|draft| stamp_progression(saved, draft, now_ms))
            });
            let routine = draft.get_untracked();
            match store.save_routine(routine.clone()) {
                Ok(()) => {
                    save_problem.set(None);
                    saved.set_value(routine.clone());
                    navigate(&format!("/routines/{}", routine.id), Default::default());
                }
                Err(error) => save_problem.set(Some(error.to_string())),
            }
        }
    };
    let cancel = move |_| {
        saved.set_value(draft.get_untracked());
        let target = if is_new {
            "/routines".to_string()
        } else {
            format!(
                "/routines/{}",
                draft.with_untracked(|routine| routine.id.clone())
            )
        };
        navigate(&target, Default::default());
    };
    // Every step's messages, sorted in one pass per change (none shown before a save attempt).
    let step_messages = Memo::new(move |_| {
        let count = step_count.get();
        if attempted.get() {
            errors.with(|errors| messages_by_step(errors, count))
        } else {
            vec![Vec::new(); count]
        }
    });
    let shown = move |messages: Vec<String>| {
        if attempted.get() {
            messages
        } else {
            Vec::new()
        }
    };

    view! {
        <form class="routine-editor" novalidate=true on:submit=save>
            <div class="setting">
                <label for="routine-name">"Name"</label>
                <input id="routine-name" type="text" prop:value=move || draft.with(|routine| routine.name.clone())
                    on:input=move |event| draft.update(|routine| routine.name = event_target_value(&event)) />
            </div>
            <div class="setting">
                <label for="routine-summary">"Summary"</label>
                <textarea id="routine-summary" rows="2" prop:value=move || draft.with(|routine| routine.summary.clone())
                    on:input=move |event| draft.update(|routine| routine.summary = event_target_value(&event))></textarea>
            </div>
            <ul class="field-errors">
                {move || shown(errors.with(|errors| routine_messages(errors))).into_iter().map(|message| view! { <li class="field-error">{message}</li> }).collect_view()}
            </ul>
            // One row per position, kept across changes: adding or removing the last step
            // builds or drops one row, and a keystroke re-renders only the row it changes.
            <Show when=move || step_count.get() != 0>
                <StepRows from=0 draft step_count messages=step_messages />
            </Show>
            <button type="button" on:click=move |_| draft.update(|routine| routine.steps.push(blank_step()))>"Add step"</button>
            <ProgressionEditor draft messages=Signal::derive(move || shown(errors.with(|errors| progression_messages(errors)))) />
            <Show when=move || attempted.get() && !errors.with(Vec::is_empty)>
                <p class="field-error" role="alert">"Not saved yet: fix the messages above."</p>
            </Show>
            {move || save_problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
            <div class="form-buttons">
                <button type="submit" class="primary">"Save routine"</button>
                <button type="button" on:click=cancel>"Cancel"</button>
            </div>
        </form>
    }
}

/// The rows of the steps from position `from` on: that step's row, then, while the routine
/// has more steps, the rows after it. Nested, so that a change in the number of steps builds
/// or drops only the rows at the end.
#[component]
fn StepRows(
    /// Position of the first row (0-based).
    from: usize,
    /// The routine being edited.
    draft: RwSignal<Routine>,
    /// How many steps the routine has.
    step_count: Memo<usize>,
    /// Every step's messages, by position.
    messages: Memo<Vec<Vec<String>>>,
) -> impl IntoView {
    view! {
        <StepRow index=from draft step_count messages />
        <Show when=move || from + 1 < step_count.get()>
            <StepRows from=from + 1 draft step_count messages />
        </Show>
    }
    .into_any()
}

/// The editor for the step at `index` of the draft: it follows only that step and its own
/// messages, so a change elsewhere in the routine does not touch it.
#[component]
fn StepRow(
    /// Position in the routine (0-based); the row stays at this position.
    index: usize,
    /// The routine being edited.
    draft: RwSignal<Routine>,
    /// How many steps the routine has.
    step_count: Memo<usize>,
    /// Every step's messages, by position.
    messages: Memo<Vec<Vec<String>>>,
) -> impl IntoView {
    let step = Memo::new_owning(move |held: Option<Step>| {
        draft.with(|routine| match (held, routine.steps.get(index)) {
            (Some(held), Some(current)) if held == *current => (held, false),
            (_, current) => (current.cloned().unwrap_or_else(blank_step), true),
        })
    });
    let own_messages =
        Memo::new(move |_| messages.with(|all| all.get(index).cloned().unwrap_or_default()));
    let on_change = Callback::new(move |step| {
        draft.update(|routine| {
            if let Some(slot) = routine.steps.get_mut(index) {
                *slot = step
            }
        })
    });
    let on_action = Callback::new(move |action| {
        draft.update(|routine| {
            match action {
                StepAction::Up => move_step(routine, index, Direction::Up),
                StepAction::Down => move_step(routine, index, Direction::Down),
                StepAction::Remove => remove_step(routine, index),
            };
        })
    });
    view! {
        <StepEditor index count=step_count.into() step=step.into() on_change on_action messages=own_messages.into() />
    }
}
