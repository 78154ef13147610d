//! `rxledger report`.

use std::path::PathBuf;

use anyhow::Result;

use super::Outcome;
use crate::common::{load_config, parse_head, write_file};

/// Write one self-contained HTML inspection report (chain status, findings with evidence,
/// stock, custody chains of special-control batches, temperature charts) of one or more
/// ledgers. Exit 0 once written, whatever it shows (use `check` as a CI gate).
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directories or exported files (several are also reconciled against each other).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Where to write the HTML file.
    #[arg(short, long)]
    output: PathBuf,
    /// TOML configuration, as for `check`.
    #[arg(long)]
    config: Option<PathBuf>,
    /// A trusted earlier head (as for `verify`).
    #[arg(long)]
    head: Option<String>,
}

/// Runs `rxledger report`.
pub fn run(args: Args) -> Result<Outcome> {
    let m = crate::lang::messages();
    let options = rxledger::html::Options {
        config: load_config(args.config.as_deref())?,
        expected: parse_head(args.head.as_deref())?,
        lang: m.lang(),
        zone: m.zone().clone(),
        ..Default::default()
    };
    let report = rxledger::html::build(&args.paths, &options)?;
    let html = report.to_html();
    write_file(&args.output, &html)?;
    let findings: usize = report.ledgers.iter().map(|l| l.check.findings.len()).sum();
    let series: usize = report.ledgers.iter().map(|l| l.series.len()).sum();
    let wrote = rxledger::reconcile::Msg::new("cli-report-written")
        .arg("path", args.output.display().to_string())
        .arg("bytes", html.len())
        .arg("ledgers", report.ledgers.len())
        .arg("findings", findings)
        .arg("series", series)
        .arg("custody", report.custody.len());
    eprintln!("{}", m.render(&wrote));
    Ok(Outcome::Clean)
}
