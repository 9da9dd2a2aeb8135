//! The player driven through the seed routine: cues on time, once each, across pause, resume,
//! skip, back, stop and long gaps.

use limber_core::cue::{Cue, CueKind, CueOptions};
use limber_core::library::find_builtin;
use limber_core::plan::{Plan, PlanOptions};
use limber_core::session::{HeldTime, Session, Status};
use limber_core::side::BodySide;

/// The caller's clock when the session starts: not zero, so offsets are really relative.
const T0: u64 = 7_000_000;

fn seed_session() -> Session {
    let seed = find_builtin("strap-hamstring").unwrap();
    let plan = Plan::from_routine(&seed, &PlanOptions::default());
    Session::new(plan, CueOptions::default())
}

/// Calls `at` every `step_ms` from `from` up to and including `to`, collecting
/// `(wall time, cue)` for every cue reported.
fn tick(session: &mut Session, from: u64, to: u64, step_ms: u64) -> Vec<(u64, Cue)> {
    let mut reported = Vec::new();
    let mut now = from;
    while now <= to {
        reported.extend(session.at(now).cues.into_iter().map(|cue| (now, cue)));
        now += step_ms;
    }
    reported
}

fn kinds(reported: &[(u64, Cue)]) -> Vec<CueKind> {
    reported.iter().map(|(_, cue)| cue.kind).collect()
}

fn held(step_index: usize, side: BodySide, ms: u64) -> HeldTime {
    HeldTime {
        step_index,
        side: Some(side),
        ms,
    }
}

#[test]
fn a_full_run_reports_every_cue_once_and_on_time() {
    let mut session = seed_session();
    let idle = session.at(T0 - 5_000).snapshot;
    assert_eq!(
        (idle.status, idle.phase_index, idle.remaining_ms),
        (Status::Idle, Some(0), 20_000)
    );
    session.start(T0);
    let reported = tick(&mut session, T0, T0 + 450_000, 250);
    assert_eq!(reported.len(), session.cues().len());
    for ((wall, cue), scheduled) in reported.iter().zip(session.cues()) {
        assert_eq!(cue, scheduled);
        let due = T0 + cue.at_ms;
        assert!(*wall >= due && *wall < due + 250, "{cue:?} at {wall}");
    }
    let last = session.at(T0 + 450_000).snapshot;
    assert_eq!(
        (last.status, last.phase_index, last.elapsed_ms),
        (Status::Finished, None, 440_000)
    );
    assert_eq!((last.progress, last.remaining_ms), (1.0, 0));
    assert_eq!(
        session.held(T0 + 450_000),
        [
            held(1, BodySide::Right, 180_000),
            held(1, BodySide::Left, 180_000)
        ]
    );
}

#[test]
fn pausing_moves_the_later_cues_and_repeats_none() {
    let mut session = seed_session();
    session.start(T0);
    let before = tick(&mut session, T0, T0 + 100_000, 500);
    session.pause(T0 + 100_000);
    let paused = tick(&mut session, T0 + 100_000, T0 + 700_000, 60_000);
    assert!(paused.is_empty());
    let frozen = session.at(T0 + 700_000).snapshot;
    assert_eq!(
        (frozen.status, frozen.elapsed_ms),
        (Status::Paused, 100_000)
    );
    assert!(session.upcoming_cues(T0 + 700_000, 60_000).is_empty());
    session.resume(T0 + 700_000);
    let after = tick(&mut session, T0 + 700_000, T0 + 1_100_000, 500);
    let halfway = after
        .iter()
        .find(|(_, cue)| cue.kind == CueKind::Halfway)
        .unwrap();
    assert_eq!(halfway.0, T0 + 600_000 + 110_000);
    let mut ids: Vec<u32> = before.iter().chain(&after).map(|(_, cue)| cue.id).collect();
    assert_eq!(ids.len(), session.cues().len());
    ids.dedup();
    assert_eq!(ids.len(), session.cues().len());
    assert_eq!(session.held(T0 + 1_100_000)[0].ms, 180_000);
}

