//! The prose of a Markdown document, with a source map back to its bytes.
//!
//! Uses pulldown-cmark's offset iterator: text events are copied (verbatim when the event
//! text is the source slice, else as a replacement of that slice, e.g. an escape or an
//! entity); code blocks, inline code, raw HTML, image alt text, autolinks, front matter
//! and footnote references are dropped; link URLs never appear (only the link text is
//! kept). Every block ends with a paragraph break, so no sentence runs from a heading or
//! a list item into the next block; a soft line break inside a paragraph is a space, as
//! when rendered.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::sourcemap::{SourceMap, SourceMapBuilder};

pub fn markdown_to_text(src: &str) -> (String, SourceMap) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut out = SourceMapBuilder::new(src);
    // Depth of elements whose text is not prose (code blocks, images, autolinks, metadata).
    let mut hidden = 0usize;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) => hidden += 1,
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => hidden += 1,
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_) => out.paragraph_break(range.start),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) => {
                    hidden = hidden.saturating_sub(1);
                    out.paragraph_break(range.end);
                }
                TagEnd::Link => {
                    // Only autolinks were counted; a plain link's end is harmless here
                    // because `hidden` is only raised by autolinks and the tags above.
                }
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition => out.paragraph_break(range.end),
                _ => {}
            },
            Event::Text(text) if hidden == 0 => out.replace(range, &text),
            // A soft break is a space in the rendered paragraph (the sentence goes on).
            Event::SoftBreak if hidden == 0 => out.replace(range.clone(), " "),
            Event::HardBreak if hidden == 0 => out.line_break(range.start),
            Event::Rule => out.paragraph_break(range.start),
            // Inline HTML is markup, but `10<sup>11</sup>` reads as `10^11` and `<br>`
            // breaks the line, as in an HTML page.
            Event::InlineHtml(tag) if hidden == 0 => {
                let tag = tag.to_ascii_lowercase();
                if tag.starts_with("<sup") && out.text().ends_with(|c: char| c.is_ascii_digit()) {
                    out.replace(range, "^");
                } else if tag.starts_with("<br") {
                    out.line_break(range.start);
                }
            }
            _ => {}
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn prose_only() {
        let src = "---\ntitle: 5 things\n---\n# Brains in 2024\n\nHumans have **about 86 billion** \
                   neurons ([source](https://example.org/10/20)).\n\n```\nlet x = 10^7;\n```\n\n\
                   Use `n = 42` and <https://example.org/3>.\n\n    indented 99\n";
        let (text, _) = markdown_to_text(src);
        assert!(text.contains("Brains in 2024\n\n"), "{text:?}");
        assert!(
            text.contains("Humans have about 86 billion neurons (source)."),
            "{text:?}"
        );
        for gone in ["10^7", "42", "example.org", "99", "title", "5 things"] {
            assert!(!text.contains(gone), "{gone} in {text:?}");
        }
    }

    #[test]
    fn spans_map_back_to_the_source() {
        let src = "* Mice have *about\n  70 million* neurons &amp; rats\\* 200 million.\n";
        let (text, map) = markdown_to_text(src);
        let s = text.find("about").unwrap();
        let e = text.find("million").unwrap() + "million".len();
        let m = map.map_span(Span::new(s, e));
        assert_eq!(&src[m.start..m.end], "about\n  70 million");
        assert!(text.contains("about 70 million"), "{text:?}");
        let amp = text.find('&').unwrap();
        let m = map.map_span(Span::new(amp, amp + 1));
        assert_eq!(&src[m.start..m.end], "&amp;");
        let (text, _) = markdown_to_text("Humans: 8.6 x 10<sup>10</sup> neurons.");
        assert_eq!(text, "Humans: 8.6 x 10^10 neurons.\n\n");
    }
}
