//! The Merkle index of a ledger directory (`DIR/merkle/`) is derived data that anyone who can
//! write the directory can change: `checkpoint` and `prove` must sign and prove the root of the
//! verified records, never the index's (attacker round 24: a planted index had `checkpoint`
//! sign a forged ledger's root, and `prove` prove a forged record).

use std::path::{Path, PathBuf};

use rxledger_checkpoint::ledger::{checkpoint, prove_inclusion, verify_record};
use rxledger_checkpoint::{generate_key, SignerKey};
use rxledger_store::{FileStore, Store};

const RECORDS: u64 = 2100;

/// A ledger directory of `RECORDS` records in batches of 100; record 500 says `n500` differently
/// when `forged`.
fn ledger(dir: &Path, forged: bool) {
    ledger_of(dir, RECORDS, forged);
}

/// [`ledger`] of `records` records (a multiple of 100).
fn ledger_of(dir: &Path, records: u64, forged: bool) {
    FileStore::init(dir).unwrap();
    let mut s = FileStore::open(dir).unwrap();
    for b in 0..records / 100 {
        let payloads: Vec<String> = (b * 100..(b + 1) * 100)
            .map(|i| {
                if forged && i == 499 {
                    "{\"n\":\"forged\"}".to_owned()
                } else {
                    format!("{{\"n\":{i}}}")
                }
            })
            .collect();
        let refs: Vec<&[u8]> = payloads.iter().map(String::as_bytes).collect();
        s.append_at(&refs, "2026-01-01T00:00:00Z").unwrap();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Line `seq` of the ledger directory's only segment.
fn record(dir: &Path, seq: u64) -> Vec<u8> {
    let seg = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("seg-"))
        .unwrap();
    std::fs::read(seg)
        .unwrap()
        .split(|&b| b == b'\n')
        .nth(usize::try_from(seq - 1).unwrap())
        .unwrap()
        .to_vec()
}

/// A signing key, and a genuine and a forged ledger (`G`, `F`) in a temporary directory.
fn setup() -> (SignerKey, tempfile::TempDir, PathBuf, PathBuf) {
    let (private, _) = generate_key("auditor").unwrap();
    let key = SignerKey::parse(&private).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let (genuine, forged) = (tmp.path().join("G"), tmp.path().join("F"));
    ledger(&genuine, false);
    ledger(&forged, true);
    (key, tmp, genuine, forged)
}

#[test]
fn a_planted_or_damaged_index_is_not_signed_or_proved() {
    let (key, tmp, genuine, forged) = setup();
    // The roots each ledger's own records have.
    let pristine = tmp.path().join("P");
    copy_dir(&genuine, &pristine);
    let (true_cp, _) = checkpoint(&pristine, &key).unwrap();
    let (forged_cp, _) = checkpoint(&forged, &key).unwrap();
    assert_ne!(true_cp.root, forged_cp.root);

    // The forged ledger's index planted beside the genuine records, with the genuine head.
    let planted = tmp.path().join("A");
    copy_dir(&genuine, &planted);
    checkpoint(&planted, &key).unwrap();
    let head = std::fs::read(planted.join("merkle/head")).unwrap();
    for f in ["leaves.bin", "blocks.bin"] {
        std::fs::copy(
            forged.join("merkle").join(f),
            planted.join("merkle").join(f),
        )
        .unwrap();
    }
    std::fs::write(planted.join("merkle/head"), head).unwrap();
    let (cp, _) = checkpoint(&planted, &key).unwrap();
    assert_eq!(
        cp.root, true_cp.root,
        "the verified records' root is signed"
    );
    let proof = prove_inclusion(&planted, 500, &cp).unwrap();
    assert_eq!(verify_record(&record(&planted, 500), &proof, &cp), Ok(()));

    // One byte of the block hashes damaged.
    let damaged = tmp.path().join("D");
    copy_dir(&genuine, &damaged);
    checkpoint(&damaged, &key).unwrap();
    let blocks = damaged.join("merkle/blocks.bin");
    let mut b = std::fs::read(&blocks).unwrap();
    b[7] ^= 1;
    std::fs::write(&blocks, b).unwrap();
    let (cp, _) = checkpoint(&damaged, &key).unwrap();
    assert_eq!(cp.root, true_cp.root);
    let proof = prove_inclusion(&damaged, 1, &cp).unwrap();
    assert_eq!(verify_record(&record(&damaged, 1), &proof, &cp), Ok(()));
}

/// A directory's own checkpoint history vouches for its records when it is read (attacker round
/// 24): records re-chained consistently after a checkpoint fail against the root it signed; a
/// damaged history line fails the directory; a torn last line (an interrupted checkpoint) is
/// passed over, still guarded by the entries before it, and cut off by the next checkpoint.
#[test]
fn the_directorys_own_history_vouches_for_its_records() {
    use rxledger_chain::HistoryFault;
    use rxledger_store::history::CheckpointHistory;
    use rxledger_store::{verify_path, VerifyError};
    let (key, tmp, genuine, forged) = setup();
    checkpoint(&genuine, &key).unwrap();
    let history = std::fs::read(genuine.join("checkpoints.jsonl")).unwrap();
    assert!(verify_path(&genuine, None, |_| {}).unwrap().is_ok());

    // The forged records under the genuine history: every record verifies, the root does not.
    std::fs::write(forged.join("checkpoints.jsonl"), &history).unwrap();
    let report = verify_path(&forged, None, |_| {}).unwrap();
    assert_eq!(
        report.failure,
        Some(VerifyError::CheckpointRoot {
            seq: 1,
            size: RECORDS
        })
    );
    assert_eq!(report.head.seq, RECORDS, "every record was read");

    // A damaged complete line.
    let damaged = tmp.path().join("H");
    copy_dir(&genuine, &damaged);
    let mut text = history.clone();
    text.extend_from_slice(b"garbage\n");
    std::fs::write(damaged.join("checkpoints.jsonl"), text).unwrap();
    let report = verify_path(&damaged, None, |_| {}).unwrap();
    assert_eq!(
        report.failure,
        Some(VerifyError::HistoryDamaged {
            seq: 1,
            line: 2,
            fault: HistoryFault::NotAnEntry
        })
    );
    assert!(FileStore::open(&damaged).is_err(), "a writer refuses it");

    // An entry's `root` changed to another (the forged ledger's), its signed note left as it was:
    // the entry is not what was signed.
    let (forged_root, true_root) = {
        let text = String::from_utf8(history.clone()).unwrap();
        let entry = rxledger_store::history::HistoryEntry::from_line(text.trim_end()).unwrap();
        let mut other = entry.root;
        other.0[0] ^= 1;
        (other.to_hex(), entry.root.to_hex())
    };
    let relabelled = tmp.path().join("R");
    copy_dir(&forged, &relabelled);
    let text = String::from_utf8(history.clone())
        .unwrap()
        .replace(&true_root, &forged_root);
    std::fs::write(relabelled.join("checkpoints.jsonl"), text).unwrap();
    let report = verify_path(&relabelled, None, |_| {}).unwrap();
    assert_eq!(
        report.failure,
        Some(VerifyError::HistoryDamaged {
            seq: 1,
            line: 1,
            fault: HistoryFault::NotAnEntry
        })
    );

    // A torn last line: passed over; the entry before it still guards the records it signed.
    let torn = tmp.path().join("T");
    copy_dir(&genuine, &torn);
    let mut text = history.clone();
    text.extend_from_slice(&history[..50]);
    std::fs::write(torn.join("checkpoints.jsonl"), &text).unwrap();
    assert!(verify_path(&torn, None, |_| {}).unwrap().is_ok());
    let h = CheckpointHistory::of(&torn);
    assert_eq!(h.read().unwrap().len(), 1);
    assert!(matches!(
        h.below(RECORDS - 1),
        Some((VerifyError::BelowCheckpoint { .. }, _))
    ));
    // The next checkpoint writes a line of its own.
    checkpoint(&torn, &key).unwrap();
    assert_eq!(h.read().unwrap().len(), 2);
    assert!(std::fs::read_to_string(torn.join("checkpoints.jsonl"))
        .unwrap()
        .ends_with("}\n"));
}

/// Attacker round 26: every entry of the history vouches, not only its last line. An older entry
/// copied to the end, or the lines reordered, is a history out of order; a forged newest entry
/// beside a genuine older one fails at the older one's size; a last entry without its newline
/// still guards, and the next checkpoint keeps it; a history that is not a regular file, or is
/// larger than any history (a sparse file), cannot vouch, and is not read.
#[test]
fn every_entry_of_the_history_vouches() {
    use rxledger_chain::HistoryFault;
    use rxledger_store::history::CheckpointHistory;
    use rxledger_store::{verify_path, VerifyError};
    let (key, tmp, genuine, forged) = setup();
    // The genuine history: a checkpoint at 1000 records (the first 1000 are the same in G), then
    // one at RECORDS.
    let small = tmp.path().join("S");
    ledger_of(&small, 1000, false);
    checkpoint(&small, &key).unwrap();
    let e1000 = std::fs::read_to_string(small.join("checkpoints.jsonl")).unwrap();
    std::fs::write(genuine.join("checkpoints.jsonl"), &e1000).unwrap();
    checkpoint(&genuine, &key).unwrap();
    let both = std::fs::read_to_string(genuine.join("checkpoints.jsonl")).unwrap();
    let e_all = both.strip_prefix(&e1000).unwrap().to_owned();
    assert!(verify_path(&genuine, None, |_| {}).unwrap().is_ok());
    let with_history = |name: &str, from: &Path, text: &str| {
        let dir = tmp.path().join(name);
        copy_dir(from, &dir);
        std::fs::write(dir.join("checkpoints.jsonl"), text).unwrap();
        (verify_path(&dir, None, |_| {}).unwrap().failure, dir)
    };
    let out_of_order = |line| {
        Some(VerifyError::HistoryDamaged {
            seq: 1,
            line,
            fault: HistoryFault::OutOfOrder {
                size: 1000,
                after: RECORDS,
            },
        })
    };
    // The forged records, the genuine 1000 entry copied to the end (C1).
    let (failure, dir) = with_history("C1", &forged, &format!("{both}{e1000}"));
    assert_eq!(failure, out_of_order(3));
    assert!(FileStore::open(&dir).is_err(), "a writer refuses it");
    assert!(checkpoint(&dir, &key).is_err(), "and so does checkpoint");
    // The genuine lines swapped.
    let (failure, _) = with_history("SW", &genuine, &format!("{e_all}{e1000}"));
    assert_eq!(failure, out_of_order(2));
    // The forged records under the genuine 1000 entry and a newest entry of their own.
    let own = tmp.path().join("O");
    copy_dir(&forged, &own);
    checkpoint(&own, &key).unwrap();
    let forged_all = std::fs::read_to_string(own.join("checkpoints.jsonl")).unwrap();
    let (failure, _) = with_history("OWN", &forged, &format!("{e1000}{forged_all}"));
    assert_eq!(
        failure,
        Some(VerifyError::CheckpointRoot { seq: 1, size: 1000 })
    );
    // Two entries of one size with different roots.
    let (failure, _) = with_history("FORK", &genuine, &format!("{e_all}{forged_all}"));
    assert_eq!(
        failure,
        Some(VerifyError::HistoryDamaged {
            seq: 1,
            line: 2,
            fault: HistoryFault::Forked { size: RECORDS },
        })
    );
    // The last newline dropped (C2): the whole entry still guards, and is kept.
    let (failure, dir) = with_history("C2", &genuine, both.trim_end());
    assert_eq!(failure, None);
    let h = CheckpointHistory::of(&dir);
    assert!(matches!(
        h.below(RECORDS - 1),
        Some((
            VerifyError::BelowCheckpoint {
                signed: RECORDS,
                ..
            },
            _
        ))
    ));
    checkpoint(&dir, &key).unwrap();
    assert_eq!(h.read().unwrap().len(), 3);
    // Not a regular file; larger than any history.
    let dir = tmp.path().join("DIR");
    copy_dir(&genuine, &dir);
    std::fs::remove_file(dir.join("checkpoints.jsonl")).unwrap();
    std::fs::create_dir(dir.join("checkpoints.jsonl")).unwrap();
    // The fault the history at `dir` is damaged by, if it is.
    let fault = |dir: &Path| match verify_path(dir, None, |_| {}).unwrap().failure {
        Some(VerifyError::HistoryDamaged { fault, .. }) => Some(fault),
        _ => None,
    };
    assert_eq!(fault(&dir), Some(HistoryFault::NotAFile));
    assert!(FileStore::open(&dir).is_err());
    #[cfg(unix)]
    {
        let fifo = tmp.path().join("FIFO");
        copy_dir(&genuine, &fifo);
        std::fs::remove_file(fifo.join("checkpoints.jsonl")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(fifo.join("checkpoints.jsonl"))
            .status()
            .unwrap();
        assert!(made.success());
        assert_eq!(fault(&fifo), Some(HistoryFault::NotAFile));
    }
    let sparse = tmp.path().join("SPARSE");
    copy_dir(&genuine, &sparse);
    std::fs::OpenOptions::new()
        .write(true)
        .open(sparse.join("checkpoints.jsonl"))
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    assert!(
        matches!(fault(&sparse), Some(HistoryFault::TooLarge { .. })),
        "{:?}",
        fault(&sparse)
    );
}

/// Attacker round 24's minor ones: a record file with a blank line after the record says so; a
/// proof asked of an exported file says a ledger directory is needed; a directory whose `LEDGER`
/// marker says something else is not a ledger for readers either.
#[test]
fn misleading_errors_of_round_24_say_what_is_wrong() {
    let (key, tmp, dir, _) = setup();
    let (cp, _) = checkpoint(&dir, &key).unwrap();
    let proof = prove_inclusion(&dir, 5, &cp).unwrap();
    let mut line = record(&dir, 5);
    line.extend_from_slice(b"\n\n");
    let why = verify_record(&line, &proof, &cp).unwrap_err();
    assert!(why.contains("holds 2 lines"), "{why}");
    line.truncate(line.len() - 1);
    assert_eq!(verify_record(&line, &proof, &cp), Ok(()));

    let export = tmp.path().join("x.jsonl");
    rxledger_store::export(&dir, &export).unwrap();
    let err = prove_inclusion(&export, 5, &cp).unwrap_err().to_string();
    assert!(err.contains("is not a ledger directory"), "{err}");

    // The last entry's note must be a checkpoint note (its size and root are checked against
    // the records as they are read; `rxledger verify` no longer reads them a second time).
    use rxledger_checkpoint::ledger::last_note_unreadable;
    assert_eq!(last_note_unreadable(&dir), None);
    let history = dir.join("checkpoints.jsonl");
    let text = std::fs::read_to_string(&history).unwrap();
    let mut entry: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
    let note = entry["note"].as_str().unwrap().to_owned();
    let body = note.split_once("\n\n").unwrap().0;
    entry["note"] = serde_json::Value::from(format!("{body}\n\n\u{2014} k x\n"));
    let garbled = format!("{}\n", serde_json::to_string(&entry).unwrap());
    std::fs::write(&history, garbled).unwrap();
    assert!(last_note_unreadable(&dir).is_some_and(|why| why.contains("is not a checkpoint")));

    std::fs::write(dir.join("LEDGER"), b"something else\n").unwrap();
    let err = rxledger_store::verify_path(&dir, None, |_| {}).unwrap_err();
    assert!(
        matches!(err, rxledger_store::StoreError::NotALedger { .. }),
        "{err}"
    );
}

/// Attacker round 26 (C3): the history in the directory is not authenticated for readers, who
/// have no key. `checkpoint`, which has one, refuses an entry that names its key but whose
/// signature does not verify, and lists the entries other keys signed (the CLI warns).
#[test]
fn checkpoint_checks_the_signatures_it_can() {
    use rxledger_checkpoint::ledger::history_signed_by_others;
    let (key, tmp, genuine, _) = setup();
    let (private, _) = generate_key("other").unwrap();
    let other = SignerKey::parse(&private).unwrap();
    checkpoint(&genuine, &other).unwrap();
    let by_other = history_signed_by_others(&genuine, &key).unwrap();
    assert_eq!(by_other.len(), 1);
    assert_eq!(by_other[0].0, RECORDS);
    assert!(by_other[0].1.starts_with("other+"), "{:?}", by_other[0]);
    checkpoint(&genuine, &key).unwrap();
    assert_eq!(history_signed_by_others(&genuine, &key).unwrap().len(), 1);

    // An entry in this key's name whose signature is not this key's.
    let forged = tmp.path().join("X");
    copy_dir(&genuine, &forged);
    let path = forged.join("checkpoints.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let last = text.lines().last().unwrap();
    let mut entry: serde_json::Value = serde_json::from_str(last).unwrap();
    let note = entry["note"].as_str().unwrap().to_owned();
    let (body, sig) = note.rsplit_once(' ').unwrap();
    let mut bad = sig.trim_end().to_owned();
    // Change a character of the signature, not of the key id (the first 6 base64 digits).
    let flip = if bad.as_bytes()[10] == b'A' { "B" } else { "A" };
    bad.replace_range(10..11, flip);
    entry["note"] = format!("{body} {bad}\n").into();
    let forged_line = serde_json::to_string(&entry).unwrap();
    std::fs::write(&path, text.replace(last, &forged_line)).unwrap();
    let err = history_signed_by_others(&forged, &key)
        .unwrap_err()
        .to_string();
    assert!(err.contains("signature does not verify"), "{err}");
    assert!(checkpoint(&forged, &key).is_err());
}
