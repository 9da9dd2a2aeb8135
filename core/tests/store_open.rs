//! Opening stored text at start-up and taking in another tab's write: every branch of
//! `open` and `take_other_tab_write`. Nothing not understood completely may be written over
//! without a copy, and a newer version is never merged or written over.

use limber_core::log::{Entry, Timestamp};
use limber_core::store::{Document, Opened, Verdict, SCHEMA_VERSION};

/// Opens a single stored text (earlier versions kept everything in one).
fn open(stored: Option<&str>) -> Opened {
    limber_core::store::open(stored, &|_| None)
}

fn take_other_tab_write(mine: &Document, written: Option<&str>) -> Opened {
    limber_core::store::take_other_tab_write(mine, written, &|_| None)
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn with_entry(id: &str, pain: u8) -> Document {
    let mut document = Document::default();
    document
        .log_pain(
            Entry::new(id, Timestamp::new(1_764_000_000_000, 60), pain),
            10,
        )
        .unwrap();
    document
}

fn notice(verdict: &Verdict) -> &str {
    match verdict {
        Verdict::KeepCopyFirst { notice, .. } => notice,
        other => panic!("expected a copy to be kept first, got {other:?}"),
    }
}

#[test]
fn nothing_stored_opens_an_empty_writable_document() {
    let opened = open(None);
    assert_eq!(opened.verdict, Verdict::Understood);
    assert_eq!(opened.document, Document::default());
}

#[test]
fn every_earlier_version_and_the_current_one_open_without_a_copy() {
    for name in ["store_v0.json", "store_v1.json", "store_v2.json"] {
        let opened = open(Some(&fixture(name)));
        assert_eq!(opened.verdict, Verdict::Understood, "{name}");
        assert!(!opened.document.log.entries().is_empty(), "{name}");
    }
}

#[test]
fn unreadable_text_is_kept_before_the_app_starts_afresh() {
    for text in [
        "{\"schema_version\": 2, \"entries\": [tru",
        "\"just a string\"",
        "null",
    ] {
        let opened = open(Some(text));
        assert!(
            notice(&opened.verdict).contains("could not be read"),
            "{text}"
        );
        assert!(matches!(&opened.verdict, Verdict::KeepCopyFirst { copy, .. } if copy == text));
        assert_eq!(opened.document, Document::default());
    }
}

#[test]
fn a_shape_the_restore_does_not_expect_is_kept_and_named() {
    let text = r#"{"schema_version": 2, "entries": {"e1": {"pain": 4}}}"#;
    let opened = open(Some(text));
    let said = notice(&opened.verdict);
    assert!(said.contains("kept an untouched copy"), "{said}");
    assert!(said.contains("“entries” was not a list"), "{said}");
}

#[test]
fn dropped_or_repaired_records_are_kept_and_named() {
    let out_of_range = r#"{"schema_version": 2, "entries": [
        {"id": "a", "at": {"utc_ms": 1764000000000, "offset_minutes": 60}, "pain": 12}]}"#;
    assert!(notice(&open(Some(out_of_range)).verdict).contains("Entry 1 could not be read"));
    let long_note = format!(
        r#"{{"schema_version": 2, "entries": [
        {{"id": "a", "at": {{"utc_ms": 1764000000000, "offset_minutes": 60}}, "pain": 2, "note": "{}"}}]}}"#,
        "x".repeat(600)
    );
    let opened = open(Some(&long_note));
    assert!(notice(&opened.verdict).contains("was shortened"));
    assert_eq!(opened.document.log.entries().len(), 1);
    assert!(notice(&open(Some(&fixture("store_damaged.json"))).verdict).contains("left out"));
}

#[test]
fn a_routine_no_share_link_would_accept_is_left_out_of_a_stored_document() {
    let text = r#"{"schema_version": 2, "custom_routines": [
        {"id": "custom-x", "name": "", "summary": "", "steps": []}]}"#;
    let opened = open(Some(text));
    assert!(notice(&opened.verdict).contains("Custom routine 1 could not be read"));
    assert!(opened.document.custom_routines.is_empty());
}

#[test]
fn a_newer_version_is_shown_but_never_written() {
    let opened = open(Some(&fixture("store_v3_newer.json")));
    assert_eq!(opened.verdict, Verdict::Newer { found: 3 });
    assert!(!opened.verdict.allows_writing());
    assert!(!opened.document.log.entries().is_empty());
}

#[test]
fn another_tabs_understood_write_is_merged() {
    let mine = with_entry("mine", 3);
    let theirs = with_entry("theirs", 7);
    let taken = take_other_tab_write(&mine, Some(&theirs.to_json()));
    assert_eq!(taken.verdict, Verdict::Understood);
    assert_eq!(taken.document, mine.merged_with(&theirs));
    assert_eq!(taken.document.log.entries().len(), 2);
}

#[test]
fn another_tabs_newer_version_is_never_merged() {
    let mine = with_entry("mine", 3);
    let newer = format!(
        r#"{{"schema_version": {}, "entries": [], "trial_v9": {{"blocks": []}}}}"#,
        SCHEMA_VERSION + 1
    );
    let taken = take_other_tab_write(&mine, Some(&newer));
    assert_eq!(
        taken.verdict,
        Verdict::Newer {
            found: SCHEMA_VERSION + 1
        }
    );
    assert_eq!(
        taken.document, mine,
        "nothing of the newer text is taken in"
    );
}

#[test]
fn another_tabs_unreadable_write_is_kept_and_mine_stays() {
    let mine = with_entry("mine", 3);
    let taken = take_other_tab_write(&mine, Some("{oops"));
    assert!(notice(&taken.verdict).contains("could not be read"));
    assert_eq!(taken.document, mine);
}

#[test]
fn another_tabs_partly_readable_write_is_kept_and_what_was_read_is_merged() {
    let mine = with_entry("mine", 3);
    let partly = r#"{"schema_version": 2, "entries": [
        {"id": "ok", "at": {"utc_ms": 1764000000000, "offset_minutes": 60}, "pain": 2},
        {"id": "bad", "at": {"utc_ms": 1764000000000, "offset_minutes": 60}, "pain": 99}]}"#;
    let taken = take_other_tab_write(&mine, Some(partly));
    assert!(notice(&taken.verdict).contains("Entry 2 could not be read"));
    let ids: Vec<_> = taken
        .document
        .log
        .entries()
        .iter()
        .map(|entry| entry.id.as_str())
        .collect();
    assert_eq!(ids, ["mine", "ok"]);
}

#[test]
fn another_tab_removing_the_document_keeps_mine() {
    let mine = with_entry("mine", 3);
    let taken = take_other_tab_write(&mine, None);
    assert_eq!(taken.verdict, Verdict::Understood);
    assert_eq!(taken.document, mine);
}

#[test]
fn a_routine_deleted_here_stays_deleted_when_the_other_tab_writes_its_old_copy() {
    let mut mine = Document::default();
    let mut routine = limber_core::library::find_builtin("cat-cow").unwrap();
    routine.id = "custom-1".into();
    mine.save_routine(routine, 100).unwrap();
    let stale = mine.to_json();
    mine.delete_routine("custom-1", 200).unwrap();
    let taken = take_other_tab_write(&mine, Some(&stale));
    assert!(taken.document.custom_routines.is_empty());
}
