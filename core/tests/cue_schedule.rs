//! The cue schedule: the seed routine's exact cues, the options, and the words for every kind.

use std::collections::HashSet;

use limber_core::cue::{schedule, Cue, CueKind, CueOptions, BREATH_CLEAR_MS, BREATH_EVERY_MS};
use limber_core::library::{builtin_routines, find_builtin};
use limber_core::plan::{Plan, PlanOptions};
use limber_core::routine::{Routine, Step, StepKind};
use limber_core::settings::Settings;
use limber_core::side::BodySide;

fn seed_plan(lead_in_ms: u64) -> Plan {
    let seed = find_builtin("strap-hamstring").unwrap();
    Plan::from_routine(
        &seed,
        &PlanOptions {
            variant_id: None,
            lead_in_ms,
        },
    )
}

fn summary(cues: &[Cue]) -> Vec<(u64, CueKind, Option<&str>)> {
    cues.iter()
        .map(|cue| (cue.at_ms, cue.kind, cue.words.as_deref()))
        .collect()
}

const SETUP_WORDS: &str = "Strap setup. Lie on your back on a mat. Brace your stomach muscles, \
as if about to cough, and keep them braced throughout. Loop the strap around your right foot \
and raise that leg.";

#[test]
fn the_seed_routine_has_exactly_these_cues() {
    let cues = schedule(&seed_plan(0), CueOptions::default());
    use CueKind::*;
    let hold_cues = |start: u64, kind: CueKind, words: &'static str| {
        [
            (start, kind, Some(words)),
            (start + 90_000, Halfway, Some("Halfway.")),
            (start + 170_000, Countdown(10), Some("Ten seconds.")),
            (start + 177_000, Countdown(3), None),
            (start + 178_000, Countdown(2), None),
            (start + 179_000, Countdown(1), None),
        ]
    };
    let mut expected = vec![
        (0, SetupStart, Some(SETUP_WORDS)),
        (17_000, Countdown(3), None),
        (18_000, Countdown(2), None),
        (19_000, Countdown(1), None),
    ];
    expected.extend(hold_cues(
        20_000,
        HoldStart,
        "Right leg. Hold for three minutes.",
    ));
    expected.extend([
        (200_000, RestStart, Some("Rest for one minute.")),
        (257_000, Countdown(3), None),
        (258_000, Countdown(2), None),
        (259_000, Countdown(1), None),
    ]);
    expected.extend(hold_cues(
        260_000,
        SideSwitch,
        "Switch to your left leg. Hold for three minutes.",
    ));
    expected.push((440_000, Done, Some("Done. How is your back now?")));
    assert_eq!(summary(&cues), expected);
    let ids: Vec<u32> = cues.iter().map(|cue| cue.id).collect();
    assert_eq!(ids, (0..cues.len() as u32).collect::<Vec<_>>());
    let phases: Vec<usize> = cues.iter().map(|cue| cue.phase_index).collect();
    assert_eq!(
        phases,
        [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3]
    );
}

#[test]
fn the_lead_in_announces_the_first_step() {
    let cues = schedule(&seed_plan(5_000), CueOptions::default());
    assert_eq!(
        summary(&cues[..2]),
        [
            (
                0,
                CueKind::LeadIn,
                Some("Get ready. Strap setup starts in five seconds.")
            ),
            (5_000, CueKind::SetupStart, Some(SETUP_WORDS)),
        ]
    );
    assert_eq!(cues.last().unwrap().at_ms, 445_000);
}

#[test]
fn options_turn_off_halfway_and_countdown_cues() {
    let plan = seed_plan(5_000);
    let quiet = CueOptions {
        halfway: false,
        countdown: false,
        breath: false,
    };
    let kinds: Vec<CueKind> = schedule(&plan, quiet).iter().map(|cue| cue.kind).collect();
    use CueKind::*;
    assert_eq!(
        kinds,
        [LeadIn, SetupStart, HoldStart, RestStart, SideSwitch, Done]
    );
    let halfway_only = CueOptions {
        halfway: true,
        countdown: false,
        breath: false,
    };
    assert_eq!(schedule(&plan, halfway_only).len(), 8);
}

#[test]
fn options_come_from_settings() {
    let settings = Settings {
        halfway_cue: false,
        countdown_beeps: true,
        ..Settings::default()
    };
    assert_eq!(
        CueOptions::from_settings(&settings),
        CueOptions {
            halfway: false,
            countdown: true,
            breath: true,
        }
    );
    assert_eq!(
        CueOptions::from_settings(&Settings::default()),
        CueOptions {
            breath: true,
            ..CueOptions::default()
        }
    );
}

#[test]
fn short_phases_get_no_countdown_and_unsided_holds_are_named() {
    let routine = find_builtin("pelvic-tilt").unwrap();
    let plan = Plan::from_routine(&routine, &PlanOptions::default());
    let cues = schedule(&plan, CueOptions::default());
    assert_eq!(cues.len(), 10 + 9 + 1);
    assert_eq!(
        cues[0].words.as_deref(),
        Some("Pelvic tilt. Hold for five seconds.")
    );
    assert_eq!(cues[1].words.as_deref(), Some("Rest for five seconds."));
}

