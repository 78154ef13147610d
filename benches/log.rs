//! Log benchmarks: append (memory, durable file store, `SQLite` at equal durability), verify, and
//! the blake3 floor. `docs/benchmarks.md` has the commands and figures; `scripts/bench_report.py`
//! turns criterion's medians into events/s and the target ratios.
//!
//! Durable benchmarks write under `target/bench-tmp` (the project's disk, not a tmpfs) unless
//! `RXLEDGER_BENCH_DIR` says otherwise.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rxledger::chain::{ChainWriter, Verifier};
use rxledger::gen::{GenConfig, Generator};
use rxledger::store::{FileStore, MemStore, Store};

const BATCH: usize = 1000;
const VERIFY_RECORDS: usize = 200_000;
const TS: &str = "2026-11-24T08:00:00.000000Z";

fn payloads(n: usize) -> Vec<Vec<u8>> {
    Generator::new(GenConfig::default())
        .take(n)
        .map(|e| e.to_json_bytes())
        .collect()
}

fn bench_dir() -> PathBuf {
    let base = std::env::var_os("RXLEDGER_BENCH_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-tmp"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&base).unwrap();
    base
}

/// The benchmark's events, cycled in batches; every pass over them gets fresh event ids (the
/// stores refuse an id they already hold), by rewriting the last 12 hex digits of each id.
struct Fresh(Vec<Vec<u8>>);

impl Fresh {
    /// Batch `i`: the `i % 20`-th slice of the events, with ids of round `i / 20`.
    fn batch(&mut self, i: usize) -> Vec<&[u8]> {
        let n = self.0.len() / BATCH;
        let tag = format!("{:012x}", i / n);
        let chunk = &mut self.0[(i % n) * BATCH..(i % n + 1) * BATCH];
        for p in chunk.iter_mut() {
            // `{"v":1,"id":"` is 13 bytes; the id's last 12 hex digits are bytes 37..49.
            p[37..49].copy_from_slice(tag.as_bytes());
        }
        chunk.iter().map(Vec::as_slice).collect()
    }
}

fn append(c: &mut Criterion) {
    let mut events = Fresh(payloads(20 * BATCH));
    let mut g = c.benchmark_group("append");
    g.throughput(Throughput::Elements(BATCH as u64));

    g.bench_function("memory", |b| {
        let mut store = MemStore::new();
        let mut i = 0;
        b.iter(|| {
            if store.head().seq > 2_000_000 {
                store = MemStore::new();
            }
            store.append_at(&events.batch(i), TS).unwrap();
            i += 1;
        });
    });

    // Durable stores are restarted every ROTATE batches so that a long run does not fill the
    // disk; both peers get the same treatment.
    const ROTATE: usize = 300;
    g.sample_size(30)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    let root = tempfile::tempdir_in(bench_dir()).unwrap();
    let new_file_store = |n: usize| {
        let dir = root.path().join(format!("ledger-{n}"));
        FileStore::init(&dir).unwrap();
        FileStore::open(&dir).unwrap()
    };
    let mut generation = 0;
    let mut store = new_file_store(generation);
    let mut i = 0;
    g.bench_function("file_durable", |b| {
        b.iter(|| {
            if i > 0 && i % ROTATE == 0 {
                generation += 1;
                store = new_file_store(generation);
                let _ =
                    std::fs::remove_dir_all(root.path().join(format!("ledger-{}", generation - 1)));
            }
            store.append_at(&events.batch(i), TS).unwrap();
            i += 1;
        });
    });
    drop(store);

    // SQLite at equal durability: WAL, synchronous=FULL, one transaction per 1,000 events, the
    // same chaining (the same leaf and link hashes, computed by the same parallel code) and the
    // same payload bytes.
    let new_sqlite = |n: usize| {
        let conn =
            rusqlite::Connection::open(root.path().join(format!("ledger-{n}.sqlite"))).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.pragma_update(None, "synchronous", "FULL").unwrap();
        conn.execute_batch(
            "CREATE TABLE records (seq INTEGER PRIMARY KEY, batch_end INTEGER NOT NULL,
             recorded_at TEXT NOT NULL, prev BLOB NOT NULL, hash BLOB NOT NULL, event TEXT NOT NULL)",
        )
        .unwrap();
        conn
    };
    let mut conn = new_sqlite(0);
    let mut chain = ChainWriter::new();
    let mut i = 0;
    let mut generation = 0;
    g.bench_function("sqlite_durable", |b| {
        b.iter(|| {
            if i > 0 && i % ROTATE == 0 {
                generation += 1;
                conn = new_sqlite(generation);
                chain = ChainWriter::new();
                let _ = std::fs::remove_file(
                    root.path()
                        .join(format!("ledger-{}.sqlite", generation - 1)),
                );
            }
            let batch = &events.batch(i);
            i += 1;
            let batch_end = chain.head().seq + batch.len() as u64;
            let links = chain.chain_batch(batch, TS);
            let tx = conn.transaction().unwrap();
            {
                let mut stmt = tx
                    .prepare_cached("INSERT INTO records VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .unwrap();
                for (p, (prev, head)) in batch.iter().zip(&links) {
                    stmt.execute(rusqlite::params![
                        head.seq.cast_signed(),
                        batch_end.cast_signed(),
                        TS,
                        &prev.0[..],
                        &head.hash.0[..],
                        std::str::from_utf8(p).unwrap()
                    ])
                    .unwrap();
                }
            }
            tx.commit().unwrap();
        });
    });
    g.finish();
}

