//! The player's state machine. It never reads a clock: every method takes `now_ms` from the
//! caller, and the position is worked out from deadlines, so a throttled or sleeping tab
//! catches up exactly instead of drifting.
//!
//! Cue rule: each cue is reported once while the session runs through it. When a call covers
//! a long gap (a hidden tab, a locked phone), only the current phase's opening cue, the cues of
//! the last [`STALE_AFTER_MS`] and [`CueKind::Done`] are reported, never a burst of old ones.
//! After [`Session::back`] or [`Session::skip`], cues from the new position on are live again.

use serde::{Deserialize, Serialize};

use crate::cue::{schedule, Cue, CueKind, CueOptions};
use crate::plan::Plan;

mod checkpoint;

pub use checkpoint::{held_times, Checkpoint, HeldTime};

/// Cues older than this (in plan time) when a call reports them are dropped as stale,
/// except the current phase's opening cue and [`CueKind::Done`].
pub const STALE_AFTER_MS: u64 = 1_500;
/// [`Session::back`] within this long of a phase's start goes to the previous phase.
pub const BACK_TO_PREVIOUS_WITHIN_MS: u64 = 2_000;

/// Where the session is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not started yet.
    Idle,
    /// Time is passing.
    Running,
    /// Held by the user; time does not pass.
    Paused,
    /// Played to the end (or the last phase was skipped).
    Finished,
    /// Ended early by the user.
    Stopped,
}

/// The player's state at one moment, all it needs to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Where the session is in its life.
    pub status: Status,
    /// The current phase; `None` once the plan is over (or if it is empty).
    pub phase_index: Option<usize>,
    /// Time left in the current phase, in milliseconds.
    pub remaining_ms: u64,
    /// Time into the plan, in milliseconds (never more than its total).
    pub elapsed_ms: u64,
    /// Share of the whole plan done, 0 to 1.
    pub progress: f64,
    /// Share of the current phase done, 0 to 1 (1 once the plan is over).
    pub phase_progress: f64,
}

/// The answer to [`Session::at`]: the state now, and the cues crossed since the last call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tick {
    /// The state now.
    pub snapshot: Snapshot,
    /// Cues to announce now, in time order.
    pub cues: Vec<Cue>,
}

/// A cue the audio layer can schedule ahead on its own clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledCue {
    /// The cue.
    pub cue: Cue,
    /// How long from `now` until it is due, in milliseconds.
    pub delay_ms: u64,
    /// Changes whenever the timeline moves under the caller (pause, resume, back, skip,
    /// stop): cues scheduled under an older epoch must be cancelled. `(epoch, cue.id)` names
    /// one announcement.
    pub epoch: u32,
}

/// How long before each cue the player looks once more, so that the audio clock is checked
/// against the page clock (and the earcons moved if they drifted apart) before the cue is due,
/// not after.
pub const CUE_CHECK_LEAD_MS: u64 = 250;

/// Longest the player sleeps between two wake-ups while hidden, so the audio clock's relation
/// to the page clock is checked (and earcons moved if it drifted) at least this often.
pub const HIDDEN_WAKE_MAX_MS: u64 = 5_000;

/// One run of a plan, driven by the player with times from its clock.
#[derive(Debug, Clone)]
pub struct Session {
    plan: Plan,
    cues: Vec<Cue>,
    status: Status,
    /// Plan position when the clock last started or stopped, or the position last jumped.
    position_ms: u64,
    /// Caller time at which running last (re)started; meaningful only while running.
    running_since_ms: u64,
    /// Latest `now_ms` seen: an earlier `now_ms` counts as this one.
    latest_now_ms: u64,
    /// Index of the first cue not yet passed.
    next_cue: usize,
    /// Stretches of plan time actually played, `(from_ms, to_ms)`, closed ones only.
    played: Vec<(u64, u64)>,
    /// See [`ScheduledCue::epoch`].
    epoch: u32,
}

impl Session {
    /// A session ready to start, with its cues scheduled.
    pub fn new(plan: Plan, cue_options: CueOptions) -> Self {
        let cues = schedule(&plan, cue_options);
        Self {
            plan,
            cues,
            status: Status::Idle,
            position_ms: 0,
            running_since_ms: 0,
            latest_now_ms: 0,
            next_cue: 0,
            played: Vec::new(),
            epoch: 0,
        }
    }

    /// The plan being played.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Every cue of the plan, in time order.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// Where the session is in its life (as of the last call).
    pub fn status(&self) -> Status {
        self.status
    }

    /// Starts playing from the beginning; only from [`Status::Idle`].
    pub fn start(&mut self, now_ms: u64) {
        let now_ms = self.observe(now_ms);
        if self.status == Status::Idle {
            self.status = Status::Running;
            self.running_since_ms = now_ms;
        }
    }

