//! Moving an entry to another local date and time ("I forgot to log this morning"): the
//! wall-clock date and "HH:MM" the user types, read in the entry's own time zone offset.

use super::{CivilDate, Timestamp};

/// Milliseconds in a day and a minute.
const MS_PER_DAY: i64 = 86_400_000;
const MS_PER_MINUTE: i64 = 60_000;

impl Timestamp {
    /// The moment at local `date` and `time` ("08:30") with this timestamp's offset; `None`
    /// when the time is not "HH:MM" on a 24-hour clock or the result is out of range.
    pub fn moved_to_local(self, date: CivilDate, time: &str) -> Option<Timestamp> {
        let (hours, minutes) = time.trim().split_once(':')?;
        let valid = |text: &str| text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit());
        if !valid(hours) || !valid(minutes) {
            return None;
        }
        let (hours, minutes): (i64, i64) = (hours.parse().ok()?, minutes.parse().ok()?);
        if hours > 23 || minutes > 59 {
            return None;
        }
        let local_ms = date.day_number() * MS_PER_DAY + (hours * 60 + minutes) * MS_PER_MINUTE;
        let utc_ms = local_ms - i64::from(self.offset_minutes) * MS_PER_MINUTE;
        let moved = Timestamp::new(utc_ms, self.offset_minutes);
        moved.check_range().ok().map(|()| moved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_date_and_time_keep_the_offset() {
        let at = Timestamp::new(1_795_509_000_000, 60);
        let date = CivilDate::new(2026, 11, 22).unwrap();
        let moved = at.moved_to_local(date, "07:05").unwrap();
        assert_eq!(moved.to_iso8601(), "2026-11-22T07:05:00+01:00");
        assert_eq!(moved.local_date(), date);
        assert_eq!(at.moved_to_local(date, "24:00"), None);
        assert_eq!(at.moved_to_local(date, "7:05"), None);
        assert_eq!(at.moved_to_local(date, ""), None);
    }
}
