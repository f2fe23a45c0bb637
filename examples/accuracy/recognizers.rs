//! Microsoft Recognizers-Text English specs (Number and NumberWithUnit
//! models), compared as its .NET `TestBase` does: same number of results,
//! pairwise equal text, start, end, value (+ unit).

use std::collections::HashSet;
use std::path::Path;

use anyhow::Result;
use numcheck::model::{NumberKind, Qualifier, Quantity, Span};
use serde_json::Value;

use crate::common::{
    CharIndex, Ctx, Failures, Measure, Score, SuiteResult, bounds, clip, describe, eq_num, fmt_num,
    slice, snippet,
};

fn suite_key(model: Model) -> &'static str {
    match model {
        Model::Dimension => "rt-dimension",
        Model::Currency => "rt-currency",
        Model::Temperature => "rt-temperature",
        Model::Age => "rt-age",
        _ => "rt",
    }
}

/// Physical dimensions (data/units.csv) that DimensionModel covers.
const PHYSICAL: [&str; 10] = [
    "length",
    "mass",
    "area",
    "volume",
    "speed",
    "data",
    "energy",
    "power",
    "frequency",
    "pressure",
];

#[derive(Clone, Copy, PartialEq, Debug)]
enum Model {
    Number,
    NumberRange,
    Percent,
    Ordinal,
    Dimension,
    Currency,
    Temperature,
    Age,
}

const FILES: [(&str, &str, Model); 8] = [
    (
        "Number/English/NumberModel.json",
        "NumberModel",
        Model::Number,
    ),
    (
        "Number/English/NumberRangeModel.json",
        "NumberRangeModel",
        Model::NumberRange,
    ),
    (
        "Number/English/PercentModel.json",
        "PercentModel",
        Model::Percent,
    ),
    (
        "Number/English/OrdinalModel.json",
        "OrdinalModel",
        Model::Ordinal,
    ),
    (
        "NumberWithUnit/English/DimensionModel.json",
        "DimensionModel",
        Model::Dimension,
    ),
    (
        "NumberWithUnit/English/CurrencyModel.json",
        "CurrencyModel",
        Model::Currency,
    ),
    (
        "NumberWithUnit/English/TemperatureModel.json",
        "TemperatureModel",
        Model::Temperature,
    ),
    (
        "NumberWithUnit/English/AgeModel.json",
        "AgeModel",
        Model::Age,
    ),
];

#[derive(Debug, Clone)]
enum GVal {
    Num(f64),
    Interval {
        lo: Option<f64>,
        hi: Option<f64>,
        lo_incl: bool,
        hi_incl: bool,
    },
    Relative,
    Null,
}

#[derive(Debug, Clone)]
struct Gold {
    text: String,
    start: usize,
    end: usize,
    value: GVal,
    unit: Option<String>,
}

#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    text: String,
    value: f64,
    low: f64,
    high: f64,
    low_incl: bool,
    high_incl: bool,
    unit: Option<String>,
    q: usize,
    /// NumberModel: number with a unit glued after it ("180ml"), which the
    /// suite deliberately ignores.
    glued_unit: bool,
}

fn parse_num(s: &str) -> Option<f64> {
    let s = s.trim().trim_end_matches('%').replace(',', "");
    if s.is_empty() || s == "null" {
        return None;
    }
    s.parse().ok()
}

fn parse_gold(r: &Value, model: Model) -> Gold {
    let res = &r["Resolution"];
    let text = r["Text"].as_str().unwrap_or("").to_string();
    let start = r["Start"].as_u64().unwrap_or(0) as usize;
    let end = r["End"].as_u64().map(|e| e as usize + 1).unwrap_or(start);
    let raw = res["value"].as_str().unwrap_or("null");
    let value = if r["TypeName"].as_str() == Some("ordinal.relative") {
        GVal::Relative
    } else if model == Model::NumberRange {
        parse_interval(raw).unwrap_or(GVal::Null)
    } else {
        parse_num(raw).map(GVal::Num).unwrap_or(GVal::Null)
    };
    Gold {
        text,
        start,
        end,
        value,
        unit: res["unit"].as_str().map(str::to_string),
    }
}

