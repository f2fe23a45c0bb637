//! MeasEval (SemEval-2021 Task 8): Quantity spans, units and modifiers,
//! scored like the official `measeval-eval.py` (class mode).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use numcheck::model::{NumberKind, Qualifier, Quantity, Span};

use crate::common::{
    CharIndex, Ctx, Failures, Measure, Score, SuiteResult, clip, describe, slice, snippet,
};

struct Ann {
    start: usize,
    end: usize,
    text: String,
    unit: Option<String>,
    mods: Vec<String>,
    /// index of our quantity (submissions only)
    q: Option<usize>,
}

const MODS: [&str; 2] = ["IsApproximate", "IsRange"];

fn our_mods(q: &Quantity) -> Vec<String> {
    let mut m = Vec::new();
    // "5.2 ± 0.3 mm": a value with its tolerance is MeasEval's HasTolerance (not scored
    // here), not IsApproximate.
    let tolerance = matches!(q.hedge.as_deref(), Some("±" | "+/-" | "+-"));
    // An approximate range ("about 5–20%") is a range that keeps its hedge.
    let approx_range = q.qualifier == Qualifier::Range && q.hedge.is_some();
    // A bound before an approximation ("below ∼100 °C", "up to around 650 K") keeps the
    // approximation word in its hedge: MeasEval marks both modifiers.
    let approx_bound = matches!(
        q.qualifier,
        Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan | Qualifier::AtMost
    ) && q.hedge.as_deref().is_some_and(|h| {
        let h = h.to_lowercase();
        [
            "~",
            "∼",
            "≈",
            "about",
            "around",
            "approximately",
            "roughly",
            "nearly",
        ]
        .iter()
        .any(|a| h.contains(a))
    });
    if approx_range
        || approx_bound
        || (!tolerance
            && matches!(
                q.qualifier,
                Qualifier::Approx
                    | Qualifier::Nearly
                    | Qualifier::OrderOfMagnitude
                    | Qualifier::Vague
            ))
    {
        m.push("IsApproximate".to_string());
    }
    if matches!(
        q.qualifier,
        Qualifier::Range
            | Qualifier::MoreThan
            | Qualifier::AtLeast
            | Qualifier::LessThan
            | Qualifier::AtMost
    ) {
        m.push("IsRange".to_string());
    }
    m
}

/// Our quantity as a MeasEval Quantity annotation.
fn submission(ctx: &Ctx, text: &str, idx: &CharIndex, qi: usize, q: &Quantity) -> Ann {
    let real_unit = q.unit.as_deref().is_some_and(|u| !ctx.units.is_count(u));
    let mut span = q.span;
    // A counted noun is MeasEval's MeasuredEntity, not part of the Quantity span.
    if !real_unit
        && let Some(u) = q.unit_span
        && u.start > span.start
        && u.start <= span.end
        && u.end >= span.end
    {
        let head = slice(text, Span::new(span.start, u.start));
        span = Span::new(span.start, span.start + head.trim_end().len());
    }
    // A noun before the number that names what is measured ("age 19", "aged 70") is
    // MeasEval's MeasuredProperty, and the number alone its Quantity (no unit); a scale
    // named before its value ("pH 7.4") is the unit inside the Quantity.
    let property_word = q.unit_span.is_some_and(|u| {
        u.start == span.start
            && q.unit.as_deref() != Some("pH")
            && u.end <= q.value_span.end
            && slice(text, u).chars().all(char::is_alphabetic)
            && q.unit.as_deref().is_some_and(|id| {
                !ctx.units
                    .dimension(id)
                    .is_some_and(|d| d.contains("currency"))
            })
    });
    if property_word && let Some(u) = q.unit_span {
        let tail = slice(text, Span::new(u.end, span.end));
        span = Span::new(span.end - tail.trim_start().len(), span.end);
    }
    let real_unit = real_unit && !property_word;
    let (s, e) = idx.chars(span);
    Ann {
        start: s,
        end: e,
        text: slice(text, span).to_string(),
        unit: if real_unit {
            q.unit_text.clone().filter(|t| !t.is_empty())
        } else {
            None
        },
        mods: our_mods(q),
        q: Some(qi),
    }
}

