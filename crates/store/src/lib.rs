//! Storage for rxledger's hash-chained log: the [`Store`] trait, an in-memory store
//! ([`MemStore`]) and the embedded file store ([`FileStore`], the default).
//!
//! A file-store ledger is a directory whose layout belongs to this crate ([`layout`]): record
//! segments, the typed checkpoint history ([`history`]) and the Merkle index ([`merkle_index`]).
//! Code above the store reaches them through [`Store`], [`Locator`], [`history::CheckpointHistory`]
//! and [`merkle_index::MerkleTree`], never by file name.
//!
//! A batch is written with one `write`, made durable with `sync_data` (plus a directory sync when
//! it starts a new segment) and only then acknowledged. Every record carries its batch's last
//! seq (`batch_end`), so a batch cut short by a crash is recognisable: the next writer reports it
//! and cuts it off. Bytes before the tail are never rewritten.
//!
//! ```
//! use rxledger_store::{FileStore, Store};
//!
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("ledger");
//! FileStore::init(&path)?;
//! let mut store = FileStore::open(&path)?;
//! let head = store.append(&[br#"{"kind":"demo"}"#.as_slice()])?;
//! assert_eq!(head.seq, 1);
//! drop(store);
//! let report = rxledger_store::verify_path(&path, None, |_| {})?;
//! assert_eq!(report.head, head);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

mod file;
pub mod history;
pub mod ids;
pub mod layout;
mod mem;
pub mod merkle_index;
mod pipeline;
mod read;
pub mod vfs;

use std::io;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

pub use file::{FileStore, OpenReport};
use history::HistoryEntry;
use ids::{IdKey, Stored};
pub use layout::{
    parse_segment_name, record_bytes, segment_name, segments, Locator, LOCK_FILE, MARKER,
    MARKER_FILE,
};
pub use mem::MemStore;
use merkle_index::MerkleTree;
pub use read::{
    canonical_line, default_workers, export, is_store_dir, scan_path, scan_path_leaves,
    scan_path_prepared, scan_store, scan_store_leaves, verify_path, verify_store, LineReader,
    TailIssue, VerifyReport,
};
use rxledger_chain::EncodeError;
pub use rxledger_chain::{Digest, ExpectedHead, Head, RecordRef, Verifier, VerifyError};
pub use vfs::{SimVfs, StdVfs, Vfs, VfsFile};
/// A new segment is started when the current one reaches this size.
pub const DEFAULT_SEGMENT_BYTES: u64 = 64 << 20;

/// Errors of store operations.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// An I/O operation failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The directory is not an rxledger ledger.
    #[error("{path} is not an rxledger ledger (no {MARKER_FILE} marker; run `rxledger init`)")]
    NotALedger {
        /// The directory.
        path: PathBuf,
    },
    /// `init` on a directory that already holds a ledger or other files.
    #[error("{path} already exists and is not empty")]
    AlreadyExists {
        /// The directory.
        path: PathBuf,
    },
    /// Another writer holds the lock.
    #[error("ledger {dir} is in use by another writer (lock file {lock} is held); try again when it has finished")]
    Locked {
        /// The ledger directory.
        dir: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
    /// The ledger fails verification where a writer must not continue.
    #[error("{path}: {error}; refusing to append (run `rxledger verify`)")]
    Corrupt {
        /// The segment file.
        path: PathBuf,
        /// What verification found.
        error: VerifyError,
    },
    /// The batch could not be framed.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// A previous write failed; the writer must be reopened to find out what is durable.
    #[error("an earlier write failed; reopen the ledger before appending again")]
    Poisoned,
    /// An event id of the batch is already stored, or appears twice in the batch; nothing was
    /// appended.
    #[error("payload {} of the batch: event id {id:?} is already {} as record {seq}{}; nothing was appended", index + 1, if *in_batch { "in this batch" } else { "stored" }, if *identical { " (an identical copy)" } else { " with different content" })]
    DuplicateId {
        /// 0-based index of the payload in the batch.
        index: usize,
        /// The id.
        id: String,
        /// The record (or, when `in_batch`, the record the earlier copy would have become)
        /// holding the id.
        seq: u64,
        /// True when the earlier copy is in the same batch.
        in_batch: bool,
        /// True when the earlier copy is byte-identical.
        identical: bool,
    },
    /// A line of the checkpoint history is not an entry.
    #[error("{path}:{line}: not a checkpoint history entry: {reason}")]
    History {
        /// The history file.
        path: PathBuf,
        /// Its 1-based line (0: the file as a whole).
        line: u64,
        /// Why.
        reason: String,
    },
}

/// True when `path` is something other than a regular file (a FIFO, a device, a directory,
/// through symbolic links too). A ledger's own files are regular files; opening or reading
/// anything else may block or never end (attacker round 26: a FIFO or `/dev/zero` in place of
/// the marker, a segment or an index hung every command). A path that does not exist is not.
pub(crate) fn not_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file())
}

/// Refuses a ledger file that is not a regular file ([`not_regular`]), before it is opened.
pub(crate) fn regular(path: &Path) -> io::Result<()> {
    if not_regular(path) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a ledger's own files are regular files: not a FIFO, a device or a directory)",
        ));
    }
    Ok(())
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Current time as stored in `recorded_at`: RFC 3339, UTC, microseconds.
pub fn now_timestamp() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string()
}

