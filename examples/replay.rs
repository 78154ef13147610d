//! Replays the bundled sample month into a fresh embedded file store and prints its summary.
//!
//! ```text
//! cargo run --release --example replay            # the bundled sample
//! cargo run --release --example replay -- FILE    # any events file (JSON Lines)
//! ```
//!
//! Steps: read and validate every event (all-or-nothing), append them in durable batches of 500
//! to a new ledger directory, verify the chain from disk, print counts per kind, the head and
//! stock per product and batch. It also verifies the bundled exported ledger
//! `samples/month/ledger.jsonl` against its known head.
//!
//! The two heads it prints differ, and should: a record's hash covers its `recorded_at` (when the
//! store appended it) and where its batch ends (`docs/architecture.md`), so the same events
//! appended now, in batches of 500, make another chain than the bundled ledger, appended once a
//! day at 23:30 China time in October 2026. The output says so.

use std::io::BufReader;
use std::path::PathBuf;

use rxledger::store::FileStore;

/// Head of `samples/month/ledger.jsonl` as published in `samples/README.md`.
const SAMPLE_HEAD: &str = "2345:1c0c3222e0b66a1688a415606d33e0ad94bd6250693ee4ad15ecb6307756c6fb";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let input = std::env::args_os()
        .nth(1)
        .map_or_else(|| root.join("samples/month/events.jsonl"), PathBuf::from);

    let name = input.display().to_string();
    let started = std::time::Instant::now();
    let payloads = rxledger::ingest::read_events(
        &name,
        BufReader::new(std::fs::File::open(&input).map_err(|e| format!("{name}: {e}"))?),
    )?;

    let tmp = tempfile::tempdir()?;
    let ledger = tmp.path().join("ledger");
    FileStore::init(&ledger)?;
    let mut store = FileStore::open(&ledger)?;
    let head = rxledger::ingest::append_batches(&mut store, &payloads, 500, |_| {})?;
    drop(store);
    println!(
        "replayed {} events from {name} into {} in {:.2?} (embedded file store, synced per batch of 500)",
        payloads.len(),
        ledger.display(),
        started.elapsed()
    );
    println!("head {head}\n");

    let summary = rxledger::summary::summarize(&ledger, None)?;
    print!("{}", summary.to_text());

    let bundled = root.join("samples/month/ledger.jsonl");
    if bundled.exists() {
        let expected = SAMPLE_HEAD.parse().map_err(|e: String| e)?;
        let r = rxledger::store::verify_path(&bundled, Some(expected), |_| {})?;
        match &r.failure {
            None => {
                println!(
                    "\nbundled exported ledger {}: verified, head {}",
                    bundled.display(),
                    r.head
                );
                if r.head != head {
                    println!(
                        "The two heads differ, as they should: a record's hash covers when the store \
                         appended it (recorded_at) and where its batch ends. This replay appended the \
                         events just now in batches of 500; the bundled ledger holds the same events \
                         appended once a day at 23:30 China time in October 2026 (samples/README.md). \
                         Same events, another history, another head: the head vouches for the \
                         ledger's history, not only for its events."
                    );
                }
            }
            Some(f) => {
                println!(
                    "\nbundled exported ledger {}: FAILED: {f}",
                    bundled.display()
                );
                std::process::exit(1);
            }
        }
    }
    if summary.verify.failure.is_some() || !summary.invalid_events.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}
