//! Deterministic generator of realistic wholesaler ledgers.
//!
//! [`Generator`] simulates a regional pharmaceutical wholesaler in Zhejiang day by day: master
//! data, purchases from manufacturers, receipt and acceptance (cold-chain transport readings for
//! cold products, two acceptors and unit traceability codes for controlled drugs), put-away,
//! sales to hospitals, pharmacies, clinics and a CDC, outbound review and dispatch, invoices and
//! payments to registered accounts, customer returns with credit notes and refunds, damage
//! write-offs, weekly stock counts, licence renewals and storage temperature readings.
//!
//! The same seed always yields the same events. By default the ledger is *clean*: stock never
//! goes negative, documents match, money matches, licences are valid, controlled drugs go only
//! to qualified customers through a two-person process.
//!
//! ```
//! use rxledger_gen::{Generator, GenConfig};
//!
//! let events: Vec<_> = Generator::new(GenConfig { seed: 7, ..GenConfig::default() }).take(500).collect();
//! assert_eq!(events.len(), 500);
//! let again: Vec<_> = Generator::new(GenConfig { seed: 7, ..GenConfig::default() }).take(500).collect();
//! assert_eq!(events, again);
//! ```
#![forbid(unsafe_code)]

mod pair;
pub mod sensors;
mod world;

pub use pair::customer_ledger;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use rxledger_model::{
    Channel, Dispatch, Event, EventBody, InLine, Invoice, InvoiceDirection, InvoiceLine, Licence,
    LicenceChanged, Money, MoveLine, OutLine, OutboundReview, Payment, PaymentDirection,
    PaymentMethod, PutAway, Quality, Reading, Receipt, ReceiptLine, Refs, ReviewLine, Sale,
    SaleLine, StockCount, TemperatureReading, Transfer, TransferReason, Transport,
};
use world::{CustomerDef, ProductDef, World};

/// Generator settings.
#[derive(Clone, Debug)]
pub struct GenConfig {
    /// Random seed; the same seed gives the same ledger.
    pub seed: u64,
    /// First business day (the master data is registered the day before).
    pub start: NaiveDate,
    /// Probability of planting a violation at each opportunity (0 = a clean ledger).
    pub violations: f64,
    /// Plant only these rule codes (empty = every rule the generator can plant).
    pub rules: Vec<String>,
}

/// Rule codes the generator can plant.
pub const PLANTABLE: &[&str] = &[
    "TEMP-ZONE",
    "TEMP-RANGE",
    "TEMP-GAP",
    "CC-RECEIPT",
    "VAC-DISPOSE",
    "SPECIAL-CHAIN",
    "SPECIAL-CHANNEL",
    "SPECIAL-CASH",
    "SPECIAL-2P",
    "SPECIAL-LOSS",
    "SPECIAL-DESTROY",
    "EPH-RETAIL",
    "SOM",
    "CODE-DUP",
    "CODE-UNKNOWN",
    "CODE-FORMAT",
    "TTGK-P",
    "TTGK-S",
    "REC-DOC",
    "ACC-GATE",
    "OUT-REV",
    "UNINVOICED",
    "UNPAID",
    "ORPHAN",
    "STOCK-NEG",
    "STOCK-COUNT",
    "NO-SOURCE",
    "EXPIRED",
    "EXPIRED-NEAR",
    "QUARANTINE",
    "RETURN-ORIG",
    "SUP-LIC",
    "CUS-LIC",
    "LATE-ENTRY",
    "TWO-INVOICE",
];

/// A planted violation: the finding the reconciliation engine must report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planted {
    /// Rule code.
    pub rule: &'static str,
    /// The record the finding names (1-based position in the generated stream).
    pub seq: u64,
    /// When the finding becomes certain (for deadline rules, the deadline).
    pub certain_at: DateTime<Utc>,
}

impl Default for GenConfig {
    fn default() -> Self {
        GenConfig {
            seed: 1,
            start: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default(),
            violations: 0.0,
            rules: Vec::new(),
        }
    }
}

/// Small, fast, deterministic PRNG (`SplitMix64`).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// Seeded generator.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

#[derive(Clone, Debug)]
struct Batch {
    product: usize,
    batch: String,
    expiry: NaiveDate,
    /// Physically in the storage location.
    on_hand: u64,
    /// Allocated to open sales, not yet dispatched.
    reserved: u64,
    /// Unreserved unit codes in storage (controlled products).
    codes: VecDeque<String>,
    /// Bought from a wholesaler rather than the manufacturer (planted TWO-INVOICE source).
    via_wholesaler: bool,
    /// Seq of the receipt that brought it in.
    receipt_seq: u64,
    /// Planted VAC-DISPOSE: left in the refrigerator past expiry.
    abandoned: bool,
}

#[derive(Clone, Debug)]
struct OpenPurchase {
    po: String,
    supplier: usize,
    lines: Vec<(usize, u64, i64)>,
}

#[derive(Clone, Debug)]
struct OpenSale {
    so: String,
    customer: usize,
    /// (product, batch index, quantity, unit price, codes)
    lines: Vec<(usize, usize, u64, i64, Vec<String>)>,
    delivery_note: String,
    invoice: String,
    /// Planted: skip the outbound review.
    skip_review: bool,
    /// Planted: skip the invoice.
    skip_invoice: bool,
    /// Rules whose findings name the dispatch.
    at_dispatch: Vec<&'static str>,
    /// A planted flow: no follow-up returns.
    planted: bool,
}

#[derive(Clone, Debug)]
enum Action {
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
    PlantedSale {
        customer: usize,
        batch: usize,
        rule: &'static str,
    },
    PlantedLoss,
    PlantedZone,
    /// Weekly: vaccines too close to expiry to sell are quarantined and destroyed.
    Stale,
    PlantedSpecial {
        destroy: bool,
    },
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
}

/// The generator; an iterator of events in time order.
pub struct Generator {
    rng: Rng,
    world: World,
    now: DateTime<Utc>,
    queue: BinaryHeap<Reverse<(DateTime<Utc>, u64, usize)>>,
    actions: BTreeMap<usize, Action>,
    next_action: usize,
    order: u64,
    out: VecDeque<Event>,
    batches: Vec<Batch>,
    /// product -> indices into `batches`
    product_batches: Vec<Vec<usize>>,
    on_order: Vec<u64>,
    counters: BTreeMap<&'static str, u64>,
    serials: Vec<u64>,
    serials_batch: Vec<u64>,
    licence_due: Vec<NaiveDate>,
    vehicle_seq: u64,
    violations: f64,
    rules: Vec<String>,
    emitted: u64,
    manifest: Vec<Planted>,
    last_shipped: Option<String>,
    fabricated: u64,
    /// Sales booked per (customer, product), for SOM planting.
    sales_count: BTreeMap<(usize, usize), u32>,
    /// Last eight order quantities per (customer, product).
    sales_hist: BTreeMap<(usize, usize), VecDeque<u64>>,
    last_time: Option<DateTime<Utc>>,
}

const OWNER: usize = 0;
/// The second wholesaler (planted TWO-INVOICE sources).
const WHOLESALER: usize = 11;
/// Customer index of the hospital in Anhui (planted SPECIAL-CHANNEL buyer).
const OUT_OF_PROVINCE: usize = 5;
/// Multiplier on the customers' order frequencies.
const ORDER_RATE: f64 = 3.0;
/// Storage sensors sample every 10 minutes; the monitoring system uploads every 4 hours.
const ZONE_UPLOAD_HOURS: i64 = 4;

