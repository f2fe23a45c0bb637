//! Linking: which entity and which property each quantity is about.
//!
//! 1. Sentences are split on terminal punctuation (not after "e.g.", "U.S.", "Dr." or
//!    inside "10.5") and on line breaks that end a line of prose.
//! 2. Entity mentions come from the table aliases, property mentions from the cue
//!    phrases (aho-corasick, case-insensitive, whole words, plural and singular).
//! 3. Each sentence is cut into clauses at `,` `;` `:` and coordinating words. A quantity
//!    takes the entity named in its own clause (before it, else after it), else the
//!    nearest one before it in the sentence; and the property cue that follows it
//!    closely or that its clause names.
//! 4. Coordination and ellipsis: in "humans have 10^11 neurons, dogs 10^9 and mice 10^7"
//!    the later numbers have no cue of their own and inherit the nearest earlier
//!    sibling's property (the link says so and its confidence drops).
//!    A hedge at the head of such a list does NOT scope over the later numbers: each
//!    number is read with its own wording ("about 100, 50 and 20" checks 50 and 20 at
//!    their written precision). This is the stricter reading; it never lets a hedge
//!    excuse a number the writer did not hedge.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::model::{Link, NumberKind, Quantity, Span};
use crate::reference::{PropertyKind, ReferenceSet};
use crate::units::UnitTable;

/// Abbreviations after which a period does not end a sentence (lower case).
fn is_lower_abbreviation(word: &[u8]) -> bool {
    matches!(
        word,
        b"e.g"
            | b"i.e"
            | b"etc"
            | b"vs"
            | b"dr"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"prof"
            | b"st"
            | b"jr"
            | b"sr"
            | b"inc"
            | b"ltd"
            | b"co"
            | b"corp"
            | b"fig"
            | b"no"
            | b"vol"
            | b"approx"
            | b"ca"
            | b"c"
            | b"al"
            | b"cf"
            | b"u.s"
            | b"u.k"
            | b"u.n"
            | b"e.u"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"gen"
            | b"gov"
            | b"sen"
            | b"rep"
            | b"mt"
            | b"ft"
            | b"p"
            | b"pp"
            | b"ed"
            | b"eds"
            | b"est"
            | b"dept"
            | b"univ"
    )
}

/// If the byte at `i` ends a sentence, the end of that sentence (exclusive; the next
/// one starts at `max(end, i + 1)`).
fn boundary_at(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    match bytes[i] {
        b @ (b'.' | b'!' | b'?') => {
            let next = bytes.get(i + 1).copied();
            let closes = next.is_none() || next.is_some_and(|n| n.is_ascii_whitespace());
            let quote_close = matches!(next, Some(b'"' | b')' | b'\''));
            if !(closes || quote_close) || (b == b'.' && is_abbreviation(text, i)) {
                None
            } else {
                Some(if quote_close { i + 2 } else { i + 1 })
            }
        }
        b'\n' => {
            // A blank line always ends a sentence; a single line break ends one
            // unless the line runs on in lower case (hard-wrapped prose).
            let blank = text[i + 1..]
                .trim_start_matches([' ', '\t', '\r'])
                .starts_with('\n');
            let line_start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |p| p + 1);
            let line = text[line_start..i].trim();
            let prev = line.chars().next_back();
            let next_line = text[i + 1..].trim_start_matches([' ', '\t']);
            let list_item = || {
                let digits = next_line.bytes().take_while(u8::is_ascii_digit).count();
                next_line.starts_with(['-', '*', '•', '|', '#', '>'])
                    || ((1..=3).contains(&digits)
                        && matches!(next_line.as_bytes().get(digits), Some(b'.' | b')')))
            };
            // Short lines are titles, bylines or dates, not wrapped prose.
            let short = line.len() < 40 || (line.len() < 160 && line.chars().count() < 40);
            let ends_line =
                short || prev.is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '|'));
            (blank || ends_line || list_item()).then_some(i)
        }
        _ => None,
    }
}

fn may_end_sentence(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\n')
}

/// Byte spans of the sentences of `text`.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if may_end_sentence(bytes[i])
            && let Some(end) = boundary_at(text, i)
        {
            push_trimmed(text, start, end, &mut out);
            start = end.max(i + 1);
            i = start;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The sentence that contains byte `pos`, found by looking only around it; the same
/// span `sentences` gives (before trimming) for that position.
pub fn sentence_around(text: &str, pos: usize) -> Span {
    let bytes = text.as_bytes();
    let mut start = 0;
    // Candidate ends are found with memchr (this runs for every sentence with a claim):
    // the nearest full stop, and a line break only between it and the position.
    let mut j = pos.min(bytes.len());
    loop {
        let stop = memchr::memrchr3(b'.', b'!', b'?', &bytes[..j]);
        let after_stop = stop.map_or(0, |p| p + 1);
        let Some(c) = memchr::memrchr(b'\n', &bytes[after_stop..j])
            .map(|n| after_stop + n)
            .or(stop)
        else {
            break;
        };
        if let Some(end) = boundary_at(text, c)
            && end.max(c + 1) <= pos
        {
            start = end.max(c + 1);
            break;
        }
        j = c;
    }
    let mut end = bytes.len();
    let mut i = start;
    while i < bytes.len() {
        let stop = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|n| i + n);
        let before_stop = stop.unwrap_or(bytes.len());
        let Some(c) = memchr::memchr(b'\n', &bytes[i..before_stop])
            .map(|n| i + n)
            .or(stop)
        else {
            break;
        };
        if let Some(e) = boundary_at(text, c)
            && e.max(c + 1) > pos
        {
            end = e;
            break;
        }
        i = c + 1;
    }
    trimmed(text, start, end).unwrap_or(Span::new(pos, pos))
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    out.extend(trimmed(text, start, end));
}

