//! One source of truth for custody: a batch's chain is broken in the HTML report's custody
//! section and in `trace --batch` exactly where `check`'s SPECIAL-CHAIN, CODE-DUP or
//! CODE-UNKNOWN find it broken, citing the same records and the same messages; where they are
//! quiet, both call it unbroken.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rxledger::html::{build, Options};
use rxledger::reconcile::{Config, Msg, Rule};
use rxledger::trace::{Chain, Target};

fn path(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

type Batch = (String, String);

/// The rules whose findings break a batch's custody chain.
const CUSTODY: [Rule; 3] = [Rule::SpecialChain, Rule::CodeDup, Rule::CodeUnknown];

/// The custody findings of `ledger` by batch: (seq, rule, message) in record order.
fn custody_findings(ledger: &Path, config: &Config) -> BTreeMap<Batch, Vec<(u64, Rule, Msg)>> {
    let report = rxledger::check::check_path(ledger, config.clone(), None, |_| {}).unwrap();
    assert!(report.verify.is_ok(), "{:?}", report.verify.failure);
    let mut out: BTreeMap<Batch, Vec<(u64, Rule, Msg)>> = BTreeMap::new();
    for f in report.findings.iter().filter(|f| CUSTODY.contains(&f.rule)) {
        let (Some(p), Some(b)) = (f.product.clone(), f.batch.clone()) else {
            continue;
        };
        out.entry((p, b))
            .or_default()
            .push((f.seq, f.rule, f.message.clone()));
    }
    out
}

/// A chain's breaks that cite a finding: (seq, rule, message), all in `ledger`.
fn breaks(chain: &Chain, ledger: &Path) -> Vec<(u64, Rule, Msg)> {
    chain
        .breaks
        .iter()
        .filter_map(|b| b.rule.map(|r| (b, r)))
        .inspect(|(b, _)| assert_eq!(b.ledger, ledger))
        .map(|(b, r)| (b.seq, r, b.message.clone()))
        .collect()
}

/// Holds the report's custody section, `trace --batch` and `check` together on `ledger`; returns
/// how many of its special-control batches are broken and how many are not.
fn agree(ledger: &Path, config: &Config) -> (usize, usize) {
    let findings = custody_findings(ledger, config);
    let options = Options {
        config: config.clone(),
        max_custody_chains: usize::MAX,
        ..Options::default()
    };
    let report = build(&[ledger.to_owned()], &options).unwrap();
    let html = report.to_html();
    // `trace` follows every batch on its own, in one pass per ledger, as `trace --batch` does
    // for one.
    let targets: Vec<Target> = report.custody.iter().map(|(t, _)| t.clone()).collect();
    let traced = rxledger::trace::trace_many(&targets, &[ledger.to_owned()], config).unwrap();
    let mut seen = BTreeSet::new();
    let (mut broken, mut unbroken) = (0, 0);
    for ((target, chain), alone) in report.custody.iter().zip(&traced) {
        let Target::Batch { product, batch } = target else {
            panic!("the report follows batches: {target:?}");
        };
        let key = (product.clone(), batch.clone());
        let expected = findings.get(&key).cloned().unwrap_or_default();
        // The report's chain breaks where the custody findings are, and nowhere else in one
        // ledger.
        assert_eq!(breaks(chain, ledger), expected, "report, {key:?}");
        assert_eq!(chain.breaks.is_empty(), expected.is_empty(), "{key:?}");
        // `trace` says the same.
        assert_eq!(alone.breaks, chain.breaks, "trace, {key:?}");
        let text = rxledger::report::custody_text(target, alone);
        if expected.is_empty() {
            unbroken += 1;
            assert!(text.contains("chain unbroken"), "{text}");
        } else {
            broken += 1;
            for (seq, rule, _) in &expected {
                let cite = format!(
                    "BREAK: {} at seq {seq} of {}",
                    rule.code(),
                    ledger.display()
                );
                assert!(text.contains(&cite), "{cite}\n{text}");
            }
        }
        seen.insert(key);
    }
    // Every batch SPECIAL-CHAIN names (special-control by definition) is in the custody
    // section.
    for (key, _) in findings
        .iter()
        .filter(|(_, f)| f.iter().any(|(_, r, _)| *r == Rule::SpecialChain))
    {
        assert!(
            seen.contains(key),
            "{key:?} missing from the custody section"
        );
    }
    let summary = format!("; {broken} with a break in the chain.");
    assert!(html.contains(&summary), "{summary}");
    (broken, unbroken)
}

#[test]
fn custody_findings_are_the_breaks_of_report_and_trace() {
    const BROKEN: usize = 13;
    let ledger = path("samples/scenarios/special-control.jsonl");
    let (broken, unbroken) = agree(&ledger, &Config::default());
    // 6 of them have SPECIAL-CHAIN findings; the others codes shipped twice or never received,
    // whose quantities balance.
    let findings = custody_findings(&ledger, &Config::default());
    let special = findings
        .values()
        .filter(|f| f.iter().any(|(_, r, _)| *r == Rule::SpecialChain))
        .count();
    assert_eq!(special, 6);
    // The scenario's SPECIAL-CHAIN, CODE-DUP and CODE-UNKNOWN findings fall on BROKEN batches;
    // its other batches are quiet.
    assert_eq!(broken, BROKEN);
    assert!(unbroken > 0);
}

#[test]
fn a_quiet_ledger_has_only_unbroken_chains() {
    let ledger = path("samples/scenarios/pair-a.jsonl");
    let (broken, unbroken) = agree(&ledger, &Config::default());
    assert_eq!(broken, 0);
    assert!(unbroken > 0, "pair-a has special-control batches");
}

#[test]
fn a_disabled_special_chain_breaks_no_chain_in_either() {
    // The same configuration drives the findings and the chains: no finding, no break.
    let ledger = path("samples/scenarios/special-control.jsonl");
    let config =
        Config::from_toml("disabled = [\"SPECIAL-CHAIN\", \"CODE-DUP\", \"CODE-UNKNOWN\"]\n")
            .unwrap();
    let (broken, _) = agree(&ledger, &config);
    assert_eq!(broken, 0);
}

#[test]
fn planted_special_chain_violations_break_their_batches_in_a_generated_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let config = rxledger::gen::GenConfig {
        seed: 12,
        violations: 0.05,
        rules: vec!["SPECIAL-CHAIN".to_owned()],
        ..Default::default()
    };
    let events: Vec<Vec<u8>> = rxledger::gen::Generator::new(config)
        .take(4_000)
        .map(|e| e.to_json_bytes())
        .collect();
    let mut ledger = rxledger::Ledger::create(dir.path().join("L")).unwrap();
    ledger.append(&events).unwrap();
    drop(ledger);
    let (broken, _) = agree(&dir.path().join("L"), &Config::default());
    assert!(broken > 0, "the generator planted SPECIAL-CHAIN");
}
