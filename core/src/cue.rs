//! What to say, play and vibrate, and when: [`schedule`] turns a plan into a sorted list of
//! [`Cue`]s that the sound, speech and vibration listeners all follow.

use serde::{Deserialize, Serialize};

use crate::duration::{spoken_duration, MS_PER_SECOND};
use crate::plan::{Phase, PhaseKind, Plan};
use crate::settings::Settings;

/// Holds and movements at least this long get a "Halfway." cue.
pub const HALFWAY_MIN_HOLD_MS: u64 = 40_000;
/// Holds and movements at least this long get a "Ten seconds." cue ten seconds before the end.
pub const TEN_SECONDS_MIN_HOLD_MS: u64 = 30_000;
/// Phases at least this long get 3-2-1 countdown ticks.
pub const COUNTDOWN_MIN_PHASE_MS: u64 = 10_000;
/// A breath sounds this long after the last sound, when breaths are on: Chrome stops throttling the
/// timers of a page that made a sound in the last 30 s, so speech stays on time with the
/// screen off.
pub const BREATH_EVERY_MS: u64 = 15_000;
/// A breath is left out when the next sound is closer than this.
pub const BREATH_CLEAR_MS: u64 = 3_000;

/// Which optional cues to include.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CueOptions {
    /// "Halfway." in long holds and movements.
    pub halfway: bool,
    /// 3-2-1 ticks at the end of phases, and "Ten seconds." in holds and movements.
    pub countdown: bool,
    /// A very soft breath sound in every silence longer than [`BREATH_EVERY_MS`].
    #[serde(default)]
    pub breath: bool,
}

impl Default for CueOptions {
    fn default() -> Self {
        Self {
            halfway: true,
            countdown: true,
            breath: false,
        }
    }
}

impl CueOptions {
    /// The options the user chose in Settings.
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            halfway: settings.halfway_cue,
            countdown: settings.countdown_beeps,
            breath: settings.breath_sound,
        }
    }
}

/// What a cue marks; listeners pick an earcon per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// The lead-in begins.
    LeadIn,
    /// A timed setup begins.
    SetupStart,
    /// A hold or movement begins (the first side, or an unsided step).
    HoldStart,
    /// A hold or movement begins on the other side from the step's previous one.
    SideSwitch,
    /// A rest begins.
    RestStart,
    /// Half of a long hold or movement is done.
    Halfway,
    /// This many whole seconds are left: 10 (spoken), then 3, 2, 1 (ticks).
    Countdown(u8),
    /// The plan is over.
    Done,
    /// A soft sound in a long silence that keeps the page awake (no words, no vibration).
    Breath,
}

impl CueKind {
    /// The vibration pattern (on, off, on … in milliseconds), different for each kind.
    pub fn vibration_pattern(self) -> &'static [u32] {
        match self {
            CueKind::LeadIn => &[250, 250, 250],
            CueKind::SetupStart => &[300, 100, 300],
            CueKind::HoldStart => &[400],
            CueKind::SideSwitch => &[200, 100, 200, 100, 200],
            CueKind::RestStart => &[150, 100, 150],
            CueKind::Halfway => &[100, 100, 100],
            CueKind::Countdown(_) => &[60],
            CueKind::Done => &[600, 150, 600],
            CueKind::Breath => &[],
        }
    }

    /// True for the cue that opens a phase (one per phase, at its start).
    pub fn is_phase_entry(self) -> bool {
        matches!(
            self,
            CueKind::LeadIn
                | CueKind::SetupStart
                | CueKind::HoldStart
                | CueKind::SideSwitch
                | CueKind::RestStart
        )
    }
}

/// One thing to announce at one moment of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// Position in the schedule: stable for a session, so listeners can tell cues apart.
    pub id: u32,
    /// When, in milliseconds from the start of the plan.
    pub at_ms: u64,
    /// The phase it belongs to (the last phase for [`CueKind::Done`]).
    pub phase_index: usize,
    /// What it marks.
    pub kind: CueKind,
    /// What to say, if anything.
    pub words: Option<String>,
    /// How to vibrate: on, off, on … in milliseconds.
    pub vibration: Vec<u32>,
}

