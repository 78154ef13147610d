//! [`Ledger`]: one handle for the everyday operations on a ledger, over any [`Store`].
//!
//! A ledger in memory:
//!
//! ```
//! use rxledger::{ingest, reconcile::Config, store::{MemStore, Store}, Ledger};
//!
//! let events = std::fs::read("samples/month/events.jsonl")?;
//! let payloads = ingest::read_events("events.jsonl", &events[..])?;
//!
//! let mut ledger = Ledger::new(MemStore::new());
//! let head = ledger.append(&payloads[..500])?;
//! assert_eq!(head.seq, 500);
//! assert!(ledger.verify()?.is_ok());
//!
//! let report = ledger.check(Config::default())?;
//! assert_eq!(report.events, 500);
//! assert!(report.verify.is_ok());
//!
//! // Sign a checkpoint, grow the ledger, and prove a record is in the signed tree.
//! let (private, public) = rxledger::checkpoint::generate_key("auditor")?;
//! let key = rxledger::checkpoint::SignerKey::parse(&private)?;
//! let (cp, note) = ledger.checkpoint(&key)?;
//! assert_eq!(cp.size, 500);
//! ledger.append(&payloads[500..600])?;
//! let proof = ledger.prove(42, &cp)?;
//! let opened = rxledger::checkpoint::VerifierKey::parse(&public)?.open(&note)?;
//! let mut line = Vec::new();
//! ledger.store().scan(42, &mut |rec| {
//!     line = rxledger::store::canonical_line(&rec);
//!     std::ops::ControlFlow::Break(())
//! })?;
//! assert_eq!(rxledger::proofs::verify_record(&line, &proof, &opened), Ok(()));
//! assert_eq!(ledger.last_checkpoint()?.map(|s| s.extends), Some(Ok(600)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A ledger directory (the embedded file store), opened for appending:
//!
//! ```
//! use rxledger::{ingest, reconcile::Config, Ledger};
//!
//! let events = std::fs::read("samples/month/events.jsonl")?;
//! let payloads = ingest::read_events("events.jsonl", &events[..])?;
//! let dir = tempfile::tempdir()?;
//!
//! let mut ledger = Ledger::create(dir.path().join("L"))?;
//! ledger.append(&payloads[..300])?;
//! ledger.append(&payloads[300..400])?;
//! let report = ledger.check(Config::default())?;
//! assert_eq!((report.verify.head.seq, report.events), (400, 400));
//! // Findings point at the segment file and line of their record.
//! let (file, line) = report.locate(7);
//! assert!(file.starts_with(ledger.dir()) && line == 7);
//!
//! let (private, _) = rxledger::checkpoint::generate_key("auditor")?;
//! let key = rxledger::checkpoint::SignerKey::parse(&private)?;
//! let (cp, _) = ledger.checkpoint(&key)?;
//! drop(ledger);
//!
//! // Reopened later: the checkpoint history is kept in the ledger.
//! let ledger = Ledger::open(dir.path().join("L"))?;
//! assert_eq!(ledger.checkpoints()?.len(), 1);
//! let proof = ledger.prove(400, &cp)?;
//! assert!(matches!(proof, rxledger::checkpoint::ProofFile::Inclusion { seq: 400, .. }));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::Path;

use rxledger_chain::{ExpectedHead, Head};
use rxledger_checkpoint::ledger::{self as proofs, CheckpointStatus, ProofsError};
use rxledger_checkpoint::{Checkpoint, ProofFile, SignerKey};
use rxledger_model::Event;
use rxledger_reconcile::check::{check_store, CheckReport};
use rxledger_reconcile::Config;
use rxledger_store::history::HistoryEntry;
use rxledger_store::{FileStore, Store, StoreError, VerifyReport};

/// Why a [`Ledger`] operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// The store failed (I/O, lock, corrupt ledger, bad batch).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A checkpoint or proof could not be made (broken chain, checkpoint not matching the
    /// ledger, bad key).
    #[error(transparent)]
    Proofs(#[from] ProofsError),
}

/// A ledger: a [`Store`] with the operations of the command-line tool as methods.
///
/// `Ledger::create` and `Ledger::open` give a ledger directory (a [`FileStore`], opened as the
/// single writer); [`Ledger::new`] wraps any store, such as a [`rxledger_store::MemStore`] or
/// one of your own. Verification, checks, checkpoints and proofs read the store's records
/// through [`Store::scan`], so they work the same over every store.
pub struct Ledger<S: Store = FileStore> {
    store: S,
}

