//! Reactive wrappers (`use_*`) around the core and the browser layer.

pub mod use_cues;
pub mod use_player;
