//! The generated documentation is in step with the code: `docs/format.md` (field tables),
//! `docs/event.schema.json`, `docs/rules.md` and `docs/configuration.md` equal what
//! `cargo run --example gen_docs` writes; the schema's constraints are the parser's; every
//! rule's `reads` names real fields; every threshold is in the template and used by a rule.

#[allow(dead_code)]
#[path = "../examples/gen_docs/config.rs"]
mod config;
#[allow(dead_code)]
#[path = "../examples/gen_docs/format.rs"]
mod format;
#[allow(dead_code)]
#[path = "../examples/gen_docs/glossary.rs"]
mod glossary;
#[allow(dead_code)]
#[path = "../examples/gen_docs/markers.rs"]
mod markers;
#[allow(dead_code)]
#[path = "../examples/gen_docs/rules.rs"]
mod rules;

use std::fmt::Write as _;
use std::path::Path;

use rxledger::model::{Event, Kind};
use rxledger::reconcile::{Config, DEFAULT_TOML, RULES};
use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Fails with the first differing line and the command that fixes it.
fn assert_in_step(path: &str, generated: &str) {
    let committed = read(path);
    if committed != generated {
        let (old, new): (Vec<&str>, Vec<&str>) =
            (committed.lines().collect(), generated.lines().collect());
        let n = (0..old.len().max(new.len()))
            .find(|&i| old.get(i) != new.get(i))
            .unwrap_or(0);
        let (old, new) = (
            old.get(n).copied().unwrap_or(""),
            new.get(n).copied().unwrap_or(""),
        );
        panic!(
            "{path} is not in step with the code: run `cargo run --example gen_docs` and commit \
             the result.\nfirst difference at line {}:\n  committed: {old}\n  generated: {new}",
            n + 1
        );
    }
}

#[test]
fn format_reference_is_generated_from_the_types() {
    let doc = read("docs/format.md");
    let generated = format::format_doc(&doc).unwrap_or_else(|e| panic!("{e}"));
    assert_in_step("docs/format.md", &generated);
}

#[test]
fn event_schema_is_generated_from_the_types() {
    assert_in_step("docs/event.schema.json", &format::schema_file());
}

#[test]
fn rules_doc_is_generated_from_the_catalogue() {
    let generated = rules::rules_doc(&read("docs/rules.md"), &read(rules::EXAMPLES))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_in_step("docs/rules.md", &generated);
}

#[test]
fn configuration_doc_is_generated_from_the_template() {
    let generated =
        config::configuration_doc(&read("docs/configuration.md")).unwrap_or_else(|e| panic!("{e}"));
    assert_in_step("docs/configuration.md", &generated);
}

#[test]
fn glossary_is_generated_from_the_catalogues() {
    let generated = glossary::glossary_doc().unwrap_or_else(|e| panic!("{e}"));
    assert_in_step("docs/glossary.md", &generated);
    // Every enumeration is there, in both languages.
    for (name, values) in glossary::enumerations() {
        assert!(generated.contains(&format!("## {name}\n")), "{name}");
        assert!(!values.is_empty(), "{name}");
    }
    assert!(generated.contains("| `narcotic` | 麻醉药品 | narcotic drug |"));
}

#[test]
fn a_value_without_a_term_stops_the_glossary() {
    let err = glossary::glossary_with(|_, e, v| {
        (e != "ControlClass" || v != "precursor").then(|| v.to_owned())
    })
    .unwrap_err();
    assert!(err.contains("term-ControlClass-precursor"), "{err}");
}

#[test]
fn every_threshold_is_in_the_template_documented_and_used_by_a_rule() {
    let fields: Vec<String> = config::defaults().keys().cloned().collect();
    let mut template = config::template_keys();
    let mut documented: Vec<&str> = config::THRESHOLDS.iter().map(|t| t.name).collect();
    assert_eq!(
        template, documented,
        "DEFAULT_TOML and THRESHOLDS list the keys in one order"
    );
    template.sort_unstable();
    documented.sort_unstable();
    assert_eq!(
        template, fields,
        "DEFAULT_TOML names every field of Thresholds, no other"
    );
    assert_eq!(
        Config::from_toml(DEFAULT_TOML).unwrap(),
        Config::default(),
        "DEFAULT_TOML spells out the defaults"
    );
    for f in &fields {
        assert!(
            RULES.iter().any(|r| r.thresholds.contains(&f.as_str())),
            "threshold {f} is used by no rule's `thresholds`"
        );
    }
    for r in RULES {
        for t in r.thresholds {
            assert!(
                fields.iter().any(|f| f == t),
                "{}: unknown threshold {t}",
                r.code
            );
        }
    }
}

