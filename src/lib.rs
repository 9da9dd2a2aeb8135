//! The Limber app: shared state, the router and the bottom navigation.

pub mod browser;
mod components;
mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::bottom_nav::BottomNav;
use pages::{
    log::LogPage, not_found::NotFound, progress::ProgressPage, routines::RoutinesPage,
    settings::SettingsPage, today::TodayPage,
};

/// The whole app: a router under the page's base path (so it works at `/` and under a
/// GitHub Pages sub-path such as `/limber/`), one screen per route, and the bottom navigation.
#[component]
pub fn App() -> impl IntoView {
    let base = browser::location::base_path();
    view! {
        <Router base=base>
            <div class="app-shell">
                <main id="main" class="screen">
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=TodayPage />
                        <Route path=path!("/routines") view=RoutinesPage />
                        <Route path=path!("/log") view=LogPage />
                        <Route path=path!("/progress") view=ProgressPage />
                        <Route path=path!("/settings") view=SettingsPage />
                    </Routes>
                </main>
                <BottomNav />
            </div>
        </Router>
    }
}
