//! Where the app is served from: the base path that Trunk writes into `<base href>`, the
//! app's absolute address (for share links) and the current URL fragment (where they carry
//! their payload).

use std::cell::OnceCell;

thread_local! {
    static BASE_PATH: OnceCell<String> = const { OnceCell::new() };
}

/// The path the app is served under, without a trailing slash: `""` at the site root,
/// `"/limber"` on a GitHub Pages project site. Read once from the document's base URL,
/// which Trunk sets from `--public-url`; the site root if it cannot be read.
pub fn base_path() -> String {
    BASE_PATH.with(|cell| cell.get_or_init(read_base_path).clone())
}

/// An app path under the base path: `"/routines"` → `"/limber/routines"`.
/// Links and navigation use this, because the router leaves absolute paths untouched.
pub fn app_path(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// The app could not tell its own address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the app's address could not be read")]
pub struct AddressUnavailable;

/// The app's absolute address with its base path and a trailing slash, e.g.
/// `"https://example.org/limber/"`: what share links are built on.
pub fn app_url() -> Result<String, AddressUnavailable> {
    let origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .filter(|origin| origin.starts_with("http"))
        .ok_or(AddressUnavailable)?;
    Ok(format!("{origin}{}/", base_path()))
}

/// The current URL's fragment with its `#` (`"#r=1.…"`), or `""` when there is none or it
/// cannot be read. It never reaches a server.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

fn read_base_path() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname().trim_end_matches('/').to_string())
        .unwrap_or_default()
}

/// The build's id, stamped into `<meta name="limber-build">` after each build; "dev" when
/// the page has none (a development server).
pub fn build_id() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("meta[name=limber-build]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|content| !content.is_empty())
        .unwrap_or_else(|| "dev".to_string())
}
