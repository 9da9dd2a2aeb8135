//! The Settings screen: cues, data, about.

use leptos::prelude::*;

/// Preferences and data.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <h1>"Settings"</h1>
        <p class="coming-soon">"Sound, voice and data settings are coming soon."</p>
    }
}
