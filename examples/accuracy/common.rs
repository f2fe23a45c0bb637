//! Shared pieces of the accuracy harness: unit tables, scores, failure buckets,
//! offsets and number comparison.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{Context, Result};
use numcheck::model::{NumberKind, Quantity, Span};

// ---------------------------------------------------------------- numbers

/// Relative + absolute tolerance comparison; infinities compare equal to themselves.
pub fn close(a: f64, b: f64, rtol: f64, atol: f64) -> bool {
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= atol + rtol * a.abs().max(b.abs())
}

/// Default comparison for values printed with ~15 significant digits.
pub fn eq_num(a: f64, b: f64) -> bool {
    close(a, b, 1e-9, 1e-12)
}

/// Short human form of a number for failure examples.
pub fn fmt_num(v: f64) -> String {
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v != 0.0 && (v.abs() >= 1e7 || v.abs() < 1e-3) {
        return format!("{v:e}");
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".into()
    } else {
        s.to_string()
    }
}

// ---------------------------------------------------------------- offsets

/// Maps byte offsets of one text to Unicode code-point offsets (what every
/// suite uses) and back.
pub struct CharIndex {
    /// char index of the char that contains each byte, plus one entry for len
    byte_to_char: Vec<usize>,
    char_to_byte: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut byte_to_char = vec![0; text.len() + 1];
        let mut char_to_byte = Vec::with_capacity(text.len() + 1);
        let mut ci = 0;
        for (bi, ch) in text.char_indices() {
            char_to_byte.push(bi);
            for slot in byte_to_char.iter_mut().skip(bi).take(ch.len_utf8()) {
                *slot = ci;
            }
            ci += 1;
        }
        byte_to_char[text.len()] = ci;
        char_to_byte.push(text.len());
        CharIndex {
            byte_to_char,
            char_to_byte,
        }
    }
    pub fn char_of(&self, byte: usize) -> usize {
        let b = byte.min(self.byte_to_char.len() - 1);
        self.byte_to_char[b]
    }
    /// Byte span -> char span `[start, end)`.
    pub fn chars(&self, s: Span) -> (usize, usize) {
        (self.char_of(s.start), self.char_of(s.end))
    }
    pub fn byte_of(&self, ch: usize) -> usize {
        let c = ch.min(self.char_to_byte.len() - 1);
        self.char_to_byte[c]
    }
}

/// Safe slice by byte span (empty on a bad span).
pub fn slice(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("")
}

/// Slice by char span.
pub fn slice_chars<'a>(text: &'a str, idx: &CharIndex, start: usize, end: usize) -> &'a str {
    text.get(idx.byte_of(start)..idx.byte_of(end)).unwrap_or("")
}

/// Strip a UTF-8 byte-order mark.
pub fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

pub fn read_json(path: &Path) -> Result<serde_json::Value> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(strip_bom(&raw)).with_context(|| format!("parsing {}", path.display()))
}

// ---------------------------------------------------------------- examples

const EXAMPLE_QUOTE_MAX: usize = 60;

/// A short quote of the suite text around char span `[s, e)`, at most ~60
/// characters of suite text, with the span in brackets. Suites without a
/// licence must not be quoted at length.
pub fn snippet(text: &str, idx: &CharIndex, s: usize, e: usize) -> String {
    let n = idx.char_of(text.len());
    let s = s.min(n);
    let e = e.clamp(s, n);
    let clean = |t: &str| -> String {
        t.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                '|' => '¦',
                '`' => '\'',
                c => c,
            })
            .collect()
    };
    let span_len = e - s;
    if span_len >= EXAMPLE_QUOTE_MAX {
        let inner: String = slice_chars(text, idx, s, e)
            .chars()
            .take(EXAMPLE_QUOTE_MAX - 3)
            .collect();
        return format!("[{}…]", clean(&inner));
    }
    let room = EXAMPLE_QUOTE_MAX - span_len;
    let left = (room / 2).min(s);
    let right = (room - left).min(n - e);
    let left = (room - right).min(s);
    let (ls, re) = (s - left, e + right);
    format!(
        "{}{}[{}]{}{}",
        if ls > 0 { "…" } else { "" },
        clean(slice_chars(text, idx, ls, s)),
        clean(slice_chars(text, idx, s, e)),
        clean(slice_chars(text, idx, e, re)),
        if re < n { "…" } else { "" }
    )
}

