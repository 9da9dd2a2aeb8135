//! Checks on a routine before it is saved or played: [`Routine::validate`] and the
//! [`ValidationError`]s it reports, each naming the step it is about.

use crate::duration::format_countdown;
use crate::routine::{Routine, Sides, Step, StepKind};

/// Most characters in a routine's or a step's name.
pub const MAX_NAME_CHARS: usize = 80;
/// Most characters in one step's instructions.
pub const MAX_INSTRUCTIONS_CHARS: usize = 1_000;
/// Most steps in a routine.
pub const MAX_STEPS: usize = 50;
/// Most repetitions of one step.
pub const MAX_REPETITIONS: u32 = 20;
/// Longest single timed part of a step (one hold, one rest, one setup), in milliseconds: 30 min.
pub const MAX_STEP_PART_MS: u64 = 30 * 60 * 1_000;
/// Longest timed routine, in milliseconds: 2 hours.
pub const MAX_ROUTINE_MS: u64 = 2 * 60 * 60 * 1_000;

impl Step {
    /// Every problem with this step, which is step number `step` (0-based) of its routine.
    fn problems(&self, step: usize) -> Vec<ValidationError> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(ValidationError::StepNameEmpty { step });
        }
        let name_length = self.name.chars().count();
        if name_length > MAX_NAME_CHARS {
            problems.push(ValidationError::StepNameTooLong {
                step,
                length: name_length,
            });
        }
        let instructions_length = self.instructions.chars().count();
        if instructions_length > MAX_INSTRUCTIONS_CHARS {
            problems.push(ValidationError::InstructionsTooLong {
                step,
                length: instructions_length,
            });
        }
        if self.duration_ms == 0 && self.kind != StepKind::Setup {
            problems.push(ValidationError::ZeroDuration { step });
        }
        if self.repetitions == 0 {
            problems.push(ValidationError::ZeroRepetitions { step });
        }
        if self.repetitions > MAX_REPETITIONS {
            problems.push(ValidationError::TooManyRepetitions {
                step,
                count: self.repetitions,
            });
        }
        let longest_part_ms = self
            .duration_ms
            .max(self.rest_between_reps_ms)
            .max(self.rest_between_sides_ms());
        if longest_part_ms > MAX_STEP_PART_MS {
            problems.push(ValidationError::StepTooLong {
                step,
                duration_ms: longest_part_ms,
            });
        }
        if self.sides != Sides::None && self.limb.trim().is_empty() {
            problems.push(ValidationError::LimbEmpty { step });
        }
        problems
    }
}

