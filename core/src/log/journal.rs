//! [`Log`]: entries and session records kept in time order, plus tombstones so that a deletion
//! made in one tab is not brought back by merging with another tab's older copy.
//!
//! The merge rule, per id: the record with the highest `updated_ms` wins (ties go to the
//! greater record by its derived order, so the choice never depends on argument order); a
//! tombstone hides every version of that id written at or before its `at_ms`. Both rules
//! take maxima, so [`Log::merge`] is commutative, associative and idempotent.

use std::collections::btree_map::{BTreeMap, Entry as Slot};

use serde::{Deserialize, Serialize};

use super::{Entry, SessionRecord, Timestamp, ValidationError};

/// Everything logged: symptom entries and session records (each sorted by time, then id),
/// and tombstones of deleted ids (sorted by id). Serialises as
/// `{"entries": [...], "sessions": [...], "deleted": [...]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Log {
    entries: Vec<Entry>,
    sessions: Vec<SessionRecord>,
    deleted: Vec<Tombstone>,
}

/// A record that was deleted: its id and when (UTC ms).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Tombstone {
    /// The deleted record's id.
    pub id: String,
    /// When it was deleted; hides versions of the record written at or before this.
    pub at_ms: i64,
}

/// Why a change to the log was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogError {
    /// The record breaks a rule.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// Adding a record whose id is already in the log.
    #[error("there is already a record with id {0}")]
    DuplicateId(String),
    /// Updating a record that is not in the log.
    #[error("there is no record with id {0}")]
    UnknownId(String),
}

/// What entries and session records share for ordering and merging.
trait Record: Ord + Clone {
    /// The record's id.
    fn id(&self) -> &str;
    /// When it was last written (UTC ms).
    fn revision(&self) -> i64;
    /// Stamps a new write time.
    fn set_revision(&mut self, updated_ms: i64);
    /// The moment it is sorted by.
    fn when(&self) -> Timestamp;
}

impl Record for Entry {
    fn id(&self) -> &str {
        &self.id
    }
    fn revision(&self) -> i64 {
        self.updated_ms
    }
    fn set_revision(&mut self, updated_ms: i64) {
        self.updated_ms = updated_ms;
    }
    fn when(&self) -> Timestamp {
        self.at
    }
}

impl Record for SessionRecord {
    fn id(&self) -> &str {
        &self.id
    }
    fn revision(&self) -> i64 {
        self.updated_ms
    }
    fn set_revision(&mut self, updated_ms: i64) {
        self.updated_ms = updated_ms;
    }
    fn when(&self) -> Timestamp {
        self.started
    }
}

impl Log {
    /// Builds a log from records in any order, resolving repeated ids and tombstones by the
    /// merge rule. Records are taken as they are (validate them first).
    pub fn from_parts(
        entries: Vec<Entry>,
        sessions: Vec<SessionRecord>,
        deleted: Vec<Tombstone>,
    ) -> Self {
        let mut latest: BTreeMap<String, i64> = BTreeMap::new();
        for tombstone in deleted {
            let at_ms = latest.entry(tombstone.id).or_insert(tombstone.at_ms);
            *at_ms = (*at_ms).max(tombstone.at_ms);
        }
        Self {
            entries: settle(entries, &latest),
            sessions: settle(sessions, &latest),
            deleted: latest
                .into_iter()
                .map(|(id, at_ms)| Tombstone { id, at_ms })
                .collect(),
        }
    }

    /// The entries, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The session records, oldest first.
    pub fn sessions(&self) -> &[SessionRecord] {
        &self.sessions
    }

