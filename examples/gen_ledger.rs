//! Writes a generated ledger straight to an exported `.jsonl` file, streaming (constant memory):
//! for benchmarks that need ledgers of millions of records.
//!
//! `cargo run --release --example gen_ledger -- EVENTS OUT.jsonl [SEED] [VIOLATION_RATE] [SCALE]`
//! (SCALE as `rxledger gen --scale`; OUT may be a FIFO).

use std::io::{BufWriter, Write};

use rxledger::chain::ChainWriter;
use rxledger::gen::{GenConfig, Generator};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().ok_or("EVENTS missing")?.parse()?;
    let out = args.next().ok_or("OUT missing")?;
    let seed: u64 = args.next().map_or(Ok(1), |s| s.parse())?;
    let rate: f64 = args.next().map_or(Ok(0.0), |s| s.parse())?;
    let scale: u32 = args.next().map_or(Ok(1), |s| s.parse())?;
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(&out)?);
    let mut chain = ChainWriter::new();
    let mut buf = Vec::new();
    let mut batch: Vec<Vec<u8>> = Vec::with_capacity(1000);
    let mut g = Generator::scaled(
        GenConfig {
            seed,
            violations: rate,
            ..GenConfig::default()
        },
        scale,
    );
    let mut last = String::new();
    for e in g.by_ref().take(n) {
        last = e.occurred_at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string();
        batch.push(e.to_json_bytes());
        if batch.len() == 1000 {
            buf.clear();
            chain.encode_batch(&batch, &last, &mut buf)?;
            w.write_all(&buf)?;
            batch.clear();
        }
    }
    if !batch.is_empty() {
        buf.clear();
        chain.encode_batch(&batch, &last, &mut buf)?;
        w.write_all(&buf)?;
    }
    w.flush()?;
    eprintln!("{n} events, head {}", chain.head());
    Ok(())
}
