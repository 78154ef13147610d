//! GS1 EPCIS 2.0 JSON-LD: the ledger's goods movements as `ObjectEvent`s, and back.
//!
//! Each line of a movement event (receipt, put-away, transfer, dispatch, returns, destruction,
//! loss, and stock counts) becomes one `ObjectEvent`: `eventTime`, `bizStep`, `disposition`,
//! the product and batch as the `epcClass` of a `quantityList` entry, the unit codes in
//! `epcList`, the locations in `readPoint`/`bizLocation` and `sourceList`/`destinationList`,
//! the trading partner as an `owning_party`, and the documents in `bizTransactionList`. What
//! EPCIS has no field for (the people, production dates, expiry, reasons, the event's id and
//! refs) travels in `rxl:` extension fields, so that [`import`] gives back the same events. The
//! mapping, both ways, is `docs/epcis.md`. Temperature readings go out as `ObjectEvent`s with
//! a `sensorElementList` (`sensor`), case packing as `AggregationEvent`s (`pack`); a trading
//! partner's `receiving` events come in as receipts through [`import_with`] (`partner`).

use std::fmt::Write as _;

use chrono::{DateTime, SecondsFormat, Utc};
use rxledger_model::{Event, EventError};
use serde_json::{json, Map, Value};

use crate::hash::{event_hash, is_hash_id, Context};
use crate::reason::{Reason, Why};

mod pack;
mod partner;
mod sensor;

pub use partner::Partner;

/// The JSON-LD namespace of the `rxl:` extension fields.
pub const NAMESPACE: &str = "https://rxledger.invalid/epcis/";

/// The standard EPCIS 2.0 JSON-LD context.
pub const CONTEXT: &str = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

/// `(kind, bizStep, disposition, action, quantity field)` of the exported kinds.
const KINDS: &[(&str, &str, &str, &str, &str)] = &[
    ("receipt", "receiving", "in_progress", "OBSERVE", "accepted"),
    (
        "put_away",
        "storing",
        "sellable_accessible",
        "OBSERVE",
        "quantity",
    ),
    (
        "transfer",
        "storing",
        "sellable_accessible",
        "OBSERVE",
        "quantity",
    ),
    ("dispatch", "shipping", "in_transit", "OBSERVE", "quantity"),
    (
        "supplier_return",
        "shipping",
        "returned",
        "OBSERVE",
        "quantity",
    ),
    (
        "customer_return",
        "receiving",
        "returned",
        "OBSERVE",
        "quantity",
    ),
    (
        "destruction",
        "destroying",
        "destroyed",
        "DELETE",
        "quantity",
    ),
    ("loss_report", "removing", "unknown", "OBSERVE", "quantity"),
    (
        "stock_count",
        "cycle_counting",
        "sellable_accessible",
        "OBSERVE",
        "counted",
    ),
];

fn kind_row(
    kind: &str,
) -> Option<&'static (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
)> {
    KINDS.iter().find(|k| k.0 == kind)
}

