//! A persistent Merkle index beside a ledger directory, so that proofs never rehash the ledger.
//!
//! `DIR/merkle/leaves.bin` holds the Merkle leaf hash of every record (32 bytes each, record `seq`
//! at offset `32 × (seq − 1)`); `DIR/merkle/blocks.bin` holds the hash of every complete, aligned
//! block of [`BLOCK`] leaves. A subtree hash is assembled from block hashes where a block is
//! covered whole and from leaf hashes at the ragged edges, so a proof in a ledger of 10,000,000
//! records reads a few kilobytes and hashes a few thousand nodes.
//!
//! The index is derived data: [`MerkleIndex::update`] extends it from the records (and rebuilds
//! it if it is longer than the ledger, e.g. after a crash cut an unacknowledged tail).
//!
//! [`MerkleTree`] is what proofs are computed from: the persistent index of a ledger directory,
//! or the leaf hashes of a store held in memory ([`crate::Store::merkle`] gives the right one).

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use rxledger_chain::merkle::{split, Blake3Tree, Hash, Subtrees, TreeHasher};
use rxledger_chain::{Hashers, LeafBatch, RecordRef};

use crate::layout::{list_segments, MERKLE_DIR};
use crate::read::LineReader;
use crate::{io_err, StdVfs, Store, StoreError};

/// Leaves per stored block hash.
pub const BLOCK: u64 = 1024;

/// The Merkle leaf of a record: the tree leaf hash of the record's leaf hash (which covers seq,
/// `batch_end`, `recorded_at` and the payload bytes).
pub fn record_leaf(hashers: &Hashers, rec: &RecordRef<'_>) -> Hash {
    tree_leaf(&hashers.leaf(
        rec.seq,
        rec.batch_end,
        rec.recorded_at.as_bytes(),
        rec.payload,
    ))
}

/// The Merkle leaf of a record whose chain leaf hash is `chain_leaf` ([`record_leaf`]).
fn tree_leaf(chain_leaf: &rxledger_chain::Digest) -> Hash {
    Blake3Tree.leaf(&chain_leaf.0)
}

/// The Merkle index of a ledger directory.
pub struct MerkleIndex {
    leaves: File,
    blocks: File,
    size: u64,
}

fn read_at(f: &File, offset: u64, buf: &mut [u8]) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(f, buf, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = f.try_clone()?;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(buf)
    }
}

impl MerkleIndex {
    fn paths(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
        let m = dir.join(MERKLE_DIR);
        (m.join("leaves.bin"), m.join("blocks.bin"), m)
    }

