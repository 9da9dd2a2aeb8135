//! Haptic cues with `navigator.vibrate`, where the device has it (most Android phones);
//! silently absent elsewhere.

use wasm_bindgen::JsValue;

/// True if this device can vibrate.
pub fn is_supported() -> bool {
    web_sys::window()
        .map(|window| {
            js_sys::Reflect::has(&window.navigator(), &JsValue::from_str("vibrate"))
                .unwrap_or(false)
        })
        .unwrap_or(false)
}

/// Vibrates with a pattern of on/off milliseconds; does nothing where unsupported.
pub fn vibrate(pattern: &[u32]) {
    if !is_supported() {
        return;
    }
    if let Some(window) = web_sys::window() {
        let array: js_sys::Array = pattern.iter().map(|ms| JsValue::from(*ms)).collect();
        let _ = window.navigator().vibrate_with_pattern(&array);
    }
}
