//! Shared by the tests that check a ledger given as event lines.

// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use rxledger::check::CheckReport;
use rxledger::reconcile::Config;
use rxledger::store::MemStore;

/// A store in memory holding the events of `text` (JSON Lines, as `rxledger append` reads them;
/// `name` for errors), appended as `rxledger append` appends them: in batches of 1,000, an event
/// the ledger or the file already holds byte for byte skipped.
pub fn store_text(name: &str, text: &[u8]) -> MemStore {
    let lines = rxledger::ingest::read_lines(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut store = MemStore::new();
    rxledger::ingest::append_lines(&mut store, name, &lines, 1000, |_| {})
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    store
}

/// The check of [`store_text`]'s store, with the default configuration.
pub fn check_text(name: &str, text: &[u8]) -> CheckReport {
    rxledger::check::check_store(&store_text(name, text), Config::default(), None).unwrap()
}

/// The lines of the inspection ledger `samples/inspections/NN-….jsonl`.
pub fn inspection(nn: &str) -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/inspections");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{nn}-")) && name.ends_with(".jsonl")
        })
        .unwrap_or_else(|| panic!("ledger {nn}"));
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().map(str::to_owned).collect()
}