/// Every cue of a plan, sorted by time (cues at the same moment keep phase order).
/// An empty plan has no cues.
///
/// ```
/// use limber_core::cue::{schedule, CueKind, CueOptions};
/// use limber_core::plan::{Plan, PlanOptions};
/// let routine = limber_core::library::find_builtin("strap-hamstring").unwrap();
/// let plan = Plan::from_routine(&routine, &PlanOptions::default());
/// let cues = schedule(&plan, CueOptions::default());
/// let switch = cues.iter().find(|cue| cue.kind == CueKind::SideSwitch).unwrap();
/// assert_eq!(switch.words.as_deref(), Some("Switch to your left leg. Hold for three minutes."));
/// ```
pub fn schedule(plan: &Plan, options: CueOptions) -> Vec<Cue> {
    let mut cues = Vec::new();
    for phase in &plan.phases {
        let mut add = |at_ms: u64, kind: CueKind, words: Option<String>| {
            cues.push(Cue {
                id: 0,
                at_ms,
                phase_index: phase.index,
                kind,
                words,
                vibration: kind.vibration_pattern().to_vec(),
            });
        };
        let (kind, words) = entry(plan, phase);
        add(phase.start_ms, kind, Some(words));
        let end_ms = phase.end_ms();
        let is_work = phase.kind.is_work();
        if options.halfway && is_work && phase.duration_ms >= HALFWAY_MIN_HOLD_MS {
            let halfway_ms = phase.start_ms + phase.duration_ms / 2;
            add(halfway_ms, CueKind::Halfway, Some("Halfway.".to_string()));
        }
        if options.countdown && is_work && phase.duration_ms >= TEN_SECONDS_MIN_HOLD_MS {
            let words = Some("Ten seconds.".to_string());
            add(end_ms - 10 * MS_PER_SECOND, CueKind::Countdown(10), words);
        }
        if options.countdown && phase.duration_ms >= COUNTDOWN_MIN_PHASE_MS {
            for seconds_left in [3_u8, 2, 1] {
                let at_ms = end_ms - u64::from(seconds_left) * MS_PER_SECOND;
                add(at_ms, CueKind::Countdown(seconds_left), None);
            }
        }
    }
    if let Some(last) = plan.phases.last() {
        cues.push(Cue {
            id: 0,
            at_ms: plan.total_ms,
            phase_index: last.index,
            kind: CueKind::Done,
            words: Some("Done. How is your back now?".to_string()),
            vibration: CueKind::Done.vibration_pattern().to_vec(),
        });
    }
    cues.sort_by_key(|cue| cue.at_ms);
    if options.breath {
        cues = with_breaths(cues, plan);
    }
    for (id, cue) in cues.iter_mut().enumerate() {
        cue.id = u32::try_from(id).unwrap_or(u32::MAX);
    }
    cues
}

/// The cues with a breath every [`BREATH_EVERY_MS`] in each longer silence between them.
fn with_breaths(cues: Vec<Cue>, plan: &Plan) -> Vec<Cue> {
    let mut out = Vec::with_capacity(cues.len() * 2);
    let mut last_sound_ms = 0;
    for cue in cues {
        let mut at_ms = last_sound_ms + BREATH_EVERY_MS;
        while at_ms + BREATH_CLEAR_MS <= cue.at_ms {
            out.push(Cue {
                id: 0,
                at_ms,
                phase_index: plan.phase_at(at_ms).unwrap_or(cue.phase_index),
                kind: CueKind::Breath,
                words: None,
                vibration: Vec::new(),
            });
            at_ms += BREATH_EVERY_MS;
        }
        last_sound_ms = cue.at_ms;
        out.push(cue);
    }
    out
}

/// The kind and words of the cue that opens `phase`.
fn entry(plan: &Plan, phase: &Phase) -> (CueKind, String) {
    let length = spoken_seconds(phase.duration_ms);
    match phase.kind {
        PhaseKind::LeadIn => {
            let first = plan
                .next_after(phase.index)
                .map_or("The routine", |next| next.step_name.as_str());
            (
                CueKind::LeadIn,
                format!("Get ready. {first} starts in {length}."),
            )
        }
        PhaseKind::Setup => (
            CueKind::SetupStart,
            format!("{}. {}", phase.step_name, phase.instructions),
        ),
        PhaseKind::Rest => (CueKind::RestStart, format!("Rest for {length}.")),
        PhaseKind::Hold | PhaseKind::Move => {
            let doing = if phase.kind == PhaseKind::Hold {
                format!("Hold for {length}.")
            } else {
                format!("Keep moving slowly for {length}.")
            };
            match phase.side {
                Some(side) if phase.switches_side => (
                    CueKind::SideSwitch,
                    format!("Switch to your {} {}. {doing}", side.name(), phase.limb),
                ),
                Some(side) => (
                    CueKind::HoldStart,
                    format!("{} {}. {doing}", side.title(), phase.limb),
                ),
                None => (CueKind::HoldStart, format!("{}. {doing}", phase.step_name)),
            }
        }
    }
}

/// A length in words, rounded up to whole seconds: "three minutes".
fn spoken_seconds(duration_ms: u64) -> String {
    spoken_duration(duration_ms.div_ceil(MS_PER_SECOND))
}