/// A batch made ready to append on a thread other than the appending one: its payloads, its
/// `recorded_at`, the leaf hashes of its records if it is appended at `first_seq`
/// ([`rxledger_chain::HashedBatch`]) and the id key of each payload ([`IdKey::of`]). Only
/// [`PreparedBatch::new`] makes one, computing both from the payloads it then holds, so what
/// it carries always matches them. `append` prepares the next batch while the store writes and
/// syncs the previous one.
#[derive(Clone, Debug)]
pub struct PreparedBatch {
    hashed: rxledger_chain::HashedBatch,
    keys: Vec<Option<IdKey>>,
}

impl PreparedBatch {
    /// The batch of the payloads held one after the other in `bytes` (payload `i` ending at
    /// `ends[i]`), to be recorded at `recorded_at` as records `first_seq`..; takes both buffers
    /// when it succeeds (see [`rxledger_chain::HashedBatch::new`], whose errors it returns).
    pub fn new(
        first_seq: u64,
        recorded_at: &str,
        bytes: &mut Vec<u8>,
        ends: &mut Vec<usize>,
    ) -> Result<PreparedBatch, rxledger_chain::EncodeError> {
        let hashed = rxledger_chain::HashedBatch::new(first_seq, recorded_at, bytes, ends)?;
        let keys = hashed.payloads().iter().map(|p| IdKey::of(p)).collect();
        Ok(PreparedBatch { hashed, keys })
    }

    /// The payloads, in order.
    pub fn payloads(&self) -> Vec<&[u8]> {
        self.hashed.payloads()
    }

    /// The id key of each payload (`None` for one without an id).
    pub fn keys(&self) -> &[Option<IdKey>] {
        &self.keys
    }

    /// Its `recorded_at`.
    pub fn recorded_at(&self) -> &str {
        self.hashed.recorded_at()
    }

    /// The payloads and their leaf hashes.
    pub fn hashed(&self) -> &rxledger_chain::HashedBatch {
        &self.hashed
    }

    /// The number of payloads (at least one).
    pub fn len(&self) -> usize {
        self.hashed.len()
    }

    /// Never true: a batch holds at least one payload.
    pub fn is_empty(&self) -> bool {
        self.hashed.is_empty()
    }

    /// Its buffers, for the next batch to fill.
    pub fn into_buffers(self) -> (Vec<u8>, Vec<usize>) {
        self.hashed.into_buffers()
    }
}

/// An append-only, hash-chained record store.
pub trait Store {
    /// The head after the last acknowledged batch.
    fn head(&self) -> Head;

    /// Appends one batch, all-or-nothing, with the given `recorded_at`. Returns the new head once
    /// the batch is durable (for durable stores). A store that keeps an id index
    /// ([`Store::keeps_id_index`]) refuses the whole batch with [`StoreError::DuplicateId`] if
    /// an event id of it ([`ids::payload_id`]) is already stored or appears twice in it.
    fn append_at(&mut self, payloads: &[&[u8]], recorded_at: &str) -> Result<Head, StoreError>;

    /// Appends one batch stamped with the current time.
    fn append(&mut self, payloads: &[&[u8]]) -> Result<Head, StoreError> {
        self.append_at(payloads, &now_timestamp())
    }

    /// [`Store::append_at`] of a batch prepared ahead ([`PreparedBatch`]: its leaf hashes and id
    /// keys computed, on any thread, while the previous batch was written): its payloads at its
    /// `recorded_at`. The result is exactly that of `append_at`; a store may use what was
    /// computed (the file store does when the batch starts at its next record) or ignore it
    /// (the default).
    fn append_prepared(&mut self, batch: &PreparedBatch) -> Result<Head, StoreError> {
        self.append_at(&batch.payloads(), batch.recorded_at())
    }

    /// True when the store keeps an index of event ids: it refuses ids already stored and
    /// [`Store::find_ids`] finds them. The default keeps none.
    fn keeps_id_index(&self) -> bool {
        false
    }

    /// For each key, the record holding an event with that id, if the store has one. A store
    /// without an id index (the default) finds none.
    fn find_ids(&mut self, keys: &[IdKey]) -> Result<Vec<Option<Stored>>, StoreError> {
        Ok(vec![None; keys.len()])
    }

    /// Calls `f` for every acknowledged record with `seq >= from`, in order, until it breaks.
    fn scan(
        &self,
        from: u64,
        f: &mut dyn FnMut(RecordRef<'_>) -> ControlFlow<()>,
    ) -> Result<(), StoreError>;

    /// Where the records are, to point at them (file and line) in findings. The default names
    /// the store `<store>` and gives the seq as the line.
    fn locator(&self) -> Result<Locator, StoreError> {
        Ok(Locator::single("<store>"))
    }

    /// The checkpoint history, oldest first. The default keeps none.
    fn checkpoints(&self) -> Result<Vec<HistoryEntry>, StoreError> {
        Ok(Vec::new())
    }

    /// Adds a signed checkpoint to the history, durably for durable stores. A store that keeps
    /// no history (the default) accepts and drops it: the caller still holds the checkpoint.
    fn record_checkpoint(&mut self, entry: &HistoryEntry) -> Result<(), StoreError> {
        let _ = entry;
        Ok(())
    }

    /// The Merkle tree over records `1..=head.seq`, for checkpoints and proofs (the caller has
    /// verified the chain up to `head`). The default hashes the records into memory; the file
    /// store keeps a persistent index beside the ledger instead.
    fn merkle(&self, head: Head) -> Result<MerkleTree, StoreError> {
        MerkleTree::from_store(self, head)
    }
}
