//! The About screen: the welcome and red flags again, every source the app cites, the version.

use leptos::prelude::*;
use limber_core::safety::all_sources;

use crate::browser::location::build_id;
use crate::components::welcome::WelcomeContent;

/// About Limber: what it is, when to see a clinician, sources, version and build.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <h1>"About Limber"</h1>
        <WelcomeContent />
        <h2>"Sources"</h2>
        <p>"The routines follow published flexibility guidance. These studies measured flexibility, mostly in healthy people, not back-pain relief: Limber makes no claim that stretching treats back pain."</p>
        <ul class="sources">
            {all_sources()
                .into_iter()
                .map(|source| {
                    view! {
                        <li>
                            <cite>{source.citation}</cite>
                            {(!source.supports.is_empty()).then(|| view! { <br /><span class="supports">{source.supports}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <h2>"Version"</h2>
        <p>{format!("Limber {} · build {}", env!("CARGO_PKG_VERSION"), build_id())}</p>
    }
}
