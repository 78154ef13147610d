//! `rxledger log`.

use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;

use anyhow::Result;
use rxledger::model::Event;
use rxledger::reconcile::Msg;
use rxledger::report::names::Names;
use rxledger::report::{Lang, Messages};
use rxledger::store;

use super::Outcome;
use crate::common::display_width;

/// List records in readable form.
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory or exported file.
    path: PathBuf,
    /// First seq to show.
    #[arg(long, default_value_t = 1)]
    from: u64,
    /// How many records to show.
    #[arg(long, default_value_t = 20)]
    limit: u64,
}

/// Runs `rxledger log`: parties and products with their registered names beside their ids (the
/// master data of the records read, up to the last one shown).
pub fn run(args: Args) -> Result<Outcome> {
    let Args { path, from, limit } = args;
    let mut names = Names::new();
    // The records shown: seq, when the store appended it, hash, the event or why not.
    let mut rows: Vec<(u64, String, String, Result<Event, String>)> = Vec::new();
    let report = store::scan_path(
        &path,
        None,
        |_| {},
        |rec| {
            if rows.len() as u64 >= limit {
                return ControlFlow::Break(());
            }
            let text = std::str::from_utf8(rec.payload).unwrap_or("");
            let event = Event::from_json(text).map_err(|e| e.to_string());
            if let Ok(e) = &event {
                names.observe(e);
            }
            if rec.seq >= from {
                rows.push((
                    rec.seq,
                    rec.recorded_at.to_owned(),
                    rec.hash.to_hex()[..12].to_owned(),
                    event,
                ));
            }
            ControlFlow::Continue(())
        },
    )?;
    let m = crate::lang::messages().with_names(names);
    let mut out = BufWriter::new(io::stdout().lock());
    for (seq, recorded_at, hash, event) in rows {
        let line = match event {
            Ok(e) => describe(&e, &m),
            Err(err) => m.render(&Msg::new("log-invalid").arg("error", err)),
        };
        // When the store appended it, in the ledger's zone (as it is if it does not parse).
        let recorded = chrono::DateTime::parse_from_rfc3339(&recorded_at).map_or_else(
            |_| recorded_at.clone(),
            |t| m.instant(t.with_timezone(&chrono::Utc)),
        );
        writeln!(out, "{seq:>8}  {recorded}  {hash}…  {line}")?;
    }
    out.flush()?;
    drop(out);
    if let Some(f) = report.failure {
        let error = crate::fail::verify_msg(&f, &m);
        let msg = if f.records_intact() {
            Msg::new("verify-failed-at").arg("error", error)
        } else {
            Msg::new("log-failed")
                .arg("seq", f.seq())
                .arg("error", error)
        };
        println!("{}", m.render(&msg));
        return Ok(Outcome::Findings);
    }
    Ok(Outcome::Clean)
}

/// The catalogue's term for an enumeration value of the event format (its serialised name
/// when the catalogue has none).
fn term(m: &Messages, enumeration: &str, value: serde_json::Result<serde_json::Value>) -> String {
    let name = value
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    m.term(enumeration, &name).unwrap_or(name)
}

/// One line about an event: when (in the ledger's zone), what kind, and its main facts.
fn describe(e: &Event, m: &Messages) -> String {
    use rxledger::model::EventBody as B;
    let doc_lines = |id: &'static str, doc: &str, party: &str, lines: usize| {
        Msg::new(id)
            .arg("doc", doc)
            .arg("party", party)
            .arg("lines", lines)
            // For the catalogue's selector ("1 line", "2 lines").
            .arg(
                "lines_plural",
                rxledger::reconcile::Fact::Term(rxledger::report::messages::plural(lines).into()),
            )
    };
    let doc_party =
        |id: &'static str, doc: &str, party: &str| Msg::new(id).arg("doc", doc).arg("party", party);
    let what = match &e.body {
        B::PartyRegistered(p) => Msg::new("log-party")
            .arg("name", p.name.as_str())
            .arg("kind", term(m, "PartyKind", serde_json::to_value(p.kind))),
        B::LicenceChanged(c) => Msg::new("log-licence")
            .arg("party", c.party.as_str())
            .arg("number", c.licence.number.as_str())
            .arg("valid_to", c.licence.valid_to),
        B::ProductRegistered(p) => Msg::new("log-product")
            .arg("code", p.product.as_str())
            .arg("name", p.generic_name.as_str())
            .arg("spec", p.spec.as_str()),
        B::Purchase(p) => doc_lines("log-from-lines", &p.doc, &p.supplier, p.lines.len()),
        B::Receipt(r) => doc_lines("log-from-lines", &r.doc, &r.supplier, r.lines.len()),
        B::PutAway(p) => doc_lines("log-lines", &p.doc, "", p.lines.len()),
        B::Transfer(t) => doc_lines("log-lines", &t.doc, "", t.lines.len()).arg(
            "reason",
            term(m, "TransferReason", serde_json::to_value(t.reason)),
        ),
        B::Sale(s) => doc_lines("log-to-lines", &s.doc, &s.customer, s.lines.len()),
        B::OutboundReview(r) => doc_party("log-for", &r.doc, &r.customer),
        B::Dispatch(d) => doc_party("log-to", &d.doc, &d.customer),
        B::CustomerReturn(r) => doc_party("log-from", &r.doc, &r.customer),
        B::SupplierReturn(r) => doc_party("log-to", &r.doc, &r.supplier),
        B::Destruction(d) => Msg::new("log-reason")
            .arg("doc", d.doc.as_str())
            .arg("reason", d.reason.as_str()),
        B::StockCount(c) => Msg::new("log-at")
            .arg("doc", c.doc.as_str())
            .arg("location", c.location.as_str()),
        B::Invoice(i) => Msg::new("log-money")
            .arg("doc", i.doc.as_str())
            .arg("from", m.party(&i.issuer))
            .arg("to", i.buyer.as_str())
            .arg("amount", i.total.to_string()),
        B::Payment(p) => Msg::new("log-money")
            .arg("doc", p.doc.as_str())
            .arg("from", m.party(&p.payer))
            .arg("to", p.payee.as_str())
            .arg("amount", p.amount.to_string()),
        B::TemperatureReading(t) => Msg::new("log-readings")
            .arg(
                "where",
                t.zone.as_deref().or(t.vehicle.as_deref()).unwrap_or("?"),
            )
            .arg("count", t.readings.len()),
        B::LossReport(l) => Msg::new("log-loss")
            .arg("doc", l.doc.as_str())
            .arg("kind", term(m, "LossKind", serde_json::to_value(l.loss))),
        B::Aggregation(a) => Msg::new("log-aggregation")
            .arg("doc", a.doc.as_str())
            .arg(
                "action",
                term(m, "AggregationAction", serde_json::to_value(a.action)),
            )
            .arg("parent", a.parent.as_str())
            .arg("count", a.children.len()),
        B::ZoneRegistered(z) => Msg::new("log-zone").arg("zone", z.zone.as_str()).arg(
            "storage",
            term(m, "StorageClass", serde_json::to_value(z.storage)),
        ),
    };
    let kind = match m.lang() {
        Lang::Zh => m.render(&Msg::new("event-kind").arg("kind", e.kind().as_str())),
        _ => e.kind().as_str().to_owned(),
    };
    let pad = 19_usize.saturating_sub(display_width(&kind));
    format!(
        "{}  {kind}{:pad$} {}",
        m.instant(e.occurred_at),
        "",
        m.render(&what)
    )
}
