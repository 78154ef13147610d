//! Documents: purchase orders, sales, the goods of each order or sale against what was invoiced
//! for them, invoices net of credit notes, and what was paid on them.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use hashbrown::{HashMap, HashSet};
use rxledger_model::{ControlClass, Event, EventBody, InvoiceDirection, PaymentDirection};

use super::master::Master;
use super::{key, qty};
use crate::engine::ctx::{Due, Ev, Scheduler};
use crate::Config;

/// Which side of the business a document is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Dir {
    Purchase,
    Sale,
}

/// A purchase order.
#[derive(Debug)]
pub(crate) struct Order {
    pub supplier: String,
    /// Product -> (ordered, arrived so far: running count of `REC-DOC`).
    pub lines: HashMap<String, (u64, u64)>,
}

/// A sale.
#[derive(Debug)]
pub(crate) struct SaleRec {
    pub seq: u64,
    pub customer: String,
    /// (product, batch) -> (quantity, expiry)
    pub lines: HashMap<(String, String), (u64, NaiveDate)>,
    /// (product, batch) -> quantity reviewed fit (running count of `OUT-REV`).
    pub reviewed: HashMap<(String, String), u64>,
    /// (product, batch) -> quantity dispatched (running count of `OUT-REV`).
    pub dispatched: HashMap<(String, String), u64>,
    /// (product, batch) -> quantity returned (running count of `RETURN-ORIG`).
    pub returned: HashMap<(String, String), u64>,
}

/// The goods moved for one order or sale, against what was invoiced for them.
#[derive(Debug)]
pub(crate) struct Goods {
    /// The first goods movement.
    pub seq: u64,
    pub party: String,
    /// Product -> quantity accepted or dispatched (net of returns).
    pub goods: BTreeMap<String, i64>,
    /// Product -> quantity invoiced (net of credit notes).
    pub invoiced: BTreeMap<String, i64>,
    pub invoice_seqs: Vec<u64>,
}

/// Invoiced quantities per product, and the invoices' seqs, before the goods arrived.
type EarlyInvoiced = (BTreeMap<String, i64>, Vec<u64>);

/// An invoice, net of its credit notes.
#[derive(Debug)]
pub(crate) struct Invoice {
    pub seq: u64,
    pub dir: Dir,
    pub counterparty: String,
    /// Total, minor units, net of credit notes.
    pub total: i64,
    /// Paid, minor units (refunds subtract).
    pub paid: i64,
    /// The invoice, its credit notes and payments.
    pub seqs: Vec<u64>,
    /// The order or sale it is for.
    pub goods_key: Option<(Dir, String)>,
    /// Has a special-control line.
    pub special: bool,
    /// Has a compound-ephedrine line.
    pub ephedrine: bool,
}

/// Deadlines of documents: the documents family checks, then the record's life cycle runs.
#[derive(Debug)]
pub(crate) enum DocDue {
    /// Goods of an order or sale must be invoiced by now (`UNINVOICED`).
    Goods(Dir, String),
    /// An invoice must be settled by now (`UNPAID`).
    Invoice(String),
    /// An invoice must have its goods by now (`ORPHAN`).
    InvoiceOrphan(String),
    /// A payment must settle a known invoice by now (`ORPHAN`).
    PaymentOrphan {
        seq: u64,
        invoices: Vec<String>,
        party: String,
    },
    ForgetInvoice(String),
    ForgetOrder(String),
    ForgetSale(String),
    ForgetSeen(Dir, String),
}

/// The side, counterparty and order or sale of an invoice.
pub(crate) fn invoice_dir(inv: &rxledger_model::Invoice) -> Dir {
    match inv.direction {
        InvoiceDirection::Purchase => Dir::Purchase,
        InvoiceDirection::Sale => Dir::Sale,
    }
}

/// The party the invoice is with: the issuer of a purchase invoice, the buyer of a sale.
pub(crate) fn invoice_counterparty(inv: &rxledger_model::Invoice) -> &str {
    match invoice_dir(inv) {
        Dir::Purchase => &inv.issuer,
        Dir::Sale => &inv.buyer,
    }
}

/// The order (or receipt) of a purchase invoice, the sale (or delivery note) of a sales invoice.
pub(crate) fn invoice_goods<'e>(e: &'e Event, inv: &rxledger_model::Invoice) -> Option<&'e str> {
    match invoice_dir(inv) {
        Dir::Purchase => e.refs.order.as_deref().or(e.refs.receipt.as_deref()),
        Dir::Sale => e.refs.sale.as_deref().or(e.refs.delivery_note.as_deref()),
    }
}

