//! Storage for rxledger's hash-chained log: the [`Store`] trait, an in-memory store
//! ([`MemStore`]) and the embedded file store ([`FileStore`], the default).
//!
//! A file-store ledger is a directory:
//!
//! ```text
//! LEDGER                          marker: "rxledger ledger v1"
//! LOCK                            held (flock) by the single writer
//! seg-00000000000000000001.jsonl  records 1.. (one canonical record per line)
//! seg-00000000000000250001.jsonl  the next segment, named after its first seq
//! ```
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

pub mod merkle_index;
mod read;
pub mod vfs;

use std::io;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

pub use read::{export, is_store_dir, scan_path, verify_path, LineReader, TailIssue, VerifyReport};
use rxledger_chain::{ChainWriter, EncodeError};
pub use rxledger_chain::{Digest, ExpectedHead, Head, RecordRef, Verifier, VerifyError};
pub use vfs::{SimVfs, StdVfs, Vfs, VfsFile};

/// Contents of the `LEDGER` marker file.
pub const MARKER: &[u8] = b"rxledger ledger v1\n";
/// Name of the marker file.
pub const MARKER_FILE: &str = "LEDGER";
/// Name of the lock file.
pub const LOCK_FILE: &str = "LOCK";
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

/// An append-only, hash-chained record store.
pub trait Store {
    /// The head after the last acknowledged batch.
    fn head(&self) -> Head;

    /// Appends one batch, all-or-nothing, with the given `recorded_at`. Returns the new head once
    /// the batch is durable (for durable stores).
    fn append_at(&mut self, payloads: &[&[u8]], recorded_at: &str) -> Result<Head, StoreError>;

    /// Appends one batch stamped with the current time.
    fn append(&mut self, payloads: &[&[u8]]) -> Result<Head, StoreError> {
        self.append_at(payloads, &now_timestamp())
    }

    /// Calls `f` for every acknowledged record with `seq >= from`, in order, until it breaks.
    fn scan(
        &self,
        from: u64,
        f: &mut dyn FnMut(RecordRef<'_>) -> ControlFlow<()>,
    ) -> Result<(), StoreError>;
}

/// A store in memory: the same framing and chaining, no durability.
#[derive(Default)]
pub struct MemStore {
    writer: ChainWriter,
    bytes: Vec<u8>,
    /// Byte offset of every record line.
    offsets: Vec<usize>,
}

impl MemStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The records as one JSON Lines byte string (an exported ledger).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
}

impl Store for MemStore {
    fn head(&self) -> Head {
        self.writer.head()
    }

    fn append_at(&mut self, payloads: &[&[u8]], recorded_at: &str) -> Result<Head, StoreError> {
        let start = self.bytes.len();
        let head = self
            .writer
            .encode_batch(payloads, recorded_at, &mut self.bytes)?;
        let mut pos = start;
        while pos < self.bytes.len() {
            self.offsets.push(pos);
            pos += self
                .bytes
                .get(pos..)
                .and_then(|b| b.iter().position(|&c| c == b'\n'))
                .map_or(self.bytes.len() - pos, |n| n + 1);
        }
        Ok(head)
    }

    fn scan(
        &self,
        from: u64,
        f: &mut dyn FnMut(RecordRef<'_>) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        let first = from.max(1) as usize - 1;
        for (i, &off) in self.offsets.iter().enumerate().skip(first) {
            let end = self.offsets.get(i + 1).copied().unwrap_or(self.bytes.len());
            let line = self.bytes.get(off..end - 1).unwrap_or_default();
            let rec = RecordRef::parse(line).map_err(|reason| StoreError::Corrupt {
                path: PathBuf::from("<memory>"),
                error: VerifyError::Unparsable {
                    line: i as u64 + 1,
                    seq: i as u64 + 1,
                    reason,
                },
            })?;
            if f(rec).is_break() {
                break;
            }
        }
        Ok(())
    }
}

/// What opening a file store for writing found and repaired.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// Bytes of an unacknowledged tail cut off (torn line and/or incomplete batch).
    pub cut_bytes: u64,
    /// Complete records of an incomplete batch that were cut off with it.
    pub cut_records: u64,
    /// The segment that was cut.
    pub cut_segment: Option<PathBuf>,
}

/// Name of the segment whose first record is `seq`.
pub fn segment_name(seq: u64) -> String {
    format!("seg-{seq:020}.jsonl")
}

