//! Browser tests of `src/browser/` (wasm-bindgen-test in headless Chromium):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p limber --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use limber::browser::storage::{LocalStore, KEY_PREFIX};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn raw_local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("the test browser has localStorage")
}

#[wasm_bindgen_test]
fn writes_and_reads_back_a_value() {
    let store = LocalStore::open().expect("localStorage opens");
    store
        .set("test-round-trip", "{\"pain\":3}")
        .expect("write succeeds");
    assert_eq!(
        store
            .get("test-round-trip")
            .expect("read succeeds")
            .as_deref(),
        Some("{\"pain\":3}")
    );
    store.remove("test-round-trip").expect("remove succeeds");
}

#[wasm_bindgen_test]
fn any_text_reads_back_exactly_however_long() {
    let store = LocalStore::open().expect("localStorage opens");
    let texts = [
        String::new(),
        "é".to_string(),
        "Stiff — better after the strap 😀, \"quoted\"\n".repeat(2_000),
        "{\"rows\":[1,2]}".repeat(20_000),
    ];
    for text in texts {
        store.set("test-long-text", &text).expect("write succeeds");
        let read = store.get("test-long-text").expect("read succeeds");
        assert_eq!(read.as_deref(), Some(text.as_str()), "{} bytes", text.len());
    }
    store.remove("test-long-text").expect("remove succeeds");
}

#[wasm_bindgen_test]
fn a_lone_surrogate_written_by_another_script_reads_as_a_replacement_character() {
    js_sys::eval("localStorage.setItem('limber:test-surrogate', 'a\\uD800b')")
        .expect("the script runs");
    let store = LocalStore::open().expect("localStorage opens");
    let read = store.get("test-surrogate").expect("read succeeds");
    assert_eq!(read.as_deref(), Some("a\u{FFFD}b"));
    store.remove("test-surrogate").expect("remove succeeds");
}

#[wasm_bindgen_test]
fn a_missing_key_reads_as_none() {
    let store = LocalStore::open().expect("localStorage opens");
    assert_eq!(store.get("never-written").expect("read succeeds"), None);
}

#[wasm_bindgen_test]
fn keys_carry_the_app_prefix_and_other_apps_keys_are_ignored() {
    let store = LocalStore::open().expect("localStorage opens");
    store.set("prefixed", "1").expect("write succeeds");
    let raw = raw_local_storage();
    assert_eq!(
        raw.get_item(&format!("{KEY_PREFIX}prefixed"))
            .unwrap()
            .as_deref(),
        Some("1")
    );
    assert_eq!(raw.get_item("prefixed").unwrap(), None);

    raw.set_item("other-app:settings", "theirs").unwrap();
    assert!(store.names().contains(&"prefixed".to_string()));
    assert!(!store.names().iter().any(|name| name.contains("other-app")));
    assert_eq!(store.get("other-app:settings").unwrap(), None);
    store.remove("prefixed").unwrap();
    assert_eq!(
        raw.get_item("other-app:settings").unwrap().as_deref(),
        Some("theirs")
    );
    raw.remove_item("other-app:settings").unwrap();
}

mod document_store {
    use limber::browser::document_store::{keep_copy, read, write};
    use limber::browser::storage::{keys, LocalStore, StorageError, StoredBytes};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn clear_limber_keys(store: &LocalStore) {
        for name in store.names() {
            store.remove(&name).expect("remove succeeds");
        }
    }

    #[wasm_bindgen_test]
    fn text_kept_as_a_copy_is_kept_byte_for_byte_once_and_never_overwritten() {
        let store = LocalStore::open().expect("localStorage opens");
        clear_limber_keys(&store);
        let backup_name = keep_copy(&store, "{not json at all", 1_000).unwrap();
        assert!(backup_name.starts_with(keys::CORRUPT_BACKUP_PREFIX));
        assert_eq!(
            store.get(&backup_name).unwrap().as_deref(),
            Some("{not json at all")
        );

        // Keeping the same text again (the app started twice before saving) adds no copy.
        assert_eq!(
            keep_copy(&store, "{not json at all", 2_000).unwrap(),
            backup_name
        );
        assert_eq!(
            store
                .names()
                .iter()
                .filter(|name| name.starts_with(keys::CORRUPT_BACKUP_PREFIX))
                .count(),
            1
        );

        // Other text in the same millisecond never overwrites the first copy.
        let second_name = keep_copy(&store, "garbage two", 1_000).unwrap();
        assert_ne!(second_name, backup_name);
        assert_eq!(
            store.get(&backup_name).unwrap().as_deref(),
            Some("{not json at all")
        );
        assert_eq!(
            store.get(&second_name).unwrap().as_deref(),
            Some("garbage two")
        );
        clear_limber_keys(&store);
    }

