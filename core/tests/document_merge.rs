//! The merge laws for whole documents (what two tabs, or an import, combine): merging is
//! commutative, associative and idempotent, and a deletion of any record kind (entry,
//! session, custom routine, personal trial) in either copy wins over a stale copy of the
//! record.

use limber_core::library::find_builtin;
use limber_core::log::{Entry, HeldRecord, Log, SessionRecord, Timestamp, Tombstone};
use limber_core::store::{Document, PendingRating};
use limber_core::trial::{Trial, TrialDesign};
use proptest::prelude::*;
use serde_json::json;

/// The newest revision any generated record has: deletions made later win over all of them.
const NEWEST_REVISION: i64 = 3;

fn entry() -> impl Strategy<Value = Entry> {
    (0..4_u8, 0..5_i64, 0..=10_u8, 0..NEWEST_REVISION).prop_map(|(id, minute, pain, revision)| {
        let mut entry = Entry::new(
            format!("e{id}"),
            Timestamp::new(1_764_000_000_000 + minute * 60_000, 60),
            pain,
        );
        entry.updated_ms = revision;
        entry
    })
}

fn session() -> impl Strategy<Value = SessionRecord> {
    (0..3_u8, 0..NEWEST_REVISION, 0..200_u32).prop_map(|(id, revision, seconds)| {
        let started = Timestamp::new(1_764_000_000_000, 60);
        SessionRecord {
            id: format!("s{id}"),
            routine_id: "strap-hamstring".into(),
            routine_name: "Strap hamstring stretch".into(),
            variant_id: None,
            started,
            ended: Timestamp::new(started.utc_ms + 420_000, 60),
            completed: true,
            held: vec![HeldRecord {
                step_index: 1,
                step_name: "Hold".into(),
                side: None,
                seconds,
            }],
            updated_ms: revision,
        }
    })
}

/// Custom routines from a small pool of ids, in a few versions, with revisions.
fn routine() -> impl Strategy<Value = (limber_core::routine::Routine, i64)> {
    (0..3_u8, 0..3_u8, 0..NEWEST_REVISION).prop_map(|(id, version, revision)| {
        let mut routine = find_builtin("cat-cow").expect("built in");
        routine.id = format!("custom-{id}");
        routine.name = format!("Mine {id}, version {version}");
        (routine, revision)
    })
}

fn tombstone() -> impl Strategy<Value = Tombstone> {
    (
        prop_oneof![Just("e"), Just("s"), Just("custom-")],
        0..4_u8,
        0..NEWEST_REVISION,
    )
        .prop_map(|(kind, id, at_ms)| Tombstone {
            id: format!("{kind}{id}"),
            at_ms,
        })
}

/// A personal trial from a small pool of ids (one plan per id), perhaps stopped on one of
/// its days.
fn trial() -> impl Strategy<Value = Trial> {
    (0..3_u8, proptest::option::of(0..30_i64)).prop_map(|(id, stopped)| {
        let design = TrialDesign {
            pairs: 3,
            block_days: 5,
            ..TrialDesign::default()
        };
        let start = limber_core::log::CivilDate::new(2026, 12, 1).unwrap();
        let mut trial = Trial::plan(
            format!("t{id}"),
            design,
            start,
            u32::from(id),
            i64::from(id),
        )
        .unwrap();
        trial.stopped_on = stopped.map(|day| start.add_days(day));
        trial
    })
}

/// A document as a tab could hold it (settled, as every operation and merge leaves it).
fn document() -> impl Strategy<Value = Document> {
    (
        (
            proptest::collection::vec(entry(), 0..5),
            proptest::collection::vec(session(), 0..3),
            proptest::collection::vec(tombstone(), 0..4),
        ),
        proptest::collection::vec(routine(), 0..4),
        (0..3_u32, 0..NEWEST_REVISION),
        proptest::option::of((0..2_u8, 0..3_i64)),
        (
            proptest::option::of(0..3_u8),
            proptest::option::of(trial()),
            0..NEWEST_REVISION,
        ),
    )
        .prop_map(
            |(
                (entries, sessions, deleted),
                routines,
                settings,
                pending,
                (unknown, trial, discarded),
            )| {
                let mut document = Document {
                    log: Log::from_parts(entries, sessions, deleted),
                    ..Document::default()
                };
                for (routine, revision) in routines {
                    document
                        .routine_revisions
                        .insert(routine.id.clone(), revision);
                    document
                        .custom_routines
                        .retain(|held| held.id != routine.id);
                    document.custom_routines.push(routine);
                }
                document.settings.lead_in_seconds = settings.0;
                document.settings_updated_ms = settings.1;
                document.pending_rating = pending.map(|(session, ask_after_ms)| PendingRating {
                    session_id: format!("s{session}"),
                    ask_after_ms,
                });
                document.trial = trial;
                document.trial_discarded_ms = discarded;
                if let Some(value) = unknown {
                    document
                        .unknown_fields
                        .insert("from_a_newer_tab".into(), json!(value));
                }
                document.settled()
            },
        )
}

