//! The deadlines of the documents family: checked when the ledger's clock passes them (a
//! finding if still open), and at the end of the input while not yet passed (an open item, with
//! what would close it).

use chrono::{DateTime, Utc};
use rxledger_model::Money;

use super::{dir_term, ttgk};
use crate::engine::ctx::Ctx;
use crate::engine::facts::{docs, plural, term, texts, with_facts};
use crate::engine::projections::documents::{Dir, DocDue};
use crate::{Fact, Finding, Msg, Pending, Rule};

/// Checks the deadline `d`: when it passed (`open` is `None`) a finding if what it waits for
/// did not happen; at the end of the input (`open` = its time) the open item.
pub(super) fn check(cx: &mut Ctx<'_>, d: &DocDue, open: Option<DateTime<Utc>>) {
    match d {
        DocDue::Goods { dir, doc, due } => uninvoiced(cx, *dir, doc, *due, open),
        DocDue::Invoice(doc) => unpaid(cx, doc, open.or(cx.now), open),
        DocDue::InvoiceOrphan(doc) => invoice_orphan(cx, doc, open),
        DocDue::PaymentOrphan {
            seq,
            doc,
            invoices,
            party,
        } => payment_orphan(cx, *seq, doc, invoices, party, open),
        DocDue::CreditOrphan {
            seq,
            doc,
            invoice,
            party,
        } => credit_orphan(cx, *seq, doc, invoice, party, open),
        DocDue::Excess {
            dir,
            doc,
            product,
            due,
        } => overinvoiced(cx, (*dir, doc), product, *due, open),
        DocDue::Overpaid { doc, due } => overpaid(cx, doc, *due, open),
        DocDue::ForgetInvoice(_)
        | DocDue::ForgetHeld(_)
        | DocDue::ForgetEarlyCredit { .. }
        | DocDue::ForgetEarlyInvoiced(_)
        | DocDue::ForgetOrder(_)
        | DocDue::ForgetSale(_)
        | DocDue::ForgetSeen(..)
        | DocDue::ForgetMovement(..)
        | DocDue::ForgetDelivery(..) => {}
    }
}

/// Reports `f`: as a finding when its deadline passed (`open` is `None`), else as an open item
/// due at `open`, with `message` instead of the finding's own (when given) and `closed_by`.
fn report(
    cx: &mut Ctx<'_>,
    f: Finding,
    open: Option<DateTime<Utc>>,
    message: Option<Msg>,
    closed_by: impl FnOnce() -> Msg,
) {
    match open {
        None => cx.emit(f),
        Some(due) => {
            let mut p = Pending::of(f, due, closed_by());
            if let Some(m) = message {
                p.message = m;
            }
            cx.out.pending(p);
        }
    }
}

