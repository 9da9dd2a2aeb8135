//! "Is it helping?": daily series, the change from baseline, the streak, the chart text, and
//! speed with years of data.

use std::time::{Duration, Instant};

use limber_core::insight::{
    compare_with_baseline, current_streak, daily_series, describe_series, StreakRule,
};
use limber_core::log::{CivilDate, Entry, HeldRecord, SessionRecord, Timestamp};
use limber_core::side::BodySide;

const PARIS: i16 = 60;

fn today() -> CivilDate {
    CivilDate::new(2026, 11, 24).unwrap()
}

/// A moment on the local wall clock in Paris, `days_ago` days before today.
fn at(days_ago: i64, hour: i64) -> Timestamp {
    let day = today().day_number() - days_ago;
    Timestamp::new(
        day * 86_400_000 + hour * 3_600_000 - i64::from(PARIS) * 60_000,
        PARIS,
    )
}

fn entry(days_ago: i64, hour: i64, pain: u8) -> Entry {
    Entry::new(format!("e{days_ago}-{hour}"), at(days_ago, hour), pain)
}

fn session(days_ago: i64, completed: bool, held: &[(Option<BodySide>, u32)]) -> SessionRecord {
    SessionRecord {
        id: format!("s{days_ago}-{completed}"),
        routine_id: "strap-hamstring".into(),
        routine_name: "Strap hamstring stretch".into(),
        variant_id: None,
        started: at(days_ago, 18),
        ended: at(days_ago, 19),
        completed,
        held: held
            .iter()
            .map(|&(side, seconds)| HeldRecord {
                step_index: 1,
                step_name: "Hold".into(),
                side,
                seconds,
            })
            .collect(),
        updated_ms: 0,
    }
}

/// Ratings for consecutive days, the last one `last_days_ago` days ago.
fn days_of(pains: &[u8], last_days_ago: i64) -> Vec<Entry> {
    let count = pains.len() as i64;
    pains
        .iter()
        .enumerate()
        .map(|(i, pain)| entry(last_days_ago + count - 1 - i as i64, 8, *pain))
        .collect()
}

#[test]
fn a_meaningful_fall_is_named_with_its_source() {
    let mut entries = days_of(&[6, 6, 6, 6, 6, 6, 7], 20);
    entries.extend(days_of(&[4, 4, 4, 4, 4, 4, 3], 0));
    let change = compare_with_baseline(&entries, today());
    assert!(change.meaningful_change);
    assert_eq!((change.baseline, change.recent), (Some(6.1), Some(3.9)));
    assert_eq!(
        change.text,
        "Your 7-day average pain fell from 6.1 to 3.9 (−2.2 points, −36 %). That is a \
         meaningful change by the usual rule (2 points or 30 %; Ostelo et al. 2008)."
    );
}

#[test]
fn thirty_percent_counts_even_below_two_points() {
    let mut entries = days_of(&[3, 3, 3], 12);
    entries.extend(days_of(&[2, 2, 2], 0));
    let change = compare_with_baseline(&entries, today());
    assert!(change.meaningful_change);
    assert!(change.text.contains("(−1.0 points, −33 %)"));
}

#[test]
fn a_small_fall_is_reported_as_small() {
    let mut entries = days_of(&[5; 7], 30);
    entries.extend(days_of(&[4, 4, 4, 5, 4, 4, 4], 0));
    let change = compare_with_baseline(&entries, today());
    assert!(!change.meaningful_change);
    assert_eq!(
        change.text,
        "Your 7-day average pain fell from 5.0 to 4.1 (−0.9 points, −18 %). That is smaller \
         than a meaningful change by the usual rule (2 points or 30 %; Ostelo et al. 2008)."
    );
}

