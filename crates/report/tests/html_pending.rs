//! The HTML report lists each ledger's open items (pending) in a section of its own, apart from
//! the findings, and counts them in the overview.
#![cfg(feature = "html")]

use std::path::PathBuf;

use rxledger_report::html::{build, Options};

fn scenario(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../../samples/scenarios/{name}.jsonl"))
}

#[test]
fn open_items_have_a_section_of_their_own() {
    let report = build(&[scenario("clean")], &Options::default()).unwrap();
    let pending = report.ledgers[0].check.pending.len();
    assert!(pending > 0);
    let html = report.to_html();
    assert!(html.contains(&format!(
        r#"<h3 id="pending-0">Pending items ({pending})</h3>"#
    )));
    // Grouped by rule, folded, apart from the findings' groups.
    let groups = html.matches(r#"<details class="pending""#).count();
    let rules: std::collections::BTreeSet<_> = report.ledgers[0]
        .check
        .pending
        .iter()
        .map(|p| p.rule)
        .collect();
    assert_eq!(groups, rules.len());
    assert_eq!(html.matches(r#"<details class="rule""#).count(), 0);
    let m = rxledger_report::messages::Messages::new(rxledger_report::messages::Lang::En);
    let first = &report.ledgers[0].check.pending[0];
    assert!(html.contains(&rxledger_report::xml_escape(&m.render(&first.closed_by))));
    // Well-formed XML still.
    let mut reader = quick_xml::Reader::from_str(&html);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed: {e}"),
        }
    }
}