/// `start..end` without the white space at either end, if anything is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead < end - trail).then(|| Span::new(start + lead, end - trail))
}

fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text.as_bytes()[..dot];
    // The word before the dot, letters and inner dots only ("U.S", "e.g", "Dr").
    let len = before
        .iter()
        .rev()
        .take(8)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'.')
        .count();
    // Every abbreviation is short; a longer word ends a sentence.
    if len == 0 || len > 6 || before.len() > len && before[before.len() - len - 1] >= 0x80 {
        return false;
    }
    let word = &before[before.len() - len..];
    // A single capital letter is an initial ("J. Smith").
    if len == 1 && word[0].is_ascii_uppercase() {
        return true;
    }
    // Lower-cased into a buffer and matched at once (this runs at every full stop).
    let mut lower = [0u8; 6];
    for (l, b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    is_lower_abbreviation(&lower[..len])
}

/// Clause boundaries inside a sentence (byte positions).
fn clause_breaks(text: &str, sentence: Span) -> Vec<usize> {
    let s = sentence.slice(text);
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')') {
            // Not inside a number: "1,500"
            let prev_digit = s[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
            let next_digit = s[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit());
            if !(prev_digit && next_digit) {
                out.push(sentence.start + i);
            }
        }
    }
    let lower = s.to_ascii_lowercase();
    for word in [" and ", " but ", " while ", " whereas ", " or ", " than "] {
        let mut from = 0;
        while let Some(p) = lower[from..].find(word) {
            out.push(sentence.start + from + p);
            from += p + word.len();
        }
    }
    out.sort_unstable();
    out
}

#[derive(Debug, Clone)]
struct Mention {
    span: Span,
    target: usize,
}

/// How far from a number an entity mention must be for its sentence to be read at all.
const ENTITY_WINDOW: usize = 400;

/// Most bytes between a property cue and the number after it ("population of about").
const CUE_BEFORE_GAP: usize = 40;

/// Alias and cue matchers built once from the reference set.
pub struct Linker {
    aliases: AliasTable,
    cues: AhoCorasick,
    /// For each cue pattern, the properties it names, in table order.
    cue_properties: Vec<Vec<usize>>,
    /// For each cue pattern, whether it is also a capitalized word inside an entity's
    /// name ("states" in "United States"): there it is part of the name, not a cue.
    cue_in_names: Vec<bool>,
}

fn ends_alphanumeric(s: &str) -> bool {
    s.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Where a scan for mentions stopped: a word start, and the end of the last match
/// (words that start before it are covered). The scan state there is exact.
#[derive(Default)]
struct ScanState {
    at: usize,
    resume: usize,
}

/// The aliases grouped by their first word, for finding entity mentions word by word
/// (an automaton walked over every byte of every document cost more than a third of
/// the time of extraction).
struct AliasTable {
    /// Alias bytes and entity, by group; each group's aliases longest first.
    aliases: Vec<(Box<[u8]>, usize)>,
    /// For each alias, the byte ranges of its acronyms, which must match in case:
    /// "UN" names the United Nations, "un-British" does not.
    acronyms: Vec<Vec<std::ops::Range<usize>>>,
    /// `(key, range in aliases)` sorted by key.
    groups: Vec<(u64, std::ops::Range<usize>)>,
    /// Bytes in the longest alias.
    longest: usize,
    /// Bit set over `key_hash(key)` of the groups: most words are not the first word
    /// of any alias, and this says so in a few instructions.
    keys_seen: Vec<u64>,
}

/// The length of the first word of `s`: its leading alphanumeric characters (0 when
/// it starts with another character).
fn first_word_len(s: &str) -> usize {
    s.char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i)
}

/// A key for a word, the same for every ASCII case of it: its length and its first
/// eight bytes with bit 5 set (which folds ASCII letters and keeps digits). Different
/// words may share a key; every alias of a group is compared in full.
#[inline(always)]
fn word_key(bytes: &[u8], start: usize, end: usize) -> u64 {
    const CASE: u64 = 0x2020_2020_2020_2020;
    let len = end - start;
    let head: [u8; 8] = match bytes.get(start..start + 8).map(<[u8; 8]>::try_from) {
        Some(Ok(eight)) => eight,
        _ => {
            let mut head = [0u8; 8];
            for (h, b) in head.iter_mut().zip(&bytes[start..end]) {
                *h = *b;
            }
            head
        }
    };
    let keep = if len >= 8 {
        !0
    } else {
        (1u64 << (8 * len)) - 1
    };
    ((u64::from_le_bytes(head) | CASE) & keep) ^ (len as u64).rotate_right(8)
}

