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
    /// The latest reading let go and the first kept after it, at the latest drop (a hole in
    /// the log between them breaks a run of readings).
    cut: Option<(DateTime<Utc>, DateTime<Utc>)>,
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
                log.cut = Some((at, q[stale].0));
            }
            q.drain(..stale);
        }
    }

    /// Whether readings of `vehicle` from `from` to `to` (a trip arriving at `arrival`) may
    /// have been let go: one from `from` on was dropped, or the vehicle is unknown and readings
    /// up to `to` would have been forgotten with it, idle.
    fn let_go(
        &self,
        vehicle: &str,
        (from, to): (DateTime<Utc>, DateTime<Utc>),
        arrival: DateTime<Utc>,
        gap: Duration,
    ) -> LetGo {
        // The vehicle's readings have moved on a week past the trip since: the receipt came late.
        let late = self.clock.is_some_and(|c| c - arrival > KEEP);
        match self.readings.get(vehicle) {
            Some(log) if log.dropped.is_some_and(|d| d >= from) => match log.cut {
                // A hole in the log, inside the trip, broke its run of readings.
                Some((a, b)) if b - a > gap && a >= from && b <= to => LetGo::Hole(b - a),
                _ => LetGo::Kept { late },
            },
            None if self.clock.is_some_and(|c| to < c - IDLE) => LetGo::Kept { late: true },
            _ => LetGo::No,
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

/// Whether a trip's readings were let go ([`Vehicles::let_go`]).
enum LetGo {
    /// All the trip's readings are kept, or none ever came.
    No,
    /// A hole of this length in the trip's log broke its run, and the readings before it went.
    Hole(Duration),
    /// Some or all went with time: a week past the trip (`late`), or a trip longer than the
    /// readings kept.
    Kept { late: bool },
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
    /// When the problem lies in the vehicle's series (the trip not covered; the readings out of
    /// range, first to last): the finding's interval, which the report charts.
    span: Option<(DateTime<Utc>, DateTime<Utc>)>,
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
                        cx.emit(trip.finding(m, v.span));
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
        let v = self.judge(cx, trip);
        if let Some(m) = v.problem {
            cx.emit(trip.finding(m, v.span));
        }
    }

    /// The open item of a receipt still waiting for its vehicle's readings at the end of the
    /// input, due at `due`.
    pub(super) fn cc_receipt_pending(&self, cx: &mut Ctx<'_>, trip: &Trip, due: DateTime<Utc>) {
        let v = self.judge(cx, trip);
        let Some(m) = v.problem else {
            return;
        };
        let gap = cx.cfg.thresholds.transport_gap_minutes;
        let f = trip.finding(m, v.span);
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
        let window = (trip.shipped_at - gap, trip.arrival + gap);
        let let_go = self
            .vehicles
            .let_go(&trip.vehicle, window, trip.arrival, gap);
        // The trip's readings, or some, are no longer kept; a hole that broke the trip's run is
        // told as the gap it is.
        let not_covered = |largest: Duration| Verdict {
            problem: Some(
                m.clone()
                    .arg("problem", term("not_covered"))
                    .arg("from", trip.shipped_at)
                    .arg("to", trip.arrival)
                    .arg("gap", duration_in(largest, Duration::minutes(1))),
            ),
            covered: false,
            span: Some((trip.shipped_at, trip.arrival)),
        };
        let not_kept = |late: bool| Verdict {
            problem: Some(
                m.clone()
                    .arg(
                        "problem",
                        term(if late { "not_kept_late" } else { "not_kept" }),
                    )
                    .arg("from", trip.shipped_at)
                    .arg("to", trip.arrival)
                    .arg("limit", gap.num_minutes()),
            ),
            covered: false,
            span: None,
        };
        if readings.is_empty() {
            match let_go {
                LetGo::Hole(hole) => return not_covered(hole),
                LetGo::Kept { late } => return not_kept(late),
                LetGo::No => {}
            }
            // Judged when the log was due (the settle window after arrival), or sooner: readings
            // that come later are not counted, and the sentence says by when (round 20).
            let by = trip.arrival + Duration::hours(cx.cfg.thresholds.logger_settle_hours);
            return Verdict {
                problem: Some(
                    m.arg("problem", term("no_readings"))
                        .arg("by", by)
                        .arg("hours", cx.cfg.thresholds.logger_settle_hours),
                ),
                covered: false,
                span: None,
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
        let after_first = readings
            .windows(2)
            .map(|w| super::clock::since(w[1].0, w[0].0))
            .chain(
                readings
                    .last()
                    .map(|r| super::clock::since(trip.arrival, r.0)),
            )
            .max()
            .unwrap_or_else(Duration::zero);
        let before_first = readings.first().map_or_else(Duration::zero, |r| {
            super::clock::since(r.0, trip.shipped_at)
        });
        let max_gap = after_first.max(before_first);
        if !covered_start || !covered_end || max_gap > gap {
            return match let_go {
                // The stretch from shipping to the first reading kept is the readings let go,
                // not a gap: the hole, or a gap among the readings kept or at arrival.
                LetGo::Hole(hole) => not_covered(hole.max(after_first)),
                LetGo::Kept { late } => not_kept(late),
                LetGo::No => not_covered(max_gap),
            };
        }
        // Readings up to `gap` beyond the trip prove that the logger covered its ends; only
        // those of the trip itself (shipping to acceptance) are judged against the range: before
        // it the truck is pre-cooling, after it the goods are in store and the logger runs on
        // through unloading.
        let bad: Vec<(DateTime<Utc>, f64)> = readings
            .iter()
            .filter(|(at, _)| *at >= trip.shipped_at && *at <= trip.arrival)
            .filter(|(_, c)| outside(&trip.range, *c))
            .copied()
            .collect();
        // The first reading out of range, and the one farthest out (round 20: the sentence gave
        // neither when nor how far).
        let (Some(&(first, first_c)), Some(&(last, _))) = (bad.first(), bad.last()) else {
            return Verdict {
                problem: None,
                covered: true,
                span: None,
            };
        };
        let beyond = |c: f64| (trip.range.min_c - c).max(c - trip.range.max_c);
        // The first of equally far ones (`max_by` keeps the last it meets).
        let worst = bad
            .iter()
            .rev()
            .map(|&(_, c)| c)
            .max_by(|a, b| beyond(*a).total_cmp(&beyond(*b)))
            .unwrap_or(first_c);
        Verdict {
            problem: Some(
                m.arg("problem", term("out_of_range"))
                    .arg("readings", bad.len())
                    .arg("min", celsius(trip.range.min_c))
                    .arg("max", celsius(trip.range.max_c))
                    .arg("first", first)
                    .arg("worst", celsius(worst)),
            ),
            covered: true,
            span: Some((first, last)),
        }
    }
}

impl Trip {
    /// The `CC-RECEIPT` finding of this receipt with the problem `m`: at its vehicle, over
    /// `span` when the problem lies in the vehicle's readings.
    fn finding(&self, m: Msg, span: Option<(DateTime<Utc>, DateTime<Utc>)>) -> Finding {
        let m = m.arg("goods", term(self.goods));
        let actual = with_facts("cc-receipt-actual", &m);
        let f = Finding::new(Rule::CcReceipt, self.seq, m)
            .party(&self.supplier)
            .product(&self.product)
            .location(&self.vehicle)
            .figures(Msg::new("cc-receipt-expected"), actual);
        match span {
            Some((from, to)) => f.interval(from, to),
            None => f,
        }
    }
}