/// "[20,30)", "(4565,)", "(,500]"
fn parse_interval(s: &str) -> Option<GVal> {
    let s = s.trim();
    let lo_incl = s.starts_with('[');
    let hi_incl = s.ends_with(']');
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    Some(GVal::Interval {
        lo: parse_num(a),
        hi: parse_num(b),
        lo_incl,
        hi_incl,
    })
}

fn trim_span(text: &str, s: Span) -> Span {
    let t = slice(text, s);
    let lead = t.len()
        - t.trim_start_matches(|c: char| c.is_whitespace() || c == '-')
            .len();
    let t2 = &t[lead..];
    let kept = t2
        .trim_end_matches(|c: char| c.is_whitespace() || c == '-')
        .len();
    Span::new(s.start + lead, s.start + lead + kept)
}

/// The number alone: our value span minus the unit (before or after it).
fn number_part(text: &str, q: &Quantity) -> (Span, bool) {
    let vs = q.value_span;
    match q.unit_span {
        Some(u) if u.start >= vs.start && u.end <= vs.end && u.start < u.end => {
            if u.start - vs.start >= vs.end - u.end {
                let num = trim_span(text, Span::new(vs.start, u.start));
                // a leading minus must survive the trim
                let num = if slice(text, Span::new(vs.start, vs.start + 1)) == "-"
                    && num.start == vs.start + 1
                {
                    Span::new(vs.start, num.end)
                } else {
                    num
                };
                (num, num.end == u.start)
            } else {
                let after = Span::new(u.end, vs.end);
                let t = slice(text, after);
                let lead = t.len() - t.trim_start().len();
                (
                    Span::new(after.start + lead, after.start + t.trim_end().len()),
                    false,
                )
            }
        }
        _ => (vs, false),
    }
}

fn dim_class(ctx: &Ctx, unit: Option<&str>) -> Option<&'static str> {
    let u = unit?;
    if u == "percent" {
        return Some("percent");
    }
    Some(match ctx.units.dimension(u) {
        Some("currency") => "currency",
        Some("temperature") => "temperature",
        Some("time") => "time",
        Some(d) if PHYSICAL.contains(&d) => "dimension",
        _ => "other",
    })
}

/// Our output as the given Recognizers-Text model would report it.
fn project(
    ctx: &Ctx,
    model: Model,
    model_ids: &HashSet<String>,
    text: &str,
    idx: &CharIndex,
    qs: &[Quantity],
) -> Vec<Item> {
    let mut out = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        let class = dim_class(ctx, q.unit.as_deref());
        let (span, glued) = match model {
            Model::Number => {
                if q.kind == NumberKind::Ordinal {
                    continue;
                }
                number_part(text, q)
            }
            Model::NumberRange => {
                if !matches!(
                    q.qualifier,
                    Qualifier::Range
                        | Qualifier::MoreThan
                        | Qualifier::AtLeast
                        | Qualifier::LessThan
                        | Qualifier::AtMost
                ) && !stated_equal(q)
                {
                    continue;
                }
                // NumberRangeModel reports bare numbers: the claim span without a unit
                // written after the numbers ("more than thirty [years old]").
                let (num, _) = number_part(text, q);
                // Hedges ("about") are never part of Recognizers-Text spans (SOURCE.md); the
                // words of a bound ("more than", "between") are.
                let start = if approx_hedge(q) {
                    q.value_span.start
                } else {
                    q.span.start
                };
                match q.unit_span {
                    Some(u) if u.start >= num.end && num.end > start => {
                        (Span::new(start, num.end), false)
                    }
                    _ => (Span::new(start, q.span.end), false),
                }
            }
            Model::Percent => {
                if class != Some("percent") {
                    continue;
                }
                (q.value_span, false)
            }
            Model::Ordinal => {
                if q.kind != NumberKind::Ordinal {
                    continue;
                }
                (q.value_span, false)
            }
            Model::Dimension | Model::Currency | Model::Temperature | Model::Age => {
                let want = match model {
                    Model::Dimension => "dimension",
                    Model::Currency => "currency",
                    Model::Temperature => "temperature",
                    _ => "time",
                };
                let own_unit = q.unit.as_ref().is_some_and(|u| model_ids.contains(u));
                if !(class == Some(want) || own_unit) || q.kind == NumberKind::Ordinal {
                    continue;
                }
                (q.value_span, false)
            }
        };
        let (s, e) = idx.chars(span);
        // NumberRangeModel reads "equal to 20" as the one-point range [20,20].
        let (low, high) = if model == Model::NumberRange && stated_equal(q) {
            (q.value, q.value)
        } else {
            bounds(q)
        };
        out.push(Item {
            start: s,
            end: e,
            text: slice(text, span).to_string(),
            value: q.value,
            low,
            high,
            low_incl: q.interval.low_inclusive,
            high_incl: q.interval.high_inclusive,
            // CurrencyModel reports the money amount only: a rate's denominator ("a
            // share") is not part of its unit. The other unit models name rates.
            unit: if model == Model::Currency {
                q.unit.clone()
            } else {
                crate::common::unit_key(q)
            },
            q: i,
            glued_unit: glued,
        });
    }
    out.sort_by_key(|it| (it.start, it.end));
    out
}