#[inline(always)]
fn key_hash(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

impl AliasTable {
    fn new(patterns: &[String], entities: &[usize]) -> AliasTable {
        let mut keyed: Vec<(u64, usize, usize)> = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| (word_key(p.as_bytes(), 0, first_word_len(p)), p.len(), i))
            .collect();
        // By key, then longest first: the first alias of a group that matches is the
        // longest match there.
        keyed.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut table = AliasTable {
            aliases: Vec::with_capacity(keyed.len()),
            acronyms: Vec::with_capacity(keyed.len()),
            groups: Vec::new(),
            longest: patterns.iter().map(String::len).max().unwrap_or(0),
            keys_seen: vec![0; (1 << 16) / 64],
        };
        for (key, _, i) in keyed {
            let at = table.aliases.len();
            table
                .aliases
                .push((patterns[i].as_bytes().into(), entities[i]));
            table.acronyms.push(acronym_ranges(&patterns[i]));
            match table.groups.last_mut() {
                Some((k, range)) if *k == key => range.end = at + 1,
                _ => {
                    table.groups.push((key, at..at + 1));
                    set_bit(&mut table.keys_seen, key_hash(key));
                }
            }
        }
        table
    }

    /// Can an alias match at `start`, where the word `start..end` begins?
    #[inline(always)]
    fn may_match(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        has_bit(&self.keys_seen, key_hash(word_key(bytes, start, end)))
    }

    /// The longest alias that matches at `start`, whose first word is `start..end`
    /// (ASCII case ignored): its length and entity.
    #[inline]
    fn longest_at(&self, bytes: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
        let key = word_key(bytes, start, end);
        let g = self.groups.binary_search_by_key(&key, |g| g.0).ok()?;
        let rest = &bytes[start..];
        // The byte after the word's separator, and the last byte, first: the aliases of
        // a group share their first word ("the Moon", "the US", "the Earth").
        let second_word = end - start + 1;
        let range = self.groups[g].1.clone();
        self.aliases[range.clone()]
            .iter()
            .zip(&self.acronyms[range])
            .find(|((alias, _), acronyms)| {
                alias.get(second_word).is_none_or(|a| {
                    rest.get(second_word)
                        .is_some_and(|r| r.eq_ignore_ascii_case(a))
                }) && rest
                    .get(alias.len().wrapping_sub(1))
                    .zip(alias.last())
                    .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
                    && rest
                        .iter()
                        .zip(alias.iter())
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
                    && acronyms
                        .iter()
                        .all(|r| rest.get(r.clone()) == alias.get(r.clone()))
            })
            .map(|((alias, entity), _)| (alias.len(), *entity))
    }
}

