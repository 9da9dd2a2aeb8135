//! `cargo xtask size [--no-build]`: where the download's bytes go. Builds the release, prints every file
//! (raw and gzip) against the budget, the final module's sections, then, from the module as
//! rustc wrote it (before wasm-bindgen and wasm-opt, with its `name` section), the code bytes
//! per crate and the largest functions.

use std::collections::HashMap;

use crate::build::{release_build, ROOT_DIST};
use crate::run::root;
use crate::setup::Tools;
use crate::sizes;
use crate::wasm_names::{self, Module};

/// The module rustc writes for the release build, names still in it.
const RUSTC_MODULE: &str = "target/wasm32-unknown-unknown/release/limber.wasm";
/// How many of the largest functions to list.
const TOP_FUNCTIONS: usize = 30;

/// Builds the release at `/` (unless `build` is false: then the last build is reported)
/// and prints the report.
pub fn run(tools: &Tools, build: bool) -> Result<(), String> {
    if build {
        release_build(tools, "/", ROOT_DIST)?;
    }
    let dist = root().join(ROOT_DIST);
    println!("\n== Files of a first visit (release build) ==");
    let files = sizes::measure(&dist)?;
    sizes::print_table(&files);
    sizes::print_budget(&files);

    for file in files.iter().filter(|file| file.name.ends_with(".wasm")) {
        let bytes = std::fs::read(dist.join(&file.name))
            .map_err(|error| format!("cannot read {}: {error}", file.name))?;
        println!("\n== Sections of {} (as downloaded) ==", file.name);
        print_sections(&wasm_names::read(&bytes)?);
    }

    let path = root().join(RUSTC_MODULE);
    let bytes =
        std::fs::read(&path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let module = wasm_names::read(&bytes)?;
    println!("\n== {RUSTC_MODULE} (before wasm-bindgen and wasm-opt) ==");
    print_sections(&module);
    print_crates(&module);
    print_largest(&module);
    Ok(())
}

fn print_sections(module: &Module) {
    for (name, size) in &module.sections {
        println!("{name:<24} {size:>10} B");
    }
}

/// Code bytes per crate, largest first, with their share of all code.
fn print_crates(module: &Module) {
    let total: u64 = module.functions.iter().map(|function| function.size).sum();
    let mut by_crate: HashMap<&str, (u64, usize)> = HashMap::new();
    for function in &module.functions {
        let entry = by_crate
            .entry(wasm_names::crate_of(&function.name))
            .or_default();
        entry.0 += function.size;
        entry.1 += 1;
    }
    let mut crates: Vec<_> = by_crate.into_iter().collect();
    crates.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    println!(
        "\ncode per crate ({total} B in {} functions; `?` = no crate in the name)",
        module.functions.len()
    );
    println!(
        "{:<28} {:>10} {:>7} {:>10}",
        "crate", "bytes", "share", "functions"
    );
    for (name, (bytes, count)) in crates {
        let share = 100.0 * bytes as f64 / total.max(1) as f64;
        println!("{name:<28} {bytes:>10} {share:>6.1}% {count:>10}");
    }
}

/// The largest function bodies.
fn print_largest(module: &Module) {
    let mut functions: Vec<_> = module.functions.iter().collect();
    functions.sort_by(|a, b| b.size.cmp(&a.size).then(a.name.cmp(&b.name)));
    println!("\nlargest functions");
    for function in functions.into_iter().take(TOP_FUNCTIONS) {
        let mut name = function.name.clone();
        if name.chars().count() > 110 {
            name = name.chars().take(107).collect::<String>() + "...";
        }
        println!("{:>8} B  {name}", function.size);
    }
}
