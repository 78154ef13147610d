//! Purchasing: the order, receipt and acceptance, put-away, the supplier's invoice and its
//! payment.

use std::collections::VecDeque;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rxledger_model::{
    EventBody, Invoice, InvoiceDirection, InvoiceLine, Money, MoveLine, Payment, PaymentDirection,
    PaymentMethod, PutAway, Receipt, ReceiptLine, Refs, Text, Transport,
};

use super::{at, Action, Batch, OpenPurchase, OWNER};
use crate::plant::{self, Marks};
use crate::Generator;

/// What the lines of a receipt produce.
#[derive(Default)]
struct Received {
    lines: Vec<ReceiptLine>,
    /// Put away: (batch index, quantity, unit codes).
    put: Vec<(usize, u64, Vec<String>)>,
    /// Invoiced: (product, quantity, unit price).
    inv: Vec<(usize, u64, i64)>,
    /// A cold-chain product among them.
    cold: bool,
    /// Planted ACC-GATE on a line.
    acc_gate: bool,
    new_batches: Vec<usize>,
    /// Planted sales of short-dated batches.
    short_dated: Vec<plant::stock::ShortDated>,
}

impl Generator {
    /// Places a purchase order and schedules its receipt.
    pub(super) fn purchase(&mut self, t: DateTime<Utc>, date: NaiveDate, mut po: OpenPurchase) {
        po.po = self.doc("CG");
        let supplier = self.world.parties[po.supplier].id.clone();
        let lines = po
            .lines
            .iter()
            .map(|&(p, q, price)| rxledger_model::PurchaseLine {
                product: self.world.products[p].code.as_str().into(),
                quantity: q,
                unit_price: Money::cny(price),
            })
            .collect();
        self.emit(
            t,
            &["采购-李明"],
            Refs::default(),
            EventBody::Purchase(rxledger_model::Purchase {
                doc: po.po.as_str().into(),
                supplier: supplier.into(),
                lines,
            }),
        );
        plant::qualification::after_purchase(self, t, &po);
        let days = i64::try_from(self.rng.range(1, 3)).unwrap_or(1);
        let hour = u32::try_from(self.rng.range(9, 15)).unwrap_or(9);
        self.schedule(
            at(date + Duration::days(days), hour, 0),
            Action::Receive(po),
        );
    }

    /// Receipt and acceptance of a purchase; schedules the put-away and the supplier's invoice.
    pub(super) fn receive(&mut self, t: DateTime<Utc>, date: NaiveDate, po: &OpenPurchase) {
        let doc = self.doc("SH");
        let delivery_note = format!(
            "DN-{}-{}",
            self.world.parties[po.supplier].short,
            &po.po[2..]
        );
        let mut r = Received::default();
        for &line in &po.lines {
            self.receive_line(date, po.supplier, line, &mut r);
        }
        let mut marks = Marks::default();
        let transport = self.transport(t, r.cold, &mut marks);
        let mut acceptors = self.two(
            po.lines.iter().map(|l| l.0),
            "验收-张伟",
            ["验收-张伟", "验收-王强"],
        );
        plant::special::one_acceptor(self, t, &mut acceptors, &mut marks);
        let supplier = self.world.parties[po.supplier].id.clone();
        let rec_doc = plant::documents::receipt_without_note(self, t, &mut marks);
        let seq = self.emit(
            t,
            &acceptors,
            Refs {
                order: vec![po.po.as_str().into()],
                delivery_note: if rec_doc {
                    Vec::new()
                } else {
                    vec![delivery_note.into()]
                },
                ..Refs::default()
            },
            EventBody::Receipt(Receipt {
                doc: doc.as_str().into(),
                supplier: supplier.into(),
                lines: r.lines,
                acceptors: acceptors.iter().map(|s| Text::from(*s)).collect(),
                transport,
            }),
        );
        self.stamp(seq, marks);
        for &b in &r.new_batches {
            self.batches[b].receipt_seq = seq;
        }
        plant::vaccines::after_receipt(self, seq, &r.new_batches);
        plant::stock::after_receipt(self, r.short_dated);
        self.schedule(
            t + Duration::minutes(90),
            Action::PutAway {
                receipt: doc.clone(),
                order: po.po.clone(),
                lines: r.put,
                planted: r.acc_gate,
            },
        );
        let days = i64::try_from(self.rng.range(0, 2)).unwrap_or(0);
        self.schedule(
            at(date + Duration::days(days), 17, 0),
            Action::PurchaseInvoice {
                order: po.po.clone(),
                receipt: doc,
                supplier: po.supplier,
                lines: r.inv,
            },
        );
    }