/// Whether events of `kind` are exported.
pub fn exported(kind: &str) -> bool {
    kind_row(kind).is_some() || matches!(kind, "temperature_reading" | "aggregation")
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn pct(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn unpct(s: &str) -> Option<String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

const DL: &str = "https://id.gs1.org/01/";

/// The `epcClass` of a product's batch: a GS1 Digital Link URI (`/01/GTIN/10/LOT`) when the
/// product code is a 14-digit GTIN, else an `urn:rxledger:class:` URN.
pub fn epc_class(product: &str, batch: &str) -> String {
    if product.len() == 14 && product.bytes().all(|b| b.is_ascii_digit()) {
        format!("{DL}{product}/10/{}", pct(batch))
    } else {
        format!("urn:rxledger:class:{}:{}", pct(product), pct(batch))
    }
}

fn parse_class(uri: &str) -> Option<(String, String)> {
    if let Some(rest) = uri.strip_prefix(DL) {
        let (p, lot) = rest.split_once("/10/")?;
        return Some((p.to_owned(), unpct(lot)?));
    }
    let (p, b) = uri.strip_prefix("urn:rxledger:class:")?.split_once(':')?;
    Some((unpct(p)?, unpct(b)?))
}

/// The EPC of a unit code: a Digital Link SGTIN URI for a bracketed `(01)GTIN(21)SERIAL`, else
/// an `urn:rxledger:code:` URN holding the code as written.
pub fn epc(code: &str) -> String {
    if let Some(rest) = code.strip_prefix("(01)") {
        if let Some((gtin, serial)) = rest.split_once("(21)") {
            if gtin.len() == 14
                && gtin.bytes().all(|b| b.is_ascii_digit())
                && !serial.is_empty()
                && !serial.contains(['(', '\\'])
            {
                return format!("{DL}{gtin}/21/{}", pct(serial));
            }
        }
    }
    format!("urn:rxledger:code:{}", pct(code))
}

fn parse_epc(uri: &str) -> Option<String> {
    if let Some(rest) = uri.strip_prefix(DL) {
        let (g, s) = rest.split_once("/21/")?;
        return Some(format!("(01){g}(21){}", unpct(s)?));
    }
    unpct(uri.strip_prefix("urn:rxledger:code:")?)
}

/// The event's JSON form split into its envelope and its `data`.
fn split(e: &Event) -> Option<(Map<String, Value>, Map<String, Value>)> {
    let Ok(Value::Object(mut ev)) = serde_json::from_slice::<Value>(&e.to_json_bytes()) else {
        return None;
    };
    let Some(Value::Object(data)) = ev.remove("data") else {
        return None;
    };
    Some((ev, data))
}

/// The `rxl:event` fields of an event exported as one EPCIS event: id, kind, `entered_at`,
/// `recorded_by`, `refs`, and what is left of `data` (when anything is).
fn rx_whole(ev: &Map<String, Value>, kind: &str, data: Map<String, Value>) -> Value {
    let mut rx = Map::new();
    rx.insert("id".into(), ev.get("id").cloned().unwrap_or_default());
    rx.insert("kind".into(), kind.into());
    for k in ["entered_at", "recorded_by", "refs"] {
        if let Some(v) = ev.get(k) {
            rx.insert(k.into(), v.clone());
        }
    }
    if !data.is_empty() {
        rx.insert("data".into(), Value::Object(data));
    }
    Value::Object(rx)
}

/// The envelope of an event imported from one EPCIS event (see [`rx_whole`]), with `data`.
fn env_whole(o: &Value, rx: &Map<String, Value>, data: Map<String, Value>) -> Map<String, Value> {
    let mut env = Map::new();
    env.insert("v".into(), Value::from(rxledger_model::FORMAT_VERSION));
    for k in ["id", "kind"] {
        env.insert(k.into(), rx.get(k).cloned().unwrap_or_default());
    }
    env.insert(
        "occurred_at".into(),
        o.get("eventTime").cloned().unwrap_or_default(),
    );
    for k in ["entered_at", "recorded_by", "refs"] {
        if let Some(v) = rx.get(k) {
            env.insert(k.into(), v.clone());
        }
    }
    env.insert("data".into(), Value::Object(data));
    env
}

/// The common head of an exported EPCIS event: type, time, zone offset.
fn head(ty: &str, ev: &Map<String, Value>) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert("type".into(), ty.into());
    o.insert(
        "eventTime".into(),
        ev.get("occurred_at").cloned().unwrap_or_default(),
    );
    o.insert("eventTimeZoneOffset".into(), "+08:00".into());
    o
}

fn loc(code: &str) -> Value {
    json!({ "id": format!("urn:rxledger:loc:{}", pct(code)) })
}

fn party(id: &str) -> String {
    format!("urn:rxledger:party:{}", pct(id))
}

fn doc_uri(doc: &str) -> String {
    format!("urn:rxledger:doc:{}", pct(doc))
}

/// The EPCIS document of the exported kinds of `events` (others are left out), created at
/// `created`.
pub fn export(events: &[Event], created: DateTime<Utc>) -> Value {
    let mut list = Vec::new();
    for e in events {
        export_event(e, &mut list);
    }
    let mut doc = json!({
        "@context": [CONTEXT, { "rxl": NAMESPACE }],
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": created.to_rfc3339_opts(SecondsFormat::AutoSi, true),
    });
    let ctx = Context::of_document(&doc);
    for o in &mut list {
        let id = event_hash(o, &ctx);
        if let Value::Object(m) = o {
            m.insert("eventID".into(), id.into());
        }
    }
    doc["epcisBody"] = json!({ "eventList": list });
    doc
}

fn export_event(e: &Event, out: &mut Vec<Value>) {
    let kind = e.body.kind().as_str();
    let Some((mut ev, mut data)) = split(e) else {
        return;
    };
    match kind {
        "temperature_reading" => return out.push(sensor::export(&ev, data)),
        "aggregation" => return out.push(pack::export(&ev, data)),
        _ => {}
    }
    let Some(&(kind, step, disposition, action, qty_field)) = kind_row(kind) else {
        return;
    };
    let lines = match data.remove("lines") {
        Some(Value::Array(l)) => l,
        _ => Vec::new(),
    };
    let doc = data
        .remove("doc")
        .and_then(|d| d.as_str().map(str::to_owned))
        .unwrap_or_default();
    let supplier = data.remove("supplier");
    let customer = data.remove("customer");
    let count_location = if kind == "stock_count" {
        data.remove("location")
    } else {
        None
    };
    let doc_type = match kind {
        "receipt" => Some("recadv"),
        "dispatch" => Some("desadv"),
        "supplier_return" | "customer_return" => Some("rma"),
        _ => None,
    };
    let mut biz = vec![match doc_type {
        Some(t) => json!({"type": t, "bizTransaction": doc_uri(&doc)}),
        None => json!({"bizTransaction": doc_uri(&doc)}),
    }];
    let refs = ev.remove("refs").unwrap_or(Value::Object(Map::new()));
    for (field, t) in [
        ("order", "po"),
        ("sale", "po"),
        ("delivery_note", "desadv"),
        ("receipt", "recadv"),
        ("invoice", "inv"),
    ] {
        let docs: Vec<&str> = match refs.get(field) {
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            Some(Value::String(s)) => vec![s.as_str()],
            _ => Vec::new(),
        };
        for d in docs {
            biz.push(json!({"type": t, "bizTransaction": doc_uri(d)}));
        }
    }
    let (mut sources, mut dests) = (Vec::new(), Vec::new());
    match (kind, &supplier, &customer) {
        ("receipt", Some(Value::String(s)), _) => {
            sources.push(json!({"type": "owning_party", "source": party(s)}));
        }
        ("supplier_return", Some(Value::String(s)), _) => {
            dests.push(json!({"type": "owning_party", "destination": party(s)}));
        }
        ("customer_return", _, Some(Value::String(c))) => {
            sources.push(json!({"type": "owning_party", "source": party(c)}));
        }
        (_, _, Some(Value::String(c))) => {
            dests.push(json!({"type": "owning_party", "destination": party(c)}));
        }
        _ => {}
    }
    let n = lines.len();
    for (i, line) in lines.into_iter().enumerate() {
        let Value::Object(mut line) = line else {
            continue;
        };
        let product = line
            .remove("product")
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let batch = line
            .remove("batch")
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let qty = line.remove(qty_field).unwrap_or(Value::from(0));
        let mut o = head("ObjectEvent", &ev);
        let codes: Vec<Value> = match line.remove("codes") {
            Some(Value::Array(c)) => c
                .iter()
                .filter_map(Value::as_str)
                .map(|c| Value::String(epc(c)))
                .collect(),
            _ => Vec::new(),
        };
        o.insert("epcList".into(), Value::Array(codes));
        o.insert("action".into(), action.into());
        o.insert("bizStep".into(), step.into());
        o.insert("disposition".into(), disposition.into());
        let (mut src, mut dst) = (sources.clone(), dests.clone());
        if let Some(Value::String(from)) = line.remove("from") {
            o.insert("readPoint".into(), loc(&from));
            src.push(json!({"type": "location", "source": loc(&from)["id"]}));
        }
        let to = line
            .remove("to")
            .or_else(|| line.remove("location"))
            .or_else(|| count_location.clone());
        if let Some(Value::String(to)) = to {
            o.insert("bizLocation".into(), loc(&to));
            if kind != "stock_count" {
                dst.push(json!({"type": "location", "destination": loc(&to)["id"]}));
            }
        }
        o.insert("bizTransactionList".into(), Value::Array(biz.clone()));
        if !src.is_empty() {
            o.insert("sourceList".into(), Value::Array(src));
        }
        if !dst.is_empty() {
            o.insert("destinationList".into(), Value::Array(dst));
        }
        o.insert(
            "quantityList".into(),
            json!([{ "epcClass": epc_class(&product, &batch), "quantity": qty, "uom": "H87" }]),
        );
        let mut rx = Map::new();
        rx.insert("id".into(), ev.get("id").cloned().unwrap_or_default());
        rx.insert("kind".into(), kind.into());
        rx.insert("line".into(), Value::from(i));
        rx.insert("lines".into(), Value::from(n));
        for k in ["entered_at", "recorded_by"] {
            if let Some(v) = ev.get(k) {
                rx.insert(k.into(), v.clone());
            }
        }
        rx.insert("refs".into(), refs.clone());
        if i == 0 {
            rx.insert("data".into(), Value::Object(data.clone()));
        }
        if !line.is_empty() {
            rx.insert("lineData".into(), Value::Object(line));
        }
        o.insert("rxl:event".into(), Value::Object(rx));
        out.push(Value::Object(o));
    }
}

/// An event being rebuilt: its first index, id, envelope and lines (`None`: an event exported
/// whole, as one EPCIS event, with its `data` complete).
type Pending = (usize, String, Map<String, Value>, Option<Vec<Value>>);

/// Why an EPCIS document was refused.
#[derive(Debug, thiserror::Error)]
#[error("{file}: eventList[{index}]: {}{reason}", self.field.as_ref().map(|f| format!("field `{f}`: ")).unwrap_or_default())]
pub struct EpcisError {
    /// The file.
    pub file: String,
    /// 0-based index in `epcisBody.eventList`.
    pub index: usize,
    /// The event's field the reason is about, when it is about one.
    pub field: Option<String>,
    /// What is wrong.
    pub reason: Box<Reason>,
}

/// The events of an EPCIS document written by [`export`], validated, with the `eventList`
/// index of each one's first `ObjectEvent`. An event whose `eventID` is a CBV 2.0 hash
/// (`ni:///sha-256;…?ver=CBV2.0`) that does not match its content is refused. EPCIS events
/// without the `rxl:event` extension (from other systems) are refused here: they need the people
/// that [`import_with`] is given.
pub fn import(file: &str, doc: &Value) -> Result<Vec<(usize, Event)>, EpcisError> {
    import_with(file, doc, &Partner::default())
}

/// As [`import`], and events of trading partners (without `rxl:event`) too: an `ObjectEvent`
/// with bizStep `receiving` becomes a `receipt` recorded by `partner.recorded_by`, accepted by
/// `partner.acceptors` (docs/epcis.md says what it needs); its id is derived from its `eventID`
/// (or its document number) and instant, so a second import appends nothing.
pub fn import_with(
    file: &str,
    doc: &Value,
    partner: &Partner,
) -> Result<Vec<(usize, Event)>, EpcisError> {
    let err = |index: usize, why: Why| EpcisError {
        file: file.to_owned(),
        index,
        field: why.field,
        reason: Box::new(why.reason),
    };
    let list = doc
        .pointer("/epcisBody/eventList")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            err(
                0,
                Why {
                    field: None,
                    reason: Reason::NoEventList,
                },
            )
        })?;
    // (first index, id, envelope, lines)
    let mut events: Vec<Pending> = Vec::new();
    let ctx = Context::of_document(doc);
    for (i, o) in list.iter().enumerate() {
        if let Some(id) = o.get("eventID").and_then(Value::as_str) {
            if is_hash_id(id) {
                if let Some(f) = ctx
                    .ignored()
                    .iter()
                    .find(|f| !f.contains(':') || f.starts_with("rxl:"))
                {
                    return Err(err(
                        i,
                        Why::at("eventID", Reason::HashIgnores { ignored: f.clone() }),
                    ));
                }
                let want = event_hash(o, &ctx);
                if want != id {
                    return Err(err(
                        i,
                        Why::at(
                            "eventID",
                            Reason::HashMismatch {
                                id: id.to_owned(),
                                computed: want,
                            },
                        ),
                    ));
                }
            }
        }
        let Some(rx) = o.get("rxl:event").and_then(Value::as_object) else {
            let env = foreign(o, partner).map_err(|m| err(i, m))?;
            events.push((i, String::new(), env, None));
            continue;
        };
        let id = rx
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let whole = match rx.get("kind").and_then(Value::as_str) {
            Some("temperature_reading") => Some(sensor::import(o, rx)),
            Some("aggregation") => Some(pack::import(o, rx)),
            _ => None,
        };
        if let Some(env) = whole {
            events.push((i, id, env.map_err(|m| err(i, m))?, None));
            continue;
        }
        let line = import_line(o, rx).map_err(|m| err(i, m))?;
        match events.last_mut() {
            Some((_, prev, _, Some(lines))) if *prev == id => lines.push(line),
            _ => {
                let env = import_envelope(o, rx).map_err(|m| err(i, m))?;
                events.push((i, id, env, Some(vec![line])));
            }
        }
    }
    let mut out = Vec::new();
    for (i, _, mut env, lines) in events {
        if let (Some(Value::Object(data)), Some(lines)) = (env.get_mut("data"), lines) {
            data.insert("lines".into(), Value::Array(lines));
        }
        let e = Event::from_value(Value::Object(env)).map_err(|e| match e {
            EventError::Field {
                field,
                message,
                problem,
            } => err(i, Why::at(&field, Reason::Invalid { message, problem })),
            other => err(
                i,
                Why {
                    field: None,
                    reason: Reason::Event {
                        error: Box::new(other),
                    },
                },
            ),
        })?;
        out.push((i, e));
    }
    Ok(out)
}

