//! The app's own small router: the page's address as a signal, the current [`Route`] parsed
//! by the core, back/forward and in-app link clicks followed without a reload, a link that
//! marks the current screen, and the hooks the screens read (named as in `leptos_router`).

use leptos::prelude::*;
use limber_core::route::{link_is_current, query_value, strip_base, Route};

use crate::browser::history::{self, PageAddress};
use crate::browser::location::base_path;

/// The router's state, one per app.
#[derive(Clone, Copy)]
struct RouterContext {
    address: RwSignal<PageAddress>,
    route: Memo<Route>,
    location: Location,
}

/// The page's address, part by part, each changing only when that part changes.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path with the base path, e.g. `/limber/log`.
    pub pathname: Memo<String>,
    /// The fragment with its `#`, or `""`.
    pub hash: Memo<String>,
    search: Memo<String>,
}

/// How to navigate: by default a new history entry.
#[derive(Debug, Clone, Copy, Default)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
}

/// Starts the router for the app's whole life and returns the current route.
pub fn provide_router() -> Memo<Route> {
    let base = base_path();
    let address = RwSignal::new(history::current_address());
    let route = Memo::new(move |_| {
        address.with(|address| match strip_base(&address.pathname, &base) {
            Some(path) => Route::parse(path),
            None => Route::NotFound(address.pathname.clone()),
        })
    });
    let location = Location {
        pathname: Memo::new(move |_| address.with(|address| address.pathname.clone())),
        search: Memo::new(move |_| address.with(|address| address.search.clone())),
        hash: Memo::new(move |_| address.with(|address| address.hash.clone())),
    };
    let context = RouterContext {
        address,
        route,
        location,
    };
    provide_context(context);
    // Both listen for the app's whole life.
    std::mem::forget(history::on_back_or_forward(move |now| address.set(now)));
    std::mem::forget(history::keep_link_clicks_in_app(base_path(), move |to| {
        go(context, to, NavigateOptions::default())
    }));
    route
}

fn use_router() -> RouterContext {
    expect_context::<RouterContext>()
}

/// Shows `to` without reloading: in the address bar, then in the app, from the top of the
/// page unless it names a fragment. Going to the address already shown adds no entry.
fn go(context: RouterContext, to: PageAddress, options: NavigateOptions) {
    let replace = options.replace || context.address.with_untracked(|now| *now == to);
    // If the browser refuses the address, the app still shows the screen.
    let _ = history::show_address(&to.to_url(), replace);
    let to_fragment = !to.hash.is_empty();
    context.address.set(to);
    if !to_fragment {
        history::scroll_to_top();
    }
}

/// A function that navigates to an app path (without the base path, which it adds), e.g.
/// `navigate("/play/strap-hamstring?variant=left", Default::default())`.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let context = use_router();
    move |path: &str, options: NavigateOptions| {
        let (rest, hash) = split_at_char(path, '#');
        let (path, search) = split_at_char(rest, '?');
        let to = PageAddress {
            pathname: crate::browser::location::app_path(path),
            search: search.to_string(),
            hash: hash.to_string(),
        };
        go(context, to, options);
    }
}

/// `("a?b", '?')` → `("a", "?b")`; `("a", '?')` → `("a", "")`.
fn split_at_char(text: &str, at: char) -> (&str, &str) {
    text.find(at)
        .map_or((text, ""), |index| text.split_at(index))
}

/// The page's address as signals.
pub fn use_location() -> Location {
    use_router().location
}

/// What the address's path names: only an `id` in this app.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamsMap(Option<String>);

impl ParamsMap {
    /// The parameter `name` (`"id"` on `/routines/:id`, `/routines/:id/edit`, `/play/:id`).
    pub fn get(&self, name: &str) -> Option<String> {
        (name == "id").then(|| self.0.clone()).flatten()
    }
}

/// The path's parameters, following the route.
pub fn use_params_map() -> Memo<ParamsMap> {
    let route = use_router().route;
    Memo::new(move |_| ParamsMap(route.with(|route| route.id().map(str::to_string))))
}

/// The address's query.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryMap(String);

impl QueryMap {
    /// The decoded value of `name`, if the query has it.
    pub fn get(&self, name: &str) -> Option<String> {
        query_value(&self.0, name)
    }
}

/// The query's values, following the address.
pub fn use_query_map() -> Memo<QueryMap> {
    let search = use_router().location.search;
    Memo::new(move |_| QueryMap(search.get()))
}

/// A link inside the app (`href` with the base path, as `app_path` makes it). It carries
/// `aria-current="page"` while its screen is shown: exactly its path with `exact`, otherwise
/// its path or any below it.
#[component]
pub fn A(
    /// Where it leads, with the base path.
    #[prop(into)]
    href: String,
    /// Current only on exactly this path (for `/`, which every path is below).
    #[prop(optional)]
    exact: bool,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let pathname = use_location().pathname;
    let current = {
        let href = href.clone();
        move || pathname.with(|path| link_is_current(&href, path, exact).then_some("page"))
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}
