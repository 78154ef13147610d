//! The simulation: a queue of timed actions, each one step of a business flow, and the helpers
//! every flow uses (scheduling, document numbers, emitting events). The flows live in the
//! submodules; the planting of violations is in [`crate::plant`], called through hooks.

mod day;
mod purchase;
mod returns;
mod sale;
mod temperature;
mod warehouse;

use std::cmp::Reverse;
use std::collections::VecDeque;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rxledger_model::{Event, EventBody, Refs, Text};

use crate::world::ProductDef;
use crate::{plant, Generator};

/// Party index of the ledger's owner.
pub(crate) const OWNER: usize = 0;

/// A batch of one product in the warehouse.
#[derive(Clone, Debug)]
pub(crate) struct Batch {
    pub(crate) product: usize,
    pub(crate) batch: String,
    pub(crate) expiry: NaiveDate,
    /// Physically in the storage location.
    pub(crate) on_hand: u64,
    /// Allocated to open sales, not yet dispatched.
    pub(crate) reserved: u64,
    /// Unreserved unit codes in storage (controlled products).
    pub(crate) codes: VecDeque<String>,
    /// Bought from a wholesaler rather than the manufacturer (planted TWO-INVOICE source).
    pub(crate) via_wholesaler: bool,
    /// Seq of the receipt that brought it in.
    pub(crate) receipt_seq: u64,
    /// Planted VAC-DISPOSE: left in the refrigerator past expiry.
    pub(crate) abandoned: bool,
}

/// A purchase order on its way: ordered, then received.
#[derive(Clone, Debug)]
pub(crate) struct OpenPurchase {
    pub(crate) po: String,
    pub(crate) supplier: usize,
    /// (product, quantity, unit price)
    pub(crate) lines: Vec<(usize, u64, i64)>,
}

/// A sale on its way: booked, reviewed, dispatched, invoiced, paid.
#[derive(Clone, Debug)]
pub(crate) struct OpenSale {
    pub(crate) so: String,
    pub(crate) customer: usize,
    /// (product, batch index, quantity, unit price, codes)
    pub(crate) lines: Vec<(usize, usize, u64, i64, Vec<String>)>,
    pub(crate) delivery_note: String,
    pub(crate) invoice: String,
    /// Planted: skip the outbound review.
    pub(crate) skip_review: bool,
    /// Planted: skip the invoice.
    pub(crate) skip_invoice: bool,
    /// Rules whose findings name the dispatch.
    pub(crate) at_dispatch: Vec<&'static str>,
    /// A planted flow: no follow-up returns.
    pub(crate) planted: bool,
}

/// Units allocated to a sale: (batch index, quantity, unit codes).
pub(crate) type Allocation = Vec<(usize, u64, Vec<String>)>;

/// One step of a flow, run at its scheduled time.
#[derive(Clone, Debug)]
pub(crate) enum Action {
    Day(NaiveDate),
    ZoneHour(usize),
    Purchase(OpenPurchase),
    Receive(OpenPurchase),
    PutAway {
        receipt: String,
        order: String,
        lines: Vec<(usize, u64, Vec<String>)>,
        /// Planted ACC-GATE: rejected goods put away too.
        planted: bool,
    },
    /// Weekly: vaccines too close to expiry to sell are quarantined and destroyed.
    Stale,
    PurchaseInvoice {
        order: String,
        receipt: String,
        supplier: usize,
        lines: Vec<(usize, u64, i64)>,
    },
    PurchasePayment {
        supplier: usize,
        invoice: String,
        amount: i64,
    },
    SaleOrder {
        customer: usize,
        product: usize,
        quantity: u64,
    },
    Review(OpenSale),
    Dispatch(OpenSale),
    SaleInvoice(OpenSale),
    SalePayment {
        sale: OpenSale,
        amount: i64,
    },
    CustomerReturn {
        sale: OpenSale,
    },
    Release {
        doc: String,
        product: usize,
        batch: usize,
        quantity: u64,
        codes: Vec<String>,
    },
    Refund {
        customer: usize,
        credit_note: String,
        amount: i64,
        sale: String,
    },
    Damage,
    Destroy {
        product: usize,
        batch: usize,
        quantity: u64,
        quarantine_doc: String,
    },
    Count(usize),
    Renew(usize),
    VehicleReadings {
        vehicle: String,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
    /// A planted flow of its own (see [`plant::Planting`]).
    Plant(plant::Planting),
}

/// `h:m` on `date`, China Standard Time, as UTC.
pub(crate) fn at(date: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
    // Business hours are China Standard Time (UTC+8); store UTC.
    let naive = date.and_hms_opt(h, m, 0).unwrap_or_default();
    Utc.from_utc_datetime(&naive) - Duration::hours(8)
}

impl Generator {
    /// Registers the master data the day before `start` and schedules the first day and the
    /// storage sensors' uploads.
    pub(crate) fn start(&mut self, start: NaiveDate) {
        self.register(start);
        self.schedule(at(start, 0, 0), Action::Day(start));
        for z in 0..self.world.zones.len() {
            self.schedule(at(start, 4, 0), Action::ZoneHour(z));
        }
    }

