//! Bringing in a document another tab wrote: nothing either tab added is lost.

use super::Document;
use crate::trial::Trial;

impl Document {
    /// This document with `theirs` (written by another tab) merged in. The logs merge by id
    /// (deletions kept as tombstones, see [`crate::log::Log::merge`]), so neither tab's entries
    /// are lost; for custom routines and settings, which carry no revision, the other tab's
    /// write is the newer one and wins where both have the same routine id.
    pub fn merged_with(&self, theirs: &Document) -> Document {
        let mut custom_routines = theirs.custom_routines.clone();
        for routine in &self.custom_routines {
            if !custom_routines.iter().any(|known| known.id == routine.id) {
                custom_routines.push(routine.clone());
            }
        }
        let mut unknown_fields = self.unknown_fields.clone();
        unknown_fields.extend(theirs.unknown_fields.clone());
        Document {
            log: self.log.merge(&theirs.log),
            custom_routines,
            settings: theirs.settings.clone(),
            pending_rating: theirs
                .pending_rating
                .clone()
                .or_else(|| self.pending_rating.clone()),
            trial: merged_trial(self.trial.as_ref(), theirs.trial.as_ref()),
            unknown_fields,
        }
    }
}

/// The other tab's trial wins, except that a stop in either tab is kept for the same trial.
fn merged_trial(mine: Option<&Trial>, theirs: Option<&Trial>) -> Option<Trial> {
    match (mine, theirs) {
        (Some(mine), Some(theirs)) if mine.id == theirs.id && theirs.stopped_on.is_none() => {
            Some(mine.clone())
        }
        (mine, theirs) => theirs.or(mine).cloned(),
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
        assert_eq!(ids, ["theirs", "mine"]);
    }
}
