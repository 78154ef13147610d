//! Ingestion benchmarks: `append_file` of a JSON Lines file into a fresh durable ledger, against
//! `SQLite` fed by the same parse and validation (`Event::from_json`, canonical bytes) in durable
//! batches of 1,000 (WAL, `synchronous=FULL`, one transaction a batch, the same chaining as
//! `benches/log.rs`, a unique index on the event id for exactly-once), and the parse alone.
//! `docs/benchmarks.md` ("Ingest: `append`") has the commands and figures.
//!
//! The input is `RXLEDGER_INGEST_EVENTS` (default 100,000) `gen` events, written once under
//! `target/bench-tmp` (or `RXLEDGER_BENCH_DIR`), where the ledgers are written too. With
//! `RXLEDGER_INGEST_ONCE` set, the binary instead runs one peer once over a given file ([`once`]),
//! so that whole processes can be timed in turns.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, BatchSize, Criterion, Throughput};
use rxledger::chain::ChainWriter;
use rxledger::gen::{GenConfig, Generator};
use rxledger::ingest;
use rxledger::store::FileStore;

const BATCH: usize = 1000;
const TS: &str = "2026-11-26T08:00:00.000000Z";

fn bench_dir() -> PathBuf {
    let base = std::env::var_os("RXLEDGER_BENCH_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-tmp"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&base).unwrap();
    base
}

fn input(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("ingest-{n}.jsonl"));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for e in Generator::new(GenConfig::default()).take(n) {
        f.write_all(&e.to_json_bytes()).unwrap();
        f.write_all(b"\n").unwrap();
    }
    f.flush().unwrap();
    path
}

/// Parses and validates every line of `file` on this thread, calling `f` with batches of
/// canonical payloads.
fn parsed_batches(file: &Path, mut f: impl FnMut(&[Vec<u8>])) {
    let input = BufReader::with_capacity(1 << 20, std::fs::File::open(file).unwrap());
    let mut batch = Vec::with_capacity(BATCH);
    ingest::for_each_event("bench", input, |p| {
        batch.push(p);
        if batch.len() == BATCH {
            f(&batch);
            batch.clear();
        }
        Ok(())
    })
    .unwrap();
    if !batch.is_empty() {
        f(&batch);
    }
}

fn sqlite(path: &Path) -> rusqlite::Connection {
    let _ = std::fs::remove_file(path);
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.execute_batch(
        "CREATE TABLE records (seq INTEGER PRIMARY KEY, batch_end INTEGER NOT NULL,
         recorded_at TEXT NOT NULL, prev BLOB NOT NULL, hash BLOB NOT NULL,
         id TEXT NOT NULL UNIQUE, event TEXT NOT NULL)",
    )
    .unwrap();
    conn
}

fn sqlite_batch(conn: &mut rusqlite::Connection, chain: &mut ChainWriter, batch: &[Vec<u8>]) {
    let batch_end = chain.head().seq + batch.len() as u64;
    let links = chain.chain_batch(batch, TS);
    let tx = conn.transaction().unwrap();
    {
        let mut stmt = tx
            .prepare_cached("INSERT INTO records VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .unwrap();
        for (p, (prev, head)) in batch.iter().zip(&links) {
            let id = rxledger::store::ids::payload_id(p).unwrap();
            stmt.execute(rusqlite::params![
                head.seq.cast_signed(),
                batch_end.cast_signed(),
                TS,
                &prev.0[..],
                &head.hash.0[..],
                id.as_ref(),
                std::str::from_utf8(p).unwrap()
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
}

fn ingest(c: &mut Criterion) {
    let n: usize = std::env::var("RXLEDGER_INGEST_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let root = tempfile::tempdir_in(bench_dir()).unwrap();
    let file = input(root.path(), n);
    let mut g = c.benchmark_group("ingest");
    g.throughput(Throughput::Elements(n as u64))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));

    let ledger = root.path().join("ledger");
    g.bench_function("append_file_durable", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_dir_all(&ledger);
                FileStore::init(&ledger).unwrap();
                FileStore::open(&ledger).unwrap()
            },
            |mut store| {
                let done = ingest::append_file(&mut store, &file, BATCH, |_| {}).unwrap();
                assert_eq!(done.appended, n as u64);
                store
            },
            BatchSize::PerIteration,
        );
    });

    let db = root.path().join("ledger.sqlite");
    g.bench_function("sqlite_durable", |b| {
        b.iter_batched(
            || (sqlite(&db), ChainWriter::new()),
            |(mut conn, mut chain)| {
                parsed_batches(&file, |batch| sqlite_batch(&mut conn, &mut chain, batch));
                assert_eq!(chain.head().seq, n as u64);
                conn
            },
            BatchSize::PerIteration,
        );
    });

    // The parse and validation alone, on one thread: what the SQLite peer spends before it
    // inserts anything.
    g.bench_function("parse_one_thread", |b| {
        b.iter(|| {
            let mut events = 0;
            parsed_batches(&file, |batch| events += batch.len());
            assert_eq!(events, n);
        });
    });
    g.finish();
}

/// One whole-process run, for timing the two peers in turns from outside (`time`, or any tool
/// that alternates two commands): `RXLEDGER_INGEST_ONCE=append|sqlite` and
/// `RXLEDGER_INGEST_FILE=events.jsonl`; the ledger is written under the bench directory.
fn once(mode: &str) {
    let file =
        PathBuf::from(std::env::var_os("RXLEDGER_INGEST_FILE").expect("RXLEDGER_INGEST_FILE"));
    let dir = bench_dir().join(format!("once-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let events = match mode {
        "append" => {
            let ledger = dir.join("ledger");
            FileStore::init(&ledger).unwrap();
            let mut store = FileStore::open(&ledger).unwrap();
            ingest::append_file(&mut store, &file, BATCH, |_| {})
                .unwrap()
                .appended
        }
        "sqlite" => {
            let mut conn = sqlite(&dir.join("ledger.sqlite"));
            let mut chain = ChainWriter::new();
            parsed_batches(&file, |batch| sqlite_batch(&mut conn, &mut chain, batch));
            chain.head().seq
        }
        _ => panic!("RXLEDGER_INGEST_ONCE is append or sqlite, not {mode}"),
    };
    std::fs::remove_dir_all(&dir).unwrap();
    println!("{mode}: {events} events");
}

criterion_group! {
    name = benches;
    config = Criterion::default();
    targets = ingest
}

fn main() {
    if let Ok(mode) = std::env::var("RXLEDGER_INGEST_ONCE") {
        once(&mode);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