impl Routine {
    /// Checks the routine can be saved and played; on failure, every problem found, in the
    /// order of the fields (routine first, then each step).
    ///
    /// ```
    /// use limber_core::routine::ValidationError;
    /// let mut routine = limber_core::library::find_builtin("strap-hamstring").unwrap();
    /// assert_eq!(routine.validate(), Ok(()));
    /// routine.steps[1].duration_ms = 0;
    /// assert_eq!(routine.validate(), Err(vec![ValidationError::ZeroDuration { step: 1 }]));
    /// ```
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(ValidationError::NameEmpty);
        }
        let name_length = self.name.chars().count();
        if name_length > MAX_NAME_CHARS {
            problems.push(ValidationError::NameTooLong {
                length: name_length,
            });
        }
        if self.steps.is_empty() {
            problems.push(ValidationError::NoSteps);
        } else if self.steps.iter().all(Step::is_untimed) {
            problems.push(ValidationError::NothingTimed);
        }
        if self.steps.len() > MAX_STEPS {
            problems.push(ValidationError::TooManySteps {
                count: self.steps.len(),
            });
        }
        for (index, variant) in self.variants.iter().enumerate() {
            if self.variants[..index]
                .iter()
                .any(|earlier| earlier.id == variant.id)
            {
                problems.push(ValidationError::DuplicateVariant {
                    id: variant.id.clone(),
                });
            }
        }
        for (step, details) in self.steps.iter().enumerate() {
            problems.extend(details.problems(step));
        }
        let total_ms = self.total_ms();
        if total_ms > MAX_ROUTINE_MS {
            problems.push(ValidationError::RoutineTooLong { total_ms });
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// One problem that stops a routine from being saved or played. `step` fields are 0-based
/// indexes into [`Routine::steps`]; messages number steps from 1, as the editor shows them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// The routine's name is blank.
    #[error("Give the routine a name.")]
    NameEmpty,
    /// The routine's name is longer than [`MAX_NAME_CHARS`].
    #[error("The name has {length} characters; keep it to {MAX_NAME_CHARS}.")]
    NameTooLong {
        /// Characters in the name.
        length: usize,
    },
    /// The routine has no steps.
    #[error("Add at least one step.")]
    NoSteps,
    /// Every step is an untimed setup, so there is nothing for the player to time.
    #[error("Add a hold or a rest: every step is an untimed setup.")]
    NothingTimed,
    /// The routine has more than [`MAX_STEPS`] steps.
    #[error("The routine has {count} steps; the most is {MAX_STEPS}.")]
    TooManySteps {
        /// Steps in the routine.
        count: usize,
    },
    /// Two variants share an id.
    #[error("Two variants have the id \"{id}\"; each needs its own.")]
    DuplicateVariant {
        /// The repeated id.
        id: String,
    },
    /// A step's name is blank.
    #[error("Step {}: give it a name.", step + 1)]
    StepNameEmpty {
        /// Index of the step.
        step: usize,
    },
    /// A step's name is longer than [`MAX_NAME_CHARS`].
    #[error("Step {}: the name has {length} characters; keep it to {MAX_NAME_CHARS}.", step + 1)]
    StepNameTooLong {
        /// Index of the step.
        step: usize,
        /// Characters in the name.
        length: usize,
    },
    /// A step's instructions are longer than [`MAX_INSTRUCTIONS_CHARS`].
    #[error(
        "Step {}: the instructions have {length} characters; keep them to {MAX_INSTRUCTIONS_CHARS}.",
        step + 1
    )]
    InstructionsTooLong {
        /// Index of the step.
        step: usize,
        /// Characters in the instructions.
        length: usize,
    },
    /// A hold, rest or movement lasts zero seconds.
    #[error("Step {}: a hold, rest or movement needs at least one second.", step + 1)]
    ZeroDuration {
        /// Index of the step.
        step: usize,
    },
    /// A step is repeated zero times.
    #[error("Step {}: do it at least once.", step + 1)]
    ZeroRepetitions {
        /// Index of the step.
        step: usize,
    },
    /// A step is repeated more than [`MAX_REPETITIONS`] times.
    #[error("Step {}: {count} repetitions; the most is {MAX_REPETITIONS}.", step + 1)]
    TooManyRepetitions {
        /// Index of the step.
        step: usize,
        /// Repetitions asked for.
        count: u32,
    },
    /// One hold, rest or setup of a step is longer than [`MAX_STEP_PART_MS`].
    #[error(
        "Step {}: {} is too long for one hold or rest; the most is {}.",
        step + 1,
        format_countdown(*duration_ms),
        format_countdown(MAX_STEP_PART_MS)
    )]
    StepTooLong {
        /// Index of the step.
        step: usize,
        /// The longest part, in milliseconds.
        duration_ms: u64,
    },
    /// A step done on a side has no name for that side ("leg", "hip").
    #[error("Step {}: say what the side is called, such as \"leg\".", step + 1)]
    LimbEmpty {
        /// Index of the step.
        step: usize,
    },
    /// The whole routine is longer than [`MAX_ROUTINE_MS`].
    #[error(
        "The routine lasts {}; the most is {}.",
        format_countdown(*total_ms),
        format_countdown(MAX_ROUTINE_MS)
    )]
    RoutineTooLong {
        /// Timed length of the routine, in milliseconds.
        total_ms: u64,
    },
}

impl ValidationError {
    /// The step the problem is in, if it is in one: the editor highlights that step.
    pub fn step_index(&self) -> Option<usize> {
        match self {
            ValidationError::StepNameEmpty { step }
            | ValidationError::StepNameTooLong { step, .. }
            | ValidationError::InstructionsTooLong { step, .. }
            | ValidationError::ZeroDuration { step }
            | ValidationError::ZeroRepetitions { step }
            | ValidationError::TooManyRepetitions { step, .. }
            | ValidationError::StepTooLong { step, .. }
            | ValidationError::LimbEmpty { step } => Some(*step),
            ValidationError::NameEmpty
            | ValidationError::NameTooLong { .. }
            | ValidationError::NoSteps
            | ValidationError::NothingTimed
            | ValidationError::TooManySteps { .. }
            | ValidationError::DuplicateVariant { .. }
            | ValidationError::RoutineTooLong { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::side::BodySide;

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
        let variant = crate::routine::Variant {
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
}
