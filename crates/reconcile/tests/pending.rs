//! Late evidence and open items, on the two independent ledgers of `tests/fixtures/independent`
//! and variations of them: what may still be settled waits for its window and is pending
//! meanwhile; what is certain is reported at once.

use chrono::{DateTime, Utc};
use rxledger_model::Event;
use rxledger_reconcile::{Config, Engine, Fact, Finding, Pending};
use serde_json::{json, Value};

const LOGGER: &str = "08-cold-chain-logger-uploaded-after-receipt";
const EXCESS: &str = "21-ttgk-invoice-exceeds-accepted";

/// The events of an independent ledger, as JSON values to vary.
fn ledger(name: &str) -> Vec<Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/independent")
        .join(format!("{name}.jsonl"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A fresh event id for every event (an id is unique in a ledger: EVENT-DUP).
fn next_id() -> String {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("01a11faf-d720-7b7b-a756-{n:012x}")
}

/// An event that happened (and was entered) at `at`.
fn event(kind: &str, at: &str, refs: Value, data: Value) -> Value {
    json!({"v": 1, "id": next_id(), "kind": kind, "occurred_at": at,
           "recorded_by": ["测试"], "refs": refs, "data": data})
}

/// A zone registered at `at` (the clock moves on; nothing else changes).
fn later(at: &str) -> Value {
    event(
        "zone_registered",
        at,
        json!({}),
        json!({"zone": "Z-LATER", "storage": "ambient", "sensors": ["S-LATER"]}),
    )
}

fn run_with(values: &[Value], cfg: Config) -> (Vec<Finding>, Vec<Pending>) {
    let mut engine = Engine::new(cfg);
    let mut found = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let e = Event::from_value(v.clone()).unwrap();
        found.extend(engine.push(i as u64 + 1, e.entered_at.unwrap_or(e.occurred_at), &e));
    }
    let (last, pending) = engine.finish_with_pending();
    found.extend(last);
    (found, pending)
}

fn run(values: &[Value]) -> (Vec<Finding>, Vec<Pending>) {
    run_with(values, Config::default())
}

fn rules(found: &[Finding]) -> Vec<(String, u64)> {
    found
        .iter()
        .map(|f| (f.rule.code().to_owned(), f.seq))
        .collect()
}

fn pending_of<'a>(pending: &'a [Pending], rule: &str) -> Vec<&'a Pending> {
    pending.iter().filter(|p| p.rule == rule).collect()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A purchase credit note for `qty` boxes of 21's product against invoice `credited`.
fn credit_note(at: &str, doc: &str, credited: &str, qty: u64) -> Value {
    event(
        "invoice",
        at,
        json!({"order": "CG2026100800301"}),
        json!({"doc": doc, "direction": "purchase", "issuer": "91330110143958275Q",
               "buyer": "91330106MA2H7K3Q0L", "issued_on": &at[..10], "credit_for": credited,
               "lines": [{"product": "86933021156015", "quantity": qty,
                          "unit_price": {"minor": 860, "currency": "CNY"},
                          "amount": {"minor": 860 * qty, "currency": "CNY"}}],
               "total": {"minor": 860 * qty, "currency": "CNY"}}),
    )
}

/// A payment to 21's supplier of `minor` fen for `invoice` from the account `account`.
fn supplier_payment(at: &str, invoice: &str, minor: i64, account: &str) -> Value {
    event(
        "payment",
        at,
        json!({}),
        json!({"doc": "FK-TEST", "direction": "outgoing", "payer": "91330106MA2H7K3Q0L",
               "payee": "91330110143958275Q", "payer_account": "1202024109900456781",
               "payee_account": account, "amount": {"minor": minor, "currency": "CNY"},
               "method": "bank_transfer", "invoices": [invoice]}),
    )
}

const INVOICE_21: &str = "26332000000103700311";
const SUPPLIER_ACCOUNT_21: &str = "33050161623500000917";

