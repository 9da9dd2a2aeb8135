//! Cat–cow: slow rounding and arching of the back on hands and knees.

use super::{acsm, nice_ng59, safety_notes, texts};
use crate::routine::{Routine, Step, StepKind};

/// "Cat–cow — 2 × 1:00 of slow movement".
pub(super) fn routine() -> Routine {
    Routine {
        id: "cat-cow".to_string(),
        name: "Cat–cow — 2 × 1:00 of slow movement".to_string(),
        summary: "On hands and knees, slowly round and then gently arch your back in time with \
your breathing. A mobility exercise rather than a held stretch."
            .to_string(),
        tags: texts(&["spine", "mobility", "hands and knees", "gentle"]),
        sources: vec![acsm(), nice_ng59()],
        safety_notes: safety_notes(&[
            "Move only within a comfortable range; make the arch smaller if it pinches your \
lower back.",
            "Pad your knees; if your wrists hurt, rest on your fists or forearms.",
        ]),
        variants: Vec::new(),
        steps: vec![
            Step::new(
                StepKind::Setup,
                "Get into position",
                "Get onto your hands and knees on a mat: hands under your shoulders, knees \
under your hips, back flat.",
                0,
            )
            .with_pose("hands-and-knees"),
            Step::new(
                StepKind::Move,
                "Cat–cow",
                "Breathing out, slowly round your back up toward the ceiling and let your head \
drop. Breathing in, let your stomach sink gently and lift your head and tailbone a little. About \
one movement per breath.",
                60_000,
            )
            .repeated(2, 15_000)
            .with_pose("cat-cow"),
        ],
        progression: None,
    }
}
