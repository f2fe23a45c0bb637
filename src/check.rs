//! Checking: compare each linked claim's interval with its reference interval and
//! explain the verdict.

use crate::extract::Extractor;
use crate::format::{nearest_power_of_ten, short, words};
use crate::interval::{self, describe};
use crate::link::{Linker, sentence_around};
use crate::model::{
    Annotation, Direction, Inconsistency, Interval, Link, NumberKind, Qualifier, Quantity,
    ReferenceValue, Verdict,
};
use crate::reference::{PropertyKind, ReferenceSet, Row};
use crate::units::UnitTable;

/// The checker: reference set, linker and extractor. Build once, check many texts.
pub struct Checker {
    pub refs: ReferenceSet,
    linker: Linker,
    extractor: &'static Extractor,
}

impl Checker {
    pub fn new(refs: ReferenceSet) -> Checker {
        let linker = Linker::new(&refs);
        Checker {
            refs,
            linker,
            extractor: Extractor::default_ref(),
        }
    }

    /// A checker over the embedded reference tables (they are tested to be clean).
    pub fn with_embedded_tables() -> Result<Checker, Vec<crate::reference::Diagnostic>> {
        let (refs, diags) = crate::reference::load_tables(
            &crate::reference::embedded_sources(),
            UnitTable::default_table(),
        );
        if diags.is_empty() {
            Ok(Checker::new(refs))
        } else {
            Err(diags)
        }
    }

    pub fn units(&self) -> &'static UnitTable {
        self.extractor.units
    }

    /// Every checked claim in `text`, in text order. I/O-free.
    pub fn check_str(&self, text: &str) -> Vec<Annotation> {
        let quantities = self.extractor.extract(text);
        self.check_quantities(text, &quantities)
    }

    /// Checks quantities already extracted from `text`.
    pub fn check_quantities(&self, text: &str, quantities: &[Quantity]) -> Vec<Annotation> {
        let links = self.linker.link(text, quantities, &self.refs, self.units());

        let mut out: Vec<Annotation> = links
            .into_iter()
            .map(|(i, link)| self.judge(text, quantities, i, link))
            .collect();
        mark_inconsistencies(text, &mut out);
        out
    }

    fn judge(&self, text: &str, quantities: &[Quantity], i: usize, link: Link) -> Annotation {
        let q = &self.claim_view(text, &quantities[i]);
        let claim_text = q.span.slice(text);
        let property = self.refs.property(&link.property);
        let entity_id = self.refs.entity_id(&link.entity);
        let rows = entity_id
            .map(|e| self.refs.rows_for(e, &link.property))
            .unwrap_or_default();
        let tolerance = property.map_or(interval::DEFAULT_HEDGE_TOLERANCE, |p| p.hedge_tolerance);
        let is_year = q.kind == NumberKind::Year;

        // Re-read hedged numbers with the property's tolerance.
        let mut claim = match q.qualifier {
            Qualifier::Approx | Qualifier::Nearly => {
                interval::reading(q.value, q.half_unit, q.qualifier, tolerance, is_year)
            }
            _ => q.interval,
        };
        let mut claim_value = q.value;
        let reading = reading_words(q);

        if rows.is_empty() {
            let message = format!(
                "{}: \"{}\" read as {} ({}); no reference row for {} / {}",
                link.entity,
                claim_text,
                reading,
                describe(&claim),
                link.entity,
                link.property
            );
            return Annotation {
                quantity: q.clone(),
                link,
                verdict: Verdict::Unverifiable,
                reference: None,
                rule: "no reference row for this entity and property".into(),
                ratio: None,
                direction: None,
                message,
                suggestion: None,
                inconsistencies: Vec::new(),
            };
        }

        let (row, as_of_note) = pick_row(text, quantities, i, &rows);
        // Convert the claim into the row's unit when both are convertible measures.
        if let (Some(qu), Some(ru)) = (
            q.unit.as_deref().and_then(|u| self.units().get(u)),
            self.units().get(&row.unit),
        ) && qu.id != ru.id
            && qu.dimension == ru.dimension
            && qu.dimension != "count"
            && qu.dimension != "currency"
        {
            let conv = |v: f64| (qu.to_base(v) - ru.offset) / ru.factor;
            claim = Interval {
                low: conv(claim.low),
                high: conv(claim.high),
                ..claim
            };
            claim_value = conv(claim_value);
        }
        let (reference, interval_rule) = match (row.low, row.high) {
            (Some(l), Some(h)) => (Interval::closed(l, h), "row low/high".to_string()),
            _ if property.is_some_and(|p| p.kind == PropertyKind::Year) => {
                (Interval::point(row.value), "the year itself".to_string())
            }
            _ => {
                let h = row.half_unit();
                (
                    Interval::closed(row.value - h, row.value + h),
                    format!("written precision of {}", row.value_text),
                )
            }
        };
        let reference_value = ReferenceValue {
            value: row.value,
            low: reference.low,
            high: reference.high,
            unit: row.unit.clone(),
            as_of: row.as_of.clone(),
            source_title: row.source_title.clone(),
            source_url: row.source_url.clone(),
            origin: format!("{}:{}", row.path, row.line),
            interval_rule: interval_rule.clone(),
        };
        let meets = claim.meets(&reference);
        let ratio =
            (claim_value != 0.0 && row.value != 0.0 && !is_year).then(|| claim_value / row.value);
        let direction = if meets {
            None
        } else if claim.low >= reference.high {
            Some(Direction::Overstated)
        } else {
            Some(Direction::Understated)
        };
        let verdict = if meets {
            Verdict::Supported
        } else {
            Verdict::Contradicted
        };
        let ref_desc = if reference.low == reference.high || interval_rule.starts_with("written") {
            format!(
                "{} ({}{})",
                fmt_value(row.value, is_year),
                row.short_source(),
                as_of_note
            )
        } else {
            format!(
                "{} ({}–{}; {}{})",
                fmt_value(row.value, is_year),
                fmt_value(reference.low, is_year),
                fmt_value(reference.high, is_year),
                row.short_source(),
                as_of_note
            )
        };
        let claim_desc = if is_year {
            describe_year(&claim)
        } else {
            describe(&claim)
        };
        let head = format!(
            "{}: \"{}\" read as {} ({}); reference {}",
            link.entity, claim_text, reading, claim_desc, ref_desc
        );
        let (rule, tail, suggestion) = match direction {
            None => (
                "claim interval meets reference interval".to_string(),
                "supported".to_string(),
                None,
            ),
            Some(d) => {
                let word = match d {
                    Direction::Overstated => "overstated",
                    Direction::Understated => "understated",
                };
                let how_far = match ratio {
                    Some(r) => {
                        let f = if r >= 1.0 { r } else { 1.0 / r };
                        // "~1×" says nothing: near misses read as a percentage.
                        if f < 1.5 {
                            format!(" by ~{}%", trim((f - 1.0) * 100.0))
                        } else {
                            format!(" ~{}×", trim(f))
                        }
                    }
                    None if is_year => {
                        let years = (claim_value - row.value).abs().round() as i64;
                        format!(" by {years} year{}", if years == 1 { "" } else { "s" })
                    }
                    None => format!(" by {}", trim((claim_value - row.value).abs())),
                };
                let rule = match d {
                    Direction::Overstated => "claim interval lies wholly above reference interval",
                    Direction::Understated => "claim interval lies wholly below reference interval",
                };
                (
                    rule.to_string(),
                    format!("{word}{how_far}"),
                    Some(suggest(q, row, property.map(|p| p.kind))),
                )
            }
        };
        Annotation {
            quantity: q.clone(),
            link,
            verdict,
            reference: Some(reference_value),
            rule,
            ratio,
            direction,
            message: format!("{head}; {tail}"),
            suggestion,
            inconsistencies: Vec::new(),
        }
    }
}

