//! Rendering check results: human text, JSON (`docs/findings.md`), `JUnit` XML and SARIF 2.1.0,
//! and (feature `html`) the self-contained HTML inspection report with SVG charts. Sentences are
//! rendered from the findings' typed facts by [`messages`].
#![forbid(unsafe_code)]

#[cfg(feature = "html")]
pub mod chart;
#[cfg(feature = "html")]
pub mod html;
pub mod messages;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rxledger_reconcile::{Finding, Rule, Severity, RULES};

use crate::messages::{Lang, Messages};
use serde::Serialize;

use rxledger_reconcile::check::CheckReport;

/// Human-readable text: findings grouped by rule, then a summary table.
pub fn text(r: &CheckReport) -> String {
    let m = Messages::new(Lang::En);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {} records, {} events reconciled, head {}",
        r.path.display(),
        r.verify.head.seq,
        r.events,
        r.verify.head
    );
    let mut by_rule: BTreeMap<Rule, Vec<&Finding>> = BTreeMap::new();
    for f in &r.findings {
        by_rule.entry(f.rule).or_default().push(f);
    }
    for info in RULES {
        let Some(list) = by_rule.get(&info.rule) else {
            continue;
        };
        let _ = writeln!(
            s,
            "\n{} ({}, {}): {}",
            info.code,
            list[0].severity,
            list.len(),
            info.title
        );
        for f in list.iter().take(50) {
            let _ = writeln!(s, "  seq {:>8}  {}", f.seq, m.message(f));
            if let (Some(e), Some(a)) = (m.expected(f), m.actual(f)) {
                let _ = writeln!(s, "                  expected {e}, found {a}");
            }
        }
        if list.len() > 50 {
            let _ = writeln!(
                s,
                "  … and {} more (use --format json for all)",
                list.len() - 50
            );
        }
    }
    let _ = writeln!(s, "\n{:<14} {:<9} {:>8}", "rule", "severity", "findings");
    let mut total = 0;
    for info in RULES {
        if let Some(list) = by_rule.get(&info.rule) {
            let _ = writeln!(
                s,
                "{:<14} {:<9} {:>8}",
                info.code,
                list[0].severity.as_str(),
                list.len()
            );
            total += list.len();
        }
    }
    let _ = writeln!(s, "{:<14} {:<9} {:>8}", "total", "", total);
    s
}

#[derive(Serialize)]
struct JsonReport<'a> {
    format: &'static str,
    ledger: String,
    records: u64,
    head: String,
    chain_ok: bool,
    events: u64,
    counts: BTreeMap<Rule, usize>,
    findings: Vec<FindingJson<'a>>,
}

/// A finding as documented in `docs/findings.md`: the finding's data with its figures and
/// sentence rendered, plus the message id and typed facts the sentence was made from.
#[derive(Serialize)]
struct FindingJson<'a> {
    rule: Rule,
    severity: Severity,
    seq: u64,
    seqs: &'a [u64],
    #[serde(skip_serializing_if = "Option::is_none")]
    party: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    product: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    batch: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actual: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    interval: Option<rxledger_reconcile::Interval>,
    message: String,
    message_id: &'a str,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    facts: &'a BTreeMap<std::borrow::Cow<'static, str>, rxledger_reconcile::Fact>,
}

impl<'a> FindingJson<'a> {
    fn new(f: &'a Finding, m: &Messages) -> Self {
        FindingJson {
            rule: f.rule,
            severity: f.severity,
            seq: f.seq,
            seqs: &f.seqs,
            party: f.party.as_deref(),
            product: f.product.as_deref(),
            batch: f.batch.as_deref(),
            location: f.location.as_deref(),
            expected: m.expected(f),
            actual: m.actual(f),
            interval: f.interval,
            message: m.message(f),
            message_id: &f.message.id,
            facts: &f.message.args,
        }
    }
}

/// JSON for several ledgers: an array of the single-ledger documents.
pub fn json_many(reports: &[CheckReport]) -> String {
    let parts: Vec<String> = reports.iter().map(json).collect();
    format!("[\n{}\n]", parts.join(",\n"))
}

/// JSON, as documented in `docs/findings.md`.
pub fn json(r: &CheckReport) -> String {
    let m = Messages::new(Lang::En);
    let mut counts = BTreeMap::new();
    for f in &r.findings {
        *counts.entry(f.rule).or_insert(0) += 1;
    }
    let j = JsonReport {
        format: "rxledger-findings/1",
        ledger: r.path.display().to_string(),
        records: r.verify.head.seq,
        head: r.verify.head.hash.to_hex(),
        chain_ok: r.verify.failure.is_none(),
        events: r.events,
        counts,
        findings: r.findings.iter().map(|f| FindingJson::new(f, &m)).collect(),
    };
    serde_json::to_string_pretty(&j).unwrap_or_default()
}

