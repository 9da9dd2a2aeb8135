//! Turns the session's cues into sound, speech and vibration: three listeners on one stream.
//!
//! Earcons are scheduled ahead on the audio clock (a short look-ahead, so a cue lands on time
//! even when the page's timers run late); cues the look-ahead missed (after a long gap) sound
//! once when crossed. Speech and vibration follow the cues as they are crossed.

use std::collections::HashSet;

use leptos::prelude::*;
use limber_core::cue::Cue;
use limber_core::earcon::{earcon, sampler_timeline, VOICE_SAMPLE};
use limber_core::session::ScheduledCue;
use limber_core::settings::Settings;

use crate::browser::audio::EarconPlayer;
use crate::browser::{speech, vibration};

/// How far ahead earcons are put on the audio clock, in milliseconds.
pub const LOOKAHEAD_MS: u64 = 1_500;

/// The app-wide cue output: one audio context for the app's life, and which cues of the
/// current run have already sounded.
#[derive(Clone, Copy)]
pub struct CueOutput {
    audio: StoredValue<Option<EarconPlayer>, LocalStorage>,
    sounded: StoredValue<HashSet<u32>, LocalStorage>,
}

/// Provides the cue output to the whole app (call once, in `App`).
pub fn provide_cue_output() {
    provide_context(CueOutput {
        audio: StoredValue::new_local(None),
        sounded: StoredValue::new_local(HashSet::new()),
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

    /// Puts the earcons of cues due within the look-ahead on the audio clock.
    pub fn schedule_ahead(&self, upcoming: &[ScheduledCue], settings: &Settings) {
        if !settings.sounds_enabled {
            return;
        }
        for scheduled in upcoming {
            if self.mark_sounded(scheduled.cue.id) {
                self.play_earcon(&scheduled.cue, scheduled.delay_ms);
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
                self.play_earcon(cue, 0);
            }
            if let (true, Some(words)) = (speaking, &cue.words) {
                let _ = speech::speak(words, settings.voice_name.as_deref(), settings.voice_rate);
            }
            if settings.vibration_enabled {
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
        speech::cancel();
    }

    /// "Test sounds": every earcon in turn, then a spoken sample.
    pub fn test_sounds(&self, settings: &Settings) {
        self.unlock(settings);
        self.audio.update_value(|audio| {
            if let Some(player) = audio {
                let start_s = player.now_s() + 0.05;
                for (offset_ms, kind, _) in sampler_timeline() {
                    let _ = player.play(earcon(kind), start_s + offset_ms as f64 / 1_000.0);
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

    fn play_earcon(&self, cue: &Cue, delay_ms: u64) {
        self.audio.update_value(|audio| {
            if let Some(player) = audio {
                let at_s = player.now_s() + delay_ms as f64 / 1_000.0;
                let _ = player.play(earcon(cue.kind), at_s);
            }
        });
    }
}