#[test]
fn an_invoiced_excess_is_pending_at_once_and_a_finding_when_its_correction_window_closes() {
    let l = ledger(EXCESS);
    // On day 3 after the invoice (seq 9): not a finding yet, but an open item that names the
    // invoice, is due 14 days after it and says what would close it.
    let (found, pending) = run(&l[..12]);
    assert!(rules(&found).is_empty(), "{found:#?}");
    let p = pending_of(&pending, "TTGK-P");
    assert_eq!(p.len(), 1, "{pending:#?}");
    assert_eq!((p[0].seq, p[0].due), (9, at("2026-10-23T08:00:00Z")));
    assert_eq!(p[0].seqs, [7, 9]);
    assert_eq!(p[0].message.id, "ttgk-overinvoiced");
    assert_eq!(p[0].closed_by.id, "ttgk-overinvoiced-closed-by");
    assert_eq!(p[0].closed_by.get("excess"), Some(&Fact::Int(20)));
    // At the end of the ledger (16 days after the invoice) it is a finding.
    let (found, pending) = run(&l);
    assert_eq!(rules(&found), [("TTGK-P".to_owned(), 9)]);
    assert!(pending_of(&pending, "TTGK-P").is_empty());
    assert_eq!(found[0].seqs, [7, 9]);
}

/// A ledger that ends exactly at a deadline has not passed it (an event at that instant would
/// still be in time): the item is open; a second later it is a finding.
#[test]
fn a_ledger_ending_exactly_at_a_deadline_leaves_it_open() {
    let l = ledger(EXCESS);
    let mut at_deadline = l[..12].to_vec();
    at_deadline.push(later("2026-10-23T08:00:00Z"));
    let (found, pending) = run(&at_deadline);
    assert!(rules(&found).is_empty(), "{found:#?}");
    assert_eq!(pending_of(&pending, "TTGK-P").len(), 1, "{pending:#?}");
    let mut after = l[..12].to_vec();
    after.push(later("2026-10-23T08:00:01Z"));
    let (found, pending) = run(&after);
    assert_eq!(rules(&found), [("TTGK-P".to_owned(), 9)]);
    assert!(pending_of(&pending, "TTGK-P").is_empty());
}

#[test]
fn an_excess_corrected_in_time_is_no_finding() {
    // A credit note for the 20 rejected boxes, a week after the invoice.
    let mut l = ledger(EXCESS);
    l.insert(
        12,
        credit_note("2026-10-16T10:00:00+08:00", "CN-1", INVOICE_21, 20),
    );
    let (found, pending) = run(&l);
    assert!(rules(&found).is_empty(), "{found:#?}");
    assert!(pending_of(&pending, "TTGK-P").is_empty());
    // The 20 boxes delivered again instead, a week later.
    let mut l = ledger(EXCESS);
    let mut again = l[6].clone();
    again["occurred_at"] = json!("2026-10-16T10:00:00+08:00");
    again["entered_at"] = json!("2026-10-16T10:03:00+08:00");
    again["data"]["doc"] = json!("SH-AGAIN");
    again["data"]["lines"][0]["arrived"] = json!(20);
    again["data"]["lines"][0]["accepted"] = json!(20);
    again["data"]["lines"][0]["rejected"] = json!(0);
    again["data"]["lines"][0]["batch"] = json!("B-AGAIN");
    l.insert(12, again);
    let (found, _) = run(&l);
    assert!(
        !rules(&found).iter().any(|(r, _)| r == "TTGK-P"),
        "{found:#?}"
    );
}

#[test]
fn a_credit_note_before_its_invoice_waits_for_it() {
    // The supplier's credit note for the 20 rejected boxes is recorded before its invoice: it
    // is applied when the invoice is booked (no ORPHAN, no excess).
    let mut l = ledger(EXCESS);
    l.insert(
        8,
        credit_note("2026-10-09T15:00:00+08:00", "CN-1", INVOICE_21, 20),
    );
    let (found, pending) = run(&l);
    assert!(rules(&found).is_empty(), "{found:#?}");
    assert!(pending_of(&pending, "ORPHAN").is_empty());
    let unpaid = pending_of(&pending, "UNPAID");
    assert_eq!(unpaid.len(), 1);
    assert_eq!(
        unpaid[0].closed_by.get("amount"),
        Some(&Fact::Amount {
            minor: 860 * 980,
            currency: "CNY".into()
        })
    );
    // A credit note for an invoice never booked: pending within the orphan window, an ORPHAN
    // finding at the credit note after it.
    let mut l = ledger(EXCESS);
    l.push(credit_note("2026-10-24T09:00:00+08:00", "CN-2", "NOPE", 20));
    let (found, pending) = run(&l);
    assert!(!rules(&found).iter().any(|(r, _)| r == "ORPHAN"));
    let orphan = pending_of(&pending, "ORPHAN");
    assert_eq!(orphan.len(), 1);
    assert_eq!(
        (orphan[0].seq, orphan[0].due),
        (16, at("2026-11-23T01:00:00Z"))
    );
    l.push(later("2026-11-24T09:00:00+08:00"));
    let (found, _) = run(&l);
    assert!(rules(&found).contains(&("ORPHAN".to_owned(), 16)));
}

