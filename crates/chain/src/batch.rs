//! Batches checked and hashed ahead of their framing: [`HashedBatch`].

use crate::{ChainWriter, Digest, EncodeError, MAX_TIMESTAMP_LEN};

/// Whether `payloads` and `recorded_at` make a batch: at least one payload, none empty or with a
/// line break, and a short RFC 3339 timestamp.
pub(crate) fn check_batch<P: AsRef<[u8]>>(
    payloads: &[P],
    recorded_at: &str,
) -> Result<(), EncodeError> {
    if payloads.is_empty() {
        return Err(EncodeError::EmptyBatch);
    }
    let ts = recorded_at.as_bytes();
    if ts.is_empty()
        || ts.len() > MAX_TIMESTAMP_LEN
        || !ts
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'.' | b'+'))
    {
        return Err(EncodeError::BadTimestamp(recorded_at.to_owned()));
    }
    for (index, p) in payloads.iter().enumerate() {
        let p = p.as_ref();
        if p.is_empty() || memchr::memchr2(b'\n', b'\r', p).is_some() {
            return Err(EncodeError::BadPayload { index });
        }
    }
    Ok(())
}

/// The pieces held one after the other in `bytes`, piece `i` ending at `ends[i]` (a piece whose
/// range does not lie in `bytes` is empty): how a batch keeps its payloads in one buffer.
///
/// ```
/// assert_eq!(rxledger_chain::split_at_ends(b"abcde", &[2, 2, 5]), [&b"ab"[..], b"", b"cde"]);
/// ```
pub fn split_at_ends<'b>(bytes: &'b [u8], ends: &[usize]) -> Vec<&'b [u8]> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let p = bytes.get(start..end).unwrap_or_default();
            start = end;
            p
        })
        .collect()
}

/// A batch of payloads with their leaf hashes, hashed ahead of the writing, on any thread: the
/// leaves of a record depend on its payload, its `seq`, the batch's last `seq` and
/// `recorded_at`, not on the chain before it, so a writer that knows where its next batch will
/// start can hash it while the previous one is written and synced. Only
/// [`HashedBatch::new`] makes one, from the payloads it then holds, so its leaves are always
/// those of its payloads; [`ChainWriter::encode_hashed`] uses them when the batch starts at the
/// writer's next record and hashes the batch again otherwise.
///
/// ```
/// use rxledger_chain::{ChainWriter, HashedBatch};
///
/// let payloads = [&b"{\"a\":1}"[..], &b"{\"b\":2}"[..]];
/// let mut bytes = Vec::new();
/// let mut ends = Vec::new();
/// for p in payloads {
///     bytes.extend_from_slice(p);
///     ends.push(bytes.len());
/// }
/// let ts = "2026-11-26T08:00:00Z";
/// let batch = HashedBatch::new(1, ts, &mut bytes, &mut ends).unwrap();
/// assert!(bytes.is_empty() && ends.is_empty());
/// let (mut a, mut b) = (ChainWriter::new(), ChainWriter::new());
/// let (mut out_a, mut out_b) = (Vec::new(), Vec::new());
/// a.encode_hashed(&batch, &mut out_a);
/// b.encode_batch(&payloads, ts, &mut out_b).unwrap();
/// assert_eq!(out_a, out_b);
/// ```
#[derive(Clone, Debug)]
pub struct HashedBatch {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    pub(crate) first_seq: u64,
    pub(crate) recorded_at: String,
    pub(crate) leaves: Vec<Digest>,
}

impl HashedBatch {
    /// The batch of the payloads held one after the other in `bytes`, payload `i` ending at
    /// `ends[i]`, to be recorded at `recorded_at` as records `first_seq`.. of the ledger; its
    /// leaves are hashed now, side by side. Takes both buffers (leaving them empty) when it
    /// succeeds; fails as [`ChainWriter::encode_batch`] does, or with
    /// [`EncodeError::BadPayload`] for ends that do not cut `bytes` (decreasing, or past its
    /// end), and then leaves them as they were.
    pub fn new(
        first_seq: u64,
        recorded_at: &str,
        bytes: &mut Vec<u8>,
        ends: &mut Vec<usize>,
    ) -> Result<HashedBatch, EncodeError> {
        let mut start = 0;
        for (index, &end) in ends.iter().enumerate() {
            if end < start || end > bytes.len() {
                return Err(EncodeError::BadPayload { index });
            }
            start = end;
        }
        let payloads = split_at_ends(bytes, ends);
        check_batch(&payloads, recorded_at)?;
        let batch_end = first_seq.saturating_add(payloads.len() as u64 - 1);
        let leaves = ChainWriter::leaves(first_seq, batch_end, recorded_at.as_bytes(), &payloads);
        Ok(HashedBatch {
            bytes: std::mem::take(bytes),
            ends: std::mem::take(ends),
            first_seq,
            recorded_at: recorded_at.to_owned(),
            leaves,
        })
    }

    /// The payloads, in order.
    pub fn payloads(&self) -> Vec<&[u8]> {
        split_at_ends(&self.bytes, &self.ends)
    }

    /// The number of payloads.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether it holds no payload (never: [`HashedBatch::new`] refuses an empty batch).
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `seq` its leaves were hashed for (of its first record).
    pub fn first_seq(&self) -> u64 {
        self.first_seq
    }

    /// Its `recorded_at`.
    pub fn recorded_at(&self) -> &str {
        &self.recorded_at
    }

    /// Its buffers, for the next batch to fill.
    pub fn into_buffers(self) -> (Vec<u8>, Vec<usize>) {
        (self.bytes, self.ends)
    }
}
