//! `CC-RECEIPT`: a receipt accepting cold-chain goods or vaccines came by a temperature-controlled
//! vehicle whose readings cover the trip, in range.
//!
//! A truck's logger is read out at the dock and uploaded after the receipt is recorded, so the
//! readings of a trip may arrive after its receipt. A receipt whose trip the readings already
//! cover (in range or not) is judged at once; otherwise it waits `logger_settle_hours` after the
//! arrival and is then judged on every reading that arrived meanwhile. What the receipt itself
//! says (no transport record, a vehicle that is not temperature-controlled) is certain at once.
//! Readings are kept per vehicle across uploads ([`Vehicles`]), so the order of uploads does
//! not matter either.

use chrono::{DateTime, Duration, Utc};
use hashbrown::HashMap;
use rxledger_model::{Reading, TempRange};

use super::{intersect, outside, Band, ColdChain, ColdDue, StreamKind};
use crate::engine::ctx::{Ctx, Due, Ev};
use crate::engine::facts::{celsius, duration_in, term, with_facts};
use crate::engine::projections::Id;
use crate::{Finding, Msg, Pending, Rule};

/// How long a vehicle's readings are kept before its latest one: longer than a road trip. A
/// run of readings (no gap over the transport limit) that reaches into it is kept whole, back
/// to [`IDLE`]: a rail or sea trip of ten days, logged throughout, is still covered.
const KEEP: Duration = Duration::days(7);

/// A vehicle whose latest reading is this long before the ledger's clock is forgotten with its
/// readings (a receipt recorded that long after its trip finds none): vehicles come and go, and
/// a wholesaler's suppliers and carriers use tens of thousands in a year.
const IDLE: Duration = Duration::days(30);

/// A vehicle's recent readings, merged across uploads, in time order.
#[derive(Default)]
struct Log {
    readings: Vec<(DateTime<Utc>, f64)>,
    /// The latest reading no longer kept: a trip before it cannot be judged on what is kept.
    dropped: Option<DateTime<Utc>>,
}

/// Recent readings of every vehicle.
#[derive(Default)]
pub(super) struct Vehicles {
    readings: HashMap<Id, Log>,
    /// The latest `occurred_at` of an upload.
    clock: Option<DateTime<Utc>>,
    /// The week of the clock at the latest sweep of idle vehicles.
    swept_week: i64,
}

impl Vehicles {
    /// Moves the clock to `now` (an upload's `occurred_at`, if later); once a week of it,
    /// forgets the vehicles [`IDLE`] since their latest reading, and gives back the room of
    /// the others' readings forgotten since.
    pub fn tick(&mut self, now: DateTime<Utc>) {
        let clock = self.clock.map_or(now, |c| c.max(now));
        self.clock = Some(clock);
        let week = clock.timestamp().div_euclid(7 * 86_400);
        if week <= self.swept_week {
            return;
        }
        self.swept_week = week;
        let idle = clock - IDLE;
        self.readings
            .retain(|_, log| log.readings.last().is_some_and(|&(at, _)| at >= idle));
        for log in self.readings.values_mut() {
            let q = &mut log.readings;
            if q.capacity() > q.len() + q.len() / 4 + 4 {
                q.shrink_to_fit();
            }
        }
    }

    /// Adds an upload of `vehicle`; forgets its readings older than [`KEEP`] before its latest,
    /// except the run (readings no more than `gap` apart) that reaches into them, kept back to
    /// [`IDLE`] before the latest.
    pub fn add(&mut self, vehicle: &str, readings: &[Reading], gap: Duration) {
        let log = self.readings.entry(Id::from(vehicle)).or_default();
        let q = &mut log.readings;
        let old = q.len();
        q.extend(readings.iter().map(|r| (r.at, r.celsius)));
        // The readings kept are in time order: a stable sort changes nothing when the new ones
        // are in order after them (as a logger's are).
        if !q[old.saturating_sub(1)..].is_sorted_by_key(|r| r.0) {
            q.sort_by_key(|r| r.0);
        }
        if let Some(&(last, _)) = q.last() {
            // In time order, the readings to keep are the last ones.
            let from = last - KEEP;
            let floor = last - IDLE;
            let mut stale = q.partition_point(|(at, _)| *at < from);
            while stale > 0 && q[stale - 1].0 >= floor && q[stale].0 - q[stale - 1].0 <= gap {
                stale -= 1;
            }
            if let Some(&(at, _)) = stale.checked_sub(1).and_then(|i| q.get(i)) {
                log.dropped = Some(log.dropped.map_or(at, |d| d.max(at)));
            }
            q.drain(..stale);
        }
    }

