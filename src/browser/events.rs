//! DOM event listeners that remove themselves when dropped, and the page's visibility.

use thiserror::Error;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Why a listener could not be added.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ListenError {
    /// There is no window (not running in a page).
    #[error("no browser window")]
    NoWindow,
    /// The browser refused to add the listener.
    #[error("the browser refused to add a listener")]
    Refused,
}

/// An event listener on a target, removed when dropped.
pub struct EventListener {
    target: web_sys::EventTarget,
    event: &'static str,
    callback: Closure<dyn FnMut(web_sys::Event)>,
    capture: bool,
}

impl EventListener {
    /// Listens for `event` on `target`.
    pub fn new(
        target: &web_sys::EventTarget,
        event: &'static str,
        on_event: impl FnMut(web_sys::Event) + 'static,
    ) -> Result<Self, ListenError> {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(on_event);
        target
            .add_event_listener_with_callback(event, callback.as_ref().unchecked_ref())
            .map_err(|_| ListenError::Refused)?;
        Ok(Self {
            target: target.clone(),
            event,
            callback,
            capture: false,
        })
    }

    /// Listens for `event` on the window in the capture phase, before any other listener.
    pub fn capturing_on_window(
        event: &'static str,
        on_event: impl FnMut(web_sys::Event) + 'static,
    ) -> Result<Self, ListenError> {
        let window = web_sys::window().ok_or(ListenError::NoWindow)?;
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(on_event);
        window
            .add_event_listener_with_callback_and_bool(
                event,
                callback.as_ref().unchecked_ref(),
                true,
            )
            .map_err(|_| ListenError::Refused)?;
        Ok(Self {
            target: window.into(),
            event,
            callback,
            capture: true,
        })
    }

    /// Listens for `event` on the window.
    pub fn on_window(
        event: &'static str,
        on_event: impl FnMut(web_sys::Event) + 'static,
    ) -> Result<Self, ListenError> {
        let window = web_sys::window().ok_or(ListenError::NoWindow)?;
        Self::new(&window, event, on_event)
    }

    /// Listens for `event` on the document.
    pub fn on_document(
        event: &'static str,
        on_event: impl FnMut(web_sys::Event) + 'static,
    ) -> Result<Self, ListenError> {
        let document = web_sys::window()
            .and_then(|window| window.document())
            .ok_or(ListenError::NoWindow)?;
        Self::new(&document, event, on_event)
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.event,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// True while the page is visible (not a background tab, not a locked screen).
pub fn page_is_visible() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .map(|document| document.visibility_state() == web_sys::VisibilityState::Visible)
        .unwrap_or(true)
}
