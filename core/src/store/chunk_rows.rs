//! Reading a chunk's text straight into typed records, fast, without building a JSON value
//! for each record: the first record of a columnar chunk is read as the slow way reads it,
//! and every other record is a copy of it with its row's cells put in, column by column
//! ([`super::record_columns`]).
//!
//! This is the way in at start-up. Anything it does not expect (a text not laid out as the
//! codec writes it, a column it does not know, a cell it is unsure of) gives `None`, and the
//! caller reads the chunk as JSON values instead ([`super::chunk_codec::decode_chunk`]),
//! which reports what it cannot read.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::chunk_cells::{parsed, value_end, RowScanner};
use super::chunk_codec::unflatten;
use super::record_columns::{CellRecord, SetCell};

/// The records of a chunk's text, each read as a `T`; `None` when the text is not a chunk
/// this reader understands or a record does not read as a `T`.
pub(super) fn read_rows<T: CellRecord>(text: &str) -> Option<Vec<T>> {
    if let Some(records) = text
        .strip_prefix(r#"{"records":"#)
        .and_then(|rest| rest.strip_suffix('}'))
    {
        let Value::Array(records) = parsed(records)? else {
            return None;
        };
        return records
            .into_iter()
            .map(|record| serde_json::from_value(record).ok())
            .collect();
    }
    let (same, columns, rows) = columnar_parts(text)?;
    let setters: Vec<SetCell<T>> = columns
        .iter()
        .map(|name| T::column(name))
        .collect::<Option<_>>()?;
    let mut scanner = RowScanner::new(rows)?;
    let mut cells = Vec::with_capacity(columns.len());
    let mut records: Vec<T> = Vec::new();
    let mut template: Option<T> = None;
    while scanner.next_row(&mut cells)? {
        if cells.len() != columns.len() {
            return None;
        }
        let record = match &template {
            None => {
                let first: T = first_record(&same, &columns, &cells)?;
                template = Some(cleared(first.clone(), &setters));
                first
            }
            Some(template) => {
                let mut record = template.clone();
                for (set, cell) in setters.iter().zip(&cells) {
                    set(&mut record, cell)?;
                }
                record
            }
        };
        records.push(record);
    }
    scanner.rest().is_empty().then_some(records)
}

/// The `same` fields, the column names and the rows' text of a columnar chunk, written with
/// its shape first (as the codec writes it) or its fields in name order (as it did before).
fn columnar_parts(text: &str) -> Option<(Map<String, Value>, Vec<String>, &str)> {
    if let Some(rest) = text.strip_prefix(r#"{"same":"#) {
        let (same, rest) = leading(rest)?;
        let (columns, rest) = leading(rest.strip_prefix(r#","columns":"#)?)?;
        let rows = rest.strip_prefix(r#","rows":"#)?.strip_suffix('}')?;
        return Some((object(same)?, names(columns)?, rows));
    }
    let (columns, rest) = leading(text.strip_prefix(r#"{"columns":"#)?)?;
    let rest = rest.strip_prefix(r#","rows":"#)?;
    let mut scanner = RowScanner::new(rest)?;
    while scanner.next_row(&mut Vec::new())? {}
    let rows = &rest[..rest.len() - scanner.rest().len()];
    let same = scanner
        .rest()
        .strip_prefix(r#","same":"#)?
        .strip_suffix('}')?;
    Some((object(parsed(same)?)?, names(columns)?, rows))
}

/// A JSON value at the start of `text`, and the text after it.
fn leading(text: &str) -> Option<(Value, &str)> {
    let end = value_end(text.as_bytes(), 0)?;
    Some((parsed(&text[..end])?, &text[end..]))
}

/// The fields of a JSON object.
fn object(value: Value) -> Option<Map<String, Value>> {
    match value {
        Value::Object(fields) => Some(fields),
        _ => None,
    }
}

/// A JSON list of names.
fn names(value: Value) -> Option<Vec<String>> {
    let Value::Array(names) = value else {
        return None;
    };
    names
        .into_iter()
        .map(|name| match name {
            Value::String(name) => Some(name),
            _ => None,
        })
        .collect()
}

/// The cheapest cells a column may hold: null, an empty text or list, zero, false.
const CLEARED: [&str; 5] = ["null", r#""""#, "[]", "0", "false"];

/// `record` with each column's field set to the first of [`CLEARED`] its column takes, so a
/// copy of it allocates nothing that the next row's cells replace anyway.
fn cleared<T>(mut record: T, setters: &[SetCell<T>]) -> T {
    for set in setters {
        CLEARED.iter().any(|cell| set(&mut record, cell).is_some());
    }
    record
}

/// The first record of a columnar chunk, read exactly as the slow way reads every record.
fn first_record<T: DeserializeOwned>(
    same: &Map<String, Value>,
    columns: &[String],
    cells: &[&str],
) -> Option<T> {
    let mut flat = same.clone();
    for (name, cell) in columns.iter().zip(cells) {
        flat.insert(name.clone(), parsed(cell)?);
    }
    serde_json::from_value(unflatten(flat)).ok()
}

#[cfg(test)]
mod tests;
