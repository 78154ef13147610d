//! `trace`: the custody chain of one unit (by traceability code) or one batch across ledgers.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rxledger_model::codes::parse_code;
use rxledger_model::{Event, EventBody, Relation};
use rxledger_store::StoreError;

/// What to follow.
#[derive(Clone, Debug)]
pub enum Target {
    /// One unit (or pack) code.
    Code(String),
    /// Every unit of a product batch.
    Batch {
        /// Product code.
        product: String,
        /// Batch.
        batch: String,
    },
}

/// One step of a custody chain.
#[derive(Clone, Debug)]
pub struct Step {
    /// Ledger file or directory.
    pub ledger: PathBuf,
    /// Its owner (the holder).
    pub holder: String,
    /// Record.
    pub seq: u64,
    /// When.
    pub at: DateTime<Utc>,
    /// Event kind.
    pub kind: &'static str,
    /// The event's own document number.
    pub doc: String,
    /// Counterparty, if any.
    pub party: Option<String>,
    /// From location (or the supplier) to location (or the customer).
    pub movement: String,
    /// Quantity moved.
    pub quantity: u64,
}

/// A custody chain and where it breaks.
#[derive(Clone, Debug, Default)]
pub struct Chain {
    /// Steps in time order.
    pub steps: Vec<Step>,
    /// Where the chain breaks, in words.
    pub breaks: Vec<String>,
}

struct Line<'a> {
    product: &'a str,
    batch: &'a str,
    quantity: u64,
    codes: &'a [String],
    movement: String,
}

fn lines(e: &Event) -> (Option<String>, String, Vec<Line<'_>>) {
    match &e.body {
        EventBody::Receipt(r) => (
            Some(r.supplier.clone()),
            r.doc.clone(),
            r.lines
                .iter()
                .map(|l| Line {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.accepted,
                    codes: &l.codes,
                    movement: format!("{} → {}", r.supplier, l.location),
                })
                .collect(),
        ),
        EventBody::PutAway(m) => (
            None,
            m.doc.clone(),
            m.lines
                .iter()
                .map(|l| Line {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.quantity,
                    codes: &l.codes,
                    movement: format!("{} → {}", l.from, l.to),
                })
                .collect(),
        ),
        EventBody::Transfer(m) => (
            None,
            m.doc.clone(),
            m.lines
                .iter()
                .map(|l| Line {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.quantity,
                    codes: &l.codes,
                    movement: format!("{} → {}", l.from, l.to),
                })
                .collect(),
        ),
        EventBody::Dispatch(d) => (
            Some(d.customer.clone()),
            d.doc.clone(),
            d.lines
                .iter()
                .map(|l| Line {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.quantity,
                    codes: &l.codes,
                    movement: format!("{} → {}", l.from, d.customer),
                })
                .collect(),
        ),
        EventBody::CustomerReturn(r) => (
            Some(r.customer.clone()),
            r.doc.clone(),
            r.lines
                .iter()
                .map(|l| Line {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.quantity,
                    codes: &l.codes,
                    movement: format!("{} → {}", r.customer, l.to),
                })
                .collect(),
        ),
        EventBody::SupplierReturn(r) => (
            Some(r.supplier.clone()),
            r.doc.clone(),
            r.lines
                .iter()
                .map(|l| Line {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.quantity,
                    codes: &l.codes,
                    movement: format!("{} → {}", l.from, r.supplier),
                })
                .collect(),
        ),
        EventBody::Destruction(d) => (
            None,
            d.doc.clone(),
            d.lines
                .iter()
                .map(|l| Line {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.quantity,
                    codes: &l.codes,
                    movement: format!("{} → destroyed", l.from),
                })
                .collect(),
        ),
        EventBody::LossReport(d) => (
            None,
            d.doc.clone(),
            d.lines
                .iter()
                .map(|l| Line {
                    product: &l.product,
                    batch: &l.batch,
                    quantity: l.quantity,
                    codes: &l.codes,
                    movement: format!("{} → lost", l.from),
                })
                .collect(),
        ),
        _ => (None, String::new(), Vec::new()),
    }
}

/// Follows `target` through `ledgers` (directories or exported files).
pub fn trace(target: &Target, ledgers: &[PathBuf]) -> Result<Chain, StoreError> {
    let mut chains = trace_many(std::slice::from_ref(target), ledgers)?;
    Ok(chains.pop().unwrap_or_default())
}

