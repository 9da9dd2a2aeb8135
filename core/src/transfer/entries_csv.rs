//! Symptom entries as a CSV table for spreadsheets, and back.
//!
//! Columns: `id, time, pain, woke_at_night, stiffness, areas, context, session_id, note,
//! night_of, times_woken` (the last two only on a morning check-in, whose `pain` is the
//! night's pain).
//! Times are ISO-8601 with the offset they were logged in; `woke_at_night` is yes/no/empty;
//! areas are labels separated by "; "; context is "check-in", "before session" or
//! "after session". Reading matches columns by name (any order, case ignored, extra columns
//! ignored); only `time` and `pain` are required.

use super::csv::{read_rows, write_row, Row, BYTE_ORDER_MARK};
use crate::log::{content_id, Area, CivilDate, Entry, EntryContext, NightReport, Timestamp};

/// The header, in the order written.
const COLUMNS: [&str; 11] = [
    "id",
    "time",
    "pain",
    "woke_at_night",
    "stiffness",
    "areas",
    "context",
    "session_id",
    "note",
    "night_of",
    "times_woken",
];

/// Entries read from CSV, and the lines that could not be read ("line 7: pain must be 0–10").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvEntries {
    /// Entries that passed every check, in file order (`updated_ms` is 0).
    pub entries: Vec<Entry>,
    /// One message per line left out.
    pub problems: Vec<String>,
}

/// The CSV text for these entries: a byte-order mark, the header, one CRLF-ended row each.
pub fn entries_to_csv(entries: &[Entry]) -> String {
    let mut out = String::with_capacity(64 + entries.len() * 80);
    out.push(BYTE_ORDER_MARK);
    write_row(&mut out, COLUMNS);
    for entry in entries {
        let areas: Vec<&str> = entry.areas.iter().map(|area| area.label()).collect();
        let cells = [
            entry.id.clone(),
            entry.at.to_iso8601(),
            entry.pain.to_string(),
            entry.woke_at_night.map_or("", yes_no).to_string(),
            entry
                .stiffness
                .map_or_else(String::new, |value| value.to_string()),
            areas.join("; "),
            context_label(&entry.context).to_string(),
            entry.context.session_id().unwrap_or_default().to_string(),
            entry.note.clone(),
            entry
                .night
                .as_ref()
                .map_or_else(String::new, |night| night.night_of.to_string()),
            entry
                .night
                .as_ref()
                .map_or_else(String::new, |night| night.times_woken.to_string()),
        ];
        write_row(&mut out, cells.iter().map(String::as_str));
    }
    out
}

/// Reads entries from CSV text. `None` when the first record is not a header naming at least
/// the `time` and `pain` columns.
pub fn entries_from_csv(text: &str) -> Option<CsvEntries> {
    let (rows, unclosed_quote_line) = read_rows(text);
    let mut rows = rows.into_iter();
    let header = rows.next()?;
    let columns = ColumnIndex::from_header(&header)?;
    let mut parsed = CsvEntries {
        entries: Vec::new(),
        problems: Vec::new(),
    };
    for row in rows {
        match columns.entry(&row) {
            Ok(entry) => parsed.entries.push(entry),
            Err(problem) => parsed
                .problems
                .push(format!("line {}: {problem}", row.line)),
        }
    }
    if let Some(line) = unclosed_quote_line {
        parsed
            .problems
            .push(format!("line {line}: a quoted field is never closed"));
    }
    Some(parsed)
}

/// Where each known column is in the file.
struct ColumnIndex([Option<usize>; COLUMNS.len()]);

impl ColumnIndex {
    /// Finds the columns by name; needs `time` and `pain`.
    fn from_header(header: &Row) -> Option<Self> {
        let names: Vec<String> = header
            .cells
            .iter()
            .map(|name| name.trim().to_lowercase().replace(' ', "_"))
            .collect();
        let index = COLUMNS.map(|column| names.iter().position(|name| name == column));
        let found = |column| index[Self::slot(column)].is_some();
        (found("time") && found("pain")).then_some(Self(index))
    }

    /// Position of a column in [`COLUMNS`].
    fn slot(column: &str) -> usize {
        COLUMNS
            .iter()
            .position(|known| *known == column)
            .expect("column names are constants from COLUMNS")
    }

