//! JSON backups: a backup restores exactly, and importing one only adds what is new.

use limber_core::log::{Area, Entry, EntryContext, HeldRecord, SessionRecord, Timestamp};
use limber_core::side::BodySide;
use limber_core::store::{restore, Document};
use limber_core::transfer::{backup_file_name, import_backup, ImportError};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn session(id: &str, started_ms: i64) -> SessionRecord {
    SessionRecord {
        id: id.into(),
        routine_id: "strap-hamstring".into(),
        routine_name: "Strap hamstring stretch — 3:00 per leg".into(),
        variant_id: Some("knee-bent".into()),
        started: Timestamp::new(started_ms, -300),
        ended: Timestamp::new(started_ms + 480_000, -300),
        completed: true,
        held: vec![HeldRecord {
            step_index: 1,
            step_name: "Hold".into(),
            side: Some(BodySide::Left),
            seconds: 180,
        }],
        updated_ms: 0,
    }
}

fn document_with(entry_count: u8) -> Document {
    let mut document = Document::default();
    for n in 0..entry_count {
        let mut entry = Entry::new(
            format!("e{n}"),
            Timestamp::new(1_764_000_000_000 + i64::from(n) * 3_600_000, 60),
            n % 11,
        );
        entry.areas = vec![Area::HipLeft];
        entry.note = format!("note {n}, \"quoted\"\n");
        entry.context = EntryContext::AfterSession {
            session_id: "s0".into(),
        };
        document.log.add_entry(entry, 5).unwrap();
    }
    document
        .log
        .add_session(session("s0", 1_764_000_000_000), 5)
        .unwrap();
    document.settings.volume_percent = 40;
    document
}

proptest! {
    #[test]
    fn a_backup_restores_exactly(count in 0..20_u8, deleted in 0..20_u8) {
        let mut document = document_with(count);
        document.log.delete_entry(&format!("e{deleted}"), 9);
        let restored = restore(&document.to_json()).unwrap();
        prop_assert!(restored.issues.is_empty());
        prop_assert_eq!(restored.document, document);
    }
}

#[test]
fn importing_a_backup_into_an_empty_app_brings_everything() {
    let backup = document_with(3);
    let preview = import_backup(&Document::default(), &backup.to_json(), 77).unwrap();
    assert_eq!((preview.new_entries, preview.new_sessions), (3, 1));
    assert_eq!(preview.merged.log.entries().len(), 3);
    assert!(preview
        .merged
        .log
        .entries()
        .iter()
        .all(|e| e.updated_ms == 77));
    assert_eq!(
        preview.merged.settings.volume_percent, 80,
        "settings are not imported"
    );
    assert_eq!(
        preview.summary(),
        "3 new entries and 1 new session will be added."
    );
}

#[test]
fn importing_twice_adds_nothing_the_second_time() {
    let backup = document_with(4).to_json();
    let once = import_backup(&Document::default(), &backup, 1)
        .unwrap()
        .merged;
    let twice = import_backup(&once, &backup, 2).unwrap();
    assert_eq!(twice.new_count(), 0);
    assert_eq!(twice.already_here, 5);
    assert_eq!(twice.merged, once);
    assert_eq!(twice.summary(), "Nothing new to add. 5 are already here.");
}

#[test]
fn older_and_damaged_backups_import_what_they_can() {
    let from_v1 = import_backup(&Document::default(), &fixture("store_v1.json"), 1).unwrap();
    assert_eq!((from_v1.new_entries, from_v1.new_routines), (3, 1));
    assert!(from_v1.invalid.is_empty());
    let damaged = import_backup(&Document::default(), &fixture("store_damaged.json"), 1).unwrap();
    assert_eq!(damaged.new_entries, 2);
    assert!(damaged.invalid[0].starts_with("Entry 2 could not be read"));
    assert_eq!(
        damaged.invalid.len(),
        4,
        "settings and deletions are not imported"
    );
    let newer = import_backup(&Document::default(), &fixture("store_v3_newer.json"), 1).unwrap();
    assert!(newer.from_newer_version);
    assert!(newer.summary().ends_with("some of it may be missing."));
}

#[test]
fn a_non_backup_is_refused() {
    let error = import_backup(&Document::default(), "id,time,pain\n", 0).unwrap_err();
    assert!(matches!(error, ImportError::NotABackup(_)));
    assert!(error
        .to_string()
        .starts_with("This file could not be read as a Limber backup"));
}

#[test]
fn file_names_carry_the_date() {
    let today = limber_core::log::CivilDate::new(2026, 11, 24).unwrap();
    assert_eq!(backup_file_name(today), "limber-backup-2026-11-24.json");
}
