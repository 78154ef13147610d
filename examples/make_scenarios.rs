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
    Family {
        name: "cold-chain",
        rules: &["TEMP-ZONE", "TEMP-RANGE", "TEMP-GAP", "CC-RECEIPT"],
        days: 30,
        rate: 0.08,
    },
    Family {
        name: "vaccines",
        rules: &["VAC-DISPOSE"],
        days: 60,
        rate: 0.5,
    },
    Family {
        name: "special-control",
        rules: &[
            "SPECIAL-CHAIN",
            "SPECIAL-CHANNEL",
            "SPECIAL-CASH",
            "SPECIAL-2P",
            "SPECIAL-LOSS",
            "SPECIAL-DESTROY",
            "EPH-RETAIL",
            "SOM",
            "CODE-DUP",
            "CODE-UNKNOWN",
            "CODE-FORMAT",
        ],
        days: 60,
        rate: 0.1,
    },
    Family {
        name: "temp-integrity",
        rules: &[
            "TEMP-COPY",
            "TEMP-FLAT",
            "TEMP-BACKFILL",
            "TEMP-FUTURE",
            "TEMP-SENSOR",
            "TEMP-CONFLICT",
        ],
        days: 30,
        rate: 0.02,
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
    duplicate_id(&dir)?;
    duplicate_document(&dir)?;
    pairs(&dir)?;
    Ok(())
}
/// `RULE SEQ` of each finding of the ledger file at `path`.
fn findings_at(path: &Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let report =
        rxledger::check::check_path(path, rxledger::reconcile::Config::default(), None, |_| {})?;
    Ok(report
        .findings
        .iter()
        .map(|f| format!("{} {}", f.rule, f.seq))
        .collect())
}

/// A ledger written without the id index (the chain continued by hand): record 61 repeats an
/// earlier event. The first of the 60 events whose second copy changes nothing else is used.
fn duplicate_id(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = MemStore::new();
    let events: Vec<_> = Generator::new(GenConfig::default()).take(60).collect();
    rxledger::ingest::append_daily(&mut store, &events)?;
    let path = dir.join("duplicate-id.jsonl");
    for e in &events {
        let mut bytes = store.as_bytes().to_vec();
        let mut w = rxledger::chain::ChainWriter::resume(store.head());
        w.encode_batch(
            &[e.to_json_bytes()],
            "2026-10-02T15:30:00.000000Z",
            &mut bytes,
        )?;
        std::fs::write(&path, &bytes)?;
        let found = findings_at(&path)?;
        if found == ["EVENT-DUP 61"] {
            std::fs::write(dir.join("duplicate-id.expected"), "EVENT-DUP 61\n")?;
            return Ok(());
        }
    }
    Err("no event can be duplicated without other findings".into())
}

/// A document imported a second time under another event id (its time corrected in the ERP):
/// record 61 repeats a document of the 60 events with its `occurred_at` a minute later. The first
/// document whose second copy changes nothing else is used.
fn duplicate_document(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let events: Vec<_> = Generator::new(GenConfig::default()).take(60).collect();
    let path = dir.join("duplicate-document.jsonl");
    for e in events.iter().filter(|e| e.body.doc().is_some()) {
        let mut store = MemStore::new();
        rxledger::ingest::append_daily(&mut store, &events)?;
        let mut copy = e.clone();
        // Another id: the low bits of a UUID v7 are its random part.
        copy.id = uuid::Uuid::from_u128(e.id.as_u128() ^ 0xff);
        copy.occurred_at += Duration::minutes(1);
        store.append_at(
            &[copy.to_json_bytes().as_slice()],
            "2026-10-02T15:30:00.000000Z",
        )?;
        std::fs::write(&path, store.as_bytes())?;
        let found = findings_at(&path)?;
        if found == ["DOC-DUP 61"] {
            std::fs::write(dir.join("duplicate-document.expected"), "DOC-DUP 61\n")?;
            return Ok(());
        }
    }
    Err("no document can be recorded twice without other findings".into())
}

