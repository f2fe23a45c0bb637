//! SARIF 2.1.0, as GitHub code scanning accepts it: one run, `tool.driver` with the three
//! rules, one result per finding (supported claims are not findings), regions in Unicode
//! code points (`columnKind: "unicodeCodePoints"`, end column exclusive), unreadable inputs
//! as `invocations[0].toolExecutionNotifications`.
//!
//! The log is streamed: the run's header is written before the first result, each result
//! as it comes (one per line), and the invocation when the batch ends. Every piece is a
//! typed struct below; `tests/formats.rs` reads the whole log back into [`Log`].

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::rules::{self, Finding, RULES, Rule};
use super::{Document, Printer, Summary};
use crate::position::LineIndex;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const VERSION: &str = "2.1.0";
pub const COLUMN_KIND: &str = "unicodeCodePoints";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Log {
    #[serde(rename = "$schema")]
    pub schema: String,
    pub version: String,
    pub runs: Vec<Run>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    pub column_kind: String,
    pub results: Vec<SarifResult>,
    pub invocations: Vec<Invocation>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub name: String,
    pub version: String,
    pub semantic_version: String,
    pub rules: Vec<ReportingDescriptor>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ReportingDescriptor {
    pub id: String,
    pub name: String,
    pub short_description: MultiformatMessage,
    pub full_description: MultiformatMessage,
    pub help: MultiformatMessage,
    pub default_configuration: Configuration,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MultiformatMessage {
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Configuration {
    pub level: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Message {
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: String,
    pub rule_index: usize,
    pub level: String,
    pub message: Message,
    pub locations: Vec<Location>,
    /// A stable identity across runs (path, rule, entity, property, claim text), so code
    /// scanning can track an alert when lines move.
    pub partial_fingerprints: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub physical_location: PhysicalLocation,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub region: Option<Region>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArtifactLocation {
    pub uri: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    /// The column after the last character (exclusive), in code points.
    pub end_column: usize,
    /// The claim's text.
    pub snippet: Message,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    pub execution_successful: bool,
    pub tool_execution_notifications: Vec<Notification>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Notification {
    pub level: String,
    pub message: Message,
    pub locations: Vec<Location>,
}

fn driver() -> Driver {
    Driver {
        name: "numcheck".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        semantic_version: env!("CARGO_PKG_VERSION").into(),
        rules: RULES.iter().map(descriptor).collect(),
    }
}

fn descriptor(r: &Rule) -> ReportingDescriptor {
    ReportingDescriptor {
        id: r.id.into(),
        name: r.name.into(),
        short_description: MultiformatMessage {
            text: r.short.into(),
        },
        full_description: MultiformatMessage {
            text: r.help.into(),
        },
        help: MultiformatMessage {
            text: r.help.into(),
        },
        default_configuration: Configuration {
            level: r.level.into(),
        },
    }
}

/// 64-bit FNV-1a, printed as hex: a stable fingerprint that needs no dependency.
fn fnv1a(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn result(path: &str, doc: &Document, index: &LineIndex, f: &Finding) -> SarifResult {
    let q = &f.annotation.quantity;
    let r = index.range(doc.text, q.span);
    let text = q.span.slice(doc.text);
    let mut fp = std::collections::BTreeMap::new();
    fp.insert(
        "numcheckClaim/v1".to_string(),
        fnv1a(&[
            path,
            f.rule.id,
            &f.annotation.link.entity,
            &f.annotation.link.property,
            text,
        ]),
    );
    SarifResult {
        rule_id: f.rule.id.into(),
        rule_index: rules::rule_index(&f.rule),
        level: f.rule.level.into(),
        message: Message {
            text: f.message.clone(),
        },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: rules::uri_reference(path),
                },
                region: Some(Region {
                    start_line: r.start.line,
                    start_column: r.start.column,
                    end_line: r.end.line,
                    end_column: r.end.column,
                    snippet: Message { text: text.into() },
                }),
            },
        }],
        partial_fingerprints: fp,
    }
}

pub struct SarifPrinter<W: Write> {
    out: W,
    started: bool,
    results: usize,
    notifications: Vec<Notification>,
}

impl<W: Write> SarifPrinter<W> {
    pub fn new(out: W) -> Self {
        SarifPrinter {
            out,
            started: false,
            results: 0,
            notifications: Vec::new(),
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        // Everything of the log before the results, from the typed structs.
        write!(
            self.out,
            "{{\"$schema\":{},\"version\":{},\"runs\":[{{\"tool\":",
            serde_json::to_string(SCHEMA)?,
            serde_json::to_string(VERSION)?
        )?;
        serde_json::to_writer(&mut self.out, &Tool { driver: driver() })?;
        write!(
            self.out,
            ",\"columnKind\":{},\"results\":[",
            serde_json::to_string(COLUMN_KIND)?
        )?;
        Ok(())
    }
}

impl<W: Write> Printer for SarifPrinter<W> {
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        self.start()?;
        if doc.annotations.is_empty() {
            return Ok(());
        }
        let index = LineIndex::new(doc.text);
        for a in doc.annotations {
            for f in rules::findings(a) {
                let r = result(doc.path, doc, &index, &f);
                self.out
                    .write_all(if self.results == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut self.out, &r)?;
                self.results += 1;
            }
        }
        Ok(())
    }

    fn error(&mut self, path: &str, message: &str) -> io::Result<()> {
        self.notifications.push(Notification {
            level: "error".into(),
            message: Message {
                text: message.into(),
            },
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: rules::uri_reference(path),
                    },
                    region: None,
                },
            }],
        });
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.start()?;
        let invocation = Invocation {
            execution_successful: self.notifications.is_empty(),
            tool_execution_notifications: std::mem::take(&mut self.notifications),
        };
        self.out.write_all(b"\n],\"invocations\":[")?;
        serde_json::to_writer(&mut self.out, &invocation)?;
        self.out.write_all(b"]}]}\n")?;
        self.out.flush()
    }
}
