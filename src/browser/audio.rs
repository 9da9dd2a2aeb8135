//! Earcons played with Web Audio: oscillators shaped by gain envelopes, scheduled on the audio
//! clock (`AudioContext.currentTime`), which keeps time even when the page's timers are late.

use std::collections::HashSet;

use limber_core::earcon::{Tone, Waveform};
use thiserror::Error;
use wasm_bindgen::JsCast;
use web_sys::{AudioContext, AudioContextState, GainNode, OscillatorNode, OscillatorType};

/// Why a sound could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AudioError {
    /// This browser has no Web Audio.
    #[error("this browser cannot play sounds")]
    Unsupported,
    /// Web Audio refused a call.
    #[error("the browser refused to play a sound")]
    Refused,
}

/// The quietest gain an exponential ramp can start from or fall to.
const SILENT: f32 = 0.0001;
/// Attack of every note, in seconds (avoids clicks).
const ATTACK_S: f64 = 0.012;

/// Plays earcons on one AudioContext. Create it inside a tap (autoplay rules).
pub struct EarconPlayer {
    context: AudioContext,
    output: GainNode,
    scheduled: Vec<ScheduledNote>,
}

struct ScheduledNote {
    oscillator: OscillatorNode,
    envelope: GainNode,
    start_s: f64,
    end_s: f64,
    /// The cue (by id) whose earcon this note belongs to, if any.
    cue_id: Option<u32>,
}

impl EarconPlayer {
    /// A new audio context, resumed (call inside a user gesture).
    pub fn new() -> Result<Self, AudioError> {
        let context = AudioContext::new().map_err(|_| AudioError::Unsupported)?;
        let output = context.create_gain().map_err(|_| AudioError::Refused)?;
        output
            .connect_with_audio_node(&context.destination())
            .map_err(|_| AudioError::Refused)?;
        let player = Self {
            context,
            output,
            scheduled: Vec::new(),
        };
        player.wake();
        Ok(player)
    }

    /// False once the platform closed or interrupted the context (iOS after a lock): make a
    /// new one.
    pub fn is_usable(&self) -> bool {
        matches!(
            self.context.state(),
            AudioContextState::Running | AudioContextState::Suspended
        )
    }

    /// Resumes a suspended context (needs a user gesture the first time).
    pub fn wake(&self) {
        if self.context.state() == AudioContextState::Suspended {
            let _ = self.context.resume();
        }
    }

    /// The audio clock, in seconds.
    pub fn now_s(&self) -> f64 {
        self.context.current_time()
    }

    /// The audio clock minus the page clock (`now_ms`, read just before) for what is heard, in
    /// seconds: a note started at audio time `a` is heard at page time `a - offset`. By
    /// `getOutputTimestamp()` (the sample heard at a page time); until the platform has one
    /// (a context just made, or no sound device), by `currentTime`, which runs ahead of what is
    /// heard by the output latency it reports. Ask before every scheduling: the two clocks
    /// drift apart, by seconds over long silences on some devices.
    pub fn heard_offset_s(&self, now_ms: f64) -> f64 {
        self.output_timestamp().map_or_else(
            || self.now_s() - now_ms / 1_000.0 - self.reported_latency_s(),
            |(context_s, performance_ms)| context_s - performance_ms / 1_000.0,
        )
    }

    /// `baseLatency + outputLatency`, as far as the platform reports them (0 where it does not).
    fn reported_latency_s(&self) -> f64 {
        ["baseLatency", "outputLatency"]
            .iter()
            .filter_map(|name| js_sys::Reflect::get(&self.context, &(*name).into()).ok())
            .filter_map(|value| value.as_f64())
            .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
            .sum()
    }

