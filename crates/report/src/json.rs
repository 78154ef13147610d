//! The JSON findings document (`rxledger-findings/1`, documented in `docs/findings.md`).

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::{DateTime, Utc};
use rxledger_reconcile::check::CheckReport;
use rxledger_reconcile::{Facts, Finding, Interval, Pending, Rule, Severity};
use serde::Serialize;

use crate::messages::{Lang, Messages};
use crate::Lazy;

#[derive(Serialize)]
struct JsonReport<'a> {
    format: &'static str,
    ledger: String,
    records: u64,
    head: String,
    chain_ok: bool,
    events: u64,
    counts: BTreeMap<Rule, usize>,
    findings: Lazy<'a, Finding, FindingJson<'a>>,
    #[serde(skip_serializing_if = "Lazy::is_empty")]
    pending: Lazy<'a, Pending, PendingJson<'a>>,
}

/// A finding as documented in `docs/findings.md`: the finding's data with its figures and
/// sentence rendered, plus the message id and typed facts the sentence was made from.
#[derive(Serialize)]
struct FindingJson<'a> {
    rule: Rule,
    severity: Severity,
    seq: u64,
    seqs: &'a [u64],
    #[serde(skip_serializing_if = "Option::is_none")]
    party: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    product: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    batch: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actual: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    interval: Option<Interval>,
    message: String,
    message_id: &'a str,
    #[serde(skip_serializing_if = "Facts::is_empty")]
    facts: &'a Facts,
}

impl<'a> FindingJson<'a> {
    fn new(f: &'a Finding, m: &Messages) -> Self {
        FindingJson {
            rule: f.rule,
            severity: f.severity,
            seq: f.seq,
            seqs: &f.seqs,
            party: f.party.as_deref(),
            product: f.product.as_deref(),
            batch: f.batch.as_deref(),
            location: f.location.as_deref(),
            expected: m.expected(f),
            actual: m.actual(f),
            interval: f.interval,
            message: m.message(f),
            message_id: &f.message.id,
            facts: &f.message.args,
        }
    }
}

/// An open item as documented in `docs/findings.md`: the finding it would become (without
/// figures), when, and what would close it, each sentence with its message id and facts.
#[derive(Serialize)]
struct PendingJson<'a> {
    rule: Rule,
    severity: Severity,
    seq: u64,
    seqs: &'a [u64],
    #[serde(skip_serializing_if = "Option::is_none")]
    party: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    product: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    batch: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    due: DateTime<Utc>,
    message: String,
    message_id: &'a str,
    #[serde(skip_serializing_if = "Facts::is_empty")]
    facts: &'a Facts,
    closed_by: String,
    closed_by_id: &'a str,
    #[serde(skip_serializing_if = "Facts::is_empty")]
    closed_by_facts: &'a Facts,
}

impl<'a> PendingJson<'a> {
    fn new(p: &'a Pending, m: &Messages) -> Self {
        PendingJson {
            rule: p.rule,
            severity: p.severity,
            seq: p.seq,
            seqs: &p.seqs,
            party: p.party.as_deref(),
            product: p.product.as_deref(),
            batch: p.batch.as_deref(),
            location: p.location.as_deref(),
            due: p.due,
            message: m.render(&p.message),
            message_id: &p.message.id,
            facts: &p.message.args,
            closed_by: m.render(&p.closed_by),
            closed_by_id: &p.closed_by.id,
            closed_by_facts: &p.closed_by.args,
        }
    }
}

/// JSON for several ledgers: an array of the single-ledger documents.
pub fn json_many(reports: &[CheckReport]) -> String {
    json_many_with(reports, &Messages::new(Lang::En))
}

/// JSON for several ledgers, sentences in the language of `m`.
pub fn json_many_with(reports: &[CheckReport], m: &Messages) -> String {
    crate::rendered(|w| write_json_many_with(w, reports, m))
}

/// [`json_many_with`], written to `w` as it is rendered (nothing but one item's sentences is held
/// in memory at a time).
///
/// It makes many small writes: give it a buffered writer (`std::io::BufWriter`) over a file
/// or a socket.
pub fn write_json_many_with<W: Write + ?Sized>(
    w: &mut W,
    reports: &[CheckReport],
    m: &Messages,
) -> io::Result<()> {
    w.write_all(b"[\n")?;
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            w.write_all(b",\n")?;
        }
        write_json_with(w, r, m)?;
    }
    w.write_all(b"\n]")
}

/// JSON, as documented in `docs/findings.md`, sentences in English.
pub fn json(r: &CheckReport) -> String {
    json_with(r, &Messages::new(Lang::En))
}

/// JSON with the sentences (`message`, `expected`, `actual`, `closed_by`) in the language and
/// time zone of `m`; everything else (codes, ids, facts, RFC 3339 instants) is the same in every
/// language.
pub fn json_with(r: &CheckReport, m: &Messages) -> String {
    crate::rendered(|w| write_json_with(w, r, m))
}

/// [`json_with`], written to `w` as it is rendered: the same bytes, without holding the
/// document, or more than one finding's or open item's sentences, in memory. Errors are `w`'s.
///
/// It makes many small writes: give it a buffered writer (`std::io::BufWriter`) over a file
/// or a socket.
pub fn write_json_with<W: Write + ?Sized>(
    w: &mut W,
    r: &CheckReport,
    m: &Messages,
) -> io::Result<()> {
    let mut counts = BTreeMap::new();
    for f in &r.findings {
        *counts.entry(f.rule).or_insert(0) += 1;
    }
    let j = JsonReport {
        format: "rxledger-findings/1",
        ledger: r.path.display().to_string(),
        records: r.verify.head.seq,
        head: r.verify.head.hash.to_hex(),
        chain_ok: r.verify.failure.is_none(),
        events: r.events,
        counts,
        findings: Lazy {
            items: &r.findings,
            m,
            render: FindingJson::new,
        },
        pending: Lazy {
            items: &r.pending,
            m,
            render: PendingJson::new,
        },
    };
    serde_json::to_writer_pretty(w, &j).map_err(io::Error::from)
}
