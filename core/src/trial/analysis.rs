//! The whole analysis of a trial on a given day: its status, each day's value, the block
//! scores, the pair differences, the statistics, adherence and deviations.

use std::collections::BTreeMap;

use super::calendar::{Condition, TrialDay};
use super::design::Trial;
use super::scoring::{block_scores, daily_values, pair_differences, BlockScore};
use super::statistics::{statistics, Statistics};
use crate::log::{CivilDate, Entry, SessionRecord};

/// Where a trial stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrialStatus {
    /// Day 1 is still to come: the plan can be exported as a pre-registration.
    NotStarted,
    /// Running: results are only "so far".
    Running,
    /// Every planned day is over.
    Complete,
    /// Stopped before its end; its data is kept.
    StoppedEarly,
}

/// How well the plan was followed, over the days that are over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Adherence {
    /// A days on which A's routine was done.
    pub a_days_done: u32,
    /// A days that are over.
    pub a_days: u32,
    /// B days kept as planned (no stretching, or only B's routine).
    pub b_days_kept: u32,
    /// B days that are over.
    pub b_days: u32,
    /// Days over that have no outcome value.
    pub check_ins_missed: u32,
}

/// A session that went against the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deviation {
    /// The day.
    pub date: CivilDate,
    /// The routine's name.
    pub routine_name: String,
    /// The condition planned for the day.
    pub planned: Condition,
}

/// Everything the result screen, the exports and the summary show.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Where the trial stands.
    pub status: TrialStatus,
    /// The plan's day for `today`, if within the trial.
    pub today: Option<TrialDay>,
    /// Each day's outcome value (days without one are missing).
    pub values: BTreeMap<CivilDate, f64>,
    /// Every block's score.
    pub blocks: Vec<BlockScore>,
    /// (pair, score(B) − score(A)) for the pairs that counted.
    pub differences: Vec<(u32, f64)>,
    /// The statistics, once 2 or more pairs count.
    pub statistics: Option<Statistics>,
    /// How well the plan was followed.
    pub adherence: Adherence,
    /// Sessions against the plan.
    pub deviations: Vec<Deviation>,
}

/// Analyses `trial` as of `today`, from the log's entries and sessions.
pub fn analyse(
    trial: &Trial,
    entries: &[Entry],
    sessions: &[SessionRecord],
    today: CivilDate,
) -> Analysis {
    let status = if trial
        .stopped_on
        .is_some_and(|stopped| stopped <= trial.end())
    {
        TrialStatus::StoppedEarly
    } else if today < trial.start {
        TrialStatus::NotStarted
    } else if today > trial.end() {
        TrialStatus::Complete
    } else {
        TrialStatus::Running
    };
    let values: BTreeMap<CivilDate, f64> = daily_values(trial, entries)
        .into_iter()
        .filter(|(date, _)| *date < today)
        .collect();
    let blocks = block_scores(trial, &values);
    let differences = pair_differences(&blocks);
    let only_differences: Vec<f64> = differences.iter().map(|(_, d)| *d).collect();
    let mut adherence = Adherence::default();
    let mut deviations = Vec::new();
    let last_over = trial.last_counted_day().min(today.add_days(-1));
    for day in trial
        .calendar()
        .into_iter()
        .filter(|day| day.date <= last_over)
    {
        let done: Vec<&SessionRecord> = sessions
            .iter()
            .filter(|session| session.started.local_date() == day.date)
            .collect();
        let planned = match day.condition {
            Condition::A => &trial.design.a,
            Condition::B => &trial.design.b,
        };
        let against_plan: Vec<&&SessionRecord> = done
            .iter()
            .filter(|session| trial.goes_against_plan(day.date, &session.routine_id))
            .collect();
        deviations.extend(against_plan.iter().map(|session| Deviation {
            date: day.date,
            routine_name: session.routine_name.clone(),
            planned: day.condition,
        }));
        let planned_done = match planned.routine_id() {
            Some(id) => done
                .iter()
                .any(|session| session.completed && session.routine_id == id),
            None => true,
        };
        let kept = planned_done && against_plan.is_empty();
        match day.condition {
            Condition::A => {
                adherence.a_days += 1;
                adherence.a_days_done += u32::from(kept);
            }
            Condition::B => {
                adherence.b_days += 1;
                adherence.b_days_kept += u32::from(kept);
            }
        }
        if !values.contains_key(&day.date) {
            adherence.check_ins_missed += 1;
        }
    }
    Analysis {
        status,
        today: trial.day_on(today),
        values,
        blocks,
        statistics: statistics(&only_differences),
        differences,
        adherence,
        deviations,
    }
}

impl Trial {
    /// True when a session of `routine_id` today would go against the plan (a B day without
    /// that routine in B), so the user is reminded before starting.
    pub fn would_deviate(&self, date: CivilDate, routine_id: &str) -> bool {
        let Some(day) = self.day_on(date) else {
            return false;
        };
        if self.stopped_on.is_some() {
            return false;
        }
        match day.condition {
            Condition::A => self.design.b.routine_id() == Some(routine_id),
            Condition::B => self.design.b.routine_id() != Some(routine_id),
        }
    }
}
