//! The CBV 2.0 canonical EPCIS event hash (CBV 2.0 §8.9, "EPCIS Event Hash ID"): a pre-hash
//! string built from the event's fields in the canonical property order, hashed with SHA-256 and
//! written as `ni:///sha-256;{hex}?ver=CBV2.0` (RFC 6920).
//!
//! The pre-hash string is: `eventType={type}`, then the standard fields in the canonical order
//! (`eventTime` … `sensorElementList`), then every other field (`sourceList`,
//! `destinationList`, `ilmd`, user extensions with their namespace as `{uri}local`) each
//! rendered as a string, the strings sorted. Values are canonicalised: instants in UTC at
//! millisecond precision with `Z`, numbers without trailing zeros, CBV URNs and bare CBV words
//! as their `https://ref.gs1.org/cbv/…` web URIs, CURIEs expanded, EPC URNs of every GS1 key
//! scheme (`crate::epc`) and Digital Link URIs (`crate::dl`) as canonical Digital Link URIs.
//! `eventID`, `recordTime`, `errorDeclaration`, comments and the fields a document's
//! `ignoreFields` annotation names ([`Context::of_document`]) do not take part. Only the
//! JSON-LD representation is read (see `docs/epcis.md` for the scope).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The suffix of a CBV 2.0 event hash id.
pub const VERSION: &str = "?ver=CBV2.0";

/// The prefix of a CBV 2.0 SHA-256 event hash id.
pub const PREFIX: &str = "ni:///sha-256;";

/// The namespace of the reference event-hash generator's `ignoreFields` annotation.
pub const IGNORE_NS: &str = "https://repository-x.example.com/";

/// What the hash of a document's events depends on besides the events: the namespaces of its
/// `@context` and the event fields its `ignoreFields` annotation leaves out.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// prefix → namespace URI.
    ns: BTreeMap<String, String>,
    /// Top-level event fields left out of the hash (`ignoreFields`), as written.
    ignore: Vec<String>,
}

impl Context {
    /// The prefixes declared in a document's `@context` (objects in the array, or the object),
    /// over the standard ones (`gs1`, `cbv`, `epcis`), and its `ignoreFields` annotation: the
    /// member `{p}:ignoreFields` of the document (of `epcisBody.queryResults` in a query
    /// document), where the prefix `p` is declared as [`IGNORE_NS`], a list of event field
    /// names as the events write them.
    pub fn of_document(doc: &Value) -> Context {
        let mut m = BTreeMap::new();
        for (k, v) in [
            ("gs1", "https://gs1.org/voc/"),
            ("cbv", "https://ref.gs1.org/cbv/"),
            ("epcis", "https://ref.gs1.org/epcis/"),
        ] {
            m.insert(k.to_owned(), v.to_owned());
        }
        let objs: Vec<&Value> = match doc.get("@context") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(o @ Value::Object(_)) => vec![o],
            _ => Vec::new(),
        };
        let mut ignore_prefix = None;
        for o in objs {
            if let Value::Object(o) = o {
                for (k, v) in o {
                    if let Some(v) = v.as_str() {
                        if v == IGNORE_NS && ignore_prefix.is_none() {
                            ignore_prefix = Some(k.clone());
                        }
                        m.insert(k.clone(), v.to_owned());
                    }
                }
            }
        }
        let holder = match doc.pointer("/epcisBody") {
            Some(b) if b.get("eventList").is_none() && b.get("queryResults").is_some() => {
                &b["queryResults"]
            }
            _ => doc,
        };
        let ignore = ignore_prefix
            .and_then(|p| holder.get(format!("{p}:ignoreFields")))
            .map(arr)
            .unwrap_or_default()
            .iter()
            .filter_map(|f| f.as_str().map(str::to_owned))
            .collect();
        Context { ns: m, ignore }
    }

    /// The event fields the document's `ignoreFields` annotation leaves out of the hash.
    pub fn ignored(&self) -> &[String] {
        &self.ignore
    }

    /// `prefix:local` → `{uri}local` for a key with a declared prefix.
    fn key(&self, k: &str) -> String {
        match k.split_once(':') {
            Some((p, l)) if self.ns.contains_key(p) => format!("{{{}}}{l}", self.ns[p]),
            _ => k.to_owned(),
        }
    }

    /// `prefix:local` → `urilocal` for a value with a declared prefix.
    fn value(&self, v: &str) -> Option<String> {
        let (p, l) = v.split_once(':')?;
        if l.starts_with("//") {
            return None;
        }
        Some(format!("{}{l}", self.ns.get(p)?))
    }
}

