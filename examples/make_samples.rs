//! Regenerates the bundled sample month in `samples/month/`:
//!
//! * `events.jsonl`: October 2026 of the fictitious wholesaler 浙江康源医药有限公司 (seed 2026);
//! * `ledger.jsonl`: the same events as an exported ledger, appended once a day at 23:30 China
//!   time (so `recorded_at` is fixed and the file is byte-for-byte reproducible).
//!
//! Run `cargo run --example make_samples` after a deliberate change to the generator; the golden
//! tests then show what changed.

use std::io::Write;

use chrono::{Duration, NaiveDate};
use rxledger::gen::{GenConfig, Generator};
use rxledger::store::{MemStore, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let start = NaiveDate::from_ymd_opt(2026, 10, 1).ok_or("date")?;
    let end = NaiveDate::from_ymd_opt(2026, 11, 1).ok_or("date")?;
    let local = |e: &rxledger::model::Event| (e.occurred_at + Duration::hours(8)).date_naive();
    let events: Vec<_> = Generator::new(GenConfig {
        seed: 2026,
        start,
        ..GenConfig::default()
    })
    .take_while(|e| local(e) < end)
    .collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/month");
    std::fs::create_dir_all(&dir)?;
    let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("events.jsonl"))?);
    for e in &events {
        f.write_all(&e.to_json_bytes())?;
        f.write_all(b"\n")?;
    }
    f.flush()?;
    let mut store = MemStore::new();
    rxledger::ingest::append_daily(&mut store, &events)?;
    std::fs::write(dir.join("ledger.jsonl"), store.as_bytes())?;
    println!(
        "wrote {} events, ledger head {}",
        events.len(),
        store.head()
    );
    Ok(())
}
