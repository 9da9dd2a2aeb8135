//! The Screen Wake Lock API: keeps the screen on while a routine runs. The browser releases the
//! lock whenever the page is hidden, so callers re-acquire it when the page is visible again.

use super::describe;
use std::cell::RefCell;
use std::rc::Rc;

use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the screen could not be kept on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WakeLockError {
    /// This browser has no Screen Wake Lock API.
    #[error("this browser cannot keep the screen on")]
    Unsupported,
    /// The browser refused (page hidden, battery saver, permissions policy…).
    #[error("the browser refused to keep the screen on: {0}")]
    Refused(String),
}

/// True if the browser has `navigator.wakeLock`.
pub fn is_supported() -> bool {
    wake_lock_object().is_some()
}

fn wake_lock_object() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("wakeLock"))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// Holds at most one screen wake lock; `acquire` is idempotent, `release` lets the screen sleep.
#[derive(Clone, Default)]
pub struct ScreenWakeLock {
    sentinel: Rc<RefCell<Option<JsValue>>>,
    wanted: Rc<RefCell<bool>>,
}

impl ScreenWakeLock {
    /// A lock that holds nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the browser to keep the screen on. Resolves once held (or refused).
    pub async fn acquire(&self) -> Result<(), WakeLockError> {
        *self.wanted.borrow_mut() = true;
        if self.is_held() {
            return Ok(());
        }
        let wake_lock = wake_lock_object().ok_or(WakeLockError::Unsupported)?;
        let request = js_sys::Reflect::get(&wake_lock, &JsValue::from_str("request"))
            .ok()
            .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
            .ok_or(WakeLockError::Unsupported)?;
        let promise = request
            .call1(&wake_lock, &JsValue::from_str("screen"))
            .map_err(|error| WakeLockError::Refused(describe(&error)))?;
        let promise: js_sys::Promise = promise
            .dyn_into()
            .map_err(|_| WakeLockError::Refused("no promise".into()))?;
        let sentinel = JsFuture::from(promise)
            .await
            .map_err(|error| WakeLockError::Refused(describe(&error)))?;
        if *self.wanted.borrow() {
            *self.sentinel.borrow_mut() = Some(sentinel);
        } else {
            release_sentinel(&sentinel);
        }
        Ok(())
    }

    /// Lets the screen sleep again.
    pub fn release(&self) {
        *self.wanted.borrow_mut() = false;
        if let Some(sentinel) = self.sentinel.borrow_mut().take() {
            release_sentinel(&sentinel);
        }
    }

    /// True while a lock is held and the browser has not released it.
    pub fn is_held(&self) -> bool {
        self.sentinel.borrow().as_ref().is_some_and(|sentinel| {
            js_sys::Reflect::get(sentinel, &JsValue::from_str("released"))
                .map(|released| released.as_bool() != Some(true))
                .unwrap_or(false)
        })
    }
}

fn release_sentinel(sentinel: &JsValue) {
    let release = js_sys::Reflect::get(sentinel, &JsValue::from_str("release"))
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok());
    if let Some(release) = release {
        let _ = release.call0(sentinel);
    }
}
