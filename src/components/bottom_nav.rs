//! The bottom navigation between the five main screens.

use crate::router::use_location;
use crate::router::A;
use leptos::prelude::*;

use super::icon::{Icon, IconName};
use crate::browser::location::app_path;

/// Tab bar at the bottom of every screen: Today, Routines, Log, Progress, Settings.
/// The current screen's link carries `aria-current="page"`. Hidden in the full-screen player.
#[component]
pub fn BottomNav() -> impl IntoView {
    let location = use_location();
    let in_player = move || {
        location
            .pathname
            .with(|path| path.starts_with(&app_path("/play/")))
    };
    view! {
        <nav class="bottom-nav" aria-label="Main" hidden=in_player>
            <A href=app_path("/") exact=true>
                <Icon name=IconName::Today />
                <span>"Today"</span>
            </A>
            <A href=app_path("/routines")>
                <Icon name=IconName::Routines />
                <span>"Routines"</span>
            </A>
            <A href=app_path("/log")>
                <Icon name=IconName::Log />
                <span>"Log"</span>
            </A>
            <A href=app_path("/progress")>
                <Icon name=IconName::Progress />
                <span>"Progress"</span>
            </A>
            <A href=app_path("/settings")>
                <Icon name=IconName::Settings />
                <span>"Settings"</span>
            </A>
        </nav>
    }
}
