//! Qualification: SUP-LIC (an order placed with a supplier without a qualification file),
//! CUS-LIC (a sale booked to a buyer without one), TWO-INVOICE (goods for a public hospital
//! bought from another wholesaler rather than the manufacturer).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rxledger_model::{Channel, EventBody, Money, Refs, Sale, SaleLine};

use crate::sim::{Allocation, OpenPurchase};
use crate::Generator;

/// The rules this family plants (the families together plant [`crate::PLANTABLE`]).
#[cfg(test)]
pub(crate) const RULES: &[&str] = &["SUP-LIC", "CUS-LIC", "TWO-INVOICE"];

/// Party index of the second wholesaler (planted TWO-INVOICE sources).
const WHOLESALER: usize = 11;

/// TWO-INVOICE, on replenishing product `p`: the supplier, its manufacturer or (for an ordinary
/// product the second wholesaler may sell) the second wholesaler.
pub(crate) fn purchase_supplier(g: &mut Generator, p: usize) -> usize {
    let prod = &g.world.products[p];
    let eligible = !prod.control.is_special()
        && !prod.vaccine
        && g.world.parties[WHOLESALER].scope.contains(&prod.category);
    if eligible && g.plant("TWO-INVOICE") {
        WHOLESALER
    } else {
        g.world.products[p].supplier
    }
}

/// TWO-INVOICE, after booking the sale `seq` at `t`: a public customer's sale of a batch bought
/// from the second wholesaler names the finding (once per such batch).
pub(crate) fn after_sale(
    g: &mut Generator,
    t: DateTime<Utc>,
    seq: u64,
    customer: usize,
    alloc: &Allocation,
) {
    let public = g.world.parties[g.world.customers[customer].party].public_hospital;
    if public {
        for (b, _, _) in alloc {
            if g.batches[*b].via_wholesaler {
                g.record("TWO-INVOICE", seq, t);
            }
        }
    }
}

/// SUP-LIC, after the purchase order `po` at `t`: a second order for ten units of its first
/// product, placed with a supplier that has no qualification file.
pub(crate) fn after_purchase(g: &mut Generator, t: DateTime<Utc>, po: &OpenPurchase) {
    if !g.plant("SUP-LIC") {
        return;
    }
    let (p, _, price) = po.lines[0];
    let doc = g.doc("CG");
    let seq = g.emit(
        t,
        &["采购-李明"],
        Refs::default(),
        EventBody::Purchase(rxledger_model::Purchase {
            doc: doc.into(),
            supplier: "91330000MA2UNREG01".into(),
            lines: vec![rxledger_model::PurchaseLine {
                product: g.world.products[p].code.as_str().into(),
                quantity: 10,
                unit_price: Money::cny(price),
            }],
        }),
    );
    g.record("SUP-LIC", seq, t);
}

/// CUS-LIC, on a customer's order of `product` at `t`: first a sale of five units booked to a
/// buyer with no qualification file.
pub(crate) fn on_sale_order(g: &mut Generator, t: DateTime<Utc>, date: NaiveDate, product: usize) {
    if !g.plant("CUS-LIC") {
        return;
    }
    let so = g.doc("XS");
    let prod = &g.world.products[product];
    let body = EventBody::Sale(Sale {
        doc: so.into(),
        customer: "91330100MA2UNREG02".into(),
        channel: Channel::Wholesale,
        buyer_id: None,
        prescription: None,
        lines: vec![SaleLine {
            product: prod.code.as_str().into(),
            batch: "UNKNOWN".into(),
            expiry: date + Duration::days(365),
            quantity: 5,
            unit_price: Money::cny(prod.price),
        }],
    });
    let seq = g.emit(t, &["销售-陈静"], Refs::default(), body);
    g.record("CUS-LIC", seq, t);
}
