//! Planting violations, one module per rule family:
//!
//! | module | rules |
//! |---|---|
//! | [`documents`] | REC-DOC, OUT-REV, ACC-GATE |
//! | [`money`] | TTGK-P, TTGK-S, UNINVOICED, UNPAID, ORPHAN |
//! | [`stock`] | STOCK-NEG, STOCK-COUNT, NO-SOURCE, EXPIRED, EXPIRED-NEAR, QUARANTINE, RETURN-ORIG |
//! | [`qualification`] | SUP-LIC, CUS-LIC, TWO-INVOICE |
//! | [`records`] | LATE-ENTRY |
//! | [`cold_chain`] | TEMP-ZONE, TEMP-RANGE, TEMP-GAP, CC-RECEIPT |
//! | [`vaccines`] | VAC-DISPOSE |
//! | [`special`] | SPECIAL-CHANNEL, SPECIAL-CASH, SPECIAL-2P, SPECIAL-LOSS, SPECIAL-DESTROY, EPH-RETAIL, SOM |
//! | [`codes`] | SPECIAL-CHAIN, CODE-DUP, CODE-UNKNOWN, CODE-FORMAT |
//! | [`temp_integrity`] | TEMP-COPY, TEMP-FLAT, TEMP-BACKFILL, TEMP-FUTURE, TEMP-SENSOR, TEMP-CONFLICT |
//!
//! The simulation calls a family's hooks where a violation can be planted. A hook asks the
//! randomness gate ([`Generator::plant`]) whether to plant, alters the event or the flow, and
//! records the finding in the manifest: at once when it knows the record's seq, or through
//! [`Marks`] that the simulation stamps with the seq of the record it then emits. Planted flows
//! of their own are [`Planting`] actions, scheduled by the families' daily hooks ([`on_day`]) or
//! after a receipt.
//!
//! The gate draws from the simulation's random stream, so a hook must consult it exactly where
//! (and in the order) the stream expects; a hook that consults it elsewhere changes every
//! ledger generated with violations.

pub(crate) mod codes;
pub(crate) mod cold_chain;
pub(crate) mod documents;
pub(crate) mod money;
pub(crate) mod qualification;
pub(crate) mod records;
pub(crate) mod special;
pub(crate) mod stock;
pub(crate) mod temp_integrity;
pub(crate) mod vaccines;

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Generator, Planted};

/// Planting settings, what the families remember between opportunities, and the manifest.
pub(crate) struct State {
    /// Probability of planting at each opportunity.
    violations: f64,
    /// Rules to plant (empty = all).
    rules: Vec<String>,
    /// Every planted finding, in planting order.
    pub(crate) manifest: Vec<Planted>,
    codes: codes::State,
    money: money::State,
    special: special::State,
    temp: temp_integrity::State,
}

impl State {
    /// Settings from the generator's configuration.
    pub(crate) fn new(violations: f64, rules: Vec<String>) -> Self {
        State {
            violations,
            rules,
            manifest: Vec::new(),
            codes: codes::State::default(),
            money: money::State::default(),
            special: special::State::default(),
            temp: temp_integrity::State::default(),
        }
    }
}

/// A planted flow of its own, run as an action of the simulation.
#[derive(Clone, Debug)]
pub(crate) enum Planting {
    /// STOCK-NEG: a loss booked against a location that holds none of the batch.
    Loss,
    /// TEMP-ZONE: an ambient product parked in the cool store for an hour.
    Zone,
    /// SPECIAL-DESTROY (`destroy`) or SPECIAL-LOSS: two controlled units leave stock.
    Special { destroy: bool },
    /// EXPIRED or EXPIRED-NEAR: a sale of a short-dated batch.
    Sale {
        customer: usize,
        batch: usize,
        rule: &'static str,
    },
    /// TEMP-BACKFILL: an outgoing trip's log, held back and uploaded late.
    LateTripLog {
        vehicle: String,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
}

/// Runs a planted flow at `t`.
pub(crate) fn run(g: &mut Generator, t: DateTime<Utc>, p: Planting) {
    match p {
        Planting::Loss => stock::loss(g, t),
        Planting::Zone => cold_chain::wrong_zone(g, t),
        Planting::Special { destroy } => special::loss_or_destruction(g, t, destroy),
        Planting::Sale {
            customer,
            batch,
            rule,
        } => stock::short_dated_sale(g, t, customer, batch, rule),
        Planting::LateTripLog { vehicle, from, to } => {
            temp_integrity::late_trip_log(g, t, &vehicle, from, to);
        }
    }
}

/// The daily opportunities, at the start of each day.
pub(crate) fn on_day(g: &mut Generator, date: NaiveDate) {
    stock::on_day(g, date);
    cold_chain::on_day(g, date);
    special::on_day(g, date);
}

/// Findings decided before the record they name exists: (rule, certain at).
#[derive(Debug, Default)]
pub(crate) struct Marks(Vec<(&'static str, DateTime<Utc>)>);

impl Marks {
    /// A finding of `rule`, certain at `certain_at`.
    pub(crate) fn add(&mut self, rule: &'static str, certain_at: DateTime<Utc>) {
        self.0.push((rule, certain_at));
    }

    /// Nothing planted.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Generator {
    /// Decides whether to plant `rule` at this opportunity. Consumes no randomness when
    /// violations are off, so clean ledgers do not depend on the planting code.
    pub(crate) fn plant(&mut self, rule: &'static str) -> bool {
        let s = &self.plants;
        if s.violations <= 0.0 || !(s.rules.is_empty() || s.rules.iter().any(|r| r == rule)) {
            return false;
        }
        self.rng.chance(self.plants.violations)
    }

    /// Records a planted finding of `rule` naming record `seq`.
    pub(crate) fn record(&mut self, rule: &'static str, seq: u64, certain_at: DateTime<Utc>) {
        self.plants.manifest.push(Planted {
            rule,
            seq,
            certain_at,
        });
    }

    /// Records `marks` as findings naming record `seq`.
    pub(crate) fn stamp(&mut self, seq: u64, marks: Marks) {
        for (rule, certain_at) in marks.0 {
            self.record(rule, seq, certain_at);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::PLANTABLE;

    /// Every plantable rule belongs to exactly one family, and every family's rule is plantable.
    #[test]
    fn families_cover_plantable() {
        let families = [
            documents::RULES,
            money::RULES,
            stock::RULES,
            qualification::RULES,
            records::RULES,
            cold_chain::RULES,
            vaccines::RULES,
            special::RULES,
            codes::RULES,
            temp_integrity::RULES,
        ];
        let all: Vec<&str> = families.iter().flat_map(|f| f.iter().copied()).collect();
        let unique: BTreeSet<&str> = all.iter().copied().collect();
        assert_eq!(all.len(), unique.len(), "a rule in two families");
        let plantable: BTreeSet<&str> = PLANTABLE.iter().copied().collect();
        assert_eq!(plantable.len(), PLANTABLE.len());
        assert_eq!(unique, plantable);
    }
}
