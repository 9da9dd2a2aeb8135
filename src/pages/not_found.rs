//! Shown for an address that matches no screen.

use crate::router::A;
use leptos::prelude::*;

use crate::browser::location::app_path;

/// "Page not found", with a way back to Today.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no screen at this address. " <A href=app_path("/")>"Go to Today"</A></p>
    }
}
