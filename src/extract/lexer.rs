//! A tiny on-demand lexer: the extractor reads a few tokens around each candidate
//! number instead of tokenizing the whole document (most prose has no numbers).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Digits,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace between this token and the previous one contained a line break.
    pub newline_before: bool,
    /// Whitespace directly before this token.
    pub space_before: bool,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\'' || c == '’'
}

/// ASCII blanks: what `char::is_whitespace` accepts below 0x80.
#[inline]
fn is_ascii_blank(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// The token starting at or after `pos`.
#[inline]
pub fn next_tok(text: &str, pos: usize) -> Option<Tok> {
    // Fast path for ASCII, which is nearly all tokens next to numbers; anything else is
    // read by `next_tok_general` from the start.
    let bytes = text.as_bytes();
    let mut start = pos;
    let mut newline_before = false;
    while let Some(&b) = bytes.get(start)
        && is_ascii_blank(b)
    {
        newline_before |= b == b'\n';
        start += 1;
    }
    let first = *bytes.get(start)?;
    let mut end = start + 1;
    let kind = if first.is_ascii_digit() {
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        TokKind::Digits
    } else if first.is_ascii_alphabetic() {
        while let Some(&b) = bytes.get(end) {
            if b.is_ascii_alphabetic() || b == b'\'' {
                end += 1;
            } else if b >= 0x80 {
                return next_tok_general(text, pos);
            } else {
                break;
            }
        }
        // A trailing apostrophe belongs to the following text, not the word.
        while bytes[end - 1] == b'\'' {
            end -= 1;
        }
        TokKind::Word
    } else if first < 0x80 {
        TokKind::Punct
    } else {
        return next_tok_general(text, pos);
    };
    Some(Tok {
        start,
        end,
        kind,
        newline_before,
        space_before: start > pos,
    })
}

/// `next_tok` for any text (blanks and letters beyond ASCII).
fn next_tok_general(text: &str, pos: usize) -> Option<Tok> {
    let bytes = text.as_bytes();
    let mut newline_before = false;
    let mut space_before = false;
    let mut start = pos;
    // Skip whitespace (ASCII byte by byte, other blanks by char).
    let first = loop {
        let b = *bytes.get(start)?;
        if b < 0x80 {
            if b.is_ascii_whitespace() || b == 0x0b {
                space_before = true;
                newline_before |= b == b'\n';
                start += 1;
                continue;
            }
            break b as char;
        }
        let c = char_at(text, start)?;
        if c.is_whitespace() {
            space_before = true;
            start += c.len_utf8();
            continue;
        }
        break c;
    };
    let kind = if first.is_ascii_digit() {
        TokKind::Digits
    } else if first.is_alphabetic() {
        TokKind::Word
    } else {
        TokKind::Punct
    };
    let mut end = start + first.len_utf8();
    match kind {
        TokKind::Digits => {
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
        }
        TokKind::Word => {
            while let Some(&b) = bytes.get(end) {
                if b < 0x80 {
                    if b.is_ascii_alphabetic() || b == b'\'' {
                        end += 1;
                        continue;
                    }
                    break;
                }
                match char_at(text, end) {
                    Some(c) if is_word_char(c) => end += c.len_utf8(),
                    _ => break,
                }
            }
            // A trailing apostrophe belongs to the following text, not the word.
            loop {
                if bytes[..end].ends_with(b"'") {
                    end -= 1;
                } else if text[..end].ends_with('’') {
                    end -= '’'.len_utf8();
                } else {
                    break;
                }
            }
        }
        TokKind::Punct => {}
    }
    Some(Tok {
        start,
        end,
        kind,
        newline_before,
        space_before,
    })
}

/// Most tokens `toks_before` returns (the extractor's rules look back five tokens at most;
/// a small buffer is copied inline, not by a memcpy call).
pub const MAX_BEFORE: usize = 5;

/// Up to `MAX_BEFORE` tokens, nearest last, held inline (no allocation).
#[derive(Debug, Clone, Copy)]
pub struct TokBuf {
    toks: [Tok; MAX_BEFORE],
    len: usize,
}

impl std::ops::Deref for TokBuf {
    type Target = [Tok];
    fn deref(&self) -> &[Tok] {
        &self.toks[MAX_BEFORE - self.len..]
    }
}

const EMPTY_TOK: Tok = Tok {
    start: 0,
    end: 0,
    kind: TokKind::Punct,
    newline_before: false,
    space_before: false,
};

/// The token ending at or before `pos`, scanning backwards (the same tokens `next_tok`
/// yields going forward). `newline_before`/`space_before` describe the gap before it.
#[inline]
pub fn prev_tok(text: &str, pos: usize) -> Option<Tok> {
    // Fast path for ASCII; anything else is read by `prev_tok_general` from the start.
    let bytes = text.as_bytes();
    let mut end = pos;
    while end > 0 && is_ascii_blank(bytes[end - 1]) {
        end -= 1;
    }
    let last = *bytes.get(end.checked_sub(1)?)?;
    let mut start = end - 1;
    let kind = if last.is_ascii_digit() {
        while start > 0 && bytes[start - 1].is_ascii_digit() {
            start -= 1;
        }
        TokKind::Digits
    } else if last.is_ascii_alphabetic() {
        while start > 0 {
            let b = bytes[start - 1];
            if b.is_ascii_alphabetic() || b == b'\'' {
                start -= 1;
            } else if b >= 0x80 {
                return prev_tok_general(text, pos);
            } else {
                break;
            }
        }
        // Leading apostrophes are punctuation tokens of their own.
        while bytes[start] == b'\'' {
            start += 1;
        }
        TokKind::Word
    } else if last < 0x80 {
        TokKind::Punct
    } else {
        return prev_tok_general(text, pos);
    };
    let mut gap = start;
    let mut newline_before = false;
    while gap > 0 {
        let b = bytes[gap - 1];
        if is_ascii_blank(b) {
            newline_before |= b == b'\n';
            gap -= 1;
        } else if b >= 0x80 {
            return prev_tok_general(text, pos);
        } else {
            break;
        }
    }
    Some(Tok {
        start,
        end,
        kind,
        newline_before,
        space_before: gap < start,
    })
}

/// `prev_tok` for any text (blanks and letters beyond ASCII).
fn prev_tok_general(text: &str, pos: usize) -> Option<Tok> {
    let bytes = text.as_bytes();
    let mut end = pos;
    // Skip whitespace backwards (ASCII blanks byte by byte).
    loop {
        let b = *bytes.get(end.checked_sub(1)?)?;
        if b < 0x80 {
            if b.is_ascii_whitespace() || b == 0x0b {
                end -= 1;
                continue;
            }
            break;
        }
        let c = char_before(text, end)?;
        if c.is_whitespace() {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    let last = char_before(text, end)?;
    let mut start = end - last.len_utf8();
    let kind = if last.is_ascii_digit() {
        while start > 0 && bytes[start - 1].is_ascii_digit() {
            start -= 1;
        }
        TokKind::Digits
    } else if last.is_alphabetic() {
        // A run of word characters, starting at its first letter (leading apostrophes
        // are punctuation tokens going forward). A trailing apostrophe is never part of
        // a word, so a word token always ends with a letter.
        let mut s = start;
        loop {
            match bytes.get(s.wrapping_sub(1)) {
                Some(&b) if b.is_ascii_alphabetic() || b == b'\'' => s -= 1,
                Some(&b) if b >= 0x80 => match char_before(text, s) {
                    Some(c) if is_word_char(c) => s -= c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        while let Some(c) = char_at(text, s) {
            if c.is_alphabetic() {
                break;
            }
            s += c.len_utf8();
        }
        start = s;
        TokKind::Word
    } else {
        TokKind::Punct
    };
    // The gap before the token.
    let mut space_before = false;
    let mut newline_before = false;
    let mut p = start;
    while let Some(c) = char_before(text, p) {
        if !c.is_whitespace() {
            break;
        }
        space_before = true;
        if c == '\n' {
            newline_before = true;
        }
        p -= c.len_utf8();
    }
    Some(Tok {
        start,
        end,
        kind,
        newline_before,
        space_before,
    })
}

/// Up to `n` (at most `MAX_BEFORE`) tokens ending at or before `pos`, nearest last.
pub fn toks_before(text: &str, pos: usize, n: usize) -> TokBuf {
    let n = n.min(MAX_BEFORE);
    let mut buf = TokBuf {
        toks: [EMPTY_TOK; MAX_BEFORE],
        len: 0,
    };
    let mut p = pos;
    while buf.len < n {
        let Some(t) = prev_tok(text, p) else { break };
        buf.toks[MAX_BEFORE - 1 - buf.len] = t;
        buf.len += 1;
        p = t.start;
    }
    buf
}

/// A token's text lowercased (ASCII folding, ’ as '), held inline: no allocation.
/// Longer words are cut (no word list has such long entries).
#[derive(Clone, Copy)]
pub struct Lower {
    buf: [u8; 24],
    len: u8,
}

impl Lower {
    pub fn new(s: &str) -> Lower {
        let mut buf = [0u8; 24];
        let mut len = 0usize;
        // ASCII only: any other character (but ’, read as ') becomes DEL, which no word
        // list contains, so the buffer is always valid UTF-8.
        let bytes = s.as_bytes();
        if bytes.len() <= buf.len() {
            // Lower and check for ASCII in one byte loop (this runs for every word next to
            // a number; most are a few letters long, so a plain loop beats a memcpy call
            // and a pass over the whole buffer).
            let mut any_high = 0u8;
            for (slot, &b) in buf.iter_mut().zip(bytes) {
                *slot = b.to_ascii_lowercase();
                any_high |= b;
            }
            if any_high < 0x80 {
                return Lower {
                    buf,
                    len: bytes.len() as u8,
                };
            }
            buf = [0u8; 24];
        }
        if s.is_ascii() {
            buf[0] = 0x7f;
            return Lower { buf, len: 1 };
        }
        for c in s.chars() {
            let b = match c {
                '’' => b'\'',
                c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
                _ => 0x7f,
            };
            if len == buf.len() {
                // Too long for any word list: mark it so it matches nothing.
                buf[0] = 0x7f;
                len = 1;
                break;
            }
            buf[len] = b;
            len += 1;
        }
        Lower {
            buf,
            len: len as u8,
        }
    }
    /// The first `len` bytes of `window` lowered, if they are ASCII (else `None`): eight
    /// bytes at a time, with no loop over the letters. The same as `Lower::new` on them.
    #[inline]
    fn of_window(window: &[u8; 24], len: usize) -> Option<Lower> {
        let mut buf = [0u8; 24];
        let mut high = 0u64;
        for (chunk, (src, dst)) in window
            .chunks_exact(8)
            .zip(buf.chunks_exact_mut(8))
            .enumerate()
        {
            let n = len.saturating_sub(8 * chunk).min(8);
            if n == 0 {
                break;
            }
            let keep = if n == 8 {
                u64::MAX
            } else {
                (1u64 << (8 * n)) - 1
            };
            let x = u64::from_le_bytes(src.try_into().expect("8 bytes")) & keep;
            high |= x & HIGH_BITS;
            dst.copy_from_slice(&lower_ascii_u64(x).to_le_bytes());
        }
        (high == 0).then_some(Lower {
            buf,
            len: len as u8,
        })
    }
    pub fn as_str(&self) -> &str {
        // SAFETY: `new` stores only ASCII bytes (anything else becomes 0x7f), and ASCII is
        // valid UTF-8. Checking it again here cost a tenth of extraction time.
        unsafe { std::str::from_utf8_unchecked(self.as_bytes()) }
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq for Lower {
    fn eq(&self, o: &Lower) -> bool {
        self.as_str() == o.as_str()
    }
}

impl PartialEq<str> for Lower {
    fn eq(&self, o: &str) -> bool {
        self.as_bytes() == o.as_bytes()
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, o: &&str) -> bool {
        self.as_bytes() == o.as_bytes()
    }
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Eight ASCII bytes lowered at once.
#[inline]
fn lower_ascii_u64(x: u64) -> u64 {
    // Bit 7 of each byte of `upper` is set for 'A'..='Z': adding 0x3f carries into bit 7
    // from 'A' (0x41) up, adding 0x25 from '[' (0x5b) up, and with bit 7 cleared first no
    // sum carries into the next byte.
    let low7 = x & !HIGH_BITS;
    let upper = ((low7 + 0x3f3f_3f3f_3f3f_3f3f) ^ (low7 + 0x2525_2525_2525_2525)) & HIGH_BITS;
    x | (upper >> 2)
}

/// The lowercased text of a token (ASCII folding only; prose cues are ASCII).
#[inline]
pub fn lower(text: &str, t: &Tok) -> Lower {
    let len = t.end - t.start;
    // Most words fit one load.
    if (1..=8).contains(&len)
        && let Some(window) = text.as_bytes().get(t.start..t.start + 8)
    {
        let x =
            u64::from_le_bytes(window.try_into().expect("8 bytes")) & (u64::MAX >> (8 * (8 - len)));
        if x & HIGH_BITS == 0 {
            let mut buf = [0u8; 24];
            buf[..8].copy_from_slice(&lower_ascii_u64(x).to_le_bytes());
            return Lower {
                buf,
                len: len as u8,
            };
        }
    }
    if len <= 24
        && let Some(window) = text.as_bytes().get(t.start..t.start + 24)
        && let Some(l) = Lower::of_window(window.try_into().expect("24 bytes"), len)
    {
        return l;
    }
    Lower::new(t.text(text))
}

/// A fixed list of lowercase words with a fast membership test: the word lists of the
/// context rules are looked up per candidate. A word is keyed by its first seven bytes
/// and its length (exact for words of up to seven bytes); keys live in an open-addressing
/// hash table built on first use, so a lookup is a multiply and one or two probes.
pub struct WordSet {
    words: &'static [&'static str],
    table: std::sync::OnceLock<WordTable>,
}

struct WordTable {
    /// (key, word); key 0 marks an empty slot (no word has key 0).
    slots: Vec<(u64, &'static str)>,
    shift: u32,
}

/// The first seven bytes of a word and its length, as one key (big-endian bytes, the
/// length in the lowest byte; read with two overlapping loads, not byte by byte).
#[inline]
fn word_key(w: &[u8]) -> u64 {
    let n = w.len();
    let k = if n >= 8 {
        u64::from_be_bytes(w[..8].try_into().expect("8 bytes")) & !0xff
    } else if n >= 4 {
        let head = u32::from_be_bytes(w[..4].try_into().expect("4 bytes")) as u64;
        let tail = u32::from_be_bytes(w[n - 4..].try_into().expect("4 bytes")) as u64;
        (head << 32) | (tail << (8 * (8 - n)))
    } else {
        let mut k = 0u64;
        for (i, &b) in w.iter().enumerate() {
            k |= (b as u64) << (8 * (7 - i));
        }
        k
    };
    k | (n.min(255) as u64)
}

#[inline]
fn slot_of(k: u64, shift: u32) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            table: std::sync::OnceLock::new(),
        }
    }

    /// The words of the set, as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    fn table(&self) -> &WordTable {
        self.table.get_or_init(|| {
            let bits = (self.words.len() * 2)
                .next_power_of_two()
                .trailing_zeros()
                .max(4);
            let size = 1usize << bits;
            let shift = 64 - bits;
            let mut slots = vec![(0u64, ""); size];
            for w in self.words {
                let k = word_key(w.as_bytes());
                let mut i = slot_of(k, shift);
                while slots[i].0 != 0 && !(slots[i].0 == k && slots[i].1 == *w) {
                    i = (i + 1) & (size - 1);
                }
                slots[i] = (k, w);
            }
            WordTable { slots, shift }
        })
    }

    pub fn contains(&self, w: &str) -> bool {
        if w.is_empty() || w.len() > 24 {
            return false;
        }
        let t = self.table();
        let k = word_key(w.as_bytes());
        let mask = t.slots.len() - 1;
        let mut i = slot_of(k, t.shift);
        loop {
            let (sk, sw) = t.slots[i];
            if sk == 0 {
                return false;
            }
            if sk == k && (w.len() <= 7 || sw == w) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Is `pos` at the start of a line (only blanks before it on its line)?
pub fn at_line_start(text: &str, pos: usize) -> bool {
    text[..pos]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(|c| c == ' ' || c == '\t' || c == '|')
}

/// Skips spaces and tabs (not line breaks) from `pos`.
pub fn skip_inline_space(text: &str, pos: usize) -> usize {
    let mut p = pos;
    for c in text[pos..].chars() {
        if c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{2009}' || c == '\u{202f}' {
            p += c.len_utf8();
        } else {
            break;
        }
    }
    p
}

#[inline]
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    let b = *text.as_bytes().get(pos.checked_sub(1)?)?;
    if b < 0x80 {
        return Some(b as char);
    }
    text[..pos].chars().next_back()
}

#[inline]
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        return Some(b as char);
    }
    text[pos..].chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_before_a_number_come_nearest_last() {
        let text = "humans have on the order of 10^11";
        let toks = toks_before(text, 28, 4);
        let words: Vec<_> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["on", "the", "order", "of"]);
    }

    #[test]
    fn backward_tokens_are_the_forward_tokens() {
        let texts = [
            "It's 5km, don't 'quote' it’s 10^11 — “x” rock'n'roll  \n 3.5 ''a",
            "  'tis the  season's  ",
            "a-b c’ d'' 12ab34",
        ];
        for text in texts {
            let mut fwd = Vec::new();
            let mut p = 0;
            while let Some(t) = next_tok(text, p) {
                fwd.push(t);
                p = t.end;
            }
            let mut back = Vec::new();
            let mut p = text.len();
            while let Some(t) = prev_tok(text, p) {
                back.push(t);
                p = t.start;
            }
            back.reverse();
            assert_eq!(fwd, back, "{text}");
        }
    }

    #[test]
    fn the_ascii_fast_paths_read_the_general_tokens() {
        let mut texts: Vec<String> = [
            "It's 5km, don't 'quote' it’s 10^11 — “x” rock'n'roll  \n 3.5 ''a",
            "  'tis the  season's  ",
            "a-b c’ d'' 12ab34",
            "\u{a0}5\u{2009}000 café naïve\u{202f}€ x\u{85}y \x0b\x0c\r\n\tz",
            "Ünïcode words\u{3000}and blanks'\u{2019}s",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let alphabet = [
            "a", "B", "'", "’", " ", "\n", "\t", "\u{a0}", "é", "5", "-", ".", "—", "\r",
        ];
        texts.extend(super::super::pseudo_random_texts(
            &alphabet,
            200,
            24,
            0x9e37_79b9_7f4a_7c15,
        ));
        for text in &texts {
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                assert_eq!(
                    next_tok(text, pos),
                    next_tok_general(text, pos),
                    "{text:?} {pos}"
                );
                assert_eq!(
                    prev_tok(text, pos),
                    prev_tok_general(text, pos),
                    "{text:?} {pos}"
                );
            }
        }
    }

    #[test]
    fn lowered_words_need_no_allocation() {
        let text = "Don’t STOP";
        let t = next_tok(text, 0).unwrap();
        assert_eq!(lower(text, &t), "don't");
    }

    #[test]
    fn lowering_eight_bytes_at_a_time_is_lowering_byte_by_byte() {
        let text = "@AZ[`az{ Hello WORLD’s x\u{7f}y Ünïcode Supercalifragilisticexpialidocious \
                    ABCDEFGHIJKLMNOPQRSTUVWX abcdefghijklmnopqrstuvwxy 0123456789 end";
        for start in (0..text.len()).filter(|&s| text.is_char_boundary(s)) {
            for end in (start + 1..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                let t = Tok {
                    start,
                    end,
                    kind: TokKind::Word,
                    newline_before: false,
                    space_before: false,
                };
                let fast = lower(text, &t);
                let plain = Lower::new(&text[start..end]);
                assert_eq!(fast.as_bytes(), plain.as_bytes(), "{:?}", &text[start..end]);
            }
        }
    }

    #[test]
    fn word_keys_are_the_first_seven_bytes_and_the_length() {
        let plain = |w: &[u8]| {
            let mut k = 0u64;
            for (i, &b) in w.iter().take(7).enumerate() {
                k |= (b as u64) << (8 * (7 - i));
            }
            k | (w.len().min(255) as u64)
        };
        let long = b"abcdefghijklmnopqrstuvwxyz";
        for n in 0..=long.len() {
            assert_eq!(word_key(&long[..n]), plain(&long[..n]), "{n}");
        }
    }

    #[test]
    fn a_line_start_ignores_leading_blanks() {
        assert!(at_line_start("a\n  1. x", 4));
        assert!(!at_line_start("a 1. x", 2));
    }
}
