//! The stored layout (an index and chunks of records): it reads back exactly, a save rewrites
//! only the chunk that changed, the stored data stays compact, and a write sequence cut at
//! any step (a full storage, a tab killed between two keys) leaves the old document or the
//! new one, never less.

mod stored_steps;

use stored_steps::{apply, INDEX};

use std::collections::{BTreeMap, BTreeSet};

use limber_core::log::{Area, Entry, EntryContext, HeldRecord, SessionRecord, Timestamp};
use limber_core::store::{open, restore, write_steps, ChunkCache, Document, Verdict, WriteStep};
use serde_json::json;

const HOUR_MS: i64 = 3_600_000;
const START_MS: i64 = 1_700_000_000_000;

/// A key-value store standing in for localStorage.
type Store = BTreeMap<String, String>;

fn entry(n: i64) -> Entry {
    let at = Timestamp::new(START_MS + n * 6 * HOUR_MS, 60);
    let mut entry = Entry::new(format!("19ab697e800-{n:016x}"), at, (n % 11) as u8);
    entry.updated_ms = at.utc_ms;
    if n % 5 == 0 {
        entry.areas = vec![Area::LowBack, Area::LegRight];
    }
    if n % 3 == 0 {
        entry.stiffness = Some((n % 11) as u8);
    }
    if n % 10 == 0 {
        entry.note = "Stiff after sitting; better after the strap stretch.".into();
    }
    if n % 7 == 0 {
        entry.context = EntryContext::AfterSession {
            session_id: format!("s{n}"),
        };
    }
    entry
}

fn session(n: i64) -> SessionRecord {
    let started = Timestamp::new(START_MS + n * 24 * HOUR_MS, 60);
    SessionRecord {
        id: format!("s{n}"),
        routine_id: "strap-hamstring".into(),
        routine_name: "Strap hamstring stretch — 3:00 per leg".into(),
        variant_id: Some("knee-bent".into()),
        started,
        ended: Timestamp::new(started.utc_ms + 480_000, 60),
        completed: n % 4 != 0,
        held: vec![HeldRecord {
            step_index: 1,
            step_name: "Right leg".into(),
            side: None,
            seconds: 180,
        }],
        updated_ms: started.utc_ms,
    }
}

fn document(entries: i64, sessions: i64) -> Document {
    let mut document = Document::default();
    for n in 0..entries {
        document.log_pain(entry(n), START_MS).unwrap();
    }
    for n in 0..sessions {
        document.record_session(session(n), START_MS).unwrap();
    }
    let mut routine = limber_core::library::find_builtin("cat-cow").unwrap();
    routine.id = "custom-1".into();
    document.save_routine(routine, START_MS).unwrap();
    document
        .unknown_fields
        .insert("future_feature".into(), json!({"blocks": [1, 2]}));
    document
}

/// `document` stored completely in an empty store, with a fresh cache.
fn stored(document: &Document) -> Store {
    let mut store = Store::new();
    write(&mut store, document, &mut ChunkCache::default(), usize::MAX);
    store
}

/// Stores `document` over whatever `store` holds, step by step, stopping after `cut` steps.
fn write(store: &mut Store, document: &Document, cache: &mut ChunkCache, cut: usize) -> usize {
    let stored = open(store.get(INDEX).map(String::as_str), &|name| {
        store.get(name).cloned()
    })
    .chunk_names;
    let layout = document.to_layout(cache);
    let steps = write_steps(&stored, &layout);
    let count = steps.len();
    for step in steps.into_iter().take(cut) {
        apply(store, step);
    }
    count
}

fn read(store: &Store) -> (Document, Verdict) {
    let opened = open(store.get(INDEX).map(String::as_str), &|name| {
        store.get(name).cloned()
    });
    (opened.document, opened.verdict)
}

#[test]
fn a_stored_layout_reads_back_exactly() {
    let document = document(400, 60);
    let store = stored(&document);
    assert!(store.len() > 5, "the records are spread over chunks");
    let index: serde_json::Value = serde_json::from_str(&store[INDEX]).unwrap();
    assert_eq!(index["schema_version"], 3);
    assert_eq!(
        index["future_feature"],
        json!({"blocks": [1, 2]}),
        "unknown fields travel"
    );
    assert_eq!(read(&store), (document, Verdict::Understood));
}

#[test]
fn logging_one_more_entry_rewrites_one_chunk_and_the_index() {
    let mut document = document(400, 10);
    let mut cache = ChunkCache::default();
    let mut store = Store::new();
    write(&mut store, &document, &mut cache, usize::MAX);
    document.log_pain(entry(400), START_MS).unwrap();
    let stored = open(Some(&store[INDEX]), &|name| store.get(name).cloned()).chunk_names;
    let steps = write_steps(&stored, &document.to_layout(&mut cache));
    let puts = steps
        .iter()
        .filter(|step| matches!(step, WriteStep::PutChunk { .. }))
        .count();
    assert_eq!(puts, 1, "{steps:?}");
    assert!(matches!(steps[1], WriteStep::PutIndex(_)));
    assert!(matches!(steps[2], WriteStep::RemoveChunk(_)));
    assert_eq!(steps.len(), 3);
}

