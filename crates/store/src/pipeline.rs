//! Reading a file as blocks of whole lines, with the work that depends on one line alone done
//! ahead on worker threads.
//!
//! The workers cut the file into blocks of whole lines, each reading the next block in turn;
//! the worker that read a block parses and hashes its records ([`Prehashed`]) and runs the
//! caller's `prepare` on each (for a check: parsing the event); the calling thread takes the
//! blocks back in file order and sees every line, in order, with what was prepared for it.
//! Whenever the block it waits for is not back yet, the calling thread reads the next block and
//! works on it itself, so that it is never idle while there is work (the default is one worker
//! per core but one). Everything that depends on the lines before (the chain's sequence and
//! links, the engine's state) stays on the calling thread, so the result is the same as reading
//! the file line by line on one thread: only where the work is done changes. With
//! `workers == 0` the same code runs on the calling thread alone.
//!
//! Memory is bounded: at most a fixed number of blocks (of 512 KiB, or 1 MiB when nothing is
//! prepared) are in flight, and their buffers are reused.

use std::fs::File;
use std::io::Read;
use std::ops::{ControlFlow, Range};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use rxledger_chain::{export_record_bytes, Digest, PrehashBatch, Prehashed, RecordRef};

use crate::{io_err, StoreError};

/// Bytes of whole lines per block (a block grows to hold a longer line). With the calling
/// thread working on blocks while it waits (one worker per core but one), larger blocks mean
/// fewer hand-offs and wake-ups: a check of the 1M `gen` ledger took 0.93x the wall time and
/// 0.94x the CPU time of 128 KiB blocks (`farm-bench -n 11`), 1 MiB no less (0.99x) for 9 MiB
/// more. (With a worker per core besides the calling thread, 128 KiB was best: the blocks a
/// worker made were still in the cache when the calling thread took them.)
const BLOCK_BYTES: usize = 512 << 10;

/// Bytes of whole lines per block when nothing is prepared per line (a zero-sized `T`: a plain
/// `verify`). Nothing then waits in the cache for the calling thread, and larger blocks mean
/// fewer hand-offs between threads (each wakes a thread): with 64 KiB blocks a `verify` spent
/// about a tenth of its time in the scheduler.
const PLAIN_BLOCK_BYTES: usize = 1 << 20;

/// Bytes of whole lines per block when everything runs on the calling thread (no workers): a
/// block is prepared and then delivered at once, and what was prepared for it is still in the
/// cache when the engine takes it if the block is small. (512 KiB blocks made a one-thread
/// check 1.07x the time of 128 KiB ones: `check/end_to_end_one_thread`.)
const ONE_THREAD_BLOCK_BYTES: usize = 128 << 10;

/// The block size for lines prepared into `T`s, on `workers` workers.
const fn block_bytes<T>(workers: usize) -> usize {
    if std::mem::size_of::<T>() == 0 {
        PLAIN_BLOCK_BYTES
    } else if workers == 0 {
        ONE_THREAD_BLOCK_BYTES
    } else {
        BLOCK_BYTES
    }
}

/// Blocks that may wait at each worker's input and output.
const QUEUE: usize = 4;

