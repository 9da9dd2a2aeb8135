//! How routines expand into timed phases: order, offsets, rests, titles and lookups.

use limber_core::library::find_builtin;
use limber_core::plan::{PhaseKind, Plan, PlanOptions};
use limber_core::routine::{Routine, Step, StepKind, Variant, MAX_REPETITIONS};
use limber_core::side::BodySide;

fn routine_with(steps: Vec<Step>) -> Routine {
    Routine {
        id: "test".to_string(),
        name: "Test".to_string(),
        summary: String::new(),
        tags: Vec::new(),
        sources: Vec::new(),
        safety_notes: Vec::new(),
        variants: Vec::new(),
        steps,
        progression: None,
    }
}

fn no_lead_in() -> PlanOptions {
    PlanOptions::default()
}

#[test]
fn phases_follow_each_other_without_gaps() {
    for routine in limber_core::library::builtin_routines() {
        let plan = Plan::from_routine(
            &routine,
            &PlanOptions {
                variant_id: None,
                lead_in_ms: 3_000,
            },
        );
        let mut expected_start = 0;
        for (index, phase) in plan.phases.iter().enumerate() {
            assert_eq!(phase.index, index);
            assert_eq!(phase.start_ms, expected_start);
            assert!(phase.duration_ms > 0);
            expected_start = phase.end_ms();
        }
        assert_eq!(plan.total_ms, expected_start);
        assert_eq!(plan.total_ms, routine.total_ms() + 3_000);
    }
}

#[test]
fn seed_without_lead_in_starts_with_the_setup() {
    let seed = find_builtin("strap-hamstring").unwrap();
    let plan = Plan::from_routine(&seed, &no_lead_in());
    let titles: Vec<_> = plan.phases.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Strap setup — 0:20",
            "Right leg — hold 3:00",
            "Rest 1:00",
            "Left leg — hold 3:00"
        ]
    );
    let hold = &plan.phases[1];
    assert_eq!((hold.step_index, hold.limb.as_str()), (Some(1), "leg"));
    assert_eq!(hold.step_name, "Strap hamstring hold");
    assert!(!hold.switches_side);
    assert!(plan.phases[3].switches_side);
    assert_eq!(plan.phases[2].instructions, "Relax and breathe.");
    assert_eq!(plan.variant_id.as_deref(), Some("knee-bent"));
    assert!(hold
        .instructions
        .ends_with("gentler on the pelvis and lower back."));
    assert!(!plan.phases[0].instructions.contains("gentler"));
    assert!(plan.preparation.is_empty());
    assert_eq!(
        (plan.routine_id.as_str(), plan.total_ms),
        ("strap-hamstring", 440_000)
    );
}

#[test]
fn lead_in_leaves_what_comes_next_to_the_next_line() {
    let seed = find_builtin("strap-hamstring").unwrap();
    let plan = Plan::from_routine(
        &seed,
        &PlanOptions {
            variant_id: None,
            lead_in_ms: 5_000,
        },
    );
    let lead_in = &plan.phases[0];
    assert_eq!(
        (lead_in.kind, lead_in.step_index),
        (PhaseKind::LeadIn, None)
    );
    // The player's "Next" line names the first step; the instructions do not repeat it.
    assert_eq!(lead_in.instructions, "Get into position.");
    assert_eq!(plan.next_after(0).unwrap().title, "Strap setup — 0:20");
}

#[test]
fn an_unknown_variant_falls_back_to_the_default() {
    let seed = find_builtin("strap-hamstring").unwrap();
    let options = PlanOptions {
        variant_id: Some("nope".to_string()),
        lead_in_ms: 0,
    };
    assert_eq!(
        Plan::from_routine(&seed, &options).variant_id.as_deref(),
        Some("knee-bent")
    );
}

