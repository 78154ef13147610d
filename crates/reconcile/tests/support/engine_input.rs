//! Arbitrary sequences of valid events for the engine, shared by the proptest
//! (`tests/engine_bounds.rs`) and the fuzz target (`fuzz/fuzz_targets/engine.rs`, which includes
//! this file): templates from the generator, each step taking one and moving its instants and
//! dates anywhere in the format's years and setting its quantities and amounts anywhere in their
//! ranges, keeping the event valid. The engine must take at most a bound per event.

use std::time::{Duration as Elapsed, Instant};

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use rxledger_gen::{GenConfig, Generator};
use rxledger_model::{Event, EventBody, Money, MAX_AMOUNT, MAX_QUANTITY, YEARS};
use rxledger_reconcile::{Config, Engine};

/// One event of an input: a template and how to change it.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    /// Which template (modulo their number).
    pub template: u32,
    /// Minutes added to every instant of the event (kept within the format's years).
    pub shift_minutes: i64,
    /// Days added to every date of the event (kept within the format's years).
    pub shift_days: i32,
    /// Quantity of every line (taken modulo the largest quantity), or the template's.
    pub quantity: Option<u64>,
    /// Amount of a payment, unit price of a line (taken modulo the largest amount), or the
    /// template's.
    pub amount: Option<u64>,
    /// Minutes from the event to its recording.
    pub record_delay_minutes: u32,
}

/// Events of a generated ledger: master data first, then the rest.
pub struct Templates {
    /// Registrations and licence changes, fed unchanged before the steps.
    pub master: Vec<Event>,
    /// Everything else: the templates of the steps.
    pub events: Vec<Event>,
}

/// The first `n` events of the generator's ledger with `seed` (violations planted).
pub fn templates(seed: u64, n: usize) -> Templates {
    let cfg = GenConfig {
        seed,
        violations: 0.05,
        ..GenConfig::default()
    };
    let (master, events) = Generator::new(cfg).take(n).partition(|e| {
        matches!(
            e.body,
            EventBody::PartyRegistered(_)
                | EventBody::ProductRegistered(_)
                | EventBody::ZoneRegistered(_)
                | EventBody::LicenceChanged(_)
        )
    });
    Templates { master, events }
}

fn first_instant() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(*YEARS.start(), 1, 1, 0, 0, 0).unwrap()
}

fn last_instant() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(*YEARS.end(), 12, 31, 23, 59, 59)
        .unwrap()
}

/// Every instant of an event.
fn instants(e: &mut Event) -> Vec<&mut DateTime<Utc>> {
    let mut out = vec![&mut e.occurred_at];
    if let Some(t) = e.entered_at.as_mut() {
        out.push(t);
    }
    match &mut e.body {
        EventBody::Receipt(r) => out.extend(r.transport.as_mut().map(|t| &mut t.shipped_at)),
        EventBody::TemperatureReading(t) => out.extend(t.readings.iter_mut().map(|r| &mut r.at)),
        EventBody::LossReport(l) => out.push(&mut l.discovered_at),
        _ => {}
    }
    out
}

/// Every date of an event.
fn dates(e: &mut Event) -> Vec<&mut NaiveDate> {
    let mut out = Vec::new();
    match &mut e.body {
        EventBody::Receipt(r) => {
            for l in &mut r.lines {
                out.push(&mut l.production_date);
                out.push(&mut l.expiry);
            }
        }
        EventBody::Sale(s) => out.extend(s.lines.iter_mut().map(|l| &mut l.expiry)),
        EventBody::OutboundReview(r) => out.extend(r.lines.iter_mut().map(|l| &mut l.expiry)),
        EventBody::Invoice(i) => out.push(&mut i.issued_on),
        _ => {}
    }
    out
}

/// Moves every instant by `minutes`, clamped so that all stay within the format's years.
fn shift_instants(e: &mut Event, minutes: i64) {
    let all = instants(e);
    let (Some(lo), Some(hi)) = (all.iter().map(|t| **t).min(), all.iter().map(|t| **t).max())
    else {
        return;
    };
    let min = (first_instant() - lo).num_minutes();
    let max = (last_instant() - hi).num_minutes();
    let d = Duration::minutes(minutes.clamp(min.min(0), max.max(0)));
    for t in all {
        *t += d;
    }
}

