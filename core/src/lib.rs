//! Limber's logic, free of any browser or UI dependency: routines and their timed plans,
//! the player's state machine, the cue schedule, the symptom log, the stored document, and
//! what leaves the device on the user's say-so (exports, share links, reminders, the
//! clinician summary).
//!
//! Everything here is plain Rust, tested natively with `cargo test -p limber-core`.

pub mod clinician;
pub mod cue;
pub mod duration;
pub mod earcon;
pub mod editing;
pub mod insight;
pub mod library;
pub mod log;
pub mod plan;
pub mod pose;
pub mod route;
pub mod routine;
pub mod running_session;
pub mod safety;
pub mod session;
pub mod settings;
pub mod side;
pub mod store;
pub mod transfer;
pub mod trial;
