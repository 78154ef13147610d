//! Regenerates the generated parts of the documentation from the code:
//!
//! * `docs/format.md`: the field tables of every type reachable from an event and of every
//!   enumeration (between `<!-- generated: … -->` markers; prose and examples are kept), and
//!   `docs/event.schema.json`, the JSON Schema of an event line;
//! * `docs/rules.md`: every rule of the catalogue (`RULES`) with the record its findings point
//!   at, the fields it reads, its thresholds and an example (`examples/gen_docs/rule_examples.md`);
//! * `docs/configuration.md`: every threshold of the configuration with its default, unit,
//!   rules and basis, and the template `rxledger rules --config-template` prints;
//! * `docs/glossary.md`: every enumeration value with its Chinese and English term.
//!
//! Run `cargo run --example gen_docs` after changing the model, the catalogue or the
//! configuration; `tests/docs_generated.rs` fails while the committed documents differ.

mod config;
mod format;
mod glossary;
mod markers;
mod rules;

use std::path::Path;

/// Every generated document: its path from the repository root and its new text.
fn documents(root: &Path) -> Result<Vec<(&'static str, String)>, String> {
    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
    Ok(vec![
        (
            "docs/format.md",
            format::format_doc(&read("docs/format.md")?)?,
        ),
        ("docs/event.schema.json", format::schema_file()),
        (
            "docs/rules.md",
            rules::rules_doc(&read("docs/rules.md")?, &read(rules::EXAMPLES)?)?,
        ),
        (
            "docs/configuration.md",
            config::configuration_doc(&read("docs/configuration.md")?)?,
        ),
        ("docs/glossary.md", glossary::glossary_doc()?),
    ])
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = documents(root).unwrap_or_else(|e| {
        eprintln!("gen_docs: {e}");
        std::process::exit(2);
    });
    let (types, fields, enums) = format::counts(&root.join("docs/format.md")).unwrap_or_default();
    println!("field reference: {types} types with {fields} fields, {enums} enumerations");
    for (path, text) in docs {
        let old = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if old == text {
            println!("{path}: unchanged");
        } else {
            std::fs::write(root.join(path), text).expect("write the document");
            println!("{path}: written");
        }
    }
}
