//! Events from a ledger's records, decoded in one place for the passes that read a ledger
//! without reconciling it (summary, cross-ledger shipments, custody tracing).

use std::ops::ControlFlow;
use std::path::Path;

use rxledger_model::{Event, EventError};
use rxledger_store::{StoreError, VerifyReport};

/// The event a record's payload holds. A payload that is not UTF-8 is read as empty text (and so
/// fails as an event).
pub(crate) fn event(payload: &[u8]) -> Result<Event, EventError> {
    Event::from_json(std::str::from_utf8(payload).unwrap_or(""))
}

/// Shows every record of the ledger at `path` that holds a valid event to `f`, with its seq,
/// whether or not the chain verifies (a forged record after a break is still shown).
pub(crate) fn scan_events(
    path: &Path,
    mut f: impl FnMut(u64, &Event),
) -> Result<VerifyReport, StoreError> {
    rxledger_store::scan_path(
        path,
        None,
        |_| {},
        |rec| {
            if let Ok(e) = event(rec.payload) {
                f(rec.seq, &e);
            }
            ControlFlow::Continue(())
        },
    )
}