    /// The cell of `column` in `row`; empty when the column or the cell is missing.
    fn cell<'a>(&self, row: &'a Row, column: &str) -> &'a str {
        self.0[Self::slot(column)]
            .and_then(|position| row.cells.get(position))
            .map_or("", String::as_str)
    }

    /// Reads and checks one entry.
    fn entry(&self, row: &Row) -> Result<Entry, String> {
        let time = self.cell(row, "time").trim();
        if time.is_empty() {
            return Err("time is missing".to_string());
        }
        let at = Timestamp::parse_iso8601(time).map_err(|error| error.to_string())?;
        let pain = rating("pain", self.cell(row, "pain"))?.ok_or("pain is missing")?;
        let id = match self.cell(row, "id") {
            id if id.trim().is_empty() => content_id("csv", &row.cells.join("\u{1f}")),
            id => id.to_string(),
        };
        let mut entry = Entry::new(id, at, pain);
        entry.woke_at_night = yes_no_or_empty(self.cell(row, "woke_at_night"))?;
        entry.stiffness = rating("stiffness", self.cell(row, "stiffness"))?;
        entry.areas = areas(self.cell(row, "areas"))?;
        entry.context = context(self.cell(row, "context"), self.cell(row, "session_id"))?;
        entry.note = self.cell(row, "note").to_string();
        entry.night = night(self.cell(row, "night_of"), self.cell(row, "times_woken"))?;
        let entry = entry.normalized();
        entry.validate().map_err(|error| error.to_string())?;
        Ok(entry)
    }
}

/// Reads the morning check-in's night date and times woken; both empty is "not a check-in".
fn night(night_of: &str, times_woken: &str) -> Result<Option<NightReport>, String> {
    let night_of = night_of.trim();
    if night_of.is_empty() {
        return Ok(None);
    }
    let night_of = CivilDate::parse(night_of)
        .ok_or_else(|| format!("night_of must be a date like 2026-11-24, not \"{night_of}\""))?;
    let times_woken = rating("times_woken", times_woken)?.unwrap_or(0);
    Ok(Some(NightReport {
        night_of,
        times_woken,
    }))
}

/// "yes" or "no".
fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

/// Reads yes/no (also true/false, y/n, 1/0); empty is "not answered".
fn yes_no_or_empty(text: &str) -> Result<Option<bool>, String> {
    match text.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "yes" | "y" | "true" | "1" => Ok(Some(true)),
        "no" | "n" | "false" | "0" => Ok(Some(false)),
        other => Err(format!(
            "woke_at_night must be yes, no or empty, not \"{other}\""
        )),
    }
}

/// Reads an optional whole number for a 0–10 scale (the range is checked by validation).
fn rating(name: &str, text: &str) -> Result<Option<u8>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| format!("{name} must be a whole number 0–10, not \"{text}\""))
}

/// Reads area labels separated by semicolons (or commas).
fn areas(text: &str) -> Result<Vec<Area>, String> {
    text.split([';', ','])
        .map(str::trim)
        .filter(|label| !label.is_empty())
        .map(|label| {
            Area::from_label(label).ok_or_else(|| {
                format!(
                    "unknown area \"{label}\" (use low back, left hip, right hip, left leg, \
                     right leg or other)"
                )
            })
        })
        .collect()
}

/// The context column's words.
fn context_label(context: &EntryContext) -> &'static str {
    match context {
        EntryContext::DailyCheckIn => "check-in",
        EntryContext::BeforeSession { .. } => "before session",
        EntryContext::AfterSession { .. } => "after session",
    }
}

/// Reads the context column (words or stored keys) with its session id.
fn context(text: &str, session_id: &str) -> Result<EntryContext, String> {
    let session_id = session_id.to_string();
    match text.trim().to_lowercase().replace(['_', '-'], " ").as_str() {
        "" | "check in" | "daily check in" => Ok(EntryContext::DailyCheckIn),
        "before session" => Ok(EntryContext::BeforeSession { session_id }),
        "after session" => Ok(EntryContext::AfterSession { session_id }),
        other => Err(format!(
            "context must be check-in, before session or after session, not \"{other}\""
        )),
    }
}
