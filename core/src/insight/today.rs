//! Today at a glance, in words: how often the user checked in today and whether a routine
//! was completed, e.g. "Checked in today: 5/10. Stretched today." The morning check-in about
//! last night is not a rating of today (it has its own line, "Last night: …").

use crate::log::{CivilDate, Log};

/// Today's check-ins (not the night check-in) and stretching as one sentence for the Today
/// screen.
///
/// ```
/// use limber_core::insight::today_status;
/// use limber_core::log::{CivilDate, Log};
/// let today = CivilDate::new(2026, 11, 24).unwrap();
/// assert_eq!(today_status(&Log::default(), today), "No check-in yet today. Not stretched yet today.");
/// ```
pub fn today_status(log: &Log, today: CivilDate) -> String {
    let ratings: Vec<u8> = log
        .entries()
        .iter()
        .filter(|entry| entry.at.local_date() == today && !entry.is_night_check_in())
        .map(|entry| entry.pain)
        .collect();
    let stretched = log
        .sessions()
        .iter()
        .any(|session| session.completed && session.started.local_date() == today);
    let check_in = match ratings.last() {
        None => "No check-in yet today.".to_string(),
        Some(latest) if ratings.len() == 1 => format!("Checked in today: {latest}/10."),
        Some(latest) => format!(
            "Checked in {} times today, latest {latest}/10.",
            ratings.len()
        ),
    };
    let stretch = if stretched {
        "Stretched today."
    } else {
        "Not stretched yet today."
    };
    format!("{check_in} {stretch}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::{Entry, EntryContext, SessionRecord, Timestamp};

    /// 24 Nov 2026, 08:00 UTC.
    const MORNING_MS: i64 = 1_795_507_200_000;

    fn at(hours: i64) -> Timestamp {
        Timestamp::new(MORNING_MS + hours * 3_600_000, 0)
    }

    fn session(completed: bool, started: Timestamp) -> SessionRecord {
        SessionRecord {
            id: format!("s{}", started.utc_ms),
            routine_id: "strap-hamstring".into(),
            routine_name: "Strap".into(),
            variant_id: None,
            started,
            ended: started,
            completed,
            held: Vec::new(),
            updated_ms: 1,
        }
    }

    #[test]
    fn counts_todays_check_ins_and_only_completed_routines() {
        let today = at(0).local_date();
        let mut log = Log::default();
        log.add_entry(Entry::new("yesterday", at(-24), 2), 1)
            .unwrap();
        assert_eq!(
            today_status(&log, today),
            "No check-in yet today. Not stretched yet today."
        );
        log.add_entry(Entry::new("a", at(0), 5), 1).unwrap();
        log.add_session(session(false, at(1)), 1).unwrap();
        assert_eq!(
            today_status(&log, today),
            "Checked in today: 5/10. Not stretched yet today."
        );
        log.add_entry(Entry::new("b", at(2), 3), 1).unwrap();
        log.add_session(session(true, at(3)), 1).unwrap();
        assert_eq!(
            today_status(&log, today),
            "Checked in 2 times today, latest 3/10. Stretched today."
        );
    }

    #[test]
    fn last_nights_check_in_is_not_a_rating_of_today() {
        let today = at(0).local_date();
        let mut log = Log::default();
        let night = Entry::night_check_in("n", at(0), today.add_days(-1), 8, 2);
        log.add_entry(night, 1).unwrap();
        assert_eq!(
            today_status(&log, today),
            "No check-in yet today. Not stretched yet today."
        );
        log.add_entry(Entry::new("a", at(1), 4), 1).unwrap();
        let after = Entry {
            context: EntryContext::AfterSession {
                session_id: "s".into(),
            },
            ..Entry::new("b", at(2), 3)
        };
        log.add_entry(after, 1).unwrap();
        assert_eq!(
            today_status(&log, today),
            "Checked in 2 times today, latest 3/10. Not stretched yet today."
        );
    }
}
