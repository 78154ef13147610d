//! The event id index: an id is stored at most once; the index on disk survives reopening, is
//! checked against the ledger and rebuilt from it when missing, stale or corrupt; after a crash
//! at any step, re-running the same appends (skipping what is stored) stores every id once.

use std::collections::BTreeMap;
use std::path::Path;

use rxledger_store::ids::{payload_id, IdKey};
use rxledger_store::{FileStore, MemStore, SimVfs, Store, StoreError};

const TS: &str = "2026-11-24T08:00:00.000000Z";

fn event(n: u64, body: &str) -> Vec<u8> {
    format!(r#"{{"v":1,"id":"id-{n:08}","kind":"demo","data":"{body}"}}"#).into_bytes()
}

fn refs(p: &[Vec<u8>]) -> Vec<&[u8]> {
    p.iter().map(Vec::as_slice).collect()
}

/// How many times each id occurs in the store.
fn id_counts(store: &dyn Store) -> BTreeMap<String, u32> {
    let mut counts = BTreeMap::new();
    store
        .scan(1, &mut |rec| {
            if let Some(id) = payload_id(rec.payload) {
                *counts.entry(id.into_owned()).or_insert(0) += 1;
            }
            std::ops::ControlFlow::Continue(())
        })
        .unwrap();
    counts
}

fn assert_refuses(store: &mut dyn Store) {
    store
        .append_at(&refs(&[event(1, "a"), event(2, "b")]), TS)
        .unwrap();
    let head = store.head();
    // Already stored, identical.
    let err = store
        .append_at(&refs(&[event(3, "c"), event(1, "a")]), TS)
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::DuplicateId { index: 1, seq: 1, identical: true, in_batch: false, id } if id == "id-00000001"),
        "{err}"
    );
    // Already stored, different content.
    let err = store.append_at(&refs(&[event(2, "B")]), TS).unwrap_err();
    assert!(
        matches!(
            &err,
            StoreError::DuplicateId {
                index: 0,
                seq: 2,
                identical: false,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("with different content"), "{err}");
    // Twice in one batch.
    let err = store
        .append_at(&refs(&[event(4, "d"), event(4, "d")]), TS)
        .unwrap_err();
    assert!(
        matches!(
            &err,
            StoreError::DuplicateId {
                index: 1,
                seq: 3,
                in_batch: true,
                identical: true,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(store.head(), head, "nothing appended");
    // Payloads without an id are not indexed.
    store
        .append_at(&[br#"{"n":1}"#.as_slice(), br#"{"n":1}"#], TS)
        .unwrap();
    let found = store
        .find_ids(&[
            IdKey::of(&event(2, "b")).unwrap(),
            IdKey::of(&event(9, "x")).unwrap(),
        ])
        .unwrap();
    assert_eq!(found[0].map(|s| s.seq), Some(2));
    assert!(found[0]
        .unwrap()
        .same_payload(&IdKey::of(&event(2, "b")).unwrap()));
    assert!(!found[0]
        .unwrap()
        .same_payload(&IdKey::of(&event(2, "B")).unwrap()));
    assert_eq!(found[1], None);
}

#[test]
fn both_stores_refuse_an_id_already_stored_or_repeated_in_a_batch() {
    assert_refuses(&mut MemStore::new());
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("L");
    FileStore::init(&dir).unwrap();
    assert_refuses(&mut FileStore::open(&dir).unwrap());
    // And again after reopening: the index is on disk.
    let mut store = FileStore::open(&dir).unwrap();
    let err = store.append_at(&refs(&[event(1, "a")]), TS).unwrap_err();
    assert!(
        matches!(err, StoreError::DuplicateId { seq: 1, .. }),
        "{err}"
    );
}

/// Appends ids `1..=n` in batches of 100 with a tiny memory table, so the index has many runs.
fn ledger_with_runs(dir: &Path, n: u64) -> usize {
    FileStore::init(dir).unwrap();
    let mut store = FileStore::open(dir).unwrap().with_id_memory(150);
    for start in (1..=n).step_by(100) {
        let batch: Vec<Vec<u8>> = (start..(start + 100).min(n + 1))
            .map(|i| event(i, "x"))
            .collect();
        store.append_at(&refs(&batch), TS).unwrap();
    }
    // Runs merge geometrically: a handful, not one per flush.
    assert!(store.id_runs() <= 8, "{}", store.id_runs());
    store.id_runs()
}

fn all_found(dir: &Path, n: u64) {
    let mut store = FileStore::open(dir).unwrap();
    let keys: Vec<IdKey> = (1..=n)
        .map(|i| IdKey::of(&event(i, "x")).unwrap())
        .collect();
    let found = store.find_ids(&keys).unwrap();
    for (i, f) in found.iter().enumerate() {
        assert_eq!(f.map(|s| s.seq), Some(i as u64 + 1), "id {}", i + 1);
    }
    // One at a time too (the interpolation path rather than the merge path).
    for i in (1..=n).step_by(97) {
        let f = store
            .find_ids(&[IdKey::of(&event(i, "x")).unwrap()])
            .unwrap();
        assert_eq!(f[0].map(|s| s.seq), Some(i));
    }
    let absent: Vec<IdKey> = (n + 1..n + 500)
        .map(|i| IdKey::of(&event(i, "x")).unwrap())
        .collect();
    assert!(store.find_ids(&absent).unwrap().iter().all(Option::is_none));
}

fn runs_of(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir.join("ids"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("run-"))
        .collect();
    v.sort();
    v
}

#[test]
fn the_index_on_disk_is_found_again_and_rebuilt_when_missing_or_corrupt() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("L");
    assert!(ledger_with_runs(&dir, 3000) >= 4);
    all_found(&dir, 3000);

    // Missing: rebuilt from the records.
    std::fs::remove_dir_all(dir.join("ids")).unwrap();
    all_found(&dir, 3000);

    // A flipped byte in a page: found at lookup, the index is rebuilt and the answer is right.
    let run = runs_of(&dir).into_iter().next().unwrap();
    let mut bytes = std::fs::read(&run).unwrap();
    let at = 4096 + 1000;
    bytes[at] ^= 0x40;
    std::fs::write(&run, &bytes).unwrap();
    all_found(&dir, 3000);

    // A truncated run and a torn temporary file: dropped at open, the rest read from records.
    let run = runs_of(&dir).into_iter().last().unwrap();
    let len = std::fs::metadata(&run).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&run)
        .unwrap()
        .set_len(len - 7)
        .unwrap();
    std::fs::write(dir.join("ids/tmp-1-2"), b"torn").unwrap();
    all_found(&dir, 3000);
    assert!(!dir.join("ids/tmp-1-2").exists());

    // A corrupt filter is rebuilt from the runs.
    std::fs::write(dir.join("ids/filter.bin"), b"junk").unwrap();
    all_found(&dir, 3000);
}

#[test]
fn an_index_of_another_ledger_is_not_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("A"), tmp.path().join("B"));
    ledger_with_runs(&a, 1000);
    // B: the same number of records, other ids.
    FileStore::init(&b).unwrap();
    {
        let mut store = FileStore::open(&b).unwrap();
        let batch: Vec<Vec<u8>> = (5001..=6000).map(|i| event(i, "x")).collect();
        store.append_at(&refs(&batch), TS).unwrap();
    }
    std::fs::remove_dir_all(b.join("ids")).unwrap();
    copy_dir(&a.join("ids"), &b.join("ids"));
    let mut store = FileStore::open(&b).unwrap();
    let found = store
        .find_ids(&[
            IdKey::of(&event(5, "x")).unwrap(),
            IdKey::of(&event(5005, "x")).unwrap(),
        ])
        .unwrap();
    assert_eq!(found, vec![None, Some(found[1].unwrap())]);
    assert_eq!(found[1].unwrap().seq, 5);
    drop(store);
    // A's index in a shorter ledger (B cut to 10 records): runs beyond the end are dropped.
    let c = tmp.path().join("C");
    FileStore::init(&c).unwrap();
    {
        let mut store = FileStore::open(&c).unwrap();
        let batch: Vec<Vec<u8>> = (1..=10).map(|i| event(i, "x")).collect();
        store.append_at(&refs(&batch), TS).unwrap();
    }
    std::fs::remove_dir_all(c.join("ids")).unwrap();
    copy_dir(&a.join("ids"), &c.join("ids"));
    let mut store = FileStore::open(&c).unwrap();
    let found = store
        .find_ids(&[IdKey::of(&event(11, "x")).unwrap()])
        .unwrap();
    assert_eq!(found, vec![None]);
    store.append_at(&refs(&[event(11, "x")]), TS).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

/// Appends `events` in batches of 3, skipping what the store already holds, as an ingester does.
fn append_once(store: &mut dyn Store, events: &[Vec<u8>]) -> Result<(), StoreError> {
    for chunk in events.chunks(3) {
        let keys: Vec<IdKey> = chunk.iter().map(|p| IdKey::of(p).unwrap()).collect();
        let found = store.find_ids(&keys)?;
        let new: Vec<&[u8]> = chunk
            .iter()
            .zip(&found)
            .filter(|(_, f)| f.is_none())
            .map(|(p, _)| p.as_slice())
            .collect();
        if !new.is_empty() {
            store.append_at(&new, TS)?;
        }
    }
    Ok(())
}

#[test]
fn re_running_after_a_crash_at_any_step_stores_every_id_once() {
    let dir = Path::new("/ledger");
    let events: Vec<Vec<u8>> = (1..=20).map(|i| event(i, "阿莫西林")).collect();
    let clean = SimVfs::new();
    FileStore::init_with(clean.clone(), dir).unwrap();
    append_once(
        &mut FileStore::open_with(clean.clone(), dir).unwrap(),
        &events,
    )
    .unwrap();
    let total = clean.ops();
    for crash in 1..=total {
        for seed in 0..3 {
            let vfs = SimVfs::new();
            FileStore::init_with(vfs.clone(), dir).unwrap();
            let before = vfs.ops();
            vfs.crash_at(before + crash);
            if let Ok(mut s) = FileStore::open_with(vfs.clone(), dir) {
                let _ = append_once(&mut s, &events);
            }
            let vfs = vfs.reboot(seed);
            let mut s = FileStore::open_with(vfs.clone(), dir).unwrap();
            append_once(&mut s, &events).unwrap();
            let counts = id_counts(&s);
            assert_eq!(counts.len(), 20, "crash at {crash}, seed {seed}");
            assert!(
                counts.values().all(|&c| c == 1),
                "crash at {crash}: {counts:?}"
            );
        }
    }
}
