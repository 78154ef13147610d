//! Order independence: evidence that may arrive after the event it supports (a truck's
//! temperature log after the cold-chain receipt, invoices and credit notes after their goods or
//! after the payments that name them, payments after other records) is awaited within its settle
//! window, so recording it later within that window changes no finding: the same rules, naming
//! the same records, with the same facts.
//!
//! The shuffle moves evidence events later, past the events recorded after them whose
//! `occurred_at` is at most the evidence's own plus half its settle window (the seqs are the
//! new order; `occurred_at` stays). It runs over generated ledgers with planted violations and
//! over two ledgers written by an independent author from `docs/` alone
//! (`tests/fixtures/independent/`, see its README).
//!
//! One move is left out on purpose: an invoice is not moved past a cash payment naming it.
//! `SPECIAL-CASH` and `EPH-RETAIL` judge a cash payment at once against the invoices already
//! booked (special family).

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use rxledger_gen::{GenConfig, Generator};
use rxledger_model::{Event, EventBody, PaymentMethod};
use rxledger_reconcile::{Config, Engine, Finding, Pending};

fn ts(e: &Event) -> DateTime<Utc> {
    e.entered_at.unwrap_or(e.occurred_at)
}

/// Findings and open items of `events` in the order `order` (indices into `events`), with every
/// seq mapped back to the event's 1-based position in `events`, sorted.
fn run(events: &[Event], order: &[usize]) -> (Vec<Finding>, Vec<Pending>) {
    let mut engine = Engine::new(Config::default());
    let mut out = Vec::new();
    for (i, &k) in order.iter().enumerate() {
        out.extend(engine.push(i as u64 + 1, ts(&events[k]), &events[k]));
    }
    let (last, mut pending) = engine.finish_with_pending();
    out.extend(last);
    let back = |s: u64| order[usize::try_from(s).unwrap() - 1] as u64 + 1;
    let remap = |seq: &mut u64, seqs: &mut Vec<u64>| {
        *seq = back(*seq);
        for s in seqs.iter_mut() {
            *s = back(*s);
        }
        seqs.sort_unstable();
    };
    for f in &mut out {
        remap(&mut f.seq, &mut f.seqs);
    }
    for p in &mut pending {
        remap(&mut p.seq, &mut p.seqs);
    }
    out.sort_by_cached_key(|f| (f.seq, f.rule, format!("{f:?}")));
    pending.sort_by_cached_key(|p| (p.seq, p.rule, format!("{p:?}")));
    (out, pending)
}

/// Half the settle window of an evidence event, or `None` for other events: a truck's log is
/// awaited `logger_settle_hours` by its receipt; an invoice `orphan_days` by the payments and
/// credit notes naming it; a credit note or a payment corrects an excess that waits
/// `correction_days`.
fn window(e: &Event) -> Option<Duration> {
    let t = &Config::default().thresholds;
    match &e.body {
        EventBody::TemperatureReading(r) if r.vehicle.is_some() => {
            Some(Duration::hours(t.logger_settle_hours) / 2)
        }
        EventBody::Invoice(inv) if inv.credit_for.is_none() => {
            Some(Duration::days(t.orphan_days) / 2)
        }
        EventBody::Invoice(_) | EventBody::Payment(_) => {
            Some(Duration::days(t.correction_days) / 2)
        }
        _ => None,
    }
}

/// Whether evidence event `e` may be recorded after `other`.
fn may_pass(e: &Event, other: &Event) -> bool {
    match (&e.body, &other.body) {
        (EventBody::Invoice(inv), EventBody::Payment(p)) => {
            p.method != PaymentMethod::Cash || !p.invoices.contains(&inv.doc)
        }
        _ => true,
    }
}

/// The order of `events` after delaying evidence: each `(pick, hop)` moves one evidence event
/// (the `pick`-th, cyclically) later by up to `hop` places within its window.
fn delayed(events: &[Event], moves: &[(usize, usize)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..events.len()).collect();
    let evidence: Vec<usize> = (0..events.len())
        .filter(|&i| window(&events[i]).is_some())
        .collect();
    if evidence.is_empty() {
        return order;
    }
    for &(pick, hop) in moves {
        let k = evidence[pick % evidence.len()];
        let (e, w) = (&events[k], window(&events[k]).unwrap_or_default());
        let Some(from) = order.iter().position(|&x| x == k) else {
            continue;
        };
        let mut to = from;
        while to + 1 < order.len()
            && to - from < hop
            && events[order[to + 1]].occurred_at <= e.occurred_at + w
            && may_pass(e, &events[order[to + 1]])
        {
            to += 1;
        }
        let k = order.remove(from);
        order.insert(to, k);
    }
    order
}

