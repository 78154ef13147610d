//! Documents and the four-way match of goods, books, invoices and payments: receipts against
//! purchase orders (`REC-DOC`), dispatches against outbound reviews (`OUT-REV`), invoices and
//! payments against the parties and goods of their order or sale (`TTGK-P`, `TTGK-S`), goods
//! without invoice (`UNINVOICED`), invoices not settled (`UNPAID`), invoices without goods and
//! payments or credit notes without invoice (`ORPHAN`), and public hospitals' two invoices
//! (`TWO-INVOICE`).
//!
//! The documents themselves are a projection ([`crate::engine::projections::documents`]); this
//! family keeps the running counts of `REC-DOC` (arrivals per order line) and `OUT-REV`
//! (reviewed and dispatched quantities per sale line) on them.
//!
//! What is certain when it is recorded is reported at once (an invoice or a payment naming the
//! wrong party, an unregistered account). What later records may still settle waits for them
//! (a payment or credit note naming a number only another party's invoice has may be waiting for
//! its own party's: reported at its deadline or the end of the input):
//! a payment or credit note for an invoice not yet booked (`orphan_days`), an invoiced or paid
//! excess (`correction_days`, pending meanwhile), goods not yet invoiced (`uninvoiced_days`),
//! invoices not yet paid (`unpaid_days`). At the end of the input, what still waits is reported
//! as pending ([`Family::pending`]).

mod open;

use chrono::{DateTime, Utc};
use rxledger_model::{ControlClass, EventBody, PaymentDirection, PaymentMethod, Quality};

use super::Family;
use crate::engine::ctx::{Ctx, Due, Ev, Out};
use crate::engine::facts::{term, texts, with_facts};
use crate::engine::projections::documents::{
    invoice_counterparty, invoice_dir, payment_counterparty, share, Applied, Cursors, Dir,
    PaymentRef, SaleRec,
};
use crate::engine::projections::pb;
use crate::engine::projections::Id;
use crate::engine::projections::Total;
use crate::{Fact, Finding, Msg, Rule};

/// The documents family (its state is the documents projection).
#[derive(Default)]
pub(crate) struct Documents;

impl Family for Documents {
    fn id(&self) -> crate::Family {
        crate::Family::Documents
    }

    fn on_event(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>) {
        match &ev.e.body {
            EventBody::Receipt(r) => rec_doc(cx, ev, r),
            EventBody::Sale(s) => two_invoice(cx, ev.seq, s),
            EventBody::OutboundReview(r) => out_rev_review(cx, ev, r),
            EventBody::Dispatch(d) => out_rev_dispatch(cx, ev, d),
            EventBody::Invoice(inv) => invoice(cx, ev, inv),
            EventBody::Payment(p) => payment(cx, ev, p),
            _ => {}
        }
    }

    fn on_due(&mut self, cx: &mut Ctx<'_>, due: &Due) {
        if let Due::Documents(d) = due {
            open::check(cx, d, None);
        }
    }

    fn finish(&mut self, cx: &mut Ctx<'_>) {
        held_at_end(cx);
    }

    fn pending(
        &mut self,
        cx: &mut Ctx<'_>,
        at: DateTime<Utc>,
        due: &Due,
        _now: Option<DateTime<Utc>>,
    ) {
        if let Due::Documents(d) = due {
            open::check(cx, d, Some(at));
        }
    }
}

/// `TTGK-P` for purchases, `TTGK-S` for sales.
fn ttgk(dir: Dir) -> Rule {
    match dir {
        Dir::Purchase => Rule::TtgkP,
        Dir::Sale => Rule::TtgkS,
    }
}

/// The side, as a term.
fn dir_term(dir: Dir) -> Fact {
    term(match dir {
        Dir::Purchase => "purchase",
        Dir::Sale => "sale",
    })
}

