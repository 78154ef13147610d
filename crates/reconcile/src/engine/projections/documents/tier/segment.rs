//! A [`super::Tier`]'s file: one sweep's entries sorted by their number's digest, in blocks,
//! then the digests (see the tier's documentation).

use std::fs::File;
use std::io;
use std::path::Path;

use super::Cold;
use crate::engine::projections::Id;
use crate::engine::spill::{read_at, unframe, write_frame, BadFrame, Bloom, Dec, Enc, FRAME_HEAD};

/// A file of entries moved to disk at one sweep: the entries sorted by their number's digest,
/// in blocks of about [`BLOCK_BYTES`], each a frame; then the digests, in frames of
/// [`DIGEST_FRAME`], read back only to rebuild the tier's Bloom filter.
pub(super) struct Segment {
    pub(super) file: File,
    /// Bytes of the blocks (the digests follow them).
    pub(super) body: u64,
    /// Bytes written to the file.
    pub(super) len: u64,
    /// Each block's first digest, where it starts and the rank of its first entry; sorted.
    pub(super) blocks: Vec<Block>,
    /// A Bloom filter over the segment's digests (mixed: see [`segment_hash`]).
    pub(super) filter: Bloom,
    /// A bit per entry, by rank: brought back or forgotten.
    pub(super) gone: Vec<u64>,
    /// Entries written.
    pub(super) n: usize,
    /// Entries not yet brought back or forgotten.
    pub(super) live: usize,
}

/// A block of a [`Segment`]: its first digest, where its frame starts, and the rank (place in
/// the segment) of its first entry.
#[derive(Clone, Copy)]
pub(super) struct Block {
    pub(super) first: u64,
    pub(super) at: u64,
    pub(super) rank: u32,
}

impl Segment {
    /// Writes `cold` (digest, number, value; sorted by digest) to a new file in `dir`: the
    /// entries a block at a time, through a buffer (a week of a wholesaler's documents is
    /// megabytes, which would otherwise be held all at once beside them), then the digests.
    pub(super) fn write<V: Cold>(dir: &Path, cold: &[(u64, &Id, &V)]) -> io::Result<Segment> {
        let mut file = io::BufWriter::with_capacity(1 << 16, tempfile::tempfile_in(dir)?);
        let mut len = 0u64;
        let mut blocks = Vec::new();
        let mut block = Enc::default();
        let mut value = Enc::default();
        let mut first = 0usize;
        for (i, &(digest, number, v)) in cold.iter().enumerate() {
            if block.len() == 0 {
                first = i;
            }
            value.clear();
            v.encode(&mut value);
            block.str(number);
            block.u8(if v.wanted_on_forget() { WANTED } else { 0 });
            block.u32(u32::try_from(value.len()).unwrap_or(u32::MAX));
            block.bytes_from(value.bytes());
            // Entries of one digest stay in one block, so that a lookup reads one block.
            let last = cold.get(i + 1).is_none_or(|next| next.0 != digest);
            if last && (block.len() >= BLOCK_BYTES || i + 1 == cold.len()) {
                blocks.push(Block {
                    first: cold[first].0,
                    at: len,
                    rank: first as u32,
                });
                len += write_frame(&mut file, block.bytes())?;
                block.clear();
            }
        }
        let body = len;
        for chunk in cold.chunks(DIGEST_FRAME) {
            block.clear();
            for (digest, _, _) in chunk {
                block.u64(*digest);
            }
            len += write_frame(&mut file, block.bytes())?;
        }
        let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        let mut filter = Bloom::with_room(cold.len());
        for (digest, _, _) in cold {
            filter.insert(segment_hash(*digest));
        }
        blocks.shrink_to_fit();
        let n = cold.len();
        Ok(Segment {
            file,
            body,
            len,
            blocks,
            filter,
            gone: vec![0; n.div_ceil(64)],
            n,
            live: n,
        })
    }

    /// Whether the entry of `rank` was brought back or forgotten (no, past the last entry).
    fn is_gone(&self, rank: usize) -> bool {
        self.gone
            .get(rank / 64)
            .is_some_and(|w| w & (1 << (rank % 64)) != 0)
    }

    fn mark_gone(&mut self, rank: usize) {
        self.gone[rank / 64] |= 1 << (rank % 64);
        self.live -= 1;
    }
}

/// A block is closed once its entries reach this many bytes: one read of a few KiB finds an
/// entry, and memory keeps 24 bytes a block (about 2 bytes a sale or invoice).
pub(super) const BLOCK_BYTES: usize = 2048;

/// Digests a frame of a segment's digests holds (32 KiB).
const DIGEST_FRAME: usize = 4096;

/// The entry's flag byte: the value is wanted when it is forgotten.
const WANTED: u8 = 1;

