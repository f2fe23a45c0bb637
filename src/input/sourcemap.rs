//! A source map from the extracted (normalized) text the core reads back to the bytes of
//! the original document.
//!
//! The normalized text is built from pieces of the original: runs copied verbatim (an
//! offset inside such a run maps one to one), and replacements (an entity decoded to its
//! character, a tag turned into a line break), whose bytes all map to the whole original
//! range they replace. A span's start maps to the start of the piece it starts in, its end
//! to the end of the piece its last byte is in, so a mapped span always lies on character
//! boundaries of the original and covers the original markup of the claim.

use std::ops::Range;

use crate::model::Span;

/// One piece of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// Start in the normalized text.
    norm: usize,
    /// Length in the normalized text (> 0).
    norm_len: usize,
    /// Start in the original text.
    orig: usize,
    /// Length in the original text (may be 0 for an inserted separator).
    orig_len: usize,
    /// True when the normalized bytes are a verbatim copy of the original bytes.
    copy: bool,
}

/// Sorted, contiguous segments covering the whole normalized text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Segment>,
    norm_len: usize,
    orig_len: usize,
}

impl SourceMap {
    /// The segment holding normalized byte `pos` (`pos < norm_len`).
    fn segment(&self, pos: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.norm <= pos);
        let s = self.segments.get(i.checked_sub(1)?)?;
        (pos < s.norm + s.norm_len).then_some(s)
    }

    /// The original offset of a normalized start offset.
    pub fn map_start(&self, pos: usize) -> usize {
        if pos >= self.norm_len {
            return self.orig_len;
        }
        match self.segment(pos) {
            Some(s) if s.copy => s.orig + (pos - s.norm),
            Some(s) => s.orig,
            None => self.orig_len,
        }
    }

    /// The original offset of a normalized (exclusive) end offset.
    pub fn map_end(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.segments.first().map_or(0, |s| s.orig);
        }
        match self.segment(pos - 1) {
            Some(s) if s.copy => s.orig + (pos - s.norm),
            Some(s) => s.orig + s.orig_len,
            None => self.orig_len,
        }
    }

    /// Maps a span of the normalized text onto the original text.
    pub fn map_span(&self, span: Span) -> Span {
        let start = self.map_start(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.map_end(span.end).max(start);
        Span::new(start, end)
    }

    /// Number of segments (for tests and diagnostics).
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }
}

/// Builds a normalized text and its source map from pieces of `src`, in order.
pub struct SourceMapBuilder<'a> {
    src: &'a str,
    out: String,
    segments: Vec<Segment>,
}

impl<'a> SourceMapBuilder<'a> {
    pub fn new(src: &'a str) -> Self {
        SourceMapBuilder {
            src,
            out: String::with_capacity(src.len()),
            segments: Vec::new(),
        }
    }

    /// The normalized text so far.
    pub fn text(&self) -> &str {
        &self.out
    }

    /// Copies `src[range]` verbatim.
    pub fn copy(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let piece = &self.src[range.clone()];
        let norm = self.out.len();
        self.out.push_str(piece);
        if let Some(last) = self.segments.last_mut()
            && last.copy
            && last.orig + last.orig_len == range.start
            && last.norm + last.norm_len == norm
        {
            last.norm_len += piece.len();
            last.orig_len += piece.len();
            return;
        }
        self.segments.push(Segment {
            norm,
            norm_len: piece.len(),
            orig: range.start,
            orig_len: range.len(),
            copy: true,
        });
    }

    /// Writes `with` in place of `src[range]` (an empty range inserts `with`).
    pub fn replace(&mut self, range: Range<usize>, with: &str) {
        if with.is_empty() {
            return;
        }
        if &self.src[range.clone()] == with {
            return self.copy(range);
        }
        let norm = self.out.len();
        self.out.push_str(with);
        self.segments.push(Segment {
            norm,
            norm_len: with.len(),
            orig: range.start,
            orig_len: range.len(),
            copy: false,
        });
    }

