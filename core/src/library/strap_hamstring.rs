//! The seed routine: a long strap hamstring stretch, three minutes per leg, right leg first.

use super::{acsm, ayala_2010, bandy_1997, nice_ng59, safety_notes, texts};
use crate::routine::{Routine, Step, StepKind, Variant};
use crate::side::BodySide;

/// "Strap hamstring stretch — 3:00 per leg", from the founding account.
///
/// The default variant (listed first) is "Resting knee bent — gentler": Limber is for people
/// with low back pain, and a bent resting knee keeps the pelvis and lower back from being
/// pulled into a tilt. "Resting leg flat", as in the founding account, is the harder option.
pub(super) fn routine() -> Routine {
    Routine {
        id: "strap-hamstring".to_string(),
        name: "Strap hamstring stretch — 3:00 per leg".to_string(),
        summary: "A long, strong hamstring stretch lying on your back with a strap: three \
minutes on each leg, right leg first, with a minute's rest between. You need a mat and a strap \
(a belt or towel works too)."
            .to_string(),
        tags: texts(&["hamstrings", "lying down", "strap", "long hold"]),
        sources: vec![acsm(), bandy_1997(), ayala_2010(), nice_ng59()],
        safety_notes: safety_notes(&[
            "A strong, uncomfortable pull behind the knee and ankle is expected; sharp pain is \
not.",
            "Keep your stomach muscles braced and your lower back resting on the mat throughout.",
            "Some people feel worse for a few hours after a new stretch. If it keeps getting \
worse, or still hurts the next day, stop and ask your healthcare provider.",
        ]),
        variants: vec![
            Variant {
                id: "knee-bent".to_string(),
                name: "Resting knee bent — gentler".to_string(),
                note: "Keep the resting knee bent with that foot flat on the mat: gentler on \
the pelvis and lower back."
                    .to_string(),
            },
            Variant {
                id: "leg-flat".to_string(),
                name: "Resting leg flat".to_string(),
                note: "Keep the resting leg straight and flat on the mat: harder, a more \
intense stretch."
                    .to_string(),
            },
        ],
        steps: vec![
            Step::new(
                StepKind::Setup,
                "Strap setup",
                "Lie on your back on a mat. Brace your stomach muscles, as if about to cough, \
and keep them braced throughout. Loop the strap around your right foot and raise that leg.",
                20_000,
            )
            .with_pose("strap-setup"),
            Step::new(
                StepKind::Hold,
                "Strap hamstring hold",
                "Hold the strap with the hand on the same side as the raised leg, and use the \
other hand to keep that knee completely straight. A strong pull behind the knee and ankle is \
expected. Keep breathing and keep your stomach braced. Stop if the pain is sharp or shoots down \
the leg.",
                180_000,
            )
            .per_side(BodySide::Right, 60_000)
            .with_limb("leg")
            .with_pose("strap-hold"),
        ],
        progression: None,
    }
}
