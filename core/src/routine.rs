//! Routines and their steps: the data a user follows, with sources and safety notes.
//!
//! A [`Routine`] is ordered [`Step`]s; a step may be done on one side, on no side, or on both
//! sides in turn. [`crate::plan`] expands a routine into timed phases.

use serde::{Deserialize, Serialize};

use crate::side::BodySide;

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
    /// Setup, hold or rest.
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

impl Routine {
    /// Finds a variant by id.
    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|variant| variant.id == id)
    }
}