/// Moves every date by `days`, clamped so that all stay within the format's years.
fn shift_dates(e: &mut Event, days: i32) {
    let all = dates(e);
    let (Some(lo), Some(hi)) = (all.iter().map(|d| **d).min(), all.iter().map(|d| **d).max())
    else {
        return;
    };
    let first = NaiveDate::from_ymd_opt(*YEARS.start(), 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(*YEARS.end(), 12, 31).unwrap();
    let (min, max) = ((first - lo).num_days(), (last - hi).num_days());
    let d = Duration::days(i64::from(days).clamp(min.min(0), max.max(0)));
    for x in all {
        *x += d;
    }
}

/// A unit price for a line of `q` units among `lines`, so that the line's value and the
/// invoice's total stay within the largest amount.
fn price_for(amount: u64, q: u64, lines: usize) -> i64 {
    let cap = MAX_AMOUNT / i64::try_from(q.max(1)).unwrap() / i64::try_from(lines.max(1)).unwrap();
    i64::try_from(amount % (cap.unsigned_abs() + 1)).unwrap()
}

/// Sets every line's quantity to `q` (1 to the largest quantity) and, with `amount`, prices and
/// payment amounts, keeping the event consistent.
#[allow(clippy::too_many_lines)] // one arm per kind with lines
fn set_figures(e: &mut Event, q: Option<u64>, amount: Option<u64>) {
    let q = q.map(|q| 1 + q % MAX_QUANTITY);
    let keep = |old: u64| q.unwrap_or(old);
    match &mut e.body {
        EventBody::Purchase(p) => {
            for l in &mut p.lines {
                l.quantity = keep(l.quantity);
                let a = amount.unwrap_or(l.unit_price.minor.unsigned_abs());
                l.unit_price.minor = price_for(a, l.quantity, 1);
            }
        }
        EventBody::Receipt(r) => {
            for l in &mut r.lines {
                l.arrived = keep(l.arrived);
                l.rejected = l.rejected.min(l.arrived);
                l.accepted = l.arrived - l.rejected;
                l.codes
                    .truncate(usize::try_from(l.arrived).unwrap_or(usize::MAX));
            }
        }
        EventBody::PutAway(m) => move_lines(&mut m.lines, q),
        EventBody::Transfer(m) => move_lines(&mut m.lines, q),
        EventBody::Sale(s) => {
            for l in &mut s.lines {
                l.quantity = keep(l.quantity);
                let a = amount.unwrap_or(l.unit_price.minor.unsigned_abs());
                l.unit_price.minor = price_for(a, l.quantity, 1);
            }
        }
        EventBody::OutboundReview(r) => {
            for l in &mut r.lines {
                l.quantity = keep(l.quantity);
            }
        }
        EventBody::Dispatch(d) => out_lines(&mut d.lines, q),
        EventBody::SupplierReturn(r) => out_lines(&mut r.lines, q),
        EventBody::Destruction(d) => out_lines(&mut d.lines, q),
        EventBody::LossReport(l) => out_lines(&mut l.lines, q),
        EventBody::CustomerReturn(r) => {
            for l in &mut r.lines {
                l.quantity = keep(l.quantity);
                l.codes
                    .truncate(usize::try_from(l.quantity).unwrap_or(usize::MAX));
            }
        }
        EventBody::StockCount(c) => {
            for l in &mut c.lines {
                // A count may be zero.
                l.counted = q.map_or(l.counted, |q| q - 1);
            }
        }
        EventBody::Invoice(inv) => {
            let n = inv.lines.len();
            let mut total = 0i64;
            for l in &mut inv.lines {
                l.quantity = keep(l.quantity);
                let a = amount.unwrap_or(l.unit_price.minor.unsigned_abs());
                l.unit_price.minor = price_for(a, l.quantity, n);
                l.amount = Money {
                    minor: l.unit_price.minor * i64::try_from(l.quantity).unwrap(),
                    currency: l.unit_price.currency,
                };
                total += l.amount.minor;
            }
            inv.total.minor = total;
        }
        EventBody::Payment(p) => {
            if let Some(a) = amount {
                p.amount.minor = 1 + i64::try_from(a % MAX_AMOUNT.unsigned_abs()).unwrap();
            }
        }
        _ => {}
    }
}

fn move_lines(lines: &mut [rxledger_model::MoveLine], q: Option<u64>) {
    for l in lines {
        l.quantity = q.unwrap_or(l.quantity);
        l.codes
            .truncate(usize::try_from(l.quantity).unwrap_or(usize::MAX));
    }
}

fn out_lines(lines: &mut [rxledger_model::OutLine], q: Option<u64>) {
    for l in lines {
        l.quantity = q.unwrap_or(l.quantity);
        l.codes
            .truncate(usize::try_from(l.quantity).unwrap_or(usize::MAX));
    }
}

/// A fresh UUID version 7 for the `n`th event of an input.
fn id(at: DateTime<Utc>, n: usize) -> uuid::Uuid {
    let ms = u128::try_from(at.timestamp_millis().max(0)).unwrap_or(0) & ((1 << 48) - 1);
    let raw = (ms << 80) | (n as u128);
    uuid::Uuid::from_u128((raw & !(0xF << 76) & !(0b11 << 62)) | (0x7 << 76) | (0b10 << 62))
}

/// The events of an input, each with its recording instant: the master data, then one event per
/// step. A changed event that is not valid falls back to its template at the changed time, or is
/// left out.
pub fn build(t: &Templates, steps: &[Step]) -> Vec<(DateTime<Utc>, Event)> {
    let mut out: Vec<(DateTime<Utc>, Event)> = t
        .master
        .iter()
        .map(|e| (e.occurred_at, e.clone()))
        .collect();
    if t.events.is_empty() {
        return out;
    }
    for s in steps {
        let template = &t.events[s.template as usize % t.events.len()];
        let mut timed = template.clone();
        shift_instants(&mut timed, s.shift_minutes);
        timed.id = id(timed.occurred_at, out.len());
        let mut e = timed.clone();
        shift_dates(&mut e, s.shift_days);
        set_figures(&mut e, s.quantity, s.amount);
        let e = if e.validate().is_ok() {
            e
        } else if timed.validate().is_ok() {
            timed
        } else {
            continue;
        };
        let delay = Duration::minutes(i64::from(s.record_delay_minutes));
        let recorded = (e.occurred_at + delay).min(last_instant());
        out.push((recorded, e));
    }
    out
}

/// Feeds `events` to a fresh engine, calling `done` with the number of findings and the time
/// taken of each event, then of the end.
fn feed(events: &[(DateTime<Utc>, Event)], mut done: impl FnMut(usize, Elapsed)) {
    let mut engine = Engine::new(Config::default());
    for (i, (recorded, e)) in events.iter().enumerate() {
        let start = Instant::now();
        let n = engine.push(i as u64 + 1, *recorded, e).len();
        done(n, start.elapsed());
    }
    let start = Instant::now();
    let n = engine.finish().len();
    done(n, start.elapsed());
}

fn describe(events: &[(DateTime<Utc>, Event)], i: usize) -> String {
    events.get(i).map_or_else(
        || "the end".to_owned(),
        |(_, e)| format!("event {i} ({}, {})", e.kind(), e.occurred_at),
    )
}

fn check_valid(events: &[(DateTime<Utc>, Event)]) {
    for (i, (_, e)) in events.iter().enumerate() {
        assert!(e.validate().is_ok(), "event {i} is not valid: {e:?}");
    }
}

/// Feeds `events` to a fresh engine; panics if one event (or the end) takes longer than `bound`.
/// A hang is left to the caller's watchdog (libFuzzer's `-timeout`). Returns the number of
/// findings.
pub fn run_inline(events: &[(DateTime<Utc>, Event)], bound: Elapsed) -> usize {
    check_valid(events);
    let (mut i, mut findings) = (0, 0);
    feed(events, |n, took| {
        assert!(took <= bound, "{} took {took:?}", describe(events, i));
        findings += n;
        i += 1;
    });
    findings
}

/// [`run_inline`] on another thread, so that a hang fails too.
pub fn run_timed(events: &[(DateTime<Utc>, Event)], bound: Elapsed) -> usize {
    check_valid(events);
    let (tx, rx) = std::sync::mpsc::channel();
    let owned = events.to_vec();
    std::thread::spawn(move || {
        feed(&owned, |n, took| {
            let _ = tx.send((n, took));
        });
    });
    let mut findings = 0;
    for i in 0..=events.len() {
        // A little slack for the thread's start and the hand-over.
        let (n, took) = rx
            .recv_timeout(bound + Elapsed::from_millis(500))
            .unwrap_or_else(|_| panic!("{} did not finish within {bound:?}", describe(events, i)));
        assert!(took <= bound, "{} took {took:?}", describe(events, i));
        findings += n;
    }
    findings
}

/// The first and last year of the events (what an input covered).
pub fn span_years(events: &[(DateTime<Utc>, Event)]) -> (i32, i32) {
    let years = events.iter().map(|(_, e)| e.occurred_at.year());
    (years.clone().min().unwrap_or(0), years.max().unwrap_or(0))
}