    #[wasm_bindgen_test]
    fn stored_bytes_count_limbers_keys_and_kept_copies_apart() {
        let store = LocalStore::open().expect("localStorage opens");
        clear_limber_keys(&store);
        assert_eq!(store.stored_bytes().unwrap(), StoredBytes::default());
        write(&store, "{}").unwrap();
        store.set("entries-1-abc", "é").unwrap();
        keep_copy(&store, "broken", 1).unwrap();
        let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        raw.set_item("other-app:data", "not counted").unwrap();
        let bytes = store.stored_bytes().unwrap();
        assert_eq!(
            bytes.data,
            ("limber:document{}".len() + "limber:entries-1-abc".len() + 2) as u64,
            "UTF-8 bytes of each key and value"
        );
        assert_eq!(
            bytes.kept_copies,
            ("limber:corrupt-backup-1".len() + "broken".len()) as u64
        );
        raw.remove_item("other-app:data").unwrap();
        clear_limber_keys(&store);
    }

    #[wasm_bindgen_test]
    fn a_written_document_reads_back() {
        let store = LocalStore::open().expect("localStorage opens");
        clear_limber_keys(&store);
        assert_eq!(read(&store).unwrap(), None);
        write(&store, r#"{"schema_version": 2}"#).unwrap();
        assert_eq!(
            read(&store).unwrap().as_deref(),
            Some(r#"{"schema_version": 2}"#)
        );
        clear_limber_keys(&store);
    }

    #[wasm_bindgen_test]
    fn a_full_storage_reports_quota_exceeded_and_keeps_what_was_there() {
        let store = LocalStore::open().expect("localStorage opens");
        clear_limber_keys(&store);
        store.set(keys::DOCUMENT, "kept").unwrap();
        let chunk = "x".repeat(512 * 1024);
        let mut filled = 0;
        let outcome = loop {
            match store.set(&format!("filler-{filled}"), &chunk) {
                Ok(()) => filled += 1,
                Err(error) => break error,
            }
            assert!(filled < 200, "localStorage never filled up");
        };
        assert_eq!(outcome, StorageError::QuotaExceeded);
        assert_eq!(store.get(keys::DOCUMENT).unwrap().as_deref(), Some("kept"));
        clear_limber_keys(&store);
    }
}

mod service_worker {
    use limber::browser::service_worker::{
        apply_update, is_supported, register, ApplyOutcome, ServiceWorkerError,
    };
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_test_page_can_run_service_workers() {
        assert!(is_supported());
    }

    #[wasm_bindgen_test]
    async fn a_script_that_cannot_be_fetched_is_a_typed_error_not_a_panic() {
        let result = register("no-such-worker.js", "./").await;
        assert!(
            matches!(result, Err(ServiceWorkerError::Registration(_))),
            "{result:?}"
        );
    }

    #[wasm_bindgen_test]
    async fn with_nothing_waiting_an_update_has_nothing_to_apply() {
        assert_eq!(apply_update().await, Ok(ApplyOutcome::NothingWaiting));
    }
}

mod audio {
    use limber::browser::audio::EarconPlayer;
    use limber_core::cue::CueKind;
    use limber_core::earcon::earcon;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn moving_the_pending_earcons_takes_only_cues_not_yet_begun_and_names_them() {
        let mut player = EarconPlayer::new().expect("Web Audio in the test browser");
        let now_s = player.now_s();
        player
            .play(earcon(CueKind::HoldStart), now_s, Some(1))
            .expect("plays now");
        player
            .play(earcon(CueKind::Halfway), now_s + 30.0, Some(2))
            .expect("schedules ahead");
        player
            .play(earcon(CueKind::RestStart), now_s + 60.0, Some(3))
            .expect("schedules ahead");
        player
            .play(earcon(CueKind::Done), now_s + 60.0, None)
            .expect("an untagged sound");
        assert_eq!(
            player.cancel_pending(),
            vec![2, 3],
            "the cues to put again are those not begun, each once"
        );
        assert_eq!(
            player.cancel_pending(),
            Vec::<u32>::new(),
            "nothing is left to move"
        );
    }
}
