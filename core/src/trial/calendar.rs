//! The trial's calendar: which condition each day belongs to, and whether it is a washout day.

use serde::{Deserialize, Serialize};

use super::design::{Arm, Trial};
use crate::log::CivilDate;

/// One of the two conditions compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The routine (stretching).
    A,
    /// The comparison (usually no stretching).
    B,
}

/// One day of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrialDay {
    /// The calendar date.
    pub date: CivilDate,
    /// 1 for the first day.
    pub number: u32,
    /// Index of the block, from 0.
    pub block: u32,
    /// Index of the pair, from 0.
    pub pair: u32,
    /// The condition of this day's block.
    pub condition: Condition,
    /// True for the first days of a block, left out of the analysis.
    pub washout: bool,
}

impl Condition {
    /// "A" or "B".
    pub fn letter(self) -> &'static str {
        match self {
            Condition::A => "A",
            Condition::B => "B",
        }
    }
}

impl Trial {
    /// Every day of the plan, in order.
    pub fn calendar(&self) -> Vec<TrialDay> {
        (0..self.design.total_days())
            .filter_map(|index| self.day_at(index))
            .collect()
    }

    /// The plan's day on `date`, or `None` outside the trial.
    pub fn day_on(&self, date: CivilDate) -> Option<TrialDay> {
        let index = date.day_number() - self.start.day_number();
        u32::try_from(index)
            .ok()
            .and_then(|index| self.day_at(index))
    }

    /// True when running `routine_id` on `date` goes against the plan: any routine on a
    /// no-stretching day, or the other condition's routine. A stopped trial plans nothing.
    pub fn goes_against_plan(&self, date: CivilDate, routine_id: &str) -> bool {
        if self.stopped_on.is_some_and(|stopped| stopped <= date) {
            return false;
        }
        self.day_on(date).is_some_and(|day| {
            let (planned, other) = match day.condition {
                Condition::A => (&self.design.a, &self.design.b),
                Condition::B => (&self.design.b, &self.design.a),
            };
            match planned {
                Arm::NoStretching => true,
                Arm::Routine { .. } => other.routine_id() == Some(routine_id),
            }
        })
    }

    fn day_at(&self, index: u32) -> Option<TrialDay> {
        if index >= self.design.total_days() {
            return None;
        }
        let block_days = u32::from(self.design.block_days);
        let block = index / block_days;
        let pair = block / 2;
        let a_first = *self.a_first.get(pair as usize)?;
        let first_of_pair = block.is_multiple_of(2);
        let condition = if a_first == first_of_pair {
            Condition::A
        } else {
            Condition::B
        };
        Some(TrialDay {
            date: self.start.add_days(i64::from(index)),
            number: index + 1,
            block,
            pair,
            condition,
            washout: index % block_days < u32::from(self.design.washout_days),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trial::TrialDesign;

    #[test]
    fn a_routine_goes_against_the_plan_only_on_a_running_trials_rest_day() {
        let design = TrialDesign {
            block_days: 5,
            pairs: 3,
            ..TrialDesign::default()
        };
        let start = CivilDate::new(2026, 12, 1).unwrap();
        // Days 1–5 are B (no stretching), days 6–15 A (the strap stretch).
        let mut trial = Trial::plan("t", design, start, 0b010, 0).unwrap();
        let strap = trial.design.a.routine_id().unwrap().to_string();
        assert!(trial.goes_against_plan(start, &strap));
        assert!(
            trial.goes_against_plan(start, "cat-cow"),
            "any routine on a rest day"
        );
        assert!(!trial.goes_against_plan(start.add_days(5), &strap));
        assert!(
            !trial.goes_against_plan(start.add_days(-1), &strap),
            "before day 1"
        );
        assert!(
            !trial.goes_against_plan(start.add_days(30), &strap),
            "after the end"
        );
        trial.stopped_on = Some(start.add_days(1));
        assert!(trial.goes_against_plan(start, &strap));
        assert!(
            !trial.goes_against_plan(start.add_days(1), &strap),
            "stopped"
        );
        // Two routines: only the other condition's routine is a deviation.
        trial.stopped_on = None;
        trial.design.b = Arm::Routine {
            routine_id: "cat-cow".into(),
            routine_name: "Cat-cow".into(),
        };
        assert!(trial.goes_against_plan(start, &strap));
        assert!(!trial.goes_against_plan(start, "cat-cow"));
        assert!(!trial.goes_against_plan(start, "child-pose"));
    }

    #[test]
    fn days_follow_the_coin_and_the_washout() {
        let design = TrialDesign {
            block_days: 5,
            pairs: 3,
            ..TrialDesign::default()
        };
        let start = CivilDate::new(2026, 12, 1).unwrap();
        // Pair 0: B then A; pair 1: A then B; pair 2: B then A.
        let trial = Trial::plan("t", design, start, 0b010, 0).unwrap();
        let calendar = trial.calendar();
        assert_eq!(calendar.len(), 30);
        let letters: String = calendar.iter().map(|day| day.condition.letter()).collect();
        assert_eq!(letters, "BBBBBAAAAAAAAAABBBBBBBBBBAAAAA");
        let washouts: Vec<u32> = calendar
            .iter()
            .filter(|day| day.washout)
            .map(|day| day.number)
            .collect();
        assert_eq!(washouts, vec![1, 2, 6, 7, 11, 12, 16, 17, 21, 22, 26, 27]);
        assert_eq!(trial.day_on(start.add_days(29)).unwrap().number, 30);
        assert_eq!(trial.day_on(start.add_days(30)), None);
        assert_eq!(trial.day_on(start.add_days(-1)), None);
        assert_eq!(calendar[12].pair, 1);
    }

    #[test]
    fn every_pair_has_one_block_of_each_condition() {
        for bits in 0..256u32 {
            let design = TrialDesign {
                pairs: 8,
                ..TrialDesign::default()
            };
            let trial =
                Trial::plan("t", design, CivilDate::new(2026, 1, 1).unwrap(), bits, 0).unwrap();
            let calendar = trial.calendar();
            for pair in 0..8 {
                let a_days = calendar
                    .iter()
                    .filter(|day| day.pair == pair && day.condition == Condition::A)
                    .count();
                assert_eq!(a_days, 7);
            }
        }
    }
}