/// The `ni:///sha-256;…?ver=CBV2.0` hash id of an event (a JSON object of `eventList`).
pub fn event_hash(event: &Value, ctx: &Context) -> String {
    let digest = Sha256::digest(prehash(event, ctx).as_bytes());
    let mut hex = String::with_capacity(64);
    for b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    format!("{PREFIX}{hex}{VERSION}")
}

/// Whether `id` is written as a CBV 2.0 SHA-256 event hash.
pub fn is_hash_id(id: &str) -> bool {
    id.strip_prefix(PREFIX)
        .and_then(|r| r.strip_suffix(VERSION))
        .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

const LIST_CHILD: &[(&str, &str)] = &[
    ("epcList", "epc"),
    ("inputEPCList", "epc"),
    ("childEPCs", "epc"),
    ("outputEPCList", "epc"),
];
const QTY: &[&str] = &["epcClass", "quantity", "uom"];
const META: &[&str] = &[
    "time",
    "startTime",
    "endTime",
    "deviceID",
    "deviceMetadata",
    "rawData",
    "dataProcessingMethod",
    "bizRules",
];
const REPORT: &[&str] = &[
    "type",
    "exception",
    "deviceID",
    "deviceMetadata",
    "rawData",
    "dataProcessingMethod",
    "time",
    "microorganism",
    "chemicalSubstance",
    "value",
    "component",
    "stringValue",
    "booleanValue",
    "hexBinaryValue",
    "uriValue",
    "minValue",
    "maxValue",
    "meanValue",
    "sDev",
    "percRank",
    "percValue",
    "uom",
    "coordinateReferenceSystem",
];
/// The canonical property order after `eventType`.
const ORDER: &[&str] = &[
    "eventTime",
    "eventTimeZoneOffset",
    "certificationInfo",
    "parentID",
    "epcList",
    "inputEPCList",
    "childEPCs",
    "quantityList",
    "childQuantityList",
    "inputQuantityList",
    "outputEPCList",
    "outputQuantityList",
    "action",
    "transformationID",
    "bizStep",
    "disposition",
    "persistentDisposition",
    "readPoint",
    "bizLocation",
    "bizTransactionList",
    "sensorElementList",
];
const IGNORED: &[&str] = &[
    "type",
    "eventID",
    "recordTime",
    "errorDeclaration",
    "comment",
    "rdfs:comment",
    "@context",
];

/// The pre-hash string of an event (before SHA-256).
pub fn prehash(event: &Value, ctx: &Context) -> String {
    let Value::Object(ev) = event else {
        return String::new();
    };
    let kept: Map<String, Value>;
    let ev = if ctx.ignore.is_empty() {
        ev
    } else {
        kept = ev
            .iter()
            .filter(|(k, _)| !ctx.ignore.contains(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        &kept
    };
    let ty = ev.get("type").and_then(Value::as_str).unwrap_or_default();
    let mut s = format!("eventType={ty}");
    for &name in ORDER {
        if let Some(v) = ev.get(name) {
            s.push_str(&field(name, v, ctx));
        }
    }
    let mut rest: Vec<String> = ev
        .iter()
        .filter(|(k, _)| !ORDER.contains(&k.as_str()) && !IGNORED.contains(&k.as_str()))
        .map(|(k, v)| match k.as_str() {
            "sourceList" | "destinationList" => typed_list(k, v, ctx),
            _ => generic(&ctx.key(k), v, ctx),
        })
        .collect();
    rest.sort();
    s.extend(rest);
    s
}

fn field(name: &str, v: &Value, ctx: &Context) -> String {
    if let Some(&(_, child)) = LIST_CHILD.iter().find(|c| c.0 == name) {
        let mut items: Vec<String> = arr(v)
            .iter()
            .map(|e| kv(child, e, ctx))
            .filter(|s| !s.is_empty())
            .collect();
        return listed(name, &mut items);
    }
    match name {
        "quantityList" | "childQuantityList" | "inputQuantityList" | "outputQuantityList" => {
            let mut items: Vec<String> = arr(v)
                .iter()
                .map(|q| ordered("quantityElement", q, QTY, ctx, false))
                .filter(|s| !s.is_empty())
                .collect();
            listed(name, &mut items)
        }
        "persistentDisposition" => {
            let mut s = String::new();
            for k in ["set", "unset"] {
                let mut items: Vec<String> = v
                    .get(k)
                    .map(arr)
                    .unwrap_or_default()
                    .iter()
                    .map(|e| kv(k, &vocab(k, e), ctx))
                    .collect();
                items.sort();
                s.extend(items);
            }
            if s.is_empty() {
                s
            } else {
                format!("{name}{s}")
            }
        }
        "readPoint" | "bizLocation" => ordered(name, v, &["id"], ctx, true),
        "bizTransactionList" => typed_list(name, v, ctx),
        "sensorElementList" => {
            let mut items: Vec<String> = arr(v).iter().map(|e| sensor_element(e, ctx)).collect();
            listed(name, &mut items)
        }
        _ => kv(name, &vocab(name, v), ctx),
    }
}

fn listed(name: &str, items: &mut [String]) -> String {
    items.sort();
    let body: String = items.concat();
    if body.is_empty() {
        body
    } else {
        format!("{name}{body}")
    }
}

fn arr(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

/// `name` + the fields of `o` in `order`, then (with `extensions`) its other fields sorted.
fn ordered(name: &str, o: &Value, order: &[&str], ctx: &Context, extensions: bool) -> String {
    let Value::Object(m) = o else {
        return String::new();
    };
    let mut s = String::new();
    for &k in order {
        if let Some(v) = m.get(k) {
            s.push_str(&kv(k, &vocab_in(name, k, v), ctx));
        }
    }
    if extensions {
        s.push_str(&extensions_of(m, order, ctx));
    }
    if s.is_empty() {
        s
    } else {
        format!("{name}{s}")
    }
}

fn extensions_of(m: &Map<String, Value>, order: &[&str], ctx: &Context) -> String {
    let mut ext: Vec<String> = m
        .iter()
        .filter(|(k, _)| !order.contains(&k.as_str()))
        .map(|(k, v)| generic(&ctx.key(k), v, ctx))
        .collect();
    ext.sort();
    ext.concat()
}

fn sensor_element(e: &Value, ctx: &Context) -> String {
    let Value::Object(m) = e else {
        return String::new();
    };
    let mut s = String::new();
    if let Some(meta) = m.get("sensorMetadata") {
        s.push_str(&ordered("sensorMetadata", meta, META, ctx, true));
    }
    let mut reports: Vec<String> = m
        .get("sensorReport")
        .map(arr)
        .unwrap_or_default()
        .iter()
        .map(|r| ordered("sensorReport", r, REPORT, ctx, true))
        .collect();
    reports.sort();
    s.extend(reports);
    s.push_str(&extensions_of(m, &["sensorMetadata", "sensorReport"], ctx));
    format!("sensorElement{s}")
}

/// `bizTransactionList`, `sourceList`, `destinationList`: `type=…` then the value, per entry.
fn typed_list(name: &str, v: &Value, ctx: &Context) -> String {
    let value_key = match name {
        "sourceList" => "source",
        "destinationList" => "destination",
        _ => "bizTransaction",
    };
    let mut items: Vec<String> = arr(v)
        .iter()
        .map(|e| {
            let mut s = String::new();
            if let Some(t) = e.get("type") {
                s.push_str(&kv("type", &vocab(name, t), ctx));
            }
            if let Some(x) = e.get(value_key) {
                s.push_str(&kv(value_key, x, ctx));
            }
            s
        })
        .collect();
    listed(name, &mut items)
}

/// A user extension or ILMD field: `{ns}local=value`, or `{ns}local` + its sorted children;
/// an array gives one child per element, each under the same key.
fn generic(key: &str, v: &Value, ctx: &Context) -> String {
    match v {
        Value::Object(m) => {
            let mut parts: Vec<String> = m
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "comment" | "rdfs:comment"))
                .map(|(k, v)| generic(&ctx.key(k), v, ctx))
                .collect();
            parts.sort();
            format!("{key}{}", parts.concat())
        }
        Value::Array(a) => {
            let mut parts: Vec<String> = a.iter().map(|e| generic(key, e, ctx)).collect();
            parts.sort();
            parts.concat()
        }
        other => kv(key, other, ctx),
    }
}

/// `key=canonical value`, or nothing for an empty value.
fn kv(key: &str, v: &Value, ctx: &Context) -> String {
    let text = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => return String::new(),
        Value::Object(_) | Value::Array(_) => return generic(key, v, ctx),
    };
    if text.is_empty() {
        return key.to_owned();
    }
    let lower = key.to_ascii_lowercase();
    let canon = if lower.contains("time") && !lower.contains("offset") {
        instant(&text)
    } else {
        canonical(&text, ctx)
    };
    format!("{key}={canon}")
}

/// Bare CBV words of the standard fields as web URIs.
fn vocab(field: &str, v: &Value) -> Value {
    vocab_in("", field, v)
}

fn vocab_in(parent: &str, field: &str, v: &Value) -> Value {
    let Some(s) = v.as_str() else {
        return v.clone();
    };
    if s.contains(':') {
        return v.clone();
    }
    let prefix = match (parent, field) {
        (_, "bizStep") => "https://ref.gs1.org/cbv/BizStep-",
        (_, "disposition" | "set" | "unset") => "https://ref.gs1.org/cbv/Disp-",
        (_, "bizTransactionList") => "https://ref.gs1.org/cbv/BTT-",
        (_, "sourceList" | "destinationList") => "https://ref.gs1.org/cbv/SDT-",
        ("sensorReport", "type" | "exception") => "https://gs1.org/voc/",
        ("sensorReport", "component") => "https://ref.gs1.org/cbv/Comp-",
        _ => return v.clone(),
    };
    Value::String(format!("{prefix}{s}"))
}

/// An instant in UTC with millisecond precision (rounded half up) and `Z`.
fn instant(s: &str) -> String {
    match DateTime::parse_from_rfc3339(s) {
        Ok(t) => {
            let t = t.with_timezone(&Utc);
            let micros = i64::from(t.timestamp_subsec_micros());
            let rounded = t - chrono::Duration::microseconds(micros)
                + chrono::Duration::milliseconds((micros + 500) / 1000);
            rounded.to_rfc3339_opts(SecondsFormat::Millis, true)
        }
        Err(_) => s.to_owned(),
    }
}

/// A value canonicalised: CBV URNs, CURIEs, numbers, EPC URNs and Digital Link URIs.
fn canonical(s: &str, ctx: &Context) -> String {
    for (urn, web) in [
        ("urn:epcglobal:cbv:bizstep:", "BizStep-"),
        ("urn:epcglobal:cbv:disp:", "Disp-"),
        ("urn:epcglobal:cbv:btt:", "BTT-"),
        ("urn:epcglobal:cbv:sdt:", "SDT-"),
        ("urn:epcglobal:cbv:er:", "ER-"),
    ] {
        if let Some(rest) = s.strip_prefix(urn) {
            return format!("https://ref.gs1.org/cbv/{web}{rest}");
        }
    }
    if let Some(n) = number(s) {
        return n;
    }
    if let Some(dl) = crate::epc::to_digital_link(s)
        .ok()
        .or_else(|| crate::dl::normalise(s))
    {
        return dl;
    }
    if !s.starts_with("urn:") {
        if let Some(v) = ctx.value(s) {
            return v;
        }
    }
    s.to_owned()
}

/// A decimal number without trailing zeros (`1.0` → `1`, `0.3400` → `0.34`).
fn number(s: &str) -> Option<String> {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    if body.is_empty()
        || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        || body.bytes().filter(|&b| b == b'.').count() > 1
        || body == "."
    {
        return None;
    }
    let f: f64 = s.parse().ok()?;
    if f.fract() == 0.0 && f.abs() < 1e16 {
        Some(format!("{}", f as i64))
    } else {
        Some(format!("{f}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_canonical() {
        assert_eq!(
            instant("2022-02-16T20:33:31.116000-06:00"),
            "2022-02-17T02:33:31.116Z"
        );
        assert_eq!(
            instant("2023-01-18T11:04:03.1415Z"),
            "2023-01-18T11:04:03.142Z"
        );
        assert_eq!(
            instant("2020-03-04T11:00:30+01:00"),
            "2020-03-04T10:00:30.000Z"
        );
        assert_eq!(number("200.0").as_deref(), Some("200"));
        assert_eq!(number("0.3400").as_deref(), Some("0.34"));
        assert_eq!(number("2019-10-21"), None);
        assert!(is_hash_id(
            "ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b?ver=CBV2.0"
        ));
        assert!(!is_hash_id("urn:uuid:0190c2a4-0000-7000-8000-000000000000"));
    }

    #[test]
    fn ignore_fields_is_read_only_under_the_generators_namespace() {
        let event =
            serde_json::json!({"type": "ObjectEvent", "action": "OBSERVE", "x:a": "1", "x:b": "2"});
        let doc = |ns: &str, at_query: bool| {
            let list = serde_json::json!(["x:a"]);
            let mut d = serde_json::json!({"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"r": ns}]});
            if at_query {
                d["epcisBody"] = serde_json::json!({"queryResults": {"r:ignoreFields": list, "resultsBody": {"eventList": []}}});
            } else {
                d["epcisBody"] = serde_json::json!({"eventList": []});
                d["r:ignoreFields"] = list;
            }
            Context::of_document(&d)
        };
        for at_query in [false, true] {
            let ctx = doc(IGNORE_NS, at_query);
            assert_eq!(ctx.ignored(), ["x:a"]);
            assert_eq!(
                prehash(&event, &ctx),
                "eventType=ObjectEventaction=OBSERVEx:b=2"
            );
            let other = doc("https://example.com/", at_query);
            assert!(other.ignored().is_empty());
            assert_eq!(
                prehash(&event, &other),
                "eventType=ObjectEventaction=OBSERVEx:a=1x:b=2"
            );
        }
    }
}
