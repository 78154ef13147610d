//! `Ledger` over the PostgreSQL store: append, verify, check, checkpoints and proofs, as over a
//! directory (needs the server of `scripts/pg.sh`; fails in CI without it, skipped elsewhere).

use rxledger::reconcile::Config;
use rxledger::store::Store;
use rxledger::store_pg::{PgLocation, PgStore};
use rxledger::{ingest, Ledger};

#[test]
fn checkpoints_and_proofs_over_postgres() {
    let Ok(url) = std::env::var("RXLEDGER_PG_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "no PostgreSQL server in CI: run `scripts/pg.sh start` and export `scripts/pg.sh env`"
        );
        eprintln!("SKIPPED: no PostgreSQL server (run `scripts/pg.sh start` and export `scripts/pg.sh env`)");
        return;
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let loc = PgLocation::new(url, format!("ledger-{}-{nanos}", std::process::id()));
    PgStore::create(&loc).unwrap();
    let events = std::fs::read("samples/month/events.jsonl").unwrap();
    let payloads = ingest::read_events("events.jsonl", &events[..]).unwrap();

    let mut ledger = Ledger::new(PgStore::open(&loc).unwrap());
    assert_eq!(ledger.append(&payloads[..500]).unwrap().seq, 500);
    assert!(ledger.verify().unwrap().is_ok());
    let report = ledger.check(Config::default()).unwrap();
    assert_eq!(report.events, 500);

    let (private, public) = rxledger::checkpoint::generate_key("auditor").unwrap();
    let key = rxledger::checkpoint::SignerKey::parse(&private).unwrap();
    let (cp, note) = ledger.checkpoint(&key).unwrap();
    assert_eq!(cp.size, 500);
    ledger.append(&payloads[500..600]).unwrap();
    drop(ledger);

    // Reopened: the checkpoint history is in the database; proofs check out.
    let ledger = Ledger::new(PgStore::open_reader(&loc).unwrap());
    assert_eq!(ledger.checkpoints().unwrap().len(), 1);
    assert_eq!(
        ledger.last_checkpoint().unwrap().map(|s| s.extends),
        Some(Ok(600))
    );
    let proof = ledger.prove(42, &cp).unwrap();
    let opened = rxledger::checkpoint::VerifierKey::parse(&public)
        .unwrap()
        .open(&note)
        .unwrap();
    let mut line = Vec::new();
    ledger
        .store()
        .scan(42, &mut |rec| {
            line = rxledger::store::canonical_line(&rec);
            std::ops::ControlFlow::Break(())
        })
        .unwrap();
    assert_eq!(
        rxledger::proofs::verify_record(&line, &proof, &opened),
        Ok(())
    );
}
