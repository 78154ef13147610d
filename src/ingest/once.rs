//! Exactly-once appends of an input: validate everything, then append what the ledger lacks.
//! The file path's two passes are in [`super::scan`] and [`super::file`].

use std::path::Path;

use rxledger_chain::Head;
use rxledger_store::ids::{payload_id, Entry, IdKey, Sorter};
use rxledger_store::{PreparedBatch, Store, StoreError};

use super::{Earlier, IngestError};

/// Ids looked up in the store at a time while validating.
const LOOKUP_CHUNK: usize = 1 << 14;

/// One acknowledgement: every event on input lines `first_line..=last_line` is durably in the
/// ledger, either appended by this batch or found already present.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ack {
    /// First input line covered (the line after the previous acknowledgement's last).
    pub first_line: u64,
    /// Last input line covered (the line of the batch's last event).
    pub last_line: u64,
    /// Events of these lines appended now.
    pub appended: u64,
    /// Events of these lines the ledger already held (byte-identical), skipped.
    pub present: u64,
    /// The ledger's head after the batch.
    pub head: Head,
}

/// How far an input is durably in the ledger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Durable {
    /// Input lines `1..=lines` are durably in the ledger (0: none yet).
    pub lines: u64,
    /// Events appended by this run.
    pub appended: u64,
    /// Events of those lines that were already present (skipped).
    pub present: u64,
    /// The ledger's head.
    pub head: Head,
}

/// What an exactly-once append did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Appended {
    /// Events in the input.
    pub events: u64,
    /// Events appended.
    pub appended: u64,
    /// Events skipped because the ledger (or an earlier line of the input) already held them,
    /// byte-identical.
    pub present: u64,
    /// The ledger's head at the end.
    pub head: Head,
}

/// Why [`append_file`] or [`append_lines`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppendError {
    /// The input is invalid (a bad line, or an id held elsewhere with other content); nothing
    /// was appended.
    #[error(transparent)]
    Input(#[from] IngestError),
    /// The store failed before anything was appended.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The store failed part-way. Everything acknowledged before is durable; re-running the
    /// same command is safe (what is stored is skipped).
    #[error("{error}\n{} events of this run became durable (input lines 1-{} are in the ledger, {} of their events were already there; head {}); the rest was not appended. Re-running the same command is safe: events already stored are skipped", durable.appended, durable.lines, durable.present, durable.head)]
    Interrupted {
        /// What failed.
        error: StoreError,
        /// How far the input is durable.
        durable: Box<Durable>,
    },
    /// The file changed between validation and appending; how far it is durable is given.
    #[error("{error} (the file changed during the append; input lines 1-{} are in the ledger, head {}; re-running the command is safe)", durable.lines, durable.head)]
    ChangedDuringAppend {
        /// What was found on reading the file again.
        error: Box<IngestError>,
        /// How far the input is durable.
        durable: Box<Durable>,
    },
}

/// Appends an events file exactly once, in two streaming passes, so that memory stays bounded
/// however large the file:
///
/// 1. every line is parsed and validated, once (on all cores, [`super::scan`]), giving its
///    canonical bytes, and every id is checked against the ledger and the rest of the file (in
///    bounded memory: [`Sorter`]); a bad line, or an id that the ledger or an earlier line holds
///    with other content, is an error naming the file, line and field, and nothing is appended;
/// 2. the file is read again, without parsing: each batch of `batch_size` input events (0: one
///    batch) is checked to be the bytes validated in the first pass, then appended, skipping
///    every event the ledger already holds byte for byte; `on_ack` is called after each batch is
///    durable, with the input lines it covers. A line that was not canonical is appended in its
///    canonical spelling, kept from the first pass ([`super::plan`]: in memory, or in a
///    temporary file when there are many).
///
/// Re-running the same call after a crash or a failure appends exactly what is missing.
pub fn append_file<S: Store + ?Sized>(
    store: &mut S,
    path: &Path,
    batch_size: usize,
    on_ack: impl FnMut(&Ack),
) -> Result<Appended, AppendError> {
    append_file_limited(store, path, batch_size, super::MAX_LINE_BYTES, on_ack)
}

/// [`append_file`] with another longest input line than [`super::MAX_LINE_BYTES`]: a longer line
/// is an error naming its line, and nothing is appended. A path that is not a regular file (a
/// pipe, a FIFO, a device) is read once into memory, as [`append_lines`] appends.
pub fn append_file_limited<S: Store + ?Sized>(
    store: &mut S,
    path: &Path,
    batch_size: usize,
    max_line_bytes: usize,
    on_ack: impl FnMut(&Ack),
) -> Result<Appended, AppendError> {
    // A pipe, FIFO or device (`<(cmd)`, `/dev/stdin`, a named pipe) cannot be read twice: it is
    // read once into memory, as standard input is (attacker round 24: a second open of a FIFO
    // waited forever for a writer, and a pipe was refused as a file that "changed").
    let once = std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
    if once {
        let name = path.display().to_string();
        let f = std::fs::File::open(path).map_err(|error| {
            AppendError::Input(IngestError::Io {
                source_name: name.clone(),
                error,
            })
        })?;
        let lines = super::read_lines_limited(&name, std::io::BufReader::new(f), max_line_bytes)?;
        return append_lines(store, &name, &lines, batch_size, on_ack);
    }
    super::file::append(store, path, batch_size, max_line_bytes, on_ack)
}

