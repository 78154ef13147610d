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
    // The generator's `ignoreFields` annotation may leave an extension out of the hash, not a
    // field rxledger imports.
    let mut annotated = doc.clone();
    annotated["@context"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"repo": "https://repository-x.example.com/"}));
    annotated["repo:ignoreFields"] = serde_json::json!(["example:captureID"]);
    annotated["epcisBody"]["eventList"][3]["example:captureID"] = "c-1".into();
    assert_eq!(
        epcis::import("x.jsonld", &annotated).unwrap().len(),
        epcis::import("x.jsonld", &doc).unwrap().len()
    );
    for field in ["bizStep", "rxl:event"] {
        annotated["repo:ignoreFields"] = serde_json::json!(["example:captureID", field]);
        let e = epcis::import("x.jsonld", &annotated)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(
                "x.jsonld: eventList[0]: field `eventID`: the document's `ignoreFields` leaves"
            ) && e.contains(&format!("`{field}`")),
            "{e}"
        );
    }
    // An eventID that is not a CBV 2.0 hash (another system's own id) is not checked.
    let mut other = doc.clone();
    other["epcisBody"]["eventList"][5]["eventID"] =
        "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8".into();
    assert_eq!(
        epcis::import("x.jsonld", &other).unwrap().len(),
        epcis::import("x.jsonld", &doc).unwrap().len()
    );
}

fn partner_doc() -> serde_json::Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/partner/receiving.jsonld");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn partner() -> epcis::Partner {
    epcis::Partner {
        recorded_by: vec!["保管-朱建平".into()],
        acceptors: vec!["验收-陆伟".into(), "质管-王芳".into()],
    }
}

#[test]
fn a_partners_receiving_events_become_receipts() {
    let doc = partner_doc();
    let got = epcis::import_with("r.jsonld", &doc, &partner()).unwrap();
    assert_eq!(got.len(), 2);
    let want = [
        r#"{"v":2,"kind":"receipt","occurred_at":"2026-10-08T02:00:00Z","entered_at":"2026-10-08T02:05:00Z","recorded_by":["保管-朱建平"],"data":{"doc":"SH2026100800001","supplier":"6971234000007","lines":[{"product":"06971234500014","batch":"M2610081","production_date":"2026-10-08","expiry":"2028-10-31","arrived":2,"accepted":2,"rejected":0,"location":"WH-A-01","codes":["(01)06971234500014(21)100001","(01)06971234500014(21)100002"]}],"acceptors":["验收-陆伟","质管-王芳"]},"refs":{"order":["CG2026100800001"]}}"#,
        r#"{"v":2,"kind":"receipt","occurred_at":"2026-10-08T02:30:00Z","entered_at":"2026-10-08T02:30:00Z","recorded_by":["保管-朱建平"],"data":{"doc":"SH2026100800002","supplier":"SUP-HZ","lines":[{"product":"06901234567892","batch":"A1","production_date":"2025-07-01","expiry":"2027-06-30","arrived":120,"accepted":120,"rejected":0,"location":"WH-C-02"},{"product":"06901234567892","batch":"A2","production_date":"2025-08-01","expiry":"2027-07-31","arrived":30,"accepted":30,"rejected":0,"location":"WH-C-02"}],"acceptors":["验收-陆伟","质管-王芳"]},"refs":{"order":["urn:epcglobal:cbv:bt:6971234000007:CG-77"],"delivery_note":["FH-HZ-1009","FH-HZ-1010"]}}"#,
    ];
    for ((i, e), w) in got.iter().zip(want) {
        let mut v: serde_json::Value = serde_json::from_slice(&e.to_json_bytes()).unwrap();
        let id = v.as_object_mut().unwrap().remove("id").unwrap();
        assert_eq!(
            v,
            serde_json::from_str::<serde_json::Value>(w).unwrap(),
            "event {i}"
        );
        // A UUID v7 whose milliseconds are the event's instant.
        let id = id.as_str().unwrap().replace('-', "");
        let ms = chrono::DateTime::parse_from_rfc3339(w.split('"').nth(9).unwrap())
            .unwrap()
            .timestamp_millis();
        assert_eq!(id[..12], format!("{ms:012x}"), "{id}");
        assert_eq!(&id[12..13], "7", "{id}");
    }
    // The same document again gives the same ids (exactly-once append).
    let again = epcis::import_with("r.jsonld", &doc, &partner()).unwrap();
    assert_eq!(again[0].1.id, got[0].1.id);
    assert_ne!(got[0].1.id, got[1].1.id);
}

