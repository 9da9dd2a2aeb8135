//! The routines on the clinician summary: how often each was used, and what it asks — its
//! steps in words, its growing hold, and the sources it rests on.

use crate::duration::format_countdown;
use crate::library::find_builtin;
use crate::log::{CivilDate, SessionRecord};
use crate::routine::{progression_today, Routine, Sides, Source, Step, StepKind};
use crate::store::Document;

/// One routine used in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineUsed {
    /// The routine's id.
    pub routine_id: String,
    /// Its name (from the last session if the routine no longer exists).
    pub name: String,
    /// Sessions of it in the period.
    pub sessions: u32,
    /// Of those, played to the end.
    pub completed_sessions: u32,
    /// The day it was last started.
    pub last_used: CivilDate,
    /// Names of the variants chosen, in the order first used.
    pub variants: Vec<String>,
    /// False when the routine has since been deleted: steps and sources are then unknown.
    pub found: bool,
    /// Its steps, in order.
    pub steps: Vec<StepLine>,
    /// Its growing hold today, e.g. "Target today: 1:10 (growing 10 s per session to 3:00)".
    pub progression: Option<String>,
    /// The sources it cites.
    pub sources: Vec<Source>,
}

/// One step of a routine, as data and in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLine {
    /// The step's name.
    pub name: String,
    /// Setup, hold, rest or movement.
    pub kind: StepKind,
    /// One repetition on one side, in milliseconds.
    pub duration_ms: u64,
    /// Repetitions.
    pub repetitions: u32,
    /// The side(s).
    pub sides: Sides,
    /// The pose of the step's picture, if it has one (see [`crate::pose::figure`]).
    pub pose: Option<String>,
    /// The step in words: "Strap hamstring hold: hold 3:00 per leg, right first, 1:00 rest
    /// between sides".
    pub text: String,
}

/// The routines of `sessions`, most used first (then by name).
pub(super) fn used(
    document: &Document,
    sessions: &[&SessionRecord],
    today: CivilDate,
) -> Vec<RoutineUsed> {
    let mut used: Vec<(RoutineUsed, Option<Routine>)> = Vec::new();
    for session in sessions {
        let index = match used
            .iter()
            .position(|(u, _)| u.routine_id == session.routine_id)
        {
            Some(index) => index,
            None => {
                let routine = find(document, &session.routine_id);
                used.push((
                    describe(document, session, routine.as_ref(), today),
                    routine,
                ));
                used.len() - 1
            }
        };
        let (entry, routine) = &mut used[index];
        entry.sessions += 1;
        entry.completed_sessions += u32::from(session.completed);
        let date = session.started.local_date();
        if date >= entry.last_used {
            entry.last_used = date;
            if routine.is_none() {
                entry.name.clone_from(&session.routine_name);
            }
        }
        let variant = routine
            .as_ref()
            .zip(session.variant_id.as_deref())
            .and_then(|(routine, id)| routine.variant(id));
        if let Some(variant) = variant {
            if !entry.variants.contains(&variant.name) {
                entry.variants.push(variant.name.clone());
            }
        }
    }
    let mut used: Vec<RoutineUsed> = used.into_iter().map(|(entry, _)| entry).collect();
    used.sort_by(|a, b| {
        b.sessions
            .cmp(&a.sessions)
            .then_with(|| a.name.cmp(&b.name))
    });
    used
}

/// The user's routine with this id, else the built-in one.
fn find(document: &Document, id: &str) -> Option<Routine> {
    document
        .custom_routines
        .iter()
        .find(|routine| routine.id == id)
        .cloned()
        .or_else(|| find_builtin(id))
}

/// A routine's entry before its sessions are counted.
fn describe(
    document: &Document,
    session: &SessionRecord,
    routine: Option<&Routine>,
    today: CivilDate,
) -> RoutineUsed {
    let sessions = document.log.sessions();
    RoutineUsed {
        routine_id: session.routine_id.clone(),
        name: routine.map_or_else(|| session.routine_name.clone(), |r| r.name.clone()),
        sessions: 0,
        completed_sessions: 0,
        last_used: session.started.local_date(),
        variants: Vec::new(),
        found: routine.is_some(),
        steps: routine.map_or_else(Vec::new, |r| r.steps.iter().map(step_line).collect()),
        progression: routine
            .and_then(|r| progression_today(r, sessions, today))
            .map(|today| today.describe()),
        sources: routine.map_or_else(Vec::new, |r| r.sources.clone()),
    }
}

/// A step as data and words.
fn step_line(step: &Step) -> StepLine {
    let length = format_countdown(step.duration_ms);
    let mut text = match step.kind {
        StepKind::Setup if step.is_untimed() => format!("{}: get into position", step.name),
        StepKind::Setup => format!("{}: get into position, {length}", step.name),
        StepKind::Hold => format!("{}: hold {length}", step.name),
        StepKind::Rest => format!("{}: rest {length}", step.name),
        StepKind::Move => format!("{}: move slowly for {length}", step.name),
    };
    match step.sides {
        Sides::None => {}
        Sides::Left | Sides::Right => {
            let side = if step.sides == Sides::Left {
                "left"
            } else {
                "right"
            };
            text.push_str(&format!(" on the {side} {}", step.limb));
        }
        Sides::Both {
            first,
            rest_between_ms,
        } => {
            text.push_str(&format!(" per {}, {} first", step.limb, first.name()));
            if rest_between_ms > 0 {
                let rest = format_countdown(rest_between_ms);
                text.push_str(&format!(", {rest} rest between sides"));
            }
        }
    }
    if step.repetitions > 1 {
        text.push_str(&format!(", {} times", step.repetitions));
        if step.rest_between_reps_ms > 0 {
            let rest = format_countdown(step.rest_between_reps_ms);
            text.push_str(&format!(" with {rest} rest between"));
        }
    }
    StepLine {
        name: step.name.clone(),
        kind: step.kind,
        duration_ms: step.duration_ms,
        repetitions: step.repetitions,
        sides: step.sides,
        pose: step.pose.clone(),
        text,
    }
}
