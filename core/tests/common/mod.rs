//! Test helpers shared by the share-link tests: a proptest strategy for routines that pass
//! validation, with any Unicode text (control characters and emoji included).

use proptest::collection::vec;
use proptest::prelude::*;

use limber_core::routine::{Every, Progression, Routine, Sides, Source, Step, StepKind, Variant};
use limber_core::side::BodySide;

/// Any text of up to `max` characters.
fn text(max: usize) -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..=max).prop_map(String::from_iter)
}

/// A name: up to 80 characters, not blank.
fn name() -> impl Strategy<Value = String> {
    text(80).prop_filter("names are not blank", |name| !name.trim().is_empty())
}

fn sides() -> impl Strategy<Value = Sides> {
    prop_oneof![
        Just(Sides::None),
        Just(Sides::Left),
        Just(Sides::Right),
        (any::<bool>(), 0..=120_000u64).prop_map(|(right, rest_between_ms)| Sides::Both {
            first: if right {
                BodySide::Right
            } else {
                BodySide::Left
            },
            rest_between_ms,
        }),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let kind = prop_oneof![
        Just(StepKind::Setup),
        Just(StepKind::Hold),
        Just(StepKind::Rest),
        Just(StepKind::Move),
    ];
    (
        (kind, name(), text(300), 0..=300_000u64),
        (1..=3u32, 0..=60_000u64, sides(), name(), pose()),
    )
        .prop_map(
            |((kind, name, instructions, duration_ms), (repetitions, rest, sides, limb, pose))| {
                Step {
                    name,
                    instructions,
                    kind,
                    duration_ms: if kind == StepKind::Setup {
                        duration_ms
                    } else {
                        duration_ms.max(1)
                    },
                    repetitions,
                    rest_between_reps_ms: rest,
                    sides,
                    limb,
                    pose,
                }
            },
        )
}

/// No picture, or one of the poses Limber can draw.
fn pose() -> impl Strategy<Value = Option<String>> {
    let count = limber_core::pose::POSES.len();
    proptest::option::of(
        (0..count).prop_map(|index| limber_core::pose::POSES[index].id.to_string()),
    )
}

fn progression() -> impl Strategy<Value = Progression> {
    (
        0..8usize,
        1..=60_000u64,
        1..=30_000u64,
        any::<bool>(),
        0..=300_000u64,
        any::<i64>(),
    )
        .prop_map(
            |(step_index, start_ms, increment_ms, daily, extra, counts_from_ms)| Progression {
                step_index,
                start_ms,
                increment_ms,
                every: if daily { Every::Day } else { Every::Session },
                max_ms: start_ms + extra,
                counts_from_ms,
            },
        )
}

/// A routine that passes [`Routine::validate`]; a progression, when present, is pointed at
/// an existing step made a hold.
pub fn valid_routine() -> impl Strategy<Value = Routine> {
    let source =
        (text(120), text(60)).prop_map(|(citation, supports)| Source { citation, supports });
    let variant =
        (text(20), name(), text(100)).prop_map(|(id, name, note)| Variant { id, name, note });
    (
        (text(30), name(), text(200), vec(text(20), 0..4)),
        (vec(source, 0..3), vec(text(100), 0..3), vec(variant, 0..3)),
        (vec(step(), 1..6), proptest::option::of(progression())),
    )
        .prop_map(
            |(
                (id, name, summary, tags),
                (sources, safety_notes, variants),
                (mut steps, progression),
            )| {
                let progression = progression.map(|mut progression| {
                    progression.step_index %= steps.len();
                    steps[progression.step_index].kind = StepKind::Hold;
                    steps[progression.step_index].duration_ms =
                        steps[progression.step_index].duration_ms.max(1);
                    progression
                });
                Routine {
                    id,
                    name,
                    summary,
                    tags,
                    sources,
                    safety_notes,
                    variants,
                    steps,
                    progression,
                }
            },
        )
        .prop_filter("routines are valid", |routine| routine.validate().is_ok())
}
