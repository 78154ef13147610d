//! The field reference of `docs/format.md` and `docs/event.schema.json`, rendered from the JSON
//! Schema that `rxledger-model` derives from its types (feature `schema`): one table per type
//! reachable from an event, one per enumeration, so the reference cannot drift from the parser.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write as _;

use rxledger::model::{self as m, Event, Kind};
use schemars::generate::SchemaSettings;
use serde::de::{self, Deserializer, Visitor};
use serde_json::{Map, Value};

/// The JSON Schema (draft 2020-12) of one event line, as the parser reads it.
pub fn schema() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    let mut s = generator.into_root_schema_for::<Event>().to_value();
    if let Some(o) = s.as_object_mut() {
        o.insert(
            "$comment".into(),
            Value::String(
                "Generated from rxledger-model by `cargo run --example gen_docs`; do not edit."
                    .into(),
            ),
        );
    }
    s
}

/// `docs/event.schema.json`.
pub fn schema_file() -> String {
    serde_json::to_string_pretty(&schema()).expect("a schema serialises") + "\n"
}

/// The envelope's fields in canonical order (the parser's `EventIn` is private; a test checks
/// this order against the canonical JSON of an event).
pub const ENVELOPE: &[&str] = &[
    "v",
    "id",
    "kind",
    "occurred_at",
    "entered_at",
    "recorded_by",
    "refs",
    "data",
];

