//! Long temperature logs: storage zones with one sensor each, read every minute for months, with
//! planted excursions and recording gaps. For the report benchmark (a year of one-minute readings
//! from ten sensors is about 5.3 million readings) and for tests of charts.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rxledger_model::{
    Event, EventBody, Reading, Refs, StorageClass, TemperatureReading, ZoneRegistered,
};

use crate::Rng;

/// What [`sensor_log`] writes.
#[derive(Clone, Debug)]
pub struct SensorLog {
    /// Zones (one sensor each), kept cold (2–8 °C), cool (≤ 20 °C) and ambient (10–30 °C) in
    /// turn.
    pub zones: usize,
    /// First reading.
    pub start: DateTime<Utc>,
    /// Days of readings.
    pub days: u32,
    /// Seconds between readings.
    pub interval_secs: i64,
    /// Readings per `temperature_reading` event (one upload).
    pub per_upload: usize,
    /// Excursions planted per zone (45 minutes, 3 °C above the range's top).
    pub excursions_per_zone: usize,
    /// Recording gaps planted per zone (two hours without readings).
    pub gaps_per_zone: usize,
    /// Random seed.
    pub seed: u64,
}

impl Default for SensorLog {
    /// A year of one-minute readings from ten sensors, uploaded hourly, with 12 excursions and 4
    /// gaps per zone.
    fn default() -> Self {
        SensorLog {
            zones: 10,
            start: Utc
                .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
                .single()
                .unwrap_or_default(),
            days: 365,
            interval_secs: 60,
            per_upload: 60,
            excursions_per_zone: 12,
            gaps_per_zone: 4,
            seed: 1,
        }
    }
}

/// A planted stretch: the zone and its first and last affected reading time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlantedStretch {
    /// Zone id.
    pub zone: String,
    /// First reading out of range (excursion) or last reading before the gap.
    pub from: DateTime<Utc>,
    /// Last reading out of range (excursion) or first reading after the gap.
    pub to: DateTime<Utc>,
}

/// The events of a sensor log, with the excursions and the gaps it planted. Deterministic for a
/// given configuration.
pub fn sensor_log(cfg: &SensorLog) -> (Vec<Event>, Vec<PlantedStretch>, Vec<PlantedStretch>) {
    let mut rng = Rng::new(cfg.seed);
    let mut events = Vec::new();
    let classes = [
        StorageClass::Cold,
        StorageClass::Cool,
        StorageClass::Ambient,
    ];
    let zones: Vec<(String, StorageClass)> = (0..cfg.zones)
        .map(|i| (format!("Z{:02}", i + 1), classes[i % classes.len()]))
        .collect();
    // An event entered at once by `by`, with a UUID v7 of its time.
    let event = |t: DateTime<Utc>, by: &str, body: EventBody, rng: &mut Rng| {
        let ms = u64::try_from(t.timestamp_millis()).unwrap_or(0);
        let mut rand = [0u8; 10];
        rand[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
        Event {
            id: uuid::Builder::from_unix_timestamp_millis(ms, &rand).into_uuid(),
            occurred_at: t,
            entered_at: Some(t),
            recorded_by: vec![by.into()],
            refs: Refs::default(),
            body,
        }
    };
    let setup = cfg.start - Duration::hours(1);
    for (i, (zone, storage)) in zones.iter().enumerate() {
        let body = EventBody::ZoneRegistered(ZoneRegistered {
            zone: zone.as_str().into(),
            storage: *storage,
            temp_range: None,
            sensors: vec![format!("TH-{:02}", i + 1).into()],
        });
        events.push(event(setup, "质管-周敏", body, &mut rng));
    }
    let total = i64::from(cfg.days) * 86_400 / cfg.interval_secs.max(1);
    let total_u = u64::try_from(total).unwrap_or(0);
    // Planted stretches as reading indices, spread so that they never touch each other.
    let slots = (cfg.excursions_per_zone + cfg.gaps_per_zone) as u64;
    let excursion_len = (45 * 60 / cfg.interval_secs.max(1)).max(1);
    let gap_len = (2 * 3600 / cfg.interval_secs.max(1)).max(2);
    let mut plans: Vec<Vec<(i64, bool)>> = Vec::new();
    for _ in &zones {
        let mut plan = Vec::new();
        if let Some(width) = total_u.checked_div(slots) {
            for k in 0..slots {
                let lo = k * width + width / 4;
                let at = i64::try_from(rng.range(lo, lo + width / 2)).unwrap_or(0);
                plan.push((at, k < cfg.excursions_per_zone as u64));
            }
        }
        plans.push(plan);
    }
    let mut excursions = Vec::new();
    let mut gaps = Vec::new();
    let per = i64::try_from(cfg.per_upload.max(1)).unwrap_or(60);
    let mut base = 0i64;
    while base < total {
        let end = (base + per).min(total);
        let upload_at = cfg.start + Duration::seconds(end * cfg.interval_secs);
        for ((zone, storage), plan) in zones.iter().zip(&plans) {
            let range = storage.range();
            let mid = f64::midpoint(range.min_c, range.max_c);
            let mut readings = Vec::with_capacity(cfg.per_upload);
            for n in base..end {
                let at = cfg.start + Duration::seconds(n * cfg.interval_secs);
                let mut celsius = mid + (rng.range(0, 200) as f64 - 100.0) / 100.0;
                let mut skip = false;
                for &(p, excursion) in plan {
                    if excursion && (p..p + excursion_len).contains(&n) {
                        celsius = range.max_c + 3.0;
                        if n == p {
                            excursions.push(PlantedStretch {
                                zone: zone.clone(),
                                from: at,
                                to: at + Duration::seconds((excursion_len - 1) * cfg.interval_secs),
                            });
                        }
                    }
                    if !excursion && (p..p + gap_len).contains(&n) {
                        skip = true;
                        if n == p {
                            gaps.push(PlantedStretch {
                                zone: zone.clone(),
                                from: at - Duration::seconds(cfg.interval_secs),
                                to: at + Duration::seconds(gap_len * cfg.interval_secs),
                            });
                        }
                    }
                }
                if !skip {
                    readings.push(Reading {
                        at,
                        celsius: (celsius * 10.0).round() / 10.0,
                        humidity: None,
                    });
                }
            }
            if readings.is_empty() {
                continue;
            }
            let body = EventBody::TemperatureReading(TemperatureReading {
                sensor: format!("TH-{}", &zone[1..]).into(),
                zone: Some(zone.as_str().into()),
                vehicle: None,
                readings,
            });
            events.push(event(upload_at, "系统-温湿度监测", body, &mut rng));
        }
        base = end;
    }
    (events, excursions, gaps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_log_has_what_it_planted() {
        let cfg = SensorLog {
            zones: 3,
            days: 10,
            excursions_per_zone: 2,
            gaps_per_zone: 1,
            ..SensorLog::default()
        };
        let (events, exc, gaps) = sensor_log(&cfg);
        assert_eq!(exc.len(), 6);
        assert_eq!(gaps.len(), 3);
        let readings: usize = events
            .iter()
            .map(|e| match &e.body {
                EventBody::TemperatureReading(t) => t.readings.len(),
                _ => 0,
            })
            .sum();
        // 10 days of minutes from 3 sensors, less 2 hours per gap.
        assert_eq!(readings, 3 * 14_400 - 3 * 120);
        assert_eq!(sensor_log(&cfg).0, events, "deterministic");
    }
}
