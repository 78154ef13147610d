//! The rxledger event model: every traceability event of a drug distributor, with the fields
//! GSP requires, exact money and quantities, and validation whose errors name the field.
//!
//! Events travel as JSON, one per line (the interchange format, `docs/format.md`):
//!
//! ```
//! use rxledger_model::{Event, EventBody};
//!
//! let line = r#"{"v":1,"id":"019a6f3e-2b00-7000-8000-000000000001","kind":"payment",
//!   "occurred_at":"2026-10-08T02:00:00Z","recorded_by":["财务-王芳"],
//!   "data":{"doc":"PAY-1","direction":"outgoing","payer":"ME","payee":"SUP",
//!   "payer_account":"1","payee_account":"2","amount":{"minor":1500,"currency":"CNY"},
//!   "method":"bank_transfer","invoices":["INV-1"]}}"#.replace('\n', "");
//! let event = Event::from_json(&line)?;
//! assert!(matches!(event.body, EventBody::Payment(_)));
//! // The canonical form is what the ledger stores and hashes.
//! assert_eq!(Event::from_json(&event.to_json())?, event);
//!
//! let bad = line.replace(r#""minor":1500"#, r#""minor":-1500"#);
//! let err = Event::from_json(&bad).unwrap_err();
//! assert_eq!(err.field(), Some("data.amount.minor"));
//! # Ok::<(), rxledger_model::EventError>(())
//! ```
//!
//! With the `schema` feature every type of the format also derives `schemars::JsonSchema`
//! ([`Event`]'s schema is that of one event line): `docs/event.schema.json` and the field tables
//! of `docs/format.md` are generated from it, so they say what this parser accepts.
#![forbid(unsafe_code)]
// Decoders must not panic on any input.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::indexing_slicing))]

mod canon;
pub mod codes;
pub mod dup;
pub mod events;
mod fast;
pub mod instant;
pub mod movements;
mod problem;
mod refs;
#[cfg(feature = "schema")]
mod schema;
pub mod types;
mod validate;

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use events::*;
pub use problem::{Problem, Written};
pub use refs::Refs;
use refs::RefsIn;
pub use types::*;

/// Version of the interchange format this build writes (`"v"` in every event).
///
/// Version 2 lets `refs.order`, `refs.sale`, `refs.receipt` and `refs.delivery_note` name
/// several documents (a consolidated invoice, a delivery covering several orders). Version 1
/// events (one document per ref, a string) are still read: see [`READ_VERSIONS`].
pub const FORMAT_VERSION: u32 = 2;

/// The format versions this build reads.
pub const READ_VERSIONS: std::ops::RangeInclusive<u32> = 1..=2;

macro_rules! event_kinds {
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) = $name:literal ),* $(,)?) => {
        /// The kind of an event (`"kind"` in JSON).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $( $(#[$doc])* $variant, )*
        }

        impl Kind {
            /// Every kind, in documentation order.
            pub const ALL: &'static [Kind] = &[$( Kind::$variant, )*];

            /// The JSON name.
            pub fn as_str(self) -> &'static str {
                match self { $( Kind::$variant => $name, )* }
            }

            /// Parses the JSON name.
            pub fn parse(s: &str) -> Option<Kind> {
                match s { $( $name => Some(Kind::$variant), )* _ => None }
            }
        }

        /// The kind-specific data of an event.
        #[derive(Clone, Debug, PartialEq, Serialize)]
        #[serde(untagged)]
        #[allow(clippy::large_enum_variant)]
        pub enum EventBody {
            $( $(#[$doc])* $variant($ty), )*
        }

        #[cfg(feature = "schema")]
        impl Kind {
            /// The JSON Schema of this kind's `data` object (a reference into the generator's
            /// definitions).
            pub fn data_schema(self, generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                match self { $( Kind::$variant => generator.subschema_for::<$ty>(), )* }
            }
        }

        impl EventBody {
            /// The event's kind.
            pub fn kind(&self) -> Kind {
                match self { $( EventBody::$variant(_) => Kind::$variant, )* }
            }
        }

        fn parse_body(kind: Kind, data: serde_json::Value) -> Result<EventBody, EventError> {
            match kind {
                $( Kind::$variant => de_path::<$ty>(data, "data").map(EventBody::$variant), )*
            }
        }

        /// Deserializes the `data` object of a known kind straight from the input.
        struct BodySeed(Kind);

        impl<'de> serde::de::DeserializeSeed<'de> for BodySeed {
            type Value = EventBody;
            fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<EventBody, D::Error> {
                match self.0 {
                    $( Kind::$variant => <$ty>::deserialize(d).map(EventBody::$variant), )*
                }
            }
        }
    };
}

