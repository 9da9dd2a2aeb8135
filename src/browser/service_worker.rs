//! The service worker (`public/sw.js`): registers it, reports when a new version waits, and
//! lets that version take over. The script URL and scope are relative, resolved against the
//! document's base URL (Trunk's `<base href>`), so an app served at `/limber/` registers
//! `/limber/sw.js` with the scope `/limber/`.

use super::describe;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    RegistrationOptions, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

use super::events::{page_is_visible, EventListener};

/// The worker script, relative to the app's base URL.
pub const SCRIPT_URL: &str = "sw.js";
/// The worker's scope: the app's base URL and everything under it.
pub const SCOPE: &str = "./";
/// The message that makes a waiting worker take over (`public/sw.js` listens for it).
const SKIP_WAITING: &str = "limber:skip-waiting";

/// Why the service worker could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ServiceWorkerError {
    /// No service workers here (an old browser, or a page not served over HTTPS).
    #[error("this browser cannot keep Limber for offline use")]
    Unsupported,
    /// The browser refused to register the worker, or its install failed.
    #[error("Limber could not be kept for offline use: {0}")]
    Registration(String),
    /// The waiting version could not be told to take over.
    #[error("the update could not be applied: {0}")]
    Update(String),
    /// The page could not be reloaded.
    #[error("the page could not be reloaded: {0}")]
    Reload(String),
}

/// What the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerEvent {
    /// A new version has installed in the background and waits to take over.
    UpdateReady,
    /// Another worker took control of this page: the first install claiming it, or a new
    /// version taking over after a Reload here or in another tab.
    ControllerChanged,
    /// Registering failed; the app keeps working online.
    Failed(ServiceWorkerError),
}

/// What [`apply_update`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplyOutcome {
    /// The waiting version was asked to take over; a [`WorkerEvent::ControllerChanged`] follows.
    Requested,
    /// No version is waiting (another tab may have applied it already).
    NothingWaiting,
}

/// True if this browser runs service workers on this page.
pub fn is_supported() -> bool {
    container().is_some()
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
        .map(JsCast::unchecked_into)
}

/// Registers a worker script with a scope, both relative to the document's base URL.
pub async fn register(
    script_url: &str,
    scope: &str,
) -> Result<ServiceWorkerRegistration, ServiceWorkerError> {
    let container = container().ok_or(ServiceWorkerError::Unsupported)?;
    let options = RegistrationOptions::new();
    options.set_scope(scope);
    let registration = JsFuture::from(container.register_with_options(script_url, &options))
        .await
        .map_err(|error| ServiceWorkerError::Registration(describe(&error)))?;
    registration
        .dyn_into()
        .map_err(|_| ServiceWorkerError::Registration("no registration came back".into()))
}

/// Listens to the worker while it lives; dropping it removes every listener.
pub struct UpdateWatch {
    _listeners: Rc<RefCell<Vec<EventListener>>>,
}

/// Registers [`SCRIPT_URL`] once the page has loaded (so precaching never competes with the
/// app's own first download), then reports updates: one waiting from an earlier visit, one
/// installing now, and one found when the page becomes visible again (an installed app is
/// often resumed rather than reopened, so that is when it looks for a new version).
pub fn watch_updates(
    on_event: impl Fn(WorkerEvent) + 'static,
) -> Result<UpdateWatch, ServiceWorkerError> {
    let container = container().ok_or(ServiceWorkerError::Unsupported)?;
    let on_event: Rc<dyn Fn(WorkerEvent)> = Rc::new(on_event);
    let listeners = Rc::new(RefCell::new(Vec::new()));
    let changed = {
        let on_event = on_event.clone();
        EventListener::new(&container, "controllerchange", move |_| {
            on_event(WorkerEvent::ControllerChanged)
        })
    };
    listeners.borrow_mut().extend(changed.ok());

    let weak = Rc::downgrade(&listeners);
    let loaded = web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.ready_state() == "complete");
    if loaded {
        start(container, on_event, weak);
    } else {
        let started = Rc::new(RefCell::new(Some((container, on_event, weak))));
        let on_load = EventListener::on_window("load", move |_| {
            if let Some((container, on_event, weak)) = started.borrow_mut().take() {
                start(container, on_event, weak);
            }
        });
        listeners.borrow_mut().extend(on_load.ok());
    }
    Ok(UpdateWatch {
        _listeners: listeners,
    })
}

/// Registers the worker and listens to its registration, adding listeners while the watch lives.
fn start(
    container: ServiceWorkerContainer,
    on_event: Rc<dyn Fn(WorkerEvent)>,
    listeners: Weak<RefCell<Vec<EventListener>>>,
) {
    spawn_local(async move {
        let registration = match register(SCRIPT_URL, SCOPE).await {
            Ok(registration) => registration,
            Err(error) => return on_event(WorkerEvent::Failed(error)),
        };
        let Some(kept) = listeners.upgrade() else {
            return;
        };
        // Only an update if a worker already controls the page; the first install is not one.
        if registration.waiting().is_some() && container.controller().is_some() {
            on_event(WorkerEvent::UpdateReady);
        }
        let found = {
            let registration = registration.clone();
            EventListener::new(&registration.clone(), "updatefound", move |_| {
                let Some(worker) = registration.installing() else {
                    return;
                };
                let (container, on_event, installing) =
                    (container.clone(), on_event.clone(), worker.clone());
                let installed = EventListener::new(&worker, "statechange", move |_| {
                    let is_update = container.controller().is_some();
                    if installing.state() == ServiceWorkerState::Installed && is_update {
                        on_event(WorkerEvent::UpdateReady);
                    }
                });
                if let Some(kept) = listeners.upgrade() {
                    kept.borrow_mut().extend(installed.ok());
                }
            })
        };
        let resumed = EventListener::on_document("visibilitychange", move |_| {
            if page_is_visible() {
                check_for_update(&registration);
            }
        });
        kept.borrow_mut()
            .extend(found.ok().into_iter().chain(resumed.ok()));
    });
}

/// Asks the browser to look for a new version now; failures (offline) are expected and ignored.
fn check_for_update(registration: &ServiceWorkerRegistration) {
    if let Ok(promise) = registration.update() {
        spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Tells the waiting version, if any, to take over this app.
pub async fn apply_update() -> Result<ApplyOutcome, ServiceWorkerError> {
    let container = container().ok_or(ServiceWorkerError::Unsupported)?;
    let registration = JsFuture::from(container.get_registration_with_document_url(SCOPE))
        .await
        .map_err(|error| ServiceWorkerError::Update(describe(&error)))?;
    let Some(waiting) = registration
        .dyn_into::<ServiceWorkerRegistration>()
        .ok()
        .and_then(|registration| registration.waiting())
    else {
        return Ok(ApplyOutcome::NothingWaiting);
    };
    waiting
        .post_message(&JsValue::from_str(SKIP_WAITING))
        .map_err(|error| ServiceWorkerError::Update(describe(&error)))?;
    Ok(ApplyOutcome::Requested)
}

/// Reloads the page, which then starts the version now in control.
pub fn reload() -> Result<(), ServiceWorkerError> {
    web_sys::window()
        .ok_or_else(|| ServiceWorkerError::Reload("no window".into()))?
        .location()
        .reload()
        .map_err(|error| ServiceWorkerError::Reload(describe(&error)))
}