    /// Opens (creating if needed) the index and brings it up to date with the ledger's records
    /// `1..=head.seq` (the acknowledged, verified part). The index remembers the chain hash of its
    /// last record; if the ledger no longer has that record with that hash (a crash cut an
    /// unacknowledged tail that was indexed), the index is rebuilt.
    pub fn update(dir: &Path, head: rxledger_chain::Head) -> Result<MerkleIndex, StoreError> {
        let (lp, bp, m) = Self::paths(dir);
        let hp = m.join("head");
        // Derived data that is not a file (a FIFO, a device) is removed and made again.
        for p in [&hp, &lp, &bp] {
            if crate::not_regular(p) {
                let _ = std::fs::remove_file(p);
            }
        }
        if let Ok(text) = std::fs::read_to_string(&hp) {
            let mut it = text.split_whitespace();
            let seq: u64 = it.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let hash = it.next().and_then(rxledger_chain::Digest::from_hex);
            let still = seq <= head.seq
                && hash.is_some_and(|h| Self::hash_at(dir, seq).ok().flatten() == Some(h));
            if !still {
                let _ = std::fs::remove_file(&lp);
                let _ = std::fs::remove_file(&bp);
            }
        }
        std::fs::create_dir_all(&m).map_err(io_err(&m))?;
        let open = |p: &Path| {
            OpenOptions::new()
                .read(true)
                .append(true)
                .create(true)
                .open(p)
                .map_err(io_err(p))
        };
        let leaves = open(&lp)?;
        let blocks = open(&bp)?;
        let mut size = leaves.metadata().map_err(io_err(&lp))?.len() / 32;
        // Drop a partial trailing hash and any blocks beyond the leaves.
        leaves.set_len(size * 32).map_err(io_err(&lp))?;
        blocks.set_len((size / BLOCK) * 32).map_err(io_err(&bp))?;
        let segs = list_segments(&StdVfs, dir)?;
        let mut lw = BufWriter::with_capacity(1 << 20, &leaves);
        let mut bw = BufWriter::new(&blocks);
        let mut block: Vec<Hash> = Vec::new();
        // Resume the current partial block from the stored leaves.
        let partial = size % BLOCK;
        if partial > 0 {
            let mut buf = vec![0u8; usize::try_from(partial * 32).unwrap_or(0)];
            read_at(&leaves, (size - partial) * 32, &mut buf).map_err(io_err(&lp))?;
            block = buf
                .chunks_exact(32)
                .map(|c| {
                    let mut h = [0u8; 32];
                    h.copy_from_slice(c);
                    h
                })
                .collect();
        }
        let mut last_hash = None;
        // Records after this one are not in the index yet.
        let indexed = size;
        // Leaves are hashed side by side, a batch at a time, then written in order.
        let mut batch = LeafBatch::new();
        let mut hashed = Vec::new();
        let mut add = |hashed: &mut Vec<rxledger_chain::Digest>| -> Result<(), StoreError> {
            for leaf in hashed.drain(..) {
                let leaf = tree_leaf(&leaf);
                lw.write_all(&leaf).map_err(io_err(&lp))?;
                block.push(leaf);
                size += 1;
                if block.len() as u64 == BLOCK {
                    let h = rxledger_chain::merkle::mth(&Blake3Tree, &block);
                    bw.write_all(&h).map_err(io_err(&bp))?;
                    block.clear();
                }
            }
            Ok(())
        };
        for (i, (first, seg)) in segs.iter().enumerate() {
            let next_first = segs.get(i + 1).map_or(u64::MAX, |(s, _)| *s);
            if next_first <= indexed + 1 || *first > head.seq {
                continue;
            }
            let mut r = LineReader::open(seg)?;
            let mut seq = *first;
            while let Some(terminated) = r.advance()? {
                if !terminated {
                    break;
                }
                if seq > head.seq {
                    break;
                }
                if seq > indexed {
                    let rec = RecordRef::parse(r.line()).map_err(|reason| StoreError::Corrupt {
                        path: seg.clone(),
                        error: rxledger_chain::VerifyError::Unparsable {
                            line: seq - first + 1,
                            seq,
                            reason,
                        },
                    })?;
                    batch.push_record(&rec);
                    last_hash = Some(rec.hash);
                    if batch.is_full() {
                        batch.finish(&mut hashed);
                        add(&mut hashed)?;
                    }
                }
                seq += 1;
            }
        }
        batch.finish(&mut hashed);
        add(&mut hashed)?;
        lw.flush().map_err(io_err(&lp))?;
        bw.flush().map_err(io_err(&bp))?;
        drop(lw);
        drop(bw);
        leaves.sync_data().map_err(io_err(&lp))?;
        blocks.sync_data().map_err(io_err(&bp))?;
        if let Some(h) = last_hash {
            std::fs::write(&hp, format!("{size} {h}\n")).map_err(io_err(&hp))?;
        }
        Ok(MerkleIndex {
            leaves,
            blocks,
            size,
        })
    }