/// A wholesaler and one of its hospitals (仁和医院): their two clean ledgers, the hospital's
/// ledger without one narcotic sale it never received (a fabricated sales destination), and one
/// with a batch mix-up, a late receipt and a receipt no dispatch explains.
fn pairs(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    use rxledger::model::{EventBody, Refs};
    let hospital = "12330000470089123F";
    let start = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default();
    let end = start + Duration::days(40);
    let a: Vec<_> = Generator::new(GenConfig {
        seed: 5,
        start,
        ..GenConfig::default()
    })
    .take_while(|e| (e.occurred_at + Duration::hours(8)).date_naive() < end)
    .collect();
    let write =
        |name: &str, events: &[rxledger::model::Event]| -> Result<(), Box<dyn std::error::Error>> {
            let mut store = MemStore::new();
            rxledger::ingest::append_daily(&mut store, events)?;
            std::fs::write(dir.join(format!("{name}.jsonl")), store.as_bytes())?;
            Ok(())
        };
    write("pair-a", &a)?;
    std::fs::write(dir.join("pair-a.expected"), "")?;
    let b = rxledger::gen::customer_ledger(&a, hospital, &BTreeSet::new(), 5);
    write("pair-b", &b)?;
    std::fs::write(dir.join("pair-b.expected"), "")?;
    // The first narcotic sale to the hospital, and A's dispatch of it.
    let narcotic = |p: &str| p.starts_with("869345670000");
    let (sale, dispatch_seq) = a
        .iter()
        .enumerate()
        .find_map(|(i, e)| match &e.body {
            EventBody::Dispatch(d)
                if d.customer == hospital && d.lines.iter().any(|l| narcotic(&l.product)) =>
            {
                e.refs.first_sale().map(|s| (s.to_owned(), i + 1))
            }
            _ => None,
        })
        .ok_or("no narcotic dispatch to the hospital")?;
    let omit: BTreeSet<String> = [sale].into_iter().collect();
    let missing = rxledger::gen::customer_ledger(&a, hospital, &omit, 5);
    write("pair-b-missing", &missing)?;
    std::fs::write(dir.join("pair-b-missing.expected"), "")?;
    std::fs::write(
        dir.join("pair-b-missing.cross"),
        format!("pair-a CROSS-MISSING {dispatch_seq}\n"),
    )?;

    // Tampered: the 2nd receipt books another batch number (and is put away so), the 3rd is
    // recorded five days late, and a receipt from the wholesaler that no dispatch explains.
    let mut t = b.clone();
    let receipts: Vec<usize> = t
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.body, EventBody::Receipt(_)))
        .map(|(i, _)| i)
        .collect();
    let (r2, r3) = (receipts[1], receipts[2]);
    let mut renamed = None;
    if let EventBody::Receipt(r) = &mut t[r2].body {
        let old = r.lines[0].batch.clone();
        r.lines[0].batch = format!("{old}X").into();
        renamed = Some((r.doc.clone(), old));
    }
    if let Some((doc, old)) = renamed {
        for e in &mut t {
            if e.refs.receipt.first() == Some(&doc) {
                if let EventBody::PutAway(m) = &mut e.body {
                    for l in &mut m.lines {
                        if l.batch == old {
                            l.batch = format!("{old}X").into();
                        }
                    }
                }
            }
        }
    }
    let r3_doc = match &t[r3].body {
        EventBody::Receipt(r) => r.doc.clone(),
        _ => String::new().into(),
    };
    for e in &mut t {
        let is_r3 = matches!(&e.body, EventBody::Receipt(r) if r.doc == r3_doc)
            || e.refs.receipt.first() == Some(&r3_doc);
        if is_r3 {
            e.occurred_at += Duration::days(5);
            e.entered_at = e.entered_at.map(|x| x + Duration::days(5));
        }
    }
    let mut fake = t[r2].clone();
    if let EventBody::Receipt(r) = &mut fake.body {
        r.doc = "YS-FAKE-0001".into();
        r.lines.truncate(1);
        r.lines[0].codes.clear();
        r.lines[0].product = "86901234000011".into();
        r.acceptors.truncate(1);
    }
    fake.refs = Refs {
        delivery_note: vec!["PS-FAKE-0001".into()],
        ..Refs::default()
    };
    let mut id = *fake.id.as_bytes();
    id[15] ^= 0x5a;
    fake.id = uuid::Uuid::from_bytes(id);
    t.push(fake);
    t.sort_by_key(|e| e.occurred_at);
    write("pair-b-tampered", &t)?;
    Ok(())
}
