//! The session history: the page's current address, moving to another address without
//! reloading (`history.pushState`), back and forward, and link clicks that stay in the app.

use wasm_bindgen::JsCast;

use super::events::{EventListener, ListenError};

/// The parts of the page's address the router reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageAddress {
    /// The path with the base path, e.g. `/limber/routines/strap-hamstring`.
    pub pathname: String,
    /// The query with its `?`, or `""`.
    pub search: String,
    /// The fragment with its `#`, or `""`.
    pub hash: String,
}

impl PageAddress {
    /// The address as a URL relative to the origin: path, query and fragment.
    pub fn to_url(&self) -> String {
        format!("{}{}{}", self.pathname, self.search, self.hash)
    }
}

/// Why the history could not be changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HistoryError {
    /// There is no window (not running in a page).
    #[error("no browser window")]
    NoWindow,
    /// The browser refused the new address (another origin, or too many calls).
    #[error("the browser refused the address: {0:?}")]
    Refused(wasm_bindgen::JsValue),
}

/// The page's address now; empty parts if it cannot be read.
pub fn current_address() -> PageAddress {
    web_sys::window()
        .map(|window| window.location())
        .map(|location| PageAddress {
            pathname: location.pathname().unwrap_or_default(),
            search: location.search().unwrap_or_default(),
            hash: location.hash().unwrap_or_default(),
        })
        .unwrap_or_default()
}

/// Shows `url` (relative to the origin) in the address bar without loading it: a new history
/// entry, or in place of the current one when `replace`.
pub fn show_address(url: &str, replace: bool) -> Result<(), HistoryError> {
    let history = web_sys::window()
        .ok_or(HistoryError::NoWindow)?
        .history()
        .map_err(HistoryError::Refused)?;
    let state = wasm_bindgen::JsValue::NULL;
    if replace {
        history.replace_state_with_url(&state, "", Some(url))
    } else {
        history.push_state_with_url(&state, "", Some(url))
    }
    .map_err(HistoryError::Refused)
}

/// Scrolls the page back to its top, as a new page would open.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Calls `on_change` when the user goes back or forward (or opens another fragment).
pub fn on_back_or_forward(
    mut on_change: impl FnMut(PageAddress) + 'static,
) -> Result<EventListener, ListenError> {
    EventListener::on_window("popstate", move |_| on_change(current_address()))
}

/// Takes over plain left clicks on same-origin links under `base_path` (no modifier key, no
/// `download`, no `target`, no `rel="external"`, not already handled) and calls `follow`
/// with the link's address instead of letting the browser load it.
pub fn keep_link_clicks_in_app(
    base_path: String,
    mut follow: impl FnMut(PageAddress) + 'static,
) -> Result<EventListener, ListenError> {
    EventListener::on_window("click", move |event| {
        if let Some(address) = in_app_link_target(&event, &base_path) {
            event.prevent_default();
            follow(address);
        }
    })
}

/// Where a click leads if it is a plain click on a link this app should follow itself.
fn in_app_link_target(event: &web_sys::Event, base_path: &str) -> Option<PageAddress> {
    if event.default_prevented() {
        return None;
    }
    let mouse = event.dyn_ref::<web_sys::MouseEvent>()?;
    let modified = mouse.meta_key() || mouse.alt_key() || mouse.ctrl_key() || mouse.shift_key();
    if mouse.button() != 0 || modified {
        return None;
    }
    let anchor = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let opens_elsewhere = anchor.has_attribute("download")
        || !anchor.target().is_empty()
        || anchor.rel().split_whitespace().any(|rel| rel == "external");
    let own_origin = web_sys::window()?.location().origin().ok()?;
    if opens_elsewhere || anchor.origin() != own_origin {
        return None;
    }
    let pathname = anchor.pathname();
    limber_core::route::strip_base(&pathname, base_path)?;
    Some(PageAddress {
        pathname,
        search: anchor.search(),
        hash: anchor.hash(),
    })
}
