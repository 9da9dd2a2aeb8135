//! The Log screen: quick pain entries and history.

use leptos::prelude::*;

/// The symptom log.
#[component]
pub fn LogPage() -> impl IntoView {
    view! {
        <h1>"Log"</h1>
        <p class="coming-soon">"The symptom log is coming soon."</p>
    }
}
