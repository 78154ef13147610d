//! Scenario ledgers in `samples/scenarios/`: `check` reports exactly the planted findings
//! (`NAME.expected`), and its text report matches the snapshot (`NAME.snapshot.txt`; regenerate
//! with `UPDATE_SNAPSHOTS=1 cargo test --test scenarios` after a deliberate change).

use std::collections::BTreeSet;
use std::path::Path;

use rxledger::reconcile::{Config, RULES};

fn scenarios() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir("samples/scenarios")
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_string_lossy()
                .strip_suffix(".jsonl")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_scenario_reports_exactly_its_planted_findings() {
    let names = scenarios();
    assert!(names.len() >= 8, "{names:?}");
    let mut fired = BTreeSet::new();
    for name in &names {
        let path = format!("samples/scenarios/{name}.jsonl");
        let report =
            rxledger::check::check_path(Path::new(&path), Config::default(), None, |_| {}).unwrap();
        let mut got: Vec<String> = report
            .findings
            .iter()
            .map(|f| format!("{} {}", f.rule, f.seq))
            .collect();
        got.sort();
        let mut want: Vec<String> =
            std::fs::read_to_string(format!("samples/scenarios/{name}.expected"))
                .unwrap()
                .lines()
                .map(str::to_owned)
                .collect();
        want.sort();
        assert_eq!(got, want, "scenario {name}");
        if name == "clean" {
            assert!(report.findings.is_empty());
        }
        fired.extend(report.findings.iter().map(|f| f.rule.code()));

        let text = rxledger::report::text(&report);
        let snap = format!("samples/scenarios/{name}.snapshot.txt");
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&snap, &text).unwrap();
        }
        let expected = std::fs::read_to_string(&snap)
            .unwrap_or_else(|_| panic!("missing {snap}; run with UPDATE_SNAPSHOTS=1"));
        assert_eq!(text, expected, "snapshot {snap} differs");
    }
    // Every rule of the catalogue fires in some scenario, or in an independent inspection ledger
    // (`samples/inspections/`, checked by tests/inspections.rs).
    let inspections = std::fs::read_dir("samples/inspections").unwrap();
    let expected_there: Vec<String> = inspections
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "expected"))
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .collect();
    fired.extend(expected_there.iter().map(String::as_str));
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| !c.starts_with("CROSS-") && !fired.contains(c)) // cross rules: tests/cross.rs
        .collect();
    assert!(
        missing.is_empty(),
        "rules that no scenario makes fire: {missing:?}"
    );
}
