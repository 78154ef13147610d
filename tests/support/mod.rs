//! Shared by the tests that check a ledger given as event lines.

use rxledger::check::CheckReport;
use rxledger::reconcile::Config;
use rxledger::store::MemStore;

/// The check of the events of `text` (JSON Lines, as `rxledger append` reads them; `name` for
/// errors), appended as `rxledger append` appends them (in batches of 1,000, an event the ledger
/// or the file already holds byte for byte skipped) to a store in memory, with the default
/// configuration.
pub fn check_text(name: &str, text: &[u8]) -> CheckReport {
    let lines = rxledger::ingest::read_lines(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut store = MemStore::new();
    rxledger::ingest::append_lines(&mut store, name, &lines, 1000, |_| {})
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    rxledger::check::check_store(&store, Config::default(), None).unwrap()
}
