//! Checks on a routine before it is saved or played: [`Routine::validate`] and the
//! [`ValidationError`]s it reports, each naming the step it is about (a growing hold's
//! [`Progression`](super::Progression) included).

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
        problems.extend(pose_problem(self.pose.as_deref(), step));
        problems
    }
}

/// The problem with a step's picture, if its pose is not one Limber can draw (an imported
/// routine from a newer version, or a damaged file).
pub fn pose_problem(pose: Option<&str>, step: usize) -> Option<ValidationError> {
    pose.filter(|pose_id| !crate::pose::is_known_pose(pose_id))
        .map(|pose_id| ValidationError::UnknownPose {
            step,
            pose: pose_id.chars().take(MAX_NAME_CHARS).collect(),
        })
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
        if let Some(progression) = &self.progression {
            problems.extend(progression.problems(self));
        }
        let total_ms = self.longest_total_ms();
        if total_ms > MAX_ROUTINE_MS {
            problems.push(ValidationError::RoutineTooLong { total_ms });
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The timed length, in milliseconds, with a growing hold at whichever is longer: its
    /// step's own length or its goal.
    fn longest_total_ms(&self) -> u64 {
        let own = self.total_ms();
        match &self.progression {
            Some(progression) => {
                own.max(self.with_progression_applied(progression.max_ms).total_ms())
            }
            None => own,
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
    /// A step's picture names a pose that is not in [`crate::pose::POSES`].
    #[error("Step {}: the picture \"{pose}\" is not one this version can draw.", step + 1)]
    UnknownPose {
        /// Index of the step.
        step: usize,
        /// The pose id given (at most [`MAX_NAME_CHARS`] characters of it).
        pose: String,
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
    /// The progression names a step the routine does not have.
    #[error("The growing hold is step {}, but there is no such step.", step + 1)]
    ProgressionStepMissing {
        /// Index of the missing step.
        step: usize,
    },
    /// The progression's step is a setup or a rest.
    #[error("Step {}: only a hold or a movement can grow.", step + 1)]
    ProgressionNotAHold {
        /// Index of the step.
        step: usize,
    },
    /// The progression starts at zero seconds.
    #[error("Step {}: the growing hold needs to start at one second or more.", step + 1)]
    ProgressionStartZero {
        /// Index of the step.
        step: usize,
    },
    /// The progression grows by nothing.
    #[error("Step {}: say how much the hold grows each time.", step + 1)]
    ProgressionNoIncrement {
        /// Index of the step.
        step: usize,
    },
    /// The progression's goal is shorter than its start.
    #[error(
        "Step {}: the goal, {}, is shorter than the start, {}.",
        step + 1,
        format_countdown(*max_ms),
        format_countdown(*start_ms)
    )]
    ProgressionGoalBelowStart {
        /// Index of the step.
        step: usize,
        /// The start, in milliseconds.
        start_ms: u64,
        /// The goal, in milliseconds.
        max_ms: u64,
    },
    /// The progression's goal is longer than [`MAX_STEP_PART_MS`].
    #[error(
        "Step {}: the goal, {}, is too long for one hold; the most is {}.",
        step + 1,
        format_countdown(*max_ms),
        format_countdown(MAX_STEP_PART_MS)
    )]
    ProgressionGoalTooLong {
        /// Index of the step.
        step: usize,
        /// The goal, in milliseconds.
        max_ms: u64,
    },
    /// The whole routine is longer than [`MAX_ROUTINE_MS`] (with a growing hold at its goal).
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
            | ValidationError::LimbEmpty { step }
            | ValidationError::UnknownPose { step, .. }
            | ValidationError::ProgressionNotAHold { step }
            | ValidationError::ProgressionStartZero { step }
            | ValidationError::ProgressionNoIncrement { step }
            | ValidationError::ProgressionGoalBelowStart { step, .. }
            | ValidationError::ProgressionGoalTooLong { step, .. } => Some(*step),
            ValidationError::NameEmpty
            | ValidationError::NameTooLong { .. }
            | ValidationError::NoSteps
            | ValidationError::NothingTimed
            | ValidationError::TooManySteps { .. }
            | ValidationError::DuplicateVariant { .. }
            | ValidationError::ProgressionStepMissing { .. }
            | ValidationError::RoutineTooLong { .. } => None,
        }
    }
}
