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
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/inspections");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("330-") && name.ends_with(".jsonl")
        })
        .expect("ledger 330");
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().map(str::to_owned).collect()
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

#[test]
fn each_suppliers_payments_settle_its_own_invoice_of_a_shared_number() {
    let lines = ledger();
    // The records as the test reads them.
    assert!(lines[20].contains("\"00031207\"") && lines[20].contains(FIRST));
    assert!(lines[65].contains("\"00031207\"") && lines[65].contains(SECOND));
    assert!(lines[99].contains("\"payee\":\"91120000103071899G\""));
    let (findings, pending) = found(&check(&lines));
    let money = |x: &&(String, u64)| x.0.starts_with("TTGK") || x.0 == "UNPAID";
    assert_eq!(findings.iter().filter(money).count(), 0, "{findings:?}");
    assert_eq!(pending.iter().filter(money).count(), 0, "{pending:?}");
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
    let (findings, pending) = found(&check(&lines));
    let money = |x: &&(String, u64)| x.0.starts_with("TTGK") || x.0 == "UNPAID";
    assert_eq!(findings.iter().filter(money).count(), 0, "{findings:?}");
    assert_eq!(pending.iter().filter(money).count(), 0, "{pending:?}");
}

#[test]
fn a_credit_note_of_a_shared_number_credits_its_own_issuers_invoice() {
    // The second supplier credits 100 units (2,500.00) of its invoice 00031207, and its payment
    // (record 100) is the net 35,000.00. Credited to the first supplier's invoice instead, that
    // one would be overpaid and the second's unpaid.
    let mut lines = ledger();
    let credit = lines[65]
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
        );
    assert!(
        credit.contains("credit_for") && credit.contains("250000"),
        "{credit}"
    );
    assert!(lines[99].contains("\"minor\":3750000"));
    lines[99] = lines[99].replace("\"minor\":3750000", "\"minor\":3500000");
    lines.insert(66, credit);
    let (findings, pending) = found(&check(&lines));
    let money = |x: &&(String, u64)| x.0.starts_with("TTGK") || x.0 == "UNPAID";
    assert_eq!(findings.iter().filter(money).count(), 0, "{findings:?}");
    assert_eq!(pending.iter().filter(money).count(), 0, "{pending:?}");
}
