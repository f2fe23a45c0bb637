//! Duckling English corpora (JSON conversions of the Haskell corpus files):
//! whole-phrase parses, compared as `makeCorpusTest` does.

use std::path::Path;

use anyhow::Result;
use numcheck::model::{NumberKind, Qualifier, Quantity};
use serde_json::Value;

use crate::common::{
    CharIndex, Ctx, Failures, Measure, Score, SuiteResult, bounds, close, describe, fmt_num,
    short_quote,
};

struct FileSpec {
    file: &'static str,
    model: &'static str,
    /// unit_map.csv suite key; None for Numeral/Ordinal (no unit)
    map: Option<&'static str>,
    /// our dimension for the negative corpus check
    dimension: Option<&'static str>,
}

const FILES: [FileSpec; 8] = [
    FileSpec {
        file: "Numeral_EN_Corpus.json",
        model: "Numeral",
        map: None,
        dimension: None,
    },
    FileSpec {
        file: "Ordinal_EN_Corpus.json",
        model: "Ordinal",
        map: None,
        dimension: None,
    },
    FileSpec {
        file: "Quantity_EN_Corpus.json",
        model: "Quantity",
        map: Some("duckling-quantity"),
        dimension: Some("mass"),
    },
    FileSpec {
        file: "Distance_EN_Corpus.json",
        model: "Distance",
        map: Some("duckling-distance"),
        dimension: Some("length"),
    },
    FileSpec {
        file: "Volume_EN_Corpus.json",
        model: "Volume",
        map: Some("duckling-volume"),
        dimension: Some("volume"),
    },
    FileSpec {
        file: "Temperature_EN_Corpus.json",
        model: "Temperature",
        map: Some("duckling-temperature"),
        dimension: Some("temperature"),
    },
    FileSpec {
        file: "AmountOfMoney_EN_Corpus.json",
        model: "AmountOfMoney",
        map: Some("duckling-money"),
        dimension: Some("currency"),
    },
    FileSpec {
        file: "Duration_EN_Corpus.json",
        model: "Duration",
        map: Some("duckling-duration"),
        dimension: Some("time"),
    },
];

fn num_eq(a: f64, b: f64) -> bool {
    close(a, b, 1e-6, 1e-9)
}

enum Verdict {
    Pass,
    Fail(String),
}

/// Compare one of our numbers with a gold number in `gold_unit`, converting
/// through data/units.csv when our unit differs but shares the dimension.
/// Returns (unit ok, value ok).
fn compare(
    ctx: &Ctx,
    spec: &FileSpec,
    gold_unit: Option<&str>,
    gold: f64,
    q: &Quantity,
    ours: f64,
) -> (bool, bool) {
    let (Some(map), Some(gu)) = (spec.map, gold_unit) else {
        return (true, num_eq(ours, gold));
    };
    if gu == "Unnamed" {
        // Duckling's "amount without a currency" (e.g. "42 bucks", latent "about 5").
        let unit_ok = match &q.unit {
            None => true,
            Some(u) => ctx
                .units
                .dimension(u)
                .is_some_and(|d| d.contains("currency")),
        };
        return (unit_ok, num_eq(ours, gold));
    }
    let acc = ctx.accept(map, gu);
    if acc.matches(crate::common::unit_key(q).as_deref()) {
        return (true, num_eq(ours, gold));
    }
    if let (Some(u), Some(first)) = (q.unit.as_deref(), acc.ids.first()) {
        // Durations resolve in Duckling's own grain lengths (a month is 30 days, a year
        // 365: `inSeconds` in Duckling/TimeGrain/Types.hs), not in our mean Gregorian ones:
        // either convention may give the equal duration ("one month and a half" is its
        // 45 Day; "2 years 3 months", which we hold as 2.25 year, its 27 Month).
        if spec.model == "Duration"
            && let (Some(a), Some(b)) = (duckling_seconds(u, ours), duckling_seconds(first, gold))
            && num_eq(a, b)
        {
            return (true, true);
        }
        let (du, dg) = (ctx.units.dimension(u), ctx.units.dimension(first));
        if du.is_some()
            && du == dg
            && let (Some(a), Some(b)) = (ctx.units.to_base(u, ours), ctx.units.to_base(first, gold))
        {
            return (true, num_eq(a, b));
        }
    }
    (false, false)
}

/// `n` of our time unit `id` in seconds, with Duckling's grain lengths.
fn duckling_seconds(id: &str, n: f64) -> Option<f64> {
    let day = 86_400.0;
    let per = match id {
        "s" => 1.0,
        "min" => 60.0,
        "h" => 3_600.0,
        "day" => day,
        "week" => 7.0 * day,
        "month" => 30.0 * day,
        "year" => 365.0 * day,
        _ => return None,
    };
    Some(n * per)
}

