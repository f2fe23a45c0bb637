//! One self-contained HTML file (inline CSS and JS, nothing fetched): a summary of the
//! batch (documents, claims, counts by verdict, most contradicted entities, errors, an
//! index of documents), then each document's text with its claims highlighted by verdict;
//! a click on a claim opens its details (reading, reference and source link, ratio,
//! suggestion, link notes). Checkboxes filter by verdict. The text of a document without
//! claims is collapsed, so a large batch stays readable.
//!
//! Safety: every string from a document, a path or a reference table goes through askama's
//! HTML escaping (the templates in `templates/` never mark such text `safe`); only
//! `http(s)` URLs become links; and a Content-Security-Policy allows no script but the
//! report's own (by hash), so even a missed escape could not run a script.
//!
//! Documents are written as they come (memory stays flat for large batches); the summary
//! is written last and placed first on screen with CSS (`order: -1`).

use std::io::{self, Write};

use askama::Template;

use super::rules::{self, EntityTally, VERDICTS};
use super::{Document, Printer, Summary, VerdictCounts};
use crate::check::reading_words;
use crate::format::short;
use crate::interval::describe;
use crate::model::{Annotation, Direction};
use crate::position::LineIndex;

/// The report's only script. Its SHA-256 is allowed by the page's CSP; a test checks
/// that [`SCRIPT_SHA256`] matches it.
pub const SCRIPT: &str = r#"
(function () {
  var body = document.body;
  document.querySelectorAll('input[data-filter]').forEach(function (box) {
    box.addEventListener('change', function () {
      body.classList.toggle('hide-' + box.getAttribute('data-filter'), !box.checked);
    });
  });
  function open(id) {
    var d = document.getElementById(id);
    if (!d) return;
    d.open = true;
    document.querySelectorAll('details.current').forEach(function (e) { e.classList.remove('current'); });
    d.classList.add('current');
    d.scrollIntoView({block: 'nearest'});
  }
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest && ev.target.closest('a.claim');
    if (!a) return;
    ev.preventDefault();
    var id = a.getAttribute('href').slice(1);
    history.replaceState(null, '', '#' + id);
    open(id);
  });
  if (location.hash.length > 1) open(decodeURIComponent(location.hash.slice(1)));
})();
"#;

/// `sha256-` + base64 of SHA-256([`SCRIPT`]), as the CSP `script-src` names it.
pub const SCRIPT_SHA256: &str = "sha256-wH1Nq+cMEa4ihtoTFM3jcEea7PDPxYWOJbhLahxHjl0=";

#[derive(Template)]
#[template(
    path = "head.html",
    config = "src/report/templates/askama.toml",
    escape = "html"
)]
struct Head<'a> {
    title: &'a str,
    script_hash: &'a str,
}

#[derive(Template)]
#[template(
    path = "document.html",
    config = "src/report/templates/askama.toml",
    escape = "html"
)]
struct DocView<'a> {
    number: usize,
    path: &'a str,
    counts: VerdictCounts,
    segments: Vec<Segment<'a>>,
    claims: Vec<ClaimView>,
}

#[derive(Template)]
#[template(
    path = "summary.html",
    config = "src/report/templates/askama.toml",
    escape = "html"
)]
struct SummaryView<'a> {
    title: &'a str,
    summary: &'a Summary,
    filters: Vec<(&'static str, &'static str, usize)>,
    entities: Vec<(&'a str, usize)>,
    errors: &'a [(String, String)],
    index: &'a [IndexRow],
    index_open: bool,
    script: &'a str,
}

struct IndexRow {
    number: usize,
    path: String,
    counts: VerdictCounts,
}

/// A run of document text; a claim when `claim` is set.
struct Segment<'a> {
    text: &'a str,
    claim: Option<ClaimLink>,
}

struct ClaimLink {
    id: String,
    class: String,
    title: String,
}

struct ClaimView {
    id: String,
    class: String,
    badge: &'static str,
    verdict: String,
    line: usize,
    column: usize,
    text: String,
    entity: String,
    property: String,
    reading: String,
    interval: String,
    confidence: String,
    link_notes: Vec<String>,
    alternatives: String,
    message: String,
    rule: String,
    reference: Option<ReferenceView>,
    ratio: Option<String>,
    suggestion: Option<String>,
    inconsistencies: Vec<String>,
}

struct ReferenceView {
    value: String,
    interval: String,
    as_of: Option<String>,
    title: String,
    /// Only `http(s)` URLs become links.
    url: Option<String>,
    url_text: String,
    row: String,
}

fn class_of(a: &Annotation) -> String {
    let mut c = format!("v-{}", a.verdict.as_str());
    if !a.inconsistencies.is_empty() {
        c.push_str(" v-inconsistent");
    }
    c
}

fn verdict_label(a: &Annotation) -> String {
    if a.inconsistencies.is_empty() {
        a.verdict.as_str().to_string()
    } else {
        format!("{}, inconsistent", a.verdict.as_str())
    }
}

