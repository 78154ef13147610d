//! `rxledger checkpoint`.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::Outcome;
use crate::common::{read_text, write_file};

/// Verify the ledger, sign a checkpoint of its current state and record it in the ledger's
/// checkpoint history.
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory, or `postgres://…?ledger=NAME` (history kept in the database).
    dir: PathBuf,
    /// Private key file (NAME.key).
    #[arg(long)]
    key: PathBuf,
    /// Where to write the checkpoint.
    #[arg(short, long)]
    output: PathBuf,
}

/// Runs `rxledger checkpoint`.
pub fn run(args: Args) -> Result<Outcome> {
    let Args { dir, key, output } = args;
    let text = read_text(&key)?;
    let signer =
        rxledger::checkpoint::SignerKey::parse(&text).with_context(|| key.display().to_string())?;
    let (cp, note) = match crate::store_url::checkpoint(&dir, &signer)? {
        Some(done) => done,
        None => rxledger::proofs::checkpoint(&dir, &signer)?,
    };
    write_file(&output, &note)?;
    crate::common::say(
        &rxledger::reconcile::Msg::new("cli-checkpoint-written")
            .arg("records", cp.size)
            .arg("signer", signer.name())
            .arg("path", output.display().to_string()),
    );
    Ok(Outcome::Clean)
}
