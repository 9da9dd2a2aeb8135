//! Single knee-to-chest: a gentle stretch for the lower back and buttock, lying down.

use super::{acsm, nice_ng59, safety_notes, texts};
use crate::routine::{Routine, Step, StepKind};
use crate::side::BodySide;

/// "Single knee-to-chest — 30 s × 2 per side".
pub(super) fn routine() -> Routine {
    Routine {
        id: "knee-to-chest".to_string(),
        name: "Single knee-to-chest — 30 s × 2 per side".to_string(),
        summary: "Lying on your back, draw one knee toward your chest at a time. A gentle \
stretch for the lower back and buttock, often used first thing in the morning."
            .to_string(),
        tags: texts(&["lower back", "buttock", "lying down", "gentle"]),
        sources: vec![acsm(), nice_ng59()],
        safety_notes: safety_notes(&[
            "If you have had a hip replacement, ask your surgeon before bending the hip this \
far.",
            "Pull behind the thigh, not on top of the knee.",
        ]),
        variants: Vec::new(),
        steps: vec![
            Step::new(
                StepKind::Setup,
                "Get into position",
                "Lie on your back on a mat with both knees bent and feet flat.",
                0,
            )
            .with_pose("lying-knees-bent"),
            Step::new(
                StepKind::Hold,
                "Knee to chest",
                "Hold behind the thigh and gently draw the knee toward your chest until you \
feel a stretch in the lower back and buttock. Keep the other foot flat on the mat and your head \
resting down. Breathe slowly.",
                30_000,
            )
            .per_side(BodySide::Right, 10_000)
            .repeated(2, 10_000)
            .with_limb("leg")
            .with_pose("knee-to-chest"),
        ],
        progression: None,
    }
}
