//! The clinician summary: the last 30 or 90 days of the user's own records, as data for a
//! printable page — daily pain, sessions, stretch held per leg (in total and week by week),
//! the notes written, and the routines followed with their steps and sources — plus a few
//! plain sentences to head the page.
//!
//! Everything is self-reported and computed on the device; the page says so.

mod routines;
mod sentences;

use std::collections::BTreeMap;

use crate::insight::{compare_with_baseline, daily_series, DayPoint, PainChange, StretchDose};
use crate::log::{CivilDate, Entry, EntryContext, Timestamp};
use crate::store::Document;

pub use routines::{RoutineUsed, StepLine};

/// How far back the summary looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SummaryPeriod {
    /// The 30 days ending today.
    Last30Days,
    /// The 90 days ending today.
    Last90Days,
}

impl SummaryPeriod {
    /// The number of days, today included.
    pub fn days(self) -> u32 {
        match self {
            SummaryPeriod::Last30Days => 30,
            SummaryPeriod::Last90Days => 90,
        }
    }
}

/// Everything on the clinician summary page.
#[derive(Debug, Clone, PartialEq)]
pub struct ClinicianSummary {
    /// The first day covered.
    pub first_day: CivilDate,
    /// The last day covered (today).
    pub last_day: CivilDate,
    /// Days covered.
    pub days: u32,
    /// One point per day, oldest first: pain, whether a routine was completed, stretch held.
    pub daily: Vec<DayPoint>,
    /// Pain over the period; `None` without any rating.
    pub pain: Option<PeriodPain>,
    /// Days on which pain woke the user at night, of the days the question was answered.
    pub nights_woken: u32,
    /// Days with an answer to "did pain wake you last night?".
    pub nights_answered: u32,
    /// Sessions started in the period, completed or stopped.
    pub sessions: u32,
    /// Sessions played to the end.
    pub completed_sessions: u32,
    /// Days with at least one completed session.
    pub stretching_days: u32,
    /// Stretch held over the whole period, per side.
    pub dose: StretchDose,
    /// Stretch held per side, averaged over a week of the period (total × 7 ÷ days).
    pub dose_per_week: StretchDose,
    /// Stretch held week by week, in 7-day blocks ending today (the first may be shorter).
    pub weekly_dose: Vec<WeekDose>,
    /// Entries with a note, oldest first.
    pub notes: Vec<DatedNote>,
    /// The routines followed, most used first.
    pub routines: Vec<RoutineUsed>,
    /// A few sentences summing up the above, for the top of the page.
    pub sentences: Vec<String>,
}

/// Pain over the period, from the daily means of the 0–10 ratings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodPain {
    /// Days with at least one rating.
    pub rated_days: u32,
    /// Ratings in all.
    pub ratings: u32,
    /// Mean of the daily means.
    pub mean: f32,
    /// Lowest single rating.
    pub lowest: u8,
    /// Highest single rating.
    pub highest: u8,
    /// The first rated week's average, as Progress shows it ([`compare_with_baseline`]), if
    /// there were enough ratings.
    pub first_week_mean: Option<f32>,
    /// The last 7 days' average, as Progress shows it, if there were enough ratings.
    pub last_week_mean: Option<f32>,
}

/// Stretch held in one block of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekDose {
    /// First day of the block.
    pub first_day: CivilDate,
    /// Last day of the block.
    pub last_day: CivilDate,
    /// Held in the block, per side.
    pub dose: StretchDose,
}

/// A note from the log, with when it was written and the rating beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedNote {
    /// When the entry applies.
    pub at: Timestamp,
    /// Its local day.
    pub date: CivilDate,
    /// Its local time of day, "08:30".
    pub time: String,
    /// The pain rating given with it.
    pub pain: u8,
    /// "before a session", "after a session" or "check-in".
    pub context: &'static str,
    /// The note, as written (show it as plain text).
    pub text: String,
}

