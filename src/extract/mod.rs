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

use crate::model::Quantity;
use crate::units::UnitTable;

pub use context::Reader;

/// The extractor: holds the compiled units table.
pub struct Extractor {
    pub(crate) units: &'static UnitTable,
}

/// Fraction glyphs that start a number on their own ("½ cup").
fn glyph_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0xC2 => matches!(bytes.get(i + 1), Some(0xBC..=0xBE)),
        0xE2 => bytes.get(i + 1) == Some(&0x85) && matches!(bytes.get(i + 2), Some(0x90..=0x9E)),
        _ => false,
    }
}

/// Is `text[start..end]` a whole word (no letter or digit glued before, no letter after)?
fn word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let before_ok = start == 0
        || (bytes[start - 1] < 0x80 && !bytes[start - 1].is_ascii_alphanumeric())
        || (bytes[start - 1] >= 0x80
            && lexer::char_before(text, start).is_none_or(|c| !c.is_alphanumeric()));
    let after_ok = end == bytes.len()
        || (bytes[end] < 0x80 && !bytes[end].is_ascii_alphabetic())
        || (bytes[end] >= 0x80 && lexer::char_at(text, end).is_none_or(|c| !c.is_alphabetic()));
    before_ok && after_ok
}

/// The next candidate at or after `pos`: an ASCII digit, or the start of a word that can
/// begin a spelled number (see `words::starts_number`), or a fraction glyph. One pass
/// over the bytes; words are lowercased into a stack buffer only when they are short.
fn next_candidate(text: &str, pos: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut i = pos;
    loop {
        let b = *bytes.get(i)?;
        match CLASS[b as usize] {
            OTHER => i += 1,
            DIGIT => return Some((i, true)),
            LETTER => {
                let start = i;
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    if CLASS[c as usize] != LETTER {
                        break;
                    }
                    i += 1;
                }
                // A word start: nothing alphanumeric before, nothing alphabetic glued
                // after (digits after a word are candidates of their own).
                if words::starts_number(text, start, i) && word_boundaries(text, start, i) {
                    return Some((start, false));
                }
                if i - start > 4
                    && bytes[i - 1] | 0x20 == b'd'
                    && words::is_fold_word(text, start, i)
                    && word_boundaries(text, start, i)
                {
                    return Some((start, false));
                }
            }
            _ => {
                if glyph_at(bytes, i)
                    && lexer::char_before(text, i).is_none_or(|c| !c.is_alphanumeric())
                {
                    return Some((i, false));
                }
                i += 1;
            }
        }
    }
}

const OTHER: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const HIGH: u8 = 3;

/// Byte classes for the candidate scan.
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c >= 0x80 {
            HIGH
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

impl Extractor {
    pub fn new(units: &'static UnitTable) -> Self {
        Extractor { units }
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
        let reader = Reader::new(self, text);
        let mut pos = 0;
        while pos < bytes.len() {
            let Some((cand, is_digit)) = next_candidate(text, pos) else {
                break;
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
        context::inherit_restated(self, text, &mut out);
        out
    }
}

/// Every quantity in `text` (embedded units table).
pub fn extract(text: &str) -> Vec<Quantity> {
    Extractor::default_ref().extract(text)
}
