//! Temperature data integrity (篡改温湿度监测数据): readings that repeat another day's or trip's
//! (`TEMP-COPY`), values that stay identical for hours (`TEMP-FLAT`), readings uploaded long
//! after they were taken (`TEMP-BACKFILL`) or dated after their upload (`TEMP-FUTURE`), a sensor
//! reporting for a place it is not installed in (`TEMP-SENSOR`), and overlapping uploads of one
//! sensor that disagree (`TEMP-CONFLICT`).
//!
//! A `temperature_reading` event is one upload, and its `occurred_at` is the moment of the
//! upload (how late the upload was entered is `LATE-ENTRY`'s concern). State is per series,
//! never per reading:
//!
//! - a storage zone's sensor is one continuous series, cut into local days; a vehicle upload is
//!   one trip, judged alone (as the cold-chain family judges it);
//! - each finished day or trip leaves a fingerprint (a hash of its readings rounded to the
//!   sensor resolution, with their number and time span), kept for `copy_days`;
//! - each sensor keeps its readings of the last `conflict_window_hours` (a few kilobytes),
//!   for comparing re-uploads; sensors silent for longer are forgotten once a day, and a storage
//!   zone's sensor silent for longer than `copy_days` has its open run and day judged and is
//!   forgotten too.

mod prints;

use std::collections::VecDeque;

use chrono::{DateTime, Duration, Utc};
use hashbrown::HashMap;
use rxledger_model::{EventBody, TemperatureReading};

use super::cold_chain::{self, StreamKind};
use super::Family;
use crate::engine::ctx::{Ctx, Ev};
use crate::engine::facts::{decimal, duration_in, factor, term, texts, with_facts};
use crate::engine::projections::Id;
use crate::time::{local_date, local_midnight};
use crate::{Fact, Finding, Msg, Rule};
use prints::{copy, Prints, Unit};

/// A zone or a vehicle, by name.
type Place<'a> = (StreamKind, &'a str);

/// An instant as microseconds since the epoch: readings are compared as plain numbers.
type Micros = i64;

/// Microseconds per minute.
const MINUTE: Micros = 60_000_000;

/// `n` minutes, in microseconds (saturating: thresholds come from configuration files).
fn minutes(n: i64) -> Micros {
    n.saturating_mul(MINUTE)
}

/// The instant of `m`.
fn instant(m: Micros) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(m).unwrap_or_default()
}

/// A reading kept to compare overlapping uploads.
#[derive(Clone, Copy, Debug)]
struct Sample {
    /// When it was taken.
    at: Micros,
    celsius: f64,
    /// The upload it came in.
    seq: u64,
}

/// A run of identical readings of one sensor.
#[derive(Clone, Copy, Debug)]
struct Run {
    value: f64,
    from: Micros,
    to: Micros,
    readings: u64,
    first_seq: u64,
    last_seq: u64,
}

/// One sensor of a storage zone: a continuous series.
#[derive(Debug)]
struct Series {
    sensor: Id,
    /// The latest reading taken in (older readings of later uploads are re-uploads or
    /// backfills and are not taken in again).
    last: Option<Micros>,
    run: Option<Run>,
    /// The local day being read: its end, and its fingerprint so far.
    day: Option<(Micros, Unit)>,
}

/// The thresholds an upload is judged with.
struct Limits {
    resolution: f64,
    flat: Micros,
    /// A recording gap longer than this ends a run of identical readings.
    gap: Micros,
    min_changes: u64,
    copy_days: Micros,
}

impl Limits {
    fn new(cx: &Ctx<'_>, kind: StreamKind) -> Limits {
        let t = &cx.cfg.thresholds;
        let gap = match kind {
            StreamKind::Zone => t.storage_gap_minutes,
            StreamKind::Vehicle => t.transport_gap_minutes,
        };
        Limits {
            resolution: t.temp_resolution_c,
            flat: minutes(t.flat_minutes),
            gap: minutes(gap),
            min_changes: t.copy_min_changes,
            copy_days: minutes(t.copy_days.saturating_mul(24 * 60)),
        }
    }
}

