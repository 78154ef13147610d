//! Cold chain and vaccines: products stored in unsuitable zones (`TEMP-ZONE`), temperature
//! excursions with their mean kinetic temperature (`TEMP-RANGE`), recording gaps (`TEMP-GAP`),
//! cold-chain receipts without transport evidence (`CC-RECEIPT`), and vaccines not isolated or
//! disposed of in time (`VAC-DISPOSE`).
//!
//! This family keeps the temperature streams: each zone is one continuous stream, each vehicle
//! upload one trip; the recent readings of each vehicle are kept for the receipts it delivers,
//! which wait for them for `logger_settle_hours` ([`receipt`]). While tracing, it also keeps
//! each series for charts ([`series`]) and the real readings around each excursion and gap
//! ([`closeup`]).

mod clock;
mod closeup;
mod pooled;
mod receipt;
mod series;

pub(crate) use clock::Micros;
pub use closeup::{
    closeup_window, Closeup, Problem, CLOSEUPS_MAX_READINGS, CLOSEUP_MAX_PAD_SECS,
    CLOSEUP_MAX_READINGS, CLOSEUP_MIN_PAD_SECS, RECENT_MAX_READINGS,
};
pub use series::{mkt, Band, StreamKind, TempSeries};

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use hashbrown::HashMap;
use rxledger_model::{EventBody, Reading, TempRange};

use super::Family;
use crate::engine::ctx::{Ctx, Due, Ev};
use crate::engine::facts::{celsius, duration_in, term, with_facts};
use crate::engine::projections::{pb, Id};
use crate::{Finding, Msg, Pending, Rule};
use closeup::Detail;
use receipt::{Trip, Vehicles};

/// Deadlines of the vaccine rules.
#[derive(Debug)]
pub(crate) enum ColdDue {
    /// Vaccines in a zone hit by an excursion must have left it.
    VacIsolate {
        product: Id,
        batch: Id,
        zone: Id,
        seq: u64,
    },
    /// Expired vaccines (since `expired`) must be isolated (in quarantine), or destroyed
    /// (`dispose`).
    VacExpired {
        product: Id,
        batch: Id,
        seq: u64,
        dispose: bool,
        expired: DateTime<Utc>,
    },
    /// A cold-chain receipt waits for its vehicle's readings (`CC-RECEIPT`).
    Receipt(Box<Trip>),
}

/// An excursion being followed.
#[derive(Clone, Debug)]
struct Excursion {
    start: DateTime<Utc>,
    last: DateTime<Utc>,
    peak: f64,
    samples: Vec<f64>,
    first_seq: u64,
}

/// A stream of readings: a zone, or one vehicle trip.
#[derive(Default)]
struct Stream {
    last: Option<DateTime<Utc>>,
    excursion: Option<Excursion>,
    /// The range the open excursion is judged against (zones).
    range: Option<TempRange>,
    /// The record of the last reading.
    last_seq: u64,
}

/// The cold-chain family.
#[derive(Default)]
pub(crate) struct ColdChain {
    /// Zone streams, by zone.
    zones: HashMap<Id, Stream>,
    /// Recent vehicle readings, for cold-chain receipts.
    vehicles: Vehicles,
    /// Outgoing cold shipments waiting for their vehicle's readings: vehicle -> (dispatch time,
    /// range, dispatch seq).
    outgoing: HashMap<Id, (DateTime<Utc>, TempRange, u64)>,
    /// Series kept for charts, when tracing is on.
    trace: Option<Trace>,
    /// Zones fed by several sensors, whose gaps are judged in time order ([`pooled`]).
    pools: pooled::Pools,
}

/// The series kept for charts, and the readings kept for their close-ups.
struct Trace {
    series: BTreeMap<(StreamKind, Id), (TempSeries, Detail)>,
    /// Readings close-ups may still keep ([`CLOSEUPS_MAX_READINGS`] in all).
    budget: usize,
}

fn outside(r: &TempRange, c: f64) -> bool {
    c < r.min_c || c > r.max_c
}

