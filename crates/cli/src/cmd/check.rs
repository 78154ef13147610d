//! `rxledger check`.

use std::path::PathBuf;

use anyhow::Result;

use super::Outcome;
use crate::common::{load_config, parse_head, write_output, write_output_with};
use crate::progress::Progress;

/// Verify and reconcile a ledger: goods, books, invoices, payments, stock, batches,
/// qualifications. Exit 1 when a finding reaches --fail-on (or, with --fail-on-pending, an open
/// item does).
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directories or exported files; with several, they are also reconciled against
    /// each other (dispatches against receipts, unit codes).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// TOML configuration (thresholds, severities, disabled rules); see `rxledger rules --config-template`.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, default_value = "minor")]
    fail_on: rxledger::reconcile::Severity,
    /// Also exit 1 when an open item (pending: a deadline not yet passed at the end of the
    /// ledger, such as an invoice not yet due for payment) reaches --fail-on.
    #[arg(long)]
    fail_on_pending: bool,
    /// A trusted earlier head (as for `verify`).
    #[arg(long)]
    head: Option<String>,
    /// Write the report to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Output format of `check`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    /// Human-readable text grouped by rule.
    Text,
    /// JSON (docs/findings.md).
    Json,
    /// `JUnit` XML: one test case per rule, one failure per finding.
    Junit,
    /// SARIF 2.1.0.
    Sarif,
}

/// Runs `rxledger check`.
pub fn run(args: Args) -> Result<Outcome> {
    let cfg = load_config(args.config.as_deref())?;
    let expected = parse_head(args.head.as_deref())?;
    // The registered names of parties and products, gathered in the same pass, are shown
    // beside their ids.
    let (reports, names) =
        if let Some(report) = crate::store_url::check(&args.paths, &cfg, expected)? {
            (vec![report], rxledger::report::Names::new())
        } else if let [path] = args.paths.as_slice() {
            let progress = Progress::reading(path, "check");
            let (report, names) =
                rxledger::report::names::check_named(path, cfg, expected, progress.bytes())?;
            progress.finish();
            (vec![report], names)
        } else {
            rxledger::report::names::check_ledgers_named(&args.paths, &cfg, expected)?
        };
    let m = &crate::lang::messages().with_names(names);
    let out = args.output.as_deref();
    match (args.format, reports.as_slice()) {
        (Format::Text, _) => write_output(
            out,
            &reports
                .iter()
                .map(|r| rxledger::report::text_with(r, m))
                .collect::<Vec<_>>()
                .join("\n"),
        )?,
        // JSON, JUnit and SARIF are written as they are rendered: a ledger's open items can
        // make 100 MB of them.
        (Format::Json, [one]) => {
            write_output_with(out, |w| rxledger::report::write_json_with(w, one, m))?;
        }
        (Format::Json, _) => {
            write_output_with(out, |w| {
                rxledger::report::write_json_many_with(w, &reports, m)
            })?;
        }
        (Format::Junit, _) => {
            write_output_with(out, |w| {
                rxledger::report::write_junit_many_with(w, &reports, m)
            })?;
        }
        (Format::Sarif, _) => {
            write_output_with(out, |w| {
                rxledger::report::write_sarif_many_with(w, &reports, m)
            })?;
        }
    }
    let failing = reports
        .iter()
        .flat_map(|r| r.findings.iter())
        .any(|f| f.severity >= args.fail_on || f.rule == rxledger::reconcile::Rule::Chain);
    let pending = args.fail_on_pending
        && reports
            .iter()
            .flat_map(|r| r.pending.iter())
            .any(|p| p.severity >= args.fail_on);
    Ok(Outcome::findings_if(failing || pending))
}
