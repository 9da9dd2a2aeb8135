//! The clinician summary over a small month of records: pain, nights, sessions, dose per leg
//! in total and by week, notes, the routines used with their steps and sources, and the
//! sentences that head the page.

use limber_core::clinician::{clinician_summary, SummaryPeriod};
use limber_core::insight::StretchDose;
use limber_core::library::find_builtin;
use limber_core::log::{CivilDate, Entry, EntryContext, HeldRecord, SessionRecord, Timestamp};
use limber_core::routine::{Every, Progression, StepKind};
use limber_core::side::BodySide;
use limber_core::store::Document;

fn date(month: u8, day: u8) -> CivilDate {
    CivilDate::new(2026, month, day).unwrap()
}

/// `hour`:00 local time (UTC+1) on a day.
fn at(day: CivilDate, hour: i64) -> Timestamp {
    Timestamp::new(day.day_number() * 86_400_000 + (hour - 1) * 3_600_000, 60)
}

fn entry(day: CivilDate, hour: i64, pain: u8, woke: Option<bool>, note: &str) -> Entry {
    let mut entry = Entry::new(format!("e-{day}-{hour}"), at(day, hour), pain);
    entry.woke_at_night = woke;
    entry.note = note.to_string();
    entry
}

fn held(side: Option<BodySide>, seconds: u32) -> HeldRecord {
    HeldRecord {
        step_index: 1,
        step_name: "Hold".to_string(),
        side,
        seconds,
    }
}

fn session(
    routine: (&str, &str),
    day: CivilDate,
    completed: bool,
    held: Vec<HeldRecord>,
) -> SessionRecord {
    SessionRecord {
        id: format!("s-{}-{day}", routine.0),
        routine_id: routine.0.to_string(),
        routine_name: routine.1.to_string(),
        variant_id: (routine.0 == "strap-hamstring").then(|| "leg-flat".to_string()),
        started: at(day, 18),
        ended: at(day, 19),
        completed,
        held,
        updated_ms: 1,
    }
}

/// A month ending 24 November 2026: the seed routine twice (once stopped), the user's own
/// growing routine once, and a routine since deleted once; five ratings and three notes
/// (one before the 30 days).
fn fixture() -> Document {
    let (left, right) = (Some(BodySide::Left), Some(BodySide::Right));
    let seed = ("strap-hamstring", "Strap hamstring stretch — 3:00 per leg");
    let mine = ("my-strap", "My strap, growing");
    let mut document = Document::default();
    let mut own = find_builtin("strap-hamstring").unwrap().as_new_copy(mine.0);
    own.name = mine.1.to_string();
    own.progression = Some(Progression {
        step_index: 1,
        start_ms: 30_000,
        increment_ms: 10_000,
        every: Every::Session,
        max_ms: 180_000,
        counts_from_ms: 0,
    });
    document.custom_routines.push(own);
    let mut after = entry(date(11, 20), 21, 3, None, "Much better; slept through");
    after.context = EntryContext::AfterSession {
        session_id: "s-my-strap-2026-11-20".to_string(),
    };
    let entries = [
        entry(date(10, 20), 8, 9, Some(true), "Before the period"),
        entry(date(10, 26), 8, 7, Some(true), "Night pain woke me at 4"),
        entry(date(10, 27), 8, 6, Some(false), ""),
        entry(date(10, 27), 20, 8, None, ""),
        after,
        entry(date(11, 24), 8, 2, Some(false), " "),
    ];
    for entry in entries {
        document.log.add_entry(entry, 1).unwrap();
    }
    let sessions = [
        session(
            seed,
            date(10, 26),
            true,
            vec![held(right, 180), held(left, 180)],
        ),
        session(seed, date(10, 27), false, vec![held(right, 90)]),
        session(
            mine,
            date(11, 20),
            true,
            vec![held(right, 60), held(left, 60)],
        ),
        session(
            ("gone", "Old routine"),
            date(11, 21),
            true,
            vec![held(None, 30)],
        ),
    ];
    for session in sessions {
        document.log.add_session(session, 1).unwrap();
    }
    document
}