/// Every record id the document shows.
fn visible_ids(document: &Document) -> Vec<String> {
    let log = &document.log;
    log.entries()
        .iter()
        .map(|entry| entry.id.clone())
        .chain(log.sessions().iter().map(|session| session.id.clone()))
        .chain(
            document
                .custom_routines
                .iter()
                .map(|routine| routine.id.clone()),
        )
        .chain(document.trial.iter().map(|trial| trial.id.clone()))
        .collect()
}

proptest! {
    #[test]
    fn merging_is_commutative(a in document(), b in document()) {
        prop_assert_eq!(a.merged_with(&b), b.merged_with(&a));
    }

    #[test]
    fn merging_is_associative(a in document(), b in document(), c in document()) {
        prop_assert_eq!(
            a.merged_with(&b).merged_with(&c),
            a.merged_with(&b.merged_with(&c))
        );
    }

    #[test]
    fn merging_is_idempotent(a in document(), b in document()) {
        prop_assert_eq!(a.merged_with(&a), a.clone());
        let merged = a.merged_with(&b);
        prop_assert_eq!(merged.merged_with(&b), merged.clone());
        prop_assert_eq!(merged.merged_with(&a), merged);
    }

    #[test]
    fn a_delete_in_either_tab_wins_over_a_stale_copy(a in document(), pick in any::<prop::sample::Index>()) {
        let ids = visible_ids(&a);
        prop_assume!(!ids.is_empty());
        let id = ids[pick.index(ids.len())].clone();
        let mut deleting = a.clone();
        let now_ms = NEWEST_REVISION + 10;
        if id.starts_with('e') {
            deleting.delete_entry(&id, now_ms).unwrap();
        } else if id.starts_with('s') {
            deleting.delete_session(&id, now_ms).unwrap();
        } else if id.starts_with('t') {
            deleting.discard_trial(now_ms);
        } else {
            deleting.delete_routine(&id, now_ms).unwrap();
        }
        for merged in [deleting.merged_with(&a), a.merged_with(&deleting)] {
            prop_assert!(!visible_ids(&merged).contains(&id), "{id} came back");
        }
    }

    #[test]
    fn the_stored_text_reads_back_as_the_same_document(a in document()) {
        let restored = limber_core::store::restore(&a.to_json()).unwrap();
        prop_assert!(restored.recovered_fully, "{:?}", restored.issues);
        prop_assert_eq!(restored.document, a);
    }
}

#[test]
fn a_routine_saved_later_wins_and_its_deletion_then_wins_over_the_old_tab() {
    let mut first_tab = Document::default();
    let mut routine = find_builtin("cat-cow").unwrap();
    routine.id = "custom-1".into();
    first_tab.save_routine(routine.clone(), 100).unwrap();
    let second_tab = first_tab.clone();
    routine.name = "Renamed".into();
    first_tab.save_routine(routine, 200).unwrap();
    assert_eq!(
        second_tab.merged_with(&first_tab).custom_routines[0].name,
        "Renamed"
    );
    first_tab.delete_routine("custom-1", 300).unwrap();
    assert!(second_tab
        .merged_with(&first_tab)
        .custom_routines
        .is_empty());
}

#[test]
fn settings_changed_later_win_whichever_tab_merges() {
    let mut first_tab = Document::default();
    let mut second_tab = Document::default();
    let mut settings = first_tab.settings.clone();
    settings.lead_in_seconds = 3;
    first_tab.change_settings(settings.clone(), 100);
    settings.lead_in_seconds = 9;
    second_tab.change_settings(settings, 50);
    assert_eq!(
        first_tab.merged_with(&second_tab).settings.lead_in_seconds,
        3
    );
    assert_eq!(
        second_tab.merged_with(&first_tab).settings.lead_in_seconds,
        3
    );
}
