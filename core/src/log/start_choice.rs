//! What Today's Start plays: the routine *and* variant the user last ran, so a "Resting leg
//! flat" session is followed by another one, not by the routine's default.

use super::Log;

/// A routine with the variant to play it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineChoice {
    /// The routine's id.
    pub routine_id: String,
    /// The variant's id; `None` plays the routine's default.
    pub variant_id: Option<String>,
}

impl Log {
    /// The routine and variant of the session started last (completed or stopped), if any.
    pub fn last_routine_choice(&self) -> Option<RoutineChoice> {
        self.sessions()
            .iter()
            .max_by_key(|session| session.started.utc_ms)
            .map(|session| RoutineChoice {
                routine_id: session.routine_id.clone(),
                variant_id: session.variant_id.clone(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::{SessionRecord, Timestamp};

    fn session(id: &str, routine: &str, variant: Option<&str>, utc_ms: i64) -> SessionRecord {
        SessionRecord {
            id: id.into(),
            routine_id: routine.into(),
            routine_name: routine.into(),
            variant_id: variant.map(str::to_string),
            started: Timestamp::new(utc_ms, 60),
            ended: Timestamp::new(utc_ms + 60_000, 60),
            completed: false,
            held: Vec::new(),
            updated_ms: 0,
        }
    }

    #[test]
    fn the_last_session_decides_routine_and_variant() {
        let mut log = Log::default();
        assert_eq!(log.last_routine_choice(), None);
        let day = 1_795_509_000_000;
        log.add_session(session("a", "strap-hamstring", Some("knee-bent"), day), 1)
            .unwrap();
        log.add_session(
            session("b", "strap-hamstring", Some("leg-flat"), day + 7_200_000),
            2,
        )
        .unwrap();
        // Recorded later but started earlier: not the last one used.
        log.add_session(session("c", "cat-cow", None, day - 7_200_000), 3)
            .unwrap();
        assert_eq!(
            log.last_routine_choice(),
            Some(RoutineChoice {
                routine_id: "strap-hamstring".into(),
                variant_id: Some("leg-flat".into()),
            })
        );
    }
}