/// A hedge of approximation ("about", "~"), as opposed to the words of a bound.
fn approx_hedge(q: &Quantity) -> bool {
    q.hedge.as_deref().is_some_and(|h| {
        let h = h.to_ascii_lowercase();
        let h = h.trim_end_matches('.');
        matches!(
            h,
            "about"
                | "around"
                | "roughly"
                | "approximately"
                | "approx"
                | "some"
                | "circa"
                | "ca"
                | "c"
                | "nearly"
                | "almost"
                | "close to"
                | "an estimated"
                | "estimated"
                | "~"
                | "≈"
                | "∼"
        )
    })
}

/// An exact number stated as an equality ("equal to 20", "equals 20").
fn stated_equal(q: &Quantity) -> bool {
    q.qualifier == Qualifier::Exact
        && q.hedge
            .as_deref()
            .is_some_and(|h| h.to_ascii_lowercase().starts_with("equal"))
}

fn value_ok(g: &Gold, it: &Item) -> bool {
    match &g.value {
        GVal::Num(v) => eq_num(*v, it.value),
        GVal::Interval {
            lo,
            hi,
            lo_incl,
            hi_incl,
        } => {
            let side = |gold: Option<f64>, ours: f64, natural_zero: bool| match gold {
                Some(v) => ours.is_finite() && eq_num(v, ours),
                None => !ours.is_finite() || (natural_zero && ours == 0.0),
            };
            // our at_most / less_than start at the natural zero of a positive number
            if !side(*lo, it.low, true) || !side(*hi, it.high, false) {
                return false;
            }
            // Two-sided ranges: Recognizers-Text writes "between a and b" as [a,b)
            // by convention; bracket kinds are only compared for one-sided bounds.
            match (lo, hi) {
                (Some(_), None) => *lo_incl == it.low_incl,
                (None, Some(_)) => *hi_incl == it.high_incl,
                _ => true,
            }
        }
        GVal::Relative | GVal::Null => false,
    }
}

fn unit_ok(ctx: &Ctx, model: Model, g: &Gold, it: &Item) -> bool {
    match (model, &g.unit) {
        (Model::Dimension | Model::Currency | Model::Temperature | Model::Age, Some(u)) => {
            ctx.accept(suite_key(model), u).matches(it.unit.as_deref())
        }
        _ => true,
    }
}

fn full_match(ctx: &Ctx, model: Model, g: &Gold, it: &Item) -> bool {
    g.start == it.start
        && g.end == it.end
        && g.text.to_lowercase() == it.text.to_lowercase()
        && value_ok(g, it)
        && unit_ok(ctx, model, g, it)
}

fn skipped_for_dotnet(case: &Value) -> bool {
    ["NotSupported", "NotSupportedByDesign"].iter().any(|k| {
        case[*k].as_str().is_some_and(|s| {
            s.split(',')
                .any(|p| p.trim().eq_ignore_ascii_case("dotnet"))
        })
    })
}

fn is_hard(case: &Value) -> bool {
    let flags = case["NotSupported"].as_str().unwrap_or("").to_lowercase();
    ["javascript", "python", "java"]
        .iter()
        .all(|p| flags.split(',').any(|f| f.trim() == *p))
}