/// The summary of the `period` ending `today`, from `document`'s log and routines (custom
/// routines first, then the built-in ones, to find the steps of each routine used).
pub fn clinician_summary(
    document: &Document,
    today: CivilDate,
    period: SummaryPeriod,
) -> ClinicianSummary {
    let days = period.days();
    let first_day = today.add_days(1 - i64::from(days));
    let in_period = |date: CivilDate| first_day <= date && date <= today;
    let (entries, all_sessions) = (document.log.entries(), document.log.sessions());
    let daily = daily_series(entries, all_sessions, today, days);
    let sessions: Vec<_> = all_sessions
        .iter()
        .filter(|session| in_period(session.started.local_date()))
        .collect();
    let period_entries: Vec<&Entry> = entries
        .iter()
        .filter(|entry| in_period(entry.at.local_date()))
        .collect();
    let (nights_woken, nights_answered) = night_pain(&period_entries);
    let dose = total_dose(&daily);
    let mut summary = ClinicianSummary {
        first_day,
        last_day: today,
        days,
        pain: period_pain(&daily, &compare_with_baseline(entries, today)),
        nights_woken,
        nights_answered,
        sessions: sessions.len() as u32,
        completed_sessions: sessions.iter().filter(|s| s.completed).count() as u32,
        stretching_days: daily.iter().filter(|day| day.completed_session).count() as u32,
        dose,
        dose_per_week: scaled(dose, 7, days),
        weekly_dose: daily
            .rchunks(7)
            .rev()
            .map(|week| WeekDose {
                first_day: week[0].date,
                last_day: week[week.len() - 1].date,
                dose: total_dose(week),
            })
            .collect(),
        notes: period_entries
            .iter()
            .filter(|entry| !entry.note.trim().is_empty())
            .map(|entry| dated_note(entry))
            .collect(),
        routines: routines::used(document, &sessions, today),
        sentences: Vec::new(),
        daily,
    };
    summary.sentences = sentences::write(&summary);
    summary
}

/// Pain statistics over the daily points, with the first week and the last from the shared
/// comparison `change`; `None` without any rating.
fn period_pain(daily: &[DayPoint], change: &PainChange) -> Option<PeriodPain> {
    let rated: Vec<_> = daily.iter().filter_map(|day| day.pain).collect();
    let mean_of = |points: &[DayPoint]| {
        let means: Vec<f32> = points
            .iter()
            .filter_map(|d| d.pain.map(|p| p.mean))
            .collect();
        (!means.is_empty()).then(|| means.iter().sum::<f32>() / means.len() as f32)
    };
    Some(PeriodPain {
        rated_days: rated.len() as u32,
        ratings: rated.iter().map(|stats| stats.count).sum(),
        mean: mean_of(daily)?,
        lowest: rated.iter().map(|stats| stats.min).min()?,
        highest: rated.iter().map(|stats| stats.max).max()?,
        first_week_mean: change.baseline,
        last_week_mean: change.recent,
    })
}

/// Days on which pain woke the user, and days on which the question was answered.
fn night_pain(entries: &[&Entry]) -> (u32, u32) {
    let mut by_day: BTreeMap<CivilDate, bool> = BTreeMap::new();
    for entry in entries {
        if let Some(woke) = entry.woke_at_night {
            *by_day.entry(entry.at.local_date()).or_default() |= woke;
        }
    }
    let woken = by_day.values().filter(|woke| **woke).count();
    (woken as u32, by_day.len() as u32)
}

/// Stretch held over some days.
fn total_dose(days: &[DayPoint]) -> StretchDose {
    days.iter()
        .fold(StretchDose::default(), |total, day| StretchDose {
            left_seconds: total.left_seconds.saturating_add(day.dose.left_seconds),
            right_seconds: total.right_seconds.saturating_add(day.dose.right_seconds),
            unsided_seconds: total
                .unsided_seconds
                .saturating_add(day.dose.unsided_seconds),
        })
}

/// Each side × `numerator` ÷ `denominator`, rounded to the nearest second.
fn scaled(dose: StretchDose, numerator: u32, denominator: u32) -> StretchDose {
    let scale = |seconds: u32| {
        let scaled = (u64::from(seconds) * u64::from(numerator) * 2 + u64::from(denominator))
            / (2 * u64::from(denominator));
        u32::try_from(scaled).unwrap_or(u32::MAX)
    };
    StretchDose {
        left_seconds: scale(dose.left_seconds),
        right_seconds: scale(dose.right_seconds),
        unsided_seconds: scale(dose.unsided_seconds),
    }
}

/// An entry's note with its time, rating and context.
fn dated_note(entry: &Entry) -> DatedNote {
    DatedNote {
        at: entry.at,
        date: entry.at.local_date(),
        time: entry.at.local_time_of_day(),
        pain: entry.pain,
        context: match entry.context {
            EntryContext::DailyCheckIn => "check-in",
            EntryContext::BeforeSession { .. } => "before a session",
            EntryContext::AfterSession { .. } => "after a session",
        },
        text: entry.note.clone(),
    }
}