/// `REC-DOC`: a receipt names a delivery note and a known order of the same supplier, and
/// brings only ordered products, no more than ordered.
fn rec_doc(cx: &mut Ctx<'_>, ev: &Ev<'_>, r: &rxledger_model::Receipt) {
    let e = ev.e;
    // Built only for a finding (most receipts have none).
    let base = || Msg::new("rec-doc").arg("doc", &r.doc);
    let emit = |out: &mut Out<'_>, m: Msg, product: Option<&str>| {
        let mut f = Finding::new(Rule::RecDoc, ev.seq, m.clone())
            .party(&r.supplier)
            .figures(
                with_facts("rec-doc-expected", &m),
                with_facts("rec-doc-actual", &m),
            );
        if let Some(p) = product {
            f = f.product(p);
        }
        out.emit(f);
    };
    if e.refs.delivery_note.is_empty() {
        let m = base().arg("problem", term("no_delivery_note"));
        emit(&mut cx.out, m, None);
    }
    if e.refs.order.is_empty() {
        let m = base().arg("problem", term("no_order"));
        emit(&mut cx.out, m, None);
        return;
    }
    let orders = &mut cx.proj.docs.orders;
    for o in &e.refs.order {
        let Some(order) = orders.get(o.as_str()) else {
            let m = base().arg("problem", term("unknown_order")).arg("order", o);
            emit(&mut cx.out, m, None);
            return;
        };
        if order.supplier != r.supplier {
            let m = base()
                .arg("problem", term("supplier"))
                .arg("supplier", &r.supplier)
                .arg("order_supplier", order.supplier.as_str());
            emit(&mut cx.out, m, None);
        }
    }
    for l in &r.lines {
        // A delivery covering several orders fills them in the order named; what exceeds
        // them all is counted on the last order of the product.
        let on: Vec<&str> = e
            .refs
            .order
            .iter()
            .map(Id::as_str)
            .filter(|o| {
                orders
                    .get(*o)
                    .is_some_and(|x| x.lines.get(&l.product).is_some())
            })
            .collect();
        if on.is_empty() {
            let m = base()
                .arg("problem", term("not_on_order"))
                .arg("product", &l.product);
            emit(&mut cx.out, m, Some(&l.product));
            continue;
        }
        let mut left = l.arrived;
        let (mut arrived, mut ordered) = (0, 0);
        for (i, o) in on.iter().enumerate() {
            let Some((o_ordered, o_arrived)) =
                orders.get_mut(*o).and_then(|x| x.lines.get_mut(&l.product))
            else {
                continue;
            };
            let room = o_ordered.saturating_sub(*o_arrived);
            let take = if i + 1 == on.len() {
                left
            } else {
                left.min(room)
            };
            *o_arrived = o_arrived.saturating_add(take);
            left.sub_sat(take);
            arrived.add_sat(*o_arrived);
            ordered.add_sat(*o_ordered);
        }
        if arrived > ordered {
            let m = base()
                .arg("problem", term("over"))
                .arg("product", &l.product)
                .arg("orders", texts(&on))
                .arg("this", l.arrived)
                .arg("arrived", arrived)
                .arg("ordered", ordered);
            emit(&mut cx.out, m, Some(&l.product));
        }
    }
}

/// `TWO-INVOICE`: goods sold to a public hospital (outside remote provinces) must have come from
/// the manufacturer, but for narcotics and class-1 psychotropics; one finding per line.
fn two_invoice(cx: &mut Ctx<'_>, seq: u64, s: &rxledger_model::Sale) {
    let Some(customer) = cx.proj.master.parties.get(&s.customer) else {
        return;
    };
    if !customer.public_hospital
        || cx
            .cfg
            .thresholds
            .remote_provinces
            .iter()
            .any(|p| *p == customer.province)
    {
        return;
    }
    for l in &s.lines {
        // Narcotics and class-1 psychotropics travel the channel their regulation prescribes
        // (national wholesaler, regional wholesaler, medical institution): `SPECIAL-CHANNEL`
        // judges it, and its third invoice is the law's.
        if matches!(
            cx.proj.master.control(&l.product),
            ControlClass::Narcotic | ControlClass::Psychotropic1
        ) {
            continue;
        }
        let via_wholesaler = cx
            .proj
            .stock
            .batches
            .get(&pb(&l.product, &l.batch))
            .is_some_and(|b| b.received && !b.from_manufacturer);
        if via_wholesaler {
            let m = Msg::new("two-invoice")
                .arg("product", &l.product)
                .arg("batch", &l.batch)
                .arg("customer", &s.customer);
            let f = Finding::new(Rule::TwoInvoice, seq, m)
                .party(&s.customer)
                .product(&l.product)
                .batch(&l.batch)
                .figures(
                    Msg::new("two-invoice-expected"),
                    Msg::new("two-invoice-actual"),
                );
            cx.out.emit(f);
        }
    }
}

