//! Entry point: installs the panic hook, mounts the app in place of the static shell of
//! `index.html`. Nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    // Both in one task, so no frame shows neither or both.
    limber::browser::static_shell::remove_static_shell();
    leptos::mount::mount_to_body(limber::App);
}
