//! Holds that grow: a [`Progression`] lengthens one step of a routine by a fixed amount per
//! completed session (or per stretching day) from a start toward a goal, and
//! [`progression_today`] works out today's target from the session records.
//!
//! Only **completed** sessions of **this** routine (same id) that started at or after
//! [`Progression::counts_from_ms`] count, and never ones dated after `today`.
//! - [`Every::Session`]: each such session adds one increment, including today's, so a
//!   second session today is already longer.
//! - [`Every::Day`]: each *day before today* with at least one such session adds one
//!   increment; days without one add nothing, so a week off never jumps the hold ahead, and
//!   the target stays the same all day.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::duration::{format_countdown, MS_PER_SECOND};
use crate::log::{CivilDate, SessionRecord};
use crate::routine::{Routine, StepKind, ValidationError, MAX_STEP_PART_MS};

/// How one step of a routine grows, e.g. from 0:30 by 10 s per session up to 3:00.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progression {
    /// The step that grows (0-based index into [`Routine::steps`]); a hold or a movement.
    pub step_index: usize,
    /// Length of one repetition at the start, in milliseconds.
    pub start_ms: u64,
    /// How much longer it gets each time, in milliseconds.
    pub increment_ms: u64,
    /// What "each time" is: a completed session, or a day with one.
    pub every: Every,
    /// The goal: it never grows past this, in milliseconds.
    pub max_ms: u64,
    /// Sessions that started before this moment (UTC ms) do not count. The editor sets it to
    /// now when progression is switched on or restarted; 0 counts every session.
    #[serde(default)]
    pub counts_from_ms: i64,
}

/// What makes a [`Progression`] take one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    /// Each completed session of the routine.
    Session,
    /// Each earlier day on which the routine was completed at least once.
    Day,
}

/// Where a routine's progression stands today: what the player shows above the step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressionToday {
    /// The step that grows.
    pub step_index: usize,
    /// Today's length of one repetition of that step, in milliseconds.
    pub target_ms: u64,
    /// How many sessions (or days) have counted so far.
    pub counted: u64,
    /// The progression it comes from.
    pub progression: Progression,
}

impl ProgressionToday {
    /// True once the goal is reached.
    pub fn at_goal(&self) -> bool {
        self.target_ms >= self.progression.max_ms
    }

    /// A line for the player and the routine page, e.g. "Target today: 1:10 (growing 10 s
    /// per session to 3:00)" or "Target today: 3:00 (goal reached)".
    ///
    /// ```
    /// use limber_core::routine::{Every, Progression, ProgressionToday};
    /// let progression = Progression {
    ///     step_index: 1, start_ms: 30_000, increment_ms: 10_000, every: Every::Session,
    ///     max_ms: 180_000, counts_from_ms: 0,
    /// };
    /// let today = ProgressionToday { step_index: 1, target_ms: 70_000, counted: 4, progression };
    /// assert_eq!(today.describe(), "Target today: 1:10 (growing 10 s per session to 3:00)");
    /// ```
    pub fn describe(&self) -> String {
        let target = format_countdown(self.target_ms);
        if self.at_goal() {
            return format!("Target today: {target} (goal reached)");
        }
        let per = match self.progression.every {
            Every::Session => "session",
            Every::Day => "day you stretch",
        };
        format!(
            "Target today: {target} (growing {} per {per} to {})",
            describe_increment(self.progression.increment_ms),
            format_countdown(self.progression.max_ms)
        )
    }
}

/// "10 s", "1 min", "1 min 30 s" (partial seconds round up).
fn describe_increment(increment_ms: u64) -> String {
    let seconds = increment_ms.div_ceil(MS_PER_SECOND);
    match (seconds / 60, seconds % 60) {
        (0, seconds) => format!("{seconds} s"),
        (minutes, 0) => format!("{minutes} min"),
        (minutes, seconds) => format!("{minutes} min {seconds} s"),
    }
}

/// Where `routine`'s progression stands on `today`, counting `sessions` as described in the
/// module notes; `None` when the routine has no progression.
pub fn progression_today(
    routine: &Routine,
    sessions: &[SessionRecord],
    today: CivilDate,
) -> Option<ProgressionToday> {
    let progression = routine.progression.as_ref()?;
    let counting = sessions.iter().filter(|session| {
        session.completed
            && session.routine_id == routine.id
            && session.started.utc_ms >= progression.counts_from_ms
            && session.started.local_date() <= today
    });
    let counted = match progression.every {
        Every::Session => counting.count() as u64,
        Every::Day => counting
            .map(|session| session.started.local_date())
            .filter(|date| *date < today)
            .collect::<HashSet<_>>()
            .len() as u64,
    };
    let grown = progression
        .increment_ms
        .saturating_mul(counted)
        .saturating_add(progression.start_ms);
    Some(ProgressionToday {
        step_index: progression.step_index,
        target_ms: grown.min(progression.max_ms),
        counted,
        progression: progression.clone(),
    })
}

/// Today's length of the growing step, in milliseconds; `None` without a progression.
/// Plan with [`Routine::with_progression_applied`].
pub fn current_target(
    routine: &Routine,
    sessions: &[SessionRecord],
    today: CivilDate,
) -> Option<u64> {
    progression_today(routine, sessions, today).map(|today| today.target_ms)
}

impl Routine {
    /// A copy whose growing step lasts `target_ms` per repetition, ready for
    /// [`Plan::from_routine`](crate::plan::Plan::from_routine). Unchanged without a
    /// progression (or if its step is missing).
    pub fn with_progression_applied(&self, target_ms: u64) -> Routine {
        let mut routine = self.clone();
        let index = self.progression.as_ref().map(|p| p.step_index);
        if let Some(step) = index.and_then(|index| routine.steps.get_mut(index)) {
            step.duration_ms = target_ms;
        }
        routine
    }
}

impl Progression {
    /// Every problem with this progression in `routine`, including a routine that would be
    /// too long once the step reaches its goal.
    pub(super) fn problems(&self, routine: &Routine) -> Vec<ValidationError> {
        let step = self.step_index;
        let Some(details) = routine.steps.get(step) else {
            return vec![ValidationError::ProgressionStepMissing { step }];
        };
        let mut problems = Vec::new();
        if !matches!(details.kind, StepKind::Hold | StepKind::Move) {
            problems.push(ValidationError::ProgressionNotAHold { step });
        }
        if self.start_ms == 0 {
            problems.push(ValidationError::ProgressionStartZero { step });
        }
        if self.increment_ms == 0 {
            problems.push(ValidationError::ProgressionNoIncrement { step });
        }
        if self.max_ms < self.start_ms {
            problems.push(ValidationError::ProgressionGoalBelowStart {
                step,
                start_ms: self.start_ms,
                max_ms: self.max_ms,
            });
        }
        if self.max_ms > MAX_STEP_PART_MS {
            problems.push(ValidationError::ProgressionGoalTooLong {
                step,
                max_ms: self.max_ms,
            });
        }
        problems
    }
}

/// What the player plays today: `routine` with its growing step at today's target, and where
/// the progression stands (`None`, and the routine unchanged, without one).
pub fn routine_for_today(
    routine: &Routine,
    sessions: &[SessionRecord],
    today: CivilDate,
) -> (Routine, Option<ProgressionToday>) {
    match progression_today(routine, sessions, today) {
        Some(progress) => (
            routine.with_progression_applied(progress.target_ms),
            Some(progress),
        ),
        None => (routine.clone(), None),
    }
}
