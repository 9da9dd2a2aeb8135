//! The reminder file, read back with a small RFC 5545 reader written here: CRLF line ends,
//! lines of at most 75 octets, unfolding, escaping that round-trips, and the right event.

use limber_core::log::{CivilDate, Timestamp};
use limber_core::transfer::{
    reminder_file_name, reminder_ics, Reminder, ReminderError, Weekday, Weekdays,
};

/// One content line after unfolding: `NAME:value` (this file writes no parameters).
#[derive(Debug, Clone, PartialEq)]
struct Property {
    name: String,
    value: String,
}

/// Reads an iCalendar text strictly: every line ends with CRLF, no physical line is longer
/// than 75 octets, no bare CR or LF; continuation lines (leading space or tab) are unfolded.
fn parse(text: &str) -> Vec<Property> {
    let body = text.strip_suffix("\r\n").expect("ends with CRLF");
    let mut logical: Vec<String> = Vec::new();
    for line in body.split("\r\n") {
        assert!(!line.contains(['\r', '\n']), "bare CR or LF in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        match line.strip_prefix([' ', '\t']) {
            Some(rest) => logical.last_mut().expect("a first line").push_str(rest),
            None => logical.push(line.to_string()),
        }
    }
    logical
        .into_iter()
        .map(|line| {
            let (name, value) = line.split_once(':').expect("NAME:value");
            Property {
                name: name.to_string(),
                value: value.to_string(),
            }
        })
        .collect()
}

/// Reads a TEXT value (RFC 5545 §3.3.11); unescaped `;` or `,` or an unknown escape fail.
fn unescape(value: &str) -> String {
    let mut text = String::new();
    let mut chars = value.chars();
    while let Some(char) = chars.next() {
        match char {
            '\\' => match chars.next() {
                Some('\\') => text.push('\\'),
                Some(';') => text.push(';'),
                Some(',') => text.push(','),
                Some('n' | 'N') => text.push('\n'),
                other => panic!("bad escape \\{other:?} in {value:?}"),
            },
            ';' | ',' => panic!("unescaped {char:?} in {value:?}"),
            char => text.push(char),
        }
    }
    text
}

/// The properties of the component `name` (nested components left out), checking that
/// BEGIN and END pair up.
fn component(properties: &[Property], name: &str) -> Vec<Property> {
    let mut depth = Vec::new();
    let mut found = Vec::new();
    for property in properties {
        match property.name.as_str() {
            "BEGIN" => depth.push(property.value.clone()),
            "END" => assert_eq!(depth.pop().as_deref(), Some(property.value.as_str())),
            _ if depth.last().map(String::as_str) == Some(name) => found.push(property.clone()),
            _ => {}
        }
    }
    assert!(depth.is_empty(), "unclosed {depth:?}");
    found
}

/// The single value of `name` among `properties`.
fn value<'a>(properties: &'a [Property], name: &str) -> &'a str {
    let matching: Vec<_> = properties.iter().filter(|p| p.name == name).collect();
    assert_eq!(matching.len(), 1, "{name} appears {} times", matching.len());
    &matching[0].value
}

fn reminder(days: Weekdays, routine_name: &str) -> Reminder {
    Reminder {
        hour: 8,
        minute: 0,
        days,
        routine_name: routine_name.to_string(),
        start_date: CivilDate::new(2026, 11, 24).unwrap(),
        duration_ms: 440_000,
    }
}

/// 2025-11-24T16:00:00Z.
fn created() -> Timestamp {
    Timestamp::new(1_764_000_000_000, 60)
}

#[test]
fn an_every_day_reminder_is_a_daily_floating_event_with_an_alarm() {
    let strap = "Strap hamstring stretch — 3:00 per leg";
    let text = reminder_ics(&reminder(Weekdays::EVERY_DAY, strap), "strap", created()).unwrap();
    let properties = parse(&text);
    let calendar = component(&properties, "VCALENDAR");
    assert_eq!(value(&calendar, "VERSION"), "2.0");
    assert_eq!(value(&calendar, "CALSCALE"), "GREGORIAN");
    assert!(value(&calendar, "PRODID").contains("Limber"));
    let event = component(&properties, "VEVENT");
    assert_eq!(
        value(&event, "DTSTART"),
        "20261124T080000",
        "floating: no Z, no TZID"
    );
    assert_eq!(value(&event, "DTSTAMP"), "20251124T160000Z");
    assert_eq!(value(&event, "RRULE"), "FREQ=DAILY");
    assert_eq!(value(&event, "DURATION"), "PT8M");
    assert_eq!(
        unescape(value(&event, "SUMMARY")),
        format!("Stretch: {strap}")
    );
    let message = format!("Time for your stretch: {strap}. Open Limber.");
    assert_eq!(unescape(value(&event, "DESCRIPTION")), message);
    let uid = value(&event, "UID");
    assert!(uid.starts_with("limber-reminder-") && uid.ends_with("@limber.invalid"));
    let alarm = component(&properties, "VALARM");
    assert_eq!(value(&alarm, "ACTION"), "DISPLAY");
    assert_eq!(value(&alarm, "TRIGGER"), "PT0S");
    assert_eq!(unescape(value(&alarm, "DESCRIPTION")), message);
    assert_eq!(reminder_file_name(), "limber-reminder.ics");
}

