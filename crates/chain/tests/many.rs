//! `ManyHasher` (blake3 across many messages at once) gives exactly the digests of
//! `blake3::Hasher` in derive-key mode, for every length and mix.

use proptest::prelude::*;
use rxledger_chain::{Digest, ManyHasher, LEAF_CONTEXT};

fn reference(bytes: &[u8]) -> Digest {
    let mut h = blake3::Hasher::new_derive_key(LEAF_CONTEXT);
    h.update(bytes);
    Digest(*h.finalize().as_bytes())
}

fn message(len: usize, seed: u64) -> Vec<u8> {
    // xorshift: every byte differs, so a block read from the wrong place changes the digest.
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn every_length_up_to_four_chunks_and_past_the_limit() {
    let mut many = ManyHasher::new(LEAF_CONTEXT);
    // 0 to 4 chunks and a block, every length, one batch: every group of the plan is used,
    // many of them with one message, several with more than 16 (two kernel calls).
    let mut lens: Vec<usize> = (0..=4 * 1024 + 64).collect();
    // Around the limit of 16 chunks (hashed one by one beyond it) and beyond.
    lens.extend([
        15 * 1024 + 1,
        16 * 1024 - 1,
        16 * 1024,
        16 * 1024 + 1,
        40_000,
    ]);
    let msgs: Vec<Vec<u8>> = lens.iter().map(|&n| message(n, n as u64)).collect();
    for m in &msgs {
        many.push(&[m]);
    }
    assert_eq!(many.len(), msgs.len());
    let mut out = Vec::new();
    many.finish(&mut out);
    assert!(many.is_empty());
    assert_eq!(out.len(), msgs.len());
    for (m, d) in msgs.iter().zip(&out) {
        assert_eq!(*d, reference(m), "length {}", m.len());
    }
}

#[test]
fn one_block_is_the_digest_of_64_bytes() {
    let many = ManyHasher::new(LEAF_CONTEXT);
    let m = message(64, 7);
    let block: &[u8; 64] = m.as_slice().try_into().unwrap();
    assert_eq!(many.one_block(block), reference(&m));
}

#[test]
fn links_side_by_side_are_links_one_by_one() {
    let h = rxledger_chain::Hashers::new();
    let digests: Vec<Digest> = (0..40u64)
        .map(|i| Digest(message(32, i + 1).try_into().unwrap()))
        .collect();
    // 39 links: two full groups of 16 and a short one.
    let pairs: Vec<(&Digest, &Digest)> = digests.iter().zip(&digests[1..]).collect();
    let mut out = vec![Digest::ZERO];
    h.links(pairs.iter().copied(), &mut out);
    assert_eq!(out.len(), 40, "appended after what was there");
    for ((prev, leaf), d) in pairs.iter().zip(&out[1..]) {
        let mut r = blake3::Hasher::new_derive_key(rxledger_chain::LINK_CONTEXT);
        r.update(&prev.0);
        r.update(&leaf.0);
        assert_eq!(d.0, *r.finalize().as_bytes());
        assert_eq!(*d, h.link(prev, leaf));
    }
}

#[test]
fn parts_are_concatenated_and_batches_reuse_the_buffers() {
    let mut many = ManyHasher::new(LEAF_CONTEXT);
    let mut out = Vec::new();
    for round in 0..3u64 {
        let a = message(100 + round as usize, round);
        let b = message(2000, round + 10);
        many.push(&[&a, &b]);
        many.extend(&b);
        many.extend(&[]);
        many.end();
        many.end(); // an empty message
        many.finish(&mut out);
        assert_eq!(
            out[0],
            reference(&[a.as_slice(), &b].concat()),
            "round {round}"
        );
        assert_eq!(out[1], reference(&b));
        assert_eq!(out[2], reference(&[]));
        assert_eq!(out.len(), 3);
    }
    many.finish(&mut out);
    assert!(out.is_empty());
    // A message extended but not ended is ended by `finish`.
    many.extend(b"abc");
    many.finish(&mut out);
    assert_eq!(out, vec![reference(b"abc")]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random batches of record-like lengths (mostly one or two chunks), in random order.
    #[test]
    fn random_batches_match_the_public_api(
        lens in prop::collection::vec(prop_oneof![0usize..1100, 1000usize..2200, 0usize..9000], 0..120),
        seed in any::<u64>(),
    ) {
        let mut many = ManyHasher::new(LEAF_CONTEXT);
        let msgs: Vec<Vec<u8>> = lens.iter().enumerate().map(|(i, &n)| message(n, seed ^ i as u64)).collect();
        for m in &msgs {
            many.push(&[m]);
        }
        let mut out = Vec::new();
        many.finish(&mut out);
        prop_assert_eq!(out.len(), msgs.len());
        for (m, d) in msgs.iter().zip(&out) {
            prop_assert_eq!(*d, reference(m));
        }
    }
}

/// The Merkle tree's hashes (one compression each, keys derived once) are blake3's `derive_key`.
#[test]
fn tree_hashes_are_derive_key() {
    use rxledger_chain::merkle::{
        Blake3Tree, TreeHasher, MERKLE_LEAF_CONTEXT, MERKLE_NODE_CONTEXT,
    };
    for len in [0, 1, 31, 32, 33, 63, 64, 65, 200, 1500] {
        let m = message(len, len as u64 + 3);
        assert_eq!(
            Blake3Tree.leaf(&m),
            blake3::derive_key(MERKLE_LEAF_CONTEXT, &m),
            "leaf of {len} bytes"
        );
    }
    let (l, r): ([u8; 32], [u8; 32]) = (
        message(32, 1).try_into().unwrap(),
        message(32, 2).try_into().unwrap(),
    );
    assert_eq!(
        Blake3Tree.node(&l, &r),
        blake3::derive_key(MERKLE_NODE_CONTEXT, &[l, r].concat())
    );
    assert_eq!(
        Blake3Tree.empty(),
        blake3::derive_key(MERKLE_NODE_CONTEXT, &[])
    );
}

/// A batch large enough to be leaf-hashed on several threads (`PARALLEL_MIN_BATCH`) frames the
/// records one at a time would: the verifier, which hashes each line on its own, agrees, and
/// so does the same batch written in two halves' worth of leaves by `chain_batch`.
#[test]
fn a_batch_hashed_on_several_threads_verifies_record_by_record() {
    use rxledger_chain::{ChainWriter, Verifier, PARALLEL_MIN_BATCH};
    let n = PARALLEL_MIN_BATCH + 1_000;
    let payloads: Vec<Vec<u8>> = (0..n)
        .map(|i| format!(r#"{{"i":{i},"pad":"{}"}}"#, "q".repeat(i % 1_500)).into_bytes())
        .collect();
    let mut w = ChainWriter::new();
    let mut out = Vec::new();
    let head = w
        .encode_batch(&payloads, "2026-11-24T08:00:00Z", &mut out)
        .unwrap();
    let mut v = Verifier::new();
    for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        v.push_line(line).unwrap();
    }
    assert_eq!(v.finish().unwrap(), head);
    let mut peer = ChainWriter::new();
    let links = peer.chain_batch(&payloads, "2026-11-24T08:00:00Z");
    assert_eq!(links.last().map(|(_, h)| *h), Some(head));
}