/// The tightest range that satisfies all of `ranges`.
fn intersect(first: TempRange, ranges: impl Iterator<Item = TempRange>) -> TempRange {
    ranges.fold(first, |a, b| TempRange {
        min_c: a.min_c.max(b.min_c),
        max_c: a.max_c.min(b.max_c),
    })
}

impl Family for ColdChain {
    fn id(&self) -> crate::Family {
        crate::Family::ColdChain
    }

    fn on_event(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>) {
        self.pooled_clock(cx, ev.e.occurred_at);
        // Each kind of event is handled out of line, so that the others pass by cheaply.
        match &ev.e.body {
            EventBody::ZoneRegistered(z) => self.zone_sensors(&z.zone, &z.sensors),
            EventBody::TemperatureReading(t) => {
                if t.vehicle.is_some() {
                    self.vehicles.tick(ev.e.occurred_at);
                }
                self.upload(cx, ev.seq, t);
            }
            EventBody::PutAway(rxledger_model::PutAway { lines, .. })
            | EventBody::Transfer(rxledger_model::Transfer { lines, .. }) => {
                moved_in(cx, ev.seq, lines);
            }
            EventBody::Receipt(r) => {
                for l in r.lines.iter().filter(|l| l.accepted > 0) {
                    temp_zone(cx, ev.seq, &l.product, &l.batch, &l.location);
                }
                self.receipt(cx, ev, r);
            }
            EventBody::Dispatch(d) => self.dispatch(cx, ev, d),
            _ => {}
        }
    }

    fn on_due(&mut self, cx: &mut Ctx<'_>, due: &Due) {
        match due {
            Due::ColdChain(ColdDue::Receipt(trip)) => self.cc_receipt_due(cx, trip),
            Due::ColdChain(d) => vac_due(cx, d, None),
            _ => {}
        }
    }

    fn pending(
        &mut self,
        cx: &mut Ctx<'_>,
        at: DateTime<Utc>,
        due: &Due,
        now: Option<DateTime<Utc>>,
    ) {
        match due {
            Due::ColdChain(ColdDue::Receipt(trip)) => self.cc_receipt_pending(cx, trip, at),
            // Expired vaccines are an open item once they expired; before that, nothing is
            // open yet.
            Due::ColdChain(ColdDue::VacExpired { expired, .. })
                if now.is_none_or(|n| n < *expired) => {}
            Due::ColdChain(d) => vac_due(cx, d, Some(at)),
            _ => {}
        }
    }

    /// A zone still outside its range at its last reading is an excursion too (it ends, as
    /// far as the ledger knows, at that reading).
    fn finish(&mut self, cx: &mut Ctx<'_>) {
        // What pooled zones' readings still wait for is judged on what is known.
        self.judge_pooled(cx, None);
        let mut open: Vec<(&Id, Excursion, TempRange, u64)> = self
            .zones
            .iter_mut()
            .filter_map(|(name, st)| {
                let e = st.excursion.take()?;
                Some((name, e, st.range?, st.last_seq))
            })
            .collect();
        open.sort_by(|a, b| a.0.cmp(b.0));
        for (name, e, range, seq) in open {
            // (Its close-up, when the series was taken before, ended there already.)
            let kept = self.trace.as_mut().map(|t| &mut t.series);
            if let Some((_, detail)) =
                kept.and_then(|t| t.get_mut(&(StreamKind::Zone, name.clone())))
            {
                detail.ended(e.start, e.last);
            }
            let stream = (StreamKind::Zone, name.as_str());
            let f = excursion(cx, seq, stream, &range, &e, e.last);
            cx.emit(f);
        }
    }
}

