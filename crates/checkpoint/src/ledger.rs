//! Signed checkpoints and Merkle proofs over a ledger (`docs/proofs.md`).
//!
//! Every operation comes twice: over a ledger directory or exported file given by its path (what
//! the CLI uses; no lock is taken), and over any [`Store`] (the `_in` functions, used by the
//! facade's `Ledger` handle). Both verify the chain first and share the proof code; the store
//! decides where the Merkle tree and the checkpoint history are kept.

use std::ops::ControlFlow;
use std::path::Path;

use crate::{Checkpoint, CheckpointError, ProofFile, SignerKey};
use rxledger_chain::merkle::{
    consistency_proof, inclusion_proof, verify_consistency, verify_inclusion, Blake3Tree,
    RecordsRoot, TreeHasher,
};
use rxledger_chain::{Digest, Hashers, RecordRef};
use rxledger_model::{Event, EventBody, Relation};
use rxledger_store::history::{CheckpointHistory, HistoryEntry};
use rxledger_store::merkle_index::{record_leaf, MerkleIndex, MerkleTree};
use rxledger_store::{Store, StoreError, VerifyReport};

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

/// Finds the owner party among the first records: a scan callback that breaks once it is known
/// (or after 10,000 records).
fn owner_probe(owner: &mut Option<String>) -> impl FnMut(&RecordRef<'_>) -> ControlFlow<()> + '_ {
    move |rec| {
        if let Some(e) = std::str::from_utf8(rec.payload)
            .ok()
            .and_then(|t| Event::from_json(t).ok())
        {
            if let EventBody::PartyRegistered(p) = &e.body {
                if p.relation == Relation::Owner {
                    *owner = Some(p.party.to_string());
                    return ControlFlow::Break(());
                }
            }
        }
        if rec.seq > 10_000 {
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    }
}

fn origin(owner: Option<String>, path: &Path) -> String {
    format!(
        "rxledger/{}",
        owner.unwrap_or_else(|| path
            .file_name()
            .map_or_else(|| "ledger".into(), |n| n.to_string_lossy().into_owned()))
    )
}

/// The checkpoint origin of a ledger: `rxledger/<owner party id>`, or the directory name.
pub fn origin_of(path: &Path) -> Result<String, StoreError> {
    let mut owner = None;
    rxledger_store::scan_path(path, None, |_| {}, owner_probe(&mut owner))?;
    Ok(origin(owner, path))
}

/// [`origin_of`] for a store: `rxledger/<owner party id>`, or the store's name (the last part of
/// its [`Store::locator`] path, `<memory>` for a [`rxledger_store::MemStore`]).
pub fn origin_in<S: Store + ?Sized>(store: &S) -> Result<String, StoreError> {
    let mut owner = None;
    rxledger_store::scan_store(store, None, owner_probe(&mut owner))?;
    Ok(origin(owner, store.locator()?.path()))
}

fn unbroken(report: &VerifyReport) -> Result<(), ProofsError> {
    match &report.failure {
        Some(f) => Err(ProofsError::Chain(f.seq(), f.to_string())),
        None => Ok(()),
    }
}

/// The Merkle tree of a ledger directory (its persistent index), after verifying the chain and
/// checking the index against the records.
///
/// The index (`DIR/merkle/`) is derived data beside the records: whoever can write the directory
/// can write it. Its root is therefore compared with the root of the verified records, computed
/// in the same pass (their leaves hashed on the worker threads), and an index that disagrees is
/// made again from the records (attacker round 24: a planted index had `checkpoint` sign, and
/// `prove` prove, the root of a forged ledger).
fn verified_tree(dir: &Path) -> Result<MerkleTree, ProofsError> {
    if !dir.is_dir() {
        // (It said "P.jsonl/merkle: Not a directory".)
        return Err(ProofsError::Invalid(format!(
            "{} is not a ledger directory: checkpoints and proofs are made from a ledger directory (an exported file is checked against them with `verify --checkpoint` and `verify-proof`)",
            dir.display()
        )));
    }
    let mut all = RecordsRoot::up_to(u64::MAX);
    let report = rxledger_store::scan_path_leaves(
        dir,
        None,
        |_| {},
        |rec, leaf| {
            all.push(rec.seq, leaf);
            ControlFlow::Continue(())
        },
    )?;
    unbroken(&report)?;
    let root = all.root();
    let agrees = |index: &MerkleIndex| -> Result<bool, StoreError> {
        Ok(index.size() == report.head.seq && index.root(report.head.seq)? == root)
    };
    let index = MerkleIndex::update(dir, report.head)?;
    if agrees(&index)? {
        return Ok(MerkleTree::Index(index));
    }
    drop(index);
    let index = MerkleIndex::rebuild(dir, report.head)?;
    if agrees(&index)? {
        return Ok(MerkleTree::Index(index));
    }
    Err(ProofsError::Invalid(format!(
        "the Merkle index of {} disagrees with its verified records even when made again from them",
        dir.display()
    )))
}

/// The Merkle tree of a store, after verifying the chain and checking the tree against the
/// records (as [`verified_tree`] does; a store's tree is not made again here).
fn verified_tree_in<S: Store + ?Sized>(store: &S) -> Result<MerkleTree, ProofsError> {
    let mut all = RecordsRoot::up_to(u64::MAX);
    let report = rxledger_store::scan_store_leaves(store, None, |rec, leaf| {
        all.push(rec.seq, leaf);
        ControlFlow::Continue(())
    })?;
    unbroken(&report)?;
    let tree = store.merkle(report.head)?;
    if tree.size() != report.head.seq || tree.root(report.head.seq)? != all.root() {
        return Err(ProofsError::Invalid(
            "the store's Merkle tree disagrees with its verified records".into(),
        ));
    }
    Ok(tree)
}

/// Signs a checkpoint of the whole tree; returns it, its note and its history entry.
fn sign(
    tree: &MerkleTree,
    origin: String,
    key: &SignerKey,
) -> Result<(Checkpoint, String, HistoryEntry), ProofsError> {
    let cp = Checkpoint::new(origin, tree.size(), tree.root(tree.size())?);
    let note = key.sign(&cp);
    let entry = HistoryEntry {
        size: cp.size,
        root: Digest(cp.root),
        note: note.clone(),
    };
    Ok((cp, note, entry))
}

/// Entries of a checkpoint history another key signed: each one's size and signers (`name+id`,
/// joined by commas).
pub type OtherSigners = Vec<(u64, String)>;

/// The entries of a ledger directory's checkpoint history that `key` did not sign: their sizes
/// and signers (`name+id`), for a warning. `checkpoint` checked their roots against the records,
/// but not their signatures: anyone who can write the directory can write such an entry (or
/// remove the history), which only a checkpoint kept elsewhere tells (attacker round 26).
///
/// An entry whose note names `key` but whose signature does not verify is an error: the
/// history was forged.
pub fn history_signed_by_others(dir: &Path, key: &SignerKey) -> Result<OtherSigners, ProofsError> {
    let mine = key.verifier();
    let mut others = Vec::new();
    for entry in CheckpointHistory::of(dir).read()? {
        let note = crate::note::Note::parse_str(&entry.note)?;
        let claims_mine = note
            .signatures
            .iter()
            .any(|s| s.name == mine.name() && s.id == mine.id());
        if claims_mine {
            if mine.open(&entry.note).is_err() {
                return Err(ProofsError::Invalid(format!(
                    "the checkpoint history's entry for {} records names the key {} but its signature does not verify: the history was forged",
                    entry.size,
                    mine.label()
                )));
            }
        } else {
            let signers: Vec<String> = note
                .signatures
                .iter()
                .map(crate::note::Signature::key)
                .collect();
            others.push((entry.size, signers.join(", ")));
        }
    }
    Ok(others)
}

/// Verifies the ledger, signs a checkpoint of its current state, appends it to the ledger's
/// checkpoint history ([`CheckpointHistory`]) and returns it with its note. An entry of the
/// history that names `key` but whose signature does not verify is refused
/// ([`history_signed_by_others`]).
pub fn checkpoint(dir: &Path, key: &SignerKey) -> Result<(Checkpoint, String), ProofsError> {
    checkpoint_listing_others(dir, key).map(|(cp, note, _)| (cp, note))
}

/// [`checkpoint`], also returning the entries of the history (before this checkpoint) that
/// another key signed ([`history_signed_by_others`], read once), for a warning.
pub fn checkpoint_listing_others(
    dir: &Path,
    key: &SignerKey,
) -> Result<(Checkpoint, String, OtherSigners), ProofsError> {
    let tree = verified_tree(dir)?;
    let others = history_signed_by_others(dir, key)?;
    let (cp, note, entry) = sign(&tree, origin_of(dir)?, key)?;
    CheckpointHistory::of(dir).append(&entry)?;
    Ok((cp, note, others))
}

/// [`checkpoint`] over a store: verifies it, signs a checkpoint of its current state and adds it
/// to the store's history ([`Store::record_checkpoint`]).
pub fn checkpoint_in<S: Store + ?Sized>(
    store: &mut S,
    key: &SignerKey,
) -> Result<(Checkpoint, String), ProofsError> {
    let tree = verified_tree_in(store)?;
    let (cp, note, entry) = sign(&tree, origin_in(store)?, key)?;
    store.record_checkpoint(&entry)?;
    Ok((cp, note))
}

/// Checks that `tree` holds the checkpoint's tree.
fn matching(tree: MerkleTree, cp: &Checkpoint) -> Result<MerkleTree, ProofsError> {
    if tree.size() < cp.size {
        return Err(ProofsError::Invalid(format!(
            "the ledger has {} records but the checkpoint vouches for {}: it was truncated or rolled back",
            tree.size(),
            cp.size
        )));
    }
    if tree.root(cp.size)? != cp.root {
        return Err(ProofsError::Invalid(format!(
            "the ledger's first {} records do not have the checkpoint's root: history was rewritten or forked",
            cp.size
        )));
    }
    Ok(tree)
}

fn check_seq(seq: u64, cp: &Checkpoint) -> Result<(), ProofsError> {
    if seq == 0 || seq > cp.size {
        return Err(ProofsError::Invalid(format!(
            "seq {seq} is not within the checkpoint's {} records",
            cp.size
        )));
    }
    Ok(())
}

fn inclusion(tree: &MerkleTree, seq: u64, cp: &Checkpoint) -> Result<ProofFile, ProofsError> {
    let hashes =
        inclusion_proof(tree, seq - 1, cp.size).map_err(|e| ProofsError::Invalid(e.to_string()))?;
    Ok(ProofFile::Inclusion {
        seq,
        tree_size: cp.size,
        hashes: ProofFile::hashes_hex(&hashes),
    })
}

/// An inclusion proof of record `seq` in the tree of `cp`.
pub fn prove_inclusion(dir: &Path, seq: u64, cp: &Checkpoint) -> Result<ProofFile, ProofsError> {
    check_seq(seq, cp)?;
    inclusion(&matching(verified_tree(dir)?, cp)?, seq, cp)
}

/// [`prove_inclusion`] over a store.
pub fn prove_inclusion_in<S: Store + ?Sized>(
    store: &S,
    seq: u64,
    cp: &Checkpoint,
) -> Result<ProofFile, ProofsError> {
    check_seq(seq, cp)?;
    inclusion(&matching(verified_tree_in(store)?, cp)?, seq, cp)
}

fn check_sizes(old: &Checkpoint, new: &Checkpoint) -> Result<(), ProofsError> {
    if old.size > new.size {
        return Err(ProofsError::Invalid(format!(
            "the old checkpoint ({}) is larger than the new one ({})",
            old.size, new.size
        )));
    }
    Ok(())
}

fn consistency(
    tree: &MerkleTree,
    old: &Checkpoint,
    new: &Checkpoint,
) -> Result<ProofFile, ProofsError> {
    if tree.root(old.size)? != old.root {
        return Err(ProofsError::Invalid(
            "the ledger does not contain the old checkpoint's tree: history was rewritten".into(),
        ));
    }
    let hashes = consistency_proof(tree, old.size, new.size)
        .map_err(|e| ProofsError::Invalid(e.to_string()))?;
    Ok(ProofFile::Consistency {
        old_size: old.size,
        new_size: new.size,
        hashes: ProofFile::hashes_hex(&hashes),
    })
}

/// A consistency proof from `old` to `new`.
pub fn prove_consistency(
    dir: &Path,
    old: &Checkpoint,
    new: &Checkpoint,
) -> Result<ProofFile, ProofsError> {
    check_sizes(old, new)?;
    consistency(&matching(verified_tree(dir)?, new)?, old, new)
}

/// [`prove_consistency`] over a store.
pub fn prove_consistency_in<S: Store + ?Sized>(
    store: &S,
    old: &Checkpoint,
    new: &Checkpoint,
) -> Result<ProofFile, ProofsError> {
    check_sizes(old, new)?;
    consistency(&matching(verified_tree_in(store)?, new)?, old, new)
}

/// `Ok(records)` when the verified ledger, whose first `cp.size` records have the Merkle root
/// `probe` computed, extends `cp`; `Err(reason)` otherwise.
fn extends(probe: &RecordsRoot, report: &VerifyReport, cp: &Checkpoint) -> Result<u64, String> {
    if let Some(f) = &report.failure {
        return Err(format!(
            "the chain fails verification at seq {}: {f}",
            f.seq()
        ));
    }
    let Some(root) = probe.at_limit() else {
        return Err(format!(
            "the ledger has {} records but the checkpoint vouches for {}: it was truncated or rolled back",
            report.head.seq, cp.size
        ));
    };
    if root != cp.root {
        return Err(format!(
            "the first {} records do not have the checkpoint's Merkle root: history was rewritten or forked",
            cp.size
        ));
    }
    Ok(report.head.seq)
}

/// Checks that a ledger (directory or export) extends the checkpoint: at least `cp.size` records
/// whose Merkle root is the checkpoint's. Returns `Err` with the reason on truncation, rollback,
/// rewrite or fork. The chain itself is verified in the same pass.
pub fn verify_checkpoint(path: &Path, cp: &Checkpoint) -> Result<Result<u64, String>, StoreError> {
    let mut probe = RecordsRoot::up_to(cp.size);
    let report = rxledger_store::scan_path_leaves(
        path,
        None,
        |_| {},
        |rec, leaf| {
            probe.push(rec.seq, leaf);
            ControlFlow::Continue(())
        },
    )?;
    Ok(extends(&probe, &report, cp))
}

/// [`verify_checkpoint`] over a store.
pub fn verify_checkpoint_in<S: Store + ?Sized>(
    store: &S,
    cp: &Checkpoint,
) -> Result<Result<u64, String>, StoreError> {
    let mut probe = RecordsRoot::up_to(cp.size);
    let report = rxledger_store::scan_store_leaves(store, None, |rec, leaf| {
        probe.push(rec.seq, leaf);
        ControlFlow::Continue(())
    })?;
    Ok(extends(&probe, &report, cp))
}

/// Checks one record line (from an exported ledger) against an inclusion proof and a checkpoint,
/// without the ledger. The proof covers the record's seq, batch end, recording time and event;
/// its `prev` and `hash` must agree with them (`hash = link(prev, leaf)`), so any single-byte
/// change of the line is detected, but only the whole chain vouches for `prev` itself.
pub fn verify_record(line: &[u8], proof: &ProofFile, cp: &Checkpoint) -> Result<(), String> {
    let ProofFile::Inclusion { seq, tree_size, .. } = proof else {
        return Err("not an inclusion proof".into());
    };
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    // (A blank line after it, or a second line, was reported as "does not end with }" or an
    // empty payload: attacker round 24.)
    if line.contains(&b'\n') {
        let lines = line.split(|b| *b == b'\n').count();
        return Err(format!(
            "the record file holds {lines} lines; it must hold exactly one record line of an exported ledger (`sed -n SEQp ledger.jsonl`)"
        ));
    }
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
    let hs = Hashers::new();
    // The proof covers the record's contents (its chain leaf); its `prev` and `hash` are chain
    // links, which must at least agree with each other and the contents.
    let chain_leaf = hs.leaf(
        rec.seq,
        rec.batch_end,
        rec.recorded_at.as_bytes(),
        rec.payload,
    );
    if hs.link(&rec.prev, &chain_leaf) != rec.hash {
        return Err(format!(
            "record {seq}'s `hash` does not follow from its `prev` and contents (an altered line)"
        ));
    }
    let leaf = record_leaf(&hs, &rec);
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
    if old.size == 0 {
        // Every ledger extends the empty one, whose root is the empty tree's; no hashes needed.
        let empty = Blake3Tree.empty();
        return if old.root == empty && (new.size > 0 || new.root == empty) && hashes.is_empty() {
            Ok(())
        } else if hashes.is_empty() {
            Err("a checkpoint has 0 records but not the empty tree's root (forged)".into())
        } else {
            Err("a consistency proof from 0 records has no hashes".into())
        };
    }
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

/// The status of the last history entry (`last`), checked with `extends`; `bad` says where the
/// history is when its last entry is not a checkpoint.
fn status(
    last: Result<Option<HistoryEntry>, StoreError>,
    bad: impl FnOnce() -> String,
    extends: impl FnOnce(&Checkpoint) -> Result<Result<u64, String>, StoreError>,
) -> Result<Option<CheckpointStatus>, StoreError> {
    let cp = match last {
        Ok(None) => return Ok(None),
        Ok(Some(entry)) => Checkpoint::parse_note_unverified(&entry.note).ok(),
        Err(StoreError::History { .. }) => None,
        Err(e) => return Err(e),
    };
    let Some(cp) = cp else {
        return Ok(Some(CheckpointStatus {
            size: 0,
            root: String::new(),
            extends: Err(bad()),
        }));
    };
    let extends = extends(&cp)?;
    Ok(Some(CheckpointStatus {
        size: cp.size,
        root: Digest(cp.root).to_hex(),
        extends,
    }))
}

/// The last entry of a ledger directory's checkpoint history, checked against the ledger (its
/// signature is not checked here: that needs the signer's public key, `rxledger verify
/// --checkpoint --pubkey`).
pub fn last_checkpoint(dir: &Path) -> Result<Option<CheckpointStatus>, StoreError> {
    let history = CheckpointHistory::of(dir);
    status(
        history.last(),
        || {
            format!(
                "the last line of {} is not a checkpoint",
                history.path().display()
            )
        },
        |cp| verify_checkpoint(dir, cp),
    )
}

/// Why the note of the last entry of a ledger directory's checkpoint history is not a
/// checkpoint, if it is not (a reader of the directory checks the entry's size and root against
/// the records as it reads them: `rxledger_store::verify_path`).
pub fn last_note_unreadable(dir: &Path) -> Option<String> {
    let history = CheckpointHistory::of(dir);
    let entry = history.last().ok().flatten()?;
    Checkpoint::parse_note_unverified(&entry.note)
        .is_err()
        .then(|| {
            format!(
                "the last line of {} is not a checkpoint",
                history.path().display()
            )
        })
}

/// [`last_checkpoint`] over a store's history ([`Store::checkpoints`]).
pub fn last_checkpoint_in<S: Store + ?Sized>(
    store: &S,
) -> Result<Option<CheckpointStatus>, StoreError> {
    let last = store.checkpoints().map(|mut h| h.pop());
    let name = store.locator()?.path().display().to_string();
    status(
        last,
        || format!("the last checkpoint of {name} is not a checkpoint note"),
        |cp| verify_checkpoint_in(store, cp),
    )
}