#[test]
fn skipping_drops_the_skipped_cues_and_time() {
    let mut session = seed_session();
    session.start(T0);
    tick(&mut session, T0, T0 + 30_000, 500);
    session.skip(T0 + 30_000);
    let tick_after = session.at(T0 + 30_000);
    assert_eq!(
        kinds(
            &tick_after
                .cues
                .iter()
                .map(|c| (0, c.clone()))
                .collect::<Vec<_>>()
        ),
        [CueKind::RestStart]
    );
    assert_eq!(tick_after.snapshot.phase_index, Some(2));
    assert_eq!(tick_after.snapshot.remaining_ms, 60_000);
    let later = tick(&mut session, T0 + 30_500, T0 + 90_000, 500);
    assert_eq!(
        kinds(&later)[..3],
        [
            CueKind::Countdown(3),
            CueKind::Countdown(2),
            CueKind::Countdown(1)
        ]
    );
    assert_eq!(later[3].1.kind, CueKind::SideSwitch);
    assert_eq!(later[3].0, T0 + 90_000);
    assert_eq!(
        session.held(T0 + 90_000),
        [held(1, BodySide::Right, 10_000)]
    );
}

#[test]
fn skipping_the_last_phase_finishes_with_done() {
    let mut session = seed_session();
    session.start(T0);
    for now in [T0, T0 + 1_000, T0 + 2_000, T0 + 3_000] {
        session.skip(now);
    }
    let done = session.at(T0 + 3_000);
    assert_eq!(done.snapshot.status, Status::Finished);
    assert_eq!(
        kinds(&done.cues.into_iter().map(|c| (0, c)).collect::<Vec<_>>()),
        [CueKind::Done]
    );
    assert!(session.at(T0 + 9_000).cues.is_empty());
    session.back(T0 + 9_000);
    assert_eq!(session.status(), Status::Finished);
}

#[test]
fn back_restarts_the_phase_and_announces_it_once_more() {
    let mut session = seed_session();
    session.start(T0);
    let first = tick(&mut session, T0, T0 + 50_000, 500);
    assert_eq!(
        first
            .iter()
            .filter(|(_, cue)| cue.kind == CueKind::HoldStart)
            .count(),
        1
    );
    session.back(T0 + 50_000);
    let again = session.at(T0 + 50_000);
    assert_eq!(again.snapshot.elapsed_ms, 20_000);
    assert_eq!(again.cues.len(), 1);
    assert_eq!(again.cues[0].kind, CueKind::HoldStart);
    assert!(session.at(T0 + 50_400).cues.is_empty());
    // Within two seconds of the start, back goes to the previous phase.
    session.back(T0 + 51_000);
    let setup = session.at(T0 + 51_000);
    assert_eq!(
        (setup.snapshot.phase_index, setup.snapshot.elapsed_ms),
        (Some(0), 0)
    );
    assert_eq!(setup.cues[0].kind, CueKind::SetupStart);
    // Back in the first phase stays there.
    session.back(T0 + 51_500);
    assert_eq!(session.at(T0 + 51_500).snapshot.elapsed_ms, 0);
    let rest = tick(&mut session, T0 + 52_000, T0 + 51_500 + 200_000, 500);
    assert_eq!(
        rest.iter()
            .filter(|(_, cue)| cue.kind == CueKind::HoldStart)
            .count(),
        1
    );
    // 30 s held, 1 s more before going back again, then the full 180 s: time held twice
    // counts twice.
    assert_eq!(
        session.held(T0 + 251_500),
        [held(1, BodySide::Right, 211_000)]
    );
}

