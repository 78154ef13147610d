//! Temperature data integrity: TEMP-COPY (a day of a zone's readings copied from the day
//! before), TEMP-FLAT (eight hours of one value), TEMP-BACKFILL (a trip log uploaded four days
//! late), TEMP-FUTURE (a reading dated after its upload), TEMP-SENSOR (a spare probe reporting
//! for a zone) and TEMP-CONFLICT (the last hour re-uploaded with one value changed).
//!
//! Storage zones upload every four hours, so a local day is six uploads of 24 readings. A copy
//! is planted at the first upload of a day whose previous day was left alone (no planting at
//! all, 144 readings); the six uploads of the day then carry the previous day's values.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rxledger_model::{EventBody, Reading, Refs, TemperatureReading};

use super::Planting;
use crate::sim::Action;
use crate::world::ZoneDef;
use crate::Generator;

/// The rules this family plants (the families together plant [`crate::PLANTABLE`]).
#[cfg(test)]
pub(crate) const RULES: &[&str] = &[
    "TEMP-COPY",
    "TEMP-FLAT",
    "TEMP-BACKFILL",
    "TEMP-FUTURE",
    "TEMP-SENSOR",
    "TEMP-CONFLICT",
];

/// Readings of a storage zone per local day (every 10 minutes).
const PER_DAY: usize = 144;

/// How late a planted trip log is uploaded (beyond the 72-hour transport limit).
const LATE_TRIP_HOURS: i64 = 96;

/// What a zone remembers between uploads.
#[derive(Clone, Debug, Default)]
pub(crate) struct ZoneState {
    /// The local day being uploaded, its values so far, and whether it was left alone.
    day: Option<NaiveDate>,
    values: Vec<f64>,
    pristine: bool,
    /// The previous day, when it was left alone and complete.
    prev: Option<(NaiveDate, Vec<f64>)>,
    /// A day that must not serve as an original (a planted reading reached into it).
    tainted: Option<NaiveDate>,
    /// Planted copy: the original's values and how many were used.
    copying: Option<(Vec<f64>, usize)>,
    /// Planted flat line: its value and whether the next upload still carries it.
    flat: Option<(f64, bool)>,
    /// The value of the last flat line (the next one takes the other side of the midpoint).
    flat_low: bool,
}

/// What the family remembers.
#[derive(Debug, Default)]
pub(crate) struct State {
    zones: Vec<ZoneState>,
}

/// What was planted in a zone's upload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ZonePlant {
    /// TEMP-COPY; `last` for the day's last upload, whose record the finding names.
    Copy { last: bool },
    /// TEMP-FLAT; `last` for the second upload of the stretch.
    Flat { last: bool },
    /// TEMP-SENSOR: an unregistered probe.
    Sensor,
    /// TEMP-FUTURE.
    Future,
    /// TEMP-CONFLICT: the last hour is re-uploaded, one value changed.
    Conflict,
}

impl ZoneState {
    /// A new local day begins: the day before becomes the previous day, if it was left alone
    /// and complete.
    fn roll(&mut self, today: NaiveDate) {
        self.prev = match self.day {
            Some(d) if self.pristine && self.values.len() == PER_DAY => {
                Some((d, std::mem::take(&mut self.values)))
            }
            _ => None,
        };
        self.values.clear();
        self.day = Some(today);
        self.pristine = self.tainted != Some(today);
    }
}

impl Generator {
    /// Whether `rule` can be planted at all (no randomness consumed).
    fn may_plant(&self, rule: &str) -> bool {
        let s = &self.plants;
        s.violations > 0.0 && (s.rules.is_empty() || s.rules.iter().any(|r| r == rule))
    }
}

fn zone_state(g: &mut Generator, z: usize) -> &mut ZoneState {
    let zones = &mut g.plants.temp.zones;
    if zones.len() <= z {
        zones.resize_with(z + 1, ZoneState::default);
    }
    &mut zones[z]
}

/// The local date of an instant (UTC+8).
fn local_date(t: DateTime<Utc>) -> NaiveDate {
    (t + Duration::hours(8)).date_naive()
}

