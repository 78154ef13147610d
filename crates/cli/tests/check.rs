//! `rxledger check` and `rxledger rules` from the command line.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rxledger"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const CLEAN: &str = "samples/scenarios/clean.jsonl";
const DOCS: &str = "samples/scenarios/documents.jsonl";

#[test]
fn clean_ledger_exits_0_and_findings_exit_1() {
    let o = run(&["check", CLEAN]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(
        stdout(&o).contains("total                           0"),
        "{}",
        stdout(&o)
    );
    let o = run(&["check", DOCS]);
    assert_eq!(code(&o), 1);
    // The documents family holds major and critical findings: failing only on critical still
    // fails (ACC-GATE is critical); a config that downgrades everything passes.
    assert_eq!(code(&run(&["check", DOCS, "--fail-on", "critical"])), 1);
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("c.toml");
    std::fs::write(&cfg, "[severity]\n\"ACC-GATE\" = \"minor\"\n\"STOCK-NEG\" = \"minor\"\n\"OUT-REV\" = \"minor\"\n\"REC-DOC\" = \"minor\"\n").unwrap();
    let o = run(&[
        "check",
        DOCS,
        "--fail-on",
        "major",
        "--config",
        cfg.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn broken_chain_is_reported_by_check() {
    let o = run(&["check", "samples/scenarios/chain-broken.jsonl"]);
    assert_eq!(code(&o), 1);
    let t = stdout(&o);
    assert!(t.contains("CHAIN") && t.contains("seq      100"), "{t}");
    // Even when failing only on critical, and even with every rule disabled.
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("c.toml");
    let all: Vec<String> = rxledger::reconcile::RULES
        .iter()
        .map(|r| format!("\"{}\"", r.code))
        .collect();
    std::fs::write(&cfg, format!("disabled = [{}]\n", all.join(","))).unwrap();
    let o = run(&[
        "check",
        "samples/scenarios/chain-broken.jsonl",
        "--config",
        cfg.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
}

#[test]
fn json_output_parses_and_lists_every_finding() {
    let o = run(&["check", DOCS, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["format"], "rxledger-findings/1");
    let findings = v["findings"].as_array().unwrap();
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/scenarios/documents.expected"),
    )
    .unwrap();
    assert_eq!(findings.len(), expected.lines().count());
    for f in findings {
        for key in ["rule", "severity", "seq", "seqs", "message"] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
    }
}

/// JSON is written as it is rendered: stdout gets the document and one newline, `-o` the same
/// document as is, for one ledger and for several.
#[test]
fn json_on_stdout_and_in_a_file_are_the_same_document() {
    let d = tempfile::tempdir().unwrap();
    for ledgers in [
        &[DOCS][..],
        &[
            "samples/scenarios/pair-a.jsonl",
            "samples/scenarios/pair-b-missing.jsonl",
        ][..],
    ] {
        let mut args = vec!["check"];
        args.extend_from_slice(ledgers);
        args.extend_from_slice(&["--format", "json"]);
        let o = run(&args);
        assert_eq!(code(&o), 1, "{}", stdout(&o));
        let printed = stdout(&o);
        assert!(
            printed.ends_with("}\n") || printed.ends_with("]\n"),
            "{printed}"
        );
        assert!(!printed.ends_with("\n\n"));
        let file = d.path().join("findings.json");
        let file_arg = file.to_str().unwrap();
        args.extend_from_slice(&["-o", file_arg]);
        let o = run(&args);
        assert_eq!(code(&o), 1);
        assert!(o.stdout.is_empty());
        // The file is what is printed, its last line ended by a newline as well.
        let written = std::fs::read_to_string(&file).unwrap();
        assert_eq!(written, printed);
        serde_json::from_str::<serde_json::Value>(&written).unwrap();
    }
    // SARIF and JUnit the same way.
    for format in ["sarif", "junit"] {
        let printed = run(&["check", DOCS, "--format", format]).stdout;
        let file = d.path().join(format!("findings.{format}"));
        let o = run(&[
            "check",
            DOCS,
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
        ]);
        assert_eq!(code(&o), 1, "{format}");
        let written = std::fs::read(&file).unwrap();
        assert_eq!(written, printed, "{format}");
    }
}

/// An `-o` file that fails part way through the writing (the file size limit of the process is
/// 1 KiB, and the signal it would raise is ignored, so the write fails with `EFBIG`) is an error
/// naming it: the file keeps its old contents and no temporary file is left beside it, for each
/// format written as it is rendered.
#[cfg(target_os = "linux")]
#[test]
fn an_output_failing_part_way_leaves_the_old_file() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("findings.out");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for format in ["json", "sarif", "junit"] {
        std::fs::write(&out, "old contents\n").unwrap();
        let o = Command::new("sh")
            .arg("-c")
            .arg(r#"trap "" XFSZ; ulimit -f 2; exec "$@""#)
            .arg("sh")
            .arg(env!("CARGO_BIN_EXE_rxledger"))
            .args(["check", DOCS, "--format", format, "-o"])
            .arg(&out)
            .current_dir(&repo)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(code(&o), 2, "{format}: {err}");
        assert!(err.contains("findings.out"), "{format}: {err}");
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "old contents\n",
            "{format}"
        );
        let names: Vec<_> = std::fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["findings.out"], "{format}");
    }
}

/// Several ledgers: an array of single-ledger documents, in the order given
/// (`docs/findings.md`, "Several ledgers").
#[test]
fn json_of_several_ledgers_is_an_array_of_documents() {
    let a = "samples/scenarios/pair-a.jsonl";
    let b = "samples/scenarios/pair-b-missing.jsonl";
    let o = run(&["check", a, b, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let docs = v.as_array().expect("an array");
    assert_eq!(docs.len(), 2);
    for (doc, path) in docs.iter().zip([a, b]) {
        assert_eq!(doc["format"], "rxledger-findings/1");
        assert!(
            doc["ledger"].as_str().unwrap().ends_with(path),
            "{}",
            doc["ledger"]
        );
        for key in [
            "records", "head", "chain_ok", "events", "counts", "findings",
        ] {
            assert!(doc.get(key).is_some(), "{key} missing");
        }
        for f in doc["findings"].as_array().unwrap() {
            for key in ["rule", "severity", "seq", "seqs", "message", "message_id"] {
                assert!(f.get(key).is_some(), "{key} missing in {f}");
            }
        }
    }
    // The cross-ledger finding sits with the ledger holding its evidence.
    assert!(docs
        .iter()
        .any(|d| d["counts"].get("CROSS-MISSING").is_some()));
}

#[test]
fn sarif_output_has_the_required_fields() {
    let o = run(&["check", DOCS, "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run0 = &v["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    // No placeholder link: the project has no public home yet.
    assert!(run0["tool"]["driver"].get("informationUri").is_none());
    assert_eq!(rules.len(), rxledger::reconcile::RULES.len());
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        assert!(r["ruleId"].is_string());
        // Open items (pending) are results of kind `open`, whose level must be `none`.
        let levels: &[&str] = if r["kind"] == "open" {
            &["none"]
        } else {
            &["error", "warning", "note"]
        };
        assert!(levels.contains(&r["level"].as_str().unwrap()));
        assert!(r["message"]["text"].is_string());
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], DOCS);
        // The line is the record's line in the exported ledger, i.e. its seq.
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    let first = &results[0];
    let seq = first["properties"]["seqs"][0].as_u64().unwrap();
    assert!(
        first["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap()
            <= seq.max(1) + 1000
    );
}

#[test]
fn junit_output_is_well_formed_with_a_case_per_rule() {
    let o = run(&["check", DOCS, "--format", "junit"]);
    let xml = String::from_utf8(o.stdout).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut cases, mut failures, mut skipped) = (0, 0, 0);
    let mut suite_failures = None;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().as_ref() {
                    b"testsuite" => {
                        let a = e.try_get_attribute("failures").unwrap().unwrap();
                        suite_failures =
                            Some(a.unescape_value().unwrap().parse::<usize>().unwrap());
                    }
                    b"testcase" => cases += 1,
                    b"failure" => failures += 1,
                    b"skipped" => skipped += 1,
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    // One case per rule, and one skipped case per open item (pending).
    assert_eq!(cases, rxledger::reconcile::RULES.len() + skipped);
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/scenarios/documents.expected"),
    )
    .unwrap();
    assert_eq!(failures, expected.lines().count());
    // `failures` counts the cases that fail (the rules with findings), not the findings.
    let rules: std::collections::BTreeSet<&str> = expected
        .lines()
        .filter_map(|l| l.split(' ').next())
        .collect();
    assert!(rules.len() < failures);
    assert_eq!(suite_failures, Some(rules.len()));
}

#[test]
fn rules_lists_the_catalogue_and_docs_cover_it() {
    let o = run(&["rules"]);
    assert_eq!(code(&o), 0);
    let listed: Vec<String> = stdout(&o)
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    let codes: Vec<String> = rxledger::reconcile::RULES
        .iter()
        .map(|r| r.code.to_owned())
        .collect();
    assert_eq!(listed, codes);
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md"))
            .unwrap();
    let documented: Vec<String> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|l| {
            l.split_whitespace()
                .next()
                .map(|c| c.trim_end_matches(':').trim_matches('`').to_owned())
        })
        .collect();
    assert_eq!(
        documented, codes,
        "docs/rules.md sections must match `rxledger rules`"
    );
    let t = run(&["rules", "--config-template"]);
    assert!(stdout(&t).contains("[thresholds]"));
}

#[test]
fn bad_config_exits_2_naming_the_file() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("bad.toml");
    std::fs::write(&cfg, "[thresholds]\nunpaid_days = \"soon\"\n").unwrap();
    let o = run(&["check", CLEAN, "--config", cfg.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("bad.toml") && err.contains("unpaid_days"),
        "{err}"
    );
}

#[test]
fn report_writes_one_html_file_and_errors_exit_2() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("r.html");
    let o = run(&[
        "report",
        "samples/scenarios/cold-chain.jsonl",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("TEMP-RANGE"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("zones and vehicles"));

    // A missing ledger: exit 2, the path named, no file written.
    let out2 = d.path().join("none.html");
    let o = run(&[
        "report",
        "samples/scenarios/no-such-ledger.jsonl",
        "-o",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.contains("no-such-ledger.jsonl"), "{err}");
    assert_eq!(
        err.matches("(os error 2)").count(),
        1,
        "cause said twice: {err}"
    );
    assert!(!out2.exists());
    // No output file given: a usage error.
    assert_eq!(code(&run(&["report", CLEAN])), 2);
}

/// Attacker round 26: a product name holding U+FFFE (which XML 1.0 does not allow) made the
/// `JUnit` output malformed, and a right-to-left override in it reversed the figures after it on
/// screen ("68" read "86"). Sentences in every format show such characters as `<U+XXXX>`; the
/// JSON facts keep the data verbatim.
#[test]
fn hostile_characters_in_names_are_shown_not_obeyed() {
    let tmp = tempfile::tempdir().unwrap();
    let probe = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples/inspections/rounds/round26/probes/p1.jsonl");
    let events = std::fs::read_to_string(probe).unwrap().replace(
        "\"generic_name\":\"阿莫西林胶囊\"",
        "\"generic_name\":\"阿莫西林\u{fffe}\u{202e}胶囊\"",
    );
    let file = tmp.path().join("e.jsonl");
    std::fs::write(&file, events).unwrap();
    let dir = tmp.path().join("L");
    let (f, d) = (file.to_str().unwrap(), dir.to_str().unwrap());
    assert_eq!(code(&run(&["init", d])), 0);
    assert_eq!(code(&run(&["append", d, f])), 0);
    for format in ["text", "junit", "sarif"] {
        let out = stdout(&run(&["check", d, "--format", format, "--lang", "en"]));
        assert!(out.contains("ACC-GATE"), "{format}: {out}");
        // (Escaped in XML: `&lt;U+FFFE&gt;`.)
        assert!(
            out.contains("U+FFFE") && out.contains("U+202E"),
            "{format} shows them: {out}"
        );
        assert!(
            !out.contains('\u{fffe}') && !out.contains('\u{202e}'),
            "{format} carries them raw"
        );
    }
    let html = tmp.path().join("r.html");
    run(&["report", d, "-o", html.to_str().unwrap()]);
    let page = std::fs::read_to_string(html).unwrap();
    assert!(!page.contains('\u{fffe}') && !page.contains('\u{202e}'));
}
