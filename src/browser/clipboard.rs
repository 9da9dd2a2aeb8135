//! Copying text to the clipboard, where the browser allows it (a secure page, focused, with
//! the user's permission). When it does not, the caller shows the text to copy by hand.

use thiserror::Error;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why the text was not copied.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClipboardError {
    /// This browser or page has no Clipboard API (e.g. an insecure page).
    #[error("copying is not available here")]
    Unavailable,
    /// The browser refused, e.g. permission denied or the page was not focused.
    #[error("the browser did not allow copying")]
    Refused,
}

/// Writes `text` to the clipboard. Call it from the user's tap.
pub async fn copy_text(text: &str) -> Result<(), ClipboardError> {
    let navigator = web_sys::window()
        .ok_or(ClipboardError::Unavailable)?
        .navigator();
    // `navigator.clipboard` is undefined where the API is missing; check before using it.
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map_err(|_| ClipboardError::Unavailable)?
        .dyn_into::<web_sys::Clipboard>()
        .map_err(|_| ClipboardError::Unavailable)?;
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ClipboardError::Refused)
}
