//! What opening Limber says about a routine left under way: the offer to resume it where its
//! deadlines put it ("Resume — 1:12 left on the left leg"), or that it ended while Limber was
//! closed and was saved as a partial session.

use leptos::prelude::*;

use crate::hooks::running_store::{self, LeftRunning};
use crate::hooks::start_routine::{use_start_routine, StartFrom};
use crate::state::use_app_store;

/// The resume offer or the partial-session note; nothing if no routine was left under way.
#[component]
pub fn ResumeOffer() -> impl IntoView {
    let store = use_app_store();
    let start = use_start_routine();
    match running_store::reopen(&store) {
        Some(LeftRunning::Resume(point)) => {
            let offer = point.offer.clone();
            view! {
                <div class="card resume-offer">
                    <button type="button" class="primary" on:click=move |_| {
                        start(&point.routine_id, point.variant_id.as_deref(), StartFrom::WhereLeft)
                    }>{offer}</button>
                </div>
            }
            .into_any()
        }
        Some(LeftRunning::Recorded(sentence)) => {
            view! { <p class="resume-note" role="status">{sentence}</p> }.into_any()
        }
        None => ().into_any(),
    }
}