    /// Holds the clock; only while running (a plan already over finishes instead).
    pub fn pause(&mut self, now_ms: u64) {
        let now_ms = self.observe(now_ms);
        if self.catch_up(now_ms) == Status::Running {
            self.settle(now_ms);
            self.status = Status::Paused;
            self.epoch = self.epoch.wrapping_add(1);
        }
    }

    /// Lets the clock run again after a pause.
    pub fn resume(&mut self, now_ms: u64) {
        let now_ms = self.observe(now_ms);
        if self.status == Status::Paused {
            self.status = Status::Running;
            self.running_since_ms = now_ms;
            self.epoch = self.epoch.wrapping_add(1);
        }
    }

    /// Goes to the start of the current phase, or of the previous one if the current phase
    /// began less than [`BACK_TO_PREVIOUS_WITHIN_MS`] ago. Running or paused only.
    pub fn back(&mut self, now_ms: u64) {
        if let Some((current, elapsed_ms)) = self.settle_for_jump(now_ms) {
            let phase = &self.plan.phases[current];
            let into_phase_ms = elapsed_ms - phase.start_ms;
            let target = if into_phase_ms < BACK_TO_PREVIOUS_WITHIN_MS && current > 0 {
                current - 1
            } else {
                current
            };
            self.jump_to(self.plan.phases[target].start_ms);
        }
    }

    /// Goes to the start of the next phase; skipping the last phase finishes the session.
    /// Running or paused only.
    pub fn skip(&mut self, now_ms: u64) {
        if let Some((current, _)) = self.settle_for_jump(now_ms) {
            let target_ms = self.plan.phases[current].end_ms();
            self.jump_to(target_ms);
            if target_ms >= self.plan.total_ms {
                self.status = Status::Finished;
            }
        }
    }

    /// Ends the session early; a session already over stays finished.
    pub fn stop(&mut self, now_ms: u64) {
        let now_ms = self.observe(now_ms);
        if matches!(self.catch_up(now_ms), Status::Running | Status::Paused) {
            self.settle(now_ms);
            self.status = Status::Stopped;
            self.epoch = self.epoch.wrapping_add(1);
        }
    }

    /// The state at `now_ms` and the cues crossed since the last call (see the module notes
    /// for which cues a long gap keeps). Paused, idle and stopped sessions report no cues.
    pub fn at(&mut self, now_ms: u64) -> Tick {
        let now_ms = self.observe(now_ms);
        let status = self.catch_up(now_ms);
        let elapsed_ms = self.elapsed_at(now_ms);
        let cues = if matches!(status, Status::Running | Status::Finished) {
            self.take_cues(elapsed_ms)
        } else {
            Vec::new()
        };
        Tick {
            snapshot: self.snapshot(status, elapsed_ms),
            cues,
        }
    }

    /// Cues due in `[now_ms, now_ms + horizon_ms)` that have not been reported yet, so the
    /// audio layer can schedule them on its own clock. Empty unless running.
    pub fn upcoming_cues(&self, now_ms: u64, horizon_ms: u64) -> Vec<ScheduledCue> {
        if self.status != Status::Running {
            return Vec::new();
        }
        let elapsed_ms = self.elapsed_at(now_ms.max(self.latest_now_ms));
        let horizon_end_ms = elapsed_ms.saturating_add(horizon_ms);
        self.cues[self.next_cue..]
            .iter()
            .skip_while(|cue| cue.at_ms < elapsed_ms)
            .take_while(|cue| cue.at_ms < horizon_end_ms)
            .map(|cue| ScheduledCue {
                cue: cue.clone(),
                delay_ms: cue.at_ms - elapsed_ms,
                epoch: self.epoch,
            })
            .collect()
    }

    /// How long from `now_ms` until the player must look again: [`CUE_CHECK_LEAD_MS`] before
    /// the next cue and at it, the end of the phase, or (while the page is visible) the next
    /// change of the whole second shown; while hidden at most [`HIDDEN_WAKE_MAX_MS`]. `None`
    /// unless running.
    pub fn next_wake_ms(&self, now_ms: u64, page_visible: bool) -> Option<u64> {
        if self.status != Status::Running {
            return None;
        }
        let elapsed_ms = self.elapsed_at(now_ms.max(self.latest_now_ms));
        let phase = &self.plan.phases[self.plan.phase_at(elapsed_ms)?];
        let remaining_in_phase = phase.end_ms() - elapsed_ms;
        let next_cue = self.cues[self.next_cue..]
            .iter()
            .find(|cue| cue.at_ms > elapsed_ms)
            .map_or(u64::MAX, |cue| {
                let check_ms = cue.at_ms.saturating_sub(CUE_CHECK_LEAD_MS);
                if check_ms > elapsed_ms {
                    check_ms - elapsed_ms
                } else {
                    cue.at_ms - elapsed_ms
                }
            });
        let next_look = if page_visible {
            match remaining_in_phase % 1_000 {
                0 => 1_000,
                part => part,
            }
        } else {
            HIDDEN_WAKE_MAX_MS
        };
        Some(next_cue.min(remaining_in_phase).min(next_look).max(1))
    }

