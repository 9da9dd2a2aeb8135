//! Where the app is served from: the base path that Trunk writes into `<base href>`.

/// The path the app is served under, without a trailing slash: `""` at the site root,
/// `"/limber"` on a GitHub Pages project site. Read from the document's base URL, which
/// Trunk sets from `--public-url`; falls back to the root if it cannot be read.
pub fn base_path() -> String {
    let base_uri = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten());
    base_uri
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| trim_base(&url.pathname()))
        .unwrap_or_default()
}

/// `"/limber/"` → `"/limber"`, `"/"` → `""`.
fn trim_base(pathname: &str) -> String {
    pathname.trim_end_matches('/').to_string()
}