/// The temperature data integrity family.
#[derive(Default)]
pub(crate) struct TempIntegrity {
    /// Sensors registered to each zone (zones registered without a sensor list are absent).
    zone_sensors: HashMap<Id, Vec<Id>>,
    /// The zone each registered sensor is installed in.
    sensor_zone: HashMap<Id, Id>,
    /// Storage zones' series, by zone.
    zones: HashMap<Id, Vec<Series>>,
    /// Fingerprints of the finished days and trips of the last `copy_days`.
    prints: Prints,
    /// Recent readings of each sensor, in time order.
    recent: HashMap<Id, VecDeque<Sample>>,
    /// The latest upload time seen.
    clock: Option<Micros>,
    /// When silent sensors are forgotten next.
    next_sweep: Option<Micros>,
    /// The reading times of the upload at hand (a buffer kept between uploads).
    ats: Vec<Micros>,
}

impl Family for TempIntegrity {
    fn id(&self) -> crate::Family {
        crate::Family::TempIntegrity
    }

    fn on_event(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>) {
        match &ev.e.body {
            EventBody::ZoneRegistered(z) => self.register(&z.zone, &z.sensors),
            EventBody::TemperatureReading(t) => self.upload(cx, ev, t),
            _ => {}
        }
    }

    /// Open runs and days of the storage zones are judged as they stand.
    fn finish(&mut self, cx: &mut Ctx<'_>) {
        let zones: Vec<(Id, Series)> = std::mem::take(&mut self.zones)
            .into_iter()
            .flat_map(|(name, list)| list.into_iter().map(move |s| (name.clone(), s)))
            .collect();
        close(cx, &mut self.prints, zones);
    }
}

/// Judges the open runs and days of storage zones' series that end here (at the end of the
/// ledger, or silent for too long), in zone and sensor order.
fn close(cx: &mut Ctx<'_>, prints: &mut Prints, mut series: Vec<(Id, Series)>) {
    let lim = Limits::new(cx, StreamKind::Zone);
    series.sort_unstable_by(|a, b| (&a.0, &a.1.sensor).cmp(&(&b.0, &b.1.sensor)));
    for (name, s) in series {
        let place = (StreamKind::Zone, name.as_str());
        if let Some(run) = s.run {
            flat(cx, place, &s.sensor, &run, &lim);
        }
        if let Some((_, unit)) = s.day {
            copy(cx, prints, place, &s.sensor, &unit, &lim);
        }
    }
}

impl TempIntegrity {
    /// A temperature upload. (Out of line, so that every other event passes by cheaply.)
    #[inline(never)]
    fn upload(&mut self, cx: &mut Ctx<'_>, ev: &Ev<'_>, t: &TemperatureReading) {
        let place = match (&t.zone, &t.vehicle) {
            (Some(z), _) => (StreamKind::Zone, z.as_str()),
            (None, Some(v)) => (StreamKind::Vehicle, v.as_str()),
            (None, None) => return,
        };
        let mut ats = std::mem::take(&mut self.ats);
        ats.clear();
        let mut micros = cold_chain::Micros::default();
        // The oldest and the newest reading, for the backfill and future checks.
        let (mut oldest, mut newest) = (Micros::MAX, Micros::MIN);
        ats.extend(t.readings.iter().map(|r| {
            let at = micros.of(r.at);
            oldest = oldest.min(at);
            newest = newest.max(at);
            at
        }));
        let upload = (ev.seq, ev.e.occurred_at);
        self.sensor(cx, ev.seq, place, t);
        backfill(cx, upload, place, t, (&ats, oldest));
        future(cx, upload, place, t, (&ats, newest));
        self.conflicts(cx, ev.seq, place, t, &ats);
        let lim = Limits::new(cx, place.0);
        match place.0 {
            StreamKind::Zone => self.zone(cx, ev.seq, place.1, t, &ats, &lim),
            StreamKind::Vehicle => self.trip(cx, ev.seq, place.1, t, &ats, &lim),
        }
        self.sweep(cx, ev.e.occurred_at.timestamp_micros());
        self.ats = ats;
    }

