//! What the CI formats (SARIF, rdjsonl) report: findings with stable rule ids, and the
//! helpers every report format shares (verdict labels, URIs, tallies).

use std::collections::HashMap;

use crate::model::{Annotation, Verdict};

/// A kind of finding, with a stable id for code-scanning tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub name: &'static str,
    /// SARIF level: `error`, `warning` or `note`.
    pub level: &'static str,
    /// reviewdog severity: `ERROR`, `WARNING` or `INFO`.
    pub severity: &'static str,
    pub short: &'static str,
    pub help: &'static str,
}

pub const CONTRADICTED: Rule = Rule {
    id: "numcheck/contradicted",
    name: "ContradictedClaim",
    level: "error",
    severity: "ERROR",
    short: "A number contradicts its sourced reference value",
    help: "The claim's interval (the number read with its hedge: \"about\", \"more than\", \
           \"on the order of\"...) does not meet the reference interval of the table row it was \
           compared with. The message gives the reading, the reference and its source, and how \
           far off the text is. Fix the number (the suggestion is a replacement with the same \
           wording), or, if the text is right, fix the reference row and its source.",
};

pub const INCONSISTENT: Rule = Rule {
    id: "numcheck/inconsistent",
    name: "InconsistentClaims",
    level: "warning",
    severity: "WARNING",
    short: "Two numbers in one document disagree about the same thing",
    help: "Another claim in the same document about the same entity and property has an \
           interval that does not meet this one's. At least one of them is wrong, or they talk \
           about different things (say so in the text).",
};

pub const UNVERIFIABLE: Rule = Rule {
    id: "numcheck/unverifiable",
    name: "UnverifiableClaim",
    level: "note",
    severity: "INFO",
    short: "A number names an entity and a property that no reference row covers",
    help: "The claim was linked to an entity and a property, but the reference tables have no \
           row for that pair, so it could not be checked. Add a sourced row to a claims table \
           (see `numcheck claims lint`) or check the number by hand.",
};

/// Every rule, in the order SARIF lists them (`ruleIndex` refers to this order).
pub const RULES: [Rule; 3] = [CONTRADICTED, INCONSISTENT, UNVERIFIABLE];

pub fn rule_index(rule: &Rule) -> usize {
    RULES.iter().position(|r| r.id == rule.id).unwrap_or(0)
}

/// One finding about one claim. A supported claim has none; a contradicted claim that
/// also disagrees with another claim has two.
#[derive(Debug, Clone)]
pub struct Finding<'a> {
    pub rule: Rule,
    pub message: String,
    pub annotation: &'a Annotation,
}

pub fn findings(a: &Annotation) -> Vec<Finding<'_>> {
    let mut out = Vec::new();
    match a.verdict {
        Verdict::Contradicted => out.push(Finding {
            rule: CONTRADICTED,
            message: match &a.suggestion {
                Some(s) => format!("{} (suggestion: {s})", a.message),
                None => a.message.clone(),
            },
            annotation: a,
        }),
        Verdict::Unverifiable => out.push(Finding {
            rule: UNVERIFIABLE,
            message: a.message.clone(),
            annotation: a,
        }),
        Verdict::Supported => {}
    }
    if !a.inconsistencies.is_empty() {
        let notes: Vec<&str> = a
            .inconsistencies
            .iter()
            .map(|i| i.message.as_str())
            .collect();
        out.push(Finding {
            rule: INCONSISTENT,
            message: format!(
                "{} / {}: {}",
                a.link.entity,
                a.link.property,
                notes.join("; ")
            ),
            annotation: a,
        });
    }
    out
}

/// The verdicts a report can filter by, in display order.
pub const VERDICTS: [Verdict; 3] = [
    Verdict::Contradicted,
    Verdict::Unverifiable,
    Verdict::Supported,
];

/// Counts of contradicted claims per entity, for "most contradicted entities".
#[derive(Debug, Default, Clone)]
pub struct EntityTally {
    counts: HashMap<String, usize>,
}

impl EntityTally {
    pub fn add(&mut self, anns: &[Annotation]) {
        for a in anns {
            if a.verdict == Verdict::Contradicted {
                *self.counts.entry(a.link.entity.clone()).or_default() += 1;
            }
        }
    }

    /// The `n` entities with the most contradicted claims, most first, ties by name.
    pub fn top(&self, n: usize) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self.counts.iter().map(|(k, c)| (k.as_str(), *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// True for `http://` and `https://` URLs: the only ones a report makes clickable.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A path or URL as a URI reference (SARIF `artifactLocation.uri`, W3C `source`, reviewdog
/// `path` stays a path). URLs are kept; a file path gets `/` separators and every byte
/// outside the unreserved and path characters percent-encoded.
pub fn uri_reference(path: &str) -> String {
    if is_web_url(path) {
        return path.to_string();
    }
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    // A relative path whose first segment holds ':' would read as a scheme.
    if out.split('/').next().is_some_and(|s| s.contains(':')) {
        out = format!("./{out}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_keep_urls_and_encode_paths() {
        assert_eq!(
            uri_reference("https://example.org/a b"),
            "https://example.org/a b"
        );
        assert_eq!(
            uri_reference("docs/café notes.md"),
            "docs/caf%C3%A9%20notes.md"
        );
        assert_eq!(uri_reference("dir\\file.txt"), "dir/file.txt");
        assert_eq!(uri_reference("c:notes.txt"), "./c:notes.txt");
        assert_eq!(uri_reference("a\"><script>"), "a%22%3E%3Cscript%3E");
        assert!(is_web_url("HTTPS://x"));
        assert!(!is_web_url("javascript:alert(1)"));
    }
}
