//! `use_player`: runs a routine's session against the page clock. Time comes from deadlines
//! (`performance.now()`); one timer wakes the player for the next cue, phase end or change of
//! the second shown (nothing runs per frame), and the page's becoming visible wakes it too.
//! Earcons for the rest of the routine wait on the audio clock; the session is kept in storage
//! on every control action and phase change, so a reload or a killed tab can resume it.

use leptos::prelude::*;
use limber_core::cue::{Cue, CueOptions};
use limber_core::log::{new_id, Timestamp};
use limber_core::plan::{Plan, PlanOptions};
use limber_core::routine::Routine;
use limber_core::running_session::{session_record, RunningSession};
use limber_core::session::{Session, Snapshot, Status};

use crate::browser::back_guard::BackGuard;
use crate::browser::clock::{now_ms, wall_clock_now};
use crate::browser::events::{page_is_visible, EventListener};
use crate::browser::media_session::{self, MediaControls, NowPlaying};
use crate::browser::random::random_bits;
use crate::browser::timer::Timer;
use crate::browser::wake_lock::{self, ScreenWakeLock};
use crate::hooks::player_controls::PlayerControls;
use crate::hooks::player_keys;
use crate::hooks::running_store::{self, ResumePoint};
use crate::hooks::use_cues::use_cue_output;
use crate::state::{use_app_store, PlayerActive, StoreError};

/// What Back asks while a routine runs or is paused.
const LEAVE_QUESTION: &str = "Leave the routine? It keeps its place: you can resume it from Today.";

/// What the player screen reads and the controls it calls.
#[derive(Clone, Copy)]
pub struct UsePlayerReturn {
    /// The routine's timed plan.
    pub plan: StoredValue<Plan>,
    /// The session's state, refreshed when what is shown changes (about once a second).
    pub snapshot: ReadSignal<Snapshot>,
    /// The words of the latest cue, for the screen reader's live region.
    pub announcement: ReadSignal<String>,
    /// Whether the screen can be kept on while the routine runs.
    pub wake_lock_supported: bool,
    /// The id of the stored session record, once the routine has ended.
    pub record_id: ReadSignal<Option<String>>,
    /// The controls.
    pub controls: PlayerControls,
}

/// Everything the player holds that only lives in the browser.
#[derive(Default)]
struct Runtime {
    wake_up: Option<Timer>,
    listeners: Vec<EventListener>,
    media_controls: Option<MediaControls>,
    back_guard: Option<BackGuard>,
    wake_lock: ScreenWakeLock,
    started_at: Option<Timestamp>,
    last_status: Option<Status>,
}

