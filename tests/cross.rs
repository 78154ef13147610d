//! Cross-ledger reconciliation and trace over the two-company scenarios in `samples/scenarios/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rxledger::model::{Event, EventBody};
use rxledger::reconcile::{Config, Family, Finding};
use rxledger::report::messages::{Lang, Messages};
use rxledger::store::MemStore;

fn scenario(name: &str) -> PathBuf {
    PathBuf::from(format!("samples/scenarios/{name}.jsonl"))
}

/// The cross-ledger findings of `paths`, by ledger file stem, sorted.
fn cross(paths: &[PathBuf]) -> Vec<(String, Finding)> {
    let reports = rxledger::cross::check_ledgers(paths, &Config::default(), None).unwrap();
    let mut out = Vec::new();
    for r in reports {
        let name = r.path.file_stem().unwrap().to_string_lossy().into_owned();
        for f in r.findings {
            if f.rule.family() == Family::Cross {
                out.push((name.clone(), f));
            }
        }
    }
    out.sort_by_key(|(name, f)| (name.clone(), f.rule, f.seq));
    out
}

fn cross_findings(paths: &[PathBuf]) -> Vec<String> {
    let mut out: Vec<String> = cross(paths)
        .iter()
        .map(|(name, f)| format!("{name} {} {}", f.rule, f.seq))
        .collect();
    out.sort();
    out
}