fn ilmd_doc() -> serde_json::Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/partner/receiving-ilmd.jsonld");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn a_partners_receiving_may_carry_its_lot_in_ilmd() {
    // The first receipt of the partner document, its lot and dates in `ilmd` (action ADD)
    // instead of the epcClass: the same event.
    let want = epcis::import_with("r.jsonld", &partner_doc(), &partner()).unwrap();
    let got = epcis::import_with("i.jsonld", &ilmd_doc(), &partner()).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, want[0].1);
    // Both given and agreeing is fine too.
    let mut both = ilmd_doc();
    both["epcisBody"]["eventList"][0]["quantityList"][0]["epcClass"] =
        "https://id.gs1.org/01/06971234500014/10/M2610081?11=261008&17=281031".into();
    assert_eq!(
        epcis::import_with("i.jsonld", &both, &partner()).unwrap()[0].1,
        want[0].1
    );
    let refused = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut doc = ilmd_doc();
        f(&mut doc["epcisBody"]["eventList"][0]);
        epcis::import_with("i.jsonld", &doc, &partner())
            .unwrap_err()
            .to_string()
    };
    type Change = dyn Fn(&mut serde_json::Value);
    for (change, want) in [
        (
            &(|o: &mut serde_json::Value| o["action"] = "OBSERVE".into()) as &Change,
            "field `ilmd`: EPCIS 2.0 allows `ilmd` only with action ADD",
        ),
        (
            &|o: &mut serde_json::Value| {
                o.as_object_mut().unwrap().remove("ilmd");
            },
            "field `action`: a receiving must be OBSERVE (or ADD with the lot's `ilmd`)",
        ),
        (
            &|o: &mut serde_json::Value| {
                o["quantityList"][0]["epcClass"] =
                    "https://id.gs1.org/01/06971234500014/10/M2610082".into();
            },
            "field `ilmd.cbvmda:lotNumber`: `M2610081` differs from the lot `M2610082` of `quantityList[0].epcClass`",
        ),
        (
            &|o: &mut serde_json::Value| {
                o["quantityList"][0]["epcClass"] =
                    "https://id.gs1.org/01/06971234500014?17=281130".into();
            },
            "field `ilmd.cbvmda:itemExpirationDate`: `2028-10-31` differs from the expiry date `2028-11-30`",
        ),
        (
            &|o: &mut serde_json::Value| o["ilmd"]["cbvmda:itemExpirationDate"] = "2028-13-01".into(),
            "field `ilmd.cbvmda:itemExpirationDate`: `2028-13-01` is not a date (YYYY-MM-DD)",
        ),
        (
            &|o: &mut serde_json::Value| o["ilmd"]["cbvmda:lotNumber"] = 7.into(),
            "field `ilmd.cbvmda:lotNumber`: `7` is not a non-empty string",
        ),
        (
            &|o: &mut serde_json::Value| {
                o["ilmd"].as_object_mut().unwrap().remove("cbvmda:lotNumber");
            },
            "field `quantityList[0].epcClass`: no lot (Digital Link `/10/…` or `ilmd` `cbvmda:lotNumber`)",
        ),
        (
            &|o: &mut serde_json::Value| {
                o["ilmd"].as_object_mut().unwrap().remove("cbvmda:productionDate");
            },
            "field `quantityList[0].epcClass`: no production date (Digital Link attribute `11=YYMMDD` or `ilmd` `cbvmda:productionDate`)",
        ),
        (
            &|o: &mut serde_json::Value| {
                let q = o["quantityList"][0].clone();
                o["quantityList"].as_array_mut().unwrap().push(q);
                o["epcList"] = serde_json::json!([]);
            },
            "field `ilmd`: with several `quantityList` entries, which line the lot's master data belongs to is ambiguous",
        ),
    ] {
        let e = refused(change);
        assert!(e.starts_with(&format!("i.jsonld: eventList[0]: {want}")), "{want}\n{e}");
    }
}

