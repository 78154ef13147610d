//! The appender of `scripts/pg_failover.sh`: appends batches continuously to whichever node
//! accepts writes, survives the primary being killed (SIGKILL) and the standby promoted, retries
//! the batch whose outcome it did not learn, and at the end checks that every acknowledged event
//! is stored exactly once and that the chain verifies.
//!
//! Environment: `FO_URLS` (application-role URLs of the nodes, comma-separated), `FO_LEDGER`,
//! `FO_STOP` (a file whose appearance ends the run), `FO_BATCH` (events per batch, default 200).

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::Path;
use std::time::{Duration, Instant};

use rxledger_store::{verify_store, Store, StoreError};
use rxledger_store_pg::{PgLocation, PgStore};

fn batch(k: u64, n: u64) -> Vec<Vec<u8>> {
    (0..n)
        .map(|i| {
            format!(r#"{{"v":1,"id":"fo-{k}-{i}","kind":"demo","batch":{k},"n":{i}}}"#).into_bytes()
        })
        .collect()
}

/// Opens a writer on the first node that takes batch `pending`; returns it and whether the batch
/// turned out to be stored already (committed, but not acknowledged, before the failure).
fn reconnect(locs: &[PgLocation], payloads: &[&[u8]]) -> (PgStore, bool) {
    let start = Instant::now();
    loop {
        for loc in locs {
            let Ok(mut store) = PgStore::open(loc) else {
                continue;
            };
            match store.append(payloads) {
                Ok(_) => {
                    eprintln!(
                        "reconnected to {loc} after {} ms at seq {}",
                        start.elapsed().as_millis(),
                        store.head().seq - payloads.len() as u64
                    );
                    return (store, false);
                }
                Err(StoreError::DuplicateId {
                    index: 0,
                    in_batch: false,
                    identical: true,
                    ..
                }) => {
                    eprintln!(
                        "reconnected to {loc} after {} ms: the batch in flight was committed before the failure (found, not re-appended)",
                        start.elapsed().as_millis()
                    );
                    return (store, true);
                }
                Err(_) => {}
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no node accepted the batch for 120 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn main() {
    let urls = std::env::var("FO_URLS").expect("FO_URLS");
    let ledger = std::env::var("FO_LEDGER").expect("FO_LEDGER");
    let stop = std::env::var("FO_STOP").expect("FO_STOP");
    let per: u64 = std::env::var("FO_BATCH").map_or(200, |s| s.parse().expect("FO_BATCH"));
    let locs: Vec<PgLocation> = urls
        .split(',')
        .map(|u| PgLocation::new(u, ledger.clone()))
        .collect();
    let mut acked: Vec<u64> = Vec::new();
    let (mut recovered, mut failures) = (0u64, 0u64);
    let mut store: Option<PgStore> = None;
    let mut k = 0u64;
    while !Path::new(&stop).exists() {
        let b = batch(k, per);
        let refs: Vec<&[u8]> = b.iter().map(Vec::as_slice).collect();
        let ok = match store.as_mut().map(|s| s.append(&refs)) {
            Some(Ok(_)) => true,
            Some(Err(StoreError::DuplicateId { .. })) => {
                panic!("batch {k}: duplicate on a live writer")
            }
            Some(Err(_)) | None => false,
        };
        if !ok {
            failures += u64::from(store.is_some());
            drop(store.take());
            let (s, was_stored) = reconnect(&locs, &refs);
            recovered += u64::from(was_stored);
            store = Some(s);
        }
        acked.push(k);
        k += 1;
    }
    // The verdict, over the writer's connection to the node that accepts writes now.
    let reader = store.expect("at least one batch was appended");
    let report = verify_store(&reader, None).expect("verify");
    let mut count: HashMap<String, u32> = HashMap::new();
    reader
        .scan(1, &mut |rec| {
            let id = rxledger_store::ids::payload_id(rec.payload)
                .unwrap_or_default()
                .into_owned();
            *count.entry(id).or_default() += 1;
            ControlFlow::Continue(())
        })
        .expect("scan");
    let mut lost = 0u64;
    for &k in &acked {
        for i in 0..per {
            if !count.contains_key(&format!("fo-{k}-{i}")) {
                lost += 1;
            }
        }
    }
    let duplicated = count.values().filter(|&&n| n > 1).count();
    println!(
        "acknowledged batches {} ({} events); failures seen by the writer {failures}; batches found committed on reconnect {recovered}; stored records {}; lost {lost}; duplicated {duplicated}; chain {}; head {}",
        acked.len(),
        acked.len() as u64 * per,
        report.head.seq,
        if report.is_ok() { "verifies" } else { "FAILS" },
        report.head
    );
    let ok = lost == 0
        && duplicated == 0
        && report.is_ok()
        && report.head.seq == acked.len() as u64 * per;
    std::process::exit(i32::from(!ok));
}
