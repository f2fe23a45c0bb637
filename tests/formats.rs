//! Every report format on one batch (snapshots), positions after emoji and accents in
//! each format's own unit, SARIF's required structure, and a hostile document in HTML.

use std::io::Write;

use numcheck::Checker;
use numcheck::model::Annotation;
use numcheck::reference::{TableSource, embedded_sources, load_tables};
use numcheck::report::{
    CsvPrinter, Document, HtmlPrinter, JsonPrinter, JsonlPrinter, MarkdownPrinter, Printer,
    RdjsonlPrinter, SarifPrinter, Summary, TextPrinter, W3cPrinter,
};
use numcheck::units::UnitTable;
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/report-batch.txt");
const SECOND: &str = "Plain ASCII | with a pipe: the United States has 52 states.\n";

fn checker(extra: &[(&str, &str)]) -> Checker {
    let mut sources: Vec<TableSource> = embedded_sources();
    for (p, t) in extra {
        sources.push(TableSource {
            path: p.to_string(),
            text: t.to_string(),
        });
    }
    let (refs, diags) = load_tables(&sources, UnitTable::default_table());
    assert!(diags.is_empty(), "{diags:?}");
    Checker::new(refs)
}

struct Batch {
    docs: Vec<(String, String, Vec<Annotation>)>,
    errors: Vec<(String, String)>,
}

fn batch() -> Batch {
    let c = checker(&[]);
    let docs = [
        ("notes/café ☕.txt", FIXTURE),
        ("notes/second.txt", SECOND),
        ("notes/empty.txt", ""),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string(), c.check_str(t)))
    .collect();
    Batch {
        docs,
        errors: vec![(
            "notes/missing.txt".into(),
            "notes/missing.txt: cannot read: no such file".into(),
        )],
    }
}

fn printer<'w>(format: &str, out: &'w mut Vec<u8>) -> Box<dyn Printer + 'w> {
    match format {
        "text" => Box::new(TextPrinter::new(out, false)),
        "json" => Box::new(JsonPrinter::new(out)),
        "jsonl" => Box::new(JsonlPrinter::new(out)),
        "csv" => Box::new(CsvPrinter::new(out)),
        "html" => Box::new(HtmlPrinter::new(out)),
        "markdown" => Box::new(MarkdownPrinter::new(out)),
        "sarif" => Box::new(SarifPrinter::new(out)),
        "rdjsonl" => Box::new(RdjsonlPrinter::new(out)),
        "w3c" => Box::new(W3cPrinter::new(out)),
        _ => panic!("unknown format {format}"),
    }
}

/// Runs a batch through a printer as `numcheck check` does: documents, an error in the
/// middle, then the summary.
fn render(format: &str, b: &Batch) -> String {
    let mut out = Vec::new();
    {
        let mut p = printer(format, &mut out);
        let mut summary = Summary::default();
        for (i, (path, text, anns)) in b.docs.iter().enumerate() {
            if i == 1 {
                for (ep, em) in &b.errors {
                    p.error(ep, em).unwrap();
                    summary.errors += 1;
                }
            }
            summary.add(anns);
            p.document(&Document {
                path,
                text,
                annotations: anns,
            })
            .unwrap();
        }
        p.finish(&summary).unwrap();
    }
    String::from_utf8(out).unwrap()
}

fn verdicts(b: &Batch) -> Vec<(String, &'static str, bool)> {
    b.docs
        .iter()
        .flat_map(|(_, t, anns)| {
            anns.iter().map(|a| {
                (
                    a.quantity.span.slice(t).to_string(),
                    a.verdict.as_str(),
                    !a.inconsistencies.is_empty(),
                )
            })
        })
        .collect()
}

#[test]
fn the_fixture_has_every_kind_of_finding() {
    let b = batch();
    let v = verdicts(&b);
    for kind in ["supported", "contradicted", "unverifiable"] {
        assert!(v.iter().any(|(_, k, _)| *k == kind), "no {kind} in {v:#?}");
    }
    assert!(
        v.iter().any(|(_, _, inc)| *inc),
        "no inconsistency in {v:#?}"
    );
    // A claim that crosses a line break.
    assert!(v.iter().any(|(t, _, _)| t.contains('\n')), "{v:#?}");
}

#[test]
fn snapshots_of_every_format() {
    let b = batch();
    for format in [
        "text", "json", "jsonl", "csv", "html", "markdown", "sarif", "rdjsonl", "w3c",
    ] {
        let out = render(format, &b);
        insta::assert_snapshot!(format!("batch_{format}"), out);
    }
}

