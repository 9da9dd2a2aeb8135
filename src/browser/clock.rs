//! The clocks: the page's monotonic clock and the wall clock. Timers are in `timer`, event
//! listeners in `events`.

use limber_core::log::Timestamp;

/// Milliseconds on the page's monotonic clock (`performance.now()`), which never jumps when
/// the user changes the time; falls back to `Date.now()`.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// The wall-clock time now, with the device's current UTC offset, for stored records.
pub fn wall_clock_now() -> Timestamp {
    let date = js_sys::Date::new_0();
    // getTimezoneOffset is minutes *behind* UTC: UTC+1 gives -60.
    let offset_minutes = -(date.get_timezone_offset() as i16);
    Timestamp::new(date.get_time() as i64, offset_minutes)
}
