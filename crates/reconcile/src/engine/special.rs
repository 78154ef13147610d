//! Special-control drugs, traceability codes, compound ephedrine and suspicious orders.

// One arm per event kind reads better than folding the guards into the match patterns.
#![allow(clippy::collapsible_match)]

use std::collections::VecDeque;

use hashbrown::HashMap;

use chrono::{Duration, NaiveDate};
use rxledger_model::codes::parse_code;
use rxledger_model::{
    AggregationAction, Channel, ControlClass, Designation, Event, EventBody, PartyKind,
    PaymentMethod,
};

use super::Engine;
use crate::{Finding, Rule};

/// Location id of a code that has left the company.
const OUT: u32 = u32::MAX;

/// Where a unit code is: 8 bytes per code besides its 16-byte key.
#[derive(Clone, Copy, Debug)]
pub(super) struct CodeState {
    /// Interned location, or [`OUT`].
    loc: u32,
    /// Day (days since 1970) the code left, for forgetting shipped codes.
    day: u32,
}

/// State of the special-control rules.
#[derive(Default)]
pub(super) struct SpecialState {
    pub(super) codes: HashMap<u128, CodeState>,
    locations: HashMap<String, u32>,
    /// Packed parents and their children.
    parents: HashMap<u128, Vec<u128>>,
    /// Buyer ID -> (day, packs) of recent compound-ephedrine retail purchases.
    eph: HashMap<String, VecDeque<(NaiveDate, u64)>>,
    /// (customer, product) -> recent order quantities and dates.
    som: HashMap<(String, String), SomHistory>,
    last_sweep: Option<NaiveDate>,
}

#[derive(Default)]
struct SomHistory {
    quantities: VecDeque<u64>,
    dates: VecDeque<NaiveDate>,
}

/// The unit keys of a line's codes, expanded through packs; malformed codes are counted.
struct Expanded {
    keys: Vec<u128>,
    bad: Vec<String>,
}

fn day_number(d: NaiveDate) -> u32 {
    u32::try_from((d - NaiveDate::default()).num_days()).unwrap_or(0)
}

impl Engine {
    fn control(&self, product: &str) -> ControlClass {
        self.products
            .get(product)
            .map_or(ControlClass::None, |p| p.control)
    }

    fn loc_id(&mut self, loc: &str) -> u32 {
        let n = u32::try_from(self.sp.locations.len()).unwrap_or(OUT - 1);
        *self.sp.locations.entry(loc.to_owned()).or_insert(n)
    }

    fn expand(&self, codes: &[String]) -> Expanded {
        let mut keys = Vec::with_capacity(codes.len());
        let mut bad = Vec::new();
        for c in codes {
            match parse_code(c) {
                Ok(tc) => {
                    let k = tc.key();
                    if let Some(children) = self.sp.parents.get(&k) {
                        keys.extend_from_slice(children);
                    } else {
                        keys.push(k);
                    }
                }
                Err(_) => bad.push(c.clone()),
            }
        }
        Expanded { keys, bad }
    }

    fn unit_count(&self, codes: &[String]) -> usize {
        let x = self.expand(codes);
        x.keys.len() + x.bad.len()
    }

    fn code_format(&mut self, seq: u64, product: &str, batch: &str, bad: &[String]) {
        if let Some(first) = bad.first() {
            let err = parse_code(first)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            self.emit(
                Finding::new(Rule::CodeFormat,
                    seq,
                    format!("{} malformed traceability code(s) on {product} batch {batch}, e.g. {first:?}: {err}.", bad.len()),
                )
                .product(product)
                .batch(batch)
                .figures("valid codes".to_owned(), format!("{} malformed", bad.len())),
            );
        }
    }

    /// SPECIAL-CHAIN: every unit of a special-control product carries its code.
    fn unit_coverage(&mut self, seq: u64, product: &str, batch: &str, quantity: u64, codes: usize) {
        if self.control(product).is_special() && codes as u64 != quantity {
            self.emit(
                Finding::new(Rule::SpecialChain,
                    seq,
                    format!("{quantity} units of controlled {product} batch {batch} moved but {codes} traceability codes were scanned: the unit custody chain is broken."),
                )
                .product(product)
                .batch(batch)
                .figures(format!("{quantity} codes"), format!("{codes} codes")),
            );
        }
    }

