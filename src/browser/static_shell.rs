//! The static picture of the app that `index.html` paints before the module arrives.

/// Removes the static shell (`#static-shell`); nothing happens if the page has none.
pub fn remove_static_shell() {
    if let Some(shell) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("static-shell"))
    {
        shell.remove();
    }
}
