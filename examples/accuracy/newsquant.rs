//! CQE (EMNLP 2023) evaluation data: NewsQuant dev half and the four
//! Recognizers-Text sets re-annotated by the CQE authors, scored the way
//! CQE's `evaluate_models.py` scores them.

use std::path::Path;

use anyhow::Result;
use numcheck::model::{Change, Notation, NumberKind, Qualifier, Quantity};
use regex::Regex;

use crate::common::{
    CharIndex, Ctx, Failures, Measure, Score, SuiteResult, bounds, close, describe, fmt_num,
    noun_key, snippet, unit_key,
};

const SUITE: &str = "cqe";

#[derive(Debug, Clone, Copy)]
enum V {
    Point(f64),
    Pair(f64, f64),
}

fn cqe_close(a: f64, b: f64) -> bool {
    // np.isclose(a, b, rtol=1e-05, atol=1e-08): |a - b| <= atol + rtol * |b|
    (a - b).abs() <= 1e-8 + 1e-5 * b.abs()
}

/// Gold value string, decoded as CQE's `decode_dictionary` does: a string with
/// a non-leading "-" and no "E" is a range "lo-hi".
fn gold_value(s: &str) -> Option<V> {
    let s = s.trim();
    if !s.contains('E') && !s.starts_with('-') && s.contains('-') {
        let mut it = s.split('-');
        let a = it.next()?.trim().parse().ok()?;
        let b = it.next()?.trim().parse().ok()?;
        return Some(V::Pair(a, b));
    }
    s.parse().ok().map(V::Point)
}

/// Our value in CQE's terms: ranges and vague magnitudes are (low, high)
/// tuples, everything else the central value as written.
fn pred_value(q: &Quantity) -> V {
    let (lo, hi) = bounds(q);
    if matches!(q.qualifier, Qualifier::Range | Qualifier::Vague)
        && lo.is_finite()
        && hi.is_finite()
        && lo != hi
    {
        V::Pair(lo, hi)
    } else {
        V::Point(q.value)
    }
}

/// CQE compares tuples in order; its gold ranges are in text order while our
/// intervals are sorted, so we compare the pair unordered.
fn values_match(g: V, p: V) -> bool {
    match (g, p) {
        (V::Point(a), V::Point(b)) => cqe_close(b, a),
        (V::Pair(a0, a1), V::Pair(b0, b1)) => {
            (cqe_close(b0, a0) && cqe_close(b1, a1)) || (cqe_close(b0, a1) && cqe_close(b1, a0))
        }
        _ => false,
    }
}

/// Our change label in NewsQuant's vocabulary (=, ~, >, <, up, down).
fn pred_change(q: &Quantity) -> &'static str {
    // NewsQuant has one label per quantity; when a number is both hedged and a change
    // ("up about 19 per cent", "climbed more than 3%") its annotators chose the hedge.
    let hedged = matches!(
        q.qualifier,
        Qualifier::Approx
            | Qualifier::Nearly
            | Qualifier::OrderOfMagnitude
            | Qualifier::MoreThan
            | Qualifier::AtLeast
            | Qualifier::LessThan
            | Qualifier::AtMost
    );
    match q.change {
        Some(Change::Up) if !hedged => return "up",
        Some(Change::Down) if !hedged => return "down",
        _ => {}
    }
    match q.qualifier {
        Qualifier::Approx | Qualifier::Nearly | Qualifier::OrderOfMagnitude => "~",
        Qualifier::MoreThan | Qualifier::AtLeast => ">",
        Qualifier::LessThan | Qualifier::AtMost => "<",
        // "about 14-18 mpg": an approximate range keeps its hedge words.
        Qualifier::Range if q.hedge.is_some() => "~",
        Qualifier::Exact | Qualifier::Range | Qualifier::Vague => "=",
    }
}

struct Gold {
    value: Option<V>,
    raw_value: String,
    unit: String,
    change: String,
}

