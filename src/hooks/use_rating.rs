//! One tap on the 0–10 scale saves a rating; another tap within 30 s corrects it (core's
//! `corrects_previous_tap`) instead of adding a second entry.

use leptos::prelude::*;
use limber_core::log::{corrects_previous_tap, new_id, Entry, Timestamp};

use crate::browser::clock::wall_clock_now;
use crate::browser::random::random_bits;
use crate::state::{use_app_store, StoreError};

/// What [`use_rating`] gives a screen.
pub struct UseRatingReturn {
    /// The entry the last tap saved (or corrected), if any; kept in memory only while
    /// `problem` says it was not stored.
    pub saved: RwSignal<Option<Entry>>,
    /// True when the last tap corrected the entry before it ("Changed to 7/10").
    pub corrected: RwSignal<bool>,
    /// Why the last tap was not stored, for the screen to show.
    pub problem: RwSignal<Option<String>>,
    /// Call with the tapped rating.
    pub rate: Callback<u8>,
}

/// Saves taps as entries made by `new_entry(id, now, pain)`, correcting within the window.
pub fn use_rating(
    new_entry: impl Fn(String, Timestamp, u8) -> Entry + Send + Sync + 'static,
) -> UseRatingReturn {
    let store = use_app_store();
    let saved = RwSignal::new(None::<Entry>);
    let corrected = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let last_tap_ms = StoredValue::new(None::<i64>);
    let rate = Callback::new(move |pain: u8| {
        let now = wall_clock_now();
        let correcting = last_tap_ms
            .get_value()
            .is_some_and(|tap_ms| corrects_previous_tap(tap_ms, now.utc_ms));
        let previous = saved.get_untracked().filter(|_| correcting);
        let (entry, was_correction) = match previous {
            Some(previous) => (Entry { pain, ..previous }, true),
            None => (
                new_entry(new_id(now.utc_ms, random_bits()), now, pain),
                false,
            ),
        };
        let stored = if was_correction {
            store.edit_entry(entry.clone()).map(|_| ())
        } else {
            store.log_entry(entry.clone())
        };
        match stored {
            // Made in memory but not stored: the rating stands (a second tap still corrects
            // it), but nothing says "Saved"; the screen shows why instead.
            Ok(()) | Err(StoreError::NotSaved(_)) => {
                problem.set(stored.err().map(|error| error.to_string()));
                last_tap_ms.set_value(Some(now.utc_ms));
                corrected.set(was_correction);
                saved.set(Some(entry));
            }
            Err(error) => problem.set(Some(error.to_string())),
        }
    });
    UseRatingReturn {
        saved,
        corrected,
        problem,
        rate,
    }
}
