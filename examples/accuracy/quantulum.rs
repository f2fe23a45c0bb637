//! quantulum3 English tests: the strict parse set, the unit-ambiguity set and
//! the spelled-out number cases.

use std::path::Path;

use anyhow::Result;
use numcheck::model::{NumberKind, Quantity};
use serde_json::Value;

use crate::common::{
    CharIndex, Ctx, Failures, Measure, Score, SuiteResult, bounds, close, describe, fmt_num,
    short_quote, snippet,
};

const SUITE: &str = "quantulum";

struct Gold {
    value: f64,
    uncertainty: Option<f64>,
    unit: String,
    surface: String,
    /// char span of the first occurrence of `surface` in the sentence
    span: Option<(usize, usize)>,
}

fn num_eq(a: f64, b: f64) -> bool {
    close(a, b, 1e-6, 1e-9)
}

fn value_ok(g: &Gold, q: &Quantity) -> bool {
    match g.uncertainty {
        Some(u) if u > 0.0 => {
            let (lo, hi) = bounds(q);
            num_eq(lo, g.value - u) && num_eq(hi, g.value + u)
        }
        _ => num_eq(q.value, g.value),
    }
}

fn unit_ok(ctx: &Ctx, g: &Gold, q: &Quantity) -> bool {
    if g.unit == "dimensionless" {
        return match &q.unit {
            None => true,
            Some(u) => ctx.units.is_count(u),
        };
    }
    ctx.accept(SUITE, &g.unit)
        .matches(crate::common::unit_key(q).as_deref())
}

fn overlaps(g: &Gold, idx: &CharIndex, q: &Quantity) -> bool {
    match g.span {
        Some((s, e)) => {
            let (qs, qe) = idx.chars(q.span);
            qs < e && s < qe
        }
        None => false,
    }
}

fn gold_desc(g: &Gold) -> String {
    match g.uncertainty {
        Some(u) if u > 0.0 => format!("{}±{} {}", fmt_num(g.value), fmt_num(u), g.unit),
        _ => format!("{} {}", fmt_num(g.value), g.unit),
    }
}

