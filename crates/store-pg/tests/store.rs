//! The PostgreSQL store behaves as the file store: same records, same verification, ids once.

mod common;

use std::ops::ControlFlow;

use common::{events, pg, refs};
use rxledger_store::history::HistoryEntry;
use rxledger_store::{canonical_line, verify_store, FileStore, Store, StoreError};
use rxledger_store_pg::PgStore;

fn lines(store: &dyn Store) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    store
        .scan(1, &mut |rec| {
            out.push(canonical_line(&rec));
            ControlFlow::Continue(())
        })
        .expect("scan");
    out
}

#[test]
fn records_are_the_file_stores_records() {
    let Some(pg) = pg("records_are_the_file_stores_records") else {
        return;
    };
    let loc = pg.new_ledger("same");
    let mut db = PgStore::open(&loc).unwrap();
    let dir = tempfile::tempdir().unwrap();
    FileStore::init(dir.path().join("l")).unwrap();
    let mut file = FileStore::open(dir.path().join("l")).unwrap();
    let ev = events("same", 0..2500);
    let mut no_id = vec![br#"{"kind":"no id"}"#.to_vec(), b"[1,2,3]".to_vec()];
    no_id.push(b"\"\\u00e9\xc3\xa9\"".to_vec());
    for (i, chunk) in ev.chunks(1000).enumerate() {
        let ts = format!("2026-12-0{}T08:00:00.000000Z", i + 1);
        assert_eq!(
            db.append_at(&refs(chunk), &ts).unwrap(),
            file.append_at(&refs(chunk), &ts).unwrap()
        );
    }
    let ts = "2026-12-09T08:00:00.000000Z";
    assert_eq!(
        db.append_at(&refs(&no_id), ts).unwrap(),
        file.append_at(&refs(&no_id), ts).unwrap()
    );
    assert_eq!(db.head().seq, 2503);
    let (a, b) = (lines(&db), lines(&file));
    assert_eq!(a.len(), 2503);
    assert!(a == b, "PostgreSQL and file store records differ");
    // A reader opened later sees the same, and the verifier accepts it.
    let reader = PgStore::open_reader(&loc).unwrap();
    assert_eq!(reader.head(), file.head());
    let report = verify_store(&reader, None).unwrap();
    assert!(report.is_ok(), "{:?}", report.failure);
    assert_eq!(report.head, file.head());
    // Scans from the middle, and stop when told.
    let mut seen = Vec::new();
    reader
        .scan(2500, &mut |rec| {
            seen.push(rec.seq);
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(seen, vec![2500, 2501, 2502, 2503]);
    let mut first = 0;
    reader
        .scan(7, &mut |rec| {
            first = rec.seq;
            ControlFlow::Break(())
        })
        .unwrap();
    assert_eq!(first, 7);
}

#[test]
fn retries_are_exactly_once() {
    let Some(pg) = pg("retries_are_exactly_once") else {
        return;
    };
    let loc = pg.new_ledger("dup");
    let mut db = PgStore::open(&loc).unwrap();
    let ev = events("dup", 0..10);
    db.append(&refs(&ev)).unwrap();
    // The same batch again: refused as already stored, identical; nothing appended.
    match db.append(&refs(&ev)) {
        Err(StoreError::DuplicateId {
            index: 0,
            seq: 1,
            in_batch: false,
            identical: true,
            ..
        }) => {}
        other => panic!("expected a duplicate id, got {other:?}"),
    }
    // Same id, other content.
    let changed = br#"{"v":1,"id":"dup-3","kind":"demo","n":99}"#;
    match db.append(&[changed.as_slice()]) {
        Err(StoreError::DuplicateId {
            seq: 4,
            identical: false,
            ..
        }) => {}
        other => panic!("expected a differing duplicate, got {other:?}"),
    }
    // Twice in one batch.
    let twice = events("twice", 0..1);
    match db.append(&[twice[0].as_slice(), twice[0].as_slice()]) {
        Err(StoreError::DuplicateId {
            index: 1,
            seq: 11,
            in_batch: true,
            ..
        }) => {}
        other => panic!("expected an in-batch duplicate, got {other:?}"),
    }
    assert_eq!(db.head().seq, 10);
    // The writer is still usable, and a reopened one finds the ids.
    db.append(&refs(&events("dup", 10..12))).unwrap();
    drop(db);
    let mut db = PgStore::open(&loc).unwrap();
    assert_eq!(db.head().seq, 12);
    assert!(db.keeps_id_index());
    let keys: Vec<_> = events("dup", 11..13)
        .iter()
        .map(|p| rxledger_store::ids::IdKey::of(p).unwrap())
        .collect();
    let found = db.find_ids(&keys).unwrap();
    assert_eq!(found[0].map(|s| s.seq), Some(12));
    assert!(found[0].unwrap().same_payload(&keys[0]));
    assert_eq!(found[1], None);
    assert!(verify_store(&db, None).unwrap().is_ok());
}

#[test]
fn ledgers_are_separate_chains_and_writers_run_in_parallel() {
    let Some(pg) = pg("ledgers_are_separate_chains") else {
        return;
    };
    let locs: Vec<_> = (0..3).map(|_| pg.new_ledger("par")).collect();
    std::thread::scope(|s| {
        for loc in &locs {
            s.spawn(move || {
                let mut db = PgStore::open(loc).unwrap();
                for b in 0..5 {
                    // The same ids in every ledger: ids are unique per ledger only.
                    db.append(&refs(&events("par", b * 100..(b + 1) * 100)))
                        .unwrap();
                }
            });
        }
    });
    for loc in &locs {
        let db = PgStore::open_reader(loc).unwrap();
        assert_eq!(db.head().seq, 500);
        assert!(verify_store(&db, None).unwrap().is_ok());
    }
    assert_ne!(
        PgStore::open_reader(&locs[0]).unwrap().head(),
        PgStore::open_reader(&locs[1]).unwrap().head(),
        "recorded_at differs, so heads differ"
    );
}

#[test]
fn a_second_writer_is_refused() {
    let Some(pg) = pg("a_second_writer_is_refused") else {
        return;
    };
    let loc = pg.new_ledger("two");
    let mut first = PgStore::open(&loc).unwrap();
    first.append(&refs(&events("two", 0..3))).unwrap();
    let err = PgStore::open(&loc).err().expect("second writer refused");
    assert!(
        err.to_string().contains("in use by another writer"),
        "{err}"
    );
    // Readers are not writers.
    assert_eq!(PgStore::open_reader(&loc).unwrap().head().seq, 3);
    // Once the first has gone, a writer may open.
    drop(first);
    let mut second = PgStore::open(&loc).unwrap();
    assert_eq!(second.append(&refs(&events("two", 3..4))).unwrap().seq, 4);
}

#[test]
fn readers_cannot_append_and_names_are_checked() {
    let Some(pg) = pg("readers_cannot_append") else {
        return;
    };
    let loc = pg.new_ledger("ro");
    let mut reader = PgStore::open_reader(&loc).unwrap();
    let err = reader.append(&refs(&events("ro", 0..1))).unwrap_err();
    assert!(err.to_string().contains("reading only"), "{err}");
    let err = PgStore::create(&loc).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    let missing = rxledger_store_pg::PgLocation::new(pg.app.clone(), "no-such-ledger-x");
    let err = PgStore::open(&missing).err().expect("missing ledger");
    assert!(err.to_string().contains("rxledger init"), "{err}");
    let bad = rxledger_store_pg::PgLocation::new(pg.app.clone(), "bad name; drop");
    assert!(PgStore::create(&bad).is_err());
    // Empty batches and bad payloads are refused before the database is asked.
    let mut w = PgStore::open(&loc).unwrap();
    assert!(matches!(w.append(&[]), Err(StoreError::Encode(_))));
    assert!(matches!(
        w.append(&[b"a\nb".as_slice()]),
        Err(StoreError::Encode(_))
    ));
    assert_eq!(w.head().seq, 0);
}

#[test]
fn checkpoint_history_is_kept() {
    let Some(pg) = pg("checkpoint_history_is_kept") else {
        return;
    };
    let loc = pg.new_ledger("cp");
    let mut db = PgStore::open(&loc).unwrap();
    db.append(&refs(&events("cp", 0..4))).unwrap();
    assert!(db.checkpoints().unwrap().is_empty());
    let root = db.merkle(db.head()).unwrap().root(4).unwrap();
    // Notes state their entry's size and root, as a signed note does.
    let b64 = {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(root)
    };
    let a = HistoryEntry {
        size: 4,
        root: rxledger_store::Digest(root),
        note: format!("one\n4\n{b64}\n\n— k a\n"),
    };
    let b = HistoryEntry {
        size: 4,
        root: a.root,
        note: format!("two\n4\n{b64}\n\n— k b\n"),
    };
    db.record_checkpoint(&a).unwrap();
    db.record_checkpoint(&b).unwrap();
    assert_eq!(db.checkpoints().unwrap(), vec![a, b]);
}