impl Ledger<FileStore> {
    /// Creates a new ledger directory (which must not exist or be empty) and opens it.
    pub fn create(dir: impl AsRef<Path>) -> Result<Self, LedgerError> {
        FileStore::init(dir.as_ref())?;
        Self::open(dir)
    }

    /// Opens a ledger directory for appending; fails at once if another writer holds it. An
    /// unacknowledged tail left by a crash is cut off ([`FileStore::open_report`]).
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, LedgerError> {
        Ok(Ledger::new(FileStore::open(dir)?))
    }

    /// The ledger directory.
    pub fn dir(&self) -> &Path {
        self.store.dir()
    }

    /// The HTML inspection report of this ledger ([`rxledger_report::html`]).
    ///
    /// The report reads the ledger directory by its path (the report crate works on paths), so
    /// it is offered for ledger directories only.
    #[cfg(feature = "html")]
    pub fn report(
        &self,
        options: &rxledger_report::html::Options,
    ) -> Result<rxledger_report::html::Report, LedgerError> {
        Ok(rxledger_report::html::build(
            &[self.dir().to_owned()],
            options,
        )?)
    }
}

impl<S: Store> Ledger<S> {
    /// A ledger over `store`.
    pub fn new(store: S) -> Self {
        Ledger { store }
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The store, mutably.
    pub fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// Gives the store back.
    pub fn into_inner(self) -> S {
        self.store
    }

    /// The head after the last acknowledged batch.
    pub fn head(&self) -> Head {
        self.store.head()
    }

    /// Appends `payloads` (canonical event JSON, e.g. from [`crate::ingest::read_events`]) as one
    /// all-or-nothing batch stamped with the current time; returns the new head. An event id the
    /// ledger already holds, or one repeated in the batch, refuses the whole batch
    /// ([`StoreError::DuplicateId`]); [`crate::ingest::append_lines`] skips such events instead.
    pub fn append<P: AsRef<[u8]>>(&mut self, payloads: &[P]) -> Result<Head, LedgerError> {
        let refs: Vec<&[u8]> = payloads.iter().map(AsRef::as_ref).collect();
        Ok(self.store.append(&refs)?)
    }

    /// Appends `events` as one batch (see [`Ledger::append`]).
    pub fn append_events(&mut self, events: &[Event]) -> Result<Head, LedgerError> {
        let payloads: Vec<Vec<u8>> = events.iter().map(Event::to_json_bytes).collect();
        self.append(&payloads)
    }

    /// Verifies the whole chain.
    pub fn verify(&self) -> Result<VerifyReport, LedgerError> {
        Ok(rxledger_store::verify_store(&self.store, None)?)
    }

    /// Verifies the chain, also requiring a trusted earlier head (see [`ExpectedHead`]).
    pub fn verify_expecting(&self, expected: ExpectedHead) -> Result<VerifyReport, LedgerError> {
        Ok(rxledger_store::verify_store(&self.store, Some(expected))?)
    }

    /// Verifies and reconciles the ledger in one pass ([`check_store`]).
    pub fn check(&self, config: Config) -> Result<CheckReport, LedgerError> {
        Ok(check_store(&self.store, config, None)?)
    }

    /// Verifies the ledger, signs a checkpoint of its current state with `key` and adds it to
    /// the store's checkpoint history. Returns the checkpoint and its signed note.
    pub fn checkpoint(&mut self, key: &SignerKey) -> Result<(Checkpoint, String), LedgerError> {
        Ok(proofs::checkpoint_in(&mut self.store, key)?)
    }

    /// An inclusion proof of record `seq` in the tree of `checkpoint` (which the ledger must
    /// extend).
    pub fn prove(&self, seq: u64, checkpoint: &Checkpoint) -> Result<ProofFile, LedgerError> {
        Ok(proofs::prove_inclusion_in(&self.store, seq, checkpoint)?)
    }

    /// A consistency proof that `new` extends `old` (the ledger must extend `new`).
    pub fn prove_consistency(
        &self,
        old: &Checkpoint,
        new: &Checkpoint,
    ) -> Result<ProofFile, LedgerError> {
        Ok(proofs::prove_consistency_in(&self.store, old, new)?)
    }

    /// The store's checkpoint history, oldest first.
    pub fn checkpoints(&self) -> Result<Vec<HistoryEntry>, LedgerError> {
        Ok(self.store.checkpoints()?)
    }

    /// The newest checkpoint of the history and whether the ledger still extends it.
    pub fn last_checkpoint(&self) -> Result<Option<CheckpointStatus>, LedgerError> {
        Ok(proofs::last_checkpoint_in(&self.store)?)
    }
}
