//! Selling: the customer's order, allocation of stock, outbound review, dispatch, the invoice and
//! the customer's payment.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rxledger_model::{
    Channel, Dispatch, EventBody, Invoice, InvoiceDirection, InvoiceLine, Money, OutLine,
    OutboundReview, Payment, PaymentDirection, PaymentMethod, Quality, Refs, ReviewLine, Sale,
    SaleLine, Text,
};

use super::{at, Action, Allocation, OpenSale, OWNER};
use crate::plant::{self, Marks};
use crate::world::CustomerDef;
use crate::Generator;

impl Generator {
    /// A customer's order: booked when the stock is there.
    pub(super) fn sale_order(
        &mut self,
        t: DateTime<Utc>,
        date: NaiveDate,
        customer: usize,
        product: usize,
        quantity: u64,
    ) {
        if self.available(product, date + Duration::days(200)) < quantity {
            return; // out of stock: the order is not taken (replenishment is under way)
        }
        plant::qualification::on_sale_order(self, t, date, product);
        if plant::stock::no_source_sale(self, t, date, customer, product, quantity) {
            return;
        }
        let (customer, quantity, marks) =
            plant::special::on_sale_order(self, t, date, customer, product, quantity);
        let alloc = self.allocate(product, quantity, date);
        let before = self.emitted;
        let planted = !marks.is_empty();
        self.sale_with(t, customer, product, alloc, Vec::new(), planted);
        self.stamp(before + 1, marks);
    }

    /// Reserves `qty` units of `product` from the batches that keep 200 days, earliest expiry
    /// first.
    fn allocate(&mut self, product: usize, mut qty: u64, date: NaiveDate) -> Allocation {
        let mut idx: Vec<usize> = self.product_batches[product]
            .iter()
            .copied()
            .filter(|&b| self.batches[b].expiry > date + Duration::days(200))
            .collect();
        idx.sort_by_key(|&b| self.batches[b].expiry);
        let mut out = Vec::new();
        for b in idx {
            if qty == 0 {
                break;
            }
            let free = self.batches[b].on_hand - self.batches[b].reserved;
            let take = free.min(qty);
            if take == 0 {
                continue;
            }
            self.batches[b].reserved += take;
            let codes: Vec<String> = if self.batches[b].codes.is_empty() {
                Vec::new()
            } else {
                (0..take)
                    .filter_map(|_| self.batches[b].codes.pop_front())
                    .collect()
            };
            out.push((b, take, codes));
            qty -= take;
        }
        out
    }

    /// Reserves `q` units of batch `b`.
    pub(crate) fn allocate_from(&mut self, b: usize, q: u64) -> Allocation {
        let batch = &mut self.batches[b];
        batch.reserved += q;
        let codes = (0..q).filter_map(|_| batch.codes.pop_front()).collect();
        vec![(b, q, codes)]
    }

    /// Books a sale of allocated stock and schedules its review, dispatch, invoice and payment.
    pub(crate) fn sale_with(
        &mut self,
        t: DateTime<Utc>,
        customer: usize,
        product: usize,
        alloc: Allocation,
        mut at_dispatch: Vec<&'static str>,
        mut planted: bool,
    ) {
        let price = self.world.products[product].price;
        let so = self.doc("XS");
        let lines: Vec<SaleLine> = alloc
            .iter()
            .map(|(b, q, _)| SaleLine {
                product: self.world.products[product].code.as_str().into(),
                batch: self.batches[*b].batch.as_str().into(),
                expiry: self.batches[*b].expiry,
                quantity: *q,
                unit_price: Money::cny(price),
            })
            .collect();
        let cust: &CustomerDef = &self.world.customers[customer];
        let party = self.world.parties[cust.party].id.clone();
        let seq = self.emit(
            t,
            &["销售-陈静"],
            Refs::default(),
            EventBody::Sale(Sale {
                doc: so.as_str().into(),
                customer: party.into(),
                channel: Channel::Wholesale,
                buyer_id: None,
                prescription: None,
                lines,
            }),
        );
        plant::qualification::after_sale(self, t, seq, customer, &alloc);
        let skip_review = plant::documents::skip_review(self, &mut at_dispatch);
        let skip_invoice = plant::money::skip_invoice(self);
        planted |= skip_review || skip_invoice || !at_dispatch.is_empty();
        let sale = OpenSale {
            so,
            customer,
            lines: alloc
                .into_iter()
                .map(|(b, q, codes)| (product, b, q, price, codes))
                .collect(),
            delivery_note: String::new(),
            invoice: String::new(),
            skip_review,
            skip_invoice,
            at_dispatch,
            planted,
        };
        self.schedule(t + Duration::minutes(60), Action::Review(sale));
    }

