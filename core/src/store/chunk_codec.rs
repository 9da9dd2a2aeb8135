//! One chunk's text, written and read as JSON values: columnar, so that values the same in
//! every record of the chunk are written once and objects of one shape become columns. A
//! chunk is written columnar only if it reads back as exactly its records; the fast reader
//! of the same text is [`super::chunk_rows`].

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::chunk_rows::read_rows;
use super::record_columns::CellRecord;

/// Separates an object column's name from its field's name ("at/utc_ms").
const NESTED: char = '/';

/// One chunk's text: `{"same": {…}, "columns": […], "rows": [[…], …]}`, or
/// `{"records": […]}` when the columnar form would not read back as exactly these records.
pub(super) fn encode_chunk<T: Serialize + CellRecord + PartialEq>(records: &[T]) -> String {
    let values: Vec<Value> = records
        .iter()
        .map(|record| serde_json::to_value(record).expect("records always serialise"))
        .collect();
    if let Some(columnar) = columnar(&values) {
        let read_back = read_rows::<T>(&columnar).or_else(|| read_slowly(&columnar));
        if read_back.as_deref() == Some(records) {
            return columnar;
        }
    }
    serde_json::json!({ "records": values }).to_string()
}

/// A chunk's records read the slow way (as JSON values, then each as a `T`).
fn read_slowly<T: DeserializeOwned>(text: &str) -> Option<Vec<T>> {
    decode_chunk(text)
        .ok()?
        .into_iter()
        .map(|value| serde_json::from_value(value).ok())
        .collect()
}

/// The columnar text of records that are all objects. A record without a field the others
/// have holds null there (kept only if that reads back as the same record).
fn columnar(values: &[Value]) -> Option<String> {
    let objects: Vec<&Map<String, Value>> =
        values.iter().map(Value::as_object).collect::<Option<_>>()?;
    let first = *objects.first()?;
    // Every field any record has, in name order.
    let mut all_fields = Map::new();
    for name in objects.iter().flat_map(|object| object.keys()) {
        all_fields.entry(name.clone()).or_insert(Value::Null);
    }
    let names: Vec<&String> = all_fields.keys().collect();
    let same_fields = |a: &Map<String, Value>, b: &Map<String, Value>| {
        a.len() == b.len() && a.keys().all(|key| b.contains_key(key))
    };
    // Fields holding objects of one shape in every record become one column per inner field.
    let spread: Vec<&String> = names
        .iter()
        .copied()
        .filter(|name| {
            let shape = first.get(name.as_str()).and_then(Value::as_object);
            shape.is_some_and(|shape| {
                !shape.is_empty()
                    && objects.iter().all(|object| {
                        (object.get(name.as_str()).and_then(Value::as_object))
                            .is_some_and(|inner| same_fields(inner, shape))
                    })
            })
        })
        .collect();
    let rows: Vec<Map<String, Value>> = objects
        .iter()
        .map(|object| {
            let mut row = Map::new();
            for name in &names {
                match object.get(name.as_str()).unwrap_or(&Value::Null) {
                    Value::Object(inner) if spread.contains(name) => {
                        for (inner_name, inner_value) in inner {
                            row.insert(format!("{name}{NESTED}{inner_name}"), inner_value.clone());
                        }
                    }
                    other => {
                        row.insert((*name).clone(), other.clone());
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
    // `same` and `columns` before `rows`, so a reader knows the shape before the rows come.
    Some(format!(
        r#"{{"same":{},"columns":{},"rows":{}}}"#,
        Value::Object(same),
        serde_json::to_string(&columns).expect("names always serialise"),
        Value::Array(table)
    ))
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
pub(super) fn unflatten(flat: Map<String, Value>) -> Value {
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
