//! Two customers' sales (or two suppliers' orders) may share a number, when it is another
//! party's (a provincial platform's order number, a supplier's order form) rather than the
//! wholesaler's own (round 33, A1). The records naming it with their counterparty (reviews,
//! dispatches, returns and invoices of that customer; receipts, returns and invoices of that
//! supplier) mean that counterparty's order or sale. Built from the independent ledger
//! `samples/inspections/360-lawful-look-alikes-…`, where records 17 (杭州市西溪人民医院, 600 units)
//! and 18 (杭州百姓康大药房, 300 units) are both sale PT2026101200017, each with its review
//! (19, 20), dispatch (21, 22) and invoice (23, 24).

use rxledger::check::CheckReport;

mod support;

const HOSPITAL: &str = "12330106470089126A";
const PHARMACY: &str = "91330100MA27R9NJ0W";

fn ledger() -> Vec<String> {
    let lines = support::inspection("360");
    // The records as the tests read them.
    for (i, party) in [(16, HOSPITAL), (17, PHARMACY)] {
        assert!(lines[i].contains("\"PT2026101200017\"") && lines[i].contains(party));
    }
    lines
}

fn check(lines: &[String]) -> CheckReport {
    support::check_text("360", (lines.join("\n") + "\n").as_bytes())
}

/// (rule, record) of every finding.
fn found(r: &CheckReport) -> Vec<(String, u64)> {
    r.findings
        .iter()
        .map(|f| (f.rule.code().to_owned(), f.seq))
        .collect()
}

#[test]
fn two_customers_sales_of_one_number_are_two_sales() {
    // Before the fix: a false critical TTGK-S at 23 (走票) and OUT-REV at 19 and 20.
    assert_eq!(found(&check(&ledger())), []);
    // Whichever is recorded first.
    let mut lines = ledger();
    lines.swap(16, 17);
    assert_eq!(found(&check(&lines)), []);
}

#[test]
fn each_customers_records_are_matched_to_its_own_sale() {
    // The pharmacy's dispatch ships 400 of its 300 reviewed: OUT-REV at 22, against its own
    // review, not the hospital's 600.
    let mut lines = ledger();
    assert!(lines[21].contains("\"quantity\":300"));
    lines[21] = lines[21].replace("\"quantity\":300", "\"quantity\":400");
    let r = check(&lines);
    let out_rev: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule.code() != "STOCK-COUNT")
        .collect();
    assert_eq!(out_rev.len(), 1, "{out_rev:?}");
    assert_eq!((out_rev[0].rule.code(), out_rev[0].seq), ("OUT-REV", 22));
    let said = rxledger_report::messages::Messages::new(rxledger_report::messages::Lang::En)
        .render(&out_rev[0].message);
    assert!(said.contains("400 dispatched, 300 reviewed fit"), "{said}");
}

#[test]
fn a_third_partys_invoice_naming_the_number_is_still_the_wrong_party() {
    // The pharmacy's invoice addressed to another buyer: the goods of either sale of that
    // number were traded with someone else (TTGK-S at 24).
    let mut lines = ledger();
    assert!(lines[23].contains(&format!("\"buyer\":\"{PHARMACY}\"")));
    lines[23] = lines[23].replace(
        &format!("\"buyer\":\"{PHARMACY}\""),
        "\"buyer\":\"91330100MA2XXXXX0Y\"",
    );
    let r = check(&lines);
    assert!(
        found(&r).contains(&("TTGK-S".to_owned(), 24)),
        "{:?}",
        found(&r)
    );
}

#[test]
fn two_suppliers_orders_of_one_number_are_two_orders() {
    // Order CG2026100800002 of 宁康 (record 11) renumbered as 民康's CG2026100800001 (record 10),
    // with its receipt (13) and invoice (16): each supplier's receipt and invoice find its own.
    let mut lines = ledger();
    for i in [10, 12, 15] {
        assert!(lines[i].contains("CG2026100800002"));
        lines[i] = lines[i].replace("CG2026100800002", "CG2026100800001");
    }
    assert_eq!(found(&check(&lines)), []);
    // 宁康's receipt brings 600 of its order's 500: REC-DOC at 13, against its own order.
    assert!(lines[12].contains("\"arrived\":500,\"accepted\":500"));
    lines[12] = lines[12].replace(
        "\"arrived\":500,\"accepted\":500",
        "\"arrived\":600,\"accepted\":600",
    );
    let r = check(&lines);
    let rec_doc: Vec<_> = found(&r)
        .into_iter()
        .filter(|(rule, _)| rule == "REC-DOC")
        .collect();
    assert_eq!(rec_doc, [("REC-DOC".to_owned(), 13)]);
}

#[test]
fn a_delivery_note_is_its_number_and_its_supplier() {
    // Round 34, A1: two suppliers' receipts name the delivery note 0001234 (371: 民康 at 13, 宁康
    // at 14) or 0005678 (374: 宁康 at 12, 民康 at 13); an invoice naming only the note went to
    // the orders of the receipt recorded last: a false critical TTGK-P (走票) at 17 (371) and 15
    // (374), and one supplier's goods invoiced on the other's order. Either order of the
    // receipts gives the ledgers' own findings.
    for (nn, first, want) in [
        ("371", 12, vec![]),
        (
            "374",
            11,
            vec![("TTGK-S", 18), ("OUT-REV", 27), ("OUT-REV", 29)],
        ),
    ] {
        let want: Vec<(String, u64)> = want.into_iter().map(|(r, s)| (r.to_owned(), s)).collect();
        let mut lines = support::inspection(nn);
        assert!(
            lines[first].contains("delivery_note") && lines[first + 1].contains("delivery_note")
        );
        let r = support::check_text(nn, (lines.join("\n") + "\n").as_bytes());
        assert_eq!(found(&r), want, "{nn}");
        lines.swap(first, first + 1);
        let r = support::check_text(nn, (lines.join("\n") + "\n").as_bytes());
        assert_eq!(found(&r), want, "{nn} with its receipts swapped");
    }
}

#[test]
fn a_review_or_dispatch_for_a_customer_the_sale_is_not_for_is_out_rev() {
    // Round 34, B2: a party with no sale of the number was reviewed and shipped under the
    // hospital's sale, silently. The pharmacy's review (20) and dispatch (22) given to a third
    // party: OUT-REV at each, naming the sale's customer.
    let mut lines = ledger();
    for i in [19, 21] {
        assert!(lines[i].contains(&format!("\"customer\":\"{PHARMACY}\"")));
        lines[i] = lines[i].replace(
            &format!("\"customer\":\"{PHARMACY}\""),
            "\"customer\":\"91330100MA2XXXXX0Y\"",
        );
    }
    let r = check(&lines);
    let out_rev: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule.code() == "OUT-REV")
        .collect();
    let at: Vec<u64> = out_rev.iter().map(|f| f.seq).collect();
    assert!(at.contains(&20) && at.contains(&22), "{:?}", found(&r));
    let en = rxledger_report::messages::Messages::new(rxledger_report::messages::Lang::En);
    let said: Vec<String> = out_rev.iter().map(|f| en.render(&f.message)).collect();
    let want = format!(
        "The outbound review FH2026101200002 for 91330100MA2XXXXX0Y names sale PT2026101200017, \
         which is {HOSPITAL}'s."
    );
    assert!(said.contains(&want), "{said:?}");
}
