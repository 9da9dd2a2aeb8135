//! Random numbers: `Math.random()` for record ids (not for anything secret), and
//! `crypto.getRandomValues` where fairness matters (the coins of a personal trial).

/// 52 random bits from `Math.random()`.
pub fn random_bits() -> u64 {
    (js_sys::Math::random() * (1u64 << 52) as f64) as u64
}

/// Why the cryptographic random source could not be used.
#[derive(Debug, thiserror::Error)]
#[error("the browser's secure random source failed: {0:?}")]
pub struct SecureRandomError(pub wasm_bindgen::JsValue);

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
    fn get_random_values(
        array: &js_sys::Uint32Array,
    ) -> Result<js_sys::Uint32Array, wasm_bindgen::JsValue>;
}

/// 32 bits from `crypto.getRandomValues`, fair enough for the coins of a trial's plan.
pub fn secure_random_u32() -> Result<u32, SecureRandomError> {
    let array = js_sys::Uint32Array::new_with_length(1);
    get_random_values(&array).map_err(SecureRandomError)?;
    Ok(array.get_index(0))
}