fn judge(ctx: &Ctx, spec: &FileSpec, exp: &Value, q: &Quantity) -> Verdict {
    let unit = exp["unit"].as_str();
    let kind = exp["kind"].as_str().unwrap_or("value");
    let iv = q.interval;
    let (low, high) = bounds(q);
    let is_interval = matches!(
        q.qualifier,
        Qualifier::Range
            | Qualifier::MoreThan
            | Qualifier::AtLeast
            | Qualifier::LessThan
            | Qualifier::AtMost
    ) && iv.low != iv.high;
    if kind == "value" {
        let gold = exp["value"].as_f64().unwrap_or(f64::NAN);
        if matches!(q.qualifier, Qualifier::Range) && iv.low != iv.high {
            return Verdict::Fail("interval where Duckling expects a value".into());
        }
        let (u, v) = compare(ctx, spec, unit, gold, q, q.value);
        return match (u, v) {
            (false, _) => Verdict::Fail("wrong unit".into()),
            (true, false) => Verdict::Fail("value mismatch".into()),
            _ => Verdict::Pass,
        };
    }
    if !is_interval {
        return Verdict::Fail("value where Duckling expects an interval/bound".into());
    }
    let from = exp["from"].as_f64();
    let to = exp["to"].as_f64();
    let mut unit_ok = true;
    let mut bounds_ok = true;
    match from {
        Some(f) => {
            let (u, v) = compare(ctx, spec, unit, f, q, low);
            unit_ok &= u;
            bounds_ok &= v && low.is_finite();
        }
        // "under": nothing below, or the natural zero of a measure
        None => bounds_ok &= !low.is_finite() || low <= 0.0,
    }
    match to {
        Some(t) => {
            let (u, v) = compare(ctx, spec, unit, t, q, high);
            unit_ok &= u;
            bounds_ok &= v && high.is_finite();
        }
        None => bounds_ok &= high == f64::INFINITY,
    }
    match (unit_ok, bounds_ok) {
        (false, _) => Verdict::Fail("wrong unit".into()),
        (true, false) => Verdict::Fail("interval bounds differ".into()),
        _ => Verdict::Pass,
    }
}

/// Why our single quantity does not cover the whole phrase.
fn partial_cause(input: &str, q: &Quantity, has_unit: bool) -> &'static str {
    let left = input.get(..q.span.start).unwrap_or("").trim();
    let right = input.get(q.span.end..).unwrap_or("").trim();
    if has_unit && q.unit.is_none() {
        "partial: unit/currency word or symbol not attached"
    } else if left.is_empty() && right == "." {
        "partial: trailing '.' of an abbreviation not included"
    } else if !left.is_empty() && right.is_empty() {
        "partial: leading words not covered (hedge, sign, currency)"
    } else {
        "partial: trailing words not covered (composite, 'of …', suffix)"
    }
}

fn expected_desc(exp: &Value) -> String {
    let unit = exp["unit"]
        .as_str()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    if exp["kind"].as_str() == Some("interval") {
        let f = exp["from"].as_f64().map(fmt_num).unwrap_or_default();
        let t = exp["to"].as_f64().map(fmt_num).unwrap_or_default();
        format!("{f}..{t}{unit}")
    } else {
        format!(
            "{}{unit}",
            exp["value"].as_f64().map(fmt_num).unwrap_or_default()
        )
    }
}

