//! Known-answer vectors: they pin the record encoding and the hash construction. A change here
//! is a format change (bump `ENVELOPE_VERSION` and keep a reader for the old version).

use rxledger_chain::{ChainWriter, Digest, Hashers, Head, Verifier, LEAF_CONTEXT, LINK_CONTEXT};

const TS: &str = "2026-11-24T08:00:00.000000Z";

/// The leaf input, built independently of the crate: `seq` LE ‖ `batch_end` LE ‖ len(ts) ‖ ts ‖ payload.
fn leaf_input(seq: u64, batch_end: u64, ts: &str, payload: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&seq.to_le_bytes());
    v.extend_from_slice(&batch_end.to_le_bytes());
    v.push(u8::try_from(ts.len()).unwrap());
    v.extend_from_slice(ts.as_bytes());
    v.extend_from_slice(payload);
    v
}

#[test]
fn leaf_and_link_match_blake3_derive_key_mode() {
    let h = Hashers::new();
    let payload = br#"{"kind":"demo"}"#;
    let leaf = h.leaf(1, 1, TS.as_bytes(), payload);
    assert_eq!(
        leaf.0,
        blake3::derive_key(LEAF_CONTEXT, &leaf_input(1, 1, TS, payload))
    );
    let mut link_in = [0u8; 64];
    link_in[32..].copy_from_slice(&leaf.0);
    let link = h.link(&Digest::ZERO, &leaf);
    assert_eq!(link.0, blake3::derive_key(LINK_CONTEXT, &link_in));
    // Leaf and link contexts differ, so the same bytes never hash alike.
    assert_ne!(
        blake3::derive_key(LEAF_CONTEXT, b"x"),
        blake3::derive_key(LINK_CONTEXT, b"x")
    );
}

#[test]
fn frozen_vectors() {
    let mut w = ChainWriter::new();
    let mut out = Vec::new();
    w.encode_batch(
        &[br#"{"a":1}"#.as_slice(), br#"{"b":"\u836f"}"#.as_slice()],
        TS,
        &mut out,
    )
    .unwrap();
    w.encode_batch(&[b"[]".as_slice()], "2026-11-24T09:30:00.123456Z", &mut out)
        .unwrap();
    let expected = include_str!("fixtures/kat-v1.jsonl");
    assert_eq!(String::from_utf8(out.clone()).unwrap(), expected);
    let mut v = Verifier::new();
    for line in expected.lines() {
        v.push_line(line.as_bytes()).unwrap();
    }
    let head = v.finish().unwrap();
    assert_eq!(
        head,
        Head {
            seq: 3,
            hash: Digest::from_hex(KAT_HEAD).unwrap()
        }
    );
}

const KAT_HEAD: &str = "15ddb7abe519f8f90f1c2f78db0c0306f344c96709444b48d34c6eb6717dbc5e";

#[test]
#[ignore = "prints the vectors; run with --ignored only when deliberately changing the format"]
fn print_vectors() {
    let mut w = ChainWriter::new();
    let mut out = Vec::new();
    w.encode_batch(
        &[br#"{"a":1}"#.as_slice(), br#"{"b":"\u836f"}"#.as_slice()],
        TS,
        &mut out,
    )
    .unwrap();
    w.encode_batch(&[b"[]".as_slice()], "2026-11-24T09:30:00.123456Z", &mut out)
        .unwrap();
    print!("{}", String::from_utf8(out).unwrap());
    println!("{}", w.head().hash);
}
