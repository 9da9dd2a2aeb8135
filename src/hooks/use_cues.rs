//! Turns the session's cues into sound, speech and vibration: three listeners on one stream.
//!
//! Earcons for the rest of the routine are scheduled ahead on the audio clock, which keeps time
//! while a hidden page's timers are throttled; a pause, skip, back or stop cancels them, and
//! they are moved whenever the audio clock drifts from the page clock. Cues not scheduled
//! ahead sound once when crossed. Speech and vibration follow the cues as they are crossed.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use limber_core::cue::{Cue, CueKind};
use limber_core::earcon::{earcon, sampler_timeline, VOICE_SAMPLE};
use limber_core::session::ScheduledCue;
use limber_core::settings::Settings;

use crate::browser::audio::EarconPlayer;
use crate::browser::{speech, vibration};

/// How far the audio clock may drift from the page clock before pending earcons are moved.
const DRIFT_TOLERANCE_S: f64 = 0.003;

/// The app-wide cue output: one audio context for the app's life, and which cues of the
/// current run have already sounded.
#[derive(Clone, Copy)]
pub struct CueOutput {
    audio: StoredValue<Option<EarconPlayer>, LocalStorage>,
    sounded: StoredValue<HashSet<u32>, LocalStorage>,
    /// The audio clock minus the page clock (of what is heard) that the pending earcons were
    /// put on the audio clock with: kept until the clocks drift apart by more than the tolerance.
    anchor: StoredValue<Option<f64>, LocalStorage>,
    /// The earcons put on the audio clock ahead, by cue id: what and when (page clock, s).
    ahead: StoredValue<HashMap<u32, (CueKind, f64)>, LocalStorage>,
}

/// Provides the cue output to the whole app (call once, in `App`).
pub fn provide_cue_output() {
    provide_context(CueOutput {
        audio: StoredValue::new_local(None),
        sounded: StoredValue::new_local(HashSet::new()),
        anchor: StoredValue::new_local(None),
        ahead: StoredValue::new_local(HashMap::new()),
    });
}

/// The cue output from context.
pub fn use_cue_output() -> CueOutput {
    expect_context::<CueOutput>()
}

impl CueOutput {
    /// Call inside the tap that starts a routine: creates (or re-creates, if the platform
    /// interrupted it) the audio context and unlocks speech, as autoplay rules require.
    pub fn unlock(&self, settings: &Settings) {
        self.audio.update_value(|audio| {
            if !audio.as_ref().is_some_and(EarconPlayer::is_usable) {
                *audio = EarconPlayer::new().ok();
            }
            if let Some(player) = audio {
                player.wake();
                player.set_volume(settings.volume_percent as f32 / 100.0);
            }
        });
        if settings.voice_enabled {
            speech::unlock();
        }
    }

    /// Puts the earcons of the `upcoming` cues (due `delay_ms` after page time `now_ms`) on
    /// the audio clock, each once, after a reset; later calls only check the audio clock
    /// against the page clock, and move the pending earcons if the two drifted apart.
    pub fn schedule_ahead(
        &self,
        now_ms: f64,
        settings: &Settings,
        upcoming: impl FnOnce() -> Vec<ScheduledCue>,
    ) {
        if !settings.sounds_enabled {
            return;
        }
        let Some(offset_s) = self
            .audio
            .with_value(|audio| audio.as_ref().map(|player| player.heard_offset_s(now_ms)))
        else {
            return;
        };
        let previous = self.anchor.get_value();
        if previous.is_some_and(|anchor| (anchor - offset_s).abs() <= DRIFT_TOLERANCE_S) {
            // All scheduled already, on time.
            return;
        }
        self.anchor.set_value(Some(offset_s));
        if previous.is_some() {
            self.move_pending(offset_s);
        } else {
            self.schedule_new(now_ms, offset_s, &upcoming());
        }
    }

