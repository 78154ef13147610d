//! The first pass of a file append: every line read, parsed and validated once, on all cores.
//!
//! One thread reads the file into chunks of whole lines; workers parse and validate the lines of
//! a chunk and produce their canonical bytes and id keys; the calling thread takes the chunks
//! back in input order, so the first bad line of the file is the one reported, and writes the
//! plan of the second pass ([`super::plan`]) and the ids to check ([`Sorter`]). Chunk buffers are
//! recycled: at most [`IN_FLIGHT`] per worker exist, so memory does not grow with the input.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::Mutex;

use rxledger_store::ids::{Entry, IdKey, Sorter};
use xxhash_rust::xxh3::Xxh3;

use super::plan::{PlanReader, PlanWriter};
use super::{parse_line_into, IngestError};

/// A chunk is handed to a worker once it holds this many bytes…
const CHUNK_BYTES: usize = 1 << 20;
/// … or this many lines.
const CHUNK_LINES: usize = 2048;
/// Chunks per worker that exist at once (being read, parsed or taken back).
const IN_FLIGHT: usize = 4;

/// What the first pass found: a valid input, ready for the second pass.
pub(super) struct Scanned {
    /// Events in the input.
    pub events: u64,
    /// The plan of the second pass.
    pub plan: PlanReader,
    /// `(id key, line, digest)` of every event.
    pub ids: Sorter,
}

/// Whole lines of the input.
#[derive(Default)]
struct Chunk {
    /// The number of the chunk, from 0.
    index: usize,
    /// The 1-based line number of the first line.
    first_line: u64,
    /// The raw lines, line ends included.
    buf: Vec<u8>,
    /// Where each line ends in `buf`.
    ends: Vec<usize>,
    /// Why reading stopped after these lines, if it failed.
    error: Option<IngestError>,
    /// The input ends after these lines.
    last: bool,
}

/// What a worker made of one line.
enum Out {
    Blank,
    Same(Option<IdKey>),
    Replace(Option<IdKey>, Vec<u8>),
}

/// A parsed chunk.
struct Done {
    chunk: Chunk,
    outs: Vec<Out>,
    /// The first bad line of the chunk (`outs` holds the lines before it).
    error: Option<IngestError>,
    /// A worker's panic, passed on to the calling thread.
    panic: Option<Box<dyn std::any::Any + Send>>,
}

/// Reads, parses and validates every line of `input`; `batch` input events per batch (0: one
/// batch). The first bad line is an error naming the line (and, for an invalid event, the field).
pub(super) fn scan(
    source_name: &str,
    input: impl BufRead + Send,
    max_line_bytes: usize,
    batch: u64,
) -> Result<Scanned, IngestError> {
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let (free_tx, free_rx) = mpsc::channel::<Chunk>();
    for _ in 0..workers * IN_FLIGHT {
        let _ = free_tx.send(Chunk::default());
    }
    let (work_tx, work_rx) = mpsc::sync_channel::<Chunk>(workers * IN_FLIGHT);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let work_rx = Mutex::new(work_rx);
    std::thread::scope(|s| {
        s.spawn(move || read_chunks(source_name, input, max_line_bytes, &free_rx, &work_tx));
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            s.spawn(move || parse_chunks(source_name, work_rx, &done_tx));
        }
        drop(done_tx);
        // Dropping the channels' ends on return (error or not) ends the other threads.
        collect(source_name, batch, done_rx, free_tx)
    })
}

/// The reader thread: fills recycled chunks with whole lines and hands them to the workers.
fn read_chunks(
    source_name: &str,
    mut input: impl BufRead,
    max: usize,
    free: &Receiver<Chunk>,
    work: &SyncSender<Chunk>,
) {
    // One byte more than the limit (and its newline) tells a line that is too long without
    // reading all of it.
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(2);
    let mut line = 0u64;
    for index in 0.. {
        let Ok(mut chunk) = free.recv() else { return };
        chunk.index = index;
        chunk.first_line = line + 1;
        chunk.buf.clear();
        chunk.ends.clear();
        while chunk.buf.len() < CHUNK_BYTES && chunk.ends.len() < CHUNK_LINES {
            let start = chunk.buf.len();
            match super::read_line_limited(&mut input, limit, &mut chunk.buf) {
                Ok(0) => chunk.last = true,
                Ok(_) => {
                    line += 1;
                    let raw = &chunk.buf[start..];
                    let content = raw.strip_suffix(b"\n").unwrap_or(raw);
                    let content = content.strip_suffix(b"\r").unwrap_or(content);
                    if content.len() > max {
                        chunk.error = Some(IngestError::LineTooLong {
                            source_name: source_name.to_owned(),
                            line,
                            max,
                        });
                    }
                }
                Err(error) => {
                    chunk.error = Some(IngestError::Io {
                        source_name: source_name.to_owned(),
                        error,
                    });
                }
            }
            if chunk.last || chunk.error.is_some() {
                chunk.buf.truncate(start);
                chunk.last = true;
                break;
            }
            chunk.ends.push(chunk.buf.len());
        }
        let last = chunk.last;
        if work.send(chunk).is_err() || last {
            return;
        }
    }
}