/// "RULE seq: sentence | expected | actual" of each cross-ledger finding, in English.
fn sentences(paths: &[PathBuf]) -> Vec<String> {
    let en = Messages::new(Lang::En);
    cross(paths)
        .iter()
        .map(|(_, f)| {
            for m in [Some(&f.message), f.expected.as_ref(), f.actual.as_ref()]
                .into_iter()
                .flatten()
            {
                assert!(en.has(&m.id), "{} has no English message", m.id);
            }
            format!(
                "{} {}: {} | {} | {}",
                f.rule,
                f.seq,
                en.message(f),
                en.expected(f).unwrap_or_default(),
                en.actual(f).unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn cross_findings_read_as_sentences_with_their_figures() {
    assert_eq!(
        sentences(&[scenario("pair-a"), scenario("pair-b-missing")]),
        ["CROSS-MISSING 260: Dispatch PS2026100500014 to 12330000470089123F was never received: \
          samples/scenarios/pair-b-missing.jsonl has no receipt of it. \
          | a receipt in the customer's ledger | none"]
    );
    let lines = "86901234000042 batch 2609040001: 88 shipped, 0 received; \
                 86901234000042 batch 2609040001X received but not shipped";
    assert_eq!(
        sentences(&[scenario("pair-a"), scenario("pair-b-tampered")]),
        [
            format!(
                "CROSS-DIFF 233: Dispatch PS2026100500005 differs from its receipt (seq 28 in \
                 samples/scenarios/pair-b-tampered.jsonl): {lines}. \
                 | the shipped lines and codes | {lines}"
            ),
            "CROSS-TRANSIT 239: Dispatch PS2026100500008 took 123.1 hours to reach \
             12330000470089123F (limit 72). | ≤ 72 h | 123.1 h"
                .to_owned(),
            "CROSS-UNMATCHED 29: Receipt from 91330100MA27X8K3Q1 (delivery note \
             \"PS-FAKE-0001\") matches no dispatch in that company's ledger. |  | "
                .to_owned(),
        ]
    );
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
    let codes: Vec<rxledger::model::Text> = b
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
    let paths = [scenario("pair-a"), scenario("pair-b"), cpath];
    let got = cross_findings(&paths);
    assert!(got.iter().any(|f| f.starts_with("c CROSS-CODE")), "{got:?}");
    // Named: the other receiver and its ledger.
    let said = sentences(&paths);
    let code = said.iter().find(|s| s.starts_with("CROSS-CODE")).unwrap();
    let (_, sentence) = code.split_once(": ").unwrap();
    assert!(
        sentence.starts_with("Unit codes received here were also received by ")
            && sentence.contains(" (samples/scenarios/pair-")
            && sentence.ends_with(".jsonl), which did not ship them here. |  | "),
        "{code}"
    );
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
    let target = rxledger::trace::Target::Code(code.to_string());
    let chain = rxledger::trace::trace(&target, &[scenario("pair-a"), scenario("pair-b")]).unwrap();
    let kinds: Vec<&str> = chain.steps.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        ["receipt", "put_away", "dispatch", "receipt", "put_away"],
        "{}",
        rxledger::report::custody_text(&target, &chain)
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
    let target = rxledger::trace::Target::Code(code.to_string());
    let chain =
        rxledger::trace::trace(&target, &[scenario("pair-a"), scenario("pair-b-missing")]).unwrap();
    assert_eq!(
        chain.breaks.len(),
        1,
        "{}",
        rxledger::report::custody_text(&target, &chain)
    );
    assert_eq!(chain.breaks[0].message.id, "custody-not-received");
    assert!(rxledger::report::custody_text(&target, &chain).contains("never received there"));
}

#[test]
fn a_receipt_short_of_one_unit_code_differs_by_its_codes_alone() {
    let mut b = read_events(&scenario("pair-b"));
    let line = b
        .iter_mut()
        .find_map(|e| match &mut e.body {
            EventBody::Receipt(r) => r.lines.iter_mut().find(|l| l.codes.len() > 1),
            _ => None,
        })
        .unwrap();
    let dropped = line.codes.pop().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.jsonl");
    let mut store = MemStore::new();
    rxledger::ingest::append_daily(&mut store, &b).unwrap();
    std::fs::write(&path, store.as_bytes()).unwrap();
    let said = sentences(&[scenario("pair-a"), path.clone()]);
    assert_eq!(said.len(), 1, "{said:?}");
    let want = format!(
        " and its receipt (seq 36 in {}) agree on products, batches and quantities, but not on \
         unit codes: shipped but not received: 1 ({dropped}); received but not shipped: 0 (—). \
         | the shipped lines and codes | 1 shipped code(s) not received, 0 received code(s) not shipped",
        path.display()
    );
    assert!(
        said[0].starts_with("CROSS-DIFF ") && said[0].contains(&want),
        "{said:?}"
    );
}

/// A customer's ledger derived from a long run (past the first expiry of its supplier's licence,
/// 2028-02-28, and of its own, 2028-12-31) records the renewals too: it has no findings of its
/// own. Before, it had thousands of `SUP-LIC` and `SPECIAL-CHANNEL` findings from 2028-02-29 on.
#[test]
fn a_customers_ledger_over_years_keeps_its_licences_renewed() {
    let customer = "12330200470211456G";
    let events: Vec<Event> = rxledger::gen::Generator::new(rxledger::gen::GenConfig::default())
        .take(80_000)
        .collect();
    let c = rxledger::gen::customer_ledger(&events, customer, &BTreeSet::new(), 6);
    let last = c.last().unwrap().occurred_at;
    assert!(
        last.date_naive().to_string().as_str() > "2029-01-31",
        "{last}"
    );
    let renewed: BTreeSet<String> = c
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::LicenceChanged(l) => Some(l.party.to_string()),
            _ => None,
        })
        .collect();
    assert!(renewed.contains(customer), "{renewed:?}");
    assert_eq!(renewed.len(), 2, "{renewed:?}");
    let mut engine = rxledger::reconcile::Engine::new(Config::default());
    let mut found = Vec::new();
    for (i, e) in c.iter().enumerate() {
        found.extend(engine.push(i as u64 + 1, e.entered_at.unwrap_or(e.occurred_at), e));
    }
    found.extend(engine.finish());
    let rules: BTreeSet<String> = found.iter().map(|f| f.rule.to_string()).collect();
    assert!(found.is_empty(), "{} findings: {rules:?}", found.len());
}

/// A unit the hospital records as received from the wholesaler, whose own ledger (given too)
/// never shipped it, breaks the chain at that receipt; the units it did ship do not.
#[test]
fn trace_breaks_at_a_receipt_from_a_ledger_that_never_shipped_it() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/inspections");
    let side = |s: &str| {
        let name = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                let n = p.file_name().unwrap().to_string_lossy();
                n.starts_with("86-") && n.contains(&format!("-{s}-")) && n.ends_with(".jsonl")
            })
            .unwrap();
        let events: Vec<Event> = std::fs::read_to_string(&name)
            .unwrap()
            .lines()
            .map(|l| Event::from_json(l).unwrap())
            .collect();
        let out = tempfile::NamedTempFile::new().unwrap();
        let mut store = MemStore::new();
        rxledger::ingest::append_daily(&mut store, &events).unwrap();
        std::fs::write(out.path(), store.as_bytes()).unwrap();
        out
    };
    let (a, h) = (side("A"), side("B"));
    let paths = [a.path().to_path_buf(), h.path().to_path_buf()];
    // The hospital wrote 81034560002608209999 where the wholesaler shipped …200014.
    let target = rxledger::trace::Target::Code("81034560002608209999".into());
    let chain = rxledger::trace::trace(&target, &paths).unwrap();
    let text = rxledger::report::custody_text(&target, &chain);
    assert_eq!(chain.breaks.len(), 1, "{text}");
    assert_eq!(chain.breaks[0].message.id, "custody-not-shipped", "{text}");
    assert!(text.contains("but never shipped from there"), "{text}");
    let shipped = rxledger::trace::Target::Code("81034560002608200013".into());
    let chain = rxledger::trace::trace(&shipped, &paths).unwrap();
    assert!(
        chain.breaks.is_empty(),
        "{}",
        rxledger::report::custody_text(&shipped, &chain)
    );
}

/// A unit shipped twice by one company (the scenario's cloned morphine code, `CODE-DUP` at 423)
/// breaks its own chain at the second shipment; a unit that left once does not.
#[test]
fn a_unit_moved_after_it_left_breaks_its_chain() {
    let ledger = scenario("special-control");
    let target = rxledger::trace::Target::Code("81003700000000939446".into());
    let chain = rxledger::trace::trace(&target, std::slice::from_ref(&ledger)).unwrap();
    let text = rxledger::report::custody_text(&target, &chain);
    let ids: Vec<(&str, u64)> = chain
        .breaks
        .iter()
        .map(|b| (b.message.id.as_ref(), b.seq))
        .collect();
    assert_eq!(ids, [("custody-moved-after-leaving", 423)], "{text}");
    assert!(text.contains("after it left at seq 377"), "{text}");
    let once = rxledger::trace::Target::Code("81003700000000523871".into());
    let chain = rxledger::trace::trace(&once, std::slice::from_ref(&ledger)).unwrap();
    assert!(
        chain.breaks.is_empty() && !chain.steps.is_empty(),
        "{}",
        rxledger::report::custody_text(&once, &chain)
    );
}
