//! A cash payment for controlled drugs recorded before its invoice is still SPECIAL-CASH: held
//! payments are checked when the invoice is booked. Built from the independent ledger
//! `samples/inspections/29-narcotic-paid-in-cash` with the cash payment moved before the
//! sales invoice it settles.

mod support;

fn findings(lines: &[&str]) -> Vec<(String, u64, Vec<u64>)> {
    let text = lines.join("\n") + "\n";
    let report = support::check_text("29", text.as_bytes());
    report
        .findings
        .iter()
        .map(|f| (f.rule.code().to_owned(), f.seq, f.seqs.clone()))
        .collect()
}

#[test]
fn cash_payment_before_its_invoice_is_found() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/inspections/29-narcotic-paid-in-cash.jsonl"
    ))
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // As written: the invoice is line 13, the cash payment line 15.
    let original = findings(&lines);
    assert!(
        original
            .iter()
            .any(|(r, s, _)| r == "SPECIAL-CASH" && *s == 15),
        "{original:?}"
    );
    // The cash payment (line 15) recorded before the invoice (line 13).
    let mut moved = lines.clone();
    let payment = moved.remove(14);
    moved.insert(12, payment);
    let f = findings(&moved);
    let cash: Vec<_> = f.iter().filter(|(r, _, _)| r == "SPECIAL-CASH").collect();
    assert_eq!(cash.len(), 1, "{f:?}");
    // Found at the payment (now line 13), naming the invoice (now line 14) too.
    assert_eq!(cash[0].1, 13);
    assert!(cash[0].2.contains(&14), "{cash:?}");
}
