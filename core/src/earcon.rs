//! Earcons: the short synthesised sounds that mark each kind of cue, as data. Each kind has
//! its own pitch contour and rhythm so it can be told apart with eyes closed; the browser
//! layer only plays the tones.

use crate::cue::CueKind;

/// The shape of a tone's wave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waveform {
    /// Pure and soft.
    Sine,
    /// Brighter, still gentle.
    Triangle,
}

/// One note of an earcon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tone {
    /// When the note starts, from the start of the earcon.
    pub offset_ms: u32,
    /// How long the note sounds (it fades out over this time).
    pub duration_ms: u32,
    /// Pitch in hertz.
    pub frequency_hz: f32,
    /// Wave shape.
    pub waveform: Waveform,
    /// Loudness 0–1 before the user's volume.
    pub gain: f32,
}

const fn tone(
    offset_ms: u32,
    duration_ms: u32,
    frequency_hz: f32,
    waveform: Waveform,
    gain: f32,
) -> Tone {
    Tone {
        offset_ms,
        duration_ms,
        frequency_hz,
        waveform,
        gain,
    }
}

use Waveform::{Sine, Triangle};

// Pitches (equal temperament, A4 = 440 Hz).
const C4: f32 = 261.63;
const D4: f32 = 293.66;
const G4: f32 = 392.0;
const A4: f32 = 440.0;
const C5: f32 = 523.25;
const E5: f32 = 659.25;
const G5: f32 = 783.99;
const A5: f32 = 880.0;
const C6: f32 = 1046.5;
const E6: f32 = 1318.5;

/// Lead-in: one calm middle note, then the same a fifth up — "get ready".
const LEAD_IN: &[Tone] = &[tone(0, 220, A4, Sine, 0.6), tone(260, 220, E5, Sine, 0.6)];
/// Setup: two soft low taps.
const SETUP: &[Tone] = &[
    tone(0, 140, G4, Triangle, 0.5),
    tone(200, 140, G4, Triangle, 0.5),
];
/// Hold start: a bright rising fourth-and-fifth — "go".
const HOLD_START: &[Tone] = &[
    tone(0, 160, C5, Triangle, 0.7),
    tone(170, 160, G5, Triangle, 0.7),
    tone(340, 320, C6, Triangle, 0.7),
];
/// Side switch: a quick three-note zig-zag — "other side".
const SIDE_SWITCH: &[Tone] = &[
    tone(0, 120, E5, Triangle, 0.7),
    tone(140, 120, A5, Triangle, 0.7),
    tone(280, 120, E5, Triangle, 0.7),
    tone(420, 260, A5, Triangle, 0.7),
];
/// Rest start: a slow falling fifth, soft — "relax".
const REST_START: &[Tone] = &[tone(0, 400, G4, Sine, 0.6), tone(420, 700, C4, Sine, 0.6)];
/// Halfway: a single high bell.
const HALFWAY: &[Tone] = &[tone(0, 600, E6, Sine, 0.45)];
/// Ten seconds left: two short high notes.
const TEN_SECONDS: &[Tone] = &[tone(0, 90, A5, Sine, 0.5), tone(150, 90, A5, Sine, 0.5)];
/// 3, 2, 1: one short blip each.
const TICK: &[Tone] = &[tone(0, 70, A5, Triangle, 0.5)];
/// Done: a rising major arpeggio that resolves.
const DONE: &[Tone] = &[
    tone(0, 180, C5, Sine, 0.7),
    tone(180, 180, E5, Sine, 0.7),
    tone(360, 180, G5, Sine, 0.7),
    tone(540, 700, C6, Sine, 0.7),
];

/// Breath: one low, very soft note, barely heard, that keeps the page from being throttled.
const BREATH: &[Tone] = &[tone(0, 300, D4, Sine, 0.03)];

