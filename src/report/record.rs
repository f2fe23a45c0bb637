//! The output contract: one flat record per annotation (JSON, JSONL, CSV).

use serde::Serialize;

use super::Document;
use crate::check::reading_words;
use crate::model::{Annotation, Quantity};
use crate::position::LineIndex;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ReferenceRecord {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub unit: String,
    pub as_of: Option<String>,
    pub source_title: String,
    pub source_url: String,
    /// `file:line` of the reference row.
    pub row: String,
    /// How the reference interval was formed.
    pub interval: String,
}

/// An annotation as the JSON/JSONL/CSV contract spells it (see README.md).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Record {
    pub path: String,
    /// Byte offsets into the input file, end exclusive.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (column in characters).
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: &'static str,
    pub hedge: Option<String>,
    pub reading: String,
    pub unit: Option<String>,
    pub entity: String,
    pub property: String,
    pub confidence: f64,
    pub link_notes: Vec<String>,
    pub alternatives: Vec<String>,
    pub verdict: &'static str,
    pub rule: String,
    pub reference: Option<ReferenceRecord>,
    /// claim value ÷ reference value.
    pub ratio: Option<f64>,
    pub direction: Option<&'static str>,
    pub message: String,
    pub suggestion: Option<String>,
    pub inconsistent_with: Vec<String>,
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

impl Record {
    pub fn new(path: &str, text: &str, index: &LineIndex, a: &Annotation) -> Record {
        let q = &a.quantity;
        let pos = index.position(text, q.span.start);
        Record {
            path: path.to_string(),
            start: q.span.start,
            end: q.span.end,
            line: pos.line,
            column: pos.column,
            text: q.span.slice(text).to_string(),
            value: q.value,
            low: finite(q.interval.low),
            high: finite(q.interval.high),
            qualifier: q.qualifier.as_str(),
            hedge: q.hedge.clone(),
            reading: reading_words(q),
            unit: q.unit.clone(),
            entity: a.link.entity.clone(),
            property: a.link.property.clone(),
            confidence: a.link.confidence,
            link_notes: a.link.reasons.clone(),
            alternatives: a
                .link
                .alternatives
                .iter()
                .map(|(e, p)| format!("{e}/{p}"))
                .collect(),
            verdict: a.verdict.as_str(),
            rule: a.rule.clone(),
            reference: a.reference.as_ref().map(|r| ReferenceRecord {
                value: r.value,
                low: r.low,
                high: r.high,
                unit: r.unit.clone(),
                as_of: r.as_of.clone(),
                source_title: r.source_title.clone(),
                source_url: r.source_url.clone(),
                row: r.origin.clone(),
                interval: r.interval_rule.clone(),
            }),
            ratio: a.ratio,
            direction: a.direction.map(|d| match d {
                crate::model::Direction::Overstated => "overstated",
                crate::model::Direction::Understated => "understated",
            }),
            message: a.message.clone(),
            suggestion: a.suggestion.clone(),
            inconsistent_with: a
                .inconsistencies
                .iter()
                .map(|i| i.message.clone())
                .collect(),
        }
    }

    pub fn all(doc: &Document) -> Vec<Record> {
        if doc.annotations.is_empty() {
            return Vec::new();
        }
        let index = LineIndex::new(doc.text);
        doc.annotations
            .iter()
            .map(|a| Record::new(doc.path, doc.text, &index, a))
            .collect()
    }

    pub fn csv_row(&self) -> Vec<String> {
        let opt = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        let r = self.reference.as_ref();
        vec![
            self.path.clone(),
            self.start.to_string(),
            self.end.to_string(),
            self.line.to_string(),
            self.column.to_string(),
            self.text.clone(),
            self.value.to_string(),
            opt(self.low),
            opt(self.high),
            self.qualifier.to_string(),
            self.unit.clone().unwrap_or_default(),
            self.entity.clone(),
            self.property.clone(),
            self.verdict.to_string(),
            opt(r.map(|r| r.value)),
            opt(r.map(|r| r.low)),
            opt(r.map(|r| r.high)),
            r.map(|r| r.unit.clone()).unwrap_or_default(),
            r.and_then(|r| r.as_of.clone()).unwrap_or_default(),
            r.map(|r| r.source_title.clone()).unwrap_or_default(),
            r.map(|r| r.source_url.clone()).unwrap_or_default(),
            opt(self.ratio),
            self.direction.unwrap_or("").to_string(),
            self.message.clone(),
            self.suggestion.clone().unwrap_or_default(),
            self.inconsistent_with.join(" | "),
        ]
    }
}

pub const CSV_HEADER: &[&str] = &[
    "path",
    "start",
    "end",
    "line",
    "column",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "entity",
    "property",
    "verdict",
    "reference_value",
    "reference_low",
    "reference_high",
    "reference_unit",
    "reference_as_of",
    "reference_source_title",
    "reference_source_url",
    "ratio",
    "direction",
    "message",
    "suggestion",
    "inconsistent_with",
];

/// A quantity as `numcheck extract` prints it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExtractRecord {
    pub path: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: &'static str,
    pub hedge: Option<String>,
    pub kind: crate::model::NumberKind,
    pub unit: Option<String>,
    pub unit_text: Option<String>,
    /// Denominator of a rate ("bbl" in "$58 per barrel").
    pub per_unit: Option<String>,
    /// What a mass or volume is of ("meat" in "two pounds of meat").
    pub product: Option<String>,
    pub change: Option<crate::model::Change>,
    pub not_a_claim: Option<crate::model::NotAClaim>,
}

impl ExtractRecord {
    pub fn new(path: &str, text: &str, index: &LineIndex, q: &Quantity) -> ExtractRecord {
        let pos = index.position(text, q.span.start);
        ExtractRecord {
            path: path.to_string(),
            start: q.span.start,
            end: q.span.end,
            line: pos.line,
            column: pos.column,
            text: q.span.slice(text).to_string(),
            value: q.value,
            low: finite(q.interval.low),
            high: finite(q.interval.high),
            qualifier: q.qualifier.as_str(),
            hedge: q.hedge.clone(),
            kind: q.kind,
            unit: q.unit.clone(),
            unit_text: q.unit_text.clone(),
            per_unit: q.per_unit.clone(),
            product: q.product_span.map(|p| {
                let t = p.slice(text).trim_start();
                t.strip_prefix("of ").unwrap_or(t).to_string()
            }),
            change: q.change,
            not_a_claim: q.not_a_claim,
        }
    }
}
