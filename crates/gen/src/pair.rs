//! The customer's side of a generated ledger: what a hospital's own ledger records of its
//! purchases from the wholesaler, for cross-ledger reconciliation.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rxledger_model::{
    CustomerReturn, Dispatch, Event, EventBody, Invoice, InvoiceDirection, MoveLine, OutLine,
    PartyRegistered, Payment, PaymentDirection, Purchase, PurchaseLine, PutAway, Receipt,
    ReceiptLine, Refs, Relation, Sale, SupplierReturn, Text,
};

use crate::Rng;

/// Derives the ledger of `customer` (a party id registered in `events`) from the wholesaler's
/// ledger `events`: the customer registers itself and the wholesaler (and records the renewals
/// of both licences), orders what the wholesaler sold it, receives each dispatch three hours
/// after it left (with the same batches, quantities and unit codes), puts it away, books the
/// invoices, pays them and returns goods.
///
/// Sales whose number is in `omit` leave no trace at all in the customer's ledger: a sale the
/// customer never made (a fabricated sales destination).
pub fn customer_ledger(
    events: &[Event],
    customer: &str,
    omit: &BTreeSet<String>,
    seed: u64,
) -> Vec<Event> {
    let owner = events.iter().find_map(|e| match &e.body {
        EventBody::PartyRegistered(p) if p.relation == Relation::Owner => Some(p.clone()),
        _ => None,
    });
    let Some(owner) = owner else {
        return Vec::new();
    };
    let special: BTreeSet<Text> = events
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::ProductRegistered(p) if p.control.is_special() => Some(p.product.clone()),
            _ => None,
        })
        .collect();
    let mut c = Customer {
        customer,
        omit,
        owner,
        special,
        rng: Rng::new(seed ^ 0xC0FF_EE00),
        out: Vec::new(),
        sales: BTreeMap::new(),
        omitted_invoices: BTreeSet::new(),
        vehicles: BTreeSet::new(),
        docs: 0,
    };
    for e in events {
        c.event(e);
    }
    let mut out = c.out;
    out.sort_by_key(|e| e.occurred_at);
    out
}

/// The customer's ledger as it is derived, event by event.
struct Customer<'a> {
    /// The customer's party id.
    customer: &'a str,
    /// Sales the customer never made.
    omit: &'a BTreeSet<String>,
    /// The wholesaler.
    owner: PartyRegistered,
    /// Special-control products (two acceptors).
    special: BTreeSet<Text>,
    rng: Rng,
    out: Vec<Event>,
    /// Batches and expiry dates per sale.
    sales: BTreeMap<String, Vec<(String, NaiveDate)>>,
    /// Invoices of omitted sales (their payments are omitted too).
    omitted_invoices: BTreeSet<Text>,
    /// Vehicles that delivered to the customer (their trip logs come along).
    vehicles: BTreeSet<Text>,
    /// Last running document number.
    docs: u64,
}