/// Does our quantity carry CQE's normalized unit `gold`? Mapped unit ids via
/// unit_map.csv / units.csv; counted nouns ("people", "solution") by the noun
/// as written, singularized; multipliers are CQE's "count".
fn unit_match(ctx: &Ctx, gold: &str, q: &Quantity) -> bool {
    let g = gold.trim().to_lowercase();
    // A rate ("dollar per barrel", "test per day"): the denominator must be our
    // `per_unit`, the numerator is compared as any unit; without " per " in the gold
    // name our quantity must not be a rate.
    match (g.find(" per "), &q.per_unit) {
        (Some(i), Some(per)) => {
            let den = ctx.accept(SUITE, &g[i + 5..]);
            if ctx
                .accept(SUITE, &g)
                .ids
                .iter()
                .any(|id| unit_key(q).as_ref() == Some(id))
            {
                return true;
            }
            den.ids.iter().any(|d| d == per) && plain_unit_match(ctx, &g[..i], q)
        }
        (Some(_), None) => plain_unit_match(ctx, &g, q),
        (None, Some(_)) => false,
        (None, None) => plain_unit_match(ctx, &g, q),
    }
}

/// `unit_match` without rates.
fn plain_unit_match(ctx: &Ctx, g: &str, q: &Quantity) -> bool {
    if q.kind == NumberKind::Multiplier && q.unit.is_none() {
        return g == "count";
    }
    // Occurrences ("lost it 7 times") are CQE's "count" too.
    if g == "count" && q.unit.as_deref() == Some("times") {
        return true;
    }
    // A share ("a third of the population", "one out of three Germans") is "% " and
    // the whole it is a share of ("% -" when none is named).
    if let Some(whole) = g.strip_prefix("% ") {
        let share = q.notation == Notation::Fraction && q.value > 0.0 && q.value < 1.0;
        return share
            && q.unit.is_none()
            && match &q.unit_text {
                None => whole == "-",
                Some(t) => noun_key(t) == noun_key(whole),
            };
    }
    if g == "-" {
        return q.unit.is_none() && q.unit_text.is_none();
    }
    let acc = ctx.accept(SUITE, g);
    if let Some(u) = &q.unit {
        if acc.ids.iter().any(|i| i == u) {
            return true;
        }
        // a count unit id with the noun kept in unit_text
        if !ctx.units.is_count(u) {
            return false;
        }
    }
    match &q.unit_text {
        Some(t) => !acc.is_mapped() && noun_key(t) == noun_key(g),
        None => false,
    }
}

/// Our unit in CQE terms, only used to sort predictions as CQE does.
fn pred_unit_label(q: &Quantity) -> String {
    if q.kind == NumberKind::Multiplier && q.unit.is_none() {
        return "count".into();
    }
    match (&q.unit, &q.unit_text) {
        (Some(_), _) => unit_key(q).unwrap_or_default().to_lowercase(),
        (None, Some(t)) => noun_key(t),
        _ => "-".into(),
    }
}

#[derive(Default)]
struct Tally {
    n_gold: usize,
    n_pred: usize,
    value: usize,
    value_unit: usize,
    value_change: usize,
    cases: usize,
}

struct SetSpec {
    file: &'static str,
    model: &'static str,
    published: &'static str,
    with_change: bool,
}

const SETS: [SetSpec; 5] = [
    SetSpec {
        file: "NewsQuant.dev.json",
        model: "NewsQuant dev",
        published: "NewsQuant.csv",
        with_change: true,
    },
    SetSpec {
        file: "currency-model.json",
        model: "RT currency (CQE re-annot.)",
        published: "currency-model.csv",
        with_change: false,
    },
    SetSpec {
        file: "dimension-model.json",
        model: "RT dimension (CQE re-annot.)",
        published: "dimension-model.csv",
        with_change: false,
    },
    SetSpec {
        file: "temperature-model.json",
        model: "RT temperature (CQE re-annot.)",
        published: "temperature-model.csv",
        with_change: false,
    },
    SetSpec {
        file: "age-model.json",
        model: "RT age (CQE re-annot.)",
        published: "age-model.csv",
        with_change: false,
    },
];