impl Checker {
    /// The claim as an editor reads it: a counted noun after the number ("neurons") is
    /// what the claim is about, not part of the number, so it leaves the span.
    fn claim_view(&self, text: &str, q: &Quantity) -> Quantity {
        let mut q = q.clone();
        let counted = q
            .unit
            .as_deref()
            .and_then(|u| self.units().get(u))
            .is_some_and(|u| u.is_count());
        if let Some(us) = q.unit_span
            && counted
            && us.end == q.span.end
            && us.start > q.value_span.start
        {
            let head = text[q.span.start..us.start].trim_end();
            let head = head.strip_suffix(" of").unwrap_or(head).trim_end();
            q.span.end = q.span.start + head.len();
            q.value_span.end = q.value_span.end.min(q.span.end);
            q.unit_span = None;
            q.unit_text = None;
        }
        q
    }
}

fn trim(v: f64) -> String {
    let r = crate::format::round_sig(v, 2);
    let s = format!("{r:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn fmt_value(v: f64, is_year: bool) -> String {
    if is_year {
        format!("{}", v.round() as i64)
    } else {
        short(v)
    }
}

fn describe_year(iv: &Interval) -> String {
    let lo = iv.low.ceil() as i64;
    let hi = iv.high.floor() as i64;
    if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}–{hi}")
    }
}

/// The reading of a claim in words, for messages.
pub fn reading_words(q: &Quantity) -> String {
    let base = match q.qualifier {
        Qualifier::Exact if q.kind == NumberKind::Year => "a year".to_string(),
        Qualifier::Exact => "exact at written precision".to_string(),
        Qualifier::Approx => "approximate".to_string(),
        Qualifier::Nearly => "a little below".to_string(),
        Qualifier::OrderOfMagnitude => "order of magnitude".to_string(),
        Qualifier::AtLeast => "a lower bound".to_string(),
        Qualifier::MoreThan => "a strict lower bound".to_string(),
        Qualifier::AtMost => "an upper bound".to_string(),
        Qualifier::LessThan => "a strict upper bound".to_string(),
        Qualifier::Range => "a range".to_string(),
        Qualifier::Vague => "a vague magnitude".to_string(),
    };
    match &q.hedge {
        Some(h) if q.qualifier != Qualifier::OrderOfMagnitude || h.len() > 1 => {
            format!("{base} (\"{h}\")")
        }
        _ => base,
    }
}

