//! Two suppliers' paper invoices may share an 8-digit 发票号码 (round 30, A1). A payment, a credit
//! note or a cash check naming such a number means the invoice of its own counterparty; only a
//! party that has no invoice of that number falls back to the first one booked, and is then a
//! payment to the wrong party (`TTGK-P`). Built from the independent ledger
//! `samples/inspections/330-lawful-december-…`, where the purchase invoices of records 21
//! (杭州宁康, 91330100143958271W) and 66 (天士力, 91120000103071899G) are both numbered
//! 00031207, and records 82 and 195 pay the first, record 100 the second.

use rxledger::check::CheckReport;
use rxledger_report::messages::{Lang, Messages};

mod support;

const FIRST: &str = "91330100143958271W";
const SECOND: &str = "91120000103071899G";

fn ledger() -> Vec<String> {
    support::inspection("330")
}

fn check(lines: &[String]) -> CheckReport {
    support::check_text("330", (lines.join("\n") + "\n").as_bytes())
}

/// (rule, record) pairs.
type Found = Vec<(String, u64)>;

/// (rule, record) of every finding and open item.
fn found(r: &CheckReport) -> (Found, Found) {
    let f = r.findings.iter().map(|f| (f.rule.code().to_owned(), f.seq));
    let p = r.pending.iter().map(|p| (p.rule.code().to_owned(), p.seq));
    (f.collect(), p.collect())
}

/// No `TTGK-*` or `UNPAID` finding or open item.
fn assert_money_quiet(r: &CheckReport) {
    let (findings, pending) = found(r);
    let money = |x: &&(String, u64)| x.0.starts_with("TTGK") || x.0 == "UNPAID";
    assert_eq!(findings.iter().filter(money).count(), 0, "{findings:?}");
    assert_eq!(pending.iter().filter(money).count(), 0, "{pending:?}");
}

#[test]
fn each_suppliers_payments_settle_its_own_invoice_of_a_shared_number() {
    let lines = ledger();
    // The records as the test reads them.
    assert!(lines[20].contains("\"00031207\"") && lines[20].contains(FIRST));
    assert!(lines[65].contains("\"00031207\"") && lines[65].contains(SECOND));
    assert!(lines[99].contains("\"payee\":\"91120000103071899G\""));
    assert_money_quiet(&check(&lines));
}

#[test]
fn the_unpaid_one_of_two_invoices_sharing_a_number_is_the_one_left_open() {
    // Without the second supplier's payment (record 100), its invoice (66) is open and the
    // first's (21) is settled: before the fix the second invoice replaced the first, and the
    // first's two payments were "paid to the wrong party".
    let mut lines = ledger();
    lines.remove(99);
    let r = check(&lines);
    let (findings, pending) = found(&r);
    assert!(
        findings.iter().all(|(rule, _)| !rule.starts_with("TTGK")),
        "{findings:?}"
    );
    let unpaid: Vec<_> = r
        .pending
        .iter()
        .filter(|p| p.rule.code() == "UNPAID")
        .collect();
    assert_eq!(unpaid.len(), 1, "{pending:?}");
    assert_eq!(unpaid[0].seq, 66);
    assert_eq!(unpaid[0].party.as_deref(), Some(SECOND));
    // The sentence prints the number as written, nothing of how it is kept apart.
    let text = Messages::new(Lang::En).render(&unpaid[0].message);
    assert!(text.contains("00031207"), "{text}");
    assert!(
        !text.contains('\u{1f}') && !text.contains("U+001F"),
        "{text}"
    );
}

#[test]
fn a_payment_to_a_party_without_an_invoice_of_that_number_is_still_the_wrong_party() {
    // Record 100 paid to a third registered party (a customer), which has no invoice 00031207.
    let mut lines = ledger();
    let third = lines
        .iter()
        .find_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            let d = &v["data"];
            (v["kind"] == "party_registered"
                && d["relation"] != "self"
                && d["party"] != FIRST
                && d["party"] != SECOND)
                .then(|| d["party"].as_str().unwrap().to_owned())
        })
        .expect("a third party");
    lines[99] = lines[99].replace(SECOND, &third);
    let (findings, _) = found(&check(&lines));
    assert!(
        findings.contains(&("TTGK-P".to_owned(), 100)),
        "{findings:?}"
    );
}

