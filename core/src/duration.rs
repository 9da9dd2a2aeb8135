//! Durations as the player shows and speaks them: "3:00", "0:05", "three minutes".
//!
//! Time in Limber is kept in whole milliseconds (`u64`) so that plans, deadlines and
//! cue offsets add up exactly; these helpers turn them into text.

/// Milliseconds in one second.
pub const MS_PER_SECOND: u64 = 1_000;

/// Formats a duration as "m:ss" (minutes unbounded), rounding partial seconds **up** so a
/// countdown shows "0:01" until the very end and "3:00" for the first second of a hold.
///
/// ```
/// use limber_core::duration::format_countdown;
/// assert_eq!(format_countdown(180_000), "3:00");
/// assert_eq!(format_countdown(179_001), "3:00");
/// assert_eq!(format_countdown(179_000), "2:59");
/// assert_eq!(format_countdown(0), "0:00");
/// ```
pub fn format_countdown(remaining_ms: u64) -> String {
    format_clock(remaining_ms.div_ceil(MS_PER_SECOND))
}

/// Formats whole seconds as "m:ss", or "h:mm:ss" from one hour up.
///
/// ```
/// use limber_core::duration::format_clock;
/// assert_eq!(format_clock(65), "1:05");
/// assert_eq!(format_clock(3_725), "1:02:05");
/// ```
pub fn format_clock(total_seconds: u64) -> String {
    let hours = total_seconds / 3_600;
    let minutes = (total_seconds % 3_600) / 60;
    let seconds = total_seconds % 60;
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// Speaks a duration in words for voice cues: "three minutes", "thirty seconds",
/// "one minute and thirty seconds". Numbers up to 99 are spelled out; larger ones use digits.
///
/// ```
/// use limber_core::duration::spoken_duration;
/// assert_eq!(spoken_duration(180), "three minutes");
/// assert_eq!(spoken_duration(90), "one minute and thirty seconds");
/// assert_eq!(spoken_duration(1), "one second");
/// ```
pub fn spoken_duration(total_seconds: u64) -> String {
    let minutes = total_seconds / 60;
    let seconds = total_seconds % 60;
    let minute_words = plural(minutes, "minute");
    let second_words = plural(seconds, "second");
    match (minutes, seconds) {
        (0, _) => second_words,
        (_, 0) => minute_words,
        _ => format!("{minute_words} and {second_words}"),
    }
}

/// "one minute", "two minutes", "zero seconds".
fn plural(count: u64, unit: &str) -> String {
    let number = number_word(count);
    if count == 1 {
        format!("{number} {unit}")
    } else {
        format!("{number} {unit}s")
    }
}

/// English words for 0–99; digits above that.
pub fn number_word(n: u64) -> String {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    match n {
        0..=19 => SMALL[n as usize].to_string(),
        20..=99 if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
        20..=99 => format!("{}-{}", TENS[(n / 10) as usize], SMALL[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_rounds_up_to_whole_seconds() {
        assert_eq!(format_countdown(180_000), "3:00");
        assert_eq!(format_countdown(1), "0:01");
        assert_eq!(format_countdown(999), "0:01");
        assert_eq!(format_countdown(1_000), "0:01");
        assert_eq!(format_countdown(1_001), "0:02");
        assert_eq!(format_countdown(60_000), "1:00");
        assert_eq!(format_countdown(600_000), "10:00");
    }

    #[test]
    fn clock_pads_seconds_and_adds_hours() {
        assert_eq!(format_clock(0), "0:00");
        assert_eq!(format_clock(9), "0:09");
        assert_eq!(format_clock(59 * 60 + 59), "59:59");
        assert_eq!(format_clock(3_600), "1:00:00");
    }

    #[test]
    fn spoken_durations_read_naturally() {
        assert_eq!(spoken_duration(60), "one minute");
        assert_eq!(spoken_duration(30), "thirty seconds");
        assert_eq!(spoken_duration(45), "forty-five seconds");
        assert_eq!(spoken_duration(125), "two minutes and five seconds");
        assert_eq!(spoken_duration(0), "zero seconds");
        assert_eq!(number_word(150), "150");
    }
}
