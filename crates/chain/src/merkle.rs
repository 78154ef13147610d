//! Merkle trees with RFC 9162 (Certificate Transparency 2.0) structure: inclusion and
//! consistency proofs and their verification, generic over the hash.
//!
//! The tree over `n` leaves is `MTH(D[n])`: the empty tree hashes to `empty()`, one leaf to
//! `leaf(d)`, and larger trees split at `k`, the largest power of two below `n`:
//! `node(MTH(D[0:k]), MTH(D[k:n]))`. Leaf and node hashes are domain-separated: in RFC 9162 by
//! the prefixes 0x00 and 0x01 ([`Sha256Rfc`], used for the published test vectors); in
//! production by blake3 derive-key contexts ([`Blake3Tree`]).
//!
//! Functions here take **leaf hashes** (already `leaf(d)`), through a [`Subtrees`] source that
//! can answer "hash of the subtree over leaves `[start, end)`" without rehashing the whole tree.

use std::sync::OnceLock;

use crate::many::Key;

/// A 32-byte tree hash.
pub type Hash = [u8; 32];

/// The hash functions of a tree.
pub trait TreeHasher {
    /// Hash of the empty tree.
    fn empty(&self) -> Hash;
    /// Hash of a leaf's data.
    fn leaf(&self, data: &[u8]) -> Hash;
    /// Hash of an interior node.
    fn node(&self, left: &Hash, right: &Hash) -> Hash;
}

/// blake3 derive-key context for Merkle leaves (input: a record's leaf hash).
pub const MERKLE_LEAF_CONTEXT: &str = "rxledger 2026-11 merkle leaf v1";
/// blake3 derive-key context for Merkle nodes (input: left ‖ right; the empty tree hashes the
/// empty input).
pub const MERKLE_NODE_CONTEXT: &str = "rxledger 2026-11 merkle node v1";

/// The production tree hash: blake3 in derive-key mode, one context for leaves, one for nodes.
///
/// The same digests as `blake3::derive_key(context, data)`; the contexts' keys are derived once
/// per process, and a node (64 bytes) or a leaf of a record's leaf hash (32 bytes) is one
/// compression.
#[derive(Clone, Copy, Debug, Default)]
pub struct Blake3Tree;

/// The keys of the two tree contexts, derived once.
fn tree_keys() -> &'static (Key, Key) {
    static KEYS: OnceLock<(Key, Key)> = OnceLock::new();
    KEYS.get_or_init(|| (Key::new(MERKLE_LEAF_CONTEXT), Key::new(MERKLE_NODE_CONTEXT)))
}

impl TreeHasher for Blake3Tree {
    fn empty(&self) -> Hash {
        blake3::derive_key(MERKLE_NODE_CONTEXT, &[])
    }
    fn leaf(&self, data: &[u8]) -> Hash {
        match tree_keys().0.short(data) {
            Some(d) => d.0,
            None => blake3::derive_key(MERKLE_LEAF_CONTEXT, data),
        }
    }
    fn node(&self, left: &Hash, right: &Hash) -> Hash {
        let mut buf = [0u8; 64];
        buf[..32].copy_from_slice(left);
        buf[32..].copy_from_slice(right);
        tree_keys().1.one_block(&buf).0
    }
}

/// RFC 6962 / 9162 hashing with a caller-supplied SHA-256 (kept out of this crate's
/// dependencies): `leaf = SHA-256(0x00 ‖ d)`, `node = SHA-256(0x01 ‖ l ‖ r)`.
pub struct Sha256Rfc<F: Fn(&[u8]) -> Hash>(pub F);

impl<F: Fn(&[u8]) -> Hash> TreeHasher for Sha256Rfc<F> {
    fn empty(&self) -> Hash {
        (self.0)(&[])
    }
    fn leaf(&self, data: &[u8]) -> Hash {
        let mut v = Vec::with_capacity(data.len() + 1);
        v.push(0);
        v.extend_from_slice(data);
        (self.0)(&v)
    }
    fn node(&self, left: &Hash, right: &Hash) -> Hash {
        let mut v = [0u8; 65];
        v[0] = 1;
        v[1..33].copy_from_slice(left);
        v[33..].copy_from_slice(right);
        (self.0)(&v)
    }
}

/// Largest power of two strictly below `n` (n ≥ 2).
pub fn split(n: u64) -> u64 {
    debug_assert!(n >= 2);
    1 << (n - 1).ilog2()
}

/// Something that can hash the subtree over leaves `[start, end)`.
pub trait Subtrees {
    /// Error of the source (I/O for stored trees).
    type Error;
    /// `MTH(D[start:end])`, `start < end`.
    fn subtree(&self, start: u64, end: u64) -> Result<Hash, Self::Error>;
}

/// Leaf hashes in memory.
pub struct MemTree<'a, H: TreeHasher> {
    /// The hasher.
    pub hasher: &'a H,
    /// Leaf hashes.
    pub leaves: &'a [Hash],
}

