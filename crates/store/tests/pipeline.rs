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
    ledger_padded(path, n, 700);
}

/// [`ledger`] with payloads padded by up to `pad - 1` bytes.
fn ledger_padded(path: &Path, n: usize, pad: usize) {
    let mut w = rxledger_chain::ChainWriter::new();
    let mut out = Vec::new();
    let payloads: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"i":{i},"pad":"{}"}}"#, "x".repeat(i % pad)))
        .collect();
    for batch in payloads.chunks(100) {
        let refs: Vec<&[u8]> = batch.iter().map(String::as_bytes).collect();
        w.encode_batch(&refs, "2026-11-24T08:00:00Z", &mut out)
            .unwrap();
    }
    std::fs::write(path, out).unwrap();
}

/// The message of the panic that a scan of `file` on `workers` workers ends with, `prepare`
/// being given each record and the calling thread's id; fails the test if the scan ends
/// without a panic, or hangs.
fn panic_of(
    file: &Path,
    workers: usize,
    prepare: impl Fn(&rxledger_chain::RecordRef<'_>, std::thread::ThreadId) + Send + Sync + 'static,
) -> String {
    let file = file.to_owned();
    let outcome = within_a_minute(move || {
        let caller = std::thread::current().id();
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            scan_path_prepared(
                &file,
                None,
                |_| {},
                workers,
                |rec| prepare(rec, caller),
                |_, ()| ControlFlow::Continue(()),
            )
        }))
    });
    let Err(panic) = outcome else {
        panic!("the panic of prepare must reach the caller");
    };
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
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
                    assert_eq!(rec.payload.len(), *len);
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

