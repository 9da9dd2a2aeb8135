//! Which columns of a chunk each kind of record knows, and how a column's cell is put into
//! a record: the fast way of reading a chunk sets only these, on a copy of the chunk's first
//! record (see [`super::chunk_rows`]). A column not listed here sends the chunk the slow way.

use serde::de::DeserializeOwned;

use super::chunk_cells::{boolean, integer, optional, parsed, string};
use crate::log::{Entry, SessionRecord};

/// Puts one cell's text into a record; `None` when the cell is not one this reader is sure of.
pub(super) type SetCell<T> = fn(&mut T, &str) -> Option<()>;

/// A record kind kept in chunks, with the columns the fast reader knows.
pub(super) trait CellRecord: DeserializeOwned + Clone {
    /// How a column of this name is put into a record, if this reader knows it.
    fn column(name: &str) -> Option<SetCell<Self>>;
}

impl CellRecord for Entry {
    fn column(name: &str) -> Option<SetCell<Self>> {
        Some(match name {
            "id" => |entry, cell| string(cell).map(|value| entry.id = value),
            "at/utc_ms" => |entry, cell| integer(cell).map(|value| entry.at.utc_ms = value),
            "at/offset_minutes" => {
                |entry, cell| integer(cell).map(|value| entry.at.offset_minutes = value)
            }
            "pain" => |entry, cell| integer(cell).map(|value| entry.pain = value),
            "woke_at_night" => {
                |entry, cell| optional(cell, boolean).map(|value| entry.woke_at_night = value)
            }
            "areas" => |entry, cell| {
                entry.areas = if cell == "[]" {
                    Vec::new()
                } else {
                    parsed(cell)?
                };
                Some(())
            },
            "stiffness" => {
                |entry, cell| optional(cell, integer).map(|value| entry.stiffness = value)
            }
            "note" => |entry, cell| string(cell).map(|value| entry.note = value),
            "context" => |entry, cell| parsed(cell).map(|value| entry.context = value),
            "updated_ms" => |entry, cell| integer(cell).map(|value| entry.updated_ms = value),
            "night" => |entry, cell| parsed(cell).map(|value| entry.night = value),
            _ => return None,
        })
    }
}

impl CellRecord for SessionRecord {
    fn column(name: &str) -> Option<SetCell<Self>> {
        Some(match name {
            "id" => |session, cell| string(cell).map(|value| session.id = value),
            "routine_id" => |session, cell| string(cell).map(|value| session.routine_id = value),
            "routine_name" => {
                |session, cell| string(cell).map(|value| session.routine_name = value)
            }
            "variant_id" => {
                |session, cell| optional(cell, string).map(|value| session.variant_id = value)
            }
            "started/utc_ms" => {
                |session, cell| integer(cell).map(|value| session.started.utc_ms = value)
            }
            "started/offset_minutes" => {
                |session, cell| integer(cell).map(|value| session.started.offset_minutes = value)
            }
            "ended/utc_ms" => {
                |session, cell| integer(cell).map(|value| session.ended.utc_ms = value)
            }
            "ended/offset_minutes" => {
                |session, cell| integer(cell).map(|value| session.ended.offset_minutes = value)
            }
            "completed" => |session, cell| boolean(cell).map(|value| session.completed = value),
            "held" => |session, cell| parsed(cell).map(|value| session.held = value),
            "updated_ms" => |session, cell| integer(cell).map(|value| session.updated_ms = value),
            _ => return None,
        })
    }
}
