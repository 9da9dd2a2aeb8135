//! The nights, from the morning check-ins: average night pain and nights woken by pain over
//! the last days, for Progress and the clinician summary.

use crate::log::{CivilDate, Entry};

/// What the check-ins say about recent nights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NightSummary {
    /// Nights with a check-in.
    pub nights: u32,
    /// Their mean night pain, 0–10.
    pub mean_pain: f64,
    /// Nights on which pain woke the user at least once.
    pub nights_woken: u32,
}

/// The nights of the `days` days before `today` (last night included) that have a check-in,
/// the latest check-in per night counting; `None` when there is none.
pub fn night_summary(entries: &[Entry], today: CivilDate, days: i64) -> Option<NightSummary> {
    let first = today.add_days(-days);
    let mut latest: std::collections::BTreeMap<CivilDate, &Entry> = Default::default();
    for entry in entries {
        let Some(night) = &entry.night else { continue };
        if night.night_of < first || night.night_of >= today {
            continue;
        }
        let slot = latest.entry(night.night_of).or_insert(entry);
        if entry.at.utc_ms >= slot.at.utc_ms {
            *slot = entry;
        }
    }
    let nights = u32::try_from(latest.len()).ok().filter(|n| *n > 0)?;
    let total: u32 = latest.values().map(|entry| u32::from(entry.pain)).sum();
    let nights_woken = latest
        .values()
        .filter(|entry| entry.night.as_ref().is_some_and(|n| n.times_woken > 0))
        .count() as u32;
    Some(NightSummary {
        nights,
        mean_pain: f64::from(total) / f64::from(nights),
        nights_woken,
    })
}

impl NightSummary {
    /// "Last 7 nights (5 checked in): night pain 3.4/10 on average; woken by pain on 2 nights."
    pub fn describe(&self, days: i64) -> String {
        let woken = match self.nights_woken {
            0 => "not woken by pain".to_string(),
            1 => "woken by pain on 1 night".to_string(),
            n => format!("woken by pain on {n} nights"),
        };
        format!(
            "Last {days} nights ({} checked in): night pain {:.1}/10 on average; {woken}.",
            self.nights, self.mean_pain
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::Timestamp;

    #[test]
    fn the_latest_check_in_per_night_counts() {
        let today = CivilDate::new(2026, 12, 10).unwrap();
        let at = |minute: i64| Timestamp::new(1_765_000_000_000 + minute * 60_000, 0);
        let entries = vec![
            Entry::night_check_in("a", at(0), today.add_days(-1), 6, 2),
            Entry::night_check_in("b", at(5), today.add_days(-1), 4, 0),
            Entry::night_check_in("c", at(1), today.add_days(-2), 2, 1),
            Entry::night_check_in("d", at(2), today.add_days(-9), 9, 3),
            Entry::new("e", at(3), 8),
        ];
        let summary = night_summary(&entries, today, 7).unwrap();
        assert_eq!(summary.nights, 2);
        assert_eq!(summary.mean_pain, 3.0);
        assert_eq!(summary.nights_woken, 1);
        assert_eq!(
            summary.describe(7),
            "Last 7 nights (2 checked in): night pain 3.0/10 on average; woken by pain on 1 night."
        );
        assert_eq!(night_summary(&entries[4..], today, 7), None);
    }
}
