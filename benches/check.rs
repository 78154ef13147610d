//! Reconciliation benchmarks: the engine alone over parsed events, parsing plus engine, and the
//! whole `check` (verify + parse + engine) over an exported ledger, on the default number of
//! workers and on one thread. 200,000 generated events per
//! iteration; `scripts/check_bench.sh` runs the CLI over 1,000,000 and 10,000,000 events and
//! records peak memory. `check/engine_packs`: the engine over 20,000 aggregations packing 20
//! unit codes each (whether a child is already packed must not read every pack).
//! `check/engine_consolidated`: 5 rounds of 2,000 sales, one outbound review and one dispatch
//! naming them all, a line per sale (each line's sale is found by resuming a search, and the
//! members are looked up once per event: both were quadratic).
#![allow(missing_docs)] // criterion_group! generates an undocumented function
#![allow(clippy::many_single_char_names)]

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rxledger::chain::ChainWriter;
use rxledger::gen::{GenConfig, Generator};
use rxledger::model::Event;
use rxledger::reconcile::{Config, Engine};

const N: usize = 200_000;

/// The number of findings of `events` through a fresh engine (record `i + 1` for `events[i]`).
fn findings(events: &[Event]) -> usize {
    let mut e = Engine::new(Config::default());
    let mut n = 0;
    for (i, ev) in events.iter().enumerate() {
        n += e.push(i as u64 + 1, ev.occurred_at, ev).len();
    }
    n + e.finish().len()
}

/// Event number `n` of the synthetic benches: `kind` with `data` (and `refs.sale` when given).
fn synthetic(
    n: u64,
    kind: &str,
    at: &str,
    sales: Option<&[String]>,
    data: serde_json::Value,
) -> Event {
    let mut v = serde_json::json!({
        "v": 2,
        "id": format!("01a0efd3-5680-7bae-b079-{n:012x}"),
        "kind": kind,
        "occurred_at": at,
        "recorded_by": ["bench"],
        "data": data,
    });
    if let Some(s) = sales {
        v["refs"] = serde_json::json!({ "sale": s });
    }
    Event::from_value(v).unwrap()
}

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
        b.iter(|| findings(&events));
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

/// 20,000 `aggregation` events, each packing 20 new unit codes into a new case code.
fn packs() -> Vec<Event> {
    (0..20_000_u64)
        .map(|i| {
            let code = |n: u64| format!("8123456{n:09}1234");
            let children: Vec<String> = (0..20).map(|j| code(1_000_000 + i * 20 + j)).collect();
            let data = serde_json::json!({
                "doc": format!("AG{i}"), "action": "pack", "parent": code(i), "children": children,
            });
            synthetic(i, "aggregation", "2026-10-02T00:00:00Z", None, data)
        })
        .collect()
}

/// 5 rounds of 2,000 one-line sales of one batch, each round reviewed and dispatched by one
/// document naming all its sales, a line per sale.
fn consolidated() -> Vec<Event> {
    let mut n = 0_u64;
    let mut event = |kind: &str, sales: Option<&[String]>, data: serde_json::Value| {
        n += 1;
        synthetic(n, kind, "2026-10-02T04:00:00Z", sales, data)
    };
    let mut events = Vec::new();
    for round in 0..5 {
        let sales: Vec<String> = (0..2_000).map(|i| format!("XS{round}-{i}")).collect();
        for s in &sales {
            events.push(event(
                "sale",
                None,
                serde_json::json!({
                "doc": s, "customer": "C1", "channel": "wholesale",
                "lines": [{"product": "P1", "batch": "B1", "expiry": "2029-08-31", "quantity": 10,
                           "unit_price": {"minor": 1400, "currency": "CNY"}}]}),
            ));
        }
        let line = serde_json::json!({"product": "P1", "batch": "B1", "expiry": "2029-08-31",
                                      "quantity": 10, "quality": "ok"});
        events.push(event(
            "outbound_review",
            Some(&sales),
            serde_json::json!({
            "doc": format!("FH{round}"), "customer": "C1", "reviewers": ["bench"],
            "lines": vec![line; sales.len()]}),
        ));
        let line =
            serde_json::json!({"product": "P1", "batch": "B1", "quantity": 10, "from": "WH"});
        events.push(event(
            "dispatch",
            Some(&sales),
            serde_json::json!({
            "doc": format!("PS{round}"), "customer": "C1", "consignee": "x", "address": "x",
            "lines": vec![line; sales.len()]}),
        ));
    }
    events
}

fn bench_packs(c: &mut Criterion) {
    let events = packs();
    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Elements(events.len() as u64));
    g.sample_size(10);
    g.bench_function("engine_packs", |b| {
        b.iter(|| assert_eq!(findings(&events), 0));
    });
    let events = consolidated();
    g.throughput(Throughput::Elements(events.len() as u64));
    g.bench_function("engine_consolidated", |b| {
        b.iter(|| findings(&events));
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default();
    targets = bench, bench_packs
}
criterion_main!(benches);