/// Parses a segment file name into its first seq.
pub fn parse_segment_name(name: &str) -> Option<u64> {
    let digits = name.strip_prefix("seg-")?.strip_suffix(".jsonl")?;
    if digits.len() != 20 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The segments of a ledger directory, sorted by first seq.
pub(crate) fn list_segments<V: Vfs>(
    vfs: &V,
    dir: &Path,
) -> Result<Vec<(u64, PathBuf)>, StoreError> {
    let mut segs: Vec<(u64, PathBuf)> = vfs
        .list_dir(dir)
        .map_err(io_err(dir))?
        .into_iter()
        .filter_map(|n| parse_segment_name(&n).map(|s| (s, dir.join(n))))
        .collect();
    segs.sort();
    Ok(segs)
}

struct Segment<F> {
    path: PathBuf,
    file: F,
    len: u64,
}

/// The embedded file store: a directory of JSON Lines segments with one writer at a time.
pub struct FileStore<V: Vfs = StdVfs> {
    vfs: V,
    dir: PathBuf,
    _lock: V::Lock,
    writer: ChainWriter,
    segment: Option<Segment<V::File>>,
    segment_limit: u64,
    poisoned: bool,
    report: OpenReport,
    buf: Vec<u8>,
}

impl FileStore<StdVfs> {
    /// Creates a new, empty ledger directory (the directory may exist if it is empty).
    pub fn init(dir: impl AsRef<Path>) -> Result<(), StoreError> {
        Self::init_with(StdVfs, dir.as_ref())
    }

    /// Opens a ledger for appending; fails at once if another writer holds it.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, StoreError> {
        Self::open_with(StdVfs, dir.as_ref())
    }
}

impl<V: Vfs> FileStore<V> {
    /// [`FileStore::init`] on the given file system.
    pub fn init_with(vfs: V, dir: &Path) -> Result<(), StoreError> {
        vfs.create_dir_all(dir).map_err(io_err(dir))?;
        let existing = vfs.list_dir(dir).map_err(io_err(dir))?;
        if !existing.is_empty() {
            return Err(StoreError::AlreadyExists {
                path: dir.to_owned(),
            });
        }
        let marker = dir.join(MARKER_FILE);
        let mut f = vfs.create_new(&marker).map_err(io_err(&marker))?;
        f.write_all(MARKER).map_err(io_err(&marker))?;
        f.sync_data().map_err(io_err(&marker))?;
        vfs.sync_dir(dir).map_err(io_err(dir))?;
        Ok(())
    }

    /// [`FileStore::open`] on the given file system.
    pub fn open_with(vfs: V, dir: &Path) -> Result<Self, StoreError> {
        let marker = dir.join(MARKER_FILE);
        match vfs.read(&marker) {
            Ok(m) if m == MARKER => {}
            Ok(_) => {
                return Err(StoreError::NotALedger {
                    path: dir.to_owned(),
                })
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(StoreError::NotALedger {
                    path: dir.to_owned(),
                })
            }
            Err(e) => return Err(io_err(&marker)(e)),
        }
        let lock_path = dir.join(LOCK_FILE);
        let lock = vfs
            .try_lock(&lock_path)
            .map_err(io_err(&lock_path))?
            .ok_or_else(|| StoreError::Locked {
                dir: dir.to_owned(),
                lock: lock_path.clone(),
            })?;
        let segs = list_segments(&vfs, dir)?;
        let mut report = OpenReport::default();
        let mut head = Head::default();
        let mut segment = None;
        if let Some((first_seq, path)) = segs.last() {
            let prev_head = match segs.len().checked_sub(2).and_then(|i| segs.get(i)) {
                Some((_, p)) => last_head_of(&vfs, p)?,
                None => Head::default(),
            };
            if prev_head.seq + 1 != *first_seq {
                return Err(StoreError::Corrupt {
                    path: path.clone(),
                    error: VerifyError::Gap {
                        line: 1,
                        seq: prev_head.seq + 1,
                        found: *first_seq,
                    },
                });
            }
            let bytes = vfs.read(path).map_err(io_err(path))?;
            let (tail_head, committed) = scan_tail(&bytes, prev_head, path)?;
            head = tail_head;
            let mut file = vfs.open_append(path).map_err(io_err(path))?;
            if committed < bytes.len() {
                let cut = bytes.get(committed..).unwrap_or_default();
                report.cut_bytes = cut.len() as u64;
                report.cut_records = cut.iter().filter(|&&b| b == b'\n').count() as u64;
                report.cut_segment = Some(path.clone());
                file.set_len(committed as u64).map_err(io_err(path))?;
                file.sync_data().map_err(io_err(path))?;
            }
            segment = Some(Segment {
                path: path.clone(),
                file,
                len: committed as u64,
            });
        }
        Ok(FileStore {
            vfs,
            dir: dir.to_owned(),
            _lock: lock,
            writer: ChainWriter::resume(head),
            segment,
            segment_limit: DEFAULT_SEGMENT_BYTES,
            poisoned: false,
            report,
            buf: Vec::new(),
        })
    }

    /// Starts a new segment once the current one reaches `bytes` (default 64 MiB).
    #[must_use]
    pub fn with_segment_limit(mut self, bytes: u64) -> Self {
        self.segment_limit = bytes.max(1);
        self
    }