/// The notes played for a cue of this kind.
pub fn earcon(kind: CueKind) -> &'static [Tone] {
    match kind {
        CueKind::LeadIn => LEAD_IN,
        CueKind::SetupStart => SETUP,
        CueKind::HoldStart => HOLD_START,
        CueKind::SideSwitch => SIDE_SWITCH,
        CueKind::RestStart => REST_START,
        CueKind::Halfway => HALFWAY,
        CueKind::Countdown(seconds) if seconds > 3 => TEN_SECONDS,
        CueKind::Countdown(_) => TICK,
        CueKind::Done => DONE,
        CueKind::Breath => BREATH,
    }
}

/// How long an earcon of this kind lasts, in milliseconds.
pub fn earcon_length_ms(kind: CueKind) -> u32 {
    earcon(kind)
        .iter()
        .map(|tone| tone.offset_ms + tone.duration_ms)
        .max()
        .unwrap_or(0)
}

/// Every kind of cue once, in the order "Test sounds" plays them, with a label for each.
pub const SAMPLER: [(CueKind, &str); 9] = [
    (CueKind::LeadIn, "Get ready"),
    (CueKind::SetupStart, "Setup"),
    (CueKind::HoldStart, "Hold"),
    (CueKind::SideSwitch, "Switch sides"),
    (CueKind::RestStart, "Rest"),
    (CueKind::Halfway, "Halfway"),
    (CueKind::Countdown(10), "Ten seconds"),
    (CueKind::Countdown(3), "Countdown tick"),
    (CueKind::Done, "Done"),
];

/// What "Test sounds" says with the voice.
pub const VOICE_SAMPLE: &str = "Right leg. Hold for three minutes.";

/// Silence between two sounds of the sampler, in milliseconds.
pub const SAMPLER_GAP_MS: u64 = 400;

/// When each sound of [`SAMPLER`] starts, in milliseconds from the first, with its kind and
/// label, so "Test sounds" can show what is playing while it plays.
pub fn sampler_timeline() -> Vec<(u64, CueKind, &'static str)> {
    let mut offset_ms = 0;
    SAMPLER
        .iter()
        .map(|&(kind, label)| {
            let start = offset_ms;
            offset_ms += u64::from(earcon_length_ms(kind)) + SAMPLER_GAP_MS;
            (start, kind, label)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sampler_plays_each_sound_after_the_one_before_ends() {
        let timeline = sampler_timeline();
        assert_eq!(timeline.len(), SAMPLER.len());
        assert_eq!(timeline[0].0, 0);
        for pair in timeline.windows(2) {
            let (start, kind, _) = pair[0];
            assert_eq!(
                pair[1].0,
                start + u64::from(earcon_length_ms(kind)) + SAMPLER_GAP_MS
            );
        }
        assert_eq!(timeline[2].2, "Hold");
    }

    /// The pitch contour and rhythm of an earcon, what the ear tells apart.
    fn signature(kind: CueKind) -> Vec<(u32, u32, u32)> {
        earcon(kind)
            .iter()
            .map(|tone| {
                (
                    tone.offset_ms,
                    tone.duration_ms,
                    tone.frequency_hz.round() as u32,
                )
            })
            .collect()
    }

    #[test]
    fn every_kind_sounds_different() {
        for (index, (kind, _)) in SAMPLER.iter().enumerate() {
            for (other, _) in &SAMPLER[index + 1..] {
                assert_ne!(
                    signature(*kind),
                    signature(*other),
                    "{kind:?} and {other:?} sound alike"
                );
            }
        }
    }

    #[test]
    fn earcons_are_short_gentle_and_audible() {
        for (kind, _) in SAMPLER {
            let length = earcon_length_ms(kind);
            assert!(length > 0 && length <= 1_300, "{kind:?} lasts {length} ms");
            for tone in earcon(kind) {
                assert!((0.0..=1.0).contains(&tone.gain));
                assert!((200.0..=2_000.0).contains(&tone.frequency_hz));
            }
        }
    }

    #[test]
    fn the_three_final_ticks_share_one_sound() {
        assert_eq!(earcon(CueKind::Countdown(3)), earcon(CueKind::Countdown(1)));
        assert_ne!(
            earcon(CueKind::Countdown(10)),
            earcon(CueKind::Countdown(2))
        );
    }
}
