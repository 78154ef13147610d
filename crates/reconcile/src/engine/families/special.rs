//! Special-control drugs: the unit custody chain (`SPECIAL-CHAIN`), permitted channels
//! (`SPECIAL-CHANNEL`), no cash (`SPECIAL-CASH`), two people (`SPECIAL-2P`), losses reported in
//! time (`SPECIAL-LOSS`), supervised destruction (`SPECIAL-DESTROY`), compound ephedrine
//! (`EPH-RETAIL`) and suspicious orders (`SOM`).
//!
//! Unit codes are a projection ([`crate::engine::projections::codes`]); this family keeps the
//! buyers' recent ephedrine purchases and the customers' order history.

use std::collections::VecDeque;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use hashbrown::{HashMap, HashSet};
use rxledger_model::{Channel, ControlClass, Designation, EventBody, PartyKind, PaymentMethod};
use smallvec::SmallVec;

use super::Family;
use crate::engine::ctx::{Ctx, Ev};
use crate::engine::facts::{
    designation, factor, hours_minutes, loss, plural, ratio_over, shortest, term, texts, with_facts,
};
use crate::engine::projections::codes::{code_lines, Coverage};
use crate::engine::projections::documents::{named_or_own, payment_counterparty, Dir};
use crate::engine::projections::Id;
use crate::{Finding, Msg, Rule};

/// The special-control family.
#[derive(Default)]
pub(crate) struct Special {
    /// Buyer ID -> (instant, packs) of recent compound-ephedrine retail purchases.
    eph: HashMap<Id, VecDeque<(DateTime<Utc>, u64)>>,
    /// Product -> customer -> recent order quantities and dates (by product first: the peer
    /// test reads the histories of one product's customers, not of every pair).
    som: HashMap<Id, HashMap<Id, SomHistory>>,
    /// Seal-card holders already reported for a card number not on file (`SPECIAL-CARD`).
    card_missing: HashSet<Id>,
}

#[derive(Default)]
struct SomHistory {
    quantities: VecDeque<u64>,
    /// Order dates in the order recorded, as runs of one date and their number of orders:
    /// a customer ordering many times a day is counted in runs, not orders.
    dates: VecDeque<(NaiveDate, usize)>,
}

/// The mean of order quantities, summed as floats so that no history can overflow (exact while
/// the sum is below 2^53, as every real one is).
fn mean(quantities: &VecDeque<u64>) -> f64 {
    quantities.iter().map(|&q| q as f64).sum::<f64>() / quantities.len() as f64
}

impl Family for Special {
    fn id(&self) -> crate::Family {
        crate::Family::Special
    }

    fn on_event(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>) {
        let seq = ev.seq;
        let special = |cx: &Ctx<'_>, product: &str| cx.proj.master.control(product).is_special();
        match &ev.e.body {
            EventBody::Receipt(r) => {
                let lines = r.lines.iter().map(|l| (&l.product, &l.batch));
                let lines = lines
                    .filter(|(p, _)| special(cx, p))
                    .collect::<SmallVec<[_; 4]>>();
                two_people(cx, seq, &r.acceptors, ("acceptance", &r.doc), &lines);
            }
            EventBody::OutboundReview(r) => {
                let lines = r.lines.iter().map(|l| (&l.product, &l.batch));
                let lines = lines
                    .filter(|(p, _)| special(cx, p))
                    .collect::<SmallVec<[_; 4]>>();
                two_people(cx, seq, &r.reviewers, ("outbound_review", &r.doc), &lines);
            }
            EventBody::Destruction(d) if d.supervisors.is_empty() => {
                let mut lines = d.lines.iter().filter(|l| special(cx, &l.product));
                if let Some(first) = lines.next() {
                    let m = Msg::new("special-destroy")
                        .arg("doc", &d.doc)
                        .arg("quantity", first.quantity)
                        .arg("quantity_plural", plural(first.quantity))
                        .arg("product", &first.product)
                        .arg("batch", &first.batch);
                    let m = more_lines(m, lines.count());
                    let f = Finding::new(Rule::SpecialDestroy, seq, m);
                    cx.emit(f.product(&first.product).batch(&first.batch));
                }
            }
            EventBody::LossReport(l) if l.lines.iter().any(|x| special(cx, &x.product)) => {
                special_loss(cx, ev, l);
            }
            EventBody::Purchase(p) => channel_purchase(cx, ev, p),
            EventBody::Sale(s) => {
                self.channel_sale(cx, ev, s);
                self.eph_retail(cx, ev, s);
                self.som(cx, ev, s);
            }
            EventBody::Payment(p) if p.method == PaymentMethod::Cash => cash(cx, seq, p),
            EventBody::Invoice(_) => held_cash(cx, seq),
            _ => {}
        }
        custody(cx, ev);
        if let EventBody::Dispatch(d) = &ev.e.body {
            if !retail(cx, named_or_own(&ev.e.refs.sale, &d.doc)) {
                eph_address(cx, seq, d);
            }
        }
    }
}

