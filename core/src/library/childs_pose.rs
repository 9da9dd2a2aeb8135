//! Child's pose: a resting stretch for the back, kneeling and folded forward.

use super::{acsm, nice_ng59, safety_notes, texts};
use crate::routine::{Routine, Step, StepKind, Variant};

/// "Child's pose — 30 s × 3".
///
/// The default variant (listed first) keeps the knees apart, which leaves room for the
/// stomach and is usually easier on the lower back and hips.
pub(super) fn routine() -> Routine {
    Routine {
        id: "childs-pose".to_string(),
        name: "Child's pose — 30 s × 3".to_string(),
        summary: "Kneeling, sit back toward your heels and fold forward with your arms \
stretched out. A calm stretch along the back."
            .to_string(),
        tags: texts(&["back", "hips", "kneeling", "gentle"]),
        sources: vec![acsm(), nice_ng59()],
        safety_notes: safety_notes(&[
            "If your knees complain, put a cushion between your heels and buttocks, or skip \
this one.",
            "Come up slowly at the end, using your hands.",
        ]),
        variants: vec![
            Variant {
                id: "knees-wide".to_string(),
                name: "Knees apart — roomier".to_string(),
                note: "Keep your knees apart, big toes touching, so your stomach can rest \
between your thighs."
                    .to_string(),
            },
            Variant {
                id: "knees-together".to_string(),
                name: "Knees together".to_string(),
                note: "Keep your knees together and rest your stomach on your thighs.".to_string(),
            },
        ],
        steps: vec![
            Step::new(
                StepKind::Setup,
                "Get into position",
                "Kneel on a mat, with a cushion nearby in case your knees or heels need it.",
                0,
            )
            .with_pose("kneeling"),
            Step::new(
                StepKind::Hold,
                "Child's pose",
                "Sit back toward your heels and fold forward, stretching your arms out in front \
and resting your forehead on the mat or a cushion. Let your back lengthen and breathe slowly \
into it.",
                30_000,
            )
            .repeated(3, 10_000)
            .with_pose("childs-pose"),
        ],
        progression: None,
    }
}
