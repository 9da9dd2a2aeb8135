//! Time and scheduling: the monotonic clock, the wall clock, animation frames, one-shot
//! timeouts and event listeners. Each handle cancels itself when dropped.

use std::cell::RefCell;
use std::rc::Rc;

use limber_core::log::Timestamp;
use thiserror::Error;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Why a scheduling call failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClockError {
    /// There is no window (not running in a page).
    #[error("no browser window")]
    NoWindow,
    /// The browser refused to schedule the callback.
    #[error("the browser refused to schedule a callback")]
    Refused,
}

/// Milliseconds on the page's monotonic clock (`performance.now()`), which never jumps when
/// the user changes the time; falls back to `Date.now()`.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// The wall-clock time now, with the device's current UTC offset, for stored records.
pub fn wall_clock_now() -> Timestamp {
    let date = js_sys::Date::new_0();
    // getTimezoneOffset is minutes *behind* UTC: UTC+1 gives -60.
    let offset_minutes = -(date.get_timezone_offset() as i16);
    Timestamp::new(date.get_time() as i64, offset_minutes)
}

/// Calls a function on every animation frame while started. Browsers run no animation frames
/// in hidden tabs, so a started loop costs nothing while the page is hidden. The callback lives
/// as long as the loop, so `stop` may be called from inside it.
pub struct FrameLoop {
    state: Rc<RefCell<FrameState>>,
}

struct FrameState {
    request_id: Option<i32>,
    running: bool,
    callback: Option<Closure<dyn FnMut()>>,
}

impl FrameLoop {
    /// A stopped loop that will call `on_frame` once per frame after `start`.
    pub fn new(mut on_frame: impl FnMut() + 'static) -> Self {
        let state = Rc::new(RefCell::new(FrameState {
            request_id: None,
            running: false,
            callback: None,
        }));
        let weak = Rc::downgrade(&state);
        let callback = Closure::<dyn FnMut()>::new(move || {
            let Some(state) = weak.upgrade() else { return };
            state.borrow_mut().request_id = None;
            if !state.borrow().running {
                return;
            }
            on_frame();
            request_frame(&state);
        });
        state.borrow_mut().callback = Some(callback);
        Self { state }
    }

    /// Starts calling back on every frame (no-op if started).
    pub fn start(&self) {
        self.state.borrow_mut().running = true;
        request_frame(&self.state);
    }

    /// Stops calling back.
    pub fn stop(&self) {
        let mut state = self.state.borrow_mut();
        state.running = false;
        if let (Some(id), Some(window)) = (state.request_id.take(), web_sys::window()) {
            let _ = window.cancel_animation_frame(id);
        }
    }
}

/// Asks for the next frame unless one is pending or the loop is stopped.
fn request_frame(state: &Rc<RefCell<FrameState>>) {
    let mut state = state.borrow_mut();
    if !state.running || state.request_id.is_some() {
        return;
    }
    let id = match (&state.callback, web_sys::window()) {
        (Some(callback), Some(window)) => window
            .request_animation_frame(callback.as_ref().unchecked_ref())
            .ok(),
        _ => None,
    };
    state.request_id = id;
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A `setTimeout` that can be armed again and again with one callback; arming replaces the
/// pending call. The callback lives as long as the timer, so it may re-arm from inside itself.
pub struct Timer {
    pending: Rc<RefCell<Option<i32>>>,
    callback: Closure<dyn FnMut()>,
}

impl Timer {
    /// A disarmed timer that calls `on_time` when it fires.
    pub fn new(mut on_time: impl FnMut() + 'static) -> Self {
        let pending = Rc::new(RefCell::new(None));
        let fired = Rc::clone(&pending);
        let callback = Closure::<dyn FnMut()>::new(move || {
            fired.borrow_mut().take();
            on_time();
        });
        Self { pending, callback }
    }

    /// Calls back once after `delay_ms` (browsers may run it late in a hidden tab),
    /// replacing any pending call.
    pub fn arm(&self, delay_ms: f64) -> Result<(), ClockError> {
        self.disarm();
        let window = web_sys::window().ok_or(ClockError::NoWindow)?;
        let delay = delay_ms.clamp(0.0, i32::MAX as f64) as i32;
        let id = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                self.callback.as_ref().unchecked_ref(),
                delay,
            )
            .map_err(|_| ClockError::Refused)?;
        *self.pending.borrow_mut() = Some(id);
        Ok(())
    }

    /// Cancels the pending call, if any.
    pub fn disarm(&self) {
        if let (Some(id), Some(window)) = (self.pending.borrow_mut().take(), web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.disarm();
    }
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
    ) -> Result<Self, ClockError> {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(on_event);
        target
            .add_event_listener_with_callback(event, callback.as_ref().unchecked_ref())
            .map_err(|_| ClockError::Refused)?;
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
    ) -> Result<Self, ClockError> {
        let window = web_sys::window().ok_or(ClockError::NoWindow)?;
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(on_event);
        window
            .add_event_listener_with_callback_and_bool(
                event,
                callback.as_ref().unchecked_ref(),
                true,
            )
            .map_err(|_| ClockError::Refused)?;
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
    ) -> Result<Self, ClockError> {
        let window = web_sys::window().ok_or(ClockError::NoWindow)?;
        Self::new(&window, event, on_event)
    }

    /// Listens for `event` on the document.
    pub fn on_document(
        event: &'static str,
        on_event: impl FnMut(web_sys::Event) + 'static,
    ) -> Result<Self, ClockError> {
        let document = web_sys::window()
            .and_then(|window| window.document())
            .ok_or(ClockError::NoWindow)?;
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
