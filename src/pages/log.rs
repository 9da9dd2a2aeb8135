//! The Log screen: a quick 0–10 check-in, and the history of entries and routines.

use leptos::prelude::*;

use crate::components::history_list::HistoryList;
use crate::components::night_check_in::NightCheckIn;
use crate::components::quick_log::QuickLog;

/// Log how your back is, and look back over what you logged and did.
#[component]
pub fn LogPage() -> impl IntoView {
    view! {
        <h1>"Log"</h1>
        <QuickLog />
        <NightCheckIn />
        <h2>"History"</h2>
        <HistoryList />
    }
}
