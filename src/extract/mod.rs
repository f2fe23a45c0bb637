//! Extraction: every quantity in a text, with byte spans, its reading (interval and
//! qualifier), unit and change. I/O-free: `&str` in, `Vec<Quantity>` out.
//!
//! Candidates are found quickly (ASCII digits, and number words via aho-corasick); each
//! is then read locally: the number, its scale, unit, a range continuation, and the
//! hedge or bound before it. Numbers that are not quantities (names like "GPT-3", list
//! markers, versions, phone numbers, times, dates) are skipped by the rules in `context`.

mod context;
pub mod lexer;
pub mod number;
pub mod words;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::model::Quantity;
use crate::units::UnitTable;

pub use context::Reader;

/// The extractor: holds the compiled units table and candidate matcher.
pub struct Extractor {
    pub(crate) units: &'static UnitTable,
    starters: AhoCorasick,
}

impl Extractor {
    pub fn new(units: &'static UnitTable) -> Self {
        let mut patterns: Vec<&str> = words::STARTERS.to_vec();
        patterns.extend(["½", "¼", "¾", "⅓", "⅔", "⅕", "⅛"]);
        let starters = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("number-word patterns build");
        Extractor { units, starters }
    }

    /// The extractor over the embedded units table.
    pub fn default_ref() -> &'static Extractor {
        static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        EXTRACTOR.get_or_init(|| Extractor::new(UnitTable::default_table()))
    }

    /// Every quantity in `text`, in text order, non-overlapping.
    pub fn extract(&self, text: &str) -> Vec<Quantity> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut words = self
            .starters
            .find_iter(text)
            .filter(|m| {
                let before_ok =
                    lexer::char_before(text, m.start()).is_none_or(|c| !c.is_alphanumeric());
                let last = text[..m.end()].chars().next_back();
                let after_ok = last.is_some_and(|c| !c.is_alphabetic())
                    || lexer::char_at(text, m.end()).is_none_or(|c| !c.is_alphanumeric());
                before_ok && after_ok
            })
            .peekable();
        let reader = Reader::new(self, text);
        let mut pos = 0;
        while pos < bytes.len() {
            let digit = bytes[pos..]
                .iter()
                .position(u8::is_ascii_digit)
                .map(|i| pos + i);
            while words.peek().is_some_and(|m| m.start() < pos) {
                words.next();
            }
            let word = words.peek().map(|m| (m.start(), m.end()));
            let (cand, is_digit) = match (digit, word) {
                (Some(d), Some((w, _))) if w < d => (w, false),
                (Some(d), _) => (d, true),
                (None, Some((w, _))) => (w, false),
                (None, None) => break,
            };
            match reader.read_at(cand, is_digit) {
                context::Outcome::Found(q) => {
                    pos = q.span.end.max(cand + 1);
                    out.push(*q);
                }
                context::Outcome::SkipTo(end) => pos = end.max(cand + 1),
            }
            while pos < bytes.len() && !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        out
    }
}

/// Every quantity in `text` (embedded units table).
pub fn extract(text: &str) -> Vec<Quantity> {
    Extractor::default_ref().extract(text)
}
