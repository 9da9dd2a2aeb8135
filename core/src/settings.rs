//! The user's preferences: cues (sound, voice, vibration), lead-in, and first-run state.
//!
//! Restore is lenient: a stored object with missing fields gets the defaults for them,
//! unknown fields are ignored, and out-of-range values are brought back into range by
//! [`Settings::normalized`], so an old or hand-edited backup never stops the app.

use serde::{Deserialize, Serialize};

/// Longest lead-in countdown the user can choose, in seconds.
pub const MAX_LEAD_IN_SECONDS: u32 = 30;
/// Slowest speech rate offered (half speed).
pub const MIN_VOICE_RATE: f32 = 0.5;
/// Fastest speech rate offered (double speed).
pub const MAX_VOICE_RATE: f32 = 2.0;

/// Everything the user can set in Settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Play earcons (synthesised tones) at phase changes.
    pub sounds_enabled: bool,
    /// Earcon volume, 0–100.
    pub volume_percent: u32,
    /// Speak cues with the device's speech synthesis.
    pub voice_enabled: bool,
    /// Name of the chosen speech voice; `None` means the device default.
    pub voice_name: Option<String>,
    /// Speech rate, 0.5–2.0 (1.0 is normal).
    pub voice_rate: f32,
    /// Vibrate at phase changes where the device can.
    pub vibration_enabled: bool,
    /// Seconds of countdown before the first hold.
    pub lead_in_seconds: u32,
    /// Short ticks in the last three seconds of a hold or rest.
    pub countdown_beeps: bool,
    /// A cue at the halfway point of long holds.
    pub halfway_cue: bool,
    /// A very soft breath sound every 15 s of silence, so cues stay on time with the screen off.
    pub breath_sound: bool,
    /// The first-run welcome (red flags, disclaimer) has been read.
    pub welcome_seen: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            sounds_enabled: true,
            volume_percent: 80,
            voice_enabled: true,
            voice_name: None,
            voice_rate: 1.0,
            vibration_enabled: true,
            lead_in_seconds: 5,
            countdown_beeps: true,
            halfway_cue: true,
            breath_sound: true,
            welcome_seen: false,
        }
    }
}

impl Settings {
    /// The same settings with every value brought into its allowed range
    /// (volume ≤ 100, rate 0.5–2.0 and finite, lead-in ≤ 30 s, blank voice name → default).
    pub fn normalized(mut self) -> Self {
        self.volume_percent = self.volume_percent.min(100);
        self.voice_rate = if self.voice_rate.is_finite() {
            self.voice_rate.clamp(MIN_VOICE_RATE, MAX_VOICE_RATE)
        } else {
            1.0
        };
        self.lead_in_seconds = self.lead_in_seconds.min(MAX_LEAD_IN_SECONDS);
        if self
            .voice_name
            .as_deref()
            .is_some_and(|name| name.trim().is_empty())
        {
            self.voice_name = None;
        }
        self
    }

    /// Reads settings from JSON leniently: missing fields take defaults, unknown fields are
    /// ignored, values are normalised. Returns the defaults if the text is not a JSON object.
    pub fn from_json_lenient(text: &str) -> Self {
        serde_json::from_str::<Settings>(text)
            .map(Settings::normalized)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_json() {
        let settings = Settings {
            sounds_enabled: false,
            volume_percent: 35,
            voice_enabled: true,
            voice_name: Some("Samantha".into()),
            voice_rate: 1.25,
            vibration_enabled: false,
            lead_in_seconds: 10,
            countdown_beeps: false,
            halfway_cue: false,
            breath_sound: false,
            welcome_seen: true,
        };
        let json = serde_json::to_string(&settings).unwrap();
        let back: Settings = serde_json::from_str(&json).unwrap();
        assert_eq!(back, settings);
    }

    #[test]
    fn missing_fields_take_defaults_and_unknown_fields_are_ignored() {
        let restored = Settings::from_json_lenient(r#"{"volume_percent": 20, "future_flag": 3}"#);
        assert_eq!(restored.volume_percent, 20);
        assert_eq!(restored.lead_in_seconds, 5);
        assert!(restored.voice_enabled);
        assert!(restored.breath_sound);
    }

    #[test]
    fn out_of_range_values_are_brought_into_range() {
        let restored = Settings::from_json_lenient(
            r#"{"volume_percent": 250, "voice_rate": 9.5, "lead_in_seconds": 999, "voice_name": "  "}"#,
        );
        assert_eq!(restored.volume_percent, 100);
        assert_eq!(restored.voice_rate, MAX_VOICE_RATE);
        assert_eq!(restored.lead_in_seconds, MAX_LEAD_IN_SECONDS);
        assert_eq!(restored.voice_name, None);
    }

    #[test]
    fn garbage_gives_defaults() {
        assert_eq!(Settings::from_json_lenient("not json"), Settings::default());
        assert_eq!(Settings::from_json_lenient("[1,2]"), Settings::default());
    }
}