fn lines_json(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (line, column in code points, column in bytes), all 1-based, of byte `b` in `text`.
fn expected(text: &str, b: usize) -> (usize, usize, usize) {
    let line_start = text[..b].rfind('\n').map_or(0, |i| i + 1);
    (
        text[..b].matches('\n').count() + 1,
        text[line_start..b].chars().count() + 1,
        b - line_start + 1,
    )
}

/// The fixture's claims with their byte spans, for checking positions independently.
fn claim_spans(b: &Batch) -> Vec<(usize, usize)> {
    b.docs[0]
        .2
        .iter()
        .map(|a| (a.quantity.span.start, a.quantity.span.end))
        .collect()
}

#[test]
fn sarif_counts_code_points_after_emoji_and_accents() {
    let b = batch();
    let text = &b.docs[0].1;
    let log: Value = serde_json::from_str(&render("sarif", &b)).unwrap();
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let spans = claim_spans(&b);
    let mut checked = 0;
    for r in run["results"].as_array().unwrap() {
        let loc = &r["locations"][0]["physicalLocation"];
        if loc["artifactLocation"]["uri"] != "notes/caf%C3%A9%20%E2%98%95.txt" {
            continue;
        }
        let reg = &loc["region"];
        let snippet = reg["snippet"]["text"].as_str().unwrap();
        let &(s, e) = spans
            .iter()
            .find(|(s, e)| &text[*s..*e] == snippet)
            .unwrap();
        let (l, c, _) = expected(text, s);
        let (el, ec, _) = expected(text, e);
        assert_eq!(reg["startLine"], l);
        assert_eq!(reg["startColumn"], c);
        assert_eq!(reg["endLine"], el);
        assert_eq!(reg["endColumn"], ec);
        checked += 1;
    }
    assert!(checked >= 3, "{checked}");
    // The emoji and accents before "10^7" make bytes, code points and UTF-16 differ.
    let s = text.find("10^7").unwrap();
    let (_, c, bytes) = expected(text, s);
    assert_ne!(c, bytes);
}

#[test]
fn rdjsonl_counts_bytes_and_its_suggestion_replaces_the_claim() {
    let b = batch();
    let text = &b.docs[0].1;
    let diags = lines_json(&render("rdjsonl", &b));
    assert!(!diags.is_empty());
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let byte = |p: &Value| -> usize {
        line_starts[p["line"].as_u64().unwrap() as usize - 1]
            + p["column"].as_u64().unwrap() as usize
            - 1
    };
    let mut with_suggestion = 0;
    for d in &diags {
        assert_eq!(d["source"]["name"], "numcheck");
        let sev = d["severity"].as_str().unwrap();
        assert!(["ERROR", "WARNING", "INFO"].contains(&sev), "{sev}");
        assert!(
            d["code"]["value"]
                .as_str()
                .unwrap()
                .starts_with("numcheck/")
        );
        if d["location"]["path"] != "notes/café ☕.txt" {
            continue;
        }
        let range = &d["location"]["range"];
        let (s, e) = (byte(&range["start"]), byte(&range["end"]));
        assert!(
            b.docs[0]
                .2
                .iter()
                .any(|a| a.quantity.span.start == s && a.quantity.span.end == e),
            "range {s}..{e} is no claim: {d}"
        );
        if let Some(sug) = d["suggestions"].as_array() {
            assert_eq!(sug[0]["range"], *range);
            let fixed = format!(
                "{}{}{}",
                &text[..s],
                sug[0]["text"].as_str().unwrap(),
                &text[e..]
            );
            assert_ne!(&fixed, text);
            with_suggestion += 1;
        }
    }
    assert!(with_suggestion >= 1);
}

#[test]
fn w3c_selectors_count_code_points_and_quote_the_claim() {
    let b = batch();
    let coll: Value = serde_json::from_str(&render("w3c", &b)).unwrap();
    assert_eq!(coll["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(coll["type"], "AnnotationCollection");
    let items = coll["first"]["items"].as_array().unwrap();
    let claims: usize = b.docs.iter().map(|d| d.2.len()).sum();
    assert_eq!(items.len(), claims, "one annotation per claim");
    assert_eq!(coll["total"], claims);
    let text: Vec<char> = b.docs[0].1.chars().collect();
    for a in items {
        assert_eq!(a["type"], "Annotation");
        assert_eq!(a["motivation"], "assessing");
        assert!(a["id"].as_str().unwrap().starts_with("urn:numcheck:"));
        assert_eq!(a["body"][0]["purpose"], "assessing");
        if a["target"]["source"] != "notes/caf%C3%A9%20%E2%98%95.txt" {
            continue;
        }
        let sel = a["target"]["selector"].as_array().unwrap();
        let quote = sel
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let pos = sel
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (s, e) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        let exact: String = text[s..e].iter().collect();
        assert_eq!(quote["exact"].as_str().unwrap(), exact);
        let prefix = quote["prefix"].as_str().unwrap();
        let before: String = text[s.saturating_sub(prefix.chars().count())..s]
            .iter()
            .collect();
        assert_eq!(prefix, before);
        let suffix = quote["suffix"].as_str().unwrap();
        let after: String = text[e..e + suffix.chars().count()].iter().collect();
        assert_eq!(suffix, after);
    }
}

/// The required properties of the SARIF 2.1.0 schema for every object this log uses,
/// and the enums it constrains.
#[test]
fn sarif_has_what_the_2_1_0_schema_requires() {
    let b = batch();
    let out = render("sarif", &b);
    // It reads back into the typed log.
    let typed: numcheck::report::sarif::Log = serde_json::from_str(&out).unwrap();
    assert_eq!(typed.runs.len(), 1);
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "numcheck");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "numcheck/contradicted",
            "numcheck/inconsistent",
            "numcheck/unverifiable"
        ]
    );
    for r in rules {
        for k in ["shortDescription", "fullDescription", "help"] {
            assert!(!r[k]["text"].as_str().unwrap().is_empty(), "{k} of {r}");
        }
        let level = r["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["none", "note", "warning", "error"].contains(&level));
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let mut rules_seen = std::collections::BTreeSet::new();
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(r["ruleId"], rules[idx]["id"], "ruleIndex points at ruleId");
        rules_seen.insert(r["ruleId"].as_str().unwrap().to_string());
        assert!(["none", "note", "warning", "error"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(!uri.contains(' ') && !uri.is_empty(), "{uri}");
        let reg = &loc["region"];
        for k in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(reg[k].as_u64().unwrap() >= 1, "{k} in {reg}");
        }
        let (sl, sc, el, ec) = (
            reg["startLine"].as_u64().unwrap(),
            reg["startColumn"].as_u64().unwrap(),
            reg["endLine"].as_u64().unwrap(),
            reg["endColumn"].as_u64().unwrap(),
        );
        assert!((el, ec) > (sl, sc), "empty or reversed region {reg}");
        assert!(
            r["partialFingerprints"]
                .as_object()
                .is_some_and(|m| !m.is_empty())
        );
    }
    assert_eq!(rules_seen.len(), 3, "{rules_seen:?}");
    // The unreadable input is a tool execution notification.
    let inv = &run["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let n = &inv["toolExecutionNotifications"][0];
    assert_eq!(n["level"], "error");
    assert!(
        n["message"]["text"]
            .as_str()
            .unwrap()
            .contains("no such file")
    );
    assert_eq!(
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "notes/missing.txt"
    );
    // Nothing of the schema's own vocabulary is misspelt: every key is one the schema
    // defines for its object (a small, closed list for what numcheck writes).
    fn keys(v: &Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if k != "partialFingerprints" {
                        out.insert(k.clone());
                        keys(x, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
            _ => {}
        }
    }
    let mut all = std::collections::BTreeSet::new();
    keys(&log, &mut all);
    let known = [
        "$schema",
        "version",
        "runs",
        "tool",
        "driver",
        "name",
        "semanticVersion",
        "rules",
        "id",
        "shortDescription",
        "fullDescription",
        "help",
        "text",
        "defaultConfiguration",
        "level",
        "columnKind",
        "results",
        "ruleId",
        "ruleIndex",
        "message",
        "locations",
        "physicalLocation",
        "artifactLocation",
        "uri",
        "region",
        "startLine",
        "startColumn",
        "endLine",
        "endColumn",
        "snippet",
        "invocations",
        "executionSuccessful",
        "toolExecutionNotifications",
    ];
    for k in &all {
        assert!(known.contains(&k.as_str()), "unexpected SARIF property {k}");
    }
}

#[test]
fn markdown_cells_stay_in_their_columns() {
    let b = batch();
    let md = render("markdown", &b);
    assert!(md.starts_with("## numcheck report"));
    assert!(md.contains("notes/missing.txt"), "errors are listed");
    assert!(md.contains("Most contradicted entities"));
    // Every table row of a per-document table has 8 cells: 9 unescaped pipes.
    let mut rows = 0;
    for line in md
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains(":"))
    {
        let cells = line.replace("\\|", "").matches('|').count();
        if line.contains("line:col") || cells == 9 {
            rows += 1;
            assert_eq!(cells, 9, "{line}");
        }
    }
    assert!(rows >= 5, "{md}");
    // The claim that crosses a line break stays on one row.
    assert!(md.contains("about 200 million"), "{md}");
    assert!(md.contains("Plain ASCII") || !md.contains("| with a pipe"));
}

// --- hostile input -----------------------------------------------------------------

const HOSTILE_TABLE: &str = "entity,aliases,property,value,low,high,unit,as_of,source_title,source_url,notes
Zorkland,Zorkland,number_of_states,50,,,states,2020,\"<script>alert('title')</script>\",\"javascript:alert(1)\",hostile
Quuxland,Quuxland,number_of_states,7,,,states,2020,\"Quux \"\"gazette\"\"\",\"https://example.org/\"\"><script>alert(2)</script><a href=\"\"\",hostile
";

const HOSTILE_TEXT: &str = "<script>alert('doc')</script>\n\
\"><img src=x onerror=alert(1)> Zorkland has 12 states. </div><script>alert(3)</script>\n\
' onmouseover='alert(4)' Quuxland has 9 states & <b>bold</b> <!-- comment --> ]]>\n<script>document.documentElement.setAttribute(\"data-pwned\",\"1\")</script>\n\
<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">\n";

const TAGS: &[&str] = &[
    "!doctype", "html", "head", "meta", "title", "style", "body", "div", "section", "h1", "h2",
    "h3", "p", "span", "a", "details", "summary", "q", "dl", "dt", "dd", "table", "tr", "th", "td",
    "label", "input", "ul", "li", "strong", "script",
];
const ATTRS: &[&str] = &[
    "html",
    "lang",
    "charset",
    "name",
    "content",
    "http-equiv",
    "class",
    "id",
    "href",
    "title",
    "rel",
    "target",
    "type",
    "data-filter",
    "checked",
    "open",
];

/// Every start tag of the page with its attribute names, read as a browser tokenizes
/// them (double-quoted values; the templates quote every value).
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with('/') {
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut t = &rest[name_end..];
        loop {
            t = t.trim_start();
            if t.is_empty() || t.starts_with('>') {
                break;
            }
            let n_end = t
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .unwrap_or(t.len());
            attrs.push(t[..n_end].to_ascii_lowercase());
            t = &t[n_end..];
            if let Some(v) = t.strip_prefix('=') {
                assert!(
                    v.starts_with('"'),
                    "unquoted attribute value in <{name} ...{v:.40}"
                );
                let close = v[1..].find('"').expect("unterminated attribute value");
                t = &v[close + 2..];
            }
        }
        let raw = name == "style" || name == "script";
        out.push((name.clone(), attrs));
        // Skip the raw text of style and script elements.
        if raw {
            let end = rest.find(&format!("</{name}>")).unwrap();
            rest = &rest[end..];
        }
    }
    out
}

fn hostile_html() -> String {
    let c = checker(&[("hostile/hostile.csv", HOSTILE_TABLE)]);
    let anns = c.check_str(HOSTILE_TEXT);
    assert!(anns.len() >= 2, "{anns:#?}");
    let mut out = Vec::new();
    {
        let mut p = HtmlPrinter::new(&mut out);
        let path = "https://example.org/\"><script>alert('path')</script>";
        let mut s = Summary::default();
        s.add(&anns);
        p.document(&Document {
            path,
            text: HOSTILE_TEXT,
            annotations: &anns,
        })
        .unwrap();
        p.error("<img src=x onerror=alert(5)>", "<script>alert(6)</script>")
            .unwrap();
        s.errors += 1;
        p.finish(&s).unwrap();
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn a_hostile_document_cannot_run_anything_in_the_html_report() {
    let html = hostile_html();
    let lower = html.to_ascii_lowercase();
    // The only script element is the report's own, at the end.
    assert_eq!(lower.matches("<script").count(), 1, "{html}");
    assert!(html.contains("<script>\n(function () {"));
    // No element or attribute from the input survives unescaped: every tag in the page
    // is one the templates write, with only their attributes.
    for bad in ["<img", "<b>", "</div><", "<!--"] {
        assert!(!lower.contains(bad), "found {bad:?} in the report");
    }
    for (name, attrs) in tags(&html) {
        assert!(TAGS.contains(&name.as_str()), "unexpected element <{name}>");
        for a in attrs {
            assert!(
                ATTRS.contains(&a.as_str()),
                "unexpected attribute {a} on <{name}>"
            );
        }
    }
    // Escaped, the text is still there.
    assert!(
        html.contains("&#60;script&#62;alert(&#39;doc&#39;)"),
        "{html}"
    );
    assert!(html.contains("Zorkland"));
    // A javascript: source never becomes a link; an http one is escaped inside href.
    assert!(!lower.contains("href=\"javascript:"));
    assert!(html.contains("javascript:alert(1)"), "shown as text");
    assert!(html.contains("href=\"https://example.org/&#34;&#62;&#60;script&#62;alert(2)"));
    // Every attribute value is quoted with " and no raw " appears inside one: the page
    // parses into the same attributes whatever the input held.
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap();
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in <{tag}>"
        );
    }
}

#[test]
fn the_report_script_is_the_one_the_csp_allows() {
    use sha2::{Digest, Sha256};
    let html = hostile_html();
    let csp = html
        .split("Content-Security-Policy\" content=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(csp.contains("default-src 'none'"));
    let script = html
        .split("<script>")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let digest = Sha256::digest(script.as_bytes());
    let hash = format!("sha256-{}", base64(&digest));
    assert_eq!(numcheck::report::html::SCRIPT_SHA256, hash);
    assert!(csp.contains(&format!("script-src '{hash}'")), "{csp}");
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                s.push(A[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[test]
fn the_html_report_is_self_contained() {
    let b = batch();
    let html = render("html", &b);
    let lower = html.to_ascii_lowercase();
    for remote in ["<link", "src=\"http", "@import", "url(", "<iframe", "<img"] {
        assert!(!lower.contains(remote), "{remote}");
    }
    assert!(html.contains("notes/missing.txt"), "errors in the summary");
    assert!(html.contains("Most contradicted entities"));
    assert!(html.contains("data-filter=\"contradicted\""));
    // Each highlighted claim opens its details.
    let links = html.matches("<a class=\"claim ").count();
    let details = html.matches("<details class=\"claim-detail").count();
    let claims: usize = b.docs.iter().map(|d| d.2.len()).sum();
    assert_eq!(details, claims);
    assert_eq!(links, claims);
    let mut sink = std::io::sink();
    sink.write_all(html.as_bytes()).unwrap();
}

/// The command line reaches every report format through `--format`.
#[test]
fn every_format_from_the_command_line() {
    for (format, probe) in [
        ("html", "<!doctype html>"),
        ("markdown", "## numcheck report"),
        ("sarif", "\"version\":\"2.1.0\""),
        ("rdjsonl", "\"numcheck/contradicted\""),
        ("w3c", "\"AnnotationCollection\""),
    ] {
        let out = assert_cmd::Command::cargo_bin("numcheck")
            .unwrap()
            .args([
                "check",
                "tests/fixtures/report-batch.txt",
                "--format",
                format,
            ])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(probe), "{format}: {out}");
    }
}

/// The hostile report opened in a real browser, when one is installed (Debian's
/// `chromium`; skipped otherwise, so CI stays light): the page's own script runs (the
/// CSP hash is right) and nothing from the document does.
#[test]
fn a_browser_runs_the_report_script_and_nothing_else() {
    let Some(browser) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        eprintln!("no chromium on PATH: browser check skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, hostile_html()).unwrap();
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=2000",
            "--dump-dom",
        ])
        .arg(format!("file://{}#c1-1", page.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    if dom.trim().is_empty() {
        eprintln!("{browser} printed no DOM: browser check skipped");
        return;
    }
    // The report's script ran: the claim named in the URL is open and marked.
    assert!(
        dom.contains("class=\"claim-detail v-contradicted current\" id=\"c1-1\" open"),
        "the report script did not run: {dom}"
    );
    // Nothing from the document became an element or ran.
    let lower = dom.to_ascii_lowercase();
    assert!(!lower.contains("<img"), "{dom}");
    assert!(!lower.contains("<b>"), "{dom}");
    assert_eq!(lower.matches("<script").count(), 1, "{dom}");
    assert!(
        !dom.contains("data-pwned=\""),
        "a script from the document ran: {dom}"
    );
}
