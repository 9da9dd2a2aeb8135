//! The Limber app: shared state, the router and the bottom navigation.

pub mod browser;
mod components;
mod hooks;
mod pages;
mod state;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::bottom_nav::BottomNav;
use components::storage_banner::StorageBanner;
use components::update_prompt::UpdatePrompt;
use pages::about::AboutPage;
use pages::import::ImportPage;
use pages::log::LogPage;
use pages::not_found::NotFound;
use pages::player::PlayerPage;
use pages::progress::ProgressPage;
use pages::routine::RoutinePage;
use pages::routine_editor::{EditRoutinePage, NewRoutinePage};
use pages::routines::RoutinesPage;
use pages::settings::SettingsPage;
use pages::summary::SummaryPage;
use pages::today::TodayPage;
use pages::trial::TrialPage;
use state::{provide_app_store, InstallAvailable, PlayerActive, StartRequested};

/// The whole app: a router under the page's base path (so it works at `/` and under a
/// GitHub Pages sub-path such as `/limber/`), one screen per route, and the bottom navigation.
#[component]
pub fn App() -> impl IntoView {
    provide_app_store();
    hooks::use_cues::provide_cue_output();
    provide_context(StartRequested(RwSignal::new(false)));
    provide_context(PlayerActive(RwSignal::new(false)));
    let install_available = RwSignal::new(false);
    provide_context(InstallAvailable(install_available));
    // Listens for the app's whole life.
    std::mem::forget(browser::install::listen_for_install_prompt(
        move |available| install_available.set(available),
    ));
    view! {
        <Router base=browser::location::base_path()>
            <div class="app-shell">
                <StorageBanner />
                <main id="main" class="screen">
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=TodayPage />
                        <Route path=path!("/routines") view=RoutinesPage />
                        <Route path=path!("/routines/new") view=NewRoutinePage />
                        <Route path=path!("/routines/:id") view=RoutinePage />
                        <Route path=path!("/routines/:id/edit") view=EditRoutinePage />
                        <Route path=path!("/play/:id") view=PlayerPage />
                        <Route path=path!("/log") view=LogPage />
                        <Route path=path!("/progress") view=ProgressPage />
                        <Route path=path!("/settings") view=SettingsPage />
                        <Route path=path!("/summary") view=SummaryPage />
                        <Route path=path!("/about") view=AboutPage />
                        <Route path=path!("/import") view=ImportPage />
                        <Route path=path!("/trial") view=TrialPage />
                    </Routes>
                </main>
                <BottomNav />
                <UpdatePrompt />
            </div>
        </Router>
    }
}