    /// Runs one action at its time `t`.
    pub(crate) fn step(&mut self, t: DateTime<Utc>, action: Action) {
        self.now = t;
        let date = (t + Duration::hours(8)).date_naive();
        match action {
            Action::Day(d) => self.day(d),
            Action::ZoneHour(z) => self.zone_hour(t, z),
            Action::Purchase(po) => self.purchase(t, date, po),
            Action::Receive(po) => self.receive(t, date, &po),
            Action::PutAway {
                receipt,
                order,
                lines,
                planted,
            } => self.put_away(t, receipt, order, lines, planted),
            Action::Stale => self.stale(t, date),
            Action::PurchaseInvoice {
                order,
                receipt,
                supplier,
                lines,
            } => self.purchase_invoice(t, date, order, receipt, supplier, &lines),
            Action::PurchasePayment {
                supplier,
                invoice,
                amount,
            } => self.purchase_payment(t, supplier, invoice, amount),
            Action::SaleOrder {
                customer,
                product,
                quantity,
            } => self.sale_order(t, date, customer, product, quantity),
            Action::Review(sale) => self.review(t, sale),
            Action::Dispatch(sale) => self.dispatch(t, sale),
            Action::SaleInvoice(sale) => self.sale_invoice(t, date, sale),
            Action::SalePayment { sale, amount } => self.sale_payment(t, date, sale, amount),
            Action::CustomerReturn { sale } => self.customer_return(t, date, &sale),
            Action::Release {
                doc,
                product,
                batch,
                quantity,
                codes,
            } => self.release(t, doc, product, batch, quantity, codes),
            Action::Refund {
                customer,
                credit_note,
                amount,
                sale,
            } => self.refund(t, customer, credit_note, amount, sale),
            Action::Damage => self.damage(t),
            Action::Destroy {
                product,
                batch,
                quantity,
                quarantine_doc,
            } => self.destroy(t, product, batch, quantity, quarantine_doc),
            Action::Count(z) => self.count(t, z),
            Action::Renew(p) => self.renew(t, p),
            Action::VehicleReadings { vehicle, from, to } => {
                self.trip_log(t, &vehicle, from, to);
            }
            Action::Plant(p) => plant::run(self, t, p),
        }
    }

    /// Schedules `a` at `t` (after every action already scheduled at `t`).
    pub(crate) fn schedule(&mut self, t: DateTime<Utc>, a: Action) {
        let id = self.next_action;
        self.next_action += 1;
        self.order += 1;
        self.actions.insert(id, a);
        self.queue.push(Reverse((t, self.order, id)));
    }

    /// The next document number with `prefix` (dated today).
    pub(crate) fn doc(&mut self, prefix: &'static str) -> String {
        let c = self.counters.entry(prefix).or_insert(0);
        *c += 1;
        let n = *c;
        if prefix == "INV" {
            // 20-digit fully digitalised invoice number (全电发票).
            format!("2633{:016}", n + 1_000_000)
        } else {
            format!("{prefix}{}{:05}", self.now.format("%Y%m%d"), n % 100_000)
        }
    }

