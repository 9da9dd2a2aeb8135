//! What kind of device and install this is, for honest notes about its limits.

/// True on an iPhone or iPad (including iPads that report a Mac).
pub fn is_ios() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    let touch_mac = agent.contains("Macintosh") && navigator.max_touch_points() > 1;
    agent.contains("iPhone") || agent.contains("iPad") || touch_mac
}