/// Runs `routine` with a variant and the lead-in from settings, or picks up a routine left
/// under way at `resume` (paused there).
pub fn use_player(
    routine: Routine,
    variant_id: Option<String>,
    resume: Option<ResumePoint>,
) -> UsePlayerReturn {
    let store = use_app_store();
    let player_active = expect_context::<PlayerActive>();
    let settings = store
        .document
        .with_untracked(|document| document.settings.clone());
    let lead_in_ms = resume
        .as_ref()
        .map_or(u64::from(settings.lead_in_seconds) * 1_000, |point| {
            point.lead_in_ms
        });
    let plan = Plan::from_routine(
        &routine,
        &PlanOptions {
            variant_id: variant_id.clone(),
            lead_in_ms,
        },
    );
    let cue_options = CueOptions::from_settings(&settings);
    let started_at = resume.as_ref().map(|point| point.started);
    let session = StoredValue::new(match resume {
        Some(point) => Session::paused_at(
            plan.clone(),
            cue_options,
            point.checkpoint.position_ms,
            point.checkpoint.played,
        ),
        None => Session::new(plan.clone(), cue_options),
    });
    let initial = session
        .try_update_value(|session| session.at(now_ms() as u64).snapshot)
        .unwrap_or_else(|| idle_snapshot(&plan));
    let (snapshot, set_snapshot) = signal(initial);
    let (announcement, set_announcement) = signal(String::new());
    let (record_id, set_record_id) = signal(None::<String>);
    let runtime = StoredValue::new_local(Runtime {
        started_at,
        back_guard: Some(BackGuard::new(LEAVE_QUESTION)),
        ..Runtime::default()
    });
    let plan = StoredValue::new(plan);
    let routine = StoredValue::new(routine);

    let cue_output = use_cue_output();
    let settings = StoredValue::new(settings);
    let on_cues = move |cues: Vec<Cue>| {
        if let Some(words) = settings.with_value(|settings| cue_output.crossed(&cues, settings)) {
            set_announcement.set(words);
        }
    };

    let variant_id = StoredValue::new(variant_id);
    let save_record = move |status: Status| {
        let now_wall = wall_clock_now();
        let held = session.with_value(|session| session.held(now_ms() as u64));
        if status == Status::Stopped && held.iter().all(|time| time.ms < 1_000) {
            return;
        }
        let started = runtime
            .with_value(|runtime| runtime.started_at)
            .unwrap_or(now_wall);
        let id = new_id(now_wall.utc_ms, random_bits());
        let record = routine.with_value(|routine| {
            session_record(
                id.clone(),
                routine,
                variant_id.get_value(),
                (started, now_wall),
                status == Status::Finished,
                &held,
            )
        });
        // A session kept in memory but not stored still gets its rating; the banner says why.
        match store.record_session(record) {
            Ok(()) | Err(StoreError::NotSaved(_)) => set_record_id.set(Some(id)),
            Err(StoreError::Refused(_)) => {}
        }
    };

    // Keeps the session in storage while it runs or is paused; forgets it once it is over.
    let keep_in_storage = move |status: Status| {
        if !matches!(status, Status::Running | Status::Paused) {
            running_store::clear();
            return;
        }
        let Some(started) = runtime.with_value(|runtime| runtime.started_at) else {
            return;
        };
        let running = RunningSession {
            routine_id: routine.with_value(|routine| routine.id.clone()),
            variant_id: variant_id.get_value(),
            lead_in_ms,
            started,
            saved: wall_clock_now(),
            checkpoint: session.with_value(|session| session.checkpoint(now_ms() as u64)),
        };
        // Best effort: a full storage only loses the offer to resume after a reload.
        let _ = running_store::save(&running);
    };

    let refresh_now = move |changed_by_user: bool| {
        let now = now_ms() as u64;
        // Before the cues due now are taken as crossed, so their earcons share one frame
        // on the audio clock with all the others.
        if session.try_with_value(Session::status) == Some(Status::Running) {
            let upcoming =
                move || session.with_value(|session| session.upcoming_cues(now, u64::MAX));
            settings
                .with_value(|settings| cue_output.schedule_ahead(now as f64, settings, upcoming));
        }
        let Some(tick) = session.try_update_value(|session| session.at(now)) else {
            return;
        };
        let status = tick.snapshot.status;
        if !tick.cues.is_empty() {
            on_cues(tick.cues);
        }
        let phase_changed =
            snapshot.with_untracked(|shown| shown.phase_index != tick.snapshot.phase_index);
        if phase_changed {
            show_on_lock_screen(plan, routine, tick.snapshot.phase_index);
        }
        if snapshot.with_untracked(|shown| display_differs(shown, &tick.snapshot)) {
            set_snapshot.set(tick.snapshot);
        }
        let previous = runtime
            .try_update_value(|runtime| runtime.last_status.replace(status))
            .flatten();
        let status_changed = previous != Some(status);
        if status_changed {
            player_active
                .0
                .set(matches!(status, Status::Running | Status::Paused));
            on_status_change(runtime, status);
            if matches!(status, Status::Finished | Status::Stopped) && previous.is_some() {
                save_record(status);
            }
        }
        if changed_by_user || status_changed || phase_changed {
            keep_in_storage(status);
        }
        let wake = session.with_value(|session| session.next_wake_ms(now, page_is_visible()));
        runtime.with_value(|runtime| match (wake, &runtime.wake_up) {
            (Some(delay), Some(timer)) => {
                // Refused only without a window: the next visibility change or control wakes it.
                let _ = timer.arm(delay as f64);
            }
            (None, Some(timer)) => timer.disarm(),
            _ => {}
        });
    };
    let after_change: StoredValue<Box<dyn Fn()>, LocalStorage> =
        StoredValue::new_local(Box::new(move || refresh_now(true)));
    runtime.update_value(|runtime| {
        runtime.wake_up = Some(Timer::new(move || refresh_now(false)));
    });

    let controls = PlayerControls {
        session,
        cues: cue_output,
        settings,
        after_change,
    };
    let media_controls = MediaControls::new(move || controls.resume(), move || controls.pause());
    let visibility = EventListener::on_document("visibilitychange", move |_| {
        refresh_now(false);
        let status = session.with_value(Session::status);
        if page_is_visible() && status == Status::Running {
            acquire_wake_lock(runtime);
        } else if !page_is_visible() {
            // The page may be killed while hidden: keep the latest position.
            keep_in_storage(status);
        }
    });
    let keys = EventListener::on_window("keydown", move |event| {
        player_keys::handle_key(&event, controls)
    });
    runtime.update_value(|runtime| {
        runtime.listeners.extend(visibility.into_iter().chain(keys));
        runtime.media_controls = media_controls;
    });
    if started_at.is_some() {
        // Picked up paused: guard Back and show it as under way at once.
        refresh_now(false);
    }
    on_cleanup(move || {
        player_active.0.try_set(false);
        cue_output.reset();
        media_session::set_playing(None);
        runtime.try_update_value(|runtime| {
            runtime.wake_lock.release();
            *runtime = Runtime::default();
        });
    });

    UsePlayerReturn {
        plan,
        snapshot,
        announcement,
        wake_lock_supported: wake_lock::is_supported(),
        record_id,
        controls,
    }
}

