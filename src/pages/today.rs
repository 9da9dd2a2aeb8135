//! The Today screen: start your usual routine and log how your back is.

use leptos::prelude::*;

/// Today: start the routine you use most and check in.
#[component]
pub fn TodayPage() -> impl IntoView {
    view! {
        <h1>"Today"</h1>
        <p class="coming-soon">"Guided routines and the daily check-in are coming soon."</p>
    }
}
