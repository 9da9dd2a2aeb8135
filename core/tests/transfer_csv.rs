//! CSV export and import of entries: round trips, formula guards, line-numbered problems,
//! and imports that only ever add.

use limber_core::log::{Area, Entry, EntryContext, Timestamp, MAX_OFFSET_MINUTES, MAX_UTC_MS};
use limber_core::store::Document;
use limber_core::transfer::{
    entries_from_csv, entries_to_csv, import_csv, ImportError, MAX_IMPORT_BYTES,
};
use proptest::prelude::*;

const HEADER: &str =
    "id,time,pain,woke_at_night,stiffness,areas,context,session_id,note,night_of,times_woken\r\n";

fn note() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        Just("=SUM(A1:A9)".to_string()),
        Just("'=1+1".to_string()),
        Just("-3 after stretching".to_string()),
        Just("\"quoted\", with comma".to_string()),
        Just("line one\r\nline two\nthree\rfour".to_string()),
        Just("rücken — 腰痛 🙂".to_string()),
        Just("\t@tab".to_string()),
    ];
    prop_oneof![
        tricky,
        "\\PC{0,40}",
        any::<String>().prop_map(|s| s.chars().take(500).collect())
    ]
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        "[a-z0-9-]{1,20}",
        (0..=MAX_UTC_MS, -MAX_OFFSET_MINUTES..=MAX_OFFSET_MINUTES),
        0..=10_u8,
        prop::option::of(any::<bool>()),
        prop::option::of(0..=10_u8),
        prop::sample::subsequence(Area::ALL.to_vec(), 0..=6),
        0..3_u8,
        note(),
    )
        .prop_map(
            |(id, (utc_ms, offset), pain, woke, stiffness, areas, context, note)| {
                let mut entry = Entry::new(id, Timestamp::new(utc_ms, offset), pain);
                entry.woke_at_night = woke;
                entry.stiffness = stiffness;
                entry.areas = areas;
                entry.note = note;
                entry.context = match context {
                    0 => EntryContext::DailyCheckIn,
                    1 => EntryContext::BeforeSession {
                        session_id: "s-1".into(),
                    },
                    _ => EntryContext::AfterSession {
                        session_id: "s,\"2\"".into(),
                    },
                };
                entry
            },
        )
}

proptest! {
    #[test]
    fn export_then_import_is_identity(entries in prop::collection::vec(entry(), 0..12)) {
        let text = entries_to_csv(&entries);
        let parsed = entries_from_csv(&text).expect("our own header");
        prop_assert_eq!(parsed.problems, Vec::<String>::new());
        prop_assert_eq!(parsed.entries, entries);
    }

    #[test]
    fn every_cell_is_safe_for_spreadsheets(entries in prop::collection::vec(entry(), 1..6)) {
        for cell in raw_cells(&entries_to_csv(&entries)) {
            prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
        }
    }
}

/// The cells of CSV text exactly as a spreadsheet sees them (unquoted, apostrophes kept).
fn raw_cells(text: &str) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (_, '"') => quoted = !quoted,
            (false, ',' | '\n') => cells.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            _ => cell.push(c),
        }
    }
    cells
}

#[test]
fn export_follows_rfc_4180() {
    let mut entry = Entry::new(
        "a1",
        Timestamp::parse_iso8601("2026-11-24T08:30:00+01:00").unwrap(),
        6,
    );
    entry.areas = vec![Area::LowBack, Area::LegRight];
    entry.woke_at_night = Some(true);
    entry.note = "=HYPERLINK(\"x\"), then\nbetter".into();
    let text = entries_to_csv(&[entry]);
    assert_eq!(
        text,
        format!(
            "\u{feff}{HEADER}a1,2026-11-24T08:30:00+01:00,6,yes,,low back; right leg,check-in,,\
             \"'=HYPERLINK(\"\"x\"\"), then\nbetter\",,\r\n"
        )
    );
}

