//! The store's named operations: every change a screen makes to saved data. Each applies a
//! core operation (`limber_core::store::Document::log_pain` …), saves at once, and returns a
//! `Result` the screen shows: refused (with the reason), or made but not saved.

use leptos::prelude::*;
use limber_core::log::{new_id, Entry, SessionRecord};
use limber_core::routine::Routine;
use limber_core::settings::Settings;
use limber_core::store::{ChangeError, Document};

use super::saving::{save_now, NotSaved};
use super::AppStore;
use crate::browser::clock::wall_clock_now;
use crate::browser::random::random_bits;
use crate::browser::storage::request_persistence;

/// Why a named operation did not end with the change stored. Messages are for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The change breaks a rule, or its record no longer exists; nothing changed.
    #[error(transparent)]
    Refused(#[from] ChangeError),
    /// The change is made in memory, but storage did not take it.
    #[error(transparent)]
    NotSaved(#[from] NotSaved),
}

impl AppStore {
    /// Applies `change` to the document (with the time now) and saves. A refused change
    /// leaves the document untouched and notifies nobody.
    pub fn change<T>(
        &self,
        change: impl FnOnce(&mut Document, i64) -> Result<T, ChangeError>,
    ) -> Result<T, StoreError> {
        let now_ms = wall_clock_now().utc_ms;
        let outcome = self
            .set_document
            .try_maybe_update(|document| {
                let outcome = change(document, now_ms);
                (outcome.is_ok(), outcome)
            })
            .unwrap_or(Err(ChangeError::Gone("document")))?;
        save_now(*self)?;
        Ok(outcome)
    }

    /// Logs a pain entry (a check-in, or a rating after a session). After the first entry,
    /// asks the browser to keep Limber's data even when space runs low.
    pub fn log_entry(&self, entry: Entry) -> Result<(), StoreError> {
        let first = self.change(|document, now_ms| {
            document.log_pain(entry, now_ms)?;
            Ok(document.log.entries().len() == 1)
        })?;
        if first {
            leptos::task::spawn_local(async {
                // A refusal only means the browser may evict under pressure, as before.
                request_persistence().await;
            });
        }
        Ok(())
    }

    /// Saves an entry's edited details, returning the previous version.
    pub fn edit_entry(&self, entry: Entry) -> Result<Entry, StoreError> {
        self.change(|document, now_ms| document.edit_entry(entry, now_ms))
    }

    /// Deletes an entry, returning it for undo.
    pub fn delete_entry(&self, id: &str) -> Result<Entry, StoreError> {
        self.change(|document, now_ms| document.delete_entry(id, now_ms))
    }

    /// Brings back a deleted entry (undo), or saves a draft as a new entry.
    pub fn restore_entry(&self, entry: Entry) -> Result<(), StoreError> {
        self.change(|document, now_ms| document.restore_entry(entry, now_ms))
    }

    /// Saves a draft whose entry was deleted meanwhile as a new entry with a new id.
    pub fn save_as_new_entry(&self, mut draft: Entry) -> Result<Entry, StoreError> {
        draft.id = new_id(wall_clock_now().utc_ms, random_bits());
        self.restore_entry(draft.clone())?;
        Ok(draft)
    }

    /// Records a session the player ran.
    pub fn record_session(&self, record: SessionRecord) -> Result<(), StoreError> {
        self.change(|document, now_ms| document.record_session(record, now_ms))
    }

    /// Deletes a session record (a tombstone keeps it deleted in other tabs), returning it
    /// for undo.
    pub fn delete_session(&self, id: &str) -> Result<SessionRecord, StoreError> {
        self.change(|document, now_ms| document.delete_session(id, now_ms))
    }

    /// Saves one of the user's routines, new or edited.
    pub fn save_routine(&self, routine: Routine) -> Result<(), StoreError> {
        self.change(|document, now_ms| document.save_routine(routine, now_ms))
    }

    /// Deletes one of the user's routines.
    pub fn delete_routine(&self, id: &str) -> Result<Routine, StoreError> {
        self.change(|document, now_ms| document.delete_routine(id, now_ms))
    }

    /// Changes the settings with `edit`.
    pub fn change_settings(&self, edit: impl FnOnce(&mut Settings)) -> Result<(), StoreError> {
        self.change(|document, now_ms| {
            let mut settings = document.settings.clone();
            edit(&mut settings);
            document.change_settings(settings, now_ms);
            Ok(())
        })
    }

    /// Brings in an import's records (the preview's document), merged with what is here now.
    pub fn import(&self, incoming: &Document) -> Result<(), StoreError> {
        self.change(|document, _| {
            document.import(incoming);
            Ok(())
        })
    }
}