fn parse_golds(rec: &Value, text: &str, idx: &CharIndex) -> Vec<Gold> {
    rec["res"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let surface = r["surface"].as_str().unwrap_or("").to_string();
            let span = text
                .find(&surface)
                .filter(|_| !surface.is_empty())
                .map(|b| (idx.char_of(b), idx.char_of(b + surface.len())));
            Gold {
                value: r["value"].as_f64().unwrap_or(f64::NAN),
                uncertainty: r["uncertainty"].as_f64(),
                unit: r["unit"].as_str().unwrap_or("dimensionless").to_string(),
                surface,
                span,
            }
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    cases: usize,
    cases_ok: usize,
    n_gold: usize,
    n_pred: usize,
    tp_full: usize,
    tp_value: usize,
    surface_exact: usize,
}

fn score_set(ctx: &Ctx, data: &Value, fails: &mut Failures) -> Tally {
    let mut t = Tally::default();
    for rec in data.as_array().into_iter().flatten() {
        let text = rec["req"].as_str().unwrap_or("");
        let idx = CharIndex::new(text);
        let golds = parse_golds(rec, text, &idx);
        // quantulum3 does not extract ordinals ("21st-century").
        let preds: Vec<Quantity> = ctx
            .run(text)
            .into_iter()
            .filter(|q| q.kind != NumberKind::Ordinal)
            .collect();
        t.cases += 1;
        t.n_gold += golds.len();
        t.n_pred += preds.len();
        // value+unit, 1:1, span overlapping the gold surface
        let mut used = vec![false; preds.len()];
        let mut matched = vec![None; golds.len()];
        for (gi, g) in golds.iter().enumerate() {
            if let Some(pi) = (0..preds.len()).find(|&pi| {
                !used[pi]
                    && overlaps(g, &idx, &preds[pi])
                    && value_ok(g, &preds[pi])
                    && unit_ok(ctx, g, &preds[pi])
            }) {
                used[pi] = true;
                matched[gi] = Some(pi);
                t.tp_full += 1;
                let (qs, qe) = idx.chars(preds[pi].value_span);
                let (ss, se) = idx.chars(preds[pi].span);
                if g.span == Some((qs, qe)) || g.span == Some((ss, se)) {
                    t.surface_exact += 1;
                }
            }
        }
        // value only (separate 1:1 pass)
        let mut used_v = vec![false; preds.len()];
        for g in &golds {
            if let Some(pi) = (0..preds.len())
                .find(|&pi| !used_v[pi] && overlaps(g, &idx, &preds[pi]) && value_ok(g, &preds[pi]))
            {
                used_v[pi] = true;
                t.tp_value += 1;
            }
        }
        if golds.len() == preds.len() && matched.iter().all(Option::is_some) {
            t.cases_ok += 1;
        }
        // failure causes
        for (gi, g) in golds.iter().enumerate() {
            if matched[gi].is_some() {
                continue;
            }
            let (s, e) = g.span.unwrap_or((0, 0));
            let near: Vec<&Quantity> = preds.iter().filter(|q| overlaps(g, &idx, q)).collect();
            let cause = if g.span.is_none() {
                "gold surface not found in sentence".to_string()
            } else if let Some(q) = near.iter().find(|q| value_ok(g, q)) {
                if g.unit == "dimensionless" {
                    "wrong unit: unit attached where gold is dimensionless".to_string()
                } else if ctx.accept(SUITE, &g.unit).is_mapped() {
                    if q.unit.is_none() {
                        "wrong unit: unit missed".to_string()
                    } else {
                        "wrong unit: different unit id".to_string()
                    }
                } else {
                    "suite unit not in our unit table/map".to_string()
                }
            } else if !near.is_empty() {
                if g.uncertainty.is_some_and(|u| u > 0.0) {
                    "range/uncertainty bounds differ".to_string()
                } else {
                    "value mismatch".to_string()
                }
            } else if g.value.fract() == 0.0
                && (1000.0..=2100.0).contains(&g.value)
                && g.unit == "dimensionless"
            {
                "missed: bare year-like number (quantulum counts years)".to_string()
            } else if !g.surface.chars().any(|c| c.is_ascii_digit()) {
                "missed: number in words / implicit one (a, an)".to_string()
            } else {
                "missed: digits".to_string()
            };
            let ours = if near.is_empty() {
                "nothing".to_string()
            } else {
                near.iter()
                    .map(|q| describe(q))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            fails.add(
                &cause,
                format!(
                    "{} — gold {}, ours {}",
                    snippet(text, &idx, s, e),
                    gold_desc(g),
                    ours
                ),
            );
        }
        for (pi, q) in preds.iter().enumerate() {
            if used[pi] || golds.iter().any(|g| overlaps(g, &idx, q)) {
                continue;
            }
            let (s, e) = idx.chars(q.span);
            fails.add(
                "spurious: no gold here",
                format!("{} — ours {}", snippet(text, &idx, s, e), describe(q)),
            );
        }
    }
    t
}

pub fn run(ctx: &Ctx, dir: &Path) -> Result<Vec<SuiteResult>> {
    let tests = dir.join("_lang/en_US/tests");
    let mut scores = Vec::new();
    let mut failures = Vec::new();
    let mut notes = Vec::new();
    for (file, model) in [
        ("quantities.json", "strict set"),
        ("quantities.ambiguity.json", "ambiguity set"),
    ] {
        let data = crate::common::read_json(&tests.join(file))?;
        let mut fails = Failures::default();
        let t = score_set(ctx, &data, &mut fails);
        scores.push(Score::new(
            model,
            "sentence exact",
            Measure::Acc {
                ok: t.cases_ok,
                n: t.cases,
            },
            t.cases,
        ));
        scores.push(Score::new(
            model,
            "value+unit",
            Measure::Prf {
                tp_pred: t.tp_full,
                n_pred: t.n_pred,
                tp_gold: t.tp_full,
                n_gold: t.n_gold,
            },
            t.cases,
        ));
        scores.push(Score::new(
            model,
            "value",
            Measure::Prf {
                tp_pred: t.tp_value,
                n_pred: t.n_pred,
                tp_gold: t.tp_value,
                n_gold: t.n_gold,
            },
            t.cases,
        ));
        notes.push(format!(
            "- {model}: of {} value+unit matches, {} also have exactly the gold surface span (claim or value span).",
            t.tp_full, t.surface_exact
        ));
        failures.push((model.to_string(), fails));
    }
    // spelled-out numbers
    let data = crate::common::read_json(&tests.join("extract_spellout_values.cases.json"))?;
    let mut fails = Failures::default();
    let (mut ok, mut n) = (0, 0);
    for case in data.as_array().into_iter().flatten() {
        let input = case["input"].as_str().unwrap_or("");
        let mut want: Vec<f64> = case["expected_values"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_f64)
            .collect();
        let qs: Vec<Quantity> = ctx
            .run(input)
            .into_iter()
            .filter(|q| q.kind != NumberKind::Ordinal)
            .collect();
        let mut got: Vec<f64> = qs.iter().map(|q| q.value).collect();
        want.sort_by(f64::total_cmp);
        got.sort_by(f64::total_cmp);
        n += 1;
        let pass = want.len() == got.len() && want.iter().zip(&got).all(|(a, b)| num_eq(*a, *b));
        if pass {
            ok += 1;
            continue;
        }
        let fmt = |v: &[f64]| v.iter().map(|x| fmt_num(*x)).collect::<Vec<_>>().join(", ");
        let cause = if got.len() < want.len() {
            "fewer numbers than expected (missed or merged)"
        } else if got.len() > want.len() {
            "more numbers than expected (split, or a vague quantity the suite ignores)"
        } else {
            "same count, value differs"
        };
        fails.add(
            cause,
            format!(
                "{} — gold [{}], ours [{}]",
                short_quote(input),
                fmt(&want),
                fmt(&got)
            ),
        );
    }
    scores.push(Score::new(
        "spell-out values",
        "case exact",
        Measure::Acc { ok, n },
        n,
    ));
    failures.push(("spell-out values".to_string(), fails));
    Ok(vec![SuiteResult {
        id: "quantulum3".into(),
        title: "quantulum3 (strict set, ambiguity set, spelled-out numbers)".into(),
        rules: RULES.into(),
        scores,
        failures,
        notes,
    }])
}

const RULES: &str = r#"quantulum3's own test compares, per sentence, the same number of quantities pairwise
in order: value (float ==), unit name, surface and span (first match of `surface` in the sentence),
uncertainty. We keep its content and relax only what is representation:
- **value**: relative tolerance 1e-6. A gold with `uncertainty` u is a range: our interval must be
  [value − u, value + u] (quantulum stores "10-15 exabytes" as 12.5 ± 2.5; our range bounds
  are the written ones, without the half-unit widening); otherwise our central
  value is compared. Values stay in the surface unit ("$13,009 million" = 13009000000 dollar),
  like ours.
- **unit**: quantulum unit names are mapped to our ids (unit_map.csv, suite `quantulum`, then
  units.csv names); `dimensionless` matches a quantity without unit (a counted noun left as
  `unit_text` is fine) or with a count unit. A rate name ("dollar per hour") that no id
  resolves is split at its first " per " and compared as `unit/per_unit`.
- **span**: our claim span must overlap the gold surface (quantulum drops hedges from surfaces,
  we keep them in the claim span); exact surface agreement is reported as a note.
- Our ordinals are not submitted (quantulum does not extract them); years are (quantulum expects
  bare years such as "1979" as dimensionless numbers) and misses of them are bucketed separately.
- **sentence exact** = every gold matched 1:1 (value+unit+overlap) and no extra quantity — the
  upstream strict criterion without surface equality. The ambiguity set is scored the same way
  (upstream reports it as a success rate).
- **spell-out values**: the multiset of our values (ordinals excluded) must equal
  `expected_values`, as upstream `extract_spellout_values` tests do.
"#;
