//! The Settings screen: how cues sound, speak and vibrate; the lead-in; a daily reminder;
//! data and about.

use crate::router::A;
use leptos::prelude::*;
use limber_core::library::builtin_routines;
use limber_core::settings::{Settings, MAX_LEAD_IN_SECONDS};

use crate::browser::location::app_path;
use crate::browser::speech::{self, VoiceInfo};
use crate::browser::vibration;
use crate::components::data_section::DataSection;
use crate::components::reminder_section::ReminderSection;
use crate::components::test_sounds::TestSounds;
use crate::state::use_app_store;

/// Preferences, saved with the rest of the user's data on this device.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let store = use_app_store();
    let settings = move || store.document.with(|document| document.settings.clone());
    let problem = RwSignal::new(None::<String>);
    let change = move |edit: fn(&mut Settings, &str), value: String| {
        let changed = store.change_settings(|settings| edit(settings, &value));
        problem.set(changed.err().map(|error| error.to_string()));
    };
    let voices = RwSignal::new(speech::voices());
    let voices_listener = speech::on_voices_changed(move |_| voices.set(speech::voices()));
    let voices_listener = send_wrapper::SendWrapper::new(voices_listener);
    on_cleanup(move || drop(voices_listener));

    view! {
        <h1>"Settings"</h1>
        {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
        <h2>"Sounds, voice and vibration"</h2>
        <div class="settings-list">
            <Toggle label="Sounds" hint="A distinct tone for each kind of cue." checked=Signal::derive(move || settings().sounds_enabled)
                on_change=move |on| change(|s, v| s.sounds_enabled = v == "true", on.to_string()) />
            <div class="setting">
                <label for="setting-volume">"Volume"</label>
                <output for="setting-volume" class="slider-value">{move || format!("{}%", settings().volume_percent)}</output>
                <input id="setting-volume" type="range" min="0" max="100" step="5" prop:value=move || settings().volume_percent.to_string()
                    aria-valuetext=move || format!("{}%", settings().volume_percent)
                    on:input=move |event| change(|s, v| s.volume_percent = v.parse().unwrap_or(s.volume_percent), event_target_value(&event)) />
            </div>
            <Toggle label="Voice cues" hint="Speaks each step: “Right leg. Hold for three minutes.”" checked=Signal::derive(move || settings().voice_enabled)
                on_change=move |on| change(|s, v| s.voice_enabled = v == "true", on.to_string()) />
            <Show when=move || voices.with(Vec::is_empty)>
                <p class="note">"This device has no speech voice, so Limber cannot speak here: the tones and vibration carry every cue."</p>
            </Show>
            <div class="setting">
                <label for="setting-voice">"Voice"</label>
                <select id="setting-voice" on:change=move |event| change(|s, v| s.voice_name = (!v.is_empty()).then(|| v.to_string()), event_target_value(&event))>
                    <option value="" selected=move || settings().voice_name.is_none()>"Device default"</option>
                    {move || voices.get().into_iter().map(|VoiceInfo { name, lang }| {
                        let selected_name = name.clone();
                        view! {
                            <option value=name.clone() selected=move || settings().voice_name.as_deref() == Some(selected_name.as_str())>
                                {format!("{name} ({lang})")}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <div class="setting">
                <label for="setting-rate">"Speech rate"</label>
                <output for="setting-rate" class="slider-value">{move || format!("{:.1}×", settings().voice_rate)}</output>
                <input id="setting-rate" type="range" min="0.5" max="2" step="0.1" prop:value=move || format!("{:.1}", settings().voice_rate)
                    aria-valuetext=move || format!("{:.1} times normal speed", settings().voice_rate)
                    on:input=move |event| change(|s, v| s.voice_rate = v.parse().unwrap_or(s.voice_rate), event_target_value(&event)) />
            </div>
            <Toggle label="Vibration" hint="A different pattern for each kind of cue." checked=Signal::derive(move || settings().vibration_enabled)
                on_change=move |on| change(|s, v| s.vibration_enabled = v == "true", on.to_string()) />
            {(!vibration::is_supported()).then(|| view! { <p class="note">"This device cannot vibrate."</p> })}
            <Toggle label="Countdown beeps" hint="Ticks in the last three seconds of a hold or rest." checked=Signal::derive(move || settings().countdown_beeps)
                on_change=move |on| change(|s, v| s.countdown_beeps = v == "true", on.to_string()) />
            <Toggle label="Halfway cue" hint="A bell halfway through long holds." checked=Signal::derive(move || settings().halfway_cue)
                on_change=move |on| change(|s, v| s.halfway_cue = v == "true", on.to_string()) />
            <Toggle label="Breath sound" hint="A very soft sound in every 15 s of silence, so cues stay on time with the screen off." checked=Signal::derive(move || settings().breath_sound)
                on_change=move |on| change(|s, v| s.breath_sound = v == "true", on.to_string()) />
            <div class="setting">
                <label for="setting-lead-in">"Lead-in (seconds)"</label>
                <input id="setting-lead-in" type="number" min="0" max=MAX_LEAD_IN_SECONDS.to_string() inputmode="numeric" prop:value=move || settings().lead_in_seconds.to_string()
                    on:change=move |event| change(|s, v| s.lead_in_seconds = v.trim().parse().unwrap_or(s.lead_in_seconds), event_target_value(&event)) />
            </div>
            <TestSounds />
        </div>
        <h2>"Daily reminder"</h2>
        <ReminderSection routines=Signal::derive(move || {
            let mut routines = builtin_routines();
            store.document.with(|document| routines.extend(document.custom_routines.iter().cloned()));
            routines
        }) />
        <h2>"Your data"</h2>
        <DataSection document=store.document on_import=Callback::new(move |incoming: limber_core::store::Document| store.import(&incoming)) />
        <p><A href=app_path("/summary")>"Clinician summary"</A></p>
        <h2>"About"</h2>
        <p>"Limber is not a medical device. Ask your healthcare provider before trying anything new."</p>
        <p><A href=app_path("/about")>"About Limber: red flags, sources and version"</A></p>
    }
}

/// A labelled on/off switch (a checkbox) with a one-line hint.
#[component]
fn Toggle(
    /// The visible label, also the accessible name.
    label: &'static str,
    /// One line under the label.
    hint: &'static str,
    /// Whether it is on.
    checked: Signal<bool>,
    /// Called with the new state.
    on_change: impl Fn(bool) + 'static,
) -> impl IntoView {
    let id = format!("setting-{}", label.to_lowercase().replace(' ', "-"));
    let hint_id = format!("{id}-hint");
    view! {
        <div class="setting toggle">
            <input
                type="checkbox"
                id=id.clone()
                aria-describedby=hint_id.clone()
                prop:checked=checked
                on:change=move |event| on_change(event_target_checked(&event))
            />
            <label for=id class="setting-label">{label}</label>
            <span class="setting-hint" id=hint_id>{hint}</span>
        </div>
    }
}
