//! The form for one pain entry's details: pain (the same tap scale as the quick check-in),
//! date and time, night pain, where it hurts, stiffness, note. A morning check-in about a
//! night shows its night's date and edits night pain and "Woken by pain" with the check-in's
//! own taps. A problem is shown next to the field it concerns, as a sentence.

use leptos::prelude::*;
use limber_core::log::{Area, CivilDate, Entry, ValidationError, MAX_NOTE_CHARS, MAX_RATING};
use limber_core::store::ChangeError;

use super::pain_scale::PainScale;
use super::woken_choice;
use crate::state::StoreError;

/// The field a problem belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    When,
    Stiffness,
    Note,
    Form,
}

/// Where a core validation problem is shown.
fn field_of(problem: &ValidationError) -> Field {
    match problem {
        ValidationError::StiffnessOutOfRange => Field::Stiffness,
        ValidationError::NoteTooLong { .. } => Field::Note,
        ValidationError::Time(_) => Field::When,
        _ => Field::Form,
    }
}

/// Edits `draft` (owned by the caller, so what is typed survives the list around it being
/// redrawn); Save hands back the edited entry if it is valid, with the reason shown next to
/// the field if not, and shows why if it was not saved. If the entry was deleted meanwhile,
/// it offers to save the text as a new entry.
#[component]
pub fn EntryEditor(
    /// The edited copy of the entry.
    draft: RwSignal<Entry>,
    /// Saves the edited entry.
    on_save: Callback<Entry, Result<(), StoreError>>,
    /// Saves the edited entry as a new entry (offered when the entry no longer exists).
    on_save_as_new: Callback<Entry, Result<(), StoreError>>,
    /// Called when the user gives up editing.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let id = draft.with_untracked(|entry| entry.id.clone());
    let date_text = RwSignal::new(draft.with_untracked(|entry| entry.at.local_date().to_string()));
    let time_text = RwSignal::new(draft.with_untracked(|entry| entry.at.local_time_of_day()));
    let error = RwSignal::new(None::<(Field, String)>);
    let gone = RwSignal::new(false);
    let report = move |outcome: Result<(), StoreError>| {
        gone.set(matches!(
            outcome,
            Err(StoreError::Refused(ChangeError::Gone(_)))
        ));
        error.set(
            outcome
                .err()
                .map(|problem| (Field::Form, problem.to_string())),
        );
    };
    let save_as_new = move |_| report(on_save_as_new.run(draft.get_untracked().normalized()));
    let field = |name: &str| format!("entry-{name}-{id}");
    let save = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let mut edited = draft.get_untracked().normalized();
        let moved = CivilDate::parse(&date_text.get_untracked())
            .and_then(|date| edited.at.moved_to_local(date, &time_text.get_untracked()));
        let Some(at) = moved else {
            error.set(Some((
                Field::When,
                "Enter a date and a time (HH:MM).".to_string(),
            )));
            return;
        };
        edited.at = at;
        match edited.validate() {
            Ok(()) => report(on_save.run(edited)),
            Err(problem) => error.set(Some((field_of(&problem), problem.sentence()))),
        }
    };
    let message_for = move |wanted: Field| {
        move || {
            error
                .get()
                .filter(|(field, _)| *field == wanted)
                .map(|(_, message)| view! { <p class="field-error" role="alert">{message}</p> })
        }
    };
    let (date_id, time_id, night_id, stiffness_id, note_id) = (
        field("date"),
        field("time"),
        field("night"),
        field("stiffness"),
        field("note"),
    );
    let pick_pain = Callback::new(move |pain: u8| draft.update(|entry| entry.pain = pain));
    let selected = Signal::derive(move || draft.with(|entry| Some(entry.pain)));
    let night_of = draft.with_untracked(|entry| entry.night.as_ref().map(|night| night.night_of));
    let (pain_label, date_label) = match night_of {
        Some(_) => ("Night pain, 0 to 10", "Answered on"),
        None => ("Pain (0–10)", "Date"),
    };
    view! {
        <form class="entry-editor" novalidate=true on:submit=save>
            {night_of.map(|date| view! { <p class="entry-night-of">{format!("Night of {}", date.to_human())}</p> })}
            <PainScale label=pain_label on_pick=pick_pain selected />
            {match night_of {
                Some(_) => night_woken_choice(draft, field("woken")).into_any(),
                None => woke_at_night_toggle(draft, night_id).into_any(),
            }}
            <div class="entry-when">
                <div class="setting">
                    <label for=date_id.clone()>{date_label}</label>
                    <input id=date_id type="date" required
                        prop:value=move || date_text.get()
                        on:input=move |event| date_text.set(event_target_value(&event)) />
                </div>
                <div class="setting">
                    <label for=time_id.clone()>"Time"</label>
                    <input id=time_id type="time" required
                        prop:value=move || time_text.get()
                        on:input=move |event| time_text.set(event_target_value(&event)) />
                </div>
            </div>
            {message_for(Field::When)}
            <fieldset class="areas">
                <legend>"Where it hurts"</legend>
                {Area::ALL
                    .into_iter()
                    .map(|area| {
                        view! {
                            <label class="choice">
                                <input type="checkbox" prop:checked=move || draft.with(|entry| entry.areas.contains(&area))
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        draft.update(|entry| {
                                            entry.areas.retain(|known| *known != area);
                                            if on {
                                                entry.areas.push(area);
                                            }
                                        });
                                    } />
                                <span>{area.label()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="setting">
                <label for=stiffness_id.clone()>"Stiffness (0–10, optional)"</label>
                <input id=stiffness_id type="number" min="0" max=MAX_RATING.to_string() inputmode="numeric"
                    prop:value=move || draft.with(|entry| entry.stiffness.map(|value| value.to_string()).unwrap_or_default())
                    on:input=move |event| {
                        let text = event_target_value(&event);
                        let value = if text.trim().is_empty() { None } else { Some(text.trim().parse().unwrap_or(u8::MAX)) };
                        draft.update(|entry| entry.stiffness = value);
                    } />
                {message_for(Field::Stiffness)}
            </div>
            <div class="setting">
                <label for=note_id.clone()>"Note"</label>
                <textarea id=note_id rows="3" maxlength=MAX_NOTE_CHARS.to_string()
                    prop:value=move || draft.with(|entry| entry.note.clone())
                    on:input=move |event| draft.update(|entry| entry.note = event_target_value(&event))></textarea>
                <span class="setting-hint">{move || format!("{} of {MAX_NOTE_CHARS} characters", draft.with(|entry| entry.note.chars().count()))}</span>
                {message_for(Field::Note)}
            </div>
            {message_for(Field::Form)}
            <Show when=move || gone.get()>
                <button type="button" on:click=save_as_new>"Save as a new entry"</button>
            </Show>
            <div class="form-buttons">
                <button type="submit" class="primary">"Save"</button>
                <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

/// "Pain woke me at night" for an entry that is not a night check-in.
fn woke_at_night_toggle(draft: RwSignal<Entry>, night_id: String) -> impl IntoView {
    view! {
        <div class="setting toggle">
            <input id=night_id.clone() type="checkbox" prop:checked=move || draft.with(|entry| entry.woke_at_night == Some(true))
                on:change=move |event| draft.update(|entry| entry.woke_at_night = Some(event_target_checked(&event))) />
            <label for=night_id class="setting-label">"Pain woke me at night"</label>
        </div>
    }
}

/// "Woken by pain" 0 / 1 / 2 / 3 or more for a night check-in, as on the check-in itself.
fn night_woken_choice(draft: RwSignal<Entry>, label_id: String) -> impl IntoView {
    let selected = Signal::derive(move || {
        draft.with(|entry| entry.night.as_ref().map(|night| night.times_woken))
    });
    let pick = Callback::new(move |times: u8| draft.update(|entry| entry.set_times_woken(times)));
    woken_choice::woken_choice(label_id, selected, pick)
}
