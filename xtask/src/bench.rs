//! `cargo xtask bench`: builds the release and prints the figures that matter.
//! Figures are printed, never asserted (the size budget is asserted by `cargo xtask test`).

use crate::build::{release_build, ROOT_DIST};
use crate::run::root;
use crate::setup::Tools;
use crate::sizes;

/// Builds the release at `/` and prints the size of every file, raw and gzip.
pub fn run(tools: &Tools) -> Result<(), String> {
    release_build(tools, "/", ROOT_DIST)?;
    println!("\n== Download size (release build) ==");
    let files = sizes::measure(&root().join(ROOT_DIST))?;
    sizes::print_table(&files);
    Ok(())
}
