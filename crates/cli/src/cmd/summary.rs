//! `rxledger summary`.

use std::path::PathBuf;

use anyhow::Result;

use super::Outcome;
use crate::common::parse_head;
use crate::progress::Progress;

/// Counts per kind, head hash, chain status and stock per product and batch.
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory or exported file.
    path: PathBuf,
    /// A trusted earlier head (as for `verify`).
    #[arg(long)]
    head: Option<String>,
}

/// Runs `rxledger summary`.
pub fn run(args: Args) -> Result<Outcome> {
    let expected = parse_head(args.head.as_deref())?;
    let progress = Progress::reading(&args.path, "summary");
    let s = rxledger::summary::summarize_with_progress(&args.path, expected, progress.bytes())?;
    progress.finish();
    print!("{}", s.to_text());
    Ok(Outcome::findings_if(s.verify.failure.is_some()))
}
