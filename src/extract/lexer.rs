//! A tiny on-demand lexer: the extractor reads a few tokens around each candidate
//! number instead of tokenizing the whole document (most prose has no numbers).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Digits,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace between this token and the previous one contained a line break.
    pub newline_before: bool,
    /// Whitespace directly before this token.
    pub space_before: bool,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\'' || c == '’'
}

/// The token starting at or after `pos`.
pub fn next_tok(text: &str, pos: usize) -> Option<Tok> {
    let rest = &text[pos..];
    let start;
    let mut newline_before = false;
    let mut space_before = false;
    let mut chars = rest.char_indices();
    let first = loop {
        let (i, c) = chars.next()?;
        if c.is_whitespace() {
            space_before = true;
            if c == '\n' {
                newline_before = true;
            }
            continue;
        }
        start = pos + i;
        break c;
    };
    let kind = if first.is_ascii_digit() {
        TokKind::Digits
    } else if first.is_alphabetic() {
        TokKind::Word
    } else {
        TokKind::Punct
    };
    let mut end = start + first.len_utf8();
    if kind != TokKind::Punct {
        for c in text[end..].chars() {
            let same = match kind {
                TokKind::Digits => c.is_ascii_digit(),
                _ => is_word_char(c),
            };
            if !same {
                break;
            }
            end += c.len_utf8();
        }
        // A trailing apostrophe belongs to the following text, not the word.
        while kind == TokKind::Word && (text[..end].ends_with('\'') || text[..end].ends_with('’'))
        {
            end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
        }
    }
    Some(Tok {
        start,
        end,
        kind,
        newline_before,
        space_before,
    })
}

/// Up to `n` tokens ending at or before `pos`, nearest last.
pub fn toks_before(text: &str, pos: usize, n: usize) -> Vec<Tok> {
    let mut from = pos.saturating_sub(16 * n + 16);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    // Back off to a whitespace so the window does not start mid-word.
    if from > 0 {
        if let Some(ws) = text[..from].rfind(char::is_whitespace) {
            from = ws;
        } else {
            from = 0;
        }
    }
    let mut toks = Vec::new();
    let mut p = from;
    while let Some(t) = next_tok(&text[..pos], p) {
        toks.push(t);
        p = t.end;
    }
    if toks.len() > n {
        toks.drain(..toks.len() - n);
    }
    toks
}

/// The lowercased text of a token (ASCII folding only; prose cues are ASCII).
pub fn lower(text: &str, t: &Tok) -> String {
    t.text(text).to_ascii_lowercase().replace('’', "'")
}

/// Is `pos` at the start of a line (only blanks before it on its line)?
pub fn at_line_start(text: &str, pos: usize) -> bool {
    text[..pos]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(|c| c == ' ' || c == '\t' || c == '|')
}

/// Skips spaces and tabs (not line breaks) from `pos`.
pub fn skip_inline_space(text: &str, pos: usize) -> usize {
    let mut p = pos;
    for c in text[pos..].chars() {
        if c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{2009}' || c == '\u{202f}' {
            p += c.len_utf8();
        } else {
            break;
        }
    }
    p
}

pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_before_a_number_come_nearest_last() {
        let text = "humans have on the order of 10^11";
        let toks = toks_before(text, 28, 4);
        let words: Vec<_> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["on", "the", "order", "of"]);
    }

    #[test]
    fn a_line_start_ignores_leading_blanks() {
        assert!(at_line_start("a\n  1. x", 4));
        assert!(!at_line_start("a 1. x", 2));
    }
}