    /// A zone's registration: its sensors replace those registered before. (Out of line, as
    /// [`TempIntegrity::upload`].)
    #[inline(never)]
    fn register(&mut self, zone: &str, sensors: &[Id]) {
        if let Some(old) = self.zone_sensors.remove(zone) {
            for s in old {
                if self.sensor_zone.get(&s).is_some_and(|z| z == zone) {
                    self.sensor_zone.remove(&s);
                }
            }
        }
        if sensors.is_empty() {
            return;
        }
        for s in sensors {
            self.sensor_zone.insert(s.clone(), Id::from(zone));
        }
        self.zone_sensors.insert(Id::from(zone), sensors.to_vec());
    }

    /// `TEMP-SENSOR`: a sensor reports for a zone whose registration does not list it, or a
    /// zone's sensor reports for a vehicle.
    fn sensor(&self, cx: &mut Ctx<'_>, seq: u64, place: Place<'_>, t: &TemperatureReading) {
        let (kind, name) = place;
        let installed = || self.sensor_zone.get(&t.sensor);
        let m = match kind {
            StreamKind::Zone => {
                let Some(list) = self.zone_sensors.get(name) else {
                    return;
                };
                if list.contains(&t.sensor) {
                    return;
                }
                let m = Msg::new("temp-sensor-zone").arg("registered", texts(list));
                match installed() {
                    Some(z) => m
                        .arg("installed", term("other_zone"))
                        .arg("zone", z.as_str()),
                    None => m.arg("installed", term("unregistered")),
                }
            }
            StreamKind::Vehicle => {
                let Some(z) = installed() else { return };
                Msg::new("temp-sensor-vehicle")
                    .arg("installed", term("other_zone"))
                    .arg("zone", z.as_str())
            }
        };
        let m = m
            .arg("kind", term(kind.as_str()))
            .arg("name", name)
            .arg("sensor", t.sensor.as_str())
            .arg("readings", t.readings.len());
        let expected = with_facts("temp-sensor-expected", &m);
        let actual = with_facts("temp-sensor-actual", &m);
        let f = Finding::new(Rule::TempSensor, seq, m)
            .location(name)
            .figures(expected, actual);
        cx.emit(f);
    }

    /// `TEMP-CONFLICT`: readings of an instant the sensor already reported, with another value.
    fn conflicts(
        &mut self,
        cx: &mut Ctx<'_>,
        seq: u64,
        place: Place<'_>,
        t: &TemperatureReading,
        ats: &[Micros],
    ) {
        let th = &cx.cfg.thresholds;
        let tolerance = th.temp_resolution_c + 1e-9;
        let window = minutes(th.conflict_window_hours.saturating_mul(60));
        let kept = self.recent.entry(t.sensor.clone()).or_default();
        let mut disagree = 0_u64;
        let mut first: Option<(Micros, Sample, f64)> = None;
        // The readings kept are in strictly increasing time order; `newest` is the last one's.
        let mut newest = kept.back().map(|s| s.at);
        for (r, &at) in t.readings.iter().zip(ats) {
            if newest.is_some_and(|n| at <= n) {
                if let Ok(i) = kept.binary_search_by_key(&at, |s| s.at) {
                    let before = kept[i];
                    if (before.celsius - r.celsius).abs() > tolerance {
                        disagree += 1;
                        first.get_or_insert((at, before, r.celsius));
                    }
                }
            } else {
                kept.push_back(Sample {
                    at,
                    celsius: r.celsius,
                    seq,
                });
                newest = Some(at);
            }
        }
        if let Some(newest) = newest {
            let keep_from = newest.saturating_sub(window);
            // From the front, not by a binary search: each reading leaves once, and a search
            // over a sensor's cold readings misses the cache at every step.
            while kept.front().is_some_and(|s| s.at < keep_from) {
                kept.pop_front();
            }
        }
        let Some((at, before, after)) = first else {
            return;
        };
        let m = Msg::new("temp-conflict")
            .arg("sensor", t.sensor.as_str())
            .arg("kind", term(place.0.as_str()))
            .arg("name", place.1)
            .arg("readings", disagree)
            .arg("record", before.seq)
            .arg("at", instant(at))
            .arg("before", reading(before.celsius))
            .arg("after", reading(after))
            .arg("resolution", factor(th.temp_resolution_c));
        let expected = with_facts("temp-conflict-expected", &m);
        let actual = with_facts("temp-conflict-actual", &m);
        let f = Finding::new(Rule::TempConflict, seq, m)
            .location(place.1)
            .figures(expected, actual)
            .also(before.seq);
        cx.emit(f);
    }