/// `UNINVOICED`: at the invoicing deadline of an order or sale, invoiced quantities per product
/// cover the goods (net of returns and credit notes). More invoiced than the goods is an excess
/// of its own (`overinvoiced`).
fn uninvoiced(
    cx: &mut Ctx<'_>,
    dir: Dir,
    doc: &str,
    due: DateTime<Utc>,
    open: Option<DateTime<Utc>>,
) {
    let (root, g) = cx.proj.docs.group_goods(dir, doc);
    // A group is judged once, at the latest deadline of its members.
    let Some(g) = g.filter(|g| g.due == due) else {
        return;
    };
    let mut doc = None;
    let mut out = Vec::new();
    // Goods moved less than `uninvoiced_days` before this deadline are judged at their own
    // (the record is checked again); a shortfall already reported is not reported again.
    let days = chrono::Duration::days(cx.cfg.thresholds.uninvoiced_days);
    let cutoff = due - days;
    for (p, line) in g.lines.iter() {
        let inv = line.invoiced.unwrap_or(0);
        let short = |cut| g.due_goods(p, line.goods, cut).saturating_sub(inv);
        // (cutoff, deadline, record) of each finding this product's goods would give.
        let mut at = Vec::new();
        if short(cutoff) > line.reported {
            at.push((cutoff, due, g.short_seq(p, cutoff)));
        }
        // At the end of the input, goods moved since are open items too, each at its own later
        // deadline where the shortfall grows, as the findings would come (round 34, A2; round
        // 35, A2: only the next one was listed). The goods moved since a deadline are judged at
        // the next: their first record is the one named.
        if open.is_some() {
            let mut times: Vec<DateTime<Utc>> = g
                .young
                .iter()
                .map(|y| y.0)
                .filter(|t| *t > cutoff)
                .collect();
            times.sort_unstable();
            times.dedup();
            let (mut prev, mut reported) = (cutoff, line.reported.max(short(cutoff)));
            for t in times {
                if short(t) > reported {
                    let seq = g.first_moved(p, Some(prev), t).unwrap_or(g.seq);
                    at.push((t, t + days, seq));
                    reported = short(t);
                }
                prev = t;
            }
        }
        for (cutoff, due, seq) in at {
            let goods = g.due_goods(p, line.goods, cutoff);
            let doc = doc.get_or_insert_with(|| group_doc(cx, dir, root)).clone();
            let m = Msg::new("uninvoiced")
                .arg("goods", goods)
                .arg("goods_plural", plural(goods))
                .arg("invoiced", inv)
                .arg("product", p.as_str())
                .arg("dir", dir_term(dir))
                .arg("doc", doc)
                .arg("party", g.party.as_str())
                .arg("days", cx.cfg.thresholds.uninvoiced_days)
                .arg("due", due);
            let pending = with_facts("uninvoiced-pending", &m);
            let closed_by = Msg::new("uninvoiced-closed-by")
                .arg("missing", goods.saturating_sub(inv))
                .arg("part", if inv == 0 { "all" } else { "rest" })
                .arg("product", p.as_str());
            let f = Finding::new(Rule::Uninvoiced, seq, m)
                .party(&g.party)
                .product(p)
                .figures(
                    Msg::new("uninvoiced-qty").arg("qty", goods),
                    Msg::new("uninvoiced-qty").arg("qty", inv),
                )
                .also_all(&g.invoice_seqs);
            out.push((f, pending, closed_by, open.map(|_| due)));
        }
    }
    for (f, pending, closed_by, open) in out {
        report(cx, f, open, Some(pending), || closed_by);
    }
}

/// `UNPAID`: at an invoice's payment deadline, it is paid within the tolerance. (Paid over the
/// invoice is an excess of its own, `overpaid`.)
fn unpaid(cx: &mut Ctx<'_>, doc: &str, due: Option<DateTime<Utc>>, open: Option<DateTime<Utc>>) {
    let tol = cx.cfg.thresholds.amount_tolerance_minor;
    let Some(inv) = cx.proj.docs.invoices.get(doc) else {
        return;
    };
    if inv.paid.saturating_add(tol) >= inv.total {
        return;
    }
    let (total, paid) = (Money::cny(inv.total), Money::cny(inv.paid));
    let m = Msg::new("unpaid")
        .arg("doc", doc)
        .arg("party", inv.counterparty.as_str())
        .arg("total", &total)
        .arg("paid", &paid)
        .arg("days", cx.cfg.thresholds.unpaid_days);
    // When the period ended (round 24, B6: a period from 00:00 of a later invoice date could
    // not be checked from the sentence).
    let m = match due {
        Some(due) => m.arg("due", due),
        None => m,
    };
    let pending = with_facts("unpaid-pending", &m);
    let rest = Money::cny(inv.total.saturating_sub(inv.paid));
    let f = Finding::new(Rule::Unpaid, inv.seq, m)
        .party(&inv.counterparty)
        .figures(
            Msg::new("unpaid-amount").arg("amount", &total),
            Msg::new("unpaid-amount").arg("amount", &paid),
        )
        .also_all(&inv.seqs);
    report(cx, f, open, Some(pending), || {
        Msg::new("unpaid-closed-by").arg("amount", &rest)
    });
}