#[test]
fn problems_name_their_line() {
    let text = format!(
        "{HEADER}\
         a,2026-11-24T08:30:00+01:00,6,,,,,,fine\r\n\
         b,2026-11-24T09:30:00+01:00,11,,,,,,\"spans\r\ntwo lines\"\r\n\
         c,2026-11-24T10:30:00+01:00,12,,,,,,\r\n\
         d,yesterday,3,,,,,,\r\n\
         e,2026-11-24T10:30:00+01:00,3,maybe,,,,,\r\n\
         f,2026-11-24T10:30:00+01:00,3,,,knee,,,\r\n\
         g,2026-11-24T10:30:00+01:00,high,,,,,,\r\n"
    );
    let parsed = entries_from_csv(&text).unwrap();
    assert_eq!(parsed.entries.len(), 1);
    assert_eq!(parsed.problems[0], "line 3: pain must be 0–10");
    assert_eq!(parsed.problems[1], "line 5: pain must be 0–10");
    assert!(parsed.problems[2].starts_with("line 6: time \"yesterday\""));
    assert!(parsed.problems[3].starts_with("line 7: woke_at_night must be yes, no"));
    assert!(parsed.problems[4].starts_with("line 8: unknown area \"knee\""));
    assert_eq!(
        parsed.problems[5],
        "line 9: pain must be a whole number 0–10, not \"high\""
    );
}

#[test]
fn columns_are_found_by_name_and_ids_made_when_missing() {
    let text = "Pain,Note,Time,Mood\n4,from another app,2026-11-24T08:30Z,ok\n";
    let first = entries_from_csv(text).unwrap();
    assert_eq!(first.problems, Vec::<String>::new());
    assert_eq!(first.entries[0].pain, 4);
    assert!(first.entries[0].id.starts_with("csv-"));
    assert_eq!(entries_from_csv(text).unwrap().entries, first.entries);
    assert!(entries_from_csv("a,b\n1,2\n").is_none());
    assert!(entries_from_csv("").is_none());
}

#[test]
fn import_adds_only_new_ids_and_never_resurrects_deletions() {
    let at = Timestamp::parse_iso8601("2026-11-24T08:30:00+01:00").unwrap();
    let mut current = Document::default();
    current
        .log
        .add_entry(Entry::new("kept", at, 2), 10)
        .unwrap();
    current
        .log
        .add_entry(Entry::new("gone", at, 5), 10)
        .unwrap();
    current.log.delete_entry("gone", 20);
    let mut incoming = vec![Entry::new("kept", at, 9), Entry::new("gone", at, 9)];
    incoming.push(Entry::new("fresh", at, 3));
    let text = entries_to_csv(&incoming);
    let preview = import_csv(&current, &format!("{text}x,bad,1\r\n"), 30).unwrap();
    assert_eq!(
        (
            preview.new_entries,
            preview.already_here,
            preview.deleted_here
        ),
        (1, 1, 1)
    );
    assert_eq!(preview.invalid.len(), 1);
    let merged = &preview.merged.log;
    assert_eq!(merged.entry("kept").unwrap().pain, 2, "local version wins");
    assert!(merged.is_deleted("gone"));
    assert_eq!(merged.entry("fresh").unwrap().updated_ms, 30);
    assert_eq!(
        preview.summary(),
        "1 new entry will be added. 1 is already here. 1 was deleted here and stays deleted. \
         1 item could not be read."
    );
    assert_eq!(
        current.log.entries().len(),
        1,
        "the preview changed nothing"
    );
}

#[test]
fn oversized_and_headerless_files_are_refused_plainly() {
    let big = "x".repeat(MAX_IMPORT_BYTES + 1);
    let error = import_csv(&Document::default(), &big, 0).unwrap_err();
    assert_eq!(
        error,
        ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        }
    );
    assert_eq!(
        error.to_string(),
        "This file is 5.0 MB; Limber can import files up to 5 MB."
    );
    let error = import_csv(&Document::default(), "hello\n", 0).unwrap_err();
    assert!(error
        .to_string()
        .starts_with("This does not look like a Limber log"));
}

#[test]
fn many_problems_are_capped() {
    let mut text = HEADER.to_string();
    for _ in 0..120 {
        text.push_str("x,2026-11-24T08:30:00+01:00,99,,,,,,\r\n");
    }
    let preview = import_csv(&Document::default(), &text, 0).unwrap();
    assert_eq!(preview.invalid.len(), 51);
    assert_eq!(preview.invalid[50], "…and 70 more");
}
