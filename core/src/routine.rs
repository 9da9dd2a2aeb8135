//! Routines and their steps: the data a user follows, with sources and safety notes.
//!
//! A [`Routine`] is ordered [`Step`]s; a step may be done on one side, on no side, or on both
//! sides in turn. [`crate::plan`] expands a routine into timed phases (and gives
//! [`Routine::total_ms`]), so this module needs nothing from it. [`Routine::validate`]
//! checks a routine (built in, edited or imported) before it is saved or played. A routine may
//! carry a [`Progression`]: one hold that grows over sessions or days.

use serde::{Deserialize, Serialize};

use crate::side::BodySide;

mod owned;
mod progression;
mod validation;

pub use owned::already_owned;
pub use progression::{
    current_target, progression_today, routine_for_today, Every, Progression, ProgressionToday,
};
pub use validation::{
    pose_problem, ValidationError, MAX_INSTRUCTIONS_CHARS, MAX_NAME_CHARS, MAX_REPETITIONS,
    MAX_ROUTINE_MS, MAX_STEPS, MAX_STEP_PART_MS,
};

/// A guided stretching routine, built in or made by the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Routine {
    /// Stable identifier, e.g. "strap-hamstring". Built-in ids never change.
    pub id: String,
    /// Name shown in lists, e.g. "Strap hamstring stretch — 3:00 per leg".
    pub name: String,
    /// One or two sentences: what it is and who it suits.
    pub summary: String,
    /// Short tags for the list: "hamstrings", "lying down", "strap".
    #[serde(default)]
    pub tags: Vec<String>,
    /// Citations the routine rests on.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Cautions shown before starting.
    #[serde(default)]
    pub safety_notes: Vec<String>,
    /// Ways to do it (e.g. "resting leg flat" / "resting knee bent — gentler"); may be empty.
    #[serde(default)]
    pub variants: Vec<Variant>,
    /// The steps in order.
    pub steps: Vec<Step>,
    /// One hold that grows over sessions or days, if the user asked for it. Documents from
    /// before progression existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progression: Option<Progression>,
}

/// A citation for a routine or a rule, written out in full (no link is ever fetched).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The citation as it is shown, e.g. "Bandy WD, Irion JM, Briggler M. Phys Ther. 1997;77(10):1090-6."
    pub citation: String,
    /// What the source supports, in plain words.
    #[serde(default)]
    pub supports: String,
}

/// One way of doing a routine. Its note is added to the instructions of every hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// Stable identifier within the routine, e.g. "leg-flat".
    pub id: String,
    /// Name shown in the variant picker, e.g. "Resting knee bent — gentler".
    pub name: String,
    /// What the user does differently, added to hold instructions.
    pub note: String,
}

/// What a step asks of the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// Getting into position. A setup of zero seconds is untimed: shown before Start only.
    Setup,
    /// Holding a stretch.
    Hold,
    /// Resting.
    Rest,
    /// A slow, repeated movement for a set time (cat–cow): timed like a hold, announced as
    /// "keep moving".
    Move,
}

/// Which side(s) a step is done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "mode")]
pub enum Sides {
    /// Not sided (e.g. cat–cow).
    None,
    /// Left side only.
    Left,
    /// Right side only.
    Right,
    /// Each side in turn: `first`, then the other, with a rest between them.
    Both {
        /// The side done first.
        first: BodySide,
        /// Rest between the two sides, in milliseconds (0 for none).
        rest_between_ms: u64,
    },
}

impl Sides {
    /// The sides in the order they are done; `[None]` for an unsided step.
    pub fn order(self) -> Vec<Option<BodySide>> {
        match self {
            Sides::None => vec![None],
            Sides::Left => vec![Some(BodySide::Left)],
            Sides::Right => vec![Some(BodySide::Right)],
            Sides::Both { first, .. } => vec![Some(first), Some(first.other())],
        }
    }
}

/// One step of a routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Short name, e.g. "Strap hamstring hold".
    pub name: String,
    /// What to do, written to be read or spoken.
    pub instructions: String,
    /// Setup, hold, rest or movement.
    pub kind: StepKind,
    /// Length of one repetition on one side, in milliseconds.
    pub duration_ms: u64,
    /// How many times in a row (at least 1).
    #[serde(default = "one")]
    pub repetitions: u32,
    /// Rest between repetitions, in milliseconds (0 for none).
    #[serde(default)]
    pub rest_between_reps_ms: u64,
    /// Which side(s).
    #[serde(default = "no_sides")]
    pub sides: Sides,
    /// What a side is called in titles and speech: "leg" gives "Right leg — hold 3:00".
    #[serde(default = "default_limb")]
    pub limb: String,
    /// The picture shown beside the step: an id from [`crate::pose::POSES`], if it has one.
    /// Documents and links from before pictures existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pose: Option<String>,
}

fn one() -> u32 {
    1
}

fn no_sides() -> Sides {
    Sides::None
}

fn default_limb() -> String {
    "side".to_string()
}

impl Step {
    /// A step done once, on no particular side, with no rests: the start of a builder chain
    /// (`Step::new(..).per_side(..).repeated(..).with_limb(..)`).
    pub fn new(kind: StepKind, name: &str, instructions: &str, duration_ms: u64) -> Self {
        Self {
            name: name.to_string(),
            instructions: instructions.to_string(),
            kind,
            duration_ms,
            repetitions: 1,
            rest_between_reps_ms: 0,
            sides: Sides::None,
            limb: default_limb(),
            pose: None,
        }
    }

    /// The same step done on both sides, `first` side first, resting `rest_between_ms` between.
    pub fn per_side(mut self, first: BodySide, rest_between_ms: u64) -> Self {
        self.sides = Sides::Both {
            first,
            rest_between_ms,
        };
        self
    }

    /// The same step repeated `repetitions` times, resting `rest_between_reps_ms` between.
    pub fn repeated(mut self, repetitions: u32, rest_between_reps_ms: u64) -> Self {
        self.repetitions = repetitions;
        self.rest_between_reps_ms = rest_between_reps_ms;
        self
    }

    /// The same step with its sides named after `limb` ("leg" gives "Right leg").
    pub fn with_limb(mut self, limb: &str) -> Self {
        self.limb = limb.to_string();
        self
    }

    /// The same step with the picture of pose `pose_id` (see [`crate::pose::POSES`]).
    pub fn with_pose(mut self, pose_id: &str) -> Self {
        self.pose = Some(pose_id.to_string());
        self
    }

    /// True for a setup of zero seconds: shown before Start, not timed.
    pub fn is_untimed(&self) -> bool {
        self.kind == StepKind::Setup && self.duration_ms == 0
    }

    /// The rest between the two sides, in milliseconds (0 unless done on both sides).
    pub fn rest_between_sides_ms(&self) -> u64 {
        match self.sides {
            Sides::Both {
                rest_between_ms, ..
            } => rest_between_ms,
            _ => 0,
        }
    }
}

impl Routine {
    /// Finds a variant by id.
    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|variant| variant.id == id)
    }

    /// The variant used when none is chosen: the first one listed.
    pub fn default_variant(&self) -> Option<&Variant> {
        self.variants.first()
    }

    /// The same routine under a new id, e.g. when saving one opened from a share link or a
    /// file, or duplicating one: it never replaces a routine that is already here, and its
    /// progression starts again (sessions are counted by routine id).
    pub fn as_new_copy(&self, new_id: impl Into<String>) -> Routine {
        Routine {
            id: new_id.into(),
            ..self.clone()
        }
    }
}