    /// Whether readings of `vehicle` from `from` to `to` may have been let go: one from `from`
    /// on was dropped, or the vehicle is unknown and readings up to `to` would have been
    /// forgotten with it, idle.
    fn let_go(&self, vehicle: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> bool {
        match self.readings.get(vehicle) {
            Some(log) => log.dropped.is_some_and(|d| d >= from),
            None => self.clock.is_some_and(|c| to < c - IDLE),
        }
    }

    /// The readings of `vehicle` from `from` to `to`, in time order.
    fn between(
        &self,
        vehicle: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<(DateTime<Utc>, f64)> {
        self.readings
            .get(vehicle)
            .map(|log| {
                log.readings
                    .iter()
                    .copied()
                    .filter(|(at, _)| *at >= from && *at <= to)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A cold-chain receipt by a temperature-controlled vehicle, as its judgement needs it.
#[derive(Clone, Debug)]
pub(crate) struct Trip {
    seq: u64,
    doc: Id,
    supplier: Id,
    /// The first cold-chain product accepted.
    product: Id,
    /// The range every accepted cold-chain product allows.
    range: TempRange,
    /// `vaccines` or `cold_chain`.
    goods: &'static str,
    vehicle: Id,
    shipped_at: DateTime<Utc>,
    arrival: DateTime<Utc>,
}

/// What the readings of a trip show.
struct Verdict {
    /// The problem, as facts of `cc-receipt` (none when the trip is covered and in range).
    problem: Option<Msg>,
    /// The readings cover the trip (from shipping to arrival, no gap over the limit).
    covered: bool,
}

impl ColdChain {
    /// `CC-RECEIPT` at a receipt: certain at once when the receipt has no temperature-controlled
    /// transport or the readings already cover the trip; otherwise judged when the logger's
    /// settle window after the arrival has passed.
    pub(super) fn cc_receipt(
        &mut self,
        cx: &mut Ctx<'_>,
        ev: &Ev<'_>,
        r: &rxledger_model::Receipt,
    ) {
        let products = &cx.proj.master.products;
        let cold: Vec<(&str, TempRange, bool)> = r
            .lines
            .iter()
            .filter(|l| l.accepted > 0)
            .filter_map(|l| {
                products
                    .get(&l.product)
                    .filter(|p| p.cold || p.vaccine)
                    .map(|p| (l.product.as_str(), p.range, p.vaccine))
            })
            .collect();
        let Some(&(first_product, first_range, _)) = cold.first() else {
            return;
        };
        let range = intersect(first_range, cold.iter().skip(1).map(|c| c.1));
        let arrival = ev.e.occurred_at;
        if let Some(t) = &r.transport {
            if let Some(series) = self.traced(StreamKind::Vehicle, &t.vehicle) {
                // The trip is judged against the goods' range: draw it on the vehicle's chart.
                series.add_band(Band {
                    from: t.shipped_at,
                    to: arrival,
                    range,
                });
            }
        }
        let goods = if cold.iter().any(|c| c.2) {
            "vaccines"
        } else {
            "cold_chain"
        };
        let m = Msg::new("cc-receipt").arg("doc", &r.doc);
        let problem = match &r.transport {
            None => m.arg("problem", term("no_transport")),
            Some(t) if !t.cold_chain => m
                .arg("problem", term("not_cold_chain"))
                .arg("vehicle", &t.vehicle),
            Some(t) => {
                let trip = Trip {
                    seq: ev.seq,
                    doc: r.doc.clone(),
                    supplier: r.supplier.clone(),
                    product: Id::from(first_product),
                    range,
                    goods,
                    vehicle: t.vehicle.clone(),
                    shipped_at: t.shipped_at,
                    arrival,
                };
                let settle = Duration::hours(cx.cfg.thresholds.logger_settle_hours);
                let v = self.judge(cx, &trip);
                if v.covered || settle <= Duration::zero() {
                    if let Some(m) = v.problem {
                        cx.emit(trip.finding(m));
                    }
                } else {
                    let due = Due::ColdChain(ColdDue::Receipt(Box::new(trip)));
                    cx.schedule(arrival + settle, due);
                }
                return;
            }
        };
        let m = problem.arg("goods", term(goods));
        let actual = with_facts("cc-receipt-actual", &m);
        let f = Finding::new(Rule::CcReceipt, ev.seq, m)
            .party(&r.supplier)
            .product(first_product)
            .figures(Msg::new("cc-receipt-expected"), actual);
        cx.emit(f);
    }

    /// `CC-RECEIPT` when the logger's settle window of `trip` passed: judged on every reading
    /// of the vehicle now known.
    pub(super) fn cc_receipt_due(&self, cx: &mut Ctx<'_>, trip: &Trip) {
        if let Some(m) = self.judge(cx, trip).problem {
            cx.emit(trip.finding(m));
        }
    }

    /// The open item of a receipt still waiting for its vehicle's readings at the end of the
    /// input, due at `due`.
    pub(super) fn cc_receipt_pending(&self, cx: &mut Ctx<'_>, trip: &Trip, due: DateTime<Utc>) {
        let Some(m) = self.judge(cx, trip).problem else {
            return;
        };
        let gap = cx.cfg.thresholds.transport_gap_minutes;
        let f = trip.finding(m);
        let pending = with_facts("cc-receipt-pending", &f.message);
        let closed_by = Msg::new("cc-receipt-closed-by")
            .arg("vehicle", &trip.vehicle)
            .arg("from", trip.shipped_at)
            .arg("to", trip.arrival)
            .arg("limit", gap)
            .arg("min", celsius(trip.range.min_c))
            .arg("max", celsius(trip.range.max_c));
        let mut p = Pending::of(f, due, closed_by);
        p.message = pending;
        cx.out.pending(p);
    }

    /// Judges `trip` on the readings of its vehicle known now.
    fn judge(&self, cx: &Ctx<'_>, trip: &Trip) -> Verdict {
        let gap = Duration::minutes(cx.cfg.thresholds.transport_gap_minutes);
        let readings =
            self.vehicles
                .between(&trip.vehicle, trip.shipped_at - gap, trip.arrival + gap);
        let m = Msg::new("cc-receipt")
            .arg("doc", &trip.doc)
            .arg("vehicle", &trip.vehicle);
        let (from, to) = (trip.shipped_at - gap, trip.arrival + gap);
        // The trip's readings, or some, are no longer kept: the receipt came too long after it.
        let not_kept = || Verdict {
            problem: Some(
                m.clone()
                    .arg("problem", term("not_kept"))
                    .arg("from", trip.shipped_at)
                    .arg("to", trip.arrival),
            ),
            covered: false,
        };
        if readings.is_empty() {
            if self.vehicles.let_go(&trip.vehicle, from, to) {
                return not_kept();
            }
            return Verdict {
                problem: Some(m.arg("problem", term("no_readings"))),
                covered: false,
            };
        }
        let covered_start = readings
            .first()
            .is_some_and(|(at, _)| *at <= trip.shipped_at + gap);
        let covered_end = readings
            .last()
            .is_some_and(|(at, _)| *at >= trip.arrival - gap);
        // The largest stretch of the trip without a reading: between two readings, or from
        // shipping to the first or from the last to acceptance (a hole at an end is a gap too).
        let ends = [
            readings
                .first()
                .map(|r| super::clock::since(r.0, trip.shipped_at)),
            readings
                .last()
                .map(|r| super::clock::since(trip.arrival, r.0)),
        ];
        let max_gap = readings
            .windows(2)
            .map(|w| super::clock::since(w[1].0, w[0].0))
            .chain(ends.into_iter().flatten())
            .max()
            .unwrap_or_else(Duration::zero);
        if !covered_start || !covered_end || max_gap > gap {
            if self.vehicles.let_go(&trip.vehicle, from, to) {
                return not_kept();
            }
            let m = m
                .arg("problem", term("not_covered"))
                .arg("from", trip.shipped_at)
                .arg("to", trip.arrival)
                .arg("gap", duration_in(max_gap, Duration::minutes(1)));
            return Verdict {
                problem: Some(m),
                covered: false,
            };
        }
        // Readings up to `gap` beyond the trip prove that the logger covered its ends; only
        // those of the trip itself (shipping to acceptance) are judged against the range: before
        // it the truck is pre-cooling, after it the goods are in store and the logger runs on
        // through unloading.
        let bad = readings
            .iter()
            .filter(|(at, _)| *at >= trip.shipped_at && *at <= trip.arrival)
            .filter(|(_, c)| outside(&trip.range, *c))
            .count();
        let problem = (bad > 0).then(|| {
            m.arg("problem", term("out_of_range"))
                .arg("readings", bad)
                .arg("min", celsius(trip.range.min_c))
                .arg("max", celsius(trip.range.max_c))
        });
        Verdict {
            problem,
            covered: true,
        }
    }
}

impl Trip {
    /// The `CC-RECEIPT` finding of this receipt with the problem `m`.
    fn finding(&self, m: Msg) -> Finding {
        let m = m.arg("goods", term(self.goods));
        let actual = with_facts("cc-receipt-actual", &m);
        Finding::new(Rule::CcReceipt, self.seq, m)
            .party(&self.supplier)
            .product(&self.product)
            .figures(Msg::new("cc-receipt-expected"), actual)
    }
}
