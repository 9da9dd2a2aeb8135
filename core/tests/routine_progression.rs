//! Growing holds: the target grows per completed session or per stretching day, stops at the
//! goal, counts only this routine's completed sessions, and the player plans with it.

use limber_core::library::find_builtin;
use limber_core::log::{CivilDate, SessionRecord, Timestamp};
use limber_core::plan::{Plan, PlanOptions};
use limber_core::routine::{
    current_target, progression_today, routine_for_today, Every, Progression, Routine,
    ValidationError,
};

const ONE_DAY_MS: i64 = 86_400_000;

fn day(n: u8) -> CivilDate {
    CivilDate::new(2026, 11, n).unwrap()
}

/// The seed routine, its hold (step 1) growing from 0:30 by 10 s toward 3:00.
fn growing(every: Every) -> Routine {
    let mut routine = find_builtin("strap-hamstring").unwrap();
    routine.id = "my-strap".to_string();
    routine.progression = Some(Progression {
        step_index: 1,
        start_ms: 30_000,
        increment_ms: 10_000,
        every,
        max_ms: 180_000,
        counts_from_ms: 0,
    });
    routine
}

/// A session of `routine_id` at 08:00 (UTC+1) on `date`.
fn session(routine_id: &str, date: CivilDate, completed: bool) -> SessionRecord {
    let utc_ms = date.day_number() * ONE_DAY_MS + 7 * 3_600_000;
    SessionRecord {
        id: format!("s-{date}-{utc_ms}-{routine_id}-{completed}"),
        routine_id: routine_id.to_string(),
        routine_name: "Strap".to_string(),
        variant_id: None,
        started: Timestamp::new(utc_ms, 60),
        ended: Timestamp::new(utc_ms + 600_000, 60),
        completed,
        held: Vec::new(),
        updated_ms: utc_ms,
    }
}

#[test]
fn without_progression_there_is_no_target() {
    let seed = find_builtin("strap-hamstring").unwrap();
    assert_eq!(current_target(&seed, &[], day(24)), None);
    assert_eq!(seed.with_progression_applied(5_000), seed);
}

#[test]
fn grows_per_completed_session_including_today() {
    let routine = growing(Every::Session);
    assert_eq!(current_target(&routine, &[], day(24)), Some(30_000));
    let sessions: Vec<_> = (20..=24)
        .map(|date| session("my-strap", day(date), true))
        .collect();
    assert_eq!(current_target(&routine, &sessions, day(24)), Some(80_000));
    let mut twice_today = sessions.clone();
    twice_today.push(session("my-strap", day(24), true));
    assert_eq!(
        current_target(&routine, &twice_today, day(24)),
        Some(90_000)
    );
}

#[test]
fn only_completed_sessions_of_this_routine_count() {
    let routine = growing(Every::Session);
    let sessions = vec![
        session("my-strap", day(20), true),
        session("my-strap", day(21), false),
        session("strap-hamstring", day(21), true),
        session("my-strap", day(22), true),
        session("my-strap", day(30), true), // dated after today: the clock was wrong
    ];
    let today = progression_today(&routine, &sessions, day(24)).unwrap();
    assert_eq!(today.counted, 2);
    assert_eq!(today.target_ms, 50_000);
}

#[test]
fn sessions_before_the_progression_began_do_not_count() {
    let mut routine = growing(Every::Session);
    let sessions: Vec<_> = (10..=24)
        .map(|date| session("my-strap", day(date), true))
        .collect();
    routine.progression.as_mut().unwrap().counts_from_ms = day(22).day_number() * ONE_DAY_MS;
    assert_eq!(current_target(&routine, &sessions, day(24)), Some(60_000));
}

#[test]
fn grows_once_per_earlier_stretching_day() {
    let routine = growing(Every::Day);
    let sessions = vec![
        session("my-strap", day(18), true),
        session("my-strap", day(18), true),
        session("my-strap", day(21), true),
        session("my-strap", day(23), false),
        session("my-strap", day(24), true),
    ];
    // 18 and 21 count once each; the stopped session of the 23rd and today's do not.
    let today = progression_today(&routine, &sessions, day(24)).unwrap();
    assert_eq!((today.counted, today.target_ms), (2, 50_000));
    assert_eq!(
        today.describe(),
        "Target today: 0:50 (growing 10 s per day you stretch to 3:00)"
    );
    // Tomorrow, today's session counts too.
    assert_eq!(current_target(&routine, &sessions, day(25)), Some(60_000));
}