    /// One line of a receipt: a new batch, accepted (or partly rejected) into receiving.
    fn receive_line(
        &mut self,
        date: NaiveDate,
        supplier: usize,
        (p, q, price): (usize, u64, i64),
        r: &mut Received,
    ) {
        self.on_order[p] -= q;
        let prod = self.world.products[p].clone();
        r.cold |= prod.cold();
        let months = i64::try_from(self.rng.range(1, 4)).unwrap_or(1);
        let production = date - Duration::days(months * 30);
        let expiry = production + Duration::days(prod.shelf_days) - Duration::days(1);
        // Batch numbers are unique per product: production month, line, running number.
        self.serials_batch[p] += 1;
        let batch_no = format!(
            "{}{:02}{:04}",
            production.format("%y%m"),
            prod.line_no,
            self.serials_batch[p] % 10_000
        );
        // Occasionally a few units arrive damaged and are rejected.
        let mut rejected = if !prod.control.is_special() && q > 20 && self.rng.chance(0.03) {
            self.rng.range(1, 3)
        } else {
            0
        };
        let plant_acc = plant::documents::accept_gate(self, p, q, &mut rejected);
        r.acc_gate |= plant_acc;
        let accepted = q - rejected;
        let mut expiry = expiry;
        let abandoned = plant::vaccines::short_dated(self, p, date, &mut expiry);
        if let Some(s) = plant::stock::short_dated(self, p, date, &mut expiry) {
            r.short_dated.push(s);
        }
        let codes = self.new_codes(p, accepted);
        let b = self.batches.len();
        r.new_batches.push(b);
        self.batches.push(Batch {
            receipt_seq: 0,
            abandoned,
            product: p,
            batch: batch_no.clone(),
            expiry,
            on_hand: 0,
            reserved: 0,
            codes: VecDeque::new(),
            via_wholesaler: self.world.parties[supplier].kind
                != rxledger_model::PartyKind::Manufacturer,
        });
        self.product_batches[p].push(b);
        r.lines.push(ReceiptLine {
            product: prod.code.as_str().into(),
            batch: batch_no.into(),
            production_date: production,
            expiry,
            arrived: q,
            accepted,
            rejected,
            reject_reason: ((rejected > 0).then(|| "运输途中外箱破损".to_owned())).map(Into::into),
            location: "RCV".into(),
            codes: codes.clone().into_iter().map(Into::into).collect(),
        });
        r.put.push((b, if plant_acc { q } else { accepted }, codes));
        r.inv.push((p, accepted, price));
    }

    /// The refrigerated vehicle of a cold-chain receipt, with its trip log uploaded.
    fn transport(&mut self, t: DateTime<Utc>, cold: bool, marks: &mut Marks) -> Option<Transport> {
        if !cold {
            return None;
        }
        self.vehicle_seq += 1;
        let vehicle = format!("沪B·C{:04}冷", 1000 + self.vehicle_seq % 9000);
        let shipped = t - Duration::hours(5);
        if !plant::cold_chain::trip_log_missing(self, t, marks) {
            self.vehicle_readings(t, &vehicle, shipped, t);
        }
        Some(Transport {
            vehicle: vehicle.into(),
            shipped_at: shipped,
            cold_chain: true,
        })
    }