/// A whole short input (Duckling phrases, spell-outs), truncated to the quote limit.
pub fn short_quote(text: &str) -> String {
    let t: String = text.chars().take(EXAMPLE_QUOTE_MAX).collect();
    let t = t
        .replace(['\n', '\r', '\t'], " ")
        .replace('|', "¦")
        .replace('`', "'");
    if text.chars().count() > EXAMPLE_QUOTE_MAX {
        format!("{t}…")
    } else {
        t
    }
}

/// A piece of suite text shown next to a quote (our span), kept short.
pub fn clip(t: &str) -> String {
    const MAX: usize = 24;
    let t = t
        .replace(['\n', '\r', '\t'], " ")
        .replace('|', "¦")
        .replace('`', "'");
    if t.chars().count() > MAX {
        format!("{}…", t.chars().take(MAX - 1).collect::<String>())
    } else {
        t
    }
}

/// One-line description of a prediction (our own output, not suite text).
pub fn describe(q: &Quantity) -> String {
    let val = match q.qualifier {
        numcheck::model::Qualifier::Range | numcheck::model::Qualifier::Vague => {
            let (lo, hi) = bounds(q);
            format!("{}..{}", fmt_num(lo), fmt_num(hi))
        }
        _ => fmt_num(q.value),
    };
    let unit = match (&q.unit, &q.unit_text) {
        (Some(u), _) => format!(" {u}"),
        (None, Some(t)) => format!(" ({t})"),
        _ => String::new(),
    };
    let qual = match q.qualifier {
        numcheck::model::Qualifier::Exact => String::new(),
        other => format!(" {}", other.as_str()),
    };
    let kind = match q.kind {
        NumberKind::Cardinal => String::new(),
        NumberKind::Year => " year".into(),
        NumberKind::Multiplier => " multiplier".into(),
        NumberKind::Ordinal => " ordinal".into(),
    };
    format!("{val}{unit}{qual}{kind}")
}

// ---------------------------------------------------------------- failures

#[derive(Default, Debug, Clone)]
pub struct Cause {
    pub count: usize,
    pub examples: Vec<String>,
}

/// Failure buckets of one model: cause -> count + up to 5 examples.
#[derive(Default, Debug, Clone)]
pub struct Failures {
    pub causes: BTreeMap<String, Cause>,
}

pub const MAX_EXAMPLES: usize = 5;