/// The schema of a property, through `$ref` and nullable `anyOf`.
fn resolve<'a>(root: &'a Value, mut p: &'a Value) -> &'a Value {
    loop {
        if let Some(r) = p["$ref"].as_str() {
            p = &root["$defs"][r.trim_start_matches("#/$defs/")];
        } else if let Some(alt) = p["anyOf"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["type"] != "null"))
        {
            p = alt;
        } else {
            return p;
        }
    }
}

fn data_schema(root: &Value, kind: Kind) -> &Value {
    let branch = root["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["properties"]["kind"]["const"] == kind.as_str())
        .unwrap();
    resolve(root, &branch["properties"]["data"])
}

/// Expands a final `{a,b}` group: `x.{a,b}` -> `x.a`, `x.b`.
fn expand(path: &str) -> Vec<String> {
    match path.split_once('{') {
        Some((head, group)) => group
            .trim_end_matches('}')
            .split(',')
            .map(|f| format!("{head}{f}"))
            .collect(),
        None => vec![path.to_owned()],
    }
}

/// Whether `kind.a.b[].c` names a field of the format (`*` for every kind).
fn field_exists(root: &Value, path: &str) -> Result<(), String> {
    let (kind, rest) = path.split_once('.').ok_or("no field")?;
    let kinds: Vec<Kind> = if kind == "*" {
        Kind::ALL.to_vec()
    } else {
        vec![Kind::parse(kind).ok_or(format!("unknown kind {kind}"))?]
    };
    for k in kinds {
        let mut segments = rest.split('.');
        let first = segments.next().unwrap_or_default();
        let envelope = &root["properties"];
        let mut at = if envelope.get(first).is_some() && first != "data" {
            resolve(root, &envelope[first])
        } else {
            let data = data_schema(root, k);
            let name = first.trim_end_matches("[]");
            let mut p = resolve(root, &data["properties"][name]);
            if p.is_null() {
                return Err(format!("{k} has no field {name}"));
            }
            if first.ends_with("[]") {
                p = resolve(root, &p["items"]);
            }
            p
        };
        for seg in segments {
            let name = seg.trim_end_matches("[]");
            at = resolve(root, &at["properties"][name]);
            if at.is_null() {
                return Err(format!("{k}: no field {name} in {path}"));
            }
            if seg.ends_with("[]") {
                at = resolve(root, &at["items"]);
            }
        }
    }
    Ok(())
}

#[test]
fn every_rule_reads_fields_that_exist() {
    let root = format::schema();
    for r in RULES {
        for path in r.reads {
            if *path == "*" {
                continue;
            }
            for p in expand(path) {
                field_exists(&root, &p).unwrap_or_else(|e| panic!("{}: `{path}`: {e}", r.code));
            }
        }
    }
    assert!(field_exists(&root, "receipt.lines[].nope").is_err());
    assert!(field_exists(&root, "receipt.refs.nope").is_err());
    assert!(field_exists(&root, "nope.doc").is_err());
}

/// The envelope fields of a canonical event, in order.
fn top_level_keys(json: &str) -> Vec<String> {
    struct Keys(Vec<String>);
    impl<'de> serde::Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Keys;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut m: A,
                ) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some(k) = m.next_key::<String>()? {
                        m.next_value::<serde::de::IgnoredAny>()?;
                        keys.push(k);
                    }
                    Ok(Keys(keys))
                }
            }
            d.deserialize_map(V)
        }
    }
    serde_json::from_str::<Keys>(json).unwrap().0
}

#[test]
fn the_envelope_table_is_in_canonical_order() {
    let mut e = examples().remove(0);
    e.entered_at = Some(e.occurred_at);
    e.refs.order = vec!["CG-1".into()];
    assert_eq!(top_level_keys(&e.to_json()), format::ENVELOPE);
}

