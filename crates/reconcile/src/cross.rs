//! Reconciling several companies' ledgers against each other: a dispatch in one against the
//! receipt in the other (by delivery note or sale/order number, then product, batch, quantity and
//! unit codes), transit times, receipts no dispatch explains, and unit codes received by two
//! parties.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use crate::{Config, Engine, Finding, Rule};
use chrono::{DateTime, Duration, Utc};
use rxledger_chain::ExpectedHead;
use rxledger_model::codes::parse_code;
use rxledger_model::{Event, EventBody, Relation};
use rxledger_store::StoreError;

use crate::check::{check_with, CheckReport};

type Lines = BTreeMap<(String, String), u64>;

struct Shipment {
    seq: u64,
    doc: String,
    order: Option<String>,
    party: String,
    at: DateTime<Utc>,
    lines: Lines,
    codes: BTreeSet<u128>,
}

/// One ledger's owner, dispatches and receipts: what the cross-ledger checks compare. Gathered
/// from events as the ledger is read ([`Shipments::observe`]), so a caller that reads it anyway
/// needs no pass of its own.
#[derive(Default)]
pub struct Shipments {
    owner: Option<String>,
    dispatches: Vec<Shipment>,
    receipts: Vec<Shipment>,
}

impl Shipments {
    /// Record `seq`, holding `e`.
    pub fn observe(&mut self, seq: u64, e: &Event) {
        let codes = |cs: &mut BTreeSet<u128>, list: &[String]| {
            for code in list {
                if let Ok(k) = parse_code(code) {
                    cs.insert(k.key());
                }
            }
        };
        match &e.body {
            EventBody::PartyRegistered(p) if p.relation == Relation::Owner => {
                self.owner = Some(p.party.clone());
            }
            EventBody::Dispatch(d) => {
                let mut s = Shipment {
                    seq,
                    doc: d.doc.clone(),
                    order: e.refs.sale.clone(),
                    party: d.customer.clone(),
                    at: e.occurred_at,
                    lines: Lines::new(),
                    codes: BTreeSet::new(),
                };
                for l in &d.lines {
                    *s.lines
                        .entry((l.product.clone(), l.batch.clone()))
                        .or_insert(0) += l.quantity;
                    codes(&mut s.codes, &l.codes);
                }
                self.dispatches.push(s);
            }
            EventBody::Receipt(r) => {
                let mut s = Shipment {
                    seq,
                    doc: e.refs.delivery_note.clone().unwrap_or_default(),
                    order: e.refs.order.clone(),
                    party: r.supplier.clone(),
                    at: e.occurred_at,
                    lines: Lines::new(),
                    codes: BTreeSet::new(),
                };
                for l in &r.lines {
                    *s.lines
                        .entry((l.product.clone(), l.batch.clone()))
                        .or_insert(0) += l.arrived;
                    codes(&mut s.codes, &l.codes);
                }
                self.receipts.push(s);
            }
            _ => {}
        }
    }
}

/// Every parseable record of the ledger at `path`, whether or not its chain verifies.
fn collect(path: &Path) -> Result<Shipments, StoreError> {
    let mut c = Shipments::default();
    rxledger_store::scan_path(
        path,
        None,
        |_| {},
        |rec| {
            if let Some(e) = std::str::from_utf8(rec.payload)
                .ok()
                .and_then(|t| Event::from_json(t).ok())
            {
                c.observe(rec.seq, &e);
            }
            ControlFlow::Continue(())
        },
    )?;
    Ok(c)
}

/// Checks every ledger on its own and against each other. Cross-ledger findings are added to the
/// report of the ledger holding the evidence: the dispatching ledger for `CROSS-MISSING`,
/// `CROSS-DIFF` and `CROSS-TRANSIT`, the receiving ledger for `CROSS-UNMATCHED` and
/// `CROSS-CODE`.
pub fn check_ledgers(
    paths: &[PathBuf],
    config: &Config,
    expected: Option<ExpectedHead>,
) -> Result<Vec<CheckReport>, StoreError> {
    let mut reports = Vec::new();
    let mut shipments = Vec::new();
    for p in paths {
        let mut s = Shipments::default();
        let engine = Engine::new(config.clone());
        reports.push(check_with(
            p,
            engine,
            expected,
            |_| {},
            |seq, e| s.observe(seq, e),
            |_| {},
        )?);
        shipments.push(s);
    }
    add_cross_findings(paths, config, reports.iter_mut().zip(shipments))?;
    Ok(reports)
}

