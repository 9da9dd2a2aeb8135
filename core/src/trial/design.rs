//! What a trial compares and for how long ([`TrialDesign`]), and the frozen, randomised plan
//! ([`Trial`]) made from it at the start.

use serde::{Deserialize, Serialize};

use crate::log::CivilDate;

/// Block lengths offered, in days.
pub const BLOCK_LENGTHS: [u8; 4] = [5, 7, 10, 14];
/// Fewest pairs of blocks.
pub const MIN_PAIRS: u8 = 3;
/// Most pairs of blocks (2⁸ = 256 sign assignments for the exact test).
pub const MAX_PAIRS: u8 = 8;
/// A block needs at least this many scored days (after the washout) to count.
pub const MIN_SCORED_DAYS: u8 = 3;

/// What is done on the days of one condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Arm {
    /// A routine, by id (built in or the user's own), with its name at the time.
    Routine {
        /// The routine's id.
        routine_id: String,
        /// The routine's name when the trial was planned.
        routine_name: String,
    },
    /// No stretching at all.
    NoStretching,
}

/// The measure the analysis compares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Night pain 0–10 from the morning check-in about the night after each day.
    #[default]
    NightPain,
    /// The day's mean of its 0–10 pain ratings.
    DaytimePain,
    /// Times woken by pain in the night after each day (3 means 3 or more).
    TimesWoken,
}

/// The choices made before a trial starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialDesign {
    /// Condition A: a routine.
    pub a: Arm,
    /// Condition B: no stretching (usual) or another routine.
    pub b: Arm,
    /// Days in each block: one of [`BLOCK_LENGTHS`].
    pub block_days: u8,
    /// Pairs of blocks (one A, one B each): [`MIN_PAIRS`]–[`MAX_PAIRS`].
    pub pairs: u8,
    /// Days at the start of each block left out of the analysis (carry-over).
    pub washout_days: u8,
    /// What is compared.
    pub outcome: Outcome,
}

/// The plan, frozen at the start: the design, the first day, and the coin's order per pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trial {
    /// Unique id.
    pub id: String,
    /// The design, unchangeable once started.
    pub design: TrialDesign,
    /// Day 1.
    pub start: CivilDate,
    /// Per pair: true when A comes first, decided by a fair coin.
    pub a_first: Vec<bool>,
    /// When it was planned (UTC ms).
    pub planned_ms: i64,
    /// The day it was stopped early, if it was.
    #[serde(default)]
    pub stopped_on: Option<CivilDate>,
}

/// Why a design cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DesignError {
    /// The block length is not one of those offered.
    #[error("blocks must last 5, 7, 10 or 14 days")]
    BlockLength,
    /// Too few or too many pairs.
    #[error("a trial has 3 to 8 pairs of blocks")]
    Pairs,
    /// The washout leaves fewer than 3 days to score.
    #[error("the washout can be at most the block length minus 3 days")]
    Washout,
    /// Condition A must be a routine.
    #[error("condition A must be a routine")]
    ANotARoutine,
    /// Both conditions are the same.
    #[error("the two conditions must differ")]
    SameConditions,
}

impl Default for TrialDesign {
    /// The strap hamstring stretch against no stretching, 4 pairs of 7-day blocks, 2 washout
    /// days, night pain.
    fn default() -> Self {
        Self {
            a: Arm::Routine {
                routine_id: crate::library::SEED_ROUTINE_ID.to_string(),
                routine_name: "Strap hamstring stretch".to_string(),
            },
            b: Arm::NoStretching,
            block_days: 7,
            pairs: 4,
            washout_days: 2,
            outcome: Outcome::NightPain,
        }
    }
}

impl TrialDesign {
    /// Checks block length, pairs, washout and the two conditions.
    pub fn validate(&self) -> Result<(), DesignError> {
        if !BLOCK_LENGTHS.contains(&self.block_days) {
            return Err(DesignError::BlockLength);
        }
        if !(MIN_PAIRS..=MAX_PAIRS).contains(&self.pairs) {
            return Err(DesignError::Pairs);
        }
        if self.washout_days > self.max_washout() {
            return Err(DesignError::Washout);
        }
        if self.a == Arm::NoStretching {
            return Err(DesignError::ANotARoutine);
        }
        if self.a == self.b {
            return Err(DesignError::SameConditions);
        }
        Ok(())
    }

