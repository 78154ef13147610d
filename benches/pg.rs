//! The PostgreSQL store against the file store, side by side in one run (issue 15): durable
//! appends in batches of 1,000 (the file store, the PostgreSQL store, and plain per-row INSERTs
//! of the same payloads into a table without chain or triggers, 1,000 per transaction), then
//! `verify` and `check` over the same ledger in both stores.
//!
//! Needs the server of `scripts/pg.sh` (`RXLEDGER_PG_URL`, `RXLEDGER_PG_ADMIN_URL`);
//! `scripts/pg_bench.sh` runs it against a lone server and against a primary with a synchronous
//! standby. `PG_BENCH_EVENTS` sets the number of events (default 200,000).
#![allow(missing_docs)]

use std::path::PathBuf;
use std::time::Instant;

use rxledger::gen::{GenConfig, Generator};
use rxledger::model::Event;
use rxledger::reconcile::Config;
use rxledger::store::{verify_path, verify_store, FileStore, Store};
use rxledger::store_pg::{self, postgres, PgLocation, PgStore};

const BATCH: usize = 1000;

fn rate(what: &str, n: usize, start: Instant) -> f64 {
    let s = start.elapsed().as_secs_f64();
    let r = n as f64 / s;
    println!("{what:<44} {n:>9} events {s:>8.3} s {r:>11.0} events/s");
    r
}

fn main() {
    let (Ok(app), Ok(admin)) = (
        std::env::var("RXLEDGER_PG_URL"),
        std::env::var("RXLEDGER_PG_ADMIN_URL"),
    ) else {
        eprintln!(
            "benches/pg.rs: no server; run `scripts/pg.sh start` and export `scripts/pg.sh env`"
        );
        std::process::exit(2);
    };
    let n: usize = std::env::var("PG_BENCH_EVENTS").map_or(200_000, |s| s.parse().unwrap());
    let payloads: Vec<Vec<u8>> = Generator::new(GenConfig::default())
        .take(n)
        .map(|e: Event| e.to_json_bytes())
        .collect();
    let bytes: usize = payloads.iter().map(Vec::len).sum();
    let mut admin_client = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
    store_pg::install_schema(&mut admin_client).unwrap();
    let sync: String = admin_client
        .query_one("SHOW synchronous_commit", &[])
        .unwrap()
        .get(0);
    let standbys: i64 = admin_client
        .query_one(
            "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'",
            &[],
        )
        .unwrap()
        .get(0);
    println!(
        "{n} generated events ({} bytes each on average), batches of {BATCH}; synchronous_commit = {sync}; synchronous standbys: {standbys}",
        bytes / n.max(1)
    );

    // File store.
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-tmp");
    std::fs::create_dir_all(&base).unwrap();
    let tmp = tempfile::tempdir_in(&base).unwrap();
    let dir = tmp.path().join("ledger");
    FileStore::init(&dir).unwrap();
    let mut file = FileStore::open(&dir).unwrap();
    let start = Instant::now();
    for chunk in payloads.chunks(BATCH) {
        let refs: Vec<&[u8]> = chunk.iter().map(Vec::as_slice).collect();
        file.append(&refs).unwrap();
    }
    let file_append = rate("append, file store", n, start);
    drop(file);

    // PostgreSQL store.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let loc = PgLocation::new(app.clone(), format!("bench-{nanos}"));
    PgStore::create(&loc).unwrap();
    let mut db = PgStore::open(&loc).unwrap();
    let start = Instant::now();
    for chunk in payloads.chunks(BATCH) {
        let refs: Vec<&[u8]> = chunk.iter().map(Vec::as_slice).collect();
        db.append(&refs).unwrap();
    }
    let pg_append = rate("append, PostgreSQL store", n, start);
    drop(db);

    // Plain per-row INSERTs: no chain, no id index, no triggers; 1,000 per transaction.
    admin_client
        .batch_execute(
            "CREATE SCHEMA IF NOT EXISTS rxledger_bench; \
             CREATE TABLE IF NOT EXISTS rxledger_bench.plain (run text, seq bigint, payload bytea, PRIMARY KEY (run, seq)); \
             GRANT USAGE ON SCHEMA rxledger_bench TO rxledger_app; \
             GRANT INSERT, SELECT ON rxledger_bench.plain TO rxledger_app",
        )
        .unwrap();
    let mut plain = postgres::Client::connect(&app, postgres::NoTls).unwrap();
    let stmt = plain
        .prepare("INSERT INTO rxledger_bench.plain (run, seq, payload) VALUES ($1, $2, $3)")
        .unwrap();
    let run = loc.ledger().to_owned();
    let start = Instant::now();
    let mut seq = 0i64;
    for chunk in payloads.chunks(BATCH) {
        let mut tx = plain.transaction().unwrap();
        for p in chunk {
            seq += 1;
            tx.execute(&stmt, &[&run, &seq, &p.as_slice()]).unwrap();
        }
        tx.commit().unwrap();
    }
    let plain_rate = rate("plain per-row INSERTs (1,000 per commit)", n, start);
    println!(
        "ratios: PostgreSQL store / file store {:.2}; PostgreSQL store / plain per-row INSERTs {:.2}",
        pg_append / file_append,
        pg_append / plain_rate
    );

    // verify and check over the same ledger in both stores (best of 3).
    let best = |f: &mut dyn FnMut()| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let reader = PgStore::open_reader(&loc).unwrap();
    let vf = best(&mut || assert!(verify_path(&dir, None, |_| {}).unwrap().is_ok()));
    let vp = best(&mut || assert!(verify_store(&reader, None).unwrap().is_ok()));
    let cf = best(&mut || {
        let r = rxledger::check::check_path(&dir, Config::default(), None, |_| {}).unwrap();
        assert_eq!(r.events, n as u64);
    });
    let cp = best(&mut || {
        let r = rxledger::check::check_store(&reader, Config::default(), None).unwrap();
        assert_eq!(r.events, n as u64);
    });
    let line = |what: &str, s: f64| {
        println!(
            "{what:<44} {n:>9} events {s:>8.3} s {:>11.0} events/s",
            n as f64 / s
        );
    };
    line("verify, file store", vf);
    line("verify, PostgreSQL store", vp);
    line("check, file store", cf);
    line("check, PostgreSQL store", cp);
    println!(
        "ratios (time, PostgreSQL / file): verify {:.2}; check {:.2}",
        vp / vf,
        cp / cf
    );
}
