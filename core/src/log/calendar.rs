//! Moments and calendar days without a date library: [`Timestamp`] (UTC milliseconds plus the
//! offset the user was in), [`CivilDate`], and ISO-8601 text such as "2026-11-24T08:30:00+01:00".
//!
//! The civil-date arithmetic is Howard Hinnant's `days_from_civil` / `civil_from_days`
//! (proleptic Gregorian calendar, day 0 = 1970-01-01).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Milliseconds in one day.
const MS_PER_DAY: i64 = 86_400_000;
/// Milliseconds in one minute.
const MS_PER_MINUTE: i64 = 60_000;
/// Largest time-zone offset accepted, in minutes (±18:00, as ISO-8601 tools allow).
pub const MAX_OFFSET_MINUTES: i16 = 18 * 60;
/// Latest accepted moment: 9999-12-31T00:00:00Z, so every local date keeps four digits.
pub const MAX_UTC_MS: i64 = 253_402_214_400_000;
/// Short English month names for text shown to people.
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A moment, with the offset from UTC of the place it was recorded.
///
/// `offset_minutes` is local time minus UTC: +60 for Paris in winter, −300 for New York.
/// (JavaScript's `Date.getTimezoneOffset()` has the opposite sign.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Timestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub utc_ms: i64,
    /// Local time minus UTC, in minutes.
    pub offset_minutes: i16,
}

/// A calendar day, e.g. 2026-11-24. Ordered by date; `Display` gives "2026-11-24".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CivilDate {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

/// Why a text is not an ISO-8601 time we accept, or a moment is out of range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// The text does not follow "YYYY-MM-DDTHH:MM[:SS[.fff]]±HH:MM" (or "Z").
    #[error("time \"{text}\" is not like 2026-11-24T08:30:00+01:00 ({problem})")]
    Malformed {
        /// The text as given.
        text: String,
        /// What is wrong, in a few words.
        problem: &'static str,
    },
    /// The moment is before 1970 or after the year 9999, or the offset exceeds ±18:00.
    #[error("time must be between 1970 and 9999 with an offset within ±18:00")]
    OutOfRange,
}

impl Timestamp {
    /// A moment from UTC milliseconds and the local offset in minutes.
    pub fn new(utc_ms: i64, offset_minutes: i16) -> Self {
        Self {
            utc_ms,
            offset_minutes,
        }
    }

    /// Checks that the moment lies in 1970–9999 and the offset within ±18:00.
    pub fn check_range(self) -> Result<(), TimeError> {
        let moment_ok = (0..=MAX_UTC_MS).contains(&self.utc_ms);
        if moment_ok && self.offset_minutes.abs() <= MAX_OFFSET_MINUTES {
            Ok(())
        } else {
            Err(TimeError::OutOfRange)
        }
    }

    /// Milliseconds since 1970-01-01T00:00 on the local wall clock.
    fn local_ms(self) -> i64 {
        self.utc_ms + i64::from(self.offset_minutes) * MS_PER_MINUTE
    }

    /// The calendar day on the user's wall clock when this moment was recorded:
    /// the key for grouping entries by day.
    pub fn local_date(self) -> CivilDate {
        CivilDate::from_day_number(self.local_ms().div_euclid(MS_PER_DAY))
    }

    /// The wall-clock time of day, "08:30", as the user saw it when recording.
    pub fn local_time_of_day(self) -> String {
        let ms_of_day = self.local_ms().rem_euclid(MS_PER_DAY);
        format!(
            "{:02}:{:02}",
            ms_of_day / 3_600_000,
            ms_of_day / MS_PER_MINUTE % 60
        )
    }

    /// ISO-8601 / RFC 3339 text with the local offset: "2026-11-24T08:30:00+01:00";
    /// milliseconds appear only when not zero ("…:00.250+01:00").
    pub fn to_iso8601(self) -> String {
        let local = self.local_ms();
        let date = CivilDate::from_day_number(local.div_euclid(MS_PER_DAY));
        let ms_of_day = local.rem_euclid(MS_PER_DAY);
        let (hour, minute) = (ms_of_day / 3_600_000, ms_of_day / MS_PER_MINUTE % 60);
        let (second, millis) = (ms_of_day / 1_000 % 60, ms_of_day % 1_000);
        let fraction = if millis == 0 {
            String::new()
        } else {
            format!(".{millis:03}")
        };
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let offset = self.offset_minutes.unsigned_abs();
        format!(
            "{date}T{hour:02}:{minute:02}:{second:02}{fraction}{sign}{:02}:{:02}",
            offset / 60,
            offset % 60
        )
    }