/// Escapes text for XML and HTML, in element content and in attribute values; drops the control
/// characters XML 1.0 does not allow (all but tab and newline).
pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => o.push(c),
        }
    }
    o
}

/// `JUnit` XML: one test case per rule, one failure per finding.
pub fn junit(r: &CheckReport) -> String {
    junit_many(std::slice::from_ref(r))
}

/// `JUnit` XML for several ledgers: one test suite per ledger.
pub fn junit_many(reports: &[CheckReport]) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let failures: usize = reports.iter().map(|r| r.findings.len()).sum();
    let _ = writeln!(
        s,
        "<testsuites name=\"rxledger check\" tests=\"{}\" failures=\"{failures}\">",
        RULES.len() * reports.len()
    );
    for r in reports {
        junit_suite(&mut s, r);
    }
    s.push_str("</testsuites>\n");
    s
}

fn junit_suite(s: &mut String, r: &CheckReport) {
    let m = Messages::new(Lang::En);
    let failures = r.findings.len();
    let _ = writeln!(
        s,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">",
        xml_escape(&r.path.display().to_string()),
        RULES.len()
    );
    for info in RULES {
        let _ = write!(
            s,
            "    <testcase classname=\"rxledger.rules\" name=\"{}\"",
            info.code
        );
        let list: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == info.rule).collect();
        if list.is_empty() {
            s.push_str("/>\n");
            continue;
        }
        s.push_str(">\n");
        for f in list {
            let (file, line) = r.locate(f.seq);
            let message = m.message(f);
            let _ = writeln!(
                s,
                "      <failure type=\"{}\" message=\"{}\">{}:{} seq {}: {}</failure>",
                f.severity,
                xml_escape(&message),
                xml_escape(&file.display().to_string()),
                line,
                f.seq,
                xml_escape(&message)
            );
        }
        s.push_str("    </testcase>\n");
    }
    s.push_str("  </testsuite>\n");
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Sarif {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<SarifRun>,
}

#[derive(Serialize)]
struct SarifRun {
    tool: SarifTool,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct SarifTool {
    driver: SarifDriver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifDriver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<SarifRule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRule {
    id: &'static str,
    name: &'static str,
    short_description: SarifText,
    full_description: SarifText,
    help: SarifText,
    default_configuration: SarifConfig,
}

#[derive(Serialize)]
struct SarifConfig {
    level: &'static str,
}

#[derive(Serialize)]
struct SarifText {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: SarifText,
    locations: Vec<SarifLocation>,
    properties: SarifProps,
}

#[derive(Serialize)]
struct SarifProps {
    seqs: Vec<u64>,
    severity: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    physical_location: SarifPhysical,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifPhysical {
    artifact_location: SarifArtifact,
    region: SarifRegion,
}

#[derive(Serialize)]
struct SarifArtifact {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    start_line: u64,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "error",
        Severity::Major => "warning",
        Severity::Minor => "note",
    }
}

/// SARIF 2.1.0: rules in `runs[].tool.driver.rules`, one result per finding with a physical
/// location at the record's line.
pub fn sarif(r: &CheckReport) -> String {
    sarif_many(std::slice::from_ref(r))
}

/// SARIF 2.1.0 for several ledgers: one run per ledger.
pub fn sarif_many(reports: &[CheckReport]) -> String {
    let doc = Sarif {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: reports.iter().map(sarif_run).collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn sarif_run(r: &CheckReport) -> SarifRun {
    let m = Messages::new(Lang::En);
    let rules = RULES
        .iter()
        .map(|i| SarifRule {
            id: i.code,
            name: i.title,
            short_description: SarifText {
                text: i.title.to_owned(),
            },
            full_description: SarifText {
                text: i.description.to_owned(),
            },
            help: SarifText {
                text: format!("Source: {}", i.source),
            },
            default_configuration: SarifConfig {
                level: level(i.severity),
            },
        })
        .collect();
    let results = r
        .findings
        .iter()
        .map(|f| {
            let (file, line) = r.locate(f.seq);
            SarifResult {
                rule_id: f.rule.code(),
                rule_index: f.rule as usize,
                level: level(f.severity),
                message: SarifText { text: m.message(f) },
                locations: vec![SarifLocation {
                    physical_location: SarifPhysical {
                        artifact_location: SarifArtifact {
                            uri: file.display().to_string(),
                        },
                        region: SarifRegion { start_line: line },
                    },
                }],
                properties: SarifProps {
                    seqs: f.seqs.clone(),
                    severity: f.severity.as_str(),
                },
            }
        })
        .collect();
    SarifRun {
        tool: SarifTool {
            driver: SarifDriver {
                name: "rxledger",
                version: env!("CARGO_PKG_VERSION"),
                information_uri: "https://example.invalid/rxledger",
                rules,
            },
        },
        results,
    }
}