/// `SPECIAL-CHAIN`: each line of a controlled product carries one code per unit, and units
/// leave from where the ledger last put them.
fn custody(cx: &mut Ctx<'_>, ev: &Ev<'_>) {
    let mut i = 0;
    code_lines(ev.e, |l| {
        let seen = cx.proj.codes.lines.get(i).copied().unwrap_or_default();
        i += 1;
        if !cx.proj.master.control(l.product).is_special() {
            return;
        }
        let codes = match l.coverage {
            Coverage::Units => Some(seen.units).filter(|&c| c as u64 != l.quantity),
            Coverage::UpTo(most) => {
                Some(seen.units).filter(|&c| (c as u64) < l.quantity || c as u64 > most)
            }
            Coverage::None => None,
        };
        if let Some(codes) = codes {
            let (how, place) = match (l.from, l.to) {
                (Some(from), _) => ("out", from),
                (None, to) => ("in", to.unwrap_or_default()),
            };
            let m = Msg::new("special-chain-coverage")
                .arg("quantity", l.quantity)
                .arg("quantity_plural", plural(l.quantity))
                .arg("product", l.product)
                .arg("batch", l.batch)
                .arg("how", term(how))
                .arg("place", place)
                .arg("codes", codes)
                .arg("codes_plural", plural(codes));
            let f = Finding::new(Rule::SpecialChain, ev.seq, m)
                .product(l.product)
                .batch(l.batch)
                .location(place)
                .figures(
                    Msg::new("special-chain-coverage-figure")
                        .arg("codes", l.quantity)
                        .arg("codes_plural", plural(l.quantity)),
                    Msg::new("special-chain-coverage-figure")
                        .arg("codes", codes)
                        .arg("codes_plural", plural(codes)),
                );
            cx.out.emit(f);
        }
        if let Some(from) = l.from.filter(|_| seen.elsewhere > 0) {
            let (unit, at) = seen.first_elsewhere;
            let codes = &cx.proj.codes;
            // A unit scanned on a receipt line that listed more units than it accepted may
            // have been rejected there: the sentence says so rather than that the ledger had it
            // in stock at the receiving place.
            let id = if seen.first_elsewhere_unaccepted {
                "special-chain-elsewhere-unaccepted"
            } else {
                "special-chain-elsewhere"
            };
            let m = Msg::new(id)
                .arg("units", seen.elsewhere)
                .arg("units_plural", plural(seen.elsewhere))
                .arg("product", l.product)
                .arg("batch", l.batch)
                .arg("location", from)
                .arg("code", codes.unit_code(l.codes, unit))
                .arg("held", codes.location_name(at));
            let f = Finding::new(Rule::SpecialChain, ev.seq, m.clone())
                .product(l.product)
                .batch(l.batch)
                .location(from)
                .figures(
                    with_facts("special-chain-elsewhere-expected", &m),
                    with_facts("special-chain-elsewhere-actual", &m),
                );
            cx.out.emit(f);
        }
    });
}

