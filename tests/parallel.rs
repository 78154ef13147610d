//! `check` on several threads reports exactly what it reports on one: the same findings in the
//! same order, the same open items, the same verification result, on clean, violating,
//! tampered, re-saved and crashed ledgers, exported files and directories alike.

use std::fmt::Write as _;
use std::path::Path;

use rxledger::chain::ChainWriter;
use rxledger::gen::{GenConfig, Generator};
use rxledger::reconcile::check::{check_with_workers, CheckReport};
use rxledger::reconcile::{Config, Engine};
use rxledger::store::{FileStore, Store};

/// Everything a check reports, as text, so that two reports compare in one assertion.
fn summary(r: &CheckReport) -> String {
    let mut s = format!("events {}\nverify {:?}\n", r.events, r.verify);
    for f in &r.findings {
        writeln!(s, "finding {f:?}").unwrap();
    }
    for p in &r.pending {
        writeln!(s, "pending {p:?}").unwrap();
    }
    s
}

fn check(path: &Path, workers: usize) -> String {
    let report = check_with_workers(
        path,
        Engine::new(Config::default()),
        None,
        |_| {},
        workers,
        |_, _| {},
        |_| {},
    )
    .unwrap();
    summary(&report)
}

/// The one-thread report, and the same from 1 and 3 workers.
fn assert_same(path: &Path) -> String {
    let one = check(path, 0);
    for workers in [1, 3] {
        let many = check(path, workers);
        assert!(
            one == many,
            "{}: {workers} workers differ from one thread",
            path.display()
        );
    }
    one
}

/// An exported ledger of `n` generated events with violations planted: several blocks of the
/// pipeline (over 1 MiB), and findings of many rules.
fn generated(n: usize) -> Vec<u8> {
    let mut chain = ChainWriter::new();
    let mut out = Vec::new();
    let events: Vec<Vec<u8>> = Generator::new(GenConfig {
        seed: 7,
        violations: 0.02,
        ..GenConfig::default()
    })
    .take(n)
    .map(|e| e.to_json_bytes())
    .collect();
    for (day, batch) in events.chunks(500).enumerate() {
        let refs: Vec<&[u8]> = batch.iter().map(Vec::as_slice).collect();
        let at = format!("2026-10-{:02}T15:30:00.000000Z", 1 + day % 28);
        chain.encode_batch(&refs, &at, &mut out).unwrap();
    }
    out
}

#[test]
fn samples_and_scenarios_check_the_same_on_any_number_of_threads() {
    let mut files = vec!["samples/month/ledger.jsonl".to_owned()];
    for dir in ["samples/scenarios", "samples/inspections"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "jsonl") {
                files.push(path.display().to_string());
            }
        }
    }
    for f in &files {
        if Path::new(f).is_file() {
            assert_same(Path::new(f));
        }
    }
    assert!(files.len() > 50, "{} ledgers", files.len());
}

#[test]
fn a_generated_ledger_checks_the_same_on_any_number_of_threads_even_tampered() {
    let tmp = tempfile::tempdir().unwrap();
    let clean = generated(12_000);
    assert!(
        clean.len() > 8 << 20,
        "several blocks: {} bytes",
        clean.len()
    );
    let path = tmp.path().join("ledger.jsonl");
    std::fs::write(&path, &clean).unwrap();
    let report = assert_same(&path);
    assert!(report.matches("finding").count() > 20, "{report}");

    // Tampering at a byte in the middle of a later block, a torn end, a record removed, CRLF
    // line ends and a byte-order mark, blank lines at the end and between records.
    let mid = clean.len() * 2 / 3;
    let line_start = |at: usize| clean[..at].iter().rposition(|&b| b == b'\n').unwrap() + 1;
    let mut variants: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut altered = clean.clone();
    let digit = (mid..altered.len())
        .find(|&i| altered[i].is_ascii_digit())
        .unwrap();
    altered[digit] = if altered[digit] == b'1' { b'2' } else { b'1' };
    variants.push(("altered", altered));
    variants.push(("torn", clean[..mid].to_vec()));
    let start = line_start(mid);
    let end = start + clean[start..].iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut removed = clean[..start].to_vec();
    removed.extend_from_slice(&clean[end..]);
    variants.push(("removed", removed));
    let mut resaved = b"\xEF\xBB\xBF".to_vec();
    for line in clean.split_inclusive(|&b| b == b'\n') {
        resaved.extend_from_slice(&line[..line.len() - 1]);
        resaved.extend_from_slice(b"\r\n");
    }
    resaved.extend_from_slice(b"\r\n\n");
    variants.push(("resaved", resaved));
    let mut blank = clean[..start].to_vec();
    blank.push(b'\n');
    blank.extend_from_slice(&clean[start..]);
    variants.push(("blank", blank));
    for (name, bytes) in variants {
        let p = tmp.path().join(format!("{name}.jsonl"));
        std::fs::write(&p, &bytes).unwrap();
        let report = assert_same(&p);
        assert!(report.contains("failure: Some"), "{name}: {report}");
    }
}

#[test]
fn a_ledger_directory_with_segments_and_a_crash_tail_checks_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ledger");
    FileStore::init(&dir).unwrap();
    let mut store = FileStore::open(&dir).unwrap().with_segment_limit(1 << 20);
    let events: Vec<Vec<u8>> = Generator::new(GenConfig::default())
        .take(6_000)
        .map(|e| e.to_json_bytes())
        .collect();
    for batch in events.chunks(700) {
        let refs: Vec<&[u8]> = batch.iter().map(Vec::as_slice).collect();
        store
            .append_at(&refs, "2026-10-14T15:30:00.000000Z")
            .unwrap();
    }
    drop(store);
    let segments = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".jsonl")
        })
        .count();
    assert!(segments > 3, "{segments} segments");
    let report = assert_same(&dir);
    assert!(report.contains("failure: None"), "{report}");

    // A crash in the middle of a batch: a torn, unacknowledged tail.
    let mut last = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect::<Vec<_>>();
    last.sort();
    let last = last.pop().unwrap();
    let mut chain_tail = std::fs::read(&last).unwrap();
    let first_line_end = chain_tail.iter().position(|&b| b == b'\n').unwrap();
    let partial = chain_tail[..first_line_end / 2].to_vec();
    chain_tail.extend_from_slice(&partial);
    std::fs::write(&last, &chain_tail).unwrap();
    let report = assert_same(&dir);
    assert!(report.contains("tail: Some"), "{report}");
}