fn at(date: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
    // Business hours are China Standard Time (UTC+8); store UTC.
    let naive = date.and_hms_opt(h, m, 0).unwrap_or_default();
    Utc.from_utc_datetime(&naive) - Duration::hours(8)
}

impl Generator {
    /// A generator for `config`.
    pub fn new(config: GenConfig) -> Self {
        let world = World::new();
        let n = world.products.len();
        let mut g = Generator {
            rng: Rng::new(config.seed),
            now: at(config.start, 0, 0),
            queue: BinaryHeap::new(),
            actions: BTreeMap::new(),
            next_action: 0,
            order: 0,
            out: VecDeque::new(),
            batches: Vec::new(),
            product_batches: vec![Vec::new(); n],
            on_order: vec![0; n],
            counters: BTreeMap::new(),
            serials: vec![0; n],
            serials_batch: vec![0; n],
            licence_due: world.parties.iter().map(|p| p.licence.valid_to).collect(),
            vehicle_seq: 0,
            violations: config.violations,
            rules: config.rules.clone(),
            emitted: 0,
            manifest: Vec::new(),
            last_shipped: None,
            fabricated: 0,
            sales_count: BTreeMap::new(),
            sales_hist: BTreeMap::new(),
            last_time: None,
            world,
        };
        g.register(config.start);
        g.schedule(at(config.start, 0, 0), Action::Day(config.start));
        for z in 0..g.world.zones.len() {
            g.schedule(at(config.start, 4, 0), Action::ZoneHour(z));
        }
        g
    }

    fn schedule(&mut self, t: DateTime<Utc>, a: Action) {
        let id = self.next_action;
        self.next_action += 1;
        self.order += 1;
        self.actions.insert(id, a);
        self.queue.push(Reverse((t, self.order, id)));
    }

    fn doc(&mut self, prefix: &'static str) -> String {
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

    /// Decides whether to plant `rule` at this opportunity. Consumes no randomness when
    /// violations are off, so clean ledgers do not depend on the planting code.
    fn plant(&mut self, rule: &'static str) -> bool {
        if self.violations <= 0.0
            || !(self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
        {
            return false;
        }
        self.rng.chance(self.violations)
    }

    fn record(&mut self, rule: &'static str, seq: u64, certain_at: DateTime<Utc>) {
        self.manifest.push(Planted {
            rule,
            seq,
            certain_at,
        });
    }

    /// The violations planted so far that are certain by `end` (the last event's time) and lie
    /// within the first `events` records: what a reconciliation of that ledger must report.
    pub fn manifest(&self, events: u64) -> Vec<Planted> {
        let end = self.last_time;
        let mut m: Vec<Planted> = self
            .manifest
            .iter()
            .filter(|p| p.seq <= events && end.is_some_and(|e| p.certain_at <= e))
            .cloned()
            .collect();
        m.sort_by(|a, b| (a.seq, a.rule).cmp(&(b.seq, b.rule)));
        m
    }

    /// Emits an event; returns its seq (position in the stream).
    fn emit(&mut self, t: DateTime<Utc>, by: &[&str], refs: Refs, body: EventBody) -> u64 {
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
        let entered = if !master && self.plant("LATE-ENTRY") {
            self.record("LATE-ENTRY", seq, t);
            t + Duration::days(5)
        } else {
            t + Duration::minutes(delay)
        };
        self.out.push_back(Event {
            id,
            occurred_at: t,
            entered_at: Some(entered),
            recorded_by: by.iter().map(|s| (*s).to_owned()).collect(),
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
                    zone: z.id.clone(),
                    storage: z.class,
                    temp_range: None,
                    sensors: vec![z.sensor.clone()],
                }),
            );
        }
    }

    fn product(&self, i: usize) -> &ProductDef {
        &self.world.products[i]
    }

    fn special(&self, product: usize) -> bool {
        self.product(product).control.is_special()
    }

    fn two(
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

    fn available(&self, product: usize, not_before: NaiveDate) -> u64 {
        self.product_batches[product]
            .iter()
            .map(|&b| &self.batches[b])
            .filter(|b| b.expiry > not_before)
            .map(|b| b.on_hand - b.reserved)
            .sum()
    }

    fn day(&mut self, date: NaiveDate) {
        let next = date + Duration::days(1);
        self.schedule(at(next, 0, 0), Action::Day(next));
        // Forget batches that are gone (returns put them back when needed).
        for list in &mut self.product_batches {
            let batches = &self.batches;
            list.retain(|&b| batches[b].on_hand > 0 || batches[b].reserved > 0);
        }
        if self.plant("STOCK-NEG") {
            self.schedule(at(date, 17, 10), Action::PlantedLoss);
        }
        if self.plant("TEMP-ZONE") {
            self.schedule(at(date, 16, 40), Action::PlantedZone);
        }
        if self.plant("SPECIAL-LOSS") {
            self.schedule(at(date, 17, 20), Action::PlantedSpecial { destroy: false });
        }
        if self.plant("SPECIAL-DESTROY") {
            self.schedule(at(date, 17, 30), Action::PlantedSpecial { destroy: true });
        }
        // Licence renewals, 60 days before expiry.
        for p in 0..self.world.parties.len() {
            if self.licence_due[p] - Duration::days(60) == date {
                self.schedule(at(date, 10, 0), Action::Renew(p));
            }
        }
        // Replenishment: keep ~2 weeks of demand available or on order.
        for p in 0..self.world.products.len() {
            let demand = self.world.daily_demand(p);
            let have = self.available(p, date + Duration::days(200)) + self.on_order[p];
            if (have as f64) < demand * 14.0 {
                let qty = u64::try_from((demand * 30.0).ceil() as i64)
                    .unwrap_or(0)
                    .max(10);
                let qty = qty.div_ceil(10) * 10;
                let prod = &self.world.products[p];
                let eligible = !prod.control.is_special()
                    && !prod.vaccine
                    && self.world.parties[WHOLESALER]
                        .scope
                        .contains(&prod.category);
                let supplier = if eligible && self.plant("TWO-INVOICE") {
                    WHOLESALER
                } else {
                    self.world.products[p].supplier
                };
                let price = self.world.products[p].cost;
                self.on_order[p] += qty;
                let hour = u32::try_from(self.rng.range(8, 10)).unwrap_or(8);
                self.schedule(
                    at(date, hour, 0),
                    Action::Purchase(OpenPurchase {
                        po: String::new(),
                        supplier,
                        lines: vec![(p, qty, price)],
                    }),
                );
            }
        }
        // Customer orders (business days).
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            for (c, cust) in self.world.customers.clone().iter().enumerate() {
                for &(product, base, per_week) in &cust.buys {
                    if self.rng.chance((per_week * ORDER_RATE / 5.0).min(1.0)) {
                        let spread = (base / 4).max(1);
                        let q = self.rng.range(base - spread.min(base - 1), base + spread);
                        let minute = u32::try_from(self.rng.range(0, 59)).unwrap_or(0);
                        let hour = u32::try_from(self.rng.range(9, 15)).unwrap_or(9);
                        self.schedule(
                            at(date, hour, minute),
                            Action::SaleOrder {
                                customer: c,
                                product,
                                quantity: q,
                            },
                        );
                    }
                }
            }
            if self.rng.chance(0.05) {
                self.schedule(at(date, 16, 30), Action::Damage);
            }
        }
        if date.weekday() == Weekday::Mon {
            self.schedule(at(date, 7, 0), Action::Stale);
        }
        if date.weekday() == Weekday::Sun {
            for z in 0..self.world.zones.len() {
                if self.world.zones[z].storage {
                    self.schedule(at(date, 18, 0), Action::Count(z));
                }
            }
        }
    }

