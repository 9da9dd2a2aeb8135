//! The figure-four stretch for the buttock (piriformis), lying on your back.

use super::{acsm, nice_ng59, safety_notes, texts};
use crate::routine::{Routine, Step, StepKind, Variant};
use crate::side::BodySide;

/// "Figure-four (piriformis) stretch — 30 s × 2 per side".
///
/// The default variant (listed first) leaves the supporting foot on the mat, the gentler way;
/// drawing the supporting thigh in is the stronger option.
pub(super) fn routine() -> Routine {
    Routine {
        id: "figure-four".to_string(),
        name: "Figure-four (piriformis) stretch — 30 s × 2 per side".to_string(),
        summary: "Lying on your back, cross one ankle over the other knee to stretch deep in \
the buttock and the outside of the hip."
            .to_string(),
        tags: texts(&["buttock", "hip", "piriformis", "lying down"]),
        sources: vec![acsm(), nice_ng59()],
        safety_notes: safety_notes(&[
            "After a hip replacement, crossing the legs may be off-limits: ask your surgeon \
first.",
            "Stop if you feel pain in the knee of the crossed leg.",
        ]),
        variants: vec![
            Variant {
                id: "foot-down".to_string(),
                name: "Supporting foot on the mat — gentler".to_string(),
                note: "Leave the supporting foot on the mat and let the crossed knee fall gently \
away from you."
                    .to_string(),
            },
            Variant {
                id: "thigh-in".to_string(),
                name: "Supporting thigh drawn in".to_string(),
                note: "Lift the supporting foot, hold behind that thigh and draw it gently \
toward your chest: a stronger stretch."
                    .to_string(),
            },
        ],
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
                "Figure-four hold",
                "Cross the ankle of the side being stretched over the opposite knee, keeping \
that foot flexed. You should feel a stretch deep in the buttock of the crossed leg. Keep your \
head and lower back on the mat, and breathe slowly.",
                30_000,
            )
            .per_side(BodySide::Right, 10_000)
            .repeated(2, 10_000)
            .with_limb("hip")
            .with_pose("figure-four"),
        ],
        progression: None,
    }
}