impl<H: TreeHasher> Subtrees for MemTree<'_, H> {
    type Error = std::convert::Infallible;
    fn subtree(&self, start: u64, end: u64) -> Result<Hash, Self::Error> {
        Ok(mth(
            self.hasher,
            self.leaves
                .get(start as usize..end as usize)
                .unwrap_or_default(),
        ))
    }
}

/// `MTH` over leaf hashes.
pub fn mth<H: TreeHasher>(h: &H, leaves: &[Hash]) -> Hash {
    match leaves {
        [] => h.empty(),
        [one] => *one,
        _ => {
            let k = split(leaves.len() as u64) as usize;
            let (l, r) = leaves.split_at(k);
            h.node(&mth(h, l), &mth(h, r))
        }
    }
}

/// Why a proof cannot be produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProofError<E> {
    /// Index or sizes out of range.
    #[error("out of range: {0}")]
    Range(String),
    /// The subtree source failed.
    #[error("reading the tree: {0}")]
    Source(E),
}

/// Inclusion proof (RFC 9162 §2.1.3.1) of leaf `index` in the tree of size `size`.
pub fn inclusion_proof<S: Subtrees>(
    src: &S,
    index: u64,
    size: u64,
) -> Result<Vec<Hash>, ProofError<S::Error>> {
    if index >= size {
        return Err(ProofError::Range(format!(
            "leaf {index} not in a tree of {size}"
        )));
    }
    let mut out = Vec::new();
    path(src, index, 0, size, &mut out).map_err(ProofError::Source)?;
    Ok(out)
}

fn path<S: Subtrees>(
    src: &S,
    m: u64,
    start: u64,
    end: u64,
    out: &mut Vec<Hash>,
) -> Result<(), S::Error> {
    let n = end - start;
    if n <= 1 {
        return Ok(());
    }
    let k = split(n);
    if m < k {
        path(src, m, start, start + k, out)?;
        out.push(src.subtree(start + k, end)?);
    } else {
        path(src, m - k, start + k, end, out)?;
        out.push(src.subtree(start, start + k)?);
    }
    Ok(())
}

/// Consistency proof (RFC 9162 §2.1.4.1) between sizes `old` and `new`.
pub fn consistency_proof<S: Subtrees>(
    src: &S,
    old: u64,
    new: u64,
) -> Result<Vec<Hash>, ProofError<S::Error>> {
    if old > new {
        return Err(ProofError::Range(format!(
            "old size {old} exceeds new size {new}"
        )));
    }
    let mut out = Vec::new();
    if old == 0 || old == new {
        return Ok(out);
    }
    subproof(src, old, 0, new, true, &mut out).map_err(ProofError::Source)?;
    Ok(out)
}

fn subproof<S: Subtrees>(
    src: &S,
    m: u64,
    start: u64,
    end: u64,
    complete: bool,
    out: &mut Vec<Hash>,
) -> Result<(), S::Error> {
    let n = end - start;
    if m == n {
        if !complete {
            out.push(src.subtree(start, end)?);
        }
        return Ok(());
    }
    let k = split(n);
    if m <= k {
        subproof(src, m, start, start + k, complete, out)?;
        out.push(src.subtree(start + k, end)?);
    } else {
        subproof(src, m - k, start + k, end, false, out)?;
        out.push(src.subtree(start, start + k)?);
    }
    Ok(())
}

/// Verifies an inclusion proof (RFC 9162 §2.1.3.2).
pub fn verify_inclusion<H: TreeHasher>(
    h: &H,
    leaf_hash: &Hash,
    index: u64,
    size: u64,
    proof: &[Hash],
    root: &Hash,
) -> bool {
    if index >= size {
        return false;
    }
    let (mut fnum, mut snum) = (index, size - 1);
    let mut r = *leaf_hash;
    for p in proof {
        if snum == 0 {
            return false;
        }
        if fnum & 1 == 1 || fnum == snum {
            r = h.node(p, &r);
            if fnum & 1 == 0 {
                while fnum & 1 == 0 && fnum != 0 {
                    fnum >>= 1;
                    snum >>= 1;
                }
            }
        } else {
            r = h.node(&r, p);
        }
        fnum >>= 1;
        snum >>= 1;
    }
    snum == 0 && r == *root
}

