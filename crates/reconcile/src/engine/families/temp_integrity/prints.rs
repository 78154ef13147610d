//! `TEMP-COPY`'s fingerprints: of the day or trip being read ([`Unit`]), and of the finished
//! ones kept for comparison ([`Prints`], indexed by hash and number of readings).

use std::collections::VecDeque;

use hashbrown::HashMap;

use super::{instant, Limits, Micros, Place};
use crate::engine::ctx::Ctx;
use crate::engine::facts::{factor, term, with_facts};
use crate::engine::families::cold_chain::StreamKind;
use crate::{Finding, Msg, Rule};

/// The fingerprint of a day or trip being read.
#[derive(Clone, Copy, Debug)]
pub(super) struct Unit {
    hash: u64,
    pub(super) readings: u64,
    /// Changes between consecutive rounded readings.
    changes: u64,
    prev: Option<i64>,
    from: Micros,
    to: Micros,
    first_seq: u64,
    last_seq: u64,
}

impl Unit {
    pub(super) fn new() -> Unit {
        Unit {
            hash: 0x5445_4D50_2D43_4F50,
            readings: 0,
            changes: 0,
            prev: None,
            from: 0,
            to: 0,
            first_seq: 0,
            last_seq: 0,
        }
    }

    /// Takes in a reading rounded to `q`, taken `at`, of record `seq`.
    pub(super) fn add(&mut self, q: i64, at: Micros, seq: u64) {
        if self.readings == 0 {
            self.from = at;
            self.first_seq = seq;
        }
        if self.prev.is_some_and(|p| p != q) {
            self.changes += 1;
        }
        self.prev = Some(q);
        self.hash = mix(self.hash, q);
        self.readings += 1;
        self.to = at;
        self.last_seq = seq;
    }
}

