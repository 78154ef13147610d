//! Stock per product, batch and location, and what is known of each batch.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use hashbrown::HashMap;
use rxledger_model::movements::{movements, MovementKind};
use rxledger_model::{EventBody, PartyKind};

use super::master::Master;
use super::{count_down, key, pb, Id};
use crate::engine::ctx::{Due, Ev, Scheduler};
use crate::Config;

/// What is known of a batch.
#[derive(Debug, Default)]
#[allow(clippy::struct_excessive_bools)] // independent facts about one batch
pub(crate) struct Batch {
    pub expiry: Option<NaiveDate>,
    /// Some receipt recorded it.
    pub received: bool,
    /// Quantity that passed acceptance, over all receipts, and units customers returned to a
    /// location outside quarantine: `ACC-GATE` at a dispatch of a batch none of which passed.
    pub accepted: u64,
    /// `ACC-GATE`'s room: per location outside quarantine, units that passed acceptance there
    /// and were not yet put away or moved on (see `families::stock::gate`); empty ones removed.
    pub room: Vec<(Id, u64)>,
    /// Some receipt came from a qualified supplier.
    pub qualified_source: bool,
    /// Every supplier of this batch was a manufacturer (or a group sales company).
    pub from_manufacturer: bool,
    /// `ACC-GATE` reported this batch already.
    pub acc_gate_reported: bool,
    pub last_activity: Option<DateTime<Utc>>,
}

/// Stock of a product batch at a location that went below zero with an event.
#[derive(Debug)]
pub(crate) struct Negative {
    pub product: String,
    pub batch: String,
    pub location: String,
    /// The (negative) movement.
    pub delta: i64,
    pub before: i64,
    pub after: i64,
}

/// Stock and batches.
#[derive(Default)]
pub(crate) struct Stock {
    /// Location -> (product, batch) -> quantity (zero quantities are removed).
    pub at: HashMap<Id, HashMap<(Id, Id), i64>>,
    pub batches: HashMap<(Id, Id), Batch>,
    /// (product, batch) -> the number of locations in `at` holding it: whether a batch is
    /// still in stock somewhere, without asking every location.
    held: HashMap<(Id, Id), u32>,
    /// Stock that went negative with the last event, in movement order.
    pub negatives: Vec<Negative>,
}

impl Stock {
    /// Receipts record their batches; put-aways open the record of a batch never received;
    /// every goods movement changes stock. Receipt lines are forgotten after the return window
    /// (see [`Stock::forget_batch`]).
    pub fn apply(
        &mut self,
        ev: &Ev<'_>,
        master: &Master,
        cfg: &Config,
        sched: &mut Scheduler,
        now: Option<DateTime<Utc>>,
    ) {
        self.negatives.clear();
        let e = ev.e;
        match &e.body {
            EventBody::Receipt(r) => {
                let qualified = master
                    .qualification(
                        &r.supplier,
                        ev.date,
                        r.lines.iter().map(|l| l.product.as_str()),
                    )
                    .is_ok();
                let from_mfr = master
                    .parties
                    .get(&r.supplier)
                    .is_some_and(|p| p.kind == PartyKind::Manufacturer)
                    || cfg
                        .thresholds
                        .group_sales_companies
                        .iter()
                        .any(|g| g == r.supplier);
                for l in &r.lines {
                    let b = self
                        .batches
                        .entry(key(&l.product, &l.batch))
                        .or_insert_with(|| Batch {
                            from_manufacturer: true,
                            ..Batch::default()
                        });
                    b.expiry = Some(l.expiry);
                    b.received = true;
                    b.accepted = b.accepted.saturating_add(l.accepted);
                    b.qualified_source |= qualified;
                    b.from_manufacturer &= from_mfr;
                    b.last_activity = now;
                }
            }
            EventBody::PutAway(m) => {
                for l in &m.lines {
                    self.batches.entry(key(&l.product, &l.batch)).or_default();
                }
            }
            EventBody::CustomerReturn(r) => {
                // Units returned into quarantine or returns come back to stock by a release or
                // a put-away from there, which ACC-GATE does not count: counted here as well,
                // they would make room for as many rejected units (round 26, A1).
                let quarantine = &cfg.thresholds.quarantine_locations;
                for l in r
                    .lines
                    .iter()
                    .filter(|l| !quarantine.iter().any(|q| *q == l.to))
                {
                    if let Some(b) = self.batches.get_mut(&key(&l.product, &l.batch)) {
                        b.accepted = b.accepted.saturating_add(l.quantity);
                    }
                }
            }
            _ => {}
        }
        for m in movements(e) {
            // A receipt line that accepted nothing moves nothing.
            if m.kind == MovementKind::Receipt && m.delta <= 0 {
                continue;
            }
            self.add(m.product, m.batch, m.location, m.delta, now);
        }
        if let EventBody::Receipt(r) = &e.body {
            let forget = e.occurred_at + Duration::days(cfg.thresholds.return_window_days);
            for l in &r.lines {
                sched.at(forget, Due::ForgetBatch(key(&l.product, &l.batch)));
            }
        }
    }

