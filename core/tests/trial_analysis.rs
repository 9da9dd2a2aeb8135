//! The personal trial end to end in the core: hand-computed datasets (a clear effect, no
//! effect, missing days with an uncounted block) and properties of the statistics.

use proptest::collection::vec;
use proptest::prelude::*;

use limber_core::log::{CivilDate, Entry, EntryContext, Timestamp};
use limber_core::trial::analysis::TrialStatus;
use limber_core::trial::report::{result_text, Verdict};
use limber_core::trial::statistics::statistics;
use limber_core::trial::{analyse, Condition, Outcome, Trial, TrialDesign};

fn start() -> CivilDate {
    CivilDate::new(2026, 12, 1).unwrap()
}

fn trial(pairs: u8, block_days: u8, outcome: Outcome, bits: u32) -> Trial {
    let design = TrialDesign {
        pairs,
        block_days,
        washout_days: 2,
        outcome,
        ..TrialDesign::default()
    };
    Trial::plan("t", design, start(), bits, 0).unwrap()
}

/// Noon UTC on `date`.
fn noon(date: CivilDate, minute: i64) -> Timestamp {
    Timestamp::new(
        date.day_number() * 86_400_000 + 12 * 3_600_000 + minute * 60_000,
        0,
    )
}

/// Night check-ins from `table[pair][A=0 / B=1][day in block]` (None = missing).
fn night_entries(trial: &Trial, table: &[[Vec<Option<u8>>; 2]]) -> Vec<Entry> {
    let block_days = u32::from(trial.design.block_days);
    trial
        .calendar()
        .into_iter()
        .filter_map(|day| {
            let arm = usize::from(day.condition == Condition::B);
            let value = table[day.pair as usize][arm][((day.number - 1) % block_days) as usize]?;
            let morning = day.date.add_days(1);
            Some(Entry::night_check_in(
                format!("n{}", day.number),
                noon(morning, -240),
                day.date,
                value,
                0,
            ))
        })
        .collect()
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 5e-5,
        "{actual} is not {expected}"
    );
}

fn after(trial: &Trial) -> CivilDate {
    trial.end().add_days(1)
}

#[test]
fn dataset_1_a_clear_effect() {
    // 5 pairs of 5-day blocks, washout 2 (days 1–2 hold 9s that must be ignored).
    // Pair A means 3, 2, 4, 3, 2; B means 5, 5, 5, 5, 4 → d = 2, 3, 1, 2, 2.
    let w = Some(9);
    let row = |values: [u8; 3]| vec![w, w, Some(values[0]), Some(values[1]), Some(values[2])];
    let table = [
        [row([3, 4, 2]), row([5, 6, 4])],
        [row([2, 2, 2]), row([5, 5, 5])],
        [row([4, 4, 4]), row([5, 5, 5])],
        [row([3, 3, 3]), row([5, 5, 5])],
        [row([1, 2, 3]), row([4, 4, 4])],
    ];
    let trial = trial(5, 5, Outcome::NightPain, 0b10110);
    let analysis = analyse(&trial, &night_entries(&trial, &table), &[], after(&trial));
    assert_eq!(analysis.status, TrialStatus::Complete);
    let differences: Vec<f64> = analysis.differences.iter().map(|(_, d)| *d).collect();
    assert_eq!(differences, vec![2.0, 3.0, 1.0, 2.0, 2.0]);
    let stats = analysis.statistics.clone().unwrap();
    close(stats.mean, 2.0);
    // s = √0.5, se = 0.316228, t(0.975, 4) = 2.776445 → ±0.877981.
    close(stats.interval.0, 1.122019);
    close(stats.interval.1, 2.877981);
    assert_eq!(stats.p_one_sided, 1.0 / 32.0);
    assert_eq!(Verdict::of(&stats), Verdict::ClearlyLower);
    let text = result_text(&trial, &analysis);
    assert_eq!(text.heading, "Final result");
    assert_eq!(text.warning, None);
    assert_eq!(
        text.lines[0],
        "On stretching blocks your night pain was on average 2.0 points lower (95 % interval \
         1.1 to 2.9)."
    );
    assert!(text.lines[1].starts_with("p = 0.031 (exact randomisation test"));
    assert!(text.lines[2].ends_with("Chance the effect is at least 2 points: 50 %."));
    assert!(text.lines[3].contains("clearly lower"));
    assert_eq!(text.adherence[0], "Pairs that counted: 5 of 5.");
}

