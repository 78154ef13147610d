//! Record framing, hashing and streaming verification for rxledger's hash-chained log.
//!
//! A ledger is a sequence of records, one per line. Every record has this exact byte layout
//! (the *canonical envelope*; readers accept nothing else):
//!
//! ```text
//! {"seq":7,"batch_end":9,"recorded_at":"2026-11-24T08:00:00.000000Z","prev":"<64 hex>","hash":"<64 hex>","event":<payload>}
//! ```
//!
//! * `seq` counts from 1 without gaps.
//! * `batch_end` is the `seq` of the last record of the append batch this record belongs to, so a
//!   reader can tell a complete batch from one cut short by a crash.
//! * `recorded_at` is when the store appended the batch (UTC).
//! * `prev` is the `hash` of the previous record (64 zeros for the first).
//! * `hash = link(prev, leaf)` where `leaf` hashes `seq`, `batch_end`, `recorded_at` and the
//!   payload bytes *exactly as stored*; verification never re-serialises anything.
//!
//! Hashing uses blake3 in derive-key mode with one context per purpose ([`LEAF_CONTEXT`],
//! [`LINK_CONTEXT`]), so a leaf hash can never be confused with a link hash.
//!
//! ```
//! use rxledger_chain::{ChainWriter, Verifier};
//!
//! let mut w = ChainWriter::new();
//! let mut out = Vec::new();
//! w.encode_batch(&[br#"{"a":1}"#.as_slice(), br#"{"b":2}"#.as_slice()], "2026-11-24T08:00:00.000000Z", &mut out)?;
//!
//! let mut v = Verifier::new();
//! for line in out.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
//!     v.push_line(line)?;
//! }
//! let head = v.finish()?;
//! assert_eq!(head.seq, 2);
//! assert_eq!(head.hash, w.head().hash);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
// Decoders must not panic on any input.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::indexing_slicing))]

mod batch;
mod many;
pub mod merkle;
mod verify;

use batch::check_batch;
pub use batch::{split_at_ends, HashedBatch};
pub use many::ManyHasher;

pub use verify::{
    export_record_bytes, ExpectedHead, HistoryFault, PrehashBatch, Prehashed, Verifier, VerifyError,
};

use std::fmt;

/// blake3 derive-key context for leaf hashes (one per record).
pub const LEAF_CONTEXT: &str = "rxledger 2026-11 record leaf v1";
/// blake3 derive-key context for chain links (`prev` ‖ `leaf`).
pub const LINK_CONTEXT: &str = "rxledger 2026-11 chain link v1";

/// Version of the record envelope described in the crate documentation.
pub const ENVELOPE_VERSION: u32 = 1;

/// Batches at least this large have their leaf hashes computed on several threads. Hashed side
/// by side, a thousand records take about half a millisecond on one core, less than it costs to
/// start threads for them while the other cores are busy: `append` of 1M events in the default
/// batches of 1,000 took 0.87x and 0.89x the time (two `farm-bench` calls of 5 pairs) once they
/// stayed on one thread. Only very large batches (`--batch-size 0`, a bulk load) are split.
pub const PARALLEL_MIN_BATCH: usize = 16_384;

/// Longest accepted `recorded_at` string.
pub const MAX_TIMESTAMP_LEN: usize = 64;

/// A 32-byte blake3 digest.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Digest(pub [u8; 32]);

impl Digest {
    /// The all-zero digest, used as `prev` of record 1.
    pub const ZERO: Digest = Digest([0; 32]);

    /// Lower-case hex, 64 characters.
    pub fn to_hex(&self) -> String {
        hex(self).iter().copied().map(char::from).collect()
    }

    /// Parses 64 hex digits (upper case is accepted here and folded; records use lower case).
    pub fn from_hex(s: &str) -> Option<Digest> {
        decode_hex32(s.to_ascii_lowercase().as_bytes())
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({})", self.to_hex())
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// The state of a chain after its last record: how many records, and the last record's hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Head {
    /// `seq` of the last record (0 for an empty ledger).
    pub seq: u64,
    /// `hash` of the last record ([`Digest::ZERO`] for an empty ledger).
    pub hash: Digest,
}

impl fmt::Display for Head {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.seq, self.hash)
    }
}

/// Lower-case hex digit of a nibble (`n < 16`).
fn hex_digit(n: u8) -> u8 {
    if n < 10 {
        b'0' + n
    } else {
        b'a' + (n - 10)
    }
}

