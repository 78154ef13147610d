//! Cross-ledger reconciliation and trace over the two-company scenarios in `samples/scenarios/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rxledger::model::{Event, EventBody};
use rxledger::reconcile::Config;
use rxledger::store::MemStore;

fn scenario(name: &str) -> PathBuf {
    PathBuf::from(format!("samples/scenarios/{name}.jsonl"))
}

fn cross_findings(paths: &[PathBuf]) -> Vec<String> {
    let reports = rxledger::cross::check_ledgers(paths, &Config::default(), None).unwrap();
    let mut out = Vec::new();
    for r in &reports {
        let name = r.path.file_stem().unwrap().to_string_lossy().into_owned();
        for f in r
            .findings
            .iter()
            .filter(|f| f.rule.family() == rxledger::reconcile::Family::Cross)
        {
            out.push(format!("{name} {} {}", f.rule, f.seq));
        }
    }
    out.sort();
    out
}

#[test]
fn clean_pair_has_no_cross_findings() {
    let reports = rxledger::cross::check_ledgers(
        &[scenario("pair-a"), scenario("pair-b")],
        &Config::default(),
        None,
    )
    .unwrap();
    for r in reports {
        assert!(
            r.findings.is_empty(),
            "{}: {:?}",
            r.path.display(),
            r.findings
        );
    }
}

#[test]
fn planted_cross_findings_are_reported_exactly() {
    for name in ["pair-b-missing", "pair-b-tampered"] {
        let mut want: Vec<String> =
            std::fs::read_to_string(format!("samples/scenarios/{name}.cross"))
                .unwrap()
                .lines()
                .map(str::to_owned)
                .collect();
        want.sort();
        assert_eq!(
            cross_findings(&[scenario("pair-a"), scenario(name)]),
            want,
            "{name}"
        );
    }
}

#[test]
fn a_narcotic_dispatched_and_never_received_is_reported_and_received_is_not() {
    let got = cross_findings(&[scenario("pair-a"), scenario("pair-b-missing")]);
    assert_eq!(got.len(), 1);
    assert!(got[0].starts_with("pair-a CROSS-MISSING"), "{got:?}");
    // The dispatch it names carries narcotic unit codes.
    let seq: usize = got[0].rsplit(' ').next().unwrap().parse().unwrap();
    let line = std::fs::read_to_string(scenario("pair-a"))
        .unwrap()
        .lines()
        .nth(seq - 1)
        .unwrap()
        .to_owned();
    assert!(
        line.contains("\"kind\":\"dispatch\"") && line.contains("869345670000"),
        "{line}"
    );
    assert!(cross_findings(&[scenario("pair-a"), scenario("pair-b")]).is_empty());
}

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

#[test]
fn one_unit_code_received_by_two_hospitals_is_reported() {
    let a = read_events(&scenario("pair-a"));
    let b = read_events(&scenario("pair-b"));
    let codes: Vec<String> = b
        .iter()
        .find_map(|e| match &e.body {
            EventBody::Receipt(r) => r
                .lines
                .iter()
                .find(|l| !l.codes.is_empty())
                .map(|l| l.codes.clone()),
            _ => None,
        })
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
    let dir = tempfile::tempdir().unwrap();
    let cpath = dir.path().join("c.jsonl");
    let mut store = MemStore::new();
    rxledger::ingest::append_daily(&mut store, &c).unwrap();
    std::fs::write(&cpath, store.as_bytes()).unwrap();
    let got = cross_findings(&[scenario("pair-a"), scenario("pair-b"), cpath]);
    assert!(got.iter().any(|f| f.starts_with("c CROSS-CODE")), "{got:?}");
}

#[test]
fn trace_follows_a_unit_across_two_ledgers_and_names_the_break() {
    let a = read_events(&scenario("pair-a"));
    let code = a
        .iter()
        .find_map(|e| match &e.body {
            EventBody::Dispatch(d) if d.customer == "12330000470089123F" => {
                d.lines.iter().find_map(|l| l.codes.first().cloned())
            }
            _ => None,
        })
        .unwrap();
    let target = rxledger::trace::Target::Code(code.clone());
    let chain = rxledger::trace::trace(&target, &[scenario("pair-a"), scenario("pair-b")]).unwrap();
    let kinds: Vec<&str> = chain.steps.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        ["receipt", "put_away", "dispatch", "receipt", "put_away"],
        "{}",
        chain.to_text(&target)
    );
    assert!(chain.breaks.is_empty());
    let holders: BTreeSet<&str> = chain.steps.iter().map(|s| s.holder.as_str()).collect();
    assert_eq!(holders.len(), 2);
    // The first narcotic shipment, which the hospital's "missing" ledger never received.
    let missing_seq: usize = std::fs::read_to_string("samples/scenarios/pair-b-missing.cross")
        .unwrap()
        .split_whitespace()
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    let code = match &a[missing_seq - 1].body {
        EventBody::Dispatch(d) => d
            .lines
            .iter()
            .find_map(|l| l.codes.first().cloned())
            .unwrap(),
        _ => panic!("not a dispatch"),
    };
    let target = rxledger::trace::Target::Code(code);
    let chain =
        rxledger::trace::trace(&target, &[scenario("pair-a"), scenario("pair-b-missing")]).unwrap();
    assert_eq!(chain.breaks.len(), 1, "{}", chain.to_text(&target));
    assert!(chain.breaks[0].contains("never received"));
}