    /// The longest washout this block length allows.
    pub fn max_washout(&self) -> u8 {
        self.block_days.saturating_sub(MIN_SCORED_DAYS)
    }

    /// Days from day 1 to the last day.
    pub fn total_days(&self) -> u32 {
        u32::from(self.block_days) * 2 * u32::from(self.pairs)
    }

    /// The smallest one-sided p-value the exact randomisation test can give: 1 / 2ⁿ.
    pub fn smallest_p_value(&self) -> f64 {
        1.0 / f64::from(1u32 << self.pairs)
    }

    /// What the design can show, plainly: "With 4 pairs the smallest possible p-value is
    /// 1/16 = 0.0625; choose 5 or more pairs to be able to reach p < 0.05".
    pub fn power_sentence(&self) -> String {
        let assignments = 1u32 << self.pairs;
        let smallest = format_p(self.smallest_p_value());
        if self.smallest_p_value() < 0.05 {
            format!(
                "With {} pairs the smallest possible p-value is 1/{assignments} = {smallest}, \
                 so a clear result (p < 0.05) is possible if every pair counts.",
                self.pairs
            )
        } else {
            format!(
                "With {} pairs the smallest possible p-value is 1/{assignments} = {smallest}; \
                 choose 5 or more pairs to be able to reach p < 0.05.",
                self.pairs
            )
        }
    }

    /// What the user commits to each day, e.g. "Every day: a morning check-in about the
    /// night; on stretch days Strap hamstring stretch, on the other days no stretching."
    pub fn commitment_sentence(&self) -> String {
        let check_in = match self.outcome {
            Outcome::NightPain | Outcome::TimesWoken => "a morning check-in about the night",
            Outcome::DaytimePain => "at least one pain rating during the day",
        };
        format!(
            "Every day: {check_in}; on A days {}, on B days {}.",
            self.a.describe(),
            self.b.describe()
        )
    }
}

impl Arm {
    /// "Strap hamstring stretch" or "no stretching".
    pub fn describe(&self) -> String {
        match self {
            Arm::Routine { routine_name, .. } => routine_name.clone(),
            Arm::NoStretching => "no stretching".to_string(),
        }
    }

    /// The routine's id, if this arm is a routine.
    pub fn routine_id(&self) -> Option<&str> {
        match self {
            Arm::Routine { routine_id, .. } => Some(routine_id),
            Arm::NoStretching => None,
        }
    }
}

impl Outcome {
    /// Words for people: "night pain", "daytime pain", "times woken by pain".
    pub fn label(self) -> &'static str {
        match self {
            Outcome::NightPain => "night pain",
            Outcome::DaytimePain => "daytime pain",
            Outcome::TimesWoken => "times woken by pain",
        }
    }

    /// The unit of a difference: "points" or "times".
    pub fn unit(self) -> &'static str {
        match self {
            Outcome::NightPain | Outcome::DaytimePain => "points",
            Outcome::TimesWoken => "times",
        }
    }
}

impl Trial {
    /// Freezes `design` into a plan starting on `start`. Bit i of `random_bits` (from a
    /// cryptographic source) is the coin for pair i: 1 puts A first.
    pub fn plan(
        id: impl Into<String>,
        design: TrialDesign,
        start: CivilDate,
        random_bits: u32,
        planned_ms: i64,
    ) -> Result<Self, DesignError> {
        design.validate()?;
        let a_first = (0..design.pairs)
            .map(|pair| random_bits >> pair & 1 == 1)
            .collect();
        Ok(Self {
            id: id.into(),
            design,
            start,
            a_first,
            planned_ms,
            stopped_on: None,
        })
    }

    /// The last planned day.
    pub fn end(&self) -> CivilDate {
        self.start.add_days(i64::from(self.design.total_days()) - 1)
    }

