//! Regenerates `samples/scenarios/`: a clean ledger and one ledger per rule family with planted
//! violations, each with `NAME.expected` (the planted findings, `RULE SEQ` per line) and
//! `NAME.snapshot.txt` (the text report of `rxledger check`).
//!
//! `cargo run --release --example make_scenarios`. Deterministic: for each family the first seed
//! (from 1) that plants every rule of the family at least once is used.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use chrono::{Duration, NaiveDate};
use rxledger::gen::{GenConfig, Generator, Planted};
use rxledger::store::{MemStore, Store};

struct Family {
    name: &'static str,
    rules: &'static [&'static str],
    days: i64,
    rate: f64,
}

const FAMILIES: &[Family] = &[
    Family {
        name: "clean",
        rules: &[],
        days: 30,
        rate: 0.0,
    },
    Family {
        name: "goods-books-invoices-payments",
        rules: &["TTGK-P", "TTGK-S", "UNINVOICED", "UNPAID", "ORPHAN"],
        days: 75,
        rate: 0.04,
    },
    Family {
        name: "documents",
        rules: &["REC-DOC", "OUT-REV", "ACC-GATE"],
        days: 30,
        rate: 0.08,
    },
    Family {
        name: "stock-batches",
        rules: &[
            "STOCK-NEG",
            "STOCK-COUNT",
            "NO-SOURCE",
            "EXPIRED",
            "EXPIRED-NEAR",
            "QUARANTINE",
            "RETURN-ORIG",
        ],
        days: 60,
        rate: 0.06,
    },
    Family {
        name: "qualification",
        rules: &["SUP-LIC", "CUS-LIC", "TWO-INVOICE"],
        days: 40,
        rate: 0.06,
    },
    Family {
        name: "records",
        rules: &["LATE-ENTRY"],
        days: 20,
        rate: 0.01,
    },
];

fn generate(f: &Family, seed: u64) -> (Vec<rxledger::model::Event>, Vec<Planted>) {
    let start = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default();
    let end = start + Duration::days(f.days);
    let mut g = Generator::new(GenConfig {
        seed,
        start,
        violations: f.rate,
        rules: f.rules.iter().map(|r| (*r).to_owned()).collect(),
    });
    let events: Vec<_> = g
        .by_ref()
        .take_while(|e| (e.occurred_at + Duration::hours(8)).date_naive() < end)
        .collect();
    let manifest = g.manifest(events.len() as u64);
    (events, manifest)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/scenarios");
    std::fs::create_dir_all(&dir)?;
    for f in FAMILIES {
        let (seed, events, manifest) = (1..200)
            .map(|seed| {
                let (e, m) = generate(f, seed);
                (seed, e, m)
            })
            .find(|(_, _, m)| {
                let planted: BTreeSet<&str> = m.iter().map(|p| p.rule).collect();
                f.rules.iter().all(|r| planted.contains(r))
            })
            .ok_or("no seed plants every rule of the family")?;
        let mut store = MemStore::new();
        rxledger::ingest::append_daily(&mut store, &events)?;
        let ledger = dir.join(format!("{}.jsonl", f.name));
        std::fs::write(&ledger, store.as_bytes())?;
        let mut expected = String::new();
        for p in &manifest {
            let _ = writeln!(expected, "{} {}", p.rule, p.seq);
        }
        std::fs::write(dir.join(format!("{}.expected", f.name)), expected)?;
        println!(
            "{}: seed {seed}, {} events, {} planted findings",
            f.name,
            events.len(),
            manifest.len()
        );
    }
    // Integrity scenarios, derived from the clean ledger.
    let clean = std::fs::read_to_string(dir.join("clean.jsonl"))?;
    // The first days of the clean ledger (whole batches), with one digit changed in record 100.
    let mut lines: Vec<String> = clean.lines().map(str::to_owned).collect();
    let keep = lines
        .iter()
        .position(|l| {
            rxledger::chain::RecordRef::parse(l.as_bytes())
                .is_ok_and(|r| r.seq >= 200 && r.seq == r.batch_end)
        })
        .map_or(lines.len(), |i| i + 1);
    lines.truncate(keep);
    let l = &lines[99];
    let pos = l.find("\"event\":").ok_or("no event")?
        + l[l.find("\"event\":").ok_or("no event")?..]
            .find(|c: char| c.is_ascii_digit())
            .ok_or("no digit")?;
    let d = l.as_bytes()[pos];
    let new = if d == b'9' { '0' } else { char::from(d + 1) };
    lines[99] = format!("{}{}{}", &l[..pos], new, &l[pos + 1..]);
    std::fs::write(dir.join("chain-broken.jsonl"), lines.join("\n") + "\n")?;
    std::fs::write(dir.join("chain-broken.expected"), "CHAIN 100\n")?;
    // A correctly chained record whose payload is not a valid event.
    let mut store = MemStore::new();
    let events: Vec<_> = Generator::new(GenConfig::default()).take(60).collect();
    rxledger::ingest::append_daily(&mut store, &events)?;
    store.append_at(
        &[br#"{"v":1,"kind":"teleport","data":{}}"#.as_slice()],
        "2026-10-02T15:30:00.000000Z",
    )?;
    std::fs::write(dir.join("invalid-event.jsonl"), store.as_bytes())?;
    std::fs::write(dir.join("invalid-event.expected"), "EVENT-INVALID 61\n")?;
    Ok(())
}
