//! Converting byte offsets into the positions each output format counts in. All formats
//! go through here, so every conversion is tested in one place.

/// Line starts of a text, for byte offset -> (line, column) in O(log n).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A position in every unit an output format may need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in Unicode scalar values (characters).
    pub column: usize,
    /// 0-based column in UTF-16 code units (LSP, SARIF with utf16CodeUnits).
    pub utf16_column: usize,
    /// 0-based byte column within the line.
    pub byte_column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The position of byte `offset` in `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line0 = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = self.starts[line0];
        let prefix = &text[line_start..offset];
        Position {
            line: line0 + 1,
            column: prefix.chars().count() + 1,
            utf16_column: prefix.encode_utf16().count(),
            byte_column: offset - line_start,
        }
    }

    /// The text of the 1-based line `line`, without its line break.
    pub fn line_text<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(text.len(), |&e| e - 1);
        text[start..end].trim_end_matches('\r')
    }
}

/// Code-point offset of a byte offset (W3C TextPositionSelector counts code points).
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_utf16_units_after_emoji_and_accents() {
        let text = "intro\nCafé 🧠 has 86 billion";
        let idx = LineIndex::new(text);
        let off = text.find("86").unwrap();
        let p = idx.position(text, off);
        assert_eq!(p.line, 2);
        assert_eq!(p.column, 12); // C a f é ␠ 🧠 ␠ h a s ␠ = 11 chars before
        assert_eq!(p.utf16_column, 12); // the brain emoji is two UTF-16 units
        assert_eq!(p.byte_column, 15);
        assert_eq!(char_offset(text, off), 17);
        assert_eq!(idx.line_text(text, 2), "Café 🧠 has 86 billion");
    }
}