#[test]
fn back_while_paused_waits_for_resume_to_announce() {
    let mut session = seed_session();
    session.start(T0);
    tick(&mut session, T0, T0 + 40_000, 500);
    session.pause(T0 + 40_000);
    session.back(T0 + 45_000);
    let paused = session.at(T0 + 46_000);
    assert!(paused.cues.is_empty());
    assert_eq!(
        (paused.snapshot.status, paused.snapshot.elapsed_ms),
        (Status::Paused, 20_000)
    );
    session.resume(T0 + 60_000);
    assert_eq!(session.at(T0 + 60_000).cues[0].kind, CueKind::HoldStart);
}

#[test]
fn a_long_gap_reports_only_the_current_phase_entry() {
    let mut session = seed_session();
    session.start(T0);
    session.at(T0);
    let late = session.at(T0 + 230_000);
    assert_eq!(late.snapshot.phase_index, Some(2));
    let kinds = |tick: &limber_core::session::Tick| -> Vec<CueKind> {
        tick.cues.iter().map(|cue| cue.kind).collect()
    };
    assert_eq!(kinds(&late), [CueKind::RestStart]);
    let recent = session.at(T0 + 430_500);
    assert_eq!(
        kinds(&recent),
        [CueKind::SideSwitch, CueKind::Countdown(10)]
    );
    let end = session.at(T0 + 3_600_000);
    assert_eq!(
        end.cues.iter().map(|cue| cue.kind).collect::<Vec<_>>(),
        [CueKind::Done]
    );
    assert_eq!(end.snapshot.status, Status::Finished);
}

#[test]
fn time_going_backwards_counts_as_no_time() {
    let mut session = seed_session();
    session.start(T0);
    let at_fifty = session.at(T0 + 50_000).snapshot;
    let earlier = session.at(T0 + 10_000);
    assert_eq!(earlier.snapshot, at_fifty);
    assert!(earlier.cues.is_empty());
    session.pause(0);
    session.resume(3);
    assert_eq!(session.at(T0 + 50_000).snapshot.elapsed_ms, 50_000);
}

#[test]
fn stopping_ends_the_session_and_keeps_the_time_held() {
    let mut session = seed_session();
    session.start(T0);
    tick(&mut session, T0, T0 + 80_000, 1_000);
    session.stop(T0 + 80_000);
    let stopped = session.at(T0 + 200_000);
    assert!(stopped.cues.is_empty());
    assert_eq!(
        (stopped.snapshot.status, stopped.snapshot.elapsed_ms),
        (Status::Stopped, 80_000)
    );
    session.resume(T0 + 200_000);
    session.start(T0 + 200_000);
    assert_eq!(session.status(), Status::Stopped);
    assert_eq!(
        session.held(T0 + 300_000),
        [held(1, BodySide::Right, 60_000)]
    );
}

#[test]
fn upcoming_cues_look_ahead_without_repeating_reported_ones() {
    let mut session = seed_session();
    assert!(session.upcoming_cues(T0, 60_000).is_empty());
    session.start(T0);
    assert_eq!(session.at(T0).cues.len(), 1);
    let ahead = session.upcoming_cues(T0, 20_000);
    let delays: Vec<_> = ahead
        .iter()
        .map(|cue| (cue.cue.kind, cue.delay_ms))
        .collect();
    assert_eq!(
        delays,
        [
            (CueKind::Countdown(3), 17_000),
            (CueKind::Countdown(2), 18_000),
            (CueKind::Countdown(1), 19_000)
        ]
    );
    let epoch = ahead[0].epoch;
    let later = session.upcoming_cues(T0 + 19_500, 1_000);
    assert_eq!(
        (later[0].cue.kind, later[0].delay_ms),
        (CueKind::HoldStart, 500)
    );
    session.pause(T0 + 19_500);
    session.resume(T0 + 25_000);
    let resumed = session.upcoming_cues(T0 + 25_000, 1_000);
    assert_eq!(resumed[0].delay_ms, 500);
    assert_ne!(resumed[0].epoch, epoch);
}
