//! Appending a file: the first pass ([`super::scan`]) parses and validates every line once; the
//! second pass here reads the file again without parsing it, checks each batch's lines against
//! the fingerprint the first pass took, and appends the batch. The reading, checking and
//! preparing (leaf hashes and id keys, [`rxledger_store::PreparedBatch`]) run on a thread of
//! their own, at most two batches ahead of the appending, so that they overlap the store's
//! writing and syncing.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender};

use rxledger_store::{Store, StoreError};
use xxhash_rust::xxh3::Xxh3;

use super::once::{first_conflict, Ack, AppendError, Appended, Batch, Writer};
use super::plan::{Op, PlanReader};
use super::{parse_line, IngestError, Parsed, BOM};

/// The read buffer of each pass.
const READ_BUFFER: usize = 1 << 20;

fn open(path: &Path, source_name: &str) -> Result<BufReader<File>, IngestError> {
    let file = File::open(path).map_err(|error| IngestError::Io {
        source_name: source_name.to_owned(),
        error,
    })?;
    Ok(BufReader::with_capacity(READ_BUFFER, file))
}

/// [`super::append_file_limited`].
pub(super) fn append<S: Store + ?Sized>(
    store: &mut S,
    path: &Path,
    batch_size: usize,
    max_line_bytes: usize,
    on_ack: impl FnMut(&Ack),
) -> Result<Appended, AppendError> {
    let name = path.display().to_string();
    let scanned = super::scan::scan(&name, open(path, &name)?, max_line_bytes, batch_size as u64)?;
    if let Some((line, earlier)) = first_conflict(store, scanned.ids)? {
        return Err(AppendError::Input(IngestError::DuplicateId {
            id: id_on_line(path, &name, max_line_bytes, line)?,
            source_name: name,
            line,
            earlier,
        }));
    }
    let mut w = Writer::new(store, batch_size, scanned.events, on_ack);
    let mut plan = scanned.plan;
    let plan_path = plan.path().map(Path::to_owned);
    let mut replay = Replay {
        input: open(path, &name)?,
        name: &name,
        limit: u64::try_from(max_line_bytes)
            .unwrap_or(u64::MAX)
            .saturating_add(2),
        raw: Vec::new(),
        line: 0,
        fingerprint: Xxh3::new(),
        first_line: 1,
        next_seq: w.next_seq(),
    };
    // The file is read and each batch checked on one thread while the previous batch is
    // appended on this one.
    let (read, written) = std::thread::scope(|s| {
        let (full_tx, full_rx) = mpsc::sync_channel::<Batch>(1);
        let (free_tx, free_rx) = mpsc::channel::<Batch>();
        for _ in 0..2 {
            let _ = free_tx.send(Batch::default());
        }
        let reader = s.spawn(move || replay.run(&mut plan, &full_tx, &free_rx));
        let mut written = Ok(());
        for batch in &full_rx {
            written = w.append(&batch);
            if written.is_err() {
                break;
            }
            let _ = free_tx.send(batch);
        }
        // Whatever stopped the loop, the reader stops too.
        drop((full_rx, free_tx));
        let read = reader
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (read, written)
    });
    written?;
    match read {
        // Stop::Gone: the writer stopped first, and its error is returned above.
        Ok(()) | Err(Stop::Gone) => Ok(w.done(scanned.events)),
        Err(Stop::Changed(error)) => Err(AppendError::ChangedDuringAppend {
            error: Box::new(error),
            durable: Box::new(w.durable()),
        }),
        Err(Stop::Plan(source)) => {
            let path = plan_path.unwrap_or_else(|| "(memory)".into());
            Err(w.interrupted(StoreError::Io { path, source }))
        }
    }
}

/// The id of the event on input line `line`, for an error message.
fn id_on_line(path: &Path, name: &str, max: usize, line: u64) -> Result<String, IngestError> {
    let mut input = open(path, name)?;
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(2);
    let mut raw = Vec::new();
    for n in 1..=line {
        raw.clear();
        super::read_line_limited(&mut input, limit, &mut raw).map_err(|error| IngestError::Io {
            source_name: name.to_owned(),
            error,
        })?;
        if n == line {
            if let Parsed::Event { canonical } = parse_line(name, line, &raw)? {
                let id = rxledger_store::ids::payload_id(&canonical).unwrap_or_default();
                return Ok(id.into_owned());
            }
        }
    }
    Ok(String::new())
}