pub fn run(ctx: &Ctx, dir: &Path) -> Result<Vec<SuiteResult>> {
    let mut scores = Vec::new();
    let mut failures = Vec::new();
    let mut notes = Vec::new();
    let vague_re =
        Regex::new(r"(?i)\b(dozens|scores|hundreds|thousands|millions|billions|trillions|tens)\b")?;
    let month_re = Regex::new(
        r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$|^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
    )?;
    for set in SETS {
        let path = dir.join("data/formatted_test_set").join(set.file);
        let data = crate::common::read_json(&path)?;
        let mut t = Tally::default();
        let mut fails = Failures::default();
        for (case, rec) in data.as_array().into_iter().flatten().enumerate() {
            let text = rec["text"].as_str().unwrap_or("");
            let golds: Vec<Gold> = rec["quantities"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|q| {
                    let raw = q["value"]
                        .as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| q["value"].to_string());
                    Gold {
                        value: gold_value(&raw),
                        raw_value: raw,
                        unit: q["normalized_unit"].as_str().unwrap_or("-").to_lowercase(),
                        change: q["change"].as_str().unwrap_or("=").trim().to_string(),
                    }
                })
                .collect();
            // NewsQuant does not annotate calendar years/dates or ordinals; our
            // extractor types them, so they are not submitted.
            let preds: Vec<Quantity> = ctx
                .run(text)
                .into_iter()
                .filter(|q| !matches!(q.kind, NumberKind::Year | NumberKind::Ordinal))
                .collect();
            t.cases += 1;
            score_sentence(ctx, &golds, &preds, &mut t);
            diagnose(
                ctx,
                (set.model, case),
                text,
                &golds,
                &preds,
                set.with_change,
                &vague_re,
                &month_re,
                &mut fails,
            );
        }
        let prf = |c: usize| Measure::Prf {
            tp_pred: c,
            n_pred: t.n_pred,
            tp_gold: c,
            n_gold: t.n_gold,
        };
        scores.push(Score::new(set.model, "value", prf(t.value), t.cases));
        scores.push(Score::new(
            set.model,
            "value+unit",
            prf(t.value_unit),
            t.cases,
        ));
        if set.with_change {
            scores.push(Score::new(
                set.model,
                "value+change",
                prf(t.value_change),
                t.cases,
            ));
        }
        failures.push((set.model.to_string(), fails));
        if let Some(line) = published(dir, set.published, set.model) {
            notes.push(line);
        }
    }
    Ok(vec![SuiteResult {
        id: "cqe-newsquant".into(),
        title: "CQE: NewsQuant dev half + re-annotated Recognizers-Text sets".into(),
        rules: RULES.into(),
        scores,
        failures,
        notes,
    }])
}

/// CQE's `calculate_metrics`, including its quirks (see RULES).
fn score_sentence(ctx: &Ctx, golds: &[Gold], preds: &[Quantity], t: &mut Tally) {
    t.n_gold += golds.len();
    t.n_pred += preds.len();
    let mut tags: Vec<&Quantity> = preds.iter().collect();
    tags.sort_by_key(|q| pred_unit_label(q));
    let mut gold: Vec<&Gold> = golds.iter().collect();
    gold.sort_by(|a, b| a.unit.cmp(&b.unit));
    let mut value_credit = golds.len();
    for g in gold {
        let Some(gv) = g.value else { continue };
        let mut i = 0;
        while i < tags.len() {
            let q = tags[i];
            if values_match(gv, pred_value(q)) {
                if value_credit > 0 {
                    t.value += 1;
                    value_credit -= 1;
                }
                if pred_change(q) == g.change {
                    t.value_change += 1;
                }
                if unit_match(ctx, &g.unit, q) {
                    t.value_unit += 1;
                    tags.remove(i);
                    break;
                }
            }
            i += 1;
        }
    }
}

