//! Temperature series kept for charts, and the mean kinetic temperature.

use chrono::{DateTime, Duration, Utc};
use rxledger_model::{Reading, TempRange};

use super::closeup::Closeup;
use crate::Envelope;

/// Universal gas constant, J/(mol·K).
const R_GAS: f64 = 8.314_462_618;

/// Mean kinetic temperature (USP <1079>) of equally weighted samples, °C, to a thousandth of a
/// degree: the exponentials and the logarithm leave a trace of rounding (samples all at 31.2
/// gave 31.199999999999932 in the JSON facts, round 20), far below a thermometer's resolution.
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
    ((h_r / -mean.ln() - 273.15) * 1000.0).round() / 1000.0
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

/// The readings of one zone or vehicle, kept while [`crate::Engine::trace_temperatures`] is
/// on, with the ranges the engine judged them against: what a temperature chart draws. Memory is
/// bounded: the readings are summarised in an [`Envelope`], bands closer together than its
/// bucket width merge, and the real readings around each excursion and gap are kept within the
/// caps of [`super::closeup`].
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
    /// The real readings around each excursion and recording gap, in the order the problems
    /// started (see [`Closeup`]).
    pub closeups: Vec<Closeup>,
}

impl TempSeries {
    pub(crate) fn new(kind: StreamKind, name: &str) -> Self {
        TempSeries {
            kind,
            name: name.to_owned(),
            readings: Envelope::default(),
            bands: Vec::new(),
            closeups: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, readings: &[Reading], range: Option<TempRange>) {
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

    pub(crate) fn add_band(&mut self, band: Band) {
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
