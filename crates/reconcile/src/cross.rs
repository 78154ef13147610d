//! Reconciling several companies' ledgers against each other: a dispatch in one against the
//! receipt in the other (by delivery note or sale/order number, then product, batch, quantity and
//! unit codes), transit times, receipts no dispatch explains, and unit codes received by two
//! parties.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::{Config, Engine, Fact, Finding, Msg, Rule};
use chrono::{DateTime, Datelike, Duration, Utc};
use rxledger_chain::ExpectedHead;
use rxledger_model::codes::parse_code_at;
use rxledger_model::movements::movements;
use rxledger_model::Text;
use rxledger_model::{Event, EventBody, Relation};
use rxledger_store::StoreError;

use crate::check::{check_with, CheckReport};

/// Quantity per (product, batch).
type Lines = BTreeMap<(String, String), u64>;

/// A dispatch or a receipt, as the other company's ledger should mirror it.
struct Shipment {
    seq: u64,
    doc: Text,
    /// Further document numbers it goes by (a receipt naming several delivery notes).
    also: Vec<Text>,
    /// The orders (of a receipt) or sales (of a dispatch) it is for.
    order: Vec<Text>,
    party: String,
    at: DateTime<Utc>,
    lines: Lines,
    /// Unit code key -> the code as first written (to name it in a finding).
    codes: BTreeMap<u128, Text>,
}

impl Shipment {
    fn new(seq: u64, doc: Text, order: Vec<Text>, party: &str, at: DateTime<Utc>) -> Self {
        Shipment {
            seq,
            doc,
            also: Vec::new(),
            order,
            party: party.to_owned(),
            at,
            lines: Lines::new(),
            codes: BTreeMap::new(),
        }
    }

    /// Adds a line; malformed unit codes are CODE-FORMAT's business and left out.
    fn add(&mut self, product: &str, batch: &str, quantity: u64, codes: &[Text]) {
        let q = self
            .lines
            .entry((product.to_owned(), batch.to_owned()))
            .or_insert(0);
        *q = q.saturating_add(quantity);
        for c in codes {
            if let Ok(k) = parse_code_at(c, self.at.year()) {
                self.codes.entry(k.key()).or_insert_with(|| c.clone());
            }
        }
    }
}

/// One ledger's owner, dispatches and receipts: what the cross-ledger checks compare. Gathered
/// from events as the ledger is read ([`Shipments::observe`]), so a caller that reads it anyway
/// needs no pass of its own.
#[derive(Default)]
pub struct Shipments {
    owner: Option<Text>,
    dispatches: Vec<Shipment>,
    receipts: Vec<Shipment>,
}

