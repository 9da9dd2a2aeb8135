//! Small presentational pieces shared by the screens.

pub mod after_session;
pub mod bottom_nav;
pub mod data_section;
pub mod dose_table;
pub mod entry_editor;
pub mod history_list;
pub mod icon;
pub mod night_check_in;
pub mod pain_chart;
pub mod pain_scale;
pub mod progression_editor;
pub mod quick_log;
pub mod reminder_section;
pub mod routine_outline;
pub mod share_routine;
pub mod step_editor;
pub mod storage_banner;
pub mod storage_status;
pub mod trial_calendar;
pub mod trial_chart;
pub mod trial_planner;
pub mod trial_result;
pub mod trial_summary;
pub mod trial_today;
pub mod update_prompt;
pub mod welcome;
