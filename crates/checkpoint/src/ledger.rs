//! Signed checkpoints and Merkle proofs over a ledger (`docs/proofs.md`).

use std::io::Write as _;
use std::ops::ControlFlow;
use std::path::Path;

use crate::{Checkpoint, CheckpointError, ProofFile, SignerKey};
use rxledger_chain::merkle::{
    consistency_proof, inclusion_proof, verify_consistency, verify_inclusion, Blake3Tree, Frontier,
};
use rxledger_chain::{Hashers, RecordRef};
use rxledger_model::{Event, EventBody, Relation};
use rxledger_store::merkle_index::{record_leaf, MerkleIndex};
use rxledger_store::StoreError;

/// Errors of checkpoint and proof operations.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProofsError {
    /// Reading the ledger failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A key, checkpoint or proof is malformed or its signature fails.
    #[error(transparent)]
    Checkpoint(#[from] CheckpointError),
    /// The ledger fails verification.
    #[error("the ledger fails verification at seq {0}: {1}")]
    Chain(u64, String),
    /// The request does not fit the ledger or checkpoint.
    #[error("{0}")]
    Invalid(String),
}

/// The checkpoint origin of a ledger: `rxledger/<owner party id>`, or the directory name.
pub fn origin_of(path: &Path) -> Result<String, StoreError> {
    let mut owner = None;
    rxledger_store::scan_path(
        path,
        None,
        |_| {},
        |rec| {
            if let Some(e) = std::str::from_utf8(rec.payload)
                .ok()
                .and_then(|t| Event::from_json(t).ok())
            {
                if let EventBody::PartyRegistered(p) = &e.body {
                    if p.relation == Relation::Owner {
                        owner = Some(p.party.clone());
                        return ControlFlow::Break(());
                    }
                }
            }
            if rec.seq > 10_000 {
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        },
    )?;
    Ok(format!(
        "rxledger/{}",
        owner.unwrap_or_else(|| path
            .file_name()
            .map_or_else(|| "ledger".into(), |n| n.to_string_lossy().into_owned()))
    ))
}

fn verified_index(dir: &Path) -> Result<MerkleIndex, ProofsError> {
    let report = rxledger_store::verify_path(dir, None, |_| {})?;
    if let Some(f) = report.failure {
        return Err(ProofsError::Chain(f.seq(), f.to_string()));
    }
    Ok(MerkleIndex::update(dir, report.head)?)
}

/// Verifies the ledger, signs a checkpoint of its current state, appends it to the ledger's
/// checkpoint history (`DIR/checkpoints.jsonl`) and returns it with its note.
pub fn checkpoint(dir: &Path, key: &SignerKey) -> Result<(Checkpoint, String), ProofsError> {
    let index = verified_index(dir)?;
    let cp = Checkpoint {
        origin: origin_of(dir)?,
        size: index.size(),
        root: index.root(index.size())?,
    };
    let note = key.sign(&cp);
    let hist = dir.join("checkpoints.jsonl");
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&hist)
        .map_err(|source| StoreError::Io {
            path: hist.clone(),
            source,
        })?;
    let line = serde_json::json!({"size": cp.size, "root": rxledger_chain::Digest(cp.root).to_hex(), "note": note});
    writeln!(f, "{line}")
        .and_then(|()| f.sync_data())
        .map_err(|source| StoreError::Io {
            path: hist.clone(),
            source,
        })?;
    Ok((cp, note))
}

fn index_matching(dir: &Path, cp: &Checkpoint) -> Result<MerkleIndex, ProofsError> {
    let index = verified_index(dir)?;
    if index.size() < cp.size {
        return Err(ProofsError::Invalid(format!(
            "the ledger has {} records but the checkpoint vouches for {}: it was truncated or rolled back",
            index.size(),
            cp.size
        )));
    }
    if index.root(cp.size)? != cp.root {
        return Err(ProofsError::Invalid(format!(
            "the ledger's first {} records do not have the checkpoint's root: history was rewritten or forked",
            cp.size
        )));
    }
    Ok(index)
}

/// An inclusion proof of record `seq` in the tree of `cp`.
pub fn prove_inclusion(dir: &Path, seq: u64, cp: &Checkpoint) -> Result<ProofFile, ProofsError> {
    if seq == 0 || seq > cp.size {
        return Err(ProofsError::Invalid(format!(
            "seq {seq} is not within the checkpoint's {} records",
            cp.size
        )));
    }
    let index = index_matching(dir, cp)?;
    let hashes = inclusion_proof(&index, seq - 1, cp.size)
        .map_err(|e| ProofsError::Invalid(e.to_string()))?;
    Ok(ProofFile::Inclusion {
        seq,
        tree_size: cp.size,
        hashes: ProofFile::hashes_hex(&hashes),
    })
}

/// A consistency proof from `old` to `new`.
pub fn prove_consistency(
    dir: &Path,
    old: &Checkpoint,
    new: &Checkpoint,
) -> Result<ProofFile, ProofsError> {
    if old.size > new.size {
        return Err(ProofsError::Invalid(format!(
            "the old checkpoint ({}) is larger than the new one ({})",
            old.size, new.size
        )));
    }
    let index = index_matching(dir, new)?;
    if index.root(old.size)? != old.root {
        return Err(ProofsError::Invalid(
            "the ledger does not contain the old checkpoint's tree: history was rewritten".into(),
        ));
    }
    let hashes = consistency_proof(&index, old.size, new.size)
        .map_err(|e| ProofsError::Invalid(e.to_string()))?;
    Ok(ProofFile::Consistency {
        old_size: old.size,
        new_size: new.size,
        hashes: ProofFile::hashes_hex(&hashes),
    })
}

