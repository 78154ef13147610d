//! Golden fixtures freeze the on-disk format: the bundled sample ledger must verify against its
//! published head, every stored payload must be the canonical form of its event, and the sample
//! events must be exactly the ledger's payloads. A deliberate format change regenerates them
//! (`cargo run --example make_samples`) and bumps the version.

use std::ops::ControlFlow;
use std::path::Path;

use rxledger::chain::ExpectedHead;
use rxledger::model::Event;

const SAMPLE_HEAD: &str = "2345:3f49ccbf50602161055e411af9c3313189d7e6f93635d9ac5fdf46c32ea438df";

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