/// A partner's event (see [`partner`]) with its derived id.
fn foreign(o: &Value, p: &Partner) -> Result<Map<String, Value>, Why> {
    let mut env = partner::import(o, p)?;
    let at = o
        .get("eventTime")
        .and_then(Value::as_str)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .ok_or_else(|| Why::at("eventTime", Reason::NotRfc3339))?
        .with_timezone(&Utc);
    let key = match o.get("eventID").and_then(Value::as_str) {
        Some(id) => id.to_owned(),
        None => str_at(&Value::Object(env.clone()), "/data/doc")
            .unwrap_or_default()
            .to_owned(),
    };
    let id = crate::id::event_id("epcis", "receipt", &key, at);
    env.insert("id".into(), id.to_string().into());
    Ok(env)
}

fn str_at<'a>(v: &'a Value, ptr: &str) -> Option<&'a str> {
    v.pointer(ptr).and_then(Value::as_str)
}

fn loc_code(v: Option<&str>) -> Option<String> {
    unpct(v?.strip_prefix("urn:rxledger:loc:")?)
}

fn party_of(list: Option<&Value>, key: &str) -> Option<String> {
    list?.as_array()?.iter().find_map(|s| {
        (s.get("type")?.as_str()? == "owning_party")
            .then(|| unpct(s.get(key)?.as_str()?.strip_prefix("urn:rxledger:party:")?))
            .flatten()
    })
}

