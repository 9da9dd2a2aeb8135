//! Which leg (or side of the body) a phase works on.

use serde::{Deserialize, Serialize};

/// One side of the body. Steps done "per side" expand into one phase per side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodySide {
    /// The user's left side.
    Left,
    /// The user's right side.
    Right,
}

impl BodySide {
    /// The other side.
    pub fn other(self) -> Self {
        match self {
            BodySide::Left => BodySide::Right,
            BodySide::Right => BodySide::Left,
        }
    }

    /// Lower-case English name: "left" or "right".
    pub fn name(self) -> &'static str {
        match self {
            BodySide::Left => "left",
            BodySide::Right => "right",
        }
    }

    /// Capitalised English name: "Left" or "Right".
    pub fn title(self) -> &'static str {
        match self {
            BodySide::Left => "Left",
            BodySide::Right => "Right",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_side_flips_and_names_read_well() {
        assert_eq!(BodySide::Left.other(), BodySide::Right);
        assert_eq!(BodySide::Right.other().other(), BodySide::Right);
        assert_eq!(BodySide::Left.name(), "left");
        assert_eq!(BodySide::Right.title(), "Right");
    }

    #[test]
    fn serialises_as_lowercase_words() {
        assert_eq!(serde_json::to_string(&BodySide::Left).unwrap(), "\"left\"");
        let side: BodySide = serde_json::from_str("\"right\"").unwrap();
        assert_eq!(side, BodySide::Right);
    }
}