/// 64 lower-case hex digits as a digest. Branch-free, eight digits at a time in a `u64` (it runs
/// on every `prev` and `hash` of every record verified): each byte's value is its low nibble,
/// plus 9 when bit 6 is set (`a`–`f`); a byte is a digit exactly when that value is at most 15
/// and writing the value back as a digit gives the byte again.
fn decode_hex32(s: &[u8]) -> Option<Digest> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let s: &[u8; 64] = s.try_into().ok()?;
    let mut out = [0u8; 32];
    let mut bad = 0u64;
    for (o, chunk) in out
        .as_chunks_mut::<4>()
        .0
        .iter_mut()
        .zip(s.as_chunks::<8>().0)
    {
        let w = u64::from_le_bytes(*chunk);
        // Per byte: at most 15 + 9, no carry into the next byte anywhere below.
        let v = (w & (ONES * 0x0f)) + ((w >> 6) & ONES) * 9;
        let above_nine = ((v + ONES * 0x76) >> 7) & ONES;
        let back = v + ONES * 0x30 + above_nine * 39;
        bad |= (back ^ w) | (v & (ONES * 0xf0));
        // Byte 2i becomes (v[2i] << 4) | v[2i + 1].
        let u = ((v << 4) | (v >> 8)).to_le_bytes();
        *o = [u[0], u[2], u[4], u[6]];
    }
    (bad == 0).then_some(Digest(out))
}

/// The 64 lower-case hex digits of `d`, on the stack.
fn hex(d: &Digest) -> [u8; 64] {
    let mut hex = [0u8; 64];
    for (pair, b) in hex.as_chunks_mut::<2>().0.iter_mut().zip(d.0) {
        *pair = [hex_digit(b >> 4), hex_digit(b & 15)];
    }
    hex
}

/// Appends the 64 hex digits of `d` in one copy (a `push` per digit checked the capacity 128
/// times a record).
fn push_hex(out: &mut Vec<u8>, d: &Digest) {
    out.extend_from_slice(&hex(d));
}

/// Precomputed derive-key hashers; cloning one is much cheaper than deriving the context key.
#[derive(Clone, Debug)]
pub struct Hashers {
    leaf: blake3::Hasher,
    link: many::Key,
}

impl Default for Hashers {
    fn default() -> Self {
        Self::new()
    }
}

impl Hashers {
    /// Derives the context keys once.
    pub fn new() -> Self {
        Hashers {
            leaf: blake3::Hasher::new_derive_key(LEAF_CONTEXT),
            link: many::Key::new(LINK_CONTEXT),
        }
    }

    /// Leaf hash of one record: covers `seq`, `batch_end`, `recorded_at` and the payload bytes.
    pub fn leaf(&self, seq: u64, batch_end: u64, recorded_at: &[u8], payload: &[u8]) -> Digest {
        let (head, [ts, payload]) = leaf_parts(seq, batch_end, recorded_at, payload);
        let mut h = self.leaf.clone();
        h.update(&head);
        h.update(ts);
        h.update(payload);
        Digest(*h.finalize().as_bytes())
    }

    /// Chain link: `hash = link(prev, leaf)`.
    pub fn link(&self, prev: &Digest, leaf: &Digest) -> Digest {
        self.link.one_block(&link_block(prev, leaf))
    }

    /// [`Hashers::link`] of every `(prev, leaf)` pair, appended to `out` in order, side by side
    /// (each link is one blake3 block).
    pub fn links<'d>(
        &self,
        pairs: impl IntoIterator<Item = (&'d Digest, &'d Digest)>,
        out: &mut Vec<Digest>,
    ) {
        let blocks: Vec<[u8; 64]> = pairs
            .into_iter()
            .map(|(prev, leaf)| link_block(prev, leaf))
            .collect();
        self.link.one_blocks(&blocks, out);
    }
}

/// The one block a link hashes: `prev` then `leaf`.
fn link_block(prev: &Digest, leaf: &Digest) -> [u8; 64] {
    let mut block = [0u8; 64];
    let (p, l) = block.split_at_mut(32);
    p.copy_from_slice(&prev.0);
    l.copy_from_slice(&leaf.0);
    block
}