    /// Codes arriving from outside (receipt, customer return).
    fn codes_in(
        &mut self,
        seq: u64,
        product: &str,
        batch: &str,
        to: &str,
        codes: &[String],
        returned: bool,
    ) {
        let x = self.expand(codes);
        self.code_format(seq, product, batch, &x.bad);
        let loc = self.loc_id(to);
        let mut dup = 0;
        let mut unknown = 0;
        for k in x.keys {
            match self.sp.codes.get(&k) {
                Some(s) if s.loc != OUT => dup += 1,
                None if returned => unknown += 1,
                _ => {}
            }
            self.sp.codes.insert(k, CodeState { loc, day: 0 });
        }
        if dup > 0 {
            self.emit(
                Finding::new(Rule::CodeDup, seq, format!("{dup} unit code(s) of {product} batch {batch} received while already in stock (cloned or counterfeit codes)."))
                    .product(product)
                    .batch(batch)
                    .figures("codes not in stock".to_owned(), format!("{dup} already in stock")),
            );
        }
        if unknown > 0 {
            self.emit(
                Finding::new(Rule::CodeUnknown, seq, format!("{unknown} returned unit code(s) of {product} batch {batch} were never shipped from this ledger."))
                    .product(product)
                    .batch(batch),
            );
        }
    }

    /// Codes moving inside (put-away, transfer) or leaving (`to = None`).
    #[allow(clippy::too_many_arguments)]
    fn codes_move(
        &mut self,
        seq: u64,
        product: &str,
        batch: &str,
        from: &str,
        to: Option<&str>,
        codes: &[String],
        date: NaiveDate,
    ) {
        let x = self.expand(codes);
        self.code_format(seq, product, batch, &x.bad);
        let from_id = self.loc_id(from);
        let to_id = to.map(|t| self.loc_id(t));
        let special = self.control(product).is_special();
        let (mut unknown, mut dup, mut elsewhere) = (0, 0, 0);
        for k in x.keys {
            match self.sp.codes.get(&k) {
                None => unknown += 1,
                Some(s) if s.loc == OUT => dup += 1,
                Some(s) if s.loc != from_id => elsewhere += 1,
                _ => {}
            }
            let state = match to_id {
                Some(loc) => CodeState { loc, day: 0 },
                None => CodeState {
                    loc: OUT,
                    day: day_number(date),
                },
            };
            self.sp.codes.insert(k, state);
        }
        if unknown > 0 {
            self.emit(
                Finding::new(Rule::CodeUnknown, seq, format!("{unknown} unit code(s) of {product} batch {batch} moved from {from} were never received."))
                    .product(product)
                    .batch(batch)
                    .location(from),
            );
        }
        if dup > 0 {
            self.emit(
                Finding::new(Rule::CodeDup, seq, format!("{dup} unit code(s) of {product} batch {batch} moved after they had already left (sold or shipped twice)."))
                    .product(product)
                    .batch(batch)
                    .location(from),
            );
        }
        if elsewhere > 0 && special {
            self.emit(
                Finding::new(Rule::SpecialChain, seq, format!("{elsewhere} unit(s) of controlled {product} batch {batch} left {from}, but the ledger had them elsewhere."))
                    .product(product)
                    .batch(batch)
                    .location(from)
                    .figures(format!("units at {from}"), format!("{elsewhere} elsewhere")),
            );
        }
    }

    /// Forgets codes that left more than the return window ago (once a day).
    fn sweep(&mut self, date: NaiveDate) {
        if self.sp.last_sweep == Some(date) {
            return;
        }
        self.sp.last_sweep = Some(date);
        let window = u32::try_from(self.cfg.thresholds.return_window_days).unwrap_or(180);
        let today = day_number(date);
        if today.is_multiple_of(7) {
            self.sp
                .codes
                .retain(|_, s| s.loc != OUT || s.day + window > today);
        }
    }

