//! Documents and the four-way match of goods, books, invoices and payments: receipts against
//! purchase orders (`REC-DOC`), dispatches against outbound reviews (`OUT-REV`), invoices and
//! payments against the parties and goods of their order or sale (`TTGK-P`, `TTGK-S`), goods
//! without invoice (`UNINVOICED`), invoices not settled (`UNPAID`), invoices without goods and
//! payments without invoice (`ORPHAN`), and public hospitals' two invoices (`TWO-INVOICE`).
//!
//! The documents themselves are a projection ([`crate::engine::projections::documents`]); this
//! family keeps the running counts of `REC-DOC` (arrivals per order line) and `OUT-REV`
//! (reviewed and dispatched quantities per sale line) on them.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use rxledger_model::{EventBody, Money, PaymentDirection, PaymentMethod, Quality};

use super::Family;
use crate::engine::ctx::{Ctx, Due, Ev, Out};
use crate::engine::facts::{term, texts, with_facts};
use crate::engine::projections::documents::{
    invoice_counterparty, invoice_dir, invoice_goods, payment_counterparty, Dir, DocDue,
};
use crate::engine::projections::{key, Pb};
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
            EventBody::Payment(p) => payment(cx, ev.seq, p),
            _ => {}
        }
    }

    fn on_due(&mut self, cx: &mut Ctx<'_>, due: &Due) {
        let Due::Documents(d) = due else { return };
        match d {
            DocDue::Goods(dir, doc) => goods_due(cx, *dir, doc),
            DocDue::Invoice(doc) => invoice_due(cx, doc),
            DocDue::InvoiceOrphan(doc) => invoice_orphan(cx, doc),
            DocDue::PaymentOrphan {
                seq,
                invoices,
                party,
            } => payment_orphan(cx, *seq, invoices, party),
            _ => {}
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
    let base = Msg::new("rec-doc").arg("doc", &r.doc);
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
    if e.refs.delivery_note.is_none() {
        let m = base.clone().arg("problem", term("no_delivery_note"));
        emit(&mut cx.out, m, None);
    }
    let Some(o) = e.refs.order.as_deref() else {
        let m = base.arg("problem", term("no_order"));
        emit(&mut cx.out, m, None);
        return;
    };
    let Some(order) = cx.proj.docs.orders.get_mut(o) else {
        let m = base.arg("problem", term("unknown_order")).arg("order", o);
        emit(&mut cx.out, m, None);
        return;
    };
    if order.supplier != r.supplier {
        let m = base
            .clone()
            .arg("problem", term("supplier"))
            .arg("supplier", &r.supplier)
            .arg("order_supplier", &order.supplier);
        emit(&mut cx.out, m, None);
    }
    for l in &r.lines {
        match order.lines.get_mut(&l.product) {
            None => {
                let m = base.clone().arg("problem", term("not_on_order"));
                emit(&mut cx.out, m, Some(&l.product));
            }
            Some((ordered, arrived)) => {
                *arrived += l.arrived;
                if *arrived > *ordered {
                    let m = base
                        .clone()
                        .arg("problem", term("over"))
                        .arg("arrived", *arrived)
                        .arg("ordered", *ordered);
                    emit(&mut cx.out, m, Some(&l.product));
                }
            }
        }
    }
}

/// `TWO-INVOICE`: goods sold to a public hospital (outside remote provinces) must have come from
/// the manufacturer.
fn two_invoice(cx: &mut Ctx<'_>, seq: u64, s: &rxledger_model::Sale) {
    let Some(customer) = cx.proj.master.parties.get(&s.customer) else {
        return;
    };
    if !customer.public_hospital
        || cx
            .cfg
            .thresholds
            .remote_provinces
            .contains(&customer.province)
    {
        return;
    }
    for l in &s.lines {
        let via_wholesaler = cx
            .proj
            .stock
            .batches
            .get(&Pb(&l.product, &l.batch))
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
    let Some(sale_doc) = ev.e.refs.sale.as_deref() else {
        let m = Msg::new("out-rev-no-sale").arg("doc", &r.doc);
        cx.emit(Finding::new(Rule::OutRev, ev.seq, m).party(&r.customer));
        return;
    };
    let base = Msg::new("out-rev-review")
        .arg("doc", &r.doc)
        .arg("sale", sale_doc);
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
    let Some(sale) = proj.docs.sales.get_mut(sale_doc) else {
        emit(&mut cx.out, base.arg("problem", term("unknown_sale")), None);
        return;
    };
    for l in &r.lines {
        let line = Some((l.product.as_str(), l.batch.as_str()));
        let batch_expiry = proj
            .stock
            .batches
            .get(&Pb(&l.product, &l.batch))
            .and_then(|b| b.expiry);
        match sale.lines.get(&Pb(&l.product, &l.batch)) {
            None => {
                let m = base.clone().arg("problem", term("not_on_sale"));
                emit(&mut cx.out, m, line);
            }
            Some(&(q, sale_expiry)) => {
                let reviewed = sale
                    .reviewed
                    .get(&Pb(&l.product, &l.batch))
                    .copied()
                    .unwrap_or(0)
                    + l.quantity;
                if reviewed > q {
                    let m = base
                        .clone()
                        .arg("problem", term("quantity"))
                        .arg("reviewed", reviewed)
                        .arg("quantity", q);
                    emit(&mut cx.out, m, line);
                }
                let expect = batch_expiry.unwrap_or(sale_expiry);
                if l.expiry != expect || sale_expiry != expect {
                    let m = base
                        .clone()
                        .arg("problem", term("expiry"))
                        .arg("expiry", l.expiry)
                        .arg("expected_expiry", expect);
                    emit(&mut cx.out, m, line);
                }
            }
        }
        if l.quality == Quality::Ok {
            *sale.reviewed.entry(key(&l.product, &l.batch)).or_insert(0) += l.quantity;
        }
    }
}

/// `OUT-REV` at the dispatch: every line dispatched was reviewed fit for its sale.
fn out_rev_dispatch(cx: &mut Ctx<'_>, ev: &Ev<'_>, d: &rxledger_model::Dispatch) {
    let sale_doc = ev.e.refs.sale.as_deref();
    for l in &d.lines {
        let base = Msg::new("out-rev-dispatch")
            .arg("doc", &d.doc)
            .arg("product", &l.product)
            .arg("batch", &l.batch);
        let problem = match sale_doc.and_then(|s| cx.proj.docs.sales.get_mut(s)) {
            None => Some((base.arg("problem", term("no_sale")), None)),
            Some(sale) => {
                let dispatched = sale
                    .dispatched
                    .entry(key(&l.product, &l.batch))
                    .or_insert(0);
                *dispatched += l.quantity;
                let shipped = *dispatched;
                let reviewed = sale
                    .reviewed
                    .get(&Pb(&l.product, &l.batch))
                    .copied()
                    .unwrap_or(0);
                (shipped > reviewed).then(|| {
                    let m = base
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
    let docs = &cx.proj.docs;
    let traded_with = invoice_goods(ev.e, inv).and_then(|k| match dir {
        Dir::Purchase => docs.orders.get(k).map(|o| &o.supplier),
        Dir::Sale => docs.sales.get(k).map(|s| &s.customer),
    });
    if let Some(expected) = traded_with.filter(|x| *x != counterparty) {
        let m = Msg::new("ttgk-invoice-party")
            .arg("doc", &inv.doc)
            .arg("dir", dir_term(dir))
            .arg("party", counterparty)
            .arg("traded_with", expected);
        let f = Finding::new(ttgk(dir), seq, m).party(counterparty).figures(
            Msg::new("ttgk-party").arg("party", expected),
            Msg::new("ttgk-party").arg("party", counterparty),
        );
        cx.out.emit(f);
    }
    if let Some(credited) = &inv.credit_for {
        let root = docs.root(credited);
        if !docs.invoices.contains_key(root) {
            let m = Msg::new("orphan-credit")
                .arg("doc", &inv.doc)
                .arg("invoice", root);
            cx.out
                .emit(Finding::new(Rule::Orphan, seq, m).party(counterparty));
        }
    }
}

/// `TTGK` on a payment: money goes to (or comes from) the party of each invoice it settles, by
/// an account registered for that party unless in cash.
fn payment(cx: &mut Ctx<'_>, seq: u64, p: &rxledger_model::Payment) {
    let (counterparty, account) = payment_counterparty(p);
    let proj = &*cx.proj;
    for number in &p.invoices {
        let Some(inv) = proj.docs.invoices.get(proj.docs.root(number)) else {
            continue;
        };
        let facts = |id: &'static str| {
            Msg::new(id)
                .arg("doc", &p.doc)
                .arg("invoice", number)
                .arg("party", counterparty)
        };
        let f = if &inv.counterparty != counterparty {
            let m = facts("ttgk-payment-party")
                .arg("direction", direction(p.direction))
                .arg("invoice_party", &inv.counterparty);
            Finding::new(ttgk(inv.dir), seq, m).figures(
                Msg::new("ttgk-party").arg("party", &inv.counterparty),
                Msg::new("ttgk-party").arg("party", counterparty),
            )
        } else if p.method != PaymentMethod::Cash
            && !proj
                .master
                .parties
                .get(counterparty)
                .is_some_and(|pt| pt.accounts.contains(account))
        {
            let m = facts("ttgk-payment-account").arg("account", account);
            Finding::new(ttgk(inv.dir), seq, m).figures(
                Msg::new("ttgk-account-expected"),
                Msg::new("ttgk-account").arg("account", account),
            )
        } else {
            continue;
        };
        cx.out.emit(f.party(counterparty).also(inv.seq));
    }
}

/// The direction of a payment, as a term.
fn direction(d: PaymentDirection) -> Fact {
    term(match d {
        PaymentDirection::Outgoing => "outgoing",
        PaymentDirection::Incoming => "incoming",
    })
}

/// `UNINVOICED` / `TTGK`: at the invoicing deadline of an order or sale, invoiced quantities
/// per product equal the goods (net of returns and credit notes).
fn goods_due(cx: &mut Ctx<'_>, dir: Dir, doc: &str) {
    let Some(g) = cx.proj.docs.goods.get(&(dir, doc.to_owned())) else {
        return;
    };
    let products: BTreeSet<&String> = g.goods.keys().chain(g.invoiced.keys()).collect();
    for p in products {
        let goods = g.goods.get(p).copied().unwrap_or(0);
        let inv = g.invoiced.get(p).copied().unwrap_or(0);
        let (rule, id) = match inv.cmp(&goods) {
            Ordering::Less => (Rule::Uninvoiced, "uninvoiced"),
            Ordering::Greater => (ttgk(dir), "ttgk-overinvoiced"),
            Ordering::Equal => continue,
        };
        let m = Msg::new(id)
            .arg("goods", goods)
            .arg("invoiced", inv)
            .arg("product", p)
            .arg("dir", dir_term(dir))
            .arg("doc", doc)
            .arg("party", &g.party)
            .arg("days", cx.cfg.thresholds.uninvoiced_days);
        let qty = if rule == Rule::Uninvoiced {
            "uninvoiced-qty"
        } else {
            "ttgk-qty"
        };
        let f = Finding::new(rule, g.seq, m)
            .party(&g.party)
            .product(p)
            .figures(
                Msg::new(qty).arg("qty", goods),
                Msg::new(qty).arg("qty", inv),
            )
            .also_all(&g.invoice_seqs);
        cx.out.emit(f);
    }
}

/// `UNPAID` / `TTGK`: at an invoice's payment deadline, it is paid within the tolerance.
fn invoice_due(cx: &mut Ctx<'_>, doc: &str) {
    let tol = cx.cfg.thresholds.amount_tolerance_minor;
    let Some(inv) = cx.proj.docs.invoices.get(doc) else {
        return;
    };
    let (rule, id, amount) = if inv.paid + tol < inv.total {
        (Rule::Unpaid, "unpaid", "unpaid-amount")
    } else if inv.paid > inv.total + tol {
        (ttgk(inv.dir), "ttgk-overpaid", "ttgk-amount")
    } else {
        return;
    };
    let (total, paid) = (Money::cny(inv.total), Money::cny(inv.paid));
    let m = Msg::new(id)
        .arg("doc", doc)
        .arg("party", &inv.counterparty)
        .arg("total", &total)
        .arg("paid", &paid)
        .arg("days", cx.cfg.thresholds.unpaid_days);
    let f = Finding::new(rule, inv.seq, m)
        .party(&inv.counterparty)
        .figures(
            Msg::new(amount).arg("amount", &total),
            Msg::new(amount).arg("amount", &paid),
        )
        .also_all(&inv.seqs);
    cx.out.emit(f);
}

/// `ORPHAN`: at an invoice's orphan deadline, its order or sale has goods.
fn invoice_orphan(cx: &mut Ctx<'_>, doc: &str) {
    let docs = &cx.proj.docs;
    let Some(inv) = docs.invoices.get(doc) else {
        return;
    };
    if inv
        .goods_key
        .as_ref()
        .is_some_and(|k| docs.seen_goods.contains(k))
    {
        return;
    }
    let mut m = Msg::new("orphan-invoice")
        .arg("doc", doc)
        .arg("party", &inv.counterparty)
        .arg("days", cx.cfg.thresholds.orphan_days);
    m = match &inv.goods_key {
        None => m.arg("goods", term("none")),
        Some((_, k)) => m.arg("goods", term("unmoved")).arg("goods_doc", k),
    };
    let f = Finding::new(Rule::Orphan, inv.seq, m).party(&inv.counterparty);
    cx.out.emit(f);
}

/// `ORPHAN`: at a payment's orphan deadline, one of the invoices it names is known.
fn payment_orphan(cx: &mut Ctx<'_>, seq: u64, invoices: &[String], party: &str) {
    if invoices.iter().any(|n| cx.proj.docs.known(n)) {
        return;
    }
    let m = Msg::new("orphan-payment")
        .arg("party", party)
        .arg("invoices", texts(invoices));
    cx.emit(Finding::new(Rule::Orphan, seq, m).party(party));
}
