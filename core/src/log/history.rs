//! The history the Log screen shows: entries and sessions together, newest first, grouped by
//! the user's local day, one page at a time (so 10,000 entries cost no more than 100).

use super::{CivilDate, Entry, Log, SessionRecord, Timestamp};

/// One row of the history.
#[derive(Debug, Clone, PartialEq)]
pub enum HistoryItem {
    /// A pain entry.
    Entry(Entry),
    /// A routine the player recorded.
    Session(SessionRecord),
}

impl HistoryItem {
    /// When it happened (a session: when it started).
    pub fn at(&self) -> Timestamp {
        match self {
            HistoryItem::Entry(entry) => entry.at,
            HistoryItem::Session(session) => session.started,
        }
    }
}

/// The newest `limit` items, grouped by local day (newest day first).
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPage {
    /// Days with their items, newest first within each day.
    pub days: Vec<(CivilDate, Vec<HistoryItem>)>,
    /// True if older items exist beyond this page.
    pub has_more: bool,
}

impl Log {
    /// The newest `limit` entries and sessions, grouped by day. Walks back from the newest
    /// record and stops at `limit`, so the cost does not grow with the size of the log.
    pub fn history(&self, limit: usize) -> HistoryPage {
        let mut entries = self.entries().iter().rev().peekable();
        let mut sessions = self.sessions().iter().rev().peekable();
        let mut days: Vec<(CivilDate, Vec<HistoryItem>)> = Vec::new();
        let mut taken = 0;
        while taken < limit {
            let take_entry = match (entries.peek(), sessions.peek()) {
                (Some(entry), Some(session)) => entry.at.utc_ms >= session.started.utc_ms,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let item = if take_entry {
                entries.next().cloned().map(HistoryItem::Entry)
            } else {
                sessions.next().cloned().map(HistoryItem::Session)
            };
            let Some(item) = item else { break };
            let day = item.at().local_date();
            match days.last_mut() {
                Some((last_day, items)) if *last_day == day => items.push(item),
                _ => days.push((day, vec![item])),
            }
            taken += 1;
        }
        HistoryPage {
            days,
            has_more: entries.peek().is_some() || sessions.peek().is_some(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY_MS: i64 = 86_400_000;
    const NOV_24_0830_UTC: i64 = 1_795_509_000_000;

    fn entry(id: &str, utc_ms: i64, pain: u8) -> Entry {
        Entry::new(id, Timestamp::new(utc_ms, 60), pain)
    }

    fn session(id: &str, routine: &str, utc_ms: i64, completed: bool) -> SessionRecord {
        SessionRecord {
            id: id.into(),
            routine_id: routine.into(),
            routine_name: routine.into(),
            variant_id: None,
            started: Timestamp::new(utc_ms, 60),
            ended: Timestamp::new(utc_ms + 60_000, 60),
            completed,
            held: Vec::new(),
            updated_ms: 0,
        }
    }

    fn log() -> Log {
        let mut log = Log::default();
        log.add_entry(entry("e1", NOV_24_0830_UTC - DAY_MS, 6), 1)
            .unwrap();
        log.add_entry(entry("e2", NOV_24_0830_UTC, 4), 2).unwrap();
        log.add_entry(entry("e3", NOV_24_0830_UTC + 3_600_000, 3), 3)
            .unwrap();
        log.add_session(
            session("s1", "strap-hamstring", NOV_24_0830_UTC + 60_000, true),
            4,
        )
        .unwrap();
        log.add_session(
            session("s2", "cat-cow", NOV_24_0830_UTC - DAY_MS + 60_000, true),
            5,
        )
        .unwrap();
        log.add_session(
            session("s3", "strap-hamstring", NOV_24_0830_UTC - 2 * DAY_MS, true),
            6,
        )
        .unwrap();
        log
    }

    fn ids(page: &HistoryPage) -> Vec<Vec<String>> {
        page.days
            .iter()
            .map(|(_, items)| {
                items
                    .iter()
                    .map(|item| match item {
                        HistoryItem::Entry(entry) => entry.id.clone(),
                        HistoryItem::Session(session) => session.id.clone(),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn history_is_newest_first_grouped_by_local_day() {
        let page = log().history(100);
        assert_eq!(
            ids(&page),
            [vec!["e3", "s1", "e2"], vec!["s2", "e1"], vec!["s3"]]
        );
        assert_eq!(page.days[0].0, CivilDate::new(2026, 11, 24).unwrap());
        assert!(!page.has_more);
    }

    #[test]
    fn a_page_stops_at_its_limit_and_says_more_exist() {
        let page = log().history(4);
        assert_eq!(ids(&page), [vec!["e3", "s1", "e2"], vec!["s2"]]);
        assert!(page.has_more);
    }

    #[test]
    fn time_of_day_is_local() {
        assert_eq!(
            Timestamp::new(NOV_24_0830_UTC, 60).local_time_of_day(),
            "09:30"
        );
        assert_eq!(
            Timestamp::new(NOV_24_0830_UTC, -300).local_time_of_day(),
            "03:30"
        );
    }
}
