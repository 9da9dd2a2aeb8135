//! The rows of a columnar chunk as the codec writes them (compact JSON, `[[cell,…],…]`), cut
//! into each cell's text without parsing it, and strict readers of one cell's text.
//!
//! A reader accepts exactly what the JSON reader would accept for that type, or less: a cell
//! it is unsure of (an escape, a number in another form) gives `None`, and the caller then
//! reads the chunk the slow, lenient way.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Walks the rows text `[[…],[…]]` row by row.
pub(super) struct RowScanner<'t> {
    text: &'t str,
    at: usize,
    rows: usize,
}

impl<'t> RowScanner<'t> {
    /// A scanner over the rows text, which must start a list.
    pub(super) fn new(text: &'t str) -> Option<Self> {
        text.starts_with('[').then_some(Self {
            text,
            at: 1,
            rows: 0,
        })
    }

    /// Puts the next row's cells into `cells`; `Some(false)` once the list has ended, `None`
    /// when the text is not a list of rows as the codec writes them.
    pub(super) fn next_row(&mut self, cells: &mut Vec<&'t str>) -> Option<bool> {
        cells.clear();
        let bytes = self.text.as_bytes();
        if bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Some(false);
        }
        if self.rows > 0 {
            self.expect(b',')?;
        }
        self.expect(b'[')?;
        self.rows += 1;
        if bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Some(true);
        }
        loop {
            cells.push(self.value()?);
            match bytes.get(self.at)? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(true);
                }
                _ => return None,
            }
        }
    }

    /// The text after what has been read (after the list, once it has ended).
    pub(super) fn rest(&self) -> &'t str {
        &self.text[self.at..]
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.text.as_bytes().get(self.at) == Some(&byte)).then(|| self.at += 1)
    }

    /// The text of the cell starting here.
    fn value(&mut self) -> Option<&'t str> {
        let start = self.at;
        self.at = value_end(self.text.as_bytes(), start)?;
        // Cut only at ASCII bytes, so always on a character boundary.
        Some(&self.text[start..self.at])
    }
}

/// Where the value starting at `start` ends (a string, a list or object, or a bare word
/// ending at a comma or a closing bracket); `None` at an empty one.
pub(super) fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    match bytes.get(start)? {
        b'"' => at = string_end(bytes, start)?,
        b'[' | b'{' => {
            let mut depth = 0_usize;
            loop {
                match bytes.get(at)? {
                    b'"' => {
                        at = string_end(bytes, at)?;
                        continue;
                    }
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => depth -= 1,
                    _ => {}
                }
                at += 1;
                if depth == 0 {
                    break;
                }
            }
        }
        _ => {
            while !matches!(bytes.get(at), None | Some(b',' | b']' | b'}')) {
                at += 1;
            }
        }
    }
    (at > start).then_some(at)
}

/// The position just after the string starting (with its quote) at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        match bytes.get(at)? {
            b'"' => return Some(at + 1),
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
}

/// An integer written as JSON writes integers (no sign but `-`, no leading zero, no `-0`).
pub(super) fn integer<I: TryFrom<i64>>(cell: &str) -> Option<I> {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let plain = !digits.is_empty()
        && digits.bytes().all(|byte| byte.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && cell != "-0";
    if !plain {
        return None;
    }
    I::try_from(cell.parse::<i64>().ok()?).ok()
}

/// `true` or `false`.
pub(super) fn boolean(cell: &str) -> Option<bool> {
    match cell {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// `null` as `None`, anything else read by `read`.
pub(super) fn optional<T>(cell: &str, read: fn(&str) -> Option<T>) -> Option<Option<T>> {
    if cell == "null" {
        return Some(None);
    }
    read(cell).map(Some)
}

/// A string; one with escapes is read by the JSON reader.
pub(super) fn string(cell: &str) -> Option<String> {
    let inner = cell.strip_prefix('"')?.strip_suffix('"')?;
    if inner
        .bytes()
        .any(|byte| byte == b'\\' || byte == b'"' || byte < 0x20)
    {
        return parsed(cell);
    }
    Some(inner.to_string())
}

/// Any value, read by the JSON reader as a JSON value first, exactly as the slow way reads it.
pub(super) fn parsed<T: DeserializeOwned>(cell: &str) -> Option<T> {
    serde_json::from_value(serde_json::from_str::<Value>(cell).ok()?).ok()
}
