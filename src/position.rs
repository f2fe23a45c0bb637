//! Converting byte offsets into the positions each output format counts in. All formats
//! go through here, so every conversion is tested in one place.
//!
//! Who counts what:
//! - JSON/JSONL/CSV, text, Markdown, HTML: 1-based line and column in characters
//!   (Unicode scalar values, `Position::column`).
//! - SARIF: 1-based line and column in Unicode code points (`columnKind:
//!   "unicodeCodePoints"`), end column exclusive: `Range::{start,end}.column`.
//! - rdjsonl (reviewdog): 1-based line and column in UTF-8 bytes:
//!   `Position::byte_column + 1`.
//! - W3C Web Annotation: code-point offsets from the start of the document
//!   (`CharCounter`), and `quote_context` for the quote's prefix and suffix.
//! - LSP-like consumers: `Position::utf16_column` (0-based UTF-16 code units).

use crate::model::Span;

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
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
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

/// The start and end (exclusive) of a span, in every unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

impl LineIndex {
    /// The positions of a span's start and (exclusive) end. A span may cross lines.
    pub fn range(&self, text: &str, span: Span) -> Range {
        Range {
            start: self.position(text, span.start),
            end: self.position(text, span.end),
        }
    }
}

/// Code-point offset of a byte offset (W3C TextPositionSelector counts code points).
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Byte offsets to code-point offsets from the start of the text, in O(n) overall when
/// the offsets come in increasing order (as annotations do); going back restarts.
#[derive(Debug, Clone)]
pub struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The number of code points before byte `offset` (a char boundary).
    pub fn char_offset(&mut self, offset: usize) -> usize {
        if offset < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..offset].chars().count();
        self.byte = offset;
        self.chars
    }
}

/// Up to `n` code points of text either side of a span (W3C TextQuoteSelector
/// `prefix` and `suffix`), cut at character boundaries.
pub fn quote_context(text: &str, span: Span, n: usize) -> (&str, &str) {
    let before = &text[..span.start];
    let from = before
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let prefix = if n == 0 { "" } else { &before[from..] };
    let after = &text[span.end..];
    let to = after.char_indices().nth(n).map_or(after.len(), |(i, _)| i);
    (prefix, &after[..to])
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

    #[test]
    fn every_unit_after_emoji_and_accents() {
        // é is 2 bytes, 1 code point, 1 UTF-16 unit; 🧠 is 4 bytes, 1 code point,
        // 2 UTF-16 units.
        let text = "Zoë 🧠\nnaïve 🧠🧠 say 86 billion\nneurons";
        let idx = LineIndex::new(text);
        let start = text.find("86").unwrap();
        let end = start + "86 billion".len();
        let r = idx.range(text, Span::new(start, end));
        assert_eq!((r.start.line, r.start.column), (2, 14));
        assert_eq!(r.start.byte_column, "naïve 🧠🧠 say ".len());
        assert_eq!(r.start.byte_column, 20);
        assert_eq!(r.start.utf16_column, 15);
        assert_eq!((r.end.line, r.end.column), (2, 24));
        let mut cc = CharCounter::new(text);
        assert_eq!(cc.char_offset(start), 19);
        assert_eq!(cc.char_offset(end), 29);
        // Going back restarts and still agrees with the plain count.
        assert_eq!(cc.char_offset(4), 3);
        assert_eq!(cc.char_offset(start), char_offset(text, start));
        let (pre, suf) = quote_context(text, Span::new(start, end), 8);
        assert_eq!(pre, " 🧠🧠 say ");
        assert_eq!(suf, "\nneurons");
        assert_eq!(quote_context(text, Span::new(start, end), 0), ("", ""));
        let (pre, _) = quote_context(text, Span::new(start, end), 100);
        assert_eq!(pre, &text[..start]);
    }

    #[test]
    fn a_span_across_lines_ends_on_the_next_line() {
        let text = "It has about\n200 million.";
        let idx = LineIndex::new(text);
        let start = text.find("about").unwrap();
        let end = text.find(" million").unwrap() + " million".len();
        let r = idx.range(text, Span::new(start, end));
        assert_eq!((r.start.line, r.start.column), (1, 8));
        assert_eq!((r.end.line, r.end.column), (2, 12));
    }
}