event_kinds! {
    /// Party master data registered.
    PartyRegistered(PartyRegistered) = "party_registered",
    /// Licence, scope or accounts changed.
    LicenceChanged(LicenceChanged) = "licence_changed",
    /// Product master data registered.
    ProductRegistered(ProductRegistered) = "product_registered",
    /// Purchase order.
    Purchase(Purchase) = "purchase",
    /// Receipt with acceptance.
    Receipt(Receipt) = "receipt",
    /// Put-away into storage.
    PutAway(PutAway) = "put_away",
    /// Transfer between locations.
    Transfer(Transfer) = "transfer",
    /// Sale.
    Sale(Sale) = "sale",
    /// Outbound review.
    OutboundReview(OutboundReview) = "outbound_review",
    /// Dispatch with delivery note.
    Dispatch(Dispatch) = "dispatch",
    /// Customer return.
    CustomerReturn(CustomerReturn) = "customer_return",
    /// Return to supplier.
    SupplierReturn(SupplierReturn) = "supplier_return",
    /// Destruction / write-off.
    Destruction(Destruction) = "destruction",
    /// Stock count.
    StockCount(StockCount) = "stock_count",
    /// Invoice or credit note.
    Invoice(Invoice) = "invoice",
    /// Payment.
    Payment(Payment) = "payment",
    /// Temperature / humidity readings.
    TemperatureReading(TemperatureReading) = "temperature_reading",
    /// Loss or theft report.
    LossReport(LossReport) = "loss_report",
    /// Case / middle-pack code aggregation.
    Aggregation(Aggregation) = "aggregation",
    /// Storage zone and its temperature range.
    ZoneRegistered(ZoneRegistered) = "zone_registered",
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One traceability event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Event id, a UUID v7 (time-ordered).
    pub id: Uuid,
    /// When it happened in the physical world.
    pub occurred_at: DateTime<Utc>,
    /// When the source system (ERP, WMS) entered it, if known. Late entry is measured from
    /// `occurred_at` to this instant, or to the ledger's `recorded_at` when it is absent.
    pub entered_at: Option<DateTime<Utc>>,
    /// Who recorded it (several people where a two-person rule applies).
    pub recorded_by: Vec<Text>,
    /// Linked document numbers.
    pub refs: Refs,
    /// Kind-specific data.
    pub body: EventBody,
}

#[derive(Serialize)]
struct EventOut<'a> {
    v: u32,
    id: &'a Uuid,
    kind: &'static str,
    #[serde(serialize_with = "instant::serialize")]
    occurred_at: &'a DateTime<Utc>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "instant::serialize_opt"
    )]
    entered_at: &'a Option<DateTime<Utc>>,
    recorded_by: &'a [Text],
    #[serde(skip_serializing_if = "Refs::is_empty")]
    refs: &'a Refs,
    data: &'a EventBody,
}

/// One event: the envelope common to every kind, and the kind-specific `data`.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Event"))]
#[serde(deny_unknown_fields)]
struct EventIn {
    /// Format version: `2` (this build writes it), or `1` (read: each ref is one string). A
    /// reader rejects versions it does not know.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 2)))]
    v: u32,
    /// Event id: a UUID **version 7** (time-ordered), unique per event.
    id: Uuid,
    /// The event's kind: says which fields `data` holds.
    kind: String,
    /// When it happened in the physical world.
    #[serde(deserialize_with = "instant::deserialize")]
    occurred_at: DateTime<Utc>,
    /// When the source system (ERP, WMS) entered the event. Late entry is measured from
    /// `occurred_at` to this instant, or to the ledger's `recorded_at` when it is absent.
    #[serde(default, deserialize_with = "instant::deserialize_opt")]
    entered_at: Option<DateTime<Utc>>,
    /// Who recorded it: several people where a two-person rule applies (special-control
    /// drugs).
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1), inner(pattern(schema::NOT_BLANK)))
    )]
    recorded_by: Vec<Text>,
    /// Document numbers linking this event to others.
    #[serde(default)]
    refs: RefsIn,
    /// The kind-specific fields (the tables of the event kinds below).
    data: serde_json::Value,
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.out(&self.body).serialize(s)
    }
}

