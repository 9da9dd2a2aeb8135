//! The app's screens as addresses: every route parsed from and printed to its path, the
//! base path a copy may be served under (`/limber/` on GitHub Pages), query values, and which
//! navigation link is the current one. The browser's router only wires these to the page.

/// One screen of the app, with what its address names. Adding a screen is one variant here,
/// one arm in [`Route::parse`] and [`Route::path`], and one arm in the app's screen list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`: the Today screen.
    Today,
    /// `/routines`: the library and the user's own routines.
    Routines,
    /// `/routines/new` (a `?from=<id>` query copies that routine).
    NewRoutine,
    /// `/routines/<id>`: one routine.
    Routine(String),
    /// `/routines/<id>/edit`: the editor for one of the user's own routines.
    EditRoutine(String),
    /// `/play/<id>` (a `?variant=<id>` query picks a variant): the player.
    Play(String),
    /// `/log`: the symptom log.
    Log,
    /// `/progress`: pain and stretching over time.
    Progress,
    /// `/settings`.
    Settings,
    /// `/summary`: the printable clinician summary.
    Summary,
    /// `/about`.
    About,
    /// `/import` (the shared routine travels in the fragment).
    Import,
    /// `/trial`: the personal trial.
    Trial,
    /// Any other path, kept as it was asked for.
    NotFound(String),
}

impl Route {
    /// The route of an app path (the part after the base path, see [`strip_base`]): a
    /// trailing slash, a query and a fragment are ignored; `%XX` escapes in an id are decoded.
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<String> = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(percent_decode)
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segments.as_slice() {
            [] => Route::Today,
            ["routines"] => Route::Routines,
            ["routines", "new"] => Route::NewRoutine,
            ["routines", id] => Route::Routine((*id).to_string()),
            ["routines", id, "edit"] => Route::EditRoutine((*id).to_string()),
            ["play", id] => Route::Play((*id).to_string()),
            ["log"] => Route::Log,
            ["progress"] => Route::Progress,
            ["settings"] => Route::Settings,
            ["summary"] => Route::Summary,
            ["about"] => Route::About,
            ["import"] => Route::Import,
            ["trial"] => Route::Trial,
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The app path of this route, e.g. `/routines/strap-hamstring/edit`; an id is escaped
    /// so that it stays one path segment.
    pub fn path(&self) -> String {
        match self {
            Route::Today => "/".to_string(),
            Route::Routines => "/routines".to_string(),
            Route::NewRoutine => "/routines/new".to_string(),
            Route::Routine(id) => format!("/routines/{}", percent_encode(id)),
            Route::EditRoutine(id) => format!("/routines/{}/edit", percent_encode(id)),
            Route::Play(id) => format!("/play/{}", percent_encode(id)),
            Route::Log => "/log".to_string(),
            Route::Progress => "/progress".to_string(),
            Route::Settings => "/settings".to_string(),
            Route::Summary => "/summary".to_string(),
            Route::About => "/about".to_string(),
            Route::Import => "/import".to_string(),
            Route::Trial => "/trial".to_string(),
            Route::NotFound(path) => path.clone(),
        }
    }

    /// The routine id the address names, if it names one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Route::Routine(id) | Route::EditRoutine(id) | Route::Play(id) => Some(id),
            _ => None,
        }
    }
}

/// The app path of a page path under `base` (`""` at the site root, `"/limber"` on a
/// project site): `("/limber/log", "/limber")` → `Some("/log")`, `("/limber", "/limber")` →
/// `Some("/")`; `None` when the path is not under the base at all.
pub fn strip_base<'a>(pathname: &'a str, base: &str) -> Option<&'a str> {
    let base = base.trim_end_matches('/');
    let rest = pathname.strip_prefix(base)?;
    match rest {
        "" => Some("/"),
        rest if rest.starts_with('/') => Some(rest),
        _ => None,
    }
}

/// The decoded value of `name` in a query string (`"?variant=left&from=a"`), the first one
/// if it repeats; `+` is a space and `%XX` escapes are decoded.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(key, _)| percent_decode(&key.replace('+', " ")) == name)
        .map(|(_, value)| percent_decode(&value.replace('+', " ")))
}

/// Whether a navigation link to `href` (a page path, perhaps with a query) is the current
/// screen at `pathname`: the same path when `exact`, otherwise the same path or one below
/// it, segment by segment (`/routines` is current at `/routines/x`, not at `/routinesx`).
pub fn link_is_current(href: &str, pathname: &str, exact: bool) -> bool {
    let href = href
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .trim_end_matches('/');
    let pathname = pathname.trim_end_matches('/');
    if exact {
        return href == pathname;
    }
    match pathname.strip_prefix(href) {
        Some(rest) => rest.is_empty() || rest.starts_with('/'),
        None => false,
    }
}

/// Escapes every byte but the unreserved characters of RFC 3986.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Decodes `%XX` escapes; a malformed escape stays as it is, invalid UTF-8 becomes U+FFFD.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                index += 3;
            }
            None => {
                out.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
