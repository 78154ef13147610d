//! Consolidated documents (format version 2): a monthly invoice (月结) for several sales, a payment
//! for it, a receipt covering several purchase orders, a dispatch covering several sales. Built
//! from the independent ledger `samples/inspections/01-clean-month-basic` (format 1), with its two
//! sales made to one customer and their invoices and payments replaced by consolidated ones.

use serde_json::{json, Value};

mod support;

const HOSPITAL: &str = "12330106470089126A";
const HOSPITAL_ACCOUNT: &str = "19030101040008866";
const SALE_1: &str = "XS2026101200001";
const SALE_2: &str = "XS2026101400003";
const A: &str = "86933021156015";
const B: &str = "86933021156022";

fn base() -> Vec<Value> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/inspections/01-clean-month-basic.jsonl"
    ))
    .unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn doc(e: &Value) -> &str {
    e["data"]["doc"].as_str().unwrap_or("")
}

/// A fresh UUID v7 for an added event.
fn id(n: u32) -> String {
    format!("01a1a000-0000-7000-8000-{n:012}")
}

fn line(product: &str, quantity: i64, price: i64) -> Value {
    json!({"product": product, "quantity": quantity,
           "unit_price": {"minor": price, "currency": "CNY"},
           "amount": {"minor": quantity * price, "currency": "CNY"}})
}

/// The ledger with both sales to the hospital, their own invoices and payments removed, and a
/// monthly invoice with `lines` for `sales` on 31 October, paid on 5 November; then a stock count
/// in January so that every deadline has passed.
fn monthly(sales: &[&str], lines: Vec<Value>) -> Vec<Value> {
    let mut events: Vec<Value> = base()
        .into_iter()
        .filter(|e| {
            let kind = e["kind"].as_str().unwrap();
            let sales_doc = (kind == "invoice" && e["data"]["direction"] == "sale")
                || (kind == "payment" && e["data"]["direction"] == "incoming");
            !sales_doc
        })
        .collect();
    for e in &mut events {
        if e["refs"]["sale"] == SALE_2 || doc(e) == SALE_2 {
            e["data"]["customer"] = json!(HOSPITAL);
        }
    }
    let total: i64 = lines
        .iter()
        .map(|l| l["amount"]["minor"].as_i64().unwrap())
        .sum();
    let count = events.pop().unwrap();
    events.push(json!({
        "v": 2, "id": id(1), "kind": "invoice", "occurred_at": "2026-10-31T08:00:00Z",
        "entered_at": "2026-10-31T08:03:00Z",
        "recorded_by": ["财务-韩雪"], "refs": {"sale": sales},
        "data": {"doc": "26332000000104479999", "direction": "sale",
                 "issuer": "91330106MA2H7K3Q0L", "buyer": HOSPITAL, "issued_on": "2026-10-31",
                 "lines": lines, "total": {"minor": total, "currency": "CNY"}}
    }));
    events.push(count.clone());
    events.push(json!({
        "v": 2, "id": id(2), "kind": "payment", "occurred_at": "2026-11-05T02:00:00Z",
        "entered_at": "2026-11-05T02:03:00Z",
        "recorded_by": ["财务-韩雪"],
        "data": {"doc": "SK2026110500001", "direction": "incoming", "payer": HOSPITAL,
                 "payee": "91330106MA2H7K3Q0L", "payer_account": HOSPITAL_ACCOUNT,
                 "payee_account": "1202024109900456781",
                 "amount": {"minor": total, "currency": "CNY"}, "method": "bank_transfer",
                 "invoices": ["26332000000104479999"]}
    }));
    let mut later = count;
    later["id"] = json!(id(3));
    later["occurred_at"] = json!("2027-01-15T09:30:00Z");
    later["entered_at"] = json!("2027-01-15T09:33:00Z");
    later["data"]["doc"] = json!("PD2027011500001");
    events.push(later);
    events
}

fn check(events: &[Value]) -> Vec<(String, u64)> {
    let text: String = events.iter().map(|e| e.to_string() + "\n").collect();
    let report = support::check_text("consolidated", text.as_bytes());
    // Findings as (rule, seq); open items as ("pending RULE", seq).
    let findings = report
        .findings
        .iter()
        .map(|f| (f.rule.code().to_owned(), f.seq));
    let pending = (report.pending.iter()).map(|p| (format!("pending {}", p.rule.code()), p.seq));
    findings.chain(pending).collect()
}

fn both_sales() -> Vec<Value> {
    vec![
        line(A, 600, 1030),
        line(B, 200, 1780),
        line(A, 300, 1010),
        line(B, 150, 1750),
    ]
}

#[test]
fn a_monthly_invoice_for_two_sales_is_quiet() {
    let found = check(&monthly(&[SALE_1, SALE_2], both_sales()));
    assert!(found.is_empty(), "{found:?}");
}

