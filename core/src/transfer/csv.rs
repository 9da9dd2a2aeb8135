//! RFC 4180 CSV, written and read: CRLF line ends, fields with a comma, quote or line break
//! quoted, quotes doubled. Every cell is guarded against spreadsheet formula injection.
//!
//! The guard: a cell that a spreadsheet would run as a formula — one starting with
//! `= + - @`, a tab or a carriage return, after any leading apostrophes — is written with one
//! more leading `'`; the reader removes exactly that apostrophe, so every text round-trips.

/// The byte-order mark written first, so spreadsheet apps read the file as UTF-8.
pub(super) const BYTE_ORDER_MARK: char = '\u{feff}';

/// One record read from CSV text, with the line it starts on (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Row {
    /// Line number where the record starts.
    pub line: usize,
    /// The fields, unquoted and unguarded.
    pub cells: Vec<String>,
}

/// Appends one record, ending it with CRLF.
pub(super) fn write_row<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (index, cell) in cells.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let guard = if starts_like_formula(cell) { "'" } else { "" };
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(guard);
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(guard);
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

/// Reads every record. Line ends may be CRLF, LF or CR; blank lines are skipped; a leading
/// byte-order mark is ignored; a stray quote inside an unquoted field is kept as text.
/// If the text ends inside a quoted field, that last record is left out and its line is
/// returned as the second value.
pub(super) fn read_rows(text: &str) -> (Vec<Row>, Option<usize>) {
    let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text);
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let (mut line, mut row_line) = (1, 1);
    let (mut in_quotes, mut cell_was_quoted) = (false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => in_quotes = false,
                _ => {
                    line += usize::from(c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')));
                    cell.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() && !cell_was_quoted => {
                in_quotes = true;
                cell_was_quoted = true;
            }
            ',' => {
                cells.push(unguard(std::mem::take(&mut cell)));
                cell_was_quoted = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cells.push(unguard(std::mem::take(&mut cell)));
                push_unless_blank(&mut rows, row_line, std::mem::take(&mut cells));
                cell_was_quoted = false;
                line += 1;
                row_line = line;
            }
            _ => cell.push(c),
        }
    }
    if in_quotes {
        return (rows, Some(row_line));
    }
    if !cell.is_empty() || !cells.is_empty() || cell_was_quoted {
        cells.push(unguard(cell));
        push_unless_blank(&mut rows, row_line, cells);
    }
    (rows, None)
}

/// Keeps a record unless it is a blank line (one empty field).
fn push_unless_blank(rows: &mut Vec<Row>, line: usize, cells: Vec<String>) {
    let blank = cells.len() == 1 && cells[0].is_empty();
    if !blank {
        rows.push(Row { line, cells });
    }
}

/// True when a spreadsheet could take the cell, past any leading apostrophes, as a formula.
fn starts_like_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Removes the apostrophe [`write_row`] added, and only that one.
fn unguard(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest) => rest.to_string(),
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(cells: &[&str]) -> String {
        let mut out = String::new();
        write_row(&mut out, cells.iter().copied());
        out
    }

    #[test]
    fn quotes_only_what_needs_quoting() {
        assert_eq!(written(&["a", "b c", ""]), "a,b c,\r\n");
        assert_eq!(
            written(&["say \"hi\"", "x,y"]),
            "\"say \"\"hi\"\"\",\"x,y\"\r\n"
        );
        assert_eq!(written(&["two\nlines"]), "\"two\nlines\"\r\n");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            written(&["=SUM(A1)", "+1", "-2", "@x", "\tx"]),
            "'=SUM(A1),'+1,'-2,'@x,'\tx\r\n"
        );
        assert_eq!(written(&["'=x", "'plain"]), "''=x,'plain\r\n");
        assert_eq!(written(&["\r=x"]), "\"'\r=x\"\r\n");
    }

    #[test]
    fn reads_quoted_line_breaks_and_counts_lines() {
        let text = "\u{feff}h1,h2\r\n\"a\r\nb\",'=1\r\n\r\nc,\"d\"\"e\"\n";
        let (rows, unclosed) = read_rows(text);
        assert_eq!(unclosed, None);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].cells, ["a\r\nb", "=1"]);
        assert_eq!(
            (rows[2].line, rows[2].cells.clone()),
            (5, vec!["c".into(), "d\"e".into()])
        );
    }

    #[test]
    fn an_unclosed_quote_costs_only_its_record() {
        let (rows, unclosed) = read_rows("h\nok\n\"never\nclosed");
        assert_eq!(rows.len(), 2);
        assert_eq!(unclosed, Some(3));
    }

    #[test]
    fn last_record_may_lack_a_line_end() {
        let (rows, _) = read_rows("a,b\r\n1,\"\"");
        assert_eq!(rows[1].cells, ["1", ""]);
    }
}
