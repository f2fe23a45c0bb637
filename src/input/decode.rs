//! Bytes to text: a BOM, a declared charset (HTTP header or `<meta charset>`), else UTF-8.
//!
//! UTF-8 input is kept byte for byte (a UTF-8 BOM included), so offsets are offsets into
//! the file. Other encodings are decoded with encoding_rs; offsets are then into the
//! UTF-8 decoding of the document.

use encoding_rs::{Encoding, UTF_8};

use super::html::meta_charset;

/// Decodes `bytes`. `declared` is a charset label from a header; `html` allows a
/// `<meta charset>` to name the encoding. Errors name the line of the first bad byte.
pub fn decode(bytes: Vec<u8>, declared: Option<&str>, html: bool) -> Result<String, DecodeError> {
    let encoding = if let Some((enc, _)) = Encoding::for_bom(&bytes) {
        enc
    } else if let Some(label) = declared {
        Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| DecodeError::Other(format!("unknown charset \"{label}\"")))?
    } else if let Some(label) = html.then(|| meta_charset(&bytes)).flatten() {
        // An unknown <meta charset> falls back to UTF-8, as browsers do; so does a <meta>
        // that claims UTF-16 (a page whose <meta> can be read is not UTF-16).
        Encoding::for_label(label.as_bytes())
            .unwrap_or(UTF_8)
            .output_encoding()
    } else {
        UTF_8
    };
    if encoding == UTF_8 {
        return String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            DecodeError::Utf8 { line, at }
        });
    }
    let (text, _, had_errors) = encoding.decode(&bytes);
    if had_errors {
        return Err(DecodeError::Other(format!("not valid {}", encoding.name())));
    }
    Ok(text.into_owned())
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Invalid UTF-8: the 1-based line and the byte offset of the first bad byte.
    Utf8 {
        line: usize,
        at: usize,
    },
    Other(String),
}

impl DecodeError {
    /// The message with the document's name in front: `path:line: ...` or `path: ...`.
    pub fn with_path(&self, path: &str) -> String {
        match self {
            DecodeError::Utf8 { line, at } => {
                format!("{path}:{line}: not valid UTF-8 (first bad byte at offset {at})")
            }
            DecodeError::Other(m) => format!("{path}: {m}"),
        }
    }
}

/// The `charset` parameter of a Content-Type header value.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_by_header_or_meta() {
        let bytes = b"Caf\xe9: 86 billion".to_vec();
        assert_eq!(
            decode(bytes.clone(), Some("ISO-8859-1"), false).unwrap(),
            "Café: 86 billion"
        );
        let page = b"<meta charset='latin1'><p>Caf\xe9</p>".to_vec();
        assert!(decode(page, None, true).unwrap().contains("Café"));
        let err = decode(b"ok\nCaf\xe9".to_vec(), None, false).unwrap_err();
        assert_eq!(
            err.with_path("f.txt"),
            "f.txt:2: not valid UTF-8 (first bad byte at offset 6)"
        );
        // A UTF-16 BOM wins over everything; a UTF-8 BOM is kept (offsets stay file offsets).
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("10^7".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(utf16, Some("latin1"), false).unwrap(), "10^7");
        assert_eq!(
            decode(b"\xef\xbb\xbf10".to_vec(), None, false).unwrap(),
            "\u{feff}10"
        );
        assert_eq!(
            charset_param("text/html; charset=\"ISO-8859-1\"").as_deref(),
            Some("ISO-8859-1")
        );
    }
}
