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

/// The sample month without its temperature readings: the goods movements.
fn goods() -> Vec<Event> {
    month()
        .into_iter()
        .filter(|e| e.body.kind().as_str() != "temperature_reading")
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
    // Every ObjectEvent has the standard fields filled (temperature readings: below).
    for o in list.iter().filter(|o| o["bizStep"] != "sensor_reporting") {
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
    for s in [
        "receiving",
        "storing",
        "shipping",
        "cycle_counting",
        "sensor_reporting",
    ] {
        assert!(steps.contains(s), "{steps:?}");
    }
}

#[test]
fn temperature_readings_go_out_as_sensor_reports_and_come_back_the_same() {
    let readings: Vec<Event> = month()
        .into_iter()
        .filter(|e| e.body.kind().as_str() == "temperature_reading")
        .collect();
    assert!(readings.len() > 800, "{}", readings.len());
    let doc = epcis::export(&readings, created());
    let list = doc["epcisBody"]["eventList"].as_array().unwrap();
    assert_eq!(list.len(), readings.len());
    let o = &list[0];
    assert_eq!(o["type"], "ObjectEvent");
    assert_eq!(o["bizStep"], "sensor_reporting");
    assert_eq!(o["readPoint"]["id"], "urn:rxledger:loc:WH-A");
    assert_eq!(o["bizLocation"]["id"], "urn:rxledger:loc:WH-A");
    let el = &o["sensorElementList"][0];
    assert_eq!(
        el["sensorMetadata"]["deviceID"],
        "urn:rxledger:sensor:TH-A01"
    );
    let r = &el["sensorReport"];
    // 24 samples, each a temperature and a relative humidity.
    assert_eq!(r.as_array().unwrap().len(), 48);
    assert_eq!(r[0]["type"], "gs1:Temperature");
    assert_eq!(r[0]["uom"], "CEL");
    assert_eq!(r[0]["value"], 22.2);
    assert_eq!(r[0]["time"], "2026-09-30T16:00:00Z");
    assert_eq!(r[1]["type"], "gs1:RelativeHumidity");
    assert_eq!(r[1]["uom"], "P1");
    let text = serde_json::to_string(&doc).unwrap();
    let back = epcis::import("t.jsonld", &serde_json::from_str(&text).unwrap()).unwrap();
    assert_eq!(back.len(), readings.len());
    for ((_, got), want) in back.iter().zip(&readings) {
        assert_eq!(got, want, "{}", want.to_json());
    }
}

#[test]
fn a_vehicle_sensor_and_a_reading_in_fahrenheit() {
    let e = Event::from_json(
        r#"{"v":2,"id":"01a0f3e7-0a00-7aec-8f39-b29ca8b83ba1","kind":"temperature_reading","occurred_at":"2026-09-30T20:00:00Z","entered_at":"2026-09-30T20:00:00Z","recorded_by":["车载"],"data":{"sensor":"T 9","vehicle":"沪A12345","readings":[{"at":"2026-09-30T16:00:00Z","celsius":4.5},{"at":"2026-09-30T16:10:00Z","celsius":-1.25,"humidity":40.0}]}}"#,
    )
    .unwrap();
    let doc = without_ids(std::slice::from_ref(&e));
    let o = &doc["epcisBody"]["eventList"][0];
    assert!(o.get("bizLocation").is_none());
    assert_eq!(o["readPoint"]["id"], "urn:rxledger:vehicle:%E6%B2%AAA12345");
    let back = epcis::import("v.jsonld", &doc).unwrap();
    assert_eq!(back[0].1, e);
    let mut bad = doc.clone();
    bad["epcisBody"]["eventList"][0]["sensorElementList"][0]["sensorReport"][1]["uom"] =
        "FAH".into();
    let err = epcis::import("v.jsonld", &bad).unwrap_err().to_string();
    assert_eq!(
        err,
        "v.jsonld: eventList[0]: field `sensorElementList[0].sensorReport[1].uom`: `FAH` is not CEL (degrees Celsius)"
    );
    let mut bad = doc.clone();
    bad["epcisBody"]["eventList"][0]["sensorElementList"][0]["sensorReport"][2]["value"] =
        "cold".into();
    let err = epcis::import("v.jsonld", &bad).unwrap_err().to_string();
    assert!(
        err.contains("sensorReport[2].value`: not a number"),
        "{err}"
    );
}

fn packing() -> Vec<Event> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples/inspections/15-psychotropic-gs1-case-aggregation.jsonl");
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(|l| Event::from_json(l).unwrap())
        .filter(|e| e.body.kind().as_str() == "aggregation")
        .collect()
}

#[test]
fn case_packing_goes_out_as_aggregation_events_and_comes_back_the_same() {
    let events = packing();
    assert_eq!(events.len(), 2);
    let doc = epcis::export(&events, created());
    let list = doc["epcisBody"]["eventList"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    let (pack, unpack) = (&list[0], &list[1]);
    assert_eq!(pack["type"], "AggregationEvent");
    assert_eq!(pack["action"], "ADD");
    assert_eq!(pack["bizStep"], "packing");
    assert_eq!(pack["parentID"], "urn:rxledger:code:81037710000900001127");
    assert_eq!(pack["childEPCs"].as_array().unwrap().len(), 20);
    assert_eq!(
        pack["bizTransactionList"][0]["bizTransaction"],
        "urn:rxledger:doc:BZ2026101400001"
    );
    assert_eq!(unpack["action"], "DELETE");
    assert_eq!(unpack["bizStep"], "unpacking");
    let text = serde_json::to_string(&doc).unwrap();
    let back = epcis::import("p.jsonld", &serde_json::from_str(&text).unwrap()).unwrap();
    let got: Vec<Event> = back.into_iter().map(|(_, e)| e).collect();
    assert_eq!(got, events);
    // A foreign child EPC, an unknown action: refused, naming the field.
    let mut bad = without_ids(&events);
    bad["epcisBody"]["eventList"][1]["childEPCs"][3] =
        "urn:epc:id:sgtin:0614141.107346.2017".into();
    let e = epcis::import("p.jsonld", &bad).unwrap_err().to_string();
    assert!(
        e.starts_with("p.jsonld: eventList[1]: field `childEPCs[3]`: not a code"),
        "{e}"
    );
    let mut bad = without_ids(&events);
    bad["epcisBody"]["eventList"][0]["action"] = "OBSERVE".into();
    let e = epcis::import("p.jsonld", &bad).unwrap_err().to_string();
    assert!(
        e.starts_with("p.jsonld: eventList[0]: field `action`: `OBSERVE`"),
        "{e}"
    );
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
    let events = goods();
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
    let events = goods();
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
