//! Restoring stored documents: every earlier version migrates, damage costs only the damaged
//! record, newer versions are flagged, and unreadable text is refused.

use limber_core::log::{Area, EntryContext};
use limber_core::side::BodySide;
use limber_core::store::{restore, RecordKind, RestoreIssue, SCHEMA_VERSION};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// Writing a restored document and reading it back changes nothing.
fn assert_stable(text: &str) {
    let first = restore(text).unwrap().document;
    let again = restore(&first.to_json()).unwrap();
    assert_eq!(again.document, first);
    assert_eq!(again.from_version, SCHEMA_VERSION);
}

#[test]
fn version_0_bare_array_migrates() {
    let text = fixture("store_v0.json");
    let restored = restore(&text).unwrap();
    assert_eq!(restored.from_version, 0);
    assert!(restored.recovered_fully);
    assert_eq!(
        restored.issues,
        [RestoreIssue::Migrated { from_version: 0 }]
    );
    let entries = restored.document.log.entries();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0].pain, 6);
    assert_eq!(entries[0].at.to_iso8601(), "2025-06-01T08:30:00+02:00");
    assert_eq!(entries[2].note, "Woke at 4, \"sharp\" pain");
    assert!(entries.iter().all(|entry| entry.id.starts_with("v1-")));
    let ids_again: Vec<_> = restore(&text).unwrap().document.log.entries().to_vec();
    assert_eq!(ids_again, entries, "ids derived from content are stable");
    assert_stable(&text);
}

#[test]
fn version_1_migrates_and_keeps_unknown_fields() {
    let text = fixture("store_v1.json");
    let restored = restore(&text).unwrap();
    assert_eq!(restored.from_version, 1);
    assert!(restored.recovered_fully, "{:?}", restored.issues);
    let document = &restored.document;
    let woke: Vec<_> = document
        .log
        .entries()
        .iter()
        .map(|e| e.woke_at_night)
        .collect();
    assert_eq!(woke, [Some(true), Some(false), None]);
    assert_eq!(
        document.log.entries()[0].updated_ms,
        document.log.entries()[0].at.utc_ms
    );
    assert!(!document.settings.sounds_enabled);
    assert_eq!(document.settings.volume_percent, 60);
    assert_eq!(document.custom_routines[0].id, "my-gentle-strap");
    assert_eq!(document.unknown_fields["theme"], "dark");
    assert!(document.to_json().starts_with("{\"schema_version\":2,"));
    assert_stable(&text);
}

#[test]
fn version_2_reads_every_field() {
    let text = fixture("store_v2.json");
    let restored = restore(&text).unwrap();
    assert!(restored.issues.is_empty(), "{:?}", restored.issues);
    let log = &restored.document.log;
    let before = &log.entries()[0];
    assert_eq!(before.areas, [Area::LowBack, Area::LegRight]);
    assert_eq!(before.stiffness, Some(7));
    assert!(
        matches!(&before.context, EntryContext::BeforeSession { session_id }
        if session_id == "19c9f5b7a10-00000000000000b1")
    );
    let session = &log.sessions()[0];
    assert_eq!(session.held_seconds(Some(BodySide::Left)), 180);
    assert_eq!(session.variant_id.as_deref(), Some("leg-flat"));
    assert!(log.is_deleted("19c9f5b7900-00000000000000a0"));
    let pending = restored.document.pending_rating.as_ref().unwrap();
    assert_eq!(pending.ask_after_ms, 1_764_011_340_000);
    assert_eq!(restored.document.settings.lead_in_seconds, 10);
    assert_stable(&text);
}

#[test]
fn a_newer_version_is_read_and_flagged() {
    let restored = restore(&fixture("store_v3_newer.json")).unwrap();
    assert!(restored.is_from_newer_version());
    assert!(!restored.recovered_fully);
    assert_eq!(restored.issues, [RestoreIssue::NewerVersion { found: 3 }]);
    assert_eq!(restored.document.log.entries()[0].pain, 2);
    assert_eq!(restored.document.settings.volume_percent, 50);
    assert!(restored.document.unknown_fields.contains_key("goals"));
}

