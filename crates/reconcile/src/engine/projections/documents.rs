//! Documents: purchase orders, sales, the goods of each order or sale against what was invoiced
//! for them, invoices net of credit notes, and what was paid on them.
//!
//! Evidence may arrive in any order: invoices before their goods (counted when the goods
//! arrive), credit notes and payments before their invoice (held, and applied when it is
//! booked, within `orphan_days`). An excess (more invoiced than the goods, more paid than the
//! invoice) opens when it becomes a fact and gets a correction deadline (`correction_days` after
//! the latest record involved); it closes if corrected in time.

use chrono::{DateTime, Duration, Utc};
use hashbrown::HashMap;
use rxledger_model::{ControlClass, Event, EventBody, InvoiceDirection, PaymentDirection};
use smallvec::SmallVec;

mod groups;
mod held;
mod invoice;
mod key;
mod moved;
mod movements;
mod numbers;
mod own;
mod sale;
mod seen;
mod tier;
mod uninvoiced;

use crate::engine::projections::lines::Lines;
use crate::engine::projections::{doc_key, Id};
pub(crate) use groups::{share, Cursors};
pub(crate) use held::{Applied, PaymentRef};
use held::{EarlyCredit, Held};
pub(crate) use invoice::Invoice;
use key::root_in;
use moved::excess_quantity;
use movements::Movement;
pub(crate) use sale::SaleRec;
use seen::Seen;
use tier::Tier;

use super::master::Master;
use super::{qty, Total};
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
    pub supplier: Id,
    /// Product -> (ordered, arrived so far: running count of `REC-DOC`).
    pub lines: Lines<(u64, u64)>,
}

/// The credit notes of one number, one per counterparty: (counterparty, the key of the invoice
/// it ultimately credits, its record).
type Credited = SmallVec<[(Id, Id, u64); 1]>;

/// The goods moved for one order or sale, against what was invoiced for them.
#[derive(Debug)]
pub(crate) struct Goods {
    /// The first goods movement.
    pub seq: u64,
    pub party: Id,
    /// Product -> its goods, invoiced quantity and excess: one entry per product moved or
    /// invoiced (one key and one map where three were kept).
    pub lines: Lines<GoodsLine>,
    pub invoice_seqs: Vec<u64>,
    /// The latest `occurred_at` of a record counted (goods movement, invoice, credit note).
    pub last_at: DateTime<Utc>,
    /// The invoicing deadline passed (`UNINVOICED` was checked); the record stays while an
    /// excess is open.
    pub checked: bool,
    /// The invoicing deadline: the latest of its members' when the goods are a group's.
    pub due: DateTime<Utc>,
    /// Goods moved after the record was made (the clock's time, product, quantity, record): at a
    /// check,
    /// those moved less than `uninvoiced_days` before it are not due yet, and the record is
    /// checked again when they are (a sale shipped in parts and invoiced at month end).
    pub young: Vec<(DateTime<Utc>, Id, i64, u64)>,
    /// Checked at a deadline already and kept for goods moved since (`young`).
    pub judged: bool,
}

/// One product of the goods of an order or sale.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct GoodsLine {
    /// Quantity accepted or dispatched (net of returns); 0 when none moved.
    pub goods: i64,
    /// Quantity invoiced (net of credit notes); `None` while no invoice named the product.
    pub invoiced: Option<i64>,
    /// Its invoiced excess over the goods, open or reported.
    pub excess: Option<Excess>,
    /// The shortfall of invoices already reported (`UNINVOICED`): a later check of the same
    /// goods reports only a larger one.
    pub reported: i64,
}

impl GoodsLine {
    /// Adds `n` to the invoiced quantity (counted from 0 when none was).
    fn invoice(&mut self, n: i64) {
        self.invoiced.get_or_insert(0).add_sat(n);
    }
}

/// An excess (invoiced over goods, paid over invoiced) waiting for its correction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Excess {
    /// When it becomes a finding if not corrected.
    pub due: DateTime<Utc>,
    /// Reported as a finding (it is not reported again).
    pub reported: bool,
}

