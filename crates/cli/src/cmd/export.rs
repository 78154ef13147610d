//! `rxledger export`.

use std::path::PathBuf;

use anyhow::Result;
use rxledger::store;

use super::Outcome;
use crate::common::{write_atomic, Replace};

/// Export the acknowledged records to one JSON Lines file (line N = record N). The file is
/// written under a temporary name in the same directory and renamed once complete and synced.
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory or `postgres://…?ledger=NAME`.
    dir: PathBuf,
    /// Output file.
    #[arg(short, long)]
    output: PathBuf,
    /// `jsonl`: the records; `epcis`: the goods movements as a GS1 EPCIS 2.0 JSON-LD document
    /// (docs/epcis.md).
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "epcis"])]
    format: String,
}

/// Runs `rxledger export`.
pub fn run(args: Args) -> Result<Outcome> {
    if args.format == "epcis" {
        return super::import::export_epcis(&args.dir, &args.output);
    }
    let head = write_atomic(&args.output, Replace::Allow, |tmp| {
        if let Some(head) = crate::store_url::export(&args.dir, tmp.path())? {
            return Ok(head);
        }
        Ok(store::export(&args.dir, tmp.path())?)
    })?;
    crate::common::say(
        &rxledger::reconcile::Msg::new("cli-exported")
            .arg("records", head.seq)
            .arg("path", args.output.display().to_string())
            .arg("head", head.to_string()),
    );
    Ok(Outcome::Clean)
}
