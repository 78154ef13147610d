//! What every store offers: verification over `Store::scan`, the locator, the checkpoint history
//! and the Merkle tree, the same in memory, in a ledger directory and on a simulated file system.

use std::path::Path;

use rxledger_store::history::{CheckpointHistory, HistoryEntry};
use rxledger_store::merkle_index::{MerkleIndex, MerkleTree};
use rxledger_store::{
    scan_store, verify_path, verify_store, Digest, FileStore, Locator, MemStore, SimVfs, Store,
    StoreError, VerifyError,
};

fn fill(s: &mut impl Store) {
    for b in 0..7u32 {
        let p: Vec<String> = (0..=b).map(|i| format!(r#"{{"b":{b},"i":{i}}}"#)).collect();
        let refs: Vec<&[u8]> = p.iter().map(String::as_bytes).collect();
        s.append_at(&refs, "2026-01-01T00:00:00.000000Z").unwrap();
    }
}

/// An entry whose note states its size and root (as a signed note does).
fn entry(size: u64) -> HistoryEntry {
    use base64::Engine as _;
    let root = Digest([size as u8; 32]);
    let b64 = base64::engine::general_purpose::STANDARD.encode(root.0);
    HistoryEntry {
        size,
        root,
        note: format!("o\n{size}\n{b64}\n\n— k y\n"),
    }
}

#[test]
fn file_and_memory_stores_verify_alike() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut file = FileStore::open(&dir).unwrap().with_segment_limit(200);
    let mut mem = MemStore::new();
    fill(&mut file);
    fill(&mut mem);
    let by_path = verify_path(&dir, None, |_| {}).unwrap();
    let over_file = verify_store(&file, None).unwrap();
    let over_mem = verify_store(&mem, None).unwrap();
    assert!(by_path.is_ok() && over_file.is_ok() && over_mem.is_ok());
    assert_eq!(over_file.head, by_path.head);
    assert_eq!(over_mem.head, by_path.head);
    assert_eq!(over_file.bytes, by_path.bytes);
    assert_eq!(rxledger_store::record_bytes(&dir).unwrap(), by_path.bytes);
    assert_eq!(over_mem.bytes, mem.as_bytes().len() as u64);

    let locator = file.locator().unwrap();
    assert!(locator.segments().len() > 3, "{locator:?}");
    assert_eq!(locator, Locator::for_path(&dir).unwrap());
    assert_eq!(locator.segments(), rxledger_store::segments(&dir).unwrap());
    assert_eq!(
        mem.locator().unwrap().locate(5),
        (Path::new("<memory>").into(), 5)
    );

    // A record the file store cannot parse is a verification failure, not an error.
    drop(file);
    let (_, last) = locator.segments().last().unwrap().clone();
    let mut text = std::fs::read(&last).unwrap();
    text.insert(0, b'x');
    std::fs::write(&last, &text).unwrap();
    let store = FileStore::open(&dir);
    assert!(matches!(store, Err(StoreError::Corrupt { .. })));
}

#[test]
fn merkle_trees_agree() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut file = FileStore::open(&dir).unwrap();
    let mut mem = MemStore::new();
    fill(&mut file);
    fill(&mut mem);
    let head = mem.head();
    let index = file.merkle(head).unwrap();
    assert!(matches!(index, MerkleTree::Index(_)));
    let leaves = mem.merkle(head).unwrap();
    assert!(matches!(leaves, MerkleTree::Leaves(_)));
    assert_eq!(index.size(), head.seq);
    for n in [0, 1, 5, head.seq] {
        assert_eq!(index.root(n).unwrap(), leaves.root(n).unwrap(), "{n}");
    }
    let again = MerkleIndex::update(&dir, head).unwrap();
    assert_eq!(
        again.root(head.seq).unwrap(),
        leaves.root(head.seq).unwrap()
    );
    assert!(leaves.root(head.seq + 1).is_err());
    // A store that does not hold the records up to the head is refused.
    let mut longer = head;
    longer.seq += 1;
    assert!(MerkleTree::from_store(&mem, longer).is_err());
}