fn gold_desc(g: &Gold) -> String {
    let v = match &g.value {
        GVal::Num(v) => fmt_num(*v),
        GVal::Interval {
            lo,
            hi,
            lo_incl,
            hi_incl,
        } => format!(
            "{}{},{}{}",
            if *lo_incl { "[" } else { "(" },
            lo.map(fmt_num).unwrap_or_default(),
            hi.map(fmt_num).unwrap_or_default(),
            if *hi_incl { "]" } else { ")" }
        ),
        GVal::Relative => "relative".into(),
        GVal::Null => "null".into(),
    };
    match &g.unit {
        Some(u) => format!("{v} {u}"),
        None => v,
    }
}

pub fn run(ctx: &Ctx, dir: &Path) -> Result<Vec<SuiteResult>> {
    let mut scores = Vec::new();
    let mut failures = Vec::new();
    let mut notes = Vec::new();
    for (file, name, model) in FILES {
        let data = crate::common::read_json(&dir.join(file))?;
        let mut fails = Failures::default();
        // our ids that this model's own unit names map to (e.g. "deg" for "Degree")
        let model_ids: HashSet<String> = data
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|c| c["Results"].as_array().into_iter().flatten())
            .filter_map(|r| r["Resolution"]["unit"].as_str())
            .flat_map(|u| ctx.accept(suite_key(model), u).ids)
            .collect();
        let (mut n_cases, mut ok_cases, mut skipped) = (0, 0, 0);
        let (mut hard_n, mut hard_ok) = (0, 0);
        let (mut tp, mut n_gold, mut n_pred) = (0, 0, 0);
        for case in data.as_array().into_iter().flatten() {
            if skipped_for_dotnet(case) {
                skipped += 1;
                continue;
            }
            let input = case["Input"].as_str().unwrap_or("");
            let idx = CharIndex::new(input);
            let golds: Vec<Gold> = case["Results"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| parse_gold(r, model))
                .collect();
            let qs = ctx.run(input);
            let items = project(ctx, model, &model_ids, input, &idx, &qs);
            // NumberModel ignores a number with a glued unit ("180ml") by design (SOURCE.md):
            // one that overlaps no gold is no extra result of the case either.
            let case_items: Vec<&Item> = items
                .iter()
                .filter(|it| {
                    !(model == Model::Number
                        && it.glued_unit
                        && !golds.iter().any(|g| g.start < it.end && it.start < g.end))
                })
                .collect();
            // The reference harness: same count, pairwise equal in position order.
            let mut sorted_golds = golds.clone();
            sorted_golds.sort_by_key(|g| (g.start, g.end));
            let case_ok = sorted_golds.len() == case_items.len()
                && sorted_golds
                    .iter()
                    .zip(&case_items)
                    .all(|(g, it)| full_match(ctx, model, g, it));
            n_cases += 1;
            if case_ok {
                ok_cases += 1;
            }
            if is_hard(case) {
                hard_n += 1;
                if case_ok {
                    hard_ok += 1;
                }
            }
            // Result level: 1:1 exact matches.
            let mut used = vec![false; items.len()];
            let mut matched = vec![false; golds.len()];
            for (gi, g) in golds.iter().enumerate() {
                if let Some(ii) =
                    (0..items.len()).find(|&ii| !used[ii] && full_match(ctx, model, g, &items[ii]))
                {
                    used[ii] = true;
                    matched[gi] = true;
                    tp += 1;
                }
            }
            n_gold += golds.len();
            for (ii, it) in items.iter().enumerate() {
                let overlaps_gold = golds.iter().any(|g| g.start < it.end && it.start < g.end);
                if model == Model::Number && it.glued_unit && !overlaps_gold {
                    fails.add(
                        "(not counted) number with a glued unit, which NumberModel ignores",
                        format!(
                            "{} — ours {}",
                            snippet(input, &idx, it.start, it.end),
                            describe(&qs[it.q])
                        ),
                    );
                    continue;
                }
                n_pred += 1;
                if !used[ii] && !overlaps_gold {
                    let cause = match qs[it.q].kind {
                        NumberKind::Year => "spurious: year",
                        _ => "spurious: no gold here",
                    };
                    fails.add(
                        cause,
                        format!(
                            "{} — ours {}",
                            snippet(input, &idx, it.start, it.end),
                            describe(&qs[it.q])
                        ),
                    );
                }
            }
            for (gi, g) in golds.iter().enumerate() {
                if matched[gi] {
                    continue;
                }
                let (cause, ours) = classify_miss(ctx, model, &idx, g, &items, &qs);
                fails.add(
                    &cause,
                    format!(
                        "{} — gold {}, ours {}",
                        snippet(input, &idx, g.start, g.end),
                        gold_desc(g),
                        ours
                    ),
                );
            }
        }
        scores.push(Score::new(
            name,
            "case exact-match",
            Measure::Acc {
                ok: ok_cases,
                n: n_cases,
            },
            n_cases,
        ));
        scores.push(Score::new(
            name,
            "result span+value(+unit)",
            Measure::Prf {
                tp_pred: tp,
                n_pred,
                tp_gold: tp,
                n_gold,
            },
            n_cases,
        ));
        notes.push(format!(
            "- {name}: {n_cases} cases scored, {skipped} skipped (flagged `dotnet`); \"hard\" cases (fail on JavaScript, Python and Java ports): {hard_ok}/{hard_n} pass."
        ));
        failures.push((name.to_string(), fails));
    }
    Ok(vec![SuiteResult {
        id: "recognizers-text".into(),
        title: "Microsoft Recognizers-Text (English specs)".into(),
        rules: RULES.into(),
        scores,
        failures,
        notes,
    }])
}

