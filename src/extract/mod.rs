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

/// Does the run of ASCII letters `text[start..end]` start a candidate: a word that can
/// begin a spelled number (see `words::starts_number`) or a "-fold" word, standing alone?
#[inline]
fn candidate_word(text: &str, start: usize, end: usize) -> bool {
    // A word start: nothing alphanumeric before, nothing alphabetic glued after (digits
    // after a word are candidates of their own).
    if words::starts_number(text, start, end) && word_boundaries(text, start, end) {
        return true;
    }
    end - start > 4
        && text.as_bytes()[end - 1] | 0x20 == b'd'
        && words::is_fold_word(text, start, end)
        && word_boundaries(text, start, end)
}

/// The next candidate at or after `pos`: an ASCII digit, or the start of a word that can
/// begin a spelled number (see `candidate_word`), or a fraction glyph. One pass over the
/// bytes, a byte at a time (the portable twin of the 16-bytes-at-a-time scan below).
#[cfg(any(test, not(target_arch = "x86_64")))]
fn next_candidate_bytewise(text: &str, pos: usize) -> Option<(usize, bool)> {
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
                if candidate_word(text, start, i) {
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

#[cfg(not(target_arch = "x86_64"))]
fn next_candidate(text: &str, pos: usize) -> Option<(usize, bool)> {
    next_candidate_bytewise(text, pos)
}

/// Bit masks over a window of bytes: ASCII letters, ASCII digits, and the lead bytes of
/// the fraction glyphs (0xC2, 0xE2; see `glyph_at`).
#[cfg(target_arch = "x86_64")]
#[derive(Default)]
struct Classes {
    letters: u64,
    digits: u64,
    glyph_leads: u64,
}

/// The classes of 16 bytes, as the low 16 bits of each mask.
#[cfg(target_arch = "x86_64")]
#[inline]
fn classify_block(block: &[u8]) -> Classes {
    use std::arch::x86_64::*;
    assert!(block.len() >= 16);
    // SAFETY: SSE2 is part of the x86_64 baseline; the unaligned load reads the first 16
    // bytes of `block`, which has at least 16 (asserted above).
    unsafe {
        let v = _mm_loadu_si128(block.as_ptr() as *const __m128i);
        // `x - lo` wrapped into the signed range: below `-128 + n` iff `x` is in lo..lo+n.
        let in_range = |x: __m128i, lo: u8, n: u8| {
            let shifted = _mm_sub_epi8(x, _mm_set1_epi8((lo ^ 0x80) as i8));
            _mm_cmplt_epi8(shifted, _mm_set1_epi8((n ^ 0x80) as i8))
        };
        let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let letters = in_range(folded, b'a', 26);
        let digits = in_range(v, b'0', 10);
        let glyph_leads = _mm_or_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8(0xC2u8 as i8)),
            _mm_cmpeq_epi8(v, _mm_set1_epi8(0xE2u8 as i8)),
        );
        Classes {
            letters: _mm_movemask_epi8(letters) as u32 as u64,
            digits: _mm_movemask_epi8(digits) as u32 as u64,
            glyph_leads: _mm_movemask_epi8(glyph_leads) as u32 as u64,
        }
    }
}

/// Bytes classified at once by `next_candidate`: most words end in the window they
/// start in.
#[cfg(target_arch = "x86_64")]
const WINDOW: usize = 64;

/// The classes of the `WINDOW` bytes at `at` (NUL bytes, no class, past the end).
#[cfg(target_arch = "x86_64")]
#[inline]
fn classify_window(bytes: &[u8], at: usize) -> Classes {
    let mut padded = [0u8; WINDOW];
    let window = match bytes.get(at..at + WINDOW) {
        Some(w) => w,
        None => {
            padded[..bytes.len() - at].copy_from_slice(&bytes[at..]);
            &padded
        }
    };
    let mut classes = Classes::default();
    for (i, block) in window.chunks_exact(16).enumerate() {
        let c = classify_block(block);
        classes.letters |= c.letters << (16 * i);
        classes.digits |= c.digits << (16 * i);
        classes.glyph_leads |= c.glyph_leads << (16 * i);
    }
    classes
}

/// The next candidate at or after `pos` (the same as `next_candidate_bytewise`), a window
/// of bytes at a time: the bytes are classified with SSE2 and only word starts, digits and
/// glyph lead bytes are looked at one by one. Most of a text is neither.
#[cfg(target_arch = "x86_64")]
fn next_candidate(text: &str, pos: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut window = pos;
    'windows: while window < bytes.len() {
        let classes = classify_window(bytes, window);
        // A letter run that goes on from before the window is no word start (it began
        // before `pos`, where `word_boundaries` rejects it, or was looked at already).
        let letter_before = window > 0 && bytes[window - 1].is_ascii_alphabetic();
        let letters = classes.letters;
        let word_starts = letters & !((letters << 1) | letter_before as u64);
        let mut todo = word_starts | classes.digits | classes.glyph_leads;
        while todo != 0 {
            let k = todo.trailing_zeros();
            let i = window + k as usize;
            if classes.digits >> k & 1 != 0 {
                return Some((i, true));
            }
            if classes.glyph_leads >> k & 1 != 0 {
                if glyph_at(bytes, i)
                    && lexer::char_before(text, i).is_none_or(|c| !c.is_alphanumeric())
                {
                    return Some((i, false));
                }
            } else {
                let after = !letters >> k;
                let end = if after != 0 {
                    i + after.trailing_zeros() as usize
                } else {
                    let mut e = window + WINDOW;
                    while bytes.get(e).is_some_and(u8::is_ascii_alphabetic) {
                        e += 1;
                    }
                    e
                };
                if candidate_word(text, i, end) {
                    return Some((i, false));
                }
                if end >= window + WINDOW {
                    // The word ran past the window: go on from its end.
                    window = end;
                    continue 'windows;
                }
            }
            todo &= todo - 1;
        }
        window += WINDOW;
    }
    None
}

