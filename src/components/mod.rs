//! Small presentational pieces shared by the screens.

pub mod after_session;
pub mod bottom_nav;
pub mod icon;
pub mod pain_scale;
pub mod update_prompt;