/// Invoiced quantities per product, the invoices' seqs and the latest invoice time, before the
/// goods arrived.
#[derive(Debug, Default)]
struct EarlyInvoiced {
    invoiced: Lines<i64>,
    seqs: Vec<u64>,
    last_at: Option<DateTime<Utc>>,
}

impl EarlyInvoiced {
    /// Adds the early invoices `other` (of a document merged into this one's group).
    fn absorb(&mut self, other: EarlyInvoiced) {
        for (p, n) in other.invoiced {
            self.invoiced.get_or_default(&p).add_sat(n);
        }
        self.seqs.extend(other.seqs);
        self.last_at = self.last_at.max(other.last_at);
    }
}

impl Goods {
    /// Counts the invoices that arrived before these goods.
    fn absorb(&mut self, early: EarlyInvoiced) {
        for (p, n) in early.invoiced {
            self.lines.get_or_default(&p).invoice(n);
        }
        self.invoice_seqs.extend(early.seqs);
        self.last_at = self.last_at.max(early.last_at.unwrap_or(self.last_at));
    }
}

/// Deadlines of documents: the documents family checks, then the record's life cycle runs.
#[derive(Debug)]
pub(crate) enum DocDue {
    /// Goods of an order or sale (or of the group it belongs to) must be invoiced by `due`
    /// (`UNINVOICED`); a group is judged at its latest deadline.
    Goods {
        dir: Dir,
        doc: Id,
        due: DateTime<Utc>,
    },
    /// An invoice must be settled by now (`UNPAID`).
    Invoice(Id),
    /// An invoice must have its goods by now (`ORPHAN`).
    InvoiceOrphan(Id),
    /// A payment must settle a known invoice by now (`ORPHAN`); what is left of it stops
    /// waiting.
    PaymentOrphan {
        seq: u64,
        doc: Id,
        invoices: Vec<Id>,
        party: Id,
    },
    /// A credit note must credit a known invoice by now (`ORPHAN`).
    CreditOrphan {
        seq: u64,
        doc: Id,
        invoice: Id,
        party: Id,
    },
    /// An invoiced excess over the goods of product `product` of an order or sale must be
    /// corrected by `due` (`TTGK`).
    Excess {
        dir: Dir,
        doc: Id,
        product: Id,
        due: DateTime<Utc>,
    },
    /// An invoice's overpayment must be refunded by `due` (`TTGK`).
    Overpaid {
        doc: Id,
        due: DateTime<Utc>,
    },
    ForgetInvoice(Id),
    /// What is left of a payment whose `ORPHAN` deadline passed: applied still if the invoices
    /// it names are booked within the return window after that deadline, then forgotten.
    ForgetHeld(u64),
    /// A credit note whose `ORPHAN` deadline passed, likewise.
    ForgetEarlyCredit {
        doc: Id,
        invoice: Id,
    },
    /// The quantities of the invoice `Id`, whose goods did not move by its `ORPHAN` deadline:
    /// counted still if they move within the return window after it, then forgotten.
    ForgetEarlyInvoiced(Id),
    ForgetOrder(Id),
    ForgetSale(Id),
    ForgetSeen(Dir, Id),
    /// Forget which orders (of a receipt) or sales (of a dispatch) the goods movement numbered
    /// `Id` was for.
    ForgetMovement(Dir, Id),
    /// Forget which orders the receipts naming the supplier's delivery note `Id` were for.
    ForgetDelivery(Id),
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

/// The orders (or receipts) of a purchase invoice, the sales (or delivery notes) of a sales
/// invoice.
pub(crate) fn invoice_goods<'e>(e: &'e Event, inv: &rxledger_model::Invoice) -> &'e [Id] {
    let (primary, fallback) = match invoice_dir(inv) {
        Dir::Purchase => (&e.refs.order, &e.refs.receipt),
        Dir::Sale => (&e.refs.sale, &e.refs.delivery_note),
    };
    if primary.is_empty() {
        fallback
    } else {
        primary
    }
}

/// The orders (of a receipt) or sales (of a dispatch) a goods movement is for: those it names,
/// else the one its own number stands for.
pub(crate) fn named_or_own<'e>(named: &'e [Id], own: &'e Id) -> &'e [Id] {
    if named.is_empty() {
        std::slice::from_ref(own)
    } else {
        named
    }
}