#[test]
fn stops_at_the_goal() {
    let routine = growing(Every::Session);
    let sessions: Vec<_> = (0..40)
        .map(|n| session("my-strap", day(1 + n % 24), true))
        .collect();
    let today = progression_today(&routine, &sessions, day(24)).unwrap();
    assert_eq!(today.target_ms, 180_000);
    assert!(today.at_goal());
    assert_eq!(today.describe(), "Target today: 3:00 (goal reached)");
    let mut huge = routine.clone();
    huge.progression.as_mut().unwrap().increment_ms = u64::MAX;
    assert_eq!(current_target(&huge, &sessions, day(24)), Some(180_000));
}

#[test]
fn the_player_plans_with_todays_target() {
    let routine = growing(Every::Session);
    let sessions: Vec<_> = (1..=4)
        .map(|date| session("my-strap", day(date), true))
        .collect();
    let target = current_target(&routine, &sessions, day(24)).unwrap();
    let today = progression_today(&routine, &sessions, day(24)).unwrap();
    assert_eq!(
        today.describe(),
        "Target today: 1:10 (growing 10 s per session to 3:00)"
    );
    let plan = Plan::from_routine(
        &routine.with_progression_applied(target),
        &PlanOptions::default(),
    );
    let titles: Vec<&str> = plan.phases.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        &titles[1..],
        ["Right leg — hold 1:10", "Rest 1:00", "Left leg — hold 1:10"]
    );
}

#[test]
fn increments_read_in_minutes_and_seconds() {
    let mut routine = growing(Every::Session);
    let describe = |routine: &Routine| progression_today(routine, &[], day(24)).unwrap().describe();
    routine.progression.as_mut().unwrap().increment_ms = 60_000;
    assert!(describe(&routine).contains("growing 1 min per session"));
    routine.progression.as_mut().unwrap().increment_ms = 90_500;
    assert!(describe(&routine).contains("growing 1 min 31 s per session"));
}

#[test]
fn a_progression_is_validated() {
    assert_eq!(growing(Every::Day).validate(), Ok(()));
    let mut routine = growing(Every::Session);
    let progression = routine.progression.as_mut().unwrap();
    progression.step_index = 0; // the setup
    progression.start_ms = 0;
    progression.increment_ms = 0;
    progression.max_ms = 31 * 60_000;
    let errors = routine.validate().unwrap_err();
    assert_eq!(
        errors,
        vec![
            ValidationError::ProgressionNotAHold { step: 0 },
            ValidationError::ProgressionStartZero { step: 0 },
            ValidationError::ProgressionNoIncrement { step: 0 },
            ValidationError::ProgressionGoalTooLong {
                step: 0,
                max_ms: 31 * 60_000
            },
        ]
    );
    assert!(errors.iter().all(|error| error.step_index() == Some(0)));
    assert_eq!(
        errors[3].to_string(),
        "Step 1: the goal, 31:00, is too long for one hold; the most is 30:00."
    );

    let mut backwards = growing(Every::Session);
    backwards.progression.as_mut().unwrap().max_ms = 20_000;
    let errors = backwards.validate().unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "Step 2: the goal, 0:20, is shorter than the start, 0:30."
    );

    let mut missing = growing(Every::Session);
    missing.progression.as_mut().unwrap().step_index = 7;
    let errors = missing.validate().unwrap_err();
    assert_eq!(
        errors,
        vec![ValidationError::ProgressionStepMissing { step: 7 }]
    );
    assert_eq!(errors[0].step_index(), None);
    assert_eq!(
        errors[0].to_string(),
        "The growing hold is step 8, but there is no such step."
    );
}

#[test]
fn the_routine_is_checked_at_its_longest() {
    let mut routine = growing(Every::Session);
    routine.steps[1].repetitions = 5; // 5 × 2 sides × 30:00 at the goal = 5 hours
    routine.progression.as_mut().unwrap().max_ms = 30 * 60_000;
    let errors = routine.validate().unwrap_err();
    assert!(matches!(
        errors.as_slice(),
        [ValidationError::RoutineTooLong { .. }]
    ));
}

#[test]
fn a_new_copy_only_changes_the_id() {
    let routine = growing(Every::Session);
    let copy = routine.as_new_copy("copy-1");
    assert_eq!(copy.id, "copy-1");
    assert_eq!(
        Routine {
            id: routine.id.clone(),
            ..copy
        },
        routine
    );
}

#[test]
fn the_routine_for_today_carries_its_target() {
    let routine = growing(Every::Session);
    let sessions = [session("my-strap", day(3), true)];
    let (today_routine, today) = routine_for_today(&routine, &sessions, day(24));
    assert_eq!(today_routine.steps[1].duration_ms, 40_000);
    assert_eq!(today.unwrap().target_ms, 40_000);
    let seed = find_builtin("strap-hamstring").unwrap();
    assert_eq!(routine_for_today(&seed, &sessions, day(24)), (seed, None));
}
