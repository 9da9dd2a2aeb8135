//! Opening stored text, at start-up or when another tab writes it: one set of rules deciding
//! what the app runs with and whether it may write over the text, so nothing is ever
//! destroyed without a copy and a newer version's data is never rewritten by an older app.
//!
//! The stored text is an index whose records live in chunks ([`super::layout`]), read through
//! a `chunk` function the browser layer gives; earlier versions kept everything in one text.

use std::collections::{BTreeMap, BTreeSet};

use super::assembly::{assemble, Assembly, ChunkRecords};
use super::layout::ChunkCache;
use super::{
    restore, restore_records, restore_value, CorruptDocument, Document, RestoreIssue, Restored,
};

/// What to run with, and what may be done with the stored text.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The document to run with.
    pub document: Document,
    /// Whether the stored text may be written over.
    pub verdict: Verdict,
    /// The chunks the stored index points to (none for earlier versions' single text).
    pub chunk_names: BTreeSet<String>,
    /// The chunks read that hold exactly the document's records, so the next save need not
    /// encode them again (empty unless the text was understood completely).
    pub cache: ChunkCache,
}

/// Whether the stored text may be written over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Understood completely (or nothing stored): save over it freely.
    Understood,
    /// Not understood completely: keep `copy` (the stored text, or the index and its chunks)
    /// byte for byte under a backup key before anything is written, and tell the user `notice`.
    KeepCopyFirst {
        /// What was kept and what was not understood, in sentences.
        notice: String,
        /// The text to keep.
        copy: String,
    },
    /// Written by a newer Limber: never merge it and never write over it; stop saving.
    Newer {
        /// The format version found.
        found: u32,
    },
}

/// Opens the stored index found at start-up (`None`: nothing stored yet), reading the chunks
/// it names through `chunk`.
///
/// A newer version's document is shown (read as far as this version can) but never written
/// over; anything not understood completely must be copied before it is written over.
pub fn open(stored: Option<&str>, chunk: &dyn Fn(&str) -> Option<String>) -> Opened {
    let Some(text) = stored else {
        return understood(Document::default(), BTreeSet::new());
    };
    let read = read(text, chunk);
    match read.restored {
        Err(error) => Opened {
            document: Document::default(),
            verdict: Verdict::KeepCopyFirst {
                notice: format!(
                    "Your saved data could not be read ({}). Limber kept an untouched copy and \
                     started afresh; nothing was overwritten.",
                    error.reason
                ),
                copy: read.copy.text(text),
            },
            chunk_names: BTreeSet::new(),
            cache: ChunkCache::default(),
        },
        Ok(restored) if restored.is_from_newer_version() => Opened {
            verdict: Verdict::Newer {
                found: restored.from_version,
            },
            document: restored.document,
            chunk_names: BTreeSet::new(),
            cache: ChunkCache::default(),
        },
        Ok(restored) => with_losses_kept(restored, text, read.copy),
    }
}

/// What to do when another tab wrote `written` (`None`: it removed the document) while this
/// tab holds `mine`. A newer version is never merged (this tab must stop saving); anything
/// else is merged in, and text not understood completely must be copied before this tab
/// writes over it.
pub fn take_other_tab_write(
    mine: &Document,
    written: Option<&str>,
    chunk: &dyn Fn(&str) -> Option<String>,
) -> Opened {
    let Some(text) = written else {
        return understood(mine.clone(), BTreeSet::new());
    };
    let mut opened = open(Some(text), chunk);
    opened.document = match &opened.verdict {
        Verdict::Newer { .. } => mine.clone(),
        Verdict::KeepCopyFirst { .. } | Verdict::Understood => mine.merged_with(&opened.document),
    };
    opened
}

/// A stored text read as far as it goes, with what to keep if it was not understood.
struct Read {
    restored: Result<Restored, CorruptDocument>,
    copy: ToKeep,
}

/// What the copy of a stored text is made of; made into one text only when it is kept.
enum ToKeep {
    /// The stored text itself.
    Text,
    /// The index and the chunks it names (with their records, when read the fast way).
    Layout {
        chunks: BTreeMap<String, String>,
        records: Option<ChunkRecords>,
    },
    /// A copy made already (an index with chunks missing).
    Made(String),
}

impl ToKeep {
    /// The text to keep, given the stored index text.
    fn text(self, index: &str) -> String {
        match self {
            ToKeep::Text => index.to_string(),
            ToKeep::Layout { chunks, .. } => kept_copy(index, &chunks),
            ToKeep::Made(copy) => copy,
        }
    }
}

fn read(text: &str, chunk: &dyn Fn(&str) -> Option<String>) -> Read {
    match assemble(text, chunk) {
        Assembly::Plain => Read {
            restored: restore(text),
            copy: ToKeep::Text,
        },
        Assembly::Records {
            index,
            records,
            chunks,
        } => Read {
            restored: Ok(restore_records(
                index,
                records.entries(),
                records.sessions(),
            )),
            copy: ToKeep::Layout {
                chunks,
                records: Some(records),
            },
        },
        Assembly::Assembled { document, chunks } => Read {
            restored: restore_value(document),
            copy: ToKeep::Layout {
                chunks,
                records: None,
            },
        },
        Assembly::Broken { reason, copy } => Read {
            restored: Err(CorruptDocument { reason }),
            copy: ToKeep::Made(copy),
        },
    }
}

/// The index and its chunks as one text to keep: `{"index": "…", "chunks": {"name": "…"}}`.
pub(super) fn kept_copy(index: &str, chunks: &BTreeMap<String, String>) -> String {
    serde_json::json!({ "index": index, "chunks": chunks }).to_string()
}

fn understood(document: Document, chunk_names: BTreeSet<String>) -> Opened {
    Opened {
        document,
        verdict: Verdict::Understood,
        chunk_names,
        cache: ChunkCache::default(),
    }
}

/// The restored document, to be written only after a copy when the restore lost or changed
/// anything; read completely, its chunks are kept in the cache as they are.
fn with_losses_kept(restored: Restored, index: &str, copy: ToKeep) -> Opened {
    let chunk_names = match &copy {
        ToKeep::Layout { chunks, .. } => chunks.keys().cloned().collect(),
        ToKeep::Text | ToKeep::Made(_) => BTreeSet::new(),
    };
    if restored.recovered_fully {
        let cache = match copy {
            ToKeep::Layout {
                chunks,
                records: Some(records),
            } => ChunkCache::read_from(&restored.document, records, &chunks),
            ToKeep::Layout { records: None, .. } | ToKeep::Text | ToKeep::Made(_) => {
                ChunkCache::default()
            }
        };
        return Opened {
            cache,
            ..understood(restored.document, chunk_names)
        };
    }
    let losses: Vec<String> = restored
        .issues
        .iter()
        .filter(|issue| issue.is_loss())
        .map(RestoreIssue::to_string)
        .collect();
    Opened {
        document: restored.document,
        verdict: Verdict::KeepCopyFirst {
            notice: format!(
                "Part of your saved data was not understood, so Limber kept an untouched copy \
                 before changing anything. {}",
                losses.join(" ")
            ),
            copy: copy.text(index),
        },
        chunk_names,
        cache: ChunkCache::default(),
    }
}

impl Verdict {
    /// True when the stored text may be written over once any copy asked for is kept.
    pub fn allows_writing(&self) -> bool {
        !matches!(self, Verdict::Newer { .. })
    }
}
