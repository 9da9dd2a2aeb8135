//! One chunk's text, written and read: columnar, so that values the same in every record of
//! the chunk are written once and objects of one shape become columns, with fields this
//! version does not know travelling untouched. A chunk is used only if it reads back exactly.

use serde::Serialize;
use serde_json::{Map, Value};

/// Separates an object column's name from its field's name ("at/utc_ms").
const NESTED: char = '/';

/// One chunk's text: `{"same": {…}, "columns": […], "rows": [[…], …]}`, or
/// `{"records": […]}` when the columnar form would not read back exactly.
pub(super) fn encode_chunk<T: Serialize>(records: &[T]) -> String {
    let values: Vec<Value> = records
        .iter()
        .map(|record| serde_json::to_value(record).expect("records always serialise"))
        .collect();
    if let Some(columnar) = columnar(&values) {
        if decode_chunk(&columnar).as_ref() == Ok(&values) {
            return columnar;
        }
    }
    serde_json::json!({ "records": values }).to_string()
}

/// The columnar text of records that are all objects with the same fields.
fn columnar(values: &[Value]) -> Option<String> {
    let objects: Vec<&Map<String, Value>> =
        values.iter().map(Value::as_object).collect::<Option<_>>()?;
    let first = *objects.first()?;
    let same_fields = |a: &Map<String, Value>, b: &Map<String, Value>| {
        a.len() == b.len() && a.keys().all(|key| b.contains_key(key))
    };
    if !objects.iter().all(|object| same_fields(object, first)) {
        return None;
    }
    // Fields holding objects of one shape in every record become one column per inner field.
    let spread: Vec<&String> = first
        .iter()
        .filter(|(name, value)| {
            value.as_object().is_some_and(|shape| {
                !shape.is_empty()
                    && objects.iter().all(|object| {
                        object[name.as_str()]
                            .as_object()
                            .is_some_and(|inner| same_fields(inner, shape))
                    })
            })
        })
        .map(|(name, _)| name)
        .collect();
    let rows: Vec<Map<String, Value>> = objects
        .iter()
        .map(|object| {
            let mut row = Map::new();
            for (name, value) in object.iter() {
                match value {
                    Value::Object(inner) if spread.contains(&name) => {
                        for (inner_name, inner_value) in inner {
                            row.insert(format!("{name}{NESTED}{inner_name}"), inner_value.clone());
                        }
                    }
                    other => {
                        row.insert(name.clone(), other.clone());
                    }
                }
            }
            row
        })
        .collect();
    let mut same = Map::new();
    let mut columns = Vec::new();
    for (name, value) in &rows[0] {
        if rows.iter().all(|row| row.get(name) == Some(value)) {
            same.insert(name.clone(), value.clone());
        } else {
            columns.push(name.clone());
        }
    }
    let table: Vec<Value> = rows
        .iter()
        .map(|row| {
            Value::Array(
                columns
                    .iter()
                    .map(|name| row[name.as_str()].clone())
                    .collect(),
            )
        })
        .collect();
    Some(serde_json::json!({ "same": same, "columns": columns, "rows": table }).to_string())
}

/// The records of a chunk's text, as JSON values.
pub(super) fn decode_chunk(text: &str) -> Result<Vec<Value>, String> {
    let value: Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
    if let Some(Value::Array(records)) = value.get("records") {
        return Ok(records.clone());
    }
    let same = value.get("same").and_then(Value::as_object);
    let columns = value.get("columns").and_then(Value::as_array);
    let rows = value.get("rows").and_then(Value::as_array);
    let (Some(same), Some(columns), Some(rows)) = (same, columns, rows) else {
        return Err("not a chunk of records".into());
    };
    rows.iter()
        .map(|row| {
            let cells = row.as_array().filter(|cells| cells.len() == columns.len());
            let cells = cells.ok_or("a row does not match the columns")?;
            let mut flat = same.clone();
            for (name, cell) in columns.iter().zip(cells) {
                let name = name.as_str().ok_or("a column without a name")?;
                flat.insert(name.to_string(), cell.clone());
            }
            Ok(unflatten(flat))
        })
        .collect()
}

/// Gathers `field/inner` fields back into objects.
fn unflatten(flat: Map<String, Value>) -> Value {
    let mut object = Map::new();
    for (name, value) in flat {
        match name.split_once(NESTED) {
            Some((outer, inner)) => {
                let slot = object
                    .entry(outer.to_string())
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(fields) = slot {
                    fields.insert(inner.to_string(), value);
                }
            }
            None => {
                object.insert(name, value);
            }
        }
    }
    Value::Object(object)
}
