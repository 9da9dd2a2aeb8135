//! `cargo xtask screenshots`: the README's screenshots (Today, the player mid-hold, Progress),
//! taken in headless Chromium from the release build with demo data.

use crate::build::{release_build, ROOT_DIST};
use crate::run::{prepare, root, status};
use crate::setup::{Tools, E2E_DIR};
use crate::test::free_port;

/// Builds the release and writes `public/screenshots/*.png`.
pub fn run(tools: &Tools) -> Result<(), String> {
    release_build(tools, "/", ROOT_DIST)?;
    let mut playwright = prepare(
        tools,
        "npx",
        &[
            "playwright",
            "test",
            "-c",
            "playwright.screenshots.config.ts",
        ],
    );
    playwright
        .current_dir(root().join(E2E_DIR))
        .env("LIMBER_E2E_PORT", free_port()?.to_string());
    status(playwright, "playwright screenshots")?;
    println!("Screenshots written to public/screenshots/.");
    Ok(())
}
