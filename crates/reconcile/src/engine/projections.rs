//! The shared projections: what the ledger says the world looks like after each event. Rule
//! families read them; they are kept here, in one place, so that every family sees the same
//! state and no family derives it again.
//!
//! * [`master`]: parties (licences, scope, accounts, designations), the owner, products and
//!   storage zones.
//! * [`stock`]: quantities per product, batch and location (from
//!   [`rxledger_model::movements::movements`], the one derivation of goods movements), and what
//!   is known of each batch (expiry, acceptance, source).
//! * [`documents`]: purchase orders, sales, goods per order or sale against what was invoiced,
//!   invoices (net of credit notes) and what was paid on them.
//! * [`codes`]: where each unit traceability code is, and which codes packs contain.
//!
//! [`Projections::apply`] updates all of them once per event, before the families look at the
//! event, and leaves what changed for them to judge: stock that went negative, and per line the
//! codes that were malformed, unknown, duplicated or elsewhere. Findings that depend on how a
//! line compares with the lines before it in the same document keep their running counts on the
//! records (arrivals per order line, reviewed and dispatched quantities per sale line for
//! `OUT-REV`, returned quantities for `RETURN-ORIG`, put-away quantities for `ACC-GATE`); the
//! rule that owns a count updates it as it checks each line. Records are forgotten by deadlines
//! (see [`Due`]) once no rule can need them.

pub(crate) mod codes;
pub(crate) mod documents;
pub(crate) mod lines;
pub(crate) mod master;
pub(crate) mod stock;

use chrono::{DateTime, Utc};

use super::ctx::{Due, Ev, Scheduler};
use crate::Config;

/// Saturating conversion of a quantity.
pub(crate) fn qty(q: u64) -> i64 {
    i64::try_from(q).unwrap_or(i64::MAX)
}

/// A key or id the projections keep (document, product, batch, party, location): stored inline,
/// in the map's slot, up to 24 bytes (all of them in practice), so that keeping one allocates
/// nothing and comparing one reads no other memory. Hashes, compares and orders as its `str`.
pub(crate) type Id = compact_str::CompactString;

/// Takes one from `k`'s count in `counts`, forgetting the key at zero (a count of how many
/// places hold something: packs holding a unit, locations holding a batch).
pub(crate) fn count_down<K, Q>(counts: &mut hashbrown::HashMap<K, u32>, k: &Q)
where
    K: std::hash::Hash + Eq,
    Q: std::hash::Hash + hashbrown::Equivalent<K> + ?Sized,
{
    if let Some(n) = counts.get_mut(k) {
        *n -= 1;
        if *n == 0 {
            counts.remove(k);
        }
    }
}

/// An owned (product, batch) key.
pub(crate) fn key(p: &str, b: &str) -> (Id, Id) {
    (Id::from(p), Id::from(b))
}

/// A borrowed two-part key: looks up a map keyed by an owned pair without building the pair.
/// Hashes exactly as the owned pair does: a tuple hashes its fields in order, and a `str`
/// hashes as an [`Id`] (or a `String`). Made by [`pb`] and [`doc_key`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct RefKey<A, B>(A, B);

impl<A: std::hash::Hash, B: std::hash::Hash> std::hash::Hash for RefKey<A, B> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
        self.1.hash(state);
    }
}

impl<A: PartialEq<KA>, B: PartialEq<KB>, KA, KB> hashbrown::Equivalent<(KA, KB)> for RefKey<A, B> {
    fn equivalent(&self, key: &(KA, KB)) -> bool {
        self.0 == key.0 && self.1 == key.1
    }
}

/// A borrowed (product, batch) key, for maps keyed by `(Id, Id)`.
pub(crate) fn pb<'a>(product: &'a str, batch: &'a str) -> RefKey<&'a str, &'a str> {
    RefKey(product, batch)
}

/// A borrowed (side, document) key, for maps keyed by `(Dir, Id)`.
pub(crate) fn doc_key(dir: documents::Dir, doc: &str) -> RefKey<documents::Dir, &str> {
    RefKey(dir, doc)
}

/// Every projection.
#[derive(Default)]
pub(crate) struct Projections {
    /// Master data.
    pub master: master::Master,
    /// Stock and batches.
    pub stock: stock::Stock,
    /// Documents.
    pub docs: documents::Documents,
    /// Unit codes.
    pub codes: codes::Codes,
}

impl Projections {
    /// Updates every projection with the event `ev`, at ledger time `now`; sets the deadlines
    /// that forget records.
    pub fn apply(
        &mut self,
        ev: &Ev<'_>,
        cfg: &Config,
        sched: &mut Scheduler,
        now: Option<DateTime<Utc>>,
    ) {
        self.master.apply(ev.e);
        self.stock.apply(ev, &self.master, cfg, sched, now);
        self.docs.apply(ev, &self.master, cfg, sched, now);
        self.codes.apply(ev, cfg);
    }

    /// A deadline of the projections themselves.
    pub fn on_due(
        &mut self,
        d: Due,
        cfg: &Config,
        sched: &mut Scheduler,
        now: Option<DateTime<Utc>>,
    ) {
        match d {
            Due::ForgetBatch(k) => self.stock.forget_batch(k, cfg, sched, now),
            Due::Documents(d) => self.docs.on_due(d, cfg, sched, now),
            Due::ColdChain(_) => {}
        }
    }
}

/// Running totals that saturate instead of wrapping: events are validated (quantities and
/// amounts are bounded, `docs/format.md`), but the engine must not panic or wrap on records that
/// were not (older ledgers, the raw API).
pub(crate) trait Total<T> {
    /// `*self += x`, saturating.
    fn add_sat(&mut self, x: T);
    /// `*self -= x`, saturating.
    fn sub_sat(&mut self, x: T);
}

impl Total<i64> for i64 {
    fn add_sat(&mut self, x: i64) {
        *self = self.saturating_add(x);
    }
    fn sub_sat(&mut self, x: i64) {
        *self = self.saturating_sub(x);
    }
}

impl Total<u64> for u64 {
    fn add_sat(&mut self, x: u64) {
        *self = self.saturating_add(x);
    }
    fn sub_sat(&mut self, x: u64) {
        *self = self.saturating_sub(x);
    }
}
