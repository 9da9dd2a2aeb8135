//! How the document is kept in storage so that a save rewrites only what changed: a small
//! index (everything but the entries and sessions, with the names of its chunks) and the
//! records in chunks of thirty days each, under names made from their content.
//!
//! Writing is crash-safe by its order ([`write_steps`]): new chunks first (under new names, so
//! nothing the stored index points to changes), then the index in one write, then the chunks
//! only the old index pointed to. Cut anywhere, storage holds the old document or the new one,
//! never less. A chunk's text is written by [`super::chunk_codec`]; the stored layout is read
//! back by [`super::assembly`].

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::{Map, Value};

use super::chunk_codec::encode_chunk;
use super::record_columns::CellRecord;
use super::{Document, PendingRating};
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
    pub(super) entries: BTreeMap<i64, Cached<Entry>>,
    pub(super) sessions: BTreeMap<i64, Cached<SessionRecord>>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cached<T> {
    pub(super) records: Vec<T>,
    pub(super) name: String,
    pub(super) text: String,
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

/// Records sorted by time, cut into the stretches of time their chunks hold, each with its
/// stretch's number.
pub(super) fn by_span<T>(
    records: &[T],
    time_of: fn(&T) -> i64,
) -> impl Iterator<Item = (i64, &[T])> {
    let span = move |record: &T| time_of(record).div_euclid(CHUNK_SPAN_MS);
    records
        .chunk_by(move |a, b| span(a) == span(b))
        .map(move |slice| (span(&slice[0]), slice))
}

/// Encodes one kind of record (sorted by time) chunk by chunk, reusing cached chunks whose
/// records are unchanged, and returns the chunk names in order.
fn encode_kind<T: Serialize + CellRecord + PartialEq>(
    kind: &str,
    records: &[T],
    time_of: fn(&T) -> i64,
    cache: &mut BTreeMap<i64, Cached<T>>,
    chunks: &mut BTreeMap<String, String>,
) -> Vec<String> {
    let mut names = Vec::new();
    let mut spans = BTreeSet::new();
    for (span, slice) in by_span(records, time_of) {
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
