//! A family whose rules are all disabled is not run: the other families' findings and open
//! items must be exactly those of a full run, less the disabled family's (a family's state is its
//! own; this is what would break if one family read what another keeps).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rxledger_gen::{GenConfig, Generator};
use rxledger_model::Event;
use rxledger_reconcile::check::check_path;
use rxledger_reconcile::{Config, Engine, Family, Finding, Pending, Rule, RULES};

/// The families the engine runs (cross-ledger rules run elsewhere).
const FAMILIES: [Family; 8] = [
    Family::Integrity,
    Family::Qualification,
    Family::Documents,
    Family::Stock,
    Family::Special,
    Family::Codes,
    Family::ColdChain,
    Family::TempIntegrity,
];

/// The default configuration with every rule of `family` disabled.
fn without(family: Family) -> Config {
    let cfg = Config {
        disabled: RULES
            .iter()
            .filter(|i| i.family == family)
            .map(|i| i.rule)
            .collect(),
        ..Config::default()
    };
    assert!(!cfg.disabled.is_empty(), "{family:?}");
    cfg
}

fn family_of(rule: rxledger_reconcile::Rule) -> Family {
    RULES.iter().find(|i| i.rule == rule).unwrap().family
}

/// `full` less the findings and open items of `family` (a broken chain is always reported).
fn less(full: &(Vec<Finding>, Vec<Pending>), family: Family) -> (Vec<Finding>, Vec<Pending>) {
    (
        full.0
            .iter()
            .filter(|f| family_of(f.rule) != family || f.rule == Rule::Chain)
            .cloned()
            .collect(),
        full.1
            .iter()
            .filter(|p| family_of(p.rule) != family)
            .cloned()
            .collect(),
    )
}

/// Asserts `got` is `want`, naming the findings and open items only one of them has.
fn same(got: &(Vec<Finding>, Vec<Pending>), want: &(Vec<Finding>, Vec<Pending>), what: &str) {
    if got == want {
        return;
    }
    let key = |f: &Finding| format!("{} {} {}", f.rule, f.seq, f.message.id);
    let pkey = |p: &Pending| format!("pending {} {} {}", p.rule, p.seq, p.message.id);
    let a: Vec<String> = got
        .0
        .iter()
        .map(key)
        .chain(got.1.iter().map(pkey))
        .collect();
    let b: Vec<String> = want
        .0
        .iter()
        .map(key)
        .chain(want.1.iter().map(pkey))
        .collect();
    let extra: Vec<_> = a.iter().filter(|k| !b.contains(k)).take(10).collect();
    let missing: Vec<_> = b.iter().filter(|k| !a.contains(k)).take(10).collect();
    panic!(
        "{what}: more {extra:?}; fewer {missing:?} (of {} and {})",
        a.len(),
        b.len()
    );
}

fn run(events: &[Event], cfg: Config) -> (Vec<Finding>, Vec<Pending>) {
    let mut engine = Engine::new(cfg);
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let at: DateTime<Utc> = e.entered_at.unwrap_or(e.occurred_at);
        out.extend(engine.push(i as u64 + 1, at, e));
    }
    let (last, pending) = engine.finish_with_pending();
    out.extend(last);
    (out, pending)
}

#[test]
fn a_family_disabled_whole_leaves_the_others_findings_as_they_were() {
    let events: Vec<Event> = Generator::new(GenConfig {
        seed: 12,
        violations: 0.01,
        ..GenConfig::default()
    })
    .take(20_000)
    .collect();
    let full = run(&events, Config::default());
    for family in FAMILIES {
        // Every family has findings here, so leaving one out is seen.
        assert!(
            full.0.iter().any(|f| family_of(f.rule) == family),
            "{family:?}"
        );
        same(
            &run(&events, without(family)),
            &less(&full, family),
            &format!("{family:?}"),
        );
    }
}

#[test]
fn on_every_bundled_ledger_too() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let files = |dir: &str| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        v.sort();
        v
    };
    // Ledgers (records of a hash chain), checked as `rxledger check` does.
    let scenarios = files("scenarios");
    assert!(scenarios.len() > 5);
    for ledger in &scenarios {
        let check = |cfg| {
            let r = check_path(ledger, cfg, None, |_| {}).unwrap();
            (r.findings, r.pending)
        };
        let full = check(Config::default());
        for family in FAMILIES {
            let what = format!("{} without {family:?}", ledger.display());
            same(&check(without(family)), &less(&full, family), &what);
        }
    }
    // Inspection cases: events, one per line.
    let inspections = files("inspections");
    assert!(inspections.len() > 20);
    for file in &inspections {
        let events: Vec<Event> = std::fs::read_to_string(file)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| Event::from_json(l).unwrap())
            .collect();
        let full = run(&events, Config::default());
        for family in FAMILIES {
            let what = format!("{} without {family:?}", file.display());
            same(&run(&events, without(family)), &less(&full, family), &what);
        }
    }
}

/// The temperature series of a report are made by the cold-chain family: traced, it runs even
/// when its rules are disabled, and the series are those of a full run.
#[test]
fn traced_temperatures_run_the_cold_chain_family_anyway() {
    let events: Vec<Event> = Generator::new(GenConfig {
        seed: 3,
        ..GenConfig::default()
    })
    .take(5_000)
    .collect();
    let series = |cfg| {
        let mut engine = Engine::new(cfg);
        engine.trace_temperatures();
        for (i, e) in events.iter().enumerate() {
            engine.push(i as u64 + 1, e.entered_at.unwrap_or(e.occurred_at), e);
        }
        format!("{:?}", engine.temperature_series())
    };
    let full = series(Config::default());
    assert!(full.len() > 1_000, "{full}");
    assert_eq!(series(without(Family::ColdChain)), full);
}