fn read_gold(tsv: &Path) -> Result<Vec<Ann>> {
    let raw = std::fs::read_to_string(tsv).with_context(|| format!("reading {}", tsv.display()))?;
    let mut out = Vec::new();
    for line in crate::common::strip_bom(&raw).lines().skip(1) {
        let c: Vec<&str> = line.splitn(8, '\t').collect();
        if c.len() < 7 || c[2] != "Quantity" {
            continue;
        }
        let other: serde_json::Value = c
            .get(7)
            .and_then(|o| serde_json::from_str(o.trim()).ok())
            .unwrap_or(serde_json::Value::Null);
        out.push(Ann {
            start: c[3].trim().parse().unwrap_or(0),
            end: c[4].trim().parse().unwrap_or(0),
            text: c[6].to_string(),
            unit: other["unit"]
                .as_str()
                .map(str::to_string)
                .filter(|u| !u.is_empty()),
            mods: other["mods"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|m| m.as_str().map(str::to_string))
                .collect(),
            q: None,
        });
    }
    Ok(out)
}

/// The official overlap test (inclusive ends, so touching spans count).
fn overlap(s: &Ann, g: &Ann) -> bool {
    (s.start >= g.start && s.start <= g.end)
        || (s.end >= g.start && s.end <= g.end)
        || (g.start >= s.start && g.start <= s.end)
        || (g.end >= s.start && g.end <= s.end)
}

/// The official SQuAD-style token overlap (space tokenization), verbatim.
fn calc_f1(a: &Ann, g: &Ann) -> f64 {
    let a_tokens = a.text.split(' ').count() as f64;
    let g_tokens = g.text.split(' ').count() as f64;
    let ov_start = a.start.max(g.start);
    let ov_end = a.end.min(g.end);
    let len = ov_end.saturating_sub(ov_start);
    let sub_start = ov_start.saturating_sub(a.start);
    let ov_text: String = a.text.chars().skip(sub_start).take(len).collect();
    let ov_tokens = ov_text.split(' ').count() as f64;
    let p = ov_tokens / a_tokens;
    let r = ov_tokens / g_tokens;
    2.0 * p * r / (p + r)
}

#[derive(Default)]
struct Tally {
    docs: usize,
    // Quantity rows
    pairs: usize,
    sub_only: usize,
    gold_only: usize,
    em_sum: f64,
    f1_sum: f64,
    // Unit
    unit_tp: usize,
    unit_sub_only: usize,
    unit_gold_only: usize,
    // modifiers: label -> (tp, sub only, gold only)
    mods: BTreeMap<&'static str, (usize, usize, usize)>,
}

fn prf(tp: usize, fp: usize, fn_: usize) -> Measure {
    Measure::Prf {
        tp_pred: tp,
        n_pred: tp + fp,
        tp_gold: tp,
        n_gold: tp + fn_,
    }
}

