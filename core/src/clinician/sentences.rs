//! The sentences that head the clinician summary: what the period was, pain, night pain,
//! sessions, stretch held and routines, in plain words with the figures shown on the page.

use super::ClinicianSummary;
use crate::duration::format_clock;
use crate::insight::StretchDose;

/// The summary's sentences, in page order.
pub(super) fn write(summary: &ClinicianSummary) -> Vec<String> {
    let mut sentences = vec![format!(
        "Summary of the {} days from {} to {}, from the user's own records in Limber \
         (self-reported; not a diagnosis).",
        summary.days,
        summary.first_day.to_human(),
        summary.last_day.to_human()
    )];
    sentences.push(match &summary.pain {
        None => "No pain ratings in this period.".to_string(),
        Some(pain) => {
            let mut text = format!(
                "Pain (0–10) was rated on {} of {} days ({}): average {:.1}, lowest {}, \
                 highest {}.",
                pain.rated_days,
                summary.days,
                counted(pain.ratings, "rating", "ratings"),
                pain.mean,
                pain.lowest,
                pain.highest
            );
            if let (Some(first), Some(last)) = (pain.first_week_mean, pain.last_week_mean) {
                text.push_str(&format!(
                    " Average in the first week {first:.1}, in the last week {last:.1}."
                ));
            }
            text
        }
    });
    if summary.nights_answered > 0 {
        sentences.push(format!(
            "Pain woke them at night on {} of the {} asked.",
            summary.nights_woken,
            counted(summary.nights_answered, "day", "days")
        ));
    }
    sentences.push(if summary.sessions == 0 {
        "No stretching sessions were recorded in this period.".to_string()
    } else {
        format!(
            "{}, {} completed; a routine was completed on {}.",
            counted(summary.sessions, "session", "sessions"),
            summary.completed_sessions,
            counted(summary.stretching_days, "day", "days")
        )
    });
    if let Some(held) = held(&summary.dose, &summary.dose_per_week) {
        sentences.push(held);
    }
    if !summary.routines.is_empty() {
        let routines: Vec<String> = summary
            .routines
            .iter()
            .map(|routine| {
                let sessions = counted(routine.sessions, "session", "sessions");
                format!("{} ({sessions})", routine.name)
            })
            .collect();
        sentences.push(format!("Routines used: {}.", routines.join("; ")));
    }
    sentences
}

/// "Stretch held in total: left 30:00 (about 7:00 a week), right 30:00 (about 7:00 a
/// week)."; `None` when nothing was held.
fn held(total: &StretchDose, per_week: &StretchDose) -> Option<String> {
    let sides = [
        ("left", total.left_seconds, per_week.left_seconds),
        ("right", total.right_seconds, per_week.right_seconds),
        ("unsided", total.unsided_seconds, per_week.unsided_seconds),
    ];
    let parts: Vec<String> = sides
        .iter()
        .filter(|(_, total, _)| *total > 0)
        .map(|(side, total, week)| {
            format!(
                "{side} {} (about {} a week)",
                format_clock(u64::from(*total)),
                format_clock(u64::from(*week))
            )
        })
        .collect();
    (!parts.is_empty()).then(|| format!("Stretch held in total: {}.", parts.join(", ")))
}

/// "1 session", "12 sessions".
fn counted(count: u32, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
