//! The app's addresses: every screen's path parsed and printed back, at the site root and
//! under the `/limber/` base path, query values and which navigation link is current.

use limber_core::route::{link_is_current, query_value, strip_base, Route};

/// Every screen with the path it is served at.
fn every_route() -> Vec<(Route, &'static str)> {
    vec![
        (Route::Today, "/"),
        (Route::Routines, "/routines"),
        (Route::NewRoutine, "/routines/new"),
        (
            Route::Routine("strap-hamstring".into()),
            "/routines/strap-hamstring",
        ),
        (
            Route::EditRoutine("own-1a2b".into()),
            "/routines/own-1a2b/edit",
        ),
        (
            Route::Play("strap-hamstring".into()),
            "/play/strap-hamstring",
        ),
        (Route::Log, "/log"),
        (Route::Progress, "/progress"),
        (Route::Settings, "/settings"),
        (Route::Summary, "/summary"),
        (Route::About, "/about"),
        (Route::Import, "/import"),
        (Route::Trial, "/trial"),
    ]
}

#[test]
fn every_screen_parses_from_its_path_and_prints_it_back() {
    for (route, path) in every_route() {
        assert_eq!(Route::parse(path), route, "{path}");
        assert_eq!(route.path(), path, "{route:?}");
    }
}

#[test]
fn under_the_limber_base_path_every_screen_round_trips() {
    for (route, path) in every_route() {
        let page_path = format!("/limber{path}");
        let app_path = strip_base(&page_path, "/limber").expect("under the base");
        assert_eq!(Route::parse(app_path), route, "{page_path}");
        assert_eq!(format!("/limber{}", route.path()), page_path);
    }
}

#[test]
fn the_base_path_itself_with_or_without_slash_is_today() {
    assert_eq!(strip_base("/limber/", "/limber"), Some("/"));
    assert_eq!(strip_base("/limber", "/limber"), Some("/"));
    assert_eq!(strip_base("/limber", "/limber/"), Some("/"));
    assert_eq!(strip_base("/", ""), Some("/"));
    assert_eq!(strip_base("/log", ""), Some("/log"));
    assert_eq!(Route::parse("/"), Route::Today);
}

#[test]
fn a_path_outside_the_base_is_not_the_apps() {
    assert_eq!(strip_base("/limberx/log", "/limber"), None);
    assert_eq!(strip_base("/other/log", "/limber"), None);
}

#[test]
fn trailing_slash_query_and_fragment_do_not_change_the_screen() {
    assert_eq!(Route::parse("/log/"), Route::Log);
    assert_eq!(
        Route::parse("/play/strap-hamstring?variant=left-first"),
        Route::Play("strap-hamstring".into())
    );
    assert_eq!(Route::parse("/import#r=1.abc"), Route::Import);
}

#[test]
fn unknown_paths_are_not_found_and_keep_what_was_asked() {
    for path in [
        "/nowhere",
        "/routines/a/b",
        "/play",
        "/play/a/b",
        "/routines/a/edit/x",
    ] {
        assert_eq!(Route::parse(path), Route::NotFound(path.into()));
        assert_eq!(Route::parse(path).path(), path);
    }
}

#[test]
fn ids_with_unusual_characters_stay_one_segment_and_round_trip() {
    let route = Route::Routine("a b/c?d#é".into());
    assert_eq!(route.path(), "/routines/a%20b%2Fc%3Fd%23%C3%A9");
    assert_eq!(Route::parse(&route.path()), route);
    assert_eq!(route.id(), Some("a b/c?d#é"));
    assert_eq!(Route::Log.id(), None);
}

#[test]
fn malformed_escapes_are_kept_as_written() {
    assert_eq!(Route::parse("/play/a%zz%2"), Route::Play("a%zz%2".into()));
    assert_eq!(Route::parse("/play/%+1"), Route::Play("%+1".into()));
}

#[test]
fn query_values_are_found_and_decoded() {
    let search = "?variant=left+first&from=own%2D1&empty";
    assert_eq!(
        query_value(search, "variant").as_deref(),
        Some("left first")
    );
    assert_eq!(query_value(search, "from").as_deref(), Some("own-1"));
    assert_eq!(query_value(search, "empty").as_deref(), Some(""));
    assert_eq!(query_value(search, "missing"), None);
    assert_eq!(query_value("", "from"), None);
    assert_eq!(query_value("?a=1&a=2", "a").as_deref(), Some("1"));
}

#[test]
fn a_navigation_link_is_current_on_its_screen_and_below_it() {
    assert!(link_is_current("/limber/", "/limber/", true));
    assert!(link_is_current("/limber/", "/limber", true));
    assert!(!link_is_current("/limber/", "/limber/log", true));
    assert!(link_is_current(
        "/limber/routines",
        "/limber/routines/x",
        false
    ));
    assert!(link_is_current(
        "/limber/routines",
        "/limber/routines",
        false
    ));
    assert!(!link_is_current(
        "/limber/routines",
        "/limber/routinesx",
        false
    ));
    assert!(!link_is_current("/limber/log", "/limber/progress", false));
    assert!(link_is_current(
        "/routines/new?from=a",
        "/routines/new",
        true
    ));
}
