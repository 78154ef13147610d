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

/// The export without its `eventID`s: the field checks, not the hash check, speak.
fn without_ids(events: &[Event]) -> serde_json::Value {
    let mut doc = epcis::export(events, created());
    for o in doc["epcisBody"]["eventList"].as_array_mut().unwrap() {
        o.as_object_mut().unwrap().remove("eventID");
    }
    doc
}

#[test]
fn a_foreign_or_damaged_event_is_refused_naming_its_index_and_field() {
    let events = month();
    let mut doc = without_ids(&events);
    doc["epcisBody"]["eventList"][3]["quantityList"][0]["epcClass"] =
        "urn:epc:class:lgtin:0614141.012345.Lot1".into();
    let e = epcis::import("x.jsonld", &doc).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("x.jsonld: eventList[3]: field `quantityList[0].epcClass`"),
        "{e}"
    );
    let mut doc = without_ids(&events);
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
    let mut doc = without_ids(&events);
    doc["epcisBody"]["eventList"][0]["quantityList"][0]["quantity"] = 0.into();
    let e = epcis::import("x.jsonld", &doc).unwrap_err();
    assert!(e.to_string().contains("field `data.lines[0]."), "{e}");
}

#[test]
fn every_exported_event_carries_its_cbv2_hash_and_a_changed_event_is_refused() {
    let events = month();
    let doc = epcis::export(&events, created());
    let list = doc["epcisBody"]["eventList"].as_array().unwrap();
    let ctx = rxledger_import::hash::Context::of_document(&doc);
    let mut ids = std::collections::BTreeSet::new();
    for o in list {
        let id = o["eventID"].as_str().unwrap();
        assert!(rxledger_import::hash::is_hash_id(id), "{id}");
        assert_eq!(id, rxledger_import::hash::event_hash(o, &ctx));
        ids.insert(id.to_owned());
    }
    assert_eq!(ids.len(), list.len(), "two exported events with one hash");
    // A quantity changed after the export: refused, naming the event and `eventID`.
    let mut bad = doc.clone();
    bad["epcisBody"]["eventList"][5]["quantityList"][0]["quantity"] = 999_999.into();
    let e = epcis::import("x.jsonld", &bad).unwrap_err().to_string();
    assert!(
        e.starts_with("x.jsonld: eventList[5]: field `eventID`:")
            && e.contains("not the event's CBV 2.0 hash"),
        "{e}"
    );
    // The hash also covers the extension fields.
    let mut bad = doc.clone();
    bad["epcisBody"]["eventList"][2]["rxl:event"]["recorded_by"] = "someone-else".into();
    let e = epcis::import("x.jsonld", &bad).unwrap_err().to_string();
    assert!(
        e.starts_with("x.jsonld: eventList[2]: field `eventID`"),
        "{e}"
    );
    // An eventID that is not a CBV 2.0 hash (another system's own id) is not checked.
    let mut other = doc.clone();
    other["epcisBody"]["eventList"][5]["eventID"] =
        "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8".into();
    assert_eq!(
        epcis::import("x.jsonld", &other).unwrap().len(),
        epcis::import("x.jsonld", &doc).unwrap().len()
    );
}
