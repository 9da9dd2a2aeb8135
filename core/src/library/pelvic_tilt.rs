//! Supine pelvic tilts: short, gentle holds that flatten the lower back against the mat.

use super::{acsm, nice_ng59, safety_notes, texts};
use crate::routine::{Routine, Step, StepKind};

/// "Supine pelvic tilt — 5 s × 10".
pub(super) fn routine() -> Routine {
    Routine {
        id: "pelvic-tilt".to_string(),
        name: "Supine pelvic tilt — 5 s × 10".to_string(),
        summary: "Lying on your back, gently tilt your pelvis to flatten your lower back \
against the mat, hold briefly and release. A small, gentle movement to start with."
            .to_string(),
        tags: texts(&["lower back", "pelvis", "lying down", "gentle"]),
        sources: vec![acsm(), nice_ng59()],
        safety_notes: safety_notes(&[
            "Keep breathing during each hold; do not hold your breath.",
            "The movement is small: your buttocks stay on the mat.",
        ]),
        variants: Vec::new(),
        steps: vec![
            Step::new(
                StepKind::Setup,
                "Get into position",
                "Lie on your back on a mat with both knees bent and feet flat, arms by your \
sides.",
                0,
            )
            .with_pose("lying-knees-bent"),
            Step::new(
                StepKind::Hold,
                "Pelvic tilt",
                "Tighten your stomach muscles and gently tilt your pelvis so your lower back \
presses flat against the mat. Keep breathing.",
                5_000,
            )
            .repeated(10, 5_000)
            .with_pose("pelvic-tilt"),
        ],
        progression: None,
    }
}
