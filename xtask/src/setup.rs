//! Installs what the build and the tests need, skipping whatever is already there at the
//! right version, and says what it did step by step.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::run::{output_of, root, status};

/// Trunk version this project builds with (0.22 needs a newer rustc than the machine has).
const TRUNK_VERSION: &str = "0.21.14";
/// The binaryen (wasm-opt) version npm installs; Debian's binaryen 108 breaks the module.
const WASM_OPT_VERSION: &str = "132";
/// Where the end-to-end tests and their npm dependencies live.
pub const E2E_DIR: &str = "tests/e2e";

/// Paths of the installed tools, handed to every command xtask runs.
pub struct Tools {
    /// PATH with npm's `.bin` (wasm-opt, playwright) and cargo's bin first.
    pub path: OsString,
    /// The Chromium binary the browser tests drive.
    pub chromium: PathBuf,
    /// The chromedriver for wasm-bindgen-test.
    pub chromedriver: PathBuf,
}

/// Runs every install step in order and returns the tool paths.
pub fn install_all() -> Result<Tools, String> {
    let steps = 5;
    step(1, steps, "wasm32 target", ensure_wasm_target)?;
    step(2, steps, "trunk", ensure_trunk)?;
    step(3, steps, "wasm-bindgen-cli", ensure_wasm_bindgen_cli)?;
    step(
        4,
        steps,
        "npm packages for the browser tests",
        ensure_npm_packages,
    )?;
    let mut browser = None;
    step(5, steps, "Chromium and chromedriver", || {
        browser = Some(ensure_chromium()?);
        Ok(Outcome::Present("found".into()))
    })?;
    let (chromium, chromedriver) = browser.ok_or("Chromium was not found")?;
    let tools = Tools {
        path: tool_path(),
        chromium,
        chromedriver,
    };
    check_wasm_opt()?;
    Ok(tools)
}

/// What an install step found or did.
enum Outcome {
    /// Already there; nothing installed.
    Present(String),
    /// Installed now.
    Installed(String),
}

/// Prints a step's progress and result.
fn step(
    number: usize,
    total: usize,
    name: &str,
    run: impl FnOnce() -> Result<Outcome, String>,
) -> Result<(), String> {
    println!("[setup {number}/{total}] {name} …");
    match run()? {
        Outcome::Present(what) => {
            println!("[setup {number}/{total}] {name}: already installed ({what})")
        }
        Outcome::Installed(what) => println!("[setup {number}/{total}] {name}: installed {what}"),
    }
    Ok(())
}

fn ensure_wasm_target() -> Result<Outcome, String> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        return Ok(Outcome::Present("wasm32-unknown-unknown".into()));
    }
    let mut command = std::process::Command::new("rustup");
    command
        .args(["target", "add", "wasm32-unknown-unknown"])
        .current_dir(root());
    status(command, "rustup target add wasm32-unknown-unknown")?;
    Ok(Outcome::Installed("wasm32-unknown-unknown".into()))
}

fn ensure_trunk() -> Result<Outcome, String> {
    let wanted = format!("trunk {TRUNK_VERSION}");
    if output_of("trunk", &["--version"]).as_deref() == Some(wanted.as_str()) {
        return Ok(Outcome::Present(wanted));
    }
    println!(
        "  cargo install trunk --version {TRUNK_VERSION} --locked (about 5 minutes on 2 cores)"
    );
    cargo_install(&["trunk", "--version", TRUNK_VERSION, "--locked"])?;
    Ok(Outcome::Installed(wanted))
}

fn ensure_wasm_bindgen_cli() -> Result<Outcome, String> {
    let version = locked_version("wasm-bindgen")?;
    let wanted = format!("wasm-bindgen {version}");
    if output_of("wasm-bindgen", &["--version"]).as_deref() == Some(wanted.as_str()) {
        return Ok(Outcome::Present(wanted));
    }
    // Not `--locked`: one of its locked dependencies is missing from the registry.
    println!("  cargo install wasm-bindgen-cli --version {version} (about 2 minutes)");
    cargo_install(&["wasm-bindgen-cli", "--version", &version])?;
    Ok(Outcome::Installed(wanted))
}

