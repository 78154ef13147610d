//! EPCIS 2.0 export of the sample month, and import of that export: the same movements back.

use std::path::Path;

use rxledger::model::movements::movements;
use rxledger::model::Event;
use rxledger_import::epcis;

fn month() -> Vec<Event> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/month/events.jsonl");
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(|l| Event::from_json(l).unwrap())
        .collect()
}

fn created() -> chrono::DateTime<chrono::Utc> {
    "2026-11-01T00:00:00Z".parse().unwrap()
}

#[test]
fn the_sample_month_goes_out_as_object_events_and_comes_back_the_same() {
    let events = month();
    let doc = epcis::export(&events, created());
    let list = doc["epcisBody"]["eventList"].as_array().unwrap();
    let moved: Vec<&Event> = events
        .iter()
        .filter(|e| epcis::exported(e.body.kind().as_str()))
        .collect();
    assert!(moved.len() > 300, "{}", moved.len());
    assert!(list.len() >= moved.len());
    // Every ObjectEvent has the standard fields filled.
    for o in list {
        assert_eq!(o["type"], "ObjectEvent");
        assert!(o["bizStep"].is_string() && o["disposition"].is_string());
        assert!(o["quantityList"][0]["epcClass"].is_string());
        assert_eq!(o["quantityList"][0]["uom"], "H87");
    }
    // Written and read as text, as a file would be.
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let back = epcis::import("month.jsonld", &serde_json::from_str(&text).unwrap()).unwrap();
    assert_eq!(back.len(), moved.len());
    for ((_, got), want) in back.iter().zip(&moved) {
        assert_eq!(&got, want, "{}", want.to_json());
        let a: Vec<_> = movements(got).collect();
        let b: Vec<_> = movements(want).collect();
        assert_eq!(a, b);
    }
    // The movements counted by kind: a receipt, a dispatch and the rest are all there.
    let steps: std::collections::BTreeSet<&str> =
        list.iter().filter_map(|o| o["bizStep"].as_str()).collect();
    for s in ["receiving", "storing", "shipping", "cycle_counting"] {
        assert!(steps.contains(s), "{steps:?}");
    }
}

#[test]
fn a_foreign_or_damaged_event_is_refused_naming_its_index_and_field() {
    let events = month();
    let mut doc = epcis::export(&events, created());
    doc["epcisBody"]["eventList"][3]["quantityList"][0]["epcClass"] =
        "urn:epc:class:lgtin:0614141.012345.Lot1".into();
    let e = epcis::import("x.jsonld", &doc).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("x.jsonld: eventList[3]: field `quantityList[0].epcClass`"),
        "{e}"
    );
    let mut doc = epcis::export(&events, created());
    doc["epcisBody"]["eventList"][0]
        .as_object_mut()
        .unwrap()
        .remove("rxl:event");
    let e = epcis::import("x.jsonld", &doc).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("x.jsonld: eventList[0]: field `rxl:event`"),
        "{e}"
    );
    // A quantity that the format refuses is named by the event's field.
    let mut doc = epcis::export(&events, created());
    doc["epcisBody"]["eventList"][0]["quantityList"][0]["quantity"] = 0.into();
    let e = epcis::import("x.jsonld", &doc).unwrap_err();
    assert!(e.to_string().contains("field `data.lines[0]."), "{e}");
}
