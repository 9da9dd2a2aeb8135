//! Asks before leaving a screen with unsaved changes: a link click inside the app (before the
//! router sees it) and closing or reloading the page.

use wasm_bindgen::{JsCast, JsValue};

use super::events::EventListener;

/// While alive and `is_dirty()` is true, confirms before following a link or unloading.
pub struct LeaveGuard {
    _listeners: Vec<EventListener>,
}

impl LeaveGuard {
    /// Guards with this question (shown by the browser's confirm dialog for links).
    pub fn new(question: &'static str, is_dirty: impl Fn() -> bool + Clone + 'static) -> Self {
        let dirty_for_links = is_dirty.clone();
        let links = EventListener::capturing_on_window("click", move |event| {
            let on_link = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("a[href]").ok().flatten())
                .is_some();
            if on_link && dirty_for_links() && !confirm(question) {
                event.prevent_default();
                event.stop_immediate_propagation();
            }
        });
        let unload = EventListener::on_window("beforeunload", move |event| {
            if is_dirty() {
                event.prevent_default();
                let _ = js_sys::Reflect::set(
                    &event,
                    &JsValue::from_str("returnValue"),
                    &JsValue::from_str(question),
                );
            }
        });
        Self {
            _listeners: links.into_iter().chain(unload).collect(),
        }
    }
}

/// The browser's yes/no dialog; "no" if it cannot be shown.
fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.confirm_with_message(question).ok())
        .unwrap_or(false)
}
