//! A one-shot `setTimeout` that can be armed again and again. The handle is kept as the
//! `JsValue` the browser returned: web-sys types it as `i32`, and ids above 2³¹ (Playwright's
//! fake clock hands them out) would never be cleared.

use std::cell::RefCell;
use std::rc::Rc;

use thiserror::Error;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout, catch)]
    fn set_timeout(handler: &js_sys::Function, delay_ms: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);
}

/// Why a timer could not be armed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TimerError {
    /// The browser refused to schedule the callback.
    #[error("the browser refused to schedule a callback")]
    Refused,
}

/// A `setTimeout` with one callback; arming replaces the pending call. The callback lives as
/// long as the timer, so it may re-arm from inside itself. Dropping it cancels the pending call.
pub struct Timer {
    pending: Rc<RefCell<Option<JsValue>>>,
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
    pub fn arm(&self, delay_ms: f64) -> Result<(), TimerError> {
        self.disarm();
        let handle = set_timeout(self.callback.as_ref().unchecked_ref(), delay_ms.max(0.0))
            .map_err(|_| TimerError::Refused)?;
        *self.pending.borrow_mut() = Some(handle);
        Ok(())
    }

    /// Cancels the pending call, if any.
    pub fn disarm(&self) {
        if let Some(handle) = self.pending.borrow_mut().take() {
            clear_timeout(&handle);
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.disarm();
    }
}
