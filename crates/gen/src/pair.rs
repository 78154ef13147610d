//! The customer's side of a generated ledger: what a hospital's own ledger records of its
//! purchases from the wholesaler, for cross-ledger reconciliation.

use std::collections::BTreeSet;

use chrono::Duration;
use rxledger_model::{
    Event, EventBody, Invoice, InvoiceDirection, MoveLine, OutLine, PaymentDirection, Purchase,
    PurchaseLine, PutAway, Receipt, ReceiptLine, Refs, Relation, SupplierReturn,
};

use crate::Rng;

/// Derives the ledger of `customer` (a party id registered in `events`) from the wholesaler's
/// ledger `events`: the customer registers itself and the wholesaler, orders what the wholesaler
/// sold it, receives each dispatch three hours after it left (with the same batches, quantities
/// and unit codes), puts it away, books the invoices, pays them and returns goods.
///
/// Sales whose number is in `omit` leave no trace at all in the customer's ledger: a sale the
/// customer never made (a fabricated sales destination).
pub fn customer_ledger(
    events: &[Event],
    customer: &str,
    omit: &BTreeSet<String>,
    seed: u64,
) -> Vec<Event> {
    let mut rng = Rng::new(seed ^ 0xC0FF_EE00);
    let mut out: Vec<Event> = Vec::new();
    let owner = events.iter().find_map(|e| match &e.body {
        EventBody::PartyRegistered(p) if p.relation == Relation::Owner => Some(p.clone()),
        _ => None,
    });
    let Some(owner) = owner else {
        return out;
    };
    let special: BTreeSet<String> = events
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::ProductRegistered(p) if p.control.is_special() => Some(p.product.clone()),
            _ => None,
        })
        .collect();
    let mut sales: std::collections::BTreeMap<String, Vec<(String, chrono::NaiveDate)>> =
        std::collections::BTreeMap::default();
    let push = |out: &mut Vec<Event>,
                rng: &mut Rng,
                e: &Event,
                t: chrono::DateTime<chrono::Utc>,
                by: &[&str],
                refs: Refs,
                body: EventBody| {
        let ms = u64::try_from(t.timestamp_millis()).unwrap_or(0);
        let mut rand = [0u8; 10];
        rand[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
        rand[8..].copy_from_slice(&rng.next_u64().to_le_bytes()[..2]);
        let _ = e;
        out.push(Event {
            id: uuid::Builder::from_unix_timestamp_millis(ms, &rand).into_uuid(),
            occurred_at: t,
            entered_at: Some(t + Duration::minutes(10)),
            recorded_by: by.iter().map(|s| (*s).to_owned()).collect(),
            refs,
            body,
        });
    };
    let mut omitted_invoices: BTreeSet<String> = BTreeSet::new();
    let mut vehicles: BTreeSet<String> = BTreeSet::new();
    let mut n = 0u64;
    let mut doc = |prefix: &str, t: chrono::DateTime<chrono::Utc>| {
        n += 1;
        format!("{prefix}{}{n:05}", t.format("%Y%m%d"))
    };
    for e in events {
        let t = e.occurred_at;
        match &e.body {
            EventBody::PartyRegistered(p) if p.party == customer => {
                let mut me = p.clone();
                me.relation = Relation::Owner;
                push(
                    &mut out,
                    &mut rng,
                    e,
                    t,
                    &["药剂科-林主任"],
                    Refs::default(),
                    EventBody::PartyRegistered(me),
                );
                let mut sup = owner.clone();
                sup.relation = Relation::Supplier;
                push(
                    &mut out,
                    &mut rng,
                    e,
                    t,
                    &["药剂科-林主任"],
                    Refs::default(),
                    EventBody::PartyRegistered(sup),
                );
            }
            EventBody::ProductRegistered(_) => {
                push(
                    &mut out,
                    &mut rng,
                    e,
                    t,
                    &["药剂科-林主任"],
                    Refs::default(),
                    e.body.clone(),
                );
            }
            EventBody::Sale(s) if s.customer == customer && !omit.contains(&s.doc) => {
                sales.insert(
                    s.doc.clone(),
                    s.lines
                        .iter()
                        .map(|l| (l.batch.clone(), l.expiry))
                        .collect(),
                );
                let body = EventBody::Purchase(Purchase {
                    doc: s.doc.clone(),
                    supplier: owner.party.clone(),
                    lines: s
                        .lines
                        .iter()
                        .map(|l| PurchaseLine {
                            product: l.product.clone(),
                            quantity: l.quantity,
                            unit_price: l.unit_price,
                        })
                        .collect(),
                });
                push(
                    &mut out,
                    &mut rng,
                    e,
                    t,
                    &["采购-何静"],
                    Refs::default(),
                    body,
                );
            }
            EventBody::Dispatch(d) if d.customer == customer => {
                let Some(sale) = e.refs.sale.clone().filter(|s| !omit.contains(s)) else {
                    continue;
                };
                let expiry_of = |batch: &str| {
                    sales
                        .get(&sale)
                        .and_then(|v| v.iter().find(|(b, _)| b == batch).map(|(_, x)| *x))
                };
                // The trip's temperature log reaches the customer with the goods.
                let arrive = t + Duration::hours(3) + Duration::minutes(5);
                if let Some(v) = &d.vehicle {
                    vehicles.insert(v.clone());
                }
                let two = d.lines.iter().any(|l| special.contains(&l.product));
                let acceptors: Vec<&str> = if two {
                    vec!["药剂科-林主任", "药剂科-黄药师"]
                } else {
                    vec!["药剂科-黄药师"]
                };
                let lines: Vec<ReceiptLine> = d
                    .lines
                    .iter()
                    .map(|l| {
                        let expiry = expiry_of(&l.batch)
                            .unwrap_or_else(|| arrive.date_naive() + Duration::days(365));
                        ReceiptLine {
                            product: l.product.clone(),
                            batch: l.batch.clone(),
                            production_date: expiry - Duration::days(730),
                            expiry,
                            arrived: l.quantity,
                            accepted: l.quantity,
                            rejected: 0,
                            reject_reason: None,
                            location: "RCV".into(),
                            codes: l.codes.clone(),
                        }
                    })
                    .collect();
                let rdoc = doc("YS", arrive);
                let body = EventBody::Receipt(Receipt {
                    doc: rdoc.clone(),
                    supplier: owner.party.clone(),
                    lines,
                    acceptors: acceptors.iter().map(|s| (*s).to_owned()).collect(),
                    transport: d.vehicle.as_ref().map(|v| rxledger_model::Transport {
                        vehicle: v.clone(),
                        shipped_at: t,
                        cold_chain: true,
                    }),
                });
                let refs = Refs {
                    order: Some(sale.clone()),
                    delivery_note: Some(d.doc.clone()),
                    ..Refs::default()
                };
                push(&mut out, &mut rng, e, arrive, &acceptors, refs, body);
                let moves = d
                    .lines
                    .iter()
                    .map(|l| MoveLine {
                        product: l.product.clone(),
                        batch: l.batch.clone(),
                        quantity: l.quantity,
                        from: "RCV".into(),
                        to: "PHARMACY".into(),
                        codes: l.codes.clone(),
                    })
                    .collect();
                let body = EventBody::PutAway(PutAway {
                    doc: doc("RK", arrive),
                    lines: moves,
                });
                let refs = Refs {
                    order: Some(sale.clone()),
                    receipt: Some(rdoc),
                    ..Refs::default()
                };
                push(
                    &mut out,
                    &mut rng,
                    e,
                    arrive + Duration::minutes(30),
                    &acceptors,
                    refs,
                    body,
                );
            }
            EventBody::TemperatureReading(tr)
                if tr.vehicle.as_ref().is_some_and(|v| vehicles.contains(v)) =>
            {
                push(
                    &mut out,
                    &mut rng,
                    e,
                    t,
                    &["系统-冷链监测"],
                    Refs::default(),
                    e.body.clone(),
                );
            }
            EventBody::Invoice(inv)
                if inv.direction == InvoiceDirection::Sale && inv.buyer == customer =>
            {
                let Some(sale) = e.refs.sale.clone().filter(|s| !omit.contains(s)) else {
                    omitted_invoices.insert(inv.doc.clone());
                    continue;
                };
                let body = EventBody::Invoice(Invoice {
                    direction: InvoiceDirection::Purchase,
                    ..inv.clone()
                });
                let refs = Refs {
                    order: Some(sale),
                    ..Refs::default()
                };
                push(
                    &mut out,
                    &mut rng,
                    e,
                    t + Duration::hours(20),
                    &["财务-宋梅"],
                    refs,
                    body,
                );
            }
            EventBody::Payment(p) if p.payer == customer || p.payee == customer => {
                if p.invoices.iter().any(|i| omitted_invoices.contains(i)) {
                    continue;
                }
                let mut q = p.clone();
                q.direction = if p.direction == PaymentDirection::Incoming {
                    PaymentDirection::Outgoing
                } else {
                    PaymentDirection::Incoming
                };
                push(
                    &mut out,
                    &mut rng,
                    e,
                    t,
                    &["财务-宋梅"],
                    e.refs.clone(),
                    EventBody::Payment(q),
                );
            }
            EventBody::CustomerReturn(r) if r.customer == customer => {
                let Some(sale) = e.refs.sale.clone().filter(|s| !omit.contains(s)) else {
                    continue;
                };
                let body = EventBody::SupplierReturn(SupplierReturn {
                    doc: r.doc.clone(),
                    supplier: owner.party.clone(),
                    reason: r.reason.clone(),
                    lines: r
                        .lines
                        .iter()
                        .map(|l| OutLine {
                            product: l.product.clone(),
                            batch: l.batch.clone(),
                            quantity: l.quantity,
                            from: "PHARMACY".into(),
                            codes: l.codes.clone(),
                        })
                        .collect(),
                });
                let refs = Refs {
                    order: Some(sale),
                    ..Refs::default()
                };
                push(
                    &mut out,
                    &mut rng,
                    e,
                    t - Duration::minutes(30),
                    &["药剂科-黄药师"],
                    refs,
                    body,
                );
            }
            _ => {}
        }
    }
    out.sort_by_key(|e| e.occurred_at);
    out
}
