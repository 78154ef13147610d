//! Instants of temperature readings, read cheaply and exactly as chrono reads them.
//!
//! An upload carries one instant per reading, and the readings of one upload mostly fall on one
//! day. chrono's general arithmetic (`DateTime - DateTime`, `timestamp_micros`) works out the
//! day's number since the Common Era for every instant; here the day's part is skipped (two
//! instants of one day) or worked out once per day ([`Micros`]). The results are chrono's to
//! the nanosecond, leap seconds included (those take chrono's own path).

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc};

/// Nanoseconds per second: a fraction at or above it is a leap second.
const NANOS: u32 = 1_000_000_000;

/// `a - b`, exactly chrono's `a.signed_duration_since(b)`: when both instants fall on one day
/// and neither is in a leap second, the difference of their times of day (what chrono adds to
/// a difference of zero days); otherwise chrono's.
#[inline]
pub(crate) fn since(a: DateTime<Utc>, b: DateTime<Utc>) -> TimeDelta {
    let (a, b) = (a.naive_utc(), b.naive_utc());
    if a.date() == b.date() {
        let (ta, tb) = (a.time(), b.time());
        if ta.nanosecond() < NANOS && tb.nanosecond() < NANOS {
            let mut secs = i64::from(ta.num_seconds_from_midnight())
                - i64::from(tb.num_seconds_from_midnight());
            let mut frac = i64::from(ta.nanosecond()) - i64::from(tb.nanosecond());
            if frac < 0 {
                secs -= 1;
                frac += i64::from(NANOS);
            }
            if let Some(d) = u32::try_from(frac)
                .ok()
                .and_then(|frac| TimeDelta::new(secs, frac))
            {
                return d;
            }
        }
    }
    a.signed_duration_since(b)
}

/// A limit on the time between two instants, to tell cheaply whether chrono's `a - b` exceeds
/// it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limit {
    /// The limit.
    pub(crate) delta: TimeDelta,
    /// Its length in nanoseconds, if that fits an `i64` (chrono's `num_nanoseconds`).
    nanos: Option<i64>,
}

impl Limit {
    /// The limit `delta`.
    pub(crate) fn new(delta: TimeDelta) -> Limit {
        Limit {
            delta,
            nanos: delta.num_nanoseconds(),
        }
    }

    /// Whether `a - b > self.delta`, exactly as chrono compares: for two instants of one day
    /// outside leap seconds, `a - b` is the difference of their times of day (well inside an
    /// `i64` of nanoseconds), and a normalised `TimeDelta` compares as its length in
    /// nanoseconds; otherwise chrono's.
    #[inline]
    pub(crate) fn exceeded(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> bool {
        let (na, nb) = (a.naive_utc(), b.naive_utc());
        if let (Some(limit), true) = (self.nanos, na.date() == nb.date()) {
            let (ta, tb) = (na.time(), nb.time());
            if ta.nanosecond() < NANOS && tb.nanosecond() < NANOS {
                let secs = i64::from(ta.num_seconds_from_midnight())
                    - i64::from(tb.num_seconds_from_midnight());
                let frac = i64::from(ta.nanosecond()) - i64::from(tb.nanosecond());
                return secs * i64::from(NANOS) + frac > limit;
            }
        }
        a - b > self.delta
    }
}

/// Microseconds since the epoch, exactly chrono's `timestamp_micros`, with the day's part
/// worked out once for a run of instants of one day.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Micros {
    /// The last day seen, and its midnight in microseconds since the epoch.
    day: Option<(NaiveDate, i64)>,
}

impl Micros {
    /// `at.timestamp_micros()`.
    #[inline]
    pub(crate) fn of(&mut self, at: DateTime<Utc>) -> i64 {
        let at = at.naive_utc();
        let date = at.date();
        let midnight = match self.day {
            Some((d, m)) if d == date => m,
            _ => {
                let m = date.and_time(NaiveTime::MIN).and_utc().timestamp_micros();
                self.day = Some((date, m));
                m
            }
        };
        let time = at.time();
        // chrono: (days * 86,400 + seconds of the day) * 10^6 + fraction / 1,000; the same sum.
        midnight
            + i64::from(time.num_seconds_from_midnight()) * 1_000_000
            + i64::from(time.nanosecond() / 1_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDateTime};

    /// Instants around day boundaries, with fractions and leap seconds.
    fn instants() -> Vec<DateTime<Utc>> {
        let mut out = Vec::new();
        let days = [
            NaiveDate::from_ymd_opt(1969, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(1970, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2016, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
            NaiveDate::from_ymd_opt(-400, 3, 1).unwrap(),
        ];
        for d in days {
            for (h, m, s, n) in [
                (0, 0, 0, 0),
                (0, 0, 0, 1),
                (0, 0, 1, 999_999_999),
                (12, 30, 15, 500_000_000),
                (12, 31, 15, 499_999_999),
                (23, 59, 59, 0),
                (23, 59, 59, 999_999_999),
                (23, 59, 59, 1_000_000_000),
                (23, 59, 59, 1_500_000_000),
                (23, 59, 59, 1_999_999_999),
            ] {
                let t = NaiveTime::from_hms_nano_opt(h, m, s, n).unwrap();
                out.push(NaiveDateTime::new(d, t).and_utc());
            }
        }
        let far = DateTime::<Utc>::MAX_UTC - Duration::days(1);
        out.extend([DateTime::<Utc>::MIN_UTC, far]);
        out
    }

    #[test]
    fn since_is_chronos_difference() {
        let all = instants();
        for &a in &all {
            for &b in &all {
                assert_eq!(since(a, b), a - b, "{a} - {b}");
            }
        }
    }

    #[test]
    fn limits_compare_as_chrono() {
        let all = instants();
        let limits = [
            TimeDelta::zero(),
            TimeDelta::minutes(30),
            TimeDelta::minutes(-30),
            TimeDelta::nanoseconds(1),
            TimeDelta::new(3_599, 999_999_999).unwrap(),
            TimeDelta::new(-1, 500_000_000).unwrap(),
            TimeDelta::MAX,
            TimeDelta::MIN,
        ];
        for &a in &all {
            for &b in &all {
                for l in limits {
                    let limit = Limit::new(l);
                    assert_eq!(limit.exceeded(a, b), a - b > l, "{a} - {b} > {l}");
                    assert_eq!(limit.exceeded(a, a), TimeDelta::zero() > l);
                }
            }
        }
        // One day, a few seconds apart, on both sides of each limit.
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        for s in 0..7_300 {
            let a = NaiveDateTime::new(
                day,
                NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap(),
            );
            let b = NaiveDateTime::new(
                day,
                NaiveTime::from_num_seconds_from_midnight_opt(0, 250).unwrap(),
            );
            let (a, b) = (a.and_utc(), b.and_utc());
            for l in limits {
                assert_eq!(Limit::new(l).exceeded(a, b), a - b > l);
                assert_eq!(Limit::new(l).exceeded(b, a), b - a > l);
            }
        }
    }

    #[test]
    fn micros_are_chronos() {
        let all = instants();
        let mut m = Micros::default();
        for &a in all.iter().chain(all.iter().rev()).chain(&all) {
            assert_eq!(m.of(a), a.timestamp_micros(), "{a}");
        }
    }
}
