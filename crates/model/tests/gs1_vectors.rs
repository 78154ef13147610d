//! The public test cases of the GS1 Barcode Syntax Engine for the AIs rxledger reads (01, 10, 11,
//! 17, 21), committed as data under `tests/vectors/gs1-syntax-engine/` (provenance, licence and
//! how each form is read: the README there).

use std::collections::BTreeMap;

use rxledger_model::codes::{gtin_check_ok, is_cset82, parse_code_at};
use serde::Deserialize;

/// The upstream reference year (`CURRENT_YEAR 21` in `lint_yymmd0.c`).
const UPSTREAM_YEAR: i32 = 2021;

#[derive(Deserialize)]
struct Case {
    source: String,
    suite: String,
    form: String,
    input: String,
    expect: String,
    #[serde(default)]
    same_as: Option<String>,
}

fn cases() -> Vec<Case> {
    include_str!("vectors/gs1-syntax-engine/cases.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a case"))
        .collect()
}

/// Whether a bracketed element string names AI (01) (not as an escaped `\(01)` inside a value).
fn has_gtin(bracketed: &str) -> bool {
    bracketed
        .match_indices("(01)")
        .any(|(i, _)| i == 0 || bracketed.as_bytes()[i - 1] != b'\\')
}

/// The upstream `^` notation as rxledger reads raw data: FNC1 in first position is the symbology
/// identifier `]C1`, later ones the GS separator.
fn raw(input: &str) -> String {
    match input.strip_prefix('^') {
        Some(rest) => format!("]C1{}", rest.replace('^', "\u{1d}")),
        None => input.to_owned(),
    }
}

fn ok(code: &str, year: i32) -> bool {
    parse_code_at(code, year).is_ok()
}

/// Runs one case; returns what went wrong, if anything.
fn run(c: &Case) -> Result<(), String> {
    let pass = match c.expect.as_str() {
        "pass" => true,
        "fail" => false,
        other => return Err(format!("unknown verdict {other:?}")),
    };
    let check = |what: &str, got: bool, want: bool| {
        if got == want {
            Ok(())
        } else {
            Err(format!("{what}: got {got}, expected {want}"))
        }
    };
    match c.form.as_str() {
        "cset82" => {
            check("is_cset82", c.input.chars().all(is_cset82), pass)?;
            let len = c.input.chars().count();
            let code = format!("(01)12345678901231(10){}", c.input.replace('(', "\\("));
            check(
                &code,
                ok(&code, UPSTREAM_YEAR),
                pass && (1..=20).contains(&len),
            )
        }
        "yymmd0" => {
            for ai in ["11", "17"] {
                for year in [UPSTREAM_YEAR, 2026] {
                    let code = format!("(01)12345678901231({ai}){}", c.input);
                    check(&format!("{code} in {year}"), ok(&code, year), pass)?;
                }
            }
            Ok(())
        }
        "csum" => {
            check("gtin_check_ok", gtin_check_ok(&c.input), pass)?;
            if c.input.len() == 14 && c.input.bytes().all(|b| b.is_ascii_digit()) {
                let code = format!("(01){}", c.input);
                check(&code, ok(&code, UPSTREAM_YEAR), pass)?;
            }
            Ok(())
        }
        "bracketed" => check(
            &c.input,
            ok(&c.input, UPSTREAM_YEAR),
            pass && has_gtin(&c.input),
        ),
        "raw" | "scan" => {
            let code = if c.form == "raw" {
                raw(&c.input)
            } else {
                c.input.clone()
            };
            check(&code, ok(&code, UPSTREAM_YEAR), pass)?;
            if let Some(same) = &c.same_as {
                let (a, b) = (
                    parse_code_at(&code, UPSTREAM_YEAR),
                    parse_code_at(same, UPSTREAM_YEAR),
                );
                if a != b {
                    return Err(format!("{code:?} reads as {a:?}, {same:?} as {b:?}"));
                }
            }
            Ok(())
        }
        other => Err(format!("unknown form {other:?}")),
    }
}

#[test]
fn gs1_syntax_engine_cases() {
    let cases = cases();
    let mut failures = Vec::new();
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for c in &cases {
        *counts.entry((&c.suite, &c.expect)).or_default() += 1;
        if let Err(e) = run(c) {
            failures.push(format!("{} ({}) {:?}: {e}", c.source, c.suite, c.input));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The count the README and CHANGELOG give: a fixture that loses cases fails here.
    assert_eq!(cases.len(), 385, "{counts:?}");
    for suite in ["test_lint_cset82", "test_lint_yymmd0", "test_lint_csum"] {
        for verdict in ["pass", "fail"] {
            assert!(counts.get(&(suite, verdict)).is_some_and(|&n| n > 0));
        }
    }
}

/// The century window makes the verdict depend on the year read: 29 February of `00` exists in
/// 2000 (read from 2021) but not in 2100 (read from 2060).
#[test]
fn the_reading_year_decides_the_century() {
    let code = "(01)12345678901231(17)000229";
    assert!(ok(code, UPSTREAM_YEAR));
    assert!(!ok(code, 2060));
}
