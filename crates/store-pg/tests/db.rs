//! What the database itself enforces, whatever client writes to it.

mod common;

use common::{events, pg, refs};
use postgres::Client;
use rxledger_chain::{ChainWriter, VerifyError};
use rxledger_store::{verify_store, Store};
use rxledger_store_pg::PgStore;

/// Runs `sql` and returns the database's error message; panics if it succeeds.
fn refused(c: &mut Client, sql: &str) -> String {
    match c.batch_execute(sql) {
        Ok(()) => panic!("the database accepted: {sql}"),
        Err(e) => e
            .as_db_error()
            .map_or_else(|| e.to_string(), |d| d.message().to_owned()),
    }
}

fn count(c: &mut Client, ledger: &str) -> i64 {
    c.query_one(
        "SELECT count(*) FROM rxledger.records WHERE ledger = $1",
        &[&ledger],
    )
    .unwrap()
    .get(0)
}

#[test]
fn update_delete_truncate_are_refused_for_app_and_owner() {
    let Some(pg) = pg("update_delete_truncate_are_refused") else {
        return;
    };
    let loc = pg.new_ledger("ro");
    let mut db = PgStore::open(&loc).unwrap();
    db.append(&refs(&events("ro", 0..5))).unwrap();
    let l = loc.ledger();
    // The application role has no UPDATE, DELETE or TRUNCATE privilege.
    let mut app = pg.app_client();
    for sql in [
        format!("UPDATE rxledger.records SET payload = 'x' WHERE ledger = '{l}'"),
        format!("DELETE FROM rxledger.records WHERE ledger = '{l}'"),
        "TRUNCATE rxledger.records".to_owned(),
        format!("DELETE FROM rxledger.ledgers WHERE name = '{l}'"),
        "DELETE FROM rxledger.checkpoints".to_owned(),
    ] {
        let msg = refused(&mut app, &sql);
        assert!(msg.contains("permission denied"), "{sql}: {msg}");
    }
    // The owner has them, and the triggers refuse them (in a transaction rolled back, so a
    // broken trigger could not wipe the other tests' ledgers).
    let mut admin = pg.admin_client();
    for sql in [
        format!("UPDATE rxledger.records SET payload = 'x' WHERE ledger = '{l}'"),
        format!("DELETE FROM rxledger.records WHERE ledger = '{l}'"),
        "TRUNCATE rxledger.records".to_owned(),
        format!("UPDATE rxledger.ledgers SET name = 'x' WHERE name = '{l}'"),
        "TRUNCATE rxledger.checkpoints".to_owned(),
    ] {
        let msg = refused(
            &mut admin,
            &format!("BEGIN; SET LOCAL ROLE rxledger_owner; {sql}; ROLLBACK"),
        );
        admin.batch_execute("ROLLBACK").unwrap();
        assert!(msg.contains("the ledger is append-only"), "{sql}: {msg}");
    }
    assert_eq!(count(&mut admin, l), 5);
    assert!(verify_store(&db, None).unwrap().is_ok());
}

/// Inserts one record as the application role; the parts are given.
fn insert(c: &mut Client, ledger: &str, seq: i64, prev: &[u8], hash: &[u8]) -> Result<u64, String> {
    c.execute(
        "INSERT INTO rxledger.records (ledger, seq, batch_end, recorded_at, prev, hash, payload) \
         VALUES ($1, $2, $2, '2026-12-01T00:00:00.000000Z', $3, $4, '{}')",
        &[&ledger, &seq, &prev, &hash],
    )
    .map_err(|e| {
        e.as_db_error()
            .map_or_else(|| e.to_string(), |d| d.message().to_owned())
    })
}

#[test]
fn out_of_sequence_and_wrong_prev_inserts_are_refused() {
    let Some(pg) = pg("out_of_sequence_and_wrong_prev") else {
        return;
    };
    let loc = pg.new_ledger("seq");
    let mut db = PgStore::open(&loc).unwrap();
    let head = db.append(&refs(&events("seq", 0..3))).unwrap();
    let l = loc.ledger();
    let mut app = pg.app_client();
    let h = head.hash.0;
    let other = [7u8; 32];
    // A gap: seq head + 2.
    let msg = insert(&mut app, l, 5, &h, &other).unwrap_err();
    assert!(msg.contains("record 5 is out of sequence"), "{msg}");
    // A seq already stored (a fork).
    let msg = insert(&mut app, l, 3, &h, &other).unwrap_err();
    assert!(msg.contains("records_pkey"), "{msg}");
    // head + 1 with the wrong prev.
    let msg = insert(&mut app, l, 4, &other, &other).unwrap_err();
    assert!(
        msg.contains("prev of record 4 is not the hash of record 3"),
        "{msg}"
    );
    // Record 1 of a ledger must have the zero prev.
    let fresh = pg.new_ledger("seq1");
    let msg = insert(&mut app, fresh.ledger(), 1, &other, &other).unwrap_err();
    assert!(msg.contains("prev of record 1"), "{msg}");
    // A ledger that was never created.
    let msg = insert(&mut app, "never-created", 1, &[0; 32], &other).unwrap_err();
    assert!(msg.contains("does not exist"), "{msg}");
    // The right record is accepted (the check is not a blanket refusal) ...
    assert_eq!(insert(&mut app, l, 4, &h, &other), Ok(1));
    // ... and the writer, whose head is now stale, is refused and told why; no fork.
    let err = db.append(&refs(&events("seq", 3..4))).unwrap_err();
    assert!(err.to_string().contains("another writer appended"), "{err}");
    assert!(matches!(
        db.append(&refs(&events("seq", 3..4))),
        Err(rxledger_store::StoreError::Poisoned)
    ));
    let mut admin = pg.admin_client();
    assert_eq!(count(&mut admin, l), 4);
}