#[test]
fn repetitions_alternate_sides_with_rests_between() {
    let step = Step::new(StepKind::Hold, "Stretch", "Breathe.", 30_000)
        .per_side(BodySide::Left, 5_000)
        .repeated(2, 15_000)
        .with_limb("hip");
    let plan = Plan::from_routine(&routine_with(vec![step]), &no_lead_in());
    let shape: Vec<_> = plan
        .phases
        .iter()
        .map(|p| {
            (
                p.title.as_str(),
                p.repetition,
                p.repetitions,
                p.switches_side,
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("Left hip — hold 0:30", 1, 2, false),
            ("Rest 0:05", 1, 2, false),
            ("Right hip — hold 0:30", 1, 2, true),
            ("Rest 0:15", 1, 2, false),
            ("Left hip — hold 0:30", 2, 2, true),
            ("Rest 0:05", 2, 2, false),
            ("Right hip — hold 0:30", 2, 2, true),
        ]
    );
    assert_eq!(plan.total_ms, 4 * 30_000 + 2 * 5_000 + 15_000);
    assert_eq!(plan.phases[3].instructions, "Relax and breathe.");
}

#[test]
fn zero_rests_are_left_out_and_unsided_holds_use_the_step_name() {
    let step = Step::new(StepKind::Hold, "Child's pose", "Fold.", 30_000).repeated(3, 0);
    let plan = Plan::from_routine(&routine_with(vec![step]), &no_lead_in());
    assert_eq!(plan.phases.len(), 3);
    assert_eq!(plan.phases[0].title, "Child's pose — hold 0:30");
    assert_eq!(plan.phases[2].repetition, 3);
    assert!(plan
        .phases
        .iter()
        .all(|p| p.side.is_none() && !p.switches_side));
}

#[test]
fn untimed_setups_become_preparation_and_rest_steps_are_rests() {
    let steps = vec![
        Step::new(StepKind::Setup, "Lie down", "Lie on your back.", 0),
        Step::new(StepKind::Move, "Cat–cow", "Move slowly.", 60_000),
        Step::new(StepKind::Rest, "Breather", "Lie still.", 20_000),
        Step::new(StepKind::Setup, "Kneel", "Kneel on a cushion.", 0),
    ];
    let plan = Plan::from_routine(&routine_with(steps), &no_lead_in());
    assert_eq!(
        plan.preparation,
        ["Lie on your back.", "Kneel on a cushion."]
    );
    let shape: Vec<_> = plan
        .phases
        .iter()
        .map(|p| (p.kind, p.title.as_str(), p.step_index))
        .collect();
    assert_eq!(
        shape,
        [
            (PhaseKind::Move, "Cat–cow — keep moving 1:00", Some(1)),
            (PhaseKind::Rest, "Rest 0:20", Some(2)),
        ]
    );
    assert_eq!(plan.phases[1].instructions, "Lie still.");
}

#[test]
fn variant_notes_reach_holds_only() {
    let mut routine = routine_with(vec![
        Step::new(StepKind::Setup, "Set", "Get set.", 10_000),
        Step::new(StepKind::Hold, "Hold", "Hold it.", 10_000),
    ]);
    routine.variants.push(Variant {
        id: "soft".to_string(),
        name: "Soft".to_string(),
        note: "Softly.".to_string(),
    });
    let plan = Plan::from_routine(&routine, &no_lead_in());
    assert_eq!(plan.phases[0].instructions, "Get set.");
    assert_eq!(plan.phases[1].instructions, "Hold it. Softly.");
}

#[test]
fn phase_at_and_next_after_find_their_way() {
    let seed = find_builtin("strap-hamstring").unwrap();
    let plan = Plan::from_routine(&seed, &no_lead_in());
    assert_eq!(plan.phase_at(0), Some(0));
    assert_eq!(plan.phase_at(19_999), Some(0));
    assert_eq!(plan.phase_at(20_000), Some(1));
    assert_eq!(plan.phase_at(439_999), Some(3));
    assert_eq!(plan.phase_at(440_000), None);
    assert_eq!(plan.phase_at(u64::MAX), None);
    assert_eq!(
        plan.next_after(1).map(|p| p.title.as_str()),
        Some("Rest 1:00")
    );
    assert!(plan.next_after(3).is_none());
    assert!(plan.next_after(usize::MAX).is_none());
}

#[test]
fn a_broken_routine_still_gives_a_bounded_plan() {
    let empty = Plan::from_routine(
        &routine_with(Vec::new()),
        &PlanOptions {
            variant_id: None,
            lead_in_ms: 5_000,
        },
    );
    assert!(empty.is_empty());
    assert_eq!((empty.total_ms, empty.phase_at(0)), (0, None));
    let zero = Step::new(StepKind::Hold, "Zero", "", 0).repeated(0, 1_000);
    let endless = Step::new(StepKind::Hold, "Many", "", 1_000).repeated(u32::MAX, 0);
    let plan = Plan::from_routine(&routine_with(vec![zero, endless]), &no_lead_in());
    assert_eq!(plan.phases.len(), MAX_REPETITIONS as usize);
}