fn claim_view(doc: &Document, index: &LineIndex, id: String, a: &Annotation) -> ClaimView {
    let q = &a.quantity;
    let p = index.position(doc.text, q.span.start);
    ClaimView {
        id,
        class: class_of(a),
        badge: a.verdict.as_str(),
        verdict: verdict_label(a),
        line: p.line,
        column: p.column,
        text: q.span.slice(doc.text).to_string(),
        entity: a.link.entity.clone(),
        property: a.link.property.clone(),
        reading: reading_words(q),
        interval: describe(&q.interval),
        confidence: format!("{:.2}", a.link.confidence),
        link_notes: a.link.reasons.clone(),
        alternatives: a
            .link
            .alternatives
            .iter()
            .map(|(e, p)| format!("{e}/{p}"))
            .collect::<Vec<_>>()
            .join(", "),
        message: a.message.clone(),
        rule: a.rule.clone(),
        reference: a.reference.as_ref().map(|r| ReferenceView {
            value: format!("{} {}", short(r.value), r.unit),
            interval: format!("{} – {} ({})", short(r.low), short(r.high), r.interval_rule),
            as_of: r.as_of.clone(),
            title: r.source_title.clone(),
            url: rules::is_web_url(&r.source_url).then(|| r.source_url.clone()),
            url_text: r.source_url.clone(),
            row: r.origin.clone(),
        }),
        ratio: a.ratio.map(|x| {
            let dir = match a.direction {
                Some(Direction::Overstated) => " (overstated)",
                Some(Direction::Understated) => " (understated)",
                None => "",
            };
            format!("{}×{dir}", short(x))
        }),
        suggestion: a.suggestion.clone(),
        inconsistencies: a
            .inconsistencies
            .iter()
            .map(|i| i.message.clone())
            .collect(),
    }
}

/// Splits the text into plain runs and claims. A claim overlapping an earlier one is
/// not highlighted (it is still listed).
fn segments<'a>(doc: &Document<'a>, number: usize) -> Vec<Segment<'a>> {
    let mut out = Vec::with_capacity(doc.annotations.len() * 2 + 1);
    let mut at = 0;
    for (i, a) in doc.annotations.iter().enumerate() {
        let s = a.quantity.span;
        if s.start < at || s.end > doc.text.len() || s.is_empty() {
            continue;
        }
        if s.start > at {
            out.push(Segment {
                text: &doc.text[at..s.start],
                claim: None,
            });
        }
        out.push(Segment {
            text: &doc.text[s.start..s.end],
            claim: Some(ClaimLink {
                id: format!("c{number}-{}", i + 1),
                class: class_of(a),
                title: format!("{}: {}", verdict_label(a), a.message),
            }),
        });
        at = s.end;
    }
    if at < doc.text.len() {
        out.push(Segment {
            text: &doc.text[at..],
            claim: None,
        });
    }
    out
}

pub struct HtmlPrinter<W: Write> {
    out: W,
    title: String,
    started: bool,
    documents: usize,
    entities: EntityTally,
    errors: Vec<(String, String)>,
    index: Vec<IndexRow>,
}

impl<W: Write> HtmlPrinter<W> {
    pub fn new(out: W) -> Self {
        Self::with_title(out, "numcheck report")
    }

    pub fn with_title(out: W, title: &str) -> Self {
        HtmlPrinter {
            out,
            title: title.to_string(),
            started: false,
            documents: 0,
            entities: EntityTally::default(),
            errors: Vec::new(),
            index: Vec::new(),
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            Head {
                title: &self.title,
                script_hash: SCRIPT_SHA256,
            }
            .write_into(&mut self.out)?;
        }
        Ok(())
    }
}

impl<W: Write> Printer for HtmlPrinter<W> {
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        self.start()?;
        self.documents += 1;
        let number = self.documents;
        self.entities.add(doc.annotations);
        let index = LineIndex::new(doc.text);
        let claims = doc
            .annotations
            .iter()
            .enumerate()
            .map(|(i, a)| claim_view(doc, &index, format!("c{number}-{}", i + 1), a))
            .collect();
        let view = DocView {
            number,
            path: doc.path,
            counts: VerdictCounts::of(doc.annotations),
            segments: segments(doc, number),
            claims,
        };
        self.index.push(IndexRow {
            number,
            path: doc.path.to_string(),
            counts: view.counts,
        });
        view.write_into(&mut self.out)
    }

    fn error(&mut self, path: &str, message: &str) -> io::Result<()> {
        self.errors.push((
            path.to_string(),
            super::error_detail(path, message).to_string(),
        ));
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        self.start()?;
        let filters = VERDICTS
            .iter()
            .map(|v| {
                let n = match v {
                    crate::model::Verdict::Supported => summary.supported,
                    crate::model::Verdict::Contradicted => summary.contradicted,
                    crate::model::Verdict::Unverifiable => summary.unverifiable,
                };
                (v.as_str(), v.as_str(), n)
            })
            .chain([("inconsistent", "inconsistent", summary.inconsistent)])
            .collect();
        SummaryView {
            title: &self.title,
            summary,
            filters,
            entities: self.entities.top(10),
            errors: &self.errors,
            index: &self.index,
            index_open: self.index.len() <= 50,
            script: SCRIPT,
        }
        .write_into(&mut self.out)?;
        self.out.flush()
    }
}
