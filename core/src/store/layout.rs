//! How the document is kept in storage so that a save rewrites only what changed: a small
//! index (everything but the entries and sessions, with the names of its chunks) and the
//! records in chunks of thirty days each, under names made from their content.
//!
//! Writing is crash-safe by its order ([`write_steps`]): new chunks first (under new names, so
//! nothing the stored index points to changes), then the index in one write, then the chunks
//! only the old index pointed to. Cut anywhere, storage holds the old document or the new one,
//! never less. A chunk's text is written and read by [`super::chunk_codec`].

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Map, Value};

use super::chunk_codec::{decode_chunk, encode_chunk};
use super::{Document, PendingRating, SCHEMA_VERSION};
use crate::log::{content_id, Entry, SessionRecord, Tombstone};
use crate::routine::Routine;
use crate::settings::Settings;
use crate::trial::Trial;

/// The `schema_version` of a stored index: the document format [`SCHEMA_VERSION`] with its
/// entries and sessions in chunks.
pub const LAYOUT_VERSION: u32 = 3;
/// Length of one chunk's stretch of time: thirty days, in milliseconds.
const CHUNK_SPAN_MS: i64 = 30 * 86_400_000;

/// The texts to store: the index and every chunk it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The index's text (JSON with `schema_version` [`LAYOUT_VERSION`]).
    pub index: String,
    /// Every chunk the index names, by name.
    pub chunks: BTreeMap<String, String>,
}

/// One write to storage, in the order [`write_steps`] gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteStep {
    /// Store a chunk under this name.
    PutChunk {
        /// The chunk's name.
        name: String,
        /// Its text.
        text: String,
    },
    /// Store the index (the moment the new document becomes the stored one).
    PutIndex(String),
    /// Remove a chunk no index points to any more.
    RemoveChunk(String),
}

/// Chunks already encoded (or read at start-up), so a save encodes only the chunks whose
/// records changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChunkCache {
    entries: BTreeMap<i64, Cached<Entry>>,
    sessions: BTreeMap<i64, Cached<SessionRecord>>,
}

#[derive(Debug, Clone, PartialEq)]
struct Cached<T> {
    records: Vec<T>,
    name: String,
    text: String,
}

/// The index as written: the document without its entries and sessions, plus chunk names.
#[derive(Serialize)]
struct StoredIndex<'a> {
    schema_version: u32,
    chunks: &'a ChunkNames,
    deleted: &'a [Tombstone],
    custom_routines: &'a [Routine],
    settings: &'a Settings,
    #[serde(skip_serializing_if = "Option::is_none")]
    pending_rating: &'a Option<PendingRating>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    routine_revisions: &'a BTreeMap<String, i64>,
    settings_updated_ms: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    trial: &'a Option<Trial>,
    #[serde(skip_serializing_if = "is_never")]
    trial_discarded_ms: i64,
    #[serde(flatten)]
    unknown_fields: &'a Map<String, Value>,
}

/// True for 0 (a trial never discarded is not written).
fn is_never(value: &i64) -> bool {
    *value == 0
}

/// The chunks of each record kind, oldest first.
#[derive(Debug, Default, Serialize)]
struct ChunkNames {
    entries: Vec<String>,
    sessions: Vec<String>,
}

impl Document {
    /// The document as index and chunks, re-encoding only chunks whose records changed since
    /// the last call with the same `cache`.
    pub fn to_layout(&self, cache: &mut ChunkCache) -> Layout {
        let mut chunks = BTreeMap::new();
        let names = ChunkNames {
            entries: encode_kind(
                "entries",
                self.log.entries(),
                |entry| entry.at.utc_ms,
                &mut cache.entries,
                &mut chunks,
            ),
            sessions: encode_kind(
                "sessions",
                self.log.sessions(),
                |session| session.started.utc_ms,
                &mut cache.sessions,
                &mut chunks,
            ),
        };
        let index = StoredIndex {
            schema_version: LAYOUT_VERSION,
            chunks: &names,
            deleted: self.log.tombstones(),
            custom_routines: &self.custom_routines,
            settings: &self.settings,
            pending_rating: &self.pending_rating,
            routine_revisions: &self.routine_revisions,
            settings_updated_ms: self.settings_updated_ms,
            trial: &self.trial,
            trial_discarded_ms: self.trial_discarded_ms,
            unknown_fields: &self.unknown_fields,
        };
        Layout {
            index: serde_json::to_string(&index).expect("an index always serialises"),
            chunks,
        }
    }
}

