//! What the routine editor does to a routine: start blank or from a copy, add, move and remove
//! steps, let one hold grow over time, and sort validation messages by where they belong.

use crate::routine::{Every, Progression, Routine, Sides, Step, StepKind, ValidationError};

/// A new routine with one 30-second hold, ready to edit.
pub fn blank_routine(id: String) -> Routine {
    Routine {
        id,
        name: String::new(),
        summary: String::new(),
        tags: Vec::new(),
        sources: Vec::new(),
        safety_notes: Vec::new(),
        variants: Vec::new(),
        steps: vec![blank_step()],
        progression: None,
    }
}

/// A new step: a 30-second hold, unsided.
pub fn blank_step() -> Step {
    Step::new(StepKind::Hold, "", "", 30_000)
}

/// A copy to make one's own: a new id, "(my version)" after the name, the same steps,
/// sources and safety notes.
pub fn duplicate(routine: &Routine, id: String) -> Routine {
    let mut copy = routine.clone();
    copy.id = id;
    copy.name = format!("{} (my version)", routine.name);
    copy
}

/// Which way to move a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the start.
    Up,
    /// Towards the end.
    Down,
}

/// Moves a step one place; false if it is already at that end (or out of range).
pub fn move_step(routine: &mut Routine, index: usize, direction: Direction) -> bool {
    let target = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => Some(index + 1),
    };
    match target {
        Some(target) if index < routine.steps.len() && target < routine.steps.len() => {
            routine.steps.swap(index, target);
            if let Some(progression) = &mut routine.progression {
                if progression.step_index == index {
                    progression.step_index = target;
                } else if progression.step_index == target {
                    progression.step_index = index;
                }
            }
            true
        }
        _ => false,
    }
}

/// Removes a step; false if out of range. Removing the growing step removes the progression.
pub fn remove_step(routine: &mut Routine, index: usize) -> bool {
    if index < routine.steps.len() {
        routine.steps.remove(index);
        match routine.progression.as_ref().map(|p| p.step_index) {
            Some(grows) if grows == index => routine.progression = None,
            Some(grows) if grows > index => {
                if let Some(progression) = &mut routine.progression {
                    progression.step_index = grows - 1;
                }
            }
            _ => {}
        }
        true
    } else {
        false
    }
}

/// The sides setting of a step as the editor's choice: "none", "left", "right" or "both".
pub fn sides_choice(sides: Sides) -> &'static str {
    match sides {
        Sides::None => "none",
        Sides::Left => "left",
        Sides::Right => "right",
        Sides::Both { .. } => "both",
    }
}

/// Applies the editor's sides choice, keeping the first side and rest of a "both" step.
pub fn with_sides_choice(current: Sides, choice: &str) -> Sides {
    match (choice, current) {
        ("left", _) => Sides::Left,
        ("right", _) => Sides::Right,
        ("both", Sides::Both { .. }) => current,
        ("both", _) => Sides::Both {
            first: crate::side::BodySide::Right,
            rest_between_ms: 0,
        },
        _ => Sides::None,
    }
}

/// The steps that can grow (holds and movements), each with a label for a choice:
/// "Step 2: Strap hamstring stretch".
pub fn growable_steps(routine: &Routine) -> Vec<(usize, String)> {
    routine
        .steps
        .iter()
        .enumerate()
        .filter(|(_, step)| matches!(step.kind, StepKind::Hold | StepKind::Move))
        .map(|(index, step)| (index, format!("Step {}: {}", index + 1, step.name)))
        .collect()
}

/// The progression offered when growth is switched on: the first hold (or movement) starts at
/// 30 s and grows 10 s per session up to its present length (at least the start).
pub fn new_progression(routine: &Routine) -> Progression {
    let (step_index, length_ms) = routine
        .steps
        .iter()
        .enumerate()
        .find(|(_, step)| matches!(step.kind, StepKind::Hold | StepKind::Move))
        .map_or((0, 0), |(index, step)| (index, step.duration_ms));
    let start_ms = 30_000;
    Progression {
        step_index,
        start_ms,
        increment_ms: 10_000,
        every: Every::Session,
        max_ms: length_ms.max(start_ms),
        counts_from_ms: 0,
    }
}

/// Before saving `draft`: a progression that is new (the saved routine had none) or that now
/// grows another step starts counting sessions at `now_ms`; an unchanged one keeps counting.
pub fn stamp_progression(saved: &Routine, draft: &mut Routine, now_ms: i64) {
    let before = saved.progression.as_ref().map(|p| p.step_index);
    if let Some(progression) = &mut draft.progression {
        if before != Some(progression.step_index) {
            progression.counts_from_ms = now_ms;
        }
    }
}

/// True for problems shown in the progression section rather than at a step.
fn is_progression_problem(error: &ValidationError) -> bool {
    matches!(
        error,
        ValidationError::ProgressionStepMissing { .. }
            | ValidationError::ProgressionNotAHold { .. }
            | ValidationError::ProgressionStartZero { .. }
            | ValidationError::ProgressionNoIncrement { .. }
            | ValidationError::ProgressionGoalBelowStart { .. }
            | ValidationError::ProgressionGoalTooLong { .. }
    )
}

/// The messages that belong to the whole routine (not to one step, nor to its progression).
pub fn routine_messages(errors: &[ValidationError]) -> Vec<String> {
    errors
        .iter()
        .filter(|error| error.step_index().is_none() && !is_progression_problem(error))
        .map(ToString::to_string)
        .collect()
}