fn verify(c: &mut Criterion) {
    let events = payloads(VERIFY_RECORDS);
    let mut w = ChainWriter::new();
    let mut ledger = Vec::new();
    for chunk in events.chunks(BATCH) {
        w.encode_batch(chunk, TS, &mut ledger).unwrap();
    }
    let tmp = tempfile::tempdir_in(bench_dir()).unwrap();
    let file = tmp.path().join("ledger.jsonl");
    std::fs::write(&file, &ledger).unwrap();

    let mut g = c.benchmark_group("verify");
    g.throughput(Throughput::Elements(VERIFY_RECORDS as u64));
    g.sample_size(20);
    g.bench_function("file", |b| {
        b.iter(|| {
            let r = rxledger::store::verify_path(&file, None, |_| {}).unwrap();
            assert!(r.is_ok());
        });
    });
    g.bench_function("in_memory", |b| {
        b.iter(|| {
            let mut v = Verifier::new();
            for line in ledger.split(|&c| c == b'\n').filter(|l| !l.is_empty()) {
                v.push_line(line).unwrap();
            }
            v.finish().unwrap()
        });
    });
    g.bench_function("blake3_floor", |b| {
        b.iter_batched(
            || (),
            |()| {
                let mut acc = 0u8;
                for p in &events {
                    acc ^= blake3::hash(p).as_bytes()[0];
                }
                acc
            },
            BatchSize::SmallInput,
        );
    });
    // The same bytes hashed side by side, 512 records at a time (what append, verify and check
    // do since the leaves are hashed with `ManyHasher`): the floor of a verifier that uses SIMD
    // across records.
    g.bench_function("blake3_side_by_side_floor", |b| {
        let mut many = rxledger::chain::ManyHasher::new(rxledger::chain::LEAF_CONTEXT);
        let mut out = Vec::new();
        b.iter(|| {
            let mut acc = 0u8;
            for part in events.chunks(512) {
                for p in part {
                    many.push(&[p]);
                }
                many.finish(&mut out);
                acc ^= out.iter().fold(0, |a, d| a ^ d.0[0]);
            }
            acc
        });
    });
    g.finish();
    let bytes: usize = events.iter().map(Vec::len).sum();
    eprintln!(
        "verify corpus: {VERIFY_RECORDS} records, mean payload {} bytes, ledger {} bytes",
        bytes / events.len(),
        ledger.len()
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default();
    targets = append, verify
}

criterion_main!(benches);