/// A sentence naming the first line of controlled drugs, with the `more` further such lines
/// (`lines`: one or several; `SPECIAL-DESTROY`, `SPECIAL-2P`).
fn more_lines(m: Msg, more: usize) -> Msg {
    m.arg("lines", term(if more == 0 { "one" } else { "several" }))
        .arg("more", more)
        .arg("more_plural", plural(more))
}

/// `SPECIAL-2P`: acceptance (`what` = `acceptance`) or outbound review (`outbound_review`) of
/// controlled drugs (the document's `lines` of them: product, batch) signed by two different
/// people. The finding names the first line's product and batch (round 29, A4).
fn two_people(
    cx: &mut Ctx<'_>,
    seq: u64,
    people: &[Id],
    (what, doc): (&'static str, &str),
    lines: &[(&Id, &Id)],
) {
    let Some(&(product, batch)) = lines.first() else {
        return;
    };
    let mut distinct: Vec<&Id> = people.iter().collect();
    distinct.sort();
    distinct.dedup();
    if distinct.len() >= 2 {
        return;
    }
    let count = distinct.len();
    let m = Msg::new("special-2p")
        .arg("what", term(what))
        .arg("doc", doc)
        .arg("count", count)
        .arg("count_plural", plural(count))
        .arg("product", product)
        .arg("batch", batch);
    let m = more_lines(m, lines.len() - 1);
    // (A count beside the names: "expected 2 people, found 1 (复核-郭婷)", round 27.)
    let f = Finding::new(Rule::Special2p, seq, m).figures(
        Msg::new("special-2p-expected"),
        Msg::new("special-2p-actual")
            .arg("count", count)
            .arg("people", texts(people)),
    );
    cx.emit(f.product(product).batch(batch));
}

/// `SPECIAL-LOSS`: a loss of controlled drugs reported to the authorities within the threshold.
fn special_loss(cx: &mut Ctx<'_>, ev: &Ev<'_>, l: &rxledger_model::LossReport) {
    let limit = cx.cfg.thresholds.special_loss_hours;
    let delay = ev.e.occurred_at - l.discovered_at;
    let late = delay > Duration::hours(limit);
    if !late && !l.reported_to.is_empty() {
        return;
    }
    // Both instants, to the second: "24.0003 hours" alone is hard to read (round 26, A3).
    let m = Msg::new("special-loss")
        .arg("loss", loss(l.loss))
        .arg("doc", &l.doc)
        .arg("discovered", l.discovered_at)
        .arg("limit", limit);
    let m = if l.reported_to.is_empty() {
        m.arg("reported", term("none"))
    } else {
        m.arg("reported", term("late"))
            .arg("at", ev.e.occurred_at)
            .arg("hours", hours_minutes(delay))
    };
    let f = Finding::new(Rule::SpecialLoss, ev.seq, m.clone()).figures(
        with_facts("special-loss-expected", &m),
        with_facts("special-loss-actual", &m),
    );
    cx.emit(f);
}

/// Narcotics or class-1 psychotropics among the products.
fn strict<'a>(cx: &Ctx<'_>, mut products: impl Iterator<Item = &'a str>) -> bool {
    products.any(|p| {
        matches!(
            cx.proj.master.control(p),
            ControlClass::Narcotic | ControlClass::Psychotropic1
        )
    })
}

/// `SPECIAL-CHANNEL` on a purchase: from a designated manufacturer or wholesaler.
fn channel_purchase(cx: &mut Ctx<'_>, ev: &Ev<'_>, p: &rxledger_model::Purchase) {
    if !strict(cx, p.lines.iter().map(|l| l.product.as_str())) {
        return;
    }
    let Some(supplier) = cx.proj.master.parties.get(&p.supplier) else {
        return; // SUP-LIC reports unregistered suppliers
    };
    let designated = supplier.special.as_ref().filter(|s| {
        matches!(
            s.designation,
            Designation::DesignatedManufacturer
                | Designation::NationalWholesaler
                | Designation::RegionalWholesaler
        )
    });
    let ok = designated.is_some_and(|s| s.valid_to >= ev.date);
    if !ok {
        let m = Msg::new("special-channel-purchase")
            .arg("doc", &p.doc)
            .arg("supplier", &p.supplier)
            .arg("date", ev.date);
        // A designation that lapsed says until when it held (round 24, A3), as a sale's does.
        let m = match designated {
            Some(s) => m
                .arg("problem", term("expired"))
                .arg("valid_to", s.valid_to),
            None => m.arg("problem", term("none")),
        };
        cx.emit(Finding::new(Rule::SpecialChannel, ev.seq, m).party(&p.supplier));
    }
}

