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
use components::update_prompt::UpdatePrompt;
use pages::log::LogPage;
use pages::not_found::NotFound;
use pages::player::PlayerPage;
use pages::progress::ProgressPage;
use pages::routine::RoutinePage;
use pages::routines::RoutinesPage;
use pages::settings::SettingsPage;
use pages::today::TodayPage;
use state::{provide_app_store, PlayerActive, StartRequested};

/// The whole app: a router under the page's base path (so it works at `/` and under a
/// GitHub Pages sub-path such as `/limber/`), one screen per route, and the bottom navigation.
#[component]
pub fn App() -> impl IntoView {
    provide_app_store();
    hooks::use_cues::provide_cue_output();
    provide_context(StartRequested(RwSignal::new(false)));
    provide_context(PlayerActive(RwSignal::new(false)));
    view! {
        <Router base=browser::location::base_path()>
            <div class="app-shell">
                <main id="main" class="screen">
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=TodayPage />
                        <Route path=path!("/routines") view=RoutinesPage />
                        <Route path=path!("/routines/:id") view=RoutinePage />
                        <Route path=path!("/play/:id") view=PlayerPage />
                        <Route path=path!("/log") view=LogPage />
                        <Route path=path!("/progress") view=ProgressPage />
                        <Route path=path!("/settings") view=SettingsPage />
                    </Routes>
                </main>
                <BottomNav />
                <UpdatePrompt />
            </div>
        </Router>
    }
}