impl ColdChain {
    /// A temperature upload (record `seq`): a zone's readings continue its stream; a vehicle's
    /// are kept for receipts and are one trip, judged against the range of the cold shipment
    /// dispatched with it.
    #[inline(never)]
    fn upload(&mut self, cx: &mut Ctx<'_>, seq: u64, t: &rxledger_model::TemperatureReading) {
        if let Some(zone) = &t.zone {
            let range = cx.proj.master.zones.get(zone).copied();
            let gap = Duration::minutes(cx.cfg.thresholds.storage_gap_minutes);
            let kind = (StreamKind::Zone, zone.as_str());
            let judged = range.map(|r| (r, DateTime::<Utc>::MIN_UTC));
            let pooled = self.pooled_upload(cx, (zone, &t.sensor), seq, range, &t.readings);
            // A pooled zone's gaps are judged once its readings settled, in time order.
            let gap = (!pooled).then_some(gap);
            self.stream(cx, seq, kind, judged, &t.readings, gap);
        } else if let Some(v) = &t.vehicle {
            let gap = Duration::minutes(cx.cfg.thresholds.transport_gap_minutes);
            self.vehicles.add(v, &t.readings, gap);
            // The vehicle's next upload with readings from one hour before the cold dispatch on
            // is its trip: those readings are judged against the goods' range (the earlier ones,
            // pre-cooling or the trip before, are not), and the dispatch waits no longer. An
            // upload of only earlier readings is not the trip, and later uploads (the empty
            // return leg, the next day's ambient goods) are judged against nothing.
            let judged = self.outgoing.get(v).and_then(|(at, range, _)| {
                let from = *at - Duration::hours(1);
                t.readings
                    .iter()
                    .any(|r| r.at >= from)
                    .then_some((*range, from))
            });
            if judged.is_some() {
                self.outgoing.remove(v);
            }
            let kind = (StreamKind::Vehicle, v.as_str());
            // Only a cold trip's readings are held to the transport limit on gaps: an upload
            // judged against no range (the return leg, ambient goods, a parked truck, a
            // supplier's trip, which CC-RECEIPT judges) is not.
            let gap = judged.is_some().then_some(gap);
            self.stream(cx, seq, kind, judged, &t.readings, gap);
        }
    }

    /// A receipt: `VAC-DISPOSE` deadlines and `CC-RECEIPT`.
    #[inline(never)]
    fn receipt(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>, r: &rxledger_model::Receipt) {
        vaccine_deadlines(cx, ev, r);
        self.cc_receipt(cx, ev, r);
    }

    /// A dispatch by a vehicle carrying cold-chain goods: the vehicle's next upload is judged
    /// against the range they all allow.
    #[inline(never)]
    fn dispatch(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>, d: &rxledger_model::Dispatch) {
        let Some(v) = &d.vehicle else { return };
        let products = &cx.proj.master.products;
        let mut ranges = d
            .lines
            .iter()
            .filter_map(|l| products.get(&l.product))
            .filter(|p| p.cold)
            .map(|p| p.range);
        if let Some(first) = ranges.next() {
            let range = intersect(first, ranges);
            self.outgoing
                .insert(v.clone(), (ev.e.occurred_at, range, ev.seq));
        }
    }

    /// Starts keeping every reading for charts.
    pub fn trace_temperatures(&mut self) {
        self.trace.get_or_insert_with(|| Trace {
            series: BTreeMap::new(),
            budget: CLOSEUPS_MAX_READINGS,
        });
    }

    /// The series kept so far (empty when tracing is off), each with its close-ups: those
    /// still open end with the readings.
    pub fn temperature_series(&mut self) -> Vec<TempSeries> {
        let Some(trace) = self.trace.as_mut() else {
            return Vec::new();
        };
        let mut budget = trace.budget;
        let out = std::mem::take(&mut trace.series)
            .into_values()
            .map(|(mut series, detail)| {
                series.closeups = detail.finish(&mut budget);
                series
            })
            .collect();
        trace.budget = budget;
        out
    }

    /// The kept series of a zone or vehicle, when tracing is on.
    fn traced(&mut self, kind: StreamKind, name: &str) -> Option<&mut TempSeries> {
        kept(&mut self.trace, kind, name).map(|t| t.0)
    }

