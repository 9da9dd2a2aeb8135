//! One step of a routine in the editor: name, instructions, kind, length, sides, repetitions
//! and rests, with the buttons to move or remove it and the messages that concern it.

use leptos::prelude::*;
use limber_core::editing::{sides_choice, with_sides_choice};
use limber_core::pose::pose_options;
use limber_core::routine::{Sides, Step, StepKind};
use limber_core::side::BodySide;

use crate::components::figure::{step_figure, PoseFigure};

/// What a step's buttons ask of the editor.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StepAction {
    /// Move it one place up.
    Up,
    /// Move it one place down.
    Down,
    /// Remove it.
    Remove,
}

/// The fields of step `index` of the draft, bound to `step` (a projection of the draft).
#[component]
pub fn StepEditor(
    /// Position in the routine (0-based).
    index: usize,
    /// How many steps the routine has (for the move buttons).
    count: Signal<usize>,
    /// The step, read from the draft.
    step: Signal<Step>,
    /// Writes a changed step back into the draft.
    on_change: Callback<Step>,
    /// Moves or removes the step.
    on_action: Callback<StepAction>,
    /// Validation messages for this step.
    messages: Signal<Vec<String>>,
) -> impl IntoView {
    let number = index + 1;
    let id = move |field: &str| format!("step-{index}-{field}");
    let edit = move |change: &dyn Fn(&mut Step)| {
        let mut next = step.get_untracked();
        change(&mut next);
        on_change.run(next);
    };
    let seconds = |ms: u64| (ms / 1_000).to_string();
    let parse_ms = |text: String| {
        text.trim()
            .parse::<u64>()
            .unwrap_or(0)
            .saturating_mul(1_000)
    };
    let is_both = move || matches!(step.get().sides, Sides::Both { .. });
    view! {
        <fieldset class="step-editor">
            <legend>{format!("Step {number}")}</legend>
            <div class="setting">
                <label for=id("name")>"Step name"</label>
                <input id=id("name") type="text" prop:value=move || step.get().name
                    on:input=move |event| { let value = event_target_value(&event); edit(&|step| step.name = value.clone()) } />
            </div>
            <div class="setting">
                <label for=id("instructions")>"Instructions"</label>
                <textarea id=id("instructions") rows="3" prop:value=move || step.get().instructions
                    on:input=move |event| { let value = event_target_value(&event); edit(&|step| step.instructions = value.clone()) }></textarea>
            </div>
            <div class="field-row">
                <div class="setting">
                    <label for=id("kind")>"Kind"</label>
                    <select id=id("kind") on:change=move |event| {
                        let kind = match event_target_value(&event).as_str() {
                            "setup" => StepKind::Setup,
                            "rest" => StepKind::Rest,
                            "move" => StepKind::Move,
                            _ => StepKind::Hold,
                        };
                        edit(&|step| step.kind = kind)
                    }>
                        {[("hold", "Hold", StepKind::Hold), ("move", "Movement", StepKind::Move), ("rest", "Rest", StepKind::Rest), ("setup", "Setup", StepKind::Setup)]
                            .into_iter()
                            .map(|(value, label, kind)| view! { <option value=value selected=move || step.get().kind == kind>{label}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="setting">
                    <label for=id("seconds")>"Seconds"</label>
                    <input id=id("seconds") type="number" min="0" inputmode="numeric" prop:value=move || seconds(step.get().duration_ms)
                        on:input=move |event| { let ms = parse_ms(event_target_value(&event)); edit(&|step| step.duration_ms = ms) } />
                </div>
                <div class="setting">
                    <label for=id("repetitions")>"Repetitions"</label>
                    <input id=id("repetitions") type="number" min="1" inputmode="numeric" prop:value=move || step.get().repetitions.to_string()
                        on:input=move |event| { let value = event_target_value(&event).trim().parse().unwrap_or(0); edit(&|step| step.repetitions = value) } />
                </div>
                <div class="setting">
                    <label for=id("rest-reps")>"Rest between repetitions (s)"</label>
                    <input id=id("rest-reps") type="number" min="0" inputmode="numeric" prop:value=move || seconds(step.get().rest_between_reps_ms)
                        on:input=move |event| { let ms = parse_ms(event_target_value(&event)); edit(&|step| step.rest_between_reps_ms = ms) } />
                </div>
            </div>
            <div class="field-row">
                <div class="setting">
                    <label for=id("sides")>"Sides"</label>
                    <select id=id("sides") on:change=move |event| {
                        let choice = event_target_value(&event);
                        edit(&|step| step.sides = with_sides_choice(step.sides, &choice))
                    }>
                        {[("none", "No side"), ("right", "Right only"), ("left", "Left only"), ("both", "Both sides")]
                            .into_iter()
                            .map(|(value, label)| view! { <option value=value selected=move || sides_choice(step.get().sides) == value>{label}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="setting">
                    <label for=id("limb")>"Side is called"</label>
                    <input id=id("limb") type="text" placeholder="leg" prop:value=move || step.get().limb
                        on:input=move |event| { let value = event_target_value(&event); edit(&|step| step.limb = value.clone()) } />
                </div>
                <Show when=is_both>
                    <div class="setting">
                        <label for=id("first")>"First side"</label>
                        <select id=id("first") on:change=move |event| {
                            let first = if event_target_value(&event) == "left" { BodySide::Left } else { BodySide::Right };
                            edit(&|step| if let Sides::Both { rest_between_ms, .. } = step.sides { step.sides = Sides::Both { first, rest_between_ms } })
                        }>
                            <option value="right" selected=move || matches!(step.get().sides, Sides::Both { first: BodySide::Right, .. })>"Right"</option>
                            <option value="left" selected=move || matches!(step.get().sides, Sides::Both { first: BodySide::Left, .. })>"Left"</option>
                        </select>
                    </div>
                    <div class="setting">
                        <label for=id("rest-sides")>"Rest between sides (s)"</label>
                        <input id=id("rest-sides") type="number" min="0" inputmode="numeric"
                            prop:value=move || seconds(step.get().rest_between_sides_ms())
                            on:input=move |event| {
                                let ms = parse_ms(event_target_value(&event));
                                edit(&|step| if let Sides::Both { first, .. } = step.sides { step.sides = Sides::Both { first, rest_between_ms: ms } })
                            } />
                    </div>
                </Show>
            </div>
            <div class="field-row pose-picker">
                <div class="setting">
                    <label for=id("pose")>"Picture"</label>
                    // The options as one piece of markup written by core (labels are constants).
                    <select id=id("pose") inner_html=move || pose_options(step.get().pose.as_deref()) on:change=move |event| {
                        let value = event_target_value(&event);
                        edit(&|step| step.pose = (!value.is_empty()).then(|| value.clone()))
                    }></select>
                </div>
                {move || step_figure(&step.get(), None, None).map(|figure| view! { <PoseFigure figure compact=true /> })}
            </div>
            <ul class="field-errors">{move || messages.get().into_iter().map(|message| view! { <li class="field-error">{message}</li> }).collect_view()}</ul>
            <div class="row-buttons">
                <button type="button" disabled={move || index == 0} on:click=move |_| on_action.run(StepAction::Up)>
                    "Move up"<span class="visually-hidden">{format!(" step {number}")}</span>
                </button>
                <button type="button" disabled={move || index + 1 >= count.get()} on:click=move |_| on_action.run(StepAction::Down)>
                    "Move down"<span class="visually-hidden">{format!(" step {number}")}</span>
                </button>
                <button type="button" disabled={move || count.get() <= 1} on:click=move |_| on_action.run(StepAction::Remove)>
                    "Remove"<span class="visually-hidden">{format!(" step {number}")}</span>
                </button>
            </div>
        </fieldset>
    }
}
