//! Streaming readers over a ledger directory or an exported `.jsonl` file, and over any
//! [`Store`]: verification, record scanning and export. They take no lock and never modify the
//! ledger.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use rxledger_chain::merkle::RecordsRoot;
use rxledger_chain::{
    Digest, ExpectedHead, Hashers, Head, PrehashBatch, RecordRef, Verifier, VerifyError,
};

pub use crate::pipeline::default_workers;

use crate::history::{CheckpointHistory, HistoryEntry};
use crate::layout::{list_segments, MARKER_FILE};
use crate::pipeline::{each_line, Framing, Line};
use crate::{io_err, StdVfs, Store, StoreError};

/// Reads lines from a file with a large buffer, reusing one allocation.
pub struct LineReader {
    inner: BufReader<File>,
    buf: Vec<u8>,
    path: PathBuf,
    /// Bytes consumed so far.
    pub offset: u64,
}

impl LineReader {
    /// Opens `path`, a ledger's segment: a regular file (a FIFO or a device is refused, see
    /// [`crate::not_regular`]).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        crate::regular(path).map_err(io_err(path))?;
        let f = File::open(path).map_err(io_err(path))?;
        Ok(LineReader {
            inner: BufReader::with_capacity(1 << 20, f),
            buf: Vec::with_capacity(4096),
            path: path.to_owned(),
            offset: 0,
        })
    }

    /// Reads the next line; returns `Some(terminated)` (whether it ended with a newline), or
    /// `None` at end of file. The line itself is [`LineReader::line`].
    pub fn advance(&mut self) -> Result<Option<bool>, StoreError> {
        self.buf.clear();
        let n = self
            .inner
            .read_until(b'\n', &mut self.buf)
            .map_err(io_err(&self.path))?;
        if n == 0 {
            return Ok(None);
        }
        self.offset += n as u64;
        Ok(Some(self.buf.last() == Some(&b'\n')))
    }

    /// The current line without its newline.
    pub fn line(&self) -> &[u8] {
        self.buf.strip_suffix(b"\n").unwrap_or(&self.buf)
    }
}

/// An unacknowledged tail found at the end of a ledger directory (crash residue). The next
/// writer cuts it off; it is not evidence of tampering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TailIssue {
    /// The segment holding the tail.
    pub segment: PathBuf,
    /// Bytes after the last acknowledged batch.
    pub bytes: u64,
    /// Complete records of the incomplete batch.
    pub records: u64,
}

/// Result of [`verify_path`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyReport {
    /// Head after the last acknowledged record that verified.
    pub head: Head,
    /// The first failure, if any. `None` means the whole ledger verified.
    pub failure: Option<VerifyError>,
    /// The file in which the failure was found.
    pub failure_file: Option<PathBuf>,
    /// An unacknowledged tail (directories only).
    pub tail: Option<TailIssue>,
    /// Bytes read.
    pub bytes: u64,
    /// Blank lines after the last record of an exported file: tolerated (they hold no byte of
    /// any record), reported so that the reader can say so.
    pub blank_lines: u64,
}

impl VerifyReport {
    /// True when the ledger verified completely.
    pub fn is_ok(&self) -> bool {
        self.failure.is_none()
    }
}

/// True when `path` is a ledger directory (has the marker file, saying what `init` wrote: a
/// directory whose `LEDGER` says something else is not one, for readers as for writers).
pub fn is_store_dir(path: &Path) -> bool {
    let marker = path.join(MARKER_FILE);
    path.is_dir()
        && !crate::not_regular(&marker)
        && std::fs::read(marker).is_ok_and(|m| m == crate::layout::MARKER)
}

/// Verifies a ledger directory or exported `.jsonl` file in one streaming pass.
///
/// `expected` additionally requires a known head to be present (detects truncation and
/// rewritten history). `progress` is called with the number of bytes read so far.
pub fn verify_path(
    path: &Path,
    expected: Option<ExpectedHead>,
    progress: impl FnMut(u64),
) -> Result<VerifyReport, StoreError> {
    scan_path(path, expected, progress, |_| ControlFlow::Continue(()))
}