pub fn run(ctx: &Ctx, dir: &Path) -> Result<Vec<SuiteResult>> {
    let mut scores = Vec::new();
    let mut failures = Vec::new();
    let (mut all_ok, mut all_n) = (0, 0);
    for spec in &FILES {
        let data = crate::common::read_json(&dir.join(spec.file))?;
        let mut fails = Failures::default();
        let (mut ok, mut n) = (0, 0);
        let (mut lat_ok, mut lat_n) = (0, 0);
        let (mut neg_ok, mut neg_n) = (0, 0);
        for rec in data.as_array().into_iter().flatten() {
            let input = rec["input"].as_str().unwrap_or("");
            let corpus = rec["corpus"].as_str().unwrap_or("corpus");
            let qs = ctx.run(input);
            if corpus == "negativeCorpus" {
                neg_n += 1;
                let dim = spec.dimension.unwrap_or("");
                let hit = qs.iter().find(|q| {
                    q.unit
                        .as_deref()
                        .and_then(|u| ctx.units.dimension(u))
                        .is_some_and(|d| d.contains(dim))
                });
                match hit {
                    None => neg_ok += 1,
                    Some(q) => fails.add(
                        "negative corpus: produced an entity of this dimension",
                        format!("{} — ours {}", short_quote(input), describe(q)),
                    ),
                }
                continue;
            }
            let exp = &rec["expected"];
            let idx = CharIndex::new(input);
            let lead = input.len() - input.trim_start().len();
            let whole = (idx.char_of(lead), idx.char_of(input.trim_end().len()));
            let kind_ok = |q: &Quantity| match spec.model {
                "Ordinal" => q.kind == NumberKind::Ordinal,
                _ => q.kind != NumberKind::Ordinal,
            };
            // A quantity covers the phrase with the product it names ("two pounds of
            // meat"): Duckling's Quantity includes its product.
            let covering: Vec<&Quantity> = qs
                .iter()
                .filter(|q| {
                    let end = q.product_span.map_or(q.span.end, |p| p.end.max(q.span.end));
                    idx.chars(numcheck::model::Span::new(q.span.start, end)) == whole
                })
                .collect();
            let right: Vec<&Quantity> = covering.iter().copied().filter(|q| kind_ok(q)).collect();
            let verdict = if covering.is_empty() {
                Verdict::Fail(match qs.len() {
                    0 => "nothing extracted".to_string(),
                    1 => partial_cause(input, &qs[0], spec.map.is_some()).to_string(),
                    2 => "split into 2 quantities".to_string(),
                    _ => "split into 3+ quantities".to_string(),
                })
            } else if right.is_empty() {
                Verdict::Fail(if spec.model == "Ordinal" {
                    "not read as an ordinal".into()
                } else {
                    "read as an ordinal".into()
                })
            } else {
                // any covering quantity of the right kind may pass
                let mut last = Verdict::Fail("nothing extracted".into());
                for q in right {
                    last = judge(ctx, spec, exp, q);
                    if matches!(last, Verdict::Pass) {
                        break;
                    }
                }
                last
            };
            let latent = corpus == "latentCorpus";
            if latent {
                lat_n += 1;
            } else {
                n += 1;
            }
            match verdict {
                Verdict::Pass => {
                    if latent {
                        lat_ok += 1
                    } else {
                        ok += 1
                    }
                }
                Verdict::Fail(cause) => {
                    let ours = if qs.is_empty() {
                        "nothing".to_string()
                    } else {
                        qs.iter()
                            .take(3)
                            .map(describe)
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    let cause = if latent {
                        format!("(latent) {cause}")
                    } else {
                        cause
                    };
                    fails.add(
                        &cause,
                        format!(
                            "{} — gold {}, ours {}",
                            short_quote(input),
                            expected_desc(exp),
                            ours
                        ),
                    );
                }
            }
        }
        all_ok += ok;
        all_n += n;
        scores.push(Score::new(
            spec.model,
            "phrase parse",
            Measure::Acc { ok, n },
            n,
        ));
        if lat_n > 0 {
            scores.push(Score::new(
                spec.model,
                "latent phrases",
                Measure::Acc {
                    ok: lat_ok,
                    n: lat_n,
                },
                lat_n,
            ));
        }
        if neg_n > 0 {
            scores.push(Score::new(
                spec.model,
                "negative phrases",
                Measure::Acc {
                    ok: neg_ok,
                    n: neg_n,
                },
                neg_n,
            ));
        }
        failures.push((spec.model.to_string(), fails));
    }
    scores.push(Score::new(
        "all corpora",
        "phrase parse",
        Measure::Acc {
            ok: all_ok,
            n: all_n,
        },
        all_n,
    ));
    Ok(vec![SuiteResult {
        id: "duckling".into(),
        title: "Duckling English corpora (whole-phrase parses)".into(),
        rules: RULES.into(),
        scores,
        failures,
        notes: Vec::new(),
    }])
}

const RULES: &str = r#"Duckling's `makeCorpusTest` requires the **whole input** to be covered by exactly one
token of the dimension and its resolved value to equal the expected one. Here: one of our
quantities must span the whole input (trimmed of surrounding whitespace; our claim span, which
includes hedges — Duckling swallows "about", "around" the same way — extended by the product a
mass or volume names, "of meat", which Duckling's Quantity includes), and then:
- `value`: our central value equals the expected value (relative tolerance 1e-6); a two-sided
  range fails.
- `interval`: `between` → our range's written bounds (interval without the half-unit widening) equal `from`/`to`; `above` → low equals `from`
  and high is +∞; `under` → high equals `to` and low is −∞ or ≤ 0 (a measure's natural zero).
- unit: Duckling's unit is mapped to our ids (unit_map.csv, suites `duckling-*`); if our unit
  differs but has the same dimension in data/units.csv, both sides are converted to the base
  unit first (Duckling normalizes "1 k.g." to 1000 Gram, "1/2 h" to 30 Minute); durations are
  converted with Duckling's own grain lengths (`inSeconds` in Duckling/TimeGrain/Types.hs: a
  month is 30 days, a year 365) as well as ours: either may give the equal duration ("one month
  and a half" is its 45 Day; "2 years 3 months", which we hold as 2.25 year, its 27 Month). `Unnamed`
  money (no currency, "42 bucks") accepts no unit or any currency. Numeral and Ordinal have no
  unit; Ordinal requires our kind `ordinal`, Numeral any other kind.
- `negativeCorpus`: passes when we produce no quantity whose unit has the file's dimension.
- `latentCorpus` (bare numbers Duckling only accepts with its `withLatent` option) is reported
  separately and not included in "all corpora".
"#;