/// The monthly invoice naming the delivery notes (随货同行单) of the two dispatches instead of
/// their sales, as hospitals are often invoiced: matched to the sales the dispatches named.
fn by_delivery_notes(notes: &[&str]) -> Vec<Value> {
    let mut events = monthly(&[SALE_1, SALE_2], both_sales());
    for e in &mut events {
        if e["kind"] == "invoice" && e["data"]["doc"] == "26332000000104479999" {
            e["refs"] = json!({"delivery_note": notes});
        }
    }
    events
}

#[test]
fn a_monthly_invoice_naming_delivery_notes_is_matched_to_their_sales() {
    let found = check(&by_delivery_notes(&["PS2026101200001", "PS2026101400003"]));
    assert!(found.is_empty(), "{found:?}");
    // A delivery note of no dispatch in the ledger: the invoice has no goods, and the sales'
    // goods are not invoiced.
    let found = check(&by_delivery_notes(&["PS2026101200001", "PS2026101499999"]));
    let rules: Vec<&str> = found.iter().map(|(r, _)| r.as_str()).collect();
    assert!(rules.contains(&"UNINVOICED"), "{found:?}");
}

#[test]
fn a_monthly_invoice_naming_only_one_of_its_sales_leaves_the_other_uninvoiced() {
    // The same invoice, but it names only the first sale: that sale looks over-invoiced and
    // the second is never invoiced. This is what format 1 could express.
    let found = check(&monthly(&[SALE_1], both_sales()));
    let rules: Vec<&str> = found.iter().map(|(r, _)| r.as_str()).collect();
    assert!(rules.contains(&"UNINVOICED"), "{found:?}");
    assert!(rules.contains(&"TTGK-S"), "{found:?}");
}

#[test]
fn a_monthly_invoice_over_the_sum_of_its_sales_is_an_excess() {
    let mut lines = both_sales();
    lines.push(line(A, 50, 1010));
    let found = check(&monthly(&[SALE_1, SALE_2], lines));
    assert_eq!(
        found.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>(),
        ["TTGK-S"],
        "{found:?}"
    );
}

#[test]
fn a_monthly_invoice_under_the_sum_of_its_sales_leaves_goods_uninvoiced() {
    let mut lines = both_sales();
    lines.pop(); // 150 of B from the second sale
    let found = check(&monthly(&[SALE_1, SALE_2], lines));
    assert_eq!(
        found.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>(),
        ["UNINVOICED"],
        "{found:?}"
    );
}

