//! SARIF 2.1.0 (static analysis results interchange format), for code-scanning dashboards.
//!
//! Hand-written serde structs of the few objects used (the `serde-sarif` crate was found broken);
//! the shape is documented in `docs/findings.md`.
//!
//! Findings are results of kind `fail` (the default, not written). Open items (pending) are
//! results of kind `open` ("the tool could not determine whether the result is a pass or a
//! fail", SARIF 2.1.0 §3.27.9), whose level is then `none` as §3.27.10 requires; their due time
//! and what would close them are in `properties`.

use rxledger_reconcile::check::CheckReport;
use rxledger_reconcile::{Msg, Rule, Severity, RULES};
use serde::{Serialize, Serializer};
use std::io::{self, Write};

use crate::messages::{Lang, Messages};
use crate::Lazy;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Sarif<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    /// One run per ledger, each made as it is written.
    runs: Lazy<'a, CheckReport, SarifRun<'a>>,
}

#[derive(Serialize)]
struct SarifRun<'a> {
    tool: SarifTool,
    results: Results<'a>,
}

/// A run's results (its findings, then its open items), each rendered as it is written: a
/// ledger can end with a hundred thousand open items.
struct Results<'a> {
    r: &'a CheckReport,
    m: &'a Messages,
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(results(self.r, self.m))
    }
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
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    level: &'static str,
    message: SarifText,
    locations: Vec<SarifLocation>,
    properties: SarifProps,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifProps {
    seqs: Vec<u64>,
    severity: &'static str,
    /// Open items: when it becomes a finding (RFC 3339, UTC).
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    /// Open items: what would close it.
    #[serde(skip_serializing_if = "Option::is_none")]
    closed_by: Option<String>,
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
    sarif_many_with(reports, &Messages::new(Lang::En))
}

/// SARIF 2.1.0 for one ledger, message texts and rule descriptions in the language of `m`.
pub fn sarif_with(r: &CheckReport, m: &Messages) -> String {
    sarif_many_with(std::slice::from_ref(r), m)
}

/// SARIF 2.1.0 for several ledgers, message texts and rule descriptions in the language of `m`;
/// instants (`due`) stay RFC 3339.
pub fn sarif_many_with(reports: &[CheckReport], m: &Messages) -> String {
    crate::rendered(|w| write_sarif_many_with(w, reports, m))
}

/// [`sarif_many_with`], written to `w` as it is rendered: the same bytes, without holding the
/// document, or more than one result's texts, in memory. Errors are `w`'s.
///
/// It makes many small writes: give it a buffered writer (`std::io::BufWriter`) over a file
/// or a socket.
pub fn write_sarif_many_with<W: Write + ?Sized>(
    w: &mut W,
    reports: &[CheckReport],
    m: &Messages,
) -> io::Result<()> {
    let doc = Sarif {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: Lazy {
            items: reports,
            m,
            render: sarif_run,
        },
    };
    serde_json::to_writer_pretty(w, &doc).map_err(io::Error::from)
}

fn sarif_run<'a>(r: &'a CheckReport, m: &'a Messages) -> SarifRun<'a> {
    let rules = RULES
        .iter()
        .map(|i| SarifRule {
            id: i.code,
            name: i.title,
            short_description: SarifText {
                text: m.rule_title(i).into_owned(),
            },
            full_description: SarifText {
                text: m.rule_description(i).into_owned(),
            },
            help: SarifText {
                text: m.render(&Msg::new("sarif-source").arg("source", m.rule_source(i).as_ref())),
            },
            default_configuration: SarifConfig {
                level: level(i.severity),
            },
        })
        .collect();
    SarifRun {
        tool: SarifTool {
            driver: SarifDriver {
                name: "rxledger",
                version: env!("CARGO_PKG_VERSION"),
                rules,
            },
        },
        results: Results { r, m },
    }
}

/// A file's path as a SARIF artifact URI: a relative path as a relative reference (viewers
/// resolve it against the checkout, when `check` ran from the repository's root), an absolute
/// one as a `file://` URI; `\` separators as `/`, and any byte outside the unreserved set
/// percent-encoded.
fn uri(path: &std::path::Path) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    /// RFC 3986's unreserved characters and `/` stay as they are.
    const KEEP: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'/');
    let text = path.to_string_lossy().replace('\\', "/");
    let encoded = utf8_percent_encode(&text, KEEP).to_string();
    if text.starts_with('/') {
        format!("file://{encoded}")
    } else if text.as_bytes().get(1) == Some(&b':') {
        // A Windows drive (`C:/…`): its colon stays.
        format!("file:///{}", encoded.replacen("%3A", ":", 1))
    } else {
        encoded
    }
}

/// The results of `r`: its findings, then its open items.
fn results<'a>(r: &'a CheckReport, m: &'a Messages) -> impl Iterator<Item = SarifResult> + 'a {
    let result = move |rule: Rule, seq: u64, text: String, properties: SarifProps| {
        let (file, line) = r.locate(seq);
        SarifResult {
            rule_id: rule.code(),
            rule_index: rule as usize,
            kind: None,
            level: "none",
            message: SarifText { text },
            locations: vec![SarifLocation {
                physical_location: SarifPhysical {
                    artifact_location: SarifArtifact { uri: uri(&file) },
                    region: SarifRegion { start_line: line },
                },
            }],
            properties,
        }
    };
    let findings = r.findings.iter().map(move |f| {
        let props = SarifProps {
            seqs: f.seqs.clone(),
            severity: f.severity.as_str(),
            due: None,
            closed_by: None,
        };
        SarifResult {
            level: level(f.severity),
            ..result(f.rule, f.seq, m.message(f), props)
        }
    });
    let pending = r.pending.iter().map(move |p| {
        let props = SarifProps {
            seqs: p.seqs.clone(),
            severity: p.severity.as_str(),
            due: Some(p.due.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
            closed_by: Some(m.render(&p.closed_by)),
        };
        SarifResult {
            kind: Some("open"),
            ..result(p.rule, p.seq, m.render(&p.message), props)
        }
    });
    findings.chain(pending)
}

#[cfg(test)]
mod tests {
    use super::uri;
    use std::path::Path;

    #[test]
    fn paths_are_uri_references() {
        assert_eq!(uri(Path::new("samples/a b.jsonl")), "samples/a%20b.jsonl");
        assert_eq!(
            uri(Path::new("/tmp/账本/seg-1.jsonl")),
            "file:///tmp/%E8%B4%A6%E6%9C%AC/seg-1.jsonl"
        );
        assert_eq!(
            uri(Path::new("C:\\l\\x#1.jsonl")),
            "file:///C:/l/x%231.jsonl"
        );
        assert_eq!(uri(Path::new("50%.jsonl")), "50%25.jsonl");
    }
}