#[test]
fn a_rise_is_reported_plainly() {
    let mut entries = days_of(&[2; 7], 30);
    entries.extend(days_of(&[3; 7], 0));
    let change = compare_with_baseline(&entries, today());
    assert!(!change.meaningful_change);
    assert!(change
        .text
        .starts_with("Your 7-day average pain rose from 2.0 to 3.0 (+1.0 points, +50 %)."));
}

#[test]
fn too_little_data_gets_an_honest_answer() {
    let none = compare_with_baseline(&[], today());
    assert!(none.text.starts_with("No pain ratings yet."));
    let first_week_only = compare_with_baseline(&days_of(&[6; 7], 0), today());
    assert_eq!(first_week_only.baseline, None);
    assert_eq!(
        first_week_only.text,
        "Not enough ratings to compare yet: 0 rated days before this week and 7 in it; a fair \
         comparison needs at least 3 of each."
    );
    let mut sparse = days_of(&[6; 7], 20);
    sparse.extend(days_of(&[1, 1], 0));
    assert!(!compare_with_baseline(&sparse, today()).meaningful_change);
}

#[test]
fn the_daily_series_has_every_day_of_the_window() {
    let entries = vec![
        entry(0, 8, 6),
        entry(0, 20, 3),
        entry(2, 8, 5),
        entry(40, 8, 9),
    ];
    let sessions = vec![
        session(
            0,
            true,
            &[(Some(BodySide::Right), 180), (Some(BodySide::Left), 170)],
        ),
        session(1, false, &[(Some(BodySide::Right), 60), (None, 30)]),
    ];
    let series = daily_series(&entries, &sessions, today(), 7);
    assert_eq!(series.len(), 7);
    assert_eq!(series[0].date, today().add_days(-6));
    let now = &series[6];
    let stats = now.pain.unwrap();
    assert_eq!(
        (stats.mean, stats.min, stats.max, stats.count),
        (4.5, 3, 6, 2)
    );
    assert!(now.completed_session);
    assert_eq!((now.dose.right_seconds, now.dose.left_seconds), (180, 170));
    let yesterday = &series[5];
    assert!(!yesterday.completed_session && yesterday.pain.is_none());
    assert_eq!(
        (yesterday.dose.right_seconds, yesterday.dose.unsided_seconds),
        (60, 30)
    );
    assert_eq!(series[4].pain.unwrap().count, 1);
    assert_eq!(
        daily_series(&entries, &sessions, today(), 90)[49]
            .pain
            .unwrap()
            .max,
        9
    );
}

#[test]
fn a_late_evening_rating_belongs_to_its_local_day() {
    // 23:30 in Paris is 22:30 UTC: still the same local day.
    let late = Entry::new("late", at(1, 23), 7);
    let series = daily_series(&[late], &[], today(), 2);
    assert!(series[0].pain.is_some() && series[1].pain.is_none());
}

#[test]
fn the_chart_is_described_in_words() {
    let entries = vec![entry(0, 8, 6), entry(0, 20, 2), entry(3, 8, 4)];
    let sessions = vec![session(
        0,
        true,
        &[(Some(BodySide::Left), 180), (Some(BodySide::Right), 180)],
    )];
    let text = describe_series(&daily_series(&entries, &sessions, today(), 7));
    assert_eq!(
        text,
        "Pain over the last 7 days (from 18 Nov 2026 to 24 Nov 2026): rated on 2 days, \
         average 4.0, lowest 2, highest 6. A routine was completed on 1 day. Stretch held: \
         left 3:00, right 3:00."
    );
    let empty = describe_series(&daily_series(&[], &[], today(), 30));
    assert!(empty.ends_with("no ratings. No routine was completed."));
}

/// Completed sessions on the given days ago.
fn stretched_on(days_ago: &[i64]) -> Vec<SessionRecord> {
    days_ago.iter().map(|&d| session(d, true, &[])).collect()
}