    /// `TEMP-GAP` and `TEMP-RANGE` over the readings of one stream (a zone, or one trip of a
    /// vehicle) judged against a range from a time on (`judged`): gaps longer than `gap_limit`
    /// (none judged here when `None`: a pooled zone's, [`pooled`])
    /// (shorter during an excursion), and excursions that ended. A trip's excursion ends with
    /// the trip. When tracing, the readings go to the series and the close-ups of its problems.
    fn stream(
        &mut self,
        cx: &mut Ctx<'_>,
        seq: u64,
        (kind, name): (StreamKind, &str),
        judged: Option<(TempRange, DateTime<Utc>)>,
        readings: &[Reading],
        gap_limit: Option<Duration>,
    ) {
        let range = judged.map(|j| j.0);
        let from = judged.map_or(DateTime::<Utc>::MIN_UTC, |j| j.1);
        let mut traced = kept(&mut self.trace, kind, name);
        if let Some((series, _, _)) = &mut traced {
            series.add(readings, range);
        }
        let (normal, during) = gap_limits(cx.cfg, gap_limit.unwrap_or(Duration::MAX));
        let mut trip = Stream::default();
        let st = match kind {
            StreamKind::Zone => self.zones.entry(Id::from(name)).or_default(),
            StreamKind::Vehicle => &mut trip,
        };
        st.range = range;
        st.last_seq = seq;
        // The latest reading's time, kept in a local while the readings are read (the helpers
        // below look only at the excursion). A reading not after it (a re-upload of earlier
        // readings, another sensor's upload of a stretch already covered) does not move it back,
        // so the next reading's gap is measured from the latest reading of the zone, not from
        // a re-sent one.
        let mut last = st.last;
        for r in readings {
            // Gaps within the judged readings only (a trip's from the hour before its dispatch).
            if let Some(prev) = last.filter(|p| gap_limit.is_some() && *p >= from) {
                let limit = if st.excursion.is_some() {
                    &during
                } else {
                    &normal
                };
                if limit.exceeded(r.at, prev) {
                    let during = st.excursion.is_some();
                    let f = gap_finding(seq, (kind, name), (prev, r.at), limit.delta, during);
                    cx.emit(f);
                    if let Some((_, detail, budget)) = &mut traced {
                        detail.start(Problem::Gap, prev, Some(r.at), budget);
                    }
                }
            }
            last = Some(last.map_or(r.at, |l| l.max(r.at)));
            if let Some(range) = range.filter(|_| r.at >= from) {
                if outside(&range, r.celsius) {
                    excursion_reading(st, seq, &range, r, &mut traced);
                } else if st.excursion.is_some() {
                    excursion_ended(cx, seq, (kind, name), &range, st, r.at, &mut traced);
                }
            }
            if let Some((_, detail, budget)) = &mut traced {
                detail.reading(r.at.timestamp(), r.celsius, budget);
            }
        }
        st.last = last;
        if kind == StreamKind::Vehicle {
            // A trip's excursion ends with its last reading outside the range.
            let last_outside = st.excursion.as_ref().map(|e| e.last);
            if let (Some(at), Some(range)) = (last_outside, range) {
                excursion_ended(cx, seq, (kind, name), &range, st, at, &mut traced);
            }
        }
    }
}

/// A kept series, the readings kept for its close-ups, and how many more close-ups may keep
/// (when tracing is on).
type Traced<'a> = Option<(&'a mut TempSeries, &'a mut Detail, &'a mut usize)>;

/// A reading `r` (of record `seq`) outside `range`: it starts or continues the excursion of
/// `st`. (Out of line: the loop over readings stays small.)
#[inline(never)]
fn excursion_reading(
    st: &mut Stream,
    seq: u64,
    range: &TempRange,
    r: &Reading,
    traced: &mut Traced<'_>,
) {
    if st.excursion.is_none() {
        if let Some((_, detail, budget)) = traced {
            detail.start(Problem::Excursion, r.at, None, budget);
        }
    }
    let e = st.excursion.get_or_insert(Excursion {
        start: r.at,
        last: r.at,
        peak: r.celsius,
        samples: Vec::new(),
        first_seq: seq,
    });
    e.last = r.at;
    let further = if r.celsius > range.max_c {
        r.celsius > e.peak
    } else {
        r.celsius < e.peak
    };
    if further {
        e.peak = r.celsius;
    }
    e.samples.push(r.celsius);
}

