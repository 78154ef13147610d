//! `docs/rules.md`: one section per rule of the catalogue (`RULES`), with the record its findings
//! point at, the event fields it reads, its thresholds and an example from
//! `examples/gen_docs/rule_examples.md`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rxledger::reconcile::{RuleInfo, RULES};

use crate::config::{threshold, Basis};

/// The examples, relative to the repository root.
pub const EXAMPLES: &str = "examples/gen_docs/rule_examples.md";

/// The examples by rule code: `## CODE` sections of the examples file.
pub fn examples(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for section in text.split("\n## ").skip(1) {
        let (code, body) = section.split_once('\n').unwrap_or((section, ""));
        if out
            .insert(code.trim().to_owned(), body.trim().to_owned())
            .is_some()
        {
            return Err(format!("{EXAMPLES}: two examples of {code}"));
        }
    }
    for r in RULES {
        if !out.contains_key(r.code) {
            return Err(format!("{EXAMPLES}: no example of {}", r.code));
        }
    }
    if let Some(code) = out
        .keys()
        .find(|c| RULES.iter().all(|r| r.code != c.as_str()))
    {
        return Err(format!("{EXAMPLES}: {code} is not a rule"));
    }
    Ok(out)
}

/// The heading of a rule's section.
fn heading(r: &RuleInfo) -> String {
    format!("`{}`: {}", r.code, r.title)
}

/// The anchor GitHub gives the rule's heading: lower case, only letters, digits, spaces, `-`
/// and `_` kept, each space a `-`.
pub fn anchor(r: &RuleInfo) -> String {
    heading(r)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn reads(r: &RuleInfo) -> String {
    match r.reads {
        [] => "no event field: the ledger's records and their hash chain".to_owned(),
        ["*"] => "every field of every event (each record is parsed and validated)".to_owned(),
        paths => paths
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn thresholds(r: &RuleInfo) -> Result<String, String> {
    if r.thresholds.is_empty() {
        return Ok("none (the condition is the law itself)".to_owned());
    }
    let mut parts = Vec::new();
    for name in r.thresholds {
        let t = threshold(name).ok_or_else(|| format!("{}: unknown threshold {name}", r.code))?;
        let basis = match t.basis {
            Basis::Law => "law",
            Basis::Policy => "policy",
            Basis::Site => "site",
        };
        parts.push(format!(
            "`{name}` ({basis}; {}; default {}): {}",
            t.unit,
            crate::config::default_of(name),
            t.meaning.trim_end_matches('.')
        ));
    }
    Ok(parts.join("; ") + ".")
}

/// The generated part of `docs/rules.md`.
pub fn rule_sections(examples: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::new();
    let zh = rxledger::report::messages::Messages::new(rxledger::report::messages::Lang::Zh);
    for r in RULES {
        let _ = write!(
            out,
            "## {}\n\n- **Severity**: {}\n- **Checks**: {}\n- **Points at**: {}\n- **Reads**: {}\n- **Thresholds**: {}\n- **Source**: {}\n- **依据**: {}\n- **Example**:\n\n{}\n\n",
            heading(r),
            r.severity.as_str(),
            r.description,
            r.at,
            reads(r),
            thresholds(r)?,
            r.source,
            zh.rule_source(r),
            examples[r.code],
        );
    }
    Ok(out)
}

/// Regenerates `docs/rules.md` (its prose is kept; the rule sections are generated).
pub fn rules_doc(doc: &str, examples_text: &str) -> Result<String, String> {
    let ex = examples(examples_text)?;
    let body = rule_sections(&ex)?;
    let (out, keys) = crate::markers::fill(doc, |k| (k == "rules").then(|| body.clone()))?;
    if keys != ["rules"] {
        return Err("docs/rules.md needs exactly one generated region `rules`".into());
    }
    Ok(out)
}