#[test]
fn a_partners_event_that_does_not_map_unambiguously_is_refused() {
    let refused = |f: &dyn Fn(&mut serde_json::Value), p: &epcis::Partner| {
        let mut doc = partner_doc();
        f(&mut doc["epcisBody"]["eventList"][1]);
        epcis::import_with("r.jsonld", &doc, p)
            .unwrap_err()
            .to_string()
    };
    // A malformed EPC URN is refused with the reason.
    let mut doc = partner_doc();
    doc["epcisBody"]["eventList"][0]["epcList"][0] = "urn:epc:id:sgtin:6971234.05001.100001".into();
    let e = epcis::import_with("r.jsonld", &doc, &partner())
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "r.jsonld: eventList[0]: field `epcList[0]`: `urn:epc:id:sgtin:6971234.05001.100001`: malformed `sgtin` EPC: the company prefix and the reference `05001` are not 13 digits together"
    );
    let e = refused(&|_| {}, &epcis::Partner::default());
    assert!(
        e.starts_with("r.jsonld: eventList[0]: field `rxl:event`: missing"),
        "{e}"
    );
    let no_acceptors = epcis::Partner {
        acceptors: vec![],
        ..partner()
    };
    let e = refused(&|_| {}, &no_acceptors);
    assert!(e.contains("needs its acceptors"), "{e}");
    // The event is not at fault (round 14): no field of it is named.
    assert!(!e.contains("field"), "{e}");
    assert!(e.contains("`--acceptor NAME`"), "{e}");
    let p = partner();
    for (change, want) in [
        (
            &(|o: &mut serde_json::Value| o["bizStep"] = "shipping".into())
                as &dyn Fn(&mut serde_json::Value),
            "eventList[1]: field `bizStep`: `shipping`",
        ),
        (
            &|o: &mut serde_json::Value| o["bizStep"] = "storing".into(),
            "eventList[1]: field `bizStep`: `storing`",
        ),
        (
            &|o: &mut serde_json::Value| {
                o["quantityList"][1]["epcClass"] =
                    "https://id.gs1.org/01/06901234567892/10/A2?11=250801".into();
            },
            "eventList[1]: field `quantityList[1].epcClass`: no expiry date",
        ),
        (
            &|o: &mut serde_json::Value| {
                o["quantityList"][0]["epcClass"] = "urn:epc:class:lgtin:690123.0456789.A1".into();
            },
            "eventList[1]: field `quantityList[0].epcClass`: no production date",
        ),
        (
            &|o: &mut serde_json::Value| o["quantityList"][0]["uom"] = "KGM".into(),
            "eventList[1]: field `quantityList[0].uom`: `KGM` is not H87",
        ),
        (
            &|o: &mut serde_json::Value| {
                o["epcList"] = serde_json::json!(["urn:epc:id:sgtin:6901234.056789.1"]);
            },
            "eventList[1]: field `epcList`: with several `quantityList` entries",
        ),
        (
            &|o: &mut serde_json::Value| o["sourceList"] = serde_json::json!([]),
            "eventList[1]: field `sourceList`: 0 `owning_party` entries",
        ),
        (
            &|o: &mut serde_json::Value| o["bizTransactionList"][3]["type"] = "po".into(),
            "eventList[1]: field `bizTransactionList`: 0 entries of type `recadv`",
        ),
        (
            &|o: &mut serde_json::Value| {
                o["bizLocation"]["id"] = "https://id.gs1.org/414/6971234000014".into();
            },
            "eventList[1]: field `bizLocation`",
        ),
        (
            &|o: &mut serde_json::Value| o["quantityList"][0]["quantity"] = 1.5.into(),
            "eventList[1]: field `quantityList[0].quantity`: not a whole number",
        ),
        (
            &|o: &mut serde_json::Value| {
                o["quantityList"][1]["epcClass"] =
                    "https://id.gs1.org/01/06901234567893/10/A2?11=250801&17=270731".into();
            },
            "eventList[1]: field `quantityList[1].epcClass`: GTIN `06901234567893` has a wrong check digit",
        ),
        (
            &|o: &mut serde_json::Value| o["quantityList"][0]["quantity"] = 0.into(),
            "eventList[1]: field `data.lines[0].",
        ),
    ] {
        let e = refused(change, &p);
        assert!(e.starts_with(&format!("r.jsonld: {want}")), "{want}\n{e}");
    }
}

/// A Digital Link expiry `17=YYMM00` is the month's last day (GS1 General Specifications, AI
/// 17), as in traceability codes; a date that does not exist is refused as such, not as missing.
#[test]
fn a_partners_expiry_with_day_00_is_the_last_day_of_the_month() {
    let with_expiry = |expiry: &str| {
        let mut doc = partner_doc();
        let class = &mut doc["epcisBody"]["eventList"][0]["quantityList"][0]["epcClass"];
        let old = class.as_str().unwrap().to_owned();
        let (base, query) = old.split_once('?').unwrap();
        let query: Vec<String> = query
            .split('&')
            .map(|kv| {
                if kv.starts_with("17=") {
                    format!("17={expiry}")
                } else {
                    kv.to_owned()
                }
            })
            .collect();
        *class = format!("{base}?{}", query.join("&")).into();
        epcis::import_with("r.jsonld", &doc, &partner())
    };
    let got = with_expiry("280200").unwrap();
    let line = &serde_json::to_value(&got[0].1).unwrap()["data"]["lines"][0];
    assert_eq!(line["expiry"], "2028-02-29");
    let err = with_expiry("281300").unwrap_err().to_string();
    assert!(err.contains("281300"), "{err}");
    assert!(!err.contains("no expiry date"), "{err}");
}