impl Shipments {
    /// Record `seq`, holding `e`.
    pub fn observe(&mut self, seq: u64, e: &Event) {
        match &e.body {
            EventBody::PartyRegistered(p) if p.relation == Relation::Owner => {
                self.owner = Some(p.party.clone());
            }
            EventBody::Dispatch(d) => {
                let order = e.refs.sale.clone();
                let mut s = Shipment::new(seq, d.doc.clone(), order, &d.customer, e.occurred_at);
                for m in movements(e) {
                    s.add(m.product, m.batch, m.delta.unsigned_abs(), m.codes);
                }
                self.dispatches.push(s);
            }
            EventBody::Receipt(r) => {
                let mut notes = e.refs.delivery_note.iter().cloned();
                let doc = notes.next().unwrap_or_default();
                let order = e.refs.order.clone();
                let mut s = Shipment::new(seq, doc, order, &r.supplier, e.occurred_at);
                s.also = notes.collect();
                // What arrived is what was shipped; the goods movement of a receipt is only the
                // accepted part of it.
                for l in &r.lines {
                    s.add(&l.product, &l.batch, l.arrived, &l.codes);
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
    crate::records::scan_events(path, |seq, e| c.observe(seq, e))?;
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
    let cross = Cross::new(paths, &collected);
    let mut extra: Vec<Vec<Finding>> = vec![Vec::new(); paths.len()];
    let matched = cross.dispatches(config.thresholds.transit_hours, &mut extra);
    cross.unmatched_receipts(&matched, &mut extra);
    cross.shared_codes(&mut extra);
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

/// The ledgers compared: their names and shipments, and which ledger each owner keeps.
struct Cross<'a> {
    names: Vec<String>,
    ledgers: &'a [Shipments],
    owners: HashMap<&'a str, usize>,
}

impl<'a> Cross<'a> {
    fn new(paths: &[PathBuf], ledgers: &'a [Shipments]) -> Self {
        Cross {
            names: paths.iter().map(|p| p.display().to_string()).collect(),
            ledgers,
            owners: ledgers
                .iter()
                .enumerate()
                .filter_map(|(i, c)| c.owner.as_deref().map(|o| (o, i)))
                .collect(),
        }
    }

    /// Finds every dispatch to the owner of another ledger in that ledger's receipts (by
    /// delivery note, else sale and order number) and compares them: `CROSS-MISSING`,
    /// `CROSS-DIFF`, `CROSS-TRANSIT`, added to the dispatching ledger. Returns, per ledger, the
    /// receipts matched.
    fn dispatches(&self, transit_hours: i64, extra: &mut [Vec<Finding>]) -> Vec<BTreeSet<usize>> {
        let mut matched = vec![BTreeSet::new(); self.ledgers.len()];
        let transit = Duration::hours(transit_hours);
        let index: Vec<ReceiptIndex<'_>> = self.ledgers.iter().map(ReceiptIndex::of).collect();
        for (a, ca) in self.ledgers.iter().enumerate() {
            let Some(owner_a) = ca.owner.as_deref() else {
                continue;
            };
            for d in &ca.dispatches {
                let Some(&b) = self.owners.get(d.party.as_str()) else {
                    continue;
                };
                if b == a {
                    continue;
                }
                let Some(ri) = index[b].find(owner_a, &d.doc, &d.order) else {
                    extra[a].push(missing(d, &self.names[b]));
                    continue;
                };
                let r = &self.ledgers[b].receipts[ri];
                matched[b].insert(ri);
                if r.lines != d.lines || !r.codes.keys().eq(d.codes.keys()) {
                    extra[a].push(differs(d, r, &self.names[b]));
                }
                if r.at - d.at > transit {
                    extra[a].push(slow(d, r, transit_hours));
                }
            }
        }
        matched
    }

    /// `CROSS-UNMATCHED`: receipts from the owner of another ledger that no dispatch there
    /// explains (`matched` per ledger).
    fn unmatched_receipts(&self, matched: &[BTreeSet<usize>], extra: &mut [Vec<Finding>]) {
        for (b, cb) in self.ledgers.iter().enumerate() {
            for (ri, r) in cb.receipts.iter().enumerate() {
                let from_other = self.owners.get(r.party.as_str()).is_some_and(|&a| a != b);
                if from_other && !matched[b].contains(&ri) {
                    extra[b].push(unmatched(r));
                }
            }
        }
    }

    /// `CROSS-CODE`: the same unit received by two parties, neither of which shipped it to the
    /// other; reported once per receipt, in the later ledger.
    fn shared_codes(&self, extra: &mut [Vec<Finding>]) {
        let mut receivers: HashMap<u128, Vec<(usize, u64)>> = HashMap::new();
        let mut shipped: HashMap<u128, BTreeSet<(usize, &str)>> = HashMap::new();
        for (i, c) in self.ledgers.iter().enumerate() {
            for r in &c.receipts {
                for k in r.codes.keys() {
                    receivers.entry(*k).or_default().push((i, r.seq));
                }
            }
            for d in &c.dispatches {
                for k in d.codes.keys() {
                    shipped.entry(*k).or_default().insert((i, &d.party));
                }
            }
        }
        let owner = |n: usize| self.ledgers[n].owner.as_deref().unwrap_or_default();
        let mut reported = BTreeSet::new();
        for (k, list) in &receivers {
            for (x, &(i, _)) in list.iter().enumerate() {
                for &(j, seq_j) in list.iter().skip(x + 1) {
                    if i == j {
                        continue;
                    }
                    let linked = shipped
                        .get(k)
                        .is_some_and(|s| s.contains(&(i, owner(j))) || s.contains(&(j, owner(i))));
                    if !linked && reported.insert((j, seq_j)) {
                        extra[j].push(shared(seq_j, owner(i), &self.names[i]));
                    }
                }
            }
        }
    }
}

/// Where a ledger's receipts are found by supplier and document: the first receipt (in ledger
/// order) from each supplier naming each delivery note, and naming each order. A dispatch finds
/// its receipt in a few lookups instead of reading every receipt of the other ledger (which
/// made comparing two years of two wholesalers quadratic).
#[derive(Default)]
struct ReceiptIndex<'a> {
    /// (supplier, delivery note: the receipt's first or a further one) -> first receipt.
    by_doc: HashMap<(&'a str, &'a str), usize>,
    /// (supplier, order) -> first receipt.
    by_order: HashMap<(&'a str, &'a str), usize>,
}

impl<'a> ReceiptIndex<'a> {
    fn of(ledger: &'a Shipments) -> Self {
        let mut ix = ReceiptIndex::default();
        for (i, r) in ledger.receipts.iter().enumerate() {
            let party = r.party.as_str();
            for doc in std::iter::once(&r.doc).chain(&r.also) {
                ix.by_doc.entry((party, doc.as_str())).or_insert(i);
            }
            for o in &r.order {
                ix.by_order.entry((party, o.as_str())).or_insert(i);
            }
        }
        ix
    }

    /// The first receipt from `party` that names delivery note `doc`, or one of `orders`.
    fn find(&self, party: &str, doc: &str, orders: &[Text]) -> Option<usize> {
        let by_doc = self.by_doc.get(&(party, doc)).copied();
        orders
            .iter()
            .filter_map(|o| self.by_order.get(&(party, o.as_str())).copied())
            .chain(by_doc)
            .min()
    }
}

/// `CROSS-MISSING`: dispatch `d` has no receipt in the customer's ledger `ledger`.
fn missing(d: &Shipment, ledger: &str) -> Finding {
    let msg = Msg::new("cross-missing")
        .arg("doc", &d.doc)
        .arg("party", &d.party)
        .arg("ledger", ledger);
    Finding::new(Rule::CrossMissing, d.seq, msg)
        .party(&d.party)
        .figures(
            Msg::new("cross-missing-expected"),
            Msg::new("cross-missing-actual"),
        )
}

/// `CROSS-DIFF`: dispatch `d` and its receipt `r` in `ledger` differ in lines or unit codes:
/// the lines that differ, and the unit codes shipped but not received and received but not
/// shipped, counted and named (the first few).
fn differs(d: &Shipment, r: &Shipment, ledger: &str) -> Finding {
    let (lines, same_lines) = (diff_lines(&d.lines, &r.lines), d.lines == r.lines);
    let not_received: Vec<&Text> = d
        .codes
        .iter()
        .filter(|(k, _)| !r.codes.contains_key(*k))
        .map(|(_, c)| c)
        .collect();
    let not_shipped: Vec<&Text> = r
        .codes
        .iter()
        .filter(|(k, _)| !d.codes.contains_key(*k))
        .map(|(_, c)| c)
        .collect();
    let codes_differ = !not_received.is_empty() || !not_shipped.is_empty();
    let id = match (same_lines, codes_differ) {
        (true, true) => "cross-diff-codes-only",
        (false, true) => "cross-diff-codes",
        _ => "cross-diff",
    };
    let with_codes = |m: Msg| {
        if codes_differ {
            m.arg("missing", not_received.len())
                .arg("missing_codes", some_codes(&not_received))
                .arg("extra", not_shipped.len())
                .arg("extra_codes", some_codes(&not_shipped))
        } else {
            m
        }
    };
    let msg = with_codes(Msg::new(id))
        .arg("doc", &d.doc)
        .arg("receipt", r.seq)
        .arg("ledger", ledger)
        .arg("lines", lines.clone());
    let actual = if same_lines {
        with_codes(Msg::new("cross-diff-codes-actual"))
    } else {
        Msg::new("cross-diff-actual").arg("lines", lines)
    };
    Finding::new(Rule::CrossDiff, d.seq, msg)
        .party(&d.party)
        .figures(Msg::new("cross-diff-expected"), actual)
}

/// The first few of `codes` as written, for a sentence (`…` when there are more; `—` when none).
fn some_codes(codes: &[&Text]) -> Fact {
    const SHOWN: usize = 5;
    if codes.is_empty() {
        return Fact::from("—");
    }
    let mut s = codes
        .iter()
        .take(SHOWN)
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if codes.len() > SHOWN {
        s.push_str(", …");
    }
    Fact::from(s.as_str())
}

/// The lines of a dispatch (`shipped`) and its receipt (`received`) that differ, one clause
/// each: "P batch B: 88 shipped, 0 received; P batch B2 received but not shipped".
fn diff_lines(shipped: &Lines, received: &Lines) -> Fact {
    let qty = |k: &(String, String)| received.get(k).copied().unwrap_or(0);
    let differ = shipped
        .iter()
        .filter(|(k, q)| received.get(*k) != Some(q))
        .map(|(k, q)| {
            Msg::new("cross-diff-line")
                .arg("product", &k.0)
                .arg("batch", &k.1)
                .arg("shipped", *q)
                .arg("received", qty(k))
                .into()
        });
    let extra = received
        .keys()
        .filter(|k| !shipped.contains_key(*k))
        .map(|(p, b)| {
            Msg::new("cross-diff-extra")
                .arg("product", p)
                .arg("batch", b)
                .into()
        });
    Fact::List(differ.chain(extra).collect())
}

/// `CROSS-TRANSIT`: dispatch `d` took longer than `limit` hours to be received (`r`).
fn slow(d: &Shipment, r: &Shipment, limit: i64) -> Finding {
    let hours = crate::engine::facts::duration_in(r.at - d.at, chrono::Duration::hours(1));
    let msg = Msg::new("cross-transit")
        .arg("doc", &d.doc)
        .arg("hours", hours.clone())
        .arg("party", &d.party)
        .arg("limit", limit);
    Finding::new(Rule::CrossTransit, d.seq, msg)
        .party(&d.party)
        .figures(
            Msg::new("cross-transit-expected").arg("limit", limit),
            Msg::new("cross-transit-actual").arg("hours", hours),
        )
}

/// `CROSS-UNMATCHED`: receipt `r` matches no dispatch in the supplier's ledger.
fn unmatched(r: &Shipment) -> Finding {
    let msg = Msg::new("cross-unmatched")
        .arg("party", &r.party)
        .arg("note", &r.doc);
    Finding::new(Rule::CrossUnmatched, r.seq, msg).party(&r.party)
}

/// `CROSS-CODE`: unit codes of receipt `seq` were also received by `other` (keeping `ledger`).
fn shared(seq: u64, other: &str, ledger: &str) -> Finding {
    let msg = Msg::new("cross-code")
        .arg("party", other)
        .arg("ledger", ledger);
    Finding::new(Rule::CrossCode, seq, msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The index finds the receipt a reading of every receipt in order finds.
        #[test]
        fn the_index_finds_the_first_receipt_a_scan_finds(
            receipts in proptest::collection::vec(
                (0u8..3, 0u8..4, proptest::collection::vec(0u8..4, 0..3), proptest::collection::vec(0u8..4, 0..3)),
                0..30,
            ),
            dispatches in proptest::collection::vec(
                (0u8..3, 0u8..4, proptest::collection::vec(0u8..4, 0..3)),
                1..20,
            ),
        ) {
            let name = |p: &str, n: u8| Text::from(format!("{p}{n}"));
            let mut ledger = Shipments::default();
            for (party, doc, also, order) in &receipts {
                let mut s = Shipment::new(
                    0,
                    name("D", *doc),
                    order.iter().map(|&o| name("O", o)).collect(),
                    &name("P", *party),
                    DateTime::default(),
                );
                s.also = also.iter().map(|&d| name("D", d)).collect();
                ledger.receipts.push(s);
            }
            let index = ReceiptIndex::of(&ledger);
            for (party, doc, order) in &dispatches {
                let (party, doc) = (name("P", *party), name("D", *doc));
                let order: Vec<Text> = order.iter().map(|&o| name("O", o)).collect();
                let scan = ledger.receipts.iter().position(|r| {
                    r.party == party
                        && (r.doc == doc
                            || r.also.contains(&doc)
                            || order.iter().any(|o| r.order.contains(o)))
                });
                proptest::prop_assert_eq!(index.find(&party, &doc, &order), scan);
            }
        }
    }
}
