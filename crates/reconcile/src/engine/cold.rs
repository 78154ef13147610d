//! Cold chain and vaccines: zone and vehicle temperature streams, excursions with mean kinetic
//! temperature, recording gaps, cold-chain receipts and vaccine isolation and disposal.

use std::collections::{BTreeMap, VecDeque};

use hashbrown::HashMap;

use chrono::{DateTime, Duration, Utc};
use rxledger_model::{Event, EventBody, Reading, TempRange};

use super::{Due, Engine, Pb};
use crate::{Envelope, Finding, Rule};

/// Universal gas constant, J/(mol·K).
const R_GAS: f64 = 8.314_462_618;

/// Mean kinetic temperature (USP <1079>) of equally weighted samples, °C.
pub fn mkt(samples: &[f64], activation_kj_mol: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    let h_r = activation_kj_mol * 1000.0 / R_GAS;
    let mean = samples
        .iter()
        .map(|c| (-h_r / (c + 273.15)).exp())
        .sum::<f64>()
        / samples.len() as f64;
    h_r / -mean.ln() - 273.15
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

#[derive(Default)]
struct Stream {
    last: Option<DateTime<Utc>>,
    excursion: Option<Excursion>,
    /// The range the open excursion is judged against (zones).
    range: Option<TempRange>,
    /// The record of the last reading.
    last_seq: u64,
}

/// What a temperature series was recorded in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StreamKind {
    /// A storage zone (`zone_registered`).
    Zone,
    /// A vehicle (one `temperature_reading` event per trip).
    Vehicle,
}

impl StreamKind {
    /// `zone` or `vehicle`.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamKind::Zone => "zone",
            StreamKind::Vehicle => "vehicle",
        }
    }
}

/// The allowed range a stretch of a series was judged against.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// First reading of the stretch.
    pub from: DateTime<Utc>,
    /// Last reading of the stretch.
    pub to: DateTime<Utc>,
    /// Allowed range.
    pub range: TempRange,
}

/// The readings of one zone or vehicle, kept while [`Engine::trace_temperatures`] is on, with
/// the ranges the engine judged them against: what a temperature chart draws. Memory is bounded:
/// the readings are summarised in an [`Envelope`], and bands closer together than its bucket
/// width merge.
#[derive(Clone, Debug)]
pub struct TempSeries {
    /// Zone or vehicle.
    pub kind: StreamKind,
    /// Zone or vehicle id.
    pub name: String,
    /// The readings, per time bucket (lowest and highest with their times).
    pub readings: Envelope,
    /// Allowed ranges over time, in time order (none for a vehicle trip that carried no
    /// cold-chain goods, or a zone never registered).
    pub bands: Vec<Band>,
}

impl TempSeries {
    fn new(kind: StreamKind, name: &str) -> Self {
        TempSeries {
            kind,
            name: name.to_owned(),
            readings: Envelope::default(),
            bands: Vec::new(),
        }
    }

    fn add(&mut self, readings: &[Reading], range: Option<TempRange>) {
        for r in readings {
            #[allow(clippy::cast_possible_truncation)]
            self.readings.push(r.at.timestamp(), r.celsius as f32);
        }
        if let (Some(range), Some(first), Some(last)) = (range, readings.first(), readings.last()) {
            self.add_band(Band {
                from: first.at,
                to: last.at,
                range,
            });
        }
    }

    fn add_band(&mut self, band: Band) {
        let near = Duration::seconds(self.readings.width());
        // A zone's range holds from one upload to the next; a vehicle's trips merge when they are
        // closer together than a chart can tell apart.
        let always = self.kind == StreamKind::Zone;
        join_band(&mut self.bands, band, near, always);
        if self.bands.len() > Envelope::CAPACITY {
            // Trips that were far apart when the series was short are close now.
            let bands = std::mem::take(&mut self.bands);
            for b in bands {
                join_band(&mut self.bands, b, near, always);
            }
        }
    }
}

/// Appends `band`, or widens the last band when it has the same range and ends within `near`
/// of `band` (or `always`).
fn join_band(bands: &mut Vec<Band>, band: Band, near: Duration, always: bool) {
    match bands.last_mut() {
        Some(b) if b.range == band.range && (always || band.from - b.to <= near) => {
            b.from = b.from.min(band.from);
            b.to = b.to.max(band.to);
        }
        _ => bands.push(band),
    }
}

