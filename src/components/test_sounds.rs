//! "Test sounds" that shows what is playing: each cue's name while its tone sounds, and the
//! spoken sample, so the user can tell the tones apart.

use leptos::prelude::*;
use limber_core::earcon::{earcon_length_ms, sampler_timeline, VOICE_SAMPLE};

use crate::browser::clock::now_ms;
use crate::browser::timer::Timer;
use crate::hooks::use_cues::use_cue_output;
use crate::state::use_app_store;

/// The button and a live line naming the sound now playing.
#[component]
pub fn TestSounds() -> impl IntoView {
    let store = use_app_store();
    let cue_output = use_cue_output();
    let playing = RwSignal::new(None::<String>);
    let voice = RwSignal::new(false);
    let started_ms = StoredValue::new(0.0);
    let timer: StoredValue<Option<Timer>, LocalStorage> = StoredValue::new_local(None);
    let timeline = sampler_timeline();
    let count = timeline.len();
    let end_ms = timeline.last().map_or(0, |(start, kind, _)| {
        start + u64::from(earcon_length_ms(*kind))
    });
    // Wakes at each sound's start (and at the end), never more often; false if the browser
    // refused the wake-up.
    let wake_at = move |at_ms: u64| {
        let delay = at_ms as f64 - (now_ms() - started_ms.get_value());
        timer.with_value(|timer| {
            timer
                .as_ref()
                .is_some_and(|timer| timer.arm(delay.max(0.0)).is_ok())
        })
    };
    let on_time = move || {
        let elapsed = (now_ms() - started_ms.get_value()).max(0.0) as u64;
        let line = if elapsed >= end_ms {
            format!("Played all {count} sounds.")
        } else {
            let index = timeline
                .iter()
                .rposition(|(start, _, _)| *start <= elapsed)
                .unwrap_or(0);
            let next = timeline
                .get(index + 1)
                .map_or(end_ms, |(start, _, _)| *start);
            if !wake_at(next) {
                // The line could not follow the sounds: show none rather than a stale one.
                playing.try_set(None);
                return;
            }
            format!("Playing: {} ({} of {count})", timeline[index].2, index + 1)
        };
        if playing.with_untracked(|shown| shown.as_deref() != Some(line.as_str())) {
            playing.try_set(Some(line));
        }
    };
    timer.set_value(Some(Timer::new(on_time)));
    on_cleanup(move || timer.with_value(|timer| timer.iter().for_each(Timer::disarm)));
    let test = move |_| {
        let settings = store
            .document
            .with_untracked(|document| document.settings.clone());
        cue_output.test_sounds(&settings);
        voice.set(settings.voice_enabled);
        started_ms.set_value(now_ms());
        if !wake_at(0) {
            playing.set(None);
        }
    };
    view! {
        <div class="test-sounds">
            <button type="button" on:click=test>"Test sounds"</button>
            <p class="now-playing" role="status">
                {move || playing.get()}
                <Show when=move || voice.get() && playing.with(Option::is_some)>
                    <span class="voice-sample">{format!(" Voice: “{VOICE_SAMPLE}”")}</span>
                </Show>
            </p>
        </div>
    }
}