/// The writes that replace a stored layout whose index names `stored_chunks` by `next`:
/// chunks the store lacks, then the index, then chunks only the old index named.
pub fn write_steps(stored_chunks: &BTreeSet<String>, next: &Layout) -> Vec<WriteStep> {
    let puts = next
        .chunks
        .iter()
        .filter(|(name, _)| !stored_chunks.contains(*name))
        .map(|(name, text)| WriteStep::PutChunk {
            name: name.clone(),
            text: text.clone(),
        });
    let removals = stored_chunks
        .iter()
        .filter(|name| !next.chunks.contains_key(*name))
        .map(|name| WriteStep::RemoveChunk(name.clone()));
    puts.chain([WriteStep::PutIndex(next.index.clone())])
        .chain(removals)
        .collect()
}

/// What an index's text turned out to be once its chunks were read.
#[derive(Debug, Clone, PartialEq)]
pub enum Assembly {
    /// Not an index of this layout (an earlier document, a newer one, or unreadable text; an
    /// index always names its chunks, even none): read the text itself.
    Plain,
    /// The whole document, in the document format, and the chunks the index points to.
    Assembled {
        /// The document as one JSON value (as [`Document::to_json`] would write it).
        document: Value,
        /// The text of every chunk the index names, by name.
        chunks: BTreeMap<String, String>,
        /// The ids of every chunk's records, in order, by chunk name.
        ids: ChunkIds,
    },
    /// The index names a chunk that is missing or unreadable.
    Broken {
        /// Which chunk, and what is wrong with it.
        reason: String,
        /// The index and every chunk it names that exists, as one JSON text to keep.
        copy: String,
    },
}

/// The ids of the records each chunk read holds, in order, by chunk name.
pub type ChunkIds = BTreeMap<String, Vec<String>>;

/// Reads an index's chunks (through `chunk`, by name) back into one document value.
pub fn assemble(index: &str, chunk: &dyn Fn(&str) -> Option<String>) -> Assembly {
    let Ok(Value::Object(mut object)) = serde_json::from_str::<Value>(index) else {
        return Assembly::Plain;
    };
    let is_index = object.get("schema_version").and_then(Value::as_u64)
        == Some(u64::from(LAYOUT_VERSION))
        && object.get("chunks").is_some_and(Value::is_object);
    if !is_index {
        return Assembly::Plain;
    }
    let names = object.remove("chunks").unwrap_or(Value::Null);
    let mut texts = BTreeMap::new();
    let mut ids = ChunkIds::new();
    let mut problems = Vec::new();
    for kind in ["entries", "sessions"] {
        let listed: Vec<String> = names
            .get(kind)
            .and_then(|list| serde_json::from_value(list.clone()).ok())
            .unwrap_or_default();
        let mut records = match object.remove(kind) {
            Some(Value::Array(inline)) => inline,
            _ => Vec::new(),
        };
        for name in listed {
            match chunk(&name).map(|text| (decode_chunk(&text), text)) {
                Some((Ok(decoded), text)) => {
                    ids.insert(name.clone(), decoded.iter().map(record_id).collect());
                    records.extend(decoded);
                    texts.insert(name.clone(), text);
                }
                Some((Err(reason), text)) => {
                    problems.push(format!(
                        "part {name} of the log could not be read ({reason})"
                    ));
                    texts.insert(name.clone(), text);
                }
                None => problems.push(format!("part {name} of the log is missing")),
            }
        }
        object.insert(kind.to_string(), Value::Array(records));
    }
    if !problems.is_empty() {
        return Assembly::Broken {
            reason: problems.join("; "),
            copy: super::open::kept_copy(index, &texts),
        };
    }
    object.insert("schema_version".into(), SCHEMA_VERSION.into());
    Assembly::Assembled {
        document: Value::Object(object),
        chunks: texts,
        ids,
    }
}

