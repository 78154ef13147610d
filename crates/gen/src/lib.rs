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
//!
//! With [`GenConfig::violations`] above zero the generator *plants* violations of the
//! reconciliation rules ([`PLANTABLE`]) and keeps a manifest of the findings a reconciliation
//! must report ([`Generator::manifest`]).
//!
//! # Layout
//!
//! - `world`: the master data (parties, catalogue, zones, customers' buying habits).
//! - `sim`: the simulation. A time-ordered queue of actions (`sim::Action`); each action is one
//!   step of a flow: `sim::day` (the daily schedule, replenishment, customer orders),
//!   `sim::purchase` (order, receipt, put-away, purchase invoice and payment), `sim::sale`
//!   (order, review, dispatch, invoice, payment), `sim::returns` (customer returns, release,
//!   refund), `sim::warehouse` (damage, destruction, stale vaccines, counts, licence renewals)
//!   and `sim::temperature` (storage and vehicle readings, isolation after an excursion).
//! - `plant`: the violations, one module per rule family (`plant::documents`, `plant::money`,
//!   `plant::stock`, `plant::qualification`, `plant::records`, `plant::cold_chain`,
//!   `plant::vaccines`, `plant::special`, `plant::codes`, `plant::temp_integrity`). The
//!   simulation calls the family's hooks at the points where a violation can be planted; a hook decides through the
//!   randomness gate (`Generator::plant`, which consumes no randomness when violations
//!   are off), alters the event or the flow, and records the manifest entry. Planted
//!   flows that are not a variation of a normal step (a loss booked against an empty location,
//!   a sale of a short-dated batch, …) are actions of their own (`plant::Planting`).
//! - `pair`: a customer's own ledger derived from the wholesaler's ([`customer_ledger`]).
//! - `sensors`: long temperature logs for report benchmarks ([`sensors::sensor_log`]).
//!
//! Adding a rule is a change in its family's module (the hook and the family's `RULES`; a unit
//! test checks that the families together plant exactly [`PLANTABLE`]) plus its code in
//! [`PLANTABLE`]; a new planting opportunity adds one hook call in the simulation. Simulation
//! and planting draw from one random stream, so a hook must stay where the simulation reaches
//! it: moving a hook (or a gate call inside one) changes every ledger generated with
//! violations. A new rule's gate changes the ledgers generated with all rules; clean ledgers,
//! and those limited by [`GenConfig::rules`] to other rules, stay the same.
#![forbid(unsafe_code)]

mod pair;
mod plant;
pub mod sensors;
mod sim;
mod world;

pub use pair::customer_ledger;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};

use chrono::{DateTime, NaiveDate, Utc};
use rxledger_model::Event;
use world::World;

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
    "TEMP-COPY",
    "TEMP-FLAT",
    "TEMP-BACKFILL",
    "TEMP-FUTURE",
    "TEMP-SENSOR",
    "TEMP-CONFLICT",
];

/// Largest `scale` of [`Generator::scaled`] (ids of copies carry the lane's number).
pub const MAX_SCALE: u32 = world::MAX_LANES;

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

/// The generator; an iterator of events in time order.
///
/// One random stream drives both the simulation and the planting, so the order in which they
/// draw from it is part of the output (see the crate docs).
pub struct Generator {
    rng: Rng,
    world: World,
    /// Time of the action being simulated (document numbers carry its date).
    now: DateTime<Utc>,
    /// Pending actions by (time, scheduling order, action id).
    queue: BinaryHeap<Reverse<(DateTime<Utc>, u64, usize)>>,
    actions: BTreeMap<usize, sim::Action>,
    next_action: usize,
    order: u64,
    /// Events emitted and not yet returned by the iterator.
    out: VecDeque<Event>,
    /// Events emitted so far (the last one's seq).
    emitted: u64,
    /// Time of the last event returned by the iterator.
    last_time: Option<DateTime<Utc>>,
    /// Running document numbers per prefix.
    counters: BTreeMap<&'static str, u64>,
    batches: Vec<sim::Batch>,
    /// product -> indices into `batches`
    product_batches: Vec<Vec<usize>>,
    on_order: Vec<u64>,
    /// Last unit-code serial per product.
    serials: Vec<u64>,
    /// Last batch serial per product.
    serials_batch: Vec<u64>,
    /// Licence expiry per party.
    licence_due: Vec<NaiveDate>,
    vehicle_seq: u64,
    /// Planting settings, family state and the manifest.
    plants: plant::State,
}

impl Generator {
    /// A generator for `config`.
    pub fn new(config: GenConfig) -> Self {
        Generator::scaled(config, 1)
    }

    /// A generator for `config` simulating a wholesaler `scale` times the default one: each
    /// step of scale adds a *lane*, its own copy of the six customers, the fifteen products and
    /// the four storage zones (with new ids), supplied by the same manufacturers. The event mix
    /// stays that of the default ledger; the events per simulated day grow with `scale` (about
    /// 33,000 events per simulated year per lane, so `scale` 300 gives about 10 million a year).
    /// `scale` 1 (or 0) is [`Generator::new`], event for event; at most [`MAX_SCALE`] lanes.
    /// Planting works the same in every lane.
    pub fn scaled(config: GenConfig, scale: u32) -> Self {
        let world = World::scaled(scale);
        let n = world.products.len();
        let mut g = Generator {
            rng: Rng::new(config.seed),
            now: sim::at(config.start, 0, 0),
            queue: BinaryHeap::new(),
            actions: BTreeMap::new(),
            next_action: 0,
            order: 0,
            out: VecDeque::new(),
            emitted: 0,
            last_time: None,
            counters: BTreeMap::new(),
            batches: Vec::new(),
            product_batches: vec![Vec::new(); n],
            on_order: vec![0; n],
            serials: vec![0; n],
            serials_batch: vec![0; n],
            licence_due: world.parties.iter().map(|p| p.licence.valid_to).collect(),
            vehicle_seq: 0,
            plants: plant::State::new(config.violations, config.rules),
            world,
        };
        g.start(config.start);
        g
    }

    /// The violations planted so far that are certain by `end` (the last event's time) and lie
    /// within the first `events` records: what a reconciliation of that ledger must report.
    pub fn manifest(&self, events: u64) -> Vec<Planted> {
        let end = self.last_time;
        let mut m: Vec<Planted> = self
            .plants
            .manifest
            .iter()
            .filter(|p| p.seq <= events && end.is_some_and(|e| p.certain_at <= e))
            .cloned()
            .collect();
        m.sort_by(|a, b| (a.seq, a.rule).cmp(&(b.seq, b.rule)));
        m
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
