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

/// The point `length` away from `from` in direction `degrees`. The cosine is the sine a
/// quarter turn on (cos θ = sin(θ + 90°)), so the module carries one trigonometric routine,
/// the `sin` the app already needs, not `cos` as well.
fn step(from: Point, degrees: f64, length: f64) -> Point {
    Point {
        x: from.x + length * (degrees + 90.0).to_radians().sin(),
        y: from.y + length * degrees.to_radians().sin(),
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

    /// Visits every point of the body with how far the drawing reaches around it: the head,
    /// then every limb and the strap. Plain loops over slices, not a chain of iterator
    /// adapters, which cost the module far more code.
    fn visit_points(&mut self, mut visit: impl FnMut(&mut Point, f64)) {
        visit(&mut self.head, HEAD_RADIUS);
        let strap: &mut [Point] = match &mut self.strap {
            Some(strap) => strap,
            None => &mut [],
        };
        let limbs: [&mut [Point]; 6] = [
            &mut self.trunk,
            &mut self.near_arm,
            &mut self.far_arm,
            &mut self.near_leg,
            &mut self.far_leg,
            strap,
        ];
        for limb in limbs {
            for point in limb {
                visit(point, LIMB_HALF_WIDTH);
            }
        }
    }

    /// Every point of the body, each with how far the drawing reaches around it.
    pub fn points(&self) -> Vec<(Point, f64)> {
        let mut points = Vec::new();
        self.clone()
            .visit_points(|point, reach| points.push((*point, reach)));
        points
    }

    /// Moves the body so its lowest edge touches the floor line and it is centred left to
    /// right; places the wall just beyond its right edge when it rests against one.
    fn settle(&mut self, rest: Rest) {
        let (mut bottom, mut left, mut right) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY);
        self.visit_points(|point, reach| {
            bottom = bottom.min(point.y - reach);
            left = left.min(point.x - reach);
            right = right.max(point.x + reach);
        });
        let centre = (left + right) / 2.0;
        self.visit_points(|point, _| {
            point.x -= centre;
            point.y -= bottom;
        });
        if rest == Rest::Wall {
            self.wall_x = Some(right - centre);
        }
    }

    /// The mirror image: every point reflected about the centre line, exactly.
    pub fn mirrored(&self) -> Body {
        let mut mirror = self.clone();
        mirror.visit_points(|point, _| point.x = -point.x);
        mirror.wall_x = self.wall_x.map(|x| -x);
        mirror
    }
}

/// The angles a fraction `t` (0 to 1) of the way from `from` to `to`, each turning the short
/// way round (the turn found in whole degrees, with integer arithmetic: no `fmod`).
pub(super) fn interpolate(from: &Pose, to: &Pose, t: f64) -> [f64; ANGLE_COUNT] {
    let mut angles = [0.0; ANGLE_COUNT];
    for (index, angle) in angles.iter_mut().enumerate() {
        let start = i32::from(from.angles[index]);
        let turn = (i32::from(to.angles[index]) - start + 540).rem_euclid(360) - 180;
        *angle = f64::from(start) + f64::from(turn) * t;
    }
    angles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_matches_cosine_and_sine_at_every_direction() {
        let hip = Point { x: 1.0, y: -2.0 };
        for tenth in -3_600..=7_200 {
            let degrees = f64::from(tenth) / 10.0;
            let point = step(hip, degrees, 23.0);
            let radians = degrees.to_radians();
            assert!(
                (point.x - (1.0 + 23.0 * radians.cos())).abs() < 1e-12,
                "{degrees}°"
            );
            assert!(
                (point.y - (-2.0 + 23.0 * radians.sin())).abs() < 1e-12,
                "{degrees}°"
            );
        }
    }

    #[test]
    fn interpolation_turns_the_short_way_round_and_ends_exactly() {
        let mut from = Pose {
            angles: [0; ANGLE_COUNT],
            rest: Rest::Mat,
            strap: false,
        };
        let mut to = from;
        from.angles[..4].copy_from_slice(&[350, -170, 90, 0]);
        to.angles[..4].copy_from_slice(&[10, 170, -90, 180]);
        let half = interpolate(&from, &to, 0.5);
        assert_eq!(&half[..4], &[360.0, -180.0, 0.0, -90.0]);
        let end = interpolate(&from, &to, 1.0);
        let turned: Vec<i32> = end.iter().map(|angle| *angle as i32).collect();
        let wanted: Vec<i32> = to.angles.iter().map(|angle| i32::from(*angle)).collect();
        assert!(turned
            .iter()
            .zip(&wanted)
            .all(|(got, want)| (got - want).rem_euclid(360) == 0));
    }
}