/// The hash a segment's own filter probes with: the digest mixed (the 64-bit finaliser of
/// `MurmurHash3`, a bijection), so that its false positives are not those of the tier's filter,
/// which probes with the digest itself.
fn segment_hash(d: u64) -> u64 {
    let mut h = d ^ (d >> 33);
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The Bloom filter over the digests of the live entries of `segments`, read back from their
/// files a frame at a time: most lookups of a number that is not there (a new sale or invoice,
/// a document of another ledger) end there instead of trying every segment's filter. Rebuilt
/// at each sweep; entries brought back or forgotten since are false positives until then.
pub(super) fn filter_of(segments: &mut [Segment]) -> io::Result<Bloom> {
    let live: usize = segments.iter().map(|s| s.live).sum();
    let mut f = Bloom::with_room(live);
    let mut buf = Vec::new();
    for s in segments.iter_mut() {
        let mut at = s.body;
        let mut rank = 0usize;
        while at < s.len {
            let want = (FRAME_HEAD + DIGEST_FRAME * 8).min((s.len - at) as usize);
            buf.resize(want, 0);
            read_at(&mut s.file, &mut buf, at).map_err(|e| {
                io::Error::new(e.kind(), format!("documents set aside on disk: {e}"))
            })?;
            let bad = |what: &str| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("documents set aside on disk: their digests at byte {at} {what}"),
                )
            };
            let (payload, _) = match unframe(&buf) {
                Ok(x) => x,
                Err(BadFrame::Checksum) => return Err(bad("fail their checksum")),
                Err(BadFrame::CutShort) => return Err(bad("are cut short")),
            };
            if payload.len() % 8 != 0 {
                return Err(bad("are not a whole number of digests"));
            }
            for d in payload.chunks_exact(8) {
                if !s.is_gone(rank) {
                    let mut b = [0u8; 8];
                    b.copy_from_slice(d);
                    f.insert(u64::from_le_bytes(b));
                }
                rank += 1;
            }
            at += (FRAME_HEAD + payload.len()) as u64;
        }
        if rank != s.n {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "documents set aside on disk: {rank} digests for {} entries",
                    s.n
                ),
            ));
        }
    }
    Ok(f)
}

/// Removes `key`, of `digest`, from the segments (newest first): its value when `read` or wanted on forget,
/// read back and checked. `Ok(None)` when no segment has it.
pub(super) fn take<V: Cold>(
    segments: &mut Vec<Segment>,
    filter: Option<&Bloom>,
    digest: u64,
    key: &str,
    read: bool,
) -> io::Result<Option<V>> {
    if filter.is_some_and(|f| !f.may_contain(digest)) {
        return Ok(None);
    }
    let probe = segment_hash(digest);
    for i in (0..segments.len()).rev() {
        let seg = &mut segments[i];
        if !seg.filter.may_contain(probe) {
            continue;
        }
        // The block of the last first digest not above the number's: entries of one digest
        // share a block.
        let after = seg.blocks.partition_point(|b| b.first <= digest);
        let Some(block) = after.checked_sub(1) else {
            continue;
        };
        let Some((rank, value)) = find_entry::<V>(seg, block, key, read)? else {
            continue;
        };
        seg.mark_gone(rank);
        if seg.live == 0 {
            // Closing its only handle removes the file.
            segments.remove(i);
        }
        return Ok(value);
    }
    Ok(None)
}

/// The rank of the live entry of `key` in block `b` of `s`, and its value when `read` or
/// wanted on forget; read back and checked.
fn find_entry<V: Cold>(
    seg: &mut Segment,
    block: usize,
    key: &str,
    read: bool,
) -> io::Result<Option<(usize, Option<V>)>> {
    let bad = |what: &str| lost(key, io::ErrorKind::InvalidData, what);
    let Block { at, rank, .. } = seg.blocks[block];
    let end = seg.blocks.get(block + 1).map_or(seg.body, |next| next.at);
    let len = usize::try_from(end.saturating_sub(at)).unwrap_or(usize::MAX);
    if end > seg.body || len < FRAME_HEAD {
        return Err(bad("its block has an impossible length"));
    }
    let mut buf = vec![0u8; len];
    read_at(&mut seg.file, &mut buf, at).map_err(|e| lost(key, e.kind(), e))?;
    let body = match unframe(&buf) {
        Ok((body, [])) => body,
        Ok(_) => return Err(bad("its block has bytes left over")),
        Err(BadFrame::Checksum) => return Err(bad("fails its checksum")),
        Err(BadFrame::CutShort) => return Err(bad("is cut short")),
    };
    let mut dec = Dec::new(body);
    let mut at_rank = rank as usize;
    while dec.remaining() > 0 {
        let entry = (|| {
            let number = dec.str_bytes()?;
            let flag = dec.u8()?;
            let size = dec.u32()? as usize;
            Some((number, flag, dec.take(size)?))
        })();
        let Some((number, flag, value)) = entry else {
            return Err(bad("its block cannot be read"));
        };
        if at_rank >= seg.n {
            return Err(bad("its block holds more entries than its file"));
        }
        if number == key.as_bytes() && !seg.is_gone(at_rank) {
            let value = if read || flag & WANTED != 0 {
                Some(decode(value, key)?)
            } else {
                None
            };
            return Ok(Some((at_rank, value)));
        }
        at_rank += 1;
    }
    Ok(None)
}

/// The value `bytes` hold, read back from the entry of `key`.
fn decode<V: Cold>(bytes: &[u8], key: &str) -> io::Result<V> {
    let bad = |what: &str| lost(key, io::ErrorKind::InvalidData, what);
    let mut d = Dec::new(bytes);
    let v = V::decode(&mut d).ok_or_else(|| bad("cannot be read"))?;
    if d.remaining() > 0 {
        return Err(bad("has bytes left over"));
    }
    Ok(v)
}

/// Why the entry of `key` could not be read back.
fn lost(key: &str, kind: io::ErrorKind, what: impl std::fmt::Display) -> io::Error {
    io::Error::new(kind, format!("document {key} set aside on disk: {what}"))
}
