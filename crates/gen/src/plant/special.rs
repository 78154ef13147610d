//! Special control: SPECIAL-CHANNEL (narcotics to a hospital in another province without
//! approval), SPECIAL-CASH (a supplier of controlled drugs paid in cash), SPECIAL-2P (a
//! controlled receipt with one acceptor), SPECIAL-LOSS (a loss reported late), SPECIAL-DESTROY
//! (a destruction without supervisors), EPH-RETAIL (compound ephedrine shipped elsewhere than
//! the buyer's address), SOM (a suspicious order: a spike over the customer's history).
//!
//! The unit-code custody rule SPECIAL-CHAIN is planted with the code rules ([`super::codes`]).

use std::collections::{BTreeMap, VecDeque};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rxledger_model::{ControlClass, EventBody, MoveLine, OutLine, Refs, Transfer, TransferReason};

use super::{Marks, Planting};
use crate::sim::{at, Action, OpenSale};
use crate::Generator;

/// The rules this family plants (the families together plant [`crate::PLANTABLE`]).
#[cfg(test)]
pub(crate) const RULES: &[&str] = &[
    "SPECIAL-CHANNEL",
    "SPECIAL-CASH",
    "SPECIAL-2P",
    "SPECIAL-LOSS",
    "SPECIAL-DESTROY",
    "EPH-RETAIL",
    "SOM",
];

/// Customer index of the hospital in Anhui (planted SPECIAL-CHANNEL buyer).
const OUT_OF_PROVINCE: usize = 5;

/// What the family remembers: each customer's ordering history per product (for SOM).
#[derive(Debug, Default)]
pub(crate) struct State {
    /// Sales booked per (customer, product).
    sales_count: BTreeMap<(usize, usize), u32>,
    /// Last eight order quantities per (customer, product).
    sales_hist: BTreeMap<(usize, usize), VecDeque<u64>>,
}

/// SPECIAL-LOSS and SPECIAL-DESTROY, daily: at 17:20 and 17:30.
pub(crate) fn on_day(g: &mut Generator, date: NaiveDate) {
    if g.plant("SPECIAL-LOSS") {
        g.schedule(
            at(date, 17, 20),
            Action::Plant(Planting::Special { destroy: false }),
        );
    }
    if g.plant("SPECIAL-DESTROY") {
        g.schedule(
            at(date, 17, 30),
            Action::Plant(Planting::Special { destroy: true }),
        );
    }
}

/// SPECIAL-DESTROY or SPECIAL-LOSS: two controlled units leave stock, destroyed without a
/// supervisor, or lost and reported three days after discovery.
pub(crate) fn loss_or_destruction(g: &mut Generator, t: DateTime<Utc>, destroy: bool) {
    let candidates: Vec<usize> = g
        .product_batches
        .iter()
        .flatten()
        .copied()
        .filter(|&b| {
            let bt = &g.batches[b];
            g.special(bt.product) && bt.on_hand >= bt.reserved + 2 && bt.codes.len() >= 2
        })
        .collect();
    let Some(&b) = candidates.first() else {
        return;
    };
    let codes: Vec<String> = (0..2)
        .filter_map(|_| g.batches[b].codes.pop_front())
        .collect();
    g.batches[b].on_hand -= 2;
    let p = g.batches[b].product;
    let product = g.world.products[p].code.clone();
    let batch = g.batches[b].batch.clone();
    let zone = g.zone_of(p);
    let seq = if destroy {
        let qdoc = g.doc("YK");
        g.emit(
            t,
            &["养护-冯丽", "保管-赵磊"],
            Refs::default(),
            EventBody::Transfer(Transfer {
                doc: qdoc.into(),
                reason: TransferReason::Quarantine,
                lines: vec![MoveLine {
                    product: product.as_str().into(),
                    batch: batch.as_str().into(),
                    quantity: 2,
                    from: zone.into(),
                    to: "QA".into(),
                    codes: codes.clone().into_iter().map(Into::into).collect(),
                }],
            }),
        );
        let doc = g.doc("XH");
        g.emit(
            t + Duration::minutes(20),
            &["质管-周敏", "保管-赵磊"],
            Refs::default(),
            EventBody::Destruction(rxledger_model::Destruction {
                doc: doc.into(),
                reason: "破损".into(),
                method: "焚烧".into(),
                lines: vec![OutLine {
                    product: product.into(),
                    batch: batch.into(),
                    quantity: 2,
                    from: "QA".into(),
                    codes: codes.into_iter().map(Into::into).collect(),
                }],
                supervisors: Vec::new(),
            }),
        )
    } else {
        let doc = g.doc("BS");
        g.emit(
            t,
            &["保管-赵磊", "质管-周敏"],
            Refs::default(),
            EventBody::LossReport(rxledger_model::LossReport {
                doc: doc.into(),
                loss: rxledger_model::LossKind::Loss,
                discovered_at: t - Duration::days(3),
                lines: vec![OutLine {
                    product: product.into(),
                    batch: batch.into(),
                    quantity: 2,
                    from: zone.into(),
                    codes: codes.into_iter().map(Into::into).collect(),
                }],
                reported_to: vec!["杭州市公安局西湖分局".into(), "杭州市市场监督管理局".into()],
            }),
        )
    };
    let rule = if destroy {
        "SPECIAL-DESTROY"
    } else {
        "SPECIAL-LOSS"
    };
    g.record(rule, seq, t);
}

