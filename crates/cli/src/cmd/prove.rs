//! `rxledger prove`.

use std::path::PathBuf;

use anyhow::Result;

use super::Outcome;
use crate::common::{read_checkpoint_unverified, write_file};

/// Write an inclusion proof of record --seq in a checkpoint's tree, or with --consistency a
/// consistency proof from an older checkpoint.
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory, or `postgres://…?ledger=NAME`.
    dir: PathBuf,
    /// Record to prove.
    #[arg(
        long,
        conflicts_with = "consistency",
        required_unless_present = "consistency"
    )]
    seq: Option<u64>,
    /// The (newer) checkpoint.
    #[arg(long)]
    checkpoint: PathBuf,
    /// The older checkpoint, for a consistency proof.
    #[arg(long)]
    consistency: Option<PathBuf>,
    /// Output file.
    #[arg(short, long)]
    output: PathBuf,
}

/// Runs `rxledger prove`.
pub fn run(args: Args) -> Result<Outcome> {
    let Args {
        dir,
        seq,
        checkpoint,
        consistency,
        output,
    } = args;
    let new = read_checkpoint_unverified(&checkpoint)?;
    let old = consistency
        .as_deref()
        .map(read_checkpoint_unverified)
        .transpose()?;
    if let Some(proof) = crate::store_url::prove(&dir, seq, old.as_ref(), &new)? {
        write_file(&output, proof.to_json())?;
        crate::common::say(
            &rxledger::reconcile::Msg::new("cli-proof-written")
                .arg("path", output.display().to_string()),
        );
        return Ok(Outcome::Clean);
    }
    let proof = match (seq, old) {
        (Some(seq), None) => rxledger::proofs::prove_inclusion(&dir, seq, &new)?,
        (None, Some(old)) => rxledger::proofs::prove_consistency(&dir, &old, &new)?,
        _ => {
            return Err(crate::fail::said(rxledger::reconcile::Msg::new(
                "cli-prove-what",
            )))
        }
    };
    write_file(&output, proof.to_json())?;
    crate::common::say(
        &rxledger::reconcile::Msg::new("cli-proof-written")
            .arg("path", output.display().to_string()),
    );
    Ok(Outcome::Clean)
}