fn classify_miss(
    ctx: &Ctx,
    model: Model,
    idx: &CharIndex,
    g: &Gold,
    items: &[Item],
    qs: &[Quantity],
) -> (String, String) {
    if matches!(g.value, GVal::Relative) {
        return (
            "relative ordinal (last, next, penultimate…) not modeled".into(),
            "–".into(),
        );
    }
    if matches!(g.value, GVal::Null) {
        return (
            "gold result without a value (bare unit word)".into(),
            "–".into(),
        );
    }
    if let Some(it) = items
        .iter()
        .find(|it| it.start == g.start && it.end == g.end)
    {
        let d = describe(&qs[it.q]);
        if !value_ok(g, it) {
            let c = if model == Model::NumberRange {
                "range bounds differ"
            } else {
                "value mismatch"
            };
            return (c.into(), d);
        }
        if !unit_ok(ctx, model, g, it) {
            let acc = ctx.accept(suite_key(model), g.unit.as_deref().unwrap_or(""));
            let c = if acc.is_mapped() {
                "wrong unit"
            } else {
                "suite unit not in our unit table/map"
            };
            return (c.into(), d);
        }
        return ("text differs (case/whitespace)".into(), d);
    }
    let overlapping: Vec<&Item> = items
        .iter()
        .filter(|it| it.start < g.end && g.start < it.end)
        .collect();
    if let Some(it) = overlapping.first() {
        let d = overlapping
            .iter()
            .map(|it| format!("[{}] {}", clip(&it.text), describe(&qs[it.q])))
            .collect::<Vec<_>>()
            .join("; ");
        let c = if overlapping.len() > 1 {
            "split: one gold read as several quantities"
        } else if it.start <= g.start && it.end >= g.end {
            "span too wide (hedge, unit or extra words included)"
        } else if g.start <= it.start && g.end >= it.end {
            if g.text.starts_with('.') && !it.text.starts_with('.') {
                "span too short: leading-dot decimal (.08) not read"
            } else {
                "span too short: trailing/leading words left out"
            }
        } else {
            "span boundaries differ"
        };
        return (c.into(), d);
    }
    // Found by the extractor but not as this model's type.
    if let Some(q) = qs.iter().find(|q| {
        let (s, e) = idx.chars(q.span);
        s < g.end && g.start < e
    }) {
        let c = match model {
            Model::Dimension | Model::Currency | Model::Temperature | Model::Age => match &q.unit {
                None => "found without a unit",
                Some(_) => "found with a unit of another dimension",
            },
            Model::NumberRange => "found, but not as a range/bound",
            Model::Ordinal => "found, but not as an ordinal",
            Model::Percent => "found, but not as a percentage",
            Model::Number => "found only as an ordinal",
        };
        return (c.into(), describe(q));
    }
    let t = &g.text;
    let b = t.as_bytes();
    let exp = (1..b.len().saturating_sub(1)).any(|i| {
        b[i - 1].is_ascii_digit()
            && (b[i] == b'e' || b[i] == b'E')
            && (b[i + 1].is_ascii_digit() || b[i + 1] == b'-' || b[i + 1] == b'+')
    });
    let c = if !t.chars().any(|c| c.is_ascii_digit()) {
        "missed: number in words"
    } else if t.contains('/') || t.contains('^') || exp {
        "missed: fraction / power / scientific notation"
    } else {
        "missed: digits"
    };
    (c.into(), "nothing".into())
}

