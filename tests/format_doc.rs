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
