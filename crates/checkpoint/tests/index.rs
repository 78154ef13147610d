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
    FileStore::init(dir).unwrap();
    let mut s = FileStore::open(dir).unwrap();
    for b in 0..RECORDS / 100 {
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
        Some(VerifyError::HistoryDamaged { seq: 1, line: 2 })
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
        Some(VerifyError::HistoryDamaged { seq: 1, line: 1 })
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
