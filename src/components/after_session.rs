//! What the player shows when a routine ends: a small reward and a record — time held per
//! side, the before/after ratings side by side, "How is your back now?" and a clear Done.

use crate::router::use_navigate;
use crate::router::A;
use leptos::prelude::*;
use limber_core::duration::format_clock;
use limber_core::log::{Entry, EntryContext};
use limber_core::session::Status;
use limber_core::side::BodySide;

use super::pain_scale::PainScale;
use crate::browser::location::app_path;
use crate::hooks::use_rating::{use_rating, UseRatingReturn};
use crate::state::use_app_store;

/// "Done" (or "Stopped"), the record of the session, and a one-tap 0–10 rating stored with it.
#[component]
pub fn AfterSession(
    /// How the routine ended.
    status: Signal<Status>,
    /// The stored session record's id, if one was stored.
    record_id: ReadSignal<Option<String>>,
    /// The routine, to offer it again.
    routine_id: String,
    /// What one side of the routine's sided steps is called ("leg"), or empty.
    limb: String,
) -> impl IntoView {
    let store = use_app_store();
    let navigate = use_navigate();
    let UseRatingReturn {
        saved,
        corrected,
        problem,
        rate,
    } = use_rating(move |id, now, pain| {
        let mut entry = Entry::new(id, now, pain);
        if let Some(session_id) = record_id.get_untracked() {
            entry.context = EntryContext::AfterSession { session_id };
        }
        entry
    });
    let record = Memo::new(move |_| {
        record_id.get().and_then(|id| {
            store
                .document
                .with(|document| document.log.session(&id).cloned())
        })
    });
    let ratings = Memo::new(move |_| {
        record.get().map(|session| {
            store
                .document
                .with(|document| document.log.session_ratings(&session))
        })
    });
    let held_lines = Memo::new(move |_| {
        record.with(|record| {
            let Some(record) = record else {
                return Vec::new();
            };
            let limb = if limb.is_empty() {
                "side"
            } else {
                limb.as_str()
            };
            [
                (Some(BodySide::Right), format!("Right {limb}")),
                (Some(BodySide::Left), format!("Left {limb}")),
                (None, "Both sides".to_string()),
            ]
            .into_iter()
            .filter_map(|(side, name)| {
                let seconds = record.held_seconds(side);
                (seconds > 0).then(|| (name, format_clock(u64::from(seconds))))
            })
            .collect::<Vec<_>>()
        })
    });
    let rating_text =
        |rating: Option<u8>| rating.map_or("—".to_string(), |pain| format!("{pain}/10"));
    let selected =
        Signal::derive(move || saved.with(|entry| entry.as_ref().map(|entry| entry.pain)));
    view! {
        <div class="after-session">
            <p class="phase-title">{move || if status.get() == Status::Finished { "Done. Well done." } else { "Stopped." }}</p>
            <Show when=move || !held_lines.with(Vec::is_empty)>
                <section class="session-record" aria-label="This session">
                    <h2 class="session-record-title">"Time held"</h2>
                    <dl class="held-per-side">
                        {move || held_lines.get().into_iter().map(|(name, time)| view! {
                            <div><dt>{name}</dt><dd>{time}</dd></div>
                        }).collect_view()}
                    </dl>
                    <dl class="before-after">
                        <div><dt>"Before"</dt><dd>{move || rating_text(ratings.get().and_then(|r| r.before))}</dd></div>
                        <div><dt>"After"</dt><dd>{move || rating_text(ratings.get().and_then(|r| r.after))}</dd></div>
                    </dl>
                </section>
            </Show>
            <PainScale label="How is your back now?" on_pick=rate selected />
            {move || saved.get().filter(|_| problem.with(Option::is_none)).map(|entry| {
                let text = if corrected.get_untracked() {
                    format!("Changed to {}/10.", entry.pain)
                } else {
                    format!("Saved: pain {}/10.", entry.pain)
                };
                view! { <p class="saved" role="status">{text}</p> }
            })}
            {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
            <button type="button" class="primary big done-button" on:click=move |_| navigate("/", Default::default())>"Done"</button>
            <p class="after-links">
                <A href=app_path("/log")>"See your log"</A>
                " · "
                <A href=app_path(&format!("/routines/{routine_id}"))>"Back to the routine"</A>
            </p>
        </div>
    }
}
