//! The running session kept in storage, so a routine survives its tab: a reload, a tab the
//! phone killed, or the browser's Back. It holds the routine, the variant, the lead-in, when
//! the routine started, and a [`Checkpoint`] stamped with the wall clock. Reopened, it says
//! where the deadlines put the routine now: still under way (offer to resume there), or over
//! (record it as a partial session with the time held up to the last checkpoint).

use serde::{Deserialize, Serialize};

use crate::duration::format_countdown;
use crate::log::{HeldRecord, SessionRecord, Timestamp};
use crate::plan::{Phase, PhaseKind, Plan, PlanOptions};
use crate::routine::Routine;
use crate::session::{held_times, Checkpoint, HeldTime, Status};

/// A routine under way, as stored on every control action and phase change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunningSession {
    /// The routine's id.
    pub routine_id: String,
    /// The variant played, if the routine has variants.
    pub variant_id: Option<String>,
    /// The lead-in the plan was made with, in milliseconds.
    pub lead_in_ms: u64,
    /// When the routine started.
    pub started: Timestamp,
    /// Wall-clock time of the checkpoint.
    pub saved: Timestamp,
    /// Where the session was at `saved`.
    pub checkpoint: Checkpoint,
}

/// What reopening a stored running session finds.
#[derive(Debug, Clone, PartialEq)]
pub enum Reopened {
    /// The routine would still be under way: resume it paused at `position_ms`.
    Resume {
        /// Plan position the deadlines give now (the checkpoint's, if it was paused).
        position_ms: u64,
        /// Stretches played, counting the time since the checkpoint if it was running.
        played: Vec<(u64, u64)>,
        /// The offer to show: "Resume — 1:12 left on the left leg".
        offer: String,
    },
    /// The routine would be over: it ended while Limber was closed.
    Ended {
        /// Time held up to the last checkpoint.
        held: Vec<HeldTime>,
    },
}

impl RunningSession {
    /// The plan this session plays, made again from its routine.
    pub fn plan(&self, routine: &Routine) -> Plan {
        Plan::from_routine(
            routine,
            &PlanOptions {
                variant_id: self.variant_id.clone(),
                lead_in_ms: self.lead_in_ms,
            },
        )
    }

    /// Where the session is at wall-clock `now_utc_ms`, by its deadlines; `None` if the
    /// checkpoint is of a session not under way or does not fit the plan.
    pub fn reopen(&self, plan: &Plan, now_utc_ms: i64) -> Option<Reopened> {
        let checkpoint = &self.checkpoint;
        if checkpoint.position_ms > plan.total_ms {
            return None;
        }
        let since_saved_ms = u64::try_from(now_utc_ms - self.saved.utc_ms).unwrap_or(0);
        let position_ms = match checkpoint.status {
            Status::Running => checkpoint.position_ms.saturating_add(since_saved_ms),
            Status::Paused => checkpoint.position_ms,
            Status::Idle | Status::Finished | Status::Stopped => return None,
        };
        if position_ms >= plan.total_ms {
            return Some(Reopened::Ended {
                held: held_times(plan, &checkpoint.played),
            });
        }
        let mut played = checkpoint.played.clone();
        if position_ms > checkpoint.position_ms {
            played.push((checkpoint.position_ms, position_ms));
        }
        let phase = &plan.phases[plan.phase_at(position_ms)?];
        Some(Reopened::Resume {
            position_ms,
            played,
            offer: resume_offer(phase, phase.end_ms() - position_ms),
        })
    }
}

/// "Resume — 1:12 left on the left leg", "Resume — 0:40 left of the rest".
pub fn resume_offer(phase: &Phase, remaining_ms: u64) -> String {
    let left = format_countdown(remaining_ms);
    let place = match (phase.side, phase.kind) {
        (Some(side), _) if !phase.limb.is_empty() => {
            format!("on the {} {}", side.name(), phase.limb)
        }
        (_, PhaseKind::Rest) => "of the rest".to_string(),
        (_, PhaseKind::LeadIn) => "of the lead-in".to_string(),
        _ => format!("of {}", phase.step_name),
    };
    format!("Resume — {left} left {place}")
}

/// The record of a session: which routine, when, whether it was played to the end, and the
/// time held per step and side (whole seconds).
pub fn session_record(
    id: String,
    routine: &Routine,
    variant_id: Option<String>,
    (started, ended): (Timestamp, Timestamp),
    completed: bool,
    held: &[HeldTime],
) -> SessionRecord {
    SessionRecord {
        id,
        routine_id: routine.id.clone(),
        routine_name: routine.name.clone(),
        variant_id,
        started,
        ended,
        completed,
        held: held
            .iter()
            .map(|time| HeldRecord {
                step_index: time.step_index,
                step_name: routine
                    .steps
                    .get(time.step_index)
                    .map(|step| step.name.clone())
                    .unwrap_or_default(),
                side: time.side,
                seconds: (time.ms / 1_000) as u32,
            })
            .collect(),
        updated_ms: ended.utc_ms,
    }
}
