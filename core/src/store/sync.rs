//! Bringing in a document another tab wrote: nothing either tab added is lost, and nothing
//! either tab deleted comes back.
//!
//! The rule, record by record: the copy written last wins (ties go to the greater copy by its
//! JSON text, so the choice never depends on which tab merges), and a tombstone hides every
//! copy written at or before it. Every choice is a maximum, so [`Document::merged_with`] is
//! commutative, associative and idempotent (see `core/tests/document_merge.rs`).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::Document;
use crate::routine::Routine;
use crate::trial::Trial;

impl Document {
    /// This document with `theirs` (written by another tab, or an import) merged in: the logs
    /// merge by id ([`crate::log::Log::merge`]); custom routines by id with their revisions,
    /// a deleted routine staying deleted; settings and the rating reminder by revision;
    /// unknown fields kept from both.
    pub fn merged_with(&self, theirs: &Document) -> Document {
        let mut routines: BTreeMap<&str, (i64, String, &Routine)> = BTreeMap::new();
        for document in [self, theirs] {
            for routine in &document.custom_routines {
                let candidate = (
                    document.routine_revision(&routine.id),
                    serde_json::to_string(routine).unwrap_or_default(),
                    routine,
                );
                let held = routines
                    .entry(routine.id.as_str())
                    .or_insert(candidate.clone());
                if (candidate.0, &candidate.1) > (held.0, &held.1) {
                    *held = candidate;
                }
            }
        }
        let routine_revisions = routines
            .iter()
            .map(|(id, (revision, ..))| (id.to_string(), *revision))
            .collect();
        let custom_routines = routines
            .into_values()
            .map(|(.., routine)| routine.clone())
            .collect();
        let newer_settings = if (theirs.settings_updated_ms, settings_text(theirs))
            > (self.settings_updated_ms, settings_text(self))
        {
            theirs
        } else {
            self
        };
        Document {
            log: self.log.merge(&theirs.log),
            custom_routines,
            settings: newer_settings.settings.clone(),
            settings_updated_ms: newer_settings.settings_updated_ms,
            pending_rating: self
                .pending_rating
                .clone()
                .max(theirs.pending_rating.clone()),
            unknown_fields: merged_fields(&self.unknown_fields, &theirs.unknown_fields),
            routine_revisions,
            trial: merged_trial(self.trial.as_ref(), theirs.trial.as_ref()),
            trial_discarded_ms: self.trial_discarded_ms.max(theirs.trial_discarded_ms),
        }
        .settled()
    }

    /// The same document in its canonical form: custom routines in id order, each with a
    /// revision, and none that a tombstone hides; no trial planned before the last discard.
    pub fn settled(mut self) -> Document {
        if (self.trial.as_ref()).is_some_and(|trial| trial.planned_ms < self.trial_discarded_ms) {
            self.trial = None;
        }
        let tombstones = self.log.tombstones();
        let revisions = &self.routine_revisions;
        self.custom_routines.retain(|routine| {
            let revision = revisions.get(&routine.id).copied().unwrap_or(0);
            match tombstones.binary_search_by(|tombstone| tombstone.id.as_str().cmp(&routine.id)) {
                Ok(index) => revision > tombstones[index].at_ms,
                Err(_) => true,
            }
        });
        self.custom_routines.sort_by(|a, b| a.id.cmp(&b.id));
        self.custom_routines.dedup_by(|a, b| a.id == b.id);
        self.routine_revisions = self
            .custom_routines
            .iter()
            .map(|routine| (routine.id.clone(), self.routine_revision(&routine.id)))
            .collect();
        self
    }

    /// When this document's copy of a custom routine was last saved (0: before revisions).
    pub fn routine_revision(&self, id: &str) -> i64 {
        self.routine_revisions.get(id).copied().unwrap_or(0)
    }
}

