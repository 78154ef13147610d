//! A jump of the ledger's clock (one event dated months after the others, e.g. a mistyped year)
//! must not hang reconciliation: deadlines that look again later do so from their own time.

use std::sync::mpsc;
use std::time::Duration;

use chrono::TimeZone;
use rxledger_gen::{GenConfig, Generator};
use rxledger_model::{Event, EventBody};
use rxledger_reconcile::{Config, Engine, Finding};

fn reconcile(events: Vec<Event>, cfg: Config) -> Vec<Finding> {
    // Run on a thread so that a regression fails the test instead of hanging the suite.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut engine = Engine::new(cfg);
        let mut out = Vec::new();
        for (i, e) in events.iter().enumerate() {
            out.extend(engine.push(i as u64 + 1, e.occurred_at, e));
        }
        out.extend(engine.finish());
        let _ = tx.send(out);
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("reconciliation did not finish within 60 s")
}

fn jumped(years_later: i32) -> Vec<Event> {
    let mut events: Vec<Event> = Generator::new(GenConfig {
        seed: 5,
        ..GenConfig::default()
    })
    .take(300)
    .collect();
    let mut sale = events
        .iter()
        .rev()
        .find(|e| matches!(e.body, EventBody::Sale(_)))
        .expect("a sale")
        .clone();
    sale.occurred_at = chrono::Utc
        .with_ymd_and_hms(2026 + years_later, 5, 1, 2, 0, 0)
        .unwrap();
    sale.entered_at = Some(sale.occurred_at);
    events.push(sale);
    events
}

#[test]
fn a_clock_jump_of_months_or_years_finishes() {
    for years in [1, 10] {
        let f = reconcile(jumped(years), Config::default());
        // The jump passes every open deadline: unpaid invoices and the like become findings.
        assert!(!f.is_empty(), "{years} years later");
    }
}

#[test]
fn a_zero_return_window_does_not_loop() {
    let mut cfg = Config::default();
    cfg.thresholds.return_window_days = 0;
    let f = reconcile(jumped(1), cfg);
    assert!(!f.is_empty());
}
