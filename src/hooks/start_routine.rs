//! The one way to start (or resume) a routine from a tap: unlock sound and speech inside the
//! tap, ask the player to start, and open it.

use crate::router::use_navigate;
use leptos::prelude::*;

use crate::hooks::use_cues::use_cue_output;
use crate::state::{use_app_store, StartRequested};

/// Where a started routine begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartFrom {
    /// From its first phase.
    Beginning,
    /// Where it was left under way (the player's address then carries `resume`).
    WhereLeft,
}

/// Query parameter of the player's address that asks to resume the routine left under way.
pub const RESUME_PARAM: &str = "resume";

/// A function that opens the player for a routine id and variant and starts it from the
/// beginning or where it was left. Call it inside the tap: sound and speech need the gesture.
pub fn use_start_routine() -> impl Fn(&str, Option<&str>, StartFrom) + Clone + 'static {
    let store = use_app_store();
    let cue_output = use_cue_output();
    let start_requested = expect_context::<StartRequested>();
    let navigate = use_navigate();
    move |id: &str, variant: Option<&str>, from: StartFrom| {
        store
            .document
            .with_untracked(|document| cue_output.unlock(&document.settings));
        start_requested.0.set(true);
        let mut query: Vec<String> = variant
            .map(|variant| format!("variant={variant}"))
            .into_iter()
            .collect();
        if from == StartFrom::WhereLeft {
            query.push(RESUME_PARAM.to_string());
        }
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        };
        // The router adds the base path to navigations itself (unlike `<A href>`).
        navigate(&format!("/play/{id}{query}"), Default::default());
    }
}