/// `OUT-REV` at the review: it names a known sale, and each line is on the sale, within its
/// quantity, with the batch's expiry. Lines found fit count as reviewed.
fn out_rev_review(cx: &mut Ctx<'_>, ev: &Ev<'_>, r: &rxledger_model::OutboundReview) {
    let sales = &ev.e.refs.sale;
    if sales.is_empty() {
        let m = Msg::new("out-rev-no-sale").arg("doc", &r.doc);
        cx.emit(Finding::new(Rule::OutRev, ev.seq, m).party(&r.customer));
        return;
    }
    let emit = |out: &mut Out<'_>, m: Msg, line: Option<(&str, &str)>| {
        let mut f = Finding::new(Rule::OutRev, ev.seq, m.clone())
            .party(&r.customer)
            .figures(
                with_facts("out-rev-review-expected", &m),
                with_facts("out-rev-review-actual", &m),
            );
        if let Some((p, b)) = line {
            f = f.product(p).batch(b);
        }
        out.emit(f);
    };
    let proj = &mut *cx.proj;
    if let Some(unknown) = sales
        .iter()
        .find(|s| !proj.docs.sales.contains_key(s.as_str()))
    {
        let base = Msg::new("out-rev-review")
            .arg("doc", &r.doc)
            .arg("sale", unknown);
        emit(&mut cx.out, base.arg("problem", term("unknown_sale")), None);
        return;
    }
    other_customer(cx, ev, "outbound_review", &r.doc, &r.customer);
    let proj = &mut *cx.proj;
    let mut cursors = Cursors::default();
    for l in &r.lines {
        let line = Some((l.product.as_str(), l.batch.as_str()));
        let pb = pb(&l.product, &l.batch);
        let room = |s: &SaleRec| {
            s.line(&l.product, &l.batch).map_or(0, |x| {
                let q = x.sold.map_or(0, |(q, _)| q);
                q.saturating_sub(x.reviewed)
            })
        };
        // A line larger than the room of the sale it falls to is split: each sale named, in
        // order, takes what room it has, and the last takes what is left (one line of goods
        // picked for two orders of the same batch). Lines not found fit count for none.
        let mut left = l.quantity;
        let mut first = true;
        while first || left > 0 {
            let Some(sale_doc) =
                proj.docs
                    .sale_for_line(sales, &l.product, &l.batch, room, &mut cursors)
            else {
                break;
            };
            // Built only for a finding (most lines have none).
            let base = || {
                Msg::new("out-rev-review")
                    .arg("doc", &r.doc)
                    .arg("sale", sale_doc)
            };
            let Some(sale) = proj.docs.sales.get_mut(sale_doc) else {
                break;
            };
            let fit = l.quality == Quality::Ok;
            // A line not found fit counts for none: it is not split.
            let part = if fit { share(room(sale), left) } else { left };
            let batch_expiry = proj.stock.batches.get(&pb).and_then(|b| b.expiry);
            let on_sale = sale.line(&l.product, &l.batch);
            match on_sale.and_then(|x| x.sold) {
                None => {
                    let m = base().arg("problem", term("not_on_sale"));
                    emit(&mut cx.out, m, line);
                }
                Some((q, sale_expiry)) => {
                    let reviewed = on_sale.map_or(0, |x| x.reviewed).saturating_add(part);
                    if reviewed > q {
                        let m = base()
                            .arg("problem", term("quantity"))
                            .arg("reviewed", reviewed)
                            .arg("quantity", q);
                        emit(&mut cx.out, m, line);
                    }
                    let expect = batch_expiry.unwrap_or(sale_expiry);
                    if first && (l.expiry != expect || sale_expiry != expect) {
                        let m = base()
                            .arg("problem", term("expiry"))
                            .arg("expiry", l.expiry)
                            .arg("expected_expiry", expect);
                        emit(&mut cx.out, m, line);
                    }
                }
            }
            if fit {
                sale.line_mut(&l.product, &l.batch).reviewed.add_sat(part);
            }
            left -= part;
            first = false;
        }
    }
}