/// The party that pays or is paid, and its account.
pub(crate) fn payment_counterparty(p: &rxledger_model::Payment) -> (&String, &String) {
    match p.direction {
        PaymentDirection::Outgoing => (&p.payee, &p.payee_account),
        PaymentDirection::Incoming => (&p.payer, &p.payer_account),
    }
}

/// Documents.
#[derive(Default)]
pub(crate) struct Documents {
    pub orders: HashMap<String, Order>,
    pub sales: HashMap<String, SaleRec>,
    /// Goods per order or sale, until they are checked against invoices.
    pub goods: HashMap<(Dir, String), Goods>,
    /// Orders and sales that had goods (within the return window).
    pub seen_goods: HashSet<(Dir, String)>,
    /// Invoiced quantities (and invoice seqs) that arrived before their goods.
    early_invoiced: HashMap<(Dir, String), EarlyInvoiced>,
    pub invoices: HashMap<String, Invoice>,
    /// Credit note -> the invoice it (ultimately) credits.
    credit_of: HashMap<String, String>,
}

impl Documents {
    /// The invoice a number stands for: itself, or the invoice a credit note credits.
    pub fn root<'a>(&'a self, number: &'a str) -> &'a str {
        self.credit_of.get(number).map_or(number, String::as_str)
    }

    /// Whether `number` is a known invoice or credit note.
    pub fn known(&self, number: &str) -> bool {
        self.invoices.contains_key(number) || self.credit_of.contains_key(number)
    }

    /// Records orders, sales, goods movements, invoices and payments.
    pub fn apply(
        &mut self,
        ev: &Ev<'_>,
        master: &Master,
        cfg: &Config,
        sched: &mut Scheduler,
        now: Option<DateTime<Utc>>,
    ) {
        let (seq, e) = (ev.seq, ev.e);
        let window = Duration::days(cfg.thresholds.return_window_days);
        match &e.body {
            EventBody::Purchase(p) => {
                let mut lines: HashMap<String, (u64, u64)> = HashMap::new();
                for l in &p.lines {
                    lines.entry(l.product.clone()).or_insert((0, 0)).0 += l.quantity;
                }
                let order = Order {
                    supplier: p.supplier.clone(),
                    lines,
                };
                self.orders.insert(p.doc.clone(), order);
                let forget = DocDue::ForgetOrder(p.doc.clone());
                sched.at(e.occurred_at + window, Due::Documents(forget));
            }
            EventBody::Sale(s) => {
                let mut lines = HashMap::new();
                for l in &s.lines {
                    let entry = lines
                        .entry(key(&l.product, &l.batch))
                        .or_insert((0, l.expiry));
                    entry.0 += l.quantity;
                }
                let sale = SaleRec {
                    seq,
                    customer: s.customer.clone(),
                    lines,
                    reviewed: HashMap::new(),
                    dispatched: HashMap::new(),
                    returned: HashMap::new(),
                };
                self.sales.insert(s.doc.clone(), sale);
                let forget = DocDue::ForgetSale(s.doc.clone());
                sched.at(e.occurred_at + window, Due::Documents(forget));
            }
            EventBody::Receipt(r) => {
                let order = e.refs.order.as_deref().unwrap_or(&r.doc);
                let mut goods = self.moved(cfg, sched, now, seq);
                for l in &r.lines {
                    goods.add(
                        Dir::Purchase,
                        order,
                        &r.supplier,
                        &l.product,
                        qty(l.accepted),
                    );
                }
            }
            EventBody::Dispatch(d) => {
                let sale = e.refs.sale.as_deref().unwrap_or(&d.doc);
                let mut goods = self.moved(cfg, sched, now, seq);
                for l in &d.lines {
                    goods.add(Dir::Sale, sale, &d.customer, &l.product, qty(l.quantity));
                }
            }
            EventBody::CustomerReturn(r) => {
                if let Some(sale) = &e.refs.sale {
                    let mut goods = self.moved(cfg, sched, now, seq);
                    for l in &r.lines {
                        goods.add(Dir::Sale, sale, &r.customer, &l.product, -qty(l.quantity));
                    }
                }
            }
            EventBody::SupplierReturn(r) => {
                if let Some(order) = &e.refs.order {
                    let mut goods = self.moved(cfg, sched, now, seq);
                    for l in &r.lines {
                        goods.add(
                            Dir::Purchase,
                            order,
                            &r.supplier,
                            &l.product,
                            -qty(l.quantity),
                        );
                    }
                }
            }
            EventBody::Invoice(inv) => self.invoice(seq, e, inv, master, cfg, sched),
            EventBody::Payment(p) => self.payment(seq, e, p, cfg, sched),
            _ => {}
        }
    }

