//! The figures drawn for steps: limbs keep their lengths, nothing passes through the floor,
//! the left side is the exact mirror of the right, and every built-in step has a picture.

use limber_core::library::builtin_routines;
use limber_core::pose::{
    figure, is_known_pose, Body, Figure, Point, HEAD_RADIUS, POSES, SEGMENT_LENGTHS,
    VIEW_HALF_WIDTH, VIEW_HEIGHT,
};
use limber_core::routine::ValidationError;
use limber_core::side::BodySide;
use limber_core::transfer::{
    decode_share_link, encode_share_link, routine_from_json, routine_to_json,
};

const SIDES: [Option<BodySide>; 3] = [None, Some(BodySide::Right), Some(BodySide::Left)];
const VARIANTS: [Option<&str>; 3] = [None, Some("knee-bent"), Some("leg-flat")];

/// Every figure of every pose, variant and side.
fn every_figure() -> Vec<(String, Figure)> {
    let mut figures = Vec::new();
    for entry in POSES {
        for variant in VARIANTS {
            for side in SIDES {
                let label = format!("{} {variant:?} {side:?}", entry.id);
                figures.push((label, figure(entry.id, variant, side).unwrap()));
            }
        }
    }
    figures
}

fn distance(a: Point, b: Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

/// The points of each chain of body parts, with the lengths they must keep.
fn chains(body: &Body) -> Vec<(Vec<Point>, Vec<f64>)> {
    vec![
        (
            vec![body.trunk[0], body.trunk[1], body.trunk[2], body.head],
            SEGMENT_LENGTHS[0..3].to_vec(),
        ),
        (body.near_arm.to_vec(), SEGMENT_LENGTHS[3..5].to_vec()),
        (body.far_arm.to_vec(), SEGMENT_LENGTHS[5..7].to_vec()),
        (body.near_leg.to_vec(), SEGMENT_LENGTHS[7..10].to_vec()),
        (body.far_leg.to_vec(), SEGMENT_LENGTHS[10..13].to_vec()),
    ]
}

#[test]
fn limbs_keep_their_lengths_in_every_frame() {
    for (label, figure) in every_figure() {
        for body in &figure.frames {
            assert_eq!(
                body.near_arm[0], body.trunk[2],
                "{label}: arms hang on the shoulders"
            );
            assert_eq!(
                body.near_leg[0], body.trunk[0],
                "{label}: legs hang on the hip"
            );
            for (points, lengths) in chains(body) {
                for (pair, length) in points.windows(2).zip(&lengths) {
                    let measured = distance(pair[0], pair[1]);
                    assert!(
                        (measured - length).abs() < 1e-9,
                        "{label}: {measured} ≠ {length}"
                    );
                }
            }
        }
    }
}

#[test]
fn nothing_passes_through_the_floor_line_and_every_body_fits_the_picture() {
    for (label, figure) in every_figure() {
        for body in &figure.frames {
            let points = body.points();
            let lowest = points
                .iter()
                .map(|(point, reach)| point.y - reach)
                .fold(f64::INFINITY, f64::min);
            assert!(
                lowest.abs() < 1e-9,
                "{label}: resting on the floor, lowest {lowest}"
            );
            for (point, reach) in points {
                assert!(
                    point.y - reach >= -1e-9,
                    "{label}: {point:?} below the floor"
                );
                assert!(
                    point.y + reach <= VIEW_HEIGHT,
                    "{label}: {point:?} too high"
                );
                assert!(
                    point.x.abs() + reach <= VIEW_HALF_WIDTH,
                    "{label}: {point:?} too wide"
                );
            }
            assert!(body.head.y >= HEAD_RADIUS - 1e-9);
        }
    }
}

#[test]
fn the_left_side_is_the_exact_mirror_of_the_right() {
    for entry in POSES {
        for variant in VARIANTS {
            let right = figure(entry.id, variant, Some(BodySide::Right)).unwrap();
            let left = figure(entry.id, variant, Some(BodySide::Left)).unwrap();
            assert_eq!(right.frames.len(), left.frames.len());
            for (right_body, left_body) in right.frames.iter().zip(&left.frames) {
                assert_eq!(left_body, &right_body.mirrored(), "{}", entry.id);
                for ((mirrored, _), (original, _)) in
                    left_body.points().into_iter().zip(right_body.points())
                {
                    assert_eq!(mirrored.x, -original.x, "{}", entry.id);
                    assert_eq!(mirrored.y, original.y, "{}", entry.id);
                }
            }
            if entry.is_sided() {
                assert_eq!(left.side, Some(BodySide::Left));
                assert_eq!(right.side, Some(BodySide::Right));
                let swapped: Vec<&str> = right
                    .description
                    .split(' ')
                    .map(|word| match word {
                        "right" => "left",
                        "left" => "right",
                        other => other,
                    })
                    .collect();
                let swapped = swapped.join(" ");
                assert_eq!(left.description, swapped, "{}", entry.id);
            } else {
                assert_eq!(left.side, None, "{}: nothing to emphasise", entry.id);
                assert_eq!(left.description, right.description);
            }
        }
    }
}

#[test]
fn the_strap_hold_shows_the_raised_leg_and_the_resting_leg_of_the_variant() {
    let bent = figure("strap-hold", Some("knee-bent"), Some(BodySide::Right)).unwrap();
    assert_eq!(
        bent.description,
        "Lying on your back, right leg raised straight with a strap around the foot, left knee bent"
    );
    let flat = figure("strap-hold", Some("leg-flat"), Some(BodySide::Right)).unwrap();
    assert_eq!(
        flat.description,
        "Lying on your back, right leg raised straight with a strap around the foot, left leg flat on the mat"
    );
    let (bent, flat) = (bent.still(), flat.still());
    let [hip, _, ankle, _] = bent.near_leg;
    assert!(ankle.y - hip.y > 40.0, "the near leg points up");
    assert!(bent.strap.is_some() && flat.strap.is_some());
    assert!(bent.far_leg[1].y > 15.0, "resting knee bent up");
    assert!(flat.far_leg[1].y < 5.0, "resting leg flat");
}

#[test]
fn movements_move_and_still_poses_stay_still() {
    for entry in POSES {
        let shown = figure(entry.id, None, None).unwrap();
        if entry.moves() {
            assert!(shown.frames.len() > 2, "{}", entry.id);
            assert_ne!(shown.frames.first(), shown.frames.last(), "{}", entry.id);
        } else {
            assert_eq!(shown.frames.len(), 1, "{}", entry.id);
        }
    }
    for moving in ["cat-cow", "pelvic-tilt", "strap-setup"] {
        assert!(POSES
            .iter()
            .any(|entry| entry.id == moving && entry.moves()));
    }
}

#[test]
fn every_step_of_every_builtin_routine_has_a_pose_for_every_variant_and_side() {
    let wanted = [
        ("strap-hamstring", ["strap-setup", "strap-hold"]),
        ("short-hold-hamstring", ["lying-knees-bent", "strap-hold"]),
        ("knee-to-chest", ["lying-knees-bent", "knee-to-chest"]),
        ("figure-four", ["lying-knees-bent", "figure-four"]),
        ("kneeling-hip-flexor", ["half-kneeling", "hip-flexor"]),
        ("cat-cow", ["hands-and-knees", "cat-cow"]),
        ("childs-pose", ["kneeling", "childs-pose"]),
        ("pelvic-tilt", ["lying-knees-bent", "pelvic-tilt"]),
    ];
    let routines = builtin_routines();
    assert_eq!(routines.len(), wanted.len());
    for routine in &routines {
        let poses: Vec<&str> = routine
            .steps
            .iter()
            .map(|step| step.pose.as_deref().unwrap())
            .collect();
        let expected = wanted.iter().find(|(id, _)| *id == routine.id).unwrap().1;
        assert_eq!(poses, expected, "{}", routine.id);
        let mut variants: Vec<Option<&str>> = routine
            .variants
            .iter()
            .map(|variant| Some(variant.id.as_str()))
            .collect();
        variants.push(None);
        for step in &routine.steps {
            for variant in &variants {
                for side in SIDES {
                    let shown = figure(step.pose.as_deref().unwrap(), *variant, side).unwrap();
                    assert!(!shown.description.trim().is_empty());
                    assert!(!shown.description.contains('{'), "{}", shown.description);
                }
            }
        }
    }
    let seed = &routines[0];
    let descriptions: Vec<String> = seed
        .variants
        .iter()
        .map(|variant| {
            figure("strap-hold", Some(variant.id.as_str()), None)
                .unwrap()
                .description
        })
        .collect();
    assert_ne!(
        descriptions[0], descriptions[1],
        "each resting-leg variant has its own picture"
    );
}

#[test]
fn a_step_s_pose_is_stored_validated_and_shared() {
    let mut routine = builtin_routines().remove(5);
    assert!(is_known_pose("cat-cow") && !is_known_pose("cartwheel"));
    let json = routine_to_json(&routine);
    assert!(json.contains("\"pose\": \"cat-cow\""));
    assert_eq!(routine_from_json(&json).unwrap(), routine);
    assert_eq!(
        decode_share_link(&encode_share_link(&routine).unwrap()),
        Ok(routine.clone())
    );

    // Routines from before pictures: no pose field, and version-1 links.
    let mut old = routine.clone();
    for step in &mut old.steps {
        step.pose = None;
    }
    let old_json = routine_to_json(&old);
    assert!(
        !old_json.contains("pose"),
        "no field for steps without a picture"
    );
    assert_eq!(routine_from_json(&old_json), Ok(old.clone()));
    let old_link = encode_share_link(&old).unwrap();
    assert!(old_link.starts_with("1."), "{old_link}");
    assert_eq!(decode_share_link(&old_link), Ok(old));

    routine.steps[1].pose = Some("cartwheel".to_string());
    let problem = ValidationError::UnknownPose {
        step: 1,
        pose: "cartwheel".to_string(),
    };
    assert_eq!(routine.validate(), Err(vec![problem.clone()]));
    assert_eq!(
        problem.to_string(),
        "Step 2: the picture \"cartwheel\" is not one this version can draw."
    );
    assert!(routine_from_json(&routine_to_json(&routine)).is_err());
}
