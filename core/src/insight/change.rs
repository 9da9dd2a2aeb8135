//! Has pain changed since the start? The recent week against a baseline, judged by the usual
//! rule for a meaningful change on a 0–10 scale: a fall of 2 points or 30 %
//! (Ostelo RW et al., Spine 2008;33(1):90-94). Information, never a promise.
//!
//! - **Recent**: the mean of daily mean pain over the 7 calendar days ending today.
//! - **Baseline**: the same over the first 7 days that have a rating, counting only days
//!   before the recent week.
//! - Only ratings that [`rates_the_day`](super::rates_the_day) count: not those given right
//!   after a routine.
//! - Each needs at least [`MIN_RATED_DAYS`] rated days, or no verdict is given.
//! - Both averages are rounded to one decimal first, and the verdict uses the rounded
//!   figures shown in the text, so words and numbers always agree.

use std::collections::BTreeMap;

use crate::log::{CivilDate, Entry};

/// A fall of at least this many tenths of a point is meaningful (2.0 points).
pub const MEANINGFUL_DROP_TENTHS: i32 = 20;
/// A fall of at least this percentage of the baseline is meaningful.
pub const MEANINGFUL_DROP_PERCENT: i32 = 30;
/// Fewest rated days in each week for a comparison.
pub const MIN_RATED_DAYS: usize = 3;
/// Days in each compared period.
const WEEK: i64 = 7;
/// The rule, as cited in every verdict.
const RULE: &str = "the usual rule (2 points or 30 %; Ostelo et al. 2008)";

/// The comparison of the recent week with the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct PainChange {
    /// Baseline average (one decimal), if there were enough ratings.
    pub baseline: Option<f32>,
    /// Recent 7-day average (one decimal), if there were enough ratings.
    pub recent: Option<f32>,
    /// True when pain fell by a meaningful amount (see the module notes).
    pub meaningful_change: bool,
    /// One or two sentences for people, honest when there is too little data.
    pub text: String,
}

/// Compares the last 7 days (ending `today`) with the first rated days.
pub fn compare_with_baseline(entries: &[Entry], today: CivilDate) -> PainChange {
    let recent_start = today.day_number() - WEEK + 1;
    let mut days: BTreeMap<i64, (u32, u32)> = BTreeMap::new();
    for entry in entries.iter().filter(|entry| super::rates_the_day(entry)) {
        let day = entry.at.local_date().day_number();
        if day <= today.day_number() {
            let (sum, count) = days.entry(day).or_default();
            *sum += u32::from(entry.pain);
            *count += 1;
        }
    }
    let day_means = |range: std::ops::Range<i64>| {
        days.range(range)
            .map(|(_, (sum, count))| f64::from(*sum) / f64::from(*count))
    };
    let baseline: Vec<f64> = day_means(i64::MIN..recent_start)
        .take(WEEK as usize)
        .collect();
    let recent: Vec<f64> = day_means(recent_start..today.day_number() + 1).collect();
    if baseline.len() < MIN_RATED_DAYS || recent.len() < MIN_RATED_DAYS {
        return PainChange {
            baseline: None,
            recent: None,
            meaningful_change: false,
            text: too_little_data(days.is_empty(), baseline.len(), recent.len()),
        };
    }
    verdict(tenths(&baseline), tenths(&recent))
}

/// Mean of daily means, in tenths of a point, rounded.
fn tenths(day_means: &[f64]) -> i32 {
    let mean = day_means.iter().sum::<f64>() / day_means.len() as f64;
    (mean * 10.0).round() as i32
}

/// The comparison, worded.
fn verdict(baseline: i32, recent: i32) -> PainChange {
    let drop = baseline - recent;
    let percent = (baseline > 0).then(|| (f64::from(drop) * 100.0 / f64::from(baseline)).round());
    let meaningful = drop > 0
        && (drop >= MEANINGFUL_DROP_TENTHS
            || percent.is_some_and(|p| p >= f64::from(MEANINGFUL_DROP_PERCENT)));
    let figures = match percent {
        Some(percent) => format!(
            "{}{} points, {}{} %",
            sign(-drop),
            one_decimal(drop.abs()),
            sign(-drop),
            percent.abs()
        ),
        None => format!("{}{} points", sign(-drop), one_decimal(drop.abs())),
    };
    let (from, to) = (one_decimal(baseline), one_decimal(recent));
    let text = if drop == 0 {
        format!("Your 7-day average pain is {to}, the same as in your first days ({from}).")
    } else if drop > 0 {
        let judgement = if meaningful {
            format!("That is a meaningful change by {RULE}.")
        } else {
            format!("That is smaller than a meaningful change by {RULE}.")
        };
        format!("Your 7-day average pain fell from {from} to {to} ({figures}). {judgement}")
    } else {
        format!(
            "Your 7-day average pain rose from {from} to {to} ({figures}). If it keeps rising, \
             consider pausing and asking your healthcare provider."
        )
    };
    PainChange {
        baseline: Some(baseline as f32 / 10.0),
        recent: Some(recent as f32 / 10.0),
        meaningful_change: meaningful,
        text,
    }
}

/// Why there is no verdict yet.
fn too_little_data(no_ratings: bool, baseline_days: usize, recent_days: usize) -> String {
    if no_ratings {
        return "No pain ratings yet. Rate your pain once a day for two weeks to see whether \
                it changes."
            .to_string();
    }
    format!(
        "Not enough ratings to compare yet: {baseline_days} rated {} before this week and \
         {recent_days} in it; a fair comparison needs at least {MIN_RATED_DAYS} of each.",
        if baseline_days == 1 { "day" } else { "days" }
    )
}

/// Tenths as "6.1".
fn one_decimal(tenths: i32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// "+" for a rise, "−" (minus sign) for a fall.
fn sign(change: i32) -> char {
    if change < 0 {
        '\u{2212}'
    } else {
        '+'
    }
}
