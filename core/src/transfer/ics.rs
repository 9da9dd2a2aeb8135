//! Writing iCalendar (RFC 5545) content lines: TEXT escaping (§3.3.11) and folding at 75
//! octets (§3.1) without ever splitting a UTF-8 character, each line ended by CRLF.

/// Longest line, in octets, before the line break.
pub(super) const MAX_LINE_OCTETS: usize = 75;

/// An iCalendar text being written, one content line at a time.
#[derive(Default)]
pub(super) struct Calendar {
    text: String,
}

impl Calendar {
    /// Appends `NAME:value`, the value written as it is (for dates, rules and other
    /// non-TEXT values), folded and ended by CRLF.
    pub fn line(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        let mut rest = line.as_str();
        let mut limit = MAX_LINE_OCTETS;
        loop {
            let mut cut = rest.len().min(limit);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.text.push_str(&rest[..cut]);
            self.text.push_str("\r\n");
            rest = &rest[cut..];
            if rest.is_empty() {
                break;
            }
            // A continuation line starts with one space, which counts toward its 75 octets.
            self.text.push(' ');
            limit = MAX_LINE_OCTETS - 1;
        }
    }

    /// Appends `NAME:value` for a TEXT value, escaped.
    pub fn text_line(&mut self, name: &str, value: &str) {
        self.line(name, &escape_text(value));
    }

    /// The finished text.
    pub fn finish(self) -> String {
        self.text
    }
}

/// Escapes a TEXT value: backslash, semicolon and comma get a backslash; a line break
/// (CRLF, LF or CR) becomes `\n`; other control characters, which TEXT cannot hold, are
/// left out.
pub(super) fn escape_text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(char) = chars.next() {
        match char {
            '\\' | ';' | ',' => {
                escaped.push('\\');
                escaped.push(char);
            }
            '\r' => {
                chars.next_if_eq(&'\n');
                escaped.push_str("\\n");
            }
            '\n' => escaped.push_str("\\n"),
            '\t' => escaped.push('\t'),
            char if char.is_control() => {}
            char => escaped.push(char),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a;b,c\\d\r\ne\nf\rg\u{7}h\ti"),
            "a\\;b\\,c\\\\d\\ne\\nf\\ngh\ti"
        );
    }

    #[test]
    fn long_lines_fold_on_character_boundaries() {
        let mut calendar = Calendar::default();
        calendar.line("SUMMARY", &"é".repeat(100));
        let text = calendar.finish();
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|line| line.len() <= MAX_LINE_OCTETS));
        assert_eq!(
            lines[0].len(),
            74,
            "8 + 33 two-octet characters; the 34th would not fit"
        );
        assert!(lines[1].starts_with(' ') && !lines[1].starts_with("  "));
        let unfolded: String = lines
            .iter()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        assert_eq!(unfolded, format!("SUMMARY:{}", "é".repeat(100)));
    }
}
