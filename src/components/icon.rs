//! Line icons drawn inline as SVG (no icon font, no extra request).

use leptos::prelude::*;

/// The icons the app uses.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum IconName {
    /// A sun: today.
    Today,
    /// A list: routines.
    Routines,
    /// A pencil: the log.
    Log,
    /// A rising line: progress.
    Progress,
    /// A gear: settings.
    Settings,
}

impl IconName {
    /// SVG path data on a 24×24 grid, stroked.
    fn path(self) -> &'static str {
        match self {
            IconName::Today => "M12 4v2M12 18v2M4 12h2M18 12h2M6.3 6.3l1.4 1.4M16.3 16.3l1.4 1.4M6.3 17.7l1.4-1.4M16.3 7.7l1.4-1.4M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8",
            IconName::Routines => "M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01",
            IconName::Log => "M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4",
            IconName::Progress => "M4 19h16M5 15l4-4 3 3 6-7",
            IconName::Settings => "M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6M19 12l2-1-1-3-2 .3-1.4-1.4.3-2-3-1-1 2h-2l-1-2-3 1 .3 2L5.8 7.3 4 7 3 10l2 1v2l-2 1 1 3 2-.3 1.4 1.4-.3 2 3 1 1-2h2l1 2 3-1-.3-2 1.4-1.4 2 .3 1-3-2-1z",
        }
    }
}

/// A decorative icon (hidden from screen readers: its label is always written beside it).
#[component]
pub fn Icon(
    /// Which icon.
    name: IconName,
) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=name.path() />
        </svg>
    }
}
