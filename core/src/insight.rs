//! "Is it helping?": pain per day alongside stretching days and stretch dose, the change from
//! the first week (with the usual meaningful-change rule), a streak that forgives rest days,
//! and a text description of the chart for screen readers.
//!
//! Days are the user's local calendar days ([`Timestamp::local_date`](crate::log::Timestamp));
//! "today" is always passed in. Every function makes one pass over the records.

mod change;
mod nights;
mod streak;
mod today;

use crate::duration::format_clock;
use crate::log::{CivilDate, Entry, EntryContext, SessionRecord};
use crate::side::BodySide;

pub use change::{
    compare_with_baseline, PainChange, MEANINGFUL_DROP_PERCENT, MEANINGFUL_DROP_TENTHS,
    MIN_RATED_DAYS,
};
pub use nights::{night_summary, NightSummary};
pub use streak::{current_streak, Streak, StreakRule};
pub use today::today_status;

/// Pain ratings on one day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PainStats {
    /// Mean of the day's ratings.
    pub mean: f32,
    /// Lowest rating.
    pub min: u8,
    /// Highest rating.
    pub max: u8,
    /// How many ratings.
    pub count: u32,
}

/// Seconds of stretch held on one day, by side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StretchDose {
    /// Held on the left side.
    pub left_seconds: u32,
    /// Held on the right side.
    pub right_seconds: u32,
    /// Held in unsided steps.
    pub unsided_seconds: u32,
}

/// One day of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct DayPoint {
    /// The day.
    pub date: CivilDate,
    /// The day's ratings, if any.
    pub pain: Option<PainStats>,
    /// A routine was completed that day.
    pub completed_session: bool,
    /// Stretch held that day, in completed and stopped sessions alike.
    pub dose: StretchDose,
}

impl StretchDose {
    /// Adds the time held in one session.
    fn add(&mut self, session: &SessionRecord) {
        for held in &session.held {
            let slot = match held.side {
                Some(BodySide::Left) => &mut self.left_seconds,
                Some(BodySide::Right) => &mut self.right_seconds,
                None => &mut self.unsided_seconds,
            };
            *slot = slot.saturating_add(held.seconds);
        }
    }
}

/// Running totals for one day's ratings.
#[derive(Debug, Clone, Copy, Default)]
struct DayTally {
    sum: u32,
    count: u32,
    min: u8,
    max: u8,
}

impl DayTally {
    /// Counts one rating.
    fn add(&mut self, pain: u8) {
        self.min = if self.count == 0 {
            pain
        } else {
            self.min.min(pain)
        };
        self.max = self.max.max(pain);
        self.sum += u32::from(pain);
        self.count += 1;
    }

    /// The finished statistics, if there was any rating.
    fn stats(self) -> Option<PainStats> {
        (self.count > 0).then(|| PainStats {
            mean: self.sum as f32 / self.count as f32,
            min: self.min,
            max: self.max,
            count: self.count,
        })
    }
}

/// True when `entry` rates the day and counts as daytime pain: in the daily trend, the
/// "first week vs now" comparison, the clinician summary and a trial's "daytime pain"
/// outcome. Every rating counts except those given right after a routine, which measure the
/// moment after stretching, and morning check-ins about the night, whose pain is the night's
/// (they count as night pain instead, see [`night_summary`]).
pub fn rates_the_day(entry: &Entry) -> bool {
    !entry.is_night_check_in() && !matches!(entry.context, EntryContext::AfterSession { .. })
}

/// The last `days` days ending with `today` (oldest first, one point per day, empty days
/// included): pain statistics (from the ratings that [`rates_the_day`]), whether a routine
/// was completed, and stretch dose.
/// Typical windows are 7, 30 and 90 days.
pub fn daily_series(
    entries: &[Entry],
    sessions: &[SessionRecord],
    today: CivilDate,
    days: u32,
) -> Vec<DayPoint> {
    let first = today.day_number() - i64::from(days) + 1;
    let slot = |date: CivilDate| {
        let offset = date.day_number() - first;
        usize::try_from(offset)
            .ok()
            .filter(|index| *index < days as usize)
    };
    let mut pain = vec![DayTally::default(); days as usize];
    let mut points: Vec<DayPoint> = (0..i64::from(days))
        .map(|offset| DayPoint {
            date: CivilDate::from_day_number(first + offset),
            pain: None,
            completed_session: false,
            dose: StretchDose::default(),
        })
        .collect();
    for entry in entries.iter().filter(|entry| rates_the_day(entry)) {
        if let Some(index) = slot(entry.at.local_date()) {
            pain[index].add(entry.pain);
        }
    }
    for session in sessions {
        if let Some(index) = slot(session.started.local_date()) {
            points[index].completed_session |= session.completed;
            points[index].dose.add(session);
        }
    }
    for (point, tally) in points.iter_mut().zip(pain) {
        point.pain = tally.stats();
    }
    points
}

/// A plain-text description of a [`daily_series`] chart for screen readers, e.g.
/// "Pain over the last 30 days (26 Oct 2026 to 24 Nov 2026): rated on 18 days, average 4.2,
/// lowest 2, highest 7. A routine was completed on 20 days. Stretch held: left 54:00,
/// right 54:00."
pub fn describe_series(series: &[DayPoint]) -> String {
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        return "No days to show.".to_string();
    };
    let mut text = format!(
        "Pain over the last {} (from {} to {}): ",
        plural(series.len(), "day"),
        first.date.to_human(),
        last.date.to_human()
    );
    let rated: Vec<PainStats> = series.iter().filter_map(|point| point.pain).collect();
    if rated.is_empty() {
        text.push_str("no ratings.");
    } else {
        let average = rated.iter().map(|stats| stats.mean).sum::<f32>() / rated.len() as f32;
        let lowest = rated
            .iter()
            .map(|stats| stats.min)
            .min()
            .unwrap_or_default();
        let highest = rated
            .iter()
            .map(|stats| stats.max)
            .max()
            .unwrap_or_default();
        text.push_str(&format!(
            "rated on {}, average {average:.1}, lowest {lowest}, highest {highest}.",
            plural(rated.len(), "day")
        ));
    }
    let stretching_days = series
        .iter()
        .filter(|point| point.completed_session)
        .count();
    text.push_str(&match stretching_days {
        0 => " No routine was completed.".to_string(),
        days => format!(" A routine was completed on {}.", plural(days, "day")),
    });
    let total = |side: fn(&StretchDose) -> u32| -> u64 {
        series
            .iter()
            .map(|point| u64::from(side(&point.dose)))
            .sum()
    };
    let (left, right) = (
        total(|dose| dose.left_seconds),
        total(|dose| dose.right_seconds),
    );
    let unsided = total(|dose| dose.unsided_seconds);
    if left + right + unsided > 0 {
        text.push_str(&format!(
            " Stretch held: left {}, right {}",
            format_clock(left),
            format_clock(right)
        ));
        if unsided > 0 {
            text.push_str(&format!(", other {}", format_clock(unsided)));
        }
        text.push('.');
    }
    text
}

/// "1 day", "18 days".
fn plural(count: usize, unit: &str) -> String {
    if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
    }
}
