//! A blocked Bloom filter over the keys of the id runs, so that an id not yet stored (nearly
//! every id of a fresh append) costs no page read.
//!
//! 64-byte blocks; a key picks a block with its high 64 bits and sets 7 bits in it with 9-bit
//! slices of its low 64 bits (keys are uniform hashes, so no further hashing is needed). The
//! filter is rebuilt twice as large whenever the keys outgrow 16 bits each (about 0.1 % false
//! positives), up to [`MAX_BYTES`], and stays that size after: beyond about 8 million ids its
//! false-positive rate grows with the ledger, never its memory.
//!
//! Saved as `ids/filter.bin`: magic, the last record covered and its hash, the number of keys,
//! the number of blocks, a blake3 checksum, then the blocks. A filter that does not check out or
//! does not cover exactly the runs is rebuilt from them.

use std::path::Path;

use rxledger_chain::Digest;

/// Largest filter (16 MiB).
pub(crate) const MAX_BYTES: usize = 16 << 20;
const MIN_BYTES: usize = 4096;
const BLOCK: usize = 64;
const MAGIC: &[u8; 16] = b"rxledger idf v1\n";
const HEADER: usize = 16 + 8 + 32 + 8 + 8 + 32;

/// The filter.
pub(crate) struct Filter {
    blocks: Vec<u8>,
    keys: u64,
}

/// The size in bytes for `keys` keys: 32 bits each (so at least 16 until the next doubling
/// rebuilds it), a power of two between the bounds.
fn size_for(keys: u64) -> usize {
    let want = usize::try_from(keys.saturating_mul(4)).unwrap_or(MAX_BYTES);
    want.next_power_of_two().clamp(MIN_BYTES, MAX_BYTES)
}

impl Filter {
    /// An empty filter sized for `keys` keys.
    pub(crate) fn for_keys(keys: u64) -> Filter {
        Filter {
            blocks: vec![0; size_for(keys)],
            keys: 0,
        }
    }

    /// True when the filter should be rebuilt larger to hold `keys` keys well.
    pub(crate) fn too_small_for(&self, keys: u64) -> bool {
        size_for(keys) > self.blocks.len()
    }

    fn bits(&self, key: u128) -> (usize, u64) {
        let nblocks = (self.blocks.len() / BLOCK) as u64;
        let block = ((key >> 64) as u64 & (nblocks - 1)) as usize;
        (block * BLOCK, key as u64)
    }

    /// Adds a key.
    pub(crate) fn insert(&mut self, key: u128) {
        let (at, mut lo) = self.bits(key);
        for _ in 0..7 {
            let bit = (lo & 511) as usize;
            if let Some(b) = self.blocks.get_mut(at + bit / 8) {
                *b |= 1 << (bit % 8);
            }
            lo >>= 9;
        }
        self.keys += 1;
    }

    /// False when the key was certainly never added.
    pub(crate) fn may_contain(&self, key: u128) -> bool {
        let (at, mut lo) = self.bits(key);
        for _ in 0..7 {
            let bit = (lo & 511) as usize;
            if self
                .blocks
                .get(at + bit / 8)
                .is_none_or(|b| b & (1 << (bit % 8)) == 0)
            {
                return false;
            }
            lo >>= 9;
        }
        true
    }

    fn header(&self, last: u64, hash: &Digest) -> Vec<u8> {
        let mut h = Vec::with_capacity(HEADER);
        h.extend_from_slice(MAGIC);
        h.extend_from_slice(&last.to_le_bytes());
        h.extend_from_slice(&hash.0);
        h.extend_from_slice(&self.keys.to_le_bytes());
        h.extend_from_slice(&(self.blocks.len() as u64).to_le_bytes());
        h
    }

    /// Saves the filter as covering the runs up to record `last` (hash `hash`): written to a
    /// temporary file and renamed (a torn or stale file is detected by [`Filter::load`]).
    pub(crate) fn save(&self, path: &Path, last: u64, hash: &Digest) -> std::io::Result<()> {
        let mut bytes = self.header(last, hash);
        let mut h = blake3::Hasher::new();
        h.update(&bytes);
        h.update(&self.blocks);
        bytes.extend_from_slice(h.finalize().as_bytes());
        bytes.extend_from_slice(&self.blocks);
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, &bytes)?;
        std::fs::rename(&tmp, path)
    }

    /// Loads the filter saved for the runs up to record `last` (hash `hash`); `None` if there is
    /// none, or it does not check out, or it covers something else.
    pub(crate) fn load(path: &Path, last: u64, hash: &Digest) -> Option<Filter> {
        if crate::not_regular(path) {
            return None;
        }
        let bytes = std::fs::read(path).ok()?;
        let head = bytes.get(..HEADER - 32)?;
        let sum = bytes.get(HEADER - 32..HEADER)?;
        let blocks = bytes.get(HEADER..)?;
        let mut h = blake3::Hasher::new();
        h.update(head);
        h.update(blocks);
        if h.finalize().as_bytes().as_slice() != sum
            || blocks.len() < MIN_BYTES
            || !blocks.len().is_power_of_two()
        {
            return None;
        }
        let keys = u64::from_le_bytes(head.get(56..64)?.try_into().ok()?);
        let f = Filter {
            blocks: blocks.to_vec(),
            keys,
        };
        (f.header(last, hash) == head).then_some(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_keys_are_found_and_most_others_are_not() {
        let mut f = Filter::for_keys(10_000);
        let key = |i: u64| {
            let h = blake3::hash(&i.to_le_bytes());
            u128::from_le_bytes(h.as_bytes()[..16].try_into().unwrap())
        };
        for i in 0..10_000 {
            f.insert(key(i));
        }
        assert!((0..10_000).all(|i| f.may_contain(key(i))));
        let false_positives = (10_000..110_000).filter(|&i| f.may_contain(key(i))).count();
        assert!(false_positives < 1000, "{false_positives}");
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("filter.bin");
        f.save(&p, 9, &Digest([1; 32])).unwrap();
        assert!(Filter::load(&p, 9, &Digest([1; 32])).is_some());
        assert!(Filter::load(&p, 10, &Digest([1; 32])).is_none());
        let mut bytes = std::fs::read(&p).unwrap();
        bytes[HEADER + 3] ^= 4;
        std::fs::write(&p, bytes).unwrap();
        assert!(Filter::load(&p, 9, &Digest([1; 32])).is_none());
    }
}