/// Picks the row whose as_of is closest to a year named in the claim's sentence, else
/// the latest row. Returns the row and a note for the message.
fn pick_row<'r>(
    text: &str,
    quantities: &[Quantity],
    i: usize,
    rows: &[&'r Row],
) -> (&'r Row, String) {
    if rows.len() == 1 {
        return (rows[0], String::new());
    }
    let q = &quantities[i];
    let sentence = Some(sentence_around(text, q.span.start));
    let year = sentence.and_then(|s| {
        quantities
            .iter()
            .enumerate()
            .skip(i.saturating_sub(16))
            .take(32)
            .filter(|(j, o)| *j != i && o.kind == NumberKind::Year && s.contains(o.span))
            .map(|(_, o)| o.value as i32)
            .next()
    });
    if let Some(y) = year {
        let best = rows
            .iter()
            .filter(|r| r.as_of_year().is_some())
            .min_by_key(|r| (r.as_of_year().unwrap_or(0) - y).abs());
        if let Some(r) = best {
            return (
                r,
                format!(
                    ", as of {} for the year {y} in the sentence",
                    r.as_of.as_deref().unwrap_or("?")
                ),
            );
        }
    }
    let latest = rows.last().copied().unwrap_or(rows[0]);
    (
        latest,
        format!(
            ", latest of {} rows, as of {}",
            rows.len(),
            latest.as_of.as_deref().unwrap_or("undated")
        ),
    )
}

/// A replacement the editor can paste.
fn suggest(q: &Quantity, row: &Row, kind: Option<PropertyKind>) -> String {
    if q.kind == NumberKind::Year || kind == Some(PropertyKind::Year) {
        return format!("{}", row.value.round() as i64);
    }
    if kind == Some(PropertyKind::Percent) {
        return format!("{}%", trim(row.value));
    }
    match q.qualifier {
        Qualifier::OrderOfMagnitude => {
            format!("on the order of 10^{}", nearest_power_of_ten(row.value))
        }
        _ => {
            let unit = match q.unit_text.as_deref() {
                Some(u) if q.unit.is_some() && !u.is_empty() => format!(" {u}"),
                _ => String::new(),
            };
            format!("about {}{unit}", words(row.value, 2))
        }
    }
}

/// Most distinct readings remembered per (entity, property) when looking for conflicts.
const MAX_DISTINCT_READINGS: usize = 64;
/// Most inconsistency notes attached to one claim.
const MAX_NOTES: usize = 8;

/// Two claims about the same entity and property whose intervals are disjoint. Linear in
/// the number of claims: each is compared with the distinct readings seen before it.
fn mark_inconsistencies(text: &str, anns: &mut [Annotation]) {
    use std::collections::HashMap;
    let mut seen: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for b in 0..anns.len() {
        let key = (anns[b].link.entity.clone(), anns[b].link.property.clone());
        let firsts = seen.entry(key).or_default();
        let ib = anns[b].quantity.interval;
        let mut distinct = true;
        for &a in firsts.iter() {
            let ia = anns[a].quantity.interval;
            if ia == ib {
                distinct = false;
            }
            if ia.meets(&ib) {
                continue;
            }
            let (xs, ys) = (anns[a].quantity.span, anns[b].quantity.span);
            let (xt, yt) = (xs.slice(text).to_string(), ys.slice(text).to_string());
            let what = format!("{} / {}", anns[b].link.entity, anns[b].link.property);
            let note = |this: &str,
                        ti: &Interval,
                        other: &str,
                        oi: &Interval,
                        os: crate::model::Span| {
                format!(
                    "inconsistent: \"{this}\" ({}) and \"{other}\" ({}) at bytes {}–{} cannot both be true of {what}",
                    describe(ti),
                    describe(oi),
                    os.start,
                    os.end
                )
            };
            if anns[a].inconsistencies.len() < MAX_NOTES {
                let message = note(&xt, &ia, &yt, &ib, ys);
                anns[a].inconsistencies.push(Inconsistency {
                    other_span: ys,
                    other_text: yt.clone(),
                    message,
                });
            }
            if anns[b].inconsistencies.len() < MAX_NOTES {
                let message = note(&yt, &ib, &xt, &ia, xs);
                anns[b].inconsistencies.push(Inconsistency {
                    other_span: xs,
                    other_text: xt,
                    message,
                });
            }
        }
        if distinct && firsts.len() < MAX_DISTINCT_READINGS {
            firsts.push(b);
        }
    }
}
