//! The only code that touches the browser (web-sys / js-sys). Every adapter returns typed
//! errors and never panics when an API is missing or refuses.

pub mod clock;
pub mod location;
pub mod random;
pub mod storage;
pub mod wake_lock;