#[test]
fn a_payment_to_the_second_supplier_is_its_own_whichever_invoice_was_booked_first() {
    // The second supplier's invoice booked before the first's: the bare number now belongs to
    // the second, the first gets a key of its own; the payments still settle their own.
    let mut lines = ledger();
    let second = lines.remove(65);
    lines.insert(20, second);
    assert_money_quiet(&check(&lines));
}

#[test]
fn a_credit_note_of_a_shared_number_credits_its_own_issuers_invoice() {
    // The second supplier credits 100 units (2,500.00) of its invoice 00031207, and its payment
    // (record 100) is the net 35,000.00. Credited to the first supplier's invoice instead, that
    // one would be overpaid and the second's unpaid.
    let mut lines = ledger();
    let credit = second_suppliers_credit_note(&lines);
    assert!(
        credit.contains("credit_for") && credit.contains("250000"),
        "{credit}"
    );
    assert!(lines[99].contains("\"minor\":3750000"));
    lines[99] = lines[99].replace("\"minor\":3750000", "\"minor\":3500000");
    lines.insert(66, credit);
    assert_money_quiet(&check(&lines));
}

/// The check of `lines` with `orphan_days` shortened to 3, so that December passes deadlines.
fn check_short_orphan(lines: &[String]) -> CheckReport {
    let cfg = rxledger::reconcile::Config::from_toml("[thresholds]\norphan_days = 3\n").unwrap();
    let store = support::store_text("330", (lines.join("\n") + "\n").as_bytes());
    rxledger::check::check_store(&store, cfg, None).unwrap()
}

/// A registered party other than the two suppliers (a customer), with no invoice 00031207.
fn third_party(lines: &[String]) -> String {
    lines
        .iter()
        .find_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            let d = &v["data"];
            (v["kind"] == "party_registered"
                && d["relation"] != "self"
                && d["party"] != FIRST
                && d["party"] != SECOND)
                .then(|| d["party"].as_str().unwrap().to_owned())
        })
        .expect("a third party")
}

#[test]
fn a_payment_recorded_before_both_invoices_waits_for_its_own_suppliers() {
    // Round 31, A1: the second supplier's payment (record 100) recorded before either invoice
    // of the number was taken by the first supplier's invoice, booked first, and was "paid to
    // the wrong party". It now waits for its own supplier's invoice (then record 67).
    let mut lines = ledger();
    let payment = lines.remove(99);
    lines.insert(20, payment);
    assert_money_quiet(&check(&lines));
    assert_money_quiet(&check_short_orphan(&lines));
}

#[test]
fn a_payment_waiting_for_an_invoice_its_party_never_issues_is_the_wrong_party_at_its_deadline() {
    // Record 100 paid to a third party and recorded before either invoice: it waits for that
    // party's invoice 00031207, which never comes; at its ORPHAN deadline (3 days) it settles the
    // first invoice of the number after all, paid to the wrong party.
    let mut lines = ledger();
    let third = third_party(&lines);
    let payment = lines.remove(99).replace(SECOND, &third);
    lines.insert(20, payment);
    let (findings, _) = found(&check_short_orphan(&lines));
    assert!(
        findings.contains(&("TTGK-P".to_owned(), 21)),
        "{findings:?}"
    );
    assert!(!findings.iter().any(|(r, _)| r == "ORPHAN"), "{findings:?}");
}

#[test]
fn a_credit_note_of_a_party_without_that_invoice_is_the_wrong_party_early_or_late() {
    // Round 31, A2: a credit note "issued" by a third party against 00031207 was applied to the
    // first supplier's invoice without a word. Recorded after the invoices it is TTGK-P at once;
    // recorded before them it waits for its own party's invoice, and is TTGK-P at its deadline.
    let lines = ledger();
    let third = third_party(&lines);
    let credit = second_suppliers_credit_note(&lines).replace(SECOND, &third);
    let mut after = lines.clone();
    after.insert(66, credit.clone());
    let (findings, _) = found(&check(&after));
    assert!(
        findings.contains(&("TTGK-P".to_owned(), 67)),
        "{findings:?}"
    );
    let r = check(&after);
    // (It names the second supplier's order too: a third party's invoice for it, 走票, as well.)
    let en = Messages::new(Lang::En);
    let texts: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.seq == 67)
        .map(|f| en.render(&f.message))
        .collect();
    let want = format!("Credit note 00031290 issued by {third} credits invoice 00031207, but that invoice is with {FIRST}.");
    assert!(texts.contains(&want), "{texts:?}");
    let mut before = lines;
    before.insert(20, credit);
    let (findings, _) = found(&check_short_orphan(&before));
    assert!(
        findings.contains(&("TTGK-P".to_owned(), 21)),
        "{findings:?}"
    );
}