/// The step and side on the lock screen.
fn show_on_lock_screen(
    plan: StoredValue<Plan>,
    routine: StoredValue<Routine>,
    phase_index: Option<usize>,
) {
    let routine_name = routine.with_value(|routine| routine.name.clone());
    let phase =
        phase_index.and_then(|index| plan.with_value(|plan| plan.phases.get(index).cloned()));
    let (title, step) = phase.map_or(("Done".to_string(), String::new()), |phase| {
        (phase.title, phase.step_name)
    });
    media_session::set_metadata(&NowPlaying {
        title: &title,
        step: &step,
        routine: &routine_name,
    });
}

/// Starts or stops the wake lock, the Back guard and the lock screen's state as the session
/// starts, pauses or ends.
fn on_status_change(runtime: StoredValue<Runtime, LocalStorage>, status: Status) {
    let under_way = matches!(status, Status::Running | Status::Paused);
    media_session::set_playing(under_way.then_some(status == Status::Running));
    runtime.update_value(|runtime| {
        if let Some(guard) = &runtime.back_guard {
            if under_way {
                guard.guard();
            } else {
                guard.release();
            }
        }
    });
    match status {
        Status::Running => {
            runtime.update_value(|runtime| {
                runtime.started_at.get_or_insert_with(wall_clock_now);
            });
            acquire_wake_lock(runtime);
        }
        Status::Idle | Status::Paused | Status::Finished | Status::Stopped => {
            runtime.update_value(|runtime| {
                runtime.wake_up.iter().for_each(Timer::disarm);
                runtime.wake_lock.release();
            });
        }
    }
}

fn acquire_wake_lock(runtime: StoredValue<Runtime, LocalStorage>) {
    if let Some(lock) = runtime.try_with_value(|runtime| runtime.wake_lock.clone()) {
        leptos::task::spawn_local(async move {
            // Unsupported or refused: the player already says the screen may sleep.
            let _ = lock.acquire().await;
        });
    }
}

/// True if the screen would show something different: status, phase or the whole second
/// remaining (the progress bar moves between seconds by a CSS transition).
fn display_differs(shown: &Snapshot, next: &Snapshot) -> bool {
    shown.status != next.status
        || shown.phase_index != next.phase_index
        || shown.remaining_ms.div_ceil(1_000) != next.remaining_ms.div_ceil(1_000)
}

fn idle_snapshot(plan: &Plan) -> Snapshot {
    Snapshot {
        status: Status::Idle,
        phase_index: (!plan.phases.is_empty()).then_some(0),
        remaining_ms: plan
            .phases
            .first()
            .map(|phase| phase.duration_ms)
            .unwrap_or(0),
        elapsed_ms: 0,
        progress: 0.0,
        phase_progress: 0.0,
    }
}