/// Why an event was rejected. [`EventError::field`] names the offending field as a path such as
/// `data.lines[2].quantity`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EventError {
    /// Not JSON at all.
    #[error("invalid JSON at column {column}: {message}")]
    Json {
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// A field is missing, has the wrong type or an invalid value.
    #[error("field `{field}`: {message}")]
    Field {
        /// Path of the field.
        field: String,
        /// What is wrong (English).
        message: String,
        /// What is wrong as typed facts, when it carries figures (`message` is its English
        /// rendering). Boxed: most errors have none.
        problem: Option<Box<Problem>>,
    },
}

impl EventError {
    /// The offending field, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            EventError::Field { field, .. } => Some(field),
            EventError::Json { .. } => None,
        }
    }

    pub(crate) fn field_err(field: impl Into<String>, message: impl Into<String>) -> Self {
        EventError::Field {
            field: field.into(),
            message: message.into(),
            problem: None,
        }
    }

    pub(crate) fn field_problem(field: impl Into<String>, problem: Problem) -> Self {
        EventError::Field {
            field: field.into(),
            message: problem.to_string(),
            problem: Some(Box::new(problem)),
        }
    }

    /// The typed problem of a field, when it carries figures.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            EventError::Field { problem, .. } => problem.as_deref(),
            EventError::Json { .. } => None,
        }
    }
}

/// Deserializes `value`, turning serde's message into a field path error under `prefix`.
fn de_path<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    prefix: &str,
) -> Result<T, EventError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let mut field = if path == "." || path.is_empty() {
            prefix.to_owned()
        } else if prefix.is_empty() {
            path
        } else {
            format!("{prefix}.{path}")
        };
        let mut message = inner;
        let mut problem = None;
        if let Some(rest) = message.strip_prefix("missing field `") {
            if let Some(name) = rest.split('`').next() {
                field = if field.is_empty() {
                    name.to_owned()
                } else {
                    format!("{field}.{name}")
                };
                "required field is missing".clone_into(&mut message);
            }
        } else if message.starts_with("invalid value: integer `-") && message.contains("u64") {
            // A count cannot be negative; the least a field allows (0 or 1) is validation's to
            // say, and no Rust type is named (round 18).
            let got = message.split('`').nth(1).unwrap_or("a negative number");
            problem = Some(Problem::Negative {
                got: got.to_owned(),
            });
        } else if let Some(p) = validate::number_limit(&message) {
            // A fraction, a number beyond 64 bits (JSON reads 2^64 as a float), a string or
            // `null` where a whole number goes: say what fits, in words, not serde's (round 19).
            problem = Some(p);
        }
        match problem {
            Some(p) => EventError::field_problem(field, p),
            None => EventError::Field {
                field,
                message,
                problem: None,
            },
        }
    })
}

/// Single-pass deserializer for events whose `kind` precedes `data` (the canonical order). Any
/// failure falls back to the slow path, which produces the precise field error.
struct FastEvent(Event);

impl<'de> Deserialize<'de> for FastEvent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FastEvent;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an event object with kind before data")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<FastEvent, A::Error> {
                use serde::de::Error;
                let mut v: Option<u32> = None;
                let mut id = None;
                let mut kind: Option<Kind> = None;
                let mut occurred_at = None;
                let mut entered_at = None;
                let mut recorded_by = None;
                let mut refs = None;
                let mut body = None;
                let mut seen = 0u8;
                while let Some(k) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let bit = match k.as_ref() {
                        "v" => 1,
                        "id" => 2,
                        "kind" => 4,
                        "occurred_at" => 8,
                        "entered_at" => 16,
                        "recorded_by" => 32,
                        "refs" => 64,
                        "data" => 128,
                        _ => 0,
                    };
                    if seen & bit != 0 {
                        return Err(A::Error::custom("duplicate field"));
                    }
                    seen |= bit;
                    match k.as_ref() {
                        "v" => v = Some(map.next_value()?),
                        "id" => id = Some(map.next_value()?),
                        "kind" => {
                            let s: std::borrow::Cow<'de, str> = map.next_value()?;
                            kind = Some(
                                Kind::parse(&s).ok_or_else(|| A::Error::custom("unknown kind"))?,
                            );
                        }
                        "occurred_at" => {
                            occurred_at = Some(map.next_value::<instant::Instant>()?.0);
                        }
                        "entered_at" => {
                            entered_at = map.next_value::<Option<instant::Instant>>()?.map(|t| t.0);
                        }
                        "recorded_by" => recorded_by = Some(map.next_value()?),
                        "refs" => refs = Some(map.next_value::<RefsIn>()?),
                        "data" => {
                            let kind = kind.ok_or_else(|| A::Error::custom("data before kind"))?;
                            body = Some(map.next_value_seed(BodySeed(kind))?);
                        }
                        _ => return Err(A::Error::custom("unknown field")),
                    }
                }
                let v = v.filter(|v| READ_VERSIONS.contains(v));
                let v = v.ok_or_else(|| A::Error::custom("version"))?;
                let refs = match refs {
                    None => Refs::default(),
                    Some(r) => r.into_refs(v).map_err(|_| A::Error::custom("refs"))?,
                };
                Ok(FastEvent(Event {
                    id: id.ok_or_else(|| A::Error::missing_field("id"))?,
                    occurred_at: occurred_at
                        .ok_or_else(|| A::Error::missing_field("occurred_at"))?,
                    entered_at,
                    recorded_by: recorded_by
                        .ok_or_else(|| A::Error::missing_field("recorded_by"))?,
                    refs,
                    body: body.ok_or_else(|| A::Error::missing_field("data"))?,
                }))
            }
        }
        d.deserialize_map(V)
    }
}