#[test]
fn two_unlocked_writers_cannot_fork() {
    let Some(pg) = pg("two_unlocked_writers_cannot_fork") else {
        return;
    };
    // Two sessions that bypass the library's lock both extend the same head in open
    // transactions: the second waits for the first, then is refused.
    let loc = pg.new_ledger("fork");
    let l = loc.ledger().to_owned();
    let mut a = pg.app_client();
    let mut b = pg.app_client();
    let mut w = ChainWriter::new();
    let one = w.chain_batch(&[b"{}"], "2026-12-01T00:00:00.000000Z");
    let (prev, head) = one[0];
    let mut ta = a.transaction().unwrap();
    ta.execute(
        "INSERT INTO rxledger.records (ledger, seq, batch_end, recorded_at, prev, hash, payload) \
         VALUES ($1, 1, 1, 'x', $2, $3, '{}')",
        &[&l, &prev.0.as_slice(), &head.hash.0.as_slice()],
    )
    .unwrap();
    let l2 = l.clone();
    let second = std::thread::spawn(move || insert(&mut b, &l2, 1, &[0; 32], &[9; 32]));
    std::thread::sleep(std::time::Duration::from_millis(300));
    ta.commit().unwrap();
    let msg = second.join().unwrap().unwrap_err();
    assert!(msg.contains("records_pkey"), "{msg}");
    let mut admin = pg.admin_client();
    assert_eq!(count(&mut admin, &l), 1);
}

#[test]
fn a_superuser_who_bypasses_the_triggers_is_caught_by_verify() {
    let Some(pg) = pg("superuser_tamper_caught") else {
        return;
    };
    let loc = pg.new_ledger("tamper");
    let mut db = PgStore::open(&loc).unwrap();
    for b in 0..3 {
        db.append(&refs(&events("tamper", b * 10..(b + 1) * 10)))
            .unwrap();
    }
    drop(db);
    let l = loc.ledger();
    let reader = PgStore::open_reader(&loc).unwrap();
    assert!(verify_store(&reader, None).unwrap().is_ok());
    // Triggers off for this session (superusers only), then one payload changed.
    let mut admin = pg.admin_client();
    admin
        .batch_execute(&format!(
            "SET session_replication_role = replica; \
             UPDATE rxledger.records SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'lorem', 'LOREM'), 'UTF8') \
             WHERE ledger = '{l}' AND seq = 17"
        ))
        .unwrap();
    let report = verify_store(&reader, None).unwrap();
    match report.failure {
        Some(VerifyError::HashMismatch { seq: 17, .. }) => {}
        other => panic!("expected a hash mismatch at 17, got {other:?}"),
    }
    assert_eq!(report.head.seq, 16);
    // A deleted record: a gap at its seq.
    admin
        .batch_execute(&format!(
            "SET session_replication_role = replica; \
             DELETE FROM rxledger.records WHERE ledger = '{l}' AND seq = 9"
        ))
        .unwrap();
    let report = verify_store(&reader, None).unwrap();
    assert_eq!(report.failure.map(|f| f.seq()), Some(9));
    // A timestamp that cannot be part of a record line: unparsable at its seq, not a crash.
    // (A hash cut short is refused even now: CHECK constraints stay on.)
    let msg = refused(
        &mut admin,
        &format!("UPDATE rxledger.records SET hash = '\\x00' WHERE ledger = '{l}' AND seq = 5"),
    );
    assert!(msg.contains("check constraint"), "{msg}");
    admin
        .batch_execute(&format!(
            "SET session_replication_role = replica; \
             UPDATE rxledger.records SET recorded_at = 'x\"y' WHERE ledger = '{l}' AND seq = 5"
        ))
        .unwrap();
    let report = verify_store(&reader, None).unwrap();
    assert!(
        matches!(report.failure, Some(VerifyError::Unparsable { seq: 5, .. })),
        "{:?}",
        report.failure
    );
}