    /// The special-control, code and ephedrine rules for one event (after the core rules).
    pub(super) fn special(&mut self, seq: u64, e: &Event, date: NaiveDate) {
        self.sweep(date);
        match &e.body {
            EventBody::Receipt(r) => {
                let special = r
                    .lines
                    .iter()
                    .any(|l| self.control(&l.product).is_special());
                if special {
                    self.two_people(seq, &r.acceptors, "acceptance", &r.doc);
                }
                for l in &r.lines {
                    self.unit_coverage(seq, &l.product, &l.batch, l.accepted, l.codes.len());
                    self.codes_in(seq, &l.product, &l.batch, &l.location, &l.codes, false);
                }
            }
            EventBody::PutAway(m) => {
                for l in &m.lines {
                    self.unit_coverage(
                        seq,
                        &l.product,
                        &l.batch,
                        l.quantity,
                        self.unit_count(&l.codes),
                    );
                    self.codes_move(
                        seq,
                        &l.product,
                        &l.batch,
                        &l.from,
                        Some(&l.to),
                        &l.codes,
                        date,
                    );
                }
            }
            EventBody::Transfer(m) => {
                for l in &m.lines {
                    self.unit_coverage(
                        seq,
                        &l.product,
                        &l.batch,
                        l.quantity,
                        self.unit_count(&l.codes),
                    );
                    self.codes_move(
                        seq,
                        &l.product,
                        &l.batch,
                        &l.from,
                        Some(&l.to),
                        &l.codes,
                        date,
                    );
                }
            }
            EventBody::Dispatch(d) => {
                for l in &d.lines {
                    self.unit_coverage(
                        seq,
                        &l.product,
                        &l.batch,
                        l.quantity,
                        self.unit_count(&l.codes),
                    );
                    self.codes_move(seq, &l.product, &l.batch, &l.from, None, &l.codes, date);
                }
                // EPH-RETAIL (wholesale): delivery only to the licensed address.
                if d.lines
                    .iter()
                    .any(|l| self.control(&l.product) == ControlClass::CompoundEphedrine)
                {
                    if let Some(addr) = self.parties.get(&d.customer).map(|p| p.address.clone()) {
                        if addr != d.address {
                            self.emit(
                                Finding::new(Rule::EphRetail, seq, format!("Compound ephedrine delivered by {} to {:?}, not to {}'s licensed address {addr:?}.", d.doc, d.address, d.customer))
                                    .party(&d.customer)
                                    .figures(addr, d.address.clone()),
                            );
                        }
                    }
                }
            }
            EventBody::SupplierReturn(r) => {
                for l in &r.lines {
                    self.unit_coverage(
                        seq,
                        &l.product,
                        &l.batch,
                        l.quantity,
                        self.unit_count(&l.codes),
                    );
                    self.codes_move(seq, &l.product, &l.batch, &l.from, None, &l.codes, date);
                }
            }
            EventBody::Destruction(d) => {
                let special = d
                    .lines
                    .iter()
                    .any(|l| self.control(&l.product).is_special());
                if special && d.supervisors.is_empty() {
                    self.emit(Finding::new(
                        Rule::SpecialDestroy,
                        seq,
                        format!(
                            "Destruction {} of controlled drugs records no supervising regulator.",
                            d.doc
                        ),
                    ));
                }
                for l in &d.lines {
                    self.codes_move(seq, &l.product, &l.batch, &l.from, None, &l.codes, date);
                }
            }
            EventBody::LossReport(l) => {
                let special = l
                    .lines
                    .iter()
                    .any(|x| self.control(&x.product).is_special());
                let late = (e.occurred_at - l.discovered_at)
                    > Duration::hours(self.cfg.thresholds.special_loss_hours);
                if special && (late || l.reported_to.is_empty()) {
                    let what = if l.reported_to.is_empty() {
                        "was not reported to any authority".to_owned()
                    } else {
                        format!(
                            "was reported {} hours after discovery",
                            (e.occurred_at - l.discovered_at).num_hours()
                        )
                    };
                    self.emit(
                        Finding::new(
                            Rule::SpecialLoss,
                            seq,
                            format!(
                                "The {:?} of controlled drugs in {} {what} (limit {} hours).",
                                l.loss, l.doc, self.cfg.thresholds.special_loss_hours
                            ),
                        )
                        .figures(
                            format!(
                                "reported within {} h",
                                self.cfg.thresholds.special_loss_hours
                            ),
                            what,
                        ),
                    );
                }
                for x in &l.lines {
                    self.codes_move(seq, &x.product, &x.batch, &x.from, None, &x.codes, date);
                }
            }
            EventBody::CustomerReturn(r) => {
                for l in &r.lines {
                    self.codes_in(seq, &l.product, &l.batch, &l.to, &l.codes, true);
                }
            }
            EventBody::OutboundReview(r) => {
                if r.lines
                    .iter()
                    .any(|l| self.control(&l.product).is_special())
                {
                    self.two_people(seq, &r.reviewers, "outbound review", &r.doc);
                }
            }
            EventBody::Aggregation(a) => self.aggregation(seq, a),
            EventBody::Sale(s) => {
                self.channel_sale(seq, e, s, date);
                self.eph_retail(seq, s, date);
                self.som(seq, s, date);
            }
            EventBody::Purchase(p) => self.channel_purchase(seq, p, date),
            EventBody::Payment(p) => {
                if p.method == PaymentMethod::Cash {
                    for number in &p.invoices {
                        let root = self
                            .credit_of
                            .get(number)
                            .cloned()
                            .unwrap_or_else(|| number.clone());
                        let (special, eph) = self
                            .invoices
                            .get(&root)
                            .map_or((false, false), |i| (i.special, i.ephedrine));
                        if special {
                            self.emit(Finding::new(Rule::SpecialCash, seq, format!("Payment {} in cash settles invoice {number}, which has controlled-drug lines.", p.doc)).party(&p.payer));
                        } else if eph {
                            self.emit(Finding::new(Rule::EphRetail, seq, format!("Payment {} in cash settles invoice {number} for compound ephedrine sold wholesale.", p.doc)).party(&p.payer));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn two_people(&mut self, seq: u64, people: &[String], what: &str, doc: &str) {
        let mut distinct: Vec<&String> = people.iter().collect();
        distinct.sort();
        distinct.dedup();
        if distinct.len() < 2 {
            self.emit(
                Finding::new(Rule::Special2p, seq, format!("The {what} {doc} of controlled drugs was signed by {} person(s); two different people are required.", distinct.len()))
                    .figures("2 people".to_owned(), people.join(", ")),
            );
        }
    }

    fn aggregation(&mut self, seq: u64, a: &rxledger_model::Aggregation) {
        let parent = match parse_code(&a.parent) {
            Ok(c) => c.key(),
            Err(err) => {
                self.emit(Finding::new(
                    Rule::CodeFormat,
                    seq,
                    format!(
                        "Aggregation {}: malformed pack code {:?}: {err}.",
                        a.doc, a.parent
                    ),
                ));
                return;
            }
        };
        match a.action {
            AggregationAction::Pack => {
                let x = self.expand(&a.children);
                if let Some(first) = x.bad.first() {
                    self.emit(Finding::new(
                        Rule::CodeFormat,
                        seq,
                        format!(
                            "Aggregation {}: {} malformed code(s), e.g. {first:?}.",
                            a.doc,
                            x.bad.len()
                        ),
                    ));
                }
                let already = x
                    .keys
                    .iter()
                    .filter(|k| self.sp.parents.values().any(|c| c.contains(k)))
                    .count();
                if already > 0 || self.sp.parents.contains_key(&parent) {
                    self.emit(Finding::new(Rule::CodeUnknown, seq, format!("Aggregation {} packs {already} code(s) already in another pack (or reuses pack {}).", a.doc, a.parent)));
                }
                // Children take the parent's whereabouts if they are new.
                let state = self.sp.codes.get(&parent).copied();
                for k in &x.keys {
                    if let Some(s) = state {
                        self.sp.codes.entry(*k).or_insert(s);
                    }
                }
                self.sp.parents.insert(parent, x.keys);
            }
            AggregationAction::Unpack => {
                if self.sp.parents.remove(&parent).is_none() {
                    self.emit(Finding::new(
                        Rule::CodeUnknown,
                        seq,
                        format!(
                            "Aggregation {} unpacks {}, which is not a known pack.",
                            a.doc, a.parent
                        ),
                    ));
                }
            }
        }
    }

    fn channel_purchase(&mut self, seq: u64, p: &rxledger_model::Purchase, date: NaiveDate) {
        let strict = p.lines.iter().any(|l| {
            matches!(
                self.control(&l.product),
                ControlClass::Narcotic | ControlClass::Psychotropic1
            )
        });
        if !strict || !self.parties.contains_key(&p.supplier) {
            return; // SUP-LIC reports unregistered suppliers
        }
        let ok = self
            .parties
            .get(&p.supplier)
            .and_then(|s| s.special.as_ref())
            .is_some_and(|s| {
                s.valid_to >= date
                    && matches!(
                        s.designation,
                        Designation::DesignatedManufacturer
                            | Designation::NationalWholesaler
                            | Designation::RegionalWholesaler
                    )
            });
        if !ok {
            self.emit(
                Finding::new(Rule::SpecialChannel, seq, format!("Narcotics or class-1 psychotropics ordered ({}) from {}, which is not a designated manufacturer or wholesaler on {date}.", p.doc, p.supplier))
                    .party(&p.supplier),
            );
        }
    }

    fn channel_sale(&mut self, seq: u64, e: &Event, s: &rxledger_model::Sale, date: NaiveDate) {
        let strict = s.lines.iter().any(|l| {
            matches!(
                self.control(&l.product),
                ControlClass::Narcotic | ControlClass::Psychotropic1
            )
        });
        if !strict {
            return;
        }
        let owner_province = self
            .owner
            .as_ref()
            .and_then(|o| self.parties.get(o))
            .map(|p| p.province.clone());
        let Some(c) = self.parties.get(&s.customer) else {
            return; // CUS-LIC reports unregistered customers
        };
        let problem = match c.special.as_ref() {
            None => Some("holds no designation or purchase-seal card".to_owned()),
            Some(sp) if sp.valid_to < date => {
                Some(format!("designation expired on {}", sp.valid_to))
            }
            Some(sp) => match sp.designation {
                Designation::NationalWholesaler | Designation::RegionalWholesaler => None,
                Designation::SealCardHolder
                    if c.kind == PartyKind::MedicalInstitution && sp.seal_card.is_some() =>
                {
                    if owner_province.as_ref().is_some_and(|p| p != &c.province)
                        && e.refs.approval.is_none()
                    {
                        Some(format!(
                            "is in {} (another province) and the sale cites no approval",
                            c.province
                        ))
                    } else {
                        None
                    }
                }
                other => Some(format!("is designated {other:?}, not allowed to buy them")),
            },
        };
        if let Some(p) = problem {
            self.emit(
                Finding::new(
                    Rule::SpecialChannel,
                    seq,
                    format!(
                        "Narcotics or class-1 psychotropics sold ({}) to {}, which {p}.",
                        s.doc, s.customer
                    ),
                )
                .party(&s.customer),
            );
        }
    }

    fn eph_retail(&mut self, seq: u64, s: &rxledger_model::Sale, date: NaiveDate) {
        if s.channel != Channel::Retail {
            return;
        }
        let packs: u64 = s
            .lines
            .iter()
            .filter(|l| self.control(&l.product) == ControlClass::CompoundEphedrine)
            .map(|l| l.quantity)
            .sum();
        if packs == 0 {
            return;
        }
        let Some(id) = s.buyer_id.clone().filter(|b| !b.trim().is_empty()) else {
            self.emit(Finding::new(
                Rule::EphRetail,
                seq,
                format!(
                    "Retail sale {} of compound ephedrine records no buyer ID.",
                    s.doc
                ),
            ));
            return;
        };
        let t = self.cfg.thresholds.clone();
        if s.prescription.is_none() && packs > t.eph_max_packs {
            self.emit(
                Finding::new(Rule::EphRetail, seq, format!("Retail sale {} of {packs} packs of compound ephedrine without prescription (limit {}).", s.doc, t.eph_max_packs))
                    .figures(format!("≤ {}", t.eph_max_packs), packs.to_string()),
            );
        }
        let (window, limit) = (t.eph_window_days, t.eph_window_packs);
        let hist = self.sp.eph.entry(id.clone()).or_default();
        while hist
            .front()
            .is_some_and(|(d, _)| (date - *d).num_days() >= window)
        {
            hist.pop_front();
        }
        hist.push_back((date, packs));
        let total: u64 = hist.iter().map(|(_, p)| p).sum();
        if total > limit {
            self.emit(
                Finding::new(Rule::EphRetail, seq, format!("Buyer ID {id} bought {total} packs of compound ephedrine within {window} days (limit {limit})."))
                    .figures(format!("≤ {limit}"), total.to_string()),
            );
        }
    }

    #[allow(clippy::many_single_char_names)]
    fn som(&mut self, seq: u64, s: &rxledger_model::Sale, date: NaiveDate) {
        let mut per_product: HashMap<&str, u64> = HashMap::new();
        for l in &s.lines {
            let c = self.control(&l.product);
            if c.is_special() || c == ControlClass::CompoundEphedrine {
                *per_product.entry(l.product.as_str()).or_insert(0) += l.quantity;
            }
        }
        let mut products: Vec<(&str, u64)> = per_product.into_iter().collect();
        products.sort_unstable();
        let t = self.cfg.thresholds.clone();
        for (product, q) in products {
            let k = (s.customer.clone(), product.to_owned());
            // Peers: the median trailing average of the other customers for this product.
            let mut peers: Vec<f64> = self
                .sp
                .som
                .iter()
                .filter(|((c, p), h)| {
                    p == product && c != &s.customer && h.quantities.len() >= t.som_min_history
                })
                .map(|(_, h)| h.quantities.iter().sum::<u64>() as f64 / h.quantities.len() as f64)
                .collect();
            peers.sort_by(f64::total_cmp);
            let hist = self.sp.som.entry(k).or_default();
            let n = hist.quantities.len();
            if n >= t.som_min_history {
                let avg = hist.quantities.iter().sum::<u64>() as f64 / n as f64;
                if q as f64 > t.som_k * avg {
                    let f = Finding::new(Rule::Som,
                        seq,
                        format!("Order {} of {q} units of {product} by {} is {:.1}x the customer's trailing average of {avg:.1} over its last {n} orders (threshold {}x).", s.doc, s.customer, q as f64 / avg, t.som_k),
                    )
                    .party(&s.customer)
                    .product(product)
                    .figures(format!("≤ {:.1} ({}x trailing average {avg:.1})", t.som_k * avg, t.som_k), q.to_string());
                    self.out_push(f);
                } else if peers.len() >= 2 {
                    let median = peers[peers.len() / 2];
                    if q as f64 > t.som_peer_factor * median {
                        let f = Finding::new(Rule::Som,
                            seq,
                            format!("Order {} of {q} units of {product} by {} is {:.1}x the median trailing average of {} other customers ({median:.1}; threshold {}x).", s.doc, s.customer, q as f64 / median, peers.len(), t.som_peer_factor),
                        )
                        .party(&s.customer)
                        .product(product)
                        .figures(format!("≤ {:.1} ({}x peer median {median:.1})", t.som_peer_factor * median, t.som_peer_factor), q.to_string());
                        self.out_push(f);
                    }
                }
            }
            let hist = self
                .sp
                .som
                .entry((s.customer.clone(), product.to_owned()))
                .or_default();
            // Frequency: orders in the last 7 days against the weekly average of the 8 weeks before.
            while hist
                .dates
                .front()
                .is_some_and(|d| (date - *d).num_days() >= 63)
            {
                hist.dates.pop_front();
            }
            let recent = hist
                .dates
                .iter()
                .filter(|d| (date - **d).num_days() < 7)
                .count()
                + 1;
            let before = hist
                .dates
                .iter()
                .filter(|d| (date - **d).num_days() >= 7)
                .count();
            let weekly = before as f64 / 8.0;
            hist.dates.push_back(date);
            hist.quantities.push_back(q);
            while hist.quantities.len() > t.som_history {
                hist.quantities.pop_front();
            }
            let old_enough = hist
                .dates
                .front()
                .is_some_and(|d| (date - *d).num_days() >= 56);
            if old_enough
                && recent >= t.som_freq_min
                && recent as f64 > t.som_freq_factor * weekly.max(0.125)
            {
                let f = Finding::new(Rule::Som,
                    seq,
                    format!("{} placed {recent} orders of {product} in 7 days against a weekly average of {weekly:.1} over the previous 8 weeks (threshold {}x).", s.customer, t.som_freq_factor),
                )
                .party(&s.customer)
                .product(product)
                .figures(format!("≤ {:.1} orders/week", t.som_freq_factor * weekly), recent.to_string());
                self.out_push(f);
            }
        }
    }

    fn out_push(&mut self, f: Finding) {
        self.emit(f);
    }
}
