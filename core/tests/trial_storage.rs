//! The personal trial travels with the document: a running trial (plan, coin-decided order,
//! a stop, the check-ins and sessions its analysis and deviations come from) reads back the
//! same through the chunked stored layout, a JSON backup and its import, another tab's write,
//! and an older single-text (v2) document; a discarded trial stays discarded.

mod stored_steps;

use stored_steps::{apply, INDEX};

use std::collections::BTreeMap;

use limber_core::log::{CivilDate, Entry, HeldRecord, SessionRecord, Timestamp};
use limber_core::store::{open, take_other_tab_write, write_steps, ChunkCache, Document, Verdict};
use limber_core::transfer::import_backup;
use limber_core::trial::{analyse, Analysis, Condition, Trial, TrialDesign};

/// When the trial was planned (UTC ms), the day before it starts.
const PLANNED_MS: i64 = 1_796_000_000_000;

fn start() -> CivilDate {
    CivilDate::new(2026, 12, 1).unwrap()
}

/// A 3-pair × 5-day trial, the order in each pair from fixed coins.
fn trial(id: &str, coins: u32, planned_ms: i64) -> Trial {
    let design = TrialDesign {
        pairs: 3,
        block_days: 5,
        ..TrialDesign::default()
    };
    Trial::plan(id, design, start(), coins, planned_ms).unwrap()
}

fn noon(date: CivilDate) -> Timestamp {
    Timestamp::new(date.day_number() * 86_400_000 + 12 * 3_600_000, 60)
}

fn session(id: String, date: CivilDate) -> SessionRecord {
    SessionRecord {
        id,
        routine_id: "strap-hamstring".into(),
        routine_name: "Strap hamstring stretch".into(),
        variant_id: None,
        started: noon(date),
        ended: Timestamp::new(noon(date).utc_ms + 420_000, 60),
        completed: true,
        held: vec![HeldRecord {
            step_index: 1,
            step_name: "Hold".into(),
            side: None,
            seconds: 180,
        }],
        updated_ms: noon(date).utc_ms,
    }
}

/// A document 12 days into a trial: a night check-in every morning, the routine on every
/// stretch day and, as a deviation, on the first rest-from-stretching day.
fn running() -> Document {
    let trial = trial("trial-1", 0b101, PLANNED_MS);
    let mut document = Document {
        trial: Some(trial.clone()),
        ..Document::default()
    };
    let mut deviated = false;
    for day in trial.calendar().into_iter().take(12) {
        let morning = day.date.add_days(1);
        let pain = if day.condition == Condition::A { 3 } else { 6 };
        let check_in =
            Entry::night_check_in(format!("n{}", day.number), noon(morning), day.date, pain, 1);
        document.log_pain(check_in, noon(morning).utc_ms).unwrap();
        let deviation = day.condition == Condition::B && !deviated;
        if day.condition == Condition::A || deviation {
            deviated |= deviation;
            let record = session(format!("s{}", day.number), day.date);
            document
                .record_session(record, noon(day.date).utc_ms)
                .unwrap();
        }
    }
    document
}

fn analysis(document: &Document) -> Analysis {
    let trial = document.trial.as_ref().expect("a trial");
    analyse(
        trial,
        document.log.entries(),
        document.log.sessions(),
        start().add_days(12),
    )
}

/// Stores `document` in a key-value store through the chunked layout, as the app does.
fn store(document: &Document) -> BTreeMap<String, String> {
    let mut store = BTreeMap::new();
    let layout = document.to_layout(&mut ChunkCache::default());
    for step in write_steps(&Default::default(), &layout) {
        apply(&mut store, step);
    }
    store
}

#[test]
fn the_fixture_has_a_deviation_and_a_result_so_far() {
    let analysis = analysis(&running());
    assert_eq!(analysis.deviations.len(), 1);
    assert!(!analysis.differences.is_empty());
}

#[test]
fn a_running_trial_reads_back_from_the_chunked_layout() {
    let mut document = running();
    document.trial.as_mut().unwrap().stopped_on = Some(start().add_days(11));
    let stored = store(&document);
    let index: serde_json::Value = serde_json::from_str(&stored[INDEX]).unwrap();
    assert_eq!(index["schema_version"], 3);
    assert_eq!(index["trial"]["id"], "trial-1", "the plan is in the index");
    let opened = open(stored.get(INDEX).map(String::as_str), &|name| {
        stored.get(name).cloned()
    });
    assert_eq!(opened.verdict, Verdict::Understood);
    assert_eq!(opened.document, document);
    assert_eq!(analysis(&opened.document), analysis(&document));
}