    /// What opening found and cut off (an unacknowledged tail left by a crash).
    pub fn open_report(&self) -> &OpenReport {
        &self.report
    }

    /// The ledger directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn write_batch(&mut self, new_head: Head, first_seq: u64) -> Result<(), StoreError> {
        let need_new = match &self.segment {
            None => true,
            Some(s) => s.len >= self.segment_limit,
        };
        if need_new {
            let path = self.dir.join(segment_name(first_seq));
            let file = self.vfs.create_new(&path).map_err(io_err(&path))?;
            self.segment = Some(Segment { path, file, len: 0 });
        }
        let Some(seg) = self.segment.as_mut() else {
            return Err(StoreError::Poisoned);
        };
        let path = seg.path.clone();
        let res = seg
            .file
            .write_all(&self.buf)
            .and_then(|()| seg.file.sync_data())
            .and_then(|()| {
                if need_new {
                    self.vfs.sync_dir(&self.dir)
                } else {
                    Ok(())
                }
            });
        match res {
            Ok(()) => {
                seg.len += self.buf.len() as u64;
                self.writer = ChainWriter::resume(new_head);
                Ok(())
            }
            Err(e) => {
                // Best effort: remove what may have been written; either way the batch was not
                // acknowledged and the next open cuts any remainder.
                let _ = seg.file.set_len(seg.len);
                self.poisoned = true;
                Err(io_err(&path)(e))
            }
        }
    }
}

/// Head of the last committed record in a (non-last) segment.
fn last_head_of<V: Vfs>(vfs: &V, path: &Path) -> Result<Head, StoreError> {
    let bytes = vfs.read(path).map_err(io_err(path))?;
    let line = bytes
        .strip_suffix(b"\n")
        .and_then(|b| b.rsplit(|&c| c == b'\n').next())
        .unwrap_or_default();
    let rec = RecordRef::parse(line).map_err(|reason| StoreError::Corrupt {
        path: path.to_owned(),
        error: VerifyError::Unparsable {
            line: bytes.iter().filter(|&&b| b == b'\n').count() as u64,
            seq: 0,
            reason,
        },
    })?;
    Ok(Head {
        seq: rec.seq,
        hash: rec.hash,
    })
}

/// Verifies the last segment from `prev` on; returns the committed head and byte length.
/// Complete lines must verify; only an incomplete batch and a final line without newline (the
/// residue of an unacknowledged write) may follow the committed prefix.
fn scan_tail(bytes: &[u8], prev: Head, path: &Path) -> Result<(Head, usize), StoreError> {
    let mut v = Verifier::resume(prev);
    let mut committed = (prev, 0usize);
    let mut pos = 0usize;
    while let Some(nl) = bytes
        .get(pos..)
        .and_then(|b| b.iter().position(|&c| c == b'\n'))
    {
        let line = bytes.get(pos..pos + nl).unwrap_or_default();
        v.push_line(line).map_err(|error| StoreError::Corrupt {
            path: path.to_owned(),
            error,
        })?;
        pos += nl + 1;
        if v.at_batch_boundary() {
            committed = (v.head(), pos);
        }
    }
    Ok(committed)
}

impl<V: Vfs> Store for FileStore<V> {
    fn head(&self) -> Head {
        self.writer.head()
    }

    fn append_at(&mut self, payloads: &[&[u8]], recorded_at: &str) -> Result<Head, StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned);
        }
        let first_seq = self.writer.head().seq + 1;
        let mut w = self.writer.clone();
        self.buf.clear();
        let head = w.encode_batch(payloads, recorded_at, &mut self.buf)?;
        self.write_batch(head, first_seq)?;
        Ok(head)
    }

    fn scan(
        &self,
        from: u64,
        f: &mut dyn FnMut(RecordRef<'_>) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        let head = self.writer.head();
        let segs = list_segments(&self.vfs, &self.dir)?;
        for (i, (first, path)) in segs.iter().enumerate() {
            let next_first = segs.get(i + 1).map_or(u64::MAX, |(s, _)| *s);
            if next_first <= from || *first > head.seq {
                continue;
            }
            let bytes = self.vfs.read(path).map_err(io_err(path))?;
            for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
                if line.is_empty() {
                    continue;
                }
                let rec = RecordRef::parse(line).map_err(|reason| StoreError::Corrupt {
                    path: path.clone(),
                    error: VerifyError::Unparsable {
                        line: n as u64 + 1,
                        seq: first + n as u64,
                        reason,
                    },
                })?;
                if rec.seq > head.seq {
                    return Ok(());
                }
                if rec.seq >= from && f(rec).is_break() {
                    return Ok(());
                }
            }
        }
        Ok(())
    }
}