/// `OUT-REV`: a review or dispatch (`kind`, numbered `doc`) for `customer` names a sale of
/// another customer (GSP Art. 93-94: 复核 against the sales record, its buyer included; round 34,
/// B2: a party with no sale was reviewed and shipped under another's, silently). Once per record,
/// for the first such sale.
fn other_customer(cx: &mut Ctx<'_>, ev: &Ev<'_>, kind: &'static str, doc: &str, customer: &str) {
    let docs = &mut cx.proj.docs;
    let other = ev.e.refs.sale.iter().find_map(|s| {
        let sale = docs.sales.get(s.as_str())?;
        (sale.customer != customer).then(|| (s.clone(), sale.customer.clone(), sale.seq))
    });
    if let Some((sale, sale_customer, sale_seq)) = other {
        let m = Msg::new("out-rev-customer")
            .arg("kind", term(kind))
            .arg("doc", doc)
            .arg("customer", customer)
            .arg("sale", &sale)
            .arg("sale_customer", sale_customer.as_str());
        let f = Finding::new(Rule::OutRev, ev.seq, m)
            .party(customer)
            .figures(
                Msg::new("ttgk-party").arg("party", sale_customer.as_str()),
                Msg::new("ttgk-party").arg("party", customer),
            )
            .also(sale_seq);
        cx.emit(f);
    }
}

/// `OUT-REV` at the dispatch: every line dispatched was reviewed fit for its sale.
fn out_rev_dispatch(cx: &mut Ctx<'_>, ev: &Ev<'_>, d: &rxledger_model::Dispatch) {
    other_customer(cx, ev, "dispatch", &d.doc, &d.customer);
    let mut cursors = Cursors::default();
    for l in &d.lines {
        let room = |s: &SaleRec| {
            s.line(&l.product, &l.batch)
                .map_or(0, |x| x.reviewed.saturating_sub(x.dispatched))
        };
        let sales = &ev.e.refs.sale;
        // Split over the sales named as a review line is (`out_rev_review`).
        let mut left = l.quantity;
        let mut first = true;
        while first || left > 0 {
            first = false;
            let sale_doc =
                cx.proj
                    .docs
                    .sale_for_line(sales, &l.product, &l.batch, room, &mut cursors);
            // Built only for a finding (most lines have none).
            let base = || {
                Msg::new("out-rev-dispatch")
                    .arg("doc", &d.doc)
                    .arg("product", &l.product)
                    .arg("batch", &l.batch)
            };
            let problem = match sale_doc.and_then(|s| cx.proj.docs.sales.get_mut(s)) {
                None => Some((base().arg("problem", term("no_sale")), None)),
                Some(sale) => {
                    let part = share(room(sale), left);
                    left -= part;
                    let line = sale.line_mut(&l.product, &l.batch);
                    line.dispatched.add_sat(part);
                    let (shipped, reviewed) = (line.dispatched, line.reviewed);
                    (shipped > reviewed).then(|| {
                        let m = base()
                            .arg("problem", term("unreviewed"))
                            .arg("dispatched", shipped)
                            .arg("reviewed", reviewed);
                        (m, Some(sale.seq))
                    })
                }
            };
            if let Some((m, sale_seq)) = problem {
                let mut f = Finding::new(Rule::OutRev, ev.seq, m.clone())
                    .party(&d.customer)
                    .product(&l.product)
                    .batch(&l.batch)
                    .figures(
                        Msg::new("out-rev-dispatch-expected"),
                        with_facts("out-rev-dispatch-actual", &m),
                    );
                if let Some(s) = sale_seq {
                    f = f.also(s);
                }
                cx.emit(f);
                break;
            }
        }
    }
}

