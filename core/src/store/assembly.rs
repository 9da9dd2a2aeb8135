//! Reading a stored index and its chunks back into one document: straight into typed records
//! when every chunk reads the fast way and every record is sound (the usual case), or else
//! into one JSON value for the lenient restore to read record by record, reporting what it
//! cannot read. The chunks read the fast way also seed the save cache, so the first save
//! after start-up encodes only what changed.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::chunk_codec::decode_chunk;
use super::chunk_rows::read_rows;
use super::layout::{by_span, Cached, ChunkCache, LAYOUT_VERSION};
use super::lenient::{sound_entry, sound_session};
use super::record_columns::CellRecord;
use super::{Document, SCHEMA_VERSION};
use crate::log::{Entry, SessionRecord};

/// What an index's text turned out to be once its chunks were read.
#[derive(Debug, Clone, PartialEq)]
pub enum Assembly {
    /// Not an index of this layout (an earlier document, a newer one, or unreadable text; an
    /// index always names its chunks, even none): read the text itself.
    Plain,
    /// Every chunk read straight into records, each one as the lenient restore would keep it
    /// unchanged (the usual case, and the fast one).
    Records {
        /// The index without its chunk names: everything but the records.
        index: Map<String, Value>,
        /// The records of every chunk.
        records: ChunkRecords,
        /// The text of every chunk the index names, by name.
        chunks: BTreeMap<String, String>,
    },
    /// The whole document, in the document format, and the chunks the index points to.
    Assembled {
        /// The document as one JSON value (as [`Document::to_json`] would write it).
        document: Value,
        /// The text of every chunk the index names, by name.
        chunks: BTreeMap<String, String>,
    },
    /// The index names a chunk that is missing or unreadable.
    Broken {
        /// Which chunk, and what is wrong with it.
        reason: String,
        /// The index and every chunk it names that exists, as one JSON text to keep.
        copy: String,
    },
}

/// The records of each chunk, read the fast way, in the order the index names the chunks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChunkRecords {
    entries: Vec<ReadChunk<Entry>>,
    sessions: Vec<ReadChunk<SessionRecord>>,
}

/// One chunk's name and the records it held.
#[derive(Debug, Clone, PartialEq)]
struct ReadChunk<T> {
    name: String,
    records: Vec<T>,
}

impl ChunkRecords {
    /// Every chunk's entries, one after the other.
    pub fn entries(&self) -> Vec<Entry> {
        all_records(&self.entries)
    }

    /// Every chunk's session records, one after the other.
    pub fn sessions(&self) -> Vec<SessionRecord> {
        all_records(&self.sessions)
    }
}

/// The records of `chunks`, one chunk after the other.
fn all_records<T: Clone>(chunks: &[ReadChunk<T>]) -> Vec<T> {
    chunks
        .iter()
        .flat_map(|chunk| chunk.records.iter().cloned())
        .collect()
}

/// The two kinds of record kept in chunks, by their field names in the document.
const RECORD_KINDS: [&str; 2] = ["entries", "sessions"];

/// Reads an index's chunks (through `chunk`, by name) back into records.
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
    let listed = RECORD_KINDS.map(|kind| -> Vec<String> {
        names
            .get(kind)
            .and_then(|list| serde_json::from_value(list.clone()).ok())
            .unwrap_or_default()
    });
    let mut texts = BTreeMap::new();
    for name in listed.iter().flatten() {
        if let Some(text) = chunk(name) {
            texts.insert(name.clone(), text);
        }
    }
    let inline = RECORD_KINDS.iter().any(|kind| object.contains_key(*kind));
    if !inline {
        if let Some(records) = read_sound_records(&listed, &texts) {
            return Assembly::Records {
                index: object,
                records,
                chunks: texts,
            };
        }
    }
    assemble_values(index, object, &listed, texts)
}

/// Every chunk's records read straight into typed records; `None` when a chunk is missing,
/// cannot be read this way, or holds a record the lenient restore would repair or leave out.
fn read_sound_records(
    listed: &[Vec<String>; 2],
    texts: &BTreeMap<String, String>,
) -> Option<ChunkRecords> {
    Some(ChunkRecords {
        entries: read_kind(&listed[0], texts, sound_entry)?,
        sessions: read_kind(&listed[1], texts, sound_session)?,
    })
}

/// One kind's records, chunk by chunk, for [`read_sound_records`].
fn read_kind<T: CellRecord>(
    names: &[String],
    texts: &BTreeMap<String, String>,
    sound: fn(T) -> Option<T>,
) -> Option<Vec<ReadChunk<T>>> {
    names
        .iter()
        .map(|name| {
            let records = read_rows::<T>(texts.get(name)?)?
                .into_iter()
                .map(sound)
                .collect::<Option<_>>()?;
            Some(ReadChunk {
                name: name.clone(),
                records,
            })
        })
        .collect()
}

