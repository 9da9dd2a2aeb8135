//! Settings' "Daily reminder": a time, the days of the week and a routine, made into an
//! iCalendar file the user opens to add a repeating event with an alarm to their calendar.
//! Limber itself sends no notifications and needs no server.

use leptos::prelude::*;
use limber_core::library::SEED_ROUTINE_ID;
use limber_core::routine::Routine;
use limber_core::transfer::{
    parse_time_of_day, reminder_file_name, reminder_ics, Reminder, ReminderError, Weekday,
    Weekdays, ICS_MIME_TYPE,
};

use crate::browser::clock::wall_clock_now;
use crate::browser::files;

/// The reminder form and its download button.
#[component]
pub fn ReminderSection(
    /// The routines to choose from: built-in ones, then the user's own.
    routines: Signal<Vec<Routine>>,
) -> impl IntoView {
    let time = RwSignal::new("08:00".to_string());
    let days = RwSignal::new(Weekdays::EVERY_DAY);
    let routine_id = RwSignal::new(SEED_ROUTINE_ID.to_string());
    let error = RwSignal::new(None::<ReminderError>);
    let status = RwSignal::new(None::<String>);
    let toggle_day = move |day: Weekday, on: bool| {
        days.update(|days| {
            let mut chosen = days.days();
            chosen.retain(|known| *known != day);
            if on {
                chosen.push(day);
            }
            *days = Weekdays::of(&chosen);
        });
        error.set(None);
    };
    let download = move |_| {
        status.set(None);
        let now = wall_clock_now();
        let chosen = routines.with_untracked(|routines| {
            routine_id.with_untracked(|id| routines.iter().find(|r| r.id == *id).cloned())
        });
        let Some(routine) = chosen else { return };
        let Some((hour, minute)) = time.with_untracked(|time| parse_time_of_day(time)) else {
            error.set(Some(ReminderError::InvalidTime));
            return;
        };
        let reminder = Reminder {
            hour,
            minute,
            days: days.get_untracked(),
            routine_name: routine.name.clone(),
            start_date: now.local_date(),
            duration_ms: routine.total_ms(),
        };
        match reminder_ics(&reminder, &routine.id, now) {
            Ok(text) => {
                error.set(None);
                let file_name = reminder_file_name();
                status.set(Some(
                    match files::download_text(&file_name, ICS_MIME_TYPE, &text) {
                        Ok(()) => format!("Saved {file_name}: {}.", reminder.describe()),
                        Err(problem) => format!("Could not save the file: {problem}."),
                    },
                ));
            }
            Err(problem) => error.set(Some(problem)),
        }
    };
    let message_for = move |wanted: fn(&ReminderError) -> bool| {
        move || {
            error.get().filter(wanted).map(
                |problem| view! { <p class="field-error" role="alert">{problem.to_string()}</p> },
            )
        }
    };

    view! {
        <div class="settings-list reminder">
            <p class="note">"Open the file on your phone to add a repeating event with an alarm to your calendar. Limber itself never sends notifications."</p>
            <div class="setting">
                <label for="reminder-time">"Time"</label>
                <input id="reminder-time" type="time" required=true prop:value=time
                    on:input=move |event| { time.set(event_target_value(&event)); error.set(None) } />
                {message_for(|problem| matches!(problem, ReminderError::InvalidTime))}
            </div>
            <fieldset class="weekdays">
                <legend>"Days"</legend>
                {Weekday::ALL.into_iter().map(|day| {
                    view! {
                        <label class="choice weekday">
                            <input type="checkbox" prop:checked=move || days.get().contains(day)
                                on:change=move |event| toggle_day(day, event_target_checked(&event)) />
                            <span>{day.short_name()}</span>
                        </label>
                    }
                }).collect_view()}
                {message_for(|problem| matches!(problem, ReminderError::NoDays))}
            </fieldset>
            <div class="setting">
                <label for="reminder-routine">"Routine"</label>
                <select id="reminder-routine" on:change=move |event| routine_id.set(event_target_value(&event))>
                    {move || routines.get().into_iter().map(|routine| {
                        let id = routine.id.clone();
                        view! { <option value=routine.id selected=move || routine_id.with(|chosen| *chosen == id)>{routine.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            {message_for(|problem| matches!(problem, ReminderError::StartDateOutOfRange))}
            <button type="button" on:click=download>"Download reminder (.ics)"</button>
            <p role="status">{move || status.get()}</p>
        </div>
    }
}
