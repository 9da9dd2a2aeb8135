//! The Progress screen: is stretching helping?

use leptos::prelude::*;

/// Pain over time next to stretching days.
#[component]
pub fn ProgressPage() -> impl IntoView {
    view! {
        <h1>"Progress"</h1>
        <p class="coming-soon">"Charts of your own data are coming soon."</p>
    }
}