/// On zone `z`'s upload at `t`, before the cold-chain plantings: continues a planted copy or
/// flat line, or plants one of this family's violations. Returns what was planted (the
/// cold-chain family plants nothing in such an upload).
pub(crate) fn zone_readings(
    g: &mut Generator,
    t: DateTime<Utc>,
    z: usize,
    zone: &ZoneDef,
    readings: &mut Vec<Reading>,
    sensor: &mut String,
) -> Option<ZonePlant> {
    let mid = f64::midpoint(zone.range.0, zone.range.1);
    let today = local_date(readings[0].at);
    let track = g.may_plant("TEMP-COPY");
    let st = zone_state(g, z);
    if track && st.day != Some(today) {
        st.roll(today);
    }
    if let Some((values, used)) = &mut st.copying {
        for (r, v) in readings.iter_mut().zip(&values[*used..]) {
            r.celsius = *v;
        }
        *used += readings.len();
        let last = *used >= values.len();
        if last {
            st.copying = None;
        }
        return Some(ZonePlant::Copy { last });
    }
    if let Some((value, more)) = st.flat {
        for r in readings.iter_mut() {
            r.celsius = value;
        }
        st.flat = more.then_some((value, false));
        return Some(ZonePlant::Flat { last: !more });
    }
    // A day's first upload holds its readings from local midnight.
    let first_of_day = (readings[0].at + Duration::hours(8)).time() == NaiveTime::MIN;
    let original = st
        .prev
        .as_ref()
        .filter(|(d, v)| d.succ_opt() == Some(today) && v.len() == PER_DAY)
        .map(|(_, v)| v.clone());
    if let Some(values) = original.filter(|_| first_of_day) {
        if g.plant("TEMP-COPY") {
            zone_state(g, z).copying = Some((values, 0));
            return zone_readings(g, t, z, zone, readings, sensor);
        }
    }
    if g.plant("TEMP-FLAT") {
        let st = zone_state(g, z);
        // Off the 0.1 °C grid of the simulation, so no neighbouring reading extends the run.
        let value = if st.flat_low { mid - 0.05 } else { mid + 0.05 };
        st.flat_low = !st.flat_low;
        st.flat = Some((value, true));
        return zone_readings(g, t, z, zone, readings, sensor);
    }
    if g.plant("TEMP-SENSOR") {
        sensor.push('B');
        return Some(ZonePlant::Sensor);
    }
    if g.plant("TEMP-FUTURE") {
        // Off the 10-minute grid, within the 30-minute recording gap limit.
        let at = t + Duration::minutes(15);
        let extra = Reading {
            at,
            ..readings[readings.len() - 1]
        };
        readings.push(extra);
        let next_day = local_date(at);
        if next_day != today {
            zone_state(g, z).tainted = Some(next_day);
        }
        return Some(ZonePlant::Future);
    }
    if g.plant("TEMP-CONFLICT") {
        return Some(ZonePlant::Conflict);
    }
    None
}

/// After zone `z`'s upload `seq` at `t` (sensor `sensor`, `readings` as emitted; `plants`: what
/// this family planted in it, and whether another family did): records the finding, re-uploads
/// for a conflict, and remembers the day's values for copies.
pub(crate) fn after_zone_readings(
    g: &mut Generator,
    (t, z, seq): (DateTime<Utc>, usize, u64),
    zone: &ZoneDef,
    sensor: &str,
    readings: &[Reading],
    plants: (Option<ZonePlant>, bool),
) {
    let (mine, other) = plants;
    match mine {
        Some(ZonePlant::Copy { last: true }) => g.record("TEMP-COPY", seq, t),
        Some(ZonePlant::Flat { last: true }) => g.record("TEMP-FLAT", seq, t),
        Some(ZonePlant::Sensor) => g.record("TEMP-SENSOR", seq, t),
        Some(ZonePlant::Future) => g.record("TEMP-FUTURE", seq, t),
        Some(ZonePlant::Conflict) => conflict(g, t, zone, sensor, readings),
        _ => {}
    }
    if !g.may_plant("TEMP-COPY") || readings.is_empty() {
        return;
    }
    let st = zone_state(g, z);
    if mine.is_some() || other {
        st.pristine = false;
    }
    st.values.extend(readings.iter().map(|r| r.celsius));
}

/// TEMP-CONFLICT: the last hour of the upload sent again, one reading 0.3 °C closer to the
/// middle of the range.
fn conflict(
    g: &mut Generator,
    t: DateTime<Utc>,
    zone: &ZoneDef,
    sensor: &str,
    readings: &[Reading],
) {
    let mid = f64::midpoint(zone.range.0, zone.range.1);
    let mut again: Vec<Reading> = readings[readings.len().saturating_sub(6)..].to_vec();
    let r = &mut again[2];
    r.celsius = ((r.celsius + if r.celsius < mid { 0.3 } else { -0.3 }) * 10.0).round() / 10.0;
    let seq = g.emit(
        t,
        &["系统-温湿度监测"],
        Refs::default(),
        EventBody::TemperatureReading(TemperatureReading {
            sensor: sensor.into(),
            zone: Some(zone.id.as_str().into()),
            vehicle: None,
            readings: again,
        }),
    );
    g.record("TEMP-CONFLICT", seq, t);
}

/// TEMP-BACKFILL, when an outgoing trip's log is due at `t`: whether it is held back and
/// uploaded four days late instead.
pub(crate) fn trip_log_late(
    g: &mut Generator,
    t: DateTime<Utc>,
    vehicle: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> bool {
    if !g.plant("TEMP-BACKFILL") {
        return false;
    }
    let late = Planting::LateTripLog {
        vehicle: vehicle.to_owned(),
        from,
        to,
    };
    g.schedule(t + Duration::hours(LATE_TRIP_HOURS), Action::Plant(late));
    true
}

/// TEMP-BACKFILL: the held-back trip log, uploaded now.
pub(crate) fn late_trip_log(
    g: &mut Generator,
    t: DateTime<Utc>,
    vehicle: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) {
    let seq = g.vehicle_readings(t, vehicle, from, to);
    g.record("TEMP-BACKFILL", seq, t);
}
