//! A streak of stretching days that forgives planned rest days.
//!
//! The rule: a day counts when a routine was **completed** on it (local date of the start).
//! Walking back from today, the streak goes on as long as every run of
//! [`StreakRule::window_days`] consecutive days holds at most
//! [`StreakRule::rest_days_allowed`] days without a completed routine. The default, 1 rest
//! day in any 3, lets a rest day follow every two stretching days, but two rest days in a row
//! end the streak. Today does not count against it until it is over, and the streak's
//! length is the number of stretching days, not calendar days.

use std::collections::VecDeque;

use crate::log::{CivilDate, SessionRecord};

/// How many rest days a streak forgives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreakRule {
    /// Length of the sliding window, in days (at least 1).
    pub window_days: u32,
    /// Rest days allowed within any window.
    pub rest_days_allowed: u32,
}

impl Default for StreakRule {
    /// One rest day in any three days.
    fn default() -> Self {
        Self {
            window_days: 3,
            rest_days_allowed: 1,
        }
    }
}

impl StreakRule {
    /// Up to `rest_days` rest days in any seven days.
    pub fn per_week(rest_days: u32) -> Self {
        Self {
            window_days: 7,
            rest_days_allowed: rest_days,
        }
    }

    /// The rule in words, e.g. "Up to 1 rest day in any 3 days keeps your streak going."
    pub fn describe(self) -> String {
        let rest = if self.rest_days_allowed == 1 {
            "rest day"
        } else {
            "rest days"
        };
        format!(
            "Up to {} {rest} in any {} days keeps your streak going.",
            self.rest_days_allowed, self.window_days
        )
    }
}

/// The current streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streak {
    /// Days with a completed routine in the streak.
    pub stretching_days: u32,
    /// The first day of the streak, if there is one.
    pub since: Option<CivilDate>,
    /// A routine has been completed today.
    pub done_today: bool,
}

impl Streak {
    /// The streak in words, e.g. "5 stretching days, since 20 Nov 2026. Done today."
    pub fn sentence(&self) -> String {
        let Some(since) = self.since.map(CivilDate::to_human) else {
            return "No streak yet: complete a routine to start one.".to_string();
        };
        let days = match self.stretching_days {
            1 => "1 stretching day".to_string(),
            count => format!("{count} stretching days"),
        };
        let today = if self.done_today { " Done today." } else { "" };
        format!("{days}, since {since}.{today}")
    }
}

/// The streak as of `today` under `rule`.
pub fn current_streak(sessions: &[SessionRecord], today: CivilDate, rule: StreakRule) -> Streak {
    let today_number = today.day_number();
    let mut days: Vec<i64> = sessions
        .iter()
        .filter(|session| session.completed)
        .map(|session| session.started.local_date().day_number())
        .filter(|day| *day <= today_number)
        .collect();
    days.sort_unstable();
    days.dedup();
    let done_today = days.last() == Some(&today_number);
    let mut streak = Streak {
        stretching_days: 0,
        since: None,
        done_today,
    };
    let Some(&first_day) = days.first() else {
        return streak;
    };
    let window = rule.window_days.max(1) as usize;
    let mut recent_rest: VecDeque<bool> = VecDeque::with_capacity(window + 1);
    let mut rests_in_window = 0;
    let mut stretching = days.iter().rev().peekable();
    let end = if done_today {
        today_number
    } else {
        today_number - 1
    };
    for day in (first_day..=end).rev() {
        let stretched = stretching.next_if(|d| **d == day).is_some();
        recent_rest.push_front(!stretched);
        rests_in_window += usize::from(!stretched);
        if recent_rest.len() > window && recent_rest.pop_back() == Some(true) {
            rests_in_window -= 1;
        }
        if rests_in_window > rule.rest_days_allowed as usize {
            break;
        }
        if stretched {
            streak.stretching_days += 1;
            streak.since = Some(CivilDate::from_day_number(day));
        }
    }
    streak
}
