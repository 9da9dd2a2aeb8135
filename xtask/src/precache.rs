//! The service worker's precache: every file of the build, the build's hash, and the stamping
//! of both into `sw.js` (and of the hash into `index.html`). Nothing is listed by hand.

use std::path::Path;

use sha2::{Digest, Sha256};

/// Token in `sw.js` (and `index.html`) replaced by the build hash.
pub const BUILD_HASH_PLACEHOLDER: &str = "LIMBER_BUILD_HASH";
/// Token in `sw.js` replaced by the JSON array of the files to precache.
pub const FILES_PLACEHOLDER: &str = "[/* LIMBER_PRECACHE_FILES */]";
/// The service worker script, at the root of the build.
pub const SERVICE_WORKER: &str = "sw.js";
/// Files of the build that are not precached: the worker itself (the browser fetches it to
/// look for updates) and GitHub Pages' deep-link copy of `index.html` (the worker answers
/// every navigation with the cached `index.html`).
const NOT_PRECACHED: [&str; 2] = [SERVICE_WORKER, "404.html"];

/// Every file of the build to precache, as paths relative to the build folder with `/`
/// separators, sorted.
pub fn files(dist: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    collect(dist, dist, &mut found)?;
    found.retain(|name| !NOT_PRECACHED.contains(&name.as_str()));
    found.sort();
    Ok(found)
}

fn collect(base: &Path, dir: &Path, found: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.is_dir() {
            collect(base, &path, found)?;
        } else if let Ok(relative) = path.strip_prefix(base) {
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// A short hash of the names and contents of the files: it changes whenever any file does.
pub fn build_hash(dist: &Path, files: &[String]) -> Result<String, String> {
    let mut hasher = Sha256::new();
    for name in files {
        let bytes = std::fs::read(dist.join(name))
            .map_err(|error| format!("cannot read {name}: {error}"))?;
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    let digest = hasher.finalize();
    Ok(digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}

/// `sw.js` with the build hash and the file list (each under `public_url`) filled in.
pub fn stamp_service_worker(
    script: &str,
    public_url: &str,
    files: &[String],
    hash: &str,
) -> Result<String, String> {
    let urls: Vec<String> = files
        .iter()
        .map(|name| format!("{}{name}", with_trailing_slash(public_url)))
        .map(|url| json_string(&url))
        .collect();
    let script = replace_once(script, FILES_PLACEHOLDER, &format!("[{}]", urls.join(", ")))?;
    replace_once(&script, BUILD_HASH_PLACEHOLDER, hash)
}

/// Replaces the one occurrence of `placeholder`; an error if there is not exactly one.
pub fn replace_once(text: &str, placeholder: &str, value: &str) -> Result<String, String> {
    match text.matches(placeholder).count() {
        1 => Ok(text.replacen(placeholder, value, 1)),
        count => Err(format!(
            "expected `{placeholder}` once, found it {count} times"
        )),
    }
}

fn with_trailing_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

/// A JSON (and JavaScript) string literal.
fn json_string(text: &str) -> String {
    let mut out = String::from('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            character if (character as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", character as u32))
            }
            character => out.push(character),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_build(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("limber-xtask-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        for (file, text) in [
            ("index.html", "<html>"),
            ("404.html", "<html>"),
            ("sw.js", "worker"),
            ("app-1a2b.wasm", "wasm"),
            ("icons/icon-192.png", "png"),
        ] {
            std::fs::write(dir.join(file), text).unwrap();
        }
        dir
    }

    #[test]
    fn lists_every_file_but_the_worker_and_the_404_copy() {
        let dir = temp_build("list");
        assert_eq!(
            files(&dir).unwrap(),
            vec!["app-1a2b.wasm", "icons/icon-192.png", "index.html"]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_hash_changes_with_any_file_and_only_then() {
        let dir = temp_build("hash");
        let list = files(&dir).unwrap();
        let first = build_hash(&dir, &list).unwrap();
        assert_eq!(first.len(), 16);
        assert!(first.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(build_hash(&dir, &list).unwrap(), first);
        std::fs::write(dir.join("icons/icon-192.png"), "png2").unwrap();
        assert_ne!(build_hash(&dir, &list).unwrap(), first);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn stamps_urls_under_the_public_url_and_the_hash() {
        let script =
            "const BUILD = 'LIMBER_BUILD_HASH';\nconst FILES = [/* LIMBER_PRECACHE_FILES */];";
        let files = vec!["index.html".to_string(), "icons/a \"b\".png".to_string()];
        let stamped = stamp_service_worker(script, "/limber/", &files, "00ff").unwrap();
        assert_eq!(
            stamped,
            "const BUILD = '00ff';\nconst FILES = [\"/limber/index.html\", \"/limber/icons/a \\\"b\\\".png\"];"
        );
        let at_root = stamp_service_worker(script, "/", &files[..1], "00ff").unwrap();
        assert!(at_root.contains("[\"/index.html\"]"));
    }

    #[test]
    fn a_missing_or_repeated_placeholder_is_an_error() {
        assert!(stamp_service_worker("no placeholders", "/", &[], "00").is_err());
        assert!(replace_once("A A", "A", "b").is_err());
    }

    #[test]
    fn the_source_worker_has_both_placeholders() {
        let script =
            std::fs::read_to_string(crate::run::root().join("public").join(SERVICE_WORKER))
                .unwrap();
        assert!(stamp_service_worker(&script, "/", &["index.html".into()], "00").is_ok());
    }
}
