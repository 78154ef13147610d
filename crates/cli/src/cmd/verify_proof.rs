//! `rxledger verify-proof`.

use std::ops::ControlFlow;
use std::path::PathBuf;

use anyhow::{Context, Result};
use rxledger::checkpoint::ProofFile;

use super::Outcome;
use crate::common::{open_checkpoint_or_fail, read_text};

/// Check a record (or a consistency proof) against a proof, a checkpoint and a public key
/// alone, without the ledger.
#[derive(clap::Args)]
pub struct Args {
    /// A file holding the record's line from an exported ledger (inclusion proofs).
    #[arg(long)]
    record: Option<PathBuf>,
    /// The proof file.
    #[arg(long)]
    proof: PathBuf,
    /// The checkpoint (the newer one for a consistency proof).
    #[arg(long)]
    checkpoint: PathBuf,
    /// The older checkpoint (consistency proofs).
    #[arg(long)]
    old_checkpoint: Option<PathBuf>,
    /// The signer's public key.
    #[arg(long)]
    pubkey: PathBuf,
}

/// Runs `rxledger verify-proof`.
pub fn run(args: Args) -> Result<Outcome> {
    let Args {
        record,
        proof,
        checkpoint,
        old_checkpoint,
        pubkey,
    } = args;
    let cp = match open_checkpoint_or_fail(&checkpoint, &pubkey)? {
        ControlFlow::Continue(cp) => cp,
        ControlFlow::Break(outcome) => return Ok(outcome),
    };
    let text = read_text(&proof)?;
    let p = ProofFile::from_json(&text).with_context(|| proof.display().to_string())?;
    let mut old_size = None;
    let result = match (&p, record, old_checkpoint) {
        (ProofFile::Inclusion { .. }, Some(r), _) => {
            let line = std::fs::read(&r).with_context(|| r.display().to_string())?;
            rxledger::proofs::verify_record(&line, &p, &cp)
        }
        (ProofFile::Consistency { .. }, _, Some(old)) => {
            // A bad signature on the old checkpoint is a failed verification (exit 1), as on
            // the new one (attacker round 24: it exited 2, as an input error).
            let old = match open_checkpoint_or_fail(&old, &pubkey)? {
                ControlFlow::Continue(cp) => cp,
                ControlFlow::Break(outcome) => return Ok(outcome),
            };
            old_size = Some(old.size);
            rxledger::proofs::verify_consistency_proof(&p, &old, &cp)
        }
        (ProofFile::Inclusion { .. }, None, _) => {
            return Err(crate::fail::said(rxledger::reconcile::Msg::new(
                "cli-proof-needs-record",
            )))
        }
        (ProofFile::Consistency { .. }, _, None) => {
            return Err(crate::fail::said(rxledger::reconcile::Msg::new(
                "cli-proof-needs-old",
            )))
        }
    };
    match result {
        Ok(()) => {
            let m = crate::lang::messages();
            // A consistency proof says both checkpoints (it named only the new one).
            let ok = match old_size {
                None => rxledger::reconcile::Msg::new("verify-proof-ok"),
                Some(old) => rxledger::reconcile::Msg::new("verify-proof-ok-consistency")
                    .arg("old_size", old),
            }
            .arg("size", cp.size)
            .arg("origin", cp.origin.as_str());
            println!("{}", m.render(&ok));
            Ok(Outcome::Clean)
        }
        Err(why) => {
            let m = crate::lang::messages();
            let failed = rxledger::reconcile::Msg::new("verify-failed-at").arg("error", why);
            println!("{}", m.render(&failed));
            Ok(Outcome::Findings)
        }
    }
}