#[test]
fn a_payment_before_its_invoice_is_applied_when_it_is_booked() {
    // A prepayment of the invoice's net amount, recorded before the invoice (and the credit
    // note that brings it to what was accepted).
    let mut l = ledger(EXCESS);
    l.insert(
        7,
        supplier_payment(
            "2026-10-09T11:00:00+08:00",
            INVOICE_21,
            860 * 980,
            SUPPLIER_ACCOUNT_21,
        ),
    );
    l.insert(
        10,
        credit_note("2026-10-09T16:30:00+08:00", "CN-1", INVOICE_21, 20),
    );
    let (found, pending) = run(&l);
    assert!(rules(&found).is_empty(), "{found:#?}");
    assert!(pending.is_empty(), "{pending:#?}");
    // Paid from an account not registered for the supplier: certain once the invoice is
    // booked, and reported then at the payment.
    let mut l = ledger(EXCESS);
    l.insert(
        7,
        supplier_payment(
            "2026-10-09T11:00:00+08:00",
            INVOICE_21,
            860 * 1000,
            "6217001540012345678",
        ),
    );
    let mut engine = Engine::new(Config::default());
    let mut when = Vec::new();
    for (i, v) in l.iter().enumerate() {
        let e = Event::from_value(v.clone()).unwrap();
        for f in engine.push(i as u64 + 1, e.occurred_at, &e) {
            when.push((f.rule.code(), f.seq, i + 1, f.seqs));
        }
    }
    // (The invoiced excess of 20 boxes follows once its correction window has closed.)
    assert_eq!(
        when,
        [
            ("TTGK-P", 8, 10, vec![8, 10]),
            ("TTGK-P", 10, 16, vec![7, 10])
        ]
    );
}

#[test]
fn an_overpayment_is_pending_until_refunded_or_its_window_closes() {
    // The customer pays 3,100.00 on a 3,030.00 invoice (seq 13) on 10-22.
    let mut l = ledger(EXCESS);
    l[13]["data"]["amount"]["minor"] = json!(310_000);
    let (found, pending) = run(&l);
    assert!(
        !rules(&found).iter().any(|(r, _)| r == "TTGK-S"),
        "{found:#?}"
    );
    let over = pending_of(&pending, "TTGK-S");
    assert_eq!(over.len(), 1, "{pending:#?}");
    assert_eq!((over[0].seq, over[0].seqs.clone()), (13, vec![13, 14]));
    assert_eq!(over[0].message.id, "ttgk-overpaid");
    assert_eq!(
        over[0].closed_by.get("amount"),
        Some(&Fact::Amount {
            minor: 7000,
            currency: "CNY".into()
        })
    );
    let mut uncorrected = l.clone();
    uncorrected.push(later("2026-11-06T09:00:00+08:00"));
    assert!(rules(&run(&uncorrected).0).contains(&("TTGK-S".to_owned(), 13)));
    // Refunded within the window: nothing.
    let mut refunded = l.clone();
    refunded.push(event(
        "payment",
        "2026-10-24T10:00:00+08:00",
        json!({}),
        json!({"doc": "FK-REFUND", "direction": "outgoing", "payer": "91330106MA2H7K3Q0L",
               "payee": "91330100MA27R9NJ0W", "payer_account": "1202024109900456781",
               "payee_account": "1202020709900212456", "amount": {"minor": 7000, "currency": "CNY"},
               "method": "bank_transfer", "invoices": ["26332000000104470311"]}),
    ));
    refunded.push(later("2026-11-06T09:00:00+08:00"));
    let (found, pending) = run(&refunded);
    assert!(
        !rules(&found).iter().any(|(r, _)| r == "TTGK-S"),
        "{found:#?}"
    );
    assert!(pending_of(&pending, "TTGK-S").is_empty());
}

