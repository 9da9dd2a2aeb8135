//! `cargo xtask fuzz [cases]`: a million random and mutated share links (or `cases`) through
//! the decoder, in release, with a fresh seed each run (or `LIMBER_FUZZ_SEED` to repeat one).

use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::run::{root, status};

/// Inputs tried when no count is given.
const DEFAULT_CASES: u64 = 1_000_000;

/// Runs `core/tests/share_link_fuzz.rs` with `cases` inputs (from the command line, else a
/// million).
pub fn run(cases: Option<&str>) -> Result<(), String> {
    let cases = match cases {
        None => DEFAULT_CASES,
        Some(text) => text
            .replace('_', "")
            .parse()
            .map_err(|_| format!("`{text}` is not a number of cases"))?,
    };
    let seed = std::env::var("LIMBER_FUZZ_SEED").unwrap_or_else(|_| {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |elapsed| elapsed.as_nanos());
        format!("{:#x}", nanos as u64)
    });
    println!("==> Fuzzing the share-link decoder: {cases} inputs, LIMBER_FUZZ_SEED={seed}");
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command
        .args(["test", "--release", "-p", "limber-core", "--test"])
        .args(["share_link_fuzz", "--", "--nocapture"])
        .current_dir(root())
        .env("LIMBER_FUZZ_CASES", cases.to_string())
        .env("LIMBER_FUZZ_SEED", seed);
    status(
        command,
        "cargo test --release -p limber-core --test share_link_fuzz",
    )
}