/// A record's id as read (empty when it has none).
fn record_id(record: &Value) -> String {
    record
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

impl ChunkCache {
    /// The cache for a document read completely from `chunks` (whose records' ids are
    /// `ids`), so the first save after start-up encodes only what changed. A stretch of time
    /// is taken in only when its chunk held exactly the document's records of that stretch,
    /// in order, and each kind's chunks together held exactly its records: the chunk's text
    /// then reads back as those records and may be kept as it is.
    pub fn read_from(
        document: &Document,
        chunks: &BTreeMap<String, String>,
        ids: &ChunkIds,
    ) -> ChunkCache {
        ChunkCache {
            entries: cached_from(
                "entries",
                document.log.entries(),
                |entry| (entry.at.utc_ms, &entry.id),
                chunks,
                ids,
            ),
            sessions: cached_from(
                "sessions",
                document.log.sessions(),
                |session| (session.started.utc_ms, &session.id),
                chunks,
                ids,
            ),
        }
    }
}

/// The stretch of time a chunk's name gives (`entries-<span>-<hash>`), for chunks of `kind`.
fn span_of(kind: &str, name: &str) -> Option<i64> {
    let (span, _hash) = name
        .strip_prefix(kind)?
        .strip_prefix('-')?
        .rsplit_once('-')?;
    span.parse().ok()
}

/// The cached chunks of one kind of record, for [`ChunkCache::read_from`].
fn cached_from<T: Clone>(
    kind: &str,
    records: &[T],
    time_and_id: fn(&T) -> (i64, &String),
    chunks: &BTreeMap<String, String>,
    ids: &ChunkIds,
) -> BTreeMap<i64, Cached<T>> {
    let of_kind = || {
        ids.iter()
            .filter_map(|(name, ids)| Some((span_of(kind, name)?, name, ids)))
    };
    let read_count: usize = of_kind().map(|(.., ids)| ids.len()).sum();
    let mut cache = BTreeMap::new();
    // A record read twice (or one read inline from the index) makes the counts differ.
    if read_count != records.len() {
        return cache;
    }
    let mut start = 0;
    while start < records.len() {
        let span = time_and_id(&records[start]).0.div_euclid(CHUNK_SPAN_MS);
        let length = records[start..]
            .iter()
            .take_while(|record| time_and_id(record).0.div_euclid(CHUNK_SPAN_MS) == span)
            .count();
        let slice = &records[start..start + length];
        start += length;
        let Some((_, name, read_ids)) = of_kind().find(|(read_span, ..)| *read_span == span) else {
            continue;
        };
        let same_records = read_ids.len() == slice.len()
            && read_ids
                .iter()
                .zip(slice)
                .all(|(id, record)| id == time_and_id(record).1);
        if let (true, Some(text)) = (same_records, chunks.get(name)) {
            cache.insert(
                span,
                Cached {
                    records: slice.to_vec(),
                    name: name.clone(),
                    text: text.clone(),
                },
            );
        }
    }
    cache
}

/// Encodes one kind of record (sorted by time) chunk by chunk, reusing cached chunks whose
/// records are unchanged, and returns the chunk names in order.
fn encode_kind<T: Serialize + Clone + PartialEq>(
    kind: &str,
    records: &[T],
    time_of: fn(&T) -> i64,
    cache: &mut BTreeMap<i64, Cached<T>>,
    chunks: &mut BTreeMap<String, String>,
) -> Vec<String> {
    let mut names = Vec::new();
    let mut spans = BTreeSet::new();
    let mut start = 0;
    while start < records.len() {
        let span = time_of(&records[start]).div_euclid(CHUNK_SPAN_MS);
        let length = records[start..]
            .iter()
            .take_while(|record| time_of(record).div_euclid(CHUNK_SPAN_MS) == span)
            .count();
        let slice = &records[start..start + length];
        start += length;
        spans.insert(span);
        let changed = cache
            .get(&span)
            .is_none_or(|cached| cached.records.as_slice() != slice);
        if changed {
            let text = encode_chunk(slice);
            let name = content_id(&format!("{kind}-{span}"), &text);
            let records = slice.to_vec();
            cache.insert(
                span,
                Cached {
                    records,
                    name,
                    text,
                },
            );
        }
        let cached = &cache[&span];
        names.push(cached.name.clone());
        chunks.insert(cached.name.clone(), cached.text.clone());
    }
    cache.retain(|span, _| spans.contains(span));
    names
}
