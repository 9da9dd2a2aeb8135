//! Reactive wrappers (`use_*`) around the core and the browser layer.

pub mod player_controls;
pub mod player_keys;
pub mod running_store;
pub mod start_routine;
pub mod use_cues;
pub mod use_player;
pub mod use_rating;
