//! JSON Schema of the interchange format (the `schema` feature): the hand-written impls for the
//! types whose serde form is hand-written ([`Currency`], [`Event`]), and the constants the
//! derived ones share. Everything else derives `schemars::JsonSchema` next to its serde derive,
//! so the schema, the docs generated from it (`docs/format.md`, `docs/event.schema.json`) and
//! the parser cannot disagree.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Value};

use crate::{Currency, Event, EventIn, Kind};

/// Pattern of a string that must not be blank (empty or only white space).
pub(crate) const NOT_BLANK: &str = r"\S";

impl JsonSchema for Currency {
    fn schema_name() -> Cow<'static, str> {
        "Currency".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "ISO 4217 currency code: three upper-case ASCII letters, e.g. `CNY`.",
            "type": "string",
            "pattern": "^[A-Z]{3}$"
        })
    }
}

impl JsonSchema for Event {
    fn schema_name() -> Cow<'static, str> {
        "Event".into()
    }

    /// The envelope (`EventIn`'s fields) with `kind` restricted to the known kinds and `data`
    /// tied to the kind: one `oneOf` branch per kind.
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = EventIn::json_schema(generator);
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        let branches: Vec<Value> = Kind::ALL
            .iter()
            .map(|k| {
                json!({
                    "properties": {
                        "kind": { "const": k.as_str() },
                        "data": k.data_schema(generator),
                    }
                })
            })
            .collect();
        if let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) {
            if let Some(kind) = props.get_mut("kind").and_then(Value::as_object_mut) {
                kind.insert("enum".into(), json!(names));
            }
            if let Some(data) = props.get_mut("data").and_then(Value::as_object_mut) {
                data.insert("type".into(), json!("object"));
            }
        }
        schema.insert("oneOf".into(), Value::Array(branches));
        schema
    }
}
