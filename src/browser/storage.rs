//! Namespaced `localStorage`. GitHub Pages project sites share one origin, so every key this
//! app writes starts with [`KEY_PREFIX`]; keys of other apps are never read or removed.

use super::{describe, js_text};
use thiserror::Error;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `localStorage`, read so that values stay JavaScript strings until [`js_text`] takes
    /// them in.
    #[wasm_bindgen(js_name = Storage)]
    type TextStorage;

    /// `Storage.getItem`, giving the JavaScript string as it is.
    #[wasm_bindgen(method, catch, js_class = "Storage", js_name = getItem)]
    fn get_item(this: &TextStorage, key: &str) -> Result<Option<js_sys::JsString>, JsValue>;
}

/// The value under `key` as a JavaScript string.
fn get_item_text(
    storage: &web_sys::Storage,
    key: &str,
) -> Result<Option<js_sys::JsString>, JsValue> {
    storage.unchecked_ref::<TextStorage>().get_item(key)
}

/// Prefix of every key Limber stores.
pub const KEY_PREFIX: &str = "limber:";

/// The names Limber stores values under (each behind [`KEY_PREFIX`]), kept in one place.
pub mod keys {
    /// The whole stored document (log, sessions, custom routines, settings), as JSON.
    pub const DOCUMENT: &str = "document";
    /// Unreadable stored text is kept under this name plus a timestamp, never overwritten.
    pub const CORRUPT_BACKUP_PREFIX: &str = "corrupt-backup-";
    /// The routine under way (see `limber_core::running_session`), kept apart from the document.
    pub const RUNNING_SESSION: &str = "running-session";
}

/// Why a storage call failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    /// The browser offers no localStorage (private mode, disabled, sandboxed frame).
    #[error("this browser does not let Limber store data on the device")]
    Unavailable,
    /// The origin's storage is full.
    #[error("the device storage for Limber is full")]
    QuotaExceeded,
    /// Any other failure, with the browser's message.
    #[error("storage failed: {0}")]
    Failed(String),
}

/// A handle on `localStorage` that reads and writes only keys under [`KEY_PREFIX`].
#[derive(Clone)]
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Opens the origin's localStorage.
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Self { storage }),
            Ok(None) | Err(_) => Err(StorageError::Unavailable),
        }
    }

    /// The full key for one of Limber's names: `"settings"` → `"limber:settings"`.
    pub fn full_key(name: &str) -> String {
        format!("{KEY_PREFIX}{name}")
    }

    /// Reads a value; `Ok(None)` if it was never written.
    pub fn get(&self, name: &str) -> Result<Option<String>, StorageError> {
        let text = get_item_text(&self.storage, &Self::full_key(name))
            .map_err(|error| StorageError::Failed(describe(&error)))?;
        Ok(text.as_ref().map(js_text::to_string))
    }

    /// Writes a value, reporting a full storage as [`StorageError::QuotaExceeded`].
    pub fn set(&self, name: &str, value: &str) -> Result<(), StorageError> {
        self.storage
            .set_item(&Self::full_key(name), value)
            .map_err(|error| {
                if is_quota_error(&error) {
                    StorageError::QuotaExceeded
                } else {
                    StorageError::Failed(describe(&error))
                }
            })
    }

    /// Removes a value (no error if it was absent).
    pub fn remove(&self, name: &str) -> Result<(), StorageError> {
        self.storage
            .remove_item(&Self::full_key(name))
            .map_err(|error| StorageError::Failed(describe(&error)))
    }

    /// The names (without prefix) of every value Limber has stored.
    pub fn names(&self) -> Vec<String> {
        let count = self.storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|index| self.storage.key(index).ok().flatten())
            .filter_map(|key| key.strip_prefix(KEY_PREFIX).map(str::to_string))
            .collect()
    }
}

/// How many bytes Limber keeps in localStorage (each key with its value, in UTF-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoredBytes {
    /// The data itself: the index, its chunks, the routine under way and anything else
    /// Limber stores, but not the kept copies.
    pub data: u64,
    /// Untouched copies of stored text that was not understood (`corrupt-backup-…`).
    pub kept_copies: u64,
}

impl LocalStore {
    /// Measures what is stored under Limber's keys now (other apps' keys are left out).
    pub fn stored_bytes(&self) -> Result<StoredBytes, StorageError> {
        let failed = |error: wasm_bindgen::JsValue| StorageError::Failed(describe(&error));
        let count = self.storage.length().map_err(failed)?;
        let mut bytes = StoredBytes::default();
        for index in 0..count {
            let Some(key) = self.storage.key(index).map_err(failed)? else {
                continue;
            };
            let Some(name) = key.strip_prefix(KEY_PREFIX) else {
                continue;
            };
            let value = get_item_text(&self.storage, &key).map_err(failed)?;
            let size = (key.len() + value.map_or(0, |value| js_text::utf8_len(&value))) as u64;
            if name.starts_with(keys::CORRUPT_BACKUP_PREFIX) {
                bytes.kept_copies += size;
            } else {
                bytes.data += size;
            }
        }
        Ok(bytes)
    }
}

/// True for the DOMException browsers throw when storage is full.
fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|exception| {
            let name = exception.name();
            name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
        })
        .unwrap_or(false)
}

/// How much the origin stores and may store, in bytes (`navigator.storage.estimate()`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageUse {
    /// Bytes used by this origin (every app on a shared github.io origin counts).
    pub used_bytes: f64,
    /// Bytes the browser allows this origin.
    pub quota_bytes: f64,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    use wasm_bindgen::JsCast;
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &wasm_bindgen::JsValue::from_str("storage"))
        .ok()
        .filter(wasm_bindgen::JsValue::is_object)
        .map(|value| value.unchecked_into())
}

async fn resolve_bool(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<bool> {
    let value = wasm_bindgen_futures::JsFuture::from(promise.ok()?)
        .await
        .ok()?;
    value.as_bool()
}

/// Asks the browser not to evict Limber's data under storage pressure; true if granted.
pub async fn request_persistence() -> Option<bool> {
    resolve_bool(storage_manager()?.persist()).await
}

/// True if the browser has promised to keep Limber's data.
pub async fn is_persisted() -> Option<bool> {
    resolve_bool(storage_manager()?.persisted()).await
}

/// The origin's storage use and quota, where the browser reports them.
pub async fn estimate() -> Option<StorageUse> {
    let promise = storage_manager()?.estimate().ok()?;
    let estimate: web_sys::StorageEstimate = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .into();
    Some(StorageUse {
        used_bytes: estimate.get_usage()?,
        quota_bytes: estimate.get_quota()?,
    })
}
