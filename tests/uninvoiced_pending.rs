//! Goods moved after a sale's (or order's) first invoicing deadline is covered are open items at
//! the end of the input, due at their own deadline (round 34, A2). Built from the probe
//! `samples/inspections/rounds/round34/probes/p1.jsonl` of an independent author: a sale of 200,
//! dispatches of 100 (record 12) and 50 (record 13, 30 minutes later), an invoice for 100.

use rxledger::check::CheckReport;

mod support;

fn probe() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/inspections/rounds/round34/probes/p1.jsonl"
    );
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().map(str::to_owned).collect()
}

fn check(lines: &[String]) -> CheckReport {
    support::check_text("p1", (lines.join("\n") + "\n").as_bytes())
}

#[test]
fn the_rest_of_a_sale_dispatched_in_two_parts_is_an_open_item_then_a_finding() {
    let mut lines = probe();
    assert!(lines[11].contains("\"dispatch\"") && lines[12].contains("\"dispatch\""));
    let r = check(&lines);
    let open: Vec<_> = r
        .pending
        .iter()
        .filter(|p| p.rule.code() == "UNINVOICED")
        .collect();
    // Due 30 days after the second dispatch (2026-10-14 11:30 +08:00), at its record.
    assert_eq!(open.len(), 1, "{:?}", r.pending);
    assert_eq!(open[0].seq, 13);
    assert_eq!(open[0].due.to_rfc3339(), "2026-11-13T03:30:00+00:00");
    assert!(r.findings.iter().all(|f| f.rule.code() != "UNINVOICED"));
    // A record after that deadline: the open item became the finding, at the same record.
    let mut later = lines[0].clone();
    let id = &later[later.find("\"id\":\"").unwrap() + 6..][..36].to_owned();
    later = later
        .replace(id, "01a3f000-0000-7000-8000-000000000001")
        .replace(
            &later[later.find("\"occurred_at\":\"").unwrap()..][..41],
            "\"occurred_at\":\"2026-11-14T09:00:00+08:00\"",
        );
    assert!(later.contains("2026-11-14T09:00:00+08:00"), "{later}");
    lines.push(later);
    let r = check(&lines);
    let found: Vec<u64> = r
        .findings
        .iter()
        .filter(|f| f.rule.code() == "UNINVOICED")
        .map(|f| f.seq)
        .collect();
    assert_eq!(found, [13]);
}

#[test]
fn every_later_deadline_where_the_shortfall_grows_is_an_open_item() {
    // Round 35, A2: ledger 382 (an independent author's, with its open items frozen in its
    // `# pending:` lines) lists each sale's and order's later deadlines, not only the next one.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/inspections");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("382-"))
        .unwrap()
        .with_extension("");
    let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
    let want: Vec<(String, u64, String)> = expected
        .lines()
        .filter_map(|l| l.strip_prefix("# pending: "))
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w[0].to_owned(), w[1].parse().unwrap(), w[3].to_owned())
        })
        .collect();
    assert_eq!(want.len(), 6, "{want:?}");
    let text = std::fs::read_to_string(path.with_extension("jsonl")).unwrap();
    let r = support::check_text("382", text.as_bytes());
    let got: Vec<(String, u64, String)> = r
        .pending
        .iter()
        .map(|p| {
            let due = p.due.format("%Y-%m-%dT%H:%M:%SZ").to_string();
            (p.rule.code().to_owned(), p.seq, due)
        })
        .collect();
    assert_eq!(got, want);
}