    /// Moves stock; notes stock that goes below zero.
    fn add(&mut self, p: &str, b: &str, loc: &str, delta: i64, now: Option<DateTime<Utc>>) {
        let locmap = match self.at.get_mut(loc) {
            Some(m) => m,
            None => self.at.entry(Id::from(loc)).or_default(),
        };
        let before = locmap.get(&pb(p, b)).copied().unwrap_or(0);
        // Saturating: no ledger can make stock wrap around (quantities are bounded at validation,
        // but not their running sum).
        let after = before.saturating_add(delta);
        if after == 0 {
            if locmap.remove(&pb(p, b)).is_some() {
                count_down(&mut self.held, &pb(p, b));
            }
        } else if let Some(q) = locmap.get_mut(&pb(p, b)) {
            *q = after;
        } else {
            locmap.insert(key(p, b), after);
            match self.held.get_mut(&pb(p, b)) {
                Some(n) => *n += 1,
                None => {
                    self.held.insert(key(p, b), 1);
                }
            }
        }
        if after < 0 && delta < 0 {
            self.negatives.push(Negative {
                product: p.to_owned(),
                batch: b.to_owned(),
                location: loc.to_owned(),
                delta,
                before,
                after,
            });
        }
        if let Some(bt) = self.batches.get_mut(&pb(p, b)) {
            bt.last_activity = now;
        }
    }

    /// Quantity of a batch at a location.
    pub fn quantity(&self, loc: &str, p: &str, b: &str) -> i64 {
        self.at
            .get(loc)
            .and_then(|m| m.get(&pb(p, b)))
            .copied()
            .unwrap_or(0)
    }

    /// Forgets a batch record once it has no stock and no activity within the return window;
    /// otherwise looks again a window later.
    pub fn forget_batch(
        &mut self,
        k: (Id, Id),
        cfg: &Config,
        sched: &mut Scheduler,
        now: Option<DateTime<Utc>>,
    ) {
        let window = Duration::days(cfg.thresholds.return_window_days);
        let in_stock = self.held.contains_key(&k);
        let recent = self
            .batches
            .get(&k)
            .and_then(|b| b.last_activity)
            .is_some_and(|t| now.is_some_and(|n| n - t < window));
        if in_stock || recent {
            // At least a day later, so that a zero window cannot loop.
            let later = window.max(Duration::days(1));
            sched.at(now.unwrap_or_default() + later, Due::ForgetBatch(k));
        } else {
            self.batches.remove(&k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The count of locations holding each batch says what asking every location says,
        /// whatever the movements (in and out, to zero, below zero and back).
        #[test]
        fn held_is_what_every_location_holds(
            moves in proptest::collection::vec((0u8..3, 0u8..3, 0u8..4, -3i64..4), 0..120),
        ) {
            let mut stock = Stock::default();
            for (p, b, loc, delta) in moves {
                let (p, b, loc) = (format!("P{p}"), format!("B{b}"), format!("L{loc}"));
                stock.add(&p, &b, &loc, delta, None);
                for p in ["P0", "P1", "P2"] {
                    for b in ["B0", "B1", "B2"] {
                        let asked = stock.at.values().any(|m| m.contains_key(&pb(p, b)));
                        proptest::prop_assert_eq!(stock.held.contains_key(&pb(p, b)), asked);
                    }
                }
            }
        }
    }
}