#[test]
fn chosen_days_repeat_weekly_from_the_first_chosen_day() {
    let days = Weekdays::of(&[Weekday::Friday, Weekday::Monday, Weekday::Wednesday]);
    let mut weekly = reminder(days, "Cat–cow");
    weekly.hour = 7;
    weekly.minute = 30;
    weekly.duration_ms = 0;
    let properties = parse(&reminder_ics(&weekly, "cat-cow", created()).unwrap());
    let event = component(&properties, "VEVENT");
    assert_eq!(value(&event, "RRULE"), "FREQ=WEEKLY;BYDAY=MO,WE,FR");
    // 24 November 2026 is a Tuesday: the first chosen day is Wednesday the 25th.
    assert_eq!(value(&event, "DTSTART"), "20261125T073000");
    assert_eq!(value(&event, "DURATION"), "PT1M");
    assert_eq!(weekly.describe(), "Mon, Wed, Fri at 07:30");
    assert_eq!(
        reminder(Weekdays::EVERY_DAY, "x").describe(),
        "Every day at 08:00"
    );
}

#[test]
fn awkward_names_are_escaped_folded_and_read_back_exactly() {
    let name = "Back; hips, knees \\ \"ankles\"\nevening: 🧘‍♀️🧘‍♀️ «étirements» \
                🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵🦵 done";
    let text = reminder_ics(&reminder(Weekdays::EVERY_DAY, name), "seed", created()).unwrap();
    assert!(text.lines().count() > 22, "long lines were folded");
    let properties = parse(&text);
    let event = component(&properties, "VEVENT");
    assert_eq!(
        unescape(value(&event, "SUMMARY")),
        format!("Stretch: {name}")
    );
    assert_eq!(
        unescape(value(&event, "DESCRIPTION")),
        format!("Time for your stretch: {name}. Open Limber.")
    );
    // Windows line ends become one line break; other control characters are left out.
    let messy = reminder(Weekdays::EVERY_DAY, "a\r\nb\u{0}c");
    let properties = parse(&reminder_ics(&messy, "seed", created()).unwrap());
    assert_eq!(unescape(value(&properties, "SUMMARY")), "Stretch: a\nbc");
}

#[test]
fn the_uid_depends_on_the_seed_and_the_reminder_only() {
    let uid = |reminder: &Reminder, seed: &str, created: Timestamp| {
        let properties = parse(&reminder_ics(reminder, seed, created).unwrap());
        value(&properties, "UID").to_string()
    };
    let daily = reminder(Weekdays::EVERY_DAY, "Strap");
    let first = uid(&daily, "strap", created());
    let mut later = daily.clone();
    later.start_date = CivilDate::new(2027, 1, 4).unwrap();
    assert_eq!(
        uid(&later, "strap", Timestamp::new(1_800_000_000_000, 0)),
        first
    );
    assert_ne!(uid(&daily, "other", created()), first);
    let mut earlier_time = daily.clone();
    earlier_time.hour = 7;
    assert_ne!(uid(&earlier_time, "strap", created()), first);
}

#[test]
fn impossible_reminders_say_what_to_fix() {
    let mut late = reminder(Weekdays::EVERY_DAY, "Strap");
    late.hour = 24;
    assert_eq!(
        reminder_ics(&late, "s", created()),
        Err(ReminderError::InvalidTime)
    );
    let none = reminder(Weekdays::default(), "Strap");
    let error = reminder_ics(&none, "s", created()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Choose at least one day for the reminder."
    );
    let mut far = reminder(Weekdays::EVERY_DAY, "Strap");
    far.start_date = CivilDate::new(10_000, 1, 1).unwrap();
    assert_eq!(
        reminder_ics(&far, "s", created()),
        Err(ReminderError::StartDateOutOfRange)
    );
}

#[test]
fn weekdays_follow_the_calendar() {
    let day = |y, m, d| Weekday::of(CivilDate::new(y, m, d).unwrap());
    assert_eq!(day(1970, 1, 1), Weekday::Thursday);
    assert_eq!(day(2000, 1, 1), Weekday::Saturday);
    assert_eq!(day(2024, 2, 29), Weekday::Thursday);
    assert_eq!(day(1969, 12, 29), Weekday::Monday);
    let days = Weekdays::of(&[Weekday::Sunday, Weekday::Sunday, Weekday::Monday]);
    assert_eq!(days.days(), [Weekday::Monday, Weekday::Sunday]);
    assert!(Weekdays::of(&Weekday::ALL) == Weekdays::EVERY_DAY);
}