fn set_bit(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

#[inline(always)]
fn has_bit(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

/// The words of a text from a byte on, in order, as `(start, end)`: each run of
/// alphanumeric characters, and an empty word at every other character (where a word
/// could start, after a character that is not alphanumeric). The first byte is taken
/// as a word start. Eight bytes at a time while they are ASCII: this runs over every
/// sentence that holds a claim.
struct Words<'t> {
    text: &'t str,
    /// Next byte to classify.
    at: usize,
    word_start: usize,
    /// Bit 7 of byte `k` set when byte `chunk + k` is an ASCII separator not yet seen.
    separators: u64,
    chunk: usize,
    done: bool,
}

impl<'t> Words<'t> {
    fn from(text: &'t str, from: usize) -> Words<'t> {
        Words {
            text,
            at: from,
            word_start: from,
            separators: 0,
            chunk: 0,
            done: false,
        }
    }
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize)> {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let bytes = self.text.as_bytes();
        loop {
            if self.separators != 0 {
                let j = self.chunk + (self.separators.trailing_zeros() / 8) as usize;
                self.separators &= self.separators - 1;
                let word = (self.word_start, j);
                self.word_start = j + 1;
                return Some(word);
            }
            let i = self.at;
            if i >= bytes.len() {
                if self.done {
                    return None;
                }
                self.done = true;
                return Some((self.word_start, bytes.len()));
            }
            if let Some(eight) = bytes.get(i..i + 8) {
                let x = u64::from_le_bytes(eight.try_into().unwrap_or([0x80; 8]));
                if x & HIGH == 0 {
                    // Bit 7 of each byte set when it is an ASCII digit, or a letter once
                    // folded to lower case; no sum carries into the next byte.
                    let digit = (x + 0x50 * ONES) & !(x + 0x46 * ONES);
                    let folded = x | (0x20 * ONES);
                    let letter = (folded + 0x1F * ONES) & !(folded + 0x05 * ONES);
                    self.separators = !(digit | letter) & HIGH;
                    self.chunk = i;
                    self.at = i + 8;
                    continue;
                }
            }
            let (len, separator) = match bytes[i] {
                b @ 0..0x80 => (1, !b.is_ascii_alphanumeric()),
                _ => {
                    let c = self.text[i..].chars().next().unwrap_or(' ');
                    (c.len_utf8(), !c.is_alphanumeric())
                }
            };
            self.at = i + len;
            if separator {
                let word = (self.word_start, i);
                self.word_start = i + len;
                return Some(word);
            }
        }
    }
}

/// Does the last word of `phrase` have two capitals and no small letters ("the US",
/// "U.S.", "NASA")?
fn ends_with_acronym(phrase: &str) -> bool {
    is_acronym(phrase.rsplit(' ').next().unwrap_or(""))
}

fn is_acronym(word: &str) -> bool {
    word.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && !word.bytes().any(|b| b.is_ascii_lowercase())
}

/// The byte ranges of the acronym words of an alias.
fn acronym_ranges(alias: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for word in alias.split(' ') {
        if is_acronym(word) {
            ranges.push(start..start + word.len());
        }
        start += word.len() + 1;
    }
    ranges
}

fn variants(phrase: &str) -> Vec<String> {
    let p = phrase.trim().to_string();
    let mut out = vec![p.clone()];
    let lower = p.to_lowercase();
    // An acronym is no plural: "the US" must not also match "the U" (which would hide
    // "the UN" and "the United States" behind it).
    if ends_with_acronym(&p) {
        return out;
    }
    if lower.ends_with('s') && !lower.ends_with("ss") {
        out.push(p[..p.len() - 1].to_string());
    } else if lower.ends_with("sh") || lower.ends_with("ch") || lower.ends_with('x') {
        out.push(format!("{p}es"));
    } else if !lower.ends_with(|c: char| c.is_ascii_digit() || c == ')') {
        out.push(format!("{p}s"));
    }
    // Possessives ("AlexNet's") need no pattern: the apostrophe ends the word.
    out
}

impl Linker {
    pub fn new(refs: &ReferenceSet) -> Linker {
        let mut alias_patterns = Vec::new();
        let mut alias_entity = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, e) in refs.entities.iter().enumerate() {
            for a in &e.aliases {
                for v in variants(a) {
                    if seen.insert(v.to_lowercase()) {
                        alias_patterns.push(v);
                        alias_entity.push(i);
                    }
                }
            }
        }
        let mut cue_patterns: Vec<String> = Vec::new();
        let mut cue_properties: Vec<Vec<usize>> = Vec::new();
        let mut cue_index = std::collections::HashMap::new();
        for (pi, p) in refs.properties.iter().enumerate() {
            for c in &p.cues {
                for v in variants(c) {
                    let key = v.to_lowercase();
                    let idx = *cue_index.entry(key).or_insert_with(|| {
                        cue_patterns.push(v.clone());
                        cue_properties.push(Vec::new());
                        cue_patterns.len() - 1
                    });
                    if !cue_properties[idx].contains(&pi) {
                        cue_properties[idx].push(pi);
                    }
                }
            }
        }
        // Capitalized words after the first of an alias: parts of a proper name.
        let name_words: std::collections::HashSet<String> = alias_patterns
            .iter()
            .flat_map(|a| a.split(' ').skip(1))
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .map(str::to_lowercase)
            .collect();
        let cue_in_names = cue_patterns
            .iter()
            .map(|c| name_words.contains(&c.to_lowercase()))
            .collect();
        Linker {
            cue_in_names,
            aliases: AliasTable::new(&alias_patterns, &alias_entity),
            // Cues are searched only in the few sentences that name an entity.
            cues: AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&cue_patterns)
                .expect("cue patterns build"),
            cue_properties,
        }
    }

    fn mentions(
        ac: &AhoCorasick,
        targets: &dyn Fn(usize) -> usize,
        text: &str,
        within: Span,
    ) -> Vec<Mention> {
        let hay = within.slice(text);
        ac.find_iter(hay)
            .filter(|m| {
                let before = hay[..m.start()].chars().next_back();
                let after = hay[m.end()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|m| Mention {
                span: Span::new(within.start + m.start(), within.start + m.end()),
                target: targets(m.pattern().as_usize()),
            })
            .collect()
    }

    /// Entity mentions in `text` that start in `from..to`, in order; the same as one
    /// pass over the whole text would find there. In that pass, at each word start
    /// (after a character that is not alphanumeric) not covered by an earlier match, the
    /// longest alias that starts there (ASCII case ignored) is a match; it is a mention
    /// when it also ends a word. A match that is not a mention still covers its bytes
    /// ("the U" in "the UK"). Only the sentences that hold a claim are read: scanning
    /// every byte of every document cost more than a third of the time of extraction.
    fn mentions_between(&self, text: &str, from: usize, to: usize) -> Vec<Mention> {
        self.mentions_between_after(text, from, to, &mut ScanState::default())
    }

    /// [`Self::mentions_between`] that goes on from where the last scan stopped when
    /// that is at most a long alias before `from` (sentences with claims often follow
    /// each other), else from a new sync point.
    fn mentions_between_after(
        &self,
        text: &str,
        from: usize,
        to: usize,
        state: &mut ScanState,
    ) -> Vec<Mention> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let (scan_from, mut resume) = if state.at <= from && from - state.at <= self.aliases.longest
        {
            (state.at, state.resume)
        } else {
            (self.sync_point(text, from), 0)
        };
        state.at = text.len();
        for (start, end) in Words::from(text, scan_from) {
            if start >= to {
                state.at = start;
                break;
            }
            if start >= resume && self.aliases.may_match(bytes, start, end) {
                self.mention_at(text, start, end, from, &mut resume, &mut out);
            }
        }
        state.resume = resume;
        out
    }

    /// The match at the word `start..end`, if any. An alias that matches here starts
    /// with this whole word: it cannot go on with an alphanumeric character the text
    /// does not have, and a shorter one-word alias inside the word covers no other word
    /// start. The match covers the text up to `resume`; a mention when it ends a word
    /// too (kept from `from` on).
    #[inline(never)]
    fn mention_at(
        &self,
        text: &str,
        start: usize,
        end: usize,
        from: usize,
        resume: &mut usize,
        out: &mut Vec<Mention>,
    ) {
        let Some((len, entity)) = self.aliases.longest_at(text.as_bytes(), start, end) else {
            return;
        };
        *resume = start + len;
        let whole_word = text[*resume..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if whole_word && start >= from {
            out.push(Mention {
                span: Span::new(start, *resume),
                target: entity,
            });
        }
    }

    /// A word start at or before `pos` that no alias match covers, from where a scan
    /// finds what a scan of the whole text finds.
    fn sync_point(&self, text: &str, pos: usize) -> usize {
        let bytes = text.as_bytes();
        let is_word_start = |p: usize| p == 0 || !ends_alphanumeric(&text[..p]);
        // `pos` may fall inside a character (a window's edge).
        let mut pos = pos.min(text.len());
        while !text.is_char_boundary(pos) {
            pos -= 1;
        }
        while !is_word_start(pos) {
            pos -= text[..pos].chars().next_back().map_or(1, char::len_utf8);
        }
        loop {
            // A match that covers `pos` starts at a word start less than the longest
            // alias before it.
            let mut from = pos.saturating_sub(self.aliases.longest);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let first_is_word_start = is_word_start(from);
            let mut cover = None;
            for (start, end) in Words::from(text, from) {
                if start >= pos {
                    break;
                }
                if (start > from || first_is_word_start)
                    && self.aliases.may_match(bytes, start, end)
                    && self
                        .aliases
                        .longest_at(bytes, start, end)
                        .is_some_and(|(len, _)| start + len > pos)
                {
                    cover = Some(start);
                    break;
                }
            }
            match cover {
                Some(start) => pos = start,
                None => return pos,
            }
        }
    }

    /// Is an entity mentioned within `ENTITY_WINDOW` bytes of `q`? `in_sentence` are
    /// the mentions that start in `sentence`, the sentence of `q`.
    fn mention_near(
        &self,
        text: &str,
        q: &Quantity,
        sentence: Span,
        in_sentence: &[Mention],
    ) -> bool {
        let lo = q.span.start.saturating_sub(ENTITY_WINDOW);
        let hi = q.span.end + ENTITY_WINDOW;
        let near = |m: &Mention| m.span.end >= lo && m.span.start <= hi;
        in_sentence.iter().any(near)
            || self
                .mentions_between(
                    text,
                    lo.saturating_sub(self.aliases.longest),
                    sentence.start,
                )
                .iter()
                .any(near)
            || (hi >= sentence.end
                && self
                    .mentions_between(text, sentence.end, (hi + 1).min(text.len()))
                    .iter()
                    .any(near))
    }

    /// Links every checkable quantity of `text`. Returns `(index into quantities, link)`.
    pub fn link(
        &self,
        text: &str,
        quantities: &[Quantity],
        refs: &ReferenceSet,
        units: &UnitTable,
    ) -> Vec<(usize, Link)> {
        let mut out = Vec::new();
        if quantities.is_empty() {
            return out;
        }
        // Entity mentions in the whole text, once; a sentence is looked at only when
        // a quantity has a mention near it (most numbers in most prose have none).
        // Only a sentence that holds a claim can give a link, and only when it names an
        // entity and a number in it has an entity mention near it (most numbers in most
        // prose have none).
        let claimable = |q: &Quantity| {
            q.not_a_claim.is_none()
                && !matches!(q.kind, NumberKind::Ordinal | NumberKind::Multiplier)
        };
        let mut scan = ScanState::default();
        let mut next = 0;
        while next < quantities.len() {
            if !claimable(&quantities[next]) {
                next += 1;
                continue;
            }
            let sent = sentence_around(text, quantities[next].span.start);
            let first = quantities.partition_point(|x| x.span.start < sent.start);
            let last = quantities.partition_point(|x| x.span.start < sent.end);
            if !(first..last).contains(&next) {
                next += 1;
                continue;
            }
            next = last;
            let in_sentence: Vec<usize> = (first..last).collect();
            let starting_here = self.mentions_between_after(text, sent.start, sent.end, &mut scan);
            let entities: Vec<Mention> = starting_here
                .iter()
                .filter(|m| m.span.end <= sent.end)
                .cloned()
                .collect();
            if entities.is_empty()
                || !in_sentence
                    .iter()
                    .any(|&i| self.mention_near(text, &quantities[i], sent, &starting_here))
            {
                continue;
            }
            // Cue index as target; properties resolved per quantity.
            // A cue inside an entity's name is no cue: "states" in "the United States".
            let mut cues = Self::mentions(&self.cues, &|p| p, text, sent);
            cues.retain(|c| {
                !self.cue_in_names[c.target]
                    || !entities
                        .iter()
                        .any(|e| e.span.start <= c.span.start && c.span.end <= e.span.end)
            });
            let breaks = clause_breaks(text, sent);
            let clause_of = |pos: usize| -> Span {
                let s = breaks
                    .iter()
                    .rev()
                    .find(|&&b| b <= pos)
                    .copied()
                    .unwrap_or(sent.start);
                let e = breaks
                    .iter()
                    .find(|&&b| b > pos)
                    .copied()
                    .unwrap_or(sent.end);
                Span::new(s, e)
            };
            // The last own cue in the sentence, and the entity it was linked with.
            let mut previous_cue: Option<(usize, Span, Mention)> = None;
            for &i in &in_sentence {
                let q = &quantities[i];
                if q.not_a_claim.is_some()
                    || matches!(q.kind, NumberKind::Ordinal | NumberKind::Multiplier)
                {
                    continue;
                }
                let clause = clause_of(q.value_span.start);
                let next_q_start = quantities.get(i + 1).map_or(usize::MAX, |n| n.span.start);
                let prev_q_end = if i > 0 { quantities[i - 1].span.end } else { 0 };
                // Own cue: right after the number (within a few words), or in the clause before it.
                let own_after = cues.iter().find(|c| {
                    c.span.start >= q.value_span.start
                        && c.span.start < next_q_start
                        && c.span.start.saturating_sub(q.span.end) <= 24
                });
                // Before the number: close to it ("a population of about 8 billion").
                let own_before = cues.iter().rev().find(|c| {
                    c.span.end <= q.span.start
                        && c.span.start >= clause.start
                        && c.span.start >= prev_q_end
                        && q.span.start - c.span.end <= CUE_BEFORE_GAP
                });
                let mut reasons = Vec::new();
                let mut confidence: f64 = 1.0;
                // A year's cue may stand anywhere in its clause ("in 2017 the paper came out").
                let later_in_clause = || {
                    cues.iter().find(|c| {
                        q.kind == NumberKind::Year
                            && c.span.start >= q.span.end
                            && c.span.end <= clause.end
                            && c.span.start < next_q_start
                    })
                };
                let fits = |cue_idx: usize| {
                    self.cue_properties[cue_idx]
                        .iter()
                        .any(|&p| kind_fits(q, &refs.properties[p], units))
                };
                // The first cue, in order of closeness, that can describe this quantity
                // ("old" names an age, so it cannot be what "100 billion" counts).
                let own = [own_after, own_before, later_in_clause()]
                    .into_iter()
                    .flatten()
                    .find(|c| fits(c.target))
                    .map(|c| ((c.target, c.span), false));
                let inherited_cue = previous_cue
                    .clone()
                    .filter(|(c, _, _)| fits(*c))
                    .map(|(c, s, e)| ((c, s), Some(e)));
                let (cue_idx, cue_span, inherited_from) = match (own, inherited_cue) {
                    (Some(((c, s), _)), _) => (c, s, None),
                    (None, Some(((c, s), e))) => (c, s, e),
                    (None, None) => continue,
                };
                let inherited = inherited_from.is_some();
                if inherited {
                    reasons.push(format!(
                        "property inherited from \"{}\" earlier in the sentence (coordinated list)",
                        cue_span.slice(text)
                    ));
                    confidence *= 0.85;
                }
                // Entity: named in the number's own clause (before it, then after it); for a
                // number that continues a list, the entity of the claim it continues; for a
                // number with its own cue, the nearest entity earlier in the sentence.
                // "released in the US in 2005": a place, not what was released.
                let locative = |e: &&Mention| {
                    q.kind == NumberKind::Year && {
                        let before = text[..e.span.start].trim_end();
                        let word = before
                            .rsplit(|c: char| !c.is_alphabetic())
                            .next()
                            .unwrap_or("");
                        matches!(
                            word.to_ascii_lowercase().as_str(),
                            "in" | "into" | "across" | "throughout" | "at"
                        )
                    }
                };
                let before_in_clause = entities.iter().rev().find(|e| {
                    e.span.end <= q.span.start && e.span.start >= clause.start && !locative(e)
                });
                let after_in_clause = entities.iter().find(|e| {
                    e.span.start >= q.span.end && e.span.end <= clause.end && !locative(e)
                });
                let before_in_sentence = entities.iter().rev().find(|e| e.span.end <= q.span.start);
                let entity: Mention = if is_attributive_age(q, text) {
                    // "a 48-year-old Australian": the age of the noun right after it, never
                    // of an entity named elsewhere in the sentence.
                    match entities.iter().find(|e| {
                        e.span.start >= q.span.end
                            && text[q.span.end..e.span.start].trim().is_empty()
                    }) {
                        Some(e) => e.clone(),
                        None => continue,
                    }
                } else if let Some(e) = before_in_clause.or(after_in_clause) {
                    e.clone()
                } else if let Some(e) = inherited_from {
                    reasons.push(format!(
                        "entity \"{}\" carried over from the claim this number continues",
                        e.span.slice(text)
                    ));
                    confidence *= 0.8;
                    e
                } else if let Some(e) = before_in_sentence.filter(|_| !inherited) {
                    reasons.push(format!(
                        "entity \"{}\" is named in an earlier clause",
                        e.span.slice(text)
                    ));
                    confidence *= 0.8;
                    e.clone()
                } else {
                    continue;
                };
                let candidates = &self.cue_properties[cue_idx];
                let compatible: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&p| kind_fits(q, &refs.properties[p], units))
                    .collect();
                if compatible.is_empty() {
                    continue;
                }
                let rows_of = |e: usize| -> Vec<usize> {
                    compatible
                        .iter()
                        .copied()
                        .filter(|&p| refs.has_rows(e, &refs.properties[p].id))
                        .collect()
                };
                let mut entity = entity;
                let mut with_rows = rows_of(entity.target);
                if with_rows.is_empty() {
                    // The nearest other entity of the sentence that has the property
                    // ("the Moon is 384,400 km from Earth": Earth-Moon distance).
                    let distance = |m: &Mention| m.span.start.abs_diff(q.span.start);
                    let fallback = entities
                        .iter()
                        .filter(|m| {
                            m.target != entity.target
                                && clause.contains(m.span)
                                && !rows_of(m.target).is_empty()
                        })
                        .min_by_key(|m| distance(m));
                    if let Some(f) = fallback {
                        reasons.push(format!(
                            "\"{}\" has no {} row; linked to \"{}\" in the same clause",
                            entity.span.slice(text),
                            refs.properties[compatible[0]].id,
                            f.span.slice(text)
                        ));
                        confidence *= 0.7;
                        entity = f.clone();
                        with_rows = rows_of(f.target);
                    }
                }
                let chosen = with_rows
                    .first()
                    .or(compatible.first())
                    .copied()
                    .unwrap_or(compatible[0]);
                let mut alternatives: Vec<(String, String)> = Vec::new();
                for &p in with_rows.iter().skip(1) {
                    alternatives.push((
                        refs.entities[entity.target].name.clone(),
                        refs.properties[p].id.clone(),
                    ));
                }
                // Other entities in the sentence with a row for the chosen property.
                for e in &entities {
                    if e.target != entity.target
                        && refs.has_rows(e.target, &refs.properties[chosen].id)
                        && !alternatives
                            .iter()
                            .any(|(n, _)| n == &refs.entities[e.target].name)
                    {
                        alternatives.push((
                            refs.entities[e.target].name.clone(),
                            refs.properties[chosen].id.clone(),
                        ));
                    }
                }
                if !alternatives.is_empty() {
                    confidence *= 0.9;
                }
                if !inherited {
                    previous_cue = Some((cue_idx, cue_span, entity.clone()));
                }
                // A weak link to an entity that has no such property is most likely not a
                // claim about it: only a clearly stated claim is reported as unverifiable.
                if with_rows.is_empty()
                    && (inherited
                        || confidence < 0.9
                        || !refs.plausible(entity.target, &refs.properties[chosen].id))
                {
                    continue;
                }
                out.push((
                    i,
                    Link {
                        entity: refs.entities[entity.target].name.clone(),
                        property: refs.properties[chosen].id.clone(),
                        entity_span: Some(entity.span),
                        property_span: (!inherited).then_some(cue_span),
                        confidence: (confidence * 100.0).round() / 100.0,
                        reasons,
                        alternatives,
                    },
                ));
            }
        }
        out
    }
}