/// Verifies a consistency proof (RFC 9162 §2.1.4.2) from a tree of `old` leaves (`old ≥ 1`) to
/// one of `new`. Equal sizes need an empty proof and equal roots. As in `transparency-dev/merkle`,
/// an `old` of 0 is refused: RFC 9162 defines no proof from the empty tree, and every tree extends
/// it (a caller who accepts an empty checkpoint checks its root against [`TreeHasher::empty`]).
pub fn verify_consistency<H: TreeHasher>(
    h: &H,
    old: u64,
    new: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> bool {
    if old == 0 || old > new {
        return false;
    }
    if old == new {
        return proof.is_empty() && old_root == new_root;
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if old.is_power_of_two() {
        path.push(*old_root);
    }
    path.extend_from_slice(proof);
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    let (mut fnum, mut snum) = (old - 1, new - 1);
    while fnum & 1 == 1 {
        fnum >>= 1;
        snum >>= 1;
    }
    let (mut fr, mut sr) = (*first, *first);
    for c in rest {
        if snum == 0 {
            return false;
        }
        if fnum & 1 == 1 || fnum == snum {
            fr = h.node(c, &fr);
            sr = h.node(c, &sr);
            if fnum & 1 == 0 {
                while fnum & 1 == 0 && fnum != 0 {
                    fnum >>= 1;
                    snum >>= 1;
                }
            }
        } else {
            sr = h.node(&sr, c);
        }
        fnum >>= 1;
        snum >>= 1;
    }
    snum == 0 && fr == *old_root && sr == *new_root
}

/// A compact range (frontier): the roots of the perfect subtrees covering the leaves so far, so
/// the root of a growing tree is known at any size without keeping the leaves.
#[derive(Clone, Debug, Default)]
pub struct Frontier {
    /// (height, hash) from left to right; heights strictly decrease.
    stack: Vec<(u32, Hash)>,
    size: u64,
}

impl Frontier {
    /// An empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of leaves.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Appends a leaf hash.
    pub fn push<H: TreeHasher>(&mut self, h: &H, leaf_hash: Hash) {
        let mut cur = (0u32, leaf_hash);
        while let Some(&(height, left)) = self.stack.last() {
            if height != cur.0 {
                break;
            }
            self.stack.pop();
            cur = (height + 1, h.node(&left, &cur.1));
        }
        self.stack.push(cur);
        self.size += 1;
    }

    /// The root of the tree so far.
    pub fn root<H: TreeHasher>(&self, h: &H) -> Hash {
        let mut it = self.stack.iter().rev();
        let Some(&(_, mut acc)) = it.next() else {
            return h.empty();
        };
        for (_, left) in it {
            acc = h.node(left, &acc);
        }
        acc
    }
}

/// The Merkle root of a ledger's first records (`docs/proofs.md`), computed from the chain leaf
/// hashes of its records as they are verified, in order: what a checkpoint signs.
///
/// Every reader that compares records with a checkpoint (`checkpoint`, `prove`,
/// `verify --checkpoint`, and every reader of a directory with a checkpoint history) computes the
/// root with it, from the leaf hashes verification has already made, so the root is computed one
/// way everywhere and no record is hashed a second time for it.
///
/// ```
/// use rxledger_chain::merkle::{Blake3Tree, Frontier, RecordsRoot, TreeHasher};
/// use rxledger_chain::Digest;
///
/// let leaves = [Digest([1; 32]), Digest([2; 32]), Digest([3; 32])];
/// let mut first_two = RecordsRoot::up_to(2);
/// for (i, leaf) in leaves.iter().enumerate() {
///     first_two.push(i as u64 + 1, leaf);
/// }
/// let mut f = Frontier::new();
/// f.push(&Blake3Tree, Blake3Tree.leaf(&leaves[0].0));
/// f.push(&Blake3Tree, Blake3Tree.leaf(&leaves[1].0));
/// assert_eq!(first_two.at_limit(), Some(f.root(&Blake3Tree)));
/// assert_eq!(first_two.len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct RecordsRoot {
    frontier: Frontier,
    limit: u64,
    at_limit: Option<Hash>,
}

impl RecordsRoot {
    /// The root of the first `limit` records (of all records read, with `u64::MAX`).
    pub fn up_to(limit: u64) -> Self {
        RecordsRoot {
            frontier: Frontier::new(),
            limit,
            at_limit: (limit == 0).then(|| Blake3Tree.empty()),
        }
    }

    /// Adds record `seq`, whose chain leaf hash (`leaf(seq, batch_end, recorded_at, payload)`,
    /// [`crate::Prehashed::leaf`]) is `chain_leaf`. Records come in order from seq 1; those past
    /// the limit are left out.
    pub fn push(&mut self, seq: u64, chain_leaf: &crate::Digest) {
        if seq > self.limit {
            return;
        }
        debug_assert_eq!(seq, self.frontier.size() + 1, "records in order");
        self.frontier
            .push(&Blake3Tree, Blake3Tree.leaf(&chain_leaf.0));
        if seq == self.limit {
            self.at_limit = Some(self.frontier.root(&Blake3Tree));
        }
    }

    /// The root of the first `limit` records, once all of them were pushed.
    pub fn at_limit(&self) -> Option<Hash> {
        self.at_limit
    }

    /// The root of the records pushed so far.
    pub fn root(&self) -> Hash {
        self.frontier.root(&Blake3Tree)
    }

    /// How many records were pushed (at most the limit).
    pub fn len(&self) -> u64 {
        self.frontier.size()
    }

    /// True when no record was pushed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