/// A deserializer that only records the struct name and field list serde asks for.
struct Probe<'a>(&'a mut Option<(&'static str, &'static [&'static str])>);

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = de::value::Error;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some((name, fields));
        Err(de::Error::custom("probed"))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

fn fields_of<T: de::DeserializeOwned>() -> (&'static str, &'static [&'static str]) {
    let mut out = None;
    let _ = T::deserialize(Probe(&mut out));
    out.expect("a struct type")
}

/// Field order (declaration order = canonical order) of every struct of the format, by name.
pub fn field_orders() -> BTreeMap<&'static str, &'static [&'static str]> {
    let mut orders = BTreeMap::new();
    macro_rules! probe {
        ($($t:ty),* $(,)?) => { $( let (n, f) = fields_of::<$t>(); orders.insert(n, f); )* };
    }
    probe!(
        m::PartyRegistered,
        m::LicenceChanged,
        m::ProductRegistered,
        m::Purchase,
        m::Receipt,
        m::PutAway,
        m::Transfer,
        m::Sale,
        m::OutboundReview,
        m::Dispatch,
        m::CustomerReturn,
        m::SupplierReturn,
        m::Destruction,
        m::StockCount,
        m::Invoice,
        m::Payment,
        m::TemperatureReading,
        m::LossReport,
        m::Aggregation,
        m::ZoneRegistered,
        m::PurchaseLine,
        m::Transport,
        m::ReceiptLine,
        m::MoveLine,
        m::SaleLine,
        m::ReviewLine,
        m::OutLine,
        m::InLine,
        m::CountLine,
        m::InvoiceLine,
        m::Reading,
        m::Money,
        m::Licence,
        m::TempRange,
        m::BankAccount,
        m::Special,
        m::Refs,
    );
    orders.insert("Event", ENVELOPE);
    orders
}

/// The field reference: the schema's definitions and where each is documented.
pub struct Reference {
    root: Value,
    defs: Map<String, Value>,
    orders: BTreeMap<&'static str, &'static [&'static str]>,
    /// Region key -> the struct types whose tables it holds, in order.
    placed: BTreeMap<String, Vec<String>>,
    /// Enumerations in order of first use.
    enums: Vec<String>,
}

fn refs_in(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            if let Some(Value::String(r)) = o.get("$ref") {
                out.push(r.trim_start_matches("#/$defs/").to_owned());
            }
            for (k, x) in o {
                if k != "$ref" {
                    refs_in(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| refs_in(x, out)),
        _ => {}
    }
}

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn code(v: &Value) -> String {
    match v {
        Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    }
}

/// Enum values and meanings, when `def` is an enumeration of strings.
fn enum_values(def: &Value) -> Option<Vec<(String, String)>> {
    if let Some(Value::Array(vs)) = def.get("enum") {
        return Some(vs.iter().map(|v| (code(v), String::new())).collect());
    }
    let Value::Array(branches) = def.get("oneOf")? else {
        return None;
    };
    branches
        .iter()
        .map(|b| Some((code(b.get("const")?), text(b.get("description")))))
        .collect()
}

fn is_struct(def: &Value) -> bool {
    def.get("properties").is_some()
}

/// Enum values inline, or a pointer to where they are listed when there are many.
fn inline_values(codes: &[String], see: &str) -> String {
    if codes.len() <= 8 {
        codes.join(", ")
    } else {
        format!("one of {} values: see {see}", codes.len())
    }
}

/// The GitHub anchor of a type's heading.
fn link(name: &str) -> String {
    format!("[`{name}`](#{})", name.to_lowercase())
}

impl Reference {
    /// Places every type in the region of its first use, walking the regions in `keys` order
    /// (`envelope`, `kind:NAME` …, `enums`).
    pub fn new(keys: &[String]) -> Result<Reference, String> {
        let root = schema();
        let defs = root
            .get("$defs")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let orders = field_orders();
        for (name, def) in &defs {
            if is_struct(def) && !orders.contains_key(name.as_str()) {
                return Err(format!(
                    "type `{name}` has no field order: add it to `field_orders` in examples/gen_docs/format.rs"
                ));
            }
        }
        let mut r = Reference {
            root,
            defs,
            orders,
            placed: BTreeMap::new(),
            enums: Vec::new(),
        };
        let mut seen = BTreeSet::new();
        for key in keys {
            let start = match key.as_str() {
                "envelope" => "Event".to_owned(),
                "enums" => continue,
                k => {
                    let kind = k
                        .strip_prefix("kind:")
                        .and_then(Kind::parse)
                        .ok_or_else(|| format!("unknown region `{k}`"))?;
                    r.data_type(kind)
                }
            };
            let mut queue = VecDeque::from([start]);
            let mut here = Vec::new();
            while let Some(name) = queue.pop_front() {
                if !seen.insert(name.clone()) {
                    continue;
                }
                let def = r.def(&name).clone();
                if is_struct(&def) {
                    here.push(name.clone());
                } else if enum_values(&def).is_some() {
                    r.enums.push(name.clone());
                }
                for f in r.fields(&name) {
                    let mut found = Vec::new();
                    refs_in(&def["properties"][f], &mut found);
                    queue.extend(found);
                }
            }
            r.placed.insert(key.clone(), here);
        }
        for kind in Kind::ALL {
            if !keys.iter().any(|k| k == &format!("kind:{kind}")) {
                return Err(format!(
                    "docs/format.md has no generated region for kind `{kind}`"
                ));
            }
        }
        Ok(r)
    }

    fn def(&self, name: &str) -> &Value {
        if name == "Event" {
            &self.root
        } else {
            &self.defs[name]
        }
    }

    fn fields(&self, name: &str) -> Vec<&'static str> {
        self.orders
            .get(name)
            .map(|f| f.to_vec())
            .unwrap_or_default()
    }

    /// The name of the type of `kind`'s `data`.
    fn data_type(&self, kind: Kind) -> String {
        let branches = self.root["oneOf"].as_array().cloned().unwrap_or_default();
        let branch = branches
            .iter()
            .find(|b| b["properties"]["kind"]["const"] == kind.as_str())
            .expect("a oneOf branch per kind");
        let mut found = Vec::new();
        refs_in(&branch["properties"]["data"], &mut found);
        found.remove(0)
    }

    /// Every type documented, struct or enumeration (for the count in the report).
    pub fn counts(&self) -> (usize, usize, usize) {
        let structs: Vec<&String> = self.placed.values().flatten().collect();
        let fields = structs.iter().map(|s| self.fields(s).len()).sum();
        (structs.len(), fields, self.enums.len())
    }

    /// The body of region `key`.
    pub fn render(&self, key: &str) -> Option<String> {
        if key == "enums" {
            return Some(self.enum_tables());
        }
        let types = self.placed.get(key)?;
        let mut out = String::new();
        for (i, name) in types.iter().enumerate() {
            let def = self.def(name);
            if i > 0 {
                let _ = write!(out, "#### `{name}`\n\n");
            }
            out.push_str(&text(def.get("description")));
            out.push_str("\n\n");
            out.push_str(&self.table(name));
            out.push('\n');
        }
        Some(out)
    }

    fn table(&self, name: &str) -> String {
        let def = self.def(name);
        let required: BTreeSet<&str> = def["required"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut out = String::from(
            "| field | type | required | meaning | allowed values |\n|---|---|---|---|---|\n",
        );
        let props = def["properties"].as_object().cloned().unwrap_or_default();
        assert_eq!(
            props.keys().map(String::as_str).collect::<BTreeSet<_>>(),
            self.fields(name).into_iter().collect::<BTreeSet<_>>(),
            "the schema's fields of `{name}` differ from serde's"
        );
        for f in self.fields(name) {
            let p = &props[f];
            let req = if required.contains(f) {
                "yes"
            } else if Self::nullable(p) {
                "no (or `null`)"
            } else {
                "no"
            };
            let mut allowed = self.allowed(p);
            if !required.contains(f) {
                allowed.extend(Self::implied_default(p).map(str::to_owned));
            }
            let _ = writeln!(
                out,
                "| `{f}` | {} | {req} | {} | {} |",
                self.type_of(p),
                text(p.get("description")),
                allowed.join("; ")
            );
        }
        out
    }

    fn nullable(p: &Value) -> bool {
        match &p["type"] {
            Value::Array(t) => t.iter().any(|x| x == "null"),
            _ => p["anyOf"]
                .as_array()
                .is_some_and(|a| a.iter().any(|x| x["type"] == "null")),
        }
    }

    /// The non-null alternative of a nullable `anyOf`, or the schema itself.
    fn inner(p: &Value) -> &Value {
        p["anyOf"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["type"] != "null"))
            .unwrap_or(p)
    }

    fn type_of(&self, p: &Value) -> String {
        let p = Self::inner(p);
        if let Some(r) = p["$ref"].as_str() {
            let name = r.trim_start_matches("#/$defs/");
            let def = self.def(name);
            return if is_struct(def) || enum_values(def).is_some() {
                link(name)
            } else {
                self.type_of(def)
            };
        }
        let ty = match &p["type"] {
            Value::Array(t) => {
                let types: Vec<&Value> = t.iter().filter(|x| *x != "null").collect();
                if let [one] = types[..] {
                    one.clone()
                } else {
                    // Several spellings (a document number or a list of them).
                    let names: Vec<String> = types
                        .iter()
                        .map(|t| match t.as_str() {
                            Some("array") => format!("array of {}", self.type_of(&p["items"])),
                            other => other.unwrap_or("?").to_owned(),
                        })
                        .collect();
                    return names.join(" or ");
                }
            }
            t => t.clone(),
        };
        match (ty.as_str().unwrap_or("object"), p["format"].as_str()) {
            ("string", Some("date")) => "date".into(),
            ("string", Some("date-time")) => "instant".into(),
            ("string", Some("uuid")) => "UUID".into(),
            ("array", _) => format!("array of {}", self.type_of(&p["items"])),
            (t, _) => t.into(),
        }
    }

    fn allowed(&self, p: &Value) -> Vec<String> {
        let q = Self::inner(p);
        let mut out = Vec::new();
        if let Some(r) = q["$ref"].as_str() {
            let name = r.trim_start_matches("#/$defs/");
            let def = self.def(name);
            if let Some(values) = enum_values(def) {
                let codes: Vec<String> = values.into_iter().map(|(c, _)| c).collect();
                out.push(inline_values(&codes, &link(name)));
            } else if !is_struct(def) {
                out.extend(self.allowed(def));
            }
        }
        if let Some(Value::Array(values)) = q.get("enum") {
            let codes: Vec<String> = values.iter().map(code).collect();
            out.push(inline_values(&codes, "the kinds below"));
        }
        match q["format"].as_str() {
            Some("date") => out.push("`YYYY-MM-DD`".into()),
            Some("date-time") => out.push("RFC 3339 with offset (`Z`, `+08:00`)".into()),
            _ => {}
        }
        match q["pattern"].as_str() {
            Some(r"\S") => out.push("not blank".into()),
            Some(pat) => out.push(format!("matches `{pat}`")),
            None => {}
        }
        let (min, max) = (&q["minimum"], &q["maximum"]);
        match (min.as_f64(), max.as_f64()) {
            (Some(_), Some(_)) if min == max => out.push(format!("`{min}`")),
            (Some(_), Some(_)) => out.push(format!("{min} to {max}")),
            (Some(_), None) => out.push(format!("≥ {min}")),
            (None, Some(_)) => out.push(format!("≤ {max}")),
            (None, None) => {}
        }
        if let Some(n) = q["minItems"].as_u64() {
            out.push(format!(
                "at least {n} item{}",
                if n == 1 { "" } else { "s" }
            ));
        }
        if q["uniqueItems"] == true {
            out.push("no number twice".into());
        }
        if q["type"] == "array" {
            let items = self.allowed(&q["items"]);
            if !items.is_empty() {
                out.push(format!("each {}", items.join(", ")));
            }
        }
        if let Some(d) = p.get("default").filter(|d| !d.is_null()) {
            if d != &Value::Object(Map::new()) {
                out.push(format!("default {}", code(d)));
            }
        }
        out
    }

    /// The default of an optional field that is not nullable: serde's `Default` of its type
    /// (schemars leaves it out when the field is skipped at its default).
    fn implied_default(p: &Value) -> Option<&'static str> {
        if p.get("default").is_some() || Self::nullable(p) {
            return None;
        }
        match p["type"].as_str()? {
            "boolean" => Some("default `false`"),
            "array" => Some("default `[]`"),
            "integer" => Some("default `0`"),
            _ => None,
        }
    }

    fn enum_tables(&self) -> String {
        let mut out = String::new();
        for name in &self.enums {
            let def = self.def(name);
            let _ = writeln!(
                out,
                "### `{name}`\n\n{}\n\n| value | meaning |\n|---|---|",
                text(def.get("description"))
            );
            for (value, meaning) in enum_values(def).unwrap_or_default() {
                let _ = writeln!(out, "| {value} | {meaning} |");
            }
            out.push('\n');
        }
        out
    }
}

fn region_keys(doc: &str) -> Vec<String> {
    doc.lines()
        .filter_map(|l| l.strip_prefix("<!-- generated: "))
        .filter_map(|l| l.split(" (").next())
        .map(str::to_owned)
        .collect()
}

/// How many struct types, fields and enumerations the reference in `path` documents.
pub fn counts(path: &std::path::Path) -> Option<(usize, usize, usize)> {
    let doc = std::fs::read_to_string(path).ok()?;
    Reference::new(&region_keys(&doc)).ok().map(|r| r.counts())
}

/// Regenerates the field reference of `doc` (the text of `docs/format.md`).
pub fn format_doc(doc: &str) -> Result<String, String> {
    let reference = Reference::new(&region_keys(doc))?;
    let (out, _) = crate::markers::fill(doc, |k| reference.render(k))?;
    Ok(out)
}