/// The number of worker threads to use by default: the environment variable `RXLEDGER_WORKERS`
/// when set to a number (`0`: everything on the calling thread), otherwise one per core the
/// process may use but one, at most four: the calling thread works on blocks too whenever the
/// one it waits for is not back, so it takes the last core (on one core: no workers).
pub fn default_workers() -> usize {
    if let Some(n) = std::env::var("RXLEDGER_WORKERS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        return n.min(64);
    }
    std::thread::available_parallelism().map_or(0, |n| (n.get() - 1).min(4))
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
    /// record bytes do not parse (the verifier then says why). The value stays in its block
    /// and is dropped when the block's buffers are reused, by the worker that reads the next
    /// block into them: what a worker allocated is not freed on the calling thread, which is
    /// the busiest.
    pub pre: Option<(Prehashed<'b>, &'b mut T)>,
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
    leaf: Digest,
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
    // (An exported file may be a FIFO, read once; a segment must be a file.)
    if framing == Framing::Segment {
        crate::regular(path).map_err(io_err(path))?;
    }
    let file = File::open(path).map_err(io_err(path))?;
    let mut blocks = Blocks::new(file, block_bytes::<T>(workers));
    if workers == 0 {
        let mut hashing = PrehashBatch::new();
        let mut spare = Spare::default();
        while let Some(block) = blocks.next(spare).map_err(io_err(path))? {
            let block = work(&mut hashing, framing, prepare, block);
            match deliver(block, each) {
                (ControlFlow::Break(()), _) => return Ok(ControlFlow::Break(())),
                (ControlFlow::Continue(()), emptied) => spare = emptied,
            }
        }
        return Ok(ControlFlow::Continue(()));
    }
    // Every block in flight holds one of `in_flight` buffers, which go back to the workers once
    // their lines are delivered: memory stays bounded whatever the order the workers finish
    // in, and the buffers are reused instead of allocated (and their pages faulted in) again.
    let in_flight = workers * (QUEUE + 1) + 1;
    // Each worker reads the next block itself (in turn, under a lock: the file is read in
    // order and the blocks numbered as they are read), then works on it: the bytes it parses
    // are those it has just read, and no thread of its own hands blocks out (a hand-off, and
    // the wake-up of a thread, fewer per block).
    let reading = std::sync::Mutex::new(Reading {
        blocks,
        next: 0,
        made: 0,
        stop: false,
        error: None,
    });
    let (spare_tx, spare_rx) = sync_channel::<Spare<T>>(in_flight);
    let spare_rx = std::sync::Mutex::new(spare_rx);
    std::thread::scope(|s| {
        let (done_tx, done_rx) = sync_channel::<Done<T>>(in_flight);
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let (reading, spare_rx) = (&reading, &spare_rx);
            s.spawn(move || {
                let mut hands = Hands::new(reading, framing, prepare);
                loop {
                    let Some(spare) = spare_for(reading, spare_rx, in_flight) else {
                        break;
                    };
                    let Some((i, done)) = hands.next(spare) else {
                        break;
                    };
                    // A panic (in the caller's `prepare`) goes to the calling thread, which
                    // stops the pipeline and panics with it; left alone, the block would never
                    // come back and the calling thread would wait for it for ever.
                    let panicked = done.is_err();
                    if done_tx.send((i, done)).is_err() || panicked {
                        break;
                    }
                }
                // The others stop too (a panic, or the caller gone).
                if let Ok(mut r) = reading.lock() {
                    r.stop = true;
                }
            });
        }
        // Only the workers hold it now: the channel closes when they stop.
        drop(done_tx);
        let help = Help {
            hands: Hands::new(&reading, framing, prepare),
            own: Some(Spare::default()),
        };
        let flow = collect(done_rx, &spare_tx, help, each);
        // After a break or a panic, no worker starts another block (each would read and
        // prepare one more before it found the channel closed).
        if let Ok(mut r) = reading.lock() {
            r.stop = true;
        }
        // `collect` dropped its receiver and this drops the buffers' way back: the workers end.
        drop(spare_tx);
        let flow = flow.unwrap_or_else(|panic| {
            // The scope waits for the workers, which end now, then panics.
            std::panic::resume_unwind(panic)
        });
        let read = reading
            .lock()
            .map_or(Ok(()), |mut r| r.error.take().map_or(Ok(()), Err));
        match (flow, read) {
            (ControlFlow::Break(()), _) => Ok(ControlFlow::Break(())),
            (ControlFlow::Continue(()), Ok(())) => Ok(ControlFlow::Continue(())),
            (ControlFlow::Continue(()), Err(e)) => Err(io_err(path)(e)),
        }
    })
}

/// The workers' shared reading of the file.
struct Reading {
    blocks: Blocks,
    /// The number of the next block read.
    next: usize,
    /// Buffers made so far (at most the number in flight).
    made: usize,
    /// The end of the file, a read error or a worker stopping: no more blocks.
    stop: bool,
    /// The read error that stopped the reading, for the calling thread.
    error: Option<std::io::Error>,
}

/// Buffers for the next block: one given back by the calling thread, or a new one while fewer
/// than `in_flight` were made, or else the next given back (waited for); `None` once the
/// reading stopped or the calling thread is gone.
fn spare_for<T>(
    reading: &std::sync::Mutex<Reading>,
    spare_rx: &std::sync::Mutex<Receiver<Spare<T>>>,
    in_flight: usize,
) -> Option<Spare<T>> {
    let rx = spare_rx.lock().ok()?;
    if let Ok(spare) = rx.try_recv() {
        return Some(spare);
    }
    {
        let mut r = reading.lock().ok()?;
        if r.stop {
            return None;
        }
        if r.made < in_flight {
            r.made += 1;
            return Some(Spare::default());
        }
    }
    rx.recv().ok()
}

/// Reads the next block into `spare`'s buffers, with its number; `None` at the end of the
/// file, at a read error (kept for the calling thread) or once the reading stopped.
fn read_next<T>(reading: &std::sync::Mutex<Reading>, spare: Spare<T>) -> Option<(usize, Block<T>)> {
    let mut r = reading.lock().ok()?;
    if r.stop {
        return None;
    }
    match r.blocks.next(spare) {
        Ok(Some(block)) => {
            let i = r.next;
            r.next += 1;
            Some((i, block))
        }
        Ok(None) => {
            r.stop = true;
            None
        }
        Err(e) => {
            r.stop = true;
            r.error = Some(e);
            None
        }
    }
}

