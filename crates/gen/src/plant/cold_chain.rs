//! Cold chain: TEMP-ZONE (a product stored in a zone of the wrong class), TEMP-RANGE (a
//! refrigerator excursion), TEMP-GAP (a recording gap), CC-RECEIPT (a cold-chain receipt
//! without the vehicle's temperature log).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rxledger_model::{EventBody, MoveLine, Reading, Refs, StorageClass, Transfer, TransferReason};

use super::{Marks, Planting};
use crate::sim::{at, Action};
use crate::world::ZoneDef;
use crate::Generator;

/// The rules this family plants (the families together plant [`crate::PLANTABLE`]).
#[cfg(test)]
pub(crate) const RULES: &[&str] = &["TEMP-ZONE", "TEMP-RANGE", "TEMP-GAP", "CC-RECEIPT"];

/// TEMP-ZONE, daily: a unit parked in the wrong zone at 16:40.
pub(crate) fn on_day(g: &mut Generator, date: NaiveDate) {
    if g.plant("TEMP-ZONE") {
        g.schedule(at(date, 16, 40), Action::Plant(Planting::Zone));
    }
}

/// TEMP-ZONE: one unit of an ambient product parked in the cool store for an hour.
pub(crate) fn wrong_zone(g: &mut Generator, t: DateTime<Utc>) {
    let Some(b) = g.product_batches.iter().flatten().copied().find(|&b| {
        let bt = &g.batches[b];
        g.world.products[bt.product].storage == StorageClass::Ambient
            && !g.special(bt.product)
            && bt.on_hand > bt.reserved + 2
    }) else {
        return;
    };
    let p = g.batches[b].product;
    let line = |from: &str, to: &str| MoveLine {
        product: g.world.products[p].code.as_str().into(),
        batch: g.batches[b].batch.as_str().into(),
        quantity: 1,
        from: from.into(),
        to: to.into(),
        codes: Vec::new(),
    };
    let (l1, l2) = (line("WH-A", "WH-C"), line("WH-C", "WH-A"));
    let d1 = g.doc("YK");
    let seq = g.emit(
        t,
        &["保管-赵磊"],
        Refs::default(),
        EventBody::Transfer(Transfer {
            doc: d1.into(),
            reason: TransferReason::Relocation,
            lines: vec![l1],
        }),
    );
    g.record("TEMP-ZONE", seq, t);
    let d2 = g.doc("YK");
    g.emit(
        t + Duration::minutes(60),
        &["保管-赵磊"],
        Refs::default(),
        EventBody::Transfer(Transfer {
            doc: d2.into(),
            reason: TransferReason::Relocation,
            lines: vec![l2],
        }),
    );
}

/// What was planted in a zone's upload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ZonePlant {
    /// TEMP-RANGE.
    Excursion,
    /// TEMP-GAP.
    Gap,
}

/// TEMP-RANGE or TEMP-GAP, on a storage zone's upload: in the refrigerator an excursion (45
/// minutes at 11 °C, sampled every minute as the alarm mode does), or anywhere a recording gap
/// of an hour.
pub(crate) fn zone_readings(
    g: &mut Generator,
    zone: &ZoneDef,
    readings: &mut Vec<Reading>,
) -> Option<ZonePlant> {
    if zone.class == StorageClass::Cold && g.plant("TEMP-RANGE") {
        let t0 = readings[6].at;
        let mut hot: Vec<Reading> = (1..=45)
            .map(|m| Reading {
                at: t0 + Duration::minutes(m),
                celsius: 11.0,
                humidity: Some(55.0),
            })
            .collect();
        hot.push(Reading {
            at: t0 + Duration::minutes(46),
            celsius: 6.0,
            humidity: Some(55.0),
        });
        readings.retain(|r| r.at <= t0 || r.at > t0 + Duration::minutes(46));
        readings.extend(hot);
        readings.sort_by_key(|r| r.at);
        Some(ZonePlant::Excursion)
    } else if g.plant("TEMP-GAP") {
        readings.drain(5..10);
        Some(ZonePlant::Gap)
    } else {
        None
    }
}

/// After the upload `seq` of zone `z` at `t`: records the finding; after an excursion every
/// vaccine in the zone is isolated.
pub(crate) fn after_zone_readings(
    g: &mut Generator,
    t: DateTime<Utc>,
    z: usize,
    seq: u64,
    planted: Option<ZonePlant>,
) {
    match planted {
        Some(ZonePlant::Excursion) => {
            g.record("TEMP-RANGE", seq, t);
            g.isolate_vaccines(t, z);
        }
        Some(ZonePlant::Gap) => g.record("TEMP-GAP", seq, t),
        None => {}
    }
}

/// The engine's default `logger_settle_hours`: a receipt without the vehicle's log is judged
/// this long after the arrival (the log may still be uploaded).
const LOGGER_SETTLE_HOURS: i64 = 4;

/// CC-RECEIPT, on a cold-chain receipt at `t`: whether the vehicle's temperature log is
/// missing. The finding is certain once the settle window has passed without the log.
pub(crate) fn trip_log_missing(g: &mut Generator, t: DateTime<Utc>, marks: &mut Marks) -> bool {
    let planted = g.plant("CC-RECEIPT");
    if planted {
        marks.add("CC-RECEIPT", t + Duration::hours(LOGGER_SETTLE_HOURS));
    }
    planted
}
