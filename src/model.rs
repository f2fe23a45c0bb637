//! Small plain types shared by the core and every adapter.
//!
//! Offsets are byte offsets into the text handed to the core (end exclusive).

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into the checked text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// How the writer qualified a number. Each has documented interval semantics
/// (see `crate::interval`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// A plain number: read at its written precision.
    Exact,
    /// about / around / roughly / approximately / some / ~ / ≈
    Approx,
    /// nearly / almost: a little below the number.
    Nearly,
    /// on the order of 10^n, or a bare power of ten.
    OrderOfMagnitude,
    /// at least / no fewer than (closed lower bound)
    AtLeast,
    /// more than / over / exceeding (open lower bound)
    MoreThan,
    /// at most / up to / no more than (closed upper bound)
    AtMost,
    /// less than / under / fewer than / below (open upper bound)
    LessThan,
    /// 10–20, between 10 and 20, from 10 to 20
    Range,
    /// hundreds of millions, dozens, a few million
    Vague,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Nearly => "nearly",
            Qualifier::OrderOfMagnitude => "order_of_magnitude",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// A change the text reports ("rose by 5%", "fell to 3 million").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Up,
    Down,
}

/// What kind of number this is, beyond its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A cardinal amount (count, measure, money, percentage).
    Cardinal,
    /// A four-digit calendar year used as a point in time ("in 2017").
    Year,
    /// A relative claim: "twice", "sixfold", "3 times".
    Multiplier,
    /// first, 2nd, 21st
    Ordinal,
}

/// An interval with explicit bound kinds. `low`/`high` may be infinite.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

impl Interval {
    pub fn closed(low: f64, high: f64) -> Self {
        Interval {
            low,
            high,
            low_inclusive: true,
            high_inclusive: true,
        }
    }
    pub fn half_open(low: f64, high: f64) -> Self {
        Interval {
            low,
            high,
            low_inclusive: true,
            high_inclusive: false,
        }
    }
    pub fn point(v: f64) -> Self {
        Interval::closed(v, v)
    }
    pub fn contains(&self, v: f64) -> bool {
        let above = if self.low_inclusive {
            v >= self.low
        } else {
            v > self.low
        };
        let below = if self.high_inclusive {
            v <= self.high
        } else {
            v < self.high
        };
        above && below
    }
    /// True when the two intervals share at least one point.
    pub fn meets(&self, other: &Interval) -> bool {
        // self lies wholly below other?
        let below = self.high < other.low
            || (self.high == other.low && !(self.high_inclusive && other.low_inclusive));
        let above = other.high < self.low
            || (other.high == self.low && !(other.high_inclusive && self.low_inclusive));
        !(below || above)
    }
}

/// Why a number found in the text is not a checkable claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotAClaim {
    /// "49 days ago", "3 hours ago": the age of a post.
    RelativeTime,
    /// "won 3-1", "voted 8-1", "odds of 5-2", "6-4 7-5": a score, tally or odds, which
    /// is written like a range but counts two sides.
    Score,
}

/// One quantity found in the text, linked or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The whole claim: hedge, number(s), scale and unit ("on the order of 10^11").
    pub span: Span,
    /// Just the number and unit, without the hedge ("10^11", "5 km").
    pub value_span: Span,
    /// The central value, in `unit`'s base unit when it converts (km are stored as km;
    /// see `unit` for the normalized id).
    pub value: f64,
    /// The interval the wording allows (see `crate::interval` for the rules).
    pub interval: Interval,
    /// Half a unit of the last written digit (0 for exact fractions and powers of ten).
    pub half_unit: f64,
    pub qualifier: Qualifier,
    /// The hedge or bound phrase as written ("about", "more than", "on the order of").
    pub hedge: Option<String>,
    pub kind: NumberKind,
    /// Normalized unit id from the units table ("km", "percent", "USD"), if any.
    pub unit: Option<String>,
    /// The unit as written.
    pub unit_text: Option<String>,
    pub unit_span: Option<Span>,
    /// The denominator of a rate, a unit id: "bbl" in "$58 per barrel", "day" in "3,000
    /// tests a day", "ms" in "50 km/ms". The value is per one of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit: Option<String>,
    /// What a mass or volume measures, after "of": "meat" in "two pounds of meat" (its
    /// span lies after `span`, outside the claim).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_span: Option<Span>,
    pub change: Option<Change>,
    /// How the number itself was read: "digits", "words", "power of ten", ...
    pub notation: Notation,
    /// Present when the number is not a claim (kept so `extract` can show it).
    pub not_a_claim: Option<NotAClaim>,
}

/// How the digits were written; drives precision and suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Notation {
    Digits,
    Words,
    PowerOfTen,
    Scientific,
    Fraction,
    Vague,
}

