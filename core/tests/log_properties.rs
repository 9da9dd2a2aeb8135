//! Property tests for the log: calendar arithmetic, ISO-8601 text, and the merge laws.

use limber_core::log::{
    Area, CivilDate, Entry, EntryContext, HeldRecord, Log, SessionRecord, Timestamp, Tombstone,
    MAX_OFFSET_MINUTES, MAX_UTC_MS,
};
use limber_core::side::BodySide;
use proptest::prelude::*;

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0..=MAX_UTC_MS, -MAX_OFFSET_MINUTES..=MAX_OFFSET_MINUTES)
        .prop_map(|(utc_ms, offset)| Timestamp::new(utc_ms, offset))
}

/// Entries drawn from a small pool of ids so that merges meet the same id often.
fn entry() -> impl Strategy<Value = Entry> {
    (0..4_u8, 0..5_i64, 0..=10_u8, 0..3_i64, any::<bool>()).prop_map(
        |(id, minute, pain, revision, woke)| {
            let mut entry = Entry::new(
                format!("e{id}"),
                Timestamp::new(1_764_000_000_000 + minute * 60_000, 60),
                pain,
            );
            entry.updated_ms = revision;
            entry.woke_at_night = Some(woke);
            entry.areas = vec![Area::LowBack];
            entry
        },
    )
}

fn session() -> impl Strategy<Value = SessionRecord> {
    (0..3_u8, 0..3_i64, any::<bool>(), 0..200_u32).prop_map(|(id, revision, completed, held)| {
        let started = Timestamp::new(1_764_000_000_000, 60);
        SessionRecord {
            id: format!("s{id}"),
            routine_id: "strap-hamstring".into(),
            routine_name: "Strap hamstring stretch".into(),
            variant_id: None,
            started,
            ended: Timestamp::new(started.utc_ms + 420_000, 60),
            completed,
            held: vec![HeldRecord {
                step_index: 1,
                step_name: "Hold".into(),
                side: Some(BodySide::Right),
                seconds: held,
            }],
            updated_ms: revision,
        }
    })
}

fn tombstone() -> impl Strategy<Value = Tombstone> {
    (prop_oneof![Just("e"), Just("s")], 0..4_u8, 0..3_i64).prop_map(|(kind, id, at_ms)| Tombstone {
        id: format!("{kind}{id}"),
        at_ms,
    })
}

fn log() -> impl Strategy<Value = Log> {
    (
        prop::collection::vec(entry(), 0..6),
        prop::collection::vec(session(), 0..4),
        prop::collection::vec(tombstone(), 0..3),
    )
        .prop_map(|(entries, sessions, deleted)| Log::from_parts(entries, sessions, deleted))
}

proptest! {
    #[test]
    fn day_numbers_round_trip(day in -1_000_000_i64..3_000_000) {
        let date = CivilDate::from_day_number(day);
        prop_assert_eq!(date.day_number(), day);
        prop_assert_eq!(CivilDate::new(date.year, date.month, date.day), Some(date));
    }

    #[test]
    fn iso_text_round_trips(stamp in timestamp()) {
        let text = stamp.to_iso8601();
        prop_assert_eq!(Timestamp::parse_iso8601(&text), Ok(stamp));
        prop_assert_eq!(stamp.local_date().to_string(), text[..10].to_string());
    }

    #[test]
    fn merge_is_commutative(a in log(), b in log()) {
        prop_assert_eq!(a.merge(&b), b.merge(&a));
    }

    #[test]
    fn merge_is_associative(a in log(), b in log(), c in log()) {
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
    }

    #[test]
    fn merge_is_idempotent(a in log(), b in log()) {
        prop_assert_eq!(a.merge(&a), a.clone());
        let merged = a.merge(&b);
        prop_assert_eq!(merged.merge(&b), merged.clone());
    }

    #[test]
    fn a_deletion_is_never_undone_by_an_older_copy(a in log(), now in 10_i64..20) {
        let mut newer = a.clone();
        let ids: Vec<String> = newer.entries().iter().map(|e| e.id.clone()).collect();
        for id in &ids {
            newer.delete_entry(id, now);
        }
        let merged = newer.merge(&a);
        prop_assert!(merged.entries().is_empty());
        prop_assert!(ids.iter().all(|id| merged.is_deleted(id)));
    }
}

#[test]
fn before_and_after_ratings_name_their_session() {
    let mut entry = Entry::new("x", Timestamp::new(0, 0), 3);
    entry.context = EntryContext::AfterSession {
        session_id: String::new(),
    };
    assert_eq!(
        entry.validate().unwrap_err().to_string(),
        "a rating before or after a session must name the session"
    );
}
