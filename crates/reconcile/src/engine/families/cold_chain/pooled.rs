//! `TEMP-GAP` of a zone fed by several sensors: its readings wait `storage_backfill_hours` (as
//! late as a reading may lawfully be uploaded, `TEMP-BACKFILL`), then are judged for gaps in
//! time order, whatever the order of the uploads.
//!
//! GSP asks for two probes or more in a cold store, and each probe's logger uploads on its own
//! schedule: probe A's upload of 06:00–12:00 may be recorded after probe B's of 09:00–15:00.
//! Judged in upload order, a pause of probe B (calibration) would be a gap from A's last uploaded
//! reading to B's next, although A's later upload fills it. A zone with one sensor is judged in
//! upload order as its readings arrive (its uploads follow one another); a zone becomes pooled
//! when it is registered with two sensors or more, or a second sensor uploads for it.

use chrono::{DateTime, Duration, Utc};
use hashbrown::HashMap;
use rxledger_model::{Reading, TempRange};

use super::{gap_finding, gap_limits, kept, outside, ColdChain, Problem, StreamKind};
use crate::engine::ctx::Ctx;
use crate::engine::projections::Id;

/// The readings of a pooled zone not yet judged, and the latest judged.
#[derive(Default)]
pub(super) struct Pooled {
    /// (time, outside the zone's range when uploaded, upload seq).
    waiting: Vec<(DateTime<Utc>, bool, u64)>,
    /// The latest reading judged, and whether it was outside the range.
    last: Option<(DateTime<Utc>, bool)>,
}

/// Which zones are pooled, and when their readings are judged next.
#[derive(Default)]
pub(super) struct Pools {
    /// The first sensor seen per zone not (yet) pooled.
    first_sensor: HashMap<Id, Id>,
    zones: HashMap<Id, Pooled>,
    /// The ledger's clock (the latest `occurred_at` seen).
    clock: Option<DateTime<Utc>>,
    /// When waiting readings are judged next.
    next: Option<DateTime<Utc>>,
}

impl ColdChain {
    /// A zone registered with `sensors`: pooled when there are two or more.
    pub(super) fn zone_sensors(&mut self, zone: &Id, sensors: &[Id]) {
        if sensors.len() >= 2 {
            self.pool(zone);
        }
    }

    /// Makes `zone` pooled, starting from the latest reading judged in upload order.
    fn pool(&mut self, zone: &Id) {
        if self.pools.zones.contains_key(zone) {
            return;
        }
        let last = self
            .zones
            .get(zone)
            .and_then(|st| st.last.map(|at| (at, st.excursion.is_some())));
        self.pools.first_sensor.remove(zone);
        self.pools.zones.insert(
            zone.clone(),
            Pooled {
                waiting: Vec::new(),
                last,
            },
        );
    }

    /// An upload of `sensor` for `zone` (record `seq`), with the zone's `range`: returns whether
    /// the zone is pooled (its readings then wait here for their gaps to be judged).
    pub(super) fn pooled_upload(
        &mut self,
        cx: &Ctx<'_>,
        (zone, sensor): (&Id, &Id),
        seq: u64,
        range: Option<TempRange>,
        readings: &[Reading],
    ) -> bool {
        match self.pools.first_sensor.get(zone) {
            _ if self.pools.zones.contains_key(zone) => {}
            None => {
                self.pools.first_sensor.insert(zone.clone(), sensor.clone());
                return false;
            }
            Some(first) if first == sensor => return false,
            Some(_) => self.pool(zone),
        }
        let Some(p) = self.pools.zones.get_mut(zone) else {
            return false;
        };
        let out = |c: f64| range.is_some_and(|r| outside(&r, c));
        p.waiting
            .extend(readings.iter().map(|r| (r.at, out(r.celsius), seq)));
        if let Some(first) = readings.iter().map(|r| r.at).min() {
            let settle = Duration::hours(cx.cfg.thresholds.storage_backfill_hours);
            let at = first + settle;
            self.pools.next = Some(self.pools.next.map_or(at, |n| n.min(at)));
        }
        true
    }

    /// Moves the clock to `at`; judges the readings whose settle window passed, when some may
    /// have.
    pub(super) fn pooled_clock(&mut self, cx: &mut Ctx<'_>, at: DateTime<Utc>) {
        let clock = self.pools.clock.map_or(at, |c| c.max(at));
        self.pools.clock = Some(clock);
        if self.pools.next.is_some_and(|n| n <= clock) {
            let settle = Duration::hours(cx.cfg.thresholds.storage_backfill_hours);
            self.judge_pooled(cx, Some(clock - settle));
        }
    }

    /// `TEMP-GAP` over the waiting readings of every pooled zone taken at or before `cutoff`
    /// (all of them when `None`: the end of the input), in time order.
    pub(super) fn judge_pooled(&mut self, cx: &mut Ctx<'_>, cutoff: Option<DateTime<Utc>>) {
        let gap = Duration::minutes(cx.cfg.thresholds.storage_gap_minutes);
        let (normal, during) = gap_limits(cx.cfg, gap);
        let settle = Duration::hours(cx.cfg.thresholds.storage_backfill_hours);
        let mut names: Vec<Id> = self
            .pools
            .zones
            .iter()
            .filter(|(_, p)| !p.waiting.is_empty())
            .map(|(z, _)| z.clone())
            .collect();
        // Zones in a fixed order, so that findings come out in one order.
        names.sort();
        let mut next: Option<DateTime<Utc>> = None;
        for name in names {
            let Some(p) = self.pools.zones.get_mut(&name) else {
                continue;
            };
            p.waiting.sort_by_key(|w| (w.0, w.2));
            let n = cutoff.map_or(p.waiting.len(), |c| p.waiting.partition_point(|w| w.0 <= c));
            for (at, out, seq) in p.waiting.drain(..n) {
                match p.last {
                    // Not after the latest judged (a re-upload, the other sensor's same minute).
                    Some((prev, _)) if at <= prev => continue,
                    Some((prev, prev_out)) => {
                        let limit = if prev_out { &during } else { &normal };
                        if limit.exceeded(at, prev) {
                            let kind = (StreamKind::Zone, name.as_str());
                            let f = gap_finding(seq, kind, (prev, at), limit.delta, prev_out);
                            cx.emit(f);
                            if let Some((_, detail, budget)) = kept(&mut self.trace, kind.0, kind.1)
                            {
                                detail.start(Problem::Gap, prev, Some(at), budget);
                            }
                        }
                    }
                    None => {}
                }
                p.last = Some((at, out));
            }
            if let Some(first) = p.waiting.first() {
                let at = first.0 + settle;
                next = Some(next.map_or(at, |n| n.min(at)));
            }
        }
        // Judged at most once an hour of the clock: a reading waits its window and up to an hour.
        self.pools.next = next.map(|n| match self.pools.clock {
            Some(c) => n.max(c + Duration::hours(1)),
            None => n,
        });
    }
}