    /// The last day that counts: the end, or the day before it was stopped.
    pub fn last_counted_day(&self) -> CivilDate {
        match self.stopped_on {
            Some(stopped) if stopped <= self.end() => stopped.add_days(-1),
            _ => self.end(),
        }
    }

    /// The frozen plan as canonical JSON (design, start, orders): what the fingerprint covers.
    pub fn plan_json(&self) -> String {
        #[derive(Serialize)]
        struct FrozenPlan<'a> {
            id: &'a str,
            design: &'a TrialDesign,
            start: String,
            a_first: &'a [bool],
        }
        serde_json::to_string(&FrozenPlan {
            id: &self.id,
            design: &self.design,
            start: self.start.to_string(),
            a_first: &self.a_first,
        })
        .expect("a plan always serialises")
    }

    /// SHA-256 of [`plan_json`](Self::plan_json), in hex.
    pub fn fingerprint(&self) -> String {
        super::sha256::sha256_hex(self.plan_json().as_bytes())
    }
}

/// A p-value for people: 4 decimals, at most.
pub fn format_p(p: f64) -> String {
    let text = format!("{p:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_planner_states_what_the_design_can_show() {
        let design = TrialDesign::default();
        assert_eq!(
            design.power_sentence(),
            "With 4 pairs the smallest possible p-value is 1/16 = 0.0625; choose 5 or more \
             pairs to be able to reach p < 0.05."
        );
        let five = TrialDesign {
            pairs: 5,
            ..design.clone()
        };
        assert!(five.power_sentence().contains("1/32 = 0.0312"));
        assert_eq!(design.total_days(), 56);
    }

    #[test]
    fn validation_enforces_the_limits() {
        let ok = TrialDesign::default();
        assert_eq!(ok.validate(), Ok(()));
        let bad = |change: fn(&mut TrialDesign)| {
            let mut design = ok.clone();
            change(&mut design);
            design.validate()
        };
        assert_eq!(bad(|d| d.block_days = 6), Err(DesignError::BlockLength));
        assert_eq!(bad(|d| d.pairs = 2), Err(DesignError::Pairs));
        assert_eq!(bad(|d| d.pairs = 9), Err(DesignError::Pairs));
        assert_eq!(bad(|d| d.washout_days = 5), Err(DesignError::Washout));
        assert_eq!(
            bad(|d| {
                d.block_days = 5;
                d.washout_days = 2
            }),
            Ok(())
        );
        assert_eq!(
            bad(|d| d.a = Arm::NoStretching),
            Err(DesignError::ANotARoutine)
        );
        assert_eq!(bad(|d| d.b = d.a.clone()), Err(DesignError::SameConditions));
    }

    #[test]
    fn each_pairs_order_is_its_own_coin() {
        let start = CivilDate::new(2026, 12, 1).unwrap();
        let trial = Trial::plan("t", TrialDesign::default(), start, 0b0101, 0).unwrap();
        assert_eq!(trial.a_first, vec![true, false, true, false]);
        let other = Trial::plan("t", TrialDesign::default(), start, 0b1010, 0).unwrap();
        assert_eq!(other.a_first, vec![false, true, false, true]);
        assert_eq!(trial.end(), CivilDate::new(2027, 1, 25).unwrap());
        assert_ne!(trial.fingerprint(), other.fingerprint());
        assert_eq!(trial.fingerprint().len(), 64);
    }

    #[test]
    fn a_stopped_trial_counts_up_to_the_day_before() {
        let start = CivilDate::new(2026, 12, 1).unwrap();
        let mut trial = Trial::plan("t", TrialDesign::default(), start, 0, 0).unwrap();
        trial.stopped_on = Some(CivilDate::new(2026, 12, 10).unwrap());
        assert_eq!(
            trial.last_counted_day(),
            CivilDate::new(2026, 12, 9).unwrap()
        );
    }

    #[test]
    fn p_values_print_without_trailing_zeros() {
        assert_eq!(format_p(0.0625), "0.0625");
        assert_eq!(format_p(0.03125), "0.0312");
        assert_eq!(format_p(1.0), "1");
        assert_eq!(format_p(0.5), "0.5");
    }
}
