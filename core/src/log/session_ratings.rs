//! A session's before/after pair, for the player's end screen: how the back felt just before
//! the routine and how it feels right after it.

use super::{Entry, EntryContext, Log, SessionRecord};

/// How long before a session a check-in still counts as its "before" rating: 2 hours.
pub const BEFORE_WINDOW_MS: i64 = 2 * 60 * 60 * 1_000;

/// The ratings around one session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionRatings {
    /// The rating given for it beforehand, or the last check-in in the 2 hours before it.
    pub before: Option<u8>,
    /// The latest rating given right after it.
    pub after: Option<u8>,
}

impl Log {
    /// The before and after ratings of `session`.
    pub fn session_ratings(&self, session: &SessionRecord) -> SessionRatings {
        let started = session.started.utc_ms;
        let rated_before = |entry: &&Entry| match &entry.context {
            EntryContext::BeforeSession { session_id } => *session_id == session.id,
            EntryContext::DailyCheckIn => {
                (started - BEFORE_WINDOW_MS..=started).contains(&entry.at.utc_ms)
            }
            EntryContext::AfterSession { .. } => false,
        };
        let rated_after = |entry: &&Entry| matches!(&entry.context, EntryContext::AfterSession { session_id } if *session_id == session.id);
        let latest = |found: Option<&Entry>| found.map(|entry| entry.pain);
        SessionRatings {
            before: latest(self.entries().iter().rev().find(rated_before)),
            after: latest(self.entries().iter().rev().find(rated_after)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::Timestamp;

    const START: i64 = 1_795_509_000_000;

    fn entry(id: &str, utc_ms: i64, pain: u8, context: EntryContext) -> Entry {
        let mut entry = Entry::new(id, Timestamp::new(utc_ms, 60), pain);
        entry.context = context;
        entry
    }

    #[test]
    fn the_last_check_in_before_and_the_rating_after() {
        let session = SessionRecord {
            id: "s".into(),
            routine_id: "strap-hamstring".into(),
            routine_name: "Strap".into(),
            variant_id: None,
            started: Timestamp::new(START, 60),
            ended: Timestamp::new(START + 600_000, 60),
            completed: true,
            held: Vec::new(),
            updated_ms: 0,
        };
        let mut log = Log::default();
        assert_eq!(log.session_ratings(&session), SessionRatings::default());
        let after = EntryContext::AfterSession {
            session_id: "s".into(),
        };
        let other = EntryContext::AfterSession {
            session_id: "other".into(),
        };
        for (index, item) in [
            entry(
                "too-early",
                START - BEFORE_WINDOW_MS - 1,
                9,
                EntryContext::DailyCheckIn,
            ),
            entry("before", START - 600_000, 6, EntryContext::DailyCheckIn),
            entry("other-after", START - 300_000, 1, other),
            entry("after", START + 700_000, 4, after),
        ]
        .into_iter()
        .enumerate()
        {
            log.add_entry(item, index as i64).unwrap();
        }
        assert_eq!(
            log.session_ratings(&session),
            SessionRatings {
                before: Some(6),
                after: Some(4)
            }
        );
    }
}