/// A block back from a worker (its number, and the block or the panic of its work).
type Done<T> = (usize, std::thread::Result<Block<T>>);

/// What reads blocks and works on them: a worker, or the calling thread while the block it
/// waits for is not back.
struct Hands<'a, T> {
    reading: &'a std::sync::Mutex<Reading>,
    framing: Framing,
    prepare: &'a (dyn Fn(&RecordRef<'_>) -> T + Sync),
    hashing: PrehashBatch,
}

impl<'a, T> Hands<'a, T> {
    fn new(
        reading: &'a std::sync::Mutex<Reading>,
        framing: Framing,
        prepare: &'a (dyn Fn(&RecordRef<'_>) -> T + Sync),
    ) -> Self {
        Hands {
            reading,
            framing,
            prepare,
            hashing: PrehashBatch::new(),
        }
    }

    /// Reads the next block into `spare`'s buffers and works on it: its number and the block,
    /// or the panic of the work (of the caller's `prepare`); `None` once there is nothing more
    /// to read.
    fn next(&mut self, mut spare: Spare<T>) -> Option<Done<T>> {
        // What the buffers' last block prepared is dropped here, outside the locks.
        spare.lines.clear();
        let (i, block) = read_next(self.reading, spare)?;
        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            work(&mut self.hashing, self.framing, self.prepare, block)
        }));
        Some((i, done))
    }
}

/// What the calling thread needs to work on blocks itself while the one it waits for is not
/// back: its hands, and buffers of its own (one block's), which the workers never wait for.
struct Help<'a, T> {
    hands: Hands<'a, T>,
    /// Its buffers, while they hold no block; `None` while its block waits to be delivered.
    own: Option<Spare<T>>,
}

