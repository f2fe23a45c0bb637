//! JSONL record streams for pipelines: one `{"id": ..., "text": ...}` or
//! `{"id": ..., "url": ...}` per line in (optionally `"format": "text"|"markdown"|"html"`),
//! one result line per record out, in input order. Lines are read one at a time; a bad
//! line becomes an error record naming its line number and the stream goes on.

use std::io::BufRead;

use serde::Serialize;
use serde_json::Value;

use super::{Input, InputFormat, Source, is_url};
use crate::model::Annotation;
use crate::report::{Document, Record, VerdictCounts};

/// One unit of work in a batch.
#[derive(Debug, Clone)]
pub enum Job {
    /// A document from the command line or a directory.
    Doc(Input),
    /// A record of a JSONL stream.
    Record {
        /// The record's `id` (its line number when it has none).
        id: Value,
        /// 1-based line in the stream.
        line: usize,
        input: Input,
    },
    /// An input that failed before it could be read (a bad JSONL line, an unreadable
    /// stream); `id`/`line` are set for JSONL lines.
    Failed {
        name: String,
        id: Option<Value>,
        line: Option<usize>,
        message: String,
    },
}

impl Job {
    /// The name reports use for this job.
    pub fn name(&self) -> &str {
        match self {
            Job::Doc(i) | Job::Record { input: i, .. } => &i.name,
            Job::Failed { name, .. } => name,
        }
    }
}

/// The name of a record in reports: a string id as is, any other id as JSON.
pub fn id_name(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

/// Parses one line of a stream. `Ok(None)` for a blank line.
pub fn parse_line(
    stream: &str,
    line_no: usize,
    line: &str,
    default_format: InputFormat,
) -> Option<Job> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let fail = |id: Option<Value>, message: String| Job::Failed {
        name: id
            .as_ref()
            .map_or_else(|| format!("{stream}:{line_no}"), id_name),
        id,
        line: Some(line_no),
        message: format!("{stream}:{line_no}: {message}"),
    };
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return Some(fail(None, format!("not a JSON record: {e}"))),
    };
    let Value::Object(mut obj) = value else {
        return Some(fail(
            None,
            "not a JSON object (expected {\"id\": ..., \"text\": ...})".into(),
        ));
    };
    let id = obj
        .get("id")
        .cloned()
        .unwrap_or_else(|| Value::from(line_no));
    let format = match obj.get("format") {
        None | Some(Value::Null) => default_format,
        Some(Value::String(f)) => match f.to_ascii_lowercase().as_str() {
            "auto" => InputFormat::Auto,
            "text" | "plain" => InputFormat::Text,
            "markdown" | "md" => InputFormat::Markdown,
            "html" => InputFormat::Html,
            other => {
                return Some(fail(
                    Some(id),
                    format!("unknown format \"{other}\" (text, markdown, html or auto)"),
                ));
            }
        },
        Some(_) => return Some(fail(Some(id), "\"format\" must be a string".into())),
    };
    let name = id_name(&id);
    let source = match (obj.remove("text"), obj.remove("url")) {
        (Some(Value::String(t)), None) => Source::Inline(t),
        (None, Some(Value::String(u))) if is_url(&u) => Source::Url(u),
        (None, Some(Value::String(u))) => {
            return Some(fail(
                Some(id),
                format!("\"url\" must be an http(s) URL, not \"{u}\""),
            ));
        }
        (Some(_), Some(_)) => {
            return Some(fail(
                Some(id),
                "a record has either \"text\" or \"url\", not both".into(),
            ));
        }
        (None, None) => {
            return Some(fail(Some(id), "a record needs \"text\" or \"url\"".into()));
        }
        _ => {
            return Some(fail(
                Some(id),
                "\"text\" and \"url\" must be strings".into(),
            ));
        }
    };
    Some(Job::Record {
        id,
        line: line_no,
        input: Input {
            name,
            source,
            format,
        },
    })
}

/// Reads a stream lazily, one line at a time.
pub struct Records<R: BufRead> {
    stream: String,
    reader: R,
    line_no: usize,
    buf: Vec<u8>,
    format: InputFormat,
    done: bool,
}

impl<R: BufRead> Records<R> {
    pub fn new(stream: &str, reader: R, format: InputFormat) -> Self {
        Records {
            stream: stream.to_string(),
            reader,
            line_no: 0,
            buf: Vec::new(),
            format,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Job;
    fn next(&mut self) -> Option<Job> {
        while !self.done {
            self.buf.clear();
            self.line_no += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => match std::str::from_utf8(&self.buf) {
                    Ok(line) => {
                        if let Some(job) = parse_line(&self.stream, self.line_no, line, self.format)
                        {
                            return Some(job);
                        }
                    }
                    Err(_) => {
                        return Some(Job::Failed {
                            name: format!("{}:{}", self.stream, self.line_no),
                            id: None,
                            line: Some(self.line_no),
                            message: format!("{}:{}: not valid UTF-8", self.stream, self.line_no),
                        });
                    }
                },
                Err(e) => {
                    self.done = true;
                    return Some(Job::Failed {
                        name: self.stream.clone(),
                        id: None,
                        line: Some(self.line_no),
                        message: format!("{}:{}: cannot read: {e}", self.stream, self.line_no),
                    });
                }
            }
        }
        None
    }
}

/// A record's result, fields in this order.
#[derive(Debug, Serialize)]
struct ResultLine<'a> {
    id: &'a Value,
    line: Option<usize>,
    format: &'static str,
    summary: VerdictCounts,
    annotations: Vec<Record>,
}

/// A record that could not be read or fetched.
#[derive(Debug, Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    line: Option<usize>,
    error: &'a str,
}

/// The result line of one record, serialized:
/// `{"id", "line", "format", "summary", "annotations": [...]}` (annotations as in the
/// JSONL contract, `path` being the id), or `{"id", "line", "error"}`.
pub fn result_line(
    id: Option<&Value>,
    line: Option<usize>,
    result: Result<(&str, &str, InputFormat, &[Annotation]), &str>,
) -> serde_json::Result<String> {
    let null = Value::Null;
    let id = id.unwrap_or(&null);
    match result {
        Ok((name, original, format, annotations)) => serde_json::to_string(&ResultLine {
            id,
            line,
            format: format.as_str(),
            summary: VerdictCounts::of(annotations),
            annotations: Record::all(&Document {
                path: name,
                text: original,
                annotations,
            }),
        }),
        Err(error) => serde_json::to_string(&ErrorLine { id, line, error }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_records_or_errors() {
        let data = "{\"id\": \"a\", \"text\": \"x\"}\n\nnot json\n{\"url\": \"https://e.org\"}\n{\"id\": 7}\n";
        let jobs: Vec<Job> = Records::new("s.jsonl", data.as_bytes(), InputFormat::Auto).collect();
        assert_eq!(jobs.len(), 4);
        assert!(matches!(&jobs[0], Job::Record { id, line: 1, .. } if id == "a"));
        assert!(
            matches!(&jobs[1], Job::Failed { line: Some(3), message, .. } if message.starts_with("s.jsonl:3: not a JSON record"))
        );
        assert!(
            matches!(&jobs[2], Job::Record { id, input, .. } if *id == 4 && input.source == Source::Url("https://e.org".into()))
        );
        assert!(
            matches!(&jobs[3], Job::Failed { id: Some(id), message, .. } if *id == 7 && message.contains("needs \"text\" or \"url\""))
        );
    }
}
