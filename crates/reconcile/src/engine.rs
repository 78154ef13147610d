//! The streaming engine: projections (master data, stock, documents) and the rules over them.

mod cold;
mod special;

pub use cold::{mkt, Band, StreamKind, TempSeries};

use std::collections::{BTreeMap, BTreeSet};

use hashbrown::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rxledger_model::{
    Category, Event, EventBody, InvoiceDirection, PartyKind, PaymentDirection, Quality, Relation,
    TransferReason,
};

use crate::{Config, Finding, Rule};

/// Which side of the business a document group is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Dir {
    Purchase,
    Sale,
}

impl Dir {
    fn ttgk(self) -> Rule {
        match self {
            Dir::Purchase => Rule::TtgkP,
            Dir::Sale => Rule::TtgkS,
        }
    }
}

#[derive(Debug)]
struct Party {
    kind: PartyKind,
    address: String,
    special: Option<rxledger_model::Special>,
    licences: Vec<(NaiveDate, NaiveDate)>,
    scope: BTreeSet<Category>,
    accounts: BTreeSet<String>,
    province: String,
    public_hospital: bool,
}

#[derive(Debug)]
struct Product {
    category: Category,
    control: rxledger_model::ControlClass,
    range: rxledger_model::TempRange,
    /// Cold-chain product (cold or frozen storage).
    cold: bool,
    vaccine: bool,
}

#[derive(Debug, Default)]
#[allow(clippy::struct_excessive_bools)] // independent facts about one batch
struct Batch {
    expiry: Option<NaiveDate>,
    received: bool,
    accepted: u64,
    put_away: u64,
    qualified_source: bool,
    /// Every supplier of this batch was a manufacturer (or a group sales company).
    from_manufacturer: bool,
    acc_gate_reported: bool,
    last_activity: Option<DateTime<Utc>>,
}

#[derive(Debug)]
struct Order {
    supplier: String,
    lines: HashMap<String, (u64, u64)>,
}

#[derive(Debug)]
struct SaleRec {
    seq: u64,
    customer: String,
    /// (product, batch) -> (quantity, expiry)
    lines: HashMap<(String, String), (u64, NaiveDate)>,
    /// (product, batch) -> quantity reviewed fit
    reviewed: HashMap<(String, String), u64>,
    dispatched: HashMap<(String, String), u64>,
    returned: HashMap<(String, String), u64>,
}

#[derive(Debug)]
struct Goods {
    seq: u64,
    party: String,
    goods: BTreeMap<String, i64>,
    invoiced: BTreeMap<String, i64>,
    invoice_seqs: Vec<u64>,
}

/// Invoiced quantities per product, and the invoices' seqs, before the goods arrived.
type EarlyInvoiced = (BTreeMap<String, i64>, Vec<u64>);

#[derive(Debug)]
struct Invoice {
    seq: u64,
    dir: Dir,
    counterparty: String,
    total: i64,
    paid: i64,
    seqs: Vec<u64>,
    goods_key: Option<(Dir, String)>,
    closed: bool,
    special: bool,
    ephedrine: bool,
}

#[derive(Debug)]
enum Due {
    Goods(Dir, String),
    Invoice(String),
    InvoiceOrphan(String),
    PaymentOrphan {
        seq: u64,
        invoices: Vec<String>,
        party: String,
    },
    ForgetInvoice(String),
    ForgetOrder(String),
    ForgetSale(String),
    ForgetSeen(Dir, String),
    ForgetBatch((String, String)),
    VacIsolate {
        product: String,
        batch: String,
        zone: String,
        seq: u64,
    },
    VacExpired {
        product: String,
        batch: String,
        seq: u64,
        dispose: bool,
    },
}

/// The reconciliation engine. Feed it events in ledger order with [`Engine::push`]; it returns
/// the findings that became certain; [`Engine::finish`] returns the rest.
///
/// Memory grows with open state (live batches, unsettled documents within their windows), not
/// with the number of events.
pub struct Engine {
    cfg: Config,
    now: Option<DateTime<Utc>>,
    out: Vec<Finding>,
    parties: HashMap<String, Party>,
    owner: Option<String>,
    products: HashMap<String, Product>,
    stock: HashMap<String, HashMap<(String, String), i64>>,
    batches: HashMap<(String, String), Batch>,
    orders: HashMap<String, Order>,
    sales: HashMap<String, SaleRec>,
    goods: HashMap<(Dir, String), Goods>,
    seen_goods: HashSet<(Dir, String)>,
    /// Invoiced quantities (and invoice seqs) that arrived before their goods.
    early_invoiced: HashMap<(Dir, String), EarlyInvoiced>,
    invoices: HashMap<String, Invoice>,
    credit_of: HashMap<String, String>,
    due: BTreeMap<(DateTime<Utc>, u64), Due>,
    due_counter: u64,
    events: u64,
    sp: special::SpecialState,
    cold: cold::ColdState,
}

fn qty(q: u64) -> i64 {
    i64::try_from(q).unwrap_or(i64::MAX)
}

fn key(p: &str, b: &str) -> (String, String) {
    (p.to_owned(), b.to_owned())
}

/// A borrowed (product, batch) key: looks up maps keyed by `(String, String)` without
/// allocating (hashes exactly as the owned tuple does).
#[derive(Clone, Copy)]
struct Pb<'a>(&'a str, &'a str);

impl std::hash::Hash for Pb<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
        self.1.hash(state);
    }
}

impl hashbrown::Equivalent<(String, String)> for Pb<'_> {
    fn equivalent(&self, key: &(String, String)) -> bool {
        self.0 == key.0 && self.1 == key.1
    }
}

