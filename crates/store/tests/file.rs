//! The embedded file store on the real file system.

use std::io::Write;
use std::ops::ControlFlow;

use rxledger_store::{export, verify_path, FileStore, MemStore, Store, StoreError, VerifyError};

fn payloads(n: usize, tag: &str) -> Vec<String> {
    (0..n).map(|i| format!(r#"{{"{tag}":{i}}}"#)).collect()
}

fn append(s: &mut impl Store, p: &[String]) -> rxledger_store::Head {
    let refs: Vec<&[u8]> = p.iter().map(String::as_bytes).collect();
    s.append(&refs).unwrap()
}

#[test]
fn second_writer_fails_at_once_naming_the_lock() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("l");
    FileStore::init(&dir).unwrap();
    let _first = FileStore::open(&dir).unwrap();
    let err = FileStore::open(&dir)
        .err()
        .expect("second writer must fail");
    assert!(matches!(err, StoreError::Locked { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("LOCK") && msg.contains("another writer"),
        "{msg}"
    );
}

/// Deleting the lock file while a writer holds it (an operator clearing a "stale lock") does not
/// let a second writer in: the directory itself is locked too (attacker round 24: both wrote,
/// and the ledger broke). Once the first writer is gone, the next one opens it.
#[cfg(unix)]
#[test]
fn a_deleted_lock_file_does_not_let_a_second_writer_in() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("l");
    FileStore::init(&dir).unwrap();
    let first = FileStore::open(&dir).unwrap();
    std::fs::remove_file(dir.join("LOCK")).unwrap();
    let err = FileStore::open(&dir)
        .err()
        .expect("second writer must fail");
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    drop(first);
    FileStore::open(&dir).unwrap();
}

#[test]
fn init_refuses_a_non_empty_directory_and_open_refuses_a_non_ledger() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("x"), b"1").unwrap();
    assert!(matches!(
        FileStore::init(d.path()),
        Err(StoreError::AlreadyExists { .. })
    ));
    assert!(matches!(
        FileStore::open(d.path()),
        Err(StoreError::NotALedger { .. })
    ));
}

#[test]
fn torn_tail_is_reported_by_verify_and_cut_by_the_next_writer() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut s = FileStore::open(&dir).unwrap();
    let head = append(&mut s, &payloads(5, "a"));
    drop(s);
    // Simulate a crash mid-batch: two complete records of a 3-record batch plus a torn line.
    let mut w = rxledger_chain::ChainWriter::resume(head);
    let mut buf = Vec::new();
    w.encode_batch(
        &[b"{}".as_slice(), b"{}", b"{}"],
        "2026-11-24T08:00:00Z",
        &mut buf,
    )
    .unwrap();
    buf.truncate(buf.len() - 10);
    let seg = dir.join(rxledger_store::segment_name(1));
    let before = std::fs::metadata(&seg).unwrap().len();
    std::fs::OpenOptions::new()
        .append(true)
        .open(&seg)
        .unwrap()
        .write_all(&buf)
        .unwrap();

    let r = verify_path(&dir, None, |_| {}).unwrap();
    assert!(r.is_ok(), "{:?}", r.failure);
    assert_eq!(r.head, head);
    let tail = r.tail.expect("tail reported");
    assert_eq!(tail.records, 2);

    let s = FileStore::open(&dir).unwrap();
    assert_eq!(s.head(), head);
    assert_eq!(s.open_report().cut_records, 2);
    assert_eq!(std::fs::metadata(&seg).unwrap().len(), before);
}

#[test]
fn a_corrupt_complete_record_is_never_cut_silently() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut s = FileStore::open(&dir).unwrap();
    append(&mut s, &payloads(3, "a"));
    drop(s);
    let seg = dir.join(rxledger_store::segment_name(1));
    let text = std::fs::read_to_string(&seg)
        .unwrap()
        .replace(r#"{"a":2}"#, r#"{"a":9}"#);
    std::fs::write(&seg, text).unwrap();
    let err = FileStore::open(&dir).err().expect("must refuse");
    assert!(
        matches!(
            err,
            StoreError::Corrupt {
                error: VerifyError::HashMismatch { seq: 3, .. },
                ..
            }
        ),
        "{err}"
    );
    let r = verify_path(&dir, None, |_| {}).unwrap();
    assert_eq!(r.failure.map(|f| f.seq()), Some(3));
}