/// The chunks' records as one document value (or what is missing or unreadable), for the
/// lenient restore.
fn assemble_values(
    index: &str,
    mut object: Map<String, Value>,
    listed: &[Vec<String>; 2],
    texts: BTreeMap<String, String>,
) -> Assembly {
    let mut problems = Vec::new();
    for (kind, names) in RECORD_KINDS.iter().zip(listed) {
        let mut records = match object.remove(*kind) {
            Some(Value::Array(inline)) => inline,
            _ => Vec::new(),
        };
        for name in names {
            match texts.get(name).map(|text| decode_chunk(text)) {
                Some(Ok(decoded)) => records.extend(decoded),
                Some(Err(reason)) => problems.push(format!(
                    "part {name} of the log could not be read ({reason})"
                )),
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
    }
}

impl ChunkCache {
    /// The cache for a document read completely from chunks that held `records` (with texts
    /// `chunks`), so the first save after start-up encodes only what changed. A stretch of
    /// time is taken in only when its chunk held exactly the document's records of that
    /// stretch, in order, and each kind's chunks together held exactly its records: the
    /// chunk's text then reads back as those records and may be kept as it is.
    pub fn read_from(
        document: &Document,
        records: ChunkRecords,
        chunks: &BTreeMap<String, String>,
    ) -> ChunkCache {
        ChunkCache {
            entries: cached_from(
                "entries",
                document.log.entries(),
                |entry| entry.at.utc_ms,
                records.entries,
                chunks,
            ),
            sessions: cached_from(
                "sessions",
                document.log.sessions(),
                |session| session.started.utc_ms,
                records.sessions,
                chunks,
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
fn cached_from<T: PartialEq>(
    kind: &str,
    records: &[T],
    time_of: fn(&T) -> i64,
    read: Vec<ReadChunk<T>>,
    chunks: &BTreeMap<String, String>,
) -> BTreeMap<i64, Cached<T>> {
    let mut cache = BTreeMap::new();
    // A record read twice makes the counts differ.
    let read_count: usize = read.iter().map(|chunk| chunk.records.len()).sum();
    if read_count != records.len() {
        return cache;
    }
    let mut read_by_span = BTreeMap::new();
    for chunk in read {
        if let Some(span) = span_of(kind, &chunk.name) {
            read_by_span.entry(span).or_insert(chunk);
        }
    }
    for (span, slice) in by_span(records, time_of) {
        let Some(chunk) = read_by_span.remove(&span) else {
            continue;
        };
        if let (true, Some(text)) = (chunk.records == slice, chunks.get(&chunk.name)) {
            cache.insert(
                span,
                Cached {
                    records: chunk.records,
                    name: chunk.name,
                    text: text.clone(),
                },
            );
        }
    }
    cache
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::{assemble, Assembly};
    use crate::log::{Entry, EntryContext, HeldRecord, SessionRecord, Timestamp};
    use crate::store::layout::write_steps;
    use crate::store::{ChunkCache, Document, WriteStep};

    /// A year of check-ins (some after a session) and sessions, stored completely.
    fn stored() -> (Document, BTreeMap<String, String>, String) {
        let mut document = Document::default();
        for n in 0..400_i64 {
            let at = Timestamp::new(1_700_000_000_000 + n * 86_400_000, 60);
            let mut entry = Entry::new(format!("e{n}"), at, (n % 11) as u8);
            if n % 3 == 0 {
                entry.context = EntryContext::AfterSession {
                    session_id: format!("s{n}"),
                };
            }
            document.log_pain(entry, at.utc_ms).unwrap();
            let session = SessionRecord {
                id: format!("s{n}"),
                routine_id: "strap-hamstring".into(),
                routine_name: "Strap".into(),
                variant_id: None,
                started: at,
                ended: Timestamp::new(at.utc_ms + 480_000, 60),
                completed: n % 4 != 0,
                held: vec![HeldRecord {
                    step_index: 1,
                    step_name: "Right leg".into(),
                    side: None,
                    seconds: 180,
                }],
                updated_ms: 0,
            };
            document.record_session(session, at.utc_ms).unwrap();
        }
        let mut store = BTreeMap::new();
        let mut index = String::new();
        let layout = document.to_layout(&mut ChunkCache::default());
        for step in write_steps(&Default::default(), &layout) {
            match step {
                WriteStep::PutChunk { name, text } => {
                    store.insert(name, text);
                }
                WriteStep::PutIndex(text) => index = text,
                WriteStep::RemoveChunk(_) => {}
            }
        }
        (document, store, index)
    }

    #[test]
    fn a_log_the_app_wrote_is_read_the_fast_way() {
        let (document, store, index) = stored();
        let Assembly::Records { records, .. } = assemble(&index, &|name| store.get(name).cloned())
        else {
            panic!("read the slow way");
        };
        assert_eq!(records.entries(), document.log.entries());
        assert_eq!(records.sessions(), document.log.sessions());
    }
}
