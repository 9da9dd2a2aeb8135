//! Random numbers for record ids (not for anything secret).

/// 52 random bits from `Math.random()`.
pub fn random_bits() -> u64 {
    (js_sys::Math::random() * (1u64 << 52) as f64) as u64
}