    /// Emits an event; returns its seq (position in the stream).
    pub(crate) fn emit(
        &mut self,
        t: DateTime<Utc>,
        by: &[&str],
        refs: Refs,
        body: EventBody,
    ) -> u64 {
        let ms = u64::try_from(t.timestamp_millis()).unwrap_or(0);
        let mut rand = [0u8; 10];
        let r = self.rng.next_u64().to_le_bytes();
        let r2 = self.rng.next_u64().to_le_bytes();
        rand[..8].copy_from_slice(&r);
        rand[8..].copy_from_slice(&r2[..2]);
        let id = uuid::Builder::from_unix_timestamp_millis(ms, &rand).into_uuid();
        // Staff enter records in the ERP within minutes; automated uploads at once.
        let delay = if by.first().is_some_and(|b| b.starts_with("系统")) {
            0
        } else {
            i64::try_from(self.rng.range(1, 45)).unwrap_or(1)
        };
        self.emitted += 1;
        let seq = self.emitted;
        let master = matches!(
            body,
            EventBody::PartyRegistered(_) | EventBody::ProductRegistered(_)
        );
        let entered =
            plant::records::entered_at(self, seq, t, master, t + Duration::minutes(delay));
        self.out.push_back(Event {
            id,
            occurred_at: t,
            entered_at: Some(entered),
            recorded_by: by.iter().map(|s| Text::from(*s)).collect(),
            refs,
            body,
        });
        seq
    }

    fn register(&mut self, start: NaiveDate) {
        let t = at(start - Duration::days(1), 9, 0);
        for p in self.world.parties.clone() {
            self.emit(
                t,
                &["质管-周敏"],
                Refs::default(),
                EventBody::PartyRegistered(p.to_event()),
            );
        }
        for p in self.world.products.clone() {
            self.emit(
                t + Duration::minutes(30),
                &["质管-周敏"],
                Refs::default(),
                EventBody::ProductRegistered(p.to_event()),
            );
        }
        for z in self.world.zones.clone() {
            self.emit(
                t + Duration::minutes(45),
                &["质管-周敏"],
                Refs::default(),
                EventBody::ZoneRegistered(rxledger_model::ZoneRegistered {
                    zone: z.id.as_str().into(),
                    storage: z.class,
                    temp_range: None,
                    sensors: vec![z.sensor.as_str().into()],
                }),
            );
        }
    }

    pub(crate) fn product(&self, i: usize) -> &ProductDef {
        &self.world.products[i]
    }

    /// A special-control product (narcotic, psychotropic, precursor …).
    pub(crate) fn special(&self, product: usize) -> bool {
        self.product(product).control.is_special()
    }

    /// `two` when any of the products is special-control (a two-person step), else `one`.
    pub(crate) fn two(
        &self,
        product_lines: impl IntoIterator<Item = usize>,
        one: &'static str,
        two: [&'static str; 2],
    ) -> Vec<&'static str> {
        if product_lines.into_iter().any(|p| self.special(p)) {
            two.to_vec()
        } else {
            vec![one]
        }
    }

    /// `n` new unit codes for a special-control product (none for others).
    fn new_codes(&mut self, product: usize, n: u64) -> Vec<String> {
        if !self.special(product) {
            return Vec::new();
        }
        let prefix = self.world.products[product].code_prefix.clone();
        (0..n)
            .map(|_| {
                self.serials[product] += 1;
                let check = self.rng.range(0, 9999);
                format!("{prefix}{:09}{check:04}", self.serials[product])
            })
            .collect()
    }

    /// Units of `product` in stock and not reserved, from batches expiring after `not_before`.
    pub(crate) fn available(&self, product: usize, not_before: NaiveDate) -> u64 {
        self.product_batches[product]
            .iter()
            .map(|&b| &self.batches[b])
            .filter(|b| b.expiry > not_before)
            .map(|b| b.on_hand - b.reserved)
            .sum()
    }

    /// The zone id where `product` is stored.
    pub(crate) fn zone_of(&self, product: usize) -> String {
        self.world.zones[self.world.products[product].zone]
            .id
            .clone()
    }
}
