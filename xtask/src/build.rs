//! Release builds of the app, as Trunk makes them for a site root and for a sub-path.

use crate::run::command;
use crate::setup::Tools;

/// Output folder of the build served at `/`.
pub const ROOT_DIST: &str = "dist";
/// Output folder of the build served at `/limber/` (as on GitHub Pages).
pub const SUBPATH_DIST: &str = "dist-limber";

/// Builds the release twice: for `/` into `dist/` and for `/limber/` into `dist-limber/`.
pub fn release_builds(tools: &Tools) -> Result<(), String> {
    release_build(tools, "/", ROOT_DIST)?;
    release_build(tools, "/limber/", SUBPATH_DIST)
}

/// One `trunk build --release` with the given public URL and output folder.
pub fn release_build(tools: &Tools, public_url: &str, dist: &str) -> Result<(), String> {
    command(
        tools,
        "trunk",
        &[
            "build",
            "--release",
            "--public-url",
            public_url,
            "--dist",
            dist,
        ],
    )
}