/// `SPECIAL-CASH` / `EPH-RETAIL`: no cash for invoices with controlled-drug or compound
/// ephedrine lines.
fn cash(cx: &mut Ctx<'_>, seq: u64, p: &rxledger_model::Payment) {
    let party = payment_counterparty(p).0;
    for number in &p.invoices {
        let Some((rule, id, document)) = cash_rule(cx, number, party) else {
            continue;
        };
        let m = cash_msg(id, &p.doc, number, document);
        cx.out.emit(Finding::new(rule, seq, m).party(&p.payer));
        // Checked against another counterparty's invoice of the number while the payment waits
        // for its own: reported once (else it is checked again when its own is booked).
        if cx.proj.docs.waits(seq, number) {
            cx.proj.docs.cash_reported(seq, number);
        }
    }
}

/// The sentence `id` of cash payment `doc` of `document` (`invoice` or `credit_note`) `number`:
/// a refund in cash names the credit note it settles (round 25: it called it an "invoice").
fn cash_msg(id: &'static str, doc: &str, number: &str, document: &'static str) -> Msg {
    Msg::new(id)
        .arg("doc", doc)
        .arg("invoice", number)
        .arg("document", term(document))
}

/// The rule and message a cash payment with counterparty `party` of invoice (or credit note)
/// `number` breaks, and what `number` is: `SPECIAL-CASH` for an invoice with narcotic,
/// psychotropic or precursor lines (not medical toxic or radioactive ones), `EPH-RETAIL` for one
/// with compound ephedrine sold wholesale (not for an invoice of retail sales only).
fn cash_rule(
    cx: &mut Ctx<'_>,
    number: &str,
    party: &str,
) -> Option<(Rule, &'static str, &'static str)> {
    let docs = &mut cx.proj.docs;
    let (root, document) = docs.root(number, party);
    let invoice = docs.invoices.get(&root)?;
    if invoice.no_cash {
        Some((Rule::SpecialCash, "special-cash", document))
    } else if invoice.ephedrine && {
        // The invoice's sales, looked up after it (both may wait on disk).
        let (dir, goods) = (invoice.dir, invoice.goods.clone());
        !(dir == Dir::Sale && retail(cx, &goods))
    } {
        Some((Rule::EphRetail, "eph-retail-cash", document))
    } else {
        None
    }
}

/// Whether `sales` are all known retail sales (none named, or one unknown: wholesale, whose
/// conditions are the stricter).
fn retail(cx: &mut Ctx<'_>, sales: &[Id]) -> bool {
    let known = &mut cx.proj.docs.sales;
    !sales.is_empty()
        && sales
            .iter()
            .all(|s| known.get(s.as_str()).is_some_and(|r| r.retail))
}

/// `SPECIAL-CASH` / `EPH-RETAIL` for cash payments recorded before their invoice, applied when
/// the invoice (record `seq`) is booked: found at the payment, naming the invoice too.
fn held_cash(cx: &mut Ctx<'_>, seq: u64) {
    // Taken for the loop (cash_rule may bring invoices back from disk), and put back.
    let applied = std::mem::take(&mut cx.proj.docs.applied);
    for a in &applied {
        // Reported when it was recorded, against another counterparty's invoice of that number.
        if a.payment.method != PaymentMethod::Cash || a.cash_reported {
            continue;
        }
        let Some((rule, id, document)) = cash_rule(cx, &a.number, &a.payment.counterparty) else {
            continue;
        };
        let m = cash_msg(id, &a.payment.doc, &a.number, document);
        let f = Finding::new(rule, a.payment.seq, m)
            .party(&a.payment.counterparty)
            .also(seq);
        cx.out.emit(f);
    }
    cx.proj.docs.applied = applied;
}

