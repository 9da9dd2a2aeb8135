//! Running child commands with the project's tool paths, from the workspace root.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::setup::Tools;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A command prepared to run from the root with the tool paths first on PATH.
pub fn prepare(tools: &Tools, program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(root())
        .env("PATH", &tools.path)
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("CHROMEDRIVER", &tools.chromedriver)
        .env("LIMBER_CHROMIUM", &tools.chromium);
    command
}

/// Runs a command to completion; an error names it if it fails.
pub fn command(tools: &Tools, program: &str, args: &[&str]) -> Result<(), String> {
    status(
        prepare(tools, program, args),
        &format!("{program} {}", args.join(" ")),
    )
}

/// Runs a prepared command; an error names it if it fails.
pub fn status(mut command: Command, label: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("could not start `{label}`: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{label}` failed ({status})"))
    }
}

/// Runs a program and returns its trimmed standard output, or `None` if it cannot run or fails.
pub fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}