/// The party that pays or is paid, and its account.
pub(crate) fn payment_counterparty(p: &rxledger_model::Payment) -> (&Id, &Id) {
    match p.direction {
        PaymentDirection::Outgoing => (&p.payee, &p.payee_account),
        PaymentDirection::Incoming => (&p.payer, &p.payer_account),
    }
}

/// Documents.
#[derive(Default)]
pub(crate) struct Documents {
    pub orders: HashMap<Id, Order>,
    /// Sales; those untouched for weeks wait on disk ([`tier`]).
    pub sales: Tier<SaleRec>,
    /// Receipt number -> the orders it names, when its own number is not one of them (a
    /// purchase invoice naming receipts is matched to their orders), for the return window;
    /// those untouched for weeks wait on disk.
    receipt_orders: Tier<Movement>,
    /// Delivery-note (dispatch) number -> the sales it names, likewise for sales invoices that
    /// name delivery notes.
    dispatch_sales: Tier<Movement>,
    /// The supplier's delivery-note number -> the orders of the receipt that named it (the
    /// receipt's own number when it named none), for purchase invoices naming delivery notes.
    delivery_orders: Tier<Movement>,
    /// Goods per order or sale, until they are checked against invoices.
    pub goods: HashMap<(Dir, Id), Goods>,
    /// Orders and sales that had goods (within the return window); those untouched for weeks
    /// wait on disk.
    pub seen_goods: Seen,
    /// Order or sale -> the group it was merged into (by a document covering several).
    alias: HashMap<(Dir, Id), Id>,
    /// Group -> its orders or sales, the root first (groups of two or more only).
    group_members: HashMap<(Dir, Id), Vec<Id>>,
    /// Invoiced quantities (and invoice seqs) that arrived before their goods.
    early_invoiced: HashMap<(Dir, Id), EarlyInvoiced>,
    /// Kept until the return window after the payment deadline; boxed, so that the table
    /// (hundreds of thousands of invoices at a wholesaler's volume) is small to grow; those
    /// untouched for weeks wait on disk ([`tier`]).
    pub invoices: Tier<Box<Invoice>>,
    /// Invoice numbers that two counterparties' invoices share (the 8-digit 发票号码 of paper
    /// invoices repeats across issuers): number -> the counterparties whose invoice is kept under
    /// a key naming the party too ([`qualified`]). The first one booked keeps the bare number.
    shared: HashMap<Id, SmallVec<[Id; 1]>>,
    /// Credit note number -> its counterparty, the key of the invoice it (ultimately) credits
    /// and its record, one per counterparty (red-letter invoices' numbers repeat across issuers too).
    credit_of: HashMap<Id, Credited>,
    /// Credit notes waiting for the invoice (or credit note) they name, by that number.
    early_credits: HashMap<Id, Vec<EarlyCredit>>,
    /// Payments waiting for invoices they name, by payment seq.
    held: HashMap<u64, Held>,
    /// Invoice (or credit note) number -> the held payments naming it.
    awaiting: HashMap<Id, Vec<u64>>,
    /// Order and sale numbers two counterparties share ([`own`]).
    own: own::Shared,
    /// Held payments applied to invoices booked by the current event, for the families'
    /// checks of payments (party and account: documents; cash for controlled drugs: could be
    /// special). Cleared at the next event.
    pub applied: Vec<Applied>,
}

impl Documents {
    /// Forgets the records only events look up (sales, and which orders or sales each goods
    /// movement named), at the end of the input: describing the open items does not need them.
    /// Their faults are to be taken first.
    pub fn drop_event_records(&mut self) {
        self.sales = Tier::default();
        self.receipt_orders = Tier::default();
        self.dispatch_sales = Tier::default();
        self.delivery_orders = Tier::default();
    }

    /// Documents whose sales and invoices untouched for `days` wait in files made in `dir`.
    #[cfg(test)]
    pub fn cold_after(dir: &std::path::Path, days: i64) -> Documents {
        Documents {
            sales: Tier::in_dir(dir, days),
            invoices: Tier::in_dir(dir, days),
            seen_goods: Seen::cold_after(dir, days),
            ..Documents::default()
        }
    }