impl Customer<'_> {
    /// What the customer records of the wholesaler's event `e`.
    fn event(&mut self, e: &Event) {
        let t = e.occurred_at;
        match &e.body {
            EventBody::PartyRegistered(p) if p.party == self.customer => {
                let mut me = p.clone();
                me.relation = Relation::Owner;
                self.push(
                    t,
                    &["药剂科-林主任"],
                    Refs::default(),
                    EventBody::PartyRegistered(me),
                );
                let mut sup = self.owner.clone();
                sup.relation = Relation::Supplier;
                self.push(
                    t,
                    &["药剂科-林主任"],
                    Refs::default(),
                    EventBody::PartyRegistered(sup),
                );
            }
            EventBody::ProductRegistered(_) => {
                self.push(t, &["药剂科-林主任"], Refs::default(), e.body.clone());
            }
            // Renewed licences of the wholesaler (its supplier) and of the customer itself: the
            // same party ids in both ledgers. Without them both licences expired in the
            // customer's ledger after a year or two, and every later purchase was from an
            // unlicensed supplier.
            EventBody::LicenceChanged(l)
                if l.party == self.owner.party || l.party == self.customer =>
            {
                self.push(t, &["药剂科-林主任"], Refs::default(), e.body.clone());
            }
            EventBody::Sale(s)
                if s.customer == self.customer && !self.omit.contains(s.doc.as_str()) =>
            {
                self.sale(t, s);
            }
            EventBody::Dispatch(d) if d.customer == self.customer => {
                if let Some(sale) = e
                    .refs
                    .first_sale()
                    .filter(|s| !self.omit.contains(*s))
                    .map(str::to_owned)
                {
                    self.delivery(t, d, &sale);
                }
            }
            EventBody::TemperatureReading(tr)
                if tr
                    .vehicle
                    .as_ref()
                    .is_some_and(|v| self.vehicles.contains(v)) =>
            {
                self.push(t, &["系统-冷链监测"], Refs::default(), e.body.clone());
            }
            EventBody::Invoice(inv)
                if inv.direction == InvoiceDirection::Sale && inv.buyer == self.customer =>
            {
                self.invoice(t, e, inv);
            }
            EventBody::Payment(p) if p.payer == self.customer || p.payee == self.customer => {
                self.payment(t, e, p);
            }
            EventBody::CustomerReturn(r) if r.customer == self.customer => {
                if let Some(sale) = e
                    .refs
                    .first_sale()
                    .filter(|s| !self.omit.contains(*s))
                    .map(str::to_owned)
                {
                    self.supplier_return(t, r, sale);
                }
            }
            _ => {}
        }
    }

    /// Records an event, entered ten minutes after `t`.
    fn push(&mut self, t: DateTime<Utc>, by: &[&str], refs: Refs, body: EventBody) {
        let ms = u64::try_from(t.timestamp_millis()).unwrap_or(0);
        let mut rand = [0u8; 10];
        rand[..8].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        rand[8..].copy_from_slice(&self.rng.next_u64().to_le_bytes()[..2]);
        self.out.push(Event {
            id: uuid::Builder::from_unix_timestamp_millis(ms, &rand).into_uuid(),
            occurred_at: t,
            entered_at: Some(t + Duration::minutes(10)),
            recorded_by: by.iter().map(|s| Text::from(*s)).collect(),
            refs,
            body,
        });
    }

    /// The next document number with `prefix`, dated `t`.
    fn doc(&mut self, prefix: &str, t: DateTime<Utc>) -> String {
        self.docs += 1;
        format!("{prefix}{}{:05}", t.format("%Y%m%d"), self.docs)
    }

    /// The wholesaler's sale is the customer's purchase order.
    fn sale(&mut self, t: DateTime<Utc>, s: &Sale) {
        self.sales.insert(
            s.doc.to_string(),
            s.lines
                .iter()
                .map(|l| (l.batch.to_string(), l.expiry))
                .collect(),
        );
        let body = EventBody::Purchase(Purchase {
            doc: s.doc.clone(),
            supplier: self.owner.party.clone(),
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
        self.push(t, &["采购-何静"], Refs::default(), body);
    }

    /// The dispatch `d` at `t` of `sale` arrives three hours later: receipt, then put-away.
    fn delivery(&mut self, t: DateTime<Utc>, d: &Dispatch, sale: &str) {
        let expiry_of = |batch: &str| {
            self.sales
                .get(sale)
                .and_then(|v| v.iter().find(|(b, _)| b == batch).map(|(_, x)| *x))
        };
        // The trip's temperature log reaches the customer with the goods.
        let arrive = t + Duration::hours(3) + Duration::minutes(5);
        let two = d.lines.iter().any(|l| self.special.contains(&l.product));
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
        if let Some(v) = &d.vehicle {
            self.vehicles.insert(v.clone());
        }
        let rdoc = self.doc("YS", arrive);
        let body = EventBody::Receipt(Receipt {
            doc: rdoc.as_str().into(),
            supplier: self.owner.party.clone(),
            lines,
            acceptors: acceptors.iter().map(|s| Text::from(*s)).collect(),
            transport: d.vehicle.as_ref().map(|v| rxledger_model::Transport {
                vehicle: v.clone(),
                shipped_at: t,
                cold_chain: true,
            }),
        });
        let refs = Refs {
            order: vec![sale.into()],
            delivery_note: vec![d.doc.clone()],
            ..Refs::default()
        };
        self.push(arrive, &acceptors, refs, body);
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
            doc: self.doc("RK", arrive).into(),
            lines: moves,
        });
        let refs = Refs {
            order: vec![sale.into()],
            receipt: vec![rdoc.into()],
            ..Refs::default()
        };
        self.push(arrive + Duration::minutes(30), &acceptors, refs, body);
    }

    /// The wholesaler's sale invoice is the customer's purchase invoice, booked the next day.
    fn invoice(&mut self, t: DateTime<Utc>, e: &Event, inv: &Invoice) {
        let Some(sale) = e
            .refs
            .first_sale()
            .filter(|s| !self.omit.contains(*s))
            .map(str::to_owned)
        else {
            self.omitted_invoices.insert(inv.doc.clone());
            return;
        };
        let body = EventBody::Invoice(Invoice {
            direction: InvoiceDirection::Purchase,
            ..inv.clone()
        });
        let refs = Refs {
            order: vec![sale.into()],
            ..Refs::default()
        };
        self.push(t + Duration::hours(20), &["财务-宋梅"], refs, body);
    }

    /// A payment between the two, seen from the other side.
    fn payment(&mut self, t: DateTime<Utc>, e: &Event, p: &Payment) {
        if p.invoices.iter().any(|i| self.omitted_invoices.contains(i)) {
            return;
        }
        let mut q = p.clone();
        q.direction = if p.direction == PaymentDirection::Incoming {
            PaymentDirection::Outgoing
        } else {
            PaymentDirection::Incoming
        };
        self.push(t, &["财务-宋梅"], e.refs.clone(), EventBody::Payment(q));
    }

    /// The customer's return is a return to the supplier, booked half an hour earlier.
    fn supplier_return(&mut self, t: DateTime<Utc>, r: &CustomerReturn, sale: String) {
        let body = EventBody::SupplierReturn(SupplierReturn {
            doc: r.doc.clone(),
            supplier: self.owner.party.clone(),
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
            order: vec![sale.into()],
            ..Refs::default()
        };
        self.push(t - Duration::minutes(30), &["药剂科-黄药师"], refs, body);
    }
}
