//! The history: entries and sessions grouped by day, newest first, a page at a time, with
//! edit and delete (and undo) for entries.

use leptos::prelude::*;
use limber_core::duration::format_clock;
use limber_core::log::{Entry, HistoryItem, SessionRecord};

use super::entry_editor::EntryEditor;
use crate::browser::clock::wall_clock_now;
use crate::state::use_app_store;

/// Items shown per page; "Show older" adds another page.
pub const PAGE_SIZE: usize = 100;

/// The whole history list with paging and undo.
#[component]
pub fn HistoryList() -> impl IntoView {
    let store = use_app_store();
    let limit = RwSignal::new(PAGE_SIZE);
    let page = Memo::new(move |_| {
        store
            .document
            .with(|document| document.log.history(limit.get()))
    });
    let editing = RwSignal::new(None::<String>);
    let last_deleted = RwSignal::new(None::<Entry>);
    let delete = Callback::new(move |id: String| {
        let now_ms = wall_clock_now().utc_ms;
        let removed = store
            .document
            .try_update(|document| document.log.delete_entry(&id, now_ms))
            .flatten();
        last_deleted.set(removed);
    });
    let undo = move |_| {
        if let Some(entry) = last_deleted.get_untracked() {
            let now_ms = wall_clock_now().utc_ms;
            store.document.update(|document| {
                let _ = document.log.add_entry(entry, now_ms);
            });
            last_deleted.set(None);
        }
    };
    let save = Callback::new(move |entry: Entry| {
        let now_ms = wall_clock_now().utc_ms;
        store.document.update(|document| {
            let _ = document.log.update_entry(entry, now_ms);
        });
        editing.set(None);
    });
    view! {
        {move || {
            last_deleted
                .get()
                .map(|entry| {
                    view! {
                        <p class="undo" role="status">
                            {format!("Deleted the {}/10 entry of {}. ", entry.pain, entry.at.local_time_of_day())}
                            <button type="button" on:click=undo>"Undo"</button>
                        </p>
                    }
                })
        }}
        <Show when=move || page.with(|page| page.days.is_empty())>
            <p class="empty">"Nothing logged yet. Tap a number above to record how your back feels."</p>
        </Show>
        {move || {
            page.get()
                .days
                .into_iter()
                .map(|(date, items)| {
                    view! {
                        <section class="history-day">
                            <h3>{date.to_human()}</h3>
                            <ul class="history-items">
                                {items.into_iter().map(|item| history_row(item, editing, delete, save)).collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
        }}
        <Show when=move || page.with(|page| page.has_more)>
            <button type="button" on:click=move |_| limit.update(|limit| *limit += PAGE_SIZE)>"Show older"</button>
        </Show>
    }
}

fn history_row(
    item: HistoryItem,
    editing: RwSignal<Option<String>>,
    delete: Callback<String>,
    save: Callback<Entry>,
) -> AnyView {
    match item {
        HistoryItem::Entry(entry) => entry_row(entry, editing, delete, save).into_any(),
        HistoryItem::Session(session) => session_row(session).into_any(),
    }
}

fn entry_row(
    entry: Entry,
    editing: RwSignal<Option<String>>,
    delete: Callback<String>,
    save: Callback<Entry>,
) -> impl IntoView {
    let time = entry.at.local_time_of_day();
    let id = entry.id.clone();
    let is_editing = {
        let id = id.clone();
        move || editing.get().as_deref() == Some(id.as_str())
    };
    let details = entry_details(&entry);
    let note = entry.note.clone();
    let pain = format!("{}/10", entry.pain);
    let (edit_id, delete_id) = (id.clone(), id);
    view! {
        <li class="history-entry">
            <p class="history-line">
                <span class="history-time">{time.clone()}</span>
                <span class="history-pain">{pain}</span>
                <span class="history-details">{details}</span>
            </p>
            {(!note.is_empty()).then(|| view! { <p class="history-note">{note}</p> })}
            <Show
                when=is_editing
                fallback=move || {
                    let (edit_id, delete_id, time) = (edit_id.clone(), delete_id.clone(), time.clone());
                    view! {
                        <div class="row-buttons">
                            <button type="button" on:click=move |_| editing.set(Some(edit_id.clone()))>
                                "Edit"<span class="visually-hidden">{format!(" the {time} entry")}</span>
                            </button>
                            <button type="button" on:click=move |_| delete.run(delete_id.clone())>
                                "Delete"<span class="visually-hidden">{format!(" the {time} entry")}</span>
                            </button>
                        </div>
                    }
                }
            >
                <EntryEditor entry=entry.clone() on_save=save on_cancel=Callback::new(move |_| editing.set(None)) />
            </Show>
        </li>
    }
}

/// "woke at night · low back, left leg · stiffness 5/10 · after a session".
fn entry_details(entry: &Entry) -> String {
    let mut parts = Vec::new();
    if let Some(night) = &entry.night {
        parts.push(super::night_check_in::night_history_text(night));
    } else if entry.woke_at_night == Some(true) {
        parts.push("woke at night".to_string());
    }
    if !entry.areas.is_empty() {
        parts.push(
            entry
                .areas
                .iter()
                .map(|area| area.label())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if let Some(stiffness) = entry.stiffness {
        parts.push(format!("stiffness {stiffness}/10"));
    }
    match entry.context {
        limber_core::log::EntryContext::BeforeSession { .. } => {
            parts.push("before a routine".into())
        }
        limber_core::log::EntryContext::AfterSession { .. } => parts.push("after a routine".into()),
        limber_core::log::EntryContext::DailyCheckIn => {}
    }
    parts.join(" · ")
}

fn session_row(session: SessionRecord) -> impl IntoView {
    let outcome = if session.completed {
        "completed"
    } else {
        "stopped early"
    };
    let held = session
        .held
        .iter()
        .map(|held| {
            let side = held
                .side
                .map(|side| format!("{} ", side.name()))
                .unwrap_or_default();
            format!(
                "{side}{} {}",
                held.step_name.to_lowercase(),
                format_clock(u64::from(held.seconds))
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="history-session">
            <p class="history-line">
                <span class="history-time">{session.started.local_time_of_day()}</span>
                <span class="history-routine">{format!("{} — {outcome}", session.routine_name)}</span>
            </p>
            {(!held.is_empty()).then(|| view! { <p class="history-held">{format!("Held: {held}")}</p> })}
        </li>
    }
}
