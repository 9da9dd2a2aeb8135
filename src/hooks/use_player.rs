//! `use_player`: runs a routine's session against the page clock. Time comes from deadlines
//! (`performance.now()`), refreshed by animation frames while visible and by a timeout armed
//! for the next cue, and recomputed whenever the page becomes visible again.

use leptos::prelude::*;
use limber_core::cue::{Cue, CueOptions};
use limber_core::log::{new_id, HeldRecord, SessionRecord, Timestamp};
use limber_core::plan::{Plan, PlanOptions};
use limber_core::routine::Routine;
use limber_core::session::{Session, Snapshot, Status};
use limber_core::settings::Settings;

use crate::browser::clock::{
    now_ms, page_is_visible, wall_clock_now, EventListener, FrameLoop, Timer,
};
use crate::browser::media_session::{self, MediaControls};
use crate::browser::random::random_bits;
use crate::browser::wake_lock::{self, ScreenWakeLock};
use crate::hooks::player_keys;
use crate::hooks::use_cues::{use_cue_output, CueOutput, LOOKAHEAD_MS};
use crate::state::{use_app_store, PlayerActive, StoreError};

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

/// Start, pause, resume, back, skip and stop, each applied at the current time.
#[derive(Clone, Copy)]
pub struct PlayerControls {
    session: StoredValue<Session>,
    cues: CueOutput,
    settings: StoredValue<Settings>,
    runtime: StoredValue<Runtime, LocalStorage>,
    refresh: StoredValue<Box<dyn Fn()>, LocalStorage>,
}

impl PlayerControls {
    fn apply(&self, change: impl FnOnce(&mut Session, u64)) {
        let now = now_ms() as u64;
        self.session.update_value(|session| change(session, now));
        self.cues.reset();
        self.runtime
            .update_value(|runtime| runtime.armed_deadline = None);
        self.refresh.with_value(|refresh| refresh());
    }

    /// Starts the routine (from idle). Call it from the tap itself: it unlocks sound and speech.
    pub fn start(&self) {
        self.settings
            .with_value(|settings| self.cues.unlock(settings));
        self.apply(Session::start);
    }

    /// Pauses a running routine.
    pub fn pause(&self) {
        self.apply(Session::pause);
    }

    /// Resumes a paused routine (re-creating the audio context if the platform interrupted it).
    pub fn resume(&self) {
        self.settings
            .with_value(|settings| self.cues.unlock(settings));
        self.apply(Session::resume);
    }

    /// Pauses if running, resumes if paused, starts if idle.
    pub fn toggle(&self) {
        match self.session.with_value(Session::status) {
            Status::Idle => self.start(),
            Status::Running => self.pause(),
            Status::Paused => self.resume(),
            Status::Finished | Status::Stopped => {}
        }
    }

    /// Back to the start of this phase (or the previous one right after a phase began).
    pub fn back(&self) {
        self.apply(Session::back);
    }

    /// On to the next phase.
    pub fn skip(&self) {
        self.apply(Session::skip);
    }

    /// Ends the routine early.
    pub fn stop(&self) {
        self.apply(Session::stop);
    }
}

/// Everything the player holds that only lives in the browser.
#[derive(Default)]
struct Runtime {
    frames: Option<FrameLoop>,
    next_cue: Option<Timer>,
    listeners: Vec<EventListener>,
    media_controls: Option<MediaControls>,
    wake_lock: ScreenWakeLock,
    started_at: Option<Timestamp>,
    last_status: Option<Status>,
    /// Page-clock time the timer is armed for; `None` after any control changes the position.
    armed_deadline: Option<u64>,
}

