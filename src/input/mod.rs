//! Inputs: files, directories, standard input, http(s) URLs and JSONL record streams; plain
//! text, Markdown and HTML.
//!
//! The core reads the prose extracted from a document ([`Loaded::text`]); every span it
//! returns is mapped back through a [`SourceMap`] to the bytes of the original document
//! ([`Loaded::original`]), so printers compute lines and columns from the original text.

pub mod batch;
pub mod decode;
pub mod fetch;
pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod sourcemap;
pub mod walk;

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use fetch::{FetchOptions, Fetcher};
pub use sourcemap::{SourceMap, SourceMapBuilder};

use crate::check::Checker;
use crate::model::{Annotation, Quantity};

/// How to read a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// By file extension, Content-Type, or a look at the first bytes.
    #[default]
    Auto,
    Text,
    Markdown,
    Html,
}

impl InputFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
        }
    }

    /// The format named by a file extension (`md`, `html`, ...), or `None`.
    pub fn from_extension(path: &str) -> Option<InputFormat> {
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" => Some(InputFormat::Markdown),
            "html" | "htm" | "xhtml" | "shtml" => Some(InputFormat::Html),
            "txt" | "text" => Some(InputFormat::Text),
            _ => None,
        }
    }

    /// The format named by a Content-Type header value, or `None` for generic types.
    pub fn from_content_type(content_type: &str) -> Option<InputFormat> {
        let mime = content_type.split(';').next()?.trim().to_ascii_lowercase();
        match mime.as_str() {
            "text/html" | "application/xhtml+xml" => Some(InputFormat::Html),
            "text/markdown" | "text/x-markdown" | "application/markdown" => {
                Some(InputFormat::Markdown)
            }
            _ => None,
        }
    }
}

/// True when the text starts like an HTML page.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 64)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let lower: Vec<u8> = head.iter().map(|c| c.to_ascii_lowercase()).collect();
    lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html")
}

/// True for `http://` and `https://` arguments.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Where a document's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
    Url(String),
    /// Text given inline (a JSONL record's `text`).
    Inline(String),
}

/// One document to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The name printed in reports: the path, `<stdin>`, the URL, or a record's id.
    pub name: String,
    pub source: Source,
    pub format: InputFormat,
}

impl Input {
    /// A command-line argument: `-`, a URL or a path.
    pub fn from_arg(arg: &str, format: InputFormat) -> Input {
        let source = if arg == "-" {
            Source::Stdin
        } else if is_url(arg) {
            Source::Url(arg.to_string())
        } else {
            Source::File(PathBuf::from(arg))
        };
        let name = if arg == "-" { "<stdin>" } else { arg };
        Input {
            name: name.to_string(),
            source,
            format,
        }
    }
}

/// A document read and decoded, with the text the core reads.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub name: String,
    /// The document as read (decoded to UTF-8); all reported spans point into it.
    pub original: String,
    /// The format it was read as (never `Auto`).
    pub format: InputFormat,
    extracted: Option<(String, SourceMap)>,
}

impl Loaded {
    /// Prepares `original` as `format` (`Auto` reads as plain text unless it looks like HTML).
    pub fn new(name: String, original: String, format: InputFormat) -> Loaded {
        let format = match format {
            InputFormat::Auto if looks_like_html(original.as_bytes()) => InputFormat::Html,
            InputFormat::Auto => InputFormat::Text,
            f => f,
        };
        let extracted = match format {
            InputFormat::Html => Some(html::html_to_text(&original)),
            InputFormat::Markdown => Some(markdown::markdown_to_text(&original)),
            _ => None,
        };
        Loaded {
            name,
            original,
            format,
            extracted,
        }
    }

    /// The prose the core reads (the original itself for plain text).
    pub fn text(&self) -> &str {
        self.extracted
            .as_ref()
            .map_or(&self.original, |(t, _)| t.as_str())
    }

    /// The source map from [`Loaded::text`] to [`Loaded::original`] (none for plain text).
    pub fn source_map(&self) -> Option<&SourceMap> {
        self.extracted.as_ref().map(|(_, m)| m)
    }

    /// Checks the document; every span points into [`Loaded::original`].
    pub fn check(&self, checker: &Checker) -> Vec<Annotation> {
        let mut annotations = checker.check_str(self.text());
        if let Some(map) = self.source_map() {
            for a in &mut annotations {
                a.map_spans(|s| map.map_span(s));
            }
        }
        annotations
    }