    /// [`MerkleIndex::update`] from nothing: the index files are removed and made again from the
    /// records `1..=head.seq`. For an index found to disagree with the verified records (it is
    /// derived data in the directory, which anyone who can write the directory can change).
    pub fn rebuild(dir: &Path, head: rxledger_chain::Head) -> Result<MerkleIndex, StoreError> {
        let (lp, bp, m) = Self::paths(dir);
        for p in [lp, bp, m.join("head")] {
            match std::fs::remove_file(&p) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io_err(&p)(e)),
                _ => {}
            }
        }
        Self::update(dir, head)
    }

    /// The chain hash of record `seq` in a ledger directory, if present.
    fn hash_at(dir: &Path, seq: u64) -> Result<Option<rxledger_chain::Digest>, StoreError> {
        let segs = list_segments(&StdVfs, dir)?;
        let Some((first, seg)) = segs.iter().rev().find(|(f, _)| *f <= seq) else {
            return Ok(None);
        };
        let mut r = LineReader::open(seg)?;
        let mut s = *first;
        while let Some(terminated) = r.advance()? {
            if !terminated {
                break;
            }
            if s == seq {
                return Ok(RecordRef::parse(r.line()).ok().map(|rec| rec.hash));
            }
            s += 1;
        }
        Ok(None)
    }

    /// Builds an index from leaf hashes directly (benchmarks, tests).
    pub fn from_leaves(
        dir: &Path,
        leaves_iter: impl Iterator<Item = Hash>,
    ) -> Result<MerkleIndex, StoreError> {
        let (lp, bp, m) = Self::paths(dir);
        std::fs::create_dir_all(&m).map_err(io_err(&m))?;
        let leaves = File::create(&lp).map_err(io_err(&lp))?;
        let blocks = File::create(&bp).map_err(io_err(&bp))?;
        let mut lw = BufWriter::with_capacity(1 << 20, &leaves);
        let mut bw = BufWriter::new(&blocks);
        let mut block = Vec::new();
        let mut size = 0;
        for l in leaves_iter {
            lw.write_all(&l).map_err(io_err(&lp))?;
            block.push(l);
            size += 1;
            if block.len() as u64 == BLOCK {
                bw.write_all(&rxledger_chain::merkle::mth(&Blake3Tree, &block))
                    .map_err(io_err(&bp))?;
                block.clear();
            }
        }
        lw.flush().map_err(io_err(&lp))?;
        bw.flush().map_err(io_err(&bp))?;
        drop(lw);
        drop(bw);
        let reopen = |p: &Path| File::open(p).map_err(io_err(p));
        Ok(MerkleIndex {
            leaves: reopen(&lp)?,
            blocks: reopen(&bp)?,
            size,
        })
    }

    /// Number of leaves (records) indexed.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The root of the tree over the first `size` records.
    pub fn root(&self, size: u64) -> Result<Hash, StoreError> {
        if size == 0 {
            return Ok(Blake3Tree.empty());
        }
        self.subtree(0, size)
    }

    fn read_hashes(file: &File, start: u64, count: u64) -> Result<Vec<Hash>, StoreError> {
        let mut buf = vec![0u8; usize::try_from(count * 32).unwrap_or(0)];
        read_at(file, start * 32, &mut buf).map_err(io_err(Path::new("merkle index")))?;
        Ok(buf
            .chunks_exact(32)
            .map(|c| {
                let mut h = [0u8; 32];
                h.copy_from_slice(c);
                h
            })
            .collect())
    }

    fn hash_range(&self, start: u64, end: u64) -> Result<Hash, StoreError> {
        let n = end - start;
        if n >= BLOCK && start.is_multiple_of(BLOCK) && n.is_power_of_two() {
            let blocks = Self::read_hashes(&self.blocks, start / BLOCK, n / BLOCK)?;
            return Ok(rxledger_chain::merkle::mth(&Blake3Tree, &blocks));
        }
        if n <= BLOCK {
            let leaves = Self::read_hashes(&self.leaves, start, n)?;
            return Ok(rxledger_chain::merkle::mth(&Blake3Tree, &leaves));
        }
        let k = split(n);
        let l = self.hash_range(start, start + k)?;
        let r = self.hash_range(start + k, end)?;
        Ok(Blake3Tree.node(&l, &r))
    }
}