/// Cold-chain state.
#[derive(Default)]
pub(super) struct ColdState {
    pub(super) zones: HashMap<String, TempRange>,
    streams: HashMap<String, Stream>,
    /// Recent vehicle readings (last trip uploads), for cold-chain receipts.
    vehicles: HashMap<String, VecDeque<(DateTime<Utc>, f64)>>,
    /// Outgoing cold shipments waiting for their vehicle's readings: vehicle -> (dispatch time,
    /// range, dispatch seq).
    outgoing: HashMap<String, (DateTime<Utc>, TempRange, u64)>,
    /// Series kept for charts, when tracing is on.
    pub(super) trace: Option<BTreeMap<(StreamKind, String), TempSeries>>,
}

impl ColdState {
    /// The kept series of a zone or vehicle, when tracing is on.
    fn traced(&mut self, kind: StreamKind, name: &str) -> Option<&mut TempSeries> {
        let trace = self.trace.as_mut()?;
        Some(
            trace
                .entry((kind, name.to_owned()))
                .or_insert_with(|| TempSeries::new(kind, name)),
        )
    }
}

fn outside(r: &TempRange, c: f64) -> bool {
    c < r.min_c || c > r.max_c
}

impl Engine {
    fn product_range(&self, product: &str) -> Option<(TempRange, bool, bool)> {
        self.products
            .get(product)
            .map(|p| (p.range, p.cold, p.vaccine))
    }

    /// Feeds readings of one stream (a zone, or one trip of a vehicle); returns excursions that
    /// ended, as findings, plus gap findings.
    #[allow(clippy::too_many_arguments)]
    fn stream(
        &mut self,
        seq: u64,
        name: &str,
        kind: StreamKind,
        range: Option<TempRange>,
        readings: &[Reading],
        gap_limit: Duration,
    ) {
        if let Some(series) = self.cold.traced(kind, name) {
            series.add(readings, range);
        }
        let what = kind.as_str();
        // A zone is one continuous stream; each vehicle upload is one trip.
        let continuous = kind == StreamKind::Zone;
        let exc_gap = Duration::minutes(self.cfg.thresholds.excursion_gap_minutes);
        let key_name = format!("{what} {name}");
        let mut st = if continuous {
            self.cold.streams.remove(&key_name).unwrap_or_default()
        } else {
            Stream::default()
        };
        st.range = range;
        st.last_seq = seq;
        let mut out = Vec::new();
        for r in readings {
            if let Some(prev) = st.last {
                let gap = r.at - prev;
                let limit = if st.excursion.is_some() {
                    exc_gap.min(gap_limit)
                } else {
                    gap_limit
                };
                if gap > limit {
                    out.push(
                        Finding::new(Rule::TempGap,
                            seq,
                            format!("No temperature recorded for {what} {name} from {} to {} ({} min; limit {} min{}).", prev.format("%Y-%m-%d %H:%M"), r.at.format("%Y-%m-%d %H:%M"), gap.num_minutes(), limit.num_minutes(), if st.excursion.is_some() { " during an excursion" } else { "" }),
                        )
                        .location(name)
                        .interval(prev, r.at)
                        .figures(format!("≤ {} min", limit.num_minutes()), format!("{} min", gap.num_minutes())),
                    );
                }
            }
            st.last = Some(r.at);
            let Some(range) = range else { continue };
            if outside(&range, r.celsius) {
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
            } else if let Some(e) = st.excursion.take() {
                out.push(self.excursion_finding(seq, name, what, &range, &e, r.at));
            }
        }
        if continuous {
            self.cold.streams.insert(key_name, st);
        } else if let (Some(e), Some(range)) = (st.excursion.take(), range) {
            let end = e.last;
            out.push(self.excursion_finding(seq, name, what, &range, &e, end));
        }
        for f in out {
            self.emit(f);
        }
    }