/// Verdict of one checked claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    Contradicted,
    /// Linked to an entity and a property but no reference row exists.
    Unverifiable,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Overstated,
    Understated,
}

/// The reference a claim was compared with (a copy of one table row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceValue {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub unit: String,
    pub as_of: Option<String>,
    pub source_title: String,
    pub source_url: String,
    /// `file:line` of the row, so an editor can open it.
    pub origin: String,
    /// How the reference interval was formed ("row low/high", "written precision of 302").
    pub interval_rule: String,
}

/// What the claim was linked to and how sure the linker is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub entity: String,
    pub property: String,
    /// Where the entity is named (may be in an earlier clause of the sentence).
    pub entity_span: Option<Span>,
    /// Where the property is named; `None` when inherited from a coordinated sibling.
    pub property_span: Option<Span>,
    /// 0..1: 1 when entity and property are both named in the claim's own clause.
    pub confidence: f64,
    /// Human-readable notes on how the link was made ("property inherited from ...").
    pub reasons: Vec<String>,
    /// Other (entity, property) pairs that were plausible.
    pub alternatives: Vec<(String, String)>,
}

/// A note that two claims in one document disagree with each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inconsistency {
    pub other_span: Span,
    pub other_text: String,
    pub message: String,
}

/// One checked claim: the core's output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub quantity: Quantity,
    pub link: Link,
    pub verdict: Verdict,
    pub reference: Option<ReferenceValue>,
    /// The comparison rule applied, in words.
    pub rule: String,
    /// reference value / claim value, when both exist (>1 means the text understates).
    pub ratio: Option<f64>,
    pub direction: Option<Direction>,
    pub message: String,
    pub suggestion: Option<String>,
    pub inconsistencies: Vec<Inconsistency>,
}

impl Quantity {
    /// Maps every span of the quantity (claim, value and unit spans) through `f`, e.g.
    /// from extracted prose back to the original HTML or Markdown document.
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        self.span = f(self.span);
        self.value_span = f(self.value_span);
        self.unit_span = self.unit_span.map(&f);
    }
}

impl Annotation {
    /// Maps every span of the annotation through `f`: the quantity's spans, the link's
    /// entity and property spans, and each inconsistency's other span (its message names
    /// the other claim's byte offsets; they are rewritten too).
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        self.quantity.map_spans(&f);
        self.link.entity_span = self.link.entity_span.map(&f);
        self.link.property_span = self.link.property_span.map(&f);
        for inc in &mut self.inconsistencies {
            let old = inc.other_span;
            let new = f(old);
            inc.other_span = new;
            let (from, to) = (
                format!("at bytes {}–{}", old.start, old.end),
                format!("at bytes {}–{}", new.start, new.end),
            );
            if from != to {
                inc.message = inc.message.replace(&from, &to);
            }
        }
    }
}

#[cfg(test)]
mod map_tests {
    use super::*;

    #[test]
    fn map_spans_moves_every_span_and_the_inconsistency_note() {
        let q = Quantity {
            span: Span::new(10, 14),
            value_span: Span::new(10, 14),
            value: 1e7,
            interval: Interval::point(1e7),
            half_unit: 0.0,
            qualifier: Qualifier::Exact,
            hedge: None,
            kind: NumberKind::Cardinal,
            unit: None,
            unit_text: None,
            unit_span: Some(Span::new(15, 22)),
            per_unit: None,
            product_span: None,
            change: None,
            notation: Notation::PowerOfTen,
            not_a_claim: None,
        };
        let mut a = Annotation {
            quantity: q,
            link: Link {
                entity: "mouse".into(),
                property: "brain_neurons".into(),
                entity_span: Some(Span::new(0, 4)),
                property_span: None,
                confidence: 1.0,
                reasons: vec![],
                alternatives: vec![],
            },
            verdict: Verdict::Contradicted,
            reference: None,
            rule: String::new(),
            ratio: None,
            direction: None,
            message: String::new(),
            suggestion: None,
            inconsistencies: vec![Inconsistency {
                other_span: Span::new(30, 34),
                other_text: "10^9".into(),
                message: "inconsistent: \"10^7\" and \"10^9\" at bytes 30–34 cannot both be true"
                    .into(),
            }],
        };
        a.map_spans(|s| Span::new(s.start + 100, s.end + 100));
        assert_eq!(a.quantity.span, Span::new(110, 114));
        assert_eq!(a.quantity.unit_span, Some(Span::new(115, 122)));
        assert_eq!(a.link.entity_span, Some(Span::new(100, 104)));
        assert_eq!(a.inconsistencies[0].other_span, Span::new(130, 134));
        assert!(a.inconsistencies[0].message.contains("at bytes 130–134"));
    }
}