    /// Outbound review (two reviewers for special-control goods); schedules the dispatch.
    pub(super) fn review(&mut self, t: DateTime<Utc>, sale: OpenSale) {
        if sale.skip_review {
            self.schedule(t + Duration::minutes(40), Action::Dispatch(sale));
            return;
        }
        let lines = sale
            .lines
            .iter()
            .map(|(p, b, q, _, _)| ReviewLine {
                product: self.world.products[*p].code.as_str().into(),
                batch: self.batches[*b].batch.as_str().into(),
                expiry: self.batches[*b].expiry,
                quantity: *q,
                quality: Quality::Ok,
            })
            .collect();
        let reviewers = self.two(
            sale.lines.iter().map(|l| l.0),
            "复核-刘洋",
            ["复核-刘洋", "复核-孙悦"],
        );
        let doc = self.doc("FH");
        let customer = self.world.customers[sale.customer].party;
        self.emit(
            t,
            &reviewers,
            Refs {
                sale: vec![sale.so.as_str().into()],
                ..Refs::default()
            },
            EventBody::OutboundReview(OutboundReview {
                doc: doc.into(),
                customer: self.world.parties[customer].id.as_str().into(),
                lines,
                reviewers: reviewers.iter().map(|s| Text::from(*s)).collect(),
            }),
        );
        self.schedule(t + Duration::minutes(40), Action::Dispatch(sale));
    }

    /// Dispatch to the customer's address (a refrigerated vehicle for cold goods); schedules
    /// the vehicle's log and the invoice.
    pub(super) fn dispatch(&mut self, t: DateTime<Utc>, mut sale: OpenSale) {
        sale.delivery_note = self.doc("PS");
        let cold = sale.lines.iter().any(|l| self.world.products[l.0].cold());
        let vehicle = cold.then(|| {
            self.vehicle_seq += 1;
            format!("浙A·L{:04}冷", 1000 + self.vehicle_seq % 9000)
        });
        let mut lines = Vec::new();
        for (p, b, q, _, codes) in &sale.lines {
            let batch = &mut self.batches[*b];
            batch.on_hand -= q;
            batch.reserved -= q;
            lines.push(OutLine {
                product: self.world.products[*p].code.as_str().into(),
                batch: batch.batch.as_str().into(),
                quantity: *q,
                from: self.world.zones[self.world.products[*p].zone]
                    .id
                    .as_str()
                    .into(),
                codes: codes.clone().into_iter().map(Into::into).collect(),
            });
        }
        let mut marks = Marks::default();
        plant::codes::on_dispatch(self, t, &mut lines, &mut marks);
        let cust = &self.world.customers[sale.customer];
        let party = &self.world.parties[cust.party];
        let (customer, consignee) = (party.id.clone(), cust.consignee.clone());
        let address = party.address.clone();
        let address = plant::special::dispatch_address(self, t, &sale, address, &mut marks);
        plant::money::on_dispatch(t, &sale, &mut marks);
        let body = EventBody::Dispatch(Dispatch {
            doc: sale.delivery_note.as_str().into(),
            customer: customer.into(),
            consignee: consignee.into(),
            address: address.into(),
            lines,
            vehicle: vehicle.clone().map(Into::into),
        });
        let by = self.two(
            sale.lines.iter().map(|l| l.0),
            "发货-吴凯",
            ["发货-吴凯", "发货-郑浩"],
        );
        let seq = self.emit(
            t,
            &by,
            Refs {
                sale: vec![sale.so.as_str().into()],
                ..Refs::default()
            },
            body,
        );
        for _ in &sale.lines {
            for rule in sale.at_dispatch.clone() {
                self.record(rule, seq, t);
            }
        }
        self.stamp(seq, marks);
        if let Some(v) = vehicle {
            self.schedule(
                t + Duration::hours(3),
                Action::VehicleReadings {
                    vehicle: v,
                    from: t,
                    to: t + Duration::hours(3),
                },
            );
        }
        self.schedule(t + Duration::hours(2), Action::SaleInvoice(sale));
    }