/// `TTGK` on an invoice: this company is the buyer (purchase) or issuer (sale), and the other
/// party is the one the goods were traded with; `ORPHAN` for a credit note of an unknown invoice.
fn invoice(cx: &mut Ctx<'_>, ev: &Ev<'_>, inv: &rxledger_model::Invoice) {
    let (seq, dir) = (ev.seq, invoice_dir(inv));
    let counterparty = invoice_counterparty(inv);
    let own_side = match dir {
        Dir::Purchase => &inv.buyer,
        Dir::Sale => &inv.issuer,
    };
    if let Some(owner) = cx.proj.master.owner.as_ref().filter(|o| *o != own_side) {
        let m = Msg::new("ttgk-invoice-owner")
            .arg("doc", &inv.doc)
            .arg("party", own_side)
            .arg("dir", dir_term(dir));
        let f = Finding::new(ttgk(dir), seq, m).party(own_side).figures(
            Msg::new("ttgk-party").arg("party", owner),
            Msg::new("ttgk-party").arg("party", own_side),
        );
        cx.out.emit(f);
    }
    let docs = &mut cx.proj.docs;
    let traded_with = docs
        .invoiced_goods(ev.e, inv)
        .iter()
        .filter_map(|k| match dir {
            Dir::Purchase => docs.orders.get(k.as_str()).map(|o| o.supplier.clone()),
            Dir::Sale => docs.sales.get(k.as_str()).map(|s| s.customer.clone()),
        })
        .find(|x| *x != counterparty);
    if let Some(expected) = traded_with {
        let m = Msg::new("ttgk-invoice-party")
            .arg("doc", &inv.doc)
            .arg("dir", dir_term(dir))
            .arg("party", counterparty)
            .arg("traded_with", expected.as_str());
        let f = Finding::new(ttgk(dir), seq, m).party(counterparty).figures(
            Msg::new("ttgk-party").arg("party", expected.as_str()),
            Msg::new("ttgk-party").arg("party", counterparty),
        );
        cx.out.emit(f);
    }
    // A credit note of a party with no invoice of that number credits another party's: it waits
    // for its own party's (checked at its deadline or the end of the input if that never comes).
    if let Some(credited) = inv
        .credit_for
        .as_ref()
        .filter(|c| !cx.proj.docs.credit_waits(&inv.doc, c))
    {
        let docs = &mut cx.proj.docs;
        let (root, _) = docs.root(credited, counterparty);
        if let Some(target) = docs.invoices.get(&root) {
            if target.counterparty != counterparty {
                let (with, also) = (target.counterparty.clone(), target.seq);
                let f = credit_party(seq, dir, &inv.doc, credited, counterparty, &with);
                cx.out.emit(f.also(also));
            }
        }
    }
    // Payments recorded before this invoice (or credit note), applied to it now (the list stays
    // for the families after this one: it is cleared by the next event).
    // Taken for the loop (payment_check may bring invoices back from disk), and put back.
    let applied = std::mem::take(&mut cx.proj.docs.applied);
    check_applied(cx, &applied);
    cx.proj.docs.applied = applied;
}

/// `TTGK` for payments applied to invoices after they were recorded (held for them).
fn check_applied(cx: &mut Ctx<'_>, applied: &[Applied]) {
    for a in applied {
        if let Some(f) = payment_check(cx, &Pay::from(&a.payment), &a.number) {
            cx.out.emit(f);
        }
    }
}

/// `TTGK`: the credit note `doc` (record `seq`, side `dir`) of `party` credits the invoice
/// `invoice`, which is with `with`.
fn credit_party(seq: u64, dir: Dir, doc: &str, invoice: &str, party: &str, with: &str) -> Finding {
    let m = Msg::new("ttgk-credit-party")
        .arg("doc", doc)
        .arg("dir", dir_term(dir))
        .arg("party", party)
        .arg("invoice", invoice)
        .arg("invoice_party", with);
    Finding::new(ttgk(dir), seq, m).party(party).figures(
        Msg::new("ttgk-party").arg("party", with),
        Msg::new("ttgk-party").arg("party", party),
    )
}

/// `TTGK` on a payment: money goes to (or comes from) the party of each invoice it settles, by
/// an account registered for that party unless in cash. Invoices not yet booked are checked when
/// they are.
fn payment(cx: &mut Ctx<'_>, ev: &Ev<'_>, p: &rxledger_model::Payment) {
    let (counterparty, account) = payment_counterparty(p);
    let pay = Pay {
        seq: ev.seq,
        doc: &p.doc,
        direction: p.direction,
        method: p.method,
        counterparty,
        account,
    };
    for number in &p.invoices {
        // One it waits for (its own counterparty's invoice of a number another's has) is
        // checked when it is applied: when that invoice is booked, at its deadline, or at the
        // end of the input.
        if cx.proj.docs.waits(ev.seq, number) {
            continue;
        }
        if let Some(f) = payment_check(cx, &pay, number) {
            cx.out.emit(f);
        }
    }
}