    /// Sales and invoices waiting on disk.
    #[cfg(test)]
    pub fn on_disk(&self) -> usize {
        self.sales.on_disk() + self.invoices.on_disk() + self.seen_goods.on_disk()
    }

    /// Documents set aside on disk that could not be read back (they were treated as unknown,
    /// so findings may be wrong or missing).
    pub fn take_fault(&mut self) -> Option<rxledger_store::StoreError> {
        let (dir, source) = if let Some(e) = self.sales.fault.take() {
            (self.sales.dir(), e)
        } else if let Some(e) = self.invoices.fault.take() {
            (self.invoices.dir(), e)
        } else if let Some(e) = self.receipt_orders.fault.take() {
            (self.receipt_orders.dir(), e)
        } else if let Some(e) = self.dispatch_sales.fault.take() {
            (self.dispatch_sales.dir(), e)
        } else if let Some(e) = self.delivery_orders.fault.take() {
            (self.delivery_orders.dir(), e)
        } else {
            self.seen_goods.take_fault()?
        };
        Some(rxledger_store::StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })
    }

    /// Whether `number` is a known invoice or credit note.
    pub fn known(&mut self, number: &str) -> bool {
        self.invoices.contains_key(number)
            || self.credit_of.contains_key(number)
            || self.shared.contains_key(number)
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
        self.applied.clear();
        if let Some(now) = now {
            // One day number for the six tiers (chrono's timestamp is not free).
            let day = tier::day_of(now);
            self.sales.tick_day(day, None);
            self.seen_goods.tick_day(day);
            // An invoice is looked at again at its payment deadline: it is kept in memory to
            // then ([`Tier::insert_until`]), and waits on disk two weeks after.
            let invoices = Some(tier::INVOICE_COLD_AFTER_DAYS);
            self.invoices.tick_day(day, invoices);
            // Which sales a dispatch named is looked up only by an invoice naming its delivery
            // note (a month-end invoice, within weeks): after a week it waits on disk.
            let movements = Some(tier::MOVEMENT_COLD_AFTER_DAYS);
            self.receipt_orders.tick_day(day, movements);
            self.dispatch_sales.tick_day(day, movements);
            self.delivery_orders.tick_day(day, movements);
        }
        let window = Duration::days(cfg.thresholds.return_window_days);
        match &e.body {
            EventBody::Purchase(p) => {
                let lines = p
                    .lines
                    .iter()
                    .map(|l| (l.product.as_str(), (l.quantity, 0)));
                let lines = Lines::merged(lines, |a, b| a.0.add_sat(b.0));
                let order = Order {
                    supplier: p.supplier.clone(),
                    lines,
                };
                self.orders.insert(p.doc.clone(), order);
                let forget = DocDue::ForgetOrder(p.doc.clone());
                sched.at(e.occurred_at + window, Due::Documents(forget));
            }
            EventBody::Sale(s) => {
                let lines = s
                    .lines
                    .iter()
                    .map(|l| (l.product.as_str(), l.batch.as_str(), l.quantity, l.expiry));
                let mut sale = SaleRec::new(seq, s.customer.clone(), lines);
                sale.retail = s.channel == rxledger_model::Channel::Retail;
                self.sales.insert(s.doc.clone(), sale);
                let forget = DocDue::ForgetSale(s.doc.clone());
                sched.at(e.occurred_at + window, Due::Documents(forget));
            }
            EventBody::Receipt(r) => {
                self.movement(
                    Dir::Purchase,
                    &r.doc,
                    &e.refs.order,
                    e.occurred_at,
                    cfg,
                    sched,
                );
                let orders = named_or_own(&e.refs.order, &r.doc);
                let notes = &e.refs.delivery_note;
                self.delivered(notes, &r.supplier, orders, e.occurred_at, cfg, sched);
                self.unite(Dir::Purchase, orders);
                let mut goods = self.moved(cfg, sched, now, ev, Dir::Purchase, orders);
                for l in &r.lines {
                    goods.add(&r.supplier, &l.product, qty(l.accepted));
                }
            }
            EventBody::Dispatch(d) => {
                self.movement(Dir::Sale, &d.doc, &e.refs.sale, e.occurred_at, cfg, sched);
                let sales = named_or_own(&e.refs.sale, &d.doc);
                self.unite(Dir::Sale, sales);
                let mut goods = self.moved(cfg, sched, now, ev, Dir::Sale, sales);
                for l in &d.lines {
                    goods.add(&d.customer, &l.product, qty(l.quantity));
                }
            }
            EventBody::CustomerReturn(r) if !e.refs.sale.is_empty() => {
                self.unite(Dir::Sale, &e.refs.sale);
                let mut goods = self.moved(cfg, sched, now, ev, Dir::Sale, &e.refs.sale);
                for l in &r.lines {
                    goods.add(&r.customer, &l.product, -qty(l.quantity));
                }
            }
            EventBody::SupplierReturn(r) if !e.refs.order.is_empty() => {
                self.unite(Dir::Purchase, &e.refs.order);
                let mut goods = self.moved(cfg, sched, now, ev, Dir::Purchase, &e.refs.order);
                for l in &r.lines {
                    goods.add(&r.supplier, &l.product, -qty(l.quantity));
                }
            }
            EventBody::Invoice(inv) => self.invoice(seq, e, inv, master, cfg, sched),
            EventBody::Payment(p) => self.payment(seq, e, p, cfg, sched),
            _ => {}
        }
    }

    /// Counts an invoice against its goods (or keeps it until they arrive), applies a credit
    /// note to the invoice it credits (or keeps it until that is booked), applies the credit
    /// notes and payments that waited for this invoice, and sets the deadlines for goods and
    /// payment.
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
        let party = invoice_counterparty(inv);
        // What it is booked under (a credit note goes into the invoice it credits).
        let key = match inv.credit_for {
            None => self.new_invoice_key(&inv.doc, party),
            Some(_) => inv.doc.clone(),
        };
        let named = &self.invoiced_goods(e, inv)[..];
        // Named orders or sales whose goods were already judged on their own: a consolidated
        // invoice that is late for them is counted only up to the goods still open.
        let closed = named.iter().any(|d| {
            self.seen_goods.contains(dir, d)
                && !self
                    .goods
                    .contains_key(&doc_key(dir, root_in(&self.alias, dir, d)))
        });
        let goods_key = self.unite(dir, named);
        let sign: i64 = if inv.credit_for.is_some() { -1 } else { 1 };
        let at = e.occurred_at;
        let orphan_due = at + Duration::days(cfg.thresholds.orphan_days);
        let orphan = || Due::Documents(DocDue::InvoiceOrphan(key.clone()));
        if let Some(k) = goods_key.as_deref() {
            let key = doc_key(dir, k);
            if let Some(g) = self.goods.get_mut(&key) {
                for l in &inv.lines {
                    let mut n = sign * qty(l.quantity);
                    let line = g.lines.get_or_default(&l.product);
                    if closed && n > 0 {
                        let counted = line.invoiced.unwrap_or(0);
                        let open = line.goods.saturating_sub(counted);
                        n = n.min(open.max(0));
                    }
                    line.invoice(n);
                }
                g.invoice_seqs.push(seq);
                g.last_at = g.last_at.max(at);
                excess_quantity(g, (dir, k), cfg, sched);
            } else if named.iter().any(|d| !self.seen_goods.contains(dir, d)) {
                // Invoiced before the goods arrived: counted when they do.
                let early = match self.early_invoiced.get_mut(&key) {
                    Some(x) => x,
                    None => self.early_invoiced.entry((dir, Id::from(k))).or_default(),
                };
                for l in &inv.lines {
                    let n = sign * qty(l.quantity);
                    early.invoiced.get_or_default(&l.product).add_sat(n);
                }
                early.seqs.push(seq);
                early.last_at = Some(early.last_at.map_or(at, |t| t.max(at)));
                if inv.credit_for.is_none() {
                    sched.at(orphan_due, orphan());
                }
            }
        } else if inv.credit_for.is_none() {
            sched.at(orphan_due, orphan());
        }
        if let Some(credited) = &inv.credit_for {
            let root = self.root(credited, party).0;
            let credit = EarlyCredit {
                doc: inv.doc.clone(),
                party: Id::from(party),
                seq,
                minor: inv.total.minor,
                at,
            };
            // Only its own counterparty's invoice: another's of that number (two issuers' paper
            // invoices share numbers) waits with those not yet booked, until its deadline.
            let own = self.invoices.get(&root).map(|r| r.counterparty == party);
            if own == Some(true) {
                self.credit(&root, &credit, cfg, sched);
            } else {
                // Credits an invoice not (yet) in the books: it may be booked later.
                self.early_credits
                    .entry(credited.clone())
                    .or_default()
                    .push(credit);
                let orphan = DocDue::CreditOrphan {
                    seq,
                    doc: inv.doc.clone(),
                    invoice: credited.clone(),
                    party: Id::from(party),
                };
                sched.at(orphan_due, Due::Documents(orphan));
            }
            return;
        }
        let (mut no_cash, mut ephedrine) = (false, false);
        for l in &inv.lines {
            let c = master.control(&l.product);
            no_cash |= c.no_cash();
            ephedrine |= c == ControlClass::CompoundEphedrine;
        }
        let mut new = Box::new(Invoice {
            seq,
            dir,
            counterparty: Id::from(party),
            total: inv.total.minor,
            paid: 0,
            // Room inline for its payment too (the usual next seq).
            seqs: smallvec::smallvec![seq],
            goods: named.iter().cloned().collect(),
            no_cash,
            ephedrine,
            last_at: at,
            rare: None,
        });
        // A number booked twice (by the same counterparty) keeps the credit notes of the first
        // (forgotten with it).
        if let Some(old) = self.invoices.get(&key) {
            if let Some(at) = old.credited_at() {
                for c in old.credits() {
                    new.add_credit(c.clone(), at);
                }
            }
        }
        let issued = at.max(crate::time::local_midnight(inv.issued_on));
        let due = issued + Duration::days(cfg.thresholds.unpaid_days);
        self.invoices.insert_until(key.clone(), new, Some(due));
        self.resolved(&inv.doc, &key, party, cfg, sched);
        sched.at(due, Due::Documents(DocDue::Invoice(key)));
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
            DocDue::Goods { dir, doc, due } => self.goods_due(dir, doc, due, cfg, sched),
            DocDue::Excess {
                dir,
                doc,
                product,
                due,
            } => {
                let k = doc_key(dir, root_in(&self.alias, dir, &doc));
                let Some(g) = self.goods.get_mut(&k) else {
                    return;
                };
                if let Some(x) = g
                    .lines
                    .get_mut(&product)
                    .and_then(|l| l.excess.as_mut())
                    .filter(|x| x.due == due)
                {
                    x.reported = true;
                }
                if g.checked
                    && g.lines
                        .values()
                        .all(|l| l.excess.is_none_or(|x| x.reported))
                {
                    self.goods.remove(&k);
                }
            }
            DocDue::Overpaid { doc, due } => {
                if let Some(x) = self
                    .invoices
                    .get_mut(&doc)
                    .and_then(|i| i.overpaid_mut())
                    .filter(|x| x.due == due)
                {
                    x.reported = true;
                }
            }
            DocDue::Invoice(doc) => {
                if self.invoices.contains_key(&doc) {
                    let forget =
                        now.unwrap_or_default() + Duration::days(cfg.thresholds.return_window_days);
                    sched.at(forget, Due::Documents(DocDue::ForgetInvoice(doc)));
                }
            }
            // Evidence still waiting at its `ORPHAN` deadline (reported then) waits on for the
            // return window, as closed documents are remembered: booked late, an invoice still
            // gets the payments and credit notes recorded before it, and goods moved late still
            // count the invoice that came first, instead of a second, untrue finding
            // (`UNPAID`, `UNINVOICED`) about the same documents.
            DocDue::InvoiceOrphan(doc) => {
                let seen = &mut self.seen_goods;
                let waits = self
                    .invoices
                    .get(&doc)
                    .is_some_and(|inv| !inv.goods.is_empty() && !seen.any(inv.dir, &inv.goods));
                if waits {
                    let d = DocDue::ForgetEarlyInvoiced(doc);
                    sched.at(forget_at(now, cfg), Due::Documents(d));
                }
            }
            DocDue::PaymentOrphan { seq, .. } => {
                self.settle_late(seq, cfg, sched);
                if self.held.contains_key(&seq) {
                    let d = DocDue::ForgetHeld(seq);
                    sched.at(forget_at(now, cfg), Due::Documents(d));
                }
            }
            DocDue::CreditOrphan { doc, invoice, .. } => {
                self.settle_credit_late(&doc, &invoice, cfg, sched);
                let waits = self
                    .early_credits
                    .get(&invoice)
                    .is_some_and(|list| list.iter().any(|c| c.doc == doc));
                if waits {
                    let d = DocDue::ForgetEarlyCredit { doc, invoice };
                    sched.at(forget_at(now, cfg), Due::Documents(d));
                }
            }
            DocDue::ForgetEarlyInvoiced(doc) => {
                let Some(inv) = self.invoices.get(&doc) else {
                    return;
                };
                if let Some(first) = inv.goods.first() {
                    if !self.seen_goods.any(inv.dir, &inv.goods) {
                        let k = doc_key(inv.dir, root_in(&self.alias, inv.dir, first));
                        self.early_invoiced.remove(&k);
                    }
                }
            }
            DocDue::ForgetHeld(seq) => {
                if let Some(h) = self.held.remove(&seq) {
                    for n in h.unknown {
                        if let Some(list) = self.awaiting.get_mut(&n) {
                            list.retain(|s| *s != seq);
                            if list.is_empty() {
                                self.awaiting.remove(&n);
                            }
                        }
                    }
                }
            }
            DocDue::ForgetEarlyCredit { doc, invoice } => {
                if let Some(list) = self.early_credits.get_mut(&invoice) {
                    list.retain(|c| c.doc != doc);
                    if list.is_empty() {
                        self.early_credits.remove(&invoice);
                    }
                }
            }
            DocDue::ForgetInvoice(doc) => self.forget_invoice(doc, cfg, sched, now),
            DocDue::ForgetOrder(doc) => {
                self.orders.remove(&doc);
            }
            DocDue::ForgetSale(doc) => {
                self.sales.forget(&doc);
            }
            DocDue::ForgetDelivery(doc) => {
                self.delivery_orders.forget(&doc);
            }
            DocDue::ForgetMovement(dir, doc) => {
                match dir {
                    Dir::Purchase => self.receipt_orders.forget(&doc),
                    Dir::Sale => self.dispatch_sales.forget(&doc),
                };
            }
            DocDue::ForgetSeen(dir, doc) => {
                // A later goods movement keeps it longer (its own deadline forgets it).
                if self.seen_goods.remove(dir, &doc, now.unwrap_or_default()) {
                    self.forget_member(dir, &doc);
                }
            }
        }
    }
}

/// When evidence whose `ORPHAN` deadline passed at `now` is forgotten: the return window later.
fn forget_at(now: Option<DateTime<Utc>>, cfg: &Config) -> DateTime<Utc> {
    now.unwrap_or_default() + Duration::days(cfg.thresholds.return_window_days)
}

/// Opens (or closes, when corrected) the overpayment of the invoice `inv`, numbered `doc`.
fn excess_amount(inv: &mut Invoice, doc: &str, cfg: &Config, sched: &mut Scheduler) {
    let over = inv.paid
        > inv
            .total
            .saturating_add(cfg.thresholds.amount_tolerance_minor);
    match (over, inv.overpaid()) {
        (true, None) => {
            let due = inv.last_at + Duration::days(cfg.thresholds.correction_days);
            inv.set_overpaid(Some(Excess {
                due,
                reported: false,
            }));
            let d = DocDue::Overpaid {
                doc: Id::from(doc),
                due,
            };
            sched.at(due, Due::Documents(d));
        }
        (false, Some(x)) if !x.reported => inv.set_overpaid(None),
        _ => {}
    }
}