    /// The sale's invoice; schedules the customer's payment.
    pub(super) fn sale_invoice(&mut self, t: DateTime<Utc>, date: NaiveDate, mut sale: OpenSale) {
        if sale.skip_invoice {
            return;
        }
        sale.invoice = self.doc("INV");
        let lines: Vec<InvoiceLine> = sale
            .lines
            .iter()
            .map(|(p, _, q, price, _)| InvoiceLine {
                product: self.world.products[*p].code.as_str().into(),
                quantity: *q,
                unit_price: Money::cny(*price),
                amount: Money::cny(price * i64::try_from(*q).unwrap_or(0)),
            })
            .collect();
        let total: i64 = lines.iter().map(|l| l.amount.minor).sum();
        let buyer = self.world.customers[sale.customer].party;
        let seq = self.emit(
            t,
            &["财务-王芳"],
            Refs {
                sale: vec![sale.so.as_str().into()],
                delivery_note: vec![sale.delivery_note.as_str().into()],
                ..Refs::default()
            },
            EventBody::Invoice(Invoice {
                doc: sale.invoice.as_str().into(),
                direction: InvoiceDirection::Sale,
                issuer: self.world.parties[OWNER].id.as_str().into(),
                buyer: self.world.parties[buyer].id.as_str().into(),
                issued_on: date,
                lines,
                total: Money::cny(total),
                credit_for: None,
            }),
        );
        if plant::money::unpaid(self, t, seq) {
            return;
        }
        let days = i64::try_from(self.rng.range(7, 40)).unwrap_or(7);
        self.schedule(
            at(date + Duration::days(days), 11, 0),
            Action::SalePayment {
                sale,
                amount: total,
            },
        );
    }

    /// The customer pays the invoice; now and then a return follows.
    pub(super) fn sale_payment(
        &mut self,
        t: DateTime<Utc>,
        date: NaiveDate,
        mut sale: OpenSale,
        amount: i64,
    ) {
        let doc = self.doc("SK");
        let mut marks = Marks::default();
        let party = self.world.customers[sale.customer].party;
        let account = self.world.parties[party].account.clone();
        let payer_account = plant::money::customer_account(self, t, &mut sale, account, &mut marks);
        let cust = &self.world.parties[party];
        let owner = &self.world.parties[OWNER];
        let body = EventBody::Payment(Payment {
            doc: doc.into(),
            direction: PaymentDirection::Incoming,
            payer: cust.id.as_str().into(),
            payee: owner.id.as_str().into(),
            payer_account: payer_account.into(),
            payee_account: owner.account.as_str().into(),
            amount: Money::cny(amount),
            method: PaymentMethod::BankTransfer,
            invoices: vec![sale.invoice.as_str().into()],
        });
        let seq = self.emit(
            t,
            &["财务-王芳"],
            Refs {
                invoice: Some(sale.invoice.as_str().into()),
                ..Refs::default()
            },
            body,
        );
        self.stamp(seq, marks);
        let returnable = sale
            .lines
            .iter()
            .all(|l| !self.special(l.0) && !self.world.products[l.0].cold());
        if returnable && !sale.planted && self.rng.chance(0.04) {
            let days = i64::try_from(self.rng.range(1, 5)).unwrap_or(1);
            self.schedule(
                at(date + Duration::days(days), 10, 30),
                Action::CustomerReturn { sale },
            );
        }
    }
}
