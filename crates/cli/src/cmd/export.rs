//! `rxledger export`.

use std::path::PathBuf;

use anyhow::Result;
use rxledger::store;

use super::Outcome;

/// Export the acknowledged records to one JSON Lines file (line N = record N).
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory.
    dir: PathBuf,
    /// Output file.
    #[arg(short, long)]
    output: PathBuf,
}

/// Runs `rxledger export`.
pub fn run(args: Args) -> Result<Outcome> {
    let head = store::export(&args.dir, &args.output)?;
    println!(
        "exported {} records to {}; head {}",
        head.seq,
        args.output.display(),
        head
    );
    Ok(Outcome::Clean)
}