fn dose(left_seconds: u32, right_seconds: u32, unsided_seconds: u32) -> StretchDose {
    StretchDose {
        left_seconds,
        right_seconds,
        unsided_seconds,
    }
}

#[test]
fn thirty_days_of_pain_nights_sessions_and_dose() {
    let summary = clinician_summary(&fixture(), date(11, 24), SummaryPeriod::Last30Days);
    assert_eq!(
        (summary.first_day, summary.last_day),
        (date(10, 26), date(11, 24))
    );
    assert_eq!((summary.days, summary.daily.len()), (30, 30));
    let pain = summary.pain.unwrap();
    // The rating right after a session (3 on 20 Nov) measures the moment, not the day.
    assert_eq!((pain.rated_days, pain.ratings), (3, 4));
    assert_eq!((pain.mean, pain.lowest, pain.highest), (16.0 / 3.0, 2, 8));
    // Too few rated days in the last week for the first-week comparison Progress shows.
    assert_eq!((pain.first_week_mean, pain.last_week_mean), (None, None));
    assert_eq!((summary.nights_woken, summary.nights_answered), (1, 3));
    assert_eq!(summary.sessions, 4);
    assert_eq!(summary.completed_sessions, 3);
    assert_eq!(summary.stretching_days, 3);
    assert_eq!(summary.dose, dose(240, 330, 30));
    assert_eq!(summary.dose_per_week, dose(56, 77, 7));
    let weeks: Vec<_> = summary
        .weekly_dose
        .iter()
        .map(|week| (week.first_day, week.last_day, week.dose))
        .collect();
    assert_eq!(weeks.len(), 5);
    assert_eq!(weeks[0], (date(10, 26), date(10, 27), dose(180, 270, 0)));
    assert_eq!(weeks[1], (date(10, 28), date(11, 3), dose(0, 0, 0)));
    assert_eq!(weeks[4], (date(11, 18), date(11, 24), dose(60, 60, 30)));
}

#[test]
fn notes_in_the_period_come_with_their_day_time_and_rating() {
    let summary = clinician_summary(&fixture(), date(11, 24), SummaryPeriod::Last30Days);
    let notes: Vec<_> = summary
        .notes
        .iter()
        .map(|note| {
            (
                note.date,
                note.time.as_str(),
                note.pain,
                note.context,
                note.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        notes,
        [
            (
                date(10, 26),
                "08:00",
                7,
                "check-in",
                "Night pain woke me at 4"
            ),
            (
                date(11, 20),
                "21:00",
                3,
                "after a session",
                "Much better; slept through"
            ),
        ]
    );
    let longer = clinician_summary(&fixture(), date(11, 24), SummaryPeriod::Last90Days);
    assert_eq!(longer.notes.len(), 3);
    assert_eq!((longer.days, longer.weekly_dose.len()), (90, 13));
    assert_eq!(longer.weekly_dose[0].first_day, date(8, 27));
    assert_eq!(longer.pain.unwrap().highest, 9);
}

#[test]
fn routines_used_come_with_steps_sources_and_progression() {
    let summary = clinician_summary(&fixture(), date(11, 24), SummaryPeriod::Last30Days);
    let names: Vec<_> = summary.routines.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Strap hamstring stretch — 3:00 per leg",
            "My strap, growing",
            "Old routine"
        ]
    );
    let seed = &summary.routines[0];
    assert_eq!((seed.sessions, seed.completed_sessions), (2, 1));
    assert_eq!(seed.last_used, date(10, 27));
    assert_eq!(seed.variants, ["Resting leg flat"]);
    let steps: Vec<_> = seed.steps.iter().map(|step| step.text.as_str()).collect();
    assert_eq!(
        steps,
        [
            "Strap setup: get into position, 0:20",
            "Strap hamstring hold: hold 3:00 per leg, right first, 1:00 rest between sides",
        ]
    );
    assert_eq!(seed.steps[1].kind, StepKind::Hold);
    assert_eq!(seed.steps[1].duration_ms, 180_000);
    assert!(seed
        .sources
        .iter()
        .any(|source| source.citation.contains("Bandy")));
    assert_eq!(seed.progression, None);
    let mine = &summary.routines[1];
    assert_eq!(
        mine.progression.as_deref(),
        Some("Target today: 0:40 (growing 10 s per session to 3:00)")
    );
    let gone = &summary.routines[2];
    assert!(!gone.found && gone.steps.is_empty() && gone.sources.is_empty());
}