    /// A storage zone's upload, taken into the series of its sensor: runs of identical
    /// readings (`TEMP-FLAT`) and local days (`TEMP-COPY`).
    fn zone(
        &mut self,
        cx: &mut Ctx<'_>,
        seq: u64,
        zone: &str,
        t: &TemperatureReading,
        ats: &[Micros],
        lim: &Limits,
    ) {
        let Self { zones, prints, .. } = self;
        let list = zones.entry(Id::from(zone)).or_default();
        let i = if let Some(i) = list.iter().position(|s| s.sensor == t.sensor) {
            i
        } else {
            list.push(Series {
                sensor: t.sensor.clone(),
                last: None,
                run: None,
                day: None,
            });
            list.len() - 1
        };
        let s = &mut list[i];
        let place = (StreamKind::Zone, zone);
        let mut latest = s.last;
        for (r, &at) in t.readings.iter().zip(ats) {
            if latest.is_some_and(|l| at <= l) {
                continue;
            }
            latest = Some(at);
            if let Some(run) = step(&mut s.run, r.celsius, at, seq, lim) {
                flat(cx, place, &s.sensor, &run, lim);
            }
            let q = quantise(r.celsius, lim.resolution);
            match &mut s.day {
                Some((end, unit)) if at < *end => unit.add(q, at, seq),
                day => {
                    // The reading begins a day: the day before it, if any, is finished.
                    if let Some((_, unit)) = day {
                        copy(cx, prints, place, &s.sensor, unit, lim);
                    }
                    let mut unit = Unit::new();
                    unit.add(q, at, seq);
                    *day = Some((day_end(at), unit));
                }
            }
        }
        s.last = latest;
    }

    /// A vehicle upload: one trip, judged alone.
    fn trip(
        &mut self,
        cx: &mut Ctx<'_>,
        seq: u64,
        vehicle: &str,
        t: &TemperatureReading,
        ats: &[Micros],
        lim: &Limits,
    ) {
        let place = (StreamKind::Vehicle, vehicle);
        let mut run = None;
        let mut unit = Unit::new();
        let mut last: Option<Micros> = None;
        for (r, &at) in t.readings.iter().zip(ats) {
            if last.is_some_and(|l| at <= l) {
                continue;
            }
            last = Some(at);
            if let Some(ended) = step(&mut run, r.celsius, at, seq, lim) {
                flat(cx, place, &t.sensor, &ended, lim);
            }
            unit.add(quantise(r.celsius, lim.resolution), at, seq);
        }
        if let Some(ended) = run {
            flat(cx, place, &t.sensor, &ended, lim);
        }
        if unit.readings > 0 {
            copy(cx, &mut self.prints, place, &t.sensor, &unit, lim);
        }
    }

    /// Once a day (of the uploads' clock): forgets the recent readings of sensors silent for
    /// longer than the conflict window, and judges and forgets the series of storage zones'
    /// sensors silent for longer than `copy_days` (at least two days).
    fn sweep(&mut self, cx: &mut Ctx<'_>, upload: Micros) {
        let clock = *self
            .clock
            .insert(self.clock.map_or(upload, |c| c.max(upload)));
        if self.next_sweep.is_some_and(|n| clock < n) {
            return;
        }
        self.next_sweep = Some(clock.saturating_add(minutes(24 * 60)));
        let th = &cx.cfg.thresholds;
        let keep_from = clock.saturating_sub(minutes(th.conflict_window_hours.saturating_mul(60)));
        self.recent
            .retain(|_, kept| kept.back().is_some_and(|s| s.at >= keep_from));
        let idle_from = clock.saturating_sub(minutes(th.copy_days.max(2).saturating_mul(24 * 60)));
        let mut idle = Vec::new();
        for (name, list) in &mut self.zones {
            let mut i = 0;
            while i < list.len() {
                if list[i].last.is_some_and(|l| l < idle_from) {
                    idle.push((name.clone(), list.swap_remove(i)));
                } else {
                    i += 1;
                }
            }
        }
        if !idle.is_empty() {
            self.zones.retain(|_, list| !list.is_empty());
            close(cx, &mut self.prints, idle);
        }
    }
}

