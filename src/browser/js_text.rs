//! Long JavaScript strings brought into Rust quickly: the browser's own UTF-8 encoder writes
//! them straight into the module's memory (`TextEncoder.encodeInto`), instead of the
//! bindings' character-by-character copy, which a freshly loaded page runs slowly on the
//! stored log.

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The browser's `TextEncoder` (always UTF-8).
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;

    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;

    /// `TextEncoder.encode`, given a JavaScript string as it is.
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encode)]
    fn encode(this: &Utf8Encoder, text: &JsString) -> Uint8Array;

    /// `TextEncoder.encodeInto`, given a JavaScript string as it is.
    #[wasm_bindgen(method, catch, js_class = "TextEncoder", js_name = encodeInto)]
    fn encode_into(
        this: &Utf8Encoder,
        text: &JsString,
        into: &Uint8Array,
    ) -> Result<Encoded, JsValue>;

    /// What `encodeInto` did.
    type Encoded;

    /// How many bytes `encodeInto` wrote.
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> f64;
}

/// The text of a JavaScript string (a lone surrogate becomes U+FFFD, as in every other way
/// the bindings take text in).
pub fn to_string(text: &JsString) -> String {
    let encoder = Utf8Encoder::new();
    // UTF-8 needs at most three bytes for each UTF-16 unit.
    let capacity = text.length() as usize * 3;
    if capacity == 0 {
        return String::new();
    }
    let mut bytes = Vec::<u8>::with_capacity(capacity);
    // SAFETY: the view covers exactly the vector's unused capacity. Should the module's
    // memory grow before `encodeInto` runs, the view is detached and `encodeInto` throws
    // (caught below) rather than writing anywhere else.
    let view = unsafe { Uint8Array::view_mut_raw(bytes.as_mut_ptr(), capacity) };
    let bytes = match encoder.encode_into(text, &view) {
        Ok(encoded) => {
            let written = (encoded.written() as usize).min(capacity);
            // SAFETY: `encodeInto` wrote these first `written` bytes.
            unsafe { bytes.set_len(written) };
            bytes
        }
        Err(_) => encoder.encode(text).to_vec(),
    };
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// The length in UTF-8 bytes of a JavaScript string, without bringing it into Rust.
pub fn utf8_len(text: &JsString) -> usize {
    Utf8Encoder::new().encode(text).length() as usize
}