    /// Records `now_ms` and returns the time to use: never earlier than any time seen before.
    fn observe(&mut self, now_ms: u64) -> u64 {
        self.latest_now_ms = self.latest_now_ms.max(now_ms);
        self.latest_now_ms
    }

    /// Plan position at `now_ms`, capped at the plan's total.
    fn elapsed_at(&self, now_ms: u64) -> u64 {
        self.uncapped_elapsed_at(now_ms).min(self.plan.total_ms)
    }

    /// Plan position at `now_ms` as if the plan went on for ever.
    fn uncapped_elapsed_at(&self, now_ms: u64) -> u64 {
        if self.status == Status::Running {
            let running_ms = now_ms.saturating_sub(self.running_since_ms);
            self.position_ms.saturating_add(running_ms)
        } else {
            self.position_ms
        }
    }

    /// Finishes the session if running has reached the end; returns the status now. Cues that
    /// were already stale when the end was passed are dropped, all but [`CueKind::Done`].
    fn catch_up(&mut self, now_ms: u64) -> Status {
        let uncapped_ms = self.uncapped_elapsed_at(now_ms);
        if self.status == Status::Running && uncapped_ms >= self.plan.total_ms {
            let fresh_from_ms = uncapped_ms.saturating_sub(STALE_AFTER_MS);
            let stale_end = self.cues.partition_point(|cue| cue.at_ms <= fresh_from_ms);
            let done_index = self.cues.len().saturating_sub(1);
            self.next_cue = self.next_cue.max(stale_end.min(done_index));
            self.settle(now_ms);
            self.status = Status::Finished;
        }
        self.status
    }

    /// Closes the stretch played so far and makes the position at `now_ms` the new base.
    fn settle(&mut self, now_ms: u64) -> u64 {
        let elapsed_ms = self.elapsed_at(now_ms);
        if self.status == Status::Running {
            self.played.push((self.position_ms, elapsed_ms));
            self.running_since_ms = now_ms;
        }
        self.position_ms = elapsed_ms;
        elapsed_ms
    }

    /// Settles a running or paused session at `now_ms` before a jump; returns the current
    /// phase and the position, or `None` if there is nothing to jump from.
    fn settle_for_jump(&mut self, now_ms: u64) -> Option<(usize, u64)> {
        let now_ms = self.observe(now_ms);
        if !matches!(self.catch_up(now_ms), Status::Running | Status::Paused) {
            return None;
        }
        let elapsed_ms = self.settle(now_ms);
        Some((self.plan.phase_at(elapsed_ms)?, elapsed_ms))
    }

    /// Moves to `target_ms` (already settled); cues from there on become live again.
    fn jump_to(&mut self, target_ms: u64) {
        self.position_ms = target_ms.min(self.plan.total_ms);
        self.next_cue = self
            .cues
            .partition_point(|cue| cue.at_ms < self.position_ms);
        self.epoch = self.epoch.wrapping_add(1);
    }

    /// Reports the cues passed by `elapsed_ms`, dropping stale ones, and marks them passed.
    fn take_cues(&mut self, elapsed_ms: u64) -> Vec<Cue> {
        let passed = self.next_cue
            + self.cues[self.next_cue..].partition_point(|cue| cue.at_ms <= elapsed_ms);
        let current_phase = self.plan.phase_at(elapsed_ms);
        let fresh_from_ms = elapsed_ms.saturating_sub(STALE_AFTER_MS);
        let cues = self.cues[self.next_cue..passed]
            .iter()
            .filter(|cue| {
                cue.at_ms > fresh_from_ms
                    || cue.kind == CueKind::Done
                    || (cue.kind.is_phase_entry() && Some(cue.phase_index) == current_phase)
            })
            .cloned()
            .collect();
        self.next_cue = passed;
        cues
    }

    fn snapshot(&self, status: Status, elapsed_ms: u64) -> Snapshot {
        let total_ms = self.plan.total_ms;
        let phase_index = self.plan.phase_at(elapsed_ms);
        let (remaining_ms, phase_progress) = match phase_index {
            Some(index) => {
                let phase = &self.plan.phases[index];
                let into_ms = elapsed_ms - phase.start_ms;
                (
                    phase.duration_ms - into_ms,
                    into_ms as f64 / phase.duration_ms as f64,
                )
            }
            None => (0, 1.0),
        };
        let progress = match total_ms {
            0 if status == Status::Finished => 1.0,
            0 => 0.0,
            _ => elapsed_ms as f64 / total_ms as f64,
        };
        Snapshot {
            status,
            phase_index,
            remaining_ms,
            elapsed_ms,
            progress,
            phase_progress,
        }
    }
}