/// A reading's value as it was written (at least one decimal): `5.0`, `5.35`.
fn reading(celsius: f64) -> Fact {
    let shown = celsius.to_string();
    let digits = shown.split_once('.').map_or(0, |(_, f)| f.len()).max(1);
    decimal(celsius, u8::try_from(digits).unwrap_or(u8::MAX))
}

/// The end of the local day of `at` (the next local midnight).
fn day_end(at: Micros) -> Micros {
    let date = local_date(instant(at));
    let next = date.succ_opt().unwrap_or(date);
    local_midnight(next).timestamp_micros()
}

/// A reading rounded to the resolution (its exact bits when the resolution is 0).
fn quantise(celsius: f64, resolution: f64) -> i64 {
    if resolution > 0.0 {
        round(celsius / resolution)
    } else {
        celsius.to_bits().cast_signed()
    }
}

/// `x.round() as i64` (half away from zero, saturating, NaN as 0) without a call to the C
/// library's `round`: `x as i64` truncates, and `x` minus its truncation is exact (Sterbenz), so
/// comparing it with ±0.5 rounds as `round` does. Beyond ±2^63 (and for infinities) the
/// truncation saturates and so does the adjustment; a NaN gives 0 either way.
#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
fn round(x: f64) -> i64 {
    let t = x as i64;
    let frac = x - t as f64;
    if frac >= 0.5 {
        t.saturating_add(1)
    } else if frac <= -0.5 {
        t.saturating_sub(1)
    } else {
        t
    }
}

/// Takes the reading `celsius` taken `at`, of record `seq`, into the run of identical
/// readings; returns the run it ended (by another value, or after a recording gap longer than
/// the limit) if it is longer than `TEMP-FLAT`'s limit (a shorter one cannot be flat, and is
/// replaced in place).
fn step(run: &mut Option<Run>, celsius: f64, at: Micros, seq: u64, lim: &Limits) -> Option<Run> {
    let new = Run {
        value: celsius,
        from: at,
        to: at,
        readings: 1,
        first_seq: seq,
        last_seq: seq,
    };
    if let Some(x) = run {
        if celsius.to_bits() == x.value.to_bits() && at.saturating_sub(x.to) <= lim.gap {
            x.to = at;
            x.readings += 1;
            x.last_seq = seq;
            return None;
        }
        if x.to.saturating_sub(x.from) <= lim.flat {
            *x = new;
            return None;
        }
    }
    run.replace(new)
}

/// `TEMP-FLAT`: a run of identical readings longer than the limit.
#[inline]
fn flat(cx: &mut Ctx<'_>, place: Place<'_>, sensor: &str, run: &Run, lim: &Limits) {
    if run.to.saturating_sub(run.from) > lim.flat {
        flat_finding(cx, place, sensor, run, lim);
    }
}

/// The `TEMP-FLAT` finding of `run`, longer than the limit.
#[cold]
#[inline(never)]
fn flat_finding(cx: &mut Ctx<'_>, (kind, name): Place<'_>, sensor: &str, run: &Run, lim: &Limits) {
    let span = run.to.saturating_sub(run.from);
    let m = Msg::new("temp-flat")
        .arg("sensor", sensor)
        .arg("kind", term(kind.as_str()))
        .arg("name", name)
        .arg("value", reading(run.value))
        .arg("readings", run.readings)
        .arg("from", instant(run.from))
        .arg("to", instant(run.to))
        .arg("minutes", span / MINUTE)
        .arg("limit", lim.flat / MINUTE);
    let expected = with_facts("temp-flat-expected", &m);
    let actual = with_facts("temp-flat-actual", &m);
    let f = Finding::new(Rule::TempFlat, run.last_seq, m)
        .location(name)
        .interval(instant(run.from), instant(run.to))
        .figures(expected, actual)
        .also(run.first_seq);
    cx.emit(f);
}

