//! The embedded file store: a directory of JSON Lines segments with one writer at a time.

use std::io;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use rxledger_chain::{ChainWriter, Head, RecordRef, Verifier, VerifyError};

use crate::history::{self, HistoryEntry};
use crate::layout::{list_segments, segment_name, LOCK_FILE, MARKER, MARKER_FILE};
use crate::merkle_index::{MerkleIndex, MerkleTree};
use crate::vfs::{StdVfs, Vfs, VfsFile};
use crate::{io_err, Locator, Store, StoreError, DEFAULT_SEGMENT_BYTES};

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

    fn locator(&self) -> Result<Locator, StoreError> {
        Ok(Locator::with_segments(
            &self.dir,
            list_segments(&self.vfs, &self.dir)?,
        ))
    }

    fn checkpoints(&self) -> Result<Vec<HistoryEntry>, StoreError> {
        history::read_with(&self.vfs, &self.dir)
    }

    fn record_checkpoint(&mut self, entry: &HistoryEntry) -> Result<(), StoreError> {
        history::append_with(&self.vfs, &self.dir, entry)
    }

    fn merkle(&self, head: Head) -> Result<MerkleTree, StoreError> {
        if self.vfs.is_native() {
            Ok(MerkleTree::Index(MerkleIndex::update(&self.dir, head)?))
        } else {
            MerkleTree::from_store(self, head)
        }
    }
}