#[test]
fn one_rest_day_in_three_keeps_the_streak() {
    // Today back: S S R S S R S, then two rest days, then older stretching.
    let sessions = stretched_on(&[0, 1, 3, 4, 6, 9, 10]);
    let streak = current_streak(&sessions, today(), StreakRule::default());
    assert_eq!(streak.stretching_days, 5);
    assert_eq!(streak.since, Some(today().add_days(-6)));
    assert!(streak.done_today);
}

#[test]
fn today_counts_against_nobody_until_it_is_over() {
    let yesterday_done = current_streak(&stretched_on(&[1, 2]), today(), StreakRule::default());
    assert_eq!(
        (yesterday_done.stretching_days, yesterday_done.done_today),
        (2, false)
    );
    let rested_yesterday = current_streak(&stretched_on(&[2, 3]), today(), StreakRule::default());
    assert_eq!(rested_yesterday.stretching_days, 2);
    let two_rest_days = current_streak(&stretched_on(&[3, 4]), today(), StreakRule::default());
    assert_eq!(
        (two_rest_days.stretching_days, two_rest_days.since),
        (0, None)
    );
}

#[test]
fn the_rule_is_configurable_and_only_completed_routines_count() {
    let sessions = stretched_on(&[0, 2, 4]);
    assert_eq!(
        current_streak(&sessions, today(), StreakRule::per_week(0)).stretching_days,
        1
    );
    assert_eq!(
        current_streak(&sessions, today(), StreakRule::per_week(3)).stretching_days,
        3
    );
    // Every other day: the window R S R already holds two rest days.
    assert_eq!(
        current_streak(&sessions, today(), StreakRule::default()).stretching_days,
        2
    );
    let stopped = vec![session(0, false, &[])];
    assert_eq!(
        current_streak(&stopped, today(), StreakRule::default()).stretching_days,
        0
    );
    assert_eq!(
        StreakRule::default().describe(),
        "Up to 1 rest day in any 3 days keeps your streak going."
    );
}

#[test]
fn ten_thousand_entries_are_quick() {
    let entries: Vec<Entry> = (0..10_000)
        .map(|i| entry(i / 8, i % 8 * 2 + 6, (i % 11) as u8))
        .collect();
    let sessions: Vec<SessionRecord> = (0..1_250)
        .map(|d| session(d, d % 5 != 0, &[(Some(BodySide::Left), 180)]))
        .collect();
    let started = Instant::now();
    for days in [7, 30, 90] {
        let series = daily_series(&entries, &sessions, today(), days);
        assert_eq!(series.len(), days as usize);
        assert!(!describe_series(&series).is_empty());
    }
    let change = compare_with_baseline(&entries, today());
    assert!(change.baseline.is_some());
    let streak = current_streak(&sessions, today(), StreakRule::default());
    assert!(streak.stretching_days > 0);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn night_check_ins_stay_out_of_the_daily_trend_and_the_first_week_comparison() {
    // Two weeks of daytime 6s then 3s; a 10/10 night every morning would lift both weeks
    // (and the chart) if the night's pain counted as a rating of the day.
    let mut entries = Vec::new();
    for days_ago in 0..14 {
        entries.push(entry(days_ago, 14, if days_ago >= 7 { 6 } else { 3 }));
        let night_of = today().add_days(-days_ago - 1);
        entries.push(Entry::night_check_in(
            format!("n{days_ago}"),
            at(days_ago, 7),
            night_of,
            10,
            3,
        ));
    }
    let change = compare_with_baseline(&entries, today());
    assert_eq!((change.baseline, change.recent), (Some(6.0), Some(3.0)));
    let series = daily_series(&entries, &[], today(), 14);
    for point in &series {
        let stats = point.pain.unwrap();
        assert_eq!((stats.count, stats.max), (1, stats.min), "{}", point.date);
    }
    assert_eq!(series[13].pain.unwrap().mean, 3.0);
    assert!(!limber_core::insight::rates_the_day(&entries[1]));
    assert!(limber_core::insight::rates_the_day(&entries[0]));
}