#[allow(clippy::too_many_arguments)]
fn score_doc(
    ctx: &Ctx,
    (split, doc): (&str, &str),
    text: &str,
    golds: &[Ann],
    preds: &[Quantity],
    t: &mut Tally,
    fails: &mut Failures,
) {
    let idx = CharIndex::new(text);
    // MeasEval has no licence: a case is named by split, document and character offsets,
    // never quoted (NUMCHECK_ACC_QUOTE=1 quotes it, for local debugging only).
    let snippet = |text: &str, idx: &CharIndex, s: usize, e: usize| -> String {
        if crate::common::quote_unlicensed() {
            snippet(text, idx, s, e)
        } else {
            format!("MeasEval {split} {doc} chars {s}–{e}")
        }
    };
    let clip = |t: &str| -> String {
        if crate::common::quote_unlicensed() {
            clip(t)
        } else {
            format!("{} chars", t.chars().count())
        }
    };
    let subs: Vec<Ann> = preds
        .iter()
        .enumerate()
        .map(|(i, q)| submission(ctx, text, &idx, i, q))
        .collect();
    t.docs += 1;
    // Quantity
    let mut sub_pairs: Vec<Vec<usize>> = vec![Vec::new(); subs.len()];
    let mut gold_pairs: Vec<Vec<usize>> = vec![Vec::new(); golds.len()];
    for (si, s) in subs.iter().enumerate() {
        for (gi, g) in golds.iter().enumerate() {
            if overlap(s, g) {
                sub_pairs[si].push(gi);
                gold_pairs[gi].push(si);
            }
        }
    }
    // maxF1 per submission annotation (the official groupby on the submission id)
    let max_f1: Vec<f64> = sub_pairs
        .iter()
        .enumerate()
        .map(|(si, gs)| {
            gs.iter()
                .map(|&gi| calc_f1(&subs[si], &golds[gi]))
                .fold(0.0, f64::max)
        })
        .collect();
    for (si, gs) in sub_pairs.iter().enumerate() {
        for &gi in gs {
            t.pairs += 1;
            if subs[si].start == golds[gi].start && subs[si].end == golds[gi].end {
                t.em_sum += 1.0;
            }
            t.f1_sum += max_f1[si];
        }
        if gs.is_empty() {
            t.sub_only += 1;
        }
    }
    t.gold_only += gold_pairs.iter().filter(|p| p.is_empty()).count();
    // Alignment submission -> one gold annotation set (the official code keeps
    // whichever row comes last; we keep the best-overlapping one).
    let align: Vec<Option<usize>> = sub_pairs
        .iter()
        .enumerate()
        .map(|(si, gs)| {
            gs.iter().copied().max_by(|&a, &b| {
                calc_f1(&subs[si], &golds[a])
                    .total_cmp(&calc_f1(&subs[si], &golds[b]))
                    .then(b.cmp(&a))
            })
        })
        .collect();
    // Units
    let mut unit_matched = vec![false; golds.len()];
    for (si, s) in subs.iter().enumerate() {
        if let (Some(su), Some(gi)) = (&s.unit, align[si])
            && golds[gi].unit.as_ref() == Some(su)
        {
            t.unit_tp += 1;
            unit_matched[gi] = true;
        }
    }
    for (si, s) in subs.iter().enumerate() {
        if s.unit.is_some() && !align[si].is_some_and(|gi| unit_matched[gi]) {
            t.unit_sub_only += 1;
        }
    }
    t.unit_gold_only += golds
        .iter()
        .enumerate()
        .filter(|(gi, g)| g.unit.is_some() && !unit_matched[*gi])
        .count();
    // Modifiers
    for label in MODS {
        let mut matched = vec![false; golds.len()];
        let e = t.mods.entry(label).or_default();
        for (si, s) in subs.iter().enumerate() {
            if let Some(gi) = align[si]
                && s.mods.iter().any(|m| m == label)
                && golds[gi].mods.iter().any(|m| m == label)
            {
                e.0 += 1;
                matched[gi] = true;
            }
        }
        for (si, s) in subs.iter().enumerate() {
            if s.mods.iter().any(|m| m == label) && !align[si].is_some_and(|gi| matched[gi]) {
                e.1 += 1;
                let q = &preds[s.q.unwrap_or(0)];
                fails.add(
                    &format!("{label}: set by us, not in gold"),
                    format!(
                        "{} — ours {}",
                        snippet(text, &idx, s.start, s.end),
                        describe(q)
                    ),
                );
            }
        }
        for (gi, g) in golds.iter().enumerate() {
            if g.mods.iter().any(|m| m == label) && !matched[gi] {
                e.2 += 1;
                if !gold_pairs[gi].is_empty() {
                    let ours = gold_pairs[gi]
                        .iter()
                        .map(|&si| describe(&preds[si]))
                        .collect::<Vec<_>>()
                        .join("; ");
                    fails.add(
                        &format!("{label}: in gold, not set by us"),
                        format!("{} — ours {}", snippet(text, &idx, g.start, g.end), ours),
                    );
                }
            }
        }
    }
    // Failure causes for spans and units
    for (gi, g) in golds.iter().enumerate() {
        let ex = snippet(text, &idx, g.start, g.end);
        let ps = &gold_pairs[gi];
        if ps.is_empty() {
            let cause = if g.mods.iter().any(|m| m == "IsList") {
                "missed: list quantity (IsList)"
            } else if g.text.contains('±') || g.text.contains("+/-") {
                "missed: value with tolerance (±)"
            } else if !g.text.chars().any(|c| c.is_ascii_digit()) {
                "missed: number in words"
            } else if g.mods.iter().any(|m| m == "IsCount") {
                "missed: count (IsCount)"
            } else {
                "missed: digits"
            };
            fails.add(
                cause,
                format!("{ex} — gold unit {}", g.unit.as_deref().unwrap_or("none")),
            );
            continue;
        }
        if ps.len() > 1 {
            let ours = ps
                .iter()
                .map(|&si| format!("[{}]", clip(&subs[si].text)))
                .collect::<Vec<_>>()
                .join(" ");
            fails.add(
                "span: one gold split into several of our quantities",
                format!("{ex} — ours {ours}"),
            );
            continue;
        }
        let s = &subs[ps[0]];
        if sub_pairs[ps[0]].len() > 1 {
            fails.add(
                "span: several golds merged into one of ours",
                format!("{ex} — ours [{}]", clip(&s.text)),
            );
            continue;
        }
        if s.start != g.start || s.end != g.end {
            let cause = if s.start <= g.start && s.end >= g.end {
                "span: ours wider"
            } else if s.start >= g.start && s.end <= g.end {
                if g.unit.is_some() && s.unit.is_none() {
                    "span: ours narrower (unit not attached)"
                } else {
                    "span: ours narrower (other words left out)"
                }
            } else {
                "span: shifted"
            };
            fails.add(cause, format!("{ex} — ours [{}]", clip(&s.text)));
        }
        if g.unit != s.unit {
            let cause = match (&g.unit, &s.unit) {
                (Some(_), None) => "unit: gold has a unit, we have none",
                (None, Some(_)) => "unit: we give a unit, gold has none",
                _ => "unit: text differs",
            };
            fails.add(
                cause,
                format!(
                    "{ex} — gold {}, ours {}",
                    g.unit.as_deref().unwrap_or("none"),
                    s.unit.as_deref().unwrap_or("none")
                ),
            );
        }
    }
    for (si, s) in subs.iter().enumerate() {
        if !sub_pairs[si].is_empty() {
            continue;
        }
        let q = &preds[s.q.unwrap_or(0)];
        let before: String = {
            let (bs, _) = idx.chars(q.span);
            let from = bs.saturating_sub(10);
            crate::common::slice_chars(text, &idx, from, bs).to_lowercase()
        };
        let cause = if [
            "fig", "table", "eq", "section", "ref", "[", "sample", "no.", "step",
        ]
        .iter()
        .any(|k| before.contains(k))
        {
            "spurious: figure/table/reference/label number"
        } else if q.kind == NumberKind::Multiplier {
            "spurious: multiplier"
        } else if s.unit.is_none() {
            "spurious: bare number (not annotated)"
        } else {
            "spurious: quantity with unit not annotated"
        };
        fails.add(
            cause,
            format!(
                "{} — ours {}",
                snippet(text, &idx, s.start, s.end),
                describe(q)
            ),
        );
    }
}

