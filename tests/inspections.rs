//! The independent inspection ledgers (`samples/inspections/`): written by an author who had read
//! only `docs/` and `README.md`, each with the findings it must produce (`NN-name.expected`: one
//! `RULE SEQ` per line; an empty list for legitimate business). Every ledger must give exactly
//! its expected findings, no more and no fewer, except the ones listed in `KNOWN_GAPS` with the
//! reason; a listed ledger that starts to pass fails this test too, so the list only shrinks.

use std::collections::BTreeSet;
use std::path::Path;

use rxledger::reconcile::Config;
use rxledger::store::MemStore;

/// Ledgers the engine does not get right yet, with why.
const KNOWN_GAPS: &[(&str, &str)] = &[];

fn expected(path: &Path) -> BTreeSet<(String, u64)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut w = l.split_whitespace();
            let rule = w.next().unwrap().to_owned();
            let seq = w.next().and_then(|s| s.parse().ok()).expect("RULE SEQ");
            (rule, seq)
        })
        .collect()
}

fn findings(ledger: &Path) -> BTreeSet<(String, u64)> {
    let text = std::fs::read(ledger).unwrap();
    let name = ledger.display().to_string();
    let payloads = rxledger::ingest::read_events(&name, text.as_slice())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut store = MemStore::new();
    rxledger::ingest::append_batches(&mut store, &payloads, 1000, |_| {}).unwrap();
    let report = rxledger::check::check_store(&store, Config::default(), None).unwrap();
    assert!(report.verify.is_ok(), "{name}");
    report
        .findings
        .iter()
        .map(|f| (f.rule.code().to_owned(), f.seq))
        .collect()
}

#[test]
fn independent_inspection_ledgers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/inspections");
    let mut ledgers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    ledgers.sort();
    assert!(ledgers.len() >= 30, "{} ledgers", ledgers.len());
    let mut wrong = Vec::new();
    let mut fixed = Vec::new();
    for l in &ledgers {
        let stem = l.file_stem().unwrap().to_string_lossy().into_owned();
        let want = expected(&l.with_extension("expected"));
        let got = findings(l);
        let known = KNOWN_GAPS.iter().any(|(n, _)| *n == stem);
        match (got == want, known) {
            (true, true) => fixed.push(stem),
            (false, false) => wrong.push(format!(
                "{stem}: missed {:?}, unexpected {:?}",
                want.difference(&got).collect::<Vec<_>>(),
                got.difference(&want).collect::<Vec<_>>()
            )),
            _ => {}
        }
    }
    assert!(
        wrong.is_empty(),
        "ledgers with wrong findings:\n{}",
        wrong.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "now right, remove from KNOWN_GAPS: {fixed:?}"
    );
}