/// `ORPHAN`: at an invoice's orphan deadline, its order or sale has goods.
fn invoice_orphan(cx: &mut Ctx<'_>, doc: &str, open: Option<DateTime<Utc>>) {
    let docs = &mut cx.proj.docs;
    let Some(inv) = docs.invoices.get(doc) else {
        return;
    };
    if docs.seen_goods.any(inv.dir, &inv.goods) {
        return;
    }
    let mut m = Msg::new("orphan-invoice")
        .arg("doc", doc)
        .arg("party", inv.counterparty.as_str())
        .arg("days", cx.cfg.thresholds.orphan_days);
    m = if inv.goods.is_empty() {
        m.arg("goods", term("none"))
    } else {
        m.arg("goods", term("unmoved"))
            .arg("goods_doc", crate::engine::facts::docs(&inv.goods))
    };
    let pending = with_facts("orphan-invoice-pending", &m);
    let closed_by = with_facts("orphan-invoice-closed-by", &m);
    let f = Finding::new(Rule::Orphan, inv.seq, m).party(&inv.counterparty);
    report(cx, f, open, Some(pending), || closed_by);
}

/// `ORPHAN`: at a payment's orphan deadline, one of the invoices it names is known.
fn payment_orphan(
    cx: &mut Ctx<'_>,
    seq: u64,
    doc: &str,
    invoices: &[crate::engine::projections::Id],
    party: &str,
    open: Option<DateTime<Utc>>,
) {
    if open.is_none() {
        // What waited for its own counterparty's invoice of a number another's has: paid to the
        // wrong party after all (the projection applies it after this check).
        let late = cx.proj.docs.late_payments(seq);
        super::check_applied(cx, &late);
    }
    if invoices.iter().any(|n| cx.proj.docs.known(n)) {
        return;
    }
    // Which payment, and by when an invoice was due (round 27, A2: an invoice booked a second
    // after the deadline made "settles no known invoice" look false).
    let m = Msg::new("orphan-payment")
        .arg("party", party)
        .arg("doc", doc)
        .arg("days", cx.cfg.thresholds.orphan_days)
        .arg("invoices", texts(invoices));
    let m = match open.or(cx.now) {
        Some(due) => m.arg("due", due),
        None => m,
    };
    let pending = with_facts("orphan-payment-pending", &m);
    let f = Finding::new(Rule::Orphan, seq, m).party(party);
    report(cx, f, open, Some(pending), || {
        Msg::new("orphan-payment-closed-by").arg("invoices", texts(invoices))
    });
}

/// `ORPHAN`: at a credit note's orphan deadline, the invoice it credits is known.
fn credit_orphan(
    cx: &mut Ctx<'_>,
    seq: u64,
    doc: &str,
    invoice: &str,
    party: &str,
    open: Option<DateTime<Utc>>,
) {
    if open.is_none() {
        // Waited for its own counterparty's invoice of a number another's has: it credits
        // another party's invoice after all (the projection applies it after this check).
        if let Some((party, with, also, dir)) = cx.proj.docs.late_credit(doc, invoice) {
            let f = super::credit_party(seq, dir, doc, invoice, &party, &with);
            cx.emit(f.also(also));
        }
    }
    if cx.proj.docs.known(invoice) {
        return;
    }
    let m = Msg::new("orphan-credit")
        .arg("doc", doc)
        .arg("invoice", invoice);
    let f = Finding::new(Rule::Orphan, seq, m).party(party);
    report(cx, f, open, None, || {
        Msg::new("orphan-credit-closed-by").arg("invoice", invoice)
    });
}

