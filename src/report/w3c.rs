//! The W3C Web Annotation data model (JSON-LD): an `AnnotationCollection` whose first
//! page holds one `Annotation` per claim (every verdict), motivation `assessing`. Each
//! targets its document with a `TextQuoteSelector` (the claim, 32 code points of prefix
//! and suffix) and a `TextPositionSelector` (code-point offsets from the start of the
//! document, end exclusive). Bodies: the verdict (`assessing`), the message
//! (`commenting`) and, for contradicted claims, the suggested replacement (`editing`).
//!
//! Streamed: annotations are written as documents come; `total` closes the collection.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::rules;
use super::{Document, Printer, Summary};
use crate::model::Annotation;
use crate::position::{CharCounter, quote_context};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Code points of prefix and suffix in a `TextQuoteSelector`.
pub const QUOTE_CONTEXT: usize = 32;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct WebAnnotation {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub motivation: String,
    pub body: Vec<Body>,
    pub target: Target,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Body {
    #[serde(rename = "type")]
    pub kind: String,
    pub purpose: String,
    pub value: String,
    pub format: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Target {
    pub source: String,
    pub selector: Vec<Selector>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type")]
pub enum Selector {
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

fn body(purpose: &str, value: &str) -> Body {
    Body {
        kind: "TextualBody".into(),
        purpose: purpose.into(),
        value: value.into(),
        format: "text/plain".into(),
    }
}

pub fn annotation(
    doc: &Document,
    chars: &mut CharCounter,
    doc_number: usize,
    a: &Annotation,
) -> WebAnnotation {
    let span = a.quantity.span;
    let (prefix, suffix) = quote_context(doc.text, span, QUOTE_CONTEXT);
    let start = chars.char_offset(span.start);
    let end = chars.char_offset(span.end);
    let verdict = if a.inconsistencies.is_empty() {
        a.verdict.as_str().to_string()
    } else {
        format!("{}, inconsistent", a.verdict.as_str())
    };
    let mut bodies = vec![body("assessing", &verdict), body("commenting", &a.message)];
    for i in &a.inconsistencies {
        bodies.push(body("commenting", &i.message));
    }
    if let Some(s) = &a.suggestion {
        bodies.push(body("editing", s));
    }
    WebAnnotation {
        id: format!("urn:numcheck:doc{doc_number}:{start}-{end}"),
        kind: "Annotation".into(),
        motivation: "assessing".into(),
        body: bodies,
        target: Target {
            source: rules::uri_reference(doc.path),
            selector: vec![
                Selector::TextQuoteSelector {
                    exact: span.slice(doc.text).into(),
                    prefix: prefix.into(),
                    suffix: suffix.into(),
                },
                Selector::TextPositionSelector { start, end },
            ],
        },
    }
}

pub struct W3cPrinter<W: Write> {
    out: W,
    started: bool,
    documents: usize,
    total: usize,
}

impl<W: Write> W3cPrinter<W> {
    pub fn new(out: W) -> Self {
        W3cPrinter {
            out,
            started: false,
            documents: 0,
            total: 0,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write!(
                self.out,
                "{{\"@context\":{},\"type\":\"AnnotationCollection\",\"label\":\"numcheck report\",\
                 \"first\":{{\"type\":\"AnnotationPage\",\"items\":[",
                serde_json::to_string(CONTEXT)?
            )?;
        }
        Ok(())
    }
}

impl<W: Write> Printer for W3cPrinter<W> {
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        self.start()?;
        self.documents += 1;
        let mut chars = CharCounter::new(doc.text);
        for a in doc.annotations {
            let anno = annotation(doc, &mut chars, self.documents, a);
            self.out
                .write_all(if self.total == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer(&mut self.out, &anno)?;
            self.total += 1;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.start()?;
        writeln!(self.out, "\n]}},\"total\":{}}}", self.total)?;
        self.out.flush()
    }
}
