//! A personal, randomised N-of-1 trial: "does stretching help *me*?". The plan (two
//! conditions in pairs of blocks, the order within each pair decided by a coin), its calendar,
//! the scoring of each block from the log, the statistics (exact randomisation test, 95 %
//! interval, posterior chances) and the words that report the result honestly.
//!
//! Random bits and "today" are passed in, so everything here is deterministic and tested.

pub mod analysis;
pub mod calendar;
pub mod design;
pub mod export;
pub mod report;
pub mod scoring;
pub mod sha256;
pub mod statistics;
pub mod student_t;

pub use analysis::{analyse, Analysis};
pub use calendar::{Condition, TrialDay};
pub use design::{Arm, DesignError, Outcome, Trial, TrialDesign};

/// A 3-pair × 5-day trial from 2026-12-01 with fixed coins, for the module tests.
#[cfg(test)]
pub(crate) fn sample_trial() -> Trial {
    let design = TrialDesign {
        pairs: 3,
        block_days: 5,
        ..TrialDesign::default()
    };
    Trial::plan(
        "t1",
        design,
        crate::log::CivilDate::new(2026, 12, 1).expect("a real date"),
        0b001,
        0,
    )
    .expect("a valid design")
}