/// Mixes one value into a fingerprint (the `SplitMix64` finaliser over the running hash).
fn mix(hash: u64, value: i64) -> u64 {
    let mut z = (hash ^ value.cast_unsigned()).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A finished day or trip.
#[derive(Debug)]
struct Print {
    kind: StreamKind,
    name: String,
    sensor: String,
    hash: u64,
    readings: u64,
    from: Micros,
    to: Micros,
    /// The record of its last reading.
    seq: u64,
}

/// The fingerprints of the finished days and trips of the last `copy_days`, oldest first, and
/// an index of them by (hash, number of readings): a day is compared with the few that could
/// match, not with every zone's and vehicle's days of the period (tens of thousands at a large
/// wholesaler's).
#[derive(Debug, Default)]
pub(super) struct Prints {
    kept: VecDeque<Print>,
    /// The number of fingerprints ever dropped from the front of `kept`: fingerprint number `n`
    /// (counted from the first ever kept) is `kept[n - dropped]`.
    dropped: u64,
    /// The numbers of the kept fingerprints of each (hash, readings), in increasing order.
    index: HashMap<(u64, u64), VecDeque<u64>>,
}

impl Prints {
    /// Drops the fingerprints from the front that ended before `keep_from`.
    fn expire(&mut self, keep_from: Micros) {
        while let Some(p) = self.kept.front().filter(|p| p.to < keep_from) {
            let key = (p.hash, p.readings);
            let n = self.dropped;
            if let Some(numbers) = self.index.get_mut(&key) {
                debug_assert_eq!(numbers.front(), Some(&n));
                numbers.pop_front();
                if numbers.is_empty() {
                    self.index.remove(&key);
                }
            }
            self.kept.pop_front();
            self.dropped += 1;
        }
    }

    /// The oldest fingerprint kept that `unit` repeats at other times and that ended at or
    /// after `keep_from`.
    fn original(&self, unit: &Unit, keep_from: Micros) -> Option<&Print> {
        let numbers = self.index.get(&(unit.hash, unit.readings))?;
        numbers
            .iter()
            .filter_map(|&n| usize::try_from(n - self.dropped).ok())
            .map(|i| &self.kept[i])
            .find(|p| p.from != unit.from && p.to >= keep_from)
    }

    fn push(&mut self, p: Print) {
        let n = self.dropped + self.kept.len() as u64;
        self.index
            .entry((p.hash, p.readings))
            .or_default()
            .push_back(n);
        self.kept.push_back(p);
    }
}

/// `TEMP-COPY`: a finished day or trip that repeats an earlier one at other times. Informative
/// days and trips are kept for comparison, for `copy_days`.
pub(super) fn copy(
    cx: &mut Ctx<'_>,
    prints: &mut Prints,
    (kind, name): Place<'_>,
    sensor: &str,
    unit: &Unit,
    lim: &Limits,
) {
    if unit.changes < lim.min_changes || unit.readings == 0 {
        return;
    }
    let keep_from = unit.to.saturating_sub(lim.copy_days);
    prints.expire(keep_from);
    if let Some(p) = prints.original(unit, keep_from) {
        let m = Msg::new("temp-copy")
            .arg("kind", term(kind.as_str()))
            .arg("name", name)
            .arg("sensor", sensor)
            .arg("from", instant(unit.from))
            .arg("to", instant(unit.to))
            .arg("readings", unit.readings)
            .arg("orig_kind", term(p.kind.as_str()))
            .arg("orig_name", p.name.as_str())
            .arg("orig_sensor", p.sensor.as_str())
            .arg("orig_from", instant(p.from))
            .arg("orig_to", instant(p.to))
            .arg("resolution", factor(cx.cfg.thresholds.temp_resolution_c));
        let expected = with_facts("temp-copy-expected", &m);
        let actual = with_facts("temp-copy-actual", &m);
        let f = Finding::new(Rule::TempCopy, unit.last_seq, m)
            .location(name)
            .interval(instant(unit.from), instant(unit.to))
            .figures(expected, actual)
            .also(unit.first_seq)
            .also(p.seq);
        cx.emit(f);
    }
    prints.push(Print {
        kind,
        name: name.to_owned(),
        sensor: sensor.to_owned(),
        hash: unit.hash,
        readings: unit.readings,
        from: unit.from,
        to: unit.to,
        seq: unit.last_seq,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(hash: u64, readings: u64, from: Micros, to: Micros, seq: u64) -> Print {
        Print {
            kind: StreamKind::Zone,
            name: "Z".into(),
            sensor: "S".into(),
            hash,
            readings,
            from,
            to,
            seq,
        }
    }

    proptest::proptest! {
        /// The index finds the fingerprint a scan of every kept one, oldest first, finds; and
        /// expiring keeps exactly what the scan's own expiry keeps.
        #[test]
        fn the_index_finds_what_a_scan_finds(
            steps in proptest::collection::vec(
                (0u64..3, 1u64..3, 0i64..40, 0i64..10, 0i64..30),
                0..200,
            ),
        ) {
            let mut prints = Prints::default();
            let mut scan: VecDeque<Print> = VecDeque::new();
            for (seq, &(hash, readings, from, len, keep)) in steps.iter().enumerate() {
                let seq = seq as u64;
                let to = from + len;
                let unit = Unit { hash, readings, from, to, ..Unit::new() };
                let keep_from = to - keep;
                prints.expire(keep_from);
                while scan.front().is_some_and(|p| p.to < keep_from) {
                    scan.pop_front();
                }
                let want = scan.iter().find(|p| {
                    p.hash == hash && p.readings == readings && p.from != from && p.to >= keep_from
                });
                let got = prints.original(&unit, keep_from);
                proptest::prop_assert_eq!(got.map(|p| p.seq), want.map(|p| p.seq));
                prints.push(print(hash, readings, from, to, seq));
                scan.push_back(print(hash, readings, from, to, seq));
                let kept: Vec<u64> = prints.kept.iter().map(|p| p.seq).collect();
                let scanned: Vec<u64> = scan.iter().map(|p| p.seq).collect();
                proptest::prop_assert_eq!(kept, scanned);
                let indexed: usize = prints.index.values().map(VecDeque::len).sum();
                proptest::prop_assert_eq!(indexed, prints.kept.len());
            }
        }
    }
}
