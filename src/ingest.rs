//! Reading events from JSON Lines input and appending them exactly once.
//!
//! [`append_file`] and [`append_lines`] validate the whole input first (one bad line, or an id
//! that the ledger or the input already holds with other content, and nothing is appended),
//! then append it in durable batches, skipping every event the ledger already holds
//! byte for byte (counted as "already present"). Re-running an interrupted or failed append
//! therefore stores every event exactly once. Each durable batch is acknowledged with the input
//! lines it covers ([`Ack`]); an I/O failure says how far the input is durable
//! ([`AppendError::Interrupted`]).

use std::io::BufRead;

mod file;
mod once;
mod plan;
mod scan;

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
    /// An event's id is already in the ledger, or earlier in the input, with other content.
    #[error("{source_name}:{line}: field `id`: event id {id} is already {earlier} with different content; nothing was appended")]
    DuplicateId {
        /// File name.
        source_name: String,
        /// 1-based line number.
        line: u64,
        /// The id.
        id: String,
        /// Where the other copy is.
        earlier: Earlier,
    },
    /// The input is not UTF-8.
    #[error("{source_name}:{line}: not valid UTF-8")]
    Utf8 {
        /// File name.
        source_name: String,
        /// 1-based line number.
        line: u64,
    },
    /// A line is longer than the reader's limit ([`MAX_LINE_BYTES`] unless the caller chose
    /// another); it is not read into memory.
    #[error("{source_name}:{line}: the line is longer than {max} bytes; nothing was appended")]
    LineTooLong {
        /// File name.
        source_name: String,
        /// 1-based line number.
        line: u64,
        /// The limit, in bytes.
        max: usize,
    },
}

/// Where the other copy of a duplicated id is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Earlier {
    /// In the ledger, as this record.
    Record(u64),
    /// Earlier in the same input, on this line.
    Line(u64),
}

impl std::fmt::Display for Earlier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Earlier::Record(seq) => write!(f, "stored as record {seq}"),
            Earlier::Line(line) => write!(f, "on line {line} of this input"),
        }
    }
}

impl IngestError {
    /// The offending line, if any.
    pub fn line(&self) -> Option<u64> {
        match self {
            IngestError::Event { line, .. }
            | IngestError::Utf8 { line, .. }
            | IngestError::LineTooLong { line, .. }
            | IngestError::DuplicateId { line, .. } => Some(*line),
            IngestError::Io { .. } => None,
        }
    }

    /// The offending field, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            IngestError::Event { error, .. } => error.field(),
            IngestError::DuplicateId { .. } => Some("id"),
            _ => None,
        }
    }
}

pub use rxledger_model::MAX_LINE_BYTES;

/// The UTF-8 byte-order mark, accepted (and dropped) at the start of an input.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What one input line holds.
pub(crate) enum Parsed {
    /// Nothing but white space.
    Blank,
    /// A valid event.
    Event {
        /// Its canonical bytes.
        canonical: Vec<u8>,
    },
}

/// Parses and validates one raw input line (line end included), the 1-based `line` of
/// `source_name`: the one place where input lines are parsed.
pub(crate) fn parse_line(source_name: &str, line: u64, raw: &[u8]) -> Result<Parsed, IngestError> {
    let mut canonical = Vec::new();
    Ok(
        match parse_line_into(source_name, line, raw, &mut canonical)? {
            None => Parsed::Blank,
            Some(_) => Parsed::Event { canonical },
        },
    )
}

/// [`parse_line`] with the canonical bytes of an event written to `canonical` (cleared first),
/// a buffer the caller reuses from line to line: `None` for a blank line, else whether the line
/// (without its line end, and on line 1 without a byte-order mark) is those bytes already.
pub(crate) fn parse_line_into(
    source_name: &str,
    line: u64,
    raw: &[u8],
    canonical: &mut Vec<u8>,
) -> Result<Option<bool>, IngestError> {
    canonical.clear();
    let content = raw.strip_suffix(b"\n").unwrap_or(raw);
    let content = content.strip_suffix(b"\r").unwrap_or(content);
    let (bytes, content) = match (raw.strip_prefix(BOM), content.strip_prefix(BOM)) {
        (Some(bytes), Some(content)) if line == 1 => (bytes, content),
        _ => (raw, content),
    };
    // The same answer as std's validator, with SIMD (std's was 3 % of an append's time).
    let text = simdutf8::basic::from_utf8(bytes).map_err(|_| IngestError::Utf8 {
        source_name: source_name.to_owned(),
        line,
    })?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    // The event without its line end: white space after it makes the line not canonical.
    let event_text = text.get(..content.len()).unwrap_or(text);
    let (event, exact) =
        Event::from_json_canonical(event_text).map_err(|error| IngestError::Event {
            source_name: source_name.to_owned(),
            line,
            error,
        })?;
    if exact {
        // Already the canonical bytes: no need to write the event to find out.
        canonical.extend_from_slice(content);
        return Ok(Some(true));
    }
    event.write_json(canonical);
    Ok(Some(canonical.as_slice() == content))
}