fn gold_desc(g: &Gold) -> String {
    format!("{} {} ({})", g.raw_value, g.unit, g.change)
}

/// Where a gold value is probably written, for the example quote.
fn locate(text: &str, g: &Gold) -> Option<(usize, usize)> {
    let v = match g.value? {
        V::Point(v) => v,
        V::Pair(a, _) => a,
    };
    let mut forms = vec![fmt_num(v)];
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let i = v.abs() as u64;
        let s = i.to_string();
        let mut grouped = String::new();
        for (k, ch) in s.chars().enumerate() {
            if k > 0 && (s.len() - k).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        forms.push(grouped);
        for (scale, _) in [(1e9, "billion"), (1e6, "million"), (1e3, "thousand")] {
            if v.abs() >= scale {
                forms.push(fmt_num(v / scale));
            }
        }
    }
    for f in forms {
        if let Some(b) = text.find(&f) {
            return Some((b, b + f.len()));
        }
    }
    None
}

fn is_digits_in_text(text: &str, g: &Gold) -> bool {
    locate(text, g).is_some()
}

#[allow(clippy::too_many_arguments)]
fn diagnose(
    ctx: &Ctx,
    (model, case): (&str, usize),
    text: &str,
    golds: &[Gold],
    preds: &[Quantity],
    with_change: bool,
    vague_re: &Regex,
    month_re: &Regex,
    fails: &mut Failures,
) {
    let idx = CharIndex::new(text);
    let mut used = vec![false; preds.len()];
    let quote = |byte_span: Option<(usize, usize)>| -> String {
        if !crate::common::quote_unlicensed() {
            // No licence: name the case, do not quote it.
            return format!("{model} #{case}");
        }
        match byte_span {
            Some((s, e)) => snippet(text, &idx, idx.char_of(s), idx.char_of(e)),
            None => snippet(text, &idx, 0, 0),
        }
    };
    let mut unmatched: Vec<&Gold> = Vec::new();
    // pass 1: value+unit, pass 2: value only
    let mut state: Vec<Option<usize>> = vec![None; golds.len()];
    for pass in 0..2 {
        for (gi, g) in golds.iter().enumerate() {
            if state[gi].is_some() {
                continue;
            }
            let Some(gv) = g.value else { continue };
            if let Some(pi) = (0..preds.len()).find(|&pi| {
                !used[pi]
                    && values_match(gv, pred_value(&preds[pi]))
                    && (pass == 1 || unit_match(ctx, &g.unit, &preds[pi]))
            }) {
                used[pi] = true;
                state[gi] = Some(pi);
                let q = &preds[pi];
                let here = Some((q.span.start, q.span.end));
                if pass == 1 {
                    let acc = ctx.accept(SUITE, &g.unit);
                    let cause = if g.unit == "-" {
                        "wrong unit: unit or noun attached where gold has none"
                    } else if q.unit.is_none() && q.unit_text.is_none() {
                        if acc.is_mapped() {
                            "wrong unit: unit missed"
                        } else {
                            "wrong unit: counted noun missed"
                        }
                    } else if acc.is_mapped() {
                        "wrong unit: different unit id"
                    } else {
                        "wrong unit: counted noun differs"
                    };
                    fails.add(
                        cause,
                        format!(
                            "{} — gold {}, ours {}",
                            quote(here),
                            gold_desc(g),
                            describe(q)
                        ),
                    );
                } else if with_change && pred_change(q) != g.change {
                    let cause = format!(
                        "wrong change/hedge: gold '{}', ours '{}'",
                        g.change,
                        pred_change(q)
                    );
                    fails.add(
                        &cause,
                        format!(
                            "{} — gold {}, ours {}",
                            quote(here),
                            gold_desc(g),
                            describe(q)
                        ),
                    );
                }
            }
        }
    }
    for (gi, g) in golds.iter().enumerate() {
        if state[gi].is_none() {
            unmatched.push(g);
        }
    }
    let free: Vec<usize> = (0..preds.len()).filter(|&i| !used[i]).collect();
    for g in unmatched {
        let ex = |fails: &mut Failures, cause: &str, near: Option<&Quantity>| {
            let at = near
                .map(|q| (q.span.start, q.span.end))
                .or_else(|| locate(text, g));
            let ours = near.map(describe).unwrap_or_else(|| "nothing".into());
            fails.add(
                cause,
                format!("{} — gold {}, ours {}", quote(at), gold_desc(g), ours),
            );
        };
        let Some(gv) = g.value else {
            ex(fails, "gold value unparseable", None);
            continue;
        };
        match gv {
            V::Pair(a, b) => {
                let end_hit = free
                    .iter()
                    .map(|&i| &preds[i])
                    .find(|q| match pred_value(q) {
                        V::Point(v) => cqe_close(v, a) || cqe_close(v, b),
                        V::Pair(x, y) => {
                            cqe_close(x, a) || cqe_close(y, b) || cqe_close(x, b) || cqe_close(y, a)
                        }
                    });
                match end_hit {
                    Some(q) if matches!(pred_value(q), V::Pair(..)) => {
                        ex(fails, "range: endpoints differ", Some(q))
                    }
                    Some(q) => ex(fails, "range: read as separate/single numbers", Some(q)),
                    None if vague_re.is_match(text) => ex(
                        fails,
                        "missed vague magnitude (dozens, thousands of…)",
                        None,
                    ),
                    None => ex(fails, "missed range", None),
                }
            }
            V::Point(v) => {
                let scaled = free
                    .iter()
                    .map(|&i| &preds[i])
                    .find(|q| match pred_value(q) {
                        V::Point(p) => [1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9, 100.0, 0.01]
                            .iter()
                            .any(|k| close(p, v * k, 1e-6, 1e-12)),
                        _ => false,
                    });
                let in_range = free
                    .iter()
                    .map(|&i| &preds[i])
                    .find(|q| match pred_value(q) {
                        V::Pair(x, y) => cqe_close(x, v) || cqe_close(y, v),
                        _ => false,
                    });
                if let Some(q) = scaled {
                    ex(
                        fails,
                        "value off by a scale factor (thousand/million/percent)",
                        Some(q),
                    );
                } else if let Some(q) = in_range {
                    ex(fails, "single value read as part of a range", Some(q));
                } else if is_digits_in_text(text, g) {
                    ex(fails, "missed number written in digits", None);
                } else {
                    ex(
                        fails,
                        "missed number word / implicit count (one, a, dozens…)",
                        None,
                    );
                }
            }
        }
    }
    for i in free {
        let q = &preds[i];
        let here = Some((q.span.start, q.span.end));
        let before = text
            .get(q.span.start.saturating_sub(12)..q.span.start)
            .unwrap_or("");
        let after = text
            .get(q.span.end..(q.span.end + 12).min(text.len()))
            .unwrap_or("");
        let part_of_gold_range = golds.iter().any(|g| match g.value {
            Some(V::Pair(a, b)) => cqe_close(q.value, a) || cqe_close(q.value, b),
            _ => false,
        });
        let cause = if q.not_a_claim.is_some() {
            "spurious: not a claim (relative time, score)"
        } else if q.kind == NumberKind::Multiplier {
            "spurious: multiplier"
        } else if part_of_gold_range {
            "spurious: endpoint of a gold range"
        } else if month_re.is_match(before) || month_re.is_match(after) {
            "spurious: date or time part"
        } else if golds.is_empty() {
            "spurious: sentence has no gold quantity"
        } else {
            "spurious: no gold with this value"
        };
        fails.add(cause, format!("{} — ours {}", quote(here), describe(q)));
    }
}

