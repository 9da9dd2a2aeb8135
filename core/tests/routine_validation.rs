//! Routine validation: every problem is reported, in field order, naming its step.

use limber_core::routine::{
    Routine, Step, StepKind, ValidationError, Variant, MAX_NAME_CHARS, MAX_REPETITIONS, MAX_STEPS,
};
use limber_core::side::BodySide;

fn hold(seconds: u64) -> Step {
    Step::new(StepKind::Hold, "Hold", "Breathe.", seconds * 1_000)
}

fn routine_with(steps: Vec<Step>) -> Routine {
    Routine {
        id: "test".to_string(),
        name: "Test routine".to_string(),
        summary: String::new(),
        tags: Vec::new(),
        sources: Vec::new(),
        safety_notes: Vec::new(),
        variants: Vec::new(),
        steps,
        progression: None,
    }
}

#[test]
fn a_plain_routine_is_valid() {
    assert_eq!(routine_with(vec![hold(30)]).validate(), Ok(()));
}

#[test]
fn routine_level_problems_are_all_reported() {
    let mut routine = routine_with(Vec::new());
    routine.name = "  ".to_string();
    assert_eq!(
        routine.validate(),
        Err(vec![ValidationError::NameEmpty, ValidationError::NoSteps])
    );
    routine.name = "x".repeat(MAX_NAME_CHARS + 1);
    routine.steps = vec![hold(1); MAX_STEPS + 1];
    assert_eq!(
        routine.validate(),
        Err(vec![
            ValidationError::NameTooLong { length: 81 },
            ValidationError::TooManySteps { count: 51 },
        ])
    );
}

#[test]
fn step_problems_name_the_step() {
    let mut silent = hold(0);
    silent.name = String::new();
    silent.repetitions = 0;
    let long = Step::new(StepKind::Rest, "Rest", &"é".repeat(1_001), 31 * 60 * 1_000);
    let sided = hold(30).per_side(BodySide::Left, 0).with_limb(" ");
    let errors = routine_with(vec![hold(30), silent, long, sided])
        .validate()
        .unwrap_err();
    assert_eq!(
        errors,
        vec![
            ValidationError::StepNameEmpty { step: 1 },
            ValidationError::ZeroDuration { step: 1 },
            ValidationError::ZeroRepetitions { step: 1 },
            ValidationError::InstructionsTooLong {
                step: 2,
                length: 1_001
            },
            ValidationError::StepTooLong {
                step: 2,
                duration_ms: 31 * 60 * 1_000
            },
            ValidationError::LimbEmpty { step: 3 },
        ]
    );
    assert_eq!(errors[0].step_index(), Some(1));
    assert_eq!(errors[0].to_string(), "Step 2: give it a name.");
    assert_eq!(
        errors[4].to_string(),
        "Step 3: 31:00 is too long for one hold or rest; the most is 30:00."
    );
}

#[test]
fn absurd_totals_and_repetitions_are_caught() {
    let many = hold(25 * 60).repeated(MAX_REPETITIONS + 1, 0);
    let errors = routine_with(vec![many]).validate().unwrap_err();
    assert_eq!(
        errors[0],
        ValidationError::TooManyRepetitions { step: 0, count: 21 }
    );
    assert_eq!(
        errors[1],
        ValidationError::RoutineTooLong {
            total_ms: 20 * 25 * 60 * 1_000
        }
    );
    assert_eq!(errors[1].step_index(), None);
    assert_eq!(
        errors[1].to_string(),
        "The routine lasts 8:20:00; the most is 2:00:00."
    );
    let huge = Step::new(StepKind::Hold, "Hold", "", u64::MAX).repeated(3, u64::MAX);
    assert!(routine_with(vec![huge]).validate().is_err());
}

#[test]
fn untimed_setups_are_fine_but_not_alone() {
    let setup = Step::new(StepKind::Setup, "Lie down", "On a mat.", 0);
    assert_eq!(
        routine_with(vec![setup.clone()]).validate(),
        Err(vec![ValidationError::NothingTimed])
    );
    assert_eq!(routine_with(vec![setup, hold(30)]).validate(), Ok(()));
}

#[test]
fn variant_ids_must_be_unique() {
    let mut routine = routine_with(vec![hold(30)]);
    let variant = Variant {
        id: "gentle".to_string(),
        name: "Gentle".to_string(),
        note: String::new(),
    };
    routine.variants = vec![variant.clone(), variant];
    assert_eq!(
        routine.validate(),
        Err(vec![ValidationError::DuplicateVariant {
            id: "gentle".to_string()
        }])
    );
}