/// What a worker prepared is freed away from the calling thread (which runs the engine in a
/// check): the worker that reads the next block into the block's buffers drops it. Only the
/// last blocks, delivered after the workers reached the end of the file (up to the number in
/// flight: 11 blocks of 512 KiB, about 20,000 of these small records), are dropped by the
/// caller. (What the calling thread prepared itself, while it waited for a block, it drops
/// itself: its own allocations.)
#[test]
fn prepared_values_are_dropped_off_the_calling_thread() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    struct Noted {
        caller: std::thread::ThreadId,
        made_by_caller: bool,
        dropped_by_caller: Arc<AtomicUsize>,
        dropped: Arc<AtomicUsize>,
    }
    impl Drop for Noted {
        fn drop(&mut self) {
            self.dropped.fetch_add(1, Ordering::Relaxed);
            if std::thread::current().id() == self.caller && !self.made_by_caller {
                self.dropped_by_caller.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("l.jsonl");
    ledger_padded(&file, 100_000, 50);
    let (by_caller, all) = within_a_minute(move || {
        let caller = std::thread::current().id();
        let by_caller = Arc::new(AtomicUsize::new(0));
        let all = Arc::new(AtomicUsize::new(0));
        let (b, a) = (by_caller.clone(), all.clone());
        scan_path_prepared(
            &file,
            None,
            |_| {},
            2,
            move |_| Noted {
                caller,
                made_by_caller: std::thread::current().id() == caller,
                dropped_by_caller: b.clone(),
                dropped: a.clone(),
            },
            |_, _| ControlFlow::Continue(()),
        )
        .unwrap();
        (
            by_caller.load(Ordering::Relaxed),
            all.load(Ordering::Relaxed),
        )
    });
    assert_eq!(all, 100_000, "every value dropped once");
    assert!(
        by_caller < 20_000,
        "{by_caller} of 100000 made by the workers dropped by the caller"
    );
}

#[test]
fn a_panic_in_prepare_on_a_worker_reaches_the_caller() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("l.jsonl");
    ledger(&file, 20_000);
    for workers in [1, 2, 3] {
        let message = panic_of(&file, workers, |rec, _| {
            assert!(rec.seq != 7_777, "prepare fails on record 7777");
        });
        assert!(
            message.contains("record 7777"),
            "{workers} workers: {message}"
        );
    }
}

/// Waits until `flag` is set (at most 20 s, so that a wrong pipeline fails instead of hanging).
fn wait_for(flag: &std::sync::atomic::AtomicBool) {
    let start = std::time::Instant::now();
    while !flag.load(std::sync::atomic::Ordering::SeqCst)
        && start.elapsed() < Duration::from_secs(20)
    {
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// While the block it waits for is not back, the calling thread works on the next block
/// itself: with the workers held on their first record until the calling thread has prepared
/// one, and the calling thread held on its first until a worker has prepared one (so that the
/// test does not depend on how the threads are scheduled), every record
/// still arrives once and in order, both the calling thread and the workers prepare records,
/// and a panic of `prepare` on the calling thread reaches the caller (the workers, waiting for
/// buffers or for the file, are not left behind).
#[test]
fn the_calling_thread_works_while_it_waits_and_its_panics_reach_the_caller() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("l.jsonl");
    ledger(&file, 3_000);
    let f = file.clone();
    let (seen, by_caller) = within_a_minute(move || {
        let caller = std::thread::current().id();
        let helped = AtomicBool::new(false);
        let worked = AtomicBool::new(false);
        let mut seen = Vec::new();
        let mut by_caller = 0;
        scan_path_prepared(
            &f,
            None,
            |_| {},
            1,
            |rec| {
                let mine = std::thread::current().id() == caller;
                if mine {
                    helped.store(true, Ordering::SeqCst);
                    // And the calling thread waits for the worker's first record, so that it
                    // cannot read and prepare every block before the worker thread has started.
                    wait_for(&worked);
                } else {
                    wait_for(&helped);
                    worked.store(true, Ordering::SeqCst);
                }
                (rec.seq, mine)
            },
            |rec, (seq, mine)| {
                assert_eq!(rec.seq, *seq);
                seen.push(rec.seq);
                by_caller += usize::from(*mine);
                ControlFlow::Continue(())
            },
        )
        .unwrap();
        (seen, by_caller)
    });
    assert_eq!(seen, (1..=3_000).collect::<Vec<u64>>());
    assert!(by_caller > 0, "the calling thread prepared no record");
    assert!(by_caller < 3_000, "the worker prepared no record");
    for workers in [1, 2] {
        let helped = Arc::new(AtomicBool::new(false));
        let message = panic_of(&file, workers, move |_, caller| {
            if std::thread::current().id() == caller {
                helped.store(true, Ordering::SeqCst);
                panic!("prepare fails on the calling thread");
            }
            wait_for(&helped);
        });
        assert!(
            message.contains("calling thread"),
            "{workers} workers: {message}"
        );
    }
}

/// Records hashed side by side in the pipeline still give away any altered byte, at its record:
/// payloads of one, two and three blake3 chunks (every group of the batch hashing), a byte of
/// the payload or of the envelope changed in turn at many places, on two workers and on none.
#[test]
fn a_changed_byte_is_found_at_its_record_in_records_hashed_side_by_side() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("l.jsonl");
    let mut w = rxledger_chain::ChainWriter::new();
    let mut clean = Vec::new();
    // Lengths cycling through 0 to 3,000 bytes of padding, so a block mixes every group.
    let payloads: Vec<String> = (0..3_000usize)
        .map(|i| format!(r#"{{"i":{i},"pad":"{}"}}"#, "y".repeat(i * 389 % 3_000)))
        .collect();
    for batch in payloads.chunks(250) {
        let refs: Vec<&[u8]> = batch.iter().map(String::as_bytes).collect();
        w.encode_batch(&refs, "2026-11-24T08:00:00Z", &mut clean)
            .unwrap();
    }
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            clean
                .iter()
                .enumerate()
                .filter(|(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .take(payloads.len())
        .collect();
    std::fs::write(&file, &clean).unwrap();
    assert!(rxledger_store::verify_path(&file, None, |_| {})
        .unwrap()
        .is_ok());
    // 60 places spread over the file (a multiplicative step), each a byte of a pad, a digit,
    // a hash digit or the timestamp.
    let mut at = 17usize;
    for round in 0..60 {
        at = (at * 7_919 + 104_729) % clean.len();
        if clean[at] == b'\n' {
            continue;
        }
        let seq = starts.partition_point(|&s| s <= at) as u64;
        let mut bad = clean.clone();
        bad[at] = match bad[at] {
            b'y' => b'z',
            b'0'..=b'8' | b'a'..=b'e' => bad[at] + 1,
            b'9' | b'f' => b'0',
            other => other ^ 0x20,
        };
        std::fs::write(&file, &bad).unwrap();
        for workers in [0, 2] {
            let file = file.clone();
            let report = within_a_minute(move || {
                scan_path_prepared(
                    &file,
                    None,
                    |_| {},
                    workers,
                    |_| (),
                    |_, ()| ControlFlow::Continue(()),
                )
                .unwrap()
            });
            let failure = report.failure.unwrap_or_else(|| {
                panic!("round {round}: byte {at} of record {seq} changed, not found")
            });
            assert_eq!(
                failure.seq(),
                seq,
                "round {round}, {workers} workers: byte {at} of record {seq} changed: {failure}"
            );
            assert_eq!(report.head.seq, failure.seq() - 1, "round {round}");
        }
    }
}
