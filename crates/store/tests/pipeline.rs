//! The reading pipeline of `scan_path_prepared` on several threads: every record in order,
//! whichever worker finishes first, and a panic of the caller's `prepare` on a worker reaches the
//! caller instead of leaving it waiting for the block for ever.

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use rxledger_store::scan_path_prepared;

/// An exported file of `n` records (payloads of different lengths, so that the blocks of the
/// pipeline hold different numbers of lines and cost different amounts).
fn ledger(path: &Path, n: usize) {
    let mut w = rxledger_chain::ChainWriter::new();
    let mut out = Vec::new();
    let payloads: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"i":{i},"pad":"{}"}}"#, "x".repeat(i % 700)))
        .collect();
    for batch in payloads.chunks(100) {
        let refs: Vec<&[u8]> = batch.iter().map(String::as_bytes).collect();
        w.encode_batch(&refs, "2026-11-24T08:00:00Z", &mut out)
            .unwrap();
    }
    std::fs::write(path, out).unwrap();
}

/// Runs `f` on a thread of its own, failing the test if it takes more than a minute (a hang).
fn within_a_minute<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the scan did not end within a minute")
}

#[test]
fn every_record_arrives_once_in_order_with_what_was_prepared_for_it() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("l.jsonl");
    ledger(&file, 20_000);
    for workers in [0, 1, 2, 3] {
        let file = file.clone();
        let seen = within_a_minute(move || {
            let mut seen = Vec::new();
            let report = scan_path_prepared(
                &file,
                None,
                |_| {},
                workers,
                |rec| rec.payload.len(),
                |rec, len| {
                    assert_eq!(rec.payload.len(), len);
                    seen.push(rec.seq);
                    ControlFlow::Continue(())
                },
            )
            .unwrap();
            assert!(report.failure.is_none());
            seen
        });
        assert_eq!(
            seen,
            (1..=20_000).collect::<Vec<u64>>(),
            "{workers} workers"
        );
    }
}

#[test]
fn a_panic_in_prepare_on_a_worker_reaches_the_caller() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("l.jsonl");
    ledger(&file, 20_000);
    for workers in [1, 2, 3] {
        let file = file.clone();
        let outcome = within_a_minute(move || {
            std::panic::catch_unwind(|| {
                scan_path_prepared(
                    &file,
                    None,
                    |_| {},
                    workers,
                    |rec| assert!(rec.seq != 7_777, "prepare fails on record 7777"),
                    |_, ()| ControlFlow::Continue(()),
                )
            })
        });
        let panic = outcome.expect_err("the panic of prepare must reach the caller");
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        assert!(
            message.contains("record 7777"),
            "{workers} workers: {message}"
        );
    }
}