/// [`append_file`] over events already read ([`super::read_lines`]), e.g. from standard input.
pub fn append_lines<S: Store + ?Sized>(
    store: &mut S,
    source_name: &str,
    lines: &[(u64, Vec<u8>)],
    batch_size: usize,
    on_ack: impl FnMut(&Ack),
) -> Result<Appended, AppendError> {
    let mut ids = Sorter::default();
    for (line, p) in lines {
        if let Some(k) = IdKey::of(p) {
            ids.push(Entry {
                key: k.key,
                seq: *line,
                digest: k.digest,
            });
        }
    }
    if let Some((line, earlier)) = first_conflict(store, ids)? {
        let id = lines
            .iter()
            .find(|(l, _)| *l == line)
            .and_then(|(_, p)| payload_id(p))
            .unwrap_or_default()
            .into_owned();
        return Err(AppendError::Input(IngestError::DuplicateId {
            source_name: source_name.to_owned(),
            line,
            id,
            earlier,
        }));
    }
    let mut w = Writer::new(store, batch_size, lines.len() as u64, on_ack);
    for (line, p) in lines {
        w.push(*line, p)?;
    }
    w.flush()?;
    Ok(w.done(lines.len() as u64))
}

/// The conflict on the smallest line, if any: an id that the store, or an earlier line, holds
/// with other content. `ids` holds `(key, line, digest)` of every event of the input.
pub(super) fn first_conflict<S: Store + ?Sized>(
    store: &mut S,
    ids: Sorter,
) -> Result<Option<(u64, Earlier)>, StoreError> {
    // The conflict on the smallest line is reported: (line, where the other copy is).
    let mut conflict: Option<(u64, Earlier)> = None;
    let mut note = |line: u64, earlier: Earlier| {
        if conflict.is_none_or(|(l, _)| line < l) {
            conflict = Some((line, earlier));
        }
    };
    // The first copy of every id, looked up in the store in chunks.
    let mut firsts: Vec<Entry> = Vec::with_capacity(LOOKUP_CHUNK);
    let mut lookup = |firsts: &mut Vec<Entry>, note: &mut dyn FnMut(u64, Earlier)| {
        let keys: Vec<IdKey> = firsts
            .iter()
            .map(|e| IdKey {
                key: e.key,
                digest: e.digest,
            })
            .collect();
        let found = store.find_ids(&keys)?;
        for (e, f) in firsts.iter().zip(found) {
            if let Some(s) = f.filter(|s| s.digest != e.digest) {
                note(e.seq, Earlier::Record(s.seq));
            }
        }
        firsts.clear();
        Ok::<(), StoreError>(())
    };
    let mut first: Option<Entry> = None;
    for e in ids.finish() {
        let e = e?;
        match first {
            Some(f) if f.key == e.key => {
                if f.digest != e.digest {
                    note(e.seq, Earlier::Line(f.seq));
                }
            }
            _ => {
                first = Some(e);
                firsts.push(e);
                if firsts.len() == LOOKUP_CHUNK {
                    lookup(&mut firsts, &mut note)?;
                }
            }
        }
    }
    lookup(&mut firsts, &mut note)?;
    Ok(conflict)
}

/// Events of one batch: their payloads one after the other, with their input lines; once
/// prepared ([`Batch::prepare`]), their leaf hashes and id keys too.
#[derive(Default)]
pub(super) struct Batch {
    bytes: Vec<u8>,
    /// The end in `bytes` of each payload.
    ends: Vec<usize>,
    /// The input line of each payload.
    lines: Vec<u64>,
    /// The batch made ready to append: holds `bytes` and `ends` meanwhile.
    prepared: Option<PreparedBatch>,
}

impl Batch {
    /// Adds the event of input line `line` (to a batch not prepared yet).
    pub(super) fn push(&mut self, line: u64, payload: &[u8]) {
        debug_assert!(
            self.prepared.is_none(),
            "a prepared batch takes no more events"
        );
        self.bytes.extend_from_slice(payload);
        self.ends.push(self.bytes.len());
        self.lines.push(line);
    }

    /// Events in the batch.
    pub(super) fn len(&self) -> usize {
        self.lines.len()
    }

    /// Empties the batch, keeping its memory.
    pub(super) fn clear(&mut self) {
        if let Some(p) = self.prepared.take() {
            (self.bytes, self.ends) = p.into_buffers();
        }
        self.bytes.clear();
        self.ends.clear();
        self.lines.clear();
    }

