//! Fetching http(s) inputs: blocking reqwest with rustls, a total timeout, a response size
//! cap and a redirect limit. Errors are one clear line each (HTTP status, timeout, TLS,
//! connection, too many redirects, too large, not text).

use std::io::Read;
use std::time::Duration;

/// Limits for fetching URLs.
#[derive(Debug, Clone, Copy)]
pub struct FetchOptions {
    /// Whole request, connection to last body byte.
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    pub max_redirects: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            max_bytes: 20 * 1024 * 1024,
            max_redirects: 10,
        }
    }
}

/// A fetched document, not yet decoded.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: String,
    /// The Content-Type header, if any.
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// One HTTP client shared by every worker thread.
pub struct Fetcher {
    client: reqwest::blocking::Client,
    options: FetchOptions,
}

impl Fetcher {
    pub fn new(options: FetchOptions) -> Result<Fetcher, String> {
        let client = reqwest::blocking::Client::builder()
            .timeout(options.timeout)
            .connect_timeout(options.timeout)
            .redirect(reqwest::redirect::Policy::limited(options.max_redirects))
            .user_agent(concat!("numcheck/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot start the HTTP client: {}", chain(&e)))?;
        Ok(Fetcher { client, options })
    }

    /// Fetches `url`. The error message does not repeat the URL.
    pub fn fetch(&self, url: &str) -> Result<Fetched, String> {
        let response = self
            .client
            .get(url)
            .header(
                reqwest::header::ACCEPT,
                "text/html, application/xhtml+xml, text/markdown, text/plain;q=0.9, */*;q=0.1",
            )
            .send()
            .map_err(|e| self.describe(&e))?;
        let status = response.status();
        if !status.is_success() {
            return Err(format!(
                "HTTP {} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("error")
            ));
        }
        let final_url = response.url().to_string();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let Some(ct) = &content_type
            && !is_textual(ct)
        {
            return Err(format!(
                "unsupported content type {} (numcheck reads text, HTML and Markdown)",
                ct.split(';').next().unwrap_or(ct).trim()
            ));
        }
        let cap = self.options.max_bytes;
        if let Some(len) = response.content_length()
            && len > cap
        {
            return Err(too_large(cap, Some(len)));
        }
        let mut body = Vec::new();
        response.take(cap + 1).read_to_end(&mut body).map_err(|e| {
            match e.get_ref().and_then(|s| s.downcast_ref::<reqwest::Error>()) {
                Some(re) => self.describe(re),
                None if e.kind() == std::io::ErrorKind::TimedOut => self.timed_out(),
                None => format!("cannot read the response: {e}"),
            }
        })?;
        if body.len() as u64 > cap {
            return Err(too_large(cap, None));
        }
        Ok(Fetched {
            final_url,
            content_type,
            body,
        })
    }

    fn timed_out(&self) -> String {
        format!(
            "timed out after {} s (see --timeout)",
            fmt_secs(self.options.timeout)
        )
    }

    fn describe(&self, e: &reqwest::Error) -> String {
        let text = chain(e);
        let lower = text.to_ascii_lowercase();
        if e.is_timeout() || lower.contains("timed out") {
            self.timed_out()
        } else if e.is_redirect() {
            format!(
                "too many redirects (more than {}; see --max-redirects)",
                self.options.max_redirects
            )
        } else if is_tls(e) || lower.contains("certificate") || lower.contains("handshake") {
            format!("TLS error: {}", root(e))
        } else if e.is_builder() {
            format!("not a valid URL: {}", root(e))
        } else if e.is_connect() {
            format!("cannot connect: {}", root(e))
        } else {
            text
        }
    }
}

fn fmt_secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0}")
    } else {
        format!("{s}")
    }
}

fn too_large(cap: u64, len: Option<u64>) -> String {
    match len {
        Some(len) => format!(
            "response is {} bytes, over the {} byte limit (see --max-size)",
            len, cap
        ),
        None => format!("response is over the {cap} byte limit (see --max-size)"),
    }
}

/// Text, HTML, Markdown, XML and JSON-ish types are read; images, PDFs, archives are not.
pub fn is_textual(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime.is_empty()
        || mime.starts_with("text/")
        || mime == "application/xhtml+xml"
        || mime == "application/xml"
        || mime == "application/markdown"
        || mime.ends_with("+xml") && !mime.starts_with("image/")
}

/// True when a rustls error is in the error's causes (directly or inside an io::Error).
fn is_tls(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut source = Some(e);
    while let Some(s) = source {
        if s.is::<rustls::Error>() {
            return true;
        }
        if let Some(io) = s.downcast_ref::<std::io::Error>()
            && io
                .get_ref()
                .is_some_and(|inner| inner.is::<rustls::Error>())
        {
            return true;
        }
        source = s.source();
    }
    false
}

/// The innermost cause of an error (the one that says what went wrong).
fn root(e: &dyn std::error::Error) -> String {
    let mut last = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        last = s.to_string();
        source = s.source();
    }
    last
}

/// An error and its causes on one line, without repeats.
fn chain(e: &dyn std::error::Error) -> String {
    let mut parts: Vec<String> = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let m = s.to_string();
        if !parts.iter().any(|p| p.contains(&m)) {
            parts.push(m);
        }
        source = s.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textual_types() {
        assert!(is_textual("text/html; charset=utf-8"));
        assert!(is_textual("text/markdown"));
        assert!(is_textual("application/xhtml+xml"));
        assert!(!is_textual("image/png"));
        assert!(!is_textual("application/pdf"));
        assert!(!is_textual("application/octet-stream"));
        assert!(!is_textual("image/svg+xml"));
    }
}
