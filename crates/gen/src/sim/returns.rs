//! Customer returns: the return with its credit note, release of the goods back to stock and the
//! refund.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rxledger_model::{
    EventBody, InLine, Invoice, InvoiceDirection, InvoiceLine, Money, MoveLine, Payment,
    PaymentDirection, PaymentMethod, Refs, Transfer, TransferReason,
};

use super::{at, Action, OpenSale, OWNER};
use crate::plant::{self, Marks};
use crate::Generator;

impl Generator {
    /// A customer returns a few units of a sale's first line; a credit note follows at once,
    /// the release next day and the refund the day after.
    pub(super) fn customer_return(&mut self, t: DateTime<Utc>, date: NaiveDate, sale: &OpenSale) {
        let Some((p, b, q, price, _)) = sale.lines.first().cloned() else {
            return;
        };
        let rq = self.rng.range(1, q.min(5));
        let doc = self.doc("TH");
        let party = self.world.parties[self.world.customers[sale.customer].party]
            .id
            .clone();
        let mut marks = Marks::default();
        let return_party = plant::stock::return_party(self, t, sale, party.clone(), &mut marks);
        let seq = self.emit(
            t,
            &["销售-陈静", "验收-张伟"],
            Refs {
                sale: vec![sale.so.as_str().into()],
                delivery_note: vec![sale.delivery_note.as_str().into()],
                invoice: Some(sale.invoice.as_str().into()),
                ..Refs::default()
            },
            EventBody::CustomerReturn(rxledger_model::CustomerReturn {
                doc: doc.as_str().into(),
                customer: return_party.into(),
                reason: "客户订货数量有误".into(),
                lines: vec![InLine {
                    product: self.world.products[p].code.as_str().into(),
                    batch: self.batches[b].batch.as_str().into(),
                    quantity: rq,
                    to: "RET".into(),
                    codes: Vec::new(),
                }],
            }),
        );
        self.stamp(seq, marks);
        let credit = self.doc("INV");
        let amount = price * i64::try_from(rq).unwrap_or(0);
        self.emit(
            t,
            &["财务-王芳"],
            Refs {
                sale: vec![sale.so.as_str().into()],
                ..Refs::default()
            },
            EventBody::Invoice(Invoice {
                doc: credit.as_str().into(),
                direction: InvoiceDirection::Sale,
                issuer: self.world.parties[OWNER].id.as_str().into(),
                buyer: party.into(),
                issued_on: date,
                lines: vec![InvoiceLine {
                    product: self.world.products[p].code.as_str().into(),
                    quantity: rq,
                    unit_price: Money::cny(price),
                    amount: Money::cny(amount),
                }],
                total: Money::cny(amount),
                credit_for: Some(sale.invoice.as_str().into()),
            }),
        );
        self.schedule(
            at(date + Duration::days(1), 10, 0),
            Action::Release {
                doc,
                product: p,
                batch: b,
                quantity: rq,
                codes: Vec::new(),
            },
        );
        self.schedule(
            at(date + Duration::days(2), 14, 0),
            Action::Refund {
                customer: sale.customer,
                credit_note: credit,
                amount,
                sale: sale.so.clone(),
            },
        );
    }

    /// Returned goods, inspected, go back to their storage zone.
    pub(super) fn release(
        &mut self,
        t: DateTime<Utc>,
        doc: String,
        product: usize,
        batch: usize,
        quantity: u64,
        codes: Vec<String>,
    ) {
        let b = &mut self.batches[batch];
        b.on_hand += quantity;
        if !self.product_batches[product].contains(&batch) {
            self.product_batches[product].push(batch);
        }
        let zone = self.zone_of(product);
        let tdoc = self.doc("YK");
        self.emit(
            t,
            &["质管-周敏"],
            Refs {
                receipt: vec![doc.into()],
                ..Refs::default()
            },
            EventBody::Transfer(Transfer {
                doc: tdoc.into(),
                reason: TransferReason::Release,
                lines: vec![MoveLine {
                    product: self.world.products[product].code.as_str().into(),
                    batch: self.batches[batch].batch.as_str().into(),
                    quantity,
                    from: "RET".into(),
                    to: zone.into(),
                    codes: codes.into_iter().map(Into::into).collect(),
                }],
            }),
        );
    }

    /// The refund of a credit note to the customer's registered account.
    pub(super) fn refund(
        &mut self,
        t: DateTime<Utc>,
        customer: usize,
        credit_note: String,
        amount: i64,
        sale: String,
    ) {
        let doc = self.doc("FK");
        let cust = &self.world.parties[self.world.customers[customer].party];
        let owner = &self.world.parties[OWNER];
        let body = EventBody::Payment(Payment {
            doc: doc.into(),
            direction: PaymentDirection::Outgoing,
            payer: owner.id.as_str().into(),
            payee: cust.id.as_str().into(),
            payer_account: owner.account.as_str().into(),
            payee_account: cust.account.as_str().into(),
            amount: Money::cny(amount),
            method: PaymentMethod::BankTransfer,
            invoices: vec![credit_note.as_str().into()],
        });
        self.emit(
            t,
            &["财务-王芳"],
            Refs {
                invoice: Some(credit_note.into()),
                sale: vec![sale.into()],
                ..Refs::default()
            },
            body,
        );
    }
}