impl Event {
    /// Parses and validates one event from its JSON text.
    pub fn from_json(text: &str) -> Result<Event, EventError> {
        Self::parse(text, false).map(|(e, _)| e)
    }

    /// [`Event::from_json`], and whether `text` is already the event's canonical spelling
    /// ([`Event::to_json_bytes`]). Knowing it saves writing the event to compare, which was a
    /// fifth of the time of `rxledger append`: this is cheap for a canonical event of the
    /// commonest kinds. `false` means only "not known without writing": the caller writes the
    /// event and compares (other kinds' data, instants with an offset, white space after the
    /// event, an older format version all give `false`).
    ///
    /// ```
    /// use rxledger_model::Event;
    /// let text = r#"{"v":2,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e12","kind":"payment","occurred_at":"2026-10-12T03:00:00Z","recorded_by":["财务-王芳"],"data":{"doc":"SK1","direction":"incoming","payer":"91330106MA2H1RT58K","payee":"91330100MA27X8K3Q1","payer_account":"3301040160012345678","payee_account":"1202021109900371234","amount":{"minor":677600,"currency":"CNY"},"method":"bank_transfer","invoices":["26330000000001000029"]}}"#;
    /// let (event, canonical) = Event::from_json_canonical(text).unwrap();
    /// assert!(canonical);
    /// assert_eq!(event.to_json(), text);
    /// let offset = text.replace("03:00:00Z", "11:00:00+08:00");
    /// let (same, canonical) = Event::from_json_canonical(&offset).unwrap();
    /// assert!(!canonical);
    /// assert_eq!(same, event);
    /// ```
    pub fn from_json_canonical(text: &str) -> Result<(Event, bool), EventError> {
        Self::parse(text, true)
    }

    /// The one parse of both: a canonical event by position (`canon.rs`, judging its spelling
    /// when `judge`), any other text in one serde pass, and the two-pass parser for the error
    /// of an invalid one.
    fn parse(text: &str, judge: bool) -> Result<(Event, bool), EventError> {
        let parsed = canon::read(text, judge).or_else(|| {
            serde_json::from_str::<FastEvent>(text)
                .ok()
                .map(|f| (f.0, false))
        });
        if let Some((e, exact)) = parsed {
            if validate::validate(&e).is_ok() {
                return Ok((e, exact));
            }
        }
        Self::from_json_slow(text).map(|e| (e, false))
    }

    /// The two-pass parser that names the offending field precisely.
    fn from_json_slow(text: &str) -> Result<Event, EventError> {
        // A line read with its end: a string left open runs into it, and serde_json would place
        // the error at column 0 of a second line (round 18). Without it, at the line's end.
        let text = text.trim_end_matches(['\n', '\r']);
        if let Some(path) = dup::first_duplicate(text) {
            return Err(EventError::field_problem(path, Problem::WrittenTwice));
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| EventError::Json {
                column: e.column(),
                message: e.to_string(),
            })?;
        Self::from_value(value)
    }