pub fn run(ctx: &Ctx, dir: &Path) -> Result<Vec<SuiteResult>> {
    let mut scores = Vec::new();
    let mut fails = Failures::default();
    for (split, txt_dir, model) in [
        ("eval", "text", "eval (official test)"),
        ("train", "text", "train"),
        ("trial", "txt", "trial"),
    ] {
        let base = dir.join("data").join(split);
        let mut names: Vec<_> = std::fs::read_dir(base.join(txt_dir))
            .with_context(|| format!("listing {}", base.join(txt_dir).display()))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        names.sort();
        let mut t = Tally::default();
        for txt in names {
            let text_raw = std::fs::read_to_string(&txt)?;
            let text = crate::common::strip_bom(&text_raw);
            let stem = txt.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let tsv = base.join("tsv").join(format!("{stem}.tsv"));
            let golds = if tsv.exists() {
                read_gold(&tsv)?
            } else {
                Vec::new()
            };
            // Calendar years are almost never MeasEval quantities; ordinals never.
            let preds: Vec<Quantity> = ctx
                .run(text)
                .into_iter()
                .filter(|q| !matches!(q.kind, NumberKind::Year | NumberKind::Ordinal))
                .collect();
            score_doc(ctx, (split, stem), text, &golds, &preds, &mut t, &mut fails);
        }
        let rows = (t.pairs + t.sub_only + t.gold_only).max(1);
        scores.push(Score::new(
            model,
            "Quantity (overlap match)",
            prf(t.pairs, t.sub_only, t.gold_only),
            t.docs,
        ));
        scores.push(Score::new(
            model,
            "Quantity exact match",
            Measure::Mean {
                sum: t.em_sum,
                n: rows,
            },
            t.docs,
        ));
        scores.push(Score::new(
            model,
            "Quantity overlap F1",
            Measure::Mean {
                sum: t.f1_sum,
                n: rows,
            },
            t.docs,
        ));
        scores.push(Score::new(
            model,
            "Unit",
            prf(t.unit_tp, t.unit_sub_only, t.unit_gold_only),
            t.docs,
        ));
        for label in MODS {
            let (tp, fp, fn_) = t.mods.get(label).copied().unwrap_or_default();
            scores.push(Score::new(model, label, prf(tp, fp, fn_), t.docs));
        }
    }
    Ok(vec![SuiteResult {
        id: "measeval".into(),
        title: "MeasEval (SemEval-2021 Task 8), Quantity / Unit / modifiers".into(),
        rules: RULES.into(),
        scores,
        failures: vec![("all splits".to_string(), fails)],
        notes: Vec::new(),
    }])
}

