//! `cargo xtask bench`: builds the release, measures it in headless Chromium (Playwright and
//! the DevTools protocol: `tests/e2e/bench/`), prints every figure against its budget and
//! writes them all to `bench-results.json`. Budgets are reported, never enforced: the command
//! fails only when a measurement itself failed.

mod figures;
mod fixture;
mod stats;
mod xvfb;

use std::path::Path;
use std::time::Instant;

use serde_json::{json, Map, Value};

use crate::build::{release_build, ROOT_DIST};
use crate::run::{prepare, root, status};
use crate::setup::{Tools, E2E_DIR};
use crate::sizes::{self, FileSize};
use crate::test::free_port;

/// Working folder of the bench: the fixture in, the browser's measurements out.
const WORK_DIR: &str = "target/bench";
/// Where the report is written, at the repository root (git-ignored).
const RESULTS_FILE: &str = "bench-results.json";

/// Builds, measures, prints the table and writes `bench-results.json`.
pub fn run(tools: &Tools) -> Result<(), String> {
    let started = Instant::now();
    let load_before = load_average();
    release_build(tools, "/", ROOT_DIST)?;
    println!("\n== Download size (release build) ==");
    let files = sizes::measure(&root().join(ROOT_DIST))?;
    sizes::print_table(&files);

    let work = root().join(WORK_DIR);
    let results = work.join("results");
    if results.exists() {
        std::fs::remove_dir_all(&results)
            .map_err(|error| format!("cannot clear {}: {error}", results.display()))?;
    }
    std::fs::create_dir_all(&results)
        .map_err(|error| format!("cannot create {}: {error}", results.display()))?;
    fixture::write(&work.join("fixture.json"))?;

    // The hands-free run needs a headful Chromium: without a display it reports "n/a".
    let display = xvfb::start()
        .inspect_err(|why| println!("No hands-free run: {why}"))
        .ok();
    println!("\n== Browser measurements (headless Chromium, one run at a time) ==");
    let mut playwright = prepare(
        tools,
        "npx",
        &["playwright", "test", "-c", "playwright.bench.config.ts"],
    );
    playwright
        .current_dir(root().join(E2E_DIR))
        .env("LIMBER_E2E_PORT", free_port()?.to_string())
        .env("LIMBER_BENCH_DIR", &work);
    if let Some(xvfb) = &display {
        playwright.env("LIMBER_BENCH_DISPLAY", &xvfb.display);
    }
    status(playwright, "playwright bench")?;
    drop(display);

    let Measured {
        mut figures,
        details,
    } = read_results(&results)?;
    insert_sizes(&mut figures, &files);
    let rows = figures::rows(&figures)?;
    let elapsed = started.elapsed();
    let load_after = load_average();
    println!("\n== Limber bench (release build, headless Chromium) ==");
    figures::print(&rows);
    println!(
        "Timed figures: median, min and max of 11 runs; CPU: of twelve 5 s windows of one hold; \
         cue error: every earcon after the lead-in, heard against the app's plan."
    );
    if let (Some(before), Some(after)) = (load_before, load_after) {
        println!(
            "Machine load (1-minute average): {before:.1} before, {after:.1} after, on {} cores; \
             other work on the machine slows the timings.",
            std::thread::available_parallelism().map_or(0, usize::from)
        );
    }

    let (raw, gzip) = sizes::totals(&files);
    let report = json!({
        "generated_unix_s": std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|since| since.as_secs())
            .unwrap_or(0),
        "duration_s": elapsed.as_secs_f64(),
        "load_average": { "before": load_before, "after": load_after },
        "files": files
            .iter()
            .map(|file| json!({ "name": file.name, "raw": file.raw, "gzip": file.gzip }))
            .collect::<Vec<_>>(),
        "totals": { "raw": raw, "gzip": gzip },
        "figures": figures::to_json(&rows),
        "details": details,
    });
    let path = root().join(RESULTS_FILE);
    let text = serde_json::to_string_pretty(&report).map_err(|error| error.to_string())?;
    std::fs::write(&path, text + "\n")
        .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    println!(
        "Wrote {RESULTS_FILE}. The bench took {:.0?} (build included).",
        elapsed
    );
    Ok(())
}

/// What the browser part measured.
struct Measured {
    /// Every figure by key: `{"samples": [..]}`, or `{"na": "why"}` when it does not apply.
    figures: Map<String, Value>,
    /// Per-run details (each cue, each CPU window …) by result file name.
    details: Map<String, Value>,
}

/// Reads every `results/*.json` the browser part wrote: `{"figures": {key: …}, "details": …}`.
fn read_results(dir: &Path) -> Result<Measured, String> {
    let mut figures = Map::new();
    let mut details = Map::new();
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.extension().and_then(|ext| ext.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let mut result: Value = serde_json::from_str(&text)
            .map_err(|error| format!("{} is not JSON: {error}", path.display()))?;
        if let Some(Value::Object(more)) = result.get_mut("figures").map(Value::take) {
            figures.extend(more);
        }
        let name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        details.insert(
            name,
            result
                .get_mut("details")
                .map(Value::take)
                .unwrap_or_default(),
        );
    }
    Ok(Measured { figures, details })
}

/// Adds the download figures: every precached file (all of the build but `404.html`) and the
/// wasm module, gzip.
fn insert_sizes(measured: &mut Map<String, Value>, files: &[FileSize]) {
    let (_, gzip) = sizes::totals(files);
    let wasm: u64 = files
        .iter()
        .filter(|file| file.name.ends_with(".wasm"))
        .map(|file| file.gzip)
        .sum();
    measured.insert("download_gzip_bytes".into(), json!({ "samples": [gzip] }));
    measured.insert("wasm_gzip_bytes".into(), json!({ "samples": [wasm] }));
}

/// The machine's 1-minute load average (Linux), to judge how much other work shared the CPU.
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
