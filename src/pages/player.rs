//! The player: full screen, legible from a mat. Huge remaining time, the step and side, what
//! to do, what comes next, progress, and the controls; tap anywhere to pause.

use crate::router::A;
use crate::router::{use_params_map, use_query_map};
use leptos::prelude::*;
use limber_core::duration::format_countdown;
use limber_core::plan::{Phase, PhaseKind};
use limber_core::routine::{routine_for_today, Routine};
use limber_core::session::Status;

use crate::browser::clock::wall_clock_now;
use crate::browser::location::app_path;
use crate::browser::platform::is_ios;
use crate::components::after_session::AfterSession;
use crate::components::figure::{step_figure, PoseFigure};
use crate::components::trial_deviation_note::TrialDeviationNote;
use crate::hooks::running_store::{self, LeftRunning, ResumePoint};
use crate::hooks::start_routine::RESUME_PARAM;
use crate::hooks::use_player::{use_player, UsePlayerReturn};
use crate::state::{use_app_store, StartRequested};

/// The player for the routine in the address (`/play/:id?variant=…`).
#[component]
pub fn PlayerPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let store = use_app_store();
    let id = params.with_untracked(|params| params.get("id").unwrap_or_default());
    let variant = query.with_untracked(|query| query.get("variant"));
    // A routine left under way here (a reload, a killed tab) is picked up where it was,
    // unless Start was just pressed for a fresh run.
    let fresh_start = expect_context::<StartRequested>().0.get_untracked()
        && query.with_untracked(|query| query.get(RESUME_PARAM).is_none());
    let (resume, notice) = match running_store::reopen(&store) {
        Some(LeftRunning::Resume(point))
            if !fresh_start
                && point.routine_id == id
                && variant
                    .as_ref()
                    .is_none_or(|v| Some(v) == point.variant_id.as_ref()) =>
        {
            (Some(point), None)
        }
        Some(LeftRunning::Recorded(sentence)) => (None, Some(sentence)),
        _ => (None, None),
    };
    let variant = resume
        .as_ref()
        .map_or(variant, |point| point.variant_id.clone());
    match store.find_routine(&id) {
        Some(routine) => {
            // A growing hold is played at today's target.
            let today = wall_clock_now().local_date();
            let (routine, progress) = store.document.with_untracked(|document| {
                routine_for_today(&routine, document.log.sessions(), today)
            });
            let target = progress.map(|progress| progress.describe());
            view! { <Player routine variant target resume notice /> }.into_any()
        }
        None => view! {
            <h1>"Routine not found"</h1>
            <p>"There is no routine with this address. " <A href=app_path("/routines")>"See all routines"</A></p>
        }
        .into_any(),
    }
}