    /// Every quantity; spans point into [`Loaded::original`].
    pub fn extract(&self) -> Vec<Quantity> {
        let mut qs = crate::extract::extract(self.text());
        if let Some(map) = self.source_map() {
            for q in &mut qs {
                q.map_spans(|s| map.map_span(s));
            }
        }
        qs
    }
}

/// Reads inputs: files, standard input, URLs (one HTTP client, made on first use).
pub struct Loader {
    options: FetchOptions,
    fetcher: OnceLock<Result<Fetcher, String>>,
}

impl Loader {
    pub fn new(options: FetchOptions) -> Loader {
        Loader {
            options,
            fetcher: OnceLock::new(),
        }
    }

    /// Reads and decodes one input. The error names the input.
    pub fn load(&self, input: Input) -> Result<Loaded, String> {
        let name = &input.name;
        match input.source {
            Source::Inline(text) => Ok(Loaded::new(input.name, text, input.format)),
            Source::Stdin => {
                let mut bytes = Vec::new();
                io::stdin()
                    .read_to_end(&mut bytes)
                    .map_err(|e| format!("{name}: cannot read standard input: {e}"))?;
                self.decode_local(name, bytes, input.format)
            }
            Source::File(path) => {
                let bytes = read_file(&path).map_err(|m| format!("{name}: {m}"))?;
                let format = match input.format {
                    InputFormat::Auto => InputFormat::from_extension(name).unwrap_or_default(),
                    f => f,
                };
                self.decode_local(name, bytes, format)
            }
            Source::Url(url) => {
                let fetcher = self
                    .fetcher
                    .get_or_init(|| Fetcher::new(self.options))
                    .as_ref()
                    .map_err(|e| format!("{name}: {e}"))?;
                let fetched = fetcher.fetch(&url).map_err(|e| format!("{name}: {e}"))?;
                let ct = fetched.content_type.as_deref().unwrap_or("");
                let format = match input.format {
                    InputFormat::Auto => InputFormat::from_content_type(ct)
                        .or_else(|| {
                            let path = url_path(&fetched.final_url);
                            InputFormat::from_extension(path)
                        })
                        .unwrap_or_else(|| {
                            if looks_like_html(&fetched.body) {
                                InputFormat::Html
                            } else {
                                InputFormat::Text
                            }
                        }),
                    f => f,
                };
                let charset = decode::charset_param(ct);
                let text = decode::decode(
                    fetched.body,
                    charset.as_deref(),
                    format == InputFormat::Html,
                )
                .map_err(|e| e.with_path(name))?;
                Ok(Loaded::new(name.clone(), text, format))
            }
        }
    }

    fn decode_local(
        &self,
        name: &str,
        bytes: Vec<u8>,
        format: InputFormat,
    ) -> Result<Loaded, String> {
        let html =
            format == InputFormat::Html || (format == InputFormat::Auto && looks_like_html(&bytes));
        let text = decode::decode(bytes, None, html).map_err(|e| e.with_path(name))?;
        let format = if html { InputFormat::Html } else { format };
        Ok(Loaded::new(name.to_string(), text, format))
    }
}

/// The path part of a URL (for its extension).
fn url_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    path.split(['?', '#']).next().unwrap_or(path)
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_dir() {
        return Err("is a directory, not a file".into());
    }
    std::fs::read(path).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound
            && let Some(scheme) = url_scheme(&path.to_string_lossy())
        {
            return format!("unsupported URL scheme `{scheme}` (numcheck fetches http and https)");
        }
        format!("cannot read: {}", io_reason(&e))
    })
}

/// The scheme of something that looks like a URL (`ftp://...`).
fn url_scheme(s: &str) -> Option<&str> {
    let (scheme, _) = s.split_once("://")?;
    let mut chars = scheme.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// A short reason for an I/O error.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_and_type() {
        assert_eq!(
            InputFormat::from_extension("a/b/README.md"),
            Some(InputFormat::Markdown)
        );
        assert_eq!(
            InputFormat::from_extension("x.HTML"),
            Some(InputFormat::Html)
        );
        assert_eq!(InputFormat::from_extension("notes"), None);
        assert_eq!(
            InputFormat::from_content_type("text/html; charset=utf-8"),
            Some(InputFormat::Html)
        );
        assert_eq!(InputFormat::from_content_type("text/plain"), None);
        assert_eq!(url_path("https://e.org/a/b.md?x=1#y"), "/a/b.md");
        assert!(looks_like_html(b"\n  <!DOCTYPE html><html>"));
        assert!(!looks_like_html(b"Humans have 86 billion neurons."));
        assert!(is_url("HTTPS://example.org"));
        assert!(!is_url("ftp://example.org"));
    }
}