/// Adds the cross-ledger findings to the per-ledger reports of `paths` (same order), given with
/// the shipments gathered while checking them, as [`check_ledgers`] does. Nothing happens with
/// fewer than two ledgers. A ledger whose chain failed verification was reconciled only up to
/// the break; its shipments are read again in full, since a forged or missing receipt after the
/// break is exactly what the other ledger's evidence shows.
pub fn add_cross_findings<'a>(
    paths: &[PathBuf],
    config: &Config,
    ledgers: impl IntoIterator<Item = (&'a mut CheckReport, Shipments)>,
) -> Result<(), StoreError> {
    if paths.len() < 2 {
        return Ok(());
    }
    let mut reports = Vec::with_capacity(paths.len());
    let mut collected = Vec::with_capacity(paths.len());
    for ((report, shipments), path) in ledgers.into_iter().zip(paths) {
        collected.push(if report.verify.failure.is_some() {
            collect(path)?
        } else {
            shipments
        });
        reports.push(report);
    }
    let owners: HashMap<String, usize> = collected
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.owner.clone().map(|o| (o, i)))
        .collect();
    let transit = Duration::hours(config.thresholds.transit_hours);
    let mut extra: Vec<Vec<Finding>> = vec![Vec::new(); paths.len()];
    let mut matched: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); paths.len()];
    let name = |i: usize| paths[i].display().to_string();
    for (a, ca) in collected.iter().enumerate() {
        let Some(owner_a) = ca.owner.clone() else {
            continue;
        };
        for d in &ca.dispatches {
            let Some(&b) = owners.get(&d.party) else {
                continue;
            };
            if b == a {
                continue;
            }
            let found = collected[b].receipts.iter().enumerate().find(|(_, r)| {
                r.party == owner_a && (r.doc == d.doc || (d.order.is_some() && r.order == d.order))
            });
            let Some((ri, r)) = found else {
                extra[a].push(
                    Finding::new(
                        Rule::CrossMissing,
                        d.seq,
                        format!(
                            "Dispatch {} to {} was never received: {} has no receipt of it.",
                            d.doc,
                            d.party,
                            name(b)
                        ),
                    )
                    .party(&d.party)
                    .figures(
                        "a receipt in the customer's ledger".to_owned(),
                        "none".to_owned(),
                    ),
                );
                continue;
            };
            matched[b].insert(ri);
            if r.lines != d.lines || r.codes != d.codes {
                let diff: Vec<String> = d
                    .lines
                    .iter()
                    .filter(|(k, q)| r.lines.get(*k) != Some(q))
                    .map(|((p, bt), q)| {
                        format!(
                            "{p} batch {bt}: {q} shipped, {} received",
                            r.lines.get(&(p.clone(), bt.clone())).copied().unwrap_or(0)
                        )
                    })
                    .chain(
                        r.lines
                            .keys()
                            .filter(|k| !d.lines.contains_key(*k))
                            .map(|(p, bt)| format!("{p} batch {bt} received but not shipped")),
                    )
                    .collect();
                let codes = if r.codes == d.codes {
                    String::new()
                } else {
                    format!(
                        "; {} unit codes differ",
                        d.codes.symmetric_difference(&r.codes).count()
                    )
                };
                let mut f = Finding::new(
                    Rule::CrossDiff,
                    d.seq,
                    format!(
                        "Dispatch {} differs from its receipt (seq {} in {}): {}{codes}.",
                        d.doc,
                        r.seq,
                        name(b),
                        diff.join("; ")
                    ),
                )
                .party(&d.party);
                f.expected = Some("the shipped lines and codes".to_owned().into());
                f.actual = Some(diff.join("; ").into());
                extra[a].push(f);
            }
            if r.at - d.at > transit {
                extra[a].push(
                    Finding::new(
                        Rule::CrossTransit,
                        d.seq,
                        format!(
                            "Dispatch {} took {} hours to reach {} (limit {}).",
                            d.doc,
                            (r.at - d.at).num_hours(),
                            d.party,
                            config.thresholds.transit_hours
                        ),
                    )
                    .party(&d.party)
                    .figures(
                        format!("≤ {} h", config.thresholds.transit_hours),
                        format!("{} h", (r.at - d.at).num_hours()),
                    ),
                );
            }
        }
    }
    for (b, cb) in collected.iter().enumerate() {
        for (ri, r) in cb.receipts.iter().enumerate() {
            if owners.get(&r.party).is_some_and(|&a| a != b) && !matched[b].contains(&ri) {
                extra[b].push(
                    Finding::new(Rule::CrossUnmatched, r.seq, format!("Receipt from {} (delivery note {:?}) matches no dispatch in that company's ledger.", r.party, r.doc))
                        .party(&r.party),
                );
            }
        }
    }
    // The same unit received by two parties, neither of which shipped it to the other.
    let mut receivers: HashMap<u128, Vec<(usize, u64)>> = HashMap::new();
    for (i, c) in collected.iter().enumerate() {
        for r in &c.receipts {
            for k in &r.codes {
                receivers.entry(*k).or_default().push((i, r.seq));
            }
        }
    }
    let mut shipped: HashMap<u128, BTreeSet<(usize, String)>> = HashMap::new();
    for (i, c) in collected.iter().enumerate() {
        for d in &c.dispatches {
            for k in &d.codes {
                shipped.entry(*k).or_default().insert((i, d.party.clone()));
            }
        }
    }
    let mut reported = BTreeSet::new();
    for (k, list) in &receivers {
        for (x, (i, _)) in list.iter().enumerate() {
            for (j, seq_j) in list.iter().skip(x + 1) {
                if i == j {
                    continue;
                }
                let owner = |n: usize| collected[n].owner.clone().unwrap_or_default();
                let linked = shipped
                    .get(k)
                    .is_some_and(|s| s.contains(&(*i, owner(*j))) || s.contains(&(*j, owner(*i))));
                if !linked && reported.insert((*j, *seq_j)) {
                    extra[*j].push(Finding::new(Rule::CrossCode, *seq_j, format!("Unit codes received here were also received by {} ({}), which did not ship them here.", owner(*i), name(*i))));
                }
            }
        }
    }
    for (rep, mut more) in reports.into_iter().zip(extra) {
        for f in &mut more {
            f.severity = config.severity_of(f.rule);
        }
        more.retain(|f| config.enabled(f.rule));
        rep.findings.extend(more);
        rep.findings.sort_by_key(|f| (f.seq, f.rule));
    }
    Ok(())
}