impl Engine {
    /// A new engine with `cfg`.
    pub fn new(cfg: Config) -> Self {
        Engine {
            cfg,
            now: None,
            out: Vec::new(),
            parties: HashMap::new(),
            owner: None,
            products: HashMap::new(),
            stock: HashMap::new(),
            batches: HashMap::new(),
            orders: HashMap::new(),
            sales: HashMap::new(),
            goods: HashMap::new(),
            seen_goods: HashSet::new(),
            early_invoiced: HashMap::new(),
            invoices: HashMap::new(),
            credit_of: HashMap::new(),
            due: BTreeMap::new(),
            due_counter: 0,
            events: 0,
            sp: special::SpecialState::default(),
            cold: cold::ColdState::default(),
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Events pushed so far.
    pub fn events(&self) -> u64 {
        self.events
    }

    /// Feeds the event stored as record `seq`, appended at `recorded_at`. Returns the findings
    /// that became certain.
    pub fn push(&mut self, seq: u64, recorded_at: DateTime<Utc>, e: &Event) -> Vec<Finding> {
        self.events += 1;
        if self.now.is_none_or(|n| e.occurred_at > n) {
            self.advance(e.occurred_at);
            self.now = Some(e.occurred_at);
        }
        self.late_entry(seq, recorded_at, e);
        self.apply(seq, e);
        let date = (e.occurred_at + Duration::hours(8)).date_naive();
        self.special(seq, e, date);
        self.cold(seq, e);
        std::mem::take(&mut self.out)
    }

    /// Reports a record whose payload is not a valid event.
    pub fn push_invalid(&mut self, seq: u64, error: &str) -> Vec<Finding> {
        self.events += 1;
        self.emit(Finding::new(
            Rule::EventInvalid,
            seq,
            format!("Record {seq} is not a valid event: {error}."),
        ));
        std::mem::take(&mut self.out)
    }

    /// Ends the input: evaluates everything that is due by the last event's time and returns
    /// those findings. Open items not yet due are not findings.
    pub fn finish(mut self) -> Vec<Finding> {
        self.cold_finish();
        if let Some(now) = self.now {
            self.advance(now + Duration::nanoseconds(1));
        }
        std::mem::take(&mut self.out)
    }

    fn emit(&mut self, mut f: Finding) {
        if !self.cfg.enabled(f.rule) {
            return;
        }
        f.severity = self.cfg.severity_of(f.rule);
        f.seqs.sort_unstable();
        f.seqs.dedup();
        self.out.push(f);
    }

    fn schedule(&mut self, at: DateTime<Utc>, d: Due) {
        self.due_counter += 1;
        self.due.insert((at, self.due_counter), d);
    }

    /// Processes every due item strictly before `t`.
    fn advance(&mut self, t: DateTime<Utc>) {
        while let Some(entry) = self.due.first_entry() {
            if entry.key().0 >= t {
                break;
            }
            let d = entry.remove();
            self.fire(d);
        }
    }

    fn late_entry(&mut self, seq: u64, recorded_at: DateTime<Utc>, e: &Event) {
        let entered = e.entered_at.unwrap_or(recorded_at);
        let lateness = entered - e.occurred_at;
        let limit = Duration::hours(self.cfg.thresholds.late_entry_hours);
        if lateness > limit {
            let what = if e.entered_at.is_some() {
                "entered"
            } else {
                "recorded in the ledger"
            };
            let hours = lateness.num_hours();
            self.emit(
                Finding::new(
                    Rule::LateEntry,
                    seq,
                    format!(
                        "The {} of {} was {what} {hours} hours after it happened (limit {} hours).",
                        e.kind(),
                        e.occurred_at.format("%Y-%m-%d %H:%M UTC"),
                        self.cfg.thresholds.late_entry_hours
                    ),
                )
                .figures(
                    format!("≤ {} h", self.cfg.thresholds.late_entry_hours),
                    format!("{hours} h"),
                ),
            );
        }
    }

    fn licence_ok(p: &Party, date: NaiveDate) -> bool {
        p.licences
            .iter()
            .any(|(from, to)| *from <= date && date <= *to)
    }

    /// SUP-LIC / CUS-LIC: registered, licence valid, scope covers the categories.
    fn qualify<'a>(
        &mut self,
        rule: Rule,
        seq: u64,
        party: &str,
        date: NaiveDate,
        products: impl Iterator<Item = &'a str>,
    ) -> bool {
        let what = if rule == Rule::SupLic {
            "supplier"
        } else {
            "customer"
        };
        let Some(p) = self.parties.get(party) else {
            self.emit(
                Finding::new(
                    rule,
                    seq,
                    format!("The {what} {party} has no qualification file (not registered)."),
                )
                .party(party),
            );
            return false;
        };
        if p.kind == PartyKind::Individual {
            self.emit(
                Finding::new(rule, seq, format!("The {what} {party} is an individual; wholesale trade with individuals is prohibited."))
                    .party(party),
            );
            return false;
        }
        if !Self::licence_ok(p, date) {
            let periods: Vec<String> = p
                .licences
                .iter()
                .map(|(a, b)| format!("{a}..{b}"))
                .collect();
            self.emit(
                Finding::new(
                    rule,
                    seq,
                    format!("The {what} {party}'s licence is not valid on {date}."),
                )
                .party(party)
                .figures(format!("valid on {date}"), periods.join(", ")),
            );
            return false;
        }
        let mut missing = Vec::new();
        for code in products {
            if let Some(prod) = self.products.get(code) {
                if !p.scope.contains(&prod.category) {
                    missing.push((code.to_owned(), prod.category));
                }
            }
        }
        if let Some((code, cat)) = missing.first().cloned() {
            self.emit(
                Finding::new(rule, seq, format!("Product {code} ({cat:?}) is outside the licensed scope of the {what} {party}."))
                    .party(party)
                    .product(&code)
                    .figures(format!("{cat:?} in scope"), "not in scope".to_owned()),
            );
            return false;
        }
        true
    }

    fn is_quarantine(&self, loc: &str) -> bool {
        self.cfg
            .thresholds
            .quarantine_locations
            .iter()
            .any(|q| q == loc)
    }

    /// Moves stock; reports STOCK-NEG when a location goes below zero.
    fn stock_add(&mut self, seq: u64, p: &str, b: &str, loc: &str, delta: i64) {
        let locmap = self.stock.entry_ref(loc).or_default();
        let before = locmap.get(&Pb(p, b)).copied().unwrap_or(0);
        let after = before + delta;
        if after == 0 {
            locmap.remove(&Pb(p, b));
        } else if let Some(q) = locmap.get_mut(&Pb(p, b)) {
            *q = after;
        } else {
            locmap.insert(key(p, b), after);
        }
        if after < 0 && delta < 0 {
            self.emit(
                Finding::new(Rule::StockNeg,
                    seq,
                    format!("Stock of {p} batch {b} at {loc} fell to {after}: {} left but only {} was on the books.", -delta, before.max(0)),
                )
                .product(p)
                .batch(b)
                .location(loc)
                .figures(format!("≥ {}", -delta), before.to_string()),
            );
        }
        let now = self.now;
        if let Some(bt) = self.batches.get_mut(&Pb(p, b)) {
            bt.last_activity = now;
        }
    }

    fn goods_add(&mut self, dir: Dir, doc: &str, seq: u64, party: &str, product: &str, q: i64) {
        let k = (dir, doc.to_owned());
        if !self.goods.contains_key(&k) {
            if q <= 0 && self.seen_goods.contains(&k) {
                return; // a late return on a group already evaluated
            }
            let due =
                self.now.unwrap_or_default() + Duration::days(self.cfg.thresholds.uninvoiced_days);
            self.goods.insert(
                k.clone(),
                Goods {
                    seq,
                    party: party.to_owned(),
                    goods: BTreeMap::new(),
                    invoiced: BTreeMap::new(),
                    invoice_seqs: Vec::new(),
                },
            );
            if self.seen_goods.insert(k.clone()) {
                let forget = self.now.unwrap_or_default()
                    + Duration::days(self.cfg.thresholds.return_window_days);
                self.schedule(forget, Due::ForgetSeen(dir, doc.to_owned()));
            }
            self.schedule(due, Due::Goods(dir, doc.to_owned()));
        }
        if let Some((inv, seqs)) = self.early_invoiced.remove(&k) {
            if let Some(g) = self.goods.get_mut(&k) {
                for (p, n) in inv {
                    *g.invoiced.entry(p).or_insert(0) += n;
                }
                g.invoice_seqs.extend(seqs);
            }
        }
        if let Some(g) = self.goods.get_mut(&k) {
            *g.goods.entry(product.to_owned()).or_insert(0) += q;
        }
    }

    fn apply(&mut self, seq: u64, e: &Event) {
        let date = (e.occurred_at + Duration::hours(8)).date_naive();
        match &e.body {
            EventBody::PartyRegistered(p) => {
                if p.relation == Relation::Owner {
                    self.owner = Some(p.party.clone());
                }
                self.parties.insert(
                    p.party.clone(),
                    Party {
                        kind: p.kind,
                        address: p.address.clone(),
                        special: p.special.clone(),
                        licences: p
                            .licence
                            .iter()
                            .map(|l| (l.valid_from, l.valid_to))
                            .collect(),
                        scope: p.scope.iter().copied().collect(),
                        accounts: p.accounts.iter().map(|a| a.number.clone()).collect(),
                        province: p.province.clone(),
                        public_hospital: p.public_hospital,
                    },
                );
            }
            EventBody::LicenceChanged(c) => {
                if let Some(p) = self.parties.get_mut(&c.party) {
                    p.licences.push((c.licence.valid_from, c.licence.valid_to));
                    if let Some(s) = &c.scope {
                        p.scope = s.iter().copied().collect();
                    }
                    if let Some(a) = &c.accounts {
                        p.accounts = a.iter().map(|a| a.number.clone()).collect();
                    }
                    if let Some(sp) = &c.special {
                        p.special = Some(sp.clone());
                    }
                }
            }
            EventBody::ProductRegistered(p) => {
                self.products.insert(
                    p.product.clone(),
                    Product {
                        category: p.category,
                        control: p.control,
                        range: p.range(),
                        cold: matches!(
                            p.storage,
                            rxledger_model::StorageClass::Cold
                                | rxledger_model::StorageClass::Frozen
                        ),
                        vaccine: p.vaccine,
                    },
                );
            }
            EventBody::Purchase(p) => {
                self.qualify(
                    Rule::SupLic,
                    seq,
                    &p.supplier,
                    date,
                    p.lines.iter().map(|l| l.product.as_str()),
                );
                let mut lines: HashMap<String, (u64, u64)> = HashMap::new();
                for l in &p.lines {
                    lines.entry(l.product.clone()).or_insert((0, 0)).0 += l.quantity;
                }
                self.orders.insert(
                    p.doc.clone(),
                    Order {
                        supplier: p.supplier.clone(),
                        lines,
                    },
                );
                let forget = e.occurred_at + Duration::days(self.cfg.thresholds.return_window_days);
                self.schedule(forget, Due::ForgetOrder(p.doc.clone()));
            }
            EventBody::Receipt(r) => self.receipt(seq, e, r, date),
            EventBody::PutAway(m) => {
                for l in &m.lines {
                    let k = key(&l.product, &l.batch);
                    let (accepted, put_away, reported) = {
                        let b = self.batches.entry(k.clone()).or_default();
                        b.put_away += l.quantity;
                        (b.accepted, b.put_away, b.acc_gate_reported)
                    };
                    if put_away > accepted && !reported {
                        if let Some(b) = self.batches.get_mut(&k) {
                            b.acc_gate_reported = true;
                        }
                        self.emit(
                            Finding::new(Rule::AccGate,
                                seq,
                                format!("{} units of {} batch {} were put away but only {accepted} passed acceptance.", put_away, l.product, l.batch),
                            )
                            .product(&l.product)
                            .batch(&l.batch)
                            .figures(format!("≤ {accepted}"), put_away.to_string()),
                        );
                    }
                    if self.is_quarantine(&l.from) && !self.is_quarantine(&l.to) {
                        self.quarantine_finding(
                            seq,
                            &l.product,
                            &l.batch,
                            &l.from,
                            &format!("put away to {}", l.to),
                        );
                    }
                    self.stock_add(seq, &l.product, &l.batch, &l.from, -qty(l.quantity));
                    self.stock_add(seq, &l.product, &l.batch, &l.to, qty(l.quantity));
                }
            }
            EventBody::Transfer(t) => {
                for l in &t.lines {
                    if self.is_quarantine(&l.from)
                        && !self.is_quarantine(&l.to)
                        && t.reason != TransferReason::Release
                    {
                        self.quarantine_finding(
                            seq,
                            &l.product,
                            &l.batch,
                            &l.from,
                            &format!("moved to {} without a release", l.to),
                        );
                    }
                    self.stock_add(seq, &l.product, &l.batch, &l.from, -qty(l.quantity));
                    self.stock_add(seq, &l.product, &l.batch, &l.to, qty(l.quantity));
                }
            }
            EventBody::Sale(s) => self.sale(seq, e, s, date),
            EventBody::OutboundReview(r) => {
                let Some(sale_doc) = e.refs.sale.clone() else {
                    self.emit(
                        Finding::new(
                            Rule::OutRev,
                            seq,
                            format!("Outbound review {} names no sale (refs.sale).", r.doc),
                        )
                        .party(&r.customer),
                    );
                    return;
                };
                let mut problems = Vec::new();
                let mut batch_expiry = Vec::new();
                for l in &r.lines {
                    let exp = self
                        .batches
                        .get(&Pb(&l.product, &l.batch))
                        .and_then(|b| b.expiry);
                    batch_expiry.push(exp);
                }
                if let Some(sale) = self.sales.get_mut(&sale_doc) {
                    for (l, exp) in r.lines.iter().zip(batch_expiry) {
                        let k = key(&l.product, &l.batch);
                        match sale.lines.get(&k) {
                            None => problems.push((
                                l.product.clone(),
                                l.batch.clone(),
                                "not on the sale".to_owned(),
                                "on the sale".to_owned(),
                            )),
                            Some((q, sexp)) => {
                                let reviewed =
                                    sale.reviewed.get(&k).copied().unwrap_or(0) + l.quantity;
                                if reviewed > *q {
                                    problems.push((
                                        l.product.clone(),
                                        l.batch.clone(),
                                        format!("quantity {reviewed}"),
                                        format!("quantity {q}"),
                                    ));
                                }
                                let expect_exp = exp.unwrap_or(*sexp);
                                if l.expiry != expect_exp || *sexp != expect_exp {
                                    problems.push((
                                        l.product.clone(),
                                        l.batch.clone(),
                                        format!("expiry {}", l.expiry),
                                        format!("expiry {expect_exp}"),
                                    ));
                                }
                            }
                        }
                        if l.quality == Quality::Ok {
                            *sale.reviewed.entry(k).or_insert(0) += l.quantity;
                        }
                    }
                } else {
                    problems.push((
                        String::new(),
                        String::new(),
                        format!("sale {sale_doc} unknown"),
                        "a recorded sale".to_owned(),
                    ));
                }
                for (p, b, actual, expected) in problems {
                    let mut f = Finding::new(Rule::OutRev, seq, format!("Outbound review {} does not match sale {sale_doc}: {actual}, expected {expected}.", r.doc))
                        .party(&r.customer)
                        .figures(expected, actual);
                    if !p.is_empty() {
                        f = f.product(&p).batch(&b);
                    }
                    self.emit(f);
                }
            }
            EventBody::Dispatch(d) => self.dispatch(seq, e, d, date),
            EventBody::CustomerReturn(r) => {
                let sale_doc = e.refs.sale.clone();
                for l in &r.lines {
                    let k = key(&l.product, &l.batch);
                    let problem = match sale_doc.as_deref().and_then(|s| self.sales.get_mut(s)) {
                        None => Some((
                            format!(
                                "no known sale{}",
                                sale_doc
                                    .as_deref()
                                    .map(|s| format!(" {s}"))
                                    .unwrap_or_default()
                            ),
                            "an original sale".to_owned(),
                            None,
                        )),
                        Some(sale) if sale.customer != r.customer => Some((
                            format!("sale to {}", sale.customer),
                            format!("sale to {}", r.customer),
                            Some(sale.seq),
                        )),
                        Some(sale) => {
                            let shipped = sale.dispatched.get(&k).copied().unwrap_or(0);
                            let ret = sale.returned.entry(k.clone()).or_insert(0);
                            *ret += l.quantity;
                            if *ret > shipped {
                                Some((
                                    format!("{ret} returned"),
                                    format!("≤ {shipped} dispatched"),
                                    Some(sale.seq),
                                ))
                            } else {
                                None
                            }
                        }
                    };
                    if let Some((actual, expected, sale_seq)) = problem {
                        let mut f = Finding::new(Rule::ReturnOrig,
                            seq,
                            format!("Return {} of {} batch {} from {} does not match an original sale: {actual} (expected {expected}).", r.doc, l.product, l.batch, r.customer),
                        )
                        .party(&r.customer)
                        .product(&l.product)
                        .batch(&l.batch)
                        .figures(expected, actual);
                        if let Some(s) = sale_seq {
                            f.seqs.push(s);
                        }
                        self.emit(f);
                    }
                    self.stock_add(seq, &l.product, &l.batch, &l.to, qty(l.quantity));
                    if let Some(s) = &sale_doc {
                        self.goods_add(
                            Dir::Sale,
                            s,
                            seq,
                            &r.customer,
                            &l.product,
                            -qty(l.quantity),
                        );
                    }
                }
            }
            EventBody::SupplierReturn(r) => {
                for l in &r.lines {
                    self.stock_add(seq, &l.product, &l.batch, &l.from, -qty(l.quantity));
                    if let Some(o) = &e.refs.order {
                        self.goods_add(
                            Dir::Purchase,
                            o,
                            seq,
                            &r.supplier,
                            &l.product,
                            -qty(l.quantity),
                        );
                    }
                }
            }
            EventBody::Destruction(d) => {
                for l in &d.lines {
                    self.stock_add(seq, &l.product, &l.batch, &l.from, -qty(l.quantity));
                }
            }
            EventBody::LossReport(d) => {
                for l in &d.lines {
                    self.stock_add(seq, &l.product, &l.batch, &l.from, -qty(l.quantity));
                }
            }
            EventBody::StockCount(c) => {
                let mut book: HashMap<(String, String), i64> =
                    self.stock.get(&c.location).cloned().unwrap_or_default();
                let mut diffs = Vec::new();
                for l in &c.lines {
                    let b = book.remove(&Pb(&l.product, &l.batch)).unwrap_or(0);
                    if b != qty(l.counted) {
                        diffs.push((l.product.clone(), l.batch.clone(), b, qty(l.counted)));
                    }
                }
                // Batches on the books but not on the count sheet were counted as zero. Negative
                // book quantities are left out: STOCK-NEG reported them when they arose.
                let mut rest: Vec<_> = book.into_iter().filter(|(_, q)| *q > 0).collect();
                rest.sort();
                for ((p, b), q) in rest {
                    diffs.push((p, b, q, 0));
                }
                for (p, b, book_q, counted) in diffs {
                    self.emit(
                        Finding::new(Rule::StockCount,
                            seq,
                            format!("Count {} at {} found {counted} of {p} batch {b}; the books say {book_q} (difference {}).", c.doc, c.location, counted - book_q),
                        )
                        .product(&p)
                        .batch(&b)
                        .location(&c.location)
                        .figures(book_q.to_string(), counted.to_string()),
                    );
                }
            }
            EventBody::Invoice(inv) => self.invoice(seq, e, inv),
            EventBody::Payment(p) => self.payment(seq, e, p),
            EventBody::TemperatureReading(_)
            | EventBody::Aggregation(_)
            | EventBody::ZoneRegistered(_) => {}
        }
    }

    fn quarantine_finding(&mut self, seq: u64, p: &str, b: &str, from: &str, what: &str) {
        self.emit(
            Finding::new(
                Rule::Quarantine,
                seq,
                format!("{p} batch {b} in quarantine location {from} was {what}."),
            )
            .product(p)
            .batch(b)
            .location(from),
        );
    }

    fn receipt(&mut self, seq: u64, e: &Event, r: &rxledger_model::Receipt, date: NaiveDate) {
        let qualified = self.qualify(
            Rule::SupLic,
            seq,
            &r.supplier,
            date,
            r.lines.iter().map(|l| l.product.as_str()),
        );
        let from_mfr = self
            .parties
            .get(&r.supplier)
            .is_some_and(|p| p.kind == PartyKind::Manufacturer)
            || self
                .cfg
                .thresholds
                .group_sales_companies
                .iter()
                .any(|g| g == &r.supplier);
        // REC-DOC
        let mut problems: Vec<(Option<String>, String, String)> = Vec::new();
        if e.refs.delivery_note.is_none() {
            problems.push((
                None,
                "no delivery note (refs.delivery_note)".to_owned(),
                "a delivery note".to_owned(),
            ));
        }
        match e.refs.order.as_deref() {
            None => problems.push((
                None,
                "no purchase order (refs.order)".to_owned(),
                "a purchase order".to_owned(),
            )),
            Some(o) => match self.orders.get_mut(o) {
                None => problems.push((
                    None,
                    format!("unknown purchase order {o}"),
                    "a recorded purchase order".to_owned(),
                )),
                Some(order) => {
                    if order.supplier != r.supplier {
                        problems.push((
                            None,
                            format!("supplier {}", r.supplier),
                            format!("supplier {}", order.supplier),
                        ));
                    }
                    for l in &r.lines {
                        match order.lines.get_mut(&l.product) {
                            None => problems.push((
                                Some(l.product.clone()),
                                "not on the order".to_owned(),
                                "on the order".to_owned(),
                            )),
                            Some((ordered, arrived)) => {
                                *arrived += l.arrived;
                                if *arrived > *ordered {
                                    problems.push((
                                        Some(l.product.clone()),
                                        format!("{arrived} arrived"),
                                        format!("≤ {ordered} ordered"),
                                    ));
                                }
                            }
                        }
                    }
                }
            },
        }
        for (product, actual, expected) in problems {
            let mut f = Finding::new(
                Rule::RecDoc,
                seq,
                format!(
                    "Receipt {} does not match its documents: {actual} (expected {expected}).",
                    r.doc
                ),
            )
            .party(&r.supplier)
            .figures(expected, actual);
            if let Some(p) = product {
                f = f.product(&p);
            }
            self.emit(f);
        }
        let order_key = e.refs.order.clone().unwrap_or_else(|| r.doc.clone());
        for l in &r.lines {
            let k = key(&l.product, &l.batch);
            let now = self.now;
            let b = self.batches.entry(k.clone()).or_insert_with(|| Batch {
                from_manufacturer: true,
                ..Batch::default()
            });
            b.expiry = Some(l.expiry);
            b.received = true;
            b.accepted += l.accepted;
            b.qualified_source |= qualified;
            b.from_manufacturer &= from_mfr;
            b.last_activity = now;
            if l.accepted > 0 {
                self.stock_add(seq, &l.product, &l.batch, &l.location, qty(l.accepted));
            }
            self.goods_add(
                Dir::Purchase,
                &order_key,
                seq,
                &r.supplier,
                &l.product,
                qty(l.accepted),
            );
        }
        for l in &r.lines {
            let forget = e.occurred_at + Duration::days(self.cfg.thresholds.return_window_days);
            self.schedule(forget, Due::ForgetBatch(key(&l.product, &l.batch)));
            if l.accepted > 0 && self.products.get(&l.product).is_some_and(|p| p.vaccine) {
                let expired = l
                    .expiry
                    .succ_opt()
                    .unwrap_or(l.expiry)
                    .and_hms_opt(0, 0, 0)
                    .map_or(e.occurred_at, |t| t.and_utc());
                for (after, dispose) in [(1, false), (self.cfg.thresholds.vac_dispose_days, true)] {
                    self.schedule(
                        expired + Duration::days(after),
                        Due::VacExpired {
                            product: l.product.clone(),
                            batch: l.batch.clone(),
                            seq,
                            dispose,
                        },
                    );
                }
            }
        }
    }

    fn sale(&mut self, seq: u64, e: &Event, s: &rxledger_model::Sale, date: NaiveDate) {
        if s.channel == rxledger_model::Channel::Wholesale {
            self.qualify(
                Rule::CusLic,
                seq,
                &s.customer,
                date,
                s.lines.iter().map(|l| l.product.as_str()),
            );
        }
        // TWO-INVOICE
        let public = self
            .parties
            .get(&s.customer)
            .filter(|p| p.public_hospital)
            .map(|p| p.province.clone());
        if let Some(province) = public {
            if !self.cfg.thresholds.remote_provinces.contains(&province) {
                for l in &s.lines {
                    let via_wholesaler = self
                        .batches
                        .get(&Pb(&l.product, &l.batch))
                        .is_some_and(|b| b.received && !b.from_manufacturer);
                    if via_wholesaler {
                        self.emit(
                            Finding::new(Rule::TwoInvoice,
                                seq,
                                format!("{} batch {} sold to public hospital {} was bought from a wholesaler, not the manufacturer: at least three invoices from manufacturer to hospital.", l.product, l.batch, s.customer),
                            )
                            .party(&s.customer)
                            .product(&l.product)
                            .batch(&l.batch)
                            .figures("≤ 2 invoices".to_owned(), "≥ 3 invoices".to_owned()),
                        );
                    }
                }
            }
        }
        let mut lines = HashMap::new();
        for l in &s.lines {
            let entry = lines
                .entry(key(&l.product, &l.batch))
                .or_insert((0, l.expiry));
            entry.0 += l.quantity;
        }
        self.sales.insert(
            s.doc.clone(),
            SaleRec {
                seq,
                customer: s.customer.clone(),
                lines,
                reviewed: HashMap::new(),
                dispatched: HashMap::new(),
                returned: HashMap::new(),
            },
        );
        let forget = e.occurred_at + Duration::days(self.cfg.thresholds.return_window_days);
        self.schedule(forget, Due::ForgetSale(s.doc.clone()));
    }

    fn dispatch(&mut self, seq: u64, e: &Event, d: &rxledger_model::Dispatch, date: NaiveDate) {
        let sale_doc = e.refs.sale.clone();
        for l in &d.lines {
            let k = key(&l.product, &l.batch);
            // Source and acceptance.
            let (received, accepted, qualified, expiry) =
                self.batches.get(&k).map_or((false, 0, false, None), |b| {
                    (b.received, b.accepted, b.qualified_source, b.expiry)
                });
            if !received {
                self.emit(
                    Finding::new(
                        Rule::NoSource,
                        seq,
                        format!(
                            "{} batch {} was dispatched to {} but was never received.",
                            l.product, l.batch, d.customer
                        ),
                    )
                    .party(&d.customer)
                    .product(&l.product)
                    .batch(&l.batch),
                );
            } else if accepted == 0 {
                self.emit(
                    Finding::new(
                        Rule::AccGate,
                        seq,
                        format!(
                            "{} batch {} was dispatched but no quantity of it passed acceptance.",
                            l.product, l.batch
                        ),
                    )
                    .product(&l.product)
                    .batch(&l.batch)
                    .figures("> 0 accepted".to_owned(), "0 accepted".to_owned()),
                );
            } else if !qualified {
                self.emit(
                    Finding::new(Rule::NoSource, seq, format!("{} batch {} was dispatched but was received only from unqualified suppliers.", l.product, l.batch))
                        .product(&l.product)
                        .batch(&l.batch),
                );
            }
            if let Some(exp) = expiry {
                if date >= exp {
                    self.emit(
                        Finding::new(
                            Rule::Expired,
                            seq,
                            format!(
                                "{} batch {} expired on {exp} and was dispatched on {date}.",
                                l.product, l.batch
                            ),
                        )
                        .party(&d.customer)
                        .product(&l.product)
                        .batch(&l.batch)
                        .figures(format!("before {exp}"), date.to_string()),
                    );
                } else if (exp - date).num_days() <= self.cfg.thresholds.near_expiry_days {
                    self.emit(
                        Finding::new(
                            Rule::ExpiredNear,
                            seq,
                            format!(
                                "{} batch {} was dispatched {} days before its expiry on {exp}.",
                                l.product,
                                l.batch,
                                (exp - date).num_days()
                            ),
                        )
                        .party(&d.customer)
                        .product(&l.product)
                        .batch(&l.batch)
                        .figures(
                            format!("> {} days", self.cfg.thresholds.near_expiry_days),
                            format!("{} days", (exp - date).num_days()),
                        ),
                    );
                }
            }
            if self.is_quarantine(&l.from) {
                self.quarantine_finding(
                    seq,
                    &l.product,
                    &l.batch,
                    &l.from,
                    &format!("dispatched to {}", d.customer),
                );
            }
            // Outbound review.
            let review = match sale_doc.as_deref().and_then(|s| self.sales.get_mut(s)) {
                None => Some(("no sale to review against".to_owned(), None)),
                Some(sale) => {
                    *sale.dispatched.entry(k.clone()).or_insert(0) += l.quantity;
                    let reviewed = sale.reviewed.get(&k).copied().unwrap_or(0);
                    let shipped = sale.dispatched.get(&k).copied().unwrap_or(0);
                    if shipped > reviewed {
                        Some((
                            format!("{shipped} dispatched, {reviewed} reviewed fit"),
                            Some(sale.seq),
                        ))
                    } else {
                        None
                    }
                }
            };
            if let Some((actual, sale_seq)) = review {
                let mut f = Finding::new(
                    Rule::OutRev,
                    seq,
                    format!(
                        "Dispatch {} of {} batch {} has no matching outbound review: {actual}.",
                        d.doc, l.product, l.batch
                    ),
                )
                .party(&d.customer)
                .product(&l.product)
                .batch(&l.batch)
                .figures("reviewed quantity ≥ dispatched".to_owned(), actual);
                if let Some(s) = sale_seq {
                    f.seqs.push(s);
                }
                self.emit(f);
            }
            self.stock_add(seq, &l.product, &l.batch, &l.from, -qty(l.quantity));
            let doc = sale_doc.clone().unwrap_or_else(|| d.doc.clone());
            self.goods_add(
                Dir::Sale,
                &doc,
                seq,
                &d.customer,
                &l.product,
                qty(l.quantity),
            );
        }
    }

    fn invoice(&mut self, seq: u64, e: &Event, inv: &rxledger_model::Invoice) {
        let dir = match inv.direction {
            InvoiceDirection::Purchase => Dir::Purchase,
            InvoiceDirection::Sale => Dir::Sale,
        };
        let counterparty = match dir {
            Dir::Purchase => inv.issuer.clone(),
            Dir::Sale => inv.buyer.clone(),
        };
        let goods_key = match dir {
            Dir::Purchase => e.refs.order.clone().or_else(|| e.refs.receipt.clone()),
            Dir::Sale => e.refs.sale.clone().or_else(|| e.refs.delivery_note.clone()),
        }
        .map(|d| (dir, d));
        let sign: i64 = if inv.credit_for.is_some() { -1 } else { 1 };
        // Parties on the invoice.
        let owner = self.owner.clone();
        let (own_side, own_label) = match dir {
            Dir::Purchase => (&inv.buyer, "buyer"),
            Dir::Sale => (&inv.issuer, "issuer"),
        };
        if owner.as_ref().is_some_and(|o| o != own_side) {
            self.emit(
                Finding::new(
                    dir.ttgk(),
                    seq,
                    format!(
                        "Invoice {} names {own_side} as {own_label}, not this company.",
                        inv.doc
                    ),
                )
                .party(own_side)
                .figures(owner.clone().unwrap_or_default(), own_side.clone()),
            );
        }
        let expected_party = match (dir, &goods_key) {
            (Dir::Purchase, Some((_, k))) => self.orders.get(k).map(|o| o.supplier.clone()),
            (Dir::Sale, Some((_, k))) => self.sales.get(k).map(|s| s.customer.clone()),
            _ => None,
        };
        if let Some(exp) = expected_party {
            if exp != counterparty {
                let role = if dir == Dir::Purchase {
                    "issued by"
                } else {
                    "addressed to"
                };
                self.emit(
                    Finding::new(
                        dir.ttgk(),
                        seq,
                        format!("Invoice {} is {role} {counterparty}, but the goods were traded with {exp} (invoice from a third party: 走票).", inv.doc),
                    )
                    .party(&counterparty)
                    .figures(exp, counterparty.clone()),
                );
            }
        }
        // Quantities against the goods.
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
                    let due = e.occurred_at + Duration::days(self.cfg.thresholds.orphan_days);
                    self.schedule(due, Due::InvoiceOrphan(inv.doc.clone()));
                }
            }
        } else if inv.credit_for.is_none() {
            let due = e.occurred_at + Duration::days(self.cfg.thresholds.orphan_days);
            self.schedule(due, Due::InvoiceOrphan(inv.doc.clone()));
        }
        // Money.
        let control = |p: &str| {
            self.products
                .get(p)
                .map_or(rxledger_model::ControlClass::None, |x| x.control)
        };
        let special = inv.lines.iter().any(|l| control(&l.product).is_special());
        let ephedrine = inv
            .lines
            .iter()
            .any(|l| control(&l.product) == rxledger_model::ControlClass::CompoundEphedrine);
        if let Some(root) = &inv.credit_for {
            let root = self
                .credit_of
                .get(root)
                .cloned()
                .unwrap_or_else(|| root.clone());
            if let Some(r) = self.invoices.get_mut(&root) {
                r.total -= inv.total.minor;
                r.seqs.push(seq);
                self.credit_of.insert(inv.doc.clone(), root);
            } else {
                self.emit(
                    Finding::new(
                        Rule::Orphan,
                        seq,
                        format!(
                            "Credit note {} credits invoice {root}, which is not in the ledger.",
                            inv.doc
                        ),
                    )
                    .party(&counterparty),
                );
            }
            return;
        }
        self.invoices.insert(
            inv.doc.clone(),
            Invoice {
                seq,
                dir,
                counterparty,
                total: inv.total.minor,
                paid: 0,
                seqs: vec![seq],
                goods_key,
                closed: false,
                special,
                ephedrine,
            },
        );
        let issued = e.occurred_at.max(
            inv.issued_on
                .and_hms_opt(0, 0, 0)
                .map_or(e.occurred_at, |d| d.and_utc()),
        );
        let due = issued + Duration::days(self.cfg.thresholds.unpaid_days);
        self.schedule(due, Due::Invoice(inv.doc.clone()));
    }

    fn payment(&mut self, seq: u64, e: &Event, p: &rxledger_model::Payment) {
        let mut remaining = p.amount.minor;
        let mut known = false;
        let counterparty = match p.direction {
            PaymentDirection::Outgoing => &p.payee,
            PaymentDirection::Incoming => &p.payer,
        };
        let account = match p.direction {
            PaymentDirection::Outgoing => &p.payee_account,
            PaymentDirection::Incoming => &p.payer_account,
        };
        let n = p.invoices.len();
        for (i, number) in p.invoices.iter().enumerate() {
            let root = self
                .credit_of
                .get(number)
                .cloned()
                .unwrap_or_else(|| number.clone());
            let Some(inv) = self.invoices.get(&root) else {
                continue;
            };
            known = true;
            let dir = inv.dir;
            let expected = inv.counterparty.clone();
            let inv_seq = inv.seq;
            // Money flows with the invoice (purchase: we pay; sale: we are paid) or against it
            // (refunds).
            let with = matches!(
                (dir, p.direction),
                (Dir::Purchase, PaymentDirection::Outgoing)
                    | (Dir::Sale, PaymentDirection::Incoming)
            );
            if &expected != counterparty {
                let role = if p.direction == PaymentDirection::Outgoing {
                    "paid to"
                } else {
                    "received from"
                };
                self.emit(
                    Finding::new(
                        dir.ttgk(),
                        seq,
                        format!("Payment {} for invoice {number} was {role} {counterparty}, but the invoice is with {expected}.", p.doc),
                    )
                    .party(counterparty)
                    .figures(expected.clone(), counterparty.clone())
                    .also(inv_seq),
                );
            } else if p.method != rxledger_model::PaymentMethod::Cash
                && !self
                    .parties
                    .get(counterparty)
                    .is_some_and(|pt| pt.accounts.contains(account))
            {
                self.emit(
                    Finding::new(
                        dir.ttgk(),
                        seq,
                        format!("Payment {} for invoice {number} used account {account}, which is not registered for {counterparty}.", p.doc),
                    )
                    .party(counterparty)
                    .figures("a registered account".to_owned(), account.clone())
                    .also(inv_seq),
                );
            }
            let Some(inv) = self.invoices.get_mut(&root) else {
                continue;
            };
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
            let due = e.occurred_at + Duration::days(self.cfg.thresholds.orphan_days);
            self.schedule(
                due,
                Due::PaymentOrphan {
                    seq,
                    invoices: p.invoices.clone(),
                    party: counterparty.clone(),
                },
            );
        }
    }

    fn fire(&mut self, d: Due) {
        match d {
            Due::VacIsolate { .. } | Due::VacExpired { .. } => self.vac_due(&d),
            Due::Goods(dir, doc) => {
                let Some(g) = self.goods.remove(&(dir, doc.clone())) else {
                    return;
                };
                let products: BTreeSet<&String> = g.goods.keys().chain(g.invoiced.keys()).collect();
                for p in products {
                    let goods = g.goods.get(p).copied().unwrap_or(0);
                    let inv = g.invoiced.get(p).copied().unwrap_or(0);
                    let what = if dir == Dir::Purchase {
                        "accepted"
                    } else {
                        "dispatched"
                    };
                    if inv < goods {
                        self.emit(
                            Finding::new(Rule::Uninvoiced,
                                g.seq,
                                format!("{goods} units of {p} {what} for {doc} ({}) but only {inv} invoiced after {} days.", g.party, self.cfg.thresholds.uninvoiced_days),
                            )
                            .party(&g.party)
                            .product(p)
                            .figures(goods.to_string(), inv.to_string())
                            .also_all(&g.invoice_seqs),
                        );
                    } else if inv > goods {
                        self.emit(
                            Finding::new(
                                dir.ttgk(),
                                g.seq,
                                format!("{inv} units of {p} invoiced for {doc} ({}) but only {goods} {what}.", g.party),
                            )
                            .party(&g.party)
                            .product(p)
                            .figures(goods.to_string(), inv.to_string())
                            .also_all(&g.invoice_seqs),
                        );
                    }
                }
            }
            Due::Invoice(doc) => {
                let tol = self.cfg.thresholds.amount_tolerance_minor;
                let Some(inv) = self.invoices.get_mut(&doc) else {
                    return;
                };
                inv.closed = true;
                let (total, paid, seq, dir, party, seqs) = (
                    inv.total,
                    inv.paid,
                    inv.seq,
                    inv.dir,
                    inv.counterparty.clone(),
                    inv.seqs.clone(),
                );
                let fmt = |m: i64| rxledger_model::Money::cny(m).to_string();
                if paid + tol < total {
                    self.emit(
                        Finding::new(
                            Rule::Unpaid,
                            seq,
                            format!(
                                "Invoice {doc} ({party}) for {} has {} paid after {} days.",
                                fmt(total),
                                fmt(paid),
                                self.cfg.thresholds.unpaid_days
                            ),
                        )
                        .party(&party)
                        .figures(fmt(total), fmt(paid))
                        .also_all(&seqs),
                    );
                } else if paid > total + tol {
                    self.emit(
                        Finding::new(
                            dir.ttgk(),
                            seq,
                            format!(
                                "Invoice {doc} ({party}) for {} was paid {}.",
                                fmt(total),
                                fmt(paid)
                            ),
                        )
                        .party(&party)
                        .figures(fmt(total), fmt(paid))
                        .also_all(&seqs),
                    );
                }
                let forget = self.now.unwrap_or_default()
                    + Duration::days(self.cfg.thresholds.return_window_days);
                self.schedule(forget, Due::ForgetInvoice(doc));
            }
            Due::InvoiceOrphan(doc) => {
                let Some(inv) = self.invoices.get(&doc) else {
                    return;
                };
                if let Some(k) = &inv.goods_key {
                    if !self.seen_goods.contains(k) {
                        self.early_invoiced.remove(k);
                    }
                }
                let has_goods = inv
                    .goods_key
                    .as_ref()
                    .is_some_and(|k| self.seen_goods.contains(k));
                if !has_goods {
                    let (seq, party) = (inv.seq, inv.counterparty.clone());
                    let what = inv.goods_key.as_ref().map_or_else(
                        || "no order or sale reference".to_owned(),
                        |(_, k)| format!("no goods movement for {k}"),
                    );
                    self.emit(
                        Finding::new(
                            Rule::Orphan,
                            seq,
                            format!(
                                "Invoice {doc} ({party}) has {what} after {} days.",
                                self.cfg.thresholds.orphan_days
                            ),
                        )
                        .party(&party),
                    );
                }
            }
            Due::PaymentOrphan {
                seq,
                invoices,
                party,
            } => {
                let known = invoices
                    .iter()
                    .any(|n| self.invoices.contains_key(n) || self.credit_of.contains_key(n));
                if !known {
                    self.emit(
                        Finding::new(
                            Rule::Orphan,
                            seq,
                            format!(
                                "Payment with {party} settles no known invoice ({}).",
                                invoices.join(", ")
                            ),
                        )
                        .party(&party),
                    );
                }
            }
            Due::ForgetInvoice(doc) => {
                self.invoices.remove(&doc);
                self.credit_of.retain(|_, root| root != &doc);
            }
            Due::ForgetOrder(doc) => {
                self.orders.remove(&doc);
            }
            Due::ForgetSale(doc) => {
                self.sales.remove(&doc);
            }
            Due::ForgetSeen(dir, doc) => {
                self.seen_goods.remove(&(dir, doc));
            }
            Due::ForgetBatch(k) => {
                let in_stock = self.stock.values().any(|m| m.contains_key(&k));
                let recent = self
                    .batches
                    .get(&k)
                    .and_then(|b| b.last_activity)
                    .is_some_and(|t| {
                        self.now.is_some_and(|n| {
                            n - t < Duration::days(self.cfg.thresholds.return_window_days)
                        })
                    });
                if in_stock || recent {
                    let at = self.now.unwrap_or_default()
                        + Duration::days(self.cfg.thresholds.return_window_days);
                    self.schedule(at, Due::ForgetBatch(k));
                } else {
                    self.batches.remove(&k);
                }
            }
        }
    }
}