fn cargo_install(args: &[&str]) -> Result<(), String> {
    let mut command = std::process::Command::new("cargo");
    command.arg("install").args(args).current_dir(root());
    status(command, &format!("cargo install {}", args.join(" ")))
}

/// The version of a package recorded in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let marker = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == marker {
            if let Some(version) = lines
                .next()
                .and_then(|next| next.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

fn ensure_npm_packages() -> Result<Outcome, String> {
    let e2e = root().join(E2E_DIR);
    let lock = std::fs::read(e2e.join("package-lock.json"))
        .map_err(|error| format!("cannot read {E2E_DIR}/package-lock.json: {error}"))?;
    let stamp = e2e.join("node_modules/.limber-installed-lock.json");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(Outcome::Present(
            "node_modules matches package-lock.json".into(),
        ));
    }
    let mut command = std::process::Command::new("npm");
    command
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&e2e);
    status(command, "npm ci")?;
    std::fs::write(&stamp, &lock)
        .map_err(|error| format!("cannot write {}: {error}", stamp.display()))?;
    Ok(Outcome::Installed(
        "npm packages from package-lock.json".into(),
    ))
}

/// Finds Chromium and chromedriver, installing Debian's packages when running as root.
fn ensure_chromium() -> Result<(PathBuf, PathBuf), String> {
    if let Some(found) = find_chromium() {
        return Ok(found);
    }
    if !is_root() {
        return Err("Chromium and chromedriver are missing. Install the Debian/Ubuntu packages \
                    `chromium` and `chromium-driver` (sudo apt-get install chromium chromium-driver), \
                    or set LIMBER_CHROMIUM and CHROMEDRIVER to their paths."
            .into());
    }
    println!("  apt-get install chromium chromium-driver");
    let mut update = std::process::Command::new("apt-get");
    update.args(["update", "-qq"]);
    status(update, "apt-get update")?;
    let mut install = std::process::Command::new("apt-get");
    install
        .args(["install", "-y", "-qq", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive");
    status(install, "apt-get install chromium chromium-driver")?;
    find_chromium().ok_or_else(|| "Chromium is still missing after apt-get install".into())
}

fn find_chromium() -> Option<(PathBuf, PathBuf)> {
    let from_env = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|path| path.exists())
    };
    let first_existing = |candidates: &[&str]| {
        candidates
            .iter()
            .map(PathBuf::from)
            .find(|path| path.exists())
    };
    let chromium = from_env("LIMBER_CHROMIUM")
        .or_else(|| first_existing(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]))?;
    let chromedriver = from_env("CHROMEDRIVER")
        .or_else(|| first_existing(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]))?;
    Some((chromium, chromedriver))
}

/// True when running as root (apt-get may install what is missing).
pub fn is_root() -> bool {
    output_of("id", &["-u"]).as_deref() == Some("0")
}

/// PATH with npm's binaries and cargo's bin first.
fn tool_path() -> OsString {
    let mut paths = vec![root().join(E2E_DIR).join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME").or_else(|| {
        std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo").into_os_string())
    }) {
        paths.push(Path::new(&home).join("bin"));
    }
    if let Some(existing) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(paths).unwrap_or_default()
}

/// Makes sure the wasm-opt Trunk will find is npm's binaryen, not Debian's.
fn check_wasm_opt() -> Result<(), String> {
    let wasm_opt = root().join(E2E_DIR).join("node_modules/.bin/wasm-opt");
    let version = output_of(&wasm_opt.to_string_lossy(), &["--version"]).unwrap_or_default();
    if version.contains(&format!("version {WASM_OPT_VERSION}")) {
        Ok(())
    } else {
        Err(format!(
            "wasm-opt {WASM_OPT_VERSION} from npm binaryen was not found ({version})"
        ))
    }
}