    /// Inserts a paragraph break at original offset `at`, unless the text already ends
    /// with one (or is empty).
    pub fn paragraph_break(&mut self, at: usize) {
        if self.out.is_empty() || self.out.ends_with("\n\n") {
            return;
        }
        let with = if self.out.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        self.replace(at..at, with);
    }

    /// Inserts a line break at original offset `at`.
    pub fn line_break(&mut self, at: usize) {
        self.replace(at..at, "\n");
    }

    pub fn finish(self) -> (String, SourceMap) {
        let norm_len = self.out.len();
        (
            self.out,
            SourceMap {
                segments: self.segments,
                norm_len,
                orig_len: self.src.len(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_map_one_to_one_and_replacements_map_whole() {
        let src = "<p>AT&amp;T has 86&nbsp;billion</p>";
        let mut b = SourceMapBuilder::new(src);
        b.copy(3..5); // AT
        b.replace(5..10, "&");
        b.copy(10..18); // "T has 86"
        b.replace(18..24, "\u{a0}");
        b.copy(24..31); // billion
        b.paragraph_break(31);
        let (text, map) = b.finish();
        assert_eq!(text, "AT&T has 86\u{a0}billion\n\n");
        let claim = text.find("86").unwrap();
        let end = text.find("billion").unwrap() + "billion".len();
        let s = map.map_span(Span::new(claim, end));
        assert_eq!(&src[s.start..s.end], "86&nbsp;billion");
        // A span that starts inside a replacement maps to the whole replaced range.
        let amp = text.find('&').unwrap();
        let s = map.map_span(Span::new(amp, amp + 1));
        assert_eq!(&src[s.start..s.end], "&amp;");
        assert_eq!(map.map_start(text.len()), src.len());
    }

    #[test]
    fn adjacent_copies_merge() {
        let src = "abcdef";
        let mut b = SourceMapBuilder::new(src);
        b.copy(0..2);
        b.copy(2..4);
        b.copy(5..6);
        let (text, map) = b.finish();
        assert_eq!(text, "abcdf");
        assert_eq!(map.len(), 2);
        assert_eq!(map.map_span(Span::new(3, 5)), Span::new(3, 6));
    }
}

#[cfg(test)]
mod prop {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<br>",
        "<sup>",
        "</sup>",
        "<script>",
        "</script>",
        "<nav>",
        "</nav>",
        "<!--",
        "-->",
        "&amp;",
        "&nbsp;",
        "&#160;",
        "&bogus;",
        "&",
        "<",
        ">",
        "'",
        "\"",
        "é",
        "🧠",
        "10",
        "86 billion",
        " ",
        "\n",
        "\r\n",
        "`",
        "```\n",
        "*",
        "**",
        "[",
        "](http://x/1)",
        ")",
        "# ",
        "> ",
        "- ",
        "\\*",
        "    ",
    ];

    fn doc() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
    }

    fn check(src: &str, text: &str, map: &SourceMap) {
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (k, &s) in bounds.iter().enumerate() {
            for &e in &bounds[k..] {
                let m = map.map_span(Span::new(s, e));
                assert!(m.start <= m.end && m.end <= src.len(), "{m:?} of {src:?}");
                assert!(src.is_char_boundary(m.start) && src.is_char_boundary(m.end));
            }
        }
        // Monotonic: later normalized offsets never map to earlier original ones.
        for w in bounds.windows(2) {
            assert!(map.map_start(w[0]) <= map.map_start(w[1]), "{src:?}");
        }
        // Text copied verbatim maps back to the same bytes.
        for seg in &map.segments {
            if seg.copy {
                assert_eq!(
                    &text[seg.norm..seg.norm + seg.norm_len],
                    &src[seg.orig..seg.orig + seg.orig_len]
                );
            }
        }
    }

    proptest! {
        #[test]
        fn html_spans_land_on_char_boundaries_of_the_page(src in doc()) {
            let (text, map) = crate::input::html::html_to_text(&src);
            check(&src, &text, &map);
        }

        #[test]
        fn markdown_spans_land_on_char_boundaries_of_the_source(src in doc()) {
            let (text, map) = crate::input::markdown::markdown_to_text(&src);
            check(&src, &text, &map);
        }
    }
}