    /// The tombstones of deleted records, by id.
    pub fn tombstones(&self) -> &[Tombstone] {
        &self.deleted
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.id == id)
    }

    /// The session record with this id.
    pub fn session(&self, id: &str) -> Option<&SessionRecord> {
        self.sessions.iter().find(|session| session.id == id)
    }

    /// True when a record with this id was deleted and not brought back.
    pub fn is_deleted(&self, id: &str) -> bool {
        self.tombstone_ms(id).is_some() && self.entry(id).is_none() && self.session(id).is_none()
    }

    /// Adds a new entry (areas sorted), stamping it written at `now_ms`. Adding an entry that
    /// was deleted brings it back: that is how "undo delete" works.
    pub fn add_entry(&mut self, entry: Entry, now_ms: i64) -> Result<(), LogError> {
        let entry = entry.normalized();
        entry.validate()?;
        let tombstone = self.tombstone_ms(&entry.id);
        add_record(&mut self.entries, entry, tombstone, now_ms)
    }

    /// Replaces the entry with the same id, returning the previous version (for undo).
    pub fn update_entry(&mut self, entry: Entry, now_ms: i64) -> Result<Entry, LogError> {
        let entry = entry.normalized();
        entry.validate()?;
        let index = position(&self.entries, &entry.id)
            .ok_or_else(|| LogError::UnknownId(entry.id.clone()))?;
        let previous = self.entries.remove(index);
        let revision = now_ms.max(previous.updated_ms + 1);
        insert_sorted(&mut self.entries, entry, revision);
        Ok(previous)
    }

    /// Deletes an entry, leaving a tombstone; returns it so the UI can offer "undo"
    /// (pass it back to [`Log::add_entry`]).
    pub fn delete_entry(&mut self, id: &str, now_ms: i64) -> Option<Entry> {
        delete_record(&mut self.entries, &mut self.deleted, id, now_ms)
    }

    /// Adds a session record, stamping it written at `now_ms`.
    pub fn add_session(&mut self, record: SessionRecord, now_ms: i64) -> Result<(), LogError> {
        record.validate()?;
        let tombstone = self.tombstone_ms(&record.id);
        add_record(&mut self.sessions, record, tombstone, now_ms)
    }

    /// Deletes a session record, leaving a tombstone; returns it for "undo".
    pub fn delete_session(&mut self, id: &str, now_ms: i64) -> Option<SessionRecord> {
        delete_record(&mut self.sessions, &mut self.deleted, id, now_ms)
    }

    /// Records that the record with this id (of any kind, e.g. a custom routine kept
    /// elsewhere) was deleted at `at_ms`, so merges with older copies keep it deleted.
    pub fn record_deletion(&mut self, id: &str, at_ms: i64) {
        add_tombstone(&mut self.deleted, id, at_ms);
    }

    /// Combines two copies of the log (e.g. this tab's and another tab's): the union of
    /// records by id, newest version winning, deletions respected.
    pub fn merge(&self, other: &Log) -> Log {
        Log::from_parts(
            [self.entries.as_slice(), &other.entries].concat(),
            [self.sessions.as_slice(), &other.sessions].concat(),
            [self.deleted.as_slice(), &other.deleted].concat(),
        )
    }

    /// When the record with this id was deleted, if it was.
    fn tombstone_ms(&self, id: &str) -> Option<i64> {
        self.deleted
            .binary_search_by(|tombstone| tombstone.id.as_str().cmp(id))
            .ok()
            .map(|index| self.deleted[index].at_ms)
    }
}

/// One record per id (the merge winner), without those hidden by a tombstone, in time order.
fn settle<T: Record>(records: Vec<T>, tombstones: &BTreeMap<String, i64>) -> Vec<T> {
    if already_settled(&records, tombstones) {
        return records;
    }
    let mut winners: BTreeMap<String, T> = BTreeMap::new();
    for record in records {
        match winners.entry(record.id().to_string()) {
            Slot::Vacant(slot) => {
                slot.insert(record);
            }
            Slot::Occupied(mut slot) => {
                let held = slot.get();
                if (record.revision(), &record) > (held.revision(), held) {
                    slot.insert(record);
                }
            }
        }
    }
    let mut visible: Vec<T> = winners
        .into_values()
        .filter(|record| {
            tombstones
                .get(record.id())
                .is_none_or(|deleted_ms| record.revision() > *deleted_ms)
        })
        .collect();
    visible.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
    visible
}

/// True when settling `records` would change nothing: they are in time order, no two share
/// an id, and no tombstone hides one (the usual case when storage is read back).
fn already_settled<T: Record>(records: &[T], tombstones: &BTreeMap<String, i64>) -> bool {
    let in_order = records
        .windows(2)
        .all(|pair| order_key(&pair[0]) < order_key(&pair[1]));
    let all_visible = || {
        records.iter().all(|record| {
            tombstones
                .get(record.id())
                .is_none_or(|deleted_ms| record.revision() > *deleted_ms)
        })
    };
    // Distinct hashes mean distinct ids; should two meet, the records are settled the long way.
    let distinct_ids = || {
        let mut hashes: Vec<i64> = records.iter().map(|record| id_hash(record.id())).collect();
        hashes.sort_unstable();
        hashes.windows(2).all(|pair| pair[0] != pair[1])
    };
    in_order && all_visible() && distinct_ids()
}

