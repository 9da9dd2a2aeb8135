//! Spoken cues with the device's speech synthesis (`speechSynthesis`).

use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

/// Why speaking failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SpeechError {
    /// No speech synthesis, or no voice installed.
    #[error("this device has no speech voice")]
    Unavailable,
    /// The browser refused.
    #[error("the browser refused to speak")]
    Refused,
}

/// A voice the user can pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceInfo {
    /// The voice's name, as stored in settings.
    pub name: String,
    /// Its language tag, e.g. "en-GB".
    pub lang: String,
}

fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    // Read through Reflect: web-sys would call methods on `undefined` where it is missing.
    js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis"))
        .ok()
        .filter(JsValue::is_object)
        .map(JsCast::unchecked_into)
}

/// The installed voices (may be empty until the browser has loaded them).
pub fn voices() -> Vec<VoiceInfo> {
    synthesis()
        .map(|synthesis| {
            synthesis
                .get_voices()
                .iter()
                .map(|voice| voice.unchecked_into::<web_sys::SpeechSynthesisVoice>())
                .map(|voice| VoiceInfo {
                    name: voice.name(),
                    lang: voice.lang(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// True if the device can speak (speech synthesis with at least one voice).
pub fn is_available() -> bool {
    !voices().is_empty()
}

/// Speaks `text` after anything already queued, with the named voice (or the default) and
/// a rate from 0.5 to 2.
pub fn speak(text: &str, voice_name: Option<&str>, rate: f32) -> Result<(), SpeechError> {
    let synthesis = synthesis().ok_or(SpeechError::Unavailable)?;
    let utterance =
        SpeechSynthesisUtterance::new_with_text(text).map_err(|_| SpeechError::Refused)?;
    utterance.set_rate(rate);
    if let Some(name) = voice_name {
        let chosen = synthesis
            .get_voices()
            .iter()
            .map(|voice| voice.unchecked_into::<web_sys::SpeechSynthesisVoice>())
            .find(|voice| voice.name() == name);
        if let Some(voice) = chosen {
            utterance.set_voice(Some(&voice));
        }
    }
    synthesis.speak(&utterance);
    Ok(())
}

/// Speaks nothing, inside a tap: iOS only lets a page speak after it spoke in a gesture.
pub fn unlock() {
    let _ = speak("", None, 1.0);
}

/// Stops speaking and drops anything queued.
pub fn cancel() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}

/// Calls back when the browser has loaded (or changed) its voices; `None` without speech.
pub fn on_voices_changed(
    callback: impl FnMut(web_sys::Event) + 'static,
) -> Option<crate::browser::events::EventListener> {
    let synthesis = synthesis()?;
    crate::browser::events::EventListener::new(&synthesis, "voiceschanged", callback).ok()
}
