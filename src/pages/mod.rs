//! One screen per file.

pub mod about;
pub mod import;
pub mod log;
pub mod not_found;
pub mod player;
pub mod progress;
pub mod routine;
pub mod routine_editor;
pub mod routines;
pub mod settings;
pub mod summary;
pub mod today;
pub mod trial;
