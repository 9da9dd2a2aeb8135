//! Small presentational pieces shared by the screens.

pub mod after_session;
pub mod bottom_nav;
pub mod data_section;
pub mod dose_table;
pub mod icon;
pub mod pain_chart;
pub mod pain_scale;
pub mod storage_status;