const RULES: &str = r#"Compared as the .NET reference harness (`TestBase.cs`) does, per case: the same
number of results, then pairwise in position order equal `Text` (case-insensitive, as SOURCE.md
advises), `Start`, `End` (code points) and value (parsed and compared numerically, relative
tolerance 1e-9); for DimensionModel, CurrencyModel, TemperatureModel and AgeModel also the unit
(Recognizers-Text unit names mapped to our ids by unit_map.csv, suites `rt-dimension`,
`rt-currency`, `rt-temperature`, `rt-age`, then by units.csv names and symbols). **case exact-match**
is that pass rate; **result span+value(+unit)** is P/R/F1 over individual results with the same
exact criteria (1:1). Cases whose `NotSupported`/`NotSupportedByDesign` names `dotnet` are skipped;
the *ExperimentalMode*, *PercentMode* and *SuppressExtendedTypes* files are not run (they need
model options we do not emulate).

How our output is projected onto each model:
- NumberModel: every quantity except ordinals, reduced to the number alone (value span minus the
  unit, e.g. "$20" → "20"). A number with a unit glued after it ("180ml") is left out of the
  precision count and from the case's result list when it overlaps no gold: NumberModel
  ignores those by design (SOURCE.md), so "the 180ml liquid" with no gold result passes.
  Ranges stay one item, so "10-20" does not match the suite's two numbers.
- NumberRangeModel: quantities qualified range, more_than, at_least, less_than, at_most, with the
  whole claim span (Recognizers-Text includes "between", "more than" in the text) up to the end
  of the last number: a unit written after the numbers is left out, as NumberRangeModel reads
  bare numbers ("more than thirty" in "more than thirty years old"). An exact quantity whose
  hedge states an equality ("equal to 20", "equals 20") is reported as the one-point range
  [20,20], as NumberRangeModel does for those phrases. The hedge of an approximate range or
  bound ("about 5–20", "about 500 or more") is left out of the span: SOURCE.md notes hedges are
  dropped from spans. Unbounded
  sides must be infinite on our side (a low side of 0 also counts: our at_most / less_than
  intervals start at the natural zero of a positive number). Range bounds are the written ones
  (our interval without the half-unit widening, see the CQE section). Bracket kinds are compared only for one-sided bounds:
  the suite encodes every two-sided "between a and b" / "a - b" as half-open [a,b), a convention,
  not a reading of the text.
- PercentModel: quantities whose unit is `percent`, value span without the hedge.
- OrdinalModel: quantities of kind ordinal. Relative ordinals ("last", "next") are not modeled.
- DimensionModel / CurrencyModel / TemperatureModel / AgeModel: quantities whose unit dimension
  (from data/units.csv) is respectively physical (length, mass, area, volume, speed, data,
  energy, power, frequency, pressure) / currency / temperature / time, or whose unit id is one
  that the model's own unit names map to (TemperatureModel's "Degree" is `deg_temp`, degrees
  without a scale in a sentence about temperature; DimensionModel's is `deg`, an angle), with the
  value span (hedges are not part of Recognizers-Text spans). `subtype` and
  `isoCurrency` are not compared separately: our unit id carries both. A rate's unit is
  compared as `unit/per_unit` ("Meter per millisecond" = `m/ms`), except for CurrencyModel,
  which reports the money amount only ("$ 1.40 a share" is 1.40 Dollar): there our `unit`.
- `subtype` of the Number models (integer/decimal/fraction/power) is not compared.
"#;
