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

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

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
    (t + local_offset()).date_naive()
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
