//! The named poses a step can show, as small tables of angles, with their text alternatives.
//! Angles follow [`ANGLE_COUNT`](super::ANGLE_COUNT): lower back, upper back, neck, near arm
//! (2), far arm (2), near leg (3), far leg (3). "{near}" and "{far}" in a description become
//! the side shown and the other side.

use super::{Pose, Rest};

/// A position or movement a step can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoseEntry {
    /// Stable id stored with a step, e.g. "strap-hold".
    pub id: &'static str,
    /// Name in the editor's pose picker, e.g. "Strap hamstring hold".
    pub label: &'static str,
    /// What is drawn when no variant below applies.
    shape: Shape,
    /// Other shapes for a routine's variant ids (the strap stretch's resting leg).
    variants: &'static [(&'static str, Shape)],
}

/// A still position (`from` is `None`) or a movement from `from` to `to`, with its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    from: Option<Pose>,
    to: Pose,
    description: &'static str,
}

impl PoseEntry {
    /// The movement's first pose (if it moves), its final pose and its description for
    /// variant `variant_id`.
    pub(super) fn resolve(&self, variant_id: Option<&str>) -> (Option<&Pose>, &Pose, &str) {
        let shape = self
            .variants
            .iter()
            .find(|(id, _)| Some(*id) == variant_id)
            .map_or(&self.shape, |(_, shape)| shape);
        (shape.from.as_ref(), &shape.to, shape.description)
    }

    /// True when the pose is done on one side, so it is mirrored and emphasised per side.
    pub fn is_sided(&self) -> bool {
        self.shape.description.contains("{near}")
    }

    /// True when the pose is a movement between two positions.
    pub fn moves(&self) -> bool {
        self.shape.from.is_some()
    }
}

const fn on_mat(angles: [i16; 13]) -> Pose {
    Pose {
        angles,
        rest: Rest::Mat,
        strap: false,
    }
}

const fn with_strap(angles: [i16; 13]) -> Pose {
    Pose {
        angles,
        rest: Rest::Mat,
        strap: true,
    }
}

const fn still(to: Pose, description: &'static str) -> Shape {
    Shape {
        from: None,
        to,
        description,
    }
}

const fn moving(from: Pose, to: Pose, description: &'static str) -> Shape {
    Shape {
        from: Some(from),
        to,
        description,
    }
}

/// On the back, knees bent, feet flat, arms by the sides.
const CROOK_LYING: Pose = on_mat([180, 180, 160, 0, 0, 0, 0, 50, -53, 0, 50, -53, 0]);
/// As [`CROOK_LYING`] with the lower back arched off the mat.
const BACK_ARCHED: Pose = on_mat([168, 192, 160, 0, 0, 0, 0, 48, -55, 0, 48, -55, 0]);
/// Strap looped round the near foot, near knee bent; far knee bent.
const STRAP_START_BENT: Pose = with_strap([180, 180, 160, 45, 20, 0, 0, 70, -10, 80, 50, -53, 0]);
/// Strap looped round the near foot, near knee bent; far leg flat.
const STRAP_START_FLAT: Pose = with_strap([180, 180, 160, 45, 20, 0, 0, 70, -10, 80, 0, 0, 80]);
/// Near leg raised straight in the strap, other hand at the knee; far knee bent.
const STRAP_RAISED_BENT: Pose =
    with_strap([180, 180, 160, 60, 40, 35, 25, 80, 80, 170, 50, -53, 0]);
/// Near leg raised straight in the strap, other hand at the knee; far leg flat.
const STRAP_RAISED_FLAT: Pose = with_strap([180, 180, 160, 60, 40, 35, 25, 80, 80, 170, 0, 0, 80]);