/// Calls `f` with the 1-based line number and canonical bytes of every event of a JSON Lines
/// input, stopping at the first bad line. Blank lines are skipped; a UTF-8 byte-order mark at
/// the start and CRLF line ends are accepted.
fn each_line<E: From<IngestError>>(
    source_name: &str,
    mut input: impl BufRead,
    max: usize,
    mut f: impl FnMut(u64, Vec<u8>) -> Result<(), E>,
) -> Result<u64, E> {
    let mut buf = Vec::new();
    let mut line = 0u64;
    let mut count = 0u64;
    loop {
        buf.clear();
        // One byte more than the limit (and its newline) tells a line that is too long without
        // reading all of it.
        let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(2);
        let n =
            read_line_limited(&mut input, limit, &mut buf).map_err(|error| IngestError::Io {
                source_name: source_name.to_owned(),
                error,
            })?;
        if n == 0 {
            return Ok(count);
        }
        line += 1;
        let content = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        if content.len() > max {
            return Err(IngestError::LineTooLong {
                source_name: source_name.to_owned(),
                line,
                max,
            }
            .into());
        }
        if let Parsed::Event { canonical } = parse_line(source_name, line, &buf)? {
            f(line, canonical)?;
            count += 1;
        }
    }
}

/// `input.take(limit).read_until(b'\n', out)`: appends to `out` the next line of `input` with its
/// newline, or at most `limit` bytes of it, and returns the number of bytes read (0 at the end).
/// The newline is found with SIMD (`memchr`), where std looks a word at a time.
pub(crate) fn read_line_limited<R: BufRead + ?Sized>(
    input: &mut R,
    limit: u64,
    out: &mut Vec<u8>,
) -> std::io::Result<usize> {
    let mut read = 0usize;
    let mut left = limit;
    while left > 0 {
        let available = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let room = usize::try_from(left)
            .unwrap_or(usize::MAX)
            .min(available.len());
        let window = available.get(..room).unwrap_or_default();
        let (used, done) = match memchr::memchr(b'\n', window) {
            Some(i) => (i + 1, true),
            None => (window.len(), window.is_empty()),
        };
        out.extend_from_slice(window.get(..used).unwrap_or_default());
        input.consume(used);
        read += used;
        left -= used as u64;
        if done {
            break;
        }
    }
    Ok(read)
}

/// Reads every event of a JSON Lines input, validating each, and returns their canonical bytes.
/// Nothing is returned unless every line is valid; blank lines are skipped, and a UTF-8
/// byte-order mark at the start and CRLF line ends are accepted.
pub fn read_events(source_name: &str, input: impl BufRead) -> Result<Vec<Vec<u8>>, IngestError> {
    let mut out = Vec::new();
    each_line::<IngestError>(source_name, input, MAX_LINE_BYTES, |_, p| {
        out.push(p);
        Ok(())
    })?;
    Ok(out)
}

/// [`read_events`] with the 1-based input line of every event, for [`append_lines`].
pub fn read_lines(
    source_name: &str,
    input: impl BufRead,
) -> Result<Vec<(u64, Vec<u8>)>, IngestError> {
    read_lines_limited(source_name, input, MAX_LINE_BYTES)
}

/// [`read_lines`] with another longest line than [`MAX_LINE_BYTES`]: a longer line is refused
/// ([`IngestError::LineTooLong`]) without being read whole.
pub fn read_lines_limited(
    source_name: &str,
    input: impl BufRead,
    max_line_bytes: usize,
) -> Result<Vec<(u64, Vec<u8>)>, IngestError> {
    let mut out = Vec::new();
    each_line::<IngestError>(source_name, input, max_line_bytes, |line, p| {
        out.push((line, p));
        Ok(())
    })?;
    Ok(out)
}

/// Appends `payloads` in batches of `batch_size` (0 = one batch), calling `on_batch` with the
/// head after each acknowledged batch. Returns the final head. A store with an id index refuses
/// a batch holding an id it already has ([`StoreError::DuplicateId`]); to skip those instead,
/// use [`append_lines`].
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
    input: impl BufRead,
    mut f: impl FnMut(Vec<u8>) -> Result<(), IngestError>,
) -> Result<u64, IngestError> {
    each_line(source_name, input, MAX_LINE_BYTES, |_, p| f(p))
}

pub use once::{
    append_file, append_file_limited, append_lines, Ack, AppendError, Appended, Durable,
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::io::Read;

    proptest! {
        /// `read_line_limited` reads what `take(limit).read_until(b'\n', …)` reads, line after
        /// line, whatever the buffer size and the limit.
        #[test]
        fn read_line_limited_is_take_read_until(
            data in prop::collection::vec(prop_oneof![Just(b'\n'), Just(b'\r'), any::<u8>()], 0..300),
            capacity in 1usize..40,
            limit in 0u64..50,
        ) {
            let mut ours = std::io::BufReader::with_capacity(capacity, data.as_slice());
            let mut std_ = std::io::BufReader::with_capacity(capacity, data.as_slice());
            for _ in 0..data.len() + 2 {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let n = read_line_limited(&mut ours, limit, &mut a).unwrap();
                let m = (&mut std_).take(limit).read_until(b'\n', &mut b).unwrap();
                prop_assert_eq!((n, &a), (m, &b));
            }
        }
    }

    #[test]
    fn a_line_over_the_limit_is_refused_without_reading_it_all() {
        let max = rxledger_model::MAX_LINE_BYTES;
        let mut input = b"\n".to_vec();
        input.extend(std::iter::repeat_n(b' ', max + 1));
        input.extend(b"\n{}\n");
        let err = read_events("big.jsonl", &input[..]).unwrap_err();
        assert!(
            matches!(err, IngestError::LineTooLong { line: 2, .. }),
            "{err}"
        );
        assert!(err
            .to_string()
            .starts_with("big.jsonl:2: the line is longer than"));
        // At the limit (with a CRLF end) the line is read: a blank line, skipped.
        let mut input = vec![b' '; max];
        input.extend(b"\r\n");
        assert!(read_events("ok.jsonl", &input[..]).unwrap().is_empty());
    }
}