/// The settings as text, to break a tie between two copies with the same revision.
fn settings_text(document: &Document) -> String {
    serde_json::to_string(&document.settings).unwrap_or_default()
}

/// A value's JSON text, to order two values that have no order of their own.
fn json_text(value: &Value) -> String {
    value.to_string()
}

/// Both tabs' unknown fields; where both have one, the greater by its JSON text.
fn merged_fields(mine: &Map<String, Value>, theirs: &Map<String, Value>) -> Map<String, Value> {
    let mut merged = mine.clone();
    for (key, value) in theirs {
        let keep_mine = merged
            .get(key)
            .is_some_and(|held| json_text(held) >= json_text(value));
        if !keep_mine {
            merged.insert(key.clone(), value.clone());
        }
    }
    merged
}

/// The same trial in both tabs: a stop made in either tab is kept (the earlier stop if
/// both stopped it). Different trials (one planned anew): the one planned last. Both rules
/// are maxima, so the merge stays commutative, associative and idempotent; a trial planned
/// before the latest discard in either tab is then hidden by [`Document::settled`]
/// (the latest discard is a maximum too, so the laws hold).
fn merged_trial(mine: Option<&Trial>, theirs: Option<&Trial>) -> Option<Trial> {
    match (mine, theirs) {
        (Some(mine), Some(theirs)) if mine.id == theirs.id => {
            let stopped_on = match (mine.stopped_on, theirs.stopped_on) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            Some(Trial {
                stopped_on,
                ..mine.clone()
            })
        }
        (Some(mine), Some(theirs)) => Some(
            if (theirs.planned_ms, &theirs.id) > (mine.planned_ms, &mine.id) {
                theirs.clone()
            } else {
                mine.clone()
            },
        ),
        (mine, theirs) => mine.or(theirs).cloned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::library::find_builtin;
    use crate::log::{Entry, Timestamp};
    use crate::store::Document;

    fn entry(id: &str, pain: u8) -> Entry {
        Entry::new(id, Timestamp::new(1_764_000_000_000, 60), pain)
    }

    #[test]
    fn entries_from_both_tabs_survive_in_either_order() {
        let mut mine = Document::default();
        mine.log.add_entry(entry("a", 3), 1).unwrap();
        let mut theirs = Document::default();
        theirs.log.add_entry(entry("b", 5), 2).unwrap();
        theirs.settings.lead_in_seconds = 9;
        let merged = mine.merged_with(&theirs);
        let ids: Vec<&str> = merged
            .log
            .entries()
            .iter()
            .map(|entry| entry.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(merged.settings.lead_in_seconds, 9);
        assert_eq!(theirs.merged_with(&mine).log, merged.log);
        assert_eq!(
            merged.merged_with(&theirs),
            merged,
            "merging again changes nothing"
        );
    }

    #[test]
    fn a_deletion_in_one_tab_is_not_undone_by_the_other() {
        let mut mine = Document::default();
        mine.log.add_entry(entry("a", 3), 1).unwrap();
        let mut theirs = mine.clone();
        theirs.log.delete_entry("a", 5);
        assert!(mine.merged_with(&theirs).log.entries().is_empty());
    }

    #[test]
    fn routines_are_united_by_id() {
        let mut seed = find_builtin("strap-hamstring").unwrap();
        seed.id = "mine".into();
        let mut other = find_builtin("cat-cow").unwrap();
        other.id = "theirs".into();
        let mine = Document {
            custom_routines: vec![seed],
            ..Document::default()
        };
        let theirs = Document {
            custom_routines: vec![other],
            ..Document::default()
        };
        let merged = mine.merged_with(&theirs);
        let ids: Vec<&str> = merged
            .custom_routines
            .iter()
            .map(|routine| routine.id.as_str())
            .collect();
        assert_eq!(ids, ["mine", "theirs"], "in id order, whichever tab merges");
        assert_eq!(theirs.merged_with(&mine), merged);
    }
}
