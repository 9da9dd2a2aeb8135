//! Whether the user asked for less motion (`prefers-reduced-motion: reduce`): figures then
//! hold still.

/// True when the system asks for reduced motion; false when it does not, or cannot say.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}