    fn excursion_finding(
        &mut self,
        seq: u64,
        name: &str,
        what: &str,
        range: &TempRange,
        e: &Excursion,
        end: DateTime<Utc>,
    ) -> Finding {
        let minutes = (end - e.start).num_minutes();
        let m = mkt(&e.samples, self.cfg.thresholds.mkt_activation_kj_mol);
        // Vaccines stored in an excursion-hit zone must be isolated.
        if what == "zone" {
            let deadline = end + Duration::days(self.cfg.thresholds.vac_isolate_days);
            let batches: Vec<(String, String)> = self
                .stock
                .get(name)
                .map(|m| {
                    m.iter()
                        .filter(|(_, q)| **q > 0)
                        .map(|(k, _)| k.clone())
                        .collect()
                })
                .unwrap_or_default();
            for (p, b) in batches {
                if self.products.get(&p).is_some_and(|x| x.vaccine) {
                    self.schedule(
                        deadline,
                        Due::VacIsolate {
                            product: p,
                            batch: b,
                            zone: name.to_owned(),
                            seq,
                        },
                    );
                }
            }
        }
        let mut f = Finding::new(Rule::TempRange,
            seq,
            format!(
                "Temperature excursion in {what} {name}: {} to {} ({minutes} min), peak {:.1} °C, mean kinetic temperature {m:.1} °C; allowed {:.1}–{:.1} °C.",
                e.start.format("%Y-%m-%d %H:%M"),
                end.format("%Y-%m-%d %H:%M"),
                e.peak,
                range.min_c,
                range.max_c
            ),
        )
        .location(name)
        .interval(e.start, end)
        .figures(format!("{:.1}–{:.1} °C", range.min_c, range.max_c), format!("peak {:.1} °C for {minutes} min, MKT {m:.1} °C", e.peak));
        f.seqs.push(e.first_seq);
        f
    }

