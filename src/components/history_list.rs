//! The history: entries and sessions grouped by day, newest first, a page at a time, with
//! edit and delete (and undo) for entries, and delete (and undo) for sessions. An edit in
//! progress keeps its draft when another tab writes, and if its entry was deleted meanwhile,
//! offers to save it as a new entry.

use leptos::prelude::*;
use limber_core::duration::format_clock;
use limber_core::log::{Entry, HistoryItem, SessionRecord, Timestamp};

use super::entry_editor::EntryEditor;
use crate::state::{use_app_store, StoreError};

/// Items shown per page; "Show older" adds another page.
pub const PAGE_SIZE: usize = 100;

/// The entry being edited (its id) and its draft, kept here so that what the user typed
/// survives the list being redrawn (another tab wrote) or the entry being deleted meanwhile.
#[derive(Clone, Copy)]
struct Editing {
    id: RwSignal<Option<String>>,
    draft: RwSignal<Entry>,
}

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
    let editing = Editing {
        id: RwSignal::new(None),
        draft: RwSignal::new(Entry::new("", Timestamp::new(0, 0), 0)),
    };
    let last_deleted = RwSignal::new(None::<Deleted>);
    let problem = RwSignal::new(None::<String>);
    let show = move |outcome: Result<Deleted, StoreError>| match outcome {
        Ok(removed) => {
            problem.set(None);
            last_deleted.set(Some(removed));
        }
        Err(error) => problem.set(Some(error.to_string())),
    };
    let delete = Callback::new(move |id: String| show(store.delete_entry(&id).map(Deleted::Entry)));
    let delete_session =
        Callback::new(move |id: String| show(store.delete_session(&id).map(Deleted::Session)));
    let undo = move |_| {
        let restored = match last_deleted.get_untracked() {
            Some(Deleted::Entry(entry)) => store.restore_entry(entry),
            Some(Deleted::Session(session)) => store.record_session(session),
            None => Ok(()),
        };
        problem.set(restored.err().map(|error| error.to_string()));
        last_deleted.set(None);
    };
    let save = Callback::new(move |entry: Entry| {
        store.edit_entry(entry)?;
        editing.id.set(None);
        Ok::<(), StoreError>(())
    });
    let save_as_new = Callback::new(move |entry: Entry| {
        store.save_as_new_entry(entry)?;
        editing.id.set(None);
        Ok::<(), StoreError>(())
    });
    let cancel = Callback::new(move |_| editing.id.set(None));
    let deleted_meanwhile = move || {
        let id = editing.id.get()?;
        let draft = editing.draft;
        let gone = store
            .document
            .with(|document| document.log.entry(&id).is_none());
        gone.then(|| {
            view! {
                <div class="history-orphan">
                    <p>"This entry was deleted, perhaps in another tab. What you typed is still here."</p>
                    <EntryEditor draft on_save=save on_save_as_new=save_as_new on_cancel=cancel />
                </div>
            }
        })
    };
    view! {
        {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        {deleted_meanwhile}
        {move || {
            last_deleted
                .get()
                .map(|deleted| {
                    let what = match deleted {
                        Deleted::Entry(entry) => format!("Deleted the {}/10 entry of {}. ", entry.pain, entry.at.local_time_of_day()),
                        Deleted::Session(session) => format!("Deleted the {} session of {}. ", session.routine_name, session.started.local_time_of_day()),
                    };
                    view! {
                        <p class="undo" role="status">
                            {what}
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
                                {items.into_iter().map(|item| history_row(item, editing, delete, delete_session, RowSaves { save, save_as_new, cancel })).collect_view()}
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

/// What an entry's editor calls.
#[derive(Clone, Copy)]
struct RowSaves {
    save: Callback<Entry, Result<(), StoreError>>,
    save_as_new: Callback<Entry, Result<(), StoreError>>,
    cancel: Callback<()>,
}

/// What was deleted last, for Undo.
#[derive(Clone)]
enum Deleted {
    Entry(Entry),
    Session(SessionRecord),
}

fn history_row(
    item: HistoryItem,
    editing: Editing,
    delete: Callback<String>,
    delete_session: Callback<String>,
    saves: RowSaves,
) -> AnyView {
    match item {
        HistoryItem::Entry(entry) => entry_row(entry, editing, delete, saves).into_any(),
        HistoryItem::Session(session) => session_row(session, delete_session).into_any(),
    }
}

fn entry_row(
    entry: Entry,
    editing: Editing,
    delete: Callback<String>,
    saves: RowSaves,
) -> impl IntoView {
    let time = entry.at.local_time_of_day();
    let id = entry.id.clone();
    let draft_of = {
        let id = id.clone();
        move || (editing.id.get().as_deref() == Some(id.as_str())).then_some(editing.draft)
    };
    let details = entry_details(&entry);
    let note = entry.note.clone();
    let pain = format!("{}/10", entry.pain);
    let (edit_id, delete_id) = (id.clone(), id);
    let edit_draft = entry.clone();
    view! {
        <li class="history-entry">
            <p class="history-line">
                <span class="history-time">{time.clone()}</span>
                <span class="history-pain">{pain}</span>
                <span class="history-details">{details}</span>
            </p>
            {(!note.is_empty()).then(|| view! { <p class="history-note">{note}</p> })}
            {move || match draft_of() {
                Some(draft) => view! {
                    <EntryEditor draft on_save=saves.save on_save_as_new=saves.save_as_new on_cancel=saves.cancel />
                }
                .into_any(),
                None => {
                    let (edit_id, delete_id, time, edit_draft) = (edit_id.clone(), delete_id.clone(), time.clone(), edit_draft.clone());
                    view! {
                        <div class="row-buttons">
                            <button type="button" on:click=move |_| {
                                editing.draft.set(edit_draft.clone());
                                editing.id.set(Some(edit_id.clone()));
                            }>
                                "Edit"<span class="visually-hidden">{format!(" the {time} entry")}</span>
                            </button>
                            <button type="button" on:click=move |_| delete.run(delete_id.clone())>
                                "Delete"<span class="visually-hidden">{format!(" the {time} entry")}</span>
                            </button>
                        </div>
                    }
                    .into_any()
                }
            }}
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

fn session_row(session: SessionRecord, delete: Callback<String>) -> impl IntoView {
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
    let time = session.started.local_time_of_day();
    let id = session.id.clone();
    view! {
        <li class="history-session">
            <p class="history-line">
                <span class="history-time">{time.clone()}</span>
                <span class="history-routine">{format!("{} — {outcome}", session.routine_name)}</span>
            </p>
            {(!held.is_empty()).then(|| view! { <p class="history-held">{format!("Held: {held}")}</p> })}
            <div class="row-buttons">
                <button type="button" on:click=move |_| delete.run(id.clone())>
                    "Delete"<span class="visually-hidden">{format!(" the {time} session")}</span>
                </button>
            </div>
        </li>
    }
}