#[test]
fn dataset_2_no_effect() {
    // 4 pairs of 5-day blocks, all B means 5; A means 3, 7, 4, 6 → d = 2, −2, 1, −1.
    let row = |v: u8| vec![None, None, Some(v), Some(v), Some(v)];
    let table = [
        [row(3), row(5)],
        [row(7), row(5)],
        [row(4), row(5)],
        [row(6), row(5)],
    ];
    let trial = trial(4, 5, Outcome::NightPain, 0b0011);
    let analysis = analyse(&trial, &night_entries(&trial, &table), &[], after(&trial));
    let stats = analysis.statistics.clone().unwrap();
    close(stats.mean, 0.0);
    // s² = 10/3, se = 0.912871, t(0.975, 3) = 3.182446 → ±2.905122.
    close(stats.interval.1, 2.905122);
    // Sums ≥ 0 among the 16 sign patterns: 10 (ties at 0 count).
    assert_eq!(stats.p_one_sided, 10.0 / 16.0);
    assert_eq!(stats.p_two_sided, 1.0);
    close(stats.chance_above_zero, 0.5);
    assert_eq!(Verdict::of(&stats), Verdict::NoClearDifference);
    // Days over without a value are missed check-ins, washout days too: 2 per block × 8.
    assert_eq!(analysis.adherence.check_ins_missed, 16);
}

#[test]
fn dataset_3_missing_days_and_an_uncounted_block() {
    // 3 pairs of 7-day blocks, washout 2 → 5 scored days; daytime pain (mean of a day's
    // ratings). Pair 0: A 2,3,4 (3 days) = 3, B 6,5,7 = 6 → d = 3.
    // Pair 1: A has only 2 days → the block and so the pair do not count.
    // Pair 2: A 4, 4 and a day rated 3 and 5 (mean 4) = 4; B 6, 7, 5 = 6 → d = 2.
    let trial = trial(3, 7, Outcome::DaytimePain, 0b101);
    let ratings: [[Vec<Vec<u8>>; 2]; 3] = [
        [
            vec![vec![], vec![], vec![2], vec![], vec![3], vec![], vec![4]],
            vec![vec![8], vec![], vec![6], vec![5], vec![7], vec![], vec![]],
        ],
        [
            vec![vec![], vec![], vec![1], vec![], vec![], vec![1], vec![]],
            vec![vec![], vec![], vec![5], vec![5], vec![5], vec![5], vec![5]],
        ],
        [
            vec![vec![], vec![], vec![4], vec![4], vec![3, 5], vec![], vec![]],
            vec![vec![], vec![], vec![6], vec![], vec![7], vec![], vec![5]],
        ],
    ];
    let mut entries = Vec::new();
    for day in trial.calendar() {
        let arm = usize::from(day.condition == Condition::B);
        let index = ((day.number - 1) % 7) as usize;
        for (i, pain) in ratings[day.pair as usize][arm][index].iter().enumerate() {
            entries.push(Entry::new(
                format!("d{}-{i}", day.number),
                noon(day.date, i as i64),
                *pain,
            ));
        }
    }
    let analysis = analyse(&trial, &entries, &[], after(&trial));
    let counted: Vec<bool> = analysis.blocks.iter().map(|b| b.counts()).collect();
    assert_eq!(counted.iter().filter(|c| !**c).count(), 1);
    assert_eq!(analysis.differences, vec![(0, 3.0), (2, 2.0)]);
    let stats = analysis.statistics.clone().unwrap();
    close(stats.mean, 2.5);
    // s = √0.5, se = 0.5, t(0.975, 1) = 12.706205 → ±6.353102.
    close(stats.interval.0, -3.853102);
    close(stats.interval.1, 8.853102);
    assert_eq!((stats.p_one_sided, stats.p_two_sided), (0.25, 0.5));
    // df 1 is the Cauchy distribution: P(effect ≥ c) = 1/2 + atan((2.5 − c)/0.5)/π.
    close(stats.chance_above_zero, 0.937167);
    close(stats.chance_at_least_1, 0.897584);
    close(stats.chance_at_least_2, 0.75);
    assert_eq!(Verdict::of(&stats), Verdict::ProbablyLower);
    assert!(result_text(&trial, &analysis).adherence[0] == "Pairs that counted: 2 of 3.");
}

#[test]
fn interim_results_are_so_far_with_a_warning_and_stopping_is_labelled() {
    let mut trial = trial(3, 5, Outcome::NightPain, 0);
    let day_9 = start().add_days(8);
    let analysis = analyse(&trial, &[], &[], day_9);
    assert_eq!(analysis.status, TrialStatus::Running);
    let text = result_text(&trial, &analysis);
    assert_eq!(text.heading, "Result so far (day 9 of 30)");
    assert!(text.warning.unwrap().contains("so far"));
    assert!(text.lines[0].starts_with("No result yet"));
    trial.stopped_on = Some(day_9);
    let stopped = analyse(&trial, &[], &[], day_9.add_days(3));
    assert_eq!(stopped.status, TrialStatus::StoppedEarly);
    assert!(result_text(&trial, &stopped)
        .heading
        .starts_with("Stopped early"));
    assert_eq!(stopped.adherence.a_days + stopped.adherence.b_days, 8);
}

