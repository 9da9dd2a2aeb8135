//! Pictures of positions, drawn from data: a small side-view skeleton (head, a trunk in two
//! parts, upper and lower arms, thighs, shins, feet) posed by the direction of each body part.
//!
//! A [`Pose`] is a set of angles plus where the body rests (a mat, or a mat against a wall).
//! [`Body`] turns a pose into 2-D points (forward kinematics), rests it on the floor line and
//! centres it, so a pose for the left side is exactly the mirror image of the same pose for
//! the right. A step names its picture by a pose id ([`POSES`]); [`figure`] gives the frames
//! to draw — one for a still position, several for a movement, its angles interpolated — and
//! a text alternative. Poses are written for the right side ("near" limbs are the ones
//! nearest the viewer, drawn emphasised); the left side is the mirror image.

mod body;
mod catalogue;
mod picker;
mod svg;

pub use body::{
    Body, Point, HEAD_RADIUS, LIMB_HALF_WIDTH, SEGMENT_LENGTHS, VIEW_HALF_WIDTH, VIEW_HEIGHT,
};
pub use catalogue::{PoseEntry, POSES};
pub use picker::pose_options;
pub use svg::figure_svg;

use crate::side::BodySide;

/// Where a body rests: the floor line is always drawn as a mat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rest {
    /// On a mat on the floor.
    Mat,
    /// On a mat, with a wall at the feet' side (legs up the wall).
    Wall,
}

/// How many angles a pose has, in this order: lower back (hip → waist), upper back (waist →
/// shoulders), neck (shoulders → head); near arm: upper, lower; far arm: upper, lower; near
/// leg: thigh, shin, foot; far leg: thigh, shin, foot.
pub const ANGLE_COUNT: usize = 13;

/// One position. Angles are in whole degrees, the direction each body part points from the
/// joint it hangs on: 0 toward the right of the picture, 90 straight up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pose {
    /// The direction of every body part, in the order of [`ANGLE_COUNT`].
    pub angles: [i16; ANGLE_COUNT],
    /// Where the body rests.
    pub rest: Rest,
    /// True when a strap runs from the near hand to the near foot.
    pub strap: bool,
}

/// What to draw for one step on one side.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The frames: one for a still position; for a movement, the way from its first pose to
    /// its second, eased at both ends (played forward, then back).
    pub frames: Vec<Body>,
    /// The side shown emphasised, for a pose done on one side; `None` for a symmetric one.
    pub side: Option<BodySide>,
    /// The text alternative: "Lying on your back, right leg raised straight with a strap
    /// around the foot, left knee bent".
    pub description: String,
}

impl Figure {
    /// The frame to show when nothing may move: the position the movement leads to.
    pub fn still(&self) -> &Body {
        self.frames.last().expect("a figure has at least one frame")
    }
}

/// Frames drawn for a movement between two poses.
pub const MOVEMENT_FRAMES: usize = 9;

/// The figure for pose `pose_id` done on `side` (`None` draws a one-sided pose as written, on
/// the right, without emphasis), following variant `variant_id` where the pose depends on it
/// (the strap stretch's resting leg). `None` for an unknown pose id.
///
/// ```
/// use limber_core::pose::figure;
/// use limber_core::side::BodySide;
/// let left = figure("strap-hold", Some("leg-flat"), Some(BodySide::Left)).unwrap();
/// assert_eq!(
///     left.description,
///     "Lying on your back, left leg raised straight with a strap around the foot, right leg flat on the mat"
/// );
/// assert!(figure("no-such-pose", None, None).is_none());
/// ```
pub fn figure(pose_id: &str, variant_id: Option<&str>, side: Option<BodySide>) -> Option<Figure> {
    let entry = POSES.iter().find(|entry| entry.id == pose_id)?;
    let (from, to, description) = entry.resolve(variant_id);
    let near = side.unwrap_or(BodySide::Right);
    let description = description
        .replace("{near}", near.name())
        .replace("{far}", near.other().name());
    let shown_side = side.filter(|_| entry.is_sided());
    let frames: Vec<Body> = match from {
        None => vec![Body::of(&to.angles_f64(), to)],
        Some(from) => (0..MOVEMENT_FRAMES)
            .map(|frame| {
                let t = frame as f64 / (MOVEMENT_FRAMES - 1) as f64;
                // (1 − cos πt) / 2, written as sin²(πt/2) so only `sin` is needed.
                let eased = (t * std::f64::consts::FRAC_PI_2).sin().powi(2);
                Body::of(&body::interpolate(from, to, eased), to)
            })
            .collect(),
    };
    let frames = if near == BodySide::Left {
        frames.iter().map(Body::mirrored).collect()
    } else {
        frames
    };
    Some(Figure {
        frames,
        side: shown_side,
        description,
    })
}

/// True when `pose_id` names a pose Limber can draw: what a step's optional pose must be.
pub fn is_known_pose(pose_id: &str) -> bool {
    POSES.iter().any(|entry| entry.id == pose_id)
}

impl Pose {
    /// The angles as floating-point degrees.
    fn angles_f64(&self) -> [f64; ANGLE_COUNT] {
        self.angles.map(f64::from)
    }
}
