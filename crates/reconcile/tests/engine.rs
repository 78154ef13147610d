//! Engine properties: generated ledgers are clean; planted violations are found exactly;
//! incremental and batch runs agree wherever the input is split; configuration applies.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use rxledger_gen::{GenConfig, Generator, PLANTABLE};
use rxledger_model::Event;
use rxledger_reconcile::{Config, Engine, Finding, Severity, RULES};

fn ts(e: &Event) -> DateTime<Utc> {
    e.entered_at.unwrap_or(e.occurred_at)
}

fn run(events: &[Event], cfg: Config) -> Vec<Finding> {
    let mut engine = Engine::new(cfg);
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        out.extend(engine.push(i as u64 + 1, ts(e), e));
    }
    out.extend(engine.finish());
    out
}

fn planted(seed: u64, n: usize, rate: f64) -> (Vec<Event>, Vec<(String, u64)>) {
    let mut g = Generator::new(GenConfig {
        seed,
        violations: rate,
        ..GenConfig::default()
    });
    let events: Vec<Event> = g.by_ref().take(n).collect();
    let mut m: Vec<(String, u64)> = g
        .manifest(n as u64)
        .into_iter()
        .map(|p| (p.rule.to_owned(), p.seq))
        .collect();
    m.sort();
    (events, m)
}

#[test]
fn generated_ledgers_are_clean() {
    for seed in [1, 2, 3] {
        let events: Vec<Event> = Generator::new(GenConfig {
            seed,
            ..GenConfig::default()
        })
        .take(40_000)
        .collect();
        let f = run(&events, Config::default());
        assert!(f.is_empty(), "seed {seed}: {:#?}", &f[..f.len().min(5)]);
    }
}

#[test]
fn planted_violations_are_found_exactly() {
    let (events, manifest) = planted(11, 60_000, 0.01);
    let mut got: Vec<(String, u64)> = run(&events, Config::default())
        .into_iter()
        .map(|f| (f.rule.code().to_owned(), f.seq))
        .collect();
    got.sort();
    assert_eq!(got, manifest);
    let rules: std::collections::BTreeSet<&str> =
        manifest.iter().map(|(r, _)| r.as_str()).collect();
    assert!(
        rules.len() >= PLANTABLE.len() - 2,
        "too few rules planted: {rules:?}"
    );
}

#[test]
fn disabled_rules_and_severity_overrides_apply() {
    let (events, manifest) = planted(12, 20_000, 0.01);
    let cfg =
        Config::from_toml("disabled = [\"LATE-ENTRY\"]\n[severity]\n\"STOCK-NEG\" = \"minor\"\n")
            .unwrap();
    let f = run(&events, cfg);
    assert!(f.iter().all(|f| f.rule != "LATE-ENTRY"));
    assert!(manifest.iter().any(|(r, _)| r == "LATE-ENTRY"));
    let neg: Vec<_> = f.iter().filter(|f| f.rule == "STOCK-NEG").collect();
    assert!(!neg.is_empty());
    assert!(neg.iter().all(|f| f.severity == Severity::Minor));
    let expected = manifest.iter().filter(|(r, _)| r != "LATE-ENTRY").count();
    assert_eq!(f.len(), expected);
}

#[test]
fn thresholds_change_what_is_late() {
    let (events, _) = planted(13, 8_000, 0.0);
    // With a zero-hour limit every manually entered event is late; with the default none is.
    let strict = Config::from_toml("[thresholds]\nlate_entry_hours = 0\n").unwrap();
    assert!(run(&events, strict).iter().any(|f| f.rule == "LATE-ENTRY"));
    assert!(run(&events, Config::default()).is_empty());
}

#[test]
fn bad_configuration_is_rejected_with_a_reason() {
    let e = Config::from_toml("disabled = [\"NOPE\"]")
        .unwrap_err()
        .to_string();
    assert!(e.contains("NOPE"), "{e}");
    let e = Config::from_toml("[thresholds]\nunpaid_days = -1")
        .unwrap_err()
        .to_string();
    assert!(e.contains("unpaid_days"), "{e}");
    let e = Config::from_toml("[thresholds]\nunpaid_dayz = 1")
        .unwrap_err()
        .to_string();
    assert!(e.contains("unpaid_dayz"), "{e}");
    assert_eq!(
        Config::from_toml(rxledger_reconcile::DEFAULT_TOML).unwrap(),
        Config::default()
    );
}

#[test]
fn catalogue_codes_are_unique_and_documented() {
    let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), RULES.len());
    for r in RULES {
        assert!(
            !r.description.is_empty() && !r.source.is_empty(),
            "{}",
            r.code
        );
    }
    for p in PLANTABLE {
        assert!(
            RULES.iter().any(|r| r.code == *p),
            "generator plants unknown rule {p}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Feeding the engine in chunks (findings collected after each push) gives the same
    /// findings, in the same order, as one batch run.
    #[test]
    fn incremental_equals_batch(seed in 0u64..1000, cuts in prop::collection::vec(0usize..6000, 0..8)) {
        let (events, _) = planted(seed, 6000, 0.02);
        let batch = run(&events, Config::default());
        let mut cuts = cuts;
        cuts.sort_unstable();
        cuts.push(events.len());
        let mut engine = Engine::new(Config::default());
        let mut inc = Vec::new();
        let mut start = 0;
        for c in cuts {
            let c = c.max(start);
            for (i, e) in events[start..c].iter().enumerate() {
                inc.extend(engine.push((start + i) as u64 + 1, ts(e), e));
            }
            start = c;
        }
        inc.extend(engine.finish());
        prop_assert_eq!(inc, batch);
    }
}
