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
    let (cp, note) = if let Some(done) = crate::store_url::checkpoint(&dir, &signer)? {
        done
    } else {
        // Entries another key signed: their roots were checked, their signatures could not be.
        let (cp, note, others) = rxledger::proofs::checkpoint_listing_others(&dir, &signer)?;
        if let Some((size, signers)) = others.last() {
            crate::common::warn(
                &rxledger::reconcile::Msg::new("cli-checkpoint-other-signers")
                    .arg("count", others.len())
                    .arg(
                        "count_plural",
                        rxledger::reconcile::Fact::Term(
                            rxledger::report::messages::plural(others.len()).into(),
                        ),
                    )
                    .arg("size", *size)
                    .arg("signers", signers.as_str())
                    .arg("key", signer.verifier().label()),
            );
        }
        (cp, note)
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
