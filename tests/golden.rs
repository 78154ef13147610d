//! Golden fixtures freeze the on-disk format: the bundled sample ledger must verify against its
//! published head, every stored payload must be the canonical form of its event, and the sample
//! events must be exactly the ledger's payloads. A deliberate format change regenerates them
//! (`cargo run --example make_samples`) and bumps the version.

use std::ops::ControlFlow;
use std::path::Path;

use rxledger::chain::ExpectedHead;
use rxledger::model::Event;

const SAMPLE_HEAD: &str = "2345:1c0c3222e0b66a1688a415606d33e0ad94bd6250693ee4ad15ecb6307756c6fb";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn sample_ledger_verifies_against_its_published_head() {
    let head: ExpectedHead = SAMPLE_HEAD.parse().unwrap();
    let ledger = root().join("samples/month/ledger.jsonl");
    let mut payloads = Vec::new();
    let r = rxledger::store::scan_path(
        &ledger,
        Some(head),
        |_| {},
        |rec| {
            let text = std::str::from_utf8(rec.payload).unwrap();
            let e = Event::from_json(text).unwrap_or_else(|err| panic!("seq {}: {err}", rec.seq));
            assert_eq!(
                e.to_json(),
                text,
                "seq {} is not in canonical form",
                rec.seq
            );
            payloads.push(text.to_owned());
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    assert!(r.is_ok(), "{:?}", r.failure);
    assert_eq!(r.head.seq, 2345);
    let events = std::fs::read_to_string(root().join("samples/month/events.jsonl")).unwrap();
    let lines: Vec<&str> = events.lines().collect();
    assert_eq!(lines, payloads);
    // The samples README publishes the same head.
    let readme = std::fs::read_to_string(root().join("samples/README.md")).unwrap();
    assert!(
        readme.contains(SAMPLE_HEAD),
        "samples/README.md does not publish the head"
    );
    // Nor may the replay example (the README's main command) expect another one.
    let replay = std::fs::read_to_string(root().join("examples/replay.rs")).unwrap();
    assert!(
        replay.contains(SAMPLE_HEAD),
        "examples/replay.rs expects another head"
    );
}

#[test]
fn sample_is_reproducible_from_the_generator() {
    let events = std::fs::read_to_string(root().join("samples/month/events.jsonl")).unwrap();
    let config = rxledger::gen::GenConfig {
        seed: 2026,
        start: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        ..rxledger::gen::GenConfig::default()
    };
    for (i, (line, e)) in events
        .lines()
        .zip(rxledger::gen::Generator::new(config))
        .enumerate()
    {
        assert_eq!(
            line,
            e.to_json(),
            "event {} differs from the generator",
            i + 1
        );
    }
}

/// The month ledger as the first release wrote it (format version 1): kept byte for byte.
const V1_HEAD: &str = "2345:3f49ccbf50602161055e411af9c3313189d7e6f93635d9ac5fdf46c32ea438df";

/// A format-1 ledger from before format 2 still verifies against its published head, every
/// payload reads with today's reader (and is a version-1 event), and it checks with the findings
/// it had then: none (the first release's `check` of it reported no finding).
#[test]
fn a_version_1_ledger_still_verifies_reads_and_checks_the_same() {
    let path = root().join("tests/golden/v1/month-ledger.jsonl");
    let head: ExpectedHead = V1_HEAD.parse().unwrap();
    let mut n = 0;
    let r = rxledger::store::scan_path(
        &path,
        Some(head),
        |_| {},
        |rec| {
            let text = std::str::from_utf8(rec.payload).unwrap();
            assert!(
                text.starts_with(r#"{"v":1,"#),
                "seq {}: not format 1",
                rec.seq
            );
            let e = Event::from_json(text).unwrap_or_else(|err| panic!("seq {}: {err}", rec.seq));
            // Written again it is a format-2 event with the same meaning.
            let v2 = e.to_json();
            assert!(v2.starts_with(r#"{"v":2,"#));
            assert_eq!(Event::from_json(&v2).unwrap(), e, "seq {}", rec.seq);
            n += 1;
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    assert!(r.is_ok(), "{:?}", r.failure);
    assert_eq!(n, 2345);
    let report = rxledger::check::check_path(
        &path,
        rxledger::reconcile::Config::default(),
        Some(head),
        |_| {},
    )
    .unwrap();
    assert!(report.verify.is_ok(), "{:?}", report.verify.failure);
    assert_eq!(report.events, 2345);
    let found: Vec<String> = report.findings.iter().map(|f| format!("{f:?}")).collect();
    assert!(found.is_empty(), "{found:#?}");
}

/// The scenario and inspection ledgers are format-1 events on purpose: with their expected
/// findings (`tests/scenarios.rs`, `tests/inspections.rs`) they keep the version-1 reader honest.
#[test]
fn scenario_and_inspection_ledgers_stay_format_1() {
    for dir in ["samples/scenarios", "samples/inspections"] {
        let mut files = 0;
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "jsonl") {
                continue;
            }
            // Inspection ledgers 51 and later were written for format 2 (consolidated documents).
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let number = name.split('-').next().and_then(|n| n.parse::<u32>().ok());
            if dir.ends_with("inspections") && number.is_some_and(|n| n >= 51) {
                continue;
            }
            // Scenarios made after format 2 (the generator writes format 2) for later rules.
            if name == "duplicate-document.jsonl" {
                continue;
            }
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            // chain-broken plants one record whose version was changed after hashing.
            let planted = usize::from(path.ends_with("chain-broken.jsonl"));
            let v2 = text.matches(r#""v":2,"id""#).count();
            assert_eq!(v2, planted, "{} has format-2 events", path.display());
        }
        assert!(files > 10, "{dir}: {files} ledgers");
    }
}