/// The messages of every step, one list per step in order (`step_count` lists), sorted in one
/// pass over `errors` so the editor's cost per keystroke grows with the steps, not their
/// square. Problems of a step's progression are left to [`progression_messages`]; a message
/// for a step beyond `step_count` is dropped (the step is gone).
pub fn messages_by_step(errors: &[ValidationError], step_count: usize) -> Vec<Vec<String>> {
    let mut by_step = vec![Vec::new(); step_count];
    for error in errors.iter().filter(|error| !is_progression_problem(error)) {
        if let Some(messages) = error.step_index().and_then(|step| by_step.get_mut(step)) {
            messages.push(error.to_string());
        }
    }
    by_step
}

/// The messages that belong to the "Grow a hold over time" section.
pub fn progression_messages(errors: &[ValidationError]) -> Vec<String> {
    errors
        .iter()
        .filter(|error| is_progression_problem(error))
        .map(ToString::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::find_builtin;
    use crate::routine::MAX_STEPS;
    use crate::side::BodySide;

    #[test]
    fn a_blank_routine_needs_a_name_and_its_step_needs_one_too() {
        let errors = blank_routine("custom-1".into()).validate().unwrap_err();
        assert_eq!(routine_messages(&errors), ["Give the routine a name."]);
        assert_eq!(messages_by_step(&errors, 1), [["Step 1: give it a name."]]);
    }

    #[test]
    fn a_duplicate_is_valid_and_has_its_own_id_and_name() {
        let seed = find_builtin("strap-hamstring").unwrap();
        let copy = duplicate(&seed, "custom-2".into());
        assert_eq!(copy.id, "custom-2");
        assert_eq!(
            copy.name,
            "Strap hamstring stretch — 3:00 per leg (my version)"
        );
        assert_eq!(copy.steps, seed.steps);
        assert!(copy.validate().is_ok());
    }

    #[test]
    fn steps_move_within_bounds_and_are_removed() {
        let mut routine = find_builtin("strap-hamstring").unwrap();
        let names = |routine: &Routine| {
            routine
                .steps
                .iter()
                .map(|step| step.name.clone())
                .collect::<Vec<_>>()
        };
        let before = names(&routine);
        assert!(!move_step(&mut routine, 0, Direction::Up));
        assert!(move_step(&mut routine, 0, Direction::Down));
        assert_eq!(names(&routine), [before[1].clone(), before[0].clone()]);
        assert!(!move_step(&mut routine, 1, Direction::Down));
        assert!(remove_step(&mut routine, 0));
        assert!(!remove_step(&mut routine, 5));
        assert_eq!(names(&routine), [before[0].clone()]);
    }

    #[test]
    fn a_new_progression_grows_the_first_hold_and_follows_it_when_steps_move() {
        let mut routine = find_builtin("strap-hamstring").unwrap();
        assert_eq!(growable_steps(&routine)[0].0, 1);
        let progression = new_progression(&routine);
        assert_eq!((progression.step_index, progression.max_ms), (1, 180_000));
        routine.progression = Some(progression);
        assert!(routine.validate().is_ok());
        assert!(move_step(&mut routine, 1, Direction::Up));
        assert_eq!(routine.progression.as_ref().unwrap().step_index, 0);
        assert!(remove_step(&mut routine, 1));
        assert_eq!(routine.progression.as_ref().unwrap().step_index, 0);
        assert!(remove_step(&mut routine, 0));
        assert_eq!(routine.progression, None);
    }

    #[test]
    fn progression_problems_go_to_their_section_and_new_ones_count_from_now() {
        let seed = find_builtin("strap-hamstring").unwrap();
        let mut draft = seed.clone();
        let mut progression = new_progression(&draft);
        progression.increment_ms = 0;
        draft.progression = Some(progression);
        let errors = draft.validate().unwrap_err();
        assert_eq!(
            progression_messages(&errors),
            ["Step 2: say how much the hold grows each time."]
        );
        assert!(messages_by_step(&errors, 2).iter().all(Vec::is_empty));
        assert!(routine_messages(&errors).is_empty());
        stamp_progression(&seed, &mut draft, 42);
        assert_eq!(draft.progression.as_ref().unwrap().counts_from_ms, 42);
        let saved = draft.clone();
        stamp_progression(&saved, &mut draft, 99);
        assert_eq!(draft.progression.as_ref().unwrap().counts_from_ms, 42);
    }

    #[test]
    fn the_sides_choice_keeps_a_both_steps_details() {
        let both = Sides::Both {
            first: BodySide::Left,
            rest_between_ms: 10_000,
        };
        assert_eq!(sides_choice(both), "both");
        assert_eq!(with_sides_choice(both, "both"), both);
        assert_eq!(
            with_sides_choice(Sides::None, "both"),
            Sides::Both {
                first: BodySide::Right,
                rest_between_ms: 0
            }
        );
        assert_eq!(with_sides_choice(both, "left"), Sides::Left);
        assert_eq!(with_sides_choice(both, "nonsense"), Sides::None);
    }

    #[test]
    fn messages_are_grouped_by_step_in_order_for_every_step() {
        let mut routine = blank_routine("custom-3".into());
        routine.steps = vec![blank_step(); MAX_STEPS];
        routine.steps[1].name = "Named".into();
        routine.steps[2].name = "Named".into();
        routine.steps[2].duration_ms = 0;
        let errors = routine.validate().unwrap_err();
        let grouped = messages_by_step(&errors, MAX_STEPS);
        assert_eq!(grouped.len(), MAX_STEPS);
        assert_eq!(grouped[0], ["Step 1: give it a name."]);
        assert!(grouped[1].is_empty());
        assert_eq!(
            grouped[2],
            ["Step 3: a hold, rest or movement needs at least one second."]
        );
        assert_eq!(
            grouped[MAX_STEPS - 1],
            [format!("Step {MAX_STEPS}: give it a name.")]
        );
        assert_eq!(
            messages_by_step(&errors, 2).len(),
            2,
            "a message for a step that is gone is dropped"
        );
    }
}