    /// Parses and validates one event from a JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Event, EventError> {
        if !value.is_object() {
            return Err(EventError::field_err("", "an event must be a JSON object"));
        }
        let raw: EventIn = de_path(value, "")?;
        if !READ_VERSIONS.contains(&raw.v) {
            return Err(EventError::field_err(
                "v",
                format!(
                    "unsupported format version {} (this build reads versions {} to {})",
                    raw.v,
                    READ_VERSIONS.start(),
                    READ_VERSIONS.end()
                ),
            ));
        }
        let kind = Kind::parse(&raw.kind).ok_or_else(|| {
            EventError::field_err(
                "kind",
                format!(
                    "unknown event kind {:?}; expected one of: {}",
                    raw.kind,
                    Kind::ALL
                        .iter()
                        .map(|k| k.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })?;
        if !raw.data.is_object() {
            return Err(EventError::field_err("data", "must be a JSON object"));
        }
        let body = parse_body(kind, raw.data)?;
        let event = Event {
            id: raw.id,
            occurred_at: raw.occurred_at,
            entered_at: raw.entered_at,
            recorded_by: raw.recorded_by,
            refs: raw.refs.into_refs(raw.v)?,
            body,
        };
        validate::validate(&event)?;
        Ok(event)
    }

    /// The canonical JSON text (compact, fixed field order): what the ledger stores and hashes.
    pub fn to_json(&self) -> String {
        String::from_utf8(self.to_json_bytes()).unwrap_or_default()
    }

    /// The canonical JSON bytes. A temperature upload's samples are written by position after
    /// serde has written the rest of the event (serde spent most of the time of such an upload
    /// on the field names and instants of its samples, and `append` writes every event to tell
    /// whether its input line is canonical): the same bytes as serde's, a property test shows.
    pub fn to_json_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_json(&mut out);
        out
    }

    /// [`Event::to_json_bytes`] appended to `out`: a caller that writes many events reuses one
    /// buffer, with room for the usual event, instead of growing a new one for each (`append`
    /// writes every input line's event to tell whether the line is canonical).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let start = out.len();
        if let EventBody::TemperatureReading(t) = &self.body {
            if self.upload_json(t, out) {
                return;
            }
            out.truncate(start);
        }
        // Writing to a vector fails only on a serialiser error, which these types do not have;
        // as before, nothing is written then.
        if serde_json::to_writer(&mut *out, self).is_err() {
            out.truncate(start);
        }
    }

    /// An upload with samples as [`Event::to_json_bytes`] writes it, by position, appended to
    /// `out`; false (with `out` to be truncated by the caller) when it has no samples or
    /// [`fast::splice_readings`] cannot write them.
    fn upload_json(&self, t: &events::TemperatureReading, out: &mut Vec<u8>) -> bool {
        if t.readings.is_empty() {
            return false;
        }
        let bare = EventBody::TemperatureReading(events::TemperatureReading {
            sensor: t.sensor.clone(),
            zone: t.zone.clone(),
            vehicle: t.vehicle.clone(),
            readings: Vec::new(),
        });
        serde_json::to_writer(&mut *out, &self.out(&bare)).is_ok()
            && fast::splice_readings(out, &t.readings)
    }

    /// The serialised form of this event with `data` in place of its body.
    fn out<'a>(&'a self, data: &'a EventBody) -> EventOut<'a> {
        EventOut {
            v: FORMAT_VERSION,
            id: &self.id,
            kind: data.kind().as_str(),
            occurred_at: &self.occurred_at,
            entered_at: &self.entered_at,
            recorded_by: &self.recorded_by,
            refs: &self.refs,
            data,
        }
    }

    /// The event's kind.
    pub fn kind(&self) -> Kind {
        self.body.kind()
    }

    /// Validates the event (the same checks as parsing).
    pub fn validate(&self) -> Result<(), EventError> {
        validate::validate(self)
    }
}

/// An event line rejected while reading JSON Lines input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {error}")]
pub struct LineError {
    /// 1-based line number.
    pub line: u64,
    /// What is wrong.
    pub error: EventError,
}

/// Parses JSON Lines text into events, all-or-nothing: the first bad line is an error naming
/// the line and the field. Blank lines are skipped.
pub fn parse_jsonl(text: &str) -> Result<Vec<Event>, LineError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let event = Event::from_json(line).map_err(|error| LineError {
            line: i as u64 + 1,
            error,
        })?;
        out.push(event);
    }
    Ok(out)
}

