//! Lock-screen and headset controls through the Media Session API, where the platform has it.
//! Read through `Reflect` because web-sys offers it only behind an unstable flag.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn media_session() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("mediaSession"))
        .ok()
        .filter(|session| !session.is_undefined() && !session.is_null())
}

/// What the lock screen shows: the step and side as title ("Left leg — hold 3:00"), the
/// step's name as artist, the routine as album.
pub struct NowPlaying<'a> {
    /// The phase's headline, with its side.
    pub title: &'a str,
    /// The step's name.
    pub step: &'a str,
    /// The routine's name.
    pub routine: &'a str,
}

/// Shows what is playing on the lock screen.
pub fn set_metadata(now_playing: &NowPlaying) {
    let Some(session) = media_session() else {
        return;
    };
    let Some(constructor) = web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &JsValue::from_str("MediaMetadata")).ok())
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"title".into(), &now_playing.title.into());
    let _ = js_sys::Reflect::set(&init, &"artist".into(), &now_playing.step.into());
    let _ = js_sys::Reflect::set(&init, &"album".into(), &now_playing.routine.into());
    if let Ok(metadata) = js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&init)) {
        let _ = js_sys::Reflect::set(&session, &"metadata".into(), &metadata);
    }
}

/// Tells the lock screen whether the routine is playing (it then offers Pause) or paused.
pub fn set_playing(playing: Option<bool>) {
    if let Some(session) = media_session() {
        let state = match playing {
            Some(true) => "playing",
            Some(false) => "paused",
            None => "none",
        };
        let _ = js_sys::Reflect::set(&session, &"playbackState".into(), &state.into());
    }
}

/// Play/pause handlers for headset buttons and the lock screen; removed when dropped.
pub struct MediaControls {
    _play: Closure<dyn FnMut()>,
    _pause: Closure<dyn FnMut()>,
}

impl MediaControls {
    /// Routes the platform's play and pause actions to these callbacks.
    pub fn new(on_play: impl FnMut() + 'static, on_pause: impl FnMut() + 'static) -> Option<Self> {
        let session = media_session()?;
        let play = Closure::<dyn FnMut()>::new(on_play);
        let pause = Closure::<dyn FnMut()>::new(on_pause);
        set_action_handler(&session, "play", Some(play.as_ref()));
        set_action_handler(&session, "pause", Some(pause.as_ref()));
        Some(Self {
            _play: play,
            _pause: pause,
        })
    }
}

impl Drop for MediaControls {
    fn drop(&mut self) {
        if let Some(session) = media_session() {
            set_action_handler(&session, "play", None);
            set_action_handler(&session, "pause", None);
        }
    }
}

fn set_action_handler(session: &JsValue, action: &str, handler: Option<&JsValue>) {
    let setter = js_sys::Reflect::get(session, &JsValue::from_str("setActionHandler"))
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok());
    if let Some(setter) = setter {
        let handler = handler.cloned().unwrap_or(JsValue::NULL);
        // Throws for actions the platform does not know; nothing to do then.
        let _ = setter.call2(session, &JsValue::from_str(action), &handler);
    }
}
