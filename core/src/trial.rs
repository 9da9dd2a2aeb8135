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