/// A worker thread: parses the lines of chunks until there are no more.
fn parse_chunks(source_name: &str, work: &Mutex<Receiver<Chunk>>, done: &mpsc::Sender<Done>) {
    loop {
        let next = work
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .recv();
        let Ok(chunk) = next else { return };
        let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            parse_chunk(source_name, &chunk)
        }));
        let d = match parsed {
            Ok((outs, error)) => Done {
                chunk,
                outs,
                error,
                panic: None,
            },
            Err(p) => Done {
                chunk,
                outs: Vec::new(),
                error: None,
                panic: Some(p),
            },
        };
        if done.send(d).is_err() {
            return;
        }
    }
}

fn parse_chunk(source_name: &str, chunk: &Chunk) -> (Vec<Out>, Option<IngestError>) {
    let mut outs = Vec::with_capacity(chunk.ends.len());
    let mut start = 0;
    // One buffer for the canonical bytes of every line of the chunk (most are the line itself
    // and only compared): room for the usual event from the start, no allocation per line.
    let mut canonical = Vec::with_capacity(4096);
    for (line, &end) in (chunk.first_line..).zip(&chunk.ends) {
        let raw = chunk.buf.get(start..end).unwrap_or_default();
        start = end;
        match parse_line_into(source_name, line, raw, &mut canonical) {
            Ok(None) => outs.push(Out::Blank),
            Ok(Some(same)) => {
                let key = IdKey::of(&canonical);
                outs.push(if same {
                    Out::Same(key)
                } else {
                    Out::Replace(key, canonical.clone())
                });
            }
            Err(e) => return (outs, Some(e)),
        }
    }
    (outs, None)
}

/// The calling thread: takes parsed chunks back in input order and writes the plan.
fn collect(
    source_name: &str,
    batch: u64,
    done: Receiver<Done>,
    free: mpsc::Sender<Chunk>,
) -> Result<Scanned, IngestError> {
    let batch = if batch == 0 { u64::MAX } else { batch };
    let plan_err = |error: std::io::Error| IngestError::Io {
        source_name: format!("{source_name} (the plan of the append, in a temporary file)"),
        error,
    };
    let mut plan = PlanWriter::default();
    let mut ids = Sorter::default();
    let mut fingerprint = Xxh3::new();
    let mut events = 0u64;
    let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
    let mut next = 0usize;
    loop {
        let mut d = if let Some(d) = waiting.remove(&next) {
            d
        } else {
            let Ok(d) = done.recv() else {
                // Every worker is gone without the last chunk: only a bug can do this.
                return Err(plan_err(std::io::Error::other(
                    "the parsing threads stopped",
                )));
            };
            if d.chunk.index != next {
                waiting.insert(d.chunk.index, d);
                continue;
            }
            d
        };
        next += 1;
        if let Some(p) = d.panic {
            std::panic::resume_unwind(p);
        }
        let mut start = 0;
        for ((line, &end), out) in (d.chunk.first_line..).zip(&d.chunk.ends).zip(&d.outs) {
            fingerprint.update(d.chunk.buf.get(start..end).unwrap_or_default());
            start = end;
            let key = match out {
                Out::Blank => {
                    plan.blank().map_err(plan_err)?;
                    continue;
                }
                Out::Same(key) => {
                    plan.same().map_err(plan_err)?;
                    key
                }
                Out::Replace(key, canonical) => {
                    plan.replace(canonical).map_err(plan_err)?;
                    key
                }
            };
            if let Some(k) = key {
                ids.push(Entry {
                    key: k.key,
                    seq: line,
                    digest: k.digest,
                });
            }
            events += 1;
            if events.is_multiple_of(batch) {
                plan.batch_end(fingerprint.digest128()).map_err(plan_err)?;
                fingerprint.reset();
            }
        }
        if let Some(e) = d.error.take().or_else(|| d.chunk.error.take()) {
            return Err(e);
        }
        if d.chunk.last {
            break;
        }
        let _ = free.send(d.chunk);
    }
    if !events.is_multiple_of(batch) {
        plan.batch_end(fingerprint.digest128()).map_err(plan_err)?;
        fingerprint.reset();
    }
    let plan = plan.end(fingerprint.digest128()).map_err(plan_err)?;
    Ok(Scanned { events, plan, ids })
}
