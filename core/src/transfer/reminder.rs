//! A daily stretch reminder without a server: an iCalendar (`.ics`) file with one repeating
//! event and an alarm, which the user adds to the calendar app they already have.
//!
//! **Floating local time.** The event starts at, say, `DTSTART:20261125T080000` — no `Z`,
//! no `TZID` — which RFC 5545 calls floating time: 8:00 on the wall clock of whatever zone
//! the calendar is in. That keeps "8:00 every day" at 8:00 across daylight-saving changes
//! and travel. A UTC time would drift by an hour at each change; a `TZID` would need a
//! `VTIMEZONE` definition, i.e. a time-zone database Limber does not carry offline.
//!
//! The UID is stable (`limber-reminder-<hash>@limber.invalid`, a domain reserved never to
//! exist): the same seed, time, days and routine give the same UID, so adding the same
//! reminder twice does not make two. A changed reminder is a new event; the old one is
//! removed in the calendar app.

use serde::{Deserialize, Serialize};

use super::ics::Calendar;
use crate::log::{content_id, CivilDate, Timestamp, MAX_UTC_MS};

/// The MIME type to download the file with.
pub const ICS_MIME_TYPE: &str = "text/calendar";
/// Milliseconds in one day.
const MS_PER_DAY: i64 = 86_400_000;

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The day of the week of a date.
    ///
    /// ```
    /// use limber_core::log::CivilDate;
    /// use limber_core::transfer::Weekday;
    /// assert_eq!(Weekday::of(CivilDate::new(2026, 11, 24).unwrap()), Weekday::Tuesday);
    /// ```
    pub fn of(date: CivilDate) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(date.day_number() + 3).rem_euclid(7) as usize]
    }

    /// Short English name: "Mon" … "Sun".
    pub fn short_name(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self as usize]
    }

    /// The RFC 5545 code: "MO" … "SU".
    fn code(self) -> &'static str {
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][self as usize]
    }
}

/// Which days of the week a reminder repeats on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Weekdays(u8);

impl Weekdays {
    /// All seven days.
    pub const EVERY_DAY: Weekdays = Weekdays(0x7f);

    /// The given days (repeats are fine).
    pub fn of(days: &[Weekday]) -> Self {
        Weekdays(days.iter().fold(0, |bits, day| bits | 1 << *day as u8))
    }

    /// True if `day` is one of them.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & 1 << day as u8 != 0
    }

    /// The days, Monday first.
    pub fn days(self) -> Vec<Weekday> {
        Weekday::ALL
            .into_iter()
            .filter(|day| self.contains(*day))
            .collect()
    }
}

/// A repeating reminder to stretch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    /// Hour on the local wall clock, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// The days it repeats on; at least one.
    pub days: Weekdays,
    /// The routine to do, named in the reminder.
    pub routine_name: String,
    /// The first day it may fire (the first chosen weekday on or after it).
    pub start_date: CivilDate,
    /// How long the routine takes, in milliseconds: the event's length (at least a minute).
    pub duration_ms: u64,
}

/// Why a reminder cannot be made. Messages are written for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReminderError {
    /// The hour or minute is out of range.
    #[error("Choose a time between 00:00 and 23:59.")]
    InvalidTime,
    /// No day is chosen.
    #[error("Choose at least one day for the reminder.")]
    NoDays,
    /// The start date is before 1970 or after 9999.
    #[error("Choose a start date between 1970 and 9999.")]
    StartDateOutOfRange,
}

impl Reminder {
    /// When it fires, for the settings screen: "Every day at 08:00", "Mon, Wed, Fri at 07:30".
    pub fn describe(&self) -> String {
        let days = if self.days == Weekdays::EVERY_DAY {
            "Every day".to_string()
        } else {
            let names: Vec<&str> = self
                .days
                .days()
                .into_iter()
                .map(Weekday::short_name)
                .collect();
            names.join(", ")
        };
        format!("{days} at {:02}:{:02}", self.hour, self.minute)
    }

    /// The first chosen day on or after the start date.
    fn first_date(&self) -> CivilDate {
        (0..7)
            .map(|offset| self.start_date.add_days(offset))
            .find(|date| self.days.contains(Weekday::of(*date)))
            .unwrap_or(self.start_date)
    }
}