const RULES: &str = r#"Scored like the official `eval/measeval-eval.py` in class mode, for the Quantity,
Unit and modifier classes (entities, properties and relations are out of scope):
- **Quantity**: every (ours, gold) pair whose spans overlap under the official test (inclusive
  ends, so touching spans count) is a matching row (TP); ours without a pair are FP, gold without
  a pair FN. P/R/F1 from those counts (so the "gold" count in the table is matching rows +
  gold-only rows, not the number of gold quantities). **exact match** and **overlap F1** are the official means
  over all rows (pairs, ours-only and gold-only at 0): EM = identical offsets; overlap F1 = the
  official space-token overlap, maximum per submitted quantity.
- Our span is the whole claim span (hedges and comparators included, as in MeasEval spans). For a
  counted noun (no unit, or a count unit) the noun is cut off: in MeasEval it is the
  MeasuredEntity, and count spans are the number only. A word before the number that we read
  as its unit ("age 19") is cut off too, with no unit: in MeasEval it is the MeasuredProperty
  ("pH 7.4" keeps its scale: MeasEval's unit is "pH").
- **Unit**: our `unit_text` (as written; counted nouns give none) must equal the gold unit string
  of the gold Quantity our quantity is aligned to. The official code aligns a submission to
  whichever overlapping gold comes last in its SQL join; we align to the best-overlapping gold.
- **IsApproximate** = our qualifier approx, nearly, order_of_magnitude or vague, except a value
  with a tolerance ("5.2 ± 0.3 mm", hedge `±`), which is MeasEval's HasTolerance; also a range
  that keeps its hedge ("about 5–20%", our approximate range) and a bound whose hedge keeps an
  approximation word or sign ("below ∼100 °C", "up to around 650 K"); **IsRange** =
  range, more_than, at_least, less_than, at_most (MeasEval marks comparators as IsRange).
  Scored on the aligned gold like the official modifier rows.
- Our `year` and `ordinal` quantities are not submitted (calendar years are almost never
  MeasEval Quantities). All three splits are scored; the failure list covers all of them.
"#;