    fn allocate(
        &mut self,
        product: usize,
        mut qty: u64,
        date: NaiveDate,
    ) -> Vec<(usize, u64, Vec<String>)> {
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

    fn step(&mut self, t: DateTime<Utc>, action: Action) {
        self.now = t;
        let date = (t + Duration::hours(8)).date_naive();
        match action {
            Action::Day(d) => self.day(d),
            Action::ZoneHour(z) => {
                let zone = self.world.zones[z].clone();
                let mut readings: Vec<Reading> = (0..ZONE_UPLOAD_HOURS * 6)
                    .map(|i| {
                        let base = f64::midpoint(zone.range.0, zone.range.1);
                        let jitter = (self.rng.range(0, 200) as f64 - 100.0) / 100.0;
                        Reading {
                            at: t - Duration::minutes(ZONE_UPLOAD_HOURS * 60 - 10 * i),
                            celsius: ((base + jitter * (zone.range.1 - zone.range.0) / 4.0) * 10.0)
                                .round()
                                / 10.0,
                            humidity: Some(45.0 + self.rng.range(0, 150) as f64 / 10.0),
                        }
                    })
                    .collect();
                // Planted: a refrigerator excursion (45 minutes at 11 °C, sampled every minute as
                // the alarm mode does), or a recording gap of an hour.
                let mut plant = None;
                if zone.class == rxledger_model::StorageClass::Cold && self.plant("TEMP-RANGE") {
                    let t0 = readings[6].at;
                    let mut hot: Vec<Reading> = (1..=45)
                        .map(|m| Reading {
                            at: t0 + Duration::minutes(m),
                            celsius: 11.0,
                            humidity: Some(55.0),
                        })
                        .collect();
                    hot.push(Reading {
                        at: t0 + Duration::minutes(46),
                        celsius: 6.0,
                        humidity: Some(55.0),
                    });
                    readings.retain(|r| r.at <= t0 || r.at > t0 + Duration::minutes(46));
                    readings.extend(hot);
                    readings.sort_by_key(|r| r.at);
                    plant = Some("TEMP-RANGE");
                } else if self.plant("TEMP-GAP") {
                    readings.drain(5..10);
                    plant = Some("TEMP-GAP");
                }
                let seq = self.emit(
                    t,
                    &["系统-温湿度监测"],
                    Refs::default(),
                    EventBody::TemperatureReading(TemperatureReading {
                        sensor: zone.sensor.clone(),
                        zone: Some(zone.id.clone()),
                        vehicle: None,
                        readings,
                    }),
                );
                if let Some(rule) = plant {
                    self.record(rule, seq, t);
                }
                if plant == Some("TEMP-RANGE") {
                    // Isolate every vaccine in the refrigerator, then destroy it.
                    self.isolate_vaccines(t, z);
                }
                self.schedule(t + Duration::hours(ZONE_UPLOAD_HOURS), Action::ZoneHour(z));
            }
            Action::Purchase(mut po) => {
                po.po = self.doc("CG");
                let supplier = self.world.parties[po.supplier].id.clone();
                let lines = po
                    .lines
                    .iter()
                    .map(|&(p, q, price)| rxledger_model::PurchaseLine {
                        product: self.world.products[p].code.clone(),
                        quantity: q,
                        unit_price: Money::cny(price),
                    })
                    .collect();
                self.emit(
                    t,
                    &["采购-李明"],
                    Refs::default(),
                    EventBody::Purchase(rxledger_model::Purchase {
                        doc: po.po.clone(),
                        supplier,
                        lines,
                    }),
                );
                if self.plant("SUP-LIC") {
                    // An order placed with a supplier that has no qualification file.
                    let (p, _, price) = po.lines[0];
                    let doc = self.doc("CG");
                    let seq = self.emit(
                        t,
                        &["采购-李明"],
                        Refs::default(),
                        EventBody::Purchase(rxledger_model::Purchase {
                            doc,
                            supplier: "91330000MA2UNREG01".into(),
                            lines: vec![rxledger_model::PurchaseLine {
                                product: self.world.products[p].code.clone(),
                                quantity: 10,
                                unit_price: Money::cny(price),
                            }],
                        }),
                    );
                    self.record("SUP-LIC", seq, t);
                }
                let days = i64::try_from(self.rng.range(1, 3)).unwrap_or(1);
                let hour = u32::try_from(self.rng.range(9, 15)).unwrap_or(9);
                self.schedule(
                    at(date + Duration::days(days), hour, 0),
                    Action::Receive(po),
                );
            }
            Action::Receive(po) => self.receive(t, date, &po),
            Action::PutAway {
                receipt,
                order,
                lines,
                planted,
            } => {
                let doc = self.doc("RK");
                let mut mlines = Vec::new();
                for (b, q, codes) in lines {
                    let batch = &mut self.batches[b];
                    batch.on_hand += q;
                    batch.codes.extend(codes.iter().cloned());
                    let p = batch.product;
                    let prod = &self.world.products[p];
                    mlines.push(MoveLine {
                        product: prod.code.clone(),
                        batch: self.batches[b].batch.clone(),
                        quantity: q,
                        from: "RCV".into(),
                        to: self.world.zones[prod.zone].id.clone(),
                        codes,
                    });
                }
                let by = if mlines.iter().any(|l| !l.codes.is_empty()) {
                    vec!["保管-赵磊", "保管-钱进"]
                } else {
                    vec!["保管-赵磊"]
                };
                self.emit(
                    t,
                    &by,
                    Refs {
                        order: Some(order),
                        receipt: Some(receipt),
                        ..Refs::default()
                    },
                    EventBody::PutAway(PutAway { doc, lines: mlines }),
                );
                if planted {
                    let seq = self.emitted;
                    self.record("ACC-GATE", seq, t);
                    self.record("STOCK-NEG", seq, t);
                }
            }
            Action::PlantedSpecial { destroy } => {
                // Two controlled units leave stock: destroyed without a supervisor, or lost and
                // reported three days after discovery.
                let candidates: Vec<usize> = self
                    .product_batches
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|&b| {
                        let bt = &self.batches[b];
                        self.special(bt.product)
                            && bt.on_hand >= bt.reserved + 2
                            && bt.codes.len() >= 2
                    })
                    .collect();
                let Some(&b) = candidates.first() else {
                    return;
                };
                let codes: Vec<String> = (0..2)
                    .filter_map(|_| self.batches[b].codes.pop_front())
                    .collect();
                self.batches[b].on_hand -= 2;
                let p = self.batches[b].product;
                let product = self.world.products[p].code.clone();
                let batch = self.batches[b].batch.clone();
                let zone = self.world.zones[self.world.products[p].zone].id.clone();
                let seq = if destroy {
                    let qdoc = self.doc("YK");
                    self.emit(
                        t,
                        &["养护-冯丽", "保管-赵磊"],
                        Refs::default(),
                        EventBody::Transfer(Transfer {
                            doc: qdoc,
                            reason: TransferReason::Quarantine,
                            lines: vec![MoveLine {
                                product: product.clone(),
                                batch: batch.clone(),
                                quantity: 2,
                                from: zone,
                                to: "QA".into(),
                                codes: codes.clone(),
                            }],
                        }),
                    );
                    let doc = self.doc("XH");
                    self.emit(
                        t + Duration::minutes(20),
                        &["质管-周敏", "保管-赵磊"],
                        Refs::default(),
                        EventBody::Destruction(rxledger_model::Destruction {
                            doc,
                            reason: "破损".into(),
                            method: "焚烧".into(),
                            lines: vec![OutLine {
                                product,
                                batch,
                                quantity: 2,
                                from: "QA".into(),
                                codes,
                            }],
                            supervisors: Vec::new(),
                        }),
                    )
                } else {
                    let doc = self.doc("BS");
                    self.emit(
                        t,
                        &["保管-赵磊", "质管-周敏"],
                        Refs::default(),
                        EventBody::LossReport(rxledger_model::LossReport {
                            doc,
                            loss: rxledger_model::LossKind::Loss,
                            discovered_at: t - Duration::days(3),
                            lines: vec![OutLine {
                                product,
                                batch,
                                quantity: 2,
                                from: zone,
                                codes,
                            }],
                            reported_to: vec![
                                "杭州市公安局西湖分局".into(),
                                "杭州市市场监督管理局".into(),
                            ],
                        }),
                    )
                };
                let rule = if destroy {
                    "SPECIAL-DESTROY"
                } else {
                    "SPECIAL-LOSS"
                };
                self.record(rule, seq, t);
            }
            Action::Stale => {
                let stale: Vec<usize> = self
                    .product_batches
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|&b| {
                        let bt = &self.batches[b];
                        self.world.products[bt.product].vaccine
                            && bt.on_hand > bt.reserved
                            && bt.expiry < date + Duration::days(150)
                            && !bt.abandoned
                    })
                    .collect();
                for b in stale {
                    let q = self.batches[b].on_hand - self.batches[b].reserved;
                    self.batches[b].on_hand -= q;
                    let p = self.batches[b].product;
                    let zone = self.world.zones[self.world.products[p].zone].id.clone();
                    let doc = self.doc("YK");
                    self.emit(
                        t,
                        &["质管-周敏"],
                        Refs::default(),
                        EventBody::Transfer(Transfer {
                            doc: doc.clone(),
                            reason: TransferReason::Quarantine,
                            lines: vec![MoveLine {
                                product: self.world.products[p].code.clone(),
                                batch: self.batches[b].batch.clone(),
                                quantity: q,
                                from: zone,
                                to: "QA".into(),
                                codes: Vec::new(),
                            }],
                        }),
                    );
                    self.schedule(
                        t + Duration::days(3),
                        Action::Destroy {
                            product: p,
                            batch: b,
                            quantity: q,
                            quarantine_doc: doc,
                        },
                    );
                }
            }
            Action::PlantedZone => {
                // One unit of an ambient product parked in the cool store for an hour.
                let Some(b) = self.product_batches.iter().flatten().copied().find(|&b| {
                    let bt = &self.batches[b];
                    self.world.products[bt.product].storage == rxledger_model::StorageClass::Ambient
                        && !self.special(bt.product)
                        && bt.on_hand > bt.reserved + 2
                }) else {
                    return;
                };
                let p = self.batches[b].product;
                let line = |from: &str, to: &str| MoveLine {
                    product: self.world.products[p].code.clone(),
                    batch: self.batches[b].batch.clone(),
                    quantity: 1,
                    from: from.into(),
                    to: to.into(),
                    codes: Vec::new(),
                };
                let (l1, l2) = (line("WH-A", "WH-C"), line("WH-C", "WH-A"));
                let d1 = self.doc("YK");
                let seq = self.emit(
                    t,
                    &["保管-赵磊"],
                    Refs::default(),
                    EventBody::Transfer(Transfer {
                        doc: d1,
                        reason: TransferReason::Relocation,
                        lines: vec![l1],
                    }),
                );
                self.record("TEMP-ZONE", seq, t);
                let d2 = self.doc("YK");
                self.emit(
                    t + Duration::minutes(60),
                    &["保管-赵磊"],
                    Refs::default(),
                    EventBody::Transfer(Transfer {
                        doc: d2,
                        reason: TransferReason::Relocation,
                        lines: vec![l2],
                    }),
                );
            }
            Action::PlantedLoss => {
                // A loss booked against a location that holds none of the batch.
                let candidates: Vec<usize> = self
                    .product_batches
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|&b| {
                        !self.special(self.batches[b].product) && self.batches[b].on_hand > 0
                    })
                    .collect();
                if candidates.is_empty() {
                    return;
                }
                let b = candidates[(self.rng.next_u64() % candidates.len() as u64) as usize];
                let doc = self.doc("BS");
                let product = self.world.products[self.batches[b].product].code.clone();
                let seq = self.emit(
                    t,
                    &["保管-赵磊"],
                    Refs::default(),
                    EventBody::LossReport(rxledger_model::LossReport {
                        doc,
                        loss: rxledger_model::LossKind::Loss,
                        discovered_at: t - Duration::hours(1),
                        lines: vec![OutLine {
                            product,
                            batch: self.batches[b].batch.clone(),
                            quantity: 1,
                            from: "WH-B".into(),
                            codes: Vec::new(),
                        }],
                        reported_to: Vec::new(),
                    }),
                );
                self.record("STOCK-NEG", seq, t);
            }
            Action::PlantedSale {
                customer,
                batch,
                rule,
            } => {
                let b = &self.batches[batch];
                let free = b.on_hand - b.reserved;
                let base = self.world.customers[customer]
                    .buys
                    .iter()
                    .find(|x| x.0 == b.product)
                    .map_or(10, |x| x.1);
                let q = free.min(base);
                if q > 0 {
                    let product = b.product;
                    let alloc = self.allocate_from(batch, q);
                    self.sale_with(t, customer, product, alloc, vec![rule], true);
                }
            }
            Action::PurchaseInvoice {
                order,
                receipt,
                supplier,
                lines,
            } => {
                let doc = self.doc("INV");
                let ilines: Vec<InvoiceLine> = lines
                    .iter()
                    .map(|&(p, q, price)| InvoiceLine {
                        product: self.world.products[p].code.clone(),
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
                        order: Some(order),
                        receipt: Some(receipt),
                        ..Refs::default()
                    },
                    EventBody::Invoice(Invoice {
                        doc: doc.clone(),
                        direction: InvoiceDirection::Purchase,
                        issuer,
                        buyer,
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
            Action::PurchasePayment {
                supplier,
                invoice,
                amount,
            } => {
                let doc = self.doc("FK");
                let cash = self
                    .world
                    .products
                    .iter()
                    .any(|p| p.supplier == supplier && p.control.is_special())
                    && self.plant("SPECIAL-CASH");
                let bad_account = !cash && self.plant("TTGK-P");
                let owner = &self.world.parties[OWNER];
                let sup = &self.world.parties[supplier];
                let body = EventBody::Payment(Payment {
                    doc,
                    direction: PaymentDirection::Outgoing,
                    payer: owner.id.clone(),
                    payee: sup.id.clone(),
                    payer_account: owner.account.clone(),
                    payee_account: if bad_account {
                        "6217001540012345678".into()
                    } else {
                        sup.account.clone()
                    },
                    amount: Money::cny(amount),
                    method: if cash {
                        PaymentMethod::Cash
                    } else {
                        PaymentMethod::BankTransfer
                    },
                    invoices: vec![invoice.clone()],
                });
                let seq = self.emit(
                    t,
                    &["财务-王芳"],
                    Refs {
                        invoice: Some(invoice),
                        ..Refs::default()
                    },
                    body,
                );
                if bad_account {
                    self.record("TTGK-P", seq, t);
                }
                if cash {
                    self.record("SPECIAL-CASH", seq, t);
                }
                if self.plant("ORPHAN") {
                    // A payment that settles no invoice in the books.
                    let doc = self.doc("FK");
                    self.counters
                        .entry("ORPHAN-INV")
                        .and_modify(|c| *c += 1)
                        .or_insert(1);
                    let n = self.counters.get("ORPHAN-INV").copied().unwrap_or(1);
                    let owner = &self.world.parties[OWNER];
                    let sup = &self.world.parties[supplier];
                    let body = EventBody::Payment(Payment {
                        doc,
                        direction: PaymentDirection::Outgoing,
                        payer: owner.id.clone(),
                        payee: sup.id.clone(),
                        payer_account: owner.account.clone(),
                        payee_account: sup.account.clone(),
                        amount: Money::cny(amount / 3 + 1),
                        method: PaymentMethod::BankTransfer,
                        invoices: vec![format!("2699{n:016}")],
                    });
                    let seq = self.emit(t, &["财务-王芳"], Refs::default(), body);
                    self.record("ORPHAN", seq, t + Duration::days(30));
                }
            }
            Action::SaleOrder {
                customer,
                product,
                quantity,
            } => {
                self.sale_order(t, date, customer, product, quantity);
            }
            Action::Review(sale) => {
                if sale.skip_review {
                    self.schedule(t + Duration::minutes(40), Action::Dispatch(sale));
                    return;
                }
                let lines = sale
                    .lines
                    .iter()
                    .map(|(p, b, q, _, _)| ReviewLine {
                        product: self.world.products[*p].code.clone(),
                        batch: self.batches[*b].batch.clone(),
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
                        sale: Some(sale.so.clone()),
                        ..Refs::default()
                    },
                    EventBody::OutboundReview(OutboundReview {
                        doc,
                        customer: self.world.parties[customer].id.clone(),
                        lines,
                        reviewers: reviewers.iter().map(|s| (*s).to_owned()).collect(),
                    }),
                );
                self.schedule(t + Duration::minutes(40), Action::Dispatch(sale));
            }
            Action::Dispatch(mut sale) => {
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
                        product: self.world.products[*p].code.clone(),
                        batch: batch.batch.clone(),
                        quantity: *q,
                        from: self.world.zones[self.world.products[*p].zone].id.clone(),
                        codes: codes.clone(),
                    });
                }
                // Planted code and custody violations on a line with unit codes (one per dispatch).
                let mut code_plant = None;
                let mut shipped_code = None;
                if let Some(l) = lines.iter_mut().find(|l| !l.codes.is_empty()) {
                    shipped_code = l.codes.last().cloned();
                    if self.plant("SPECIAL-CHAIN") {
                        l.codes.pop();
                        code_plant = Some("SPECIAL-CHAIN");
                    } else if self.plant("CODE-FORMAT") {
                        l.codes[0] = format!("{}X", &l.codes[0][..19]);
                        code_plant = Some("CODE-FORMAT");
                    } else if self.plant("CODE-UNKNOWN") {
                        self.fabricated += 1;
                        l.codes[0] = format!(
                            "{}{:09}0000",
                            &l.codes[0][..7],
                            900_000_000 + self.fabricated
                        );
                        code_plant = Some("CODE-UNKNOWN");
                    } else if self.last_shipped.is_some() && self.plant("CODE-DUP") {
                        l.codes[0] = self.last_shipped.clone().unwrap_or_default();
                        code_plant = Some("CODE-DUP");
                    }
                }
                if code_plant.is_none() {
                    if let Some(c) = shipped_code {
                        self.last_shipped = Some(c);
                    }
                }
                let ephedrine = sale.lines.iter().any(|l| {
                    self.world.products[l.0].control
                        == rxledger_model::ControlClass::CompoundEphedrine
                });
                let wrong_address = ephedrine && self.plant("EPH-RETAIL");
                let cust = &self.world.customers[sale.customer];
                let party = &self.world.parties[cust.party];
                let body = EventBody::Dispatch(Dispatch {
                    doc: sale.delivery_note.clone(),
                    customer: party.id.clone(),
                    consignee: cust.consignee.clone(),
                    address: if wrong_address {
                        "浙江省杭州市余杭区仓前街道临时仓库 12 号".into()
                    } else {
                        party.address.clone()
                    },
                    lines,
                    vehicle: vehicle.clone(),
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
                        sale: Some(sale.so.clone()),
                        ..Refs::default()
                    },
                    body,
                );
                for _ in &sale.lines {
                    for rule in sale.at_dispatch.clone() {
                        self.record(rule, seq, t);
                    }
                }
                if let Some(rule) = code_plant {
                    self.record(rule, seq, t);
                }
                if wrong_address {
                    self.record("EPH-RETAIL", seq, t);
                }
                if sale.skip_invoice {
                    self.record("UNINVOICED", seq, t + Duration::days(30));
                }
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
            Action::SaleInvoice(mut sale) => {
                if sale.skip_invoice {
                    return;
                }
                sale.invoice = self.doc("INV");
                let lines: Vec<InvoiceLine> = sale
                    .lines
                    .iter()
                    .map(|(p, _, q, price, _)| InvoiceLine {
                        product: self.world.products[*p].code.clone(),
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
                        sale: Some(sale.so.clone()),
                        delivery_note: Some(sale.delivery_note.clone()),
                        ..Refs::default()
                    },
                    EventBody::Invoice(Invoice {
                        doc: sale.invoice.clone(),
                        direction: InvoiceDirection::Sale,
                        issuer: self.world.parties[OWNER].id.clone(),
                        buyer: self.world.parties[buyer].id.clone(),
                        issued_on: date,
                        lines,
                        total: Money::cny(total),
                        credit_for: None,
                    }),
                );
                if self.plant("UNPAID") {
                    self.record("UNPAID", seq, t + Duration::days(60));
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
            Action::SalePayment { mut sale, amount } => {
                let doc = self.doc("SK");
                let bad_account = self.plant("TTGK-S");
                sale.planted |= bad_account;
                let cust = &self.world.parties[self.world.customers[sale.customer].party];
                let owner = &self.world.parties[OWNER];
                let body = EventBody::Payment(Payment {
                    doc,
                    direction: PaymentDirection::Incoming,
                    payer: cust.id.clone(),
                    payee: owner.id.clone(),
                    payer_account: if bad_account {
                        "6222020299990001234".into()
                    } else {
                        cust.account.clone()
                    },
                    payee_account: owner.account.clone(),
                    amount: Money::cny(amount),
                    method: PaymentMethod::BankTransfer,
                    invoices: vec![sale.invoice.clone()],
                });
                let seq = self.emit(
                    t,
                    &["财务-王芳"],
                    Refs {
                        invoice: Some(sale.invoice.clone()),
                        ..Refs::default()
                    },
                    body,
                );
                if bad_account {
                    self.record("TTGK-S", seq, t);
                }
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
            Action::CustomerReturn { sale } => self.customer_return(t, date, &sale),
            Action::Release {
                doc,
                product,
                batch,
                quantity,
                codes,
            } => {
                let b = &mut self.batches[batch];
                b.on_hand += quantity;
                if !self.product_batches[product].contains(&batch) {
                    self.product_batches[product].push(batch);
                }
                let zone = self.world.zones[self.world.products[product].zone]
                    .id
                    .clone();
                let tdoc = self.doc("YK");
                self.emit(
                    t,
                    &["质管-周敏"],
                    Refs {
                        receipt: Some(doc),
                        ..Refs::default()
                    },
                    EventBody::Transfer(Transfer {
                        doc: tdoc,
                        reason: TransferReason::Release,
                        lines: vec![MoveLine {
                            product: self.world.products[product].code.clone(),
                            batch: self.batches[batch].batch.clone(),
                            quantity,
                            from: "RET".into(),
                            to: zone,
                            codes,
                        }],
                    }),
                );
            }
            Action::Refund {
                customer,
                credit_note,
                amount,
                sale,
            } => {
                let doc = self.doc("FK");
                let cust = &self.world.parties[self.world.customers[customer].party];
                let owner = &self.world.parties[OWNER];
                let body = EventBody::Payment(Payment {
                    doc,
                    direction: PaymentDirection::Outgoing,
                    payer: owner.id.clone(),
                    payee: cust.id.clone(),
                    payer_account: owner.account.clone(),
                    payee_account: cust.account.clone(),
                    amount: Money::cny(amount),
                    method: PaymentMethod::BankTransfer,
                    invoices: vec![credit_note.clone()],
                });
                self.emit(
                    t,
                    &["财务-王芳"],
                    Refs {
                        invoice: Some(credit_note),
                        sale: Some(sale),
                        ..Refs::default()
                    },
                    body,
                );
            }
            Action::Damage => {
                // A unit of an ordinary product found damaged in storage: quarantined, destroyed.
                let candidates: Vec<usize> = self
                    .product_batches
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|&b| {
                        let bt = &self.batches[b];
                        !self.special(bt.product) && bt.on_hand > bt.reserved + 5
                    })
                    .collect();
                if candidates.is_empty() {
                    return;
                }
                let b = candidates[(self.rng.next_u64() % candidates.len() as u64) as usize];
                let q = self.rng.range(1, 3);
                self.batches[b].on_hand -= q;
                let p = self.batches[b].product;
                let doc = self.doc("YK");
                let zone = self.world.zones[self.world.products[p].zone].id.clone();
                self.emit(
                    t,
                    &["养护-冯丽"],
                    Refs::default(),
                    EventBody::Transfer(Transfer {
                        doc: doc.clone(),
                        reason: TransferReason::Quarantine,
                        lines: vec![MoveLine {
                            product: self.world.products[p].code.clone(),
                            batch: self.batches[b].batch.clone(),
                            quantity: q,
                            from: zone,
                            to: "QA".into(),
                            codes: Vec::new(),
                        }],
                    }),
                );
                self.schedule(
                    t + Duration::days(5),
                    Action::Destroy {
                        product: p,
                        batch: b,
                        quantity: q,
                        quarantine_doc: doc,
                    },
                );
            }
            Action::Destroy {
                product,
                batch,
                quantity,
                quarantine_doc,
            } => {
                if self.plant("QUARANTINE") {
                    // Quarantined goods quietly moved back to stock, without a release.
                    self.batches[batch].on_hand += quantity;
                    if !self.product_batches[product].contains(&batch) {
                        self.product_batches[product].push(batch);
                    }
                    let doc = self.doc("YK");
                    let zone = self.world.zones[self.world.products[product].zone]
                        .id
                        .clone();
                    let seq = self.emit(
                        t,
                        &["保管-赵磊"],
                        Refs::default(),
                        EventBody::Transfer(Transfer {
                            doc,
                            reason: TransferReason::Relocation,
                            lines: vec![MoveLine {
                                product: self.world.products[product].code.clone(),
                                batch: self.batches[batch].batch.clone(),
                                quantity,
                                from: "QA".into(),
                                to: zone,
                                codes: Vec::new(),
                            }],
                        }),
                    );
                    self.record("QUARANTINE", seq, t);
                    return;
                }
                let doc = self.doc("XH");
                self.emit(
                    t,
                    &["质管-周敏", "保管-赵磊"],
                    Refs {
                        receipt: Some(quarantine_doc),
                        ..Refs::default()
                    },
                    EventBody::Destruction(rxledger_model::Destruction {
                        doc,
                        reason: "储存养护中发现外包装破损".into(),
                        method: "交由有资质的危废处置单位焚烧".into(),
                        lines: vec![OutLine {
                            product: self.world.products[product].code.clone(),
                            batch: self.batches[batch].batch.clone(),
                            quantity,
                            from: "QA".into(),
                            codes: Vec::new(),
                        }],
                        supervisors: Vec::new(),
                    }),
                );
            }
            Action::Count(z) => {
                let zone = self.world.zones[z].id.clone();
                let mut lines = Vec::new();
                for (p, list) in self.product_batches.iter().enumerate() {
                    if self.world.products[p].zone != z {
                        continue;
                    }
                    for &bi in list {
                        let b = &self.batches[bi];
                        if b.on_hand > 0 {
                            lines.push(rxledger_model::CountLine {
                                product: self.world.products[b.product].code.clone(),
                                batch: b.batch.clone(),
                                counted: b.on_hand,
                            });
                        }
                    }
                }
                if lines.is_empty() {
                    return;
                }
                let miscount = self.plant("STOCK-COUNT");
                if miscount {
                    lines[0].counted += 1;
                }
                let doc = self.doc("PD");
                let seq = self.emit(
                    t,
                    &["保管-赵磊", "质管-周敏"],
                    Refs::default(),
                    EventBody::StockCount(StockCount {
                        doc,
                        location: zone,
                        lines,
                    }),
                );
                if miscount {
                    self.record("STOCK-COUNT", seq, t);
                }
            }
            Action::Renew(p) => {
                let party = &self.world.parties[p];
                let from = self.licence_due[p] - Duration::days(30);
                let to = from + Duration::days(5 * 365);
                let licence = Licence {
                    number: party.licence.number.clone(),
                    kind: party.licence.kind,
                    valid_from: from,
                    valid_to: to,
                };
                self.licence_due[p] = to;
                let body = EventBody::LicenceChanged(LicenceChanged {
                    party: party.id.clone(),
                    licence,
                    scope: None,
                    accounts: None,
                    special: party.special.clone().map(|mut s| {
                        s.valid_to = to;
                        s
                    }),
                    reason: "许可证到期换证".into(),
                });
                self.emit(t, &["质管-周敏"], Refs::default(), body);
            }
            Action::VehicleReadings { vehicle, from, to } => {
                self.vehicle_readings(t, &vehicle, from, to);
            }
        }
    }

    fn isolate_vaccines(&mut self, t: DateTime<Utc>, z: usize) {
        let hit: Vec<usize> = self
            .product_batches
            .iter()
            .flatten()
            .copied()
            .filter(|&b| {
                let bt = &self.batches[b];
                self.world.products[bt.product].vaccine
                    && self.world.products[bt.product].zone == z
                    && bt.on_hand > bt.reserved
            })
            .collect();
        for b in hit {
            // Units already picked for a sale leave with it within hours; the rest is isolated.
            let q = self.batches[b].on_hand - self.batches[b].reserved;
            self.batches[b].on_hand -= q;
            let seq = self.batches[b].receipt_seq;
            self.manifest
                .retain(|p| !(p.rule == "VAC-DISPOSE" && p.seq == seq && p.certain_at > t));
            self.batches[b].abandoned = false;
            let p = self.batches[b].product;
            let doc = self.doc("YK");
            self.emit(
                t,
                &["质管-周敏"],
                Refs::default(),
                EventBody::Transfer(Transfer {
                    doc: doc.clone(),
                    reason: TransferReason::Quarantine,
                    lines: vec![MoveLine {
                        product: self.world.products[p].code.clone(),
                        batch: self.batches[b].batch.clone(),
                        quantity: q,
                        from: self.world.zones[z].id.clone(),
                        to: "QA".into(),
                        codes: Vec::new(),
                    }],
                }),
            );
            self.schedule(
                t + Duration::days(3),
                Action::Destroy {
                    product: p,
                    batch: b,
                    quantity: q,
                    quarantine_doc: doc,
                },
            );
        }
    }

    fn vehicle_readings(
        &mut self,
        t: DateTime<Utc>,
        vehicle: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) {
        let mut readings = Vec::new();
        let mut at_t = from;
        while at_t <= to {
            let c = 4.0 + self.rng.range(0, 30) as f64 / 10.0;
            readings.push(Reading {
                at: at_t,
                celsius: c,
                humidity: None,
            });
            at_t += Duration::minutes(5);
        }
        let sensor = format!(
            "TL-{}",
            vehicle
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
        );
        self.emit(
            t,
            &["系统-冷链监测"],
            Refs::default(),
            EventBody::TemperatureReading(TemperatureReading {
                sensor,
                zone: None,
                vehicle: Some(vehicle.to_owned()),
                readings,
            }),
        );
    }

    fn receive(&mut self, t: DateTime<Utc>, date: NaiveDate, po: &OpenPurchase) {
        let doc = self.doc("SH");
        let delivery_note = format!(
            "DN-{}-{}",
            self.world.parties[po.supplier].short,
            &po.po[2..]
        );
        let mut lines = Vec::new();
        let mut put = Vec::new();
        let mut inv = Vec::new();
        let mut cold = false;
        let mut acc_gate = false;
        let mut new_batches = Vec::new();
        let mut planted_sales = Vec::new();
        for &(p, q, price) in &po.lines {
            self.on_order[p] -= q;
            let prod = self.world.products[p].clone();
            cold |= prod.cold();
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
            // Planted ACC-GATE: rejected goods are put away with the accepted ones.
            let plant_acc = !prod.control.is_special() && q > 20 && self.plant("ACC-GATE");
            if plant_acc && rejected == 0 {
                rejected = 2;
            }
            acc_gate |= plant_acc;
            let accepted = q - rejected;
            // Planted EXPIRED / EXPIRED-NEAR: a short-dated batch, sold later.
            let mut expiry = expiry;
            let mut abandoned = false;
            if prod.vaccine && self.plant("VAC-DISPOSE") {
                // A short-dated vaccine batch left in the refrigerator past expiry.
                expiry = date + Duration::days(20);
                abandoned = true;
            } else if !prod.vaccine && self.plant("EXPIRED") {
                expiry = date + Duration::days(20);
                planted_sales.push((self.batches.len(), p, date + Duration::days(25), "EXPIRED"));
            } else if !prod.vaccine && self.plant("EXPIRED-NEAR") {
                expiry = date + Duration::days(30);
                planted_sales.push((
                    self.batches.len(),
                    p,
                    date + Duration::days(5),
                    "EXPIRED-NEAR",
                ));
            }
            let codes = self.new_codes(p, accepted);
            let b = self.batches.len();
            new_batches.push(b);
            self.batches.push(Batch {
                receipt_seq: 0,
                abandoned,
                product: p,
                batch: batch_no.clone(),
                expiry,
                on_hand: 0,
                reserved: 0,
                codes: VecDeque::new(),
                via_wholesaler: self.world.parties[po.supplier].kind
                    != rxledger_model::PartyKind::Manufacturer,
            });
            self.product_batches[p].push(b);
            lines.push(ReceiptLine {
                product: prod.code.clone(),
                batch: batch_no,
                production_date: production,
                expiry,
                arrived: q,
                accepted,
                rejected,
                reject_reason: (rejected > 0).then(|| "运输途中外箱破损".to_owned()),
                location: "RCV".into(),
                codes: codes.clone(),
            });
            put.push((b, if plant_acc { q } else { accepted }, codes));
            inv.push((p, accepted, price));
        }
        let mut cc_planted = false;
        let transport = if cold {
            self.vehicle_seq += 1;
            let vehicle = format!("沪B·C{:04}冷", 1000 + self.vehicle_seq % 9000);
            let shipped = t - Duration::hours(5);
            if self.plant("CC-RECEIPT") {
                cc_planted = true;
            } else {
                self.vehicle_readings(t, &vehicle, shipped, t);
            }
            Some(Transport {
                vehicle,
                shipped_at: shipped,
                cold_chain: true,
            })
        } else {
            None
        };
        let mut acceptors = self.two(
            po.lines.iter().map(|l| l.0),
            "验收-张伟",
            ["验收-张伟", "验收-王强"],
        );
        let one_acceptor = acceptors.len() == 2 && self.plant("SPECIAL-2P");
        if one_acceptor {
            acceptors.truncate(1);
        }
        let supplier = self.world.parties[po.supplier].id.clone();
        let rec_doc = self.plant("REC-DOC");
        let seq = self.emit(
            t,
            &acceptors,
            Refs {
                order: Some(po.po.clone()),
                delivery_note: (!rec_doc).then_some(delivery_note),
                ..Refs::default()
            },
            EventBody::Receipt(Receipt {
                doc: doc.clone(),
                supplier,
                lines,
                acceptors: acceptors.iter().map(|s| (*s).to_owned()).collect(),
                transport,
            }),
        );
        if rec_doc {
            self.record("REC-DOC", seq, t);
        }
        if one_acceptor {
            self.record("SPECIAL-2P", seq, t);
        }
        if cc_planted {
            self.record("CC-RECEIPT", seq, t);
        }
        for &b in &new_batches {
            self.batches[b].receipt_seq = seq;
            if self.batches[b].abandoned {
                let expired = (self.batches[b].expiry + Duration::days(1))
                    .and_hms_opt(0, 0, 0)
                    .unwrap_or_default()
                    .and_utc();
                self.record("VAC-DISPOSE", seq, expired + Duration::days(1));
                self.record("VAC-DISPOSE", seq, expired + Duration::days(30));
            }
        }
        for (batch, p, day, rule) in planted_sales {
            if let Some(customer) = self
                .world
                .customers
                .iter()
                .position(|c| c.buys.iter().any(|x| x.0 == p))
            {
                self.schedule(
                    at(day, 10, 15),
                    Action::PlantedSale {
                        customer,
                        batch,
                        rule,
                    },
                );
            }
        }
        self.schedule(
            t + Duration::minutes(90),
            Action::PutAway {
                receipt: doc.clone(),
                order: po.po.clone(),
                lines: put,
                planted: acc_gate,
            },
        );
        let days = i64::try_from(self.rng.range(0, 2)).unwrap_or(0);
        self.schedule(
            at(date + Duration::days(days), 17, 0),
            Action::PurchaseInvoice {
                order: po.po.clone(),
                receipt: doc,
                supplier: po.supplier,
                lines: inv,
            },
        );
    }

    fn sale_order(
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
        if self.plant("CUS-LIC") {
            // A sale booked to a buyer with no qualification file.
            let so = self.doc("XS");
            let prod = &self.world.products[product];
            let body = EventBody::Sale(Sale {
                doc: so,
                customer: "91330100MA2UNREG02".into(),
                channel: Channel::Wholesale,
                buyer_id: None,
                prescription: None,
                lines: vec![SaleLine {
                    product: prod.code.clone(),
                    batch: "UNKNOWN".into(),
                    expiry: date + Duration::days(365),
                    quantity: 5,
                    unit_price: Money::cny(prod.price),
                }],
            });
            let seq = self.emit(t, &["销售-陈静"], Refs::default(), body);
            self.record("CUS-LIC", seq, t);
        }
        if !self.special(product) && self.plant("NO-SOURCE") {
            // Goods sold and shipped under a batch number that never came in (forged source).
            let b = self.batches.len();
            let expiry = date + Duration::days(700);
            self.batches.push(Batch {
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
            let alloc = self.allocate_from(b, quantity);
            self.sale_with(
                t,
                customer,
                product,
                alloc,
                vec!["NO-SOURCE", "STOCK-NEG"],
                true,
            );
            return;
        }
        let controlled = self.special(product)
            || self.world.products[product].control
                == rxledger_model::ControlClass::CompoundEphedrine;
        let history = self
            .sales_count
            .get(&(customer, product))
            .copied()
            .unwrap_or(0);
        // Well above three times any trailing average of the last eight orders.
        let spike = self
            .sales_hist
            .get(&(customer, product))
            .and_then(|h| h.iter().max().copied())
            .unwrap_or(quantity)
            * 7
            / 2
            + 1;
        let mut quantity = quantity;
        let mut customer = customer;
        let mut plants = Vec::new();
        if controlled
            && history >= 4
            && self.available(product, date + Duration::days(200)) >= spike
            && self.plant("SOM")
        {
            quantity = spike;
            plants.push("SOM");
        } else if matches!(
            self.world.products[product].control,
            rxledger_model::ControlClass::Narcotic
        ) && self.plant("SPECIAL-CHANNEL")
        {
            // Narcotics diverted to a hospital in another province, without approval.
            customer = OUT_OF_PROVINCE;
            plants.push("SPECIAL-CHANNEL");
        }
        *self.sales_count.entry((customer, product)).or_insert(0) += 1;
        let hist = self.sales_hist.entry((customer, product)).or_default();
        hist.push_back(quantity);
        while hist.len() > 8 {
            hist.pop_front();
        }
        let alloc = self.allocate(product, quantity, date);
        let before = self.emitted;
        self.sale_with(t, customer, product, alloc, Vec::new(), !plants.is_empty());
        for rule in plants {
            self.record(rule, before + 1, t);
        }
    }

    fn allocate_from(&mut self, b: usize, q: u64) -> Vec<(usize, u64, Vec<String>)> {
        let batch = &mut self.batches[b];
        batch.reserved += q;
        let codes = (0..q).filter_map(|_| batch.codes.pop_front()).collect();
        vec![(b, q, codes)]
    }

    /// Books a sale of allocated stock and schedules its review, dispatch, invoice and payment.
    fn sale_with(
        &mut self,
        t: DateTime<Utc>,
        customer: usize,
        product: usize,
        alloc: Vec<(usize, u64, Vec<String>)>,
        mut at_dispatch: Vec<&'static str>,
        mut planted: bool,
    ) {
        let price = self.world.products[product].price;
        let so = self.doc("XS");
        let lines: Vec<SaleLine> = alloc
            .iter()
            .map(|(b, q, _)| SaleLine {
                product: self.world.products[product].code.clone(),
                batch: self.batches[*b].batch.clone(),
                expiry: self.batches[*b].expiry,
                quantity: *q,
                unit_price: Money::cny(price),
            })
            .collect();
        let cust: &CustomerDef = &self.world.customers[customer];
        let public = self.world.parties[cust.party].public_hospital;
        let party = self.world.parties[cust.party].id.clone();
        let seq = self.emit(
            t,
            &["销售-陈静"],
            Refs::default(),
            EventBody::Sale(Sale {
                doc: so.clone(),
                customer: party,
                channel: Channel::Wholesale,
                buyer_id: None,
                prescription: None,
                lines,
            }),
        );
        if public {
            for (b, _, _) in &alloc {
                if self.batches[*b].via_wholesaler {
                    self.record("TWO-INVOICE", seq, t);
                }
            }
        }
        let skip_review = self.plant("OUT-REV");
        if skip_review {
            at_dispatch.push("OUT-REV");
        }
        let skip_invoice = self.plant("UNINVOICED");
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

    fn customer_return(&mut self, t: DateTime<Utc>, date: NaiveDate, sale: &OpenSale) {
        let Some((p, b, q, price, _)) = sale.lines.first().cloned() else {
            return;
        };
        let rq = self.rng.range(1, q.min(5));
        let doc = self.doc("TH");
        let party = self.world.parties[self.world.customers[sale.customer].party]
            .id
            .clone();
        // Planted RETURN-ORIG: the return is booked to another customer than the sale's.
        let wrong = self.plant("RETURN-ORIG");
        let return_party = if wrong {
            let other = (sale.customer + 1) % self.world.customers.len();
            self.world.parties[self.world.customers[other].party]
                .id
                .clone()
        } else {
            party.clone()
        };
        let seq = self.emit(
            t,
            &["销售-陈静", "验收-张伟"],
            Refs {
                sale: Some(sale.so.clone()),
                delivery_note: Some(sale.delivery_note.clone()),
                invoice: Some(sale.invoice.clone()),
                ..Refs::default()
            },
            EventBody::CustomerReturn(rxledger_model::CustomerReturn {
                doc: doc.clone(),
                customer: return_party,
                reason: "客户订货数量有误".into(),
                lines: vec![InLine {
                    product: self.world.products[p].code.clone(),
                    batch: self.batches[b].batch.clone(),
                    quantity: rq,
                    to: "RET".into(),
                    codes: Vec::new(),
                }],
            }),
        );
        if wrong {
            self.record("RETURN-ORIG", seq, t);
        }
        let credit = self.doc("INV");
        let amount = price * i64::try_from(rq).unwrap_or(0);
        self.emit(
            t,
            &["财务-王芳"],
            Refs {
                sale: Some(sale.so.clone()),
                ..Refs::default()
            },
            EventBody::Invoice(Invoice {
                doc: credit.clone(),
                direction: InvoiceDirection::Sale,
                issuer: self.world.parties[OWNER].id.clone(),
                buyer: party,
                issued_on: date,
                lines: vec![InvoiceLine {
                    product: self.world.products[p].code.clone(),
                    quantity: rq,
                    unit_price: Money::cny(price),
                    amount: Money::cny(amount),
                }],
                total: Money::cny(amount),
                credit_for: Some(sale.invoice.clone()),
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
}

impl Iterator for Generator {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(e) = self.out.pop_front() {
                self.last_time = Some(e.occurred_at);
                return Some(e);
            }
            let Reverse((t, _, id)) = self.queue.pop()?;
            let action = self.actions.remove(&id)?;
            self.step(t, action);
        }
    }
}
