//! The Routines screen: the built-in library and your own routines.

use leptos::prelude::*;

/// The list of routines.
#[component]
pub fn RoutinesPage() -> impl IntoView {
    view! {
        <h1>"Routines"</h1>
        <p class="coming-soon">"The routine library is coming soon."</p>
    }
}