    /// Hashes the leaves of the batch as records `first_seq`.. recorded at `recorded_at`, and
    /// the id keys of its events, now (on the reading thread, while the previous batch is
    /// written). A batch that cannot be prepared (none can: its payloads are canonical events)
    /// is left as it is, for [`Writer::append`] to append as a plain batch.
    pub(super) fn prepare(&mut self, first_seq: u64, recorded_at: &str) {
        if self.prepared.is_none() && !self.lines.is_empty() {
            self.prepared =
                PreparedBatch::new(first_seq, recorded_at, &mut self.bytes, &mut self.ends).ok();
        }
    }

    /// The payloads, in order.
    fn payloads(&self) -> Vec<&[u8]> {
        match &self.prepared {
            Some(p) => p.payloads(),
            None => rxledger_chain::split_at_ends(&self.bytes, &self.ends),
        }
    }

    /// The id key of each payload.
    fn keys(&self) -> std::borrow::Cow<'_, [Option<IdKey>]> {
        match &self.prepared {
            Some(p) => std::borrow::Cow::Borrowed(p.keys()),
            None => self.payloads().iter().map(|p| IdKey::of(p)).collect(),
        }
    }
}

/// Pass 2: batches of input events, what the ledger lacks appended, each batch acknowledged.
pub(super) struct Writer<'s, S: ?Sized, F> {
    store: &'s mut S,
    /// Events per batch: [`Writer::push`] appends a full batch.
    size: usize,
    batch: Batch,
    durable: Durable,
    on_ack: F,
}

impl<'s, S: Store + ?Sized, F: FnMut(&Ack)> Writer<'s, S, F> {
    /// A writer of batches of `batch_size` events (0: all `events` in one batch).
    pub(super) fn new(store: &'s mut S, batch_size: usize, events: u64, on_ack: F) -> Self {
        let size = if batch_size == 0 {
            usize::try_from(events).unwrap_or(usize::MAX).max(1)
        } else {
            batch_size
        };
        let head = store.head();
        Writer {
            store,
            size,
            batch: Batch::default(),
            durable: Durable {
                head,
                ..Durable::default()
            },
            on_ack,
        }
    }

    /// Adds the event of input line `line` to the batch; a full batch is appended.
    pub(super) fn push(&mut self, line: u64, payload: &[u8]) -> Result<(), AppendError> {
        self.batch.push(line, payload);
        if self.batch.len() >= self.size {
            self.flush()?;
        }
        Ok(())
    }

    /// How far the input is durable.
    pub(super) fn durable(&self) -> Durable {
        self.durable
    }

    /// What the run did, `events` input events in all.
    pub(super) fn done(&self, events: u64) -> Appended {
        Appended {
            events,
            appended: self.durable.appended,
            present: self.durable.present,
            head: self.durable.head,
        }
    }

    pub(super) fn interrupted(&self, error: StoreError) -> AppendError {
        AppendError::Interrupted {
            error,
            durable: Box::new(self.durable),
        }
    }

    /// Appends what the ledger lacks of the pending batch, and acknowledges it.
    pub(super) fn flush(&mut self) -> Result<(), AppendError> {
        let mut batch = std::mem::take(&mut self.batch);
        batch.prepare(self.next_seq(), &rxledger_store::now_timestamp());
        let done = self.append(&batch);
        self.batch = batch;
        self.batch.clear();
        done
    }

    /// The `seq` the next batch appended would start at.
    pub(super) fn next_seq(&self) -> u64 {
        self.durable.head.seq + 1
    }

    /// Appends what the ledger lacks of `batch`, and acknowledges it. A prepared batch that the
    /// ledger lacks whole is appended as prepared; otherwise the events it lacks are appended as
    /// a plain batch (stamped now).
    pub(super) fn append(&mut self, batch: &Batch) -> Result<(), AppendError> {
        let Some(&last_line) = batch.lines.last() else {
            return Ok(());
        };
        let payloads = batch.payloads();
        let keys = batch.keys();
        let present_keys: Vec<IdKey> = keys.iter().flatten().copied().collect();
        let found = match self.store.find_ids(&present_keys) {
            Ok(f) => f,
            Err(e) => return Err(self.interrupted(e)),
        };
        let mut found = found.into_iter();
        let mut seen = std::collections::HashSet::new();
        let mut new: Vec<&[u8]> = Vec::with_capacity(payloads.len());
        let mut present = 0u64;
        for (p, k) in payloads.iter().zip(keys.iter()) {
            let stored = k.and_then(|_| found.next().flatten());
            let again = k.is_some_and(|k| !seen.insert(k.key));
            if stored.is_some() || again {
                present += 1;
            } else {
                new.push(p);
            }
        }
        let appended = new.len() as u64;
        if !new.is_empty() {
            let done = match &batch.prepared {
                Some(prepared) if new.len() == payloads.len() => {
                    self.store.append_prepared(prepared)
                }
                _ => self.store.append(&new),
            };
            match done {
                Ok(h) => self.durable.head = h,
                Err(e) => return Err(self.interrupted(e)),
            }
        }
        let ack = Ack {
            first_line: self.durable.lines + 1,
            last_line,
            appended,
            present,
            head: self.durable.head,
        };
        self.durable.lines = last_line;
        self.durable.appended += appended;
        self.durable.present += present;
        (self.on_ack)(&ack);
        Ok(())
    }
}