/// Events to mutate: the examples of docs/format.md and the first events of each kind of the
/// month sample.
fn examples() -> Vec<Event> {
    let doc = read("docs/format.md");
    let mut out: Vec<Event> = doc
        .split("```json\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .map(|j| Event::from_json(j).unwrap())
        .collect();
    let mut per_kind = std::collections::BTreeMap::new();
    for line in read("samples/month/events.jsonl").lines().take(20_000) {
        let e = Event::from_json(line).unwrap();
        let n = per_kind.entry(e.kind()).or_insert(0);
        if *n < 3 {
            *n += 1;
            out.push(e);
        }
    }
    out
}

/// Payment accounts may be blank only for cash: a constraint the schema cannot state.
const CONDITIONAL: &[&str] = &["data.payer_account", "data.payee_account"];

struct Mutations<'a> {
    root: &'a Value,
    event: Value,
    checked: usize,
}

impl Mutations<'_> {
    fn parse_error(&self, at: &[PathStep], value: Value) -> Option<String> {
        let mut v = self.event.clone();
        let mut slot = &mut v;
        for s in at {
            slot = match s {
                PathStep::Key(k) => &mut slot[k.as_str()],
                PathStep::Index(i) => &mut slot[*i],
            };
        }
        *slot = value;
        Event::from_value(v)
            .err()
            .map(|e| e.field().unwrap_or("").to_owned())
    }

    /// Checks every constraint of the schema `p` of the value at `at` against the parser.
    fn check(&mut self, at: &mut Vec<PathStep>, p: &Value) {
        let p = resolve(self.root, p);
        let name = render(at);
        let value = at.iter().fold(&self.event, |v, s| match s {
            PathStep::Key(k) => &v[k.as_str()],
            PathStep::Index(i) => &v[*i],
        });
        if value.is_null() {
            return;
        }
        let has_items = value.as_array().is_some_and(|a| !a.is_empty());
        let expect_error = |this: &mut Self, bad: Value, what: &str| {
            this.checked += 1;
            let got = this.parse_error(at, bad.clone());
            assert_eq!(
                got.as_deref(),
                Some(name.as_str()),
                "the schema says {name} is {what}, but the parser does not reject {bad}"
            );
        };
        match p["type"].as_str() {
            Some("string") if p.get("enum").is_none() && p.get("format").is_none() => {
                if p["pattern"] == r"\S" {
                    expect_error(self, Value::from(" "), "not blank");
                } else if p.get("pattern").is_none() && !CONDITIONAL.contains(&name.as_str()) {
                    self.checked += 1;
                    let got = self.parse_error(at, Value::from(" "));
                    assert_ne!(
                        got.as_deref(),
                        Some(name.as_str()),
                        "the parser rejects a blank {name}, but the schema does not say so"
                    );
                }
            }
            Some("integer" | "number") => {
                if let Some(min) = p["minimum"].as_f64() {
                    expect_error(self, Value::from(min - 1.0), "at least its minimum");
                }
                if let Some(max) = p["maximum"].as_f64() {
                    expect_error(self, Value::from(max + 1.0), "at most its maximum");
                }
            }
            Some("array") => {
                if p["minItems"] == 1 {
                    expect_error(self, Value::Array(Vec::new()), "non-empty");
                }
                if has_items {
                    at.push(PathStep::Index(0));
                    self.check(at, &p["items"]);
                    at.pop();
                }
            }
            Some("object") => {
                for (k, q) in p["properties"].as_object().into_iter().flatten() {
                    at.push(PathStep::Key(k.clone()));
                    self.check(at, q);
                    at.pop();
                }
            }
            _ => {}
        }
    }
}

enum PathStep {
    Key(String),
    Index(usize),
}

/// A path as `EventError::field` names it: `data.lines[0].quantity`.
fn render(at: &[PathStep]) -> String {
    let mut s = String::new();
    for step in at {
        match step {
            PathStep::Key(k) if s.is_empty() => s.push_str(k),
            PathStep::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            PathStep::Index(i) => {
                let _ = write!(s, "[{i}]");
            }
        }
    }
    s
}

#[test]
fn the_schema_constraints_are_the_parsers() {
    let root = format::schema();
    let mut checked = 0;
    for e in examples() {
        let event: Value = serde_json::from_str(&e.to_json()).unwrap();
        let mut m = Mutations {
            root: &root,
            event,
            checked: 0,
        };
        for (k, p) in root["properties"].as_object().unwrap() {
            if k == "data" || k == "kind" {
                continue;
            }
            m.check(&mut vec![PathStep::Key(k.clone())], p);
        }
        m.check(
            &mut vec![PathStep::Key("data".into())],
            data_schema(&root, e.kind()),
        );
        checked += m.checked;
    }
    assert!(checked > 500, "only {checked} mutations checked");
}