/// The published scores of CQE, quantulum3 and Recognizers-Text for the same file.
fn published(dir: &Path, file: &str, model: &str) -> Option<String> {
    let raw = std::fs::read_to_string(dir.join("data/evaluation_output").join(file)).ok()?;
    let mut parts = Vec::new();
    for line in raw.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 6 {
            continue;
        }
        let (f1, sys, ty) = (c[3], c[4], c[5]);
        if matches!(ty, "value" | "value+unit" | "value+change")
            && matches!(
                sys,
                "CQE-Numparser" | "quantulum3" | "text-recognizer" | "GPT3"
            )
        {
            parts.push(format!("{sys} {ty} {f1}"));
        }
    }
    if parts.is_empty() {
        return None;
    }
    let scope = if file == "NewsQuant.csv" {
        " (published on the full NewsQuant set, both halves)"
    } else {
        ""
    };
    Some(format!(
        "- Published F1 for *{model}*{scope}: {}.",
        parts.join("; ")
    ))
}

const RULES: &str = r#"Scored as CQE's `evaluate_models.py` (`calculate_metrics`) does, per sentence:
gold and predictions are sorted by normalized unit; for each gold quantity the predictions are
scanned; a **value** match is `np.isclose(rtol=1e-5, atol=1e-8)` (ranges: both ends); each gold
can add at most one value credit per sentence (CQE's per-sentence counter); **value+change** is
counted for every value-matching prediction whose change label is equal (CQE does not consume the
prediction for this); when the **unit** also matches, value+unit is counted and the prediction is
consumed. P = correct / #predicted, R = correct / #gold. These quirks are CQE's and kept on purpose,
so numbers are comparable with the published ones.

Mapping decisions:
- Our quantities of kind `year` and `ordinal` are not submitted: NewsQuant does not annotate
  calendar dates or ordinals ("Oct. 31, 2019", "the 22nd amendment" have no entries).
- Our value is a `(low, high)` tuple for `range` and `vague` qualifiers (e.g. "dozens" →
  12..120, as NewsQuant annotates vague plurals), otherwise the central value as written. For
  `range` the written bounds are used: the extractor widens each bound by half a unit of its
  last written digit, which `bounds()` in common.rs undoes exactly.
- Range tuples are compared **unordered**: NewsQuant writes ranges in text order ("from 4.8 to
  4.7" → 4.8-4.7) while our intervals are sorted.
- Change labels: `change` up/down → `up`/`down` unless the number is hedged (NewsQuant's
  annotators label "up about 19 per cent" `~`, "climbed more than 3%" `>`); otherwise qualifier approx, nearly,
  order_of_magnitude → `~`; more_than, at_least → `>`; less_than, at_most → `<`; a range
  with a hedge ("about 14-18 mpg") → `~`; else `=`.
- Units: CQE normalized names are mapped to our ids (unit_map.csv, suite `cqe`, then
  units.csv names). CQE names that map to no unit id are counted nouns ("people", "solution"):
  they match our `unit_text` after lower-casing, dropping the stop words and, or, of, the, a, an
  (as CQE's names do) and naive singularization (-s, -es, -ies, -men → -man; words in -us
  and -is are kept) (our unit must then be
  none or a count unit). `-` matches a quantity with neither unit nor noun; a multiplier
  ("6.5 times") and a count of occurrences (unit `times`, "lost it 7 times") are CQE's `count`. A share (a fraction below 1: "a third of the population",
  "one out of three Germans") is CQE's `% <whole>`: our counted noun is the whole (`% -` when
  there is none). A rate name ("dollar per barrel", "test per day") is split
  at its first " per ": the part after must be our `per_unit`, the part before is matched as
  above; a gold name without " per " never matches a quantity that has a `per_unit`.
- Failure buckets below come from a separate 1:1 alignment (value+unit first, then value only),
  so their counts need not add up exactly to the CQE-style totals. Known gold errors exist (see
  SOURCE.md) and are not excluded.
"#;
