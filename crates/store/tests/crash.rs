//! Crash consistency: a simulated disk crashes at every write / sync / create boundary of a
//! workload; after a reboot (keeping a random prefix of unsynced bytes) the reopened ledger must
//! be a verified prefix that holds every acknowledged batch, and must accept new appends.

use std::path::Path;

use rxledger_store::{
    parse_segment_name, FileStore, Head, SimVfs, Store, StoreError, Verifier, Vfs,
};

const DIR: &str = "/ledger";
const TS: &str = "2026-11-24T08:00:00.000000Z";

/// Runs the workload; records the head after every acknowledged batch.
fn workload(vfs: &SimVfs, acked: &mut Vec<Head>, init_acked: &mut bool) -> Result<(), StoreError> {
    let dir = Path::new(DIR);
    FileStore::init_with(vfs.clone(), dir)?;
    *init_acked = true;
    let mut n = 0u32;
    for round in 0..2 {
        let mut s = FileStore::open_with(vfs.clone(), dir)?.with_segment_limit(700);
        for b in 0..5 {
            let size = 1 + (b + round) % 3;
            let payloads: Vec<String> = (0..size)
                .map(|_| {
                    n += 1;
                    format!(r#"{{"event":{n},"药品":"阿莫西林胶囊"}}"#)
                })
                .collect();
            let refs: Vec<&[u8]> = payloads.iter().map(String::as_bytes).collect();
            let head = s.append_at(&refs, TS)?;
            acked.push(head);
        }
    }
    Ok(())
}

/// Verifies all segments on `vfs`; returns every record's head in order.
fn verified_heads(vfs: &SimVfs) -> Vec<Head> {
    let dir = Path::new(DIR);
    let mut segs: Vec<(u64, String)> = vfs
        .list_dir(dir)
        .unwrap()
        .into_iter()
        .filter_map(|n| parse_segment_name(&n).map(|s| (s, n)))
        .collect();
    segs.sort();
    let mut v = Verifier::new();
    let mut heads = Vec::new();
    for (first, name) in segs {
        assert_eq!(
            first,
            v.head().seq + 1,
            "segment {name} does not continue the chain"
        );
        let bytes = vfs.read(&dir.join(&name)).unwrap();
        assert!(
            bytes.is_empty() || bytes.ends_with(b"\n"),
            "torn line left in {name}"
        );
        for line in bytes.split(|&c| c == b'\n').filter(|l| !l.is_empty()) {
            v.push_line(line).unwrap_or_else(|e| panic!("{name}: {e}"));
            heads.push(v.head());
        }
    }
    v.finish()
        .expect("ledger ends inside a batch after reopening");
    heads
}

#[test]
fn every_crash_point_leaves_a_verified_prefix_with_all_acknowledged_batches() {
    let clean = SimVfs::new();
    let (mut acked, mut init) = (Vec::new(), false);
    workload(&clean, &mut acked, &mut init).unwrap();
    let total = clean.ops();
    assert!(total > 20, "workload too small: {total} steps");
    assert_eq!(verified_heads(&clean).last(), acked.last());
    let segments = clean
        .list_dir(Path::new(DIR))
        .unwrap()
        .iter()
        .filter(|n| parse_segment_name(n).is_some())
        .count();
    assert!(
        segments >= 3,
        "workload should span several segments, got {segments}"
    );

    let mut cut_seen = 0;
    for k in 1..=total {
        let vfs = SimVfs::new();
        vfs.crash_at(k);
        let (mut acked, mut init_acked) = (Vec::new(), false);
        let res = workload(&vfs, &mut acked, &mut init_acked);
        assert!(
            res.is_err(),
            "crash point {k} did not interrupt the workload"
        );
        assert!(vfs.crashed());
        for seed in 0..6 {
            let disk = vfs.reboot(seed);
            let opened = FileStore::open_with(disk.clone(), Path::new(DIR));
            let mut store = match opened {
                Ok(s) => s,
                Err(e) => {
                    assert!(
                        !init_acked,
                        "step {k} seed {seed}: acknowledged ledger fails to open: {e}"
                    );
                    continue;
                }
            };
            if store.open_report().cut_bytes > 0 {
                cut_seen += 1;
            }
            let head = store.head();
            let last_acked = acked.last().copied().unwrap_or_default();
            assert!(
                head.seq >= last_acked.seq,
                "step {k} seed {seed}: lost acknowledged batch"
            );
            // A new append works and the whole ledger verifies.
            let new_head = store
                .append_at(&[br#"{"after":"crash"}"#.as_slice()], TS)
                .unwrap();
            assert_eq!(new_head.seq, head.seq + 1);
            drop(store);
            let heads = verified_heads(&disk);
            assert_eq!(heads.last(), Some(&new_head));
            for a in &acked {
                assert_eq!(
                    heads.get(a.seq as usize - 1),
                    Some(a),
                    "step {k} seed {seed}: acknowledged record {} differs",
                    a.seq
                );
            }
        }
    }
    assert!(cut_seen > 0, "no crash point produced a torn tail to cut");
}
