//! A routine expanded into a timeline: every hold, rest and timed setup as a [`Phase`] with an
//! absolute start offset, so the player finds its place from elapsed time alone.

mod labels;

use serde::{Deserialize, Serialize};

use crate::duration::format_countdown;
use crate::routine::{Routine, Step, StepKind, MAX_REPETITIONS};
use crate::side::BodySide;

/// Choices made when a routine is started.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanOptions {
    /// The variant to follow; `None` (or an id the routine lacks) means the first listed.
    pub variant_id: Option<String>,
    /// A "Get ready" phase before everything else, in milliseconds (0 for none).
    pub lead_in_ms: u64,
}

/// What the user does during a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhaseKind {
    /// Countdown before the routine starts.
    LeadIn,
    /// Getting into position (a timed setup step).
    Setup,
    /// Holding a stretch.
    Hold,
    /// Resting: a rest step, or the rest between sides or repetitions.
    Rest,
    /// Moving slowly for a set time (cat–cow).
    Move,
}

impl Routine {
    /// How long the timed part takes, in milliseconds, without any lead-in.
    pub fn total_ms(&self) -> u64 {
        Plan::from_routine(self, &PlanOptions::default()).total_ms
    }
}

impl PhaseKind {
    /// True for the phases that do the work (holds and movements): these count as time
    /// stretched, and get halfway and ten-seconds cues.
    pub fn is_work(self) -> bool {
        matches!(self, PhaseKind::Hold | PhaseKind::Move)
    }
}

/// One stretch of time in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    /// Position in [`Plan::phases`].
    pub index: usize,
    /// The routine step this phase comes from; `None` for the lead-in.
    pub step_index: Option<usize>,
    /// Lead-in, setup, hold or rest.
    pub kind: PhaseKind,
    /// The side worked on; `None` for unsided steps, rests and the lead-in.
    pub side: Option<BodySide>,
    /// What a side of the step is called ("leg"); empty for the lead-in.
    pub limb: String,
    /// Headline for the player: "Right leg — hold 3:00", "Rest 1:00", "Get ready".
    pub title: String,
    /// Name of the step ("Get ready" for the lead-in).
    pub step_name: String,
    /// What to do now; holds and movements end with the chosen variant's note.
    pub instructions: String,
    /// Offset from the start of the plan, in milliseconds.
    pub start_ms: u64,
    /// Length, in milliseconds.
    pub duration_ms: u64,
    /// Which repetition of the step this is, from 1 (a rest counts with the one before it).
    pub repetition: u32,
    /// How many repetitions the step has.
    pub repetitions: u32,
    /// True for a hold or movement on the other side from the step's previous one: the user
    /// switches sides.
    pub switches_side: bool,
}

impl Phase {
    /// Offset where the phase ends, in milliseconds (the start of the next one).
    pub fn end_ms(&self) -> u64 {
        self.start_ms.saturating_add(self.duration_ms)
    }
}

/// A routine laid out in time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Id of the routine planned.
    pub routine_id: String,
    /// Name of the routine planned.
    pub routine_name: String,
    /// The variant followed, if the routine has any.
    pub variant_id: Option<String>,
    /// Untimed setup instructions, in step order, to show before Start.
    pub preparation: Vec<String>,
    /// The timed phases in order; each starts where the one before ends.
    pub phases: Vec<Phase>,
    /// Length of the whole plan, in milliseconds.
    pub total_ms: u64,
}

impl Plan {
    /// Expands a routine: for each step, each repetition, each side in order, one phase, with
    /// rests between sides and repetitions where the step asks for them. Untimed setups go to
    /// [`Plan::preparation`]; phases of zero length are left out. A routine that fails
    /// [`Routine::validate`] still gives a plan (repetitions are capped at
    /// [`MAX_REPETITIONS`]), but not necessarily the one its author meant.
    ///
    /// ```
    /// use limber_core::plan::{Plan, PlanOptions};
    /// let routine = limber_core::library::find_builtin("strap-hamstring").unwrap();
    /// let plan = Plan::from_routine(&routine, &PlanOptions { variant_id: None, lead_in_ms: 5_000 });
    /// let titles: Vec<&str> = plan.phases.iter().map(|phase| phase.title.as_str()).collect();
    /// assert_eq!(titles[0], "Get ready");
    /// assert_eq!(&titles[2..], ["Right leg — hold 3:00", "Rest 1:00", "Left leg — hold 3:00"]);
    /// ```
    pub fn from_routine(routine: &Routine, options: &PlanOptions) -> Plan {
        let variant = options
            .variant_id
            .as_deref()
            .and_then(|id| routine.variant(id))
            .or_else(|| routine.default_variant());
        let mut builder = PlanBuilder::default();
        for (step_index, step) in routine.steps.iter().enumerate() {
            if step.is_untimed() {
                builder.preparation.push(step.instructions.clone());
            } else {
                builder.add_step(step_index, step, variant.map(|v| v.note.as_str()));
            }
        }
        builder.describe_rests();
        if options.lead_in_ms > 0 && !builder.phases.is_empty() {
            builder.prepend_lead_in(options.lead_in_ms);
        }
        let total_ms = builder.phases.last().map_or(0, Phase::end_ms);
        Plan {
            routine_id: routine.id.clone(),
            routine_name: routine.name.clone(),
            variant_id: variant.map(|v| v.id.clone()),
            preparation: builder.preparation,
            phases: builder.phases,
            total_ms,
        }
    }