    /// End of input: a zone still outside its range at its last reading is an excursion too
    /// (it ends, as far as the ledger knows, at that reading).
    pub(super) fn cold_finish(&mut self) {
        // Zone streams are the continuous ones, keyed "zone NAME".
        let mut open: Vec<(String, Excursion, TempRange, u64)> = self
            .cold
            .streams
            .iter_mut()
            .filter_map(|(k, st)| {
                let e = st.excursion.take()?;
                let name = k.strip_prefix("zone ").unwrap_or(k).to_owned();
                Some((name, e, st.range?, st.last_seq))
            })
            .collect();
        open.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, e, range, seq) in open {
            let f = self.excursion_finding(seq, &name, "zone", &range, &e, e.last);
            self.emit(f);
        }
    }

    /// Starts keeping every temperature reading for charts (see [`Engine::temperature_series`]).
    pub fn trace_temperatures(&mut self) {
        self.cold.trace.get_or_insert_with(BTreeMap::new);
    }

    /// The series kept since [`Engine::trace_temperatures`], by kind and name (empty when
    /// tracing is off).
    pub fn temperature_series(&mut self) -> Vec<TempSeries> {
        self.cold
            .trace
            .as_mut()
            .map(|t| std::mem::take(t).into_values().collect())
            .unwrap_or_default()
    }

    /// The cold-chain rules for one event.
    pub(super) fn cold(&mut self, seq: u64, e: &Event) {
        match &e.body {
            EventBody::ZoneRegistered(z) => {
                self.cold.zones.insert(z.zone.clone(), z.range());
            }
            EventBody::TemperatureReading(t) => {
                if let Some(zone) = &t.zone {
                    let range = self.cold.zones.get(zone).copied();
                    let gap = Duration::minutes(self.cfg.thresholds.storage_gap_minutes);
                    self.stream(seq, zone, StreamKind::Zone, range, &t.readings, gap);
                } else if let Some(v) = &t.vehicle {
                    let q = self.cold.vehicles.entry(v.clone()).or_default();
                    q.clear();
                    q.extend(t.readings.iter().map(|r| (r.at, r.celsius)));
                    let gap = Duration::minutes(self.cfg.thresholds.transport_gap_minutes);
                    let range = match self.cold.outgoing.get(v) {
                        Some((at, range, _))
                            if t.readings
                                .first()
                                .is_some_and(|r| r.at >= *at - Duration::hours(1)) =>
                        {
                            Some(*range)
                        }
                        _ => None,
                    };
                    if range.is_some() {
                        self.cold.outgoing.remove(v);
                    }
                    self.stream(seq, v, StreamKind::Vehicle, range, &t.readings, gap);
                }
            }
            EventBody::PutAway(m) => self.temp_zone(
                seq,
                m.lines
                    .iter()
                    .map(|l| (l.product.as_str(), l.batch.as_str(), l.to.as_str())),
            ),
            EventBody::Transfer(m) => self.temp_zone(
                seq,
                m.lines
                    .iter()
                    .map(|l| (l.product.as_str(), l.batch.as_str(), l.to.as_str())),
            ),
            EventBody::Receipt(r) => self.cc_receipt(seq, e, r),
            EventBody::Dispatch(d) => {
                if let Some(v) = &d.vehicle {
                    let ranges: Vec<TempRange> = d
                        .lines
                        .iter()
                        .filter_map(|l| self.product_range(&l.product))
                        .filter(|x| x.1)
                        .map(|x| x.0)
                        .collect();
                    if let Some(first) = ranges.first() {
                        let r = ranges.iter().fold(*first, |a, b| TempRange {
                            min_c: a.min_c.max(b.min_c),
                            max_c: a.max_c.min(b.max_c),
                        });
                        self.cold
                            .outgoing
                            .insert(v.clone(), (e.occurred_at, r, seq));
                    }
                }
            }
            _ => {}
        }
    }

    fn temp_zone<'a>(
        &mut self,
        seq: u64,
        lines: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
    ) {
        let mut out = Vec::new();
        for (p, b, to) in lines {
            let (Some(zone), Some((prange, _, _))) =
                (self.cold.zones.get(to), self.product_range(p))
            else {
                continue;
            };
            if zone.min_c < prange.min_c || zone.max_c > prange.max_c {
                out.push(
                    Finding::new(Rule::TempZone, seq, format!("{p} batch {b} (requires {:.1}–{:.1} °C) was stored in zone {to}, which is kept at {:.1}–{:.1} °C.", prange.min_c, prange.max_c, zone.min_c, zone.max_c))
                        .product(p)
                        .batch(b)
                        .location(to)
                        .figures(format!("{:.1}–{:.1} °C", prange.min_c, prange.max_c), format!("{:.1}–{:.1} °C", zone.min_c, zone.max_c)),
                );
            }
        }
        for f in out {
            self.emit(f);
        }
    }

    fn cc_receipt(&mut self, seq: u64, e: &Event, r: &rxledger_model::Receipt) {
        let cold: Vec<(String, TempRange, bool)> = r
            .lines
            .iter()
            .filter(|l| l.accepted > 0)
            .filter_map(|l| {
                self.product_range(&l.product)
                    .filter(|x| x.1 || x.2)
                    .map(|x| (l.product.clone(), x.0, x.2))
            })
            .collect();
        if cold.is_empty() {
            return;
        }
        let range = cold
            .iter()
            .skip(1)
            .fold(cold[0].1, |a, (_, b, _)| TempRange {
                min_c: a.min_c.max(b.min_c),
                max_c: a.max_c.min(b.max_c),
            });
        let gap = Duration::minutes(self.cfg.thresholds.transport_gap_minutes);
        if let Some(t) = &r.transport {
            if let Some(series) = self.cold.traced(StreamKind::Vehicle, &t.vehicle) {
                // The trip is judged against the goods' range: draw it on the vehicle's chart.
                series.add_band(Band {
                    from: t.shipped_at,
                    to: e.occurred_at,
                    range,
                });
            }
        }
        let problem = match &r.transport {
            None => {
                Some("no transport record (vehicle, ship time) for cold-chain goods".to_owned())
            }
            Some(t) if !t.cold_chain => Some(format!(
                "vehicle {} is not a temperature-controlled transport",
                t.vehicle
            )),
            Some(t) => {
                let arrival = e.occurred_at;
                let readings: Vec<(DateTime<Utc>, f64)> = self
                    .cold
                    .vehicles
                    .get(&t.vehicle)
                    .map(|q| {
                        q.iter()
                            .copied()
                            .filter(|(at, _)| *at >= t.shipped_at - gap && *at <= arrival + gap)
                            .collect()
                    })
                    .unwrap_or_default();
                if readings.is_empty() {
                    Some(format!(
                        "no temperature readings from vehicle {} for the trip",
                        t.vehicle
                    ))
                } else {
                    let covered_start = readings
                        .first()
                        .is_some_and(|(at, _)| *at <= t.shipped_at + gap);
                    let covered_end = readings.last().is_some_and(|(at, _)| *at >= arrival - gap);
                    let max_gap = readings
                        .windows(2)
                        .map(|w| w[1].0 - w[0].0)
                        .max()
                        .unwrap_or_else(Duration::zero);
                    let bad = readings.iter().filter(|(_, c)| outside(&range, *c)).count();
                    if !covered_start || !covered_end || max_gap > gap {
                        Some(format!("transport readings of vehicle {} do not cover {} to {} (largest gap {} min)", t.vehicle, t.shipped_at.format("%Y-%m-%d %H:%M"), arrival.format("%Y-%m-%d %H:%M"), max_gap.num_minutes()))
                    } else if bad > 0 {
                        Some(format!(
                            "{bad} transport readings of vehicle {} outside {:.1}–{:.1} °C",
                            t.vehicle, range.min_c, range.max_c
                        ))
                    } else {
                        None
                    }
                }
            }
        };
        if let Some(p) = problem {
            let what = if cold.iter().any(|c| c.2) {
                "vaccines"
            } else {
                "cold-chain goods"
            };
            self.emit(
                Finding::new(
                    Rule::CcReceipt,
                    seq,
                    format!(
                        "Receipt {} accepted {what} although {p}; it must be rejected.",
                        r.doc
                    ),
                )
                .party(&r.supplier)
                .product(&cold[0].0)
                .figures(
                    "in-range readings for the whole trip, or rejection".to_owned(),
                    p,
                ),
            );
        }
    }

    /// VAC-DISPOSE deadlines.
    pub(super) fn vac_due(&mut self, d: &Due) {
        let quarantine = self.cfg.thresholds.quarantine_locations.clone();
        let held = |eng: &Engine, p: &str, b: &str, outside_quarantine: bool| -> i64 {
            eng.stock
                .iter()
                .filter(|(loc, _)| !outside_quarantine || !quarantine.contains(loc))
                .filter_map(|(_, m)| m.get(&Pb(p, b)))
                .filter(|q| **q > 0)
                .sum()
        };
        match d {
            Due::VacIsolate {
                product,
                batch,
                zone,
                seq,
            } => {
                let left = self
                    .stock
                    .get(zone)
                    .and_then(|m| m.get(&Pb(product, batch)))
                    .copied()
                    .unwrap_or(0);
                if left > 0 {
                    self.emit(
                        Finding::new(Rule::VacDispose, *seq, format!("{left} units of vaccine {product} batch {batch} stayed in {zone} after its temperature excursion instead of being isolated within {} days.", self.cfg.thresholds.vac_isolate_days))
                            .product(product)
                            .batch(batch)
                            .location(zone),
                    );
                }
            }
            Due::VacExpired {
                product,
                batch,
                seq,
                dispose,
            } => {
                let left = held(self, product, batch, !dispose);
                if left > 0 {
                    let what = if *dispose {
                        "not disposed of"
                    } else {
                        "not isolated"
                    };
                    self.emit(
                        Finding::new(Rule::VacDispose, *seq, format!("{left} units of expired vaccine {product} batch {batch} were {what} in time."))
                            .product(product)
                            .batch(batch),
                    );
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn vehicle_bands_stay_bounded_and_cover_every_trip() {
        let cold = TempRange {
            min_c: 2.0,
            max_c: 8.0,
        };
        let mut s = TempSeries::new(StreamKind::Vehicle, "V");
        let start = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
        let trips: Vec<(DateTime<Utc>, DateTime<Utc>)> = (0..20_000)
            .map(|d| {
                let from = start + Duration::hours(6 * d);
                (from, from + Duration::hours(2))
            })
            .collect();
        for &(from, to) in &trips {
            let readings = [
                Reading {
                    at: from,
                    celsius: 5.0,
                    humidity: None,
                },
                Reading {
                    at: to,
                    celsius: 5.0,
                    humidity: None,
                },
            ];
            s.add(&readings, Some(cold));
        }
        assert!(s.bands.len() <= Envelope::CAPACITY, "{}", s.bands.len());
        for (from, to) in trips {
            assert!(s.bands.iter().any(|b| b.from <= from && to <= b.to));
        }
        assert_eq!(s.readings.readings(), 40_000);
    }
}