#[test]
fn a_monthly_invoice_booked_before_the_goods_is_matched_when_they_arrive() {
    let mut events = monthly(&[SALE_1, SALE_2], both_sales());
    // The invoice moved before the first sale's review (pro-forma month-end billing is not
    // usual, but evidence may arrive in any order).
    let at = events
        .iter()
        .position(|e| e["kind"] == "invoice" && e["v"] == 2)
        .unwrap();
    let inv = events.remove(at);
    let review = events
        .iter()
        .position(|e| e["kind"] == "outbound_review")
        .unwrap();
    events.insert(review, inv);
    let found = check(&events);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn one_dispatch_and_one_review_for_two_sales() {
    let mut events = monthly(&[SALE_1, SALE_2], both_sales());
    // The first sale's review and dispatch are folded into the second's (both sales are known
    // by then).
    let pos = |events: &Vec<Value>, kind: &str, sale: &str| {
        events
            .iter()
            .position(|e| e["kind"] == kind && e["refs"]["sale"] == sale)
            .unwrap()
    };
    for kind in ["outbound_review", "dispatch"] {
        let first = events.remove(pos(&events, kind, SALE_1));
        let second = pos(&events, kind, SALE_2);
        let mut lines = first["data"]["lines"].as_array().unwrap().clone();
        lines.extend(
            events[second]["data"]["lines"]
                .as_array()
                .unwrap()
                .iter()
                .cloned(),
        );
        events[second]["data"]["lines"] = json!(lines);
        events[second]["refs"]["sale"] = json!([SALE_1, SALE_2]);
        events[second]["v"] = json!(2);
    }
    let found = check(&events);
    assert!(found.is_empty(), "{found:?}");
    // Naming only the first sale, the folded lines are not on it.
    for e in &mut events {
        if e["refs"]["sale"] == json!([SALE_1, SALE_2]) {
            e["refs"]["sale"] = json!([SALE_1]);
        }
    }
    let found = check(&events);
    assert!(found.iter().any(|(r, _)| r == "OUT-REV"), "{found:?}");
}

/// One review and one dispatch for both sales, each with one line per batch for the two sales
/// together (600 + 300 and 200 + 150, picked together), plus `extra` on the first line.
fn merged_lines(extra: i64) -> Vec<Value> {
    let mut events = monthly(&[SALE_1, SALE_2], both_sales());
    let pos = |events: &Vec<Value>, kind: &str, sale: &str| {
        events
            .iter()
            .position(|e| e["kind"] == kind && e["refs"]["sale"] == sale)
            .unwrap()
    };
    for kind in ["outbound_review", "dispatch"] {
        let first = events.remove(pos(&events, kind, SALE_1));
        let second = pos(&events, kind, SALE_2);
        let mut lines = events[second]["data"]["lines"].as_array().unwrap().clone();
        for (i, l) in first["data"]["lines"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            let q = lines[i]["quantity"].as_i64().unwrap() + l["quantity"].as_i64().unwrap();
            lines[i]["quantity"] = json!(q + if i == 0 { extra } else { 0 });
        }
        events[second]["data"]["lines"] = json!(lines);
        events[second]["refs"]["sale"] = json!([SALE_1, SALE_2]);
        events[second]["v"] = json!(2);
    }
    events
}

/// A review or dispatch line larger than the first sale's room is split over the sales named,
/// in order: one line of 900 for sales of 600 and 300 is quiet; one of 901 is one unit over.
#[test]
fn one_line_for_two_sales_of_one_batch_is_split_between_them() {
    let found = check(&merged_lines(0));
    assert!(found.is_empty(), "{found:?}");
    let found = check(&merged_lines(1));
    let rules: Vec<&str> = found.iter().map(|(r, _)| r.as_str()).collect();
    assert!(rules.contains(&"OUT-REV"), "{found:?}");
}

/// A customer return naming both sales is split over them too: 700 of the 900 shipped is
/// within what was shipped (600 + 100), 901 is over.
#[test]
fn a_return_for_two_sales_is_split_between_them() {
    let with_return = |quantity: i64| {
        let mut events = merged_lines(0);
        let count = events.iter().rposition(|e| e["kind"] == "payment").unwrap();
        events.insert(
            count,
            json!({
                "v": 2, "id": id(4), "kind": "customer_return",
                "occurred_at": "2026-10-20T02:30:00Z", "entered_at": "2026-10-20T02:33:00Z",
                "recorded_by": ["销售-许晨", "验收-孙晓峰"],
                "refs": {"sale": [SALE_1, SALE_2]},
                "data": {"doc": "TH2026102000001", "customer": HOSPITAL, "reason": "医院科室调整，退回",
                         "lines": [{"product": A, "batch": "2609150231", "quantity": quantity, "to": "RET"}]}
            }),
        );
        check(&events)
            .into_iter()
            .filter(|(r, _)| r == "RETURN-ORIG")
            .count()
    };
    assert_eq!(with_return(700), 0);
    assert_eq!(with_return(901), 1);
}

/// A sale shipped in two parts (600 of A on 12 October, 300 of it re-timed to 5 November) with
/// the month's invoices: October's covers what was shipped in October; November's (if any), on
/// 30 November, the rest. Only `UNINVOICED` findings are returned.
fn shipped_in_parts(november_invoice: bool) -> (Vec<(String, u64)>, u64) {
    let mut lines = both_sales();
    lines[0] = line(A, 300, 1030);
    let mut events = monthly(&[SALE_1, SALE_2], lines);
    let at = |e: &Value| e["kind"] == "dispatch" && e["refs"]["sale"] == SALE_1;
    let i = events.iter().position(at).unwrap();
    events[i]["data"]["lines"][0]["quantity"] = json!(300);
    let mut second = events[i].clone();
    second["id"] = json!(id(5));
    second["occurred_at"] = json!("2026-11-05T02:00:00Z");
    second["entered_at"] = json!("2026-11-05T02:03:00Z");
    second["data"]["doc"] = json!("PS2026110500001");
    let first_line = second["data"]["lines"][0].clone();
    second["data"]["lines"] = json!([first_line]);
    let count = events.len() - 1;
    events.insert(count, second);
    if november_invoice {
        let count = events.len() - 1;
        events.insert(
            count,
            json!({
                "v": 2, "id": id(6), "kind": "invoice", "occurred_at": "2026-11-30T08:00:00Z",
                "entered_at": "2026-11-30T08:03:00Z",
                "recorded_by": ["财务-韩雪"], "refs": {"sale": [SALE_1]},
                "data": {"doc": "26332000000104480001", "direction": "sale",
                         "issuer": "91330106MA2H7K3Q0L", "buyer": HOSPITAL, "issued_on": "2026-11-30",
                         "lines": [line(A, 300, 1030)], "total": {"minor": 300 * 1030, "currency": "CNY"}}
            }),
        );
    }
    // Events in time order (the November dispatch and invoice after October's records).
    events.sort_by_key(|e| e["occurred_at"].as_str().unwrap().to_owned());
    let second = events
        .iter()
        .position(|e| e["data"]["doc"] == "PS2026110500001")
        .unwrap() as u64
        + 1;
    let found = check(&events)
        .into_iter()
        .filter(|(r, _)| r.contains("UNINVOICED"))
        .collect();
    (found, second)
}

/// Goods shipped in parts are each due for invoicing `uninvoiced_days` after they moved, not at
/// the group's first deadline: the 5 November part, invoiced on 30 November, is quiet; never
/// invoiced, it is `UNINVOICED` at its own deadline (5 December), once.
#[test]
fn goods_shipped_in_parts_are_each_due_30_days_after_they_moved() {
    let (found, _) = shipped_in_parts(true);
    assert!(found.is_empty(), "{found:?}");
    let (found, second) = shipped_in_parts(false);
    // It names the part shipped on 5 November, not the first shipment, which was invoiced.
    assert_eq!(found, [("UNINVOICED".to_owned(), second)]);
}

/// A purchase invoice naming only the supplier's delivery note (随货同行单, which the receipt
/// named) is matched to the order of that receipt: quiet. Naming a delivery note no receipt
/// named, it has no goods.
#[test]
fn a_purchase_invoice_naming_the_delivery_note_is_matched_to_its_receipt() {
    let with_refs = |refs: Value| {
        let mut events = base();
        let inv = events
            .iter()
            .position(|e| e["kind"] == "invoice" && e["data"]["direction"] == "purchase")
            .unwrap();
        let order = events[inv]["refs"]["order"].clone();
        let receipt = events
            .iter()
            .find(|e| e["kind"] == "receipt" && e["refs"]["order"] == order)
            .unwrap();
        let note = receipt["refs"]["delivery_note"].clone();
        events[inv]["refs"] = if refs.is_null() {
            json!({"delivery_note": note})
        } else {
            refs
        };
        events[inv]["v"] = json!(2);
        check(&events)
            .into_iter()
            .filter(|(r, _)| r.contains("ORPHAN") || r.contains("UNINVOICED"))
            .count()
    };
    assert_eq!(with_refs(Value::Null), 0);
    assert!(with_refs(json!({"delivery_note": ["NO-SUCH-NOTE"]})) > 0);
}

#[test]
fn one_receipt_for_two_purchase_orders() {
    let mut events = base();
    let po = events.iter().position(|e| e["kind"] == "purchase").unwrap();
    // The order is split in two orders of the same supplier (A on one, B on the other); the
    // delivery covers both.
    let mut second = events[po].clone();
    second["id"] = json!(id(9));
    second["data"]["doc"] = json!("CG2026100800002");
    let lines = events[po]["data"]["lines"].as_array().unwrap().clone();
    events[po]["data"]["lines"] = json!([lines[0].clone()]);
    second["data"]["lines"] = json!([lines[1].clone()]);
    events.insert(po + 1, second);
    let first_doc = events[po]["data"]["doc"].clone();
    for e in &mut events {
        if e["refs"]["order"] == first_doc {
            e["refs"]["order"] = json!([first_doc.clone(), "CG2026100800002"]);
            e["v"] = json!(2);
        }
    }
    let found = check(&events);
    assert!(found.is_empty(), "{found:?}");
    // More of B than the orders hold together.
    let rec = events.iter().position(|e| e["kind"] == "receipt").unwrap();
    let arrived = events[rec]["data"]["lines"][1]["arrived"].as_u64().unwrap();
    events[rec]["data"]["lines"][1]["arrived"] = json!(arrived + 10);
    let accepted = events[rec]["data"]["lines"][1]["accepted"]
        .as_u64()
        .unwrap();
    events[rec]["data"]["lines"][1]["accepted"] = json!(accepted + 10);
    let found = check(&events);
    assert!(found.iter().any(|(r, _)| r == "REC-DOC"), "{found:?}");
    // And the 10 accepted over the orders are not invoiced yet.
    assert!(
        found.iter().any(|(r, _)| r == "pending UNINVOICED"),
        "{found:?}"
    );
}

#[test]
fn a_list_of_documents_needs_format_2() {
    let mut events = monthly(&[SALE_1, SALE_2], both_sales());
    let at = events.iter().position(|e| e["v"] == 2).unwrap();
    events[at]["v"] = json!(1);
    let text: String = events.iter().map(|e| e.to_string() + "\n").collect();
    let err = rxledger::ingest::read_events("monthly.jsonl", text.as_bytes()).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("refs.sale"), "{msg}");
    assert!(msg.contains("version 2"), "{msg}");
    // A single document as a string is still format 1.
    events[at]["refs"]["sale"] = json!(SALE_1);
    let text: String = events.iter().map(|e| e.to_string() + "\n").collect();
    rxledger::ingest::read_events("monthly.jsonl", text.as_bytes()).unwrap();
}
