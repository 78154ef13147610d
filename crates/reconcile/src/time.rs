//! Local time of the business the ledger records.
//!
//! Ledgers store instants in UTC. Dates that the rules and regulations speak of (a licence valid
//! on a day, a dispatch on or after an expiry date, a day's suspicious orders) are local dates in
//! China Standard Time, UTC+08:00 all year round (no daylight saving). Every conversion goes
//! through [`local_date`] or [`local_time`], so the offset is written once: [`LOCAL_OFFSET_SECS`].
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use rxledger_reconcile::time::local_date;
//!
//! // 16:30 UTC on 1 October is half past midnight on 2 October in Hangzhou.
//! let t = Utc.with_ymd_and_hms(2026, 10, 1, 16, 30, 0).unwrap();
//! assert_eq!(local_date(t), NaiveDate::from_ymd_opt(2026, 10, 2).unwrap());
//! ```

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Timelike, Utc};

/// The local offset from UTC, in seconds: China Standard Time, UTC+08:00.
pub const LOCAL_OFFSET_SECS: i32 = 8 * 3600;

/// The local offset as a duration.
pub fn local_offset() -> Duration {
    Duration::seconds(i64::from(LOCAL_OFFSET_SECS))
}

/// The local wall-clock time of the instant `t`.
pub fn local_time(t: DateTime<Utc>) -> NaiveDateTime {
    (t + local_offset()).naive_utc()
}

/// The local calendar date of the instant `t`.
pub fn local_date(t: DateTime<Utc>) -> NaiveDate {
    // The UTC date, or the day after from the hour the offset reaches midnight (the same as
    // `(t + local_offset()).date_naive()`, without chrono's general addition: this runs for
    // every event).
    let utc = t.naive_utc();
    let next_day_from = 86_400 - LOCAL_OFFSET_SECS.unsigned_abs();
    if utc.time().num_seconds_from_midnight() >= next_day_from {
        utc.date().succ_opt().unwrap_or(utc.date())
    } else {
        utc.date()
    }
}

/// The instant the local calendar day `d` begins (00:00 local time), in UTC: the deadlines that
/// run from a date (an invoice's issue date, the day after a vaccine's expiry date) start here.
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use rxledger_reconcile::time::{local_date, local_midnight};
///
/// let d = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
/// assert_eq!(local_midnight(d), Utc.with_ymd_and_hms(2026, 10, 31, 16, 0, 0).unwrap());
/// assert_eq!(local_date(local_midnight(d)), d);
/// ```
pub fn local_midnight(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(chrono::NaiveTime::MIN).and_utc() - local_offset()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    proptest! {
        /// `local_date` is the date of the instant plus the offset, leap seconds included.
        #[test]
        fn local_date_is_the_date_after_the_offset(secs in 0i64..4_102_444_800, nanos in 0u32..2_000_000_000) {
            let t = Utc.timestamp_opt(secs, nanos).single();
            prop_assume!(t.is_some());
            let t = t.unwrap();
            prop_assert_eq!(local_date(t), (t + local_offset()).date_naive());
        }
    }

    #[test]
    fn local_date_turns_at_local_midnight() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            local_date(Utc.with_ymd_and_hms(2026, 12, 31, 15, 59, 59).unwrap()),
            d(2026, 12, 31)
        );
        assert_eq!(
            local_date(Utc.with_ymd_and_hms(2026, 12, 31, 16, 0, 0).unwrap()),
            d(2027, 1, 1)
        );
        // Leap seconds (a fraction of 1 s or more) at 15:59:60 and 23:59:60 UTC.
        for hour in [15, 23] {
            let base = Utc.with_ymd_and_hms(2016, 12, 31, hour, 59, 59).unwrap();
            let leap = Utc.timestamp_opt(base.timestamp(), 1_500_000_000).unwrap();
            assert_eq!(local_date(leap), (leap + local_offset()).date_naive());
        }
    }
}
