//! Reading events from JSON Lines input and appending them, all-or-nothing per input.

use std::io::BufRead;

use rxledger_chain::Head;
use rxledger_model::{Event, EventError};
use rxledger_store::{Store, StoreError};

/// A rejected input: names the source, the 1-based line and (through `error`) the field.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// A line is not a valid event.
    #[error("{source_name}:{line}: {error}")]
    Event {
        /// File name (or `-` for standard input).
        source_name: String,
        /// 1-based line number.
        line: u64,
        /// What is wrong, naming the field.
        error: EventError,
    },
    /// The input could not be read.
    #[error("{source_name}: {error}")]
    Io {
        /// File name.
        source_name: String,
        /// The I/O error.
        error: std::io::Error,
    },
    /// The input is not UTF-8.
    #[error("{source_name}:{line}: not valid UTF-8")]
    Utf8 {
        /// File name.
        source_name: String,
        /// 1-based line number.
        line: u64,
    },
}

impl IngestError {
    /// The offending line, if any.
    pub fn line(&self) -> Option<u64> {
        match self {
            IngestError::Event { line, .. } | IngestError::Utf8 { line, .. } => Some(*line),
            IngestError::Io { .. } => None,
        }
    }

    /// The offending field, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            IngestError::Event { error, .. } => error.field(),
            _ => None,
        }
    }
}

/// Reads every event of a JSON Lines input, validating each, and returns their canonical bytes.
/// Nothing is returned unless every line is valid; blank lines are skipped.
pub fn read_events(
    source_name: &str,
    mut input: impl BufRead,
) -> Result<Vec<Vec<u8>>, IngestError> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut line = 0u64;
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|error| IngestError::Io {
                source_name: source_name.to_owned(),
                error,
            })?;
        if n == 0 {
            break;
        }
        line += 1;
        let text = std::str::from_utf8(&buf).map_err(|_| IngestError::Utf8 {
            source_name: source_name.to_owned(),
            line,
        })?;
        if text.trim().is_empty() {
            continue;
        }
        let event = Event::from_json(text).map_err(|error| IngestError::Event {
            source_name: source_name.to_owned(),
            line,
            error,
        })?;
        out.push(event.to_json_bytes());
    }
    Ok(out)
}

/// Appends `payloads` in batches of `batch_size` (0 = one batch), calling `on_batch` with the
/// head after each acknowledged batch. Returns the final head.
pub fn append_batches<S: Store + ?Sized>(
    store: &mut S,
    payloads: &[Vec<u8>],
    batch_size: usize,
    mut on_batch: impl FnMut(Head),
) -> Result<Head, StoreError> {
    let size = if batch_size == 0 {
        payloads.len().max(1)
    } else {
        batch_size
    };
    let mut head = store.head();
    for chunk in payloads.chunks(size) {
        let refs: Vec<&[u8]> = chunk.iter().map(Vec::as_slice).collect();
        head = store.append(&refs)?;
        on_batch(head);
    }
    Ok(head)
}

/// Appends `events` the way the bundled samples and scenarios were built: one batch per China
/// Standard Time calendar day of `occurred_at`, recorded at 23:30 that day. Deterministic, so the
/// resulting ledger is byte-for-byte reproducible.
pub fn append_daily<S: Store + ?Sized>(
    store: &mut S,
    events: &[rxledger_model::Event],
) -> Result<Head, StoreError> {
    let local =
        |e: &rxledger_model::Event| (e.occurred_at + chrono::Duration::hours(8)).date_naive();
    let mut head = store.head();
    let mut i = 0;
    while i < events.len() {
        let day = local(&events[i]);
        let mut j = i;
        while j < events.len() && local(&events[j]) <= day {
            j += 1;
        }
        let payloads: Vec<Vec<u8>> = events[i..j]
            .iter()
            .map(rxledger_model::Event::to_json_bytes)
            .collect();
        let refs: Vec<&[u8]> = payloads.iter().map(Vec::as_slice).collect();
        // 23:30 China Standard Time = 15:30 UTC.
        let ts = format!("{}T15:30:00.000000Z", day.format("%Y-%m-%d"));
        head = store.append_at(&refs, &ts)?;
        i = j;
    }
    Ok(head)
}

