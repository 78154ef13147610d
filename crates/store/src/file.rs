//! The embedded file store: a directory of JSON Lines segments with one writer at a time.

use std::io;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use rxledger_chain::{ChainWriter, Head, RecordRef, Verifier, VerifyError};

use crate::history::{self, HistoryEntry};
use crate::ids::index::{IdIndex, IDS_DIR};
use crate::ids::run::RunError;
use crate::ids::{check_batch, IdKey, Stored};
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
    ids: IdIndex,
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

/// Refuses to write a ledger directory holding fewer acknowledged records than its own
/// checkpoint history signed (`checkpoints.jsonl`, read on a native disk only): records were cut
/// off its end, and a writer would cut off what is left of the last batch and write over the
/// evidence. Restoring the directory from a backup is the remedy.
fn below_history<V: Vfs>(vfs: &V, dir: &Path, head: Head) -> Result<(), StoreError> {
    if !vfs.is_native() {
        return Ok(());
    }
    match crate::history::CheckpointHistory::of(dir).below(head.seq) {
        Some((error, path)) => Err(StoreError::Corrupt { path, error }),
        None => Ok(()),
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
            // Before any tail is cut off: records a checkpoint signed were acknowledged, so
            // fewer of them is not a crash's residue but records removed (round 21), and the
            // writer must not destroy what is left of them.
            below_history(&vfs, dir, tail_head)?;
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
        if segs.is_empty() {
            below_history(&vfs, dir, head)?;
        }
        let mut store = FileStore {
            vfs,
            dir: dir.to_owned(),
            _lock: lock,
            writer: ChainWriter::resume(head),
            segment,
            segment_limit: DEFAULT_SEGMENT_BYTES,
            poisoned: false,
            report,
            buf: Vec::new(),
            ids: IdIndex::in_memory(),
        };
        store.open_ids()?;
        Ok(store)
    }

    /// Opens the id index and brings it up to the head: on a native disk the index beside the
    /// ledger (rebuilt from the records if it does not match them), otherwise one in memory.
    fn open_ids(&mut self) -> Result<(), StoreError> {
        let ids_dir = self.dir.join(IDS_DIR);
        let head = self.writer.head();
        let (mut idx, from) = if self.vfs.is_native() {
            if let Ok(x) = IdIndex::open(&self.dir, head) {
                x
            } else {
                // Unusable (a corrupt run or filter): start afresh from the records.
                let _ = std::fs::remove_dir_all(&ids_dir);
                IdIndex::open(&self.dir, head).map_err(RunError::into_store)?
            }
        } else {
            (IdIndex::in_memory(), 1)
        };
        if !self.catch_up(&mut idx, from)? {
            idx.reset();
            self.catch_up(&mut idx, 1)?;
        }
        self.ids = idx;
        Ok(())
    }

    /// Indexes the records from `from` to the head. Returns false if record `from` does not
    /// follow what the index holds (its `prev` is not the index's last hash).
    fn catch_up(&self, idx: &mut IdIndex, from: u64) -> Result<bool, StoreError> {
        if from > self.writer.head().seq {
            return Ok(true);
        }
        let expect = idx.expected_prev();
        let mut linked = true;
        let mut failed = None;
        self.scan(from, &mut |rec| {
            if rec.seq == from && rec.prev != expect {
                linked = false;
                return ControlFlow::Break(());
            }
            idx.insert(IdKey::of(rec.payload), rec.seq);
            match idx.advance(Head {
                seq: rec.seq,
                hash: rec.hash,
            }) {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    failed = Some(e);
                    ControlFlow::Break(())
                }
            }
        })?;
        if let Some(e) = failed {
            return Err(RunError::into_store(e));
        }
        Ok(linked && idx.head() == self.writer.head())
    }

    /// Writes the ids held in memory to the index on disk (done when the store is dropped, and
    /// whenever enough ids accumulate), so that the next writer need not read them again from
    /// the records.
    pub fn sync_index(&mut self) -> Result<(), StoreError> {
        self.ids.close().map_err(RunError::into_store)
    }

    /// Starts a new segment once the current one reaches `bytes` (default 64 MiB).
    #[must_use]
    pub fn with_segment_limit(mut self, bytes: u64) -> Self {
        self.segment_limit = bytes.max(1);
        self
    }

    /// Holds at most `ids` event ids in memory before writing them to the id index on disk
    /// (default 65,536; small values exercise the index's runs in tests).
    #[must_use]
    pub fn with_id_memory(mut self, ids: usize) -> Self {
        self.ids.set_limit(ids);
        self
    }

    /// Number of sorted runs the id index keeps on disk (O(log n) of the ids).
    pub fn id_runs(&self) -> usize {
        self.ids.runs()
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

impl<V: Vfs> Drop for FileStore<V> {
    fn drop(&mut self) {
        let _ = self.ids.close();
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

impl<V: Vfs> FileStore<V> {
    /// Appends the batch of `payloads`, whose id keys are `keys`, framed by `encode` (which
    /// advances a copy of the writer): checks the ids, writes and syncs the batch, then records
    /// its ids.
    fn append_keyed(
        &mut self,
        payloads: &[&[u8]],
        keys: &[Option<IdKey>],
        encode: impl FnOnce(&mut ChainWriter, &mut Vec<u8>) -> Result<Head, rxledger_chain::EncodeError>,
    ) -> Result<Head, StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned);
        }
        let first_seq = self.writer.head().seq + 1;
        check_batch(payloads, keys, first_seq, |k| self.find_ids(k))?;
        let mut w = self.writer.clone();
        self.buf.clear();
        let head = encode(&mut w, &mut self.buf)?;
        self.write_batch(head, first_seq)?;
        for (i, k) in keys.iter().enumerate() {
            self.ids.insert(*k, first_seq + i as u64);
        }
        // The batch is durable; if its ids cannot be written to the index now, they stay in
        // memory and the write is retried (and the next writer reads them from the records).
        let _ = self.ids.advance(head);
        Ok(head)
    }
}

impl<V: Vfs> Store for FileStore<V> {
    fn head(&self) -> Head {
        self.writer.head()
    }

    fn append_at(&mut self, payloads: &[&[u8]], recorded_at: &str) -> Result<Head, StoreError> {
        let keys: Vec<Option<IdKey>> = payloads.iter().map(|p| IdKey::of(p)).collect();
        self.append_keyed(payloads, &keys, |w, buf| {
            w.encode_batch(payloads, recorded_at, buf)
        })
    }

    fn append_prepared(&mut self, batch: &crate::PreparedBatch) -> Result<Head, StoreError> {
        let payloads = batch.payloads();
        self.append_keyed(&payloads, batch.keys(), |w, buf| {
            Ok(w.encode_hashed(batch.hashed(), buf))
        })
    }

    fn keeps_id_index(&self) -> bool {
        true
    }

    fn find_ids(&mut self, keys: &[IdKey]) -> Result<Vec<Option<Stored>>, StoreError> {
        if let Ok(found) = self.ids.find(keys) {
            return Ok(found);
        }
        // A run that does not check out: rebuild the index from the records, once.
        self.ids.reset();
        let mut idx = std::mem::replace(&mut self.ids, IdIndex::in_memory());
        let caught = self.catch_up(&mut idx, 1);
        self.ids = idx;
        caught?;
        self.ids.find(keys).map_err(RunError::into_store)
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