/// The hour and minute of a time field's value ("08:05", or "08:05:00" with seconds);
/// `None` when it is not a time of day.
///
/// ```
/// use limber_core::transfer::parse_time_of_day;
/// assert_eq!(parse_time_of_day("07:30"), Some((7, 30)));
/// assert_eq!(parse_time_of_day("23:59:00"), Some((23, 59)));
/// assert_eq!(parse_time_of_day("24:00"), None);
/// assert_eq!(parse_time_of_day(""), None);
/// ```
pub fn parse_time_of_day(text: &str) -> Option<(u8, u8)> {
    let mut parts = text.trim().split(':');
    let hour: u8 = parts.next()?.parse().ok()?;
    let minute: u8 = parts.next()?.parse().ok()?;
    (hour <= 23 && minute <= 59).then_some((hour, minute))
}

/// A file name for the reminder: "limber-reminder.ics".
pub fn reminder_file_name() -> String {
    "limber-reminder.ics".to_string()
}

/// The reminder as an RFC 5545 calendar with one repeating event and a display alarm at its
/// start. `uid_seed` makes the UID (e.g. the routine's id); `created` is stamped as DTSTAMP.
pub fn reminder_ics(
    reminder: &Reminder,
    uid_seed: &str,
    created: Timestamp,
) -> Result<String, ReminderError> {
    if reminder.hour > 23 || reminder.minute > 59 {
        return Err(ReminderError::InvalidTime);
    }
    if reminder.days == Weekdays::default() {
        return Err(ReminderError::NoDays);
    }
    if !(1970..=9999).contains(&reminder.start_date.year) {
        return Err(ReminderError::StartDateOutOfRange);
    }
    let first = reminder.first_date();
    if first.year > 9999 {
        return Err(ReminderError::StartDateOutOfRange);
    }
    let codes: Vec<&str> = reminder
        .days
        .days()
        .into_iter()
        .map(Weekday::code)
        .collect();
    let codes = codes.join(",");
    let uid_content = format!(
        "{uid_seed}\n{:02}:{:02}\n{codes}\n{}",
        reminder.hour, reminder.minute, reminder.routine_name
    );
    let rule = if reminder.days == Weekdays::EVERY_DAY {
        "FREQ=DAILY".to_string()
    } else {
        format!("FREQ=WEEKLY;BYDAY={codes}")
    };
    let minutes = reminder.duration_ms.div_ceil(60_000).max(1);
    let message = format!(
        "Time for your stretch: {}. Open Limber.",
        reminder.routine_name
    );
    let mut calendar = Calendar::default();
    calendar.line("BEGIN", "VCALENDAR");
    calendar.line("VERSION", "2.0");
    calendar.line("PRODID", "-//Limber//Stretch reminder//EN");
    calendar.line("CALSCALE", "GREGORIAN");
    calendar.line("METHOD", "PUBLISH");
    calendar.line("BEGIN", "VEVENT");
    calendar.line(
        "UID",
        &format!(
            "{}@limber.invalid",
            content_id("limber-reminder", &uid_content)
        ),
    );
    calendar.line("DTSTAMP", &utc_stamp(created));
    calendar.line(
        "DTSTART",
        &format!(
            "{:04}{:02}{:02}T{:02}{:02}00",
            first.year, first.month, first.day, reminder.hour, reminder.minute
        ),
    );
    calendar.line("DURATION", &format!("PT{minutes}M"));
    calendar.line("RRULE", &rule);
    calendar.text_line("SUMMARY", &format!("Stretch: {}", reminder.routine_name));
    calendar.text_line("DESCRIPTION", &message);
    calendar.line("TRANSP", "TRANSPARENT");
    calendar.line("BEGIN", "VALARM");
    calendar.line("ACTION", "DISPLAY");
    calendar.text_line("DESCRIPTION", &message);
    calendar.line("TRIGGER", "PT0S");
    calendar.line("END", "VALARM");
    calendar.line("END", "VEVENT");
    calendar.line("END", "VCALENDAR");
    Ok(calendar.finish())
}

/// A moment as an RFC 5545 UTC date-time: "20261124T073000Z" (clamped to 1970–9999).
fn utc_stamp(moment: Timestamp) -> String {
    let utc_ms = moment.utc_ms.clamp(0, MAX_UTC_MS);
    let date = CivilDate::from_day_number(utc_ms.div_euclid(MS_PER_DAY));
    let seconds = utc_ms.rem_euclid(MS_PER_DAY) / 1_000;
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        date.year,
        date.month,
        date.day,
        seconds / 3_600,
        seconds / 60 % 60,
        seconds % 60
    )
}
