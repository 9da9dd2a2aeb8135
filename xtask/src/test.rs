//! `cargo xtask test`: every check and test layer, in order, stopping at the first failure.

use std::time::Instant;

use crate::run::{command, prepare, status};
use crate::setup::{Tools, E2E_DIR};
use crate::{build, sizes};

/// Runs formatting and lint checks, the three test layers and the size budget.
pub fn run_all(tools: &Tools) -> Result<(), String> {
    type Step = (&'static str, fn(&Tools) -> Result<(), String>);
    let steps: [Step; 8] = [
        ("cargo fmt --check", |tools| {
            command(tools, "cargo", &["fmt", "--all", "--", "--check"])
        }),
        ("clippy (native, all targets)", |tools| {
            command(
                tools,
                "cargo",
                &[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ],
            )
        }),
        ("clippy (wasm32 app)", |tools| {
            command(
                tools,
                "cargo",
                &[
                    "clippy",
                    "-p",
                    "limber",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ],
            )
        }),
        ("layer 1: core tests (native)", |tools| {
            command(
                tools,
                "cargo",
                &["test", "-p", "limber-core", "-p", "xtask"],
            )
        }),
        (
            "layer 2: browser tests (wasm-bindgen-test, headless Chromium)",
            |tools| {
                command(
                    tools,
                    "cargo",
                    &[
                        "test",
                        "-p",
                        "limber",
                        "--target",
                        "wasm32-unknown-unknown",
                        "--test",
                        "web",
                    ],
                )
            },
        ),
        ("release builds at / and /limber/", build::release_builds),
        ("size budget", |_| sizes::check_budget()),
        (
            "layer 3: end-to-end tests (Playwright, release build)",
            |tools| {
                let mut playwright = prepare(tools, "npx", &["playwright", "test"]);
                playwright
                    .current_dir(crate::run::root().join(E2E_DIR))
                    .env("LIMBER_E2E_PORT", free_port()?.to_string());
                status(playwright, "playwright test")
            },
        ),
    ];
    let total = steps.len();
    let started = Instant::now();
    for (index, (name, run)) in steps.iter().enumerate() {
        let step_started = Instant::now();
        println!("\n==> [test {}/{total}] {name}", index + 1);
        if let Err(message) = run(tools) {
            println!("{} passed, 1 failed", index);
            return Err(format!("step {}/{total} ({name}): {message}", index + 1));
        }
        println!(
            "==> [test {}/{total}] {name}: ok in {:.0?}",
            index + 1,
            step_started.elapsed()
        );
    }
    println!(
        "\nAll {total} test steps passed in {:.0?}.",
        started.elapsed()
    );
    println!("{total} passed, 0 failed");
    Ok(())
}

/// A loopback port nothing listens on, so the test server never clashes with another run.
pub fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|error| format!("no free loopback port: {error}"))
}