    /// Reads ISO-8601 text with an explicit offset: "2026-11-24T08:30:00+01:00",
    /// "2026-11-24 08:30Z", "2026-11-24T08:30:00.5-0500". Fractions beyond milliseconds
    /// are cut off. A time without an offset is refused, because its moment is unknown.
    pub fn parse_iso8601(text: &str) -> Result<Self, TimeError> {
        let malformed = |problem| TimeError::Malformed {
            text: text.to_string(),
            problem,
        };
        let mut cursor = Cursor {
            bytes: text.trim().as_bytes(),
            at: 0,
        };
        let year = cursor.digits(4).ok_or(malformed("bad year"))?;
        let month = cursor.after(b'-').and_then(|c| c.digits(2));
        let day = cursor.after(b'-').and_then(|c| c.digits(2));
        let (month, day) = month.zip(day).ok_or(malformed("no such date"))?;
        let date =
            CivilDate::new(year as i32, month as u8, day as u8).ok_or(malformed("no such date"))?;
        if !cursor.eat(b'T') && !cursor.eat(b't') && !cursor.eat(b' ') {
            return Err(malformed("no time of day"));
        }
        let hour = cursor.digits(2).filter(|h| *h < 24);
        let minute = cursor
            .after(b':')
            .and_then(|c| c.digits(2))
            .filter(|m| *m < 60);
        let (hour, minute) = hour.zip(minute).ok_or(malformed("bad hour or minute"))?;
        let mut seconds_ms = 0;
        if cursor.eat(b':') {
            let second = cursor
                .digits(2)
                .filter(|s| *s < 60)
                .ok_or(malformed("bad seconds"))?;
            seconds_ms = second * 1_000;
            if cursor.eat(b'.') || cursor.eat(b',') {
                seconds_ms += cursor
                    .fraction_ms()
                    .ok_or(malformed("bad fraction of a second"))?;
            }
        }
        let offset_minutes = cursor
            .offset()
            .ok_or(malformed("no offset like +01:00 or Z"))?;
        if cursor.at != cursor.bytes.len() {
            return Err(malformed("extra text at the end"));
        }
        let local_ms =
            date.day_number() * MS_PER_DAY + hour * 3_600_000 + minute * MS_PER_MINUTE + seconds_ms;
        let stamp = Timestamp::new(
            local_ms - i64::from(offset_minutes) * MS_PER_MINUTE,
            offset_minutes,
        );
        stamp.check_range().map(|()| stamp)
    }
}

/// A tiny byte reader for [`Timestamp::parse_iso8601`].
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    /// Consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.bytes.get(self.at) == Some(&byte);
        self.at += usize::from(found);
        found
    }

    /// Consumes `byte` and hands the cursor on, or `None` if it does not come next.
    fn after(&mut self, byte: u8) -> Option<&mut Self> {
        self.eat(byte).then_some(self)
    }

    /// Reads exactly `count` ASCII digits as a number.
    fn digits(&mut self, count: usize) -> Option<i64> {
        let run = self.bytes.get(self.at..self.at + count)?;
        if !run.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.at += count;
        Some(run.iter().fold(0, |n, b| n * 10 + i64::from(b - b'0')))
    }

    /// Reads a decimal fraction of a second (one or more digits) as whole milliseconds.
    fn fraction_ms(&mut self) -> Option<i64> {
        let start = self.at;
        let mut ms = 0;
        while let Some(digit) = self.bytes.get(self.at).filter(|b| b.is_ascii_digit()) {
            if self.at - start < 3 {
                ms = ms * 10 + i64::from(digit - b'0');
            }
            self.at += 1;
        }
        let read = self.at - start;
        (read > 0).then(|| ms * 10_i64.pow(3 - read.min(3) as u32))
    }

    /// Reads "Z", "±HH", "±HHMM" or "±HH:MM" as minutes east of UTC.
    fn offset(&mut self) -> Option<i16> {
        if self.eat(b'Z') || self.eat(b'z') {
            return Some(0);
        }
        let sign = if self.eat(b'+') {
            1
        } else if self.eat(b'-') || self.eat_text("\u{2212}") {
            -1
        } else {
            return None;
        };
        let hours = self.digits(2)?;
        let minutes = if self.at == self.bytes.len() {
            0
        } else {
            self.eat(b':');
            self.digits(2).filter(|m| *m < 60)?
        };
        let total = hours * 60 + minutes;
        (total <= i64::from(MAX_OFFSET_MINUTES)).then_some(sign * total as i16)
    }

    /// Consumes `text` if it comes next (for the Unicode minus sign).
    fn eat_text(&mut self, text: &str) -> bool {
        let found = self.bytes[self.at..].starts_with(text.as_bytes());
        self.at += if found { text.len() } else { 0 };
        found
    }
}