    /// Counts an invoice against its goods (or keeps it until they arrive), applies a credit
    /// note to the invoice it credits, and sets the deadlines for goods and payment.
    fn invoice(
        &mut self,
        seq: u64,
        e: &Event,
        inv: &rxledger_model::Invoice,
        master: &Master,
        cfg: &Config,
        sched: &mut Scheduler,
    ) {
        let dir = invoice_dir(inv);
        let goods_key = invoice_goods(e, inv).map(|d| (dir, d.to_owned()));
        let sign: i64 = if inv.credit_for.is_some() { -1 } else { 1 };
        let orphan_due = e.occurred_at + Duration::days(cfg.thresholds.orphan_days);
        let orphan = || Due::Documents(DocDue::InvoiceOrphan(inv.doc.clone()));
        if let Some(k) = &goods_key {
            if let Some(g) = self.goods.get_mut(k) {
                for l in &inv.lines {
                    *g.invoiced.entry(l.product.clone()).or_insert(0) += sign * qty(l.quantity);
                }
                g.invoice_seqs.push(seq);
            } else if !self.seen_goods.contains(k) {
                // Invoiced before the goods arrived: counted when they do.
                let early = self.early_invoiced.entry(k.clone()).or_default();
                for l in &inv.lines {
                    *early.0.entry(l.product.clone()).or_insert(0) += sign * qty(l.quantity);
                }
                early.1.push(seq);
                if inv.credit_for.is_none() {
                    sched.at(orphan_due, orphan());
                }
            }
        } else if inv.credit_for.is_none() {
            sched.at(orphan_due, orphan());
        }
        if let Some(credited) = &inv.credit_for {
            // A credit note for an unknown invoice is an ORPHAN finding of the documents family.
            let root = self.root(credited).to_owned();
            if let Some(r) = self.invoices.get_mut(&root) {
                r.total -= inv.total.minor;
                r.seqs.push(seq);
                self.credit_of.insert(inv.doc.clone(), root);
            }
            return;
        }
        let special = inv
            .lines
            .iter()
            .any(|l| master.control(&l.product).is_special());
        let ephedrine = inv
            .lines
            .iter()
            .any(|l| master.control(&l.product) == ControlClass::CompoundEphedrine);
        self.invoices.insert(
            inv.doc.clone(),
            Invoice {
                seq,
                dir,
                counterparty: invoice_counterparty(inv).to_owned(),
                total: inv.total.minor,
                paid: 0,
                seqs: vec![seq],
                goods_key,
                special,
                ephedrine,
            },
        );
        let issued = e.occurred_at.max(
            inv.issued_on
                .and_hms_opt(0, 0, 0)
                .map_or(e.occurred_at, |d| d.and_utc()),
        );
        let due = issued + Duration::days(cfg.thresholds.unpaid_days);
        sched.at(due, Due::Documents(DocDue::Invoice(inv.doc.clone())));
    }

    /// Spreads a payment over the invoices it names (the last takes the rest); a payment that
    /// names no known invoice must find one within the orphan window.
    fn payment(
        &mut self,
        seq: u64,
        e: &Event,
        p: &rxledger_model::Payment,
        cfg: &Config,
        sched: &mut Scheduler,
    ) {
        let mut remaining = p.amount.minor;
        let mut known = false;
        let n = p.invoices.len();
        for (i, number) in p.invoices.iter().enumerate() {
            let root = self.credit_of.get(number).unwrap_or(number);
            let Some(inv) = self.invoices.get_mut(root) else {
                continue;
            };
            known = true;
            // Money flows with the invoice (purchase: we pay; sale: we are paid) or against it
            // (refunds).
            let with = matches!(
                (inv.dir, p.direction),
                (Dir::Purchase, PaymentDirection::Outgoing)
                    | (Dir::Sale, PaymentDirection::Incoming)
            );
            let open = (inv.total - inv.paid).max(0);
            let share = if i + 1 == n {
                remaining
            } else {
                remaining.min(open)
            };
            remaining -= share;
            inv.paid += if with { share } else { -share };
            inv.seqs.push(seq);
        }
        if !known {
            let due = e.occurred_at + Duration::days(cfg.thresholds.orphan_days);
            let orphan = DocDue::PaymentOrphan {
                seq,
                invoices: p.invoices.clone(),
                party: payment_counterparty(p).0.clone(),
            };
            sched.at(due, Due::Documents(orphan));
        }
    }