/// `TEMP-BACKFILL`: an upload (record `seq` at `upload`) holding readings taken more than the
/// limit before it.
fn backfill(
    cx: &mut Ctx<'_>,
    (seq, upload): (u64, DateTime<Utc>),
    (kind, name): Place<'_>,
    t: &TemperatureReading,
    (ats, oldest): (&[Micros], Micros),
) {
    let th = &cx.cfg.thresholds;
    let hours = match kind {
        StreamKind::Zone => th.storage_backfill_hours,
        StreamKind::Vehicle => th.transport_backfill_hours,
    };
    let earliest = upload
        .timestamp_micros()
        .saturating_sub(minutes(hours.saturating_mul(60)));
    // Some readings are late exactly when the oldest is.
    if ats.is_empty() || oldest >= earliest {
        return;
    }
    let late = ats.iter().filter(|&&at| at < earliest).count();
    let oldest = instant(oldest);
    let m = Msg::new("temp-backfill")
        .arg("sensor", t.sensor.as_str())
        .arg("kind", term(kind.as_str()))
        .arg("name", name)
        .arg("upload", upload)
        .arg("readings", late)
        .arg("oldest", oldest)
        .arg("hours", duration_in(upload - oldest, Duration::hours(1)))
        .arg("limit", hours);
    let expected = with_facts("temp-backfill-expected", &m);
    let actual = with_facts("temp-backfill-actual", &m);
    let f = Finding::new(Rule::TempBackfill, seq, m)
        .location(name)
        .interval(oldest, upload)
        .figures(expected, actual);
    cx.emit(f);
}

/// `TEMP-FUTURE`: an upload (record `seq` at `upload`) holding readings dated after it, beyond
/// the clock tolerance.
fn future(
    cx: &mut Ctx<'_>,
    (seq, upload): (u64, DateTime<Utc>),
    (kind, name): Place<'_>,
    t: &TemperatureReading,
    (ats, latest): (&[Micros], Micros),
) {
    let skew = cx.cfg.thresholds.upload_skew_minutes;
    let latest_allowed = upload.timestamp_micros().saturating_add(minutes(skew));
    // Some readings are ahead exactly when the latest is.
    if ats.is_empty() || latest <= latest_allowed {
        return;
    }
    let ahead = ats.iter().filter(|&&at| at > latest_allowed).count();
    let latest = instant(latest);
    let m = Msg::new("temp-future")
        .arg("sensor", t.sensor.as_str())
        .arg("kind", term(kind.as_str()))
        .arg("name", name)
        .arg("upload", upload)
        .arg("readings", ahead)
        .arg("latest", latest)
        .arg(
            "minutes",
            duration_in(latest - upload, Duration::minutes(1)),
        )
        .arg("limit", skew);
    let expected = with_facts("temp-future-expected", &m);
    let actual = with_facts("temp-future-actual", &m);
    let f = Finding::new(Rule::TempFuture, seq, m)
        .location(name)
        .interval(upload, latest)
        .figures(expected, actual);
    cx.emit(f);
}

#[cfg(test)]
mod tests {
    use super::round;

    #[test]
    #[allow(clippy::cast_possible_truncation)]
    fn round_is_the_c_librarys() {
        let edges = [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            -2.5,
            0.499_999_999_999_999_94,
            4_503_599_627_370_495.5,
            -4_503_599_627_370_495.5,
            9.007_199_254_740_993e15,
            9.223_372_036_854_775e18,
            -9.223_372_036_854_775e18,
            1e19,
            -1e19,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
        ];
        let steps = (-20_000..20_000).map(|i| f64::from(i) * 0.05 / 0.1);
        let quotients = (-2_000..2_000).map(|i| f64::from(i) * 0.01 / 0.25);
        for x in edges.into_iter().chain(steps).chain(quotients) {
            assert_eq!(round(x), x.round() as i64, "{x}");
        }
    }
}