/// Like [`verify_path`], and calls `on_record` for every acknowledged record that verified, in
/// order, until it returns `Break` (verification of the rest is then skipped).
///
/// The records are parsed and hashed on [`default_workers`] threads besides the calling one (see
/// [`scan_path_prepared`]); `on_record` runs on the calling thread.
pub fn scan_path(
    path: &Path,
    expected: Option<ExpectedHead>,
    progress: impl FnMut(u64),
    mut on_record: impl FnMut(&RecordRef<'_>) -> ControlFlow<()>,
) -> Result<VerifyReport, StoreError> {
    scan_path_prepared(
        path,
        expected,
        progress,
        default_workers(),
        |_| (),
        |rec, ()| on_record(rec),
    )
}

/// [`scan_path`] with work of the caller's done ahead on worker threads: `prepare` runs on
/// `workers` threads (`0`: on the calling thread) for every record line that parses, before it
/// is verified, and what it returns is handed to `on_record` with the record once the record
/// has verified, in order, on the calling thread. A check uses it to parse events on other
/// cores while the engine runs on this one. While the record due next is not ready, the
/// calling thread runs `prepare` on later records itself rather than wait, so `prepare` runs on
/// the calling thread too (with `workers` one fewer than the cores, every core works).
/// `on_record` borrows the value (it may take it with `std::mem::take`); what is left of a
/// value a worker made is dropped later on a worker's thread, so the calling thread does not
/// spend its time freeing what the workers allocated.
///
/// The result does not depend on `workers`: verification and `on_record` see the records in
/// file order, and `prepare` must depend on its record alone (a value made for a record that
/// then fails verification is dropped).
pub fn scan_path_prepared<T: Send>(
    path: &Path,
    expected: Option<ExpectedHead>,
    progress: impl FnMut(u64),
    workers: usize,
    prepare: impl Fn(&RecordRef<'_>) -> T + Sync,
    mut on_record: impl FnMut(&RecordRef<'_>, &mut T) -> ControlFlow<()>,
) -> Result<VerifyReport, StoreError> {
    scan_path_all(
        path,
        expected,
        progress,
        workers,
        prepare,
        |rec, value, _| on_record(rec, value),
    )
}

/// [`scan_path`] handing `on_record` each record's chain leaf hash as well
/// ([`rxledger_chain::Prehashed::leaf`], computed on the worker threads as verification hashes
/// the record): what a Merkle root of the records is made of
/// ([`rxledger_chain::merkle::RecordsRoot`]), without hashing any record again.
pub fn scan_path_leaves(
    path: &Path,
    expected: Option<ExpectedHead>,
    progress: impl FnMut(u64),
    mut on_record: impl FnMut(&RecordRef<'_>, &Digest) -> ControlFlow<()>,
) -> Result<VerifyReport, StoreError> {
    scan_path_all(
        path,
        expected,
        progress,
        default_workers(),
        |_| (),
        |rec, (), leaf| on_record(rec, leaf),
    )
}

fn scan_path_all<T: Send>(
    path: &Path,
    expected: Option<ExpectedHead>,
    mut progress: impl FnMut(u64),
    workers: usize,
    prepare: impl Fn(&RecordRef<'_>) -> T + Sync,
    mut on_record: impl FnMut(&RecordRef<'_>, &mut T, &Digest) -> ControlFlow<()>,
) -> Result<VerifyReport, StoreError> {
    let mut v = Verifier::new();
    if let Some(e) = expected {
        v = v.expect_head(e);
    }
    let mut report = VerifyReport {
        head: Head::default(),
        failure: None,
        failure_file: None,
        tail: None,
        bytes: 0,
        blank_lines: 0,
    };
    let is_dir = path.is_dir();
    let files: Vec<(u64, PathBuf)> = if is_dir {
        if !is_store_dir(path) {
            return Err(StoreError::NotALedger {
                path: path.to_owned(),
            });
        }
        list_segments(&StdVfs, path)?
    } else {
        vec![(1, path.to_owned())]
    };
    // The directory's own checkpoint history: the records its newest checkpoint signed must
    // still have the Merkle root it signed (attacker round 24: a rewritten history passed
    // `check`), as they must still be there (round 21, below).
    // It is read once, before the records: a checkpoint signed while they are read vouches for
    // no more than it did when the reading began.
    let mut signed = SignedRoot::of(is_dir.then(|| CheckpointHistory::of(path).vouches()));
    let mut base = 0u64;
    let last_index = files.len().saturating_sub(1);
    for (i, (first, file)) in files.iter().enumerate() {
        let is_last = i == last_index;
        // In a directory, the last segment may end with an unacknowledged batch.
        let committed = if is_dir && is_last {
            committed_len(file)?
        } else {
            u64::MAX
        };
        if is_dir && *first != v.head().seq + 1 {
            report.failure = Some(VerifyError::Gap {
                line: 1,
                seq: v.head().seq + 1,
                found: *first,
            });
            report.failure_file = Some(file.clone());
            return Ok(report);
        }
        // Line numbers restart in every segment; the verifier counts globally, so rebase.
        let line_base = v_line_base(&v);
        let framing = if is_dir {
            Framing::Segment
        } else {
            Framing::Export
        };
        let mut end = 0;
        let mut stop = None;
        let flow = each_line(file, framing, workers, &prepare, &mut |line| {
            end = line.end;
            progress(base + line.end);
            match scan_line(&mut v, line, committed, is_dir, line_base, &mut report) {
                Step::Next => ControlFlow::Continue(()),
                Step::Verified(rec, value, leaf) => {
                    report.head = v.head();
                    // Read on: every record is still reconciled; the failure is reported at the
                    // end, if nothing else fails.
                    signed.push(&rec, &leaf);
                    if on_record(&rec, value, &leaf).is_break() {
                        stop = Some(Stop::Caller);
                        return ControlFlow::Break(());
                    }
                    ControlFlow::Continue(())
                }
                Step::Failed(e) => {
                    stop = Some(Stop::Failed(e));
                    ControlFlow::Break(())
                }
            }
        })?;
        if let Some(t) = report
            .tail
            .as_mut()
            .filter(|t| t.segment.as_os_str().is_empty())
        {
            t.segment.clone_from(file);
        }
        match stop {
            Some(Stop::Caller) => {
                report.bytes = base + end;
                return Ok(report);
            }
            Some(Stop::Failed(e)) => {
                report.failure = Some(e);
                report.failure_file = Some(file.clone());
                return Ok(report);
            }
            None => debug_assert!(flow.is_continue()),
        }
        base += end;
    }
    report.bytes = base;
    report.blank_lines = v.trailing_blank_lines();
    let result = if is_dir {
        v.finish_allowing_open_batch().map(|_| ())
    } else {
        v.finish().map(|_| ())
    };
    if let Err(e) = result {
        report.failure = Some(e);
        report.failure_file = files.last().map(|(_, p)| p.clone());
    } else if let Some(e) = signed.failure(report.head.seq) {
        // Other records than the directory's own checkpoint history signed; fewer (cut off its
        // end, which alone looks like a crash's unacknowledged tail: round 21); or a history
        // that cannot vouch for anything.
        report.failure = Some(e);
        report.failure_file = Some(CheckpointHistory::of(path).path());
    }
    Ok(report)
}

/// Verifies the records of any [`Store`] in one pass, as [`verify_path`] does for files.
///
/// Each record is checked by the chain's streaming [`Verifier`] in its canonical line form, so a
/// store that keeps records in another shape (rows, objects) is held to the same framing, links
/// and hashes. A record the store cannot parse is a failure at its seq, as in a file; other store
/// errors are returned. Line numbers in a failure count records from seq 1.
///
/// ```
/// use rxledger_store::{verify_store, MemStore, Store};
///
/// let mut store = MemStore::new();
/// let head = store.append(&[br#"{"n":1}"#.as_slice(), br#"{"n":2}"#])?;
/// let report = verify_store(&store, None)?;
/// assert!(report.is_ok());
/// assert_eq!(report.head, head);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify_store<S: Store + ?Sized>(
    store: &S,
    expected: Option<ExpectedHead>,
) -> Result<VerifyReport, StoreError> {
    scan_store(store, expected, |_| ControlFlow::Continue(()))
}

/// Like [`verify_store`], and calls `on_record` for every record that verified, in order, until
/// it returns `Break` (verification of the rest is then skipped), as [`scan_path`] does.
pub fn scan_store<S: Store + ?Sized>(
    store: &S,
    expected: Option<ExpectedHead>,
    mut on_record: impl FnMut(&RecordRef<'_>) -> ControlFlow<()>,
) -> Result<VerifyReport, StoreError> {
    scan_store_leaves(store, expected, |rec, _| on_record(rec))
}

/// [`scan_store`] handing `on_record` each record's chain leaf hash as well, as
/// [`scan_path_leaves`] does.
pub fn scan_store_leaves<S: Store + ?Sized>(
    store: &S,
    expected: Option<ExpectedHead>,
    mut on_record: impl FnMut(&RecordRef<'_>, &Digest) -> ControlFlow<()>,
) -> Result<VerifyReport, StoreError> {
    let mut v = Verifier::new();
    if let Some(e) = expected {
        v = v.expect_head(e);
    }
    let mut report = VerifyReport {
        head: Head::default(),
        failure: None,
        failure_file: None,
        tail: None,
        bytes: 0,
        blank_lines: 0,
    };
    // Records are verified a batch at a time, their hashes computed side by side
    // (`PrehashBatch`): their canonical lines wait in `lines`, each ending at its `ends`.
    let mut batch = StoreBatch::default();
    let mut stopped = false;
    let scanned = store.scan(1, &mut |rec| {
        write_canonical_line(&rec, &mut batch.lines);
        batch.ends.push(batch.lines.len());
        if batch.ends.len() == STORE_BATCH {
            stopped = batch.verify(&mut v, &mut report, &mut on_record);
            if stopped {
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    });
    // What was read before the scan ended (or failed) comes first, as it would one by one.
    if !stopped {
        stopped = batch.verify(&mut v, &mut report, &mut on_record);
    }
    match scanned {
        Ok(()) => {}
        Err(StoreError::Corrupt { path, error }) => {
            if !stopped {
                report.failure = Some(error);
                report.failure_file = Some(path);
            }
            return Ok(report);
        }
        Err(e) => return Err(e),
    }
    if !stopped {
        if let Err(e) = v.finish() {
            report.failure = Some(e);
        }
    }
    Ok(report)
}

/// Records of a store verified at a time by [`scan_store`].
const STORE_BATCH: usize = 256;

/// The canonical lines of records of a store waiting to be verified.
#[derive(Default)]
struct StoreBatch {
    lines: Vec<u8>,
    /// Where each line ends in `lines`.
    ends: Vec<usize>,
    hashing: PrehashBatch,
    hashers: Hashers,
}

impl StoreBatch {
    /// Verifies the waiting lines in order, their hashes computed side by side, and hands each
    /// record that verified to `on_record`; empties the batch. True when the scan must stop (a
    /// failure, in `report`, or `on_record` broke).
    fn verify(
        &mut self,
        v: &mut Verifier,
        report: &mut VerifyReport,
        on_record: &mut impl FnMut(&RecordRef<'_>, &Digest) -> ControlFlow<()>,
    ) -> bool {
        let lines = rxledger_chain::split_at_ends(&self.lines, &self.ends);
        let mut hashed = Vec::with_capacity(lines.len());
        self.hashing
            .hash_lines(&lines, RecordRef::parse, &mut hashed);
        let mut stop = false;
        for (line, pre) in lines.iter().zip(hashed) {
            report.bytes += line.len() as u64 + 1;
            let leaf = pre.map(|p| p.leaf);
            match v.push_line_hashed(line, pre) {
                Ok(rec) => {
                    report.head = v.head();
                    // (A line that did not parse for the batch does not verify either.)
                    let leaf = leaf.unwrap_or_else(|| {
                        self.hashers.leaf(
                            rec.seq,
                            rec.batch_end,
                            rec.recorded_at.as_bytes(),
                            rec.payload,
                        )
                    });
                    if on_record(&rec, &leaf).is_break() {
                        stop = true;
                        break;
                    }
                }
                Err(e) => {
                    report.failure = Some(e);
                    stop = true;
                    break;
                }
            }
        }
        self.lines.clear();
        self.ends.clear();
        stop
    }
}

/// The canonical line of a record, as the chain writer frames it and as an exported ledger holds
/// it (without newline): what [`Verifier::push_line`] and proof checks take.
pub fn canonical_line(rec: &RecordRef<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(rec.payload.len() + 256);
    write_canonical_line(rec, &mut out);
    out
}

fn write_canonical_line(rec: &RecordRef<'_>, out: &mut Vec<u8>) {
    use std::io::Write as _;
    // Writing into a Vec cannot fail.
    let _ = write!(
        out,
        "{{\"seq\":{},\"batch_end\":{},\"recorded_at\":\"{}\",\"prev\":\"{}\",\"hash\":\"{}\",\"event\":",
        rec.seq, rec.batch_end, rec.recorded_at, rec.prev, rec.hash
    );
    out.extend_from_slice(rec.payload);
    out.push(b'}');
}

/// What one line of a file came to.
enum Step<'b, T> {
    /// Nothing to deliver (a blank line of an export, the unacknowledged tail of a directory).
    Next,
    /// An acknowledged record that verified, with what was prepared for it and its leaf hash.
    Verified(RecordRef<'b>, &'b mut T, Digest),
    /// Verification failed here (line numbers relative to the file).
    Failed(VerifyError),
}

/// Why a scan stopped early.
enum Stop {
    /// The caller's `on_record` broke.
    Caller,
    /// Verification failed.
    Failed(VerifyError),
}

/// Verifies one line of a segment (`is_dir`) or exported file; `committed` is where a
/// directory's unacknowledged tail begins (lines from there are verified if complete, counted
/// in the report's tail, and not delivered).
fn scan_line<'b, T>(
    v: &mut Verifier,
    line: Line<'b, T>,
    committed: u64,
    is_dir: bool,
    line_base: u64,
    report: &mut VerifyReport,
) -> Step<'b, T> {
    // A line's value and leaf hash come with its parsed record: a line that did not parse has
    // neither, and does not verify.
    let (pre, value) = match line.pre {
        Some((p, value)) => (Some(p), Some((value, p.leaf))),
        None => (None, None),
    };
    if line.start >= committed {
        // The unacknowledged tail: complete lines must still verify (otherwise this is not
        // crash residue); an unterminated last line is a torn write.
        if line.terminated {
            if let Err(e) = v.push_line_hashed(line.bytes, pre) {
                return Step::Failed(rebase(e, line_base));
            }
        }
        let t = report.tail.get_or_insert(TailIssue {
            segment: PathBuf::new(),
            bytes: 0,
            records: 0,
        });
        t.bytes += line.end - line.start;
        t.records += u64::from(line.terminated);
        return Step::Next;
    }
    if is_dir && !line.terminated {
        // A torn line inside the acknowledged part cannot be crash residue.
        return Step::Failed(VerifyError::Unparsable {
            line: reader_line(v, line_base) + 1,
            seq: v.head().seq + 1,
            reason: "line is not newline-terminated",
        });
    }
    // An exported file may have been re-saved by an editor: told apart from tampering.
    let pushed = if is_dir {
        v.push_line_hashed(line.bytes, pre).map(Some)
    } else {
        v.push_export_line_hashed(line.bytes, pre)
    };
    match (pushed, value) {
        (Ok(None), _) => Step::Next,
        (Ok(Some(rec)), Some((value, leaf))) => Step::Verified(rec, value, leaf),
        // Verified without a prepared value: the worker could not parse what the verifier
        // accepted, which cannot happen (both parse the same bytes the same way).
        (Ok(Some(rec)), None) => Step::Failed(VerifyError::Unparsable {
            line: reader_line(v, line_base),
            seq: rec.seq,
            reason: "record parsed differently on a second reading",
        }),
        (Err(e), _) => Step::Failed(rebase(e, line_base)),
    }
}

/// What a directory's own checkpoint history vouches for, checked as the records are read: the
/// Merkle root of the records each of its checkpoints signed, computed and compared with the one
/// it signed (attacker round 26: not only the last line's), and their number.
struct SignedRoot {
    /// What the history vouches for, read once ([`CheckpointHistory::vouches`]): its entries,
    /// smallest first, one per size; none for an export, or a directory without a checkpoint.
    vouched: Result<Vec<HistoryEntry>, VerifyError>,
    /// The root of the records read so far, up to the largest size signed.
    root: RecordsRoot,
    /// The next entry to compare (an index into `vouched`).
    next: usize,
    /// The size of the first entry whose records do not have its root.
    other_root: Option<u64>,
}

impl SignedRoot {
    fn of(vouched: Option<Result<Vec<HistoryEntry>, VerifyError>>) -> SignedRoot {
        let vouched = vouched.unwrap_or(Ok(Vec::new()));
        let largest = vouched
            .as_ref()
            .map_or(0, |e| e.last().map_or(0, |e| e.size));
        SignedRoot {
            vouched,
            root: RecordsRoot::up_to(largest),
            next: 0,
            other_root: None,
        }
    }

    /// Why a ledger whose `last` acknowledged record was read is not the one the history
    /// signed, if it is not.
    fn failure(self, last: u64) -> Option<VerifyError> {
        if let Some(size) = self.other_root {
            return Some(VerifyError::CheckpointRoot { seq: 1, size });
        }
        crate::history::below(&self.vouched, last)
    }

    /// Adds record `rec`, whose chain leaf hash is `leaf`; at each size signed, compares roots.
    fn push(&mut self, rec: &RecordRef<'_>, leaf: &Digest) {
        let Ok(entries) = &self.vouched else {
            return;
        };
        // (A checkpoint of no records signs the empty tree, which every ledger extends.)
        while entries.get(self.next).is_some_and(|e| e.size == 0) {
            self.next += 1;
        }
        let Some(entry) = entries.get(self.next) else {
            return;
        };
        self.root.push(rec.seq, leaf);
        if rec.seq == entry.size {
            if self.other_root.is_none() && self.root.root() != entry.root.0 {
                self.other_root = Some(entry.size);
            }
            self.next += 1;
        }
    }
}

fn v_line_base(v: &Verifier) -> u64 {
    v.lines()
}

fn reader_line(v: &Verifier, base: u64) -> u64 {
    v.lines() - base
}

/// Makes line numbers relative to the current file.
fn rebase(e: VerifyError, base: u64) -> VerifyError {
    match e {
        VerifyError::Unparsable { line, seq, reason } => VerifyError::Unparsable {
            line: line - base,
            seq,
            reason,
        },
        VerifyError::Gap { line, seq, found } => VerifyError::Gap {
            line: line - base,
            seq,
            found,
        },
        VerifyError::Duplicate { line, seq, found } => VerifyError::Duplicate {
            line: line - base,
            seq,
            found,
        },
        VerifyError::BrokenLink {
            line,
            seq,
            expected,
            found,
        } => VerifyError::BrokenLink {
            line: line - base,
            seq,
            expected,
            found,
        },
        VerifyError::HashMismatch {
            line,
            seq,
            stored,
            computed,
        } => VerifyError::HashMismatch {
            line: line - base,
            seq,
            stored,
            computed,
        },
        VerifyError::BatchFraming {
            line,
            seq,
            batch_end,
            expected,
        } => VerifyError::BatchFraming {
            line: line - base,
            seq,
            batch_end,
            expected,
        },
        other => other,
    }
}

/// Byte length of the acknowledged part of a segment: up to the end of the last line that parses
/// and closes its batch.
fn committed_len(path: &Path) -> Result<u64, StoreError> {
    let mut reader = LineReader::open(path)?;
    let mut committed = 0;
    while let Some(terminated) = reader.advance()? {
        if !terminated {
            break;
        }
        if let Ok(rec) = RecordRef::parse(reader.line()) {
            if rec.seq == rec.batch_end {
                committed = reader.offset;
            }
        }
    }
    Ok(committed)
}

/// Copies the acknowledged records of a ledger directory into one JSON Lines file (line N holds
/// record N), synced before returning. Returns the head of the exported ledger.
///
/// The export is a faithful copy, not a repair: a ledger that fails verification is exported as it
/// is, so that `verify` of the export reports the same failure.
pub fn export(dir: &Path, out: &Path) -> Result<Head, StoreError> {
    if !is_store_dir(dir) {
        return Err(StoreError::NotALedger {
            path: dir.to_owned(),
        });
    }
    let segs = list_segments(&StdVfs, dir)?;
    let file = File::create(out).map_err(io_err(out))?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    let mut head = Head::default();
    let last_index = segs.len().saturating_sub(1);
    for (i, (_, seg)) in segs.iter().enumerate() {
        let committed = if i == last_index {
            committed_len(seg)?
        } else {
            u64::MAX
        };
        let mut r = LineReader::open(seg)?;
        loop {
            let start = r.offset;
            let Some(terminated) = r.advance()? else {
                break;
            };
            let line = r.line();
            if start >= committed {
                break;
            }
            if let Ok(rec) = RecordRef::parse(line) {
                head = Head {
                    seq: rec.seq,
                    hash: rec.hash,
                };
            }
            w.write_all(line).map_err(io_err(out))?;
            if terminated {
                w.write_all(b"\n").map_err(io_err(out))?;
            }
        }
    }
    let file = w
        .into_inner()
        .map_err(|e| io_err(out)(io::Error::other(e.to_string())))?;
    file.sync_all().map_err(io_err(out))?;
    Ok(head)
}
