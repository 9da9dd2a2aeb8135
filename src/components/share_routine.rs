//! Sharing a routine: as a link that opens a preview in Limber (the routine travels in the
//! link's fragment, so no server sees it), or as a `.json` file.

use leptos::prelude::*;
use leptos::task::spawn_local;
use limber_core::routine::Routine;
use limber_core::transfer::{routine_file_name, routine_to_json, share_url};

use crate::browser::clipboard::copy_text;
use crate::browser::files::download_text;
use crate::browser::location::app_url;

/// "Share link" (shows the link and copies it where allowed) and "Export routine file".
#[component]
pub fn ShareRoutine(
    /// The routine to share.
    routine: Routine,
) -> impl IntoView {
    let link = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let shared = routine.clone();
    let share = move |_| {
        let made = app_url()
            .map_err(|error| format!("The link could not be made: {error}."))
            .and_then(|app| share_url(&app, &shared).map_err(|error| error.to_string()));
        match made {
            Ok(url) => {
                problem.set(None);
                link.set(Some(url.clone()));
                message.set(None);
                spawn_local(async move {
                    let said = match copy_text(&url).await {
                        Ok(()) => "Link copied",
                        Err(_) => "Copy the link above",
                    };
                    message.try_set(Some(said.to_string()));
                });
            }
            Err(error) => {
                link.set(None);
                problem.set(Some(error));
            }
        }
    };
    let export = move |_| {
        let file_name = routine_file_name(&routine);
        let said = match download_text(&file_name, "application/json", &routine_to_json(&routine)) {
            Ok(()) => format!("Saved {file_name}."),
            Err(error) => format!("Could not save the file: {error}."),
        };
        message.set(Some(said));
    };
    let select_all = |event: leptos::ev::FocusEvent| {
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        input.select();
    };
    view! {
        <section class="share-routine" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share"</h2>
            <p class="row-buttons">
                <button type="button" on:click=share>"Share link"</button>
                <button type="button" on:click=export>"Export routine file (.json)"</button>
            </p>
            {move || {
                link.get()
                    .map(|url| {
                        view! {
                            <div class="setting share-link">
                                <label for="share-link-url">"Link to this routine"</label>
                                <input id="share-link-url" type="text" readonly value=url on:focus=select_all />
                            </div>
                        }
                    })
            }}
            <p role="status" class="share-message">{move || message.get()}</p>
            {move || problem.get().map(|text| view! { <p role="alert" class="error">{text}</p> })}
        </section>
    }
}