/// The running player for one routine.
#[component]
fn Player(
    /// The routine to play.
    routine: Routine,
    /// The chosen variant's id, if any.
    variant: Option<String>,
    /// Today's target of a growing hold ("Target today: 0:40 (growing …)"), if it has one.
    target: Option<String>,
    /// Where to pick up a routine left under way, if any.
    resume: Option<ResumePoint>,
    /// A sentence about a routine that ended while Limber was closed.
    notice: Option<String>,
) -> impl IntoView {
    let routine_name = routine.name.clone();
    let routine_id = routine.id.clone();
    let deviation_routine_id = routine.id.clone();
    let steps = StoredValue::new(routine.steps.clone());
    let figure_variant = variant.clone();
    let UsePlayerReturn {
        plan,
        snapshot,
        announcement,
        wake_lock_supported,
        record_id,
        controls,
    } = use_player(routine, variant, resume.clone());
    // "Resume — 1:12 left on the left leg" until the routine picked up runs again.
    let offer = RwSignal::new(resume.map(|point| point.offer));
    let start_requested = expect_context::<StartRequested>();
    if start_requested.0.get_untracked() {
        start_requested.0.set(false);
        controls.toggle();
    }

    let status = move || snapshot.with(|snapshot| snapshot.status);
    let phase = move || -> Option<Phase> {
        snapshot
            .with(|snapshot| snapshot.phase_index)
            .and_then(|index| plan.with_value(|plan| plan.phases.get(index).cloned()))
    };
    let next = move || -> Option<String> {
        snapshot
            .with(|snapshot| snapshot.phase_index)
            .and_then(|index| {
                plan.with_value(|plan| plan.next_after(index).map(|phase| phase.title.clone()))
            })
    };
    // The step and side pictured: changes only when the phase does, so a movement keeps playing.
    let pictured = Memo::new(move |_| {
        let phase = phase().or_else(|| plan.with_value(|plan| plan.phases.first().cloned()))?;
        Some((phase.step_index?, phase.side))
    });
    let figure = move || {
        let (step_index, side) = pictured.get()?;
        let figure = steps.with_value(|steps| {
            step_figure(steps.get(step_index)?, figure_variant.as_deref(), side)
        })?;
        Some(view! { <PoseFigure figure compact=true /> })
    };
    let remaining = move || format_countdown(snapshot.with(|snapshot| snapshot.remaining_ms));
    let progress_percent =
        move || (snapshot.with(|snapshot| snapshot.progress) * 100.0).round() as u32;
    let phase_kind = move || phase().map(|phase| phase.kind);
    let is_rest = move || phase_kind() == Some(PhaseKind::Rest);
    let limb = plan.with_value(|plan| {
        plan.phases
            .iter()
            .find(|phase| phase.side.is_some())
            .map(|phase| phase.limb.clone())
            .unwrap_or_default()
    });
    // Stop asks first: a stray tap must not end the session.
    let confirming_stop = RwSignal::new(false);
    // The question takes the focus, on its safe answer, so keyboard users land on it.
    let keep_going = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = keep_going.get() {
            // Not a write: if the browser refuses the focus, the question is still on screen
            // and reachable by Tab, so there is nothing to tell the user.
            button.focus().ok();
        }
    });
    let stop = move |_| {
        confirming_stop.set(false);
        controls.stop();
    };
    let is_over = move || matches!(status(), Status::Finished | Status::Stopped);
    Effect::new(move |_| {
        if status() == Status::Running {
            offer.set(None);
        }
    });
    let platform_note = if is_ios() {
        Some("On iPhone and iPad, cues stop when the screen locks: keep Limber open with the screen on.")
    } else if !wake_lock_supported {
        Some("This browser cannot keep the screen on: keep the phone unlocked, or cues may stop when the screen turns off.")
    } else {
        None
    };
    let preparation = plan.with_value(|plan| plan.preparation.clone());
    let has_preparation = !preparation.is_empty();
    let preparation = StoredValue::new(preparation);

    // Tapping anywhere that is not a control pauses a running routine.
    let tap_to_pause = move |event: web_sys::MouseEvent| {
        use wasm_bindgen::JsCast;
        let on_control = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| {
                element
                    .closest("button, a, input, label")
                    .ok()
                    .flatten()
                    .is_some()
            });
        if !on_control && status() == Status::Running {
            controls.pause();
        }
    };

    view! {
        <section
            class="player"
            class:paused=move || status() == Status::Paused
            class:resting=is_rest
            class:over=is_over
            on:click=tap_to_pause
        >
            <h1 class="player-routine">{routine_name}</h1>
            {notice.map(|sentence| view! { <p class="resume-note" role="status">{sentence}</p> })}
            {target.map(|line| view! {
                <Show when=move || !is_over()>
                    <p class="progression-target">{line.clone()}</p>
                </Show>
            })}
            <Show
                when=is_over
                fallback=move || {
                    view! {
                        <p class="player-exercise">{move || phase().and_then(|phase| phase.exercise_line()).unwrap_or_default()}</p>
                        <p class="phase-title">{move || phase().map(|phase| phase.title).unwrap_or_default()}</p>
                        <p class="phase-kind">{move || phase_kind().map(PhaseKind::label).unwrap_or_default()}</p>
                        <div class="countdown" role="timer" aria-label="Time left in this step">
                            {remaining}
                        </div>
                        <p class="player-status" aria-hidden=move || (status() != Status::Paused).to_string()>
                            {move || if status() == Status::Paused { "Paused — tap Resume or press Space" } else { "" }}
                        </p>
                        <div class="player-body">
                            {figure.clone()}
                            <p class="instructions">{move || phase().map(|phase| phase.instructions).unwrap_or_default()}</p>
                        </div>
                        <div
                            class="progress"
                            role="progressbar"
                            aria-label="Routine progress"
                            aria-valuemin="0"
                            aria-valuemax="100"
                            aria-valuenow=progress_percent
                            aria-valuetext=move || format!("{}% done", progress_percent())
                        >
                            <div class="progress-fill" style:width=move || format!("{}%", progress_percent())></div>
                        </div>
                        <p class="next">{move || next().map(|title| format!("Next: {title}")).unwrap_or_else(|| "Last step".into())}</p>
                    }
                }
            >
                <AfterSession status=Signal::derive(status) record_id routine_id=routine_id.clone() limb=limb.clone() />
            </Show>
            <Show when=move || status() == Status::Idle>
                <div class="player-body">
                    <Show when=move || has_preparation>
                        <ul class="preparation">
                            {preparation.with_value(|lines| lines.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view())}
                        </ul>
                    </Show>
                    {platform_note.map(|note| view! { <p class="platform-note">{note}</p> })}
                    <TrialDeviationNote routine_id=deviation_routine_id.clone() />
                </div>
            </Show>
            <div class="controls">
                <Show when=move || status() == Status::Idle>
                    <button type="button" class="primary big" on:click=move |_| controls.start()>"Start"</button>
                </Show>
                <Show when=move || matches!(status(), Status::Running | Status::Paused)>
                    <Show when=move || !confirming_stop.get()>
                        <button type="button" on:click=move |_| controls.back()>"Back"</button>
                    </Show>
                    <Show
                        when=move || status() == Status::Paused
                        fallback=move || view! { <button type="button" class="primary big" on:click=move |_| controls.pause()>"Pause"</button> }
                    >
                        <button type="button" class="primary big" on:click=move |_| controls.resume()>{move || offer.get().unwrap_or_else(|| "Resume".into())}</button>
                    </Show>
                    <Show
                        when=move || confirming_stop.get()
                        fallback=move || view! {
                            <button type="button" on:click=move |_| controls.skip()>"Skip"</button>
                            <button type="button" class="stop" on:click=move |_| confirming_stop.set(true)>"Stop"</button>
                        }
                    >
                        <div class="stop-confirm" role="group" aria-labelledby="stop-question">
                            <p id="stop-question" class="stop-question">"Stop this session?"</p>
                            <button type="button" class="stop" on:click=stop>"Yes, stop"</button>
                            <button type="button" node_ref=keep_going on:click=move |_| confirming_stop.set(false)>"Keep going"</button>
                        </div>
                    </Show>
                </Show>
            </div>
            <p class="visually-hidden" aria-live="polite">{announcement}</p>
        </section>
    }
}
