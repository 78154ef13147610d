//! Batches prepared ahead ([`PreparedBatch`]): appended by the file store with the leaf hashes
//! and id keys computed when they were made, they give byte for byte the ledger that plain
//! appends give; made for another first record, they are hashed again; their ids are checked
//! like any other batch's.

use rxledger_chain::{ChainWriter, EncodeError, HashedBatch};
use rxledger_store::{FileStore, MemStore, PreparedBatch, Store, StoreError};

const TS: &str = "2026-11-26T08:00:00.000000Z";

fn event(n: u64) -> Vec<u8> {
    // Lengths from a few bytes to several blake3 chunks: every leaf path of the side-by-side
    // hashing.
    let pad = "x".repeat(usize::try_from(n * 97 % 3000).unwrap());
    format!(r#"{{"v":1,"id":"id-{n:08}","kind":"demo","data":"{pad}"}}"#).into_bytes()
}

/// The events `from..to`, one after the other, and where each ends.
fn buffers(from: u64, to: u64) -> (Vec<u8>, Vec<usize>) {
    let (mut bytes, mut ends) = (Vec::new(), Vec::new());
    for n in from..to {
        bytes.extend_from_slice(&event(n));
        ends.push(bytes.len());
    }
    (bytes, ends)
}

fn prepared(first_seq: u64, from: u64, to: u64) -> PreparedBatch {
    let (mut bytes, mut ends) = buffers(from, to);
    PreparedBatch::new(first_seq, TS, &mut bytes, &mut ends).unwrap()
}

fn ledger_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    names.sort();
    names
        .iter()
        .flat_map(|p| std::fs::read(p).unwrap())
        .collect()
}

#[test]
fn prepared_batches_make_the_ledger_plain_appends_make() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    FileStore::init(&a).unwrap();
    FileStore::init(&b).unwrap();
    let mut plain = FileStore::open(&a).unwrap();
    let mut ahead = FileStore::open(&b).unwrap();
    let mut mem = MemStore::new();
    // Batches of 1, 7 and 600 events; the third is made for the wrong first record (as after a
    // batch that lost events already stored) and must be hashed again.
    let cuts = [(1, 2, 1), (2, 9, 2), (9, 609, 5)];
    for (from, to, first_seq) in cuts {
        let (bytes, ends) = buffers(from, to);
        let mut start = 0;
        let payloads: Vec<&[u8]> = ends
            .iter()
            .map(|&e| {
                let p = &bytes[start..e];
                start = e;
                p
            })
            .collect();
        let h1 = plain.append_at(&payloads, TS).unwrap();
        let batch = prepared(first_seq, from, to);
        let h2 = ahead.append_prepared(&batch).unwrap();
        let h3 = mem.append_prepared(&batch).unwrap();
        assert_eq!(h1, h2);
        assert_eq!(h1, h3);
    }
    drop((plain, ahead));
    assert_eq!(ledger_bytes(&a), ledger_bytes(&b));
    let report = rxledger_store::verify_path(&b, None, |_| {}).unwrap();
    assert!(report.is_ok());
    assert_eq!(report.head.seq, 608);
    // The id index knows the prepared events: a second copy is refused.
    let mut ahead = FileStore::open(&b).unwrap();
    let err = ahead.append_prepared(&prepared(609, 5, 6)).unwrap_err();
    assert!(
        matches!(
            &err,
            StoreError::DuplicateId {
                index: 0,
                seq: 5,
                identical: true,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(ahead.head().seq, 608);
}

#[test]
fn a_prepared_batch_repeating_an_id_is_refused_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut store = FileStore::open(&dir).unwrap();
    let (mut bytes, mut ends) = buffers(1, 4);
    bytes.extend_from_slice(&event(2));
    ends.push(bytes.len());
    let batch = PreparedBatch::new(1, TS, &mut bytes, &mut ends).unwrap();
    assert_eq!(batch.len(), 4);
    assert!(batch.keys().iter().all(Option::is_some));
    let err = store.append_prepared(&batch).unwrap_err();
    assert!(
        matches!(
            &err,
            StoreError::DuplicateId {
                index: 3,
                in_batch: true,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(store.head().seq, 0);
}

#[test]
fn a_batch_that_cannot_be_made_leaves_its_buffers_as_they_were() {
    let (mut bytes, mut ends) = buffers(1, 3);
    let kept = (bytes.clone(), ends.clone());
    // Ends past the bytes, decreasing ends, an empty payload, a bad timestamp, no payload.
    let cases: Vec<(Vec<usize>, &str)> = vec![
        (vec![ends[0], bytes.len() + 1], TS),
        (vec![ends[1], ends[0]], TS),
        (vec![ends[0], ends[0], ends[1]], TS),
        (ends.clone(), "not a time"),
        (Vec::new(), TS),
    ];
    for (mut e, ts) in cases {
        let before = e.clone();
        assert!(HashedBatch::new(1, ts, &mut bytes, &mut e).is_err());
        assert!(PreparedBatch::new(1, ts, &mut bytes, &mut e).is_err());
        assert_eq!(e, before);
        assert_eq!(bytes, kept.0);
    }
    let err = HashedBatch::new(1, TS, &mut bytes, &mut Vec::new()).unwrap_err();
    assert!(matches!(err, EncodeError::EmptyBatch));
    // A payload with a line break.
    let mut nl = b"{\"a\":\n1}".to_vec();
    let mut nl_end = vec![nl.len()];
    let err = HashedBatch::new(1, TS, &mut nl, &mut nl_end).unwrap_err();
    assert!(matches!(err, EncodeError::BadPayload { index: 0 }));
    // Made, it takes both buffers and gives them back.
    let batch = HashedBatch::new(1, TS, &mut bytes, &mut ends).unwrap();
    assert!(bytes.is_empty() && ends.is_empty());
    assert_eq!(batch.into_buffers(), kept);
}

#[test]
fn a_hashed_batch_encodes_as_encode_batch_wherever_the_writer_is() {
    let payloads: Vec<Vec<u8>> = (1..40).map(event).collect();
    let refs: Vec<&[u8]> = payloads.iter().map(Vec::as_slice).collect();
    for head_seq in [0u64, 1, 5] {
        let mut w = ChainWriter::new();
        let mut scratch = Vec::new();
        if head_seq > 0 {
            let first: Vec<Vec<u8>> = (1000..1000 + head_seq).map(event).collect();
            w.encode_batch(&first, TS, &mut scratch).unwrap();
        }
        let mut plain = w.clone();
        let (mut bytes, mut ends) = buffers(1, 40);
        // Made for the writer's next record (used as made), and for a record it is not at
        // (hashed again).
        for first_seq in [head_seq + 1, head_seq + 3] {
            let batch = HashedBatch::new(first_seq, TS, &mut bytes, &mut ends).unwrap();
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let mut ahead = w.clone();
            let h1 = ahead.encode_hashed(&batch, &mut a);
            let h2 = plain.clone().encode_batch(&refs, TS, &mut b).unwrap();
            assert_eq!(h1, h2, "head {head_seq}, made for {first_seq}");
            assert_eq!(a, b, "head {head_seq}, made for {first_seq}");
            (bytes, ends) = batch.into_buffers();
        }
        plain.encode_batch(&refs, TS, &mut scratch).unwrap();
    }
}
