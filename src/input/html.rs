//! The visible text of an HTML page, with a source map back to the page's bytes.
//!
//! A small hand-written tokenizer (no crate gives byte offsets for text and entities in
//! one pass): comments, doctypes and processing instructions are dropped; `script`,
//! `style`, `nav`, `head`, `noscript`, `template`, `svg`, `iframe` and `object` are
//! skipped with their content; block elements become paragraph breaks (so no sentence
//! runs from one block into the next), `<br>` a line break, `<sup>` after a digit a `^`
//! (so `10<sup>11</sup>` reads as `10^11`); entities are decoded; a line break in text
//! is a space (as rendered), except inside `<pre>`. Everything else is copied verbatim,
//! so offsets inside text map one to one.

use super::sourcemap::{SourceMap, SourceMapBuilder};

/// Elements skipped with everything inside them.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "head", "noscript", "template", "svg", "iframe", "object", "title",
];

/// Elements whose content is raw text (no tags inside): find the end tag literally.
const RAW_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "title", "textarea", "xmp",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The visible text of `src` and the map from it back to `src`.
pub fn html_to_text(src: &str) -> (String, SourceMap) {
    let b = src.as_bytes();
    let mut out = SourceMapBuilder::new(src);
    let mut i = 0;
    let mut text_start = 0;
    let mut pre = 0usize;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let Some(tag) = parse_markup(b, i) else {
            // A stray '<' is text.
            i += 1;
            continue;
        };
        push_text(&mut out, src, text_start, i, pre > 0);
        let mut next = tag.end;
        match tag.kind {
            Kind::Other => {}
            Kind::Start => {
                let name = tag.name(src);
                if SKIPPED.contains(&name.as_str()) && !tag.self_closing {
                    next = skip_element(src, &name, tag.end);
                    out.paragraph_break(i);
                } else if name == "br" {
                    out.line_break(i);
                } else if name == "sup" {
                    if out.text().ends_with(|c: char| c.is_ascii_digit()) {
                        out.replace(i..tag.end, "^");
                    }
                } else if name == "img" || name == "wbr" {
                    // Nothing visible as text.
                } else if BLOCKS.contains(&name.as_str()) {
                    out.paragraph_break(i);
                }
                if name == "pre" || name == "textarea" || name == "listing" {
                    pre += 1;
                }
            }
            Kind::End => {
                let name = tag.name(src);
                if name == "pre" || name == "textarea" || name == "listing" {
                    pre = pre.saturating_sub(1);
                }
                if BLOCKS.contains(&name.as_str()) {
                    out.paragraph_break(i);
                }
            }
        }
        i = next;
        text_start = next;
    }
    push_text(&mut out, src, text_start, b.len(), pre > 0);
    out.finish()
}

/// Copies text `src[from..to]`, decoding character references; outside `<pre>` a line
/// break is a space.
fn push_text(out: &mut SourceMapBuilder, src: &str, from: usize, to: usize, pre: bool) {
    let b = src.as_bytes();
    let mut run = from;
    let mut i = from;
    while i < to {
        if !pre && (b[i] == b'\n' || b[i] == b'\r') {
            let end = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') && i + 1 < to {
                i + 2
            } else {
                i + 1
            };
            out.copy(run..i);
            if !(out.text().is_empty() || out.text().ends_with(['\n', ' '])) {
                out.replace(i..end, " ");
            }
            i = end;
            run = end;
            continue;
        }
        if b[i] == b'&'
            && let Some((end, decoded)) = entity(src, i, to)
        {
            out.copy(run..i);
            out.replace(i..end, &decoded);
            i = end;
            run = end;
            continue;
        }
        i += 1;
    }
    out.copy(run..to);
}

/// A character reference at `src[at]` (an `&`): its end and decoded text.
fn entity(src: &str, at: usize, limit: usize) -> Option<(usize, String)> {
    let b = src.as_bytes();
    let mut j = at + 1;
    while j < limit && j - at <= 40 && (b[j].is_ascii_alphanumeric() || b[j] == b'#') {
        j += 1;
    }
    if j == at + 1 {
        return None;
    }
    let end = if j < limit && b[j] == b';' { j + 1 } else { j };
    let candidate = &src[at..end];
    let decoded = htmlize::unescape(candidate);
    if decoded == candidate {
        return None;
    }
    Some((end, decoded.into_owned()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    End,
    /// Comment, doctype, processing instruction, CDATA.
    Other,
}

#[derive(Debug)]
struct Markup {
    kind: Kind,
    name_range: (usize, usize),
    end: usize,
    self_closing: bool,
}

impl Markup {
    fn name(&self, src: &str) -> String {
        src[self.name_range.0..self.name_range.1].to_ascii_lowercase()
    }
}

/// Parses the markup starting at `b[at] == b'<'`; `None` if it is not markup (a literal `<`).
fn parse_markup(b: &[u8], at: usize) -> Option<Markup> {
    let rest = &b[at..];
    let other = |end: usize| Markup {
        kind: Kind::Other,
        name_range: (at, at),
        end,
        self_closing: false,
    };
    if rest.starts_with(b"<!--") {
        let end = find(b, at + 4, b"-->").map_or(b.len(), |e| e + 3);
        return Some(other(end));
    }
    if rest.starts_with(b"<![CDATA[") {
        let end = find(b, at + 9, b"]]>").map_or(b.len(), |e| e + 3);
        return Some(other(end));
    }
    if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
        let end = find(b, at + 2, b">").map_or(b.len(), |e| e + 1);
        return Some(other(end));
    }
    let (kind, name_start) = if rest.starts_with(b"</") {
        (Kind::End, at + 2)
    } else {
        (Kind::Start, at + 1)
    };
    if !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut j = name_start;
    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
        j += 1;
    }
    let name_range = (name_start, j);
    // Attributes: skip to the closing '>' outside quotes.
    let mut quote = None;
    while j < b.len() {
        let c = b[j];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => {
                return Some(Markup {
                    kind,
                    name_range,
                    end: j + 1,
                    self_closing: b[j - 1] == b'/',
                });
            }
            None => {}
        }
        j += 1;
    }
    // Unclosed tag: it runs to the end of the document.
    Some(Markup {
        kind,
        name_range,
        end: b.len(),
        self_closing: false,
    })
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    b[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Case-insensitive search for `</name` followed by a delimiter.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<(usize, usize)> {
    let n = name.as_bytes();
    let mut i = from;
    while let Some(p) = find(b, i, b"</") {
        let s = p + 2;
        if b.len() >= s + n.len()
            && b[s..s + n.len()].eq_ignore_ascii_case(n)
            && b.get(s + n.len())
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            let end = find(b, s + n.len(), b">").map_or(b.len(), |e| e + 1);
            return Some((p, end));
        }
        i = p + 2;
    }
    None
}