/// `EPH-RETAIL` on a wholesale dispatch: compound ephedrine goes only to the customer's
/// licensed address.
fn eph_address(cx: &mut Ctx<'_>, seq: u64, d: &rxledger_model::Dispatch) {
    let master = &cx.proj.master;
    if !d
        .lines
        .iter()
        .any(|l| master.control(&l.product) == ControlClass::CompoundEphedrine)
    {
        return;
    }
    let Some(licensed) = master.parties.get(&d.customer).map(|p| &p.address) else {
        return;
    };
    if licensed == d.address {
        return;
    }
    let m = Msg::new("eph-retail-address")
        .arg("doc", &d.doc)
        .arg("address", &d.address)
        .arg("customer", &d.customer)
        .arg("licensed", licensed);
    let f = Finding::new(Rule::EphRetail, seq, m)
        .party(&d.customer)
        .figures(
            Msg::new("eph-retail-address-figure").arg("address", licensed),
            Msg::new("eph-retail-address-figure").arg("address", &d.address),
        );
    cx.out.emit(f);
}

impl Special {
    /// `SPECIAL-CHANNEL` on a sale: to a designated wholesaler, or a medical institution with a
    /// purchase-seal card (in the seller's province unless the sale cites an approval).
    fn channel_sale(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>, s: &rxledger_model::Sale) {
        if !strict(cx, s.lines.iter().map(|l| l.product.as_str())) {
            return;
        }
        let master = &cx.proj.master;
        let owner_province = master
            .owner
            .as_ref()
            .and_then(|o| master.parties.get(o))
            .map(|p| &p.province);
        let Some(c) = master.parties.get(&s.customer) else {
            return; // CUS-LIC reports unregistered customers
        };
        let m = Msg::new("special-channel-sale")
            .arg("doc", &s.doc)
            .arg("customer", &s.customer);
        let m = match c.special.as_ref() {
            None => m.arg("problem", term("no_designation")),
            // A seal card is a card, not a designation (round 24, A3).
            Some(sp) if sp.valid_to < ev.date => m
                .arg(
                    "problem",
                    term(if sp.designation == Designation::SealCardHolder {
                        "card_expired"
                    } else {
                        "expired"
                    }),
                )
                .arg("valid_to", sp.valid_to),
            Some(sp) => match sp.designation {
                Designation::NationalWholesaler | Designation::RegionalWholesaler => return,
                Designation::SealCardHolder if c.kind == PartyKind::MedicalInstitution => {
                    if sp.seal_card.is_none() && self.card_missing.insert(s.customer.clone()) {
                        // An incomplete record, not a wrong designation: reported once per holder.
                        let m = Msg::new("special-card")
                            .arg("customer", &s.customer)
                            .arg("doc", &s.doc);
                        cx.out
                            .emit(Finding::new(Rule::SpecialCard, ev.seq, m).party(&s.customer));
                    }
                    if owner_province.is_some_and(|p| p != c.province)
                        && ev.e.refs.approval.is_none()
                    {
                        m.arg("problem", term("other_province"))
                            .arg("province", &c.province)
                    } else {
                        return;
                    }
                }
                other => m
                    .arg("problem", term("designation"))
                    .arg("designation", designation(other)),
            },
        };
        cx.out
            .emit(Finding::new(Rule::SpecialChannel, ev.seq, m).party(&s.customer));
    }

