//! Every built-in routine is valid, sourced, and plays as its name promises.

use std::collections::HashSet;

use limber_core::library::{builtin_routines, find_builtin};
use limber_core::plan::{PhaseKind, Plan, PlanOptions};
use limber_core::routine::MAX_NAME_CHARS;
use limber_core::side::BodySide;

#[test]
fn every_builtin_routine_validates() {
    for routine in builtin_routines() {
        assert_eq!(routine.validate(), Ok(()), "{}", routine.id);
    }
}

#[test]
fn there_are_at_least_seven_with_unique_ids() {
    let routines = builtin_routines();
    assert!(routines.len() >= 7);
    let ids: HashSet<_> = routines.iter().map(|routine| routine.id.clone()).collect();
    assert_eq!(ids.len(), routines.len());
    for routine in &routines {
        assert_eq!(find_builtin(&routine.id).as_ref(), Some(routine));
    }
}

#[test]
fn every_routine_is_sourced_tagged_and_carries_safety_notes() {
    for routine in builtin_routines() {
        assert!(!routine.sources.is_empty(), "{} has no source", routine.id);
        assert!(
            !routine.safety_notes.is_empty(),
            "{} has no safety note",
            routine.id
        );
        assert!(!routine.tags.is_empty(), "{} has no tags", routine.id);
        assert!(!routine.summary.is_empty(), "{} has no summary", routine.id);
        assert!(routine.name.chars().count() <= MAX_NAME_CHARS);
        for source in &routine.sources {
            assert!(!source.citation.is_empty() && !source.supports.is_empty());
        }
        let sided = routine
            .steps
            .iter()
            .any(|step| step.sides.order()[0].is_some());
        for step in &routine.steps {
            if step.sides.order()[0].is_some() {
                assert!(
                    ["leg", "hip"].contains(&step.limb.as_str()),
                    "{}",
                    routine.id
                );
            }
        }
        assert!(sided || routine.steps.iter().all(|step| step.limb == "side"));
    }
}

#[test]
fn no_source_or_text_claims_a_treatment_effect() {
    let claims = [
        "cure", "treat", "heals", "healing", "reliev", "relief", "fix your", "eliminat",
    ];
    for routine in builtin_routines() {
        let text = serde_json::to_string(&routine).unwrap().to_lowercase();
        for claim in claims {
            assert!(!text.contains(claim), "{} says {claim:?}", routine.id);
        }
    }
}

#[test]
fn the_seed_routine_is_the_founding_account() {
    let seed = find_builtin("strap-hamstring").unwrap();
    assert_eq!(seed.name, "Strap hamstring stretch — 3:00 per leg");
    assert_eq!(builtin_routines()[0].id, "strap-hamstring");
    let variant_ids: Vec<_> = seed.variants.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(variant_ids, ["knee-bent", "leg-flat"]);
    assert_eq!(
        seed.default_variant().unwrap().name,
        "Resting knee bent — gentler"
    );
    assert_eq!(seed.variant("leg-flat").unwrap().name, "Resting leg flat");
    let citations: String = seed.sources.iter().map(|s| s.citation.as_str()).collect();
    for author in ["ACSM", "Bandy WD", "Ayala F", "NG59"] {
        assert!(citations.contains(author), "{author}");
    }
    let setup = &seed.steps[0].instructions;
    assert!(setup.contains("Brace") && setup.contains("right foot"));
    let hold = &seed.steps[1].instructions;
    assert!(hold.contains("completely straight") && hold.contains("Stop if"));
}

#[test]
fn the_seed_routine_expands_to_setup_right_rest_left() {
    let seed = find_builtin("strap-hamstring").unwrap();
    let options = PlanOptions {
        variant_id: Some("leg-flat".to_string()),
        lead_in_ms: 5_000,
    };
    let plan = Plan::from_routine(&seed, &options);
    let shape: Vec<_> = plan
        .phases
        .iter()
        .map(|p| (p.kind, p.side, p.title.as_str(), p.start_ms, p.duration_ms))
        .collect();
    assert_eq!(
        shape,
        [
            (PhaseKind::LeadIn, None, "Get ready", 0, 5_000),
            (PhaseKind::Setup, None, "Strap setup — 0:20", 5_000, 20_000),
            (
                PhaseKind::Hold,
                Some(BodySide::Right),
                "Right leg — hold 3:00",
                25_000,
                180_000
            ),
            (PhaseKind::Rest, None, "Rest 1:00", 205_000, 60_000),
            (
                PhaseKind::Hold,
                Some(BodySide::Left),
                "Left leg — hold 3:00",
                265_000,
                180_000
            ),
        ]
    );
    assert_eq!(plan.total_ms, 445_000);
    assert_eq!(seed.total_ms(), 440_000);
    assert!(plan.phases[2]
        .instructions
        .ends_with("flat on the mat: harder, a more intense stretch."));
}

#[test]
fn the_acsm_short_hold_routine_gives_ninety_seconds_per_leg() {
    let routine = find_builtin("short-hold-hamstring").unwrap();
    assert_eq!(
        routine.name,
        "Short-hold hamstring — 30 s × 3 per side (ACSM)"
    );
    let plan = Plan::from_routine(&routine, &PlanOptions::default());
    assert_eq!(plan.preparation.len(), 1);
    for side in [BodySide::Right, BodySide::Left] {
        let held: u64 = plan
            .phases
            .iter()
            .filter(|p| p.kind == PhaseKind::Hold && p.side == Some(side))
            .map(|p| p.duration_ms)
            .sum();
        assert_eq!(held, 90_000);
    }
}
