//! The result in words a patient understands — always "for you, in this trial", interim
//! results only "so far" with a warning, and never a cure claim.

use super::analysis::{Analysis, TrialStatus};
use super::design::{Arm, Trial};
use super::statistics::Statistics;

/// The plain verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The whole 95 % interval is above 0 and the exact test gives p < 0.05.
    ClearlyLower,
    /// At least an 80 % chance the effect is above 0.
    ProbablyLower,
    /// Neither direction is likely enough.
    NoClearDifference,
    /// At most a 20 % chance the effect is above 0: higher on A.
    ProbablyHigher,
}

/// Warning shown with every interim result.
pub const INTERIM_WARNING: &str = "These are results so far. Stopping a trial because the \
     result looks good makes it look better than it is: finish the plan for a fair answer.";

/// The line under every result.
pub const NOT_A_CURE: &str = "This describes how things went for you during this trial. It \
     is not a diagnosis and not a promise of a cure; talk to your clinician about what it means.";

impl Verdict {
    /// The verdict of `statistics`.
    pub fn of(statistics: &Statistics) -> Self {
        if statistics.interval.0 > 0.0 && statistics.p_one_sided < 0.05 {
            Verdict::ClearlyLower
        } else if statistics.chance_above_zero >= 0.8 {
            Verdict::ProbablyLower
        } else if statistics.chance_above_zero <= 0.2 {
            Verdict::ProbablyHigher
        } else {
            Verdict::NoClearDifference
        }
    }

    /// "clearly lower", "probably lower", "no clear difference", "probably higher".
    pub fn label(self) -> &'static str {
        match self {
            Verdict::ClearlyLower => "clearly lower",
            Verdict::ProbablyLower => "probably lower",
            Verdict::NoClearDifference => "no clear difference",
            Verdict::ProbablyHigher => "probably higher",
        }
    }
}

/// The sentences of a result, in the order shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultText {
    /// "Result so far (day 9 of 56)", "Final result", "Stopped early — result".
    pub heading: String,
    /// The interim warning, when the trial is still running.
    pub warning: Option<String>,
    /// Effect, p, chances and verdict; or why there is no result yet.
    pub lines: Vec<String>,
    /// Pairs that counted and adherence.
    pub adherence: Vec<String>,
}

/// Words for `analysis` of `trial`.
pub fn result_text(trial: &Trial, analysis: &Analysis) -> ResultText {
    let design = &trial.design;
    let heading = match analysis.status {
        TrialStatus::NotStarted => "Not started yet".to_string(),
        TrialStatus::Running => match analysis.today {
            Some(day) => format!(
                "Result so far (day {} of {})",
                day.number,
                design.total_days()
            ),
            None => "Result so far".to_string(),
        },
        TrialStatus::Complete => "Final result".to_string(),
        TrialStatus::StoppedEarly => "Stopped early — result of the days before".to_string(),
    };
    let warning = (analysis.status == TrialStatus::Running).then(|| INTERIM_WARNING.to_string());
    let lines = match &analysis.statistics {
        None => vec![format!(
            "No result yet: at least 2 pairs of blocks must count (each block needs 3 days \
             with a value after its washout). {} counted so far.",
            analysis.differences.len()
        )],
        Some(statistics) => effect_lines(trial, statistics),
    };
    let adherence = adherence_lines(trial, analysis);
    ResultText {
        heading,
        warning,
        lines,
        adherence,
    }
}

fn effect_lines(trial: &Trial, statistics: &Statistics) -> Vec<String> {
    let design = &trial.design;
    let outcome = design.outcome.label();
    let unit = design.outcome.unit();
    let blocks = match &design.b {
        Arm::NoStretching => "On stretching blocks".to_string(),
        Arm::Routine { .. } => format!(
            "On {} blocks (compared with {} blocks)",
            design.a.describe(),
            design.b.describe()
        ),
    };
    let (low, high) = statistics.interval;
    let effect = if statistics.mean >= 0.0 {
        format!(
            "{blocks} your {outcome} was on average {:.1} {unit} lower (95 % interval {:.1} to {:.1}).",
            statistics.mean, low, high
        )
    } else {
        format!(
            "{blocks} your {outcome} was on average {:.1} {unit} higher (95 % interval {:.1} to {:.1}).",
            -statistics.mean, -high, -low
        )
    };
    let percent = |chance: f64| format!("{:.0} %", chance * 100.0);
    let verdict = Verdict::of(statistics);
    vec![
        effect,
        format!(
            "p = {:.3} (exact randomisation test; two-sided p = {:.3}).",
            statistics.p_one_sided, statistics.p_two_sided
        ),
        format!(
            "Chance the effect is above 0: {}. Chance the effect is at least 1 {}: {}. \
             Chance the effect is at least 2 {unit}: {}.",
            percent(statistics.chance_above_zero),
            unit.trim_end_matches('s'),
            percent(statistics.chance_at_least_1),
            percent(statistics.chance_at_least_2)
        ),
        format!(
            "Verdict for you, in this trial: {} {outcome} with {}.",
            verdict.label(),
            design.a.describe()
        ),
        NOT_A_CURE.to_string(),
    ]
}

fn adherence_lines(trial: &Trial, analysis: &Analysis) -> Vec<String> {
    let adherence = &analysis.adherence;
    vec![
        format!(
            "Pairs that counted: {} of {}.",
            analysis.differences.len(),
            trial.design.pairs
        ),
        format!(
            "A days done: {} of {}. B days kept: {} of {}. Check-ins missed: {}. Deviations: {}.",
            adherence.a_days_done,
            adherence.a_days,
            adherence.b_days_kept,
            adherence.b_days,
            adherence.check_ins_missed,
            analysis.deviations.len()
        ),
    ]
}
