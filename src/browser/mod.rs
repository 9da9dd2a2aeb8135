//! The only code that touches the browser (web-sys / js-sys). Every adapter returns typed
//! errors and never panics when an API is missing or refuses.

pub mod location;
pub mod storage;