/// Checks that a ledger (directory or export) extends the checkpoint: at least `cp.size` records
/// whose Merkle root is the checkpoint's. Returns `Err` with the reason on truncation, rollback,
/// rewrite or fork. The chain itself is verified in the same pass.
pub fn verify_checkpoint(path: &Path, cp: &Checkpoint) -> Result<Result<u64, String>, StoreError> {
    let hashers = Hashers::new();
    let mut frontier = Frontier::new();
    let mut root_at = None;
    let report = rxledger_store::scan_path(
        path,
        None,
        |_| {},
        |rec| {
            if rec.seq <= cp.size {
                frontier.push(&Blake3Tree, record_leaf(&hashers, rec));
                if rec.seq == cp.size {
                    root_at = Some(frontier.root(&Blake3Tree));
                }
            }
            ControlFlow::Continue(())
        },
    )?;
    if cp.size == 0 {
        root_at = Some(frontier.root(&Blake3Tree));
    }
    if let Some(f) = &report.failure {
        return Ok(Err(format!(
            "the chain fails verification at seq {}: {f}",
            f.seq()
        )));
    }
    let Some(root) = root_at else {
        return Ok(Err(format!(
            "the ledger has {} records but the checkpoint vouches for {}: it was truncated or rolled back",
            report.head.seq, cp.size
        )));
    };
    if root != cp.root {
        return Ok(Err(format!(
            "the first {} records do not have the checkpoint's Merkle root: history was rewritten or forked",
            cp.size
        )));
    }
    Ok(Ok(report.head.seq))
}

/// Checks one record line (from an exported ledger) against an inclusion proof and a checkpoint,
/// without the ledger.
pub fn verify_record(line: &[u8], proof: &ProofFile, cp: &Checkpoint) -> Result<(), String> {
    let ProofFile::Inclusion { seq, tree_size, .. } = proof else {
        return Err("not an inclusion proof".into());
    };
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let rec =
        RecordRef::parse(line).map_err(|r| format!("the record is not a ledger line: {r}"))?;
    if rec.seq != *seq {
        return Err(format!(
            "the record is seq {}, the proof is for seq {seq}",
            rec.seq
        ));
    }
    if *tree_size != cp.size {
        return Err(format!(
            "the proof is for a tree of {tree_size} records, the checkpoint for {}",
            cp.size
        ));
    }
    let hashes = proof.hashes().map_err(|e| e.to_string())?;
    let leaf = record_leaf(&Hashers::new(), &rec);
    if verify_inclusion(&Blake3Tree, &leaf, seq - 1, cp.size, &hashes, &cp.root) {
        Ok(())
    } else {
        Err(format!(
            "record {seq} is not in the checkpoint's tree as given (altered record or proof)"
        ))
    }
}

/// Checks a consistency proof between two checkpoints.
pub fn verify_consistency_proof(
    proof: &ProofFile,
    old: &Checkpoint,
    new: &Checkpoint,
) -> Result<(), String> {
    let ProofFile::Consistency {
        old_size, new_size, ..
    } = proof
    else {
        return Err("not a consistency proof".into());
    };
    if *old_size != old.size || *new_size != new.size {
        return Err("the proof's sizes do not match the checkpoints".into());
    }
    if old.origin != new.origin {
        return Err(format!(
            "the checkpoints are for different ledgers ({} and {})",
            old.origin, new.origin
        ));
    }
    let hashes = proof.hashes().map_err(|e| e.to_string())?;
    if verify_consistency(
        &Blake3Tree,
        old.size,
        new.size,
        &old.root,
        &new.root,
        &hashes,
    ) {
        Ok(())
    } else {
        Err("the newer checkpoint does not extend the older one (rewritten history or fork)".into())
    }
}

/// The last entry of a ledger directory's checkpoint history, and whether the ledger extends it.
#[derive(Clone, Debug)]
pub struct CheckpointStatus {
    /// Tree size it vouches for.
    pub size: u64,
    /// Its Merkle root (hex).
    pub root: String,
    /// `Ok(records)` when the ledger extends it, `Err(reason)` otherwise.
    pub extends: Result<u64, String>,
}

/// The last entry of `DIR/checkpoints.jsonl`, checked against the ledger (its signature is not
/// checked here: that needs the signer's public key, `rxledger verify --checkpoint --pubkey`).
pub fn last_checkpoint(dir: &Path) -> Result<Option<CheckpointStatus>, StoreError> {
    let hist = dir.join("checkpoints.jsonl");
    let text = match std::fs::read_to_string(&hist) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(StoreError::Io { path: hist, source });
        }
    };
    let Some(line) = text.lines().rev().find(|l| !l.trim().is_empty()) else {
        return Ok(None);
    };
    let parsed = serde_json::from_str::<serde_json::Value>(line)
        .ok()
        .and_then(|v| v.get("note").and_then(|n| n.as_str()).map(str::to_owned))
        .and_then(|note| Checkpoint::parse_note_unverified(&note).ok());
    let Some(cp) = parsed else {
        return Ok(Some(CheckpointStatus {
            size: 0,
            root: String::new(),
            extends: Err(format!(
                "the last line of {} is not a checkpoint",
                hist.display()
            )),
        }));
    };
    let extends = verify_checkpoint(dir, &cp)?;
    Ok(Some(CheckpointStatus {
        size: cp.size,
        root: rxledger_chain::Digest(cp.root).to_hex(),
        extends,
    }))
}