/// Follows every target through `ledgers` in one pass over each ledger; the chains come back in
/// the order of `targets`.
pub fn trace_many(targets: &[Target], ledgers: &[PathBuf]) -> Result<Vec<Chain>, StoreError> {
    // Batch targets are looked up by (product, batch); code targets are few and tried in turn.
    let mut by_batch: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut codes: Vec<(usize, u128)> = Vec::new();
    for (i, t) in targets.iter().enumerate() {
        match t {
            Target::Batch { product, batch } => by_batch
                .entry((product.as_str(), batch.as_str()))
                .or_default()
                .push(i),
            Target::Code(c) => {
                if let Ok(k) = parse_code(c) {
                    codes.push((i, k.key()));
                }
            }
        }
    }
    let mut chains = vec![Chain::default(); targets.len()];
    let mut owners = Vec::new();
    for path in ledgers {
        let mut owner = String::new();
        // Per code target: the packs that contain it.
        let mut packs: Vec<Vec<u128>> = vec![Vec::new(); codes.len()];
        rxledger_store::scan_path(
            path,
            None,
            |_| {},
            |rec| {
                let Some(e) = std::str::from_utf8(rec.payload)
                    .ok()
                    .and_then(|t| Event::from_json(t).ok())
                else {
                    return ControlFlow::Continue(());
                };
                if let EventBody::PartyRegistered(p) = &e.body {
                    if p.relation == Relation::Owner {
                        owner.clone_from(&p.party);
                    }
                }
                if let EventBody::Aggregation(a) = &e.body {
                    let children: Vec<u128> = a
                        .children
                        .iter()
                        .filter_map(|c| parse_code(c).ok().map(|c| c.key()))
                        .collect();
                    for (n, (_, k)) in codes.iter().enumerate() {
                        if children.contains(k) {
                            if let Ok(p) = parse_code(&a.parent) {
                                packs[n].push(p.key());
                            }
                        }
                    }
                }
                let (party, doc, ls) = lines(&e);
                for l in ls {
                    let mut hits: Vec<(usize, u64)> = by_batch
                        .get(&(l.product, l.batch))
                        .map(|v| v.iter().map(|&i| (i, l.quantity)).collect())
                        .unwrap_or_default();
                    if !codes.is_empty() && !l.codes.is_empty() {
                        let keys: Vec<u128> = l
                            .codes
                            .iter()
                            .filter_map(|c| parse_code(c).ok().map(|c| c.key()))
                            .collect();
                        for (n, (i, k)) in codes.iter().enumerate() {
                            if keys.iter().any(|c| c == k || packs[n].contains(c)) {
                                hits.push((*i, 1));
                            }
                        }
                    }
                    for (i, quantity) in hits {
                        chains[i].steps.push(Step {
                            ledger: path.clone(),
                            holder: owner.clone(),
                            seq: rec.seq,
                            at: e.occurred_at,
                            kind: e.kind().as_str(),
                            doc: doc.clone(),
                            party: party.clone(),
                            movement: l.movement.clone(),
                            quantity,
                        });
                    }
                }
                ControlFlow::Continue(())
            },
        )?;
        owners.push(owner);
    }
    for chain in &mut chains {
        chain.find_breaks(&owners);
    }
    Ok(chains)
}

impl Chain {
    /// Orders the steps in time and records where the chain breaks: a first appearance that is
    /// not a receipt; a dispatch to a company whose ledger is among `owners`, without a later
    /// receipt there.
    fn find_breaks(&mut self, owners: &[String]) {
        self.steps.sort_by_key(|s| s.at);
        if let Some(first) = self.steps.first() {
            if first.kind != "receipt" {
                self.breaks.push(format!(
                    "first seen in a {} (seq {} of {}), not a receipt",
                    first.kind,
                    first.seq,
                    first.ledger.display()
                ));
            }
        }
        // Each dispatch to a company whose ledger is given takes its own receipt there (the
        // same quantity first, else any later one), so that a batch shipped twice and received
        // once breaks.
        let mut used = vec![false; self.steps.len()];
        for (i, s) in self.steps.iter().enumerate() {
            if s.kind != "dispatch" {
                continue;
            }
            let Some(to) = s.party.as_ref().filter(|to| owners.contains(to)) else {
                continue;
            };
            let receipt = |r: &Step| {
                r.kind == "receipt" && &r.holder == to && r.party.as_deref() == Some(&s.holder)
            };
            let later =
                || (i + 1..self.steps.len()).filter(|&j| !used[j] && receipt(&self.steps[j]));
            match later()
                .find(|&j| self.steps[j].quantity == s.quantity)
                .or_else(|| later().next())
            {
                Some(j) => used[j] = true,
                None => self.breaks.push(format!(
                    "dispatched by {} to {} ({} seq {}) but never received there",
                    s.holder, to, s.doc, s.seq
                )),
            }
        }
    }
}

impl Chain {
    /// Human-readable text.
    pub fn to_text(&self, target: &Target) -> String {
        let mut s = String::new();
        let what = match target {
            Target::Code(c) => format!("unit {c}"),
            Target::Batch { product, batch } => format!("{product} batch {batch}"),
        };
        let _ = writeln!(s, "custody chain of {what}: {} steps", self.steps.len());
        for st in &self.steps {
            let _ = writeln!(
                s,
                "  {}  {:<18} holder {:<20} {:<16} {:<18} qty {:>6}  {} seq {}",
                st.at.format("%Y-%m-%d %H:%M"),
                st.kind,
                st.holder,
                st.doc,
                st.movement,
                st.quantity,
                Path::new(&st.ledger).display(),
                st.seq
            );
        }
        if self.breaks.is_empty() {
            let _ = writeln!(s, "chain unbroken across the given ledgers");
        } else {
            for b in &self.breaks {
                let _ = writeln!(s, "BREAK: {b}");
            }
        }
        s
    }
}
