//! Correcting a tap: a second rating soon after the first replaces the entry just made, so a
//! slip of the finger (6, then 7) leaves one entry, not two that both count in the day.

/// How long after a rating another tap corrects it instead of adding a new entry: 30 s.
pub const CORRECTION_WINDOW_MS: i64 = 30_000;

/// True when a tap at `now_ms` corrects the rating tapped at `previous_tap_ms`: it came at
/// most [`CORRECTION_WINDOW_MS`] later (a clock that went backwards never corrects).
pub fn corrects_previous_tap(previous_tap_ms: i64, now_ms: i64) -> bool {
    (0..=CORRECTION_WINDOW_MS).contains(&now_ms.saturating_sub(previous_tap_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tap_within_thirty_seconds_corrects_and_a_later_one_does_not() {
        let first = 1_764_000_000_000;
        assert!(corrects_previous_tap(first, first));
        assert!(corrects_previous_tap(first, first + 5_000));
        assert!(corrects_previous_tap(first, first + 30_000));
        assert!(!corrects_previous_tap(first, first + 30_001));
        assert!(!corrects_previous_tap(first, first + 3_600_000));
        assert!(!corrects_previous_tap(first, first - 1));
    }
}