#[test]
fn ten_thousand_entries_are_stored_in_under_a_mebibyte() {
    let document = document(10_000, 0);
    let store = stored(&document);
    let bytes: usize = store.iter().map(|(key, text)| key.len() + text.len()).sum();
    assert!(bytes <= 1 << 20, "{bytes} bytes");
    assert!(
        bytes * 2 < document.to_json().len(),
        "at most half the single text"
    );
}

#[test]
fn a_write_cut_at_any_step_leaves_the_old_or_the_new_document() {
    let old = document(300, 20);
    let mut new = old.clone();
    new.log_pain(entry(300), START_MS + 1).unwrap();
    new.delete_entry(&entry(5).id, START_MS + 2).unwrap();
    new.delete_routine("custom-1", START_MS + 3).unwrap();
    let mut edited = entry(120);
    edited.note = "changed".into();
    new.edit_entry(edited, START_MS + 4).unwrap();

    let mut before = Store::new();
    write(&mut before, &old, &mut ChunkCache::default(), usize::MAX);
    let count = write(&mut before.clone(), &new, &mut ChunkCache::default(), 0);
    assert!(count >= 4, "several chunks change: {count} steps");
    let mut seen = BTreeSet::new();
    for cut in 0..=count {
        let mut store = before.clone();
        write(&mut store, &new, &mut ChunkCache::default(), cut);
        let (document, verdict) = read(&store);
        assert_eq!(verdict, Verdict::Understood, "cut after {cut} steps");
        assert!(
            document == old || document == new,
            "cut after {cut} of {count} steps lost something"
        );
        seen.insert(document == new);
    }
    assert_eq!(seen.len(), 2, "both the old and the new document are seen");
}

#[test]
fn a_single_text_of_an_earlier_version_is_replaced_safely_at_any_step() {
    for fixture in ["store_v0.json", "store_v1.json", "store_v2.json"] {
        let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        let old = restore(&text).unwrap().document;
        let before = Store::from([(INDEX.to_string(), text)]);
        let count = write(&mut before.clone(), &old, &mut ChunkCache::default(), 0);
        for cut in 0..=count {
            let mut store = before.clone();
            write(&mut store, &old, &mut ChunkCache::default(), cut);
            assert_eq!(
                read(&store),
                (old.clone(), Verdict::Understood),
                "{fixture}, cut {cut}"
            );
        }
    }
}

#[test]
fn a_missing_chunk_is_reported_and_everything_stored_is_kept() {
    let document = document(200, 0);
    let mut store = stored(&document);
    let lost = store
        .keys()
        .find(|key| key.starts_with("entries"))
        .cloned()
        .unwrap();
    store.remove(&lost);
    let (_, verdict) = read(&store);
    let Verdict::KeepCopyFirst { notice, copy } = verdict else {
        panic!("a missing chunk must be kept and reported");
    };
    assert!(notice.contains("is missing"), "{notice}");
    let copy: serde_json::Value = serde_json::from_str(&copy).unwrap();
    assert_eq!(copy["index"], json!(store[INDEX]));
}

#[test]
fn the_chunks_read_at_start_up_are_not_encoded_again() {
    let mut document = document(400, 30);
    let mut written = ChunkCache::default();
    let mut store = Store::new();
    write(&mut store, &document, &mut written, usize::MAX);
    let mut opened = open(Some(&store[INDEX]), &|name| store.get(name).cloned());
    assert_eq!(opened.verdict, Verdict::Understood);
    assert_eq!(
        opened.cache, written,
        "every chunk read is cached exactly as the save that wrote it cached it"
    );
    document.log_pain(entry(400), START_MS).unwrap();
    let layout = document.to_layout(&mut opened.cache);
    assert_eq!(layout, document.to_layout(&mut ChunkCache::default()));
    let puts = write_steps(&opened.chunk_names, &layout)
        .into_iter()
        .filter(|step| matches!(step, WriteStep::PutChunk { .. }))
        .count();
    assert_eq!(puts, 1, "only the chunk that changed is written");
}

#[test]
fn a_chunk_that_does_not_hold_all_its_records_is_never_reused() {
    let document = document(100, 0);
    let mut store = stored(&document);
    // An index that also holds one record inline, in the stretch of an existing chunk.
    let mut index: serde_json::Value = serde_json::from_str(&store[INDEX]).unwrap();
    let mut extra = entry(50);
    extra.id = "19ab697e800-inline".into();
    index["entries"] = json!([extra]);
    store.insert(INDEX.into(), index.to_string());
    let mut opened = open(Some(&store[INDEX]), &|name| store.get(name).cloned());
    assert_eq!(opened.verdict, Verdict::Understood);
    assert_eq!(opened.document.log.entries().len(), 101);
    assert_eq!(opened.cache, ChunkCache::default());
    let layout = opened.document.to_layout(&mut opened.cache);
    assert_eq!(
        layout,
        opened.document.to_layout(&mut ChunkCache::default())
    );
}