    /// `EPH-RETAIL` on a retail sale: the buyer's ID recorded, at most the threshold of packs
    /// without prescription, and no more than the window limit to one ID.
    fn eph_retail(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>, s: &rxledger_model::Sale) {
        if s.channel != Channel::Retail {
            return;
        }
        let packs: u64 = s
            .lines
            .iter()
            .filter(|l| cx.proj.master.control(&l.product) == ControlClass::CompoundEphedrine)
            .map(|l| l.quantity)
            .fold(0, u64::saturating_add);
        if packs == 0 {
            return;
        }
        let Some(id) = s.buyer_id.as_ref().filter(|b| !b.trim().is_empty()) else {
            let m = Msg::new("eph-retail-no-id").arg("doc", &s.doc);
            cx.emit(Finding::new(Rule::EphRetail, ev.seq, m));
            return;
        };
        let t = &cx.cfg.thresholds;
        if s.prescription.is_none() && packs > t.eph_max_packs {
            let m = Msg::new("eph-retail-packs")
                .arg("doc", &s.doc)
                .arg("packs", packs)
                .arg("limit", t.eph_max_packs);
            let f = Finding::new(Rule::EphRetail, ev.seq, m).figures(
                Msg::new("eph-retail-expected").arg("qty", t.eph_max_packs),
                Msg::new("eph-retail-actual").arg("qty", packs),
            );
            cx.out.emit(f);
        }
        // The window is `eph_window_days` 24-hour days back from this sale: a purchase exactly
        // that long before is outside it.
        let (window, limit) = (t.eph_window_days, t.eph_window_packs);
        let now = ev.e.occurred_at;
        let hist = self.eph.entry(id.clone()).or_default();
        while hist
            .front()
            .is_some_and(|(at, _)| now - *at >= Duration::days(window))
        {
            hist.pop_front();
        }
        hist.push_back((now, packs));
        let total = hist.iter().map(|(_, p)| *p).fold(0, u64::saturating_add);
        if total > limit {
            let m = Msg::new("eph-retail-window")
                .arg("buyer", id)
                .arg("packs", total)
                .arg("days", window)
                .arg("limit", limit);
            let f = Finding::new(Rule::EphRetail, ev.seq, m).figures(
                Msg::new("eph-retail-expected").arg("qty", limit),
                Msg::new("eph-retail-actual").arg("qty", total),
            );
            cx.out.emit(f);
        }
    }

    /// `SOM`: an order of a controlled or compound-ephedrine product far above the customer's
    /// trailing average, or its peers' median, or placed far more often than usual.
    fn som(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>, s: &rxledger_model::Sale) {
        let mut per_product: HashMap<&str, u64> = HashMap::new();
        for l in &s.lines {
            let c = cx.proj.master.control(&l.product);
            if c.is_special() || c == ControlClass::CompoundEphedrine {
                let q = per_product.entry(l.product.as_str()).or_insert(0);
                *q = q.saturating_add(l.quantity);
            }
        }
        let mut products: Vec<(&str, u64)> = per_product.into_iter().collect();
        products.sort_unstable();
        for (product, q) in products {
            if let Some(f) = self.som_size(cx, ev, s, product, q) {
                cx.emit(f);
            }
            if let Some(f) = self.som_frequency(cx, ev, s, product, q) {
                cx.emit(f);
            }
        }
    }

