//! Temperature: storage sensors' uploads, vehicle trip logs, and the isolation of the
//! refrigerator's vaccines after an excursion.

use chrono::{DateTime, Duration, Utc};
use rxledger_model::{EventBody, Reading, Refs, TemperatureReading};

use super::Action;
use crate::{plant, Generator};

/// Storage sensors sample every 10 minutes; the monitoring system uploads every 4 hours.
const ZONE_UPLOAD_HOURS: i64 = 4;

impl Generator {
    /// A storage zone's upload of the last four hours' readings (and the next upload).
    pub(super) fn zone_hour(&mut self, t: DateTime<Utc>, z: usize) {
        let zone = self.world.zones[z].clone();
        let mut readings: Vec<Reading> = (0..ZONE_UPLOAD_HOURS * 6)
            .map(|i| {
                let base = f64::midpoint(zone.range.0, zone.range.1);
                let jitter = (self.rng.range(0, 200) as f64 - 100.0) / 100.0;
                Reading {
                    at: t - Duration::minutes(ZONE_UPLOAD_HOURS * 60 - 10 * i),
                    celsius: ((base + jitter * (zone.range.1 - zone.range.0) / 4.0) * 10.0).round()
                        / 10.0,
                    humidity: Some(45.0 + self.rng.range(0, 150) as f64 / 10.0),
                }
            })
            .collect();
        let mut sensor = zone.sensor.clone();
        let mine =
            plant::temp_integrity::zone_readings(self, t, z, &zone, &mut readings, &mut sensor);
        let planted = if mine.is_none() {
            plant::cold_chain::zone_readings(self, &zone, &mut readings)
        } else {
            None
        };
        let emitted = readings.clone();
        let seq = self.emit(
            t,
            &["系统-温湿度监测"],
            Refs::default(),
            EventBody::TemperatureReading(TemperatureReading {
                sensor: sensor.as_str().into(),
                zone: Some(zone.id.as_str().into()),
                vehicle: None,
                readings,
            }),
        );
        plant::cold_chain::after_zone_readings(self, t, z, seq, planted);
        plant::temp_integrity::after_zone_readings(
            self,
            (t, z, seq),
            &zone,
            &sensor,
            &emitted,
            (mine, planted.is_some()),
        );
        self.schedule(t + Duration::hours(ZONE_UPLOAD_HOURS), Action::ZoneHour(z));
    }

    /// Every vaccine in zone `z` not yet picked is isolated, then destroyed (after an excursion).
    pub(crate) fn isolate_vaccines(&mut self, t: DateTime<Utc>, z: usize) {
        let hit: Vec<usize> = self
            .product_batches
            .iter()
            .flatten()
            .copied()
            .filter(|&b| {
                let bt = &self.batches[b];
                self.world.products[bt.product].vaccine
                    && self.world.products[bt.product].zone == z
                    && bt.on_hand > bt.reserved
            })
            .collect();
        for b in hit {
            // Units already picked for a sale leave with it within hours; the rest is isolated.
            let q = self.batches[b].on_hand - self.batches[b].reserved;
            self.batches[b].on_hand -= q;
            plant::vaccines::on_isolated(self, t, b);
            let p = self.batches[b].product;
            let zone = self.world.zones[z].id.clone();
            self.quarantine(t, &["质管-周敏"], (p, b, q), zone, t + Duration::days(3));
        }
    }

    /// An outgoing trip's log, due at `t` (unless planting holds it back).
    pub(super) fn trip_log(
        &mut self,
        t: DateTime<Utc>,
        vehicle: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) {
        if !plant::temp_integrity::trip_log_late(self, t, vehicle, from, to) {
            self.vehicle_readings(t, vehicle, from, to);
        }
    }

    /// A refrigerated vehicle's log from `from` to `to`, uploaded at `t`; returns its seq.
    pub(crate) fn vehicle_readings(
        &mut self,
        t: DateTime<Utc>,
        vehicle: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> u64 {
        let mut readings = Vec::new();
        let mut at_t = from;
        while at_t <= to {
            let c = 4.0 + self.rng.range(0, 30) as f64 / 10.0;
            readings.push(Reading {
                at: at_t,
                celsius: c,
                humidity: None,
            });
            at_t += Duration::minutes(5);
        }
        let sensor = format!(
            "TL-{}",
            vehicle
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
        );
        self.emit(
            t,
            &["系统-冷链监测"],
            Refs::default(),
            EventBody::TemperatureReading(TemperatureReading {
                sensor: sensor.into(),
                zone: None,
                vehicle: Some(vehicle.into()),
                readings,
            }),
        )
    }
}
