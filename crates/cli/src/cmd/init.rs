//! `rxledger init`.

use std::path::PathBuf;

use anyhow::Result;
use rxledger::store::FileStore;

use super::Outcome;

/// Create an empty ledger directory (or, given `postgres://…?ledger=NAME`, an empty ledger in
/// PostgreSQL).
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory (created; must be empty if it exists).
    dir: PathBuf,
}

/// Runs `rxledger init`.
pub fn run(args: Args) -> Result<Outcome> {
    if let Some(outcome) = crate::store_url::init(&args.dir)? {
        return Ok(outcome);
    }
    FileStore::init(&args.dir)?;
    crate::common::say(
        &rxledger::reconcile::Msg::new("cli-initialised")
            .arg("ledger", args.dir.display().to_string()),
    );
    Ok(Outcome::Clean)
}
