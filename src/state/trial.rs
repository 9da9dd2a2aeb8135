//! The named operations of the personal trial and the morning check-in: the only way screens
//! change the trial or log a night.

use leptos::prelude::*;
use limber_core::log::{new_id, CivilDate, Entry};
use limber_core::trial::{DesignError, Trial, TrialDesign};

use super::{AppStore, StoreError};
use crate::browser::clock::wall_clock_now;
use crate::browser::random::{random_bits, secure_random_u32, SecureRandomError};

/// Why a trial could not be started.
#[derive(Debug, thiserror::Error)]
pub enum StartTrialError {
    /// The design breaks a rule.
    #[error(transparent)]
    Design(#[from] DesignError),
    /// No fair coin was available.
    #[error(transparent)]
    Random(#[from] SecureRandomError),
    /// The plan could not be stored.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AppStore {
    /// Saves the morning check-in about the night of `night_of`, replacing an earlier one for
    /// the same night (so answering again edits it).
    pub fn log_night_check_in(
        &self,
        night_of: CivilDate,
        night_pain: u8,
        times_woken: u8,
    ) -> Result<(), StoreError> {
        let now = wall_clock_now();
        let existing = self.document.with_untracked(|document| {
            document
                .log
                .entries()
                .iter()
                .find(|entry| entry.night.as_ref().is_some_and(|n| n.night_of == night_of))
                .cloned()
        });
        match existing {
            Some(old) => {
                let entry = Entry {
                    at: old.at,
                    ..Entry::night_check_in(old.id, now, night_of, night_pain, times_woken)
                };
                self.edit_entry(entry).map(|_| ())
            }
            None => self.log_entry(Entry::night_check_in(
                new_id(now.utc_ms, random_bits()),
                now,
                night_of,
                night_pain,
                times_woken,
            )),
        }
    }

    /// Freezes `design` into a randomised plan starting on `start`, with coins from the
    /// browser's cryptographic random source, and stores it (replacing a finished trial).
    pub fn start_trial(
        &self,
        design: TrialDesign,
        start: CivilDate,
    ) -> Result<(), StartTrialError> {
        let now_ms = wall_clock_now().utc_ms;
        let coins = secure_random_u32()?;
        let trial = Trial::plan(new_id(now_ms, random_bits()), design, start, coins, now_ms)?;
        self.change(|document, _| {
            document.trial = Some(trial);
            Ok(())
        })?;
        Ok(())
    }

    /// Stops the trial today; its data and result stay, labelled "stopped early".
    pub fn stop_trial(&self) -> Result<(), StoreError> {
        let today = wall_clock_now().local_date();
        self.change(|document, _| {
            if let Some(trial) = document.trial.as_mut() {
                trial.stopped_on.get_or_insert(today);
            }
            Ok(())
        })
    }

    /// Removes a trial that has not started yet or is over, so a new one can be planned.
    pub fn discard_trial(&self) -> Result<(), StoreError> {
        self.change(|document, now_ms| {
            document.discard_trial(now_ms);
            Ok(())
        })
    }
}
