//! Asks before the browser's Back leaves a screen. While guarding, one extra history entry for
//! the same address sits on top; Back pops it and the user is asked: staying puts it back,
//! leaving goes back once more. The router never sees the extra entry come and go.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use super::events::EventListener;

/// Asks `question` when Back is pressed while guarding; dropping it stops listening.
pub struct BackGuard {
    state: Rc<GuardState>,
    _listener: Option<EventListener>,
}

#[derive(Default)]
struct GuardState {
    /// True while the extra entry is the current one.
    entry_on_top: Cell<bool>,
    /// True while Back must ask.
    guarding: Cell<bool>,
}

impl BackGuard {
    /// A guard that does not guard yet.
    pub fn new(question: &'static str) -> Self {
        let state = Rc::new(GuardState::default());
        let on_pop = Rc::clone(&state);
        // Capturing on the window runs before the router's own listener, which then never
        // hears of the extra entry.
        let listener = EventListener::capturing_on_window("popstate", move |event| {
            if !on_pop.entry_on_top.replace(false) {
                return;
            }
            event.stop_immediate_propagation();
            if on_pop.guarding.get() && !confirm(question) {
                on_pop.entry_on_top.set(push_entry());
            } else {
                on_pop.guarding.set(false);
                go_back();
            }
        })
        .ok();
        Self {
            state,
            _listener: listener,
        }
    }

    /// Starts asking (adds the extra entry once).
    pub fn guard(&self) {
        self.state.guarding.set(true);
        if !self.state.entry_on_top.get() {
            self.state.entry_on_top.set(push_entry());
        }
    }

    /// Stops asking: Back then leaves at once (the extra entry is skipped).
    pub fn release(&self) {
        self.state.guarding.set(false);
    }
}

fn history() -> Option<JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"history".into()).ok()
}

fn call_history(method: &str, args: &js_sys::Array) -> bool {
    use wasm_bindgen::JsCast;
    let Some(history) = history() else {
        return false;
    };
    js_sys::Reflect::get(&history, &method.into())
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|function| function.apply(&history, args).is_ok())
}

/// Pushes an entry for the current address, keeping the router's state object.
fn push_entry() -> bool {
    let state = history()
        .and_then(|history| js_sys::Reflect::get(&history, &"state".into()).ok())
        .unwrap_or(JsValue::NULL);
    call_history(
        "pushState",
        &js_sys::Array::of2(&state, &JsValue::from_str("")),
    )
}

fn go_back() {
    call_history("back", &js_sys::Array::new());
}

/// The browser's yes/no dialog; "yes" if it cannot be shown (never trap the user).
fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.confirm_with_message(question).ok())
        .unwrap_or(true)
}
