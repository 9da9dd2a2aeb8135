//! A routine that survives its tab: checkpoints, reopening by the deadlines, the resume
//! offer, the partial record, and when the player wakes next.

use limber_core::cue::{CueKind, CueOptions};
use limber_core::library::find_builtin;
use limber_core::log::Timestamp;
use limber_core::plan::{Plan, PlanOptions};
use limber_core::running_session::{session_record, Reopened, RunningSession};
use limber_core::session::{HeldTime, Session, Status, CUE_CHECK_LEAD_MS, HIDDEN_WAKE_MAX_MS};
use limber_core::side::BodySide;

/// The page clock when the session starts.
const T0: u64 = 7_000_000;
/// The wall clock when the session starts.
const WALL0: i64 = 1_795_000_000_000;
// The seed without lead-in: setup 0–20 s, right hold 20–200 s, rest 200–260 s,
// left hold 260–440 s.

fn seed_plan() -> Plan {
    let seed = find_builtin("strap-hamstring").unwrap();
    Plan::from_routine(&seed, &PlanOptions::default())
}

fn stored(session: &Session, page_now: u64) -> RunningSession {
    RunningSession {
        routine_id: "strap-hamstring".into(),
        variant_id: None,
        lead_in_ms: 0,
        started: Timestamp::new(WALL0, 60),
        saved: Timestamp::new(WALL0 + (page_now - T0) as i64, 60),
        checkpoint: session.checkpoint(page_now),
    }
}

fn started_session() -> Session {
    let mut session = Session::new(seed_plan(), CueOptions::default());
    session.start(T0);
    session
}

#[test]
fn a_running_session_reopens_where_the_deadlines_say() {
    let mut session = started_session();
    session.at(T0 + 100_000);
    let running = stored(&session, T0 + 100_000);
    // The tab was killed; reopened 368 s after the start: 108 s into the left hold.
    let reopened = running.reopen(&seed_plan(), WALL0 + 368_000).unwrap();
    let Reopened::Resume {
        position_ms,
        played,
        offer,
    } = reopened
    else {
        panic!("expected a resume offer, got {reopened:?}");
    };
    assert_eq!(position_ms, 368_000);
    assert_eq!(offer, "Resume — 1:12 left on the left leg");
    assert_eq!(played, vec![(0, 100_000), (100_000, 368_000)]);
}

#[test]
fn a_paused_session_reopens_at_its_pause() {
    let mut session = started_session();
    session.pause(T0 + 50_000);
    let running = stored(&session, T0 + 50_000);
    let Some(Reopened::Resume {
        position_ms, offer, ..
    }) = running.reopen(&seed_plan(), WALL0 + 3_600_000)
    else {
        panic!("expected a resume offer");
    };
    assert_eq!(position_ms, 50_000);
    assert_eq!(offer, "Resume — 2:30 left on the right leg");
}

#[test]
fn the_offer_names_a_rest_and_an_unsided_step() {
    let mut session = started_session();
    session.at(T0 + 210_000);
    let running = stored(&session, T0 + 210_000);
    let Some(Reopened::Resume { offer, .. }) = running.reopen(&seed_plan(), WALL0 + 210_000) else {
        panic!("expected a resume offer");
    };
    assert_eq!(offer, "Resume — 0:50 left of the rest");
}

#[test]
fn a_session_over_while_closed_keeps_only_the_time_held_until_its_checkpoint() {
    let mut session = started_session();
    session.at(T0 + 120_000);
    let running = stored(&session, T0 + 120_000);
    let reopened = running.reopen(&seed_plan(), WALL0 + 441_000).unwrap();
    assert_eq!(
        reopened,
        Reopened::Ended {
            held: vec![HeldTime {
                step_index: 1,
                side: Some(BodySide::Right),
                ms: 100_000,
            }],
        }
    );
}

#[test]
fn a_finished_or_unfitting_checkpoint_offers_nothing() {
    let mut session = started_session();
    session.stop(T0 + 10_000);
    assert_eq!(
        stored(&session, T0 + 10_000).reopen(&seed_plan(), WALL0),
        None
    );
    let mut running = stored(&started_session(), T0 + 10_000);
    running.checkpoint.position_ms = 10_000_000;
    assert_eq!(running.reopen(&seed_plan(), WALL0), None);
}

#[test]
fn a_resumed_session_announces_only_the_cues_from_its_position_on() {
    // Paused 8 s into the left hold (its opening cue and the right side's cues are past).
    let mut session = Session::paused_at(
        seed_plan(),
        CueOptions::default(),
        268_000,
        vec![(0, 268_000)],
    );
    assert_eq!(session.status(), Status::Paused);
    assert!(session.at(T0).cues.is_empty());
    session.resume(T0);
    let mut kinds = Vec::new();
    let mut now = T0;
    while now <= T0 + 180_000 {
        kinds.extend(session.at(now).cues.iter().map(|cue| cue.kind));
        now += 250;
    }
    assert_eq!(kinds.first(), Some(&CueKind::Halfway));
    assert_eq!(kinds.last(), Some(&CueKind::Done));
    assert!(!kinds.contains(&CueKind::SideSwitch));
    assert_eq!(session.status(), Status::Finished);
    let held = session.held(T0 + 180_000);
    assert_eq!(held[1].ms, 180_000);
}

#[test]
fn the_player_wakes_for_the_next_second_cue_or_phase_end() {
    let mut session = started_session();
    assert_eq!(session.next_wake_ms(T0, true), Some(1_000));
    session.at(T0 + 400);
    assert_eq!(session.next_wake_ms(T0 + 400, true), Some(600));
    // Hidden: no need to redraw, only cues, phase ends and the audio-clock check.
    assert_eq!(
        session.next_wake_ms(T0 + 400, false),
        Some(HIDDEN_WAKE_MAX_MS)
    );
    // 17.5 s into the setup: the "2" tick is due at 18 s; the player looks 250 ms before it
    // (to check the audio clock while its earcon can still be moved), then at it.
    session.at(T0 + 17_500);
    assert_eq!(
        session.next_wake_ms(T0 + 17_500, false),
        Some(500 - CUE_CHECK_LEAD_MS)
    );
    session.at(T0 + 17_800);
    assert_eq!(session.next_wake_ms(T0 + 17_800, false), Some(200));
    session.pause(T0 + 17_600);
    assert_eq!(session.next_wake_ms(T0 + 17_600, true), None);
}

#[test]
fn a_session_record_names_the_steps_and_whole_seconds() {
    let seed = find_builtin("strap-hamstring").unwrap();
    let record = session_record(
        "id-1".into(),
        &seed,
        Some("knee-bent".into()),
        (Timestamp::new(WALL0, 0), Timestamp::new(WALL0 + 500_000, 0)),
        false,
        &[HeldTime {
            step_index: 0,
            side: Some(BodySide::Left),
            ms: 61_999,
        }],
    );
    assert_eq!(record.routine_id, "strap-hamstring");
    assert!(!record.completed);
    assert_eq!(record.held[0].seconds, 61);
    assert_eq!(record.held[0].step_name, seed.steps[0].name);
    assert_eq!(record.updated_ms, WALL0 + 500_000);
}