    /// `(contextTime, performanceTime)` of the sample being heard now, if known.
    fn output_timestamp(&self) -> Option<(f64, f64)> {
        let method = js_sys::Reflect::get(&self.context, &"getOutputTimestamp".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        let stamp = method.call0(&self.context).ok()?;
        let read = |name: &str| {
            js_sys::Reflect::get(&stamp, &name.into())
                .ok()
                .and_then(|value| value.as_f64())
        };
        let (context_s, performance_ms) = (read("contextTime")?, read("performanceTime")?);
        // Zeros until the context has produced output (just created, or no sound device).
        (performance_ms > 0.0).then_some((context_s, performance_ms))
    }

    /// Sets the loudness, 0–1.
    pub fn set_volume(&self, fraction: f32) {
        self.output.gain().set_value(fraction.clamp(0.0, 1.0));
    }

    /// Schedules the notes of an earcon to start at `at_s` on the audio clock (at once if that
    /// has passed), remembered as cue `cue_id`'s when given.
    pub fn play(
        &mut self,
        tones: &[Tone],
        at_s: f64,
        cue_id: Option<u32>,
    ) -> Result<(), AudioError> {
        let now_s = self.now_s();
        self.scheduled.retain(|note| note.end_s > now_s);
        for tone in tones {
            let note = self.note(tone, at_s.max(now_s), cue_id)?;
            self.scheduled.push(note);
        }
        Ok(())
    }

    fn note(
        &self,
        tone: &Tone,
        at_s: f64,
        cue_id: Option<u32>,
    ) -> Result<ScheduledNote, AudioError> {
        let refused = |_| AudioError::Refused;
        let start_s = at_s + f64::from(tone.offset_ms) / 1_000.0;
        let end_s = start_s + f64::from(tone.duration_ms) / 1_000.0;
        let oscillator = self.context.create_oscillator().map_err(refused)?;
        oscillator.set_type(match tone.waveform {
            Waveform::Sine => OscillatorType::Sine,
            Waveform::Triangle => OscillatorType::Triangle,
        });
        oscillator.frequency().set_value(tone.frequency_hz);
        let envelope = self.context.create_gain().map_err(refused)?;
        let gain = envelope.gain();
        gain.set_value_at_time(SILENT, start_s).map_err(refused)?;
        gain.exponential_ramp_to_value_at_time(tone.gain.max(SILENT), start_s + ATTACK_S)
            .map_err(refused)?;
        gain.exponential_ramp_to_value_at_time(SILENT, end_s)
            .map_err(refused)?;
        oscillator
            .connect_with_audio_node(&envelope)
            .map_err(refused)?;
        envelope
            .connect_with_audio_node(&self.output)
            .map_err(refused)?;
        oscillator.start_with_when(start_s).map_err(refused)?;
        oscillator.stop_with_when(end_s + 0.02).map_err(refused)?;
        Ok(ScheduledNote {
            oscillator,
            envelope,
            start_s,
            end_s,
            cue_id,
        })
    }

    /// Drops the earcons of cues none of whose notes has started yet, to schedule them again,
    /// and returns those cues' ids. An earcon already sounding plays on whole.
    pub fn cancel_pending(&mut self) -> Vec<u32> {
        let now_s = self.now_s();
        let started: HashSet<u32> = self
            .scheduled
            .iter()
            .filter(|note| note.start_s <= now_s)
            .filter_map(|note| note.cue_id)
            .collect();
        let mut pending: Vec<u32> = Vec::new();
        self.scheduled.retain(|note| {
            let cancel = note.cue_id.filter(|id| !started.contains(id));
            if let Some(id) = cancel {
                let _ = note.oscillator.stop_with_when(0.0);
                let _ = note.envelope.disconnect();
                if !pending.contains(&id) {
                    pending.push(id);
                }
            }
            cancel.is_none()
        });
        pending
    }

    /// Silences every note not yet finished, so nothing plays after a pause, skip or stop.
    pub fn cancel_scheduled(&mut self) {
        let now_s = self.now_s();
        for note in self.scheduled.drain(..) {
            if note.end_s > now_s {
                // A note not started yet never starts; one sounding stops now.
                let _ =
                    note.oscillator
                        .stop_with_when(if note.start_s > now_s { 0.0 } else { now_s });
                let _ = note.envelope.disconnect();
            }
        }
    }
}
