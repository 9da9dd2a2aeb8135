//! Conversions from earlier stored versions to the current shape.
//!
//! - v0: a bare JSON array of `{"time": "2025-06-01T08:30:00+02:00", "pain": 6, "note": "…"}`,
//!   without ids.
//! - v1: `{"version": 1, "entries": [{"id", "time", "pain", "night_pain", "note"}],
//!   "settings": {…}, "custom_routines": […]}`.
//! - v2: entries carry `at` as `{utc_ms, offset_minutes}`, `woke_at_night`, areas, stiffness,
//!   context and `updated_ms`; sessions and tombstones exist.

use serde_json::{Map, Value};

use crate::log::{content_id, Timestamp};

/// The version a stored object declares: `schema_version` (v2 on), else `version` (v1),
/// else 1 (an object without a version predates v2).
pub(super) fn version_of(object: &Map<String, Value>) -> u32 {
    ["schema_version", "version"]
        .iter()
        .find_map(|key| object.get(*key)?.as_u64())
        .map_or(1, |version| u32::try_from(version).unwrap_or(u32::MAX))
}

/// A v0 array becomes a v1-shaped object (entry-by-entry upgrade happens while reading).
pub(super) fn wrap_bare_array(entries: Vec<Value>) -> Map<String, Value> {
    Map::from_iter([("entries".to_string(), Value::Array(entries))])
}

/// Upgrades one v0/v1 entry to the v2 shape. Ids missing in v0 are derived from the entry's
/// content, so restoring the same text twice gives the same ids.
pub(super) fn upgrade_v1_entry(entry: Value) -> Result<Value, String> {
    let Value::Object(mut fields) = entry else {
        return Err("not an object".to_string());
    };
    let id = match fields.get("id").and_then(Value::as_str) {
        Some(id) if !id.trim().is_empty() => id.to_string(),
        _ => content_id("v1", &Value::Object(fields.clone()).to_string()),
    };
    let time = fields
        .get("time")
        .and_then(Value::as_str)
        .ok_or("no time")?;
    let at = Timestamp::parse_iso8601(time).map_err(|error| error.to_string())?;
    let mut upgraded = Map::new();
    upgraded.insert("id".into(), id.into());
    upgraded.insert(
        "at".into(),
        serde_json::to_value(at).map_err(|e| e.to_string())?,
    );
    upgraded.insert("updated_ms".into(), at.utc_ms.into());
    for (old, new) in [
        ("pain", "pain"),
        ("night_pain", "woke_at_night"),
        ("note", "note"),
    ] {
        if let Some(value) = fields.remove(old) {
            upgraded.insert(new.into(), value);
        }
    }
    Ok(Value::Object(upgraded))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn versions_are_read_from_either_key() {
        let object = |value: Value| value.as_object().unwrap().clone();
        assert_eq!(version_of(&object(json!({"schema_version": 2}))), 2);
        assert_eq!(version_of(&object(json!({"version": 1}))), 1);
        assert_eq!(version_of(&object(json!({"entries": []}))), 1);
    }

    #[test]
    fn v1_entries_get_the_v2_shape() {
        let upgraded = upgrade_v1_entry(json!({
            "id": "a", "time": "2026-03-02T07:45:00+01:00", "pain": 6, "night_pain": true
        }))
        .unwrap();
        assert_eq!(upgraded["at"]["offset_minutes"], 60);
        assert_eq!(upgraded["woke_at_night"], true);
        let no_id = json!({"time": "2026-03-02T07:45:00+01:00", "pain": 6});
        let first = upgrade_v1_entry(no_id.clone()).unwrap();
        assert_eq!(first["id"], upgrade_v1_entry(no_id).unwrap()["id"]);
        assert!(upgrade_v1_entry(json!({"time": "soon", "pain": 1})).is_err());
    }
}
