//! Memory per live traceability code and throughput with and without codes.
//!
//! `cargo run --release --example codes_bench -- [LIVE_CODES] [GEN_EVENTS]`
//! (defaults 10,000,000 and 1,000,000). Part 1 receives `LIVE_CODES` narcotic unit codes (1,000 per
//! receipt) and reports the engine's resident-memory growth per live code. Part 2 reconciles
//! `GEN_EVENTS` generated events (parse + engine) as generated, and again with every unit code
//! removed, and reports both rates.

use std::time::Instant;

use chrono::{Duration, TimeZone, Utc};
use rxledger::gen::{GenConfig, Generator};
use rxledger::model::{Event, EventBody};
use rxledger::reconcile::{Config, Engine};

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let live: u64 = args.next().map_or(Ok(10_000_000), |s| s.parse())?;
    let gen_events: usize = args.next().map_or(Ok(1_000_000), |s| s.parse())?;

    // Part 1: live codes. Master data and one template receipt from the generator.
    let events: Vec<Event> = Generator::new(GenConfig::default()).take(3000).collect();
    let template = events
        .iter()
        .find(|e| matches!(&e.body, EventBody::Receipt(r) if r.lines.iter().any(|l| !l.codes.is_empty())))
        .ok_or("no receipt with codes")?
        .clone();
    let mut engine = Engine::new(Config::default());
    let mut seq = 0u64;
    for e in events.iter().take_while(|e| {
        matches!(
            e.body,
            EventBody::PartyRegistered(_) | EventBody::ProductRegistered(_)
        )
    }) {
        seq += 1;
        engine.push(seq, e.occurred_at, e);
    }
    let before = rss_kb();
    let per_receipt = 1000u64;
    let receipts = live / per_receipt;
    let start = Instant::now();
    let t0 = Utc
        .with_ymd_and_hms(2026, 10, 2, 2, 0, 0)
        .single()
        .ok_or("time")?;
    for i in 0..receipts {
        let mut e = template.clone();
        e.occurred_at = t0 + Duration::seconds(i64::try_from(i)?);
        e.entered_at = Some(e.occurred_at);
        if let EventBody::Receipt(r) = &mut e.body {
            r.doc = format!("SH{i:09}").into();
            r.lines.truncate(1);
            let l = &mut r.lines[0];
            l.batch = format!("B{i:08}").into();
            l.arrived = per_receipt;
            l.accepted = per_receipt;
            l.codes = (0..per_receipt)
                .map(|j| format!("8100370{:09}{:04}", i * per_receipt + j, j % 10_000).into())
                .collect();
        }
        seq += 1;
        engine.push(seq, e.occurred_at, &e);
    }
    let elapsed = start.elapsed();
    let after = rss_kb();
    let grown = (after.saturating_sub(before)) * 1024;
    println!(
        "live codes: {}  RSS before {before} KB, after {after} KB  => {:.1} bytes per live code  ({:.2} s, {:.0} codes/s)",
        receipts * per_receipt,
        grown as f64 / (receipts * per_receipt) as f64,
        elapsed.as_secs_f64(),
        (receipts * per_receipt) as f64 / elapsed.as_secs_f64()
    );
    drop(engine);

    // Part 2: throughput with and without codes, same events.
    let payloads: Vec<Vec<u8>> = Generator::new(GenConfig::default())
        .take(gen_events)
        .map(|e| e.to_json_bytes())
        .collect();
    let stripped: Vec<Vec<u8>> = payloads
        .iter()
        .map(|p| {
            let mut e = Event::from_json(std::str::from_utf8(p).unwrap_or("")).expect("valid");
            match &mut e.body {
                EventBody::Receipt(r) => r.lines.iter_mut().for_each(|l| l.codes.clear()),
                EventBody::PutAway(m) => m.lines.iter_mut().for_each(|l| l.codes.clear()),
                EventBody::Transfer(m) => m.lines.iter_mut().for_each(|l| l.codes.clear()),
                EventBody::Dispatch(d) => d.lines.iter_mut().for_each(|l| l.codes.clear()),
                EventBody::Destruction(d) => d.lines.iter_mut().for_each(|l| l.codes.clear()),
                EventBody::LossReport(d) => d.lines.iter_mut().for_each(|l| l.codes.clear()),
                _ => {}
            }
            e.to_json_bytes()
        })
        .collect();
    let codes: usize = payloads
        .iter()
        .map(|p| p.windows(3).filter(|w| w == b"810").count())
        .sum();
    let run = |set: &[Vec<u8>]| {
        let start = Instant::now();
        let mut engine = Engine::new(Config::default());
        let mut n = 0usize;
        for (i, p) in set.iter().enumerate() {
            let e = Event::from_json(std::str::from_utf8(p).unwrap_or("")).expect("valid");
            n += engine.push(i as u64 + 1, e.occurred_at, &e).len();
        }
        n += engine.finish().len();
        (start.elapsed().as_secs_f64(), n)
    };
    // Interleave the two runs twice and keep the faster of each, on a shared machine.
    let (mut with, mut without) = (f64::MAX, f64::MAX);
    let mut findings = (0, 0);
    for _ in 0..2 {
        let (a, fa) = run(&payloads);
        let (b, fb) = run(&stripped);
        with = with.min(a);
        without = without.min(b);
        findings = (fa, fb);
    }
    println!(
        "gen ledger of {gen_events} events (~{codes} code occurrences): with codes {:.0} events/s, without {:.0} events/s => {:.2}x; findings {} / {}",
        gen_events as f64 / with,
        gen_events as f64 / without,
        with / without,
        findings.0,
        findings.1
    );
    Ok(())
}