#[test]
fn segments_roll_over_and_export_is_one_verifiable_file() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut s = FileStore::open(&dir).unwrap().with_segment_limit(1000);
    let mut head = s.head();
    for b in 0..20 {
        head = append(&mut s, &payloads(1 + b % 4, "x"));
    }
    drop(s);
    let segs = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("seg-")
        })
        .count();
    assert!(segs > 3, "{segs} segments");
    // Reopen continues the last segment's chain.
    let mut s = FileStore::open(&dir).unwrap().with_segment_limit(1000);
    assert_eq!(s.head(), head);
    head = append(&mut s, &payloads(2, "y"));
    drop(s);
    assert_eq!(verify_path(&dir, None, |_| {}).unwrap().head, head);
    let out = d.path().join("x.jsonl");
    assert_eq!(export(&dir, &out).unwrap(), head);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count() as u64, head.seq);
    for (i, line) in text.lines().enumerate() {
        assert!(line.starts_with(&format!("{{\"seq\":{},", i + 1)));
    }
    let r = verify_path(&out, Some(rxledger_store::ExpectedHead::At(head)), |_| {}).unwrap();
    assert!(r.is_ok());
    // A deleted segment is a gap.
    std::fs::remove_file(dir.join(rxledger_store::segment_name(1))).unwrap();
    let r = verify_path(&dir, None, |_| {}).unwrap();
    assert!(
        matches!(r.failure, Some(VerifyError::Gap { seq: 1, .. })),
        "{:?}",
        r.failure
    );
}

#[test]
fn mem_store_matches_file_store_bytes() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("l");
    FileStore::init(&dir).unwrap();
    let mut f = FileStore::open(&dir).unwrap();
    let mut m = MemStore::new();
    let ts = "2026-11-24T08:00:00.000000Z";
    for b in 0..5 {
        let p = payloads(b + 1, "m");
        let refs: Vec<&[u8]> = p.iter().map(String::as_bytes).collect();
        assert_eq!(
            f.append_at(&refs, ts).unwrap(),
            m.append_at(&refs, ts).unwrap()
        );
    }
    let mut seqs = Vec::new();
    m.scan(4, &mut |r| {
        seqs.push(r.seq);
        if r.seq == 9 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .unwrap();
    assert_eq!(seqs, (4..=9).collect::<Vec<_>>());
    let mut fseqs = Vec::new();
    f.scan(4, &mut |r| {
        fseqs.push(r.seq);
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(fseqs, (4..=15).collect::<Vec<_>>());
    drop(f);
    let disk = std::fs::read(dir.join(rxledger_store::segment_name(1))).unwrap();
    assert_eq!(disk, m.as_bytes());
}

/// Attacker round 26: a FIFO (or a device) in place of one of a ledger's own files hung every
/// command. Readers and writers now refuse it at once, naming it; derived data (the Merkle index)
/// in such a place is made again.
#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_a_ledger_file_is_refused_not_waited_on() {
    use rxledger_chain::Head;
    use rxledger_store::merkle_index::MerkleIndex;
    let within = |f: Box<dyn FnOnce() -> String + Send>| {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(f()).unwrap());
        rx.recv_timeout(std::time::Duration::from_secs(30))
            .expect("answered, not blocked on a FIFO")
    };
    let fifo_at = |p: &std::path::Path| {
        let _ = std::fs::remove_file(p);
        let made = std::process::Command::new("mkfifo")
            .arg(p)
            .status()
            .unwrap();
        assert!(made.success());
    };
    let tmp = tempfile::tempdir().unwrap();
    let make = |name: &str| {
        let dir = tmp.path().join(name);
        FileStore::init(&dir).unwrap();
        let mut s = FileStore::open(&dir).unwrap();
        let head = append(&mut s, &payloads(10, name));
        (dir, head)
    };
    let segment = |dir: &std::path::Path| {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("seg-"))
            .unwrap()
    };

    let (dir, _) = make("seg");
    fifo_at(&segment(&dir));
    let d = dir.clone();
    let said = within(Box::new(move || {
        format!("{:?}", verify_path(&d, None, |_| {}).map(|r| r.is_ok()))
    }));
    assert!(said.contains("not a regular file"), "{said}");
    let d = dir.clone();
    let said = within(Box::new(move || format!("{:?}", FileStore::open(&d).err())));
    assert!(said.contains("not a regular file"), "{said}");

    let (dir, _) = make("marker");
    fifo_at(&dir.join("LEDGER"));
    let d = dir.clone();
    let said = within(Box::new(move || {
        format!("{:?}", verify_path(&d, None, |_| {}).err())
    }));
    assert!(said.contains("NotALedger"), "{said}");

    let (dir, head) = make("merkle");
    MerkleIndex::update(&dir, head).unwrap();
    fifo_at(&dir.join("merkle/head"));
    let d = dir.clone();
    let said = within(Box::new(move || {
        let index = MerkleIndex::update(&d, head).unwrap();
        format!("{}", index.size())
    }));
    assert_eq!(said, "10");
    let _: Head = head;
}
