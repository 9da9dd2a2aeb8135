//! The personal trial's days as CSV: one row per planned day with its condition, washout,
//! the outcome's value (empty when missing) and whether the day deviated from the plan.

use super::csv::{write_row, BYTE_ORDER_MARK};
use crate::trial::analysis::Analysis;
use crate::trial::{Condition, Trial};

/// One row per trial day: date, day number, pair, condition, washout, the outcome's value
/// (empty when missing) and whether the day deviated from the plan.
pub fn trial_days_csv(trial: &Trial, analysis: &Analysis) -> String {
    let mut csv = String::from(BYTE_ORDER_MARK);
    let outcome = trial.design.outcome.label().replace(' ', "_");
    write_row(
        &mut csv,
        [
            "date",
            "trial_day",
            "pair",
            "condition",
            "condition_meaning",
            "washout",
            outcome.as_str(),
            "deviation",
        ],
    );
    for day in trial.calendar() {
        let meaning = match day.condition {
            Condition::A => trial.design.a.describe(),
            Condition::B => trial.design.b.describe(),
        };
        let value = analysis
            .values
            .get(&day.date)
            .map(|value| format!("{value:.2}"))
            .unwrap_or_default();
        let deviated = analysis.deviations.iter().any(|d| d.date == day.date);
        let cells = [
            day.date.to_string(),
            day.number.to_string(),
            (day.pair + 1).to_string(),
            day.condition.letter().to_string(),
            meaning,
            yes_no(day.washout).to_string(),
            value,
            yes_no(deviated).to_string(),
        ];
        write_row(&mut csv, cells.iter().map(String::as_str));
    }
    csv
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::CivilDate;
    use crate::trial::analyse;

    fn trial() -> Trial {
        crate::trial::sample_trial()
    }

    #[test]
    fn the_csv_has_one_row_per_day() {
        let trial = trial();
        let analysis = analyse(&trial, &[], &[], CivilDate::new(2027, 1, 1).unwrap());
        let csv = trial_days_csv(&trial, &analysis);
        let lines: Vec<&str> = csv.trim_start_matches(BYTE_ORDER_MARK).lines().collect();
        assert_eq!(lines.len(), 31);
        assert_eq!(
            lines[0],
            "date,trial_day,pair,condition,condition_meaning,washout,night_pain,deviation"
        );
        assert!(lines[1].starts_with("2026-12-01,1,1,A,"));
        assert!(lines[6].starts_with("2026-12-06,6,1,B,no stretching,yes,,no"));
    }
}
