//! Printers. Each is a sink: it receives checked documents one at a time and writes
//! them out. Printers never re-parse text; positions come from `crate::position`.

pub mod html;
pub mod markdown;
pub mod rdjsonl;
mod record;
pub mod rules;
pub mod sarif;
mod text;
pub mod w3c;

pub use html::HtmlPrinter;
pub use markdown::MarkdownPrinter;
pub use rdjsonl::RdjsonlPrinter;
pub use record::{ExtractRecord, Record, ReferenceRecord};
pub use sarif::SarifPrinter;
pub use text::TextPrinter;
pub use w3c::W3cPrinter;

use std::io::{self, Write};

use crate::model::{Annotation, Quantity, Verdict};

/// One checked document, as handed to a printer.
pub struct Document<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub annotations: &'a [Annotation],
}

/// Counts for the closing summary line.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Summary {
    pub documents: usize,
    pub claims: usize,
    pub supported: usize,
    pub contradicted: usize,
    pub unverifiable: usize,
    pub inconsistent: usize,
    pub errors: usize,
}

/// One document's claims by verdict (the per-document counts of the HTML report and of
/// JSONL result lines).
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct VerdictCounts {
    pub claims: usize,
    pub supported: usize,
    pub contradicted: usize,
    pub unverifiable: usize,
    pub inconsistent: usize,
}

impl VerdictCounts {
    pub fn of(anns: &[Annotation]) -> VerdictCounts {
        let mut s = Summary::default();
        s.add(anns);
        VerdictCounts {
            claims: s.claims,
            supported: s.supported,
            contradicted: s.contradicted,
            unverifiable: s.unverifiable,
            inconsistent: s.inconsistent,
        }
    }
}

impl Summary {
    pub fn add(&mut self, anns: &[Annotation]) {
        self.documents += 1;
        self.claims += anns.len();
        for a in anns {
            match a.verdict {
                Verdict::Supported => self.supported += 1,
                Verdict::Contradicted => self.contradicted += 1,
                Verdict::Unverifiable => self.unverifiable += 1,
            }
            if !a.inconsistencies.is_empty() {
                self.inconsistent += 1;
            }
        }
    }

    pub fn line(&self) -> String {
        format!(
            "{} document{}, {} claim{}: {} supported, {} contradicted, {} unverifiable, {} inconsistent; {} error{}",
            self.documents,
            plural(self.documents),
            self.claims,
            plural(self.claims),
            self.supported,
            self.contradicted,
            self.unverifiable,
            self.inconsistent,
            self.errors,
            plural(self.errors)
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// An input error without its leading `path: ` (reports show the path in its own column).
pub(crate) fn error_detail<'m>(path: &str, message: &'m str) -> &'m str {
    message
        .strip_prefix(path)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(message)
}

/// A sink for checked documents.
pub trait Printer {
    fn document(&mut self, doc: &Document) -> io::Result<()>;
    /// A document that could not be read or fetched; the batch goes on.
    fn error(&mut self, _path: &str, _message: &str) -> io::Result<()> {
        Ok(())
    }
    /// Called once after the last document.
    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Csv,
    /// One self-contained HTML report (summary, texts with highlighted claims).
    Html,
    /// A summary and a table per document, for pasting into a ticket.
    Markdown,
    /// SARIF 2.1.0 for code scanning (findings only).
    Sarif,
    /// reviewdog diagnostics, one per line (findings only).
    Rdjsonl,
    /// W3C Web Annotations (JSON-LD), one per claim.
    W3c,
}

/// The printer for a format, writing to `out`.
pub fn make_printer<'w>(
    format: Format,
    out: Box<dyn Write + 'w>,
    color: bool,
) -> Box<dyn Printer + 'w> {
    match format {
        Format::Text => Box::new(TextPrinter::new(out, color)),
        Format::Json => Box::new(JsonPrinter::new(out)),
        Format::Jsonl => Box::new(JsonlPrinter::new(out)),
        Format::Csv => Box::new(CsvPrinter::new(out)),
        Format::Html => Box::new(HtmlPrinter::new(out)),
        Format::Markdown => Box::new(MarkdownPrinter::new(out)),
        Format::Sarif => Box::new(SarifPrinter::new(out)),
        Format::Rdjsonl => Box::new(RdjsonlPrinter::new(out)),
        Format::W3c => Box::new(W3cPrinter::new(out)),
    }
}

/// JSON Lines: one annotation per line.
pub struct JsonlPrinter<W: Write> {
    out: W,
}

impl<W: Write> JsonlPrinter<W> {
    pub fn new(out: W) -> Self {
        JsonlPrinter { out }
    }
}

impl<W: Write> Printer for JsonlPrinter<W> {
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        for r in Record::all(doc) {
            serde_json::to_writer(&mut self.out, &r)?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// One JSON document: `{"annotations": [...], "summary": {...}}`.
pub struct JsonPrinter<W: Write> {
    out: W,
    records: Vec<serde_json::Value>,
}

impl<W: Write> JsonPrinter<W> {
    pub fn new(out: W) -> Self {
        JsonPrinter {
            out,
            records: Vec::new(),
        }
    }
}

impl<W: Write> Printer for JsonPrinter<W> {
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        for r in Record::all(doc) {
            self.records
                .push(serde_json::to_value(&r).map_err(io::Error::other)?);
        }
        Ok(())
    }
    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let v = serde_json::json!({ "annotations": self.records, "summary": summary });
        serde_json::to_writer_pretty(&mut self.out, &v)?;
        self.out.write_all(b"\n")
    }
}

/// CSV: one row per annotation, the reference flattened into `reference_*` columns.
pub struct CsvPrinter<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
}

impl<W: Write> CsvPrinter<W> {
    pub fn new(out: W) -> Self {
        CsvPrinter {
            out: csv::Writer::from_writer(out),
            header_written: false,
        }
    }
}

impl<W: Write> Printer for CsvPrinter<W> {
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        if !self.header_written {
            self.out.write_record(record::CSV_HEADER)?;
            self.header_written = true;
        }
        for r in Record::all(doc) {
            self.out.write_record(r.csv_row())?;
        }
        Ok(())
    }
    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        if !self.header_written {
            self.out.write_record(record::CSV_HEADER)?;
        }
        self.out.flush()
    }
}

/// Quantities (for `numcheck extract`).
pub fn extract_records<'a>(
    path: &'a str,
    text: &'a str,
    qs: &'a [Quantity],
) -> impl Iterator<Item = ExtractRecord> + 'a {
    let index = crate::position::LineIndex::new(text);
    qs.iter()
        .map(move |q| ExtractRecord::new(path, text, &index, q))
}
