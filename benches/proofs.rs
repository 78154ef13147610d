//! Proof generation from the persistent Merkle index of a 10,000,000-record ledger.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use rxledger::chain::merkle::{
    consistency_proof, inclusion_proof, verify_inclusion, Blake3Tree, TreeHasher,
};
use rxledger::store::merkle_index::MerkleIndex;

const N: u64 = 10_000_000;

fn bench(c: &mut Criterion) {
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-tmp");
    std::fs::create_dir_all(&base).unwrap();
    let tmp = tempfile::tempdir_in(base).unwrap();
    // Leaf hashes of 10M records (the index stores one 32-byte Merkle leaf per record).
    let index = MerkleIndex::from_leaves(
        tmp.path(),
        (0..N).map(|i| Blake3Tree.leaf(&i.to_le_bytes())),
    )
    .unwrap();
    let root = index.root(N).unwrap();
    let mut g = c.benchmark_group("proofs_10m");
    g.sample_size(50);
    let mut k = 0u64;
    g.bench_function("inclusion", |b| {
        b.iter(|| {
            k = (k + 7_919_993) % N;
            inclusion_proof(&index, k, N).unwrap()
        });
    });
    let p = inclusion_proof(&index, 4_242_424, N).unwrap();
    assert!(verify_inclusion(
        &Blake3Tree,
        &Blake3Tree.leaf(&4_242_424u64.to_le_bytes()),
        4_242_424,
        N,
        &p,
        &root
    ));
    g.bench_function("consistency", |b| {
        b.iter(|| {
            k = (k + 7_919_993) % N;
            consistency_proof(&index, k.max(1), N).unwrap()
        });
    });
    g.bench_function("verify_inclusion", |b| {
        let leaf = Blake3Tree.leaf(&4_242_424u64.to_le_bytes());
        b.iter(|| verify_inclusion(&Blake3Tree, &leaf, 4_242_424, N, &p, &root));
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default();
    targets = bench
}
criterion_main!(benches);
