//! Files in and out: downloading text the app made (exports, backups) and reading a file the
//! user picked (imports). Nothing is uploaded anywhere.

use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be saved or read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileError {
    /// The browser would not make the download.
    #[error("the browser would not save the file")]
    DownloadRefused,
    /// The picked file could not be read.
    #[error("the file could not be read: {0}")]
    Unreadable(String),
    /// The picked file is not UTF-8 text.
    #[error(transparent)]
    NotText(#[from] limber_core::transfer::NotUtf8),
}

/// Offers `text` as a file download named `file_name`, with the given MIME type.
pub fn download_text(file_name: &str, mime_type: &str, text: &str) -> Result<(), FileError> {
    let refused = |_| FileError::DownloadRefused;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or(FileError::DownloadRefused)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| FileError::DownloadRefused)?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The size in bytes of the first file picked in an `<input type="file">`, and the file.
pub fn picked_file(input: &web_sys::HtmlInputElement) -> Option<(f64, web_sys::File)> {
    let file = input.files()?.get(0)?;
    Some((file.size(), file))
}

/// Reads a picked file as UTF-8 text, refusing any other encoding (the browser would quietly
/// replace what it cannot decode).
pub async fn read_text(file: &web_sys::File) -> Result<String, FileError> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|error| FileError::Unreadable(super::describe(&error)))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(limber_core::transfer::utf8_text(bytes)?)
}

/// The name of a picked file, e.g. "limber-backup-2026-11-24.json".
pub fn file_name(file: &web_sys::File) -> String {
    file.name()
}

/// Empties an `<input type="file">`, so picking the same file again is noticed.
pub fn clear_picked(input: &web_sys::HtmlInputElement) {
    input.set_value("");
}