#[cfg(any(test, not(target_arch = "x86_64")))]
const OTHER: u8 = 0;
#[cfg(any(test, not(target_arch = "x86_64")))]
const DIGIT: u8 = 1;
#[cfg(any(test, not(target_arch = "x86_64")))]
const LETTER: u8 = 2;
#[cfg(any(test, not(target_arch = "x86_64")))]
const HIGH: u8 = 3;

/// Byte classes for the bytewise candidate scan.
#[cfg(any(test, not(target_arch = "x86_64")))]
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
                // (A reading that reaches back into the quantity before it is dropped:
                // quantities never overlap. The rules avoid it; this keeps the promise.)
                context::Outcome::Found(q) if q.span.start < reader.taken_until() => {
                    pos = q.span.end.max(cand + 1);
                }
                context::Outcome::Found(q) => {
                    pos = q.span.end.max(cand + 1);
                    reader.set_taken_until(q.span.end);
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

/// Texts of `pieces` pieces each drawn from `alphabet` by a xorshift generator from `seed`:
/// reproducible inputs for tests that compare a fast reader with its plain definition.
#[cfg(test)]
pub(crate) fn pseudo_random_texts(
    alphabet: &[&str],
    count: usize,
    pieces: usize,
    mut seed: u64,
) -> Vec<String> {
    (0..count)
        .map(|_| {
            let mut t = String::new();
            for _ in 0..pieces {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words, numbers, signs, units and multi-byte characters that the rules look at
    /// around a number: soups of them exercise the rules' byte arithmetic at every edge.
    const SOUP: &[&str] = &[
        "0", "1", "2", "7", "10", "19", "2004", "1,000", "3.5", "-", "−", "–", "x", "×", "/", "%",
        "$", "£", "€", "°", "°C", "C", "F", "m", "km", "in", "ft", "'s", "’s", "'", "\"", "“", "”",
        "(", ")", "[", "]", "{", "}", ".", ",", ":", ";", "~", "≈", "±", "+", "^", "½", "²", "⁻¹",
        "\u{2009}", "\u{202f}", "\u{a0}", " ", " ", " ", "\n", "one", "two", "twice", "times",
        "fold", "half", "a", "the", "by", "to", "from", "between", "and", "or", "up", "down",
        "rose", "fell", "cut", "over", "under", "about", "nearly", "more", "than", "less", "at",
        "least", "per", "cent", "million", "bn", "k", "year", "old", "aged", "people", "won",
        "Six", "First", "One", "number", "pH", "GMT", "pm", "é", "中", "😀", "ß", "İ", "ﬁ", "e",
        "E", "of", "for", "shy", "well", "May", "9/11", "Fig", "al.", "£", "C$", "8-38", "3-1",
        "2013-14", "c.", "Rs", "US$", "cents", "kn", "age",
    ];

    #[test]
    fn token_soups_never_panic_and_give_ordered_spans_on_char_boundaries() {
        for text in pseudo_random_texts(SOUP, 400, 300, 0x9e37_79b9_7f4a_7c15) {
            let qs = extract(&text);
            let mut last_end = 0;
            for q in &qs {
                assert!(
                    q.span.start < q.span.end && q.span.end <= text.len(),
                    "{text:?}"
                );
                assert!(text.is_char_boundary(q.span.start), "{text:?}");
                assert!(text.is_char_boundary(q.span.end), "{text:?}");
                assert!(
                    q.span.start >= last_end,
                    "{:?} overlaps the quantity before it in {text:?}",
                    &text[q.span.start..q.span.end]
                );
                last_end = q.span.end;
            }
        }
    }

    /// Every candidate of `text` from every start position, by `scan`.
    fn all_candidates(
        text: &str,
        scan: fn(&str, usize) -> Option<(usize, bool)>,
    ) -> Vec<Option<(usize, bool)>> {
        (0..=text.len())
            .filter(|&p| text.is_char_boundary(p))
            .map(|p| scan(text, p))
            .collect()
    }

    #[test]
    fn the_block_scan_finds_what_the_bytewise_scan_finds() {
        let mut texts: Vec<String> = [
            "",
            "a",
            "7",
            "He ran a mile and a half in three minutes, some 2.5 km.",
            "twentyfold growth; a tenfold rise; Tenfold; unfold; a hundredfold",
            "½ cup, ¾ mile, x½, 3¼ inches – “one” café naïve",
            "Supercalifragilisticexpialidocious seventeen thousand a dozen eggs",
            "an hour, half an hour, a quarter of them, tens of thousands\n\nA few",
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ one",
            "@[`{/:0123456789 ONE TWO Three",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Pseudo-random texts over an alphabet that makes many words, digits and glyphs,
        // with word runs across the 16-byte blocks.
        let alphabet = [
            "a", "an", " ", "one", "two", "ten", "fold", "e", "n", "d", "5", "½", "é", "-", "\n",
            "half", "Thousand", "x", ".", "’", "⅓", "mile",
        ];
        texts.extend(pseudo_random_texts(
            &alphabet,
            300,
            120,
            0x2545_f491_4f6c_dd1d,
        ));
        for t in &texts {
            assert_eq!(
                all_candidates(t, next_candidate),
                all_candidates(t, next_candidate_bytewise),
                "{t:?}"
            );
        }
    }
}
