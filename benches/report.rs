//! The HTML inspection report of a year of one-minute temperature readings from ten sensors
//! (about 5.3 million readings in 87,600 uploads), with planted excursions and gaps: time to
//! read, reconcile and render it, and the size of the file; beside it, `check` alone over the
//! same ledger.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use std::path::PathBuf;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use rxledger::gen::sensors::{sensor_log, SensorLog};
use rxledger::html::{build, Options};
use rxledger::store::FileStore;

fn bench(c: &mut Criterion) {
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-tmp");
    std::fs::create_dir_all(&base).unwrap();
    let tmp = tempfile::tempdir_in(base).unwrap();
    let ledger = tmp.path().join("year");
    let cfg = SensorLog::default();
    let (events, excursions, gaps) = sensor_log(&cfg);
    let readings: usize = events
        .iter()
        .map(|e| match &e.body {
            rxledger::model::EventBody::TemperatureReading(t) => t.readings.len(),
            _ => 0,
        })
        .sum();
    let payloads: Vec<Vec<u8>> = events
        .iter()
        .map(rxledger::model::Event::to_json_bytes)
        .collect();
    drop(events);
    FileStore::init(&ledger).unwrap();
    {
        let mut store = FileStore::open(&ledger).unwrap();
        rxledger::ingest::append_batches(&mut store, &payloads, 1000, |_| {}).unwrap();
    }
    let bytes: usize = payloads.iter().map(Vec::len).sum();
    drop(payloads);

    // One run outside criterion: the figures for docs/benchmarks.md, and a sanity check that
    // every planted excursion and gap is in the report.
    let t = Instant::now();
    let report = build(std::slice::from_ref(&ledger), &Options::default()).unwrap();
    let html = report.to_html();
    let took = t.elapsed();
    let findings = &report.ledgers[0].check.findings;
    assert_eq!(
        findings.iter().filter(|f| f.rule == "TEMP-RANGE").count(),
        excursions.len()
    );
    assert_eq!(
        findings.iter().filter(|f| f.rule == "TEMP-GAP").count(),
        gaps.len()
    );
    assert_eq!(
        html.matches(r#"class="exc""#).count(),
        excursions.len(),
        "every excursion shaded"
    );
    eprintln!(
        "report_year: {} sensors, {readings} readings, ledger payloads {:.1} MB; report {:.2} MB ({} bytes) in {:.2} s",
        cfg.zones,
        bytes as f64 / 1e6,
        html.len() as f64 / 1e6,
        html.len(),
        took.as_secs_f64()
    );

    let mut g = c.benchmark_group("report_year_10_sensors");
    g.sample_size(10);
    g.bench_function("build_and_render", |b| {
        b.iter(|| {
            build(std::slice::from_ref(&ledger), &Options::default())
                .unwrap()
                .to_html()
                .len()
        });
    });
    // The same ledger through `check` alone (verify and reconcile, no temperature trace, no
    // custody chains, no HTML): what the report adds on top.
    g.bench_function("check_only", |b| {
        b.iter(|| {
            rxledger::check::check_path(
                &ledger,
                rxledger::reconcile::Config::default(),
                None,
                |_| {},
            )
            .unwrap()
            .findings
            .len()
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