fn import_envelope(o: &Value, rx: &Map<String, Value>) -> Result<Map<String, Value>, Why> {
    let kind = rx.get("kind").and_then(Value::as_str).unwrap_or_default();
    let mut data = match rx.get("data") {
        Some(Value::Object(d)) => d.clone(),
        _ => return Err(Why::at("rxl:event.data", Reason::NoData)),
    };
    let doc = str_at(o, "/bizTransactionList/0/bizTransaction")
        .and_then(|d| unpct(d.strip_prefix("urn:rxledger:doc:")?))
        .ok_or_else(|| Why::at("bizTransactionList[0]", Reason::NotOwnDocument))?;
    data.insert("doc".into(), doc.into());
    // The trading partner: which list of the event names it, and which field of the data it fills.
    let partner = match kind {
        "receipt" => Some(("sourceList", "source", "supplier")),
        "supplier_return" => Some(("destinationList", "destination", "supplier")),
        "customer_return" => Some(("sourceList", "source", "customer")),
        "dispatch" => Some(("destinationList", "destination", "customer")),
        _ => None,
    };
    if let Some((list, role, field)) = partner {
        let p = party_of(o.get(list), role).ok_or_else(|| Why::at(list, Reason::NoOwningParty))?;
        data.insert(field.into(), p.into());
    }
    if kind == "stock_count" {
        let l = loc_code(str_at(o, "/bizLocation/id"))
            .ok_or_else(|| Why::at("bizLocation", Reason::Missing))?;
        data.insert("location".into(), l.into());
    }
    // `import_line` has already refused a missing or unknown kind, so `rx`'s kind is `kind`.
    Ok(env_whole(o, rx, data))
}

