//! One short text for any JavaScript error value, used by every adapter's typed errors.

use wasm_bindgen::{JsCast, JsValue};

/// "QuotaExceededError: …" for a DOMException, else the error's `message`, else the value
/// itself if it is a string, else "unknown error".
pub fn describe(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