/// The offset just past the element `name` whose start tag ends at `from`.
fn skip_element(src: &str, name: &str, from: usize) -> usize {
    let b = src.as_bytes();
    if RAW_TEXT.contains(&name) {
        return find_end_tag(b, from, name).map_or(b.len(), |(_, e)| e);
    }
    // Nested elements of the same name count; an implied end of <head> at <body>.
    let mut depth = 1;
    let mut i = from;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let Some(tag) = parse_markup(b, i) else {
            i += 1;
            continue;
        };
        let tag_name = tag.name(src);
        match tag.kind {
            Kind::Start if name == "head" && tag_name == "body" => return i,
            Kind::Start if tag_name == name && !tag.self_closing => depth += 1,
            Kind::Start if RAW_TEXT.contains(&tag_name.as_str()) && !tag.self_closing => {
                i = find_end_tag(b, tag.end, &tag_name).map_or(b.len(), |(_, e)| e);
                continue;
            }
            Kind::End if tag_name == name => {
                depth -= 1;
                if depth == 0 {
                    return tag.end;
                }
            }
            _ => {}
        }
        i = tag.end;
    }
    b.len()
}

/// The charset declared by a `<meta charset>` or `<meta http-equiv content="...charset=">`
/// in the first 4 KB of a page.
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|c| c.to_ascii_lowercase()).collect();
    let mut i = 0;
    while let Some(p) = find(&lower, i, b"<meta") {
        let end = find(&lower, p, b">").unwrap_or(lower.len());
        let tag = &lower[p..end];
        if let Some(c) = find(tag, 0, b"charset") {
            let mut j = c + 7;
            while j < tag.len() && (tag[j].is_ascii_whitespace() || tag[j] == b'=') {
                j += 1;
            }
            while j < tag.len() && (tag[j] == b'"' || tag[j] == b'\'') {
                j += 1;
            }
            let start = j;
            while j < tag.len()
                && (tag[j].is_ascii_alphanumeric() || matches!(tag[j], b'-' | b'_' | b':' | b'.'))
            {
                j += 1;
            }
            if j > start {
                return Some(String::from_utf8_lossy(&tag[start..j]).into_owned());
            }
        }
        i = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn visible(src: &str) -> String {
        html_to_text(src).0
    }

    #[test]
    fn keeps_visible_text_and_skips_scripts_styles_nav_and_head() {
        let src = "<!DOCTYPE html><html><head><title>86 billion</title><style>p{}</style></head>\
                   <body><nav><ul><li>Home 1</li></ul></nav><!-- 5 -->\
                   <p>Humans have <b>86&nbsp;billion</b> neurons.</p>\
                   <script>var x = '</p>10^7';</script><p>Mice &amp; rats.</p></body></html>";
        let text = visible(src);
        assert!(
            text.contains("Humans have 86\u{a0}billion neurons."),
            "{text:?}"
        );
        assert!(text.contains("Mice & rats."), "{text:?}");
        for gone in ["Home", "10^7", "p{}", "5", "title"] {
            assert!(!text.contains(gone), "{gone} in {text:?}");
        }
        // Blocks are separated by blank lines.
        assert!(text.contains("neurons.\n\nMice"), "{text:?}");
    }

    #[test]
    fn spans_map_back_to_the_page() {
        let src = "<p>Humans have about <em>86&nbsp;billion</em> neurons and 10<sup>11</sup> synapses.</p>";
        let (text, map) = html_to_text(src);
        let s = text.find("about").unwrap();
        let e = text.find("billion").unwrap() + "billion".len();
        let m = map.map_span(Span::new(s, e));
        assert_eq!(&src[m.start..m.end], "about <em>86&nbsp;billion");
        assert!(text.contains("10^11 synapses"), "{text:?}");
        let s = text.find("10^11").unwrap();
        let m = map.map_span(Span::new(s, s + 5));
        assert_eq!(&src[m.start..m.end], "10<sup>11");
    }

    #[test]
    fn nested_skipped_elements_and_unclosed_head() {
        let src = "<head><meta charset=utf-8><body><nav>a<nav>b</nav>c</nav>d <x y='>'>e</x>";
        assert_eq!(visible(src).trim(), "d e");
        assert_eq!(meta_charset(src.as_bytes()).as_deref(), Some("utf-8"));
        let m = br#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#;
        assert_eq!(meta_charset(m).as_deref(), Some("iso-8859-1"));
    }

    #[test]
    fn a_stray_angle_bracket_is_text() {
        assert_eq!(visible("a < 5 and b <3"), "a < 5 and b <3");
    }
}
