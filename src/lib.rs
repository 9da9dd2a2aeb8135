//! The Limber app: shared state, the router and the bottom navigation.

pub mod browser;
mod components;
mod hooks;
mod pages;
mod router;
mod state;

use leptos::prelude::*;
use limber_core::route::Route;

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

/// The whole app: our router under the page's base path (so it works at `/` and under a
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
    let route = router::provide_router();
    view! {
        <div class="app-shell">
            <StorageBanner />
            <main id="main" class="screen">
                {move || screen(route.get())}
            </main>
            <BottomNav />
            <UpdatePrompt />
        </div>
    }
}

/// The screen for a route (one arm per route). Each is type-erased, so the app's view type
/// stays small whatever the screens hold.
fn screen(route: Route) -> AnyView {
    match route {
        Route::Today => view! { <TodayPage /> }.into_any(),
        Route::Routines => view! { <RoutinesPage /> }.into_any(),
        Route::NewRoutine => view! { <NewRoutinePage /> }.into_any(),
        Route::Routine(_) => view! { <RoutinePage /> }.into_any(),
        Route::EditRoutine(_) => view! { <EditRoutinePage /> }.into_any(),
        Route::Play(_) => view! { <PlayerPage /> }.into_any(),
        Route::Log => view! { <LogPage /> }.into_any(),
        Route::Progress => view! { <ProgressPage /> }.into_any(),
        Route::Settings => view! { <SettingsPage /> }.into_any(),
        Route::Summary => view! { <SummaryPage /> }.into_any(),
        Route::About => view! { <AboutPage /> }.into_any(),
        Route::Import => view! { <ImportPage /> }.into_any(),
        Route::Trial => view! { <TrialPage /> }.into_any(),
        Route::NotFound(_) => view! { <NotFound /> }.into_any(),
    }
}
