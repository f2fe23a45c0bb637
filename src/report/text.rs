//! rustc-like diagnostics: verdict and message, location, the source line with a caret
//! under the claim, then suggestion, inconsistencies and source.

use std::io::{self, Write};

use super::{Document, Printer, Summary};
use crate::model::Verdict;
use crate::position::LineIndex;

pub struct TextPrinter<W: Write> {
    out: W,
    color: bool,
}

const RED: &str = "\x1b[1;31m";
const GREEN: &str = "\x1b[1;32m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Most characters of a source line shown either side of the claim.
const CONTEXT_CHARS: usize = 50;

impl<W: Write> TextPrinter<W> {
    pub fn new(out: W, color: bool) -> Self {
        TextPrinter { out, color }
    }

    fn paint(&self, style: &str, s: &str) -> String {
        if self.color {
            format!("{style}{s}{RESET}")
        } else {
            s.to_string()
        }
    }
}

impl<W: Write> Printer for TextPrinter<W> {
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        let index = LineIndex::new(doc.text);
        for a in doc.annotations {
            let q = &a.quantity;
            let pos = index.position(doc.text, q.span.start);
            let (label, style) = match a.verdict {
                Verdict::Supported => ("supported", GREEN),
                Verdict::Contradicted => ("contradicted", RED),
                Verdict::Unverifiable => ("unverifiable", YELLOW),
            };
            let label = if a.inconsistencies.is_empty() {
                label.to_string()
            } else {
                format!("{label}, inconsistent")
            };
            writeln!(
                self.out,
                "{}: {}",
                self.paint(style, &label),
                self.paint(BOLD, &a.message)
            )?;
            let gutter = pos.line.to_string().len();
            let pad = " ".repeat(gutter);
            writeln!(
                self.out,
                "{pad}{} {}:{}:{}",
                self.paint(BLUE, "-->"),
                doc.path,
                pos.line,
                pos.column
            )?;
            writeln!(self.out, "{pad} {}", self.paint(BLUE, "|"))?;
            // The claim's line, cut to a window around the claim.
            let line = index.line_text(doc.text, pos.line);
            let chars: Vec<char> = line.chars().collect();
            let claim_start = pos.column - 1;
            let end_pos = index.position(doc.text, q.span.end);
            let claim_end = if end_pos.line == pos.line {
                end_pos.column - 1
            } else {
                chars.len()
            };
            let from = claim_start.saturating_sub(CONTEXT_CHARS);
            let to = (claim_end + CONTEXT_CHARS).min(chars.len());
            let lead = if from > 0 { "…" } else { "" };
            let tail = if to < chars.len() { "…" } else { "" };
            let shown: String = chars[from..to].iter().collect();
            writeln!(
                self.out,
                "{} {} {lead}{shown}{tail}",
                self.paint(BLUE, &pos.line.to_string()),
                self.paint(BLUE, "|")
            )?;
            let caret_pad = " ".repeat(claim_start - from + lead.chars().count());
            let carets = "^".repeat((claim_end - claim_start).max(1));
            let note = match &a.suggestion {
                Some(s) => format!(" suggestion: {s}"),
                None => format!(" {label}"),
            };
            writeln!(
                self.out,
                "{pad} {} {caret_pad}{}",
                self.paint(BLUE, "|"),
                self.paint(style, &format!("{carets}{note}"))
            )?;
            for i in &a.inconsistencies {
                writeln!(
                    self.out,
                    "{pad} {} note: {}",
                    self.paint(BLUE, "="),
                    i.message
                )?;
            }
            if !a.link.reasons.is_empty() || !a.link.alternatives.is_empty() {
                let mut notes = a.link.reasons.clone();
                if !a.link.alternatives.is_empty() {
                    let alts: Vec<String> = a
                        .link
                        .alternatives
                        .iter()
                        .map(|(e, p)| format!("{e}/{p}"))
                        .collect();
                    notes.push(format!("also plausible: {}", alts.join(", ")));
                }
                writeln!(
                    self.out,
                    "{pad} {} link: {} / {} (confidence {:.2}; {})",
                    self.paint(BLUE, "="),
                    a.link.entity,
                    a.link.property,
                    a.link.confidence,
                    notes.join("; ")
                )?;
            }
            if let Some(r) = &a.reference {
                writeln!(
                    self.out,
                    "{pad} {} source: {} <{}> ({})",
                    self.paint(BLUE, "="),
                    r.source_title,
                    r.source_url,
                    r.origin
                )?;
            }
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        writeln!(self.out, "{}", summary.line())
    }
}
