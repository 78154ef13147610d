//! No input hangs the engine: arbitrary sequences of valid events (any instants and dates in the
//! format's years, any quantities and amounts up to their maxima) each take at most a bounded
//! time. The same inputs as the fuzz target `fuzz/fuzz_targets/engine.rs`, a few cases per run.

#[path = "support/engine_input.rs"]
#[allow(dead_code)]
mod engine_input;

use std::sync::OnceLock;
use std::time::Duration;

use chrono::TimeZone;
use engine_input::{build, run_timed, span_years, templates, Step, Templates};
use proptest::prelude::*;
use rxledger_model::{MAX_AMOUNT, MAX_QUANTITY};

/// Per event, in an unoptimised test build on a busy machine (each takes microseconds).
const BOUND: Duration = Duration::from_secs(2);

fn shared() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| templates(7, 2000))
}

fn extreme_u64(max: u64) -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0),
        Just(1),
        Just(max - 1),
        Just(max),
        0..=max,
        any::<u64>()
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let max_amount = MAX_AMOUNT.unsigned_abs();
    (
        any::<u32>(),
        prop_oneof![
            Just(0i64),
            -1440i64..=1440,
            // Years either way: across the whole window.
            -60 * 24 * 366 * 100i64..=60 * 24 * 366 * 100,
            any::<i64>(),
        ],
        prop_oneof![Just(0i32), -3650i32..=3650, any::<i32>()],
        proptest::option::of(extreme_u64(MAX_QUANTITY)),
        proptest::option::of(extreme_u64(max_amount)),
        prop_oneof![Just(0u32), 0u32..=60 * 24 * 400],
    )
        .prop_map(
            |(template, shift_minutes, shift_days, quantity, amount, record_delay_minutes)| Step {
                template,
                shift_minutes,
                shift_days,
                quantity,
                amount,
                record_delay_minutes,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_event_takes_bounded_time(steps in prop::collection::vec(step(), 1..48)) {
        let events = build(shared(), &steps);
        prop_assert!(events.len() > shared().master.len());
        run_timed(&events, BOUND);
    }
}

/// The extremes at once: the largest quantities and amounts on every event; half the templates
/// at their own times (so that many deadlines are open), then dates at both ends of the window in
/// alternation (the first a jump of 73 years past them all).
#[test]
fn extremes_take_bounded_time() {
    let t = shared();
    let half = t.events.len() as u32 / 2;
    let steps: Vec<Step> = (0..t.events.len() as u32)
        .map(|i| Step {
            template: i,
            shift_minutes: match i {
                i if i < half => 0,
                i if i % 2 == 0 => i64::MAX,
                _ => i64::MIN,
            },
            shift_days: if i % 3 == 0 { i32::MAX } else { i32::MIN },
            quantity: Some(MAX_QUANTITY - 1),
            amount: Some(MAX_AMOUNT.unsigned_abs()),
            record_delay_minutes: 0,
        })
        .collect();
    let events = build(t, &steps);
    assert_eq!(events.len(), t.master.len() + t.events.len());
    assert_eq!(span_years(&events[t.master.len()..]), (2000, 2099));
    assert!(run_timed(&events, BOUND) > 0);
}

/// The clock moving forward by weeks at every event, from 2000 to 2099: every deadline the
/// engine sets is passed, again and again.
#[test]
fn a_century_of_jumps_takes_bounded_time() {
    let t = shared();
    let n = i64::try_from(t.events.len()).unwrap();
    let start = chrono::Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap();
    let step = chrono::Duration::days(100 * 365) / i32::try_from(n).unwrap();
    let steps: Vec<Step> = (0..n)
        .map(|i| {
            let target = start + step * i32::try_from(i).unwrap();
            let template = &t.events[usize::try_from(i).unwrap()];
            Step {
                template: u32::try_from(i).unwrap(),
                shift_minutes: (target - template.occurred_at).num_minutes(),
                shift_days: 0,
                quantity: None,
                amount: None,
                record_delay_minutes: 1,
            }
        })
        .collect();
    let events = build(t, &steps);
    assert_eq!(events.len(), t.master.len() + t.events.len());
    let (first, last) = span_years(&events[t.master.len()..]);
    assert!(first == 2000 && last >= 2098, "{first} to {last}");
    assert!(run_timed(&events, BOUND) > 0);
}

/// Sets every quantity of an event to `u64::MAX` and every amount to `i64::MAX`, as no valid
/// event can have them (a ledger written through the raw API, or `Engine::push` called directly).
fn unvalidated_extremes(e: &mut rxledger_model::Event) {
    use rxledger_model::EventBody;
    match &mut e.body {
        EventBody::Receipt(r) => {
            for l in &mut r.lines {
                (l.arrived, l.accepted, l.rejected) = (u64::MAX, u64::MAX, 0);
            }
        }
        EventBody::PutAway(m) => m.lines.iter_mut().for_each(|l| l.quantity = u64::MAX),
        EventBody::Transfer(m) => m.lines.iter_mut().for_each(|l| l.quantity = u64::MAX),
        EventBody::Sale(s) => s.lines.iter_mut().for_each(|l| {
            (l.quantity, l.unit_price.minor) = (u64::MAX, i64::MAX);
        }),
        EventBody::Purchase(p) => p.lines.iter_mut().for_each(|l| {
            (l.quantity, l.unit_price.minor) = (u64::MAX, i64::MAX);
        }),
        EventBody::OutboundReview(r) => r.lines.iter_mut().for_each(|l| l.quantity = u64::MAX),
        EventBody::Dispatch(d) => d.lines.iter_mut().for_each(|l| l.quantity = u64::MAX),
        EventBody::Invoice(inv) => {
            inv.lines.iter_mut().for_each(|l| {
                (l.quantity, l.amount.minor) = (u64::MAX, i64::MAX);
            });
            inv.total.minor = i64::MAX;
        }
        EventBody::Payment(p) => p.amount.minor = i64::MAX,
        EventBody::StockCount(c) => c.lines.iter_mut().for_each(|l| l.counted = u64::MAX),
        _ => {}
    }
}

fn push_all(kinds: &[&str], rounds: usize) {
    let t = shared();
    let mut engine = rxledger_reconcile::Engine::new(rxledger_reconcile::Config::default());
    let mut seq = 0;
    for e in &t.master {
        seq += 1;
        engine.push(seq, e.occurred_at, e);
    }
    for _ in 0..rounds {
        for e in t
            .events
            .iter()
            .filter(|e| kinds.contains(&e.kind().as_str()))
        {
            let mut e = e.clone();
            unvalidated_extremes(&mut e);
            seq += 1;
            engine.push(seq, e.occurred_at, &e);
        }
    }
    engine.finish();
}

/// Stock never wraps: the same put-aways and transfers of `u64::MAX` units twice over, and stock
/// counts of `u64::MAX` (an overflow panic in this test build before the sums saturated).
#[test]
fn unvalidated_stock_movements_saturate() {
    push_all(&["put_away", "transfer", "stock_count"], 2);
}

/// Every kind at once. Needs the sums of `projections/documents.rs` (goods and invoiced
/// quantities) to saturate as well.
#[test]
fn unvalidated_extremes_do_not_panic() {
    let kinds: Vec<&str> = rxledger_model::Kind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    push_all(&kinds, 2);
}
