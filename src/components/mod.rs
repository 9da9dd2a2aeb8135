//! Small presentational pieces shared by the screens.

pub mod bottom_nav;
pub mod icon;