#[test]
fn a_receipt_waits_for_its_trucks_log() {
    let l = ledger(LOGGER);
    // The ledger ends right after the receipt (seq 7): the log may still come.
    let (found, pending) = run(&l[..7]);
    assert!(rules(&found).is_empty(), "{found:#?}");
    let cc = pending_of(&pending, "CC-RECEIPT");
    assert_eq!(cc.len(), 1);
    assert_eq!((cc[0].seq, cc[0].due), (7, at("2026-10-14T06:40:00Z")));
    assert_eq!(cc[0].message.id, "cc-receipt-pending");
    assert_eq!(cc[0].closed_by.id, "cc-receipt-closed-by");
    // Uploaded 18 minutes later: quiet, and nothing pending.
    let (found, pending) = run(&l);
    assert!(rules(&found).is_empty(), "{found:#?}");
    assert!(pending_of(&pending, "CC-RECEIPT").is_empty());
    // Half of the log before the receipt, half after: quiet too.
    let mut split = l.clone();
    let readings = l[7]["data"]["readings"].as_array().unwrap().clone();
    let mid = readings.len() / 2;
    let mut first = l[7].clone();
    first["id"] = json!(next_id());
    first["data"]["readings"] = json!(readings[..mid]);
    first["occurred_at"] = json!("2026-10-14T09:00:00+08:00");
    first["entered_at"] = json!("2026-10-14T09:00:00+08:00");
    split[7]["data"]["readings"] = json!(readings[mid..]);
    split.insert(6, first);
    let (found, _) = run(&split);
    assert!(rules(&found).is_empty(), "{found:#?}");
    // Never uploaded: a finding once the window has passed.
    let mut missing = l.clone();
    missing.remove(7);
    let (found, _) = run(&missing);
    assert_eq!(rules(&found), [("CC-RECEIPT".to_owned(), 7)]);
    assert_eq!(
        found[0].message.get("problem"),
        Some(&Fact::Term("no_readings".into()))
    );
}

#[test]
fn what_is_certain_is_reported_at_once() {
    let mut l = ledger(LOGGER);
    l.remove(7);
    // Without the window, the receipt is judged at once.
    let cfg = Config::from_toml("[thresholds]\nlogger_settle_hours = 0\n").unwrap();
    let mut engine = Engine::new(cfg);
    let mut at_receipt = Vec::new();
    for (i, v) in l[..7].iter().enumerate() {
        let e = Event::from_value(v.clone()).unwrap();
        at_receipt = engine.push(i as u64 + 1, e.occurred_at, &e);
    }
    assert_eq!(rules(&at_receipt), [("CC-RECEIPT".to_owned(), 7)]);
    // A receipt of cold-chain goods with no transport record is certain at once.
    l[6]["data"].as_object_mut().unwrap().remove("transport");
    let mut engine = Engine::new(Config::default());
    for (i, v) in l[..7].iter().enumerate() {
        let e = Event::from_value(v.clone()).unwrap();
        at_receipt = engine.push(i as u64 + 1, e.occurred_at, &e);
    }
    assert_eq!(rules(&at_receipt), [("CC-RECEIPT".to_owned(), 7)]);
    // Readings that cover the trip and leave the range are certain at once too.
    let mut warm = ledger(LOGGER);
    for r in warm[7]["data"]["readings"].as_array_mut().unwrap() {
        r["celsius"] = json!(9.5);
    }
    let upload = warm.remove(7);
    warm.insert(6, upload);
    let mut engine = Engine::new(Config::default());
    for (i, v) in warm[..8].iter().enumerate() {
        let e = Event::from_value(v.clone()).unwrap();
        at_receipt = engine.push(i as u64 + 1, e.occurred_at, &e);
    }
    assert_eq!(rules(&at_receipt), [("CC-RECEIPT".to_owned(), 8)]);
    assert!(at_receipt[0].message.get("readings").is_some());
}

#[test]
fn pending_items_follow_the_configuration() {
    let l = ledger(EXCESS);
    let cfg =
        Config::from_toml("disabled = [\"UNPAID\"]\n[severity]\n\"TTGK-P\" = \"minor\"\n").unwrap();
    let (_, pending) = run_with(&l[..12], cfg);
    assert!(pending_of(&pending, "UNPAID").is_empty());
    let p = pending_of(&pending, "TTGK-P");
    assert_eq!(p[0].severity, rxledger_reconcile::Severity::Minor);
    // Open items come in record order.
    let (_, pending) = run(&l);
    let seqs: Vec<u64> = pending.iter().map(|p| p.seq).collect();
    let mut sorted = seqs.clone();
    sorted.sort_unstable();
    assert_eq!(seqs, sorted);
    assert!(pending.iter().all(|p| p.due > at("2026-10-25T09:00:00Z")));
}