/// Calls `f` with the canonical bytes of every event of a JSON Lines input, in order, stopping at
/// the first bad line (an error naming the line and field). Blank lines are skipped.
pub fn for_each_event(
    source_name: &str,
    mut input: impl BufRead,
    mut f: impl FnMut(Vec<u8>) -> Result<(), IngestError>,
) -> Result<u64, IngestError> {
    let mut buf = Vec::new();
    let mut line = 0u64;
    let mut count = 0u64;
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|error| IngestError::Io {
                source_name: source_name.to_owned(),
                error,
            })?;
        if n == 0 {
            return Ok(count);
        }
        line += 1;
        let text = std::str::from_utf8(&buf).map_err(|_| IngestError::Utf8 {
            source_name: source_name.to_owned(),
            line,
        })?;
        if text.trim().is_empty() {
            continue;
        }
        let event = Event::from_json(text).map_err(|error| IngestError::Event {
            source_name: source_name.to_owned(),
            line,
            error,
        })?;
        f(event.to_json_bytes())?;
        count += 1;
    }
}

/// Appends an events file in two streaming passes, so memory holds one batch however large the
/// file: the first pass validates every line (nothing is appended if one is bad), the second
/// appends in batches of `batch_size`, calling `on_batch` after each durable batch.
///
/// The file must not change between the passes; if the second pass finds a bad line anyway, the
/// batches before it have been appended and the error says so.
pub fn append_file<S: Store + ?Sized>(
    store: &mut S,
    path: &std::path::Path,
    batch_size: usize,
    mut on_batch: impl FnMut(Head),
) -> Result<(u64, Head), AppendError> {
    let name = path.display().to_string();
    let open = || {
        std::fs::File::open(path)
            .map(|f| std::io::BufReader::with_capacity(1 << 20, f))
            .map_err(|error| IngestError::Io {
                source_name: name.clone(),
                error,
            })
    };
    let total = for_each_event(&name, open()?, |_| Ok(()))?;
    let size = if batch_size == 0 {
        usize::try_from(total).unwrap_or(usize::MAX).max(1)
    } else {
        batch_size
    };
    let mut head = store.head();
    let mut batch: Vec<Vec<u8>> = Vec::with_capacity(size.min(1 << 16));
    let mut store_err = None;
    let second = for_each_event(&name, open()?, |p| {
        batch.push(p);
        if batch.len() >= size {
            match flush_batch(store, &mut batch, &mut on_batch) {
                Ok(h) => head = h,
                Err(e) => {
                    store_err = Some(e);
                    return Err(IngestError::Io {
                        source_name: name.clone(),
                        error: std::io::Error::other("append failed"),
                    });
                }
            }
        }
        Ok(())
    });
    if let Some(e) = store_err {
        return Err(AppendError::Store(e));
    }
    match second {
        Err(e) => return Err(AppendError::ChangedDuringAppend(Box::new(e), head)),
        Ok(n) if n != total => {
            return Err(AppendError::ChangedDuringAppend(
                Box::new(IngestError::Io {
                    source_name: name.clone(),
                    error: std::io::Error::other(format!(
                        "{total} events validated, {n} read back"
                    )),
                }),
                head,
            ))
        }
        Ok(_) => {}
    }
    if !batch.is_empty() {
        head = flush_batch(store, &mut batch, &mut on_batch)?;
    }
    Ok((total, head))
}

/// Why [`append_file`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppendError {
    /// The input is invalid; nothing was appended.
    #[error(transparent)]
    Input(#[from] IngestError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file changed between validation and appending; the head after the last appended batch
    /// is given.
    #[error("{0} (the file changed during the append; appended up to head {1})")]
    ChangedDuringAppend(Box<IngestError>, Head),
}

fn flush_batch<S: Store + ?Sized>(
    store: &mut S,
    batch: &mut Vec<Vec<u8>>,
    on_batch: &mut impl FnMut(Head),
) -> Result<Head, StoreError> {
    let refs: Vec<&[u8]> = batch.iter().map(Vec::as_slice).collect();
    let h = store.append(&refs)?;
    on_batch(h);
    batch.clear();
    Ok(h)
}