/// The Merkle leaves, hashed many at a time (in the index and in memory), are those of
/// `record_leaf` one record at a time: over more than one batch of 512, in segments, and with
/// the index extended after more appends.
#[test]
fn merkle_leaves_hashed_side_by_side_are_those_of_record_leaf() {
    use rxledger_chain::merkle::{mth, Blake3Tree, RecordsRoot};
    use rxledger_store::merkle_index::record_leaf;
    use rxledger_store::{scan_path_leaves, scan_store_leaves};
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut file = FileStore::open(&dir).unwrap().with_segment_limit(40_000);
    let mut mem = MemStore::new();
    let append = |s: &mut dyn Store, from: usize, n: usize| {
        // Payloads of one to three blake3 chunks.
        let p: Vec<String> = (from..from + n)
            .map(|i| format!(r#"{{"i":{i},"pad":"{}"}}"#, "x".repeat(i * 37 % 2900)))
            .collect();
        let refs: Vec<&[u8]> = p.iter().map(String::as_bytes).collect();
        s.append_at(&refs, "2026-01-01T00:00:00.000000Z").unwrap();
    };
    let reference = |s: &MemStore, n: u64| {
        let h = rxledger_chain::Hashers::new();
        let mut leaves = Vec::new();
        s.scan(1, &mut |rec| {
            if rec.seq <= n {
                leaves.push(record_leaf(&h, &rec));
            }
            std::ops::ControlFlow::Continue(())
        })
        .unwrap();
        mth(&Blake3Tree, &leaves)
    };
    append(&mut file, 0, 700);
    append(&mut mem, 0, 700);
    let index = MerkleIndex::update(&dir, file.head()).unwrap();
    assert_eq!(index.root(700).unwrap(), reference(&mem, 700));
    for (from, n) in [(700, 1), (701, 1100)] {
        append(&mut file, from, n);
        append(&mut mem, from, n);
    }
    assert_eq!(file.head(), mem.head());
    let head = mem.head();
    let index = MerkleIndex::update(&dir, head).unwrap();
    let leaves = MerkleTree::from_store(&mem, head).unwrap();
    for n in [1, 511, 512, 513, 700, 701, 1024, 1025, head.seq] {
        let want = reference(&mem, n);
        assert_eq!(index.root(n).unwrap(), want, "index, {n} records");
        assert_eq!(leaves.root(n).unwrap(), want, "memory, {n} records");
    }
    // The leaves the readers hand on, made as verification hashes each record, give the same
    // roots: of a directory (its segments), of its export and of a store.
    let export = d.path().join("l.jsonl");
    rxledger_store::export(&dir, &export).unwrap();
    for n in [0, 1, 512, 513, 1025, head.seq] {
        let want = reference(&mem, n);
        for path in [&dir, &export] {
            let mut root = RecordsRoot::up_to(n);
            let r = scan_path_leaves(
                path,
                None,
                |_| {},
                |rec, leaf| {
                    root.push(rec.seq, leaf);
                    std::ops::ControlFlow::Continue(())
                },
            )
            .unwrap();
            assert!(r.is_ok());
            assert_eq!(
                root.at_limit(),
                Some(want),
                "{}, {n} records",
                path.display()
            );
        }
        let mut root = RecordsRoot::up_to(n);
        scan_store_leaves(&mem, None, |rec, leaf| {
            root.push(rec.seq, leaf);
            std::ops::ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!(root.at_limit(), Some(want), "store, {n} records");
    }
    let mut all = RecordsRoot::up_to(u64::MAX);
    scan_store_leaves(&mem, None, |rec, leaf| {
        all.push(rec.seq, leaf);
        std::ops::ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(
        (all.len(), all.root()),
        (head.seq, reference(&mem, head.seq))
    );
    assert_eq!(all.at_limit(), None);
}

#[test]
fn checkpoint_history_in_every_store() {
    // A ledger directory: through the store and through the history of the path, the same.
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut file = FileStore::open(&dir).unwrap();
    assert!(file.checkpoints().unwrap().is_empty());
    file.record_checkpoint(&entry(1)).unwrap();
    file.record_checkpoint(&entry(2)).unwrap();
    assert_eq!(file.checkpoints().unwrap(), vec![entry(1), entry(2)]);
    let history = CheckpointHistory::of(&dir);
    assert_eq!(history.read().unwrap(), vec![entry(1), entry(2)]);
    assert_eq!(history.last().unwrap(), Some(entry(2)));
    history.append(&entry(3)).unwrap();
    assert_eq!(file.checkpoints().unwrap().len(), 3);

    // In memory.
    let mut mem = MemStore::new();
    mem.record_checkpoint(&entry(4)).unwrap();
    assert_eq!(mem.checkpoints().unwrap(), vec![entry(4)]);

    // On a simulated file system: the history goes through the Vfs; the Merkle tree is built in
    // memory (no index is written beside a simulated ledger).
    let vfs = SimVfs::new();
    let sim_dir = Path::new("/sim/l");
    FileStore::init_with(vfs.clone(), sim_dir).unwrap();
    let mut sim = FileStore::open_with(vfs.clone(), sim_dir).unwrap();
    fill(&mut sim);
    sim.record_checkpoint(&entry(5)).unwrap();
    assert_eq!(sim.checkpoints().unwrap(), vec![entry(5)]);
    assert!(matches!(
        sim.merkle(sim.head()).unwrap(),
        MerkleTree::Leaves(_)
    ));
    assert!(verify_store(&sim, None).unwrap().is_ok());
}

#[test]
fn an_unparsable_record_of_a_store_is_a_failure_at_its_seq() {
    // A store that cannot read its first record.
    let broken = Lines {
        lines: Vec::new(),
        corrupt: Some(0),
    };
    let r = verify_store(&broken, None).unwrap();
    assert_eq!(r.failure.as_ref().map(VerifyError::seq), Some(1));
    assert_eq!(r.failure_file.as_deref(), Some(Path::new("db")));
}

/// A store serving given record lines (tampered or not), failing as unparsable at index
/// `corrupt`.
struct Lines {
    lines: Vec<Vec<u8>>,
    corrupt: Option<usize>,
}

impl Store for Lines {
    fn head(&self) -> rxledger_store::Head {
        rxledger_store::Head::default()
    }
    fn append_at(&mut self, _: &[&[u8]], _: &str) -> Result<rxledger_store::Head, StoreError> {
        Err(StoreError::Poisoned)
    }
    fn scan(
        &self,
        _: u64,
        f: &mut dyn FnMut(rxledger_store::RecordRef<'_>) -> std::ops::ControlFlow<()>,
    ) -> Result<(), StoreError> {
        // Record `corrupt` fails to read, whether or not a line is given for it.
        for i in 0.. {
            if self.corrupt == Some(i) {
                return Err(StoreError::Corrupt {
                    path: "db".into(),
                    error: VerifyError::Unparsable {
                        line: i as u64 + 1,
                        seq: i as u64 + 1,
                        reason: "bad row",
                    },
                });
            }
            let Some(line) = self.lines.get(i) else { break };
            let rec = rxledger_store::RecordRef::parse(line).unwrap();
            if f(rec).is_break() {
                break;
            }
        }
        Ok(())
    }
}

/// A store's records are verified a batch at a time (hashed side by side): over several
/// batches, what verifies, where it fails and where the caller stops are what they would be
/// record by record.
#[test]
fn a_store_verified_a_batch_at_a_time_fails_and_stops_where_it_would_one_by_one() {
    let mut w = rxledger_chain::ChainWriter::new();
    let mut out = Vec::new();
    let payloads: Vec<String> = (0..1_000usize)
        .map(|i| format!(r#"{{"i":{i},"pad":"{}"}}"#, "p".repeat(i * 613 % 2_500)))
        .collect();
    for batch in payloads.chunks(90) {
        let refs: Vec<&[u8]> = batch.iter().map(String::as_bytes).collect();
        w.encode_batch(&refs, "2026-11-24T08:00:00Z", &mut out)
            .unwrap();
    }
    let clean: Vec<Vec<u8>> = out
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(<[u8]>::to_vec)
        .collect();
    let whole = Lines {
        lines: clean.clone(),
        corrupt: None,
    };
    let r = verify_store(&whole, None).unwrap();
    assert!(r.is_ok(), "{:?}", r.failure);
    assert_eq!(r.head, w.head());
    assert_eq!(r.bytes, out.len() as u64);

    // A payload byte changed in record 600 (the third batch): the records before it verify.
    for seq in [1usize, 256, 257, 600, 1_000] {
        let mut lines = clean.clone();
        let line = &mut lines[seq - 1];
        let at = line.len() - 3;
        line[at] ^= 1;
        let r = verify_store(
            &Lines {
                lines,
                corrupt: None,
            },
            None,
        )
        .unwrap();
        assert_eq!(r.failure.as_ref().map(VerifyError::seq), Some(seq as u64));
        assert_eq!(r.head.seq, seq as u64 - 1);
    }

    // The store fails to read record 700: what came before is verified and delivered first.
    let mut seen = 0u64;
    let r = scan_store(
        &Lines {
            lines: clean.clone(),
            corrupt: Some(699),
        },
        None,
        |_| {
            seen += 1;
            std::ops::ControlFlow::Continue(())
        },
    )
    .unwrap();
    assert_eq!(seen, 699);
    assert_eq!(r.head.seq, 699);
    assert_eq!(r.failure.as_ref().map(VerifyError::seq), Some(700));
    assert_eq!(r.failure_file.as_deref(), Some(Path::new("db")));

    // ... unless an earlier record of the same batch fails verification.
    let mut lines = clean.clone();
    let at = lines[649].len() - 3;
    lines[649][at] ^= 1;
    let r = verify_store(
        &Lines {
            lines,
            corrupt: Some(699),
        },
        None,
    )
    .unwrap();
    assert_eq!(r.failure.as_ref().map(VerifyError::seq), Some(650));
    assert_eq!(r.failure_file, None);

    // The caller stops at record 300, in the middle of a batch: nothing after it is delivered,
    // nothing fails.
    let mut seen = Vec::new();
    let r = scan_store(&whole, None, |rec| {
        seen.push(rec.seq);
        if rec.seq == 300 {
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    })
    .unwrap();
    assert_eq!(seen, (1..=300).collect::<Vec<u64>>());
    assert!(r.failure.is_none());
    assert_eq!(r.head.seq, 300);
}
