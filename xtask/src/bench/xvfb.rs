//! A virtual X display for the hands-free run: a headful Chromium whose background tabs are
//! really hidden and throttled as on a desktop. Installs `xvfb` through apt-get when missing
//! and running as root (as `setup.rs` does for Chromium).

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::run::status;
use crate::setup::is_root;

/// The display number tried first; the next free one is used if it is taken.
const FIRST_DISPLAY: u32 = 99;

/// A running Xvfb, stopped when dropped.
pub struct Xvfb {
    child: Child,
    /// The `DISPLAY` value, e.g. ":99".
    pub display: String,
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts Xvfb on a free display, installing it first if needed; why not, if it cannot.
pub fn start() -> Result<Xvfb, String> {
    ensure_installed()?;
    let number = (FIRST_DISPLAY..FIRST_DISPLAY + 50)
        .find(|number| !Path::new(&format!("/tmp/.X11-unix/X{number}")).exists())
        .ok_or("no free X display number")?;
    let display = format!(":{number}");
    let child = Command::new("Xvfb")
        .args([
            display.as_str(),
            "-screen",
            "0",
            "1280x900x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|error| format!("could not start Xvfb: {error}"))?;
    let mut xvfb = Xvfb { child, display };
    let socket = format!("/tmp/.X11-unix/X{number}");
    for _ in 0..50 {
        if Path::new(&socket).exists() {
            return Ok(xvfb);
        }
        if let Ok(Some(exit)) = xvfb.child.try_wait() {
            return Err(format!("Xvfb exited at once ({exit})"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err("Xvfb did not open its display within 5 s".into())
}

fn ensure_installed() -> Result<(), String> {
    let found = || {
        Command::new("Xvfb")
            .arg("-help")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    };
    if found() {
        return Ok(());
    }
    if !is_root() {
        return Err("Xvfb is missing (sudo apt-get install xvfb)".into());
    }
    println!("  apt-get install xvfb");
    let mut install = Command::new("apt-get");
    install
        .args(["install", "-y", "-qq", "xvfb"])
        .env("DEBIAN_FRONTEND", "noninteractive");
    if status(install, "apt-get install xvfb").is_err() {
        let mut update = Command::new("apt-get");
        update.args(["update", "-qq"]);
        status(update, "apt-get update")?;
        let mut install = Command::new("apt-get");
        install
            .args(["install", "-y", "-qq", "xvfb"])
            .env("DEBIAN_FRONTEND", "noninteractive");
        status(install, "apt-get install xvfb")?;
    }
    if found() {
        Ok(())
    } else {
        Err("Xvfb is still missing after apt-get install".into())
    }
}