/// Every pose a step can show, in the order of the editor's picker.
pub const POSES: &[PoseEntry] = &[
    PoseEntry {
        id: "lying-knees-bent",
        label: "Lying on your back, knees bent",
        shape: still(
            CROOK_LYING,
            "Lying on your back, both knees bent and feet flat on the mat",
        ),
        variants: &[],
    },
    PoseEntry {
        id: "strap-setup",
        label: "Getting into the strap stretch",
        shape: moving(
            STRAP_START_BENT,
            STRAP_RAISED_BENT,
            "Lying on your back, raising the {near} leg with a strap around the foot, {far} knee bent",
        ),
        variants: &[(
            "leg-flat",
            moving(
                STRAP_START_FLAT,
                STRAP_RAISED_FLAT,
                "Lying on your back, raising the {near} leg with a strap around the foot, {far} leg flat on the mat",
            ),
        )],
    },
    PoseEntry {
        id: "strap-hold",
        label: "Strap hamstring hold",
        shape: still(
            STRAP_RAISED_BENT,
            "Lying on your back, {near} leg raised straight with a strap around the foot, {far} knee bent",
        ),
        variants: &[(
            "leg-flat",
            still(
                STRAP_RAISED_FLAT,
                "Lying on your back, {near} leg raised straight with a strap around the foot, {far} leg flat on the mat",
            ),
        )],
    },
    PoseEntry {
        id: "knee-to-chest",
        label: "Knee to chest",
        shape: still(
            on_mat([180, 180, 160, 45, 10, 40, 15, 115, 10, -80, 50, -53, 0]),
            "Lying on your back, {near} knee drawn toward the chest with both hands behind the thigh, {far} foot flat on the mat",
        ),
        variants: &[],
    },
    PoseEntry {
        id: "figure-four",
        label: "Figure-four",
        shape: still(
            on_mat([180, 180, 160, 0, 0, 0, 0, 100, -5, 85, 50, -53, 0]),
            "Lying on your back, {far} knee bent with the foot flat, {near} ankle crossed over the {far} knee",
        ),
        variants: &[],
    },
    PoseEntry {
        id: "half-kneeling",
        label: "Kneeling on one knee",
        shape: still(
            on_mat([90, 90, 88, 265, 280, 268, 285, 270, 180, 180, -3, 270, 0]),
            "Kneeling on the {near} knee, {far} foot flat in front, back upright",
        ),
        variants: &[],
    },
    PoseEntry {
        id: "hip-flexor",
        label: "Kneeling hip-flexor stretch",
        shape: moving(
            on_mat([90, 90, 88, 265, 280, 268, 285, 270, 180, 180, -3, 270, 0]),
            on_mat([92, 90, 88, 265, 280, 268, 285, 250, 180, 180, 0, 271, 0]),
            "Kneeling on the {near} knee, {far} foot flat in front, back upright, shifting the hips gently forward",
        ),
        variants: &[],
    },
    PoseEntry {
        id: "hands-and-knees",
        label: "On hands and knees",
        shape: still(
            on_mat([9, 9, 5, 270, 270, 270, 270, 270, 180, 180, 270, 180, 180]),
            "On hands and knees, back flat, hands under the shoulders and knees under the hips",
        ),
        variants: &[],
    },
    PoseEntry {
        id: "cat-cow",
        label: "Cat–cow",
        shape: moving(
            on_mat([35, -12, -50, 272, 272, 272, 272, 270, 180, 180, 270, 180, 180]),
            on_mat([-15, 30, 30, 272, 272, 272, 272, 270, 180, 180, 270, 180, 180]),
            "On hands and knees, slowly rounding the back up toward the ceiling, then letting the stomach sink and lifting the head",
        ),
        variants: &[],
    },
    PoseEntry {
        id: "kneeling",
        label: "Kneeling upright",
        shape: still(
            on_mat([90, 90, 88, 268, 272, 266, 275, 270, 180, 180, 270, 180, 180]),
            "Kneeling upright on the mat, arms by the sides",
        ),
        variants: &[],
    },
    PoseEntry {
        id: "childs-pose",
        label: "Child's pose",
        shape: still(
            on_mat([15, -15, 0, -8, 0, -6, 0, -10, 180, 180, -10, 180, 180]),
            "Sitting back toward the heels, folded forward with the arms stretched out in front and the forehead on the mat",
        ),
        variants: &[],
    },
    PoseEntry {
        id: "pelvic-tilt",
        label: "Pelvic tilt",
        shape: moving(
            BACK_ARCHED,
            CROOK_LYING,
            "Lying on your back, knees bent, gently tilting the pelvis so the lower back presses flat against the mat",
        ),
        variants: &[],
    },
    PoseEntry {
        id: "legs-up-wall",
        label: "Legs up the wall",
        shape: still(
            Pose {
                angles: [180, 180, 160, 0, 0, 0, 0, 90, 90, 170, 90, 90, 170],
                rest: Rest::Wall,
                strap: false,
            },
            "Lying on your back, legs raised straight and resting against a wall",
        ),
        variants: &[],
    },
];
