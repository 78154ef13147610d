//! Which record a finding points at. Each rule's `at` phrase (`RuleInfo::at`, **Points at** in
//! `docs/rules.md`) names, in backticks, the kinds of event its findings' `seq` may be, and the
//! kinds of the records its `seqs` add. Over the scenario ledgers, the independent inspection
//! ledgers, the two-company pairs (with a third ledger for `CROSS-CODE`) and a generated ledger
//! with planted violations, every finding must agree with its phrase:
//!
//! * the kind of the record at `seq` (and of the others in `seqs`) is named, unless the phrase
//!   begins with "any record";
//! * the kind of every other record of `seqs` is named;
//! * a phrase saying "; `seqs` add nothing" has `seqs` = `[seq]`.
//!
//! Every rule of the catalogue fires somewhere in these ledgers, so no phrase goes unchecked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rxledger::cross::{add_cross_findings, Shipments};
use rxledger::gen::{GenConfig, Generator};
use rxledger::model::{Event, EventBody};
use rxledger::reconcile::{Config, Engine, Family, Finding, Rule, RULES};
use rxledger::store::MemStore;

mod support;

/// The findings of one ledger and the kind of each of its records (valid events only).
struct Case {
    name: String,
    kinds: BTreeMap<u64, &'static str>,
    findings: Vec<Finding>,
}

/// The kinds of event named in backticks in `phrase`.
fn named(phrase: &str) -> BTreeSet<&str> {
    phrase.split('`').skip(1).step_by(2).collect()
}

/// What is wrong with the findings of `cases` against the phrases `at` gives, and the rules seen.
fn problems(cases: &[Case], at: impl Fn(Rule) -> &'static str) -> (Vec<String>, BTreeSet<Rule>) {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for c in cases {
        for f in &c.findings {
            seen.insert(f.rule);
            let phrase = at(f.rule);
            let names = named(phrase);
            let kind = |s: u64| c.kinds.get(&s).copied().unwrap_or("(no valid event)");
            let mut wrong =
                |what: String| out.push(format!("{} {} {}: {what}", c.name, f.rule, f.seq));
            if !phrase.starts_with("any record") && !names.contains(kind(f.seq)) {
                wrong(format!(
                    "seq is a `{}`, not named in {phrase:?}",
                    kind(f.seq)
                ));
            }
            if !f.seqs.contains(&f.seq) {
                wrong(format!("seqs {:?} lack seq", f.seqs));
            }
            if phrase.contains("; `seqs` add nothing") && f.seqs != [f.seq] {
                wrong(format!("seqs {:?}, but {phrase:?}", f.seqs));
            }
            for &s in f.seqs.iter().filter(|s| **s != f.seq) {
                if !phrase.starts_with("any record") && !names.contains(kind(s)) {
                    wrong(format!(
                        "seqs add {s}, a `{}`, not named in {phrase:?}",
                        kind(s)
                    ));
                }
            }
        }
    }
    (out, seen)
}

fn kind_of(e: &Event) -> &'static str {
    e.kind().as_str()
}

/// Checks the exported ledger `path`, noting the kind of each record.
fn check_file(path: &Path) -> Case {
    let mut kinds = BTreeMap::new();
    let engine = Engine::new(Config::default());
    let observe = |seq, e: &Event| {
        kinds.insert(seq, kind_of(e));
    };
    let report = rxledger::check::check_with(path, engine, None, |_| {}, observe, |_| {}).unwrap();
    Case {
        name: path.display().to_string(),
        kinds,
        findings: report.findings,
    }
}

/// Ingests and checks the events file `path` (JSON Lines of events, as `rxledger ingest` reads).
fn check_events(path: &Path) -> Case {
    let name = path.display().to_string();
    let text = std::fs::read(path).unwrap();
    let store = support::store_text(&name, &text);
    let mut kinds = BTreeMap::new();
    let engine = Engine::new(Config::default());
    let observe = |seq, e: &Event| {
        kinds.insert(seq, kind_of(e));
    };
    let report = rxledger::check::check_store_with(&store, engine, None, observe, |_| {}).unwrap();
    Case {
        name,
        kinds,
        findings: report.findings,
    }
}

/// The `.jsonl` files of `dir`, sorted.
fn ledgers(dir: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    out.sort();
    out
}

/// The cross-ledger findings of the exported ledgers `paths`, one case per ledger.
fn check_cross(paths: &[PathBuf]) -> Vec<Case> {
    let config = Config::default();
    let mut reports = Vec::new();
    let mut shipments = Vec::new();
    let mut kinds = Vec::new();
    for p in paths {
        let (mut s, mut k) = (Shipments::default(), BTreeMap::new());
        let observe = |seq, e: &Event| {
            s.observe(seq, e);
            k.insert(seq, kind_of(e));
        };
        let engine = Engine::new(config.clone());
        reports
            .push(rxledger::check::check_with(p, engine, None, |_| {}, observe, |_| {}).unwrap());
        shipments.push(s);
        kinds.push(k);
    }
    add_cross_findings(paths, &config, reports.iter_mut().zip(shipments)).unwrap();
    reports
        .into_iter()
        .zip(kinds)
        .map(|(r, kinds)| Case {
            name: format!("{} (cross)", r.path.display()),
            kinds,
            findings: r
                .findings
                .into_iter()
                .filter(|f| f.rule.family() == Family::Cross)
                .collect(),
        })
        .collect()
}