/// Runs `routine` (with a variant and the lead-in from settings) in the page.
pub fn use_player(routine: Routine, variant_id: Option<String>) -> UsePlayerReturn {
    let store = use_app_store();
    let player_active = expect_context::<PlayerActive>();
    let settings = store
        .document
        .with_untracked(|document| document.settings.clone());
    let plan = Plan::from_routine(
        &routine,
        &PlanOptions {
            variant_id: variant_id.clone(),
            lead_in_ms: u64::from(settings.lead_in_seconds) * 1_000,
        },
    );
    let session = StoredValue::new(Session::new(
        plan.clone(),
        CueOptions::from_settings(&settings),
    ));
    let initial = session
        .try_update_value(|session| session.at(now_ms() as u64).snapshot)
        .unwrap_or_else(|| idle_snapshot(&plan));
    let (snapshot, set_snapshot) = signal(initial);
    let (announcement, set_announcement) = signal(String::new());
    let (record_id, set_record_id) = signal(None::<String>);
    let runtime = StoredValue::new_local(Runtime::default());
    let plan = StoredValue::new(plan);
    let routine_name = routine.name.clone();

    let cue_output = use_cue_output();
    let settings = StoredValue::new(settings);
    let on_cues = move |cues: Vec<Cue>| {
        if let Some(words) = settings.with_value(|settings| cue_output.crossed(&cues, settings)) {
            set_announcement.set(words);
        }
    };

    let save_record = move |status: Status| {
        let now_wall = wall_clock_now();
        let held = session.with_value(|session| session.held(now_ms() as u64));
        let started = runtime
            .with_value(|runtime| runtime.started_at)
            .unwrap_or(now_wall);
        let held: Vec<HeldRecord> = held
            .into_iter()
            .map(|time| HeldRecord {
                step_index: time.step_index,
                step_name: routine
                    .steps
                    .get(time.step_index)
                    .map(|step| step.name.clone())
                    .unwrap_or_default(),
                side: time.side,
                seconds: (time.ms / 1_000) as u32,
            })
            .collect();
        if status == Status::Stopped && held.iter().all(|time| time.seconds == 0) {
            return;
        }
        let id = new_id(now_wall.utc_ms, random_bits());
        let record = SessionRecord {
            id: id.clone(),
            routine_id: routine.id.clone(),
            routine_name: routine.name.clone(),
            variant_id: variant_id.clone(),
            started,
            ended: now_wall,
            completed: status == Status::Finished,
            held,
            updated_ms: now_wall.utc_ms,
        };
        // A session kept in memory but not stored still gets its rating; the banner says why.
        match store.record_session(record) {
            Ok(()) | Err(StoreError::NotSaved(_)) => set_record_id.set(Some(id)),
            Err(StoreError::Refused(_)) => {}
        }
    };

    let refresh: StoredValue<Box<dyn Fn()>, LocalStorage> = StoredValue::new_local(Box::new(|| {}));
    let refresh_now = move || {
        let now = now_ms() as u64;
        let Some(tick) = session.try_update_value(|session| session.at(now)) else {
            return;
        };
        let status = tick.snapshot.status;
        let remaining_in_phase = tick.snapshot.remaining_ms;
        let cues_crossed = !tick.cues.is_empty();
        if cues_crossed {
            on_cues(tick.cues);
        }
        if status == Status::Running {
            let upcoming = session.with_value(|session| session.upcoming_cues(now, LOOKAHEAD_MS));
            settings.with_value(|settings| cue_output.schedule_ahead(&upcoming, settings));
        }
        let phase_changed =
            snapshot.with_untracked(|shown| shown.phase_index != tick.snapshot.phase_index);
        if phase_changed {
            let title = tick.snapshot.phase_index.and_then(|index| {
                plan.with_value(|plan| plan.phases.get(index).map(|phase| phase.title.clone()))
            });
            media_session::set_metadata(title.as_deref().unwrap_or("Done"), &routine_name);
        }
        if snapshot.with_untracked(|shown| display_differs(shown, &tick.snapshot)) {
            set_snapshot.set(tick.snapshot);
        }
        let previous = runtime
            .try_update_value(|runtime| runtime.last_status.replace(status))
            .flatten();
        if previous != Some(status) {
            player_active
                .0
                .set(matches!(status, Status::Running | Status::Paused));
            on_status_change(runtime, status);
            if matches!(status, Status::Finished | Status::Stopped) && previous.is_some() {
                save_record(status);
            }
        }
        let armed = runtime.with_value(|runtime| runtime.armed_deadline);
        let needs_arming = armed.is_none_or(|deadline| now + 1 >= deadline) || cues_crossed;
        if status == Status::Running && needs_arming {
            // Armed for the next cue, phase end or change of the shown second, so cues fire on
            // time and the time shown is exact even where animation frames stop (hidden tab).
            let next_cue = session.with_value(|session| {
                session
                    .upcoming_cues(now, remaining_in_phase)
                    .first()
                    .map(|cue| cue.delay_ms)
            });
            let next_second = match remaining_in_phase % 1_000 {
                0 => 1_000,
                part => part,
            };
            let delay = next_cue
                .unwrap_or(u64::MAX)
                .min(remaining_in_phase)
                .min(next_second);
            runtime.update_value(|runtime| {
                let armed = runtime
                    .next_cue
                    .as_ref()
                    .is_some_and(|timer| timer.arm(delay as f64).is_ok());
                runtime.armed_deadline = armed.then_some(now + delay);
            });
        }
    };
    refresh.set_value(Box::new(refresh_now));
    let call_refresh = move || refresh.with_value(|refresh| refresh());
    runtime.update_value(|runtime| {
        runtime.frames = Some(FrameLoop::new(call_refresh));
        runtime.next_cue = Some(Timer::new(call_refresh));
    });

    let controls = PlayerControls {
        session,
        cues: cue_output,
        settings,
        runtime,
        refresh,
    };
    let media_controls = MediaControls::new(move || controls.resume(), move || controls.pause());
    let visibility = EventListener::on_document("visibilitychange", move |_| {
        refresh.with_value(|refresh| refresh());
        if page_is_visible() && session.with_value(Session::status) == Status::Running {
            acquire_wake_lock(runtime);
        }
    });
    let keys = EventListener::on_window("keydown", move |event| {
        player_keys::handle_key(&event, controls)
    });
    runtime.update_value(|runtime| {
        runtime.listeners.extend(visibility.into_iter().chain(keys));
        runtime.media_controls = media_controls;
    });
    on_cleanup(move || {
        player_active.0.try_set(false);
        cue_output.reset();
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

/// Starts or stops the frame loop and the wake lock as the session starts, pauses or ends.
fn on_status_change(runtime: StoredValue<Runtime, LocalStorage>, status: Status) {
    match status {
        Status::Running => {
            runtime.update_value(|runtime| {
                runtime.frames.iter().for_each(FrameLoop::start);
                runtime.started_at.get_or_insert_with(wall_clock_now);
            });
            acquire_wake_lock(runtime);
        }
        Status::Idle | Status::Paused | Status::Finished | Status::Stopped => {
            runtime.update_value(|runtime| {
                runtime.frames.iter().for_each(FrameLoop::stop);
                runtime.next_cue.iter().for_each(Timer::disarm);
                runtime.armed_deadline = None;
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

/// True if the screen would show something different: status, phase, the whole second
/// remaining, or a tenth of a percent of progress.
fn display_differs(shown: &Snapshot, next: &Snapshot) -> bool {
    shown.status != next.status
        || shown.phase_index != next.phase_index
        || shown.remaining_ms.div_ceil(1_000) != next.remaining_ms.div_ceil(1_000)
        || (shown.progress * 1_000.0).round() != (next.progress * 1_000.0).round()
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
