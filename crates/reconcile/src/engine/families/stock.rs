//! Stock and batches: negative stock (`STOCK-NEG`), counts against the books (`STOCK-COUNT`),
//! the acceptance gate (`ACC-GATE`), dispatches without a qualified source (`NO-SOURCE`),
//! expired and near-expiry dispatches (`EXPIRED`, `EXPIRED-NEAR`), quarantine (`QUARANTINE`)
//! and customer returns against their sale (`RETURN-ORIG`).
//!
//! Stock and batches are a projection ([`crate::engine::projections::stock`]); this family
//! keeps `ACC-GATE`'s accepted units per location on batches (`gate`) and `RETURN-ORIG`'s
//! returned quantities on sales.

use hashbrown::HashMap;
use rxledger_model::{EventBody, TransferReason};

use super::Family;
use crate::engine::ctx::{Ctx, Ev};
use crate::engine::facts::{term, with_facts};
use crate::engine::projections::documents::{share, Cursors, SaleRec};
use crate::engine::projections::{pb, qty, Id};
use crate::{Config, Finding, Msg, Rule};

mod gate;

/// The stock family (its state is the stock projection).
#[derive(Default)]
pub(crate) struct Stock;

impl Family for Stock {
    fn id(&self) -> crate::Family {
        crate::Family::Stock
    }

    fn on_event(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>) {
        gate::on_event(cx, ev);
        match &ev.e.body {
            EventBody::PutAway(m) => {
                for l in &m.lines {
                    // Leaving quarantine by a put-away is QUARANTINE's concern (ACC-GATE counts
                    // the units as accepted where they went: `gate`).
                    if quarantined(cx.cfg, &l.from) && !quarantined(cx.cfg, &l.to) {
                        let how = ("put_away", l.to.as_str());
                        quarantine(cx, ev.seq, &l.product, &l.batch, &l.from, how);
                    }
                }
            }
            EventBody::Transfer(t) => {
                for l in &t.lines {
                    if quarantined(cx.cfg, &l.from)
                        && !quarantined(cx.cfg, &l.to)
                        && t.reason != TransferReason::Release
                    {
                        let how = ("transfer", l.to.as_str());
                        quarantine(cx, ev.seq, &l.product, &l.batch, &l.from, how);
                    }
                }
            }
            EventBody::Dispatch(d) => dispatch(cx, ev, d),
            EventBody::CustomerReturn(r) => return_orig(cx, ev, r),
            EventBody::StockCount(c) => stock_count(cx, ev.seq, c),
            _ => {}
        }
        stock_neg(cx, ev.seq);
    }
}

fn quarantined(cfg: &Config, loc: &str) -> bool {
    cfg.thresholds.quarantine_locations.iter().any(|q| q == loc)
}

/// `STOCK-NEG`: stock of a batch at a location went below zero with this event.
fn stock_neg(cx: &mut Ctx<'_>, seq: u64) {
    for n in &cx.proj.stock.negatives {
        // Out of a batch already below zero, the books showed that figure, not nothing.
        let id = if n.before < 0 {
            "stock-neg-further"
        } else {
            "stock-neg"
        };
        let m = Msg::new(id)
            .arg("product", &n.product)
            .arg("batch", &n.batch)
            .arg("location", &n.location)
            .arg("after", n.after)
            .arg("moved", -n.delta)
            .arg("on_books", n.before);
        let f = Finding::new(Rule::StockNeg, seq, m)
            .product(&n.product)
            .batch(&n.batch)
            .location(&n.location)
            .figures(
                Msg::new("stock-neg-expected").arg("qty", -n.delta),
                Msg::new("stock-neg-actual").arg("qty", n.before),
            );
        cx.out.emit(f);
    }
}

