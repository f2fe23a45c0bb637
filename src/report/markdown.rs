//! Markdown for pasting into a ticket: the batch summary (counts by verdict, most
//! contradicted entities, errors), then one table per document with a row per claim.
//! Cells are escaped (`|`, Markdown punctuation, HTML brackets) and line breaks inside a
//! cell become spaces. The summary comes first, so the per-document tables are kept until
//! the batch ends (their size is proportional to the claims, not to the texts).

use std::fmt::Write as _;
use std::io::{self, Write};

use super::rules::{self, EntityTally};
use super::{Document, Printer, Summary};
use crate::check::reading_words;
use crate::format::short;
use crate::position::LineIndex;

/// Escapes text for a table cell: backslash-escapes Markdown punctuation and `|`, and
/// turns line breaks and tabs into spaces.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut last_space = false;
    for c in s.chars() {
        match c {
            '\r' | '\n' | '\t' => {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                continue;
            }
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        last_space = c == ' ';
    }
    out
}

/// A link when `url` is an http(s) URL, escaped text otherwise.
fn link(title: &str, url: &str) -> String {
    if rules::is_web_url(url) {
        let mut u = String::new();
        for c in url.chars() {
            match c {
                ' ' => u.push_str("%20"),
                '(' => u.push_str("%28"),
                ')' => u.push_str("%29"),
                '<' => u.push_str("%3C"),
                '>' => u.push_str("%3E"),
                '|' => u.push_str("%7C"),
                '\n' | '\r' | '\t' => {}
                _ => u.push(c),
            }
        }
        format!("[{}]({u})", cell(title))
    } else if url.is_empty() {
        cell(title)
    } else {
        format!("{} ({})", cell(title), cell(url))
    }
}

pub struct MarkdownPrinter<W: Write> {
    out: W,
    body: String,
    errors: Vec<(String, String)>,
    entities: EntityTally,
}

impl<W: Write> MarkdownPrinter<W> {
    pub fn new(out: W) -> Self {
        MarkdownPrinter {
            out,
            body: String::new(),
            errors: Vec::new(),
            entities: EntityTally::default(),
        }
    }
}

impl<W: Write> Printer for MarkdownPrinter<W> {
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        self.entities.add(doc.annotations);
        let b = &mut self.body;
        let n = doc.annotations.len();
        let _ = writeln!(
            b,
            "\n### {} ({} claim{})\n",
            cell(doc.path),
            n,
            if n == 1 { "" } else { "s" }
        );
        if n == 0 {
            let _ = writeln!(b, "No claims linked to a reference entity.");
            return Ok(());
        }
        let _ = writeln!(
            b,
            "| line:col | claim | verdict | entity / property | reading | reference | ratio | suggestion |"
        );
        let _ = writeln!(b, "|---|---|---|---|---|---|---|---|");
        let index = LineIndex::new(doc.text);
        for a in doc.annotations {
            let q = &a.quantity;
            let p = index.position(doc.text, q.span.start);
            let mut verdict = format!("**{}**", a.verdict.as_str());
            if !a.inconsistencies.is_empty() {
                verdict.push_str(", inconsistent");
            }
            let reference = a.reference.as_ref().map_or_else(
                || "—".to_string(),
                |r| {
                    let mut s = format!("{} {}", short(r.value), cell(&r.unit));
                    let (lo, hi) = (short(r.low), short(r.high));
                    if lo != hi {
                        let _ = write!(s, " ({lo}–{hi})");
                    }
                    if let Some(y) = &r.as_of {
                        let _ = write!(s, ", {}", cell(y));
                    }
                    let _ = write!(s, "; {}", link(&r.source_title, &r.source_url));
                    s
                },
            );
            let ratio = match (a.ratio, a.direction) {
                (Some(r), Some(d)) => format!(
                    "{}× {}",
                    short(r),
                    match d {
                        crate::model::Direction::Overstated => "overstated",
                        crate::model::Direction::Understated => "understated",
                    }
                ),
                (Some(r), None) => format!("{}×", short(r)),
                _ => String::new(),
            };
            let _ = writeln!(
                b,
                "| {}:{} | {} | {} | {} / {} | {} | {} | {} | {} |",
                p.line,
                p.column,
                cell(q.span.slice(doc.text)),
                verdict,
                cell(&a.link.entity),
                cell(&a.link.property),
                cell(&reading_words(q)),
                reference,
                ratio,
                a.suggestion.as_deref().map(cell).unwrap_or_default()
            );
        }
        let notes: Vec<String> = doc
            .annotations
            .iter()
            .filter(|a| !a.inconsistencies.is_empty())
            .flat_map(|a| a.inconsistencies.iter().map(|i| cell(&i.message)))
            .collect();
        if !notes.is_empty() {
            let _ = writeln!(b, "\nInconsistencies:\n");
            for n in notes {
                let _ = writeln!(b, "- {n}");
            }
        }
        Ok(())
    }

    fn error(&mut self, path: &str, message: &str) -> io::Result<()> {
        self.errors.push((
            path.to_string(),
            super::error_detail(path, message).to_string(),
        ));
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let o = &mut self.out;
        writeln!(o, "## numcheck report\n")?;
        writeln!(o, "{}\n", cell(&s.line()))?;
        writeln!(
            o,
            "| documents | claims | contradicted | inconsistent | unverifiable | supported | errors |"
        )?;
        writeln!(o, "|---:|---:|---:|---:|---:|---:|---:|")?;
        writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} |",
            s.documents,
            s.claims,
            s.contradicted,
            s.inconsistent,
            s.unverifiable,
            s.supported,
            s.errors
        )?;
        let top = self.entities.top(10);
        if !top.is_empty() {
            writeln!(o, "\nMost contradicted entities:\n")?;
            writeln!(o, "| entity | contradicted claims |\n|---|---:|")?;
            for (e, n) in top {
                writeln!(o, "| {} | {n} |", cell(e))?;
            }
        }
        if !self.errors.is_empty() {
            writeln!(o, "\nErrors (not checked):\n")?;
            for (p, m) in &self.errors {
                writeln!(o, "- {}: {}", cell(p), cell(m))?;
            }
        }
        o.write_all(self.body.as_bytes())?;
        o.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_markup_and_line_breaks() {
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(cell("about\n200 million"), "about 200 million");
        assert_eq!(cell("x\r\n\ty"), "x y");
        assert_eq!(cell("<script>*x*_[y]`"), "\\<script\\>\\*x\\*\\_\\[y\\]\\`");
        assert_eq!(link("T", "javascript:alert(1)"), "T (javascript:alert(1))");
        assert_eq!(
            link("T|x", "https://e.org/a b(c)"),
            "[T\\|x](https://e.org/a%20b%28c%29)"
        );
    }
}
