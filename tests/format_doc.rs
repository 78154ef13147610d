//! Every JSON example in docs/format.md is a valid event, and every kind has one.

use std::collections::BTreeSet;

use rxledger::model::{Event, Kind};

#[test]
fn every_kind_has_a_valid_example_in_the_format_doc() {
    let doc = include_str!("../docs/format.md");
    let mut kinds = BTreeSet::new();
    for block in doc.split("```json\n").skip(1) {
        let json = block.split("```").next().unwrap();
        let e = Event::from_json(json).unwrap_or_else(|err| panic!("{err}\n{json}"));
        // The canonical form parses back to the same event.
        assert_eq!(Event::from_json(&e.to_json()).unwrap(), e);
        kinds.insert(e.kind());
    }
    let missing: Vec<_> = Kind::ALL.iter().filter(|k| !kinds.contains(k)).collect();
    assert!(missing.is_empty(), "kinds without an example: {missing:?}");
}

#[test]
fn every_toml_example_in_the_configuration_doc_is_valid() {
    let doc = include_str!("../docs/configuration.md");
    let blocks: Vec<&str> = doc
        .split("```toml\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .collect();
    assert!(blocks.len() >= 2);
    for b in blocks {
        rxledger::reconcile::Config::from_toml(b).unwrap_or_else(|e| panic!("{e}\n{b}"));
    }
}

/// The example document in docs/findings.md is what `check` gives for
/// `samples/scenarios/documents.jsonl` (but for its head, and with its first finding only).
#[test]
fn the_findings_doc_example_is_the_real_output() {
    let doc = include_str!("../docs/findings.md");
    let block = doc
        .split("```json\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let shown: serde_json::Value = serde_json::from_str(block).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("samples/scenarios/documents.jsonl");
    let config = rxledger::reconcile::Config::default();
    let report = rxledger::check::check_path(&path, config, None, |_| {}).unwrap();
    let mut real: serde_json::Value =
        serde_json::from_str(&rxledger::report::json(&report)).unwrap();
    real["ledger"] = shown["ledger"].clone();
    real["head"] = shown["head"].clone();
    // Open items are not shown; the sentence is compared apart (the CLI names products from
    // the ledger's master data, the library's plain rendering by code).
    real.as_object_mut().unwrap().remove("pending");
    let findings = real["findings"].as_array_mut().unwrap();
    findings.truncate(1);
    findings[0]["message"] = shown["findings"][0]["message"].clone();
    assert_eq!(shown, real);
    let sentence = shown["findings"][0]["message"].as_str().unwrap();
    assert!(
        sentence.starts_with("Dispatch PS2026100500002 of "),
        "{sentence}"
    );
}
