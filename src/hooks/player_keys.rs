//! The player's keyboard: Space pauses or resumes, the arrow keys go back and skip.

use super::player_controls::PlayerControls;

/// Space pauses or resumes; the arrow keys go back and skip. Keys typed into a control are
/// left to it.
pub fn handle_key(event: &web_sys::Event, controls: PlayerControls) {
    use wasm_bindgen::JsCast;
    let Some(key_event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    if key_event.alt_key() || key_event.ctrl_key() || key_event.meta_key() {
        return;
    }
    let on_control = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            element
                .closest("button, a, input, select, textarea")
                .ok()
                .flatten()
                .is_some()
        });
    let handled = match key_event.key().as_str() {
        " " | "Spacebar" if !on_control => {
            controls.toggle();
            true
        }
        "ArrowLeft" => {
            controls.back();
            true
        }
        "ArrowRight" => {
            controls.skip();
            true
        }
        _ => false,
    };
    if handled {
        event.prevent_default();
    }
}
