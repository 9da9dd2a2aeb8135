//! Trunk's post-build hook: finishes the staged build before Trunk moves it to `dist`.
//!
//! 1. Stamps the hash of Trunk's inline loader into `index.html`'s Content-Security-Policy.
//! 2. Lists every file of the build and hashes them; stamps the list and the hash into
//!    `sw.js` (the service worker's precache) and the hash into `index.html`.
//! 3. Writes `404.html` (a copy of `index.html`) so that GitHub Pages, which serves `404.html`
//!    for any unknown path, opens the app on a deep link such as `/limber/routines`.

use std::path::{Path, PathBuf};

use crate::{csp, precache};

/// Runs the hook on `$TRUNK_STAGING_DIR`, for the build's `$TRUNK_PUBLIC_URL`.
pub fn run() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("TRUNK_STAGING_DIR is not set: this command is Trunk's post-build hook")?;
    let public_url = std::env::var("TRUNK_PUBLIC_URL")
        .map_err(|_| "TRUNK_PUBLIC_URL is not set: this command is Trunk's post-build hook")?;
    finish(&staging, &public_url)
}

/// The hook's work on a staged build folder.
fn finish(staging: &Path, public_url: &str) -> Result<(), String> {
    let index_path = staging.join("index.html");
    let index = csp::stamp(&read(&index_path)?)?;
    write(&index_path, &index)?;

    let files = precache::files(staging)?;
    let hash = precache::build_hash(staging, &files)?;
    let index = precache::replace_once(&index, precache::BUILD_HASH_PLACEHOLDER, &hash)
        .map_err(|error| format!("index.html: {error}"))?;
    write(&index_path, &index)?;
    write(&staging.join("404.html"), &index)?;

    let worker_path = staging.join(precache::SERVICE_WORKER);
    let worker = precache::stamp_service_worker(&read(&worker_path)?, public_url, &files, &hash)
        .map_err(|error| format!("sw.js: {error}"))?;
    write(&worker_path, &worker)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_index_worker_and_the_404_copy() {
        let dir = std::env::temp_dir().join(format!("limber-post-build-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let index = "<meta content=\"script-src 'self' LIMBER_INLINE_SCRIPT_HASHES\">\
                     <meta name=\"limber-build\" content=\"LIMBER_BUILD_HASH\">\
                     <script type=\"module\">boot()</script>";
        std::fs::write(dir.join("index.html"), index).unwrap();
        std::fs::write(dir.join("app.wasm"), "wasm").unwrap();
        std::fs::write(
            dir.join("sw.js"),
            "const BUILD = 'LIMBER_BUILD_HASH'; const FILES = [/* LIMBER_PRECACHE_FILES */];",
        )
        .unwrap();

        finish(&dir, "/limber/").unwrap();

        let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(index.contains(&csp::hash_source("boot()")));
        assert!(!index.contains("LIMBER_"));
        assert_eq!(
            std::fs::read_to_string(dir.join("404.html")).unwrap(),
            index
        );
        let worker = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(worker.contains("[\"/limber/app.wasm\", \"/limber/index.html\"]"));
        let hash = worker.split('\'').nth(1).unwrap();
        assert_eq!(hash.len(), 16);
        assert!(index.contains(&format!("content=\"{hash}\"")));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
