//! The only code that touches the browser (web-sys / js-sys). Every adapter returns typed
//! errors and never panics when an API is missing or refuses.

pub mod audio;
pub mod back_guard;
pub mod clipboard;
pub mod clock;
mod describe;
pub mod document_store;
pub mod events;
pub mod files;
pub mod history;
pub mod install;
mod js_text;
pub mod leave_guard;
pub mod location;
pub mod media_session;
pub mod motion;
pub mod platform;
pub mod print;
pub mod random;
pub mod service_worker;
pub mod speech;
pub mod static_shell;
pub mod storage;
pub mod timer;
pub mod vibration;
pub mod wake_lock;

pub use describe::describe;
