//! Reading a file as blocks of whole lines, with the work that depends on one line alone done
//! ahead on worker threads.
//!
//! A reader thread cuts the file into blocks of whole lines; worker `i % n` parses and hashes the
//! records of block `i` ([`Prehashed`]) and runs the caller's `prepare` on each (for a check:
//! parsing the event); the calling thread takes the blocks back in file order and sees every
//! line, in order, with what was prepared for it. Everything that depends on the lines before
//! (the chain's sequence and links, the engine's state) stays on the calling thread, so the
//! result is the same as reading the file line by line on one thread: only where the work is
//! done changes. With `workers == 0` the same code runs on the calling thread alone.
//!
//! Memory is bounded: at most a few blocks of 64 KiB wait at each worker's input and output.

use std::fs::File;
use std::io::Read;
use std::ops::{ControlFlow, Range};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use rxledger_chain::{export_record_bytes, Digest, Hashers, Prehashed, RecordRef};

use crate::{io_err, StoreError};

/// Bytes of whole lines per block (a block grows to hold a longer line). Small enough that
/// what the workers make of a block (about sixty parsed events) is still in the cache when the
/// calling thread takes it: with blocks of 1 MiB a check spent 40 % more CPU time.
const BLOCK_BYTES: usize = 64 << 10;

/// Blocks that may wait at each worker's input and output.
const QUEUE: usize = 4;

/// The number of worker threads to use by default: the environment variable `RXLEDGER_WORKERS`
/// when set to a number (`0`: everything on the calling thread), otherwise one per core the
/// process may use, at most four.
pub fn default_workers() -> usize {
    if let Some(n) = std::env::var("RXLEDGER_WORKERS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        return n.min(64);
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4))
}

/// How the lines of a file hold records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Framing {
    /// A segment of a ledger directory: every line is a record, byte for byte.
    Segment,
    /// An exported file: a byte-order mark before the first line and a CR before a newline are
    /// set aside ([`export_record_bytes`]).
    Export,
}

/// One line of the file, in order.
pub(crate) struct Line<'b, T> {
    /// File offset of the line's first byte.
    pub start: u64,
    /// File offset after the line (and its newline).
    pub end: u64,
    /// Whether the line ends with a newline.
    pub terminated: bool,
    /// The line without its newline.
    pub bytes: &'b [u8],
    /// The record it holds, parsed and hashed, and what `prepare` made of it; `None` when the
    /// record bytes do not parse (the verifier then says why).
    pub pre: Option<(Prehashed<'b>, T)>,
}

/// What a worker found in a record line, as offsets into its block.
struct Pre<T> {
    seq: u64,
    batch_end: u64,
    recorded_at: Range<usize>,
    prev: Digest,
    hash: Digest,
    payload: Range<usize>,
    computed: Digest,
    value: T,
}

struct LineMeta<T> {
    start: usize,
    /// End of the line's bytes, without the newline.
    end: usize,
    terminated: bool,
    pre: Option<Pre<T>>,
}

struct Block<T> {
    /// File offset of `buf[0]`.
    offset: u64,
    buf: Vec<u8>,
    lines: Vec<LineMeta<T>>,
}

