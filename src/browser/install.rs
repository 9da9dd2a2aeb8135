//! Installing to the home screen: Android's `beforeinstallprompt`, kept for an Install button,
//! and whether the app already runs installed.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};

use super::events::EventListener;

thread_local! {
    static DEFERRED_PROMPT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Keeps the browser's install prompt for later and calls `on_available(true)` when the app
/// can be installed (and `false` once it was installed).
pub fn listen_for_install_prompt(
    on_available: impl Fn(bool) + Clone + 'static,
) -> Vec<EventListener> {
    let announce = on_available.clone();
    let before = EventListener::on_window("beforeinstallprompt", move |event| {
        event.prevent_default();
        DEFERRED_PROMPT.with(|prompt| *prompt.borrow_mut() = Some(event.into()));
        announce(true);
    });
    let installed = EventListener::on_window("appinstalled", move |_| {
        DEFERRED_PROMPT.with(|prompt| prompt.borrow_mut().take());
        on_available(false);
    });
    before.into_iter().chain(installed).collect()
}

/// Shows the browser's install prompt kept earlier; false if there is none.
pub fn prompt_install() -> bool {
    let Some(event) = DEFERRED_PROMPT.with(|prompt| prompt.borrow_mut().take()) else {
        return false;
    };
    js_sys::Reflect::get(&event, &JsValue::from_str("prompt"))
        .ok()
        .and_then(|prompt| prompt.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|prompt| prompt.call0(&event).is_ok())
}

/// True when running from the home screen rather than in a browser tab.
pub fn is_installed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let standalone_display = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    let ios_standalone =
        js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
            .ok()
            .and_then(|value| value.as_bool())
            .unwrap_or(false);
    standalone_display || ios_standalone
}