/// SPECIAL-CASH, on paying a supplier of controlled drugs at `t`: whether it is paid in cash.
pub(crate) fn pays_cash(
    g: &mut Generator,
    t: DateTime<Utc>,
    supplier: usize,
    marks: &mut Marks,
) -> bool {
    let cash = g
        .world
        .products
        .iter()
        .any(|p| p.supplier == supplier && p.control.is_special())
        && g.plant("SPECIAL-CASH");
    if cash {
        marks.add("SPECIAL-CASH", t);
    }
    cash
}

/// SPECIAL-2P, on a receipt at `t` that needs two acceptors: only one signs.
pub(crate) fn one_acceptor(
    g: &mut Generator,
    t: DateTime<Utc>,
    acceptors: &mut Vec<&'static str>,
    marks: &mut Marks,
) {
    if acceptors.len() == 2 && g.plant("SPECIAL-2P") {
        acceptors.truncate(1);
        marks.add("SPECIAL-2P", t);
    }
}

/// SOM or SPECIAL-CHANNEL, on a customer's order at `t` of `quantity` units of `product`: a
/// controlled product ordered often enough grows to a spike (well above three times any
/// trailing average of the last eight orders); a narcotic goes to the hospital in another
/// province. Keeps the ordering history and returns the order's customer and quantity, and the
/// findings (naming the sale).
pub(crate) fn on_sale_order(
    g: &mut Generator,
    t: DateTime<Utc>,
    date: NaiveDate,
    customer: usize,
    product: usize,
    quantity: u64,
) -> (usize, u64, Marks) {
    let control = g.world.products[product].control;
    let controlled = g.special(product) || control == ControlClass::CompoundEphedrine;
    let history = g
        .plants
        .special
        .sales_count
        .get(&(customer, product))
        .copied()
        .unwrap_or(0);
    let spike = g
        .plants
        .special
        .sales_hist
        .get(&(customer, product))
        .and_then(|h| h.iter().max().copied())
        .unwrap_or(quantity)
        * 7
        / 2
        + 1;
    let mut quantity = quantity;
    let mut customer = customer;
    let mut marks = Marks::default();
    if controlled
        && history >= 4
        && g.available(product, date + Duration::days(200)) >= spike
        && g.plant("SOM")
    {
        quantity = spike;
        marks.add("SOM", t);
    } else if matches!(control, ControlClass::Narcotic) && g.plant("SPECIAL-CHANNEL") {
        customer = OUT_OF_PROVINCE;
        marks.add("SPECIAL-CHANNEL", t);
    }
    let s = &mut g.plants.special;
    *s.sales_count.entry((customer, product)).or_insert(0) += 1;
    let hist = s.sales_hist.entry((customer, product)).or_default();
    hist.push_back(quantity);
    while hist.len() > 8 {
        hist.pop_front();
    }
    (customer, quantity, marks)
}

/// EPH-RETAIL, on dispatching compound ephedrine at `t`: the shipping address, the buyer's
/// `address` or a temporary warehouse.
pub(crate) fn dispatch_address(
    g: &mut Generator,
    t: DateTime<Utc>,
    sale: &OpenSale,
    address: String,
    marks: &mut Marks,
) -> String {
    let ephedrine = sale
        .lines
        .iter()
        .any(|l| g.world.products[l.0].control == ControlClass::CompoundEphedrine);
    if ephedrine && g.plant("EPH-RETAIL") {
        marks.add("EPH-RETAIL", t);
        "浙江省杭州市余杭区仓前街道临时仓库 12 号".into()
    } else {
        address
    }
}