#[test]
fn daytime_pain_leaves_out_night_check_ins_and_ratings_right_after_a_routine() {
    // 3 pairs of 5-day blocks, washout 2: A days rated 3, B days rated 6 at noon → d = 3.
    // Every morning a night check-in of 10 and, on A days, a 0 right after the routine:
    // either would change the block means if it counted as daytime pain.
    let trial = trial(3, 5, Outcome::DaytimePain, 0b010);
    let mut entries = Vec::new();
    for day in trial.calendar() {
        let stretching = day.condition == Condition::A;
        let id = day.number;
        entries.push(Entry::new(
            format!("d{id}"),
            noon(day.date, 0),
            if stretching { 3 } else { 6 },
        ));
        entries.push(Entry::night_check_in(
            format!("n{id}"),
            noon(day.date, -300),
            day.date.add_days(-1),
            10,
            3,
        ));
        if stretching {
            entries.push(Entry {
                context: EntryContext::AfterSession {
                    session_id: format!("s{id}"),
                },
                ..Entry::new(format!("a{id}"), noon(day.date, 60), 0)
            });
        }
    }
    let analysis = analyse(&trial, &entries, &[], after(&trial));
    assert_eq!(analysis.differences, vec![(0, 3.0), (1, 3.0), (2, 3.0)]);
    for block in &analysis.blocks {
        let expected = if block.condition == Condition::A {
            3.0
        } else {
            6.0
        };
        assert_eq!((block.mean, block.scored_days), (Some(expected), 3));
    }
}

fn pipeline_mean(a_values: &[u8], b_values: &[u8], shift: u8) -> f64 {
    let trial = trial(3, 5, Outcome::DaytimePain, 0b011);
    let mut entries = Vec::new();
    for day in trial.calendar() {
        let index = (day.pair * 5 + (day.number - 1) % 5) as usize;
        let pain = match day.condition {
            Condition::A => a_values[index] + shift,
            Condition::B => b_values[index],
        };
        entries.push(Entry::new(
            format!("e{}", day.number),
            noon(day.date, 0),
            pain,
        ));
    }
    let analysis = analyse(&trial, &entries, &[], after(&trial));
    analysis.statistics.unwrap().mean
}

proptest! {
    #[test]
    fn p_values_are_in_0_to_1(differences in vec(-10.0f64..10.0, 2..=8)) {
        let stats = statistics(&differences).unwrap();
        prop_assert!(stats.p_one_sided > 0.0 && stats.p_one_sided <= 1.0);
        prop_assert!(stats.p_two_sided > 0.0 && stats.p_two_sided <= 1.0);
        prop_assert!(stats.p_one_sided >= 1.0 / f64::from(1u32 << differences.len()));
    }

    #[test]
    fn flipping_every_sign_mirrors_the_result(differences in vec(-10.0f64..10.0, 2..=8)) {
        let stats = statistics(&differences).unwrap();
        let flipped: Vec<f64> = differences.iter().map(|d| -d).collect();
        let mirror = statistics(&flipped).unwrap();
        prop_assert!((stats.mean + mirror.mean).abs() < 1e-9);
        prop_assert!((stats.interval.0 + mirror.interval.1).abs() < 1e-9);
        prop_assert!((stats.interval.1 + mirror.interval.0).abs() < 1e-9);
        prop_assert_eq!(stats.p_two_sided, mirror.p_two_sided);
        // One-sided p of d and of −d cover every assignment, the ties twice.
        prop_assert!(stats.p_one_sided + mirror.p_one_sided >= 1.0);
        prop_assert!((stats.chance_above_zero + mirror.chance_above_zero - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_interval_contains_the_mean(differences in vec(-10.0f64..10.0, 2..=8)) {
        let stats = statistics(&differences).unwrap();
        prop_assert!(stats.interval.0 <= stats.mean && stats.mean <= stats.interval.1);
    }

    #[test]
    fn adding_c_to_every_a_day_shifts_the_mean_by_minus_c(
        a_values in vec(0u8..=5, 15),
        b_values in vec(0u8..=10, 15),
        shift in 0u8..=5,
    ) {
        let before = pipeline_mean(&a_values, &b_values, 0);
        let after = pipeline_mean(&a_values, &b_values, shift);
        prop_assert!((after - (before - f64::from(shift))).abs() < 1e-9);
    }
}
