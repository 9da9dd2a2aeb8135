//! The named operations: the only ways the app changes the document. Each checks its input,
//! stamps the time it was made (`now_ms`, passed in) and says plainly why it was refused.

use super::Document;
use crate::log::{Entry, LogError, SessionRecord};
use crate::routine::{Routine, ValidationError};
use crate::settings::Settings;

/// Why a change was refused. Messages are written for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    /// The entry or session breaks a rule.
    #[error(transparent)]
    Log(#[from] LogError),
    /// The routine breaks the rules (every problem found).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "))]
    Routine(Vec<ValidationError>),
    /// The record was deleted meanwhile (perhaps in another tab).
    #[error("This {0} no longer exists: it was deleted, perhaps in another tab.")]
    Gone(&'static str),
}

impl Document {
    /// Logs a new pain entry.
    pub fn log_pain(&mut self, entry: Entry, now_ms: i64) -> Result<(), ChangeError> {
        Ok(self.log.add_entry(entry, now_ms)?)
    }

    /// Replaces an entry's details, returning the previous version (for undo). Refused with
    /// [`ChangeError::Gone`] when the entry was deleted meanwhile.
    pub fn edit_entry(&mut self, entry: Entry, now_ms: i64) -> Result<Entry, ChangeError> {
        entry
            .clone()
            .normalized()
            .validate()
            .map_err(LogError::from)?;
        if self.log.entry(&entry.id).is_none() {
            return Err(ChangeError::Gone("entry"));
        }
        Ok(self.log.update_entry(entry, now_ms)?)
    }

    /// Deletes an entry (a tombstone keeps it deleted in every tab), returning it for undo.
    pub fn delete_entry(&mut self, id: &str, now_ms: i64) -> Result<Entry, ChangeError> {
        self.log
            .delete_entry(id, now_ms)
            .ok_or(ChangeError::Gone("entry"))
    }

    /// Brings back a deleted entry ("Undo"), or saves a draft as a new entry.
    pub fn restore_entry(&mut self, entry: Entry, now_ms: i64) -> Result<(), ChangeError> {
        Ok(self.log.add_entry(entry, now_ms)?)
    }

    /// Records a session the player ran.
    pub fn record_session(
        &mut self,
        record: SessionRecord,
        now_ms: i64,
    ) -> Result<(), ChangeError> {
        Ok(self.log.add_session(record, now_ms)?)
    }

    /// Deletes a session record (a tombstone keeps it deleted in every tab), returning it.
    pub fn delete_session(&mut self, id: &str, now_ms: i64) -> Result<SessionRecord, ChangeError> {
        self.log
            .delete_session(id, now_ms)
            .ok_or(ChangeError::Gone("session"))
    }

    /// Saves one of the user's routines, new or edited, after checking it.
    pub fn save_routine(&mut self, routine: Routine, now_ms: i64) -> Result<(), ChangeError> {
        routine.validate().map_err(ChangeError::Routine)?;
        let revision = now_ms.max(self.routine_revision(&routine.id) + 1);
        self.routine_revisions.insert(routine.id.clone(), revision);
        match self
            .custom_routines
            .binary_search_by(|held| held.id.cmp(&routine.id))
        {
            Ok(index) => self.custom_routines[index] = routine,
            Err(index) => self.custom_routines.insert(index, routine),
        }
        Ok(())
    }

    /// Deletes one of the user's routines (a tombstone keeps it deleted in every tab).
    pub fn delete_routine(&mut self, id: &str, now_ms: i64) -> Result<Routine, ChangeError> {
        let index = self
            .custom_routines
            .iter()
            .position(|routine| routine.id == id)
            .ok_or(ChangeError::Gone("routine"))?;
        let revision = self.routine_revisions.remove(id).unwrap_or(0);
        self.log.record_deletion(id, now_ms.max(revision));
        Ok(self.custom_routines.remove(index))
    }

    /// Removes the personal trial (one not started yet, or over), noting when, so that no
    /// other tab's copy and no backup of it (or of an older trial) brings it back.
    pub fn discard_trial(&mut self, now_ms: i64) {
        if let Some(trial) = self.trial.take() {
            self.trial_discarded_ms = self
                .trial_discarded_ms
                .max(now_ms.max(trial.planned_ms + 1));
        }
    }

    /// Replaces the settings (brought into range).
    pub fn change_settings(&mut self, settings: Settings, now_ms: i64) {
        self.settings = settings.normalized();
        self.settings_updated_ms = now_ms.max(self.settings_updated_ms + 1);
    }

    /// Brings in what an import preview computed: merged, so nothing written meanwhile (by
    /// another tab) is lost.
    pub fn import(&mut self, incoming: &Document) {
        *self = self.merged_with(incoming);
    }
}
