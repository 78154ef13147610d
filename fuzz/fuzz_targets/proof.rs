//! Merkle proof verification never panics on any sizes, index or hashes; proofs of a real tree
//! verify, and the same proof with a hash, the index or a size changed by the input does not.
//! Proof files (JSON) never panic the reader.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rxledger_chain::merkle::{
    consistency_proof, inclusion_proof, mth, verify_consistency, verify_inclusion, Blake3Tree,
    Hash, MemTree, TreeHasher,
};

fn u64_at(data: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    for (i, x) in b.iter_mut().enumerate() {
        *x = data.get(at + i).copied().unwrap_or(0);
    }
    u64::from_le_bytes(b)
}

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(p) = rxledger_checkpoint::ProofFile::from_json(s) {
            let _ = p.hashes();
        }
    }
    let h = Blake3Tree;
    // Arbitrary sizes, index and proof hashes: no panic, no hang (work is bounded by the proof).
    let (a, b) = (u64_at(data, 0), u64_at(data, 8));
    let hashes: Vec<Hash> = data
        .get(16..)
        .unwrap_or_default()
        .chunks_exact(32)
        .take(70)
        .map(|c| c.try_into().unwrap())
        .collect();
    let root = hashes.first().copied().unwrap_or_default();
    let _ = verify_inclusion(&h, &root, a, b, &hashes, &root);
    let _ = verify_consistency(&h, a, b, &root, &root, &hashes);

    // A real tree of up to 300 leaves.
    let n = 1 + a % 300;
    let leaves: Vec<Hash> = (0..n).map(|k| h.leaf(&k.to_le_bytes())).collect();
    let t = MemTree {
        hasher: &h,
        leaves: &leaves,
    };
    let idx = b % n;
    let r = mth(&h, &leaves);
    let p = inclusion_proof(&t, idx, n).expect("index within the tree");
    assert!(verify_inclusion(&h, &leaves[idx as usize], idx, n, &p, &r));
    let pick = data.get(16).copied().unwrap_or(0) as usize;
    let bit = data.get(17).copied().unwrap_or(0);
    if !p.is_empty() {
        let mut q = p.clone();
        q[pick % p.len()][usize::from(bit) % 32] ^= 1 << (bit % 8);
        assert!(!verify_inclusion(&h, &leaves[idx as usize], idx, n, &q, &r));
    }
    if n > 1 {
        let other = (idx + 1 + u64::from(bit) % (n - 1)) % n;
        assert!(!verify_inclusion(
            &h,
            &leaves[idx as usize],
            other,
            n,
            &p,
            &r
        ));
    }
    let old = 1 + u64_at(data, 18) % n;
    let r_old = mth(&h, &leaves[..old as usize]);
    let c = consistency_proof(&t, old, n).expect("old within the tree");
    assert!(verify_consistency(&h, old, n, &r_old, &r, &c));
    if !c.is_empty() {
        let mut q = c.clone();
        q[pick % c.len()][usize::from(bit) % 32] ^= 1 << (bit % 8);
        assert!(!verify_consistency(&h, old, n, &r_old, &r, &q));
    }
    if old < n {
        assert!(!verify_consistency(&h, old + 1, n, &r_old, &r, &c));
    }
});
