//! `cargo xtask`: Limber's developer commands.
//!
//! - `cargo xtask serve` installs whatever is missing, then serves the app with live reload
//!   on http://127.0.0.1:8080.
//! - `cargo xtask test` installs whatever is missing, then runs every check and test layer.
//! - `cargo xtask bench` builds the release and prints the benchmark figures.
//! - `cargo xtask size` builds the release and prints where the bytes go (files, sections,
//!   code per crate, the largest functions); `--no-build` reports the last build.
//! - `cargo xtask screenshots` regenerates the README's screenshots in `public/screenshots/`.
//! - `cargo xtask fuzz [cases]` puts a million (or `cases`) random and mutated share links
//!   through the decoder.
//! - `cargo xtask setup` only installs.
//! - `cargo xtask icons` renders the PNG icons from `public/icons/icon.svg` (needs rsvg-convert).
//! - `cargo xtask post-build` is Trunk's post-build hook (not for people).

mod bench;
mod build;
mod csp;
mod fuzz;
mod icons;
mod post_build;
mod precache;
mod run;
mod screenshots;
mod setup;
mod size;
mod sizes;
mod test;
mod wasm_names;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str).unwrap_or("help");
    let result = match command {
        "serve" => setup::install_all().and_then(|tools| serve(&tools)),
        "test" => setup::install_all().and_then(|tools| test::run_all(&tools)),
        "bench" => setup::install_all().and_then(|tools| bench::run(&tools)),
        "size" => setup::install_all().and_then(|tools| {
            size::run(
                &tools,
                args.get(1).map(String::as_str) != Some("--no-build"),
            )
        }),
        "screenshots" => setup::install_all().and_then(|tools| screenshots::run(&tools)),
        "fuzz" => fuzz::run(args.get(1).map(String::as_str)),
        "setup" => setup::install_all().map(|_| ()),
        "post-build" => post_build::run(),
        "icons" => icons::run(),
        _ => {
            eprintln!("usage: cargo xtask <serve|test|bench|size [--no-build]|screenshots|fuzz [cases]|icons|setup>");
            return if command == "help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask {command} failed: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `trunk serve` with live reload on 127.0.0.1:8080.
fn serve(tools: &setup::Tools) -> Result<(), String> {
    println!("==> Serving Limber on http://127.0.0.1:8080 (live reload; Ctrl-C to stop)");
    run::command(
        tools,
        "trunk",
        &["serve", "--address", "127.0.0.1", "--port", "8080"],
    )
}
