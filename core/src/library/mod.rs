//! The built-in routines, as data, each with its sources and safety notes. Sources support
//! the flexibility and exercise guidance (hold lengths, repetitions, how often); Limber never
//! claims that a routine treats back pain.

mod cat_cow;
mod childs_pose;
mod figure_four;
mod knee_to_chest;
mod kneeling_hip_flexor;
mod pelvic_tilt;
mod short_hold_hamstring;
mod strap_hamstring;

use crate::routine::{Routine, Source};

/// Id of the seed routine, "Strap hamstring stretch — 3:00 per leg": offered first.
pub const SEED_ROUTINE_ID: &str = "strap-hamstring";

/// Every built-in routine, the seed routine ([`SEED_ROUTINE_ID`]) first.
pub fn builtin_routines() -> Vec<Routine> {
    vec![
        strap_hamstring::routine(),
        short_hold_hamstring::routine(),
        knee_to_chest::routine(),
        figure_four::routine(),
        kneeling_hip_flexor::routine(),
        cat_cow::routine(),
        childs_pose::routine(),
        pelvic_tilt::routine(),
    ]
}

/// The built-in routine with this id, if there is one.
///
/// ```
/// let seed = limber_core::library::find_builtin("strap-hamstring").unwrap();
/// assert_eq!(seed.name, "Strap hamstring stretch — 3:00 per leg");
/// assert!(limber_core::library::find_builtin("no-such-routine").is_none());
/// ```
pub fn find_builtin(id: &str) -> Option<Routine> {
    builtin_routines()
        .into_iter()
        .find(|routine| routine.id == id)
}

/// The safety note every routine carries.
const ASK_FIRST: &str = "Ask your healthcare provider before trying anything new. Bodies \
differ: what helps one person may not help another, so try it, notice how you feel, and adjust.";

/// The note about sharp or spreading pain, shared by every routine.
const STOP_IF_SHARP: &str = "Stretching should feel like tightness or mild discomfort. Stop if \
pain is sharp, or if pain, tingling or numbness spreads down a leg.";

/// Owned strings from a list of literals, for tags and notes.
fn texts(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

/// The routine's own safety notes after the two every routine carries.
fn safety_notes(specific: &[&str]) -> Vec<String> {
    let mut notes = texts(&[ASK_FIRST, STOP_IF_SHARP]);
    notes.extend(texts(specific));
    notes
}

/// ACSM's flexibility guidance: hold lengths, repetitions and frequency.
fn acsm() -> Source {
    Source {
        citation: "American College of Sports Medicine. ACSM's Guidelines for Exercise Testing \
and Prescription (flexibility exercise recommendations)."
            .to_string(),
        supports: "General flexibility guidance for adults: stretch to tightness or mild \
discomfort, hold 10–30 seconds (30–60 for older adults), 2–4 repetitions, at least 2–3 days a \
week — daily is best."
            .to_string(),
    }
}

/// Bandy, Irion & Briggler 1997: 30 s holds as effective as 60 s, once a day as three times.
fn bandy_1997() -> Source {
    Source {
        citation: "Bandy WD, Irion JM, Briggler M. The effect of time and frequency of static \
stretching on flexibility of the hamstring muscles. Phys Ther. 1997;77(10):1090–1096."
            .to_string(),
        supports: "Hamstring flexibility in healthy adults: 30-second holds gained as much as \
60-second holds, and once a day as much as three times a day. About flexibility, not back pain."
            .to_string(),
    }
}

/// Ayala & Sainz de Baranda 2010: about 180 s of stretch per day, in any split.
fn ayala_2010() -> Source {
    Source {
        citation: "Ayala F, Sainz de Baranda P. Effect of 3 different active stretch durations \
on hip flexion range of motion. J Strength Cond Res. 2010;24(2):430–436."
            .to_string(),
        supports: "Hamstring flexibility in healthy adults: about 180 seconds of stretching per \
day, split into short or long holds, gave similar gains. About flexibility, not back pain."
            .to_string(),
    }
}

/// NICE NG59: exercise programmes are recommended for low back pain.
fn nice_ng59() -> Source {
    Source {
        citation: "National Institute for Health and Care Excellence. Low back pain and sciatica \
in over 16s: assessment and management. NICE guideline NG59. 2016, updated 2020."
            .to_string(),
        supports: "Exercise programmes (such as stretching, strengthening, aerobic exercise or \
yoga) are recommended as part of managing low back pain, once serious causes have been ruled \
out. This supports exercise in general, not this routine in particular."
            .to_string(),
    }
}
