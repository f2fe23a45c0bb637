//! The units table: normalized ids, dimensions, conversion to a base unit, and the
//! surface forms (case-sensitive symbols, case-insensitive names) the extractor matches.
//!
//! The table is data (`data/units.csv`, embedded in the binary).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use serde::Deserialize;
use std::collections::HashMap;

use crate::error::TableError;

pub const DEFAULT_UNITS_CSV: &str = include_str!("../data/units.csv");

#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub dimension: String,
    pub base: String,
    pub factor: f64,
    pub offset: f64,
}

impl Unit {
    pub fn is_currency(&self) -> bool {
        self.dimension == "currency"
    }
    pub fn is_count(&self) -> bool {
        self.dimension == "count"
    }
    pub fn to_base(&self, v: f64) -> f64 {
        v * self.factor + self.offset
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitRow {
    id: String,
    dimension: String,
    base: String,
    factor: String,
    offset: String,
    symbols: String,
    names: String,
}

/// A unit found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitMatch {
    pub unit: usize,
    pub end: usize,
}

#[derive(Debug)]
pub struct UnitTable {
    pub units: Vec<Unit>,
    by_id: HashMap<String, usize>,
    symbols: AhoCorasick,
    symbol_unit: Vec<usize>,
    names: AhoCorasick,
    name_unit: Vec<usize>,
    /// Currency symbols that stand before a number ("$", "US$", "£"), longest first.
    prefix_symbols: Vec<(String, usize)>,
    /// Those symbols grouped by their last byte (indexes into `prefix_symbols`).
    prefix_by_last_byte: Vec<Vec<usize>>,
    /// Bit `len` of entry `first letter` is set when a currency name's last word has that
    /// first letter and length: a quick "no" before a lookup of a word before a number.
    currency_word_shapes: [u32; 26],
}

impl UnitTable {
    pub fn default_table() -> &'static UnitTable {
        static TABLE: std::sync::OnceLock<UnitTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            UnitTable::from_csv("data/units.csv", DEFAULT_UNITS_CSV)
                .expect("embedded units table is valid (checked by tests)")
        })
    }

    pub fn from_csv(path: &str, text: &str) -> Result<UnitTable, TableError> {
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let mut units = Vec::new();
        let mut by_id = HashMap::new();
        let mut symbol_patterns: Vec<String> = Vec::new();
        let mut symbol_unit = Vec::new();
        let mut name_patterns: Vec<String> = Vec::new();
        let mut name_unit = Vec::new();
        let mut seen_symbol: HashMap<String, String> = HashMap::new();
        for row in reader.deserialize::<UnitRow>() {
            let row = row.map_err(|e| TableError::from_csv(path, &e))?;
            let line = units.len() + 2;
            let parse = |field: &str, s: &str| -> Result<f64, TableError> {
                if s.is_empty() && field == "offset" {
                    return Ok(0.0);
                }
                s.parse::<f64>().map_err(|_| TableError::Row {
                    path: path.to_string(),
                    line,
                    column: field.to_string(),
                    message: format!("`{s}` is not a number"),
                })
            };
            let unit = Unit {
                factor: parse("factor", &row.factor)?,
                offset: parse("offset", &row.offset)?,
                id: row.id.clone(),
                dimension: row.dimension,
                base: row.base,
            };
            let idx = units.len();
            if by_id.insert(unit.id.clone(), idx).is_some() {
                return Err(TableError::Row {
                    path: path.to_string(),
                    line,
                    column: "id".into(),
                    message: format!("unit id `{}` is defined twice", unit.id),
                });
            }
            for sym in split_list(&row.symbols) {
                if let Some(prev) = seen_symbol.insert(sym.to_string(), unit.id.clone()) {
                    return Err(TableError::Row {
                        path: path.to_string(),
                        line,
                        column: "symbols".into(),
                        message: format!("symbol `{sym}` is already used by unit `{prev}`"),
                    });
                }
                symbol_patterns.push(sym.to_string());
                symbol_unit.push(idx);
            }
            for name in split_list(&row.names) {
                name_patterns.push(name.to_string());
                name_unit.push(idx);
            }
            units.push(unit);
        }
        let build = |pats: &[String], ci: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .ascii_case_insensitive(ci)
                .build(pats)
                .expect("unit patterns build")
        };
        let mut prefix_symbols: Vec<(String, usize)> = symbol_patterns
            .iter()
            .zip(&symbol_unit)
            // A lower-case letter ("p" for pence) is a currency only after the amount.
            .filter(|(s, u)| units[**u].is_currency() && !s.bytes().all(|b| b.is_ascii_lowercase()))
            .map(|(s, u)| (s.clone(), *u))
            .collect();
        prefix_symbols.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        let mut prefix_by_last_byte = vec![Vec::new(); 256];
        for (i, (sym, _)) in prefix_symbols.iter().enumerate() {
            if let Some(&b) = sym.as_bytes().last() {
                prefix_by_last_byte[b as usize].push(i);
            }
        }
        let mut currency_word_shapes = [0u32; 26];
        for (name, &u) in name_patterns.iter().zip(&name_unit) {
            let last = name.rsplit(' ').next().unwrap_or("").as_bytes();
            // Codes ("USD", "RMB") are read by their own rule, in upper case.
            let code = last.iter().all(u8::is_ascii_uppercase);
            if units[u].is_currency()
                && !code
                && let Some(&c) = last.first()
                && c.is_ascii_alphabetic()
                && last.len() < 32
            {
                currency_word_shapes[((c | 0x20) - b'a') as usize] |= 1 << last.len();
            }
        }
        Ok(UnitTable {
            currency_word_shapes,
            prefix_by_last_byte,
            symbols: build(&symbol_patterns, false),
            names: build(&name_patterns, true),
            units,
            by_id,
            symbol_unit,
            name_unit,
            prefix_symbols,
        })
    }

    pub fn get(&self, id: &str) -> Option<&Unit> {
        self.by_id.get(id).map(|&i| &self.units[i])
    }

    /// The index of the unit with this id (for `unit`).
    pub fn get_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Could the ASCII word `w` be the last word of a currency name (by first letter and
    /// length)? False means surely not.
    pub fn may_end_currency_name(&self, w: &[u8]) -> bool {
        match w.first() {
            Some(&c) if c.is_ascii_alphabetic() && w.len() < 32 => {
                self.currency_word_shapes[((c | 0x20) - b'a') as usize] & (1 << w.len()) != 0
            }
            _ => false,
        }
    }

    pub fn unit(&self, idx: usize) -> &Unit {
        &self.units[idx]
    }

    /// The longest unit written at `pos` (symbol or name) that ends at a word boundary.
    pub fn match_at(&self, text: &str, pos: usize) -> Option<UnitMatch> {
        let mut best: Option<UnitMatch> = None;
        let input = Input::new(text)
            .span(pos..text.len())
            .anchored(Anchored::Yes);
        if let Some(m) = self.symbols.find(input.clone())
            && ends_at_boundary(text, m.end())
        {
            best = Some(UnitMatch {
                unit: self.symbol_unit[m.pattern().as_usize()],
                end: m.end(),
            });
        }
        if let Some(m) = self.names.find(input)
            && ends_at_boundary(text, m.end())
            && best.is_none_or(|b| m.end() > b.end)
        {
            best = Some(UnitMatch {
                unit: self.name_unit[m.pattern().as_usize()],
                end: m.end(),
            });
        }
        // "It weighs 5 lb. The next": an abbreviation's dot that ends the line or the
        // sentence (a capital follows) is the full stop. (At the very end of a text the dot
        // stays: phrase parsers count "45 deg." as one token.)
        if let Some(b) = best.as_mut()
            && b.end > pos + 1
            && text.as_bytes()[b.end - 1] == b'.'
            && match &text.as_bytes()[b.end..] {
                [b'\n' | b'\r', ..] => true,
                [b' ', c, ..] => c.is_ascii_uppercase(),
                _ => false,
            }
        {
            b.end -= 1;
        }
        // A one-letter symbol that goes on as a name or an abbreviation is no unit:
        // "F-Series", "C.P.I.", "14.7C/".
        if let Some(b) = best
            && b.end == pos + 1
            && text.as_bytes()[pos].is_ascii_alphabetic()
        {
            let rest = &text.as_bytes()[b.end..];
            // ("a 17.7 m-thick bed": a size adjective after a lower-case symbol is no name.)
            let size_adjective = text.as_bytes()[pos].is_ascii_lowercase()
                && ["long", "thick", "wide", "high", "deep", "tall", "thin"]
                    .iter()
                    .any(|a| {
                        rest.len() > a.len()
                            && rest[1..=a.len()].eq_ignore_ascii_case(a.as_bytes())
                            && rest
                                .get(a.len() + 1)
                                .is_none_or(|c| !c.is_ascii_alphabetic())
                    });
            let glued_on = match rest {
                [b'-', c, ..] => c.is_ascii_alphabetic() && !size_adjective,
                [b'.', c, ..] => c.is_ascii_alphanumeric(),
                [b'/', c, ..] => !c.is_ascii_alphanumeric(),
                [b'/'] => true,
                _ => false,
            };
            if glued_on {
                return None;
            }
        }
        best
    }

    /// A currency symbol that ends exactly at `pos` ("$" in "$5", "US$" in "US$4.7").
    pub fn currency_prefix_before(&self, text: &str, pos: usize) -> Option<(usize, usize)> {
        let before = &text[..pos];
        let last = *before.as_bytes().last()?;
        for &i in &self.prefix_by_last_byte[last as usize] {
            let (sym, unit) = &self.prefix_symbols[i];
            if before.ends_with(sym.as_str()) {
                let start = pos - sym.len();
                // "US$" must not be the tail of a longer word ("BUS$").
                let ok = sym.chars().all(|c| !c.is_alphanumeric())
                    || text[..start]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                if ok {
                    return Some((start, *unit));
                }
            }
        }
        None
    }
}

fn ends_at_boundary(text: &str, end: usize) -> bool {
    let prev = text[..end].chars().next_back();
    // Symbols like "%" or "$" end on punctuation: no boundary needed after them.
    if prev.is_some_and(|c| !c.is_alphanumeric()) {
        return true;
    }
    text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

pub(crate) fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|s| !s.is_empty())
}
