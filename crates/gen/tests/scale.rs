//! `Generator::scaled`: a larger wholesaler whose events are valid, whose clean ledger
//! reconciles without findings and whose planted violations are found exactly, in every lane.

use chrono::{DateTime, Utc};
use rxledger_gen::{GenConfig, Generator};
use rxledger_model::{Event, EventBody};
use rxledger_reconcile::{Config, Engine};

fn ts(e: &Event) -> DateTime<Utc> {
    e.entered_at.unwrap_or(e.occurred_at)
}

/// (rule, seq) of every finding of the engine over `events`, sorted.
fn findings(events: &[Event]) -> Vec<(String, u64)> {
    let mut engine = Engine::new(Config::default());
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        out.extend(engine.push(i as u64 + 1, ts(e), e));
    }
    out.extend(engine.finish());
    let mut got: Vec<(String, u64)> = out
        .into_iter()
        .map(|f| (f.rule.code().to_owned(), f.seq))
        .collect();
    got.sort();
    got
}

/// The first `n` events of `config` at `scale`, and the manifest of those events.
fn scaled(config: GenConfig, scale: u32, n: usize) -> (Vec<Event>, Vec<(String, u64)>) {
    let mut g = Generator::scaled(config, scale);
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
fn scale_one_is_the_default_stream() {
    let a: Vec<Event> = Generator::new(GenConfig::default()).take(3_000).collect();
    let b: Vec<Event> = Generator::scaled(GenConfig::default(), 1)
        .take(3_000)
        .collect();
    assert_eq!(a, b);
}

#[test]
fn a_scaled_clean_ledger_is_valid_dense_and_clean() {
    let (events, manifest) = scaled(GenConfig::default(), 12, 60_000);
    assert!(manifest.is_empty());
    for (i, e) in events.iter().enumerate() {
        assert!(e.validate().is_ok(), "event {}: {:?}", i + 1, e.validate());
    }
    // The master data of 12 lanes: 12 + 11 * 6 parties, 12 * 15 products, 12 * 4 zones.
    let master = events
        .iter()
        .filter(|e| {
            matches!(
                e.body,
                EventBody::PartyRegistered(_)
                    | EventBody::ProductRegistered(_)
                    | EventBody::ZoneRegistered(_)
            )
        })
        .count();
    assert_eq!(master, 78 + 180 + 48);
    // About 12 times the default's events per simulated day.
    let days =
        |ev: &[Event]| (ev[ev.len() - 1].occurred_at - ev[0].occurred_at).num_hours() as f64 / 24.0;
    let default: Vec<Event> = Generator::new(GenConfig::default()).take(10_000).collect();
    let ratio = (60_000.0 / days(&events)) / (10_000.0 / days(&default));
    assert!((8.0..16.0).contains(&ratio), "density ratio {ratio}");
    assert_eq!(findings(&events), Vec::<(String, u64)>::new());
}

#[test]
fn planted_violations_in_a_scaled_ledger_are_found_exactly() {
    let config = GenConfig {
        seed: 11,
        violations: 0.01,
        ..GenConfig::default()
    };
    let (events, manifest) = scaled(config, 6, 80_000);
    assert!(manifest.len() > 20, "too few planted: {}", manifest.len());
    // Some of them in the flows of the added lanes (whose customers' ids end in `L` + lane).
    let in_lanes = manifest
        .iter()
        .filter(|(_, seq)| {
            let json = String::from_utf8(events[*seq as usize - 1].to_json_bytes()).unwrap();
            (1..6).any(|k| json.contains(&format!("L{k:04}\"")))
        })
        .count();
    assert!(in_lanes > 5, "planted in the added lanes: {in_lanes}");
    assert_eq!(findings(&events), manifest);
}