    /// Accepted goods move from receiving to their storage zone.
    pub(super) fn put_away(
        &mut self,
        t: DateTime<Utc>,
        receipt: String,
        order: String,
        lines: Vec<(usize, u64, Vec<String>)>,
        planted: bool,
    ) {
        let doc = self.doc("RK");
        let mut mlines = Vec::new();
        for (b, q, codes) in lines {
            let batch = &mut self.batches[b];
            batch.on_hand += q;
            batch.codes.extend(codes.iter().cloned());
            let p = batch.product;
            let prod = &self.world.products[p];
            mlines.push(MoveLine {
                product: prod.code.as_str().into(),
                batch: self.batches[b].batch.as_str().into(),
                quantity: q,
                from: "RCV".into(),
                to: self.world.zones[prod.zone].id.as_str().into(),
                codes: codes.into_iter().map(Into::into).collect(),
            });
        }
        let by = if mlines.iter().any(|l| !l.codes.is_empty()) {
            vec!["保管-赵磊", "保管-钱进"]
        } else {
            vec!["保管-赵磊"]
        };
        let seq = self.emit(
            t,
            &by,
            Refs {
                order: vec![order.into()],
                receipt: vec![receipt.into()],
                ..Refs::default()
            },
            EventBody::PutAway(PutAway {
                doc: doc.into(),
                lines: mlines,
            }),
        );
        plant::documents::after_put_away(self, t, seq, planted);
    }

    /// The supplier's invoice for what was accepted; schedules its payment.
    pub(super) fn purchase_invoice(
        &mut self,
        t: DateTime<Utc>,
        date: NaiveDate,
        order: String,
        receipt: String,
        supplier: usize,
        invoiced: &[(usize, u64, i64)],
    ) {
        let doc = self.doc("INV");
        let ilines: Vec<InvoiceLine> = invoiced
            .iter()
            .map(|&(p, q, price)| InvoiceLine {
                product: self.world.products[p].code.as_str().into(),
                quantity: q,
                unit_price: Money::cny(price),
                amount: Money::cny(price * i64::try_from(q).unwrap_or(0)),
            })
            .collect();
        let total: i64 = ilines.iter().map(|l| l.amount.minor).sum();
        let issuer = self.world.parties[supplier].id.clone();
        let buyer = self.world.parties[OWNER].id.clone();
        self.emit(
            t,
            &["财务-王芳"],
            Refs {
                order: vec![order.into()],
                receipt: vec![receipt.into()],
                ..Refs::default()
            },
            EventBody::Invoice(Invoice {
                doc: doc.as_str().into(),
                direction: InvoiceDirection::Purchase,
                issuer: issuer.into(),
                buyer: buyer.into(),
                issued_on: date,
                lines: ilines,
                total: Money::cny(total),
                credit_for: None,
            }),
        );
        let days = i64::try_from(self.rng.range(10, 30)).unwrap_or(10);
        self.schedule(
            at(date + Duration::days(days), 14, 0),
            Action::PurchasePayment {
                supplier,
                invoice: doc,
                amount: total,
            },
        );
    }

    /// Payment of a supplier's invoice to its registered account.
    pub(super) fn purchase_payment(
        &mut self,
        t: DateTime<Utc>,
        supplier: usize,
        invoice: String,
        amount: i64,
    ) {
        let doc = self.doc("FK");
        let mut marks = Marks::default();
        let cash = plant::special::pays_cash(self, t, supplier, &mut marks);
        let account = self.world.parties[supplier].account.clone();
        let payee_account = plant::money::supplier_account(self, t, cash, account, &mut marks);
        let owner = &self.world.parties[OWNER];
        let sup = &self.world.parties[supplier];
        let body = EventBody::Payment(Payment {
            doc: doc.into(),
            direction: PaymentDirection::Outgoing,
            payer: owner.id.as_str().into(),
            payee: sup.id.as_str().into(),
            payer_account: owner.account.as_str().into(),
            payee_account: payee_account.into(),
            amount: Money::cny(amount),
            method: if cash {
                PaymentMethod::Cash
            } else {
                PaymentMethod::BankTransfer
            },
            invoices: vec![invoice.as_str().into()],
        });
        let seq = self.emit(
            t,
            &["财务-王芳"],
            Refs {
                invoice: Some(invoice.into()),
                ..Refs::default()
            },
            body,
        );
        self.stamp(seq, marks);
        plant::money::after_supplier_payment(self, t, supplier, amount);
    }
}
