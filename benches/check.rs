//! Reconciliation benchmarks: the engine alone over parsed events, parsing plus engine, and the
//! whole `check` (verify + parse + engine) over an exported ledger, on the default number of
//! workers and on one thread. 200,000 generated events per
//! iteration; `scripts/check_bench.sh` runs the CLI over 1,000,000 and 10,000,000 events and
//! records peak memory.
#![allow(missing_docs)] // criterion_group! generates an undocumented function
#![allow(clippy::many_single_char_names)]

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rxledger::chain::ChainWriter;
use rxledger::gen::{GenConfig, Generator};
use rxledger::model::Event;
use rxledger::reconcile::{Config, Engine};

const N: usize = 200_000;

fn bench(c: &mut Criterion) {
    let events: Vec<Event> = Generator::new(GenConfig::default()).take(N).collect();
    let payloads: Vec<Vec<u8>> = events.iter().map(Event::to_json_bytes).collect();
    let mut w = ChainWriter::new();
    let mut ledger = Vec::new();
    for chunk in payloads.chunks(1000) {
        w.encode_batch(chunk, "2026-11-24T08:00:00.000000Z", &mut ledger)
            .unwrap();
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-tmp");
    std::fs::create_dir_all(&dir).unwrap();
    let tmp = tempfile::tempdir_in(dir).unwrap();
    let file = tmp.path().join("ledger.jsonl");
    std::fs::write(&file, &ledger).unwrap();

    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Elements(N as u64));
    g.sample_size(10);
    g.bench_function("engine", |b| {
        b.iter(|| {
            let mut e = Engine::new(Config::default());
            let mut n = 0;
            for (i, ev) in events.iter().enumerate() {
                n += e.push(i as u64 + 1, ev.occurred_at, ev).len();
            }
            n + e.finish().len()
        });
    });
    g.bench_function("parse_and_engine", |b| {
        b.iter(|| {
            let mut e = Engine::new(Config::default());
            let mut n = 0;
            for (i, p) in payloads.iter().enumerate() {
                let ev = Event::from_json(std::str::from_utf8(p).unwrap()).unwrap();
                n += e.push(i as u64 + 1, ev.occurred_at, &ev).len();
            }
            n + e.finish().len()
        });
    });
    g.bench_function("end_to_end", |b| {
        b.iter(|| {
            let r = rxledger::check::check_path(&file, Config::default(), None, |_| {}).unwrap();
            assert!(r.findings.is_empty());
        });
    });
    // The same on the calling thread alone: what the workers of `end_to_end` save.
    g.bench_function("end_to_end_one_thread", |b| {
        b.iter(|| {
            let r = rxledger::check::check_with_workers(
                &file,
                Engine::new(Config::default()),
                None,
                |_| {},
                0,
                |_, _| {},
                |_| {},
            )
            .unwrap();
            assert!(r.findings.is_empty());
        });
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default();
    targets = bench
}
criterion_main!(benches);