/// Counts events per kind (used by summaries).
pub fn count_kinds<'a>(events: impl IntoIterator<Item = &'a Event>) -> BTreeMap<Kind, u64> {
    let mut m = BTreeMap::new();
    for e in events {
        *m.entry(e.kind()).or_insert(0) += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn examples() -> Vec<String> {
        include_str!("../../../docs/format.md")
            .split("```json\n")
            .skip(1)
            .filter_map(|b| b.split("```").next())
            .filter_map(|j| Event::from_json(j).ok())
            .map(|e| e.to_json())
            .collect()
    }

    /// A code listed twice is one unit scanned twice (round 17): a line of 2 units may list 3
    /// codes when only 2 differ, not 3 different ones.
    #[test]
    fn a_line_may_repeat_a_code_but_not_list_more_units_than_it_moves() {
        let dispatch = |codes: &[&str]| {
            Event::from_value(
                serde_json::json!({"v": 2, "id": "01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e15",
                "kind": "dispatch", "occurred_at": "2026-10-05T02:57:00Z", "recorded_by": ["x"],
                "data": {"doc": "PS1", "customer": "C", "consignee": "c", "address": "a",
                    "lines": [{"product": "P", "batch": "B", "quantity": 2, "from": "WH",
                        "codes": codes}]}}),
            )
        };
        let (a, b, c) = (
            "81234567890123456781",
            "81234567890123456782",
            "81234567890123456783",
        );
        assert!(dispatch(&[a, b, a]).is_ok());
        // One GS1 unit spelt bracketed and raw is one unit.
        let (g1, g2) = ("(01)06901234567892(21)S1", "0106901234567892\u{1d}21S1");
        assert!(dispatch(&[g1, b, g2]).is_ok());
        // A negative quantity names no Rust type and no wrong lower bound (round 18).
        let negative = Event::from_json(
            &serde_json::to_string(&serde_json::json!({"v": 2,
                "id": "01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e15", "kind": "dispatch",
                "occurred_at": "2026-10-05T02:57:00Z", "recorded_by": ["x"],
                "data": {"doc": "PS1", "customer": "C", "consignee": "c", "address": "a",
                    "lines": [{"product": "P", "batch": "B", "quantity": -5, "from": "WH"}]}}))
            .unwrap(),
        )
        .unwrap_err();
        assert_eq!(negative.field(), Some("data.lines[0].quantity"));
        assert_eq!(
            negative.to_string(),
            "field `data.lines[0].quantity`: must not be negative (got -5)"
        );
        let err = dispatch(&[a, b, c]).unwrap_err();
        assert_eq!(err.field(), Some("data.lines[0].codes"));
        assert!(
            err.to_string()
                .contains("3 different traceability codes for a quantity of 2"),
            "{err}"
        );
    }

    /// A line cut inside a string is placed at its end, not at column 0 of the line end serde
    /// would otherwise read as a second line (round 18).
    #[test]
    fn a_line_cut_short_is_placed_at_its_end() {
        for end in ["\n", "\r\n", ""] {
            let text = format!("{{\"v\":2,\"id\":\"ab{end}");
            match Event::from_json(&text) {
                Err(EventError::Json { column, .. }) => assert_eq!(column, 15, "{end:?}"),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn canonical_examples_take_the_fast_path() {
        for e in examples() {
            assert!(serde_json::from_str::<FastEvent>(&e).is_ok(), "{e}");
        }
    }

    proptest! {
        /// `from_json` (single pass, falling back to the precise parser) accepts exactly what the
        /// precise parser accepts, with the same result.
        #[test]
        fn fast_and_precise_parsers_agree(
            which in any::<prop::sample::Index>(),
            at in any::<prop::sample::Index>(),
            len in 0usize..6,
            insert in prop_oneof![Just(""), Just("-"), Just("\""), Just("0"), Just(",\"x\":1"), Just("null"), Just("}"), Just("[]"), Just("\"kind\":\"sale\",")],
        ) {
            let ex = examples();
            let base = &ex[which.index(ex.len())];
            let chars: Vec<char> = base.chars().collect();
            let i = at.index(chars.len());
            let j = (i + len).min(chars.len());
            let mutated: String = chars[..i].iter().collect::<String>() + insert + &chars[j..].iter().collect::<String>();
            let fast = serde_json::from_str::<FastEvent>(&mutated).ok().map(|f| f.0).filter(|e| validate::validate(e).is_ok());
            let slow = Event::from_json_slow(&mutated).ok();
            // Whatever the fast path accepts, the precise parser accepts identically.
            if let Some(f) = &fast {
                prop_assert_eq!(Some(f), slow.as_ref(), "{}", mutated);
            }
            let fast = Event::from_json(&mutated).ok();
            prop_assert_eq!(fast.is_some(), slow.is_some(), "{}", mutated);
            if let (Some(a), Some(b)) = (fast, slow) {
                prop_assert_eq!(a, b);
            }
        }
    }
}