/// An age written as an adjective before its noun ("48-year-old", "a 4.5-billion-year-old
/// rock"), as opposed to a predicate ("is 48 years old").
fn is_attributive_age(q: &Quantity, text: &str) -> bool {
    let written = q.span.slice(text).as_bytes();
    written.len() > 4 && written[written.len() - 4..].eq_ignore_ascii_case(b"-old")
}

/// Can this quantity be a value of this property at all?
fn kind_fits(q: &Quantity, p: &crate::reference::Property, units: &UnitTable) -> bool {
    let q_unit = q.unit.as_deref().and_then(|u| units.get(u));
    match p.kind {
        PropertyKind::Year => q.kind == NumberKind::Year,
        PropertyKind::Percent => q_unit.is_some_and(|u| u.dimension == "ratio"),
        // "two thirds of the population" is a share, not a count.
        PropertyKind::Count => {
            q.kind != NumberKind::Year
                && q.notation != crate::model::Notation::Fraction
                && q.value >= 1.0
                && q_unit.is_none_or(|u| u.is_count() || u.id == p.unit)
        }
        // A measure needs a written unit of the same dimension ("384,400 km").
        PropertyKind::Measure => {
            let pu = units.get(&p.unit);
            q.kind != NumberKind::Year
                && match (q_unit, pu) {
                    (Some(a), Some(b)) => a.dimension == b.dimension,
                    (Some(a), None) => !a.is_count(),
                    (None, _) => false,
                }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn sentences_survive_abbreviations_and_decimals() {
        assert_eq!(
            split("Dr. Smith counted 10.5 million cells, e.g. in the U.S. lab. Then he left."),
            [
                "Dr. Smith counted 10.5 million cells, e.g. in the U.S. lab.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn the_sentence_around_a_position_is_the_one_the_full_split_gives() {
        let text = "by someone\n49 days ago\n\nDr. Smith counted 10.5 million cells (e.g. in mice). \"Wow!\" he said?\nA hard-wrapped line that runs on and on past forty characters\nfor a while. 1. A list\n2) items";
        let all = sentences(text);
        for (pos, _) in text.char_indices() {
            if let Some(s) = all.iter().find(|s| s.start <= pos && pos < s.end) {
                assert_eq!(sentence_around(text, pos), *s, "at {pos}");
            }
        }
    }

    #[test]
    fn a_line_break_ends_a_line_of_prose() {
        assert_eq!(
            split("by someone\n49 days ago\nText here."),
            ["by someone", "49 days ago", "Text here."]
        );
    }

    #[test]
    fn hard_wrapped_prose_stays_one_sentence() {
        let text = "A rat gets by with a brain that holds about\n200 million neurons, we are told by the textbook.";
        assert_eq!(split(text), [text]);
    }

    fn linker() -> Linker {
        let (refs, diags) = crate::reference::load_tables(
            &crate::reference::embedded_sources(),
            UnitTable::default_table(),
        );
        assert!(diags.is_empty());
        Linker::new(&refs)
    }

    /// The plain definition: at each word start not covered by an earlier match, the
    /// longest alias (ASCII case ignored) that starts there; a mention when it ends a word.
    fn mentions_by_definition(linker: &Linker, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut resume = 0;
        for (p, _) in text.char_indices().chain([(text.len(), ' ')]) {
            if p < resume || ends_alphanumeric(&text[..p]) {
                continue;
            }
            let longest = linker
                .aliases
                .aliases
                .iter()
                .filter(|(a, _)| {
                    text.as_bytes()
                        .get(p..p + a.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(a))
                })
                .max_by_key(|(a, _)| a.len());
            if let Some((a, entity)) = longest {
                resume = p + a.len();
                if text[resume..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
                {
                    out.push((p, resume, *entity));
                }
            }
        }
        out
    }

    #[test]
    fn mentions_in_part_of_a_text_are_those_of_the_whole_text() {
        let linker = linker();
        let texts = [
            "In addition, the United States has two missions; the UN said so. The U.S. and the UK.",
            "Humans have 86 billion neurons, mice about 70 million; the human brain is large.",
            "ultrapure water, bathe USA, the Earth-Moon distance and the Moon's distance from Earth.",
            "Krizhevsky, Sutskever and Hinton (Krizhevsky et al. 2012) trained AlexNet; GPT-3 came later.",
            "Ça coûte — the HUMAN brain… “the Moon” and Mt. Everest, Mount Everest; N_A and H2O.",
            "the the the U the US the United Nations the United States theUS",
        ];
        for text in texts {
            let whole: Vec<(usize, usize, usize)> = linker
                .mentions_between(text, 0, text.len())
                .iter()
                .map(|m| (m.span.start, m.span.end, m.target))
                .collect();
            assert_eq!(whole, mentions_by_definition(&linker, text), "{text}");
            assert!(!whole.is_empty());
            // Every byte, also inside a character (windows around numbers end anywhere).
            let cuts: Vec<usize> = (0..=text.len()).collect();
            for step in [1, 3, 10, 40, 100] {
                // Consecutive parts, each scan going on from where the last stopped.
                let mut state = ScanState::default();
                let mut found = Vec::new();
                for pair in cuts
                    .chunks(step)
                    .map(|c| c[0])
                    .collect::<Vec<_>>()
                    .windows(2)
                {
                    found.extend(
                        linker
                            .mentions_between_after(text, pair[0], pair[1], &mut state)
                            .iter()
                            .map(|m| (m.span.start, m.span.end, m.target)),
                    );
                }
                let last = cuts.chunks(step).map(|c| c[0]).next_back().unwrap_or(0);
                let expected: Vec<_> = whole.iter().copied().filter(|m| m.0 < last).collect();
                assert_eq!(found, expected, "{text:?} step {step}");
            }
            for &from in &cuts {
                for &to in cuts.iter().filter(|&&to| to >= from).step_by(7) {
                    let part: Vec<(usize, usize, usize)> = linker
                        .mentions_between(text, from, to)
                        .iter()
                        .map(|m| (m.span.start, m.span.end, m.target))
                        .collect();
                    let expected: Vec<(usize, usize, usize)> = whole
                        .iter()
                        .copied()
                        .filter(|m| from <= m.0 && m.0 < to)
                        .collect();
                    assert_eq!(part, expected, "{text:?} {from}..{to}");
                }
            }
        }
    }
}