/// Why the second pass stopped.
enum Stop {
    /// The file is not what the first pass validated.
    Changed(IngestError),
    /// The plan could not be read back.
    Plan(io::Error),
    /// The writer stopped taking batches.
    Gone,
}

/// The second pass over the file.
struct Replay<'a, R> {
    input: R,
    name: &'a str,
    limit: u64,
    /// The current raw line.
    raw: Vec<u8>,
    /// Its 1-based number.
    line: u64,
    /// Of the raw lines since the last batch.
    fingerprint: Xxh3,
    /// The first line since the last batch.
    first_line: u64,
    /// The `seq` the next batch will start at if every batch before it is appended whole (the
    /// batch is prepared for it; the store hashes it again if it starts elsewhere).
    next_seq: u64,
}

impl<R: BufRead> Replay<'_, R> {
    /// Reads the file as `plan` says, sending each batch to `full` once its lines are found
    /// to be those validated; empty batches come from `free`.
    fn run(
        &mut self,
        plan: &mut PlanReader,
        full: &SyncSender<Batch>,
        free: &Receiver<Batch>,
    ) -> Result<(), Stop> {
        let mut canonical = Vec::new();
        let mut batch = free.recv().map_err(|_| Stop::Gone)?;
        batch.clear();
        loop {
            match plan.next(&mut canonical).map_err(Stop::Plan)? {
                Op::Same(n) => {
                    for _ in 0..n {
                        self.next_line()?;
                        let raw = self.raw.as_slice();
                        let content = raw.strip_suffix(b"\n").unwrap_or(raw);
                        let content = content.strip_suffix(b"\r").unwrap_or(content);
                        let content = match content.strip_prefix(BOM) {
                            Some(rest) if self.line == 1 => rest,
                            _ => content,
                        };
                        batch.push(self.line, content);
                    }
                }
                Op::Blank(n) => {
                    for _ in 0..n {
                        self.next_line()?;
                    }
                }
                Op::Replace => {
                    self.next_line()?;
                    batch.push(self.line, &canonical);
                }
                Op::BatchEnd(f) => {
                    self.check(f)?;
                    // Hashed here, while the writer writes and syncs the batch before.
                    batch.prepare(self.next_seq, &rxledger_store::now_timestamp());
                    self.next_seq += batch.len() as u64;
                    full.send(batch).map_err(|_| Stop::Gone)?;
                    batch = free.recv().map_err(|_| Stop::Gone)?;
                    batch.clear();
                }
                Op::End(f) => {
                    // Whatever follows the last batch was blank; nothing may follow it now.
                    while self.read_line()? {
                        self.fingerprint.update(&self.raw);
                    }
                    return self.check(f);
                }
            }
        }
    }

    fn changed(&self, what: String) -> Stop {
        Stop::Changed(IngestError::Io {
            source_name: self.name.to_owned(),
            error: io::Error::other(what),
        })
    }

    /// Reads the next raw line into `self.raw`; false at the end of the file.
    fn read_line(&mut self) -> Result<bool, Stop> {
        self.raw.clear();
        let n = super::read_line_limited(&mut self.input, self.limit, &mut self.raw).map_err(
            |error| {
                Stop::Changed(IngestError::Io {
                    source_name: self.name.to_owned(),
                    error,
                })
            },
        )?;
        if n > 0 {
            self.line += 1;
        }
        Ok(n > 0)
    }

    /// Reads the next line the plan expects.
    fn next_line(&mut self) -> Result<(), Stop> {
        if !self.read_line()? {
            return Err(self.changed(format!(
                "the file ends before line {}, which was validated",
                self.line + 1
            )));
        }
        self.fingerprint.update(&self.raw);
        Ok(())
    }

    /// The lines since the last check must be those the first pass validated.
    fn check(&mut self, fingerprint: u128) -> Result<(), Stop> {
        if self.fingerprint.digest128() != fingerprint {
            let (first, last) = (self.first_line, self.line);
            return Err(self.changed(format!("lines {first}-{last} are not what was validated")));
        }
        self.fingerprint.reset();
        self.first_line = self.line + 1;
        Ok(())
    }
}