#[test]
fn the_page_opens_with_plain_sentences() {
    let summary = clinician_summary(&fixture(), date(11, 24), SummaryPeriod::Last30Days);
    assert_eq!(
        summary.sentences,
        [
            "Summary of the 30 days from 26 Oct 2026 to 24 Nov 2026, from the user's own \
             records in Limber (self-reported; not a diagnosis).",
            "Pain (0–10) was rated on 3 of 30 days (4 ratings): average 5.3, lowest 2, \
             highest 8.",
            "Pain woke them at night on 1 of the 3 days asked.",
            "4 sessions, 3 completed; a routine was completed on 3 days.",
            "Stretch held in total: left 4:00 (about 0:56 a week), right 5:30 (about 1:17 a \
             week), unsided 0:30 (about 0:07 a week).",
            "Routines used: Strap hamstring stretch — 3:00 per leg (2 sessions); My strap, \
             growing (1 session); Old routine (1 session).",
        ]
    );
}

#[test]
fn an_empty_log_gives_an_empty_but_readable_summary() {
    let summary = clinician_summary(
        &Document::default(),
        date(11, 24),
        SummaryPeriod::Last90Days,
    );
    assert_eq!(summary.pain, None);
    assert!(summary.notes.is_empty() && summary.routines.is_empty());
    assert_eq!(summary.dose, StretchDose::default());
    assert_eq!(
        &summary.sentences[1..],
        [
            "No pain ratings in this period.",
            "No stretching sessions were recorded in this period.",
        ]
    );
}

#[test]
fn first_week_and_now_are_the_figures_progress_shows_without_ratings_after_a_routine() {
    let today = date(11, 24);
    let mut document = Document::default();
    for day in 0..14 {
        let date = today.add_days(day - 13);
        let pain = if day < 7 { 7 } else { 4 };
        document
            .log
            .add_entry(entry(date, 8, pain, None, ""), 1)
            .unwrap();
        // A 0 right after a routine every day would pull both weeks down if it counted.
        let mut after = entry(date, 20, 0, None, "");
        after.context = EntryContext::AfterSession {
            session_id: format!("s-{date}"),
        };
        document.log.add_entry(after, 1).unwrap();
    }
    let progress = limber_core::insight::compare_with_baseline(document.log.entries(), today);
    assert_eq!((progress.baseline, progress.recent), (Some(7.0), Some(4.0)));
    let pain = clinician_summary(&document, today, SummaryPeriod::Last30Days)
        .pain
        .unwrap();
    assert_eq!(
        (pain.first_week_mean, pain.last_week_mean),
        (progress.baseline, progress.recent)
    );
    assert_eq!((pain.lowest, pain.ratings), (4, 14));
}

#[test]
fn night_check_ins_are_not_daytime_ratings_on_the_summary() {
    let today = date(11, 24);
    let mut document = Document::default();
    for day in 0..14 {
        let date = today.add_days(day - 13);
        document
            .log
            .add_entry(entry(date, 14, 4, None, ""), 1)
            .unwrap();
        // Last night's check-in, answered at 07:00: night pain 9, woken twice.
        let night =
            Entry::night_check_in(format!("n-{date}"), at(date, 7), date.add_days(-1), 9, 2);
        document.log.add_entry(night, 1).unwrap();
    }
    let pain = clinician_summary(&document, today, SummaryPeriod::Last30Days)
        .pain
        .unwrap();
    assert_eq!((pain.ratings, pain.rated_days), (14, 14));
    assert_eq!((pain.mean, pain.lowest, pain.highest), (4.0, 4, 4));
    assert_eq!(
        (pain.first_week_mean, pain.last_week_mean),
        (Some(4.0), Some(4.0))
    );
}