/// Examples kept per cause: `MAX_EXAMPLES`, or `NUMCHECK_ACC_EXAMPLES` (local debugging).
fn max_examples() -> usize {
    static N: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *N.get_or_init(|| {
        std::env::var("NUMCHECK_ACC_EXAMPLES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(MAX_EXAMPLES)
    })
}

/// Suites without a licence (cqe-newsquant, measeval, quantemp) are never quoted in the
/// report: a failing case is named by its index ("NewsQuant dev #123"). Setting
/// `NUMCHECK_ACC_QUOTE=1` shows the text instead, for local debugging only; a report
/// written that way must not be committed.
pub fn quote_unlicensed() -> bool {
    static Q: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *Q.get_or_init(|| std::env::var_os("NUMCHECK_ACC_QUOTE").is_some_and(|v| v == "1"))
}

impl Failures {
    pub fn add(&mut self, cause: &str, example: String) {
        let c = self.causes.entry(cause.to_string()).or_default();
        c.count += 1;
        if c.examples.len() < max_examples() {
            c.examples.push(example);
        }
    }
    pub fn total(&self) -> usize {
        self.causes.values().map(|c| c.count).sum()
    }
    /// Causes sorted by count, largest first.
    pub fn sorted(&self) -> Vec<(&String, &Cause)> {
        let mut v: Vec<_> = self.causes.iter().collect();
        v.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        v
    }
}

// ---------------------------------------------------------------- scores

#[derive(Debug, Clone)]
pub enum Measure {
    /// Precision / recall / F1. `tp_pred` predictions matched out of `n_pred`,
    /// `tp_gold` gold items matched out of `n_gold` (equal for 1:1 matching).
    Prf {
        tp_pred: usize,
        n_pred: usize,
        tp_gold: usize,
        n_gold: usize,
    },
    /// Exact-match accuracy over cases.
    Acc { ok: usize, n: usize },
    /// Mean of per-row scores (MeasEval EM / overlap F1).
    Mean { sum: f64, n: usize },
}

impl Measure {
    pub fn precision(&self) -> Option<f64> {
        match *self {
            Measure::Prf {
                tp_pred, n_pred, ..
            } => Some(if n_pred == 0 {
                0.0
            } else {
                100.0 * tp_pred as f64 / n_pred as f64
            }),
            _ => None,
        }
    }
    pub fn recall(&self) -> Option<f64> {
        match *self {
            Measure::Prf {
                tp_gold, n_gold, ..
            } => Some(if n_gold == 0 {
                0.0
            } else {
                100.0 * tp_gold as f64 / n_gold as f64
            }),
            _ => None,
        }
    }
    /// F1, accuracy or mean, in percent.
    pub fn headline(&self) -> f64 {
        match *self {
            Measure::Prf { .. } => {
                let p = self.precision().unwrap_or(0.0);
                let r = self.recall().unwrap_or(0.0);
                if p + r == 0.0 {
                    0.0
                } else {
                    2.0 * p * r / (p + r)
                }
            }
            Measure::Acc { ok, n } => {
                if n == 0 {
                    0.0
                } else {
                    100.0 * ok as f64 / n as f64
                }
            }
            Measure::Mean { sum, n } => {
                if n == 0 {
                    0.0
                } else {
                    100.0 * sum / n as f64
                }
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Score {
    pub model: String,
    pub metric: String,
    pub measure: Measure,
    /// cases (sentences, phrases, paragraphs) scored
    pub cases: usize,
}

impl Score {
    pub fn new(model: &str, metric: &str, measure: Measure, cases: usize) -> Self {
        Score {
            model: model.to_string(),
            metric: metric.to_string(),
            measure,
            cases,
        }
    }
}

/// Everything one suite contributes to the report.
pub struct SuiteResult {
    pub id: String,
    pub title: String,
    /// Markdown: how this suite is scored (its own rules, our mapping decisions).
    pub rules: String,
    pub scores: Vec<Score>,
    /// (model, failures) in report order.
    pub failures: Vec<(String, Failures)>,
    /// Extra markdown lines (reference scores of other systems, caveats).
    pub notes: Vec<String>,
}

// ---------------------------------------------------------------- units

#[derive(Debug, Clone)]
pub struct UnitRow {
    pub dimension: String,
    pub factor: f64,
    pub offset: f64,
}

/// Our unit table (data/units.csv: id,dimension,base,factor,offset,symbols,names).
#[derive(Default)]
pub struct UnitTable {
    pub rows: HashMap<String, UnitRow>,
    by_name: HashMap<String, Vec<String>>,
    by_symbol: HashMap<String, Vec<String>>,
    pub loaded_from: Option<String>,
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split(['|', ';']).map(str::trim).filter(|x| !x.is_empty())
}

impl UnitTable {
    pub fn load(path: &Path) -> Result<Self> {
        let mut t = UnitTable::default();
        if !path.exists() {
            eprintln!(
                "warning: {} not found; unit names resolve only through the mapping table",
                path.display()
            );
            return Ok(t);
        }
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .comment(Some(b'#'))
            .from_path(path)
            .with_context(|| format!("opening {}", path.display()))?;
        let headers = rdr.headers()?.clone();
        let col = |name: &str| headers.iter().position(|h| h.trim() == name);
        let (ci, cd, cf, co, cs, cn) = (
            col("id"),
            col("dimension"),
            col("factor"),
            col("offset"),
            col("symbols"),
            col("names"),
        );
        let ci = ci.context("units.csv has no id column")?;
        for rec in rdr.records() {
            let rec = rec?;
            let get = |c: Option<usize>| c.and_then(|i| rec.get(i)).unwrap_or("").trim();
            let id = get(Some(ci)).to_string();
            if id.is_empty() {
                continue;
            }
            let row = UnitRow {
                dimension: get(cd).to_lowercase(),
                factor: get(cf).parse().unwrap_or(f64::NAN),
                offset: get(co).parse().unwrap_or(0.0),
            };
            for n in split_list(get(cn)) {
                t.by_name
                    .entry(n.to_lowercase())
                    .or_default()
                    .push(id.clone());
            }
            for s in split_list(get(cs)) {
                t.by_symbol
                    .entry(s.to_string())
                    .or_default()
                    .push(id.clone());
            }
            t.by_name
                .entry(id.to_lowercase())
                .or_default()
                .push(id.clone());
            t.rows.insert(id, row);
        }
        t.loaded_from = Some(path.display().to_string());
        Ok(t)
    }

    pub fn dimension(&self, id: &str) -> Option<&str> {
        self.rows.get(id).map(|r| r.dimension.as_str())
    }

    /// Value in the dimension's base unit, when the table knows the factor.
    pub fn to_base(&self, id: &str, v: f64) -> Option<f64> {
        let r = self.rows.get(id)?;
        if r.factor.is_nan() {
            return None;
        }
        Some(v * r.factor + r.offset)
    }

    /// Our ids whose id, name or symbol is `name` (exact symbol, case-insensitive
    /// id/name, then a naive singular).
    pub fn resolve(&self, name: &str) -> Vec<String> {
        let name = name.trim();
        if self.rows.contains_key(name) {
            return vec![name.to_string()];
        }
        if let Some(v) = self.by_symbol.get(name) {
            return v.clone();
        }
        let low = name.to_lowercase();
        if let Some(v) = self.by_name.get(&low) {
            return v.clone();
        }
        if let Some(v) = self.by_name.get(&singular(&low)) {
            return v.clone();
        }
        Vec::new()
    }

    /// A count-like unit: the counted noun was normalized into a unit id.
    pub fn is_count(&self, id: &str) -> bool {
        id == "count"
            || matches!(
                self.dimension(id),
                Some("count" | "dimensionless" | "number" | "items" | "quantity" | "cardinal")
            )
    }
}

/// Our unit as the suites' rate names are compared: "USD/bbl" for a unit with a
/// `per_unit`, else the unit id.
pub fn unit_key(q: &Quantity) -> Option<String> {
    match (&q.unit, &q.per_unit) {
        (Some(u), Some(p)) => Some(format!("{u}/{p}")),
        (Some(u), None) => Some(u.clone()),
        (None, _) => None,
    }
}

/// Naive English singular, used identically on both sides of a comparison.
pub fn singular(w: &str) -> String {
    let w = w.trim();
    if w.ends_with("ies") && w.len() > 4 {
        return format!("{}y", &w[..w.len() - 3]);
    }
    // "viruses", "buses" (but "houses", "causes": a vowel before "uses")
    if w.len() > 5
        && w.ends_with("uses")
        && !matches!(w.as_bytes()[w.len() - 5], b'a' | b'e' | b'i' | b'o' | b'u')
    {
        return w[..w.len() - 2].to_string();
    }
    for suf in ["ches", "shes", "sses", "xes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    // ("virus", "bonus", "analysis" are singular already.)
    if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.len() > 2
    {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Normalized counted-noun phrase: lower case, words singularized.
pub fn noun_key(s: &str) -> String {
    // CQE's names drop stop words ("digital and physical sales" -> "digital physical sale").
    s.split_whitespace()
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "and" | "or" | "of" | "the" | "a" | "an"
            )
        })
        .map(|w| {
            let w = singular(&w.to_lowercase());
            // "fishermen", "women": the irregular plural. Applied to both sides of a
            // comparison, so "specimen" -> "speciman" is harmless.
            match w.strip_suffix("men") {
                Some(stem) => format!("{stem}man"),
                None => w,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What our output may carry for one suite unit name.
#[derive(Debug, Clone, Default)]
pub struct Accept {
    pub ids: Vec<String>,
    /// the suite unit means "no unit" (bare number)
    pub none: bool,
}

impl Accept {
    pub fn matches(&self, unit: Option<&str>) -> bool {
        match unit {
            None => self.none,
            Some(u) => self.ids.iter().any(|i| i == u),
        }
    }
    pub fn is_mapped(&self) -> bool {
        self.none || !self.ids.is_empty()
    }
}

/// examples/accuracy/unit_map.csv: suite,unit,ours,note
pub struct UnitMap {
    map: HashMap<(String, String), Accept>,
}

impl UnitMap {
    pub fn load(path: &Path) -> Result<Self> {
        let mut rdr = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .flexible(true)
            .from_path(path)
            .with_context(|| format!("opening {}", path.display()))?;
        let mut map = HashMap::new();
        for rec in rdr.records() {
            let rec = rec?;
            let suite = rec.get(0).unwrap_or("").trim().to_string();
            let unit = rec.get(1).unwrap_or("").trim().to_lowercase();
            let ours = rec.get(2).unwrap_or("").trim();
            if suite.is_empty() || unit.is_empty() {
                continue;
            }
            let mut acc = Accept::default();
            for o in split_list(ours) {
                if o == "-" {
                    acc.none = true;
                } else {
                    acc.ids.push(o.to_string());
                }
            }
            map.insert((suite, unit), acc);
        }
        Ok(UnitMap { map })
    }

    /// Mapping for `unit` of `suite`: the table first, then our units.csv names.
    pub fn accept(&self, units: &UnitTable, suite: &str, unit: &str) -> Accept {
        if let Some(a) = self
            .map
            .get(&(suite.to_string(), unit.trim().to_lowercase()))
        {
            return a.clone();
        }
        Accept {
            ids: units.resolve(unit),
            none: false,
        }
    }

    /// Mapped ids that are not in units.csv (a stale table row).
    pub fn unknown_ids(&self, units: &UnitTable) -> Vec<String> {
        if units.rows.is_empty() {
            return Vec::new();
        }
        let mut v: Vec<String> = self
            .map
            .iter()
            .flat_map(|((s, u), a)| {
                a.ids
                    .iter()
                    .filter(|i| !units.rows.contains_key(*i))
                    .map(move |i| format!("{s}:{u}->{i}"))
            })
            .collect();
        v.sort();
        v
    }
}

/// The range a quantity reads as written. For `range` the extractor widens each
/// written bound by half a unit of its last written digit (src/interval.rs: "range a–b =
/// [a − half unit, b + half unit]"), while suites annotate the written bounds. The
/// quantity's `half_unit` belongs to the first-written number only, so each bound is
/// recovered on its own: a bound widened by 0.5·10^k is the one value whose ratio to
/// 10^k is a half-integer at the smallest such k. Other qualifiers: the interval as is.
pub fn bounds(q: &Quantity) -> (f64, f64) {
    // Ranges keep their written endpoints: "10-20" is [10, 20].
    (q.interval.low, q.interval.high)
}

/// Context passed to every suite.
pub struct Ctx {
    pub units: UnitTable,
    pub map: UnitMap,
    pub extract: fn(&str) -> Vec<Quantity>,
    pub panics: std::cell::Cell<usize>,
    /// (suite, unit name) pairs that mapped to no id of ours
    pub unmapped: std::cell::RefCell<std::collections::BTreeSet<(String, String)>>,
}

impl Ctx {
    /// Runs the extractor; a panic counts as an empty result (and is reported).
    pub fn run(&self, text: &str) -> Vec<Quantity> {
        let f = self.extract;
        match std::panic::catch_unwind(|| f(text)) {
            Ok(v) => v,
            Err(_) => {
                self.panics.set(self.panics.get() + 1);
                Vec::new()
            }
        }
    }
    pub fn accept(&self, suite: &str, unit: &str) -> Accept {
        let mut a = self.map.accept(&self.units, suite, unit);
        // A rate the table has no id for ("dollar per barrel", "Meter per millisecond"):
        // our quantity carries it as unit and `per_unit`, compared as "USD/bbl" (see
        // `unit_key`). Both parts must map; the first " per " splits.
        if !a.is_mapped()
            && let Some(i) = unit.to_lowercase().find(" per ")
        {
            let (num, den) = (&unit[..i], &unit[i + 5..]);
            let (an, ad) = (
                self.map.accept(&self.units, suite, num),
                self.map.accept(&self.units, suite, den),
            );
            a.ids = an
                .ids
                .iter()
                .flat_map(|n| ad.ids.iter().map(move |d| format!("{n}/{d}")))
                .collect();
        }
        if !a.is_mapped() {
            self.unmapped
                .borrow_mut()
                .insert((suite.to_string(), unit.trim().to_lowercase()));
        }
        a
    }
}
