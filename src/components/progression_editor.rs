//! The routine editor's "Grow a hold over time" section: switch growth on or off, choose the
//! step that grows, its start, how much it grows per session or per stretching day, and the
//! goal, with the core's messages about them.

use leptos::prelude::*;
use limber_core::editing::{growable_steps, new_progression};
use limber_core::routine::{Every, Progression, Routine};

/// The progression fields of the routine being edited.
#[component]
pub fn ProgressionEditor(
    /// The routine being edited (the editor's own draft, not the store).
    draft: RwSignal<Routine>,
    /// Validation messages about the progression.
    messages: Signal<Vec<String>>,
) -> impl IntoView {
    let progression = move || draft.with(|routine| routine.progression.clone());
    let enabled = move || draft.with(|routine| routine.progression.is_some());
    let edit = move |change: &dyn Fn(&mut Progression)| {
        draft.update(|routine| {
            if let Some(progression) = &mut routine.progression {
                change(progression);
            }
        })
    };
    let toggle = move |on: bool| {
        draft.update(|routine| {
            routine.progression = on.then(|| new_progression(routine));
        })
    };
    let seconds = move |read: fn(&Progression) -> u64| {
        move || {
            progression()
                .map(|progression| (read(&progression) / 1_000).to_string())
                .unwrap_or_default()
        }
    };
    let parse_ms = |text: String| {
        text.trim()
            .parse::<u64>()
            .unwrap_or(0)
            .saturating_mul(1_000)
    };
    let choices = move || draft.with(growable_steps);
    let grows = move |index: usize| progression().is_some_and(|p| p.step_index == index);
    let every_is = move |every: Every| progression().is_some_and(|p| p.every == every);

    view! {
        <fieldset class="progression-editor">
            <legend>"Grow a hold over time"</legend>
            <div class="setting toggle">
                <input type="checkbox" id="progression-on" aria-describedby="progression-on-hint" prop:checked=enabled
                    on:change=move |event| toggle(event_target_checked(&event)) />
                <label for="progression-on" class="setting-label">"Let one hold grow"</label>
                <span class="setting-hint" id="progression-on-hint">"Start short and add a few seconds each time, up to a goal."</span>
            </div>
            <Show when=enabled>
                <div class="setting">
                    <label for="progression-step">"Step that grows"</label>
                    <select id="progression-step" on:change=move |event| {
                        let index = event_target_value(&event).parse().unwrap_or(0);
                        edit(&|progression| progression.step_index = index)
                    }>
                        {move || choices().into_iter().map(|(index, label)| view! {
                            <option value=index.to_string() selected=move || grows(index)>{label}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field-row">
                    <div class="setting">
                        <label for="progression-start">"Start (seconds)"</label>
                        <input id="progression-start" type="number" min="1" inputmode="numeric" prop:value=seconds(|p| p.start_ms)
                            on:input=move |event| { let ms = parse_ms(event_target_value(&event)); edit(&|p| p.start_ms = ms) } />
                    </div>
                    <div class="setting">
                        <label for="progression-increment">"Grow by (seconds)"</label>
                        <input id="progression-increment" type="number" min="1" inputmode="numeric" prop:value=seconds(|p| p.increment_ms)
                            on:input=move |event| { let ms = parse_ms(event_target_value(&event)); edit(&|p| p.increment_ms = ms) } />
                    </div>
                    <div class="setting">
                        <label for="progression-every">"Grows"</label>
                        <select id="progression-every" on:change=move |event| {
                            let every = if event_target_value(&event) == "day" { Every::Day } else { Every::Session };
                            edit(&|p| p.every = every)
                        }>
                            <option value="session" selected=move || every_is(Every::Session)>"Per completed session"</option>
                            <option value="day" selected=move || every_is(Every::Day)>"Per stretching day"</option>
                        </select>
                    </div>
                    <div class="setting">
                        <label for="progression-goal">"Goal (seconds)"</label>
                        <input id="progression-goal" type="number" min="1" inputmode="numeric" prop:value=seconds(|p| p.max_ms)
                            on:input=move |event| { let ms = parse_ms(event_target_value(&event)); edit(&|p| p.max_ms = ms) } />
                    </div>
                </div>
            </Show>
            <ul class="field-errors">{move || messages.get().into_iter().map(|message| view! { <li class="field-error">{message}</li> }).collect_view()}</ul>
        </fieldset>
    }
}