#[test]
fn damage_costs_only_the_damaged_records() {
    let restored = restore(&fixture("store_damaged.json")).unwrap();
    assert!(!restored.recovered_fully);
    let log = &restored.document.log;
    let kept: Vec<_> = log.entries().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(kept, ["ok-1", "ok-2"]);
    assert_eq!(log.entries()[1].areas, [Area::LowBack, Area::HipLeft]);
    assert!(log.sessions().is_empty());
    let dropped_entries: Vec<_> = restored
        .issues
        .iter()
        .filter_map(|issue| match issue {
            RestoreIssue::Dropped {
                kind: RecordKind::Entry,
                index,
                ..
            } => Some(*index),
            _ => None,
        })
        .collect();
    assert_eq!(dropped_entries, [1, 2, 3]);
    let messages: Vec<String> = restored.issues.iter().map(ToString::to_string).collect();
    assert!(messages
        .contains(&"Entry 2 could not be read and was left out (pain must be 0–10).".to_string()));
    assert!(messages
        .iter()
        .any(|m| m.starts_with("Session 1 could not be read")));
    assert!(messages.contains(&"“deleted” was not a list, so it was left out.".to_string()));
    assert!(messages
        .iter()
        .any(|m| m.starts_with("Settings could not be read")));
    assert_eq!(restored.document.settings.volume_percent, 80);
}

#[test]
fn an_over_long_note_is_shortened_not_lost() {
    let note = "x".repeat(600);
    let text = format!(
        r#"{{"schema_version": 2, "entries": [{{"id": "n", "at": {{"utc_ms": 0, "offset_minutes": 0}}, "pain": 1, "note": "{note}"}}]}}"#
    );
    let restored = restore(&text).unwrap();
    assert_eq!(restored.document.log.entries()[0].note.chars().count(), 500);
    assert_eq!(
        restored.issues,
        [RestoreIssue::NoteShortened {
            entry_id: "n".into()
        }]
    );
}

#[test]
fn unreadable_text_is_refused() {
    for text in ["", "not json", "42", "\"text\"", "{\"entries\": ["] {
        assert!(restore(text).is_err(), "{text:?} should be refused");
    }
    let error = restore("{").unwrap_err();
    assert!(error
        .to_string()
        .starts_with("the saved data could not be read"));
}

#[test]
fn an_empty_object_is_an_empty_document() {
    let restored = restore("{}").unwrap();
    assert!(restored.recovered_fully);
    assert!(restored.document.log.entries().is_empty());
    let new = restore(&restored.document.to_json()).unwrap();
    assert_eq!(new.issues, []);
    assert_eq!(new.document.log.entries().len(), 0);
}

#[test]
fn custom_routines_keep_their_progression_and_lose_only_an_unreadable_one() {
    use limber_core::routine::Every;
    let text = fixture("store_v2_progression.json");
    let restored = restore(&text).unwrap();
    let routines = &restored.document.custom_routines;
    let names: Vec<&str> = routines.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Strap, building up to 3:00",
            "Daily knee hug",
            "Hip flexor, growing weekly"
        ]
    );
    let progression = routines[0].progression.as_ref().unwrap();
    assert_eq!(
        (progression.start_ms, progression.every, progression.max_ms),
        (30_000, Every::Session, 180_000)
    );
    assert_eq!(routines[1].progression, None);
    assert_eq!(routines[2].progression, None);
    assert!(routines.iter().all(|routine| routine.validate().is_ok()));
    assert_eq!(
        restored.issues,
        [
            RestoreIssue::Dropped {
                kind: RecordKind::Routine,
                index: 3,
                reason: "invalid type: string \"not a list\", expected a sequence".to_string(),
            },
            RestoreIssue::ProgressionDropped {
                routine_name: "Hip flexor, growing weekly".to_string()
            },
        ]
    );
    assert_eq!(
        restored.issues[1].to_string(),
        "The growing hold of “Hip flexor, growing weekly” could not be read; the routine keeps \
         its set hold lengths."
    );
    assert!(!restored.recovered_fully);
    assert_stable(&text);
    // Routines without a progression are written without the field, as before.
    let written = restored.document.to_json();
    assert_eq!(written.matches("\"progression\"").count(), 1);
}
