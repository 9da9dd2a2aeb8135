//! Shorter hamstring holds, repeated, following the ACSM's 10–30 s guidance.

use super::{acsm, ayala_2010, bandy_1997, nice_ng59, safety_notes, texts};
use crate::routine::{Routine, Step, StepKind};
use crate::side::BodySide;

/// "Short-hold hamstring — 30 s × 3 per side (ACSM)": 90 s per leg, legs alternating.
pub(super) fn routine() -> Routine {
    Routine {
        id: "short-hold-hamstring".to_string(),
        name: "Short-hold hamstring — 30 s × 3 per side (ACSM)".to_string(),
        summary: "Three 30-second strap hamstring stretches on each leg, alternating legs. \
Gentler than the three-minute hold, and in line with the usual guidance for adults."
            .to_string(),
        tags: texts(&["hamstrings", "lying down", "strap", "short holds"]),
        sources: vec![acsm(), bandy_1997(), ayala_2010(), nice_ng59()],
        safety_notes: safety_notes(&[
            "Keep the other knee bent with the foot flat on the mat, and your lower back \
resting on the mat.",
        ]),
        variants: Vec::new(),
        steps: vec![
            Step::new(
                StepKind::Setup,
                "Get into position",
                "Lie on your back on a mat with both knees bent and feet flat. Brace your \
stomach muscles gently. Have a strap, belt or towel ready.",
                0,
            )
            .with_pose("lying-knees-bent"),
            Step::new(
                StepKind::Hold,
                "Strap hamstring hold",
                "Loop the strap around the foot and raise the leg until you feel a stretch \
behind the thigh: tightness or mild discomfort, not pain. Keep the knee straight, or only \
slightly bent. Breathe slowly.",
                30_000,
            )
            .per_side(BodySide::Right, 10_000)
            .repeated(3, 15_000)
            .with_limb("leg")
            .with_pose("strap-hold"),
        ],
        progression: None,
    }
}