    /// Counting goods movements of record `seq`.
    fn moved<'a>(
        &'a mut self,
        cfg: &'a Config,
        sched: &'a mut Scheduler,
        now: Option<DateTime<Utc>>,
        seq: u64,
    ) -> Moved<'a> {
        Moved {
            docs: self,
            cfg,
            sched,
            now,
            seq,
        }
    }

    /// The life cycle of records at a deadline, after the documents family checked it.
    pub fn on_due(
        &mut self,
        d: DocDue,
        cfg: &Config,
        sched: &mut Scheduler,
        now: Option<DateTime<Utc>>,
    ) {
        match d {
            DocDue::Goods(dir, doc) => {
                self.goods.remove(&(dir, doc));
            }
            DocDue::Invoice(doc) => {
                if self.invoices.contains_key(&doc) {
                    let forget =
                        now.unwrap_or_default() + Duration::days(cfg.thresholds.return_window_days);
                    sched.at(forget, Due::Documents(DocDue::ForgetInvoice(doc)));
                }
            }
            DocDue::InvoiceOrphan(doc) => {
                let Some(inv) = self.invoices.get(&doc) else {
                    return;
                };
                if let Some(k) = &inv.goods_key {
                    if !self.seen_goods.contains(k) {
                        self.early_invoiced.remove(k);
                    }
                }
            }
            DocDue::PaymentOrphan { .. } => {}
            DocDue::ForgetInvoice(doc) => {
                self.invoices.remove(&doc);
                self.credit_of.retain(|_, root| root != &doc);
            }
            DocDue::ForgetOrder(doc) => {
                self.orders.remove(&doc);
            }
            DocDue::ForgetSale(doc) => {
                self.sales.remove(&doc);
            }
            DocDue::ForgetSeen(dir, doc) => {
                self.seen_goods.remove(&(dir, doc));
            }
        }
    }
}

/// Goods movements of one event, counted per order or sale.
struct Moved<'a> {
    docs: &'a mut Documents,
    cfg: &'a Config,
    sched: &'a mut Scheduler,
    now: Option<DateTime<Utc>>,
    seq: u64,
}

impl Moved<'_> {
    /// Counts `q` of `product` for the order or sale `doc` with `party`. The first movement of
    /// a document sets its invoicing deadline; a late return of a document already checked is
    /// not counted.
    fn add(&mut self, dir: Dir, doc: &str, party: &str, product: &str, q: i64) {
        let d = &mut *self.docs;
        let k = (dir, doc.to_owned());
        if !d.goods.contains_key(&k) {
            if q <= 0 && d.seen_goods.contains(&k) {
                return; // a late return on a group already evaluated
            }
            let now = self.now.unwrap_or_default();
            let due = now + Duration::days(self.cfg.thresholds.uninvoiced_days);
            d.goods.insert(
                k.clone(),
                Goods {
                    seq: self.seq,
                    party: party.to_owned(),
                    goods: BTreeMap::new(),
                    invoiced: BTreeMap::new(),
                    invoice_seqs: Vec::new(),
                },
            );
            if d.seen_goods.insert(k.clone()) {
                let forget = now + Duration::days(self.cfg.thresholds.return_window_days);
                let seen = DocDue::ForgetSeen(dir, doc.to_owned());
                self.sched.at(forget, Due::Documents(seen));
            }
            let check = DocDue::Goods(dir, doc.to_owned());
            self.sched.at(due, Due::Documents(check));
        }
        if let Some((inv, seqs)) = d.early_invoiced.remove(&k) {
            if let Some(g) = d.goods.get_mut(&k) {
                for (p, n) in inv {
                    *g.invoiced.entry(p).or_insert(0) += n;
                }
                g.invoice_seqs.extend(seqs);
            }
        }
        if let Some(g) = d.goods.get_mut(&k) {
            *g.goods.entry(product.to_owned()).or_insert(0) += q;
        }
    }
}
