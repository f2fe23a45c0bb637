//! reviewdog's rdjsonl: one `Diagnostic` per finding per line (supported claims are not
//! findings). Lines and columns are 1-based and columns count UTF-8 bytes, as reviewdog's
//! `Position` does; ranges end exclusive. A contradicted claim with a suggestion carries it
//! as a replacement of the claim's range, and its `code.url` is the reference's source.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::rules::{self, Finding};
use super::{Document, Printer};
use crate::position::{LineIndex, Position};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Diagnostic {
    pub message: String,
    pub location: Location,
    pub severity: String,
    pub source: Source,
    pub code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub suggestions: Vec<Suggestion>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Location {
    pub path: String,
    pub range: Range,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Range {
    pub start: Pos,
    pub end: Pos,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
pub struct Pos {
    pub line: usize,
    /// 1-based, in UTF-8 bytes.
    pub column: usize,
}

impl From<Position> for Pos {
    fn from(p: Position) -> Pos {
        Pos {
            line: p.line,
            column: p.byte_column + 1,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Source {
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Code {
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Suggestion {
    pub range: Range,
    pub text: String,
}

pub fn diagnostic(doc: &Document, index: &LineIndex, f: &Finding) -> Diagnostic {
    let a = f.annotation;
    let r = index.range(doc.text, a.quantity.span);
    let range = Range {
        start: r.start.into(),
        end: r.end.into(),
    };
    let suggestions = match (&a.suggestion, f.rule.id == rules::CONTRADICTED.id) {
        (Some(s), true) => vec![Suggestion {
            range: range.clone(),
            text: s.clone(),
        }],
        _ => Vec::new(),
    };
    Diagnostic {
        message: f.message.clone(),
        location: Location {
            path: doc.path.to_string(),
            range,
        },
        severity: f.rule.severity.into(),
        source: Source {
            name: "numcheck".into(),
        },
        code: Code {
            value: f.rule.id.into(),
            url: a
                .reference
                .as_ref()
                .map(|r| r.source_url.clone())
                .filter(|u| rules::is_web_url(u)),
        },
        suggestions,
    }
}

pub struct RdjsonlPrinter<W: Write> {
    out: W,
}

impl<W: Write> RdjsonlPrinter<W> {
    pub fn new(out: W) -> Self {
        RdjsonlPrinter { out }
    }
}

impl<W: Write> Printer for RdjsonlPrinter<W> {
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        if doc.annotations.is_empty() {
            return Ok(());
        }
        let index = LineIndex::new(doc.text);
        for a in doc.annotations {
            for f in rules::findings(a) {
                serde_json::to_writer(&mut self.out, &diagnostic(doc, &index, &f))?;
                self.out.write_all(b"\n")?;
            }
        }
        Ok(())
    }
}
