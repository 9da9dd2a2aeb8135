//! From the log to numbers: each trial day's outcome value, each block's score, and each
//! pair's difference. Missing days stay missing; nothing is imputed.

use std::collections::BTreeMap;

use super::calendar::Condition;
use super::design::{Outcome, Trial, MIN_SCORED_DAYS};
use crate::insight::rates_the_day;
use crate::log::{CivilDate, Entry};

/// One block's score.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockScore {
    /// Index of the block, from 0.
    pub block: u32,
    /// Index of its pair, from 0.
    pub pair: u32,
    /// Its condition.
    pub condition: Condition,
    /// First and last day of the block.
    pub first_day: CivilDate,
    /// The block's last day.
    pub last_day: CivilDate,
    /// Non-washout days that have a value.
    pub scored_days: u32,
    /// Mean of those values, if there is at least one.
    pub mean: Option<f64>,
}

impl BlockScore {
    /// True when the block has enough scored days to count (at least 3).
    pub fn counts(&self) -> bool {
        self.scored_days >= u32::from(MIN_SCORED_DAYS) && self.mean.is_some()
    }
}

/// The outcome's value for each trial day up to the last counted day that has one.
///
/// Night pain and times woken come from the morning check-in about the night *after* the
/// day (the latest one, if edited twice); daytime pain is the mean of the day's ratings that
/// [`rates_the_day`] (not the night check-ins, nor the ratings right after a routine).
pub fn daily_values(trial: &Trial, entries: &[Entry]) -> BTreeMap<CivilDate, f64> {
    let first = trial.start;
    let last = trial.last_counted_day();
    let mut values = BTreeMap::new();
    match trial.design.outcome {
        Outcome::NightPain | Outcome::TimesWoken => {
            let mut latest: BTreeMap<CivilDate, &Entry> = BTreeMap::new();
            for entry in entries {
                let Some(night) = &entry.night else { continue };
                if night.night_of < first || night.night_of > last {
                    continue;
                }
                let slot = latest.entry(night.night_of).or_insert(entry);
                if entry.at.utc_ms >= slot.at.utc_ms {
                    *slot = entry;
                }
            }
            for (date, entry) in latest {
                let value = match trial.design.outcome {
                    Outcome::TimesWoken => entry.night.as_ref().map_or(0, |n| n.times_woken),
                    _ => entry.pain,
                };
                values.insert(date, f64::from(value));
            }
        }
        Outcome::DaytimePain => {
            let mut sums: BTreeMap<CivilDate, (f64, u32)> = BTreeMap::new();
            for entry in entries.iter().filter(|entry| rates_the_day(entry)) {
                let date = entry.at.local_date();
                if date < first || date > last {
                    continue;
                }
                let sum = sums.entry(date).or_insert((0.0, 0));
                sum.0 += f64::from(entry.pain);
                sum.1 += 1;
            }
            for (date, (sum, count)) in sums {
                values.insert(date, sum / f64::from(count));
            }
        }
    }
    values
}

/// Every block's score from the daily values.
pub fn block_scores(trial: &Trial, values: &BTreeMap<CivilDate, f64>) -> Vec<BlockScore> {
    let mut blocks: Vec<BlockScore> = Vec::new();
    for day in trial.calendar() {
        if blocks.last().is_none_or(|block| block.block != day.block) {
            blocks.push(BlockScore {
                block: day.block,
                pair: day.pair,
                condition: day.condition,
                first_day: day.date,
                last_day: day.date,
                scored_days: 0,
                mean: None,
            });
        }
        let block = blocks.last_mut().expect("a block was just pushed");
        block.last_day = day.date;
        if day.washout {
            continue;
        }
        if let Some(value) = values.get(&day.date) {
            let previous = block.mean.unwrap_or(0.0) * f64::from(block.scored_days);
            block.scored_days += 1;
            block.mean = Some((previous + value) / f64::from(block.scored_days));
        }
    }
    blocks
}

/// Per pair whose two blocks both count: score(B) − score(A), so positive means lower
/// values (less pain) in the A (stretching) block. Returns (pair index, difference).
pub fn pair_differences(blocks: &[BlockScore]) -> Vec<(u32, f64)> {
    let mut pairs: BTreeMap<u32, (Option<f64>, Option<f64>)> = BTreeMap::new();
    for block in blocks.iter().filter(|block| block.counts()) {
        let slot = pairs.entry(block.pair).or_default();
        match block.condition {
            Condition::A => slot.0 = block.mean,
            Condition::B => slot.1 = block.mean,
        }
    }
    pairs
        .into_iter()
        .filter_map(|(pair, scores)| match scores {
            (Some(a), Some(b)) => Some((pair, b - a)),
            _ => None,
        })
        .collect()
}
