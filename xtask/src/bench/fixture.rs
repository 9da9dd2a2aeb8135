//! The bench's own routines and the cue times the core plans for them, written as JSON for
//! the browser part (`tests/e2e/bench/`): a short routine whose earcons are checked against the
//! audio clock, and one long hold for the CPU figures. Built with `limber-core` itself, so the
//! stored shape and the planned times are exactly the app's.

use std::path::Path;

use limber_core::cue::{schedule, CueOptions};
use limber_core::earcon::{earcon, Waveform};
use limber_core::plan::{Plan, PlanOptions};
use limber_core::routine::{Routine, Sides, Step, StepKind};
use limber_core::settings::Settings;
use limber_core::side::BodySide;
use serde_json::{json, Value};

/// Id of the short routine whose cues are timed.
const CUE_ROUTINE_ID: &str = "bench-cues";
/// Id of the routine with one long hold.
const HOLD_ROUTINE_ID: &str = "bench-hold";
/// Length of the long hold: room for a lead-in, 60 s visible and 60 s hidden.
const LONG_HOLD_MS: u64 = 180_000;
/// Id of the routine of the hands-free run (visible and hidden tabs).
const HANDS_FREE_ROUTINE_ID: &str = "bench-hands-free";
/// Its holds: long enough that most cues fall after Chrome's 60 s grace for hidden pages.
const HANDS_FREE_HOLD_MS: u64 = 90_000;

/// Writes the fixture to `path`.
pub fn write(path: &Path) -> Result<(), String> {
    let text = serde_json::to_string_pretty(&fixture()?).map_err(|error| error.to_string())?;
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// Settings (welcome read, everything else default), both routines, and the planned cues of
/// the short one with the first note of each cue's earcon.
fn fixture() -> Result<Value, String> {
    let settings = Settings {
        welcome_seen: true,
        ..Settings::default()
    };
    let cue_routine = routine(
        CUE_ROUTINE_ID,
        "Bench: cue timing",
        Step {
            sides: Sides::Both {
                first: BodySide::Right,
                rest_between_ms: 10_000,
            },
            ..step(StepKind::Hold, 12_000)
        },
    );
    let hold_routine = routine(
        HOLD_ROUTINE_ID,
        "Bench: one long hold",
        step(StepKind::Hold, LONG_HOLD_MS),
    );
    let hands_free_routine = routine(
        HANDS_FREE_ROUTINE_ID,
        "Bench: hands-free",
        Step {
            sides: Sides::Both {
                first: BodySide::Right,
                rest_between_ms: 30_000,
            },
            ..step(StepKind::Hold, HANDS_FREE_HOLD_MS)
        },
    );
    let (plan, planned_cues) = planned(&cue_routine, &settings)?;
    let (hands_free_plan, hands_free_cues) = planned(&hands_free_routine, &settings)?;
    Ok(json!({
        "settings": settings,
        "custom_routines": [cue_routine, hold_routine, hands_free_routine],
        "cue_routine": { "id": CUE_ROUTINE_ID, "name": cue_routine.name, "total_ms": plan.total_ms },
        "hold_routine": { "id": HOLD_ROUTINE_ID, "name": hold_routine.name, "hold_ms": LONG_HOLD_MS },
        "planned_cues": planned_cues,
        "hands_free_routine": {
            "id": HANDS_FREE_ROUTINE_ID,
            "name": hands_free_routine.name,
            "total_ms": hands_free_plan.total_ms,
        },
        "hands_free_cues": hands_free_cues,
    }))
}

/// The plan of `routine` with the settings' lead-in, and its cues with the first note of each
/// cue's earcon and its words.
fn planned(routine: &Routine, settings: &Settings) -> Result<(Plan, Vec<Value>), String> {
    let plan = Plan::from_routine(
        routine,
        &PlanOptions {
            variant_id: None,
            lead_in_ms: u64::from(settings.lead_in_seconds) * 1_000,
        },
    );
    let cues = schedule(&plan, CueOptions::from_settings(settings))
        .iter()
        .map(|cue| {
            let first = earcon(cue.kind)
                .first()
                .ok_or_else(|| format!("the {:?} cue has no earcon", cue.kind))?;
            Ok(json!({
                "at_ms": cue.at_ms,
                "kind": format!("{:?}", cue.kind),
                "frequency_hz": first.frequency_hz,
                "waveform": match first.waveform {
                    Waveform::Sine => "sine",
                    Waveform::Triangle => "triangle",
                },
                "words": cue.words,
            }))
        })
        .collect::<Result<Vec<Value>, String>>()?;
    Ok((plan, cues))
}

fn routine(id: &str, name: &str, step: Step) -> Routine {
    Routine {
        id: id.into(),
        name: name.into(),
        summary: "Made by `cargo xtask bench`.".into(),
        tags: Vec::new(),
        sources: Vec::new(),
        safety_notes: Vec::new(),
        variants: Vec::new(),
        steps: vec![step],
        progression: None,
    }
}

fn step(kind: StepKind, duration_ms: u64) -> Step {
    Step {
        name: "Bench hold".into(),
        instructions: "Hold.".into(),
        kind,
        duration_ms,
        repetitions: 1,
        rest_between_reps_ms: 0,
        sides: Sides::None,
        limb: "leg".into(),
        pose: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routines_are_valid_and_cues_start_at_zero() {
        let fixture = fixture().unwrap();
        let routines: Vec<Routine> =
            serde_json::from_value(fixture["custom_routines"].clone()).unwrap();
        assert!(routines.iter().all(|routine| routine.validate().is_ok()));
        let cues = fixture["planned_cues"].as_array().unwrap();
        assert_eq!(cues[0]["at_ms"], 0);
        assert!(cues.len() >= 8, "lead-in, hold, ticks, rest, switch, done");
    }
}