/// The bytes a leaf hash covers, in order: `seq` and `batch_end` (little-endian), the length of
/// `recorded_at` in one byte and `recorded_at` itself (at most [`MAX_TIMESTAMP_LEN`] bytes, so
/// the length fits and the encoding is injective), then the payload.
fn leaf_parts<'a>(
    seq: u64,
    batch_end: u64,
    recorded_at: &'a [u8],
    payload: &'a [u8],
) -> ([u8; 17], [&'a [u8]; 2]) {
    let mut head = [0u8; 17];
    let (s, rest) = head.split_at_mut(8);
    let (b, len) = rest.split_at_mut(8);
    s.copy_from_slice(&seq.to_le_bytes());
    b.copy_from_slice(&batch_end.to_le_bytes());
    len.fill(recorded_at.len() as u8);
    (head, [recorded_at, payload])
}

/// Leaf hashes of many records at once, side by side ([`ManyHasher`]).
#[derive(Debug)]
pub struct LeafBatch {
    many: ManyHasher,
}

impl Default for LeafBatch {
    fn default() -> Self {
        Self::new()
    }
}

impl LeafBatch {
    /// Records worth hashing at a time: enough to fill the SIMD lanes, few enough that the
    /// copies being hashed stay in the cache.
    pub const FULL: usize = 512;

    /// An empty batch.
    pub fn new() -> Self {
        LeafBatch {
            many: ManyHasher::new(LEAF_CONTEXT),
        }
    }

    /// Queues the leaf of one record (the arguments of [`Hashers::leaf`]).
    pub fn push(&mut self, seq: u64, batch_end: u64, recorded_at: &[u8], payload: &[u8]) {
        let (head, [ts, payload]) = leaf_parts(seq, batch_end, recorded_at, payload);
        self.many.push(&[&head, ts, payload]);
    }

    /// Queues the leaf of `rec`.
    pub fn push_record(&mut self, rec: &RecordRef<'_>) {
        self.push(
            rec.seq,
            rec.batch_end,
            rec.recorded_at.as_bytes(),
            rec.payload,
        );
    }

    /// Whether [`LeafBatch::FULL`] records are queued.
    pub fn is_full(&self) -> bool {
        self.len() >= Self::FULL
    }

    /// Records queued since the last [`LeafBatch::finish`].
    pub fn len(&self) -> usize {
        self.many.len()
    }

    /// Whether no record is queued.
    pub fn is_empty(&self) -> bool {
        self.many.is_empty()
    }

    /// The leaves of the queued records, in order, into `out` (cleared first); empties the batch.
    pub fn finish(&mut self, out: &mut Vec<Digest>) {
        self.many.finish(out);
    }
}

/// A parsed view of one record line (without its trailing newline).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordRef<'a> {
    /// Sequence number, from 1.
    pub seq: u64,
    /// Last `seq` of this record's append batch.
    pub batch_end: u64,
    /// When the batch was appended, as stored (RFC 3339, UTC).
    pub recorded_at: &'a str,
    /// Hash of the previous record.
    pub prev: Digest,
    /// This record's hash.
    pub hash: Digest,
    /// The event payload bytes exactly as stored.
    pub payload: &'a [u8],
}

impl<'a> RecordRef<'a> {
    /// Parses the canonical envelope. Returns a short reason on failure.
    pub fn parse(line: &'a [u8]) -> Result<RecordRef<'a>, &'static str> {
        Self::parse_framed(line, true)
    }

    /// [`RecordRef::parse`] of a line already split at newlines (as read from a file or block),
    /// which therefore holds none: the same result for any such line, without scanning the
    /// payload for one. Debug builds assert the precondition.
    pub fn parse_line(line: &'a [u8]) -> Result<RecordRef<'a>, &'static str> {
        debug_assert!(
            !line.contains(&b'\n'),
            "parse_line given a line with a newline"
        );
        Self::parse_framed(line, false)
    }

