//! SARIF 2.1.0 (static analysis results interchange format), for code-scanning dashboards.
//!
//! Hand-written serde structs of the few objects used (the `serde-sarif` crate was found broken);
//! the shape is documented in `docs/findings.md`.

use rxledger_reconcile::check::CheckReport;
use rxledger_reconcile::{Severity, RULES};
use serde::Serialize;

use crate::messages::{Lang, Messages};

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