/// `QUARANTINE`: goods left a quarantine location other than by a release (`how`: the kind of
/// movement and where to).
fn quarantine(
    cx: &mut Ctx<'_>,
    seq: u64,
    product: &str,
    batch: &str,
    from: &str,
    how: (&'static str, &str),
) {
    let m = Msg::new("quarantine")
        .arg("product", product)
        .arg("batch", batch)
        .arg("location", from)
        .arg("how", term(how.0))
        .arg("to", how.1);
    let f = Finding::new(Rule::Quarantine, seq, m)
        .product(product)
        .batch(batch)
        .location(from);
    cx.emit(f);
}

/// A dispatch: `NO-SOURCE` and `ACC-GATE` (received, accepted, from a qualified supplier),
/// `EXPIRED` and `EXPIRED-NEAR`, `QUARANTINE`.
fn dispatch(cx: &mut Ctx<'_>, ev: &Ev<'_>, d: &rxledger_model::Dispatch) {
    let (seq, date) = (ev.seq, ev.date);
    for l in &d.lines {
        let (product, batch) = (l.product.as_str(), l.batch.as_str());
        let (received, accepted, qualified, expiry) = cx
            .proj
            .stock
            .batches
            .get(&pb(product, batch))
            .map_or((false, 0, false, None), |b| {
                (b.received, b.accepted, b.qualified_source, b.expiry)
            });
        let line = |id| Msg::new(id).arg("product", product).arg("batch", batch);
        if !received {
            let m = line("no-source-never-received").arg("customer", &d.customer);
            let f = Finding::new(Rule::NoSource, seq, m).party(&d.customer);
            cx.emit(f.product(product).batch(batch));
        } else if accepted == 0 {
            let f = Finding::new(Rule::AccGate, seq, line("acc-gate-dispatch")).figures(
                Msg::new("acc-gate-dispatch-expected"),
                Msg::new("acc-gate-dispatch-actual"),
            );
            cx.emit(f.product(product).batch(batch));
        } else if !qualified {
            let m = line("no-source-unqualified").arg("customer", &d.customer);
            let f = Finding::new(Rule::NoSource, seq, m).party(&d.customer);
            cx.emit(f.product(product).batch(batch));
        }
        if let Some(exp) = expiry {
            let days = (exp - date).num_days();
            let near = cx.cfg.thresholds.near_expiry_days;
            // Expiry (有效期至) is the last day of validity: usable through that day.
            let f = if date > exp {
                let m = line("expired").arg("expiry", exp).arg("date", date);
                Some(Finding::new(Rule::Expired, seq, m).figures(
                    Msg::new("expired-expected").arg("expiry", exp),
                    Msg::new("expired-actual").arg("date", date),
                ))
            } else if days <= near {
                let m = line("expired-near").arg("days", days).arg("expiry", exp);
                Some(Finding::new(Rule::ExpiredNear, seq, m).figures(
                    Msg::new("expired-near-expected").arg("days", near),
                    Msg::new("expired-near-actual").arg("days", days),
                ))
            } else {
                None
            };
            if let Some(f) = f {
                cx.emit(f.party(&d.customer).product(product).batch(batch));
            }
        }
        if quarantined(cx.cfg, &l.from) {
            let how = ("dispatch", d.customer.as_str());
            quarantine(cx, seq, product, batch, &l.from, how);
        }
    }
}

/// `RETURN-ORIG`: a customer return names an earlier sale to the same customer, and returns no
/// more of a batch than was dispatched on it.
fn return_orig(cx: &mut Ctx<'_>, ev: &Ev<'_>, r: &rxledger_model::CustomerReturn) {
    let mut cursors = Cursors::default();
    for l in &r.lines {
        let room = |s: &SaleRec| {
            let shipped = s.dispatched(&l.product, &l.batch);
            shipped.saturating_sub(s.returned(&l.product, &l.batch))
        };
        let sales = &ev.e.refs.sale;
        // Split over the sales named as a review line is (`out_rev_review`): each takes what
        // it shipped and has not had back, the last what is left.
        let mut left = l.quantity;
        let mut first = true;
        while first || left > 0 {
            first = false;
            let sale_doc =
                cx.proj
                    .docs
                    .sale_for_line(sales, &l.product, &l.batch, room, &mut cursors);
            // Built only for a finding (most returns are in order).
            let base = || {
                Msg::new("return-orig")
                    .arg("doc", &r.doc)
                    .arg("product", &l.product)
                    .arg("batch", &l.batch)
                    .arg("customer", &r.customer)
            };
            let problem = match sale_doc.and_then(|s| cx.proj.docs.sales.get_mut(s)) {
                None => Some(match sale_doc {
                    None => (base().arg("problem", term("no_sale")), None),
                    Some(s) => (
                        base().arg("problem", term("unknown_sale")).arg("sale", s),
                        None,
                    ),
                }),
                Some(sale) if sale.customer != r.customer => {
                    let m = base()
                        .arg("problem", term("other_customer"))
                        .arg("sale_customer", sale.customer.as_str());
                    Some((m, Some(sale.seq)))
                }
                Some(sale) => {
                    let part = share(room(sale), left);
                    left -= part;
                    let line = sale.line_mut(&l.product, &l.batch);
                    line.returned = line.returned.saturating_add(part);
                    let (shipped, returned) = (line.dispatched, line.returned);
                    (returned > shipped).then(|| {
                        let m = base()
                            .arg("problem", term("over"))
                            .arg("returned", returned)
                            .arg("dispatched", shipped);
                        (m, Some(sale.seq))
                    })
                }
            };
            if let Some((m, sale_seq)) = problem {
                let mut f = Finding::new(Rule::ReturnOrig, ev.seq, m.clone())
                    .party(&r.customer)
                    .product(&l.product)
                    .batch(&l.batch)
                    .figures(
                        with_facts("return-orig-expected", &m),
                        with_facts("return-orig-actual", &m),
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

/// `STOCK-COUNT`: each counted batch against the books at that location; batches on the books
/// but not on the sheet count as zero. A negative book quantity was reported as `STOCK-NEG`:
/// counted as zero (or left off the sheet) it is not reported again; counted above zero it is.
fn stock_count(cx: &mut Ctx<'_>, seq: u64, c: &rxledger_model::StockCount) {
    let mut book: HashMap<(Id, Id), i64> = cx
        .proj
        .stock
        .at
        .get(c.location.as_str())
        .cloned()
        .unwrap_or_default();
    let mut diffs = Vec::new();
    for l in &c.lines {
        let b = book.remove(&pb(&l.product, &l.batch)).unwrap_or(0);
        if b != qty(l.counted) && !(b < 0 && l.counted == 0) {
            diffs.push((l.product.clone(), l.batch.clone(), b, qty(l.counted), true));
        }
    }
    let mut rest: Vec<_> = book.into_iter().filter(|(_, q)| *q > 0).collect();
    rest.sort();
    for ((p, b), q) in rest {
        diffs.push((p, b, q, 0, false));
    }
    for (p, b, book_q, counted, listed) in diffs {
        // A batch left off the sheet is counted as zero, and said so (round 25: "found 0").
        let m = Msg::new("stock-count")
            .arg("listed", term(if listed { "listed" } else { "missing" }))
            .arg("doc", &c.doc)
            .arg("location", &c.location)
            .arg("counted", counted)
            .arg("product", &p)
            .arg("batch", &b)
            .arg("book", book_q)
            .arg("difference", counted.saturating_sub(book_q));
        let f = Finding::new(Rule::StockCount, seq, m)
            .product(&p)
            .batch(&b)
            .location(&c.location)
            .figures(
                Msg::new("stock-count-qty").arg("qty", book_q),
                Msg::new("stock-count-qty").arg("qty", counted),
            );
        cx.emit(f);
    }
}
