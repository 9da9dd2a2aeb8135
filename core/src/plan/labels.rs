//! The words the player shows around the timer: which exercise and round this is, and what
//! kind of phase it is, so a rest never reads like a hold.

use super::{Phase, PhaseKind};

impl Phase {
    /// The exercise and round, "Knee to chest — round 2 of 3" (just the name for a step done
    /// once); `None` for the lead-in, whose title already says it all.
    pub fn exercise_line(&self) -> Option<String> {
        if self.kind == PhaseKind::LeadIn {
            return None;
        }
        Some(if self.repetitions > 1 {
            format!(
                "{} — round {} of {}",
                self.step_name, self.repetition, self.repetitions
            )
        } else {
            self.step_name.clone()
        })
    }
}

impl PhaseKind {
    /// What to do now, in a word or three: "Hold", "Rest — let go", …
    pub fn label(self) -> &'static str {
        match self {
            PhaseKind::LeadIn => "Get ready",
            PhaseKind::Setup => "Get into position",
            PhaseKind::Hold => "Hold",
            PhaseKind::Rest => "Rest — let go",
            PhaseKind::Move => "Keep moving",
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::library::find_builtin;
    use crate::plan::{PhaseKind, Plan, PlanOptions};

    #[test]
    fn holds_name_their_exercise_and_round_and_rests_say_rest() {
        let routine = find_builtin("strap-hamstring").unwrap();
        let options = PlanOptions {
            variant_id: None,
            lead_in_ms: 5_000,
        };
        let plan = Plan::from_routine(&routine, &options);
        let lead_in = &plan.phases[0];
        assert_eq!(lead_in.exercise_line(), None);
        let hold = plan
            .phases
            .iter()
            .find(|phase| phase.kind == PhaseKind::Hold)
            .unwrap();
        assert_eq!(
            hold.exercise_line().as_deref(),
            Some(routine.steps[hold.step_index.unwrap()].name.as_str())
        );
        let mut second_round = hold.clone();
        second_round.repetition = 2;
        second_round.repetitions = 3;
        assert_eq!(
            second_round.exercise_line(),
            Some(format!("{} — round 2 of 3", hold.step_name))
        );
        assert_ne!(PhaseKind::Rest.label(), PhaseKind::Hold.label());
        assert!(PhaseKind::Rest.label().starts_with("Rest"));
    }
}
