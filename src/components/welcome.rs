//! The welcome: what Limber does, that data stays on the device, the red flags, the
//! disclaimer, and how to install it. Shown once on Today, and always on the About screen.

use leptos::prelude::*;
use limber_core::safety::{DISCLAIMER, RED_FLAGS};

use crate::browser::install::{is_installed, prompt_install};
use crate::browser::platform::is_ios;
use crate::state::{use_app_store, InstallAvailable};

/// The welcome text, without a heading of its own (the caller gives one).
#[component]
pub fn WelcomeContent() -> impl IntoView {
    view! {
        <p>
            "Limber guides you through stretching routines with spoken cues, tones and vibration, so you can follow them lying on a mat without looking at the phone. "
            "A private log shows, over days, whether stretching helps you."
        </p>
        <p><strong>"Your data stays on this device."</strong>" No account, no server, no tracking."</p>
        <h3>"See a clinician first if any of these apply"</h3>
        <ul class="red-flags">{RED_FLAGS.iter().map(|flag| view! { <li>{*flag}</li> }).collect_view()}</ul>
        <p class="disclaimer">{DISCLAIMER}</p>
        <InstallHelp />
    }
}

/// How to put Limber on the home screen on this device.
#[component]
fn InstallHelp() -> impl IntoView {
    let available = expect_context::<InstallAvailable>().0;
    if is_installed() {
        return view! { <p>"Limber is installed on this device."</p> }.into_any();
    }
    view! {
        <h3>"Install it on your phone"</h3>
        <Show when=move || available.get()>
            <button type="button" class="primary" on:click=move |_| {
                if prompt_install() {
                    available.set(false);
                }
            }>"Install Limber"</button>
        </Show>
        <p>"Android: open the browser menu and choose Install app (or Add to Home screen)."</p>
        <p>"iPhone and iPad: in Safari, tap Share, then Add to Home Screen."</p>
        {is_ios().then(|| view! {
            <p class="note">"On iPhone and iPad, installing also keeps your data safer: Safari may clear the data of websites you have not opened for a few weeks, but not of apps on the home screen."</p>
        })}
    }
    .into_any()
}

/// The first-run welcome on Today, until the user has read it.
#[component]
pub fn WelcomePanel() -> impl IntoView {
    let store = use_app_store();
    let seen = move || {
        store
            .document
            .with(|document| document.settings.welcome_seen)
    };
    let problem = RwSignal::new(None::<String>);
    let read_it = move |_| {
        let changed = store.change_settings(|settings| settings.welcome_seen = true);
        problem.set(changed.err().map(|error| error.to_string()));
    };
    view! {
        <Show when=move || !seen()>
            <section class="welcome card" aria-labelledby="welcome-heading">
                <h2 id="welcome-heading">"Welcome to Limber"</h2>
                <WelcomeContent />
                <button type="button" class="primary" on:click=read_it>
                    "I have read this"
                </button>
                {move || problem.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
            </section>
        </Show>
    }
}