    /// The size tests of `SOM`: against the customer's trailing average (once it has enough
    /// history), else against the median trailing average of other customers (those with enough
    /// history): a new customer's first order is compared with its peers.
    fn som_size(
        &mut self,
        cx: &Ctx<'_>,
        ev: &Ev<'_>,
        sale: &rxledger_model::Sale,
        product: &str,
        quantity: u64,
    ) -> Option<Finding> {
        let th = &cx.cfg.thresholds;
        let customers = self.som.entry(Id::from(product)).or_default();
        let hist = customers.entry(sale.customer.clone()).or_default();
        let n = hist.quantities.len();
        let avg = (n >= th.som_min_history).then(|| mean(&hist.quantities));
        // The other customers' averages of this product, lowest first (only for the peer test).
        let peers = || {
            let mut peers: Vec<f64> = customers
                .iter()
                .filter(|(c, h)| {
                    c.as_str() != sale.customer && h.quantities.len() >= th.som_min_history
                })
                .map(|(_, h)| mean(&h.quantities))
                .collect();
            peers.sort_by(f64::total_cmp);
            peers
        };
        let order = |id| {
            Msg::new(id)
                .arg("doc", &sale.doc)
                .arg("quantity", quantity)
                .arg("product", product)
                .arg("customer", &sale.customer)
        };
        let (m, expected) = if let Some(avg) = avg.filter(|a| quantity as f64 > th.som_k * a) {
            let m = order("som-size")
                .arg("ratio", ratio_over(quantity as f64 / avg, th.som_k))
                .arg("average", shortest(avg, 4))
                .arg("orders", n)
                .arg("factor", factor(th.som_k));
            let expected = Msg::new("som-size-expected")
                .arg("limit", shortest(th.som_k * avg, 4))
                .arg("factor", factor(th.som_k))
                .arg("average", shortest(avg, 4));
            (m, expected)
        } else {
            let peers = peers();
            if peers.len() < 2 {
                return None;
            }
            // The median: the middle average, or the mean of the two middle ones (round 17:
            // the upper one was taken, 60 for peers at 40 and 60).
            let mid = peers.len() / 2;
            let median = match peers.len() % 2 {
                1 => peers[mid],
                _ => f64::midpoint(peers[mid - 1], peers[mid]),
            };
            if quantity as f64 <= th.som_peer_factor * median {
                return None;
            }
            let m = order("som-peer")
                .arg(
                    "ratio",
                    ratio_over(quantity as f64 / median, th.som_peer_factor),
                )
                .arg("peers", peers.len())
                .arg("median", shortest(median, 4))
                .arg("factor", factor(th.som_peer_factor));
            let expected = Msg::new("som-peer-expected")
                .arg("limit", shortest(th.som_peer_factor * median, 4))
                .arg("factor", factor(th.som_peer_factor))
                .arg("median", shortest(median, 4));
            (m, expected)
        };
        let f = Finding::new(Rule::Som, ev.seq, m)
            .party(&sale.customer)
            .product(product)
            .figures(expected, Msg::new("som-actual").arg("qty", quantity));
        Some(f)
    }

    /// The frequency test of `SOM`: orders in the last 7 days against the weekly average of the
    /// 8 weeks before. Records the order in the customer's history.
    fn som_frequency(
        &mut self,
        cx: &Ctx<'_>,
        ev: &Ev<'_>,
        sale: &rxledger_model::Sale,
        product: &str,
        quantity: u64,
    ) -> Option<Finding> {
        let (th, date) = (&cx.cfg.thresholds, ev.date);
        let hist = self
            .som
            .entry(Id::from(product))
            .or_default()
            .entry(sale.customer.clone())
            .or_default();
        while hist
            .dates
            .front()
            .is_some_and(|(d, _)| (date - *d).num_days() >= 63)
        {
            hist.dates.pop_front();
        }
        let (mut recent, mut before) = (1, 0);
        for &(d, n) in &hist.dates {
            if (date - d).num_days() < 7 {
                recent += n;
            } else {
                before += n;
            }
        }
        let weekly = before as f64 / 8.0;
        match hist.dates.back_mut() {
            Some((d, n)) if *d == date => *n += 1,
            _ => hist.dates.push_back((date, 1)),
        }
        hist.quantities.push_back(quantity);
        while hist.quantities.len() > th.som_history {
            hist.quantities.pop_front();
        }
        let old_enough = hist
            .dates
            .front()
            .is_some_and(|(d, _)| (date - *d).num_days() >= 56);
        if !(old_enough
            && recent >= th.som_freq_min
            && recent as f64 > th.som_freq_factor * weekly.max(0.125))
        {
            return None;
        }
        let m = Msg::new("som-frequency")
            .arg("customer", &sale.customer)
            .arg("orders", recent)
            .arg("product", product)
            // A weekly average is a multiple of 1/8: shown exactly (0.75, not 0.8), so that the
            // limit can be worked out from the sentence (round 17).
            .arg("weekly", shortest(weekly, 3))
            .arg("factor", factor(th.som_freq_factor));
        let f = Finding::new(Rule::Som, ev.seq, m)
            .party(&sale.customer)
            .product(product)
            .figures(
                Msg::new("som-frequency-expected")
                    .arg("limit", shortest(th.som_freq_factor * weekly, 3)),
                Msg::new("som-actual").arg("qty", recent),
            );
        Some(f)
    }
}
