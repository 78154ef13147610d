//! Stock and batches: STOCK-NEG (a loss against a location that holds none), STOCK-COUNT (a
//! miscount), NO-SOURCE (a batch sold that never came in), EXPIRED and EXPIRED-NEAR (short-dated
//! batches sold), QUARANTINE (quarantined goods back to stock without a release), RETURN-ORIG
//! (a return booked to another customer than the sale's).

use std::collections::VecDeque;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rxledger_model::{CountLine, EventBody, MoveLine, OutLine, Refs, Transfer, TransferReason};

use super::{Marks, Planting};
use crate::sim::{at, Action, Batch, OpenSale};
use crate::Generator;

/// The rules this family plants (the families together plant [`crate::PLANTABLE`]).
#[cfg(test)]
pub(crate) const RULES: &[&str] = &[
    "STOCK-NEG",
    "STOCK-COUNT",
    "NO-SOURCE",
    "EXPIRED",
    "EXPIRED-NEAR",
    "QUARANTINE",
    "RETURN-ORIG",
];

/// STOCK-NEG, daily: a loss at 17:10.
pub(crate) fn on_day(g: &mut Generator, date: NaiveDate) {
    if g.plant("STOCK-NEG") {
        g.schedule(at(date, 17, 10), Action::Plant(Planting::Loss));
    }
}

/// STOCK-NEG: one unit of an ordinary batch in stock reported lost from `WH-B`, a location that
/// holds none of it.
pub(crate) fn loss(g: &mut Generator, t: DateTime<Utc>) {
    let candidates: Vec<usize> = g
        .product_batches
        .iter()
        .flatten()
        .copied()
        .filter(|&b| !g.special(g.batches[b].product) && g.batches[b].on_hand > 0)
        .collect();
    if candidates.is_empty() {
        return;
    }
    let b = candidates[(g.rng.next_u64() % candidates.len() as u64) as usize];
    let doc = g.doc("BS");
    let product = g.world.products[g.batches[b].product].code.clone();
    let seq = g.emit(
        t,
        &["保管-赵磊"],
        Refs::default(),
        EventBody::LossReport(rxledger_model::LossReport {
            doc: doc.into(),
            loss: rxledger_model::LossKind::Loss,
            discovered_at: t - Duration::hours(1),
            lines: vec![OutLine {
                product: product.into(),
                batch: g.batches[b].batch.as_str().into(),
                quantity: 1,
                from: "WH-B".into(),
                codes: Vec::new(),
            }],
            reported_to: Vec::new(),
        }),
    );
    g.record("STOCK-NEG", seq, t);
}

/// A planted sale of a short-dated batch, scheduled once the receipt is booked.
#[derive(Debug)]
pub(crate) struct ShortDated {
    batch: usize,
    product: usize,
    day: NaiveDate,
    rule: &'static str,
}

/// EXPIRED or EXPIRED-NEAR, on receiving a batch of an ordinary (non-vaccine) product on
/// `date`: the batch expires in 20 days and is sold after expiry, or expires in 30 days and is
/// sold within five. The batch is the next one the generator creates.
pub(crate) fn short_dated(
    g: &mut Generator,
    p: usize,
    date: NaiveDate,
    expiry: &mut NaiveDate,
) -> Option<ShortDated> {
    if g.world.products[p].vaccine {
        return None;
    }
    let batch = g.batches.len();
    if g.plant("EXPIRED") {
        *expiry = date + Duration::days(20);
        Some(ShortDated {
            batch,
            product: p,
            day: date + Duration::days(25),
            rule: "EXPIRED",
        })
    } else if g.plant("EXPIRED-NEAR") {
        *expiry = date + Duration::days(30);
        Some(ShortDated {
            batch,
            product: p,
            day: date + Duration::days(5),
            rule: "EXPIRED-NEAR",
        })
    } else {
        None
    }
}

/// After the receipt: schedules the sales of its short-dated batches, to the first customer who
/// buys the product.
pub(crate) fn after_receipt(g: &mut Generator, sales: Vec<ShortDated>) {
    for s in sales {
        if let Some(customer) = g
            .world
            .customers
            .iter()
            .position(|c| c.buys.iter().any(|x| x.0 == s.product))
        {
            g.schedule(
                at(s.day, 10, 15),
                Action::Plant(Planting::Sale {
                    customer,
                    batch: s.batch,
                    rule: s.rule,
                }),
            );
        }
    }
}