    fn schedule_new(&self, now_ms: f64, offset_s: f64, upcoming: &[ScheduledCue]) {
        for scheduled in upcoming {
            if self.mark_sounded(scheduled.cue.id) {
                let page_s = (now_ms + scheduled.delay_ms as f64) / 1_000.0;
                self.ahead.update_value(|ahead| {
                    ahead.insert(scheduled.cue.id, (scheduled.cue.kind, page_s));
                });
                self.play_earcon_at(
                    scheduled.cue.kind,
                    Some(scheduled.cue.id),
                    offset_s + page_s,
                );
            }
        }
    }

    /// The pending earcons would sound off time: puts every one not yet begun on the audio
    /// clock again with the new offset. One whose time has passed sounds at once (later still
    /// where it was), so a move never drops a cue; the player checks the clocks shortly before
    /// every cue so that this is rare.
    fn move_pending(&self, offset_s: f64) {
        let cancelled = self
            .audio
            .try_update_value(|audio| audio.as_mut().map(EarconPlayer::cancel_pending))
            .flatten()
            .unwrap_or_default();
        for id in cancelled {
            if let Some((kind, page_s)) = self.ahead.with_value(|ahead| ahead.get(&id).copied()) {
                self.play_earcon_at(kind, Some(id), offset_s + page_s);
            }
        }
    }

    /// Announces cues as they are crossed: the earcon if it was not scheduled ahead, the
    /// words if voice is on, the vibration if on. Returns the words to show to screen readers
    /// when nobody speaks them.
    pub fn crossed(&self, cues: &[Cue], settings: &Settings) -> Option<String> {
        let speaking = settings.voice_enabled && speech::is_available();
        for cue in cues {
            if settings.sounds_enabled && self.mark_sounded(cue.id) {
                self.play_earcon_now(cue.kind);
            }
            if let (true, Some(words)) = (speaking, &cue.words) {
                let _ = speech::speak(words, settings.voice_name.as_deref(), settings.voice_rate);
            }
            if settings.vibration_enabled && !cue.vibration.is_empty() {
                vibration::vibrate(&cue.vibration);
            }
        }
        if speaking {
            None
        } else {
            cues.iter().rev().find_map(|cue| cue.words.clone())
        }
    }

    /// Forgets what was scheduled: silences pending earcons and queued speech. Called on every
    /// pause, resume, back, skip and stop, so cues after the change are scheduled afresh.
    pub fn reset(&self) {
        self.audio
            .update_value(|audio| audio.iter_mut().for_each(EarconPlayer::cancel_scheduled));
        self.sounded.update_value(HashSet::clear);
        self.ahead.update_value(HashMap::clear);
        self.anchor.set_value(None);
        speech::cancel();
    }

    /// "Test sounds": every earcon in turn, then a spoken sample.
    pub fn test_sounds(&self, settings: &Settings) {
        self.unlock(settings);
        self.audio.update_value(|audio| {
            if let Some(player) = audio {
                let start_s = player.now_s() + 0.05;
                for (offset_ms, kind, _) in sampler_timeline() {
                    let _ = player.play(earcon(kind), start_s + offset_ms as f64 / 1_000.0, None);
                }
            }
        });
        if settings.voice_enabled {
            let _ = speech::speak(
                VOICE_SAMPLE,
                settings.voice_name.as_deref(),
                settings.voice_rate,
            );
        }
        if settings.vibration_enabled {
            vibration::vibrate(&[200, 100, 200]);
        }
    }

    /// True the first time a cue id is seen since the last reset.
    fn mark_sounded(&self, id: u32) -> bool {
        self.sounded
            .try_update_value(|sounded| sounded.insert(id))
            .unwrap_or(false)
    }

    fn play_earcon_now(&self, kind: CueKind) {
        let now_s = self
            .audio
            .with_value(|audio| audio.as_ref().map(EarconPlayer::now_s));
        if let Some(now_s) = now_s {
            self.play_earcon_at(kind, None, now_s);
        }
    }

    fn play_earcon_at(&self, kind: CueKind, cue_id: Option<u32>, at_s: f64) {
        self.audio.update_value(|audio| {
            if let Some(player) = audio {
                // Refused only if the context closed; the next unlock makes a new one.
                let _ = player.play(earcon(kind), at_s, cue_id);
            }
        });
    }
}