#[test]
fn movements_and_repeated_sides_read_naturally() {
    let cat_cow = Plan::from_routine(&find_builtin("cat-cow").unwrap(), &PlanOptions::default());
    let cues = schedule(&cat_cow, CueOptions::default());
    assert_eq!(
        cues[0].words.as_deref(),
        Some("Cat–cow. Keep moving slowly for one minute.")
    );
    assert_eq!(cues[1].kind, CueKind::Halfway);
    let step = Step::new(StepKind::Hold, "Reach", "", 30_000)
        .per_side(BodySide::Left, 0)
        .repeated(2, 0)
        .with_limb("hip");
    let routine = Routine {
        id: "t".to_string(),
        name: "T".to_string(),
        summary: String::new(),
        tags: Vec::new(),
        sources: Vec::new(),
        safety_notes: Vec::new(),
        variants: Vec::new(),
        steps: vec![step],
        progression: None,
    };
    let plan = Plan::from_routine(&routine, &PlanOptions::default());
    let entries: Vec<_> = schedule(&plan, CueOptions::default())
        .into_iter()
        .filter(|cue| cue.kind.is_phase_entry())
        .map(|cue| (cue.kind, cue.words.unwrap()))
        .collect();
    let words = |kind, text: &str| (kind, text.to_string());
    assert_eq!(
        entries,
        [
            words(CueKind::HoldStart, "Left hip. Hold for thirty seconds."),
            words(
                CueKind::SideSwitch,
                "Switch to your right hip. Hold for thirty seconds."
            ),
            words(
                CueKind::SideSwitch,
                "Switch to your left hip. Hold for thirty seconds."
            ),
            words(
                CueKind::SideSwitch,
                "Switch to your right hip. Hold for thirty seconds."
            ),
        ]
    );
}

#[test]
fn every_kind_vibrates_its_own_way() {
    use CueKind::*;
    let kinds = [
        LeadIn,
        SetupStart,
        HoldStart,
        SideSwitch,
        RestStart,
        Halfway,
        Countdown(3),
        Done,
    ];
    let patterns: HashSet<&[u32]> = kinds.iter().map(|kind| kind.vibration_pattern()).collect();
    assert_eq!(patterns.len(), kinds.len());
    assert_eq!(
        Countdown(1).vibration_pattern(),
        Countdown(10).vibration_pattern()
    );
    for cue in schedule(&seed_plan(5_000), CueOptions::default()) {
        assert_eq!(cue.vibration, cue.kind.vibration_pattern());
    }
}

#[test]
fn every_builtin_schedule_is_sorted_with_one_entry_per_phase() {
    for routine in builtin_routines() {
        let plan = Plan::from_routine(
            &routine,
            &PlanOptions {
                variant_id: None,
                lead_in_ms: 5_000,
            },
        );
        let cues = schedule(&plan, CueOptions::default());
        assert!(cues.windows(2).all(|pair| pair[0].at_ms <= pair[1].at_ms));
        for phase in &plan.phases {
            let entries: Vec<_> = cues
                .iter()
                .filter(|cue| cue.phase_index == phase.index && cue.kind.is_phase_entry())
                .collect();
            assert_eq!(entries.len(), 1, "{}", routine.id);
            assert_eq!(entries[0].at_ms, phase.start_ms);
        }
        assert!(cues.iter().all(|cue| cue.at_ms <= plan.total_ms));
        assert_eq!(
            cues.iter().filter(|cue| cue.kind == CueKind::Done).count(),
            1
        );
    }
}

#[test]
fn an_empty_plan_has_no_cues() {
    let routine = Routine {
        id: "empty".to_string(),
        name: "Empty".to_string(),
        summary: String::new(),
        tags: Vec::new(),
        sources: Vec::new(),
        safety_notes: Vec::new(),
        variants: Vec::new(),
        steps: Vec::new(),
        progression: None,
    };
    let plan = Plan::from_routine(&routine, &PlanOptions::default());
    assert!(schedule(&plan, CueOptions::default()).is_empty());
}

#[test]
fn breaths_fill_every_long_silence_softly() {
    let plan = seed_plan(5_000);
    let options = CueOptions {
        breath: true,
        ..CueOptions::default()
    };
    let cues = schedule(&plan, options);
    let without = schedule(&plan, CueOptions::default());
    let breaths: Vec<_> = cues
        .iter()
        .filter(|cue| cue.kind == CueKind::Breath)
        .collect();
    assert!(!breaths.is_empty());
    assert_eq!(cues.len(), without.len() + breaths.len());
    for breath in &breaths {
        assert_eq!(breath.words, None);
        assert!(breath.vibration.is_empty());
    }
    // No silence much longer than the breath interval (far below Chrome's 30 s).
    for pair in cues.windows(2) {
        let silence_ms = pair[1].at_ms - pair[0].at_ms;
        assert!(silence_ms < BREATH_EVERY_MS + BREATH_CLEAR_MS, "{pair:?}");
        if pair[0].kind == CueKind::Breath {
            assert!(pair[1].at_ms - pair[0].at_ms >= BREATH_CLEAR_MS);
        }
    }
    // Ids stay the positions in the schedule.
    for (index, cue) in cues.iter().enumerate() {
        assert_eq!(cue.id as usize, index);
    }
}