    /// The phase playing at `elapsed_ms` into the plan; `None` once the plan is over.
    pub fn phase_at(&self, elapsed_ms: u64) -> Option<usize> {
        let index = self
            .phases
            .partition_point(|phase| phase.end_ms() <= elapsed_ms);
        (index < self.phases.len()).then_some(index)
    }

    /// The phase after `index`, if there is one ("Next: Left leg — hold 3:00").
    pub fn next_after(&self, index: usize) -> Option<&Phase> {
        self.phases.get(index.checked_add(1)?)
    }

    /// True if there is nothing to time.
    pub fn is_empty(&self) -> bool {
        self.phases.is_empty()
    }
}

/// Collects phases while a routine is expanded.
#[derive(Default)]
struct PlanBuilder {
    phases: Vec<Phase>,
    preparation: Vec<String>,
    /// Indexes of the rests the builder made up (between sides or repetitions), which get
    /// instructions naming what comes next once every phase is known.
    generated_rests: Vec<usize>,
}

impl PlanBuilder {
    fn add_step(&mut self, step_index: usize, step: &Step, variant_note: Option<&str>) {
        let repetitions = step.repetitions.min(MAX_REPETITIONS);
        let mut previous_side = None;
        for repetition in 1..=repetitions {
            if repetition > 1 {
                self.add_generated_rest(
                    step_index,
                    step,
                    step.rest_between_reps_ms,
                    repetition - 1,
                );
            }
            for (side_number, side) in step.sides.order().into_iter().enumerate() {
                if side_number > 0 {
                    let rest_ms = step.rest_between_sides_ms();
                    self.add_generated_rest(step_index, step, rest_ms, repetition);
                }
                let is_work = matches!(step.kind, StepKind::Hold | StepKind::Move);
                let switches_side = is_work && previous_side.is_some() && previous_side != side;
                previous_side = side;
                let phase = self.step_phase(step_index, step, side, variant_note);
                self.push(Phase {
                    repetition,
                    repetitions,
                    switches_side,
                    ..phase
                });
            }
        }
    }

    /// The phase for one side of one repetition of a step (repetition fields still unset).
    fn step_phase(
        &self,
        step_index: usize,
        step: &Step,
        side: Option<BodySide>,
        variant_note: Option<&str>,
    ) -> Phase {
        let length = format_countdown(step.duration_ms);
        let (kind, title, instructions) = match step.kind {
            StepKind::Setup => (
                PhaseKind::Setup,
                format!("{} — {length}", step.name),
                step.instructions.clone(),
            ),
            StepKind::Rest => (
                PhaseKind::Rest,
                format!("Rest {length}"),
                step.instructions.clone(),
            ),
            StepKind::Hold | StepKind::Move => {
                let who = match side {
                    Some(side) => format!("{} {}", side.title(), step.limb),
                    None => step.name.clone(),
                };
                let instructions = match variant_note {
                    Some(note) if !note.is_empty() => format!("{} {note}", step.instructions),
                    _ => step.instructions.clone(),
                };
                let (kind, doing) = if step.kind == StepKind::Hold {
                    (PhaseKind::Hold, "hold")
                } else {
                    (PhaseKind::Move, "keep moving")
                };
                (kind, format!("{who} — {doing} {length}"), instructions)
            }
        };
        Phase {
            index: 0,
            step_index: Some(step_index),
            kind,
            side,
            limb: step.limb.clone(),
            title,
            step_name: step.name.clone(),
            instructions,
            start_ms: 0,
            duration_ms: step.duration_ms,
            repetition: 1,
            repetitions: 1,
            switches_side: false,
        }
    }

    fn add_generated_rest(
        &mut self,
        step_index: usize,
        step: &Step,
        rest_ms: u64,
        repetition: u32,
    ) {
        if rest_ms == 0 {
            return;
        }
        self.generated_rests.push(self.phases.len());
        self.push(Phase {
            index: 0,
            step_index: Some(step_index),
            kind: PhaseKind::Rest,
            side: None,
            limb: step.limb.clone(),
            title: format!("Rest {}", format_countdown(rest_ms)),
            step_name: step.name.clone(),
            instructions: String::new(),
            start_ms: 0,
            duration_ms: rest_ms,
            repetition,
            repetitions: step.repetitions.min(MAX_REPETITIONS),
            switches_side: false,
        });
    }

    /// Appends a phase after the last one, numbering it; zero-length phases are dropped.
    fn push(&mut self, phase: Phase) {
        if phase.duration_ms == 0 {
            return;
        }
        let start_ms = self.phases.last().map_or(0, Phase::end_ms);
        self.phases.push(Phase {
            index: self.phases.len(),
            start_ms,
            ..phase
        });
    }

    /// Gives each generated rest its instructions (what comes next is the player's "Next"
    /// line, said once).
    fn describe_rests(&mut self) {
        for &index in &self.generated_rests {
            self.phases[index].instructions = "Relax and breathe.".to_string();
        }
    }

    /// Puts a "Get ready" phase first and moves every other phase later by its length.
    fn prepend_lead_in(&mut self, lead_in_ms: u64) {
        let lead_in = Phase {
            index: 0,
            step_index: None,
            kind: PhaseKind::LeadIn,
            side: None,
            limb: String::new(),
            title: "Get ready".to_string(),
            step_name: "Get ready".to_string(),
            instructions: "Get into position.".to_string(),
            start_ms: 0,
            duration_ms: lead_in_ms,
            repetition: 1,
            repetitions: 1,
            switches_side: false,
        };
        for phase in &mut self.phases {
            phase.index += 1;
            phase.start_ms = phase.start_ms.saturating_add(lead_in_ms);
        }
        self.phases.insert(0, lead_in);
    }
}
