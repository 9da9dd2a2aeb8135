//! What a session keeps to go on elsewhere (after a reload or a killed tab): a [`Checkpoint`]
//! of its position and the plan time it played, the time held per step and side, and a
//! session brought back paused at a checkpoint.

use serde::{Deserialize, Serialize};

use super::{Session, Status};
use crate::cue::CueOptions;
use crate::plan::Plan;
use crate::side::BodySide;

/// Time actually spent holding (or moving, for movement steps) one step on one side, for the
/// session record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldTime {
    /// The routine step.
    pub step_index: usize,
    /// The side, or `None` for an unsided step.
    pub side: Option<BodySide>,
    /// Milliseconds held (repeated time counts again, skipped time does not).
    pub ms: u64,
}

/// What a session needs to go on in another page (after a reload or a killed tab): where it
/// was at one moment, and the stretches of plan time played up to then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Running or paused (a checkpoint of a session not under way means nothing to resume).
    pub status: Status,
    /// Plan position at the moment of the checkpoint, in milliseconds.
    pub position_ms: u64,
    /// Stretches of plan time played up to then, `(from_ms, to_ms)`.
    pub played: Vec<(u64, u64)>,
}

impl Session {
    /// Time actually held (or moved) per step and side up to `now_ms`, in plan order;
    /// entries with no time held are left out.
    pub fn held(&self, now_ms: u64) -> Vec<HeldTime> {
        let now_ms = now_ms.max(self.latest_now_ms);
        let mut played = self.played.clone();
        if self.status == Status::Running {
            played.push((self.position_ms, self.elapsed_at(now_ms)));
        }
        held_times(&self.plan, &played)
    }

    /// The session's position and what it played, as of `now_ms`, to keep in storage.
    pub fn checkpoint(&self, now_ms: u64) -> Checkpoint {
        let now_ms = now_ms.max(self.latest_now_ms);
        let position_ms = self.elapsed_at(now_ms);
        let mut played = self.played.clone();
        if self.status == Status::Running && position_ms > self.position_ms {
            played.push((self.position_ms, position_ms));
        }
        Checkpoint {
            status: self.status,
            position_ms,
            played,
        }
    }

    /// A session paused at `position_ms` that has already played `played`, as brought back
    /// from a checkpoint. Cues before the position are passed: resuming announces only the cues
    /// from there on, never a burst of old ones.
    pub fn paused_at(
        plan: Plan,
        cue_options: CueOptions,
        position_ms: u64,
        played: Vec<(u64, u64)>,
    ) -> Self {
        let mut session = Self::new(plan, cue_options);
        session.status = Status::Paused;
        session.jump_to(position_ms);
        session.played = played;
        session
    }
}

/// Time held (or moved) per step and side in the stretches of plan time `played`, in plan
/// order; entries with no time held are left out.
pub fn held_times(plan: &Plan, played: &[(u64, u64)]) -> Vec<HeldTime> {
    let mut held: Vec<HeldTime> = Vec::new();
    for phase in &plan.phases {
        let Some(step_index) = phase.step_index else {
            continue;
        };
        if !phase.kind.is_work() {
            continue;
        }
        let ms: u64 = played
            .iter()
            .map(|&(from, to)| {
                to.min(phase.end_ms())
                    .saturating_sub(from.max(phase.start_ms))
            })
            .sum();
        if ms == 0 {
            continue;
        }
        match held
            .iter_mut()
            .find(|entry| entry.step_index == step_index && entry.side == phase.side)
        {
            Some(entry) => entry.ms += ms,
            None => held.push(HeldTime {
                step_index,
                side: phase.side,
                ms,
            }),
        }
    }
    held
}
