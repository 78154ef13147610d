//! Shared by the tests that check a ledger given as event lines.

use rxledger::check::CheckReport;
use rxledger::reconcile::Config;
use rxledger::store::MemStore;

/// The check of the events of `text` (JSON Lines, as `rxledger append` reads them; `name` for
/// errors), appended in batches of 1,000 to a store in memory, with the default configuration.
pub fn check_text(name: &str, text: &[u8]) -> CheckReport {
    let payloads =
        rxledger::ingest::read_events(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut store = MemStore::new();
    rxledger::ingest::append_batches(&mut store, &payloads, 1000, |_| {}).unwrap();
    rxledger::check::check_store(&store, Config::default(), None).unwrap()
}
