//! `/import`: opens a routine someone shared, from a link (`/import#r=…`, the routine in the
//! fragment) or from a routine file, shows it in full, and saves a copy only when asked. A
//! routine the user already has is said to be so, with "Keep both" or "Replace".

use crate::router::{use_location, use_navigate};
use leptos::prelude::*;
use leptos::task::spawn_local;
use limber_core::duration::format_clock;
use limber_core::routine::{already_owned, Routine};
use limber_core::transfer::{
    decode_share_link, routine_from_json, RoutineFileError, MAX_ROUTINE_FILE_BYTES,
};

use crate::browser::files;
use crate::browser::location::current_hash;
use crate::components::routine_outline::RoutineOutline;
use crate::state::{new_custom_routine_id, use_app_store};

/// What the page has to show: nothing yet, a routine to preview, or why none can be opened.
#[derive(Debug, Clone, PartialEq)]
enum Opened {
    /// No link payload and no file picked.
    Nothing,
    /// A routine read from the link or file, not saved yet.
    Routine(Box<Routine>),
    /// The link or file cannot be opened; the message says why. Nothing was changed.
    Failed(String),
}

/// The routine in the page's fragment, if it has one.
fn from_link(hash: &str) -> Opened {
    if hash.trim_start_matches('#').is_empty() {
        return Opened::Nothing;
    }
    match decode_share_link(hash) {
        Ok(routine) => Opened::Routine(Box::new(routine)),
        Err(error) => Opened::Failed(error.to_string()),
    }
}

/// The shared-routine screen: preview from the link or a picked file, then "Save to my routines".
#[component]
pub fn ImportPage() -> impl IntoView {
    let store = use_app_store();
    let navigate = use_navigate();
    let location = use_location();
    let opened = RwSignal::new(from_link(&current_hash()));
    // A new link opened while this screen is showing changes only the fragment.
    Effect::new(move |previous: Option<String>| {
        let hash = location.hash.get();
        if previous.is_some_and(|previous| previous != hash) {
            opened.set(from_link(&current_hash()));
        }
        hash
    });
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let on_pick = move |_| {
        let Some(input) = input_ref.get_untracked() else {
            return;
        };
        let Some((size, file)) = files::picked_file(&input) else {
            return;
        };
        files::clear_picked(&input);
        if size > MAX_ROUTINE_FILE_BYTES as f64 {
            opened.set(Opened::Failed(RoutineFileError::TooLarge.to_string()));
            return;
        }
        spawn_local(async move {
            let next = match files::read_text(&file).await {
                Ok(text) => match routine_from_json(&text) {
                    Ok(routine) => Opened::Routine(Box::new(routine)),
                    Err(error) => Opened::Failed(error.to_string()),
                },
                Err(error) => Opened::Failed(format!("The file could not be opened: {error}.")),
            };
            opened.try_set(next);
        });
    };
    // Saves a new copy, or (given the id of the user's own copy) replaces that one in place.
    let save = Callback::new(move |replacing: Option<String>| {
        let Opened::Routine(routine) = opened.get_untracked() else {
            return;
        };
        let id = replacing.clone().unwrap_or_else(new_custom_routine_id);
        let copy = routine.as_new_copy(id.clone());
        match store.save_routine(copy) {
            Ok(()) => navigate(&format!("/routines/{id}"), Default::default()),
            Err(error) => opened.set(Opened::Failed(error.to_string())),
        }
    });
    view! {
        <h1>"Open a shared routine"</h1>
        {move || match opened.get() {
            Opened::Nothing => view! {
                <p class="lead">"Open a link someone sent you to see their routine here, or open a routine file."</p>
            }
            .into_any(),
            Opened::Failed(message) => view! {
                <p role="alert" class="field-error">{message}</p>
                <p class="note">"Nothing was saved or changed."</p>
            }
            .into_any(),
            Opened::Routine(routine) => {
                let owned = store.document.with_untracked(|document| {
                    already_owned(&document.custom_routines, &routine).cloned()
                });
                view! { <Preview routine=*routine owned on_save=save /> }.into_any()
            }
        }}
        <div class="setting import-routine-file">
            <label for="routine-file">"Open a routine file"</label>
            <input id="routine-file" type="file" accept=".json,application/json" node_ref=input_ref on:change=on_pick />
        </div>
    }
}

/// A shared routine in full, with who wrote it and the buttons that save it.
#[component]
fn Preview(
    /// The routine as shared.
    routine: Routine,
    /// The user's own routine this one is a copy of, if any.
    owned: Option<Routine>,
    /// Saves a copy to the user's routines (`Some(id)`: replacing that routine).
    on_save: Callback<Option<String>>,
) -> impl IntoView {
    let total = format_clock(routine.total_ms() / 1_000);
    let choice = match owned {
        None => view! {
            <button type="button" class="primary" on:click=move |_| on_save.run(None)>"Save to my routines"</button>
        }
        .into_any(),
        Some(own) => {
            let own_id = own.id.clone();
            view! {
                <div class="already-owned" role="group" aria-labelledby="already-owned-text">
                    <p id="already-owned-text" class="already-owned-text">
                        {format!("You already have this routine in your routines, as “{}”.", own.name)}
                    </p>
                    <button type="button" on:click=move |_| on_save.run(None)>"Keep both"</button>
                    " "
                    <button type="button" class="primary" on:click=move |_| on_save.run(Some(own_id.clone()))>"Replace"</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="shared-routine" aria-labelledby="shared-name">
            <h2 id="shared-name">{routine.name.clone()}</h2>
            <p class="lead">{routine.summary.clone()}</p>
            <p class="card-meta"><span class="total">{format!("Total {total}")}</span></p>
            <p class="shared-note">
                "This routine was written by whoever sent it to you. Limber has not checked it. Read the steps and safety notes before you save it."
            </p>
            {choice}
            <RoutineOutline routine />
        </section>
    }
}