/// The events of the exported ledger `path`.
fn read_events(path: &Path) -> Vec<Event> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            let r = rxledger::chain::RecordRef::parse(l.as_bytes()).unwrap();
            Event::from_json(std::str::from_utf8(r.payload).unwrap()).unwrap()
        })
        .collect()
}

/// `pair-a`, `pair-b` and a third ledger, written to `dir`, whose first coded receipt holds
/// unit codes `pair-b` received too (`CROSS-CODE`), as in tests/cross.rs.
fn third_receiver(dir: &Path) -> PathBuf {
    let a = read_events(Path::new("samples/scenarios/pair-a.jsonl"));
    let b = read_events(Path::new("samples/scenarios/pair-b.jsonl"));
    let codes: Vec<rxledger::model::Text> = b
        .iter()
        .find_map(|e| match &e.body {
            EventBody::Receipt(r) => r.lines.iter().find(|l| !l.codes.is_empty()),
            _ => None,
        })
        .map(|l| l.codes.clone())
        .unwrap();
    let mut c = rxledger::gen::customer_ledger(&a, "12330200470211456G", &BTreeSet::new(), 6);
    let target = c
        .iter_mut()
        .find_map(|e| match &mut e.body {
            EventBody::Receipt(r) => r.lines.iter_mut().find(|l| !l.codes.is_empty()),
            _ => None,
        })
        .unwrap();
    let n = target.codes.len().min(codes.len());
    target.codes[..n].clone_from_slice(&codes[..n]);
    let mut store = MemStore::new();
    rxledger::ingest::append_daily(&mut store, &c).unwrap();
    let path = dir.join("c.jsonl");
    std::fs::write(&path, store.as_bytes()).unwrap();
    path
}

/// A generated ledger of 20,000 events with planted violations, run through the engine.
fn generated() -> Case {
    let config = GenConfig {
        seed: 7,
        violations: 0.05,
        ..GenConfig::default()
    };
    let events: Vec<Event> = Generator::new(config).take(20_000).collect();
    let mut engine = Engine::new(Config::default());
    let mut findings = Vec::new();
    let mut kinds = BTreeMap::new();
    for (seq, e) in (1..).zip(&events) {
        kinds.insert(seq, kind_of(e));
        findings.extend(engine.push(seq, e.entered_at.unwrap_or(e.occurred_at), e));
    }
    findings.extend(engine.finish());
    Case {
        name: "generated (seed 7, violations 0.05)".to_owned(),
        kinds,
        findings,
    }
}

/// Every case, computed once for the tests of this file.
fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let mut out: Vec<Case> = ledgers("samples/scenarios")
            .iter()
            .map(|p| check_file(p))
            .collect();
        out.extend(
            ledgers("samples/inspections")
                .iter()
                .map(|p| check_events(p)),
        );
        let scenario = |n: &str| PathBuf::from(format!("samples/scenarios/{n}.jsonl"));
        for b in ["pair-b", "pair-b-missing", "pair-b-tampered"] {
            out.extend(check_cross(&[scenario("pair-a"), scenario(b)]));
        }
        let dir = tempfile::tempdir().unwrap();
        let c = third_receiver(dir.path());
        out.extend(check_cross(&[scenario("pair-a"), scenario("pair-b"), c]));
        out.push(generated());
        out
    })
}

#[test]
fn every_finding_points_at_a_record_its_rule_names() {
    let (wrong, seen) = problems(cases(), |r| r.info().at);
    assert!(
        wrong.is_empty(),
        "{} findings disagree with their rule's `at`:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    let unseen: Vec<&str> = RULES
        .iter()
        .filter(|r| !seen.contains(&r.rule))
        .map(|r| r.code)
        .collect();
    assert!(unseen.is_empty(), "rules that fired nowhere: {unseen:?}");
}

#[test]
fn a_wrong_phrase_is_caught() {
    // STOCK-NEG said to point at a stock count; OUT-REV said to add nothing (a dispatch over the
    // reviewed quantity adds its sale).
    let at = |r: Rule| match r.code() {
        "STOCK-NEG" => "the `stock_count`; `seqs` add nothing",
        "OUT-REV" => "the `outbound_review` or the `dispatch`; `seqs` add nothing",
        _ => r.info().at,
    };
    let (wrong, _) = problems(cases(), at);
    let first = &wrong[..wrong.len().min(5)];
    let caught =
        |rule: &str, what: &str| wrong.iter().any(|w| w.contains(rule) && w.contains(what));
    assert!(caught("STOCK-NEG", "seq is a `"), "{first:?}");
    assert!(caught("OUT-REV", "seqs ["), "{first:?}");
    assert!(
        wrong
            .iter()
            .all(|w| w.contains("STOCK-NEG") || w.contains("OUT-REV")),
        "{first:?}"
    );
}