/// The credit note of 100 units (2,500.00) the second supplier issues against its 00031207.
fn second_suppliers_credit_note(lines: &[String]) -> String {
    lines[65]
        .replace(
            "01a24e3f-48e0-7c40-bbee-ce820671b01e",
            "01a24e3f-48e0-7c40-bbee-ce820671b0ff",
        )
        .replace("\"doc\":\"00031207\"", "\"doc\":\"00031290\"")
        .replace("\"quantity\":1500", "\"quantity\":100")
        .replace("\"minor\":3750000", "\"minor\":250000")
        .replace(
            "\"currency\":\"CNY\"}}}",
            "\"currency\":\"CNY\"},\"credit_for\":\"00031207\"}}",
        )
}

#[test]
fn a_payment_or_credit_note_recorded_between_the_two_invoices_waits_for_its_own() {
    // Ledger 343's limit, gone: the second supplier's payment (record 100) recorded after the
    // first supplier's invoice 00031207 (21) and before its own (66) was matched to the first's
    // at once: a false TTGK-P, and the first's invoice overpaid. It now waits for its own.
    let mut lines = ledger();
    let payment = lines.remove(99);
    lines.insert(40, payment);
    assert_money_quiet(&check(&lines));
    // Likewise its credit note (and its payment of the net amount).
    let mut lines = ledger();
    let credit = second_suppliers_credit_note(&lines);
    lines[99] = lines[99].replace("\"minor\":3750000", "\"minor\":3500000");
    lines.insert(40, credit);
    assert_money_quiet(&check(&lines));
}

/// The records of rule `rule` at record `seq` found by pushing `lines` one at a time into an
/// engine with `cfg`: at which push (1-based; `None` at the end of the input) each came.
fn when_found(lines: &[String], cfg: &str, rule: &str, seq: u64) -> Vec<Option<u64>> {
    use rxledger::model::Event;
    let cfg = rxledger::reconcile::Config::from_toml(cfg).unwrap();
    let mut engine = rxledger::reconcile::Engine::new(cfg);
    let mut at = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let e = Event::from_json(l).unwrap();
        let n = i as u64 + 1;
        for f in engine.push(n, e.occurred_at, &e) {
            if f.rule.code() == rule && f.seq == seq {
                at.push(Some(n));
            }
        }
    }
    for f in engine.finish() {
        if f.rule.code() == rule && f.seq == seq {
            at.push(None);
        }
    }
    at
}

#[test]
fn a_payment_to_the_wrong_party_is_found_at_its_deadline_or_the_end_of_the_input() {
    // A payment to a third party naming 00031207 may be waiting for that party's own invoice of
    // the number: it is reported once, when its ORPHAN deadline passes (here 3 days), or at the
    // end of the input when the ledger ends first, never at the payment itself.
    let mut lines = ledger();
    let third = third_party(&lines);
    lines[99] = lines[99].replace(SECOND, &third);
    let late = when_found(&lines, "[thresholds]\norphan_days = 3\n", "TTGK-P", 100);
    assert_eq!(late.len(), 1, "{late:?}");
    assert!(late[0].is_some_and(|n| n > 100), "{late:?}");
    let end = when_found(&lines, "", "TTGK-P", 100);
    assert_eq!(end, [None]);
}

#[test]
fn a_refund_naming_a_credit_note_points_at_the_credit_note() {
    // Round 35, B1 (ledger 380, an independent author's): a "refund" from 民康 naming 宁康's
    // credit note (record 27) is TTGK-P at 40; its `seqs` add the credit note it names, not the
    // invoice (37) that credit note reduces.
    let lines = support::inspection("380");
    let r = support::check_text("380", (lines.join("\n") + "\n").as_bytes());
    let f = r
        .findings
        .iter()
        .find(|f| f.rule.code() == "TTGK-P" && f.seq == 40)
        .expect("TTGK-P at 40");
    assert_eq!(f.seqs, [27, 40]);
}