#[test]
fn a_json_backup_restores_and_imports_the_trial() {
    let document = running();
    let text = document.to_json();
    let restored = limber_core::store::restore(&text).unwrap();
    assert!(restored.recovered_fully, "{:?}", restored.issues);
    assert_eq!(restored.document, document);
    // A new phone: importing the backup brings the plan with the check-ins and sessions.
    let preview = import_backup(&Document::default(), &text, PLANNED_MS + 99).unwrap();
    assert_eq!(preview.new_trials, 1);
    assert!(
        preview.summary().contains("1 personal trial"),
        "{}",
        preview.summary()
    );
    assert_eq!(preview.merged.trial, document.trial);
    assert_eq!(analysis(&preview.merged), analysis(&document));
    // A phone with a trial of its own keeps it: an import never overwrites.
    let mut other = Document {
        trial: Some(trial("trial-2", 0, PLANNED_MS + 5)),
        ..Document::default()
    };
    let preview = import_backup(&other, &text, PLANNED_MS + 99).unwrap();
    assert_eq!(
        (preview.new_trials, preview.merged.trial),
        (0, other.trial.clone())
    );
    // A trial discarded here is not brought back by an older backup of it.
    other.discard_trial(PLANNED_MS + 10);
    let preview = import_backup(&other, &text, PLANNED_MS + 99).unwrap();
    assert_eq!((preview.new_trials, preview.merged.trial), (0, None));
    assert_eq!(preview.deleted_here, 1);
}

#[test]
fn a_stop_in_either_tab_travels_and_a_new_plan_wins_over_an_old_one() {
    let mine = running();
    let mut theirs = mine.clone();
    let stop = start().add_days(9);
    theirs.trial.as_mut().unwrap().stopped_on = Some(stop);
    for merged in [mine.merged_with(&theirs), theirs.merged_with(&mine)] {
        assert_eq!(merged.trial, theirs.trial);
        assert_eq!(analysis(&merged), analysis(&theirs));
    }
    // Through the stored text another tab wrote, as the app receives it.
    let written = store(&theirs);
    let opened = take_other_tab_write(&mine, written.get(INDEX).map(String::as_str), &|name| {
        written.get(name).cloned()
    });
    assert_eq!(opened.verdict, Verdict::Understood);
    assert_eq!(opened.document.trial.unwrap().stopped_on, Some(stop));
    let mut replanned = mine.clone();
    replanned.trial = Some(trial("trial-2", 0b010, PLANNED_MS + 1));
    assert_eq!(mine.merged_with(&replanned).trial, replanned.trial);
    assert_eq!(replanned.merged_with(&mine).trial, replanned.trial);
}

#[test]
fn a_discarded_trial_is_not_brought_back_by_the_other_tab() {
    let stale = running();
    let mut discarding = stale.clone();
    discarding.discard_trial(PLANNED_MS + 50);
    assert_eq!(discarding.trial, None);
    for merged in [
        stale.merged_with(&discarding),
        discarding.merged_with(&stale),
    ] {
        assert_eq!(merged.trial, None);
        assert_eq!(merged.log, stale.log, "the check-ins and sessions stay");
    }
    let written = store(&discarding);
    let opened = take_other_tab_write(&stale, written.get(INDEX).map(String::as_str), &|name| {
        written.get(name).cloned()
    });
    assert_eq!(opened.document.trial, None);
    // A trial planned after the discard is kept.
    let mut next = discarding.clone();
    next.trial = Some(trial("trial-2", 0, PLANNED_MS + 60));
    assert_eq!(next.merged_with(&stale).trial, next.trial);
    assert_eq!(stale.merged_with(&next).trial, next.trial);
}

#[test]
fn a_v2_single_text_document_with_a_trial_opens_and_moves_to_the_chunked_layout() {
    // Before the chunked layout (schema 3) the whole document was one v2 text under the
    // index key; v2 already carried the trial.
    let document = running();
    let v2 = document.to_json();
    let value: serde_json::Value = serde_json::from_str(&v2).unwrap();
    assert_eq!(value["schema_version"], 2);
    assert_eq!(
        value["trial"]["a_first"],
        serde_json::json!([true, false, true])
    );
    let opened = open(Some(&v2), &|_| None);
    assert_eq!(opened.verdict, Verdict::Understood);
    assert_eq!(opened.document, document);
    let stored = store(&opened.document);
    let reopened = open(stored.get(INDEX).map(String::as_str), &|name| {
        stored.get(name).cloned()
    });
    assert_eq!(reopened.document.trial, document.trial);
    assert_eq!(analysis(&reopened.document), analysis(&document));
}