    /// The envelope of `line`; `scan` looks for a newline in the payload (refused).
    fn parse_framed(line: &'a [u8], scan: bool) -> Result<RecordRef<'a>, &'static str> {
        let rest = line
            .strip_prefix(b"{\"seq\":")
            .ok_or("line does not start with {\"seq\":")?;
        let (seq, rest) = parse_u64(rest).ok_or("`seq` is not a positive integer")?;
        let rest = rest
            .strip_prefix(b",\"batch_end\":")
            .ok_or("expected `batch_end` after `seq`")?;
        let (batch_end, rest) = parse_u64(rest).ok_or("`batch_end` is not a positive integer")?;
        let rest = rest
            .strip_prefix(b",\"recorded_at\":\"")
            .ok_or("expected `recorded_at` after `batch_end`")?;
        let end = rest
            .iter()
            .take(MAX_TIMESTAMP_LEN + 1)
            .position(|&b| b == b'"')
            .ok_or("`recorded_at` is not a short string")?;
        let (ts, rest) = rest.split_at(end);
        if !ts
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'.' | b'+'))
            || ts.is_empty()
        {
            return Err("`recorded_at` has characters outside an RFC 3339 timestamp");
        }
        let recorded_at = std::str::from_utf8(ts).map_err(|_| "`recorded_at` is not UTF-8")?;
        let rest = rest
            .strip_prefix(b"\",\"prev\":\"")
            .ok_or("expected `prev` after `recorded_at`")?;
        let (prev, rest) = rest.split_at_checked(64).ok_or("`prev` is too short")?;
        let prev = decode_hex32(prev).ok_or("`prev` is not 64 hex digits")?;
        let rest = rest
            .strip_prefix(b"\",\"hash\":\"")
            .ok_or("expected `hash` after `prev`")?;
        let (hash, rest) = rest.split_at_checked(64).ok_or("`hash` is too short")?;
        let hash = decode_hex32(hash).ok_or("`hash` is not 64 hex digits")?;
        let rest = rest
            .strip_prefix(b"\",\"event\":")
            .ok_or("expected `event` after `hash`")?;
        let payload = rest
            .strip_suffix(b"}")
            .ok_or("record does not end with }")?;
        if payload.is_empty() || (scan && memchr::memchr(b'\n', payload).is_some()) {
            return Err("`event` payload is empty");
        }
        Ok(RecordRef {
            seq,
            batch_end,
            recorded_at,
            prev,
            hash,
            payload,
        })
    }
}

fn parse_u64(s: &[u8]) -> Option<(u64, &[u8])> {
    let n = s.iter().take_while(|b| b.is_ascii_digit()).count();
    if n == 0 || n > 19 || s.first() == Some(&b'0') {
        return None;
    }
    let (digits, rest) = s.split_at(n);
    let mut v: u64 = 0;
    for d in digits {
        v = v.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
    }
    Some((v, rest))
}

/// Errors when framing a batch.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeError {
    /// An empty batch was given.
    #[error("a batch must hold at least one event")]
    EmptyBatch,
    /// A payload is empty or contains a line break.
    #[error("event {index} of the batch: payload is empty or contains a line break")]
    BadPayload {
        /// Index of the payload in the batch.
        index: usize,
    },
    /// The timestamp is not an RFC 3339 string of at most [`MAX_TIMESTAMP_LEN`] bytes.
    #[error("recorded_at {0:?} is not a short RFC 3339 timestamp")]
    BadTimestamp(String),
}

/// Appends records to a chain: remembers the next `seq` and the previous hash.
#[derive(Clone)]
pub struct ChainWriter {
    hashers: Hashers,
    head: Head,
}

impl Default for ChainWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl ChainWriter {
    /// A writer for an empty ledger.
    pub fn new() -> Self {
        Self::resume(Head::default())
    }

    /// A writer continuing after `head`.
    pub fn resume(head: Head) -> Self {
        ChainWriter {
            hashers: Hashers::new(),
            head,
        }
    }

    /// The head after the last encoded record.
    pub fn head(&self) -> Head {
        self.head
    }