/// A 64-bit FNV-1a hash of an id (as an `i64`, to sort it with the sorts the app has).
fn id_hash(id: &str) -> i64 {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    i64::from_ne_bytes(hash.to_ne_bytes())
}

/// Sort key: time, then id (ids are unique, so the order is total).
fn order_key<T: Record>(record: &T) -> (i64, &str) {
    (record.when().utc_ms, record.id())
}

/// Index of the record with this id.
fn position<T: Record>(records: &[T], id: &str) -> Option<usize> {
    records.iter().position(|record| record.id() == id)
}

/// Inserts a record in time order with the given write time.
fn insert_sorted<T: Record>(records: &mut Vec<T>, mut record: T, revision: i64) {
    record.set_revision(revision);
    let index = records.partition_point(|held| order_key(held) < order_key(&record));
    records.insert(index, record);
}

/// Adds a record with a new id; a record written after its tombstone is visible again.
fn add_record<T: Record>(
    records: &mut Vec<T>,
    record: T,
    tombstone_ms: Option<i64>,
    now_ms: i64,
) -> Result<(), LogError> {
    if position(records, record.id()).is_some() {
        return Err(LogError::DuplicateId(record.id().to_string()));
    }
    let revision = tombstone_ms.map_or(now_ms, |deleted_ms| now_ms.max(deleted_ms + 1));
    insert_sorted(records, record, revision);
    Ok(())
}

/// Removes a record and records (or moves forward) its tombstone.
fn delete_record<T: Record>(
    records: &mut Vec<T>,
    tombstones: &mut Vec<Tombstone>,
    id: &str,
    now_ms: i64,
) -> Option<T> {
    let removed = records.remove(position(records, id)?);
    add_tombstone(tombstones, id, now_ms.max(removed.revision()));
    Some(removed)
}

/// Adds a tombstone, or moves an existing one forward to `at_ms`.
fn add_tombstone(tombstones: &mut Vec<Tombstone>, id: &str, at_ms: i64) {
    match tombstones.binary_search_by(|tombstone| tombstone.id.as_str().cmp(id)) {
        Ok(index) => tombstones[index].at_ms = tombstones[index].at_ms.max(at_ms),
        Err(index) => tombstones.insert(
            index,
            Tombstone {
                id: id.to_string(),
                at_ms,
            },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, minute: i64, pain: u8) -> Entry {
        Entry::new(
            id,
            Timestamp::new(1_764_000_000_000 + minute * 60_000, 60),
            pain,
        )
    }

    #[test]
    fn entries_stay_in_time_order() {
        let mut log = Log::default();
        log.add_entry(entry("b", 10, 4), 1).unwrap();
        log.add_entry(entry("a", 5, 6), 2).unwrap();
        let ids: Vec<_> = log.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert!(matches!(
            log.add_entry(entry("a", 1, 1), 3),
            Err(LogError::DuplicateId(_))
        ));
        assert!(matches!(
            log.add_entry(entry("c", 1, 11), 3),
            Err(LogError::Invalid(_))
        ));
    }

    #[test]
    fn update_returns_the_previous_version() {
        let mut log = Log::default();
        log.add_entry(entry("a", 5, 6), 100).unwrap();
        let previous = log.update_entry(entry("a", 50, 2), 100).unwrap();
        assert_eq!(previous.pain, 6);
        assert_eq!(log.entry("a").unwrap().pain, 2);
        assert_eq!(log.entry("a").unwrap().updated_ms, 101);
        assert!(log.update_entry(entry("zz", 5, 1), 200).is_err());
    }

    #[test]
    fn delete_then_undo_survives_a_merge_with_the_old_copy() {
        let mut log = Log::default();
        log.add_entry(entry("a", 5, 6), 100).unwrap();
        let other_tab = log.clone();
        let removed = log.delete_entry("a", 200).unwrap();
        assert!(log.is_deleted("a"));
        assert!(log.merge(&other_tab).entry("a").is_none());
        log.add_entry(removed, 200).unwrap();
        assert!(!log.is_deleted("a"));
        assert_eq!(log.merge(&other_tab).entry("a").unwrap().updated_ms, 201);
    }
}
