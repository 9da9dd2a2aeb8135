//! Forward kinematics: a pose's angles to the points of a body resting on the floor line,
//! centred left to right, and its exact mirror image.

use super::{Pose, Rest, ANGLE_COUNT};

/// Lengths of the body parts, in figure units, in the order of the angles: lower back, upper
/// back, neck (to the head's centre), upper arm, forearm, upper arm, forearm, thigh, shin,
/// foot, thigh, shin, foot.
pub const SEGMENT_LENGTHS: [f64; ANGLE_COUNT] = [
    15.0, 18.0, 10.0, 15.0, 13.0, 15.0, 13.0, 23.0, 22.0, 7.0, 23.0, 22.0, 7.0,
];
/// Radius of the head.
pub const HEAD_RADIUS: f64 = 6.0;
/// Half the drawn width of a limb: limbs are rounded lines this far either side of the bone.
pub const LIMB_HALF_WIDTH: f64 = 2.5;
/// Every body fits within this distance left and right of the centre line.
pub const VIEW_HALF_WIDTH: f64 = 60.0;
/// Every body fits below this height above the floor line.
pub const VIEW_HEIGHT: f64 = 78.0;

/// A point of the picture: `x` to the right, `y` up from the floor line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Distance to the right of the centre line.
    pub x: f64,
    /// Height above the floor line.
    pub y: f64,
}

/// A posed body as points, resting on the floor line (y = 0) and centred on x = 0.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// Hip, waist, shoulders: the trunk, bottom to top.
    pub trunk: [Point; 3],
    /// The centre of the head.
    pub head: Point,
    /// Near arm: shoulder, elbow, hand.
    pub near_arm: [Point; 3],
    /// Far arm: shoulder, elbow, hand.
    pub far_arm: [Point; 3],
    /// Near leg: hip, knee, ankle, toe.
    pub near_leg: [Point; 4],
    /// Far leg: hip, knee, ankle, toe.
    pub far_leg: [Point; 4],
    /// The strap, from the near hand to the middle of the near foot, if there is one.
    pub strap: Option<[Point; 2]>,
    /// The wall's distance from the centre line, if the body rests against one.
    pub wall_x: Option<f64>,
}

/// The point `length` away from `from` in direction `degrees`.
fn step(from: Point, degrees: f64, length: f64) -> Point {
    let radians = degrees.to_radians();
    Point {
        x: from.x + length * radians.cos(),
        y: from.y + length * radians.sin(),
    }
}

/// A chain of body parts from `start`, one per angle in `range`.
fn chain<const N: usize>(start: Point, angles: &[f64; ANGLE_COUNT], first: usize) -> [Point; N] {
    let mut points = [start; N];
    for index in 1..N {
        let part = first + index - 1;
        points[index] = step(points[index - 1], angles[part], SEGMENT_LENGTHS[part]);
    }
    points
}

impl Body {
    /// The body in `angles` (degrees), with the rest and strap of `pose`.
    pub(super) fn of(angles: &[f64; ANGLE_COUNT], pose: &Pose) -> Body {
        let hip = Point { x: 0.0, y: 0.0 };
        let trunk: [Point; 3] = chain(hip, angles, 0);
        let shoulders = trunk[2];
        let mut body = Body {
            trunk,
            head: step(shoulders, angles[2], SEGMENT_LENGTHS[2]),
            near_arm: chain(shoulders, angles, 3),
            far_arm: chain(shoulders, angles, 5),
            near_leg: chain(hip, angles, 7),
            far_leg: chain(hip, angles, 10),
            strap: None,
            wall_x: None,
        };
        if pose.strap {
            let [_, _, ankle, toe] = body.near_leg;
            let sole = Point {
                x: (ankle.x + toe.x) / 2.0,
                y: (ankle.y + toe.y) / 2.0,
            };
            body.strap = Some([body.near_arm[2], sole]);
        }
        body.settle(pose.rest);
        body
    }

    /// Every point of the body, each with how far the drawing reaches around it.
    fn points_mut(&mut self) -> impl Iterator<Item = (&mut Point, f64)> {
        let limbs = self
            .trunk
            .iter_mut()
            .chain(self.near_arm.iter_mut())
            .chain(self.far_arm.iter_mut())
            .chain(self.near_leg.iter_mut())
            .chain(self.far_leg.iter_mut())
            .chain(self.strap.iter_mut().flatten())
            .map(|point| (point, LIMB_HALF_WIDTH));
        std::iter::once((&mut self.head, HEAD_RADIUS)).chain(limbs)
    }

    /// Every point of the body, each with how far the drawing reaches around it.
    pub fn points(&self) -> Vec<(Point, f64)> {
        let mut copy = self.clone();
        copy.points_mut()
            .map(|(point, reach)| (*point, reach))
            .collect()
    }

    /// Moves the body so its lowest edge touches the floor line and it is centred left to
    /// right; places the wall just beyond its right edge when it rests against one.
    fn settle(&mut self, rest: Rest) {
        let edges = self.points();
        let bottom = edges
            .iter()
            .map(|(point, reach)| point.y - reach)
            .fold(f64::INFINITY, f64::min);
        let left = edges
            .iter()
            .map(|(point, reach)| point.x - reach)
            .fold(f64::INFINITY, f64::min);
        let right = edges
            .iter()
            .map(|(point, reach)| point.x + reach)
            .fold(f64::NEG_INFINITY, f64::max);
        let centre = (left + right) / 2.0;
        for (point, _) in self.points_mut() {
            point.x -= centre;
            point.y -= bottom;
        }
        if rest == Rest::Wall {
            self.wall_x = Some(right - centre);
        }
    }

    /// The mirror image: every point reflected about the centre line, exactly.
    pub fn mirrored(&self) -> Body {
        let mut mirror = self.clone();
        for (point, _) in mirror.points_mut() {
            point.x = -point.x;
        }
        mirror.wall_x = self.wall_x.map(|x| -x);
        mirror
    }
}

/// The angles a fraction `t` (0 to 1) of the way from `from` to `to`, each turning the short
/// way round.
pub(super) fn interpolate(from: &Pose, to: &Pose, t: f64) -> [f64; ANGLE_COUNT] {
    let mut angles = [0.0; ANGLE_COUNT];
    for (index, angle) in angles.iter_mut().enumerate() {
        let start = f64::from(from.angles[index]);
        let turn = (f64::from(to.angles[index]) - start + 540.0).rem_euclid(360.0) - 180.0;
        *angle = start + turn * t;
    }
    angles
}
