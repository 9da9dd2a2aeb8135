//! The routine under way, kept in storage (`limber:running-session`, apart from the document)
//! on every control action and phase change, and what Limber does with it when it opens again:
//! offer to resume where the deadlines put it, or record it as a partial session.

use leptos::prelude::*;
use limber_core::duration::format_clock;
use limber_core::log::{new_id, Timestamp};
use limber_core::routine::{routine_for_today, Routine};
use limber_core::running_session::{session_record, Reopened, RunningSession};
use limber_core::session::{Checkpoint, Status};

use crate::browser::clock::wall_clock_now;
use crate::browser::random::random_bits;
use crate::browser::storage::{keys, LocalStore, StorageError};
use crate::state::{AppStore, StoreError};

/// Keeps the routine under way.
pub fn save(running: &RunningSession) -> Result<(), StorageError> {
    let text =
        serde_json::to_string(running).map_err(|error| StorageError::Failed(error.to_string()))?;
    LocalStore::open()?.set(keys::RUNNING_SESSION, &text)
}

/// Forgets the routine under way (it finished, was stopped or recorded).
pub fn clear() {
    if let Ok(store) = LocalStore::open() {
        // Nothing to do if it cannot be removed: reopening it finds it over or unfitting.
        let _ = store.remove(keys::RUNNING_SESSION);
    }
}

fn load() -> Option<RunningSession> {
    let text = LocalStore::open().ok()?.get(keys::RUNNING_SESSION).ok()??;
    serde_json::from_str(&text).ok()
}

/// Where to pick a routine up again.
#[derive(Debug, Clone)]
pub struct ResumePoint {
    /// The routine's id.
    pub routine_id: String,
    /// The variant it played.
    pub variant_id: Option<String>,
    /// The lead-in its plan was made with.
    pub lead_in_ms: u64,
    /// When it started.
    pub started: Timestamp,
    /// The position and the time played: a paused checkpoint.
    pub checkpoint: Checkpoint,
    /// "Resume — 1:12 left on the left leg".
    pub offer: String,
}

/// What opening Limber found of a routine left under way.
#[derive(Debug, Clone)]
pub enum LeftRunning {
    /// It would still be under way: it is now kept paused at the point the deadlines give.
    Resume(ResumePoint),
    /// It ended while Limber was closed and has been recorded; the sentence says so.
    Recorded(String),
}

/// The routine to play, as the player plays it today (a growing hold at today's target).
pub fn routine_as_played(store: &AppStore, id: &str) -> Option<Routine> {
    let routine = store.find_routine(id)?;
    let today = wall_clock_now().local_date();
    Some(
        store.document.with_untracked(|document| {
            routine_for_today(&routine, document.log.sessions(), today).0
        }),
    )
}

/// Reads the stored routine under way and settles it: a routine that would still be running is
/// paused where its deadlines put it now (and kept so); one that would be over is recorded as a
/// partial session with the time held up to its last checkpoint.
pub fn reopen(store: &AppStore) -> Option<LeftRunning> {
    let running = load()?;
    let now = wall_clock_now();
    let routine = routine_as_played(store, &running.routine_id);
    let reopened = routine
        .as_ref()
        .and_then(|routine| running.reopen(&running.plan(routine), now.utc_ms));
    match (reopened, routine) {
        (
            Some(Reopened::Resume {
                position_ms,
                played,
                offer,
            }),
            Some(_),
        ) => {
            let checkpoint = Checkpoint {
                status: Status::Paused,
                position_ms,
                played,
            };
            let paused = RunningSession {
                saved: now,
                checkpoint: checkpoint.clone(),
                ..running.clone()
            };
            // Not kept: the offer still stands for this visit.
            let _ = save(&paused);
            Some(LeftRunning::Resume(ResumePoint {
                routine_id: running.routine_id,
                variant_id: running.variant_id,
                lead_in_ms: running.lead_in_ms,
                started: running.started,
                checkpoint,
                offer,
            }))
        }
        (Some(Reopened::Ended { held }), Some(routine)) => {
            let seconds: u64 = held.iter().map(|time| time.ms / 1_000).sum();
            let id = new_id(now.utc_ms, random_bits());
            let ended = running.saved;
            let record = session_record(
                id,
                &routine,
                running.variant_id.clone(),
                (running.started, ended),
                false,
                &held,
            );
            // Kept in memory but not stored still counts as recorded; the banner says why.
            let saved = matches!(
                store.record_session(record),
                Ok(()) | Err(StoreError::NotSaved(_))
            );
            clear();
            Some(LeftRunning::Recorded(if saved {
                format!(
                    "{} ended while Limber was closed: saved as a partial session, {} held.",
                    routine.name,
                    format_clock(seconds)
                )
            } else {
                format!(
                    "{} ended while Limber was closed; it could not be saved.",
                    routine.name
                )
            }))
        }
        _ => {
            clear();
            None
        }
    }
}