/// At the end of the input: payments and credit notes still waiting for their own
/// counterparty's invoice of a number another counterparty's booked invoice has are for the
/// wrong party (`TTGK`), as at their `ORPHAN` deadline, and settle or credit that invoice (the
/// open items are described after).
fn held_at_end(cx: &mut Ctx<'_>) {
    for seq in cx.proj.docs.held_for_other() {
        let late = cx.proj.docs.late_payments(seq);
        check_applied(cx, &late);
        cx.proj.docs.settle_late(seq, cx.cfg, cx.sched);
    }
    // Credit notes likewise credit another party's invoice.
    for (seq, doc, invoice) in cx.proj.docs.credits_for_other() {
        if let Some((party, with, also, dir)) = cx.proj.docs.late_credit(&doc, &invoice) {
            let f = credit_party(seq, dir, &doc, &invoice, &party, &with);
            cx.emit(f.also(also));
        }
        cx.proj
            .docs
            .settle_credit_late(&doc, &invoice, cx.cfg, cx.sched);
    }
}

/// A payment as its checks see it, borrowed from the event or from a [`PaymentRef`].
struct Pay<'a> {
    seq: u64,
    doc: &'a str,
    direction: PaymentDirection,
    method: PaymentMethod,
    /// The party that pays or is paid, and its account.
    counterparty: &'a str,
    account: &'a str,
}

impl<'a> From<&'a PaymentRef> for Pay<'a> {
    fn from(p: &'a PaymentRef) -> Self {
        Pay {
            seq: p.seq,
            doc: &p.doc,
            direction: p.direction,
            method: p.method,
            counterparty: &p.counterparty,
            account: &p.account,
        }
    }
}

/// The `TTGK` finding of payment `p` for the invoice (or credit note) `number`, if the invoice
/// is booked and the payment's party or account does not fit it.
fn payment_check(cx: &mut Ctx<'_>, p: &Pay<'_>, number: &str) -> Option<Finding> {
    let proj = &mut *cx.proj;
    let (root, document) = proj.docs.root(number, p.counterparty);
    // The record it settles: a refund naming a credit note points at the credit note, not the
    // invoice it credits (round 35, B1).
    let credit_note = match document {
        "credit_note" => proj.docs.credit_note_seq(number, p.counterparty),
        _ => None,
    };
    let inv = proj.docs.invoices.get(&root)?;
    let counterparty = p.counterparty;
    let facts = |id: &'static str| {
        Msg::new(id)
            .arg("doc", p.doc)
            .arg("invoice", number)
            .arg("party", counterparty)
            // A refund names the credit note that caused it: say so, not "invoice".
            .arg("document", term(document))
    };
    let f = if inv.counterparty != counterparty {
        let m = facts("ttgk-payment-party")
            .arg("direction", direction(p.direction))
            .arg("invoice_party", inv.counterparty.as_str());
        Finding::new(ttgk(inv.dir), p.seq, m).figures(
            Msg::new("ttgk-party").arg("party", inv.counterparty.as_str()),
            Msg::new("ttgk-party").arg("party", counterparty),
        )
    } else if p.method != PaymentMethod::Cash
        && !proj
            .master
            .parties
            .get(counterparty)
            .is_some_and(|pt| pt.accounts.contains(p.account))
    {
        let m = facts("ttgk-payment-account").arg("account", p.account);
        Finding::new(ttgk(inv.dir), p.seq, m).figures(
            Msg::new("ttgk-account-expected"),
            Msg::new("ttgk-account").arg("account", p.account),
        )
    } else {
        return None;
    };
    Some(f.party(counterparty).also(credit_note.unwrap_or(inv.seq)))
}

/// The direction of a payment, as a term.
fn direction(d: PaymentDirection) -> Fact {
    term(match d {
        PaymentDirection::Outgoing => "outgoing",
        PaymentDirection::Incoming => "incoming",
    })
}