/// `TTGK`: an order's or sale's invoices exceed its goods for `product` (more invoiced than
/// accepted or dispatched, net of returns and credit notes) and the excess was not corrected
/// within `correction_days` of its latest record. The finding names the latest invoice.
fn overinvoiced(
    cx: &mut Ctx<'_>,
    (dir, doc): (Dir, &str),
    product: &str,
    due: DateTime<Utc>,
    open: Option<DateTime<Utc>>,
) {
    let (root, g) = cx.proj.docs.group_goods(dir, doc);
    let Some(g) = g else {
        return;
    };
    let line = g.lines.get(product).copied().unwrap_or_default();
    if !line.excess.is_some_and(|x| x.due == due && !x.reported) {
        return;
    }
    let (goods, inv) = (line.goods, line.invoiced.unwrap_or(0));
    if inv <= goods {
        return;
    }
    let doc = group_doc(cx, dir, root);
    let m = Msg::new("ttgk-overinvoiced")
        .arg("goods", goods)
        .arg("invoiced", inv)
        .arg("product", product)
        .arg("dir", dir_term(dir))
        .arg("doc", doc)
        .arg("party", g.party.as_str())
        .arg("days", cx.cfg.thresholds.correction_days)
        .arg("due", due);
    let excess = inv.saturating_sub(goods);
    let closed_by = Msg::new("ttgk-overinvoiced-closed-by")
        .arg("excess", excess)
        .arg("excess_plural", plural(excess))
        .arg("product", product)
        .arg("dir", dir_term(dir));
    let seq = g.invoice_seqs.iter().copied().max().unwrap_or(g.seq);
    let f = Finding::new(ttgk(dir), seq, m)
        .party(&g.party)
        .product(product)
        .figures(
            Msg::new("ttgk-qty").arg("qty", goods),
            Msg::new("ttgk-qty").arg("qty", inv),
        )
        .also(g.seq)
        .also_all(&g.invoice_seqs);
    report(cx, f, open, None, || closed_by);
}

/// `TTGK`: an invoice was paid more than its total (net of credit notes, beyond the tolerance)
/// and the excess was not refunded within `correction_days` of its latest record.
fn overpaid(cx: &mut Ctx<'_>, doc: &str, due: DateTime<Utc>, open: Option<DateTime<Utc>>) {
    let tol = cx.cfg.thresholds.amount_tolerance_minor;
    let Some(inv) = cx.proj.docs.invoices.get(doc) else {
        return;
    };
    let live = inv.overpaid().is_some_and(|x| x.due == due && !x.reported);
    if !live || inv.paid <= inv.total.saturating_add(tol) {
        return;
    }
    let (total, paid) = (Money::cny(inv.total), Money::cny(inv.paid));
    let excess = Money::cny(inv.paid.saturating_sub(inv.total));
    // Net of which credit notes, and by when the excess was to be refunded (round 27, A3).
    let credits = inv.credits();
    let m = Msg::new("ttgk-overpaid")
        .arg("doc", doc)
        .arg("party", inv.counterparty.as_str())
        .arg("total", &total)
        .arg("paid", &paid)
        .arg("days", cx.cfg.thresholds.correction_days)
        .arg(
            "net",
            term(if credits.is_empty() {
                "none"
            } else {
                "credits"
            }),
        )
        .arg("credits", texts(credits))
        .arg("due", due);
    let f = Finding::new(ttgk(inv.dir), inv.seq, m)
        .party(&inv.counterparty)
        .figures(
            Msg::new("ttgk-amount").arg("amount", &total),
            Msg::new("ttgk-amount").arg("amount", &paid),
        )
        .also_all(&inv.seqs);
    report(cx, f, open, None, || {
        Msg::new("ttgk-overpaid-closed-by").arg("amount", &excess)
    });
}

/// The orders or sales of the group of root `root`, as a fact (the root itself when it is alone).
fn group_doc(cx: &Ctx<'_>, dir: Dir, root: &str) -> Fact {
    cx.proj
        .docs
        .members(dir, root)
        .map_or_else(|| Fact::from(root), docs)
}
