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

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "inc", "ltd",
    "co", "corp", "fig", "no", "vol", "approx", "ca", "c", "al", "cf", "u.s", "u.k", "u.n", "e.u",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen",
    "gov", "sen", "rep", "mt", "ft", "p", "pp", "ed", "eds", "est", "dept", "univ",
];

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
    let mut j = pos.min(bytes.len());
    while j > 0 {
        j -= 1;
        if may_end_sentence(bytes[j])
            && let Some(end) = boundary_at(text, j)
            && end.max(j + 1) <= pos
        {
            start = end.max(j + 1);
            break;
        }
    }
    let mut end = bytes.len();
    let mut i = start;
    while i < bytes.len() {
        if may_end_sentence(bytes[i])
            && let Some(e) = boundary_at(text, i)
            && e.max(i + 1) > pos
        {
            end = e;
            break;
        }
        i += 1;
    }
    let mut out = Vec::with_capacity(1);
    push_trimmed(text, start, end, &mut out);
    out.pop().unwrap_or(Span::new(pos, pos))
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        out.push(Span::new(start + lead, end - trail));
    }
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
    ABBREVIATIONS
        .iter()
        .any(|a| a.as_bytes().eq_ignore_ascii_case(word))
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
    aliases: AhoCorasick,
    alias_entity: Vec<usize>,
    cues: AhoCorasick,
    /// For each cue pattern, the properties it names, in table order.
    cue_properties: Vec<Vec<usize>>,
}

fn variants(phrase: &str) -> Vec<String> {
    let p = phrase.trim().to_string();
    let mut out = vec![p.clone()];
    let lower = p.to_lowercase();
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
        let build = |pats: &[String], kind: Option<aho_corasick::AhoCorasickKind>| {
            AhoCorasickBuilder::new()
                .kind(kind)
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(pats)
                .expect("alias patterns build")
        };
        Linker {
            // Aliases are searched through every text: a DFA costs more to build once and
            // is several times faster to run. Cues are searched only in a few sentences.
            aliases: build(&alias_patterns, Some(aho_corasick::AhoCorasickKind::DFA)),
            alias_entity,
            cues: build(&cue_patterns, None),
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
        let whole = Span::new(0, text.len());
        let all_entities = Self::mentions(&self.aliases, &|p| self.alias_entity[p], text, whole);
        if all_entities.is_empty() {
            return out;
        }
        let mut next = 0;
        while next < quantities.len() {
            let q = &quantities[next];
            let lo = q.span.start.saturating_sub(ENTITY_WINDOW);
            let hi = q.span.end + ENTITY_WINDOW;
            let near = all_entities.partition_point(|m| m.span.end < lo);
            if all_entities.get(near).is_none_or(|m| m.span.start > hi) {
                next += 1;
                continue;
            }
            let sent = sentence_around(text, q.span.start);
            let first = quantities.partition_point(|x| x.span.start < sent.start);
            let last = quantities.partition_point(|x| x.span.start < sent.end);
            next = last.max(next + 1);
            let in_sentence: Vec<usize> = (first..last).collect();
            let e_lo = all_entities.partition_point(|m| m.span.start < sent.start);
            let e_hi = all_entities.partition_point(|m| m.span.start < sent.end);
            let entities: Vec<Mention> = all_entities[e_lo..e_hi]
                .iter()
                .filter(|m| m.span.end <= sent.end)
                .cloned()
                .collect();
            if entities.is_empty() {
                continue;
            }
            // Cue index as target; properties resolved per quantity.
            let cues = Self::mentions(&self.cues, &|p| p, text, sent);
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
                let entity: Mention = if let Some(e) = before_in_clause.or(after_in_clause) {
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
}