fn import_line(o: &Value, rx: &Map<String, Value>) -> Result<Value, Why> {
    let kind = rx.get("kind").and_then(Value::as_str).unwrap_or_default();
    let &(_, _, _, _, qty_field) = kind_row(kind).ok_or_else(|| {
        let kind = kind.to_owned();
        Why::at("rxl:event.kind", Reason::NotExportedKind { kind })
    })?;
    let mut line = match rx.get("lineData") {
        Some(Value::Object(l)) => l.clone(),
        _ => Map::new(),
    };
    let q = o
        .pointer("/quantityList/0")
        .ok_or_else(|| Why::at("quantityList", Reason::EmptyList))?;
    if let Some(u) = q.get("uom").and_then(Value::as_str) {
        if u != "H87" {
            let uom = u.to_owned();
            return Err(Why::at("quantityList[0].uom", Reason::NotPieces { uom }));
        }
    }
    let (product, batch) = q
        .get("epcClass")
        .and_then(Value::as_str)
        .and_then(parse_class)
        .ok_or_else(|| Why::at("quantityList[0].epcClass", Reason::NotBatchClass))?;
    line.insert("product".into(), product.into());
    line.insert("batch".into(), batch.into());
    line.insert(
        qty_field.into(),
        q.get("quantity").cloned().unwrap_or_default(),
    );
    if let Some(from) = loc_code(str_at(o, "/readPoint/id")) {
        line.insert("from".into(), from.into());
    }
    if let Some(to) = loc_code(str_at(o, "/bizLocation/id")) {
        match kind {
            "receipt" => line.insert("location".into(), to.into()),
            "stock_count" => None,
            _ => line.insert("to".into(), to.into()),
        };
    }
    let codes: Vec<Value> = o
        .get("epcList")
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(|e| parse_epc(e.as_str()?).map(Value::String))
                .collect()
        })
        .unwrap_or_default();
    if !codes.is_empty() {
        line.insert("codes".into(), Value::Array(codes));
    }
    Ok(Value::Object(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_codes_go_out_and_back() {
        let c = epc_class("86933021156015", "26/09 A");
        assert_eq!(c, "https://id.gs1.org/01/86933021156015/10/26%2F09%20A");
        assert_eq!(
            parse_class(&c),
            Some(("86933021156015".into(), "26/09 A".into()))
        );
        let c = epc_class("X-1", "B:2");
        assert_eq!(parse_class(&c), Some(("X-1".into(), "B:2".into())));
        for code in [
            "(01)06901234567892(21)S0001",
            "81003700000000012439",
            "(01)06901234567892(17)281231(21)A",
        ] {
            assert_eq!(parse_epc(&epc(code)).as_deref(), Some(code));
        }
        assert!(epc("(01)06901234567892(21)S0001").starts_with(DL));
    }
}
