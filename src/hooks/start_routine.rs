//! The one way to start (or resume) a routine from a tap: unlock sound and speech inside the
//! tap, ask the player to start, and open it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::hooks::use_cues::use_cue_output;
use crate::state::{use_app_store, StartRequested};

/// A function that opens the player for a routine id and variant and starts it (or resumes
/// it, if it was left under way). Call it inside the tap: sound and speech need the gesture.
pub fn use_start_routine() -> impl Fn(&str, Option<&str>) + Clone + 'static {
    let store = use_app_store();
    let cue_output = use_cue_output();
    let start_requested = expect_context::<StartRequested>();
    let navigate = use_navigate();
    move |id: &str, variant: Option<&str>| {
        store
            .document
            .with_untracked(|document| cue_output.unlock(&document.settings));
        start_requested.0.set(true);
        let query = variant
            .map(|variant| format!("?variant={variant}"))
            .unwrap_or_default();
        // The router adds the base path to navigations itself (unlike `<A href>`).
        navigate(&format!("/play/{id}{query}"), Default::default());
    }
}