    /// Leaf hashes of a batch whose first record is `first_seq`. Leaves do not depend on the
    /// chain, so large batches are hashed on several threads; only the cheap links are
    /// sequential.
    fn leaves<P: AsRef<[u8]> + Sync>(
        first_seq: u64,
        batch_end: u64,
        ts: &[u8],
        payloads: &[P],
    ) -> Vec<Digest> {
        let threads = if payloads.len() >= PARALLEL_MIN_BATCH {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        } else {
            1
        };
        // Each thread hashes its part of the batch side by side, [`LeafBatch::FULL`] records at
        // a time.
        let hash_part = |first: usize, src: &[P]| {
            let mut batch = LeafBatch::new();
            let mut out = Vec::with_capacity(src.len());
            let mut leaves = Vec::new();
            for (n, part) in src.chunks(LeafBatch::FULL).enumerate() {
                for (i, p) in part.iter().enumerate() {
                    let seq = first_seq + (first + n * LeafBatch::FULL + i) as u64;
                    batch.push(seq, batch_end, ts, p.as_ref());
                }
                batch.finish(&mut leaves);
                out.append(&mut leaves);
            }
            out
        };
        if threads <= 1 {
            return hash_part(0, payloads);
        }
        let chunk = payloads.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let hash_part = &hash_part;
            let mut parts = payloads.chunks(chunk).enumerate();
            // The calling thread hashes the first part itself: one thread fewer to start (and
            // to give a stack) per batch.
            let first = parts.next();
            let others: Vec<_> = parts
                .map(|(n, src)| scope.spawn(move || hash_part(n * chunk, src)))
                .collect();
            let mut out = first.map_or_else(Vec::new, |(_, src)| hash_part(0, src));
            for t in others {
                out.extend(t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            }
            out
        })
    }

    /// The `(prev, head)` pair of every record of a batch, without framing: for peers (such as
    /// the `SQLite` benchmark) that store the same chain in another format. Advances the head.
    pub fn chain_batch<P: AsRef<[u8]> + Sync>(
        &mut self,
        payloads: &[P],
        recorded_at: &str,
    ) -> Vec<(Digest, Head)> {
        let leaves = self.next_leaves(payloads, recorded_at);
        let mut out = Vec::with_capacity(leaves.len());
        for leaf in &leaves {
            let prev = self.head.hash;
            let hash = self.hashers.link(&prev, leaf);
            self.head = Head {
                seq: self.head.seq + 1,
                hash,
            };
            out.push((prev, self.head));
        }
        out
    }

    /// Frames `payloads` as one batch, appending the record lines (each ending in `\n`) to `out`
    /// and advancing the head. On error nothing is appended and the head is unchanged.
    pub fn encode_batch<P: AsRef<[u8]> + Sync>(
        &mut self,
        payloads: &[P],
        recorded_at: &str,
        out: &mut Vec<u8>,
    ) -> Result<Head, EncodeError> {
        check_batch(payloads, recorded_at)?;
        let leaves = self.next_leaves(payloads, recorded_at);
        self.frame(payloads, recorded_at, &leaves, out);
        Ok(self.head)
    }

    /// [`ChainWriter::encode_batch`] of a batch whose leaves were hashed ahead: they are used
    /// when the batch was made for this writer's next record, and hashed again otherwise (the
    /// result is the same either way).
    pub fn encode_hashed(&mut self, batch: &HashedBatch, out: &mut Vec<u8>) -> Head {
        let payloads = batch.payloads();
        if batch.first_seq == self.head.seq + 1 {
            self.frame(&payloads, &batch.recorded_at, &batch.leaves, out);
        } else {
            let leaves = self.next_leaves(&payloads, &batch.recorded_at);
            self.frame(&payloads, &batch.recorded_at, &leaves, out);
        }
        self.head
    }

    /// The leaves of `payloads` as the batch after this writer's head, recorded at
    /// `recorded_at`.
    fn next_leaves<P: AsRef<[u8]> + Sync>(&self, payloads: &[P], recorded_at: &str) -> Vec<Digest> {
        let batch_end = self.head.seq + payloads.len() as u64;
        Self::leaves(
            self.head.seq + 1,
            batch_end,
            recorded_at.as_bytes(),
            payloads,
        )
    }

    /// Appends the record lines of a checked batch with its `leaves` to `out`, and advances the
    /// head.
    fn frame<P: AsRef<[u8]>>(
        &mut self,
        payloads: &[P],
        recorded_at: &str,
        leaves: &[Digest],
        out: &mut Vec<u8>,
    ) {
        let ts = recorded_at.as_bytes();
        let batch_end = self.head.seq + payloads.len() as u64;
        let mut head = self.head;
        let mut itoa = ItoaBuf::default();
        for (p, leaf) in payloads.iter().zip(leaves) {
            let p = p.as_ref();
            let seq = head.seq + 1;
            let hash = self.hashers.link(&head.hash, leaf);
            out.extend_from_slice(b"{\"seq\":");
            out.extend_from_slice(itoa.format(seq));
            out.extend_from_slice(b",\"batch_end\":");
            out.extend_from_slice(itoa.format(batch_end));
            out.extend_from_slice(b",\"recorded_at\":\"");
            out.extend_from_slice(ts);
            out.extend_from_slice(b"\",\"prev\":\"");
            push_hex(out, &head.hash);
            out.extend_from_slice(b"\",\"hash\":\"");
            push_hex(out, &hash);
            out.extend_from_slice(b"\",\"event\":");
            out.extend_from_slice(p);
            out.extend_from_slice(b"}\n");
            head = Head { seq, hash };
        }
        self.head = head;
    }
}

#[derive(Default)]
struct ItoaBuf([u8; 20]);

