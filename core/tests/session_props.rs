//! Properties of the player's state machine over random plans and random call sequences.

use std::collections::HashSet;

use limber_core::cue::{CueKind, CueOptions};
use limber_core::library::builtin_routines;
use limber_core::plan::{Plan, PlanOptions};
use limber_core::session::{Session, Snapshot, Status, STALE_AFTER_MS};
use proptest::prelude::*;

/// The caller's clock when the session starts.
const T0: u64 = 1_000_000;
/// A gap long enough to be a locked phone.
const TEN_MINUTES_MS: u64 = 600_000;

/// A plan of a built-in routine with a random lead-in (often 0) and random cue options.
fn any_session() -> impl Strategy<Value = Session> {
    let routines = builtin_routines().len();
    (
        0..routines,
        prop_oneof![Just(0_u64), 1..12_000_u64],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(index, lead_in_ms, halfway, countdown)| {
            let routine = &builtin_routines()[index];
            let plan = Plan::from_routine(
                routine,
                &PlanOptions {
                    variant_id: None,
                    lead_in_ms,
                },
            );
            Session::new(
                plan,
                CueOptions {
                    halfway,
                    countdown,
                    breath: false,
                },
            )
        })
}

/// Something the player can do, after some time has passed (or, rarely, gone backwards).
#[derive(Debug, Clone, Copy)]
enum Action {
    At,
    Pause,
    Resume,
    Back,
    Skip,
    Stop,
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => Just(Action::At),
        1 => Just(Action::Pause),
        1 => Just(Action::Resume),
        1 => Just(Action::Back),
        1 => Just(Action::Skip),
        1 => Just(Action::Stop),
    ]
}

fn any_step_ms() -> impl Strategy<Value = i64> {
    prop_oneof![8 => 0..2_000_i64, 2 => 0..40_000_i64, 1 => -5_000..0_i64, 1 => 0..700_000_i64]
}

/// What must hold of every snapshot of `session`.
fn check_snapshot(session: &Session, snapshot: &Snapshot) -> Result<(), TestCaseError> {
    let plan = session.plan();
    prop_assert!(snapshot.elapsed_ms <= plan.total_ms);
    prop_assert!((0.0..=1.0).contains(&snapshot.progress));
    prop_assert!((0.0..=1.0).contains(&snapshot.phase_progress));
    match snapshot.phase_index {
        Some(index) => {
            let phase = &plan.phases[index];
            let into_phase = snapshot.elapsed_ms - phase.start_ms;
            prop_assert_eq!(snapshot.remaining_ms + into_phase, phase.duration_ms);
            prop_assert!(snapshot.remaining_ms > 0);
        }
        None => {
            prop_assert_eq!(snapshot.elapsed_ms, plan.total_ms);
            prop_assert_eq!(snapshot.remaining_ms, 0);
        }
    }
    if snapshot.status == Status::Finished {
        prop_assert_eq!(snapshot.elapsed_ms, plan.total_ms);
    }
    Ok(())
}

proptest! {
    #[test]
    fn many_calls_end_where_one_call_would(
        session in any_session(),
        steps in prop::collection::vec(0..20_000_u64, 0..120),
    ) {
        let mut ticked = session.clone();
        let mut fresh = session;
        ticked.start(T0);
        fresh.start(T0);
        let mut now = T0;
        for step in steps {
            now += step;
            ticked.at(now);
        }
        prop_assert_eq!(ticked.at(now).snapshot, fresh.at(now).snapshot);
    }

    #[test]
    fn random_use_keeps_every_invariant_and_repeats_no_cue(
        session in any_session(),
        actions in prop::collection::vec((any_step_ms(), any_action()), 1..150),
    ) {
        let mut session = session;
        session.start(T0);
        let mut now = T0;
        let mut latest = T0;
        let mut reported_since_jump = HashSet::new();
        for (step_ms, action) in actions {
            now = now.saturating_add_signed(step_ms);
            latest = latest.max(now);
            match action {
                Action::At => {}
                Action::Pause => session.pause(now),
                Action::Resume => session.resume(now),
                Action::Stop => session.stop(now),
                Action::Back => {
                    session.back(now);
                    reported_since_jump.clear();
                }
                Action::Skip => {
                    session.skip(now);
                    reported_since_jump.clear();
                }
            }
            let tick = session.at(now);
            check_snapshot(&session, &tick.snapshot)?;
            for cue in &tick.cues {
                prop_assert!(reported_since_jump.insert(cue.id), "cue {:?} twice", cue);
                prop_assert!(cue.at_ms <= tick.snapshot.elapsed_ms);
            }
            if !matches!(tick.snapshot.status, Status::Running | Status::Finished) {
                prop_assert!(tick.cues.is_empty());
            }
            let held_ms: u64 = session.held(now).iter().map(|held| held.ms).sum();
            prop_assert!(held_ms <= latest - T0);
        }
    }

    #[test]
    fn a_pause_of_any_length_stops_the_clock(
        session in any_session(),
        run_ms in 0..500_000_u64,
        pause_ms in 0..10_000_000_u64,
    ) {
        let mut session = session;
        session.start(T0);
        session.at(T0 + run_ms);
        session.pause(T0 + run_ms);
        let before = session.at(T0 + run_ms).snapshot;
        let after = session.at(T0 + run_ms + pause_ms);
        prop_assert_eq!(&after.snapshot, &before);
        prop_assert!(after.cues.is_empty());
        prop_assert!(session.upcoming_cues(T0 + run_ms + pause_ms, 60_000).is_empty());
    }

    #[test]
    fn a_long_gap_reports_only_what_is_still_fresh(
        session in any_session(),
        run_ms in 0..400_000_u64,
        gap_ms in TEN_MINUTES_MS..10 * TEN_MINUTES_MS,
    ) {
        let mut session = session;
        session.start(T0);
        let mut now = T0;
        while now < T0 + run_ms {
            session.at(now);
            now += 250;
        }
        let tick = session.at(now + gap_ms);
        let elapsed_ms = tick.snapshot.elapsed_ms;
        for cue in &tick.cues {
            let is_current_entry =
                cue.kind.is_phase_entry() && Some(cue.phase_index) == tick.snapshot.phase_index;
            let is_fresh = cue.at_ms + STALE_AFTER_MS > elapsed_ms;
            prop_assert!(
                is_current_entry || is_fresh || cue.kind == CueKind::Done,
                "stale cue {:?} at {}", cue, elapsed_ms
            );
        }
        if tick.snapshot.status == Status::Finished {
            prop_assert!(tick.cues.iter().all(|cue| cue.kind == CueKind::Done));
        }
        let entries = tick.cues.iter().filter(|cue| cue.kind.is_phase_entry()).count();
        prop_assert!(entries <= 1);
    }

    #[test]
    fn look_ahead_cues_are_unreported_and_within_the_horizon(
        session in any_session(),
        run_ms in 0..500_000_u64,
        horizon_ms in 0..30_000_u64,
    ) {
        let mut session = session;
        session.start(T0);
        let tick = session.at(T0 + run_ms);
        let reported: HashSet<u32> = tick.cues.iter().map(|cue| cue.id).collect();
        let ahead = session.upcoming_cues(T0 + run_ms, horizon_ms);
        for scheduled in &ahead {
            prop_assert!(scheduled.delay_ms < horizon_ms);
            prop_assert!(!reported.contains(&scheduled.cue.id));
            prop_assert_eq!(scheduled.cue.at_ms, tick.snapshot.elapsed_ms + scheduled.delay_ms);
        }
    }
}
