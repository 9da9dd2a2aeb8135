//! The kneeling hip-flexor stretch, for the front of the hip.

use super::{acsm, nice_ng59, safety_notes, texts};
use crate::routine::{Routine, Step, StepKind};
use crate::side::BodySide;

/// "Kneeling hip-flexor stretch — 30 s × 2 per side".
pub(super) fn routine() -> Routine {
    Routine {
        id: "kneeling-hip-flexor".to_string(),
        name: "Kneeling hip-flexor stretch — 30 s × 2 per side".to_string(),
        summary: "Half-kneeling, tuck the pelvis under to stretch the front of the hip of the \
kneeling leg. Useful after long hours of sitting."
            .to_string(),
        tags: texts(&["hip flexors", "front of hip", "kneeling"]),
        sources: vec![acsm(), nice_ng59()],
        safety_notes: safety_notes(&[
            "Pad the kneeling knee with a cushion or folded mat; skip this one if kneeling \
hurts your knee.",
            "Do not arch your lower back: the stretch comes from tucking the pelvis under, not \
from leaning.",
            "Hold on to a chair or wall if your balance is unsure.",
        ]),
        variants: Vec::new(),
        steps: vec![
            Step::new(
                StepKind::Setup,
                "Get into position",
                "Put a cushion or folded mat under your knee. Kneel on one knee with the other \
foot flat in front of you, both knees at about right angles. Have a chair or wall within reach.",
                0,
            )
            .with_pose("half-kneeling"),
            Step::new(
                StepKind::Hold,
                "Hip-flexor hold",
                "Kneel on the knee of the side being stretched. Tuck your tailbone under and \
squeeze that buttock, then shift your weight gently forward until you feel a stretch at the \
front of the hip. Keep your back upright and breathe.",
                30_000,
            )
            .per_side(BodySide::Right, 10_000)
            .repeated(2, 10_000)
            .with_limb("hip")
            .with_pose("hip-flexor"),
        ],
        progression: None,
    }
}