/// The excursion of `st` ended at `at` (by a reading in range, or by the end of a trip), in an
/// upload of record `seq`: its `TEMP-RANGE` finding.
#[cold]
#[inline(never)]
fn excursion_ended(
    cx: &mut Ctx<'_>,
    seq: u64,
    stream: (StreamKind, &str),
    range: &TempRange,
    st: &mut Stream,
    at: DateTime<Utc>,
    traced: &mut Traced<'_>,
) {
    if let Some(e) = st.excursion.take() {
        if let Some((_, detail, _)) = traced {
            detail.ended(e.start, at);
        }
        let f = excursion(cx, seq, stream, range, &e, at);
        cx.emit(f);
    }
}

/// The kept series of a zone or vehicle, the readings kept for its close-ups, and how many
/// more close-ups may keep, when tracing is on.
fn kept<'a>(trace: &'a mut Option<Trace>, kind: StreamKind, name: &str) -> Traced<'a> {
    let Trace { series, budget } = trace.as_mut()?;
    let (s, d) = series
        .entry((kind, Id::from(name)))
        .or_insert_with(|| (TempSeries::new(kind, name), Detail::default()));
    Some((s, d, budget))
}

/// The `TEMP-GAP` finding of a gap of `stream` between readings at `from` and `to`, longer
/// The limits on a gap between readings, out of an excursion (`gap`) and during one (the
/// excursion limit, when it is the shorter).
fn gap_limits(cfg: &crate::Config, gap: Duration) -> (clock::Limit, clock::Limit) {
    let exc_gap = Duration::minutes(cfg.thresholds.excursion_gap_minutes);
    (clock::Limit::new(gap), clock::Limit::new(exc_gap.min(gap)))
}

/// than `limit` (in the state of `st`: during an excursion or not).
#[cold]
#[inline(never)]
fn gap_finding(
    seq: u64,
    (kind, name): (StreamKind, &str),
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    limit: Duration,
    during: bool,
) -> Finding {
    let gap = to - from;
    let state = if during { "excursion" } else { "normal" };
    let m = Msg::new("temp-gap")
        .arg("kind", term(kind.as_str()))
        .arg("name", name)
        .arg("from", from)
        .arg("to", to)
        .arg("minutes", duration_in(gap, Duration::minutes(1)))
        .arg("limit", limit.num_minutes())
        .arg("state", term(state));
    Finding::new(Rule::TempGap, seq, m)
        .location(name)
        .interval(from, to)
        .figures(
            Msg::new("temp-gap-expected").arg("minutes", limit.num_minutes()),
            Msg::new("temp-gap-actual").arg("minutes", duration_in(gap, Duration::minutes(1))),
        )
}

/// `TEMP-ZONE` over the lines of a put-away or transfer (record `seq`).
#[inline(never)]
fn moved_in(cx: &mut Ctx<'_>, seq: u64, lines: &[rxledger_model::MoveLine]) {
    for l in lines {
        temp_zone(cx, seq, &l.product, &l.batch, &l.to);
    }
}