impl Subtrees for MerkleIndex {
    type Error = StoreError;
    fn subtree(&self, start: u64, end: u64) -> Result<Hash, StoreError> {
        if end > self.size || start >= end {
            return Err(StoreError::Corrupt {
                path: PathBuf::from("merkle index"),
                error: rxledger_chain::VerifyError::Gap {
                    line: 0,
                    seq: end,
                    found: self.size,
                },
            });
        }
        self.hash_range(start, end)
    }
}

/// The Merkle tree of a ledger's records: a persistent [`MerkleIndex`] or leaf hashes in memory.
pub enum MerkleTree {
    /// The index beside a ledger directory.
    Index(MerkleIndex),
    /// Leaf hashes ([`record_leaf`]) of records `1..=len`.
    Leaves(Vec<Hash>),
}

impl MerkleTree {
    /// Hashes records `1..=head.seq` of `store` into memory. Fails if the store does not hold
    /// them all.
    pub fn from_store<S: Store + ?Sized>(
        store: &S,
        head: rxledger_chain::Head,
    ) -> Result<Self, StoreError> {
        let mut leaves = Vec::with_capacity(usize::try_from(head.seq).unwrap_or(0).min(1 << 20));
        let mut gap = None;
        // Leaves are hashed side by side, a batch at a time.
        let mut batch = LeafBatch::new();
        let mut hashed = Vec::new();
        let add = |hashed: &mut Vec<rxledger_chain::Digest>, leaves: &mut Vec<Hash>| {
            leaves.extend(hashed.drain(..).map(|l| tree_leaf(&l)));
        };
        store.scan(1, &mut |rec| {
            if rec.seq > head.seq {
                return std::ops::ControlFlow::Break(());
            }
            if rec.seq != (leaves.len() + batch.len()) as u64 + 1 {
                gap = Some(rec.seq);
                return std::ops::ControlFlow::Break(());
            }
            batch.push_record(&rec);
            if batch.is_full() {
                batch.finish(&mut hashed);
                add(&mut hashed, &mut leaves);
            }
            std::ops::ControlFlow::Continue(())
        })?;
        batch.finish(&mut hashed);
        add(&mut hashed, &mut leaves);
        if gap.is_some() || (leaves.len() as u64) < head.seq {
            return Err(StoreError::Corrupt {
                path: store.locator()?.path().to_owned(),
                error: rxledger_chain::VerifyError::Gap {
                    line: leaves.len() as u64 + 1,
                    seq: leaves.len() as u64 + 1,
                    found: gap.unwrap_or(leaves.len() as u64 + 1),
                },
            });
        }
        Ok(MerkleTree::Leaves(leaves))
    }

    /// Number of leaves (records).
    pub fn size(&self) -> u64 {
        match self {
            MerkleTree::Index(i) => i.size(),
            MerkleTree::Leaves(l) => l.len() as u64,
        }
    }

    /// The root of the tree over the first `size` records.
    pub fn root(&self, size: u64) -> Result<Hash, StoreError> {
        match self {
            MerkleTree::Index(i) => i.root(size),
            MerkleTree::Leaves(_) if size == 0 => Ok(Blake3Tree.empty()),
            MerkleTree::Leaves(_) => self.subtree(0, size),
        }
    }
}

impl Subtrees for MerkleTree {
    type Error = StoreError;
    fn subtree(&self, start: u64, end: u64) -> Result<Hash, StoreError> {
        match self {
            MerkleTree::Index(i) => i.subtree(start, end),
            MerkleTree::Leaves(l) => {
                let range = usize::try_from(start).unwrap_or(usize::MAX)
                    ..usize::try_from(end).unwrap_or(usize::MAX);
                match l.get(range) {
                    Some(leaves) if start < end => {
                        Ok(rxledger_chain::merkle::mth(&Blake3Tree, leaves))
                    }
                    _ => Err(StoreError::Corrupt {
                        path: PathBuf::from("merkle tree"),
                        error: rxledger_chain::VerifyError::Gap {
                            line: 0,
                            seq: end,
                            found: l.len() as u64,
                        },
                    }),
                }
            }
        }
    }
}
