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

#[test]
fn cash_paid_before_its_own_invoice_of_a_shared_number_is_found_once() {
    // Another buyer's invoice of the same number (line 13 again, to another party) is booked
    // before the cash payment, and the payer's own invoice after it. The payment waits for its
    // own invoice (two issuers' or buyers' paper invoices may share a number) but its cash was
    // judged when it was recorded: SPECIAL-CASH once, not again when its invoice is booked.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/inspections/29-narcotic-paid-in-cash.jsonl"
    ))
    .unwrap();
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let (customer, other) = ("91330105MA28F0LQ6N", "9142050017903412XP");
    assert!(lines[12].contains(customer) && lines[14].contains("\"cash\""));
    let id = &lines[12][lines[12].find("\"id\":\"").unwrap() + 6..][..36];
    let others = lines[12]
        .replace(customer, other)
        .replace(id, "01a2a000-0000-7000-8000-000000000001");
    let mut moved = lines[..12].to_vec();
    moved.extend([
        others,
        lines[14].clone(),
        lines[12].clone(),
        lines[13].clone(),
    ]);
    let refs: Vec<&str> = moved.iter().map(String::as_str).collect();
    let f = findings(&refs);
    let cash: Vec<_> = f.iter().filter(|(r, _, _)| r == "SPECIAL-CASH").collect();
    assert_eq!(cash.len(), 1, "{f:?}");
    assert_eq!(cash[0].1, 14);
}

#[test]
fn cash_paid_before_its_own_invoice_is_checked_against_it() {
    // Round 35, A1 (the author's probes): a cash payment to 华东 naming 00081004. c1: no other
    // invoice of that number; c2: 宁康's ordinary invoice of it booked before the payment, 华东's
    // psychotropic one after (it was missed); c3: 宁康's booked after. c4: 华东 never issues one,
    // so the cash settles 宁康's ordinary invoice: the wrong party, and no SPECIAL-CASH.
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/inspections/rounds/round35/probes"
    );
    let run = |p: &str| {
        let text = std::fs::read_to_string(format!("{dir}/{p}.jsonl")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        findings(&lines)
    };
    let cash = |f: &[(String, u64, Vec<u64>)]| -> Vec<(u64, Vec<u64>)> {
        f.iter()
            .filter(|(r, _, _)| r == "SPECIAL-CASH")
            .map(|(_, s, seqs)| (*s, seqs.clone()))
            .collect()
    };
    assert_eq!(cash(&run("c1")), [(16, vec![16, 17])]);
    assert_eq!(cash(&run("c2")), [(17, vec![17, 18])]);
    assert_eq!(cash(&run("c3")), [(16, vec![16, 18])]);
    let c4 = run("c4");
    assert_eq!(cash(&c4), []);
    assert!(
        c4.iter().any(|(r, s, _)| r == "TTGK-P" && *s == 17),
        "{c4:?}"
    );
}