/// `TEMP-ZONE`: a product put away or moved into a zone whose range is not inside its own.
fn temp_zone(cx: &mut Ctx<'_>, seq: u64, product: &str, batch: &str, to: &str) {
    let master = &cx.proj.master;
    let (Some(zone), Some(p)) = (master.zones.get(to), master.products.get(product)) else {
        return;
    };
    let need = p.range;
    if zone.min_c >= need.min_c && zone.max_c <= need.max_c {
        return;
    }
    let range = |r: &TempRange| {
        Msg::new("temp-zone-range")
            .arg("min", celsius(r.min_c))
            .arg("max", celsius(r.max_c))
    };
    let m = Msg::new("temp-zone")
        .arg("product", product)
        .arg("batch", batch)
        .arg("min", celsius(need.min_c))
        .arg("max", celsius(need.max_c))
        .arg("zone", to)
        .arg("zone_min", celsius(zone.min_c))
        .arg("zone_max", celsius(zone.max_c));
    let f = Finding::new(Rule::TempZone, seq, m)
        .product(product)
        .batch(batch)
        .location(to)
        .figures(range(&need), range(zone));
    cx.out.emit(f);
}

/// The `TEMP-RANGE` finding of an excursion of `stream` that ended at `end`. Vaccines in stock
/// in an excursion-hit zone must be isolated within the threshold (`VAC-DISPOSE`).
fn excursion(
    cx: &mut Ctx<'_>,
    seq: u64,
    (kind, name): (StreamKind, &str),
    range: &TempRange,
    e: &Excursion,
    end: DateTime<Utc>,
) -> Finding {
    // As TEMP-GAP's: whole minutes when whole, else the fewest decimals that show it is not
    // (an excursion of 10 min 1 s read "10 min" beside a gap of "2.02 min", round 16).
    let minutes = duration_in(end - e.start, Duration::minutes(1));
    let m = mkt(&e.samples, cx.cfg.thresholds.mkt_activation_kj_mol);
    if kind == StreamKind::Zone {
        let deadline = end + Duration::days(cx.cfg.thresholds.vac_isolate_days);
        let master = &cx.proj.master;
        let mut batches: Vec<&(Id, Id)> = cx
            .proj
            .stock
            .at
            .get(name)
            .into_iter()
            .flatten()
            .filter(|(k, q)| {
                **q > 0 && master.products.get(k.0.as_str()).is_some_and(|x| x.vaccine)
            })
            .map(|(k, _)| k)
            .collect();
        // In a fixed order, so that deadlines at the same time report in a fixed order.
        batches.sort_unstable();
        for (p, b) in batches {
            let isolate = ColdDue::VacIsolate {
                product: p.clone(),
                batch: b.clone(),
                zone: Id::from(name),
                seq,
            };
            cx.sched.at(deadline, Due::ColdChain(isolate));
        }
    }
    let msg = Msg::new("temp-range")
        .arg("kind", term(kind.as_str()))
        .arg("name", name)
        .arg("from", e.start)
        .arg("to", end)
        .arg("minutes", minutes)
        .arg("peak", celsius(e.peak))
        .arg("mkt", celsius(m))
        .arg("min", celsius(range.min_c))
        .arg("max", celsius(range.max_c));
    let expected = with_facts("temp-range-expected", &msg);
    let actual = with_facts("temp-range-actual", &msg);
    Finding::new(Rule::TempRange, seq, msg)
        .location(name)
        .interval(e.start, end)
        .figures(expected, actual)
        .also(e.first_seq)
}

/// `VAC-DISPOSE` deadlines of a receipt: expired vaccines isolated the day after expiry and
/// destroyed within the disposal window.
fn vaccine_deadlines(cx: &mut Ctx<'_>, ev: &Ev<'_>, r: &rxledger_model::Receipt) {
    for l in &r.lines {
        if l.accepted == 0
            || !cx
                .proj
                .master
                .products
                .get(&l.product)
                .is_some_and(|p| p.vaccine)
        {
            continue;
        }
        // The day after the expiry date begins at local midnight.
        let expired = crate::time::local_midnight(l.expiry.succ_opt().unwrap_or(l.expiry));
        for (after, dispose) in [(1, false), (cx.cfg.thresholds.vac_dispose_days, true)] {
            let d = ColdDue::VacExpired {
                product: l.product.clone(),
                batch: l.batch.clone(),
                seq: ev.seq,
                dispose,
                expired,
            };
            cx.schedule(expired + Duration::days(after), Due::ColdChain(d));
        }
    }
}