impl ItoaBuf {
    fn format(&mut self, mut v: u64) -> &[u8] {
        let mut start = self.0.len();
        for slot in self.0.iter_mut().rev() {
            *slot = b'0' + (v % 10) as u8;
            v /= 10;
            start -= 1;
            if v == 0 {
                break;
            }
        }
        self.0.get(start..).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lower-case hex digits only: the canonical envelope has exactly one spelling per record,
    /// so that every byte of a stored record is covered by verification.
    const fn hex_val(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }

    /// The word-at-a-time decoder against the digit-by-digit definition: every byte value in every
    /// position of an otherwise valid digest, and a round trip.
    #[test]
    fn decode_hex32_agrees_with_the_definition() {
        let good: Vec<u8> = (0..64u8)
            .map(|i| b"0123456789abcdef"[usize::from(i % 16)])
            .collect();
        let reference = |s: &[u8]| -> Option<Vec<u8>> {
            s.chunks(2)
                .map(|p| Some(hex_val(p[0])? << 4 | hex_val(p[1])?))
                .collect()
        };
        for pos in 0..64 {
            for c in 0..=255u8 {
                let mut s = good.clone();
                s[pos] = c;
                assert_eq!(
                    decode_hex32(&s).map(|d| d.0.to_vec()),
                    reference(&s),
                    "byte {c:#x} at {pos}"
                );
            }
        }
        let d = Digest([0xa7; 32]);
        assert_eq!(decode_hex32(d.to_hex().as_bytes()), Some(d));
        assert_eq!(decode_hex32(&good[..63]), None);
        assert_eq!(decode_hex32(d.to_hex().to_uppercase().as_bytes()), None);
        // Every pair of bytes side by side in one word (a bad byte next to any other).
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let mut s = good.clone();
                s[8] = a;
                s[9] = b;
                assert_eq!(
                    decode_hex32(&s).map(|d| d.0.to_vec()),
                    reference(&s),
                    "{a:#x} {b:#x}"
                );
            }
        }
    }

    #[test]
    fn parse_rejects_noncanonical() {
        let mut w = ChainWriter::new();
        let mut out = Vec::new();
        w.encode_batch(&[b"{}"], "2026-01-01T00:00:00.000000Z", &mut out)
            .unwrap();
        let line = &out[..out.len() - 1];
        assert!(RecordRef::parse(line).is_ok());
        let spaced = String::from_utf8(line.to_vec())
            .unwrap()
            .replace("{\"seq\":1", "{\"seq\": 1");
        assert!(RecordRef::parse(spaced.as_bytes()).is_err());
        assert!(RecordRef::parse(b"").is_err());
        assert!(RecordRef::parse(b"{\"seq\":01").is_err());
        assert!(RecordRef::parse(b"{\"seq\":99999999999999999999999,").is_err());
        // A line split at newlines parses the same without the scan for one; a payload holding
        // a newline is refused by `parse`.
        assert_eq!(
            format!("{:?}", RecordRef::parse_line(line)),
            format!("{:?}", RecordRef::parse(line))
        );
        assert!(RecordRef::parse_line(spaced.as_bytes()).is_err());
        let broken = String::from_utf8(line.to_vec())
            .unwrap()
            .replace("{}", "{\n}");
        assert!(RecordRef::parse(broken.as_bytes()).is_err());
    }

    #[test]
    fn encode_rejects_bad_input_without_side_effects() {
        let mut w = ChainWriter::new();
        let mut out = Vec::new();
        assert_eq!(
            w.encode_batch::<&[u8]>(&[], "2026-01-01T00:00:00Z", &mut out),
            Err(EncodeError::EmptyBatch)
        );
        assert_eq!(
            w.encode_batch(
                &[b"{}".as_slice(), b"{\n}"],
                "2026-01-01T00:00:00Z",
                &mut out
            ),
            Err(EncodeError::BadPayload { index: 1 })
        );
        assert!(matches!(
            w.encode_batch(&[b"{}"], "2026\"", &mut out),
            Err(EncodeError::BadTimestamp(_))
        ));
        assert!(out.is_empty());
        assert_eq!(w.head(), Head::default());
    }

    #[test]
    fn expected_head_parses_both_forms() {
        let h = "ab".repeat(32);
        assert!(matches!(h.parse(), Ok(ExpectedHead::Hash(_))));
        assert!(matches!(
            format!("5:{h}").parse(),
            Ok(ExpectedHead::At(Head { seq: 5, .. }))
        ));
        assert!("zz".parse::<ExpectedHead>().is_err());
    }
}
