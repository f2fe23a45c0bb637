//! Errors of the core. Table errors always carry `file:line:column`.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum TableError {
    /// A problem with one row (line is 1-based and counts the header as line 1).
    #[error("{path}:{line}:{column}: {message}")]
    Row {
        path: String,
        line: usize,
        column: String,
        message: String,
    },
    /// The file could not be parsed as CSV at all.
    #[error("{path}:{line}: {message}")]
    Csv {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    File { path: String, message: String },
}

impl TableError {
    pub fn from_csv(path: &str, e: &csv::Error) -> TableError {
        let line = e.position().map(|p| p.line() as usize).unwrap_or_default();
        let message = match e.kind() {
            csv::ErrorKind::Deserialize { err, .. } => match err.field() {
                Some(f) => format!("field {}: {}", f + 1, err.kind()),
                None => err.kind().to_string(),
            },
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => format!("row has {len} fields, the header has {expected_len}"),
            csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
            _ => e.to_string(),
        };
        TableError::Csv {
            path: path.to_string(),
            line,
            message,
        }
    }
}