/// `VAC-DISPOSE` at a deadline: vaccines left an excursion-hit zone; expired vaccines are in
/// quarantine (isolation) or gone (disposal). At the end of the input (`open` = the deadline),
/// what is still to be done is an open item.
fn vac_due(cx: &mut Ctx<'_>, d: &ColdDue, open: Option<DateTime<Utc>>) {
    let stock = &cx.proj.stock;
    // The deadline: the clock of a deadline being run is its own time (always set there).
    let Some(by) = open.or(cx.now) else {
        debug_assert!(false, "a deadline runs with a clock");
        return;
    };
    let unit = |product: &str| {
        cx.proj
            .master
            .products
            .get(product)
            .map_or_else(String::new, |p| p.unit.to_string())
    };
    let (f, pending, closed_by) = match d {
        ColdDue::VacIsolate {
            product,
            batch,
            zone,
            seq,
        } => {
            let left = stock.quantity(zone, product, batch);
            if left <= 0 {
                return;
            }
            let m = Msg::new("vac-dispose-isolate")
                .arg("units", left)
                .arg("unit", unit(product))
                .arg("product", product)
                .arg("batch", batch)
                .arg("zone", zone)
                .arg("days", cx.cfg.thresholds.vac_isolate_days)
                .arg("by", by);
            let pending = with_facts("vac-dispose-isolate-pending", &m);
            let closed_by = with_facts("vac-dispose-isolate-closed-by", &m);
            let expected = with_facts("vac-dispose-isolate-expected", &m);
            let actual = with_facts("vac-dispose-isolate-actual", &m);
            let f = Finding::new(Rule::VacDispose, *seq, m)
                .location(zone)
                .figures(expected, actual);
            (f, pending, closed_by)
        }
        ColdDue::VacExpired {
            product,
            batch,
            seq,
            dispose,
            expired,
        } => {
            let quarantine = &cx.cfg.thresholds.quarantine_locations;
            // Isolation: none left outside quarantine; disposal: none left at all.
            let mut at: Vec<(&str, i64)> = stock
                .at
                .iter()
                .filter(|(loc, _)| *dispose || !quarantine.iter().any(|q| q == loc.as_str()))
                .filter_map(|(loc, m)| m.get(&pb(product, batch)).map(|q| (loc.as_str(), *q)))
                .filter(|(_, q)| *q > 0)
                .collect();
            let left = at.iter().fold(0, |a: i64, (_, q)| a.saturating_add(*q));
            if left <= 0 {
                return;
            }
            at.sort_unstable();
            let places: Vec<String> = at.iter().map(|(l, q)| format!("{l} {q}")).collect();
            let step = if *dispose { "dispose" } else { "isolate" };
            // The expiry date is the local day before the one `expired` begins.
            let expiry = crate::time::local_date(*expired - Duration::days(1));
            let m = Msg::new("vac-dispose-expired")
                .arg("units", left)
                .arg("unit", unit(product))
                .arg("product", product)
                .arg("batch", batch)
                .arg("expiry", expiry)
                .arg("step", term(step))
                .arg("by", by)
                .arg("places", places.join(", "));
            let pending = with_facts("vac-dispose-expired-pending", &m);
            let closed_by = with_facts("vac-dispose-expired-closed-by", &m);
            let expected = with_facts("vac-dispose-expired-expected", &m);
            let actual = with_facts("vac-dispose-expired-actual", &m);
            let f = Finding::new(Rule::VacDispose, *seq, m).figures(expected, actual);
            (f, pending, closed_by)
        }
        ColdDue::Receipt(_) => return,
    };
    let (ColdDue::VacIsolate { product, batch, .. } | ColdDue::VacExpired { product, batch, .. }) =
        d
    else {
        return;
    };
    let f = f.product(product).batch(batch);
    match open {
        None => cx.out.emit(f),
        Some(due) => {
            let mut p = Pending::of(f, due, closed_by);
            p.message = pending;
            cx.out.pending(p);
        }
    }
}
