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
    fn micros_are_chronos() {
        let all = instants();
        let mut m = Micros::default();
        for &a in all.iter().chain(all.iter().rev()).chain(&all) {
            assert_eq!(m.of(a), a.timestamp_micros(), "{a}");
        }
    }
}
