//! What the engine sets aside in temporary files (far deadlines, documents past their open
//! life, shipped unit codes): values written as little-endian integers and length-prefixed
//! texts ([`Enc`], [`Dec`]), in frames checked with blake3 ([`write_frame`], [`unframe`]), read
//! back with [`read_at`], and found behind a [`Bloom`] filter.

use chrono::{DateTime, NaiveDate, Utc};

use crate::engine::projections::Id;

/// Bytes of a frame before its payload: the payload's length (u32) and the first 16 bytes of its
/// blake3 digest.
pub(crate) const FRAME_HEAD: usize = 20;

/// Writes `payload` to `out` as a frame ([`FRAME_HEAD`], then the payload); returns the bytes
/// written.
pub(crate) fn write_frame(out: &mut impl std::io::Write, payload: &[u8]) -> std::io::Result<u64> {
    let mut head = [0u8; FRAME_HEAD];
    // Frames are a chunk of deadlines or codes, or one document: far shorter than 4 GiB.
    head[..4].copy_from_slice(&(payload.len() as u32).to_le_bytes());
    head[4..].copy_from_slice(&blake3::hash(payload).as_bytes()[..16]);
    out.write_all(&head)?;
    out.write_all(payload)?;
    Ok((FRAME_HEAD + payload.len()) as u64)
}

/// A Bloom filter of 64-bit hashes, 12 bits an entry and three probes (about 1.1 % false
/// positives): what is set aside on disk is looked for there only when it may be.
#[derive(Default)]
pub(crate) struct Bloom {
    bits: Vec<u64>,
}

impl Bloom {
    /// An empty filter with room for `n` entries.
    pub fn with_room(n: usize) -> Bloom {
        Bloom {
            bits: vec![0; (n * 12).div_ceil(64).max(1)],
        }
    }

    /// The bits of `h` (double hashing; multiply-shift maps each onto the filter's length).
    fn probes(&self, h: u64) -> [usize; 3] {
        let len = self.bits.len() as u128 * 64;
        // The step is a whole 64-bit number (the halves swapped), so that each probe moves the
        // high bits the mapping keeps.
        let step = h.rotate_left(32) | 1;
        [0u64, 1, 2]
            .map(|i| ((u128::from(h.wrapping_add(i.wrapping_mul(step))) * len) >> 64) as usize)
    }

    pub fn insert(&mut self, h: u64) {
        for b in self.probes(h) {
            self.bits[b / 64] |= 1 << (b % 64);
        }
    }

    /// Whether `h` may have been inserted (never, in an empty filter).
    pub fn may_contain(&self, h: u64) -> bool {
        !self.bits.is_empty()
            && self
                .probes(h)
                .iter()
                .all(|&b| self.bits[b / 64] & (1 << (b % 64)) != 0)
    }
}

/// Why bytes are not a frame.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BadFrame {
    /// The bytes end before the frame does.
    CutShort,
    /// The payload is not the one the frame's digest was taken of.
    Checksum,
}

/// The payload of the frame `bytes` start with, and the bytes after it.
pub(crate) fn unframe(bytes: &[u8]) -> Result<(&[u8], &[u8]), BadFrame> {
    let (head, tail) = bytes
        .split_at_checked(FRAME_HEAD)
        .ok_or(BadFrame::CutShort)?;
    let len = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
    let (payload, rest) = tail.split_at_checked(len).ok_or(BadFrame::CutShort)?;
    if blake3::hash(payload).as_bytes()[..16] != head[4..] {
        return Err(BadFrame::Checksum);
    }
    Ok((payload, rest))
}

/// Bytes being written.
#[derive(Default)]
pub(crate) struct Enc(Vec<u8>);

impl Enc {
    /// The bytes written.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
    /// How many bytes were written.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Forgets the bytes written (keeping the room).
    pub fn clear(&mut self) {
        self.0.clear();
    }
    pub fn u8(&mut self, x: u8) {
        self.0.push(x);
    }
    pub fn u32(&mut self, x: u32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    pub fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    pub fn i64(&mut self, x: i64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    pub fn bool(&mut self, x: bool) {
        self.u8(u8::from(x));
    }
    /// Appends `bytes` as they are.
    pub fn bytes_from(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
    pub fn str(&mut self, s: &str) {
        // Numbers and ids are event fields, far shorter than 4 GiB.
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    pub fn time(&mut self, t: DateTime<Utc>) {
        self.i64(t.timestamp());
        self.u32(t.timestamp_subsec_nanos());
    }
    pub fn date(&mut self, d: NaiveDate) {
        self.i64(i64::from(d.to_epoch_days()));
    }
}

/// Bytes being read: each read is `None` when the bytes run out or are not of the kind.
pub(crate) struct Dec<'a>(&'a [u8]);

impl<'a> Dec<'a> {
    /// A reader of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Dec(bytes)
    }
    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Some(head)
    }
    /// Bytes not yet read.
    pub fn remaining(&self) -> usize {
        self.0.len()
    }
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.array::<1>().map(|[b]| b)
    }
    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }
    pub fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }
    pub fn i64(&mut self) -> Option<i64> {
        self.array().map(i64::from_le_bytes)
    }
    pub fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    /// The bytes of a text [`Enc::str`] wrote, unchecked.
    pub fn str_bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    pub fn str(&mut self) -> Option<Id> {
        std::str::from_utf8(self.str_bytes()?).ok().map(Id::from)
    }
    pub fn time(&mut self) -> Option<DateTime<Utc>> {
        let secs = self.i64()?;
        DateTime::from_timestamp(secs, self.u32()?)
    }
    pub fn date(&mut self) -> Option<NaiveDate> {
        NaiveDate::from_epoch_days(i32::try_from(self.i64()?).ok()?)
    }
}

/// Fills `buf` from `offset` of `file`.
#[cfg(unix)]
pub(crate) fn read_at(
    file: &mut std::fs::File,
    buf: &mut [u8],
    offset: u64,
) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

/// Fills `buf` from `offset` of `file`.
#[cfg(not(unix))]
pub(crate) fn read_at(
    file: &mut std::fs::File,
    buf: &mut [u8],
    offset: u64,
) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What was inserted is always found; of what was not, about one in a hundred.
    #[test]
    fn a_bloom_filter_finds_what_was_inserted() {
        use std::hash::BuildHasher;
        let keys = std::hash::RandomState::new();
        let mut f = Bloom::with_room(10_000);
        for n in 0..10_000u32 {
            f.insert(keys.hash_one(n));
        }
        assert!((0..10_000u32).all(|n| f.may_contain(keys.hash_one(n))));
        let false_positives = (10_000..110_000u32)
            .filter(|n| f.may_contain(keys.hash_one(n)))
            .count();
        assert!(false_positives < 2_500, "{false_positives} in 100,000");
        assert!(!Bloom::default().may_contain(keys.hash_one(1)));
    }

    /// A frame reads back as written; cut short or changed, it is not a frame.
    #[test]
    fn frames_read_back_and_damage_is_found() {
        let mut out = Vec::new();
        assert_eq!(write_frame(&mut out, b"first").unwrap(), 25);
        write_frame(&mut out, b"").unwrap();
        let (a, rest) = unframe(&out).unwrap();
        let (b, rest) = unframe(rest).unwrap();
        assert_eq!((a, b, rest), (&b"first"[..], &b""[..], &b""[..]));
        assert_eq!(unframe(&out[..FRAME_HEAD + 4]), Err(BadFrame::CutShort));
        let mut damaged = out.clone();
        damaged[FRAME_HEAD] ^= 1;
        assert_eq!(unframe(&damaged), Err(BadFrame::Checksum));
    }
}
