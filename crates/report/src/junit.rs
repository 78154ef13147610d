//! `JUnit` XML, for CI test-report views: one test suite per ledger, one test case per rule, one
//! failure per finding (`docs/findings.md`, "Other formats"). Open items (pending) are skipped
//! test cases of their own (class `rxledger.pending`, one per item), so that they show in a CI
//! view without failing it.
//!
//! Written as XML events with `quick-xml`, which escapes every attribute value and text by
//! construction (`&`, `<`, `>`, `"`, `'`); control characters XML does not allow are dropped
//! first. (`quick-junit` cannot be used: its test case holds a single result, not one failure per
//! finding.)

use std::io::{self, Write};

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use rxledger_reconcile::check::CheckReport;
use rxledger_reconcile::{Fact, Finding, Msg, Pending, RULES};

use crate::messages::{Lang, Messages};
use crate::xml_text;

/// `JUnit` XML: one test case per rule, one failure per finding; messages in English.
pub fn junit(r: &CheckReport) -> String {
    junit_many(std::slice::from_ref(r))
}

/// `JUnit` XML for several ledgers: one test suite per ledger; messages in English.
pub fn junit_many(reports: &[CheckReport]) -> String {
    junit_many_with(reports, &Messages::new(Lang::En))
}

/// `JUnit` XML for one ledger, messages in the language and time zone of `m`.
pub fn junit_with(r: &CheckReport, m: &Messages) -> String {
    junit_many_with(std::slice::from_ref(r), m)
}

/// `JUnit` XML for several ledgers, messages in the language and time zone of `m`.
pub fn junit_many_with(reports: &[CheckReport], m: &Messages) -> String {
    crate::rendered(|w| write_junit_many_with(w, reports, m))
}

/// [`junit_many_with`], written to `w` as it is rendered: the same bytes, without holding the
/// document in memory. Errors are `w`'s.
///
/// It makes many small writes: give it a buffered writer (`std::io::BufWriter`) over a file
/// or a socket.
pub fn write_junit_many_with<W: Write + ?Sized>(
    w: &mut W,
    reports: &[CheckReport],
    m: &Messages,
) -> io::Result<()> {
    let mut xml = Writer::new_with_indent(&mut *w, b' ', 2);
    write_report(&mut xml, reports, m)?;
    w.write_all(b"\n")
}

fn write_report<W: Write>(
    w: &mut Writer<W>,
    reports: &[CheckReport],
    m: &Messages,
) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let skipped: usize = reports.iter().map(|r| r.pending.len()).sum();
    let tests = (RULES.len() * reports.len() + skipped).to_string();
    let failures: usize = reports.iter().map(failed_cases).sum();
    let mut attrs = vec![
        ("name", "rxledger check".to_owned()),
        ("tests", tests),
        ("failures", failures.to_string()),
    ];
    if skipped > 0 {
        attrs.push(("skipped", skipped.to_string()));
    }
    w.create_element("testsuites")
        .with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())))
        .write_inner_content(|w| {
            for r in reports {
                write_suite(w, r, m)?;
            }
            Ok(())
        })?;
    Ok(())
}

/// The test cases of `r` that fail: its rules with a finding (a rule's findings are its
/// case's `<failure>` elements, so `failures` counts cases, as readers of `JUnit` expect).
fn failed_cases(r: &CheckReport) -> usize {
    RULES
        .iter()
        .filter(|info| r.findings.iter().any(|f| f.rule == info.rule))
        .count()
}

fn write_suite<W: Write>(w: &mut Writer<W>, r: &CheckReport, m: &Messages) -> io::Result<()> {
    let name = r.path.display().to_string();
    let mut attrs = vec![
        ("name", xml_text(&name).into_owned()),
        ("tests", (RULES.len() + r.pending.len()).to_string()),
        ("failures", failed_cases(r).to_string()),
    ];
    if !r.pending.is_empty() {
        attrs.push(("skipped", r.pending.len().to_string()));
    }
    w.create_element("testsuite")
        .with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())))
        .write_inner_content(|w| {
            for info in RULES {
                let case = w
                    .create_element("testcase")
                    .with_attributes([("classname", "rxledger.rules"), ("name", info.code)]);
                let list: Vec<&Finding> =
                    r.findings.iter().filter(|f| f.rule == info.rule).collect();
                if list.is_empty() {
                    case.write_empty()?;
                    continue;
                }
                case.write_inner_content(|w| {
                    for f in list {
                        write_failure(w, r, m, f)?;
                    }
                    Ok(())
                })?;
            }
            for p in &r.pending {
                write_pending(w, r, m, p)?;
            }
            Ok(())
        })?;
    Ok(())
}

/// `<testcase classname="rxledger.pending" name="RULE seq N"><skipped message="SENTENCE">FILE:LINE
/// seq N: SENTENCE Due DUE (+08:00), closed by WHAT.</skipped></testcase>`.
fn write_pending<W: Write>(
    w: &mut Writer<W>,
    r: &CheckReport,
    m: &Messages,
    p: &Pending,
) -> io::Result<()> {
    let (file, line) = r.locate(p.seq);
    let message = m.render(&p.message);
    let message = xml_text(&message);
    let due = Msg::new("junit-due")
        .arg("due", Fact::Instant(p.due))
        .arg("closed_by", p.closed_by.clone());
    let body = format!(
        "{}:{line} seq {}: {message} {}",
        file.display(),
        p.seq,
        m.render(&due)
    );
    let name = format!("{} seq {}", p.rule, p.seq);
    w.create_element("testcase")
        .with_attributes([("classname", "rxledger.pending"), ("name", name.as_str())])
        .write_inner_content(|w| {
            w.create_element("skipped")
                .with_attributes([("message", &*message)])
                .write_text_content(BytesText::new(&xml_text(&body)))?;
            Ok(())
        })?;
    Ok(())
}

/// `<failure type="SEVERITY" message="SENTENCE">FILE:LINE seq N: SENTENCE</failure>`.
fn write_failure<W: Write>(
    w: &mut Writer<W>,
    r: &CheckReport,
    m: &Messages,
    f: &Finding,
) -> io::Result<()> {
    let (file, line) = r.locate(f.seq);
    let message = m.message(f);
    let message = xml_text(&message);
    let body = format!("{}:{line} seq {}: {message}", file.display(), f.seq);
    w.create_element("failure")
        .with_attributes([("type", f.severity.as_str()), ("message", &message)])
        .write_text_content(BytesText::new(&xml_text(&body)))?;
    Ok(())
}
