//! The player's controls: start, pause, resume, back, skip and stop, each applied to the
//! session at the current time, then shown, announced and stored by the player's refresh.

use leptos::prelude::*;
use limber_core::session::{Session, Status};
use limber_core::settings::Settings;

use crate::browser::clock::now_ms;
use crate::hooks::use_cues::CueOutput;

/// Start, pause, resume, back, skip and stop, each applied at the current time.
#[derive(Clone, Copy)]
pub struct PlayerControls {
    pub(super) session: StoredValue<Session>,
    pub(super) cues: CueOutput,
    pub(super) settings: StoredValue<Settings>,
    /// Called after every change: shows it, schedules the cues from there, stores it.
    pub(super) after_change: StoredValue<Box<dyn Fn()>, LocalStorage>,
}

impl PlayerControls {
    fn apply(&self, change: impl FnOnce(&mut Session, u64)) {
        let now = now_ms() as u64;
        self.session.update_value(|session| change(session, now));
        self.cues.reset();
        self.after_change.with_value(|after_change| after_change());
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
