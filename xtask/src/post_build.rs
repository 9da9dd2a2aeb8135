//! Trunk's post-build hook: finishes the staged build before Trunk moves it to `dist`.
//!
//! Writes `404.html` (a copy of `index.html`) so that GitHub Pages, which serves `404.html`
//! for any unknown path, opens the app on a deep link such as `/limber/routines`.

use std::path::PathBuf;

/// Runs the hook on `$TRUNK_STAGING_DIR`.
pub fn run() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("TRUNK_STAGING_DIR is not set: this command is Trunk's post-build hook")?;
    let index = staging.join("index.html");
    std::fs::copy(&index, staging.join("404.html"))
        .map_err(|error| format!("cannot copy {} to 404.html: {error}", index.display()))?;
    Ok(())
}