///
/// The temperature data integrity rules are not planted: they judge uploads in the order they
/// were recorded on purpose (of two disagreeing uploads of one sensor the later record is the
/// one that contradicts the record; a flat run ends at the upload that breaks it), so moving an
/// upload legitimately moves their findings.
fn generated(seed: u64, n: usize) -> Vec<Event> {
    let rules = rxledger_gen::PLANTABLE
        .iter()
        .filter(|r| {
            !r.starts_with("TEMP-") || matches!(**r, "TEMP-RANGE" | "TEMP-GAP" | "TEMP-ZONE")
        })
        .map(|r| (*r).to_owned())
        .collect();
    Generator::new(GenConfig {
        seed,
        violations: 0.02,
        rules,
        ..GenConfig::default()
    })
    .take(n)
    .collect()
}

/// The events of an independent ledger (`tests/fixtures/independent/NAME.jsonl`).
fn independent(name: &str) -> Vec<Event> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/independent")
        .join(format!("{name}.jsonl"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| Event::from_json(l).unwrap())
        .collect()
}

/// The `RULE SEQ` lines of an independent ledger's `.expected`.
fn expected(name: &str) -> Vec<(String, u64)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/independent")
        .join(format!("{name}.expected"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut w = l.split_whitespace();
            let rule = w.next().unwrap().to_owned();
            (rule, w.next().unwrap().parse().unwrap())
        })
        .collect()
}

const LOGGER: &str = "08-cold-chain-logger-uploaded-after-receipt";
const EXCESS: &str = "21-ttgk-invoice-exceeds-accepted";

#[test]
fn independent_ledgers_report_their_expected_findings() {
    for name in [LOGGER, EXCESS] {
        let events = independent(name);
        let order: Vec<usize> = (0..events.len()).collect();
        let (found, _) = run(&events, &order);
        let got: Vec<(String, u64)> = found
            .iter()
            .map(|f| (f.rule.code().to_owned(), f.seq))
            .collect();
        assert_eq!(got, expected(name), "{name}: {found:#?}");
    }
}

#[test]
fn the_shuffle_moves_evidence_past_what_it_supports() {
    // The logger upload of 08 moves past the put-away; the purchase invoice of 21 past the
    // sale, review and dispatch, and so on: the property below is not vacuous.
    for name in [LOGGER, EXCESS] {
        let events = independent(name);
        let order = delayed(&events, &[(0, 3), (1, 5), (2, 5), (3, 5)]);
        assert_ne!(order, (0..events.len()).collect::<Vec<_>>(), "{name}");
    }
    let events = generated(7, 8000);
    let mut rng = 12_345_u64;
    let moves: Vec<(usize, usize)> = (0..200)
        .map(|_| {
            rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (
                (rng >> 20) as usize % 100_000,
                1 + (rng >> 40) as usize % 4000,
            )
        })
        .collect();
    let order = delayed(&events, &moves);
    let displaced = order.iter().enumerate().filter(|(i, k)| i != *k).count();
    assert!(displaced > 1000, "{displaced}");
    // Some payments are now recorded before the invoice they settle.
    let at: std::collections::HashMap<usize, usize> =
        order.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let invoice_at: std::collections::HashMap<&str, usize> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match &e.body {
            EventBody::Invoice(inv) => Some((inv.doc.as_str(), at[&i])),
            _ => None,
        })
        .collect();
    let early = events
        .iter()
        .enumerate()
        .filter(|(i, e)| match &e.body {
            EventBody::Payment(p) => p
                .invoices
                .iter()
                .any(|n| invoice_at.get(n.as_str()).is_some_and(|j| at[i] < *j)),
            _ => false,
        })
        .count();
    assert!(early > 0);
    assert_eq!(
        run(&events, &order),
        run(&events, &(0..events.len()).collect::<Vec<_>>())
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10))]

    /// Generated ledgers (with planted violations): delaying evidence within its window
    /// changes neither the findings nor the open items.
    #[test]
    fn findings_do_not_depend_on_when_evidence_is_recorded(
        seed in 0u64..500,
        moves in prop::collection::vec((0usize..100_000, 1usize..4000), 1..200),
    ) {
        let events = generated(seed, 8000);
        let identity: Vec<usize> = (0..events.len()).collect();
        let order = delayed(&events, &moves);
        prop_assert_eq!(run(&events, &order), run(&events, &identity));
    }

    /// The independent ledgers: the same, for every way of delaying their evidence.
    #[test]
    fn independent_ledgers_do_not_depend_on_when_evidence_is_recorded(
        moves in prop::collection::vec((0usize..1000, 1usize..20), 1..12),
    ) {
        for name in [LOGGER, EXCESS] {
            let events = independent(name);
            let identity: Vec<usize> = (0..events.len()).collect();
            let order = delayed(&events, &moves);
            prop_assert_eq!(run(&events, &order), run(&events, &identity), "{}", name);
        }
    }
}