/// Calls `each` with every line of `path`, in order, until it breaks or fails; `prepare` runs on
/// `workers` threads (none: on this one) for every line whose record bytes parse.
pub(crate) fn each_line<T: Send>(
    path: &Path,
    framing: Framing,
    workers: usize,
    prepare: &(dyn Fn(&RecordRef<'_>) -> T + Sync),
    each: &mut dyn FnMut(Line<'_, T>) -> ControlFlow<()>,
) -> Result<ControlFlow<()>, StoreError> {
    let file = File::open(path).map_err(io_err(path))?;
    let mut blocks = Blocks::new(file);
    if workers == 0 {
        let hashers = Hashers::new();
        while let Some(block) = blocks.next().map_err(io_err(path))? {
            let block = work(&hashers, framing, prepare, block);
            if deliver(block, each).is_break() {
                return Ok(ControlFlow::Break(()));
            }
        }
        return Ok(ControlFlow::Continue(()));
    }
    std::thread::scope(|s| {
        let mut inputs: Vec<SyncSender<Block<T>>> = Vec::with_capacity(workers);
        let mut outputs: Vec<Receiver<Block<T>>> = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (in_tx, in_rx) = sync_channel::<Block<T>>(QUEUE);
            let (out_tx, out_rx) = sync_channel::<Block<T>>(QUEUE);
            inputs.push(in_tx);
            outputs.push(out_rx);
            s.spawn(move || {
                let hashers = Hashers::new();
                for block in in_rx {
                    if out_tx
                        .send(work(&hashers, framing, prepare, block))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        // The reader: block i to worker i % n. Stops at the end of the file, at a read error
        // (returned), or when the workers are gone (the caller stopped).
        let reader = s.spawn(move || -> std::io::Result<()> {
            let mut i = 0;
            while let Some(block) = blocks.next()? {
                if inputs[i % inputs.len()].send(block).is_err() {
                    break;
                }
                i += 1;
            }
            Ok(())
        });
        let flow = collect(outputs, each);
        // `collect` dropped the outputs: the workers and the reader end.
        let read = reader
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        match (flow, read) {
            (ControlFlow::Break(()), _) => Ok(ControlFlow::Break(())),
            (ControlFlow::Continue(()), Ok(())) => Ok(ControlFlow::Continue(())),
            (ControlFlow::Continue(()), Err(e)) => Err(io_err(path)(e)),
        }
    })
}

/// Takes the blocks back in file order (block i from worker i % n) and delivers their lines.
fn collect<T>(
    outputs: Vec<Receiver<Block<T>>>,
    each: &mut dyn FnMut(Line<'_, T>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut i = 0;
    // A worker's channel closes after its last block: the end of the file (or a read error,
    // which the reader returns).
    while let Ok(block) = outputs[i % outputs.len()].recv() {
        deliver(block, each)?;
        i += 1;
    }
    ControlFlow::Continue(())
}

/// The per-line work of one block.
fn work<T>(
    hashers: &Hashers,
    framing: Framing,
    prepare: &(dyn Fn(&RecordRef<'_>) -> T + Sync),
    mut block: Block<T>,
) -> Block<T> {
    let buf = &block.buf;
    let base = buf.as_ptr().addr();
    let mut start = 0;
    while start < buf.len() {
        let (end, next, terminated) = match memchr::memchr(b'\n', &buf[start..]) {
            Some(n) => (start + n, start + n + 1, true),
            None => (buf.len(), buf.len(), false),
        };
        let line = &buf[start..end];
        let record = match framing {
            Framing::Segment => line,
            Framing::Export => export_record_bytes(line, block.offset == 0 && start == 0),
        };
        let pre = Prehashed::of(hashers, record).ok().map(|p| {
            let at = |s: &[u8]| {
                let from = s.as_ptr().addr() - base;
                from..from + s.len()
            };
            Pre {
                seq: p.rec.seq,
                batch_end: p.rec.batch_end,
                recorded_at: at(p.rec.recorded_at.as_bytes()),
                prev: p.rec.prev,
                hash: p.rec.hash,
                payload: at(p.rec.payload),
                computed: p.computed,
                value: prepare(&p.rec),
            }
        });
        block.lines.push(LineMeta {
            start,
            end,
            terminated,
            pre,
        });
        start = next;
    }
    block
}

/// Hands the lines of a block to `each`, rebuilding the records from their offsets.
fn deliver<T>(
    block: Block<T>,
    each: &mut dyn FnMut(Line<'_, T>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let Block { offset, buf, lines } = block;
    for meta in lines {
        let pre = meta.pre.and_then(|p| {
            // Offsets made by `work` from this buffer: always in range, and `recorded_at` was
            // checked to be ASCII by the parse.
            let recorded_at = std::str::from_utf8(buf.get(p.recorded_at)?).ok()?;
            let rec = RecordRef {
                seq: p.seq,
                batch_end: p.batch_end,
                recorded_at,
                prev: p.prev,
                hash: p.hash,
                payload: buf.get(p.payload)?,
            };
            Some((
                Prehashed {
                    rec,
                    computed: p.computed,
                },
                p.value,
            ))
        });
        each(Line {
            start: offset + meta.start as u64,
            end: offset + (meta.end + usize::from(meta.terminated)) as u64,
            terminated: meta.terminated,
            bytes: &buf[meta.start..meta.end],
            pre,
        })?;
    }
    ControlFlow::Continue(())
}

/// Cuts a file into blocks of whole lines (the last may end without a newline).
struct Blocks {
    file: File,
    /// Bytes read after the last newline of the previous block.
    carry: Vec<u8>,
    offset: u64,
    eof: bool,
}

impl Blocks {
    fn new(file: File) -> Self {
        Blocks {
            file,
            carry: Vec::new(),
            offset: 0,
            eof: false,
        }
    }

    fn next<T>(&mut self) -> std::io::Result<Option<Block<T>>> {
        let mut buf = std::mem::take(&mut self.carry);
        let mut target = BLOCK_BYTES;
        // Bytes already searched for a newline.
        let mut searched = 0;
        loop {
            if !self.eof && buf.len() < target {
                let want = (target - buf.len()) as u64;
                buf.reserve(want as usize);
                // `read_to_end` on a `take` reads into spare capacity (no zero-filling) and
                // retries interrupted reads.
                let n = (&mut self.file).take(want).read_to_end(&mut buf)?;
                if (n as u64) < want {
                    self.eof = true;
                }
                continue;
            }
            if self.eof {
                break;
            }
            if let Some(last) = memchr::memrchr(b'\n', &buf[searched..]) {
                self.carry = buf.split_off(searched + last + 1);
                break;
            }
            // No newline in a whole block: a longer line; read on.
            searched = buf.len();
            target = buf.len() + BLOCK_BYTES;
        }
        if buf.is_empty() {
            return Ok(None);
        }
        let offset = self.offset;
        self.offset += buf.len() as u64;
        Ok(Some(Block {
            offset,
            buf,
            lines: Vec::new(),
        }))
    }
}