/// Takes the blocks back, puts them in file order and delivers their lines, handing each
/// emptied block's buffers back to the workers; stops at the first panic of a worker's work.
///
/// While the block due is not back, the calling thread reads the next block and works on it
/// itself (with its own buffers) instead of waiting: with one worker per core but one, every
/// core works and no thread waits on a core (with a worker per core, the calling thread, which
/// runs the engine, shared a core with a worker).
fn collect<T>(
    done: Receiver<Done<T>>,
    spare: &SyncSender<Spare<T>>,
    mut help: Help<'_, T>,
    each: &mut dyn FnMut(Line<'_, T>) -> ControlFlow<()>,
) -> std::thread::Result<ControlFlow<()>> {
    use std::sync::mpsc::TryRecvError;
    // Blocks that came back before the one due; at most the number in flight, and the calling
    // thread's own.
    let mut early = std::collections::BTreeMap::<usize, Block<T>>::new();
    let mut due = 0;
    // The number of the block the calling thread worked on, until it is delivered: its buffers
    // come back to it (and what it prepared is freed where it was allocated; a worker's
    // buffers go back to the workers, so that what they prepared is freed off this thread).
    let mut mine = None;
    loop {
        while let Some(block) = early.remove(&due) {
            let (flow, emptied) = deliver(block, each);
            if flow.is_break() {
                return Ok(flow);
            }
            if mine == Some(due) {
                mine = None;
                help.own = Some(emptied);
            } else {
                // Never full (it holds as many buffers as the workers may make, and the
                // calling thread's own never goes there); after the end of the file the
                // buffers stay in it until the pipeline ends.
                let _ = spare.try_send(emptied);
            }
            due += 1;
        }
        // The channel closes once every worker is done: the end of the file (or a read error,
        // which the workers keep for the calling thread).
        let next = match done.try_recv() {
            Ok(d) => Some(d),
            Err(TryRecvError::Disconnected) => break,
            // Nothing back yet: work on the next block rather than wait. (At the end of the
            // file the buffers go with the `None`: none are needed any more.)
            Err(TryRecvError::Empty) => {
                let helped = help.own.take().and_then(|own| help.hands.next(own));
                if let Some((i, _)) = &helped {
                    mine = Some(*i);
                }
                helped
            }
        };
        // Nothing to work on: wait for the workers' blocks.
        let Some((i, block)) = next.or_else(|| done.recv().ok()) else {
            break;
        };
        early.insert(i, block?);
    }
    Ok(ControlFlow::Continue(()))
}

/// The per-line work of one block: the lines are found, their records parsed and hashed all
/// at once ([`PrehashBatch`]: side by side), then prepared in order.
fn work<T>(
    hashing: &mut PrehashBatch,
    framing: Framing,
    prepare: &(dyn Fn(&RecordRef<'_>) -> T + Sync),
    mut block: Block<T>,
) -> Block<T> {
    let buf = &block.buf;
    let base = buf.as_ptr().addr();
    let mut start = 0;
    // The record bytes of every line.
    let mut records = Vec::new();
    while start < buf.len() {
        let (end, next, terminated) = match memchr::memchr(b'\n', &buf[start..]) {
            Some(n) => (start + n, start + n + 1, true),
            None => (buf.len(), buf.len(), false),
        };
        let line = &buf[start..end];
        records.push(match framing {
            Framing::Segment => line,
            Framing::Export => export_record_bytes(line, block.offset == 0 && start == 0),
        });
        block.lines.push(LineMeta {
            start,
            end,
            terminated,
            pre: None,
        });
        start = next;
    }
    let mut hashed = Vec::with_capacity(records.len());
    hashing.hash_lines(&records, RecordRef::parse_line, &mut hashed);
    let at = |s: &[u8]| {
        let from = s.as_ptr().addr() - base;
        from..from + s.len()
    };
    for (meta, p) in block.lines.iter_mut().zip(hashed) {
        meta.pre = p.map(|p| Pre {
            seq: p.rec.seq,
            batch_end: p.rec.batch_end,
            recorded_at: at(p.rec.recorded_at.as_bytes()),
            prev: p.rec.prev,
            hash: p.rec.hash,
            payload: at(p.rec.payload),
            computed: p.computed,
            leaf: p.leaf,
            value: prepare(&p.rec),
        });
    }
    block
}

/// Hands the lines of a block to `each`, rebuilding the records from their offsets.
fn deliver<T>(
    block: Block<T>,
    each: &mut dyn FnMut(Line<'_, T>) -> ControlFlow<()>,
) -> (ControlFlow<()>, Spare<T>) {
    let Block {
        offset,
        mut buf,
        mut lines,
    } = block;
    let mut flow = ControlFlow::Continue(());
    for meta in &mut lines {
        let pre = meta.pre.as_mut().and_then(|p| {
            // Offsets made by `work` from this buffer: always in range, and `recorded_at` was
            // checked to be ASCII by the parse.
            let recorded_at = std::str::from_utf8(buf.get(p.recorded_at.clone())?).ok()?;
            let rec = RecordRef {
                seq: p.seq,
                batch_end: p.batch_end,
                recorded_at,
                prev: p.prev,
                hash: p.hash,
                payload: buf.get(p.payload.clone())?,
            };
            Some((
                Prehashed {
                    rec,
                    computed: p.computed,
                    leaf: p.leaf,
                },
                &mut p.value,
            ))
        });
        flow = each(Line {
            start: offset + meta.start as u64,
            end: offset + (meta.end + usize::from(meta.terminated)) as u64,
            terminated: meta.terminated,
            bytes: &buf[meta.start..meta.end],
            pre,
        });
        if flow.is_break() {
            break;
        }
    }
    buf.clear();
    (flow, Spare { buf, lines })
}

/// The buffers of a delivered block, for the next block to fill: the bytes emptied, the lines
/// still holding what was prepared for them (dropped by the worker that reads the next block
/// into them, or by [`Blocks::next`]: off the calling thread).
struct Spare<T> {
    buf: Vec<u8>,
    lines: Vec<LineMeta<T>>,
}

impl<T> Default for Spare<T> {
    fn default() -> Self {
        Spare {
            buf: Vec::new(),
            lines: Vec::new(),
        }
    }
}

/// Cuts a file into blocks of whole lines (the last may end without a newline).
struct Blocks {
    file: File,
    /// Bytes of whole lines per block (a block grows to hold a longer line).
    size: usize,
    /// Bytes read after the last newline of the previous block.
    carry: Vec<u8>,
    offset: u64,
    eof: bool,
}

impl Blocks {
    fn new(file: File, size: usize) -> Self {
        Blocks {
            file,
            size,
            carry: Vec::new(),
            offset: 0,
            eof: false,
        }
    }

    /// The next block, read into `spare`'s buffers (emptied); `None` at the end of the file.
    fn next<T>(&mut self, spare: Spare<T>) -> std::io::Result<Option<Block<T>>> {
        let Spare { mut buf, mut lines } = spare;
        debug_assert!(buf.is_empty());
        lines.clear();
        buf.extend_from_slice(&self.carry);
        self.carry.clear();
        let mut target = self.size;
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
                let cut = searched + last + 1;
                self.carry.extend_from_slice(&buf[cut..]);
                buf.truncate(cut);
                break;
            }
            // No newline in a whole block: a longer line; read on.
            searched = buf.len();
            target = buf.len() + self.size;
        }
        if buf.is_empty() {
            return Ok(None);
        }
        let offset = self.offset;
        self.offset += buf.len() as u64;
        Ok(Some(Block { offset, buf, lines }))
    }
}