impl CivilDate {
    /// A date if it exists in the calendar (29 February only in leap years).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let exists = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        exists.then_some(Self { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it): consecutive days differ by one.
    pub fn day_number(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month_from_march = (i64::from(self.month) + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `day_number` days after 1970-01-01.
    pub fn from_day_number(day_number: i64) -> Self {
        let shifted = day_number + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Self {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Self {
        Self::from_day_number(self.day_number() + days)
    }

    /// Reads "YYYY-MM-DD".
    pub fn parse(text: &str) -> Option<Self> {
        let mut cursor = Cursor {
            bytes: text.trim().as_bytes(),
            at: 0,
        };
        let year = cursor.digits(4)?;
        let month = cursor.after(b'-')?.digits(2)?;
        let day = cursor.after(b'-')?.digits(2)?;
        if cursor.at != cursor.bytes.len() {
            return None;
        }
        Self::new(year as i32, month as u8, day as u8)
    }

    /// Short text for people: "24 Nov 2026".
    pub fn to_human(self) -> String {
        let month = MONTH_NAMES[usize::from(self.month.clamp(1, 12)) - 1];
        format!("{} {month} {}", self.day, self.year)
    }
}

impl fmt::Display for CivilDate {
    /// ISO-8601 calendar date, "2026-11-24" — also a sortable day key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days in a month of the proleptic Gregorian calendar.
fn days_in_month(year: i32, month: u8) -> u8 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_match_known_dates() {
        assert_eq!(CivilDate::new(1970, 1, 1).unwrap().day_number(), 0);
        assert_eq!(CivilDate::new(2000, 3, 1).unwrap().day_number(), 11_017);
        assert_eq!(
            CivilDate::from_day_number(-1),
            CivilDate::new(1969, 12, 31).unwrap()
        );
        let leap_day = CivilDate::new(2024, 2, 29).unwrap();
        assert_eq!(CivilDate::from_day_number(leap_day.day_number()), leap_day);
        assert_eq!(CivilDate::new(2026, 2, 29), None);
    }

    #[test]
    fn local_date_uses_the_recorded_offset() {
        // 23:30 UTC on 24 Nov is already 25 Nov in Paris and still 24 Nov in New York.
        let utc_ms = CivilDate::new(2026, 11, 24).unwrap().day_number() * MS_PER_DAY
            + 23 * 3_600_000
            + 30 * MS_PER_MINUTE;
        assert_eq!(
            Timestamp::new(utc_ms, 60).local_date().to_string(),
            "2026-11-25"
        );
        assert_eq!(
            Timestamp::new(utc_ms, -300).local_date().to_string(),
            "2026-11-24"
        );
    }

    #[test]
    fn iso_text_reads_the_common_shapes() {
        let stamp = Timestamp::parse_iso8601("2026-11-24T08:30:00+01:00").unwrap();
        assert_eq!(stamp.offset_minutes, 60);
        assert_eq!(stamp.to_iso8601(), "2026-11-24T08:30:00+01:00");
        let same = Timestamp::parse_iso8601("2026-11-24 07:30Z").unwrap();
        assert_eq!(same.utc_ms, stamp.utc_ms);
        let fraction = Timestamp::parse_iso8601("2026-11-24T08:30:00.25-0530").unwrap();
        assert_eq!(fraction.to_iso8601(), "2026-11-24T08:30:00.250-05:30");
        assert!(Timestamp::parse_iso8601("2026-11-24T08:30:00").is_err());
        assert!(Timestamp::parse_iso8601("2026-02-30T08:30:00Z").is_err());
        assert!(Timestamp::parse_iso8601("yesterday").is_err());
    }

    #[test]
    fn human_dates_read_naturally() {
        assert_eq!(
            CivilDate::parse("2026-12-08").unwrap().to_human(),
            "8 Dec 2026"
        );
        assert_eq!(CivilDate::parse("2026-12-8"), None);
    }
}
