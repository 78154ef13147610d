//! `rxledger log`.

use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;

use anyhow::Result;
use rxledger::store;

use super::Outcome;

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

/// Runs `rxledger log`.
pub fn run(args: Args) -> Result<Outcome> {
    let Args { path, from, limit } = args;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut shown = 0u64;
    let report = store::scan_path(
        &path,
        None,
        |_| {},
        |rec| {
            if rec.seq < from {
                return ControlFlow::Continue(());
            }
            if shown >= limit {
                return ControlFlow::Break(());
            }
            shown += 1;
            let text = std::str::from_utf8(rec.payload).unwrap_or("");
            let line = match rxledger::model::Event::from_json(text) {
                Ok(e) => describe(&e),
                Err(err) => format!("(invalid event: {err})"),
            };
            let _ = writeln!(
                out,
                "{:>8}  {}  {}…  {}",
                rec.seq,
                rec.recorded_at,
                &rec.hash.to_hex()[..12],
                line
            );
            ControlFlow::Continue(())
        },
    )?;
    out.flush()?;
    drop(out);
    if let Some(f) = report.failure {
        let m = crate::lang::messages();
        let error = crate::fail::verify_msg(&f, &m);
        let msg = if f.records_intact() {
            rxledger::reconcile::Msg::new("verify-failed-at").arg("error", error)
        } else {
            rxledger::reconcile::Msg::new("log-failed")
                .arg("seq", f.seq())
                .arg("error", error)
        };
        println!("{}", m.render(&msg));
        return Ok(Outcome::Findings);
    }
    Ok(Outcome::Clean)
}

/// One line about an event: when, what kind, and its main facts.
fn describe(e: &rxledger::model::Event) -> String {
    use rxledger::model::EventBody as B;
    let t = e.occurred_at.format("%Y-%m-%d %H:%M");
    let what = match &e.body {
        B::PartyRegistered(p) => format!("{} ({:?})", p.name, p.kind),
        B::LicenceChanged(c) => format!(
            "{} licence {} to {}",
            c.party, c.licence.number, c.licence.valid_to
        ),
        B::ProductRegistered(p) => format!("{} {} {}", p.product, p.generic_name, p.spec),
        B::Purchase(p) => format!("{} from {} ({} lines)", p.doc, p.supplier, p.lines.len()),
        B::Receipt(r) => format!("{} from {} ({} lines)", r.doc, r.supplier, r.lines.len()),
        B::PutAway(m) => format!("{} ({} lines)", m.doc, m.lines.len()),
        B::Transfer(m) => format!("{} {:?} ({} lines)", m.doc, m.reason, m.lines.len()),
        B::Sale(s) => format!("{} to {} ({} lines)", s.doc, s.customer, s.lines.len()),
        B::OutboundReview(r) => format!("{} for {}", r.doc, r.customer),
        B::Dispatch(d) => format!("{} to {}", d.doc, d.customer),
        B::CustomerReturn(r) => format!("{} from {}", r.doc, r.customer),
        B::SupplierReturn(r) => format!("{} to {}", r.doc, r.supplier),
        B::Destruction(d) => format!("{} ({})", d.doc, d.reason),
        B::StockCount(c) => format!("{} at {}", c.doc, c.location),
        B::Invoice(i) => format!("{} {} -> {} {}", i.doc, i.issuer, i.buyer, i.total),
        B::Payment(p) => format!("{} {} -> {} {}", p.doc, p.payer, p.payee, p.amount),
        B::TemperatureReading(t) => format!(
            "{} {} readings",
            t.zone.as_deref().or(t.vehicle.as_deref()).unwrap_or("?"),
            t.readings.len()
        ),
        B::LossReport(l) => format!("{} {:?}", l.doc, l.loss),
        B::Aggregation(a) => format!(
            "{} {:?} {} ({} codes)",
            a.doc,
            a.action,
            a.parent,
            a.children.len()
        ),
        B::ZoneRegistered(z) => format!("{} {:?}", z.zone, z.storage),
    };
    format!("{t}  {:<19} {what}", e.kind().as_str())
}
