//! `temperature_reading` ⇄ one `ObjectEvent` with bizStep `sensor_reporting` whose
//! `sensorElementList` holds the sensor (`sensorMetadata.deviceID`) and its samples
//! (`sensorReport`: `gs1:Temperature` in `CEL`, and `gs1:RelativeHumidity` in `P1`, percent, when
//! the sample has a humidity), each with its `time`. A zone is the `readPoint` and
//! `bizLocation` (`urn:rxledger:loc:`), a vehicle the `readPoint` (`urn:rxledger:vehicle:`).

use serde_json::{json, Map, Value};

use super::{env_whole, head, loc, loc_code, pct, rx_whole, str_at, unpct};

use crate::reason::{Reason as R, Why};
const SENSOR: &str = "urn:rxledger:sensor:";
const VEHICLE: &str = "urn:rxledger:vehicle:";
const TEMPERATURE: [&str; 2] = ["gs1:Temperature", "https://gs1.org/voc/Temperature"];
const HUMIDITY: [&str; 2] = [
    "gs1:RelativeHumidity",
    "https://gs1.org/voc/RelativeHumidity",
];

fn take_str(data: &mut Map<String, Value>, k: &str) -> Option<String> {
    data.remove(k).and_then(|v| v.as_str().map(str::to_owned))
}

/// The `ObjectEvent` of a `temperature_reading` (envelope `ev`, `data`).
pub(super) fn export(ev: &Map<String, Value>, mut data: Map<String, Value>) -> Value {
    let mut o = head("ObjectEvent", ev);
    o.insert("epcList".into(), json!([]));
    o.insert("action".into(), "OBSERVE".into());
    o.insert("bizStep".into(), "sensor_reporting".into());
    let sensor = take_str(&mut data, "sensor").unwrap_or_default();
    if let Some(zone) = take_str(&mut data, "zone") {
        o.insert("readPoint".into(), loc(&zone));
        o.insert("bizLocation".into(), loc(&zone));
    }
    if let Some(v) = take_str(&mut data, "vehicle") {
        o.insert(
            "readPoint".into(),
            json!({ "id": format!("{VEHICLE}{}", pct(&v)) }),
        );
    }
    let mut reports = Vec::new();
    if let Some(Value::Array(readings)) = data.remove("readings") {
        for r in readings {
            let at = r.get("at").cloned().unwrap_or_default();
            reports.push(json!({
                "type": TEMPERATURE[0],
                "value": r.get("celsius").cloned().unwrap_or_default(),
                "uom": "CEL",
                "time": at,
            }));
            if let Some(h) = r.get("humidity") {
                reports.push(json!({
                    "type": HUMIDITY[0], "value": h, "uom": "P1", "time": at,
                }));
            }
        }
    }
    o.insert(
        "sensorElementList".into(),
        json!([{
            "sensorMetadata": { "deviceID": format!("{SENSOR}{}", pct(&sensor)) },
            "sensorReport": reports,
        }]),
    );
    o.insert(
        "rxl:event".into(),
        rx_whole(ev, "temperature_reading", data),
    );
    Value::Object(o)
}

/// The envelope of the `temperature_reading` exported as `o`.
pub(super) fn import(o: &Value, rx: &Map<String, Value>) -> Result<Map<String, Value>, Why> {
    let mut data = match rx.get("data") {
        Some(Value::Object(d)) => d.clone(),
        _ => Map::new(),
    };
    let el = "sensorElementList[0]";
    let sensor = str_at(o, "/sensorElementList/0/sensorMetadata/deviceID")
        .and_then(|d| unpct(d.strip_prefix(SENSOR)?))
        .ok_or_else(|| {
            let prefix = SENSOR.to_owned();
            Why::at(
                &format!("{el}.sensorMetadata.deviceID"),
                R::NotSensorId { prefix },
            )
        })?;
    data.insert("sensor".into(), sensor.into());
    if let Some(zone) = loc_code(str_at(o, "/bizLocation/id")) {
        data.insert("zone".into(), zone.into());
    } else if let Some(v) = str_at(o, "/readPoint/id").and_then(|v| v.strip_prefix(VEHICLE)) {
        let v = unpct(v).ok_or_else(|| Why::at("readPoint.id", R::BadPercent))?;
        data.insert("vehicle".into(), v.into());
    } else {
        return Err(Why::at("bizLocation", R::NoPlace));
    }
    let reports = o
        .pointer("/sensorElementList/0/sensorReport")
        .and_then(Value::as_array)
        .ok_or_else(|| Why::at(&format!("{el}.sensorReport"), R::Missing))?;
    let mut readings: Vec<Map<String, Value>> = Vec::new();
    for (k, r) in reports.iter().enumerate() {
        let f = |name: &str, r: R| Why::at(&format!("{el}.sensorReport[{k}].{name}"), r);
        let ty = r.get("type").and_then(Value::as_str).unwrap_or_default();
        let uom = r.get("uom").and_then(Value::as_str).unwrap_or_default();
        let time = r
            .get("time")
            .cloned()
            .ok_or_else(|| f("time", R::Missing))?;
        let value = r
            .get("value")
            .filter(|v| v.is_number())
            .cloned()
            .ok_or_else(|| f("value", R::NotANumber))?;
        if TEMPERATURE.contains(&ty) {
            if uom != "CEL" {
                let uom = uom.to_owned();
                return Err(f("uom", R::NotCelsius { uom }));
            }
            let mut m = Map::new();
            m.insert("at".into(), time);
            m.insert("celsius".into(), value);
            readings.push(m);
        } else if HUMIDITY.contains(&ty) {
            if uom != "P1" {
                let uom = uom.to_owned();
                return Err(f("uom", R::NotPercent { uom }));
            }
            match readings.last_mut() {
                Some(m) if m.get("at") == Some(&time) => {
                    m.insert("humidity".into(), value);
                }
                _ => return Err(f("time", R::HumidityAlone)),
            }
        } else {
            return Err(f("type", R::NotSensorType { ty: ty.to_owned() }));
        }
    }
    data.insert(
        "readings".into(),
        Value::Array(readings.into_iter().map(Value::Object).collect()),
    );
    Ok(env_whole(o, rx, data))
}