/// EXPIRED or EXPIRED-NEAR: the sale of what is left of the short-dated batch (up to the
/// customer's usual quantity); the finding names the dispatch.
pub(crate) fn short_dated_sale(
    g: &mut Generator,
    t: DateTime<Utc>,
    customer: usize,
    batch: usize,
    rule: &'static str,
) {
    let b = &g.batches[batch];
    let free = b.on_hand - b.reserved;
    let base = g.world.customers[customer]
        .buys
        .iter()
        .find(|x| x.0 == b.product)
        .map_or(10, |x| x.1);
    let q = free.min(base);
    if q > 0 {
        let product = b.product;
        let alloc = g.allocate_from(batch, q);
        g.sale_with(t, customer, product, alloc, vec![rule], true);
    }
}

/// NO-SOURCE, on a customer's order of an ordinary product: goods sold and shipped under a
/// batch number that never came in (a forged source). Returns whether it took the order.
pub(crate) fn no_source_sale(
    g: &mut Generator,
    t: DateTime<Utc>,
    date: NaiveDate,
    customer: usize,
    product: usize,
    quantity: u64,
) -> bool {
    if g.special(product) || !g.plant("NO-SOURCE") {
        return false;
    }
    let b = g.batches.len();
    let expiry = date + Duration::days(700);
    g.batches.push(Batch {
        product,
        batch: format!("{}99{:06}", date.format("%y%m"), b),
        expiry,
        on_hand: quantity,
        reserved: 0,
        codes: VecDeque::new(),
        via_wholesaler: false,
        receipt_seq: 0,
        abandoned: false,
    });
    let alloc = g.allocate_from(b, quantity);
    g.sale_with(
        t,
        customer,
        product,
        alloc,
        vec!["NO-SOURCE", "STOCK-NEG"],
        true,
    );
    true
}

/// QUARANTINE, when quarantined goods are due for destruction: they are quietly moved back to
/// stock instead, without a release. Returns whether it is planted.
pub(crate) fn back_from_quarantine(
    g: &mut Generator,
    t: DateTime<Utc>,
    product: usize,
    batch: usize,
    quantity: u64,
) -> bool {
    if !g.plant("QUARANTINE") {
        return false;
    }
    g.batches[batch].on_hand += quantity;
    if !g.product_batches[product].contains(&batch) {
        g.product_batches[product].push(batch);
    }
    let doc = g.doc("YK");
    let zone = g.zone_of(product);
    let seq = g.emit(
        t,
        &["保管-赵磊"],
        Refs::default(),
        EventBody::Transfer(Transfer {
            doc: doc.into(),
            reason: TransferReason::Relocation,
            lines: vec![MoveLine {
                product: g.world.products[product].code.as_str().into(),
                batch: g.batches[batch].batch.as_str().into(),
                quantity,
                from: "QA".into(),
                to: zone.into(),
                codes: Vec::new(),
            }],
        }),
    );
    g.record("QUARANTINE", seq, t);
    true
}

/// STOCK-COUNT, on a stock count at `t`: the first line counts one unit too many.
pub(crate) fn miscount(
    g: &mut Generator,
    t: DateTime<Utc>,
    lines: &mut [CountLine],
    marks: &mut Marks,
) {
    if g.plant("STOCK-COUNT") {
        lines[0].counted += 1;
        marks.add("STOCK-COUNT", t);
    }
}

/// RETURN-ORIG, on a customer return at `t`: the party the return is booked to, the sale's
/// customer `party` or the next customer.
pub(crate) fn return_party(
    g: &mut Generator,
    t: DateTime<Utc>,
    sale: &OpenSale,
    party: String,
    marks: &mut Marks,
) -> String {
    if !g.plant("RETURN-ORIG") {
        return party;
    }
    marks.add("RETURN-ORIG", t);
    let other = (sale.customer + 1) % g.world.customers.len();
    g.world.parties[g.world.customers[other].party].id.clone()
}
