//! The time zone people read instants in: every instant a renderer shows a person (a finding's
//! sentence, a due time, the text report, the HTML report) goes through [`Zone::show`], which
//! writes the local wall-clock time with its offset: `2026-10-14 03:10 (+08:00)`. Machine formats
//! (JSON, SARIF) keep RFC 3339 ([`Zone::rfc3339`] when they want the local offset).
//!
//! The default zone is `Asia/Shanghai`, China Standard Time: UTC+08:00 all year, without daylight
//! saving since 1991, so a fixed offset is exact for every instant a ledger can hold (the years
//! 2000 to 2099). The same offset is the rules' business calendar
//! ([`rxledger_reconcile::time::LOCAL_OFFSET_SECS`]). Other zones are given as a fixed offset
//! (`+07:00`, `-05:00`), as `UTC`, or by the name of a zone without daylight saving that this
//! module knows ([`Zone::parse`]); no time-zone database is linked.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use rxledger_report::time::Zone;
//!
//! // 19:10 UTC on 13 October is ten past three on 14 October in Hangzhou.
//! let t = Utc.with_ymd_and_hms(2026, 10, 13, 19, 10, 0).unwrap();
//! assert_eq!(Zone::default().show(t), "2026-10-14 03:10 (+08:00)");
//! assert_eq!(Zone::default().rfc3339(t), "2026-10-14T03:10:00+08:00");
//! assert_eq!(Zone::parse("UTC").unwrap().show(t), "2026-10-13 19:10 (+00:00)");
//! assert!(Zone::parse("Europe/Berlin").is_err()); // daylight saving: not a fixed offset
//! ```

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};

/// Zone names this module knows, with their fixed offset in seconds: zones of China and its
/// neighbours that have kept one offset, without daylight saving, since before 2000 (the first
/// year a ledger can hold). Not those that changed since (Asia/Almaty in 2024; Asia/Ulaanbaatar,
/// Asia/Dhaka and Asia/Karachi kept daylight saving in some years; Asia/Pyongyang moved to
/// +08:30 for three years): give them as an offset.
const NAMED: &[(&str, i32)] = &[
    ("Asia/Shanghai", 8 * 3600),
    ("Asia/Chongqing", 8 * 3600),
    ("Asia/Harbin", 8 * 3600),
    ("PRC", 8 * 3600),
    ("Asia/Hong_Kong", 8 * 3600),
    ("Asia/Macau", 8 * 3600),
    ("Asia/Taipei", 8 * 3600),
    ("Asia/Urumqi", 6 * 3600),
    ("Asia/Singapore", 8 * 3600),
    ("Asia/Kuala_Lumpur", 8 * 3600),
    ("Asia/Manila", 8 * 3600),
    ("Asia/Brunei", 8 * 3600),
    ("Asia/Seoul", 9 * 3600),
    ("Asia/Tokyo", 9 * 3600),
    ("Asia/Bangkok", 7 * 3600),
    ("Asia/Ho_Chi_Minh", 7 * 3600),
    ("Asia/Vientiane", 7 * 3600),
    ("Asia/Phnom_Penh", 7 * 3600),
    ("Asia/Jakarta", 7 * 3600),
    ("Asia/Yangon", 6 * 3600 + 1800),
    ("Asia/Thimphu", 6 * 3600),
    ("Asia/Kathmandu", 5 * 3600 + 2700),
    ("Asia/Kolkata", 5 * 3600 + 1800),
    ("UTC", 0),
    ("Etc/UTC", 0),
];

/// A time zone with a fixed offset, and the name it was given by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    name: String,
    offset: FixedOffset,
}

impl Default for Zone {
    /// `Asia/Shanghai`, UTC+08:00: the business calendar of the rules.
    fn default() -> Zone {
        Zone {
            name: "Asia/Shanghai".to_owned(),
            offset: FixedOffset::east_opt(rxledger_reconcile::time::LOCAL_OFFSET_SECS)
                .expect("offset within a day"),
        }
    }
}

/// A zone that [`Zone::parse`] does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneError(String);

impl std::fmt::Display for ZoneError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown time zone {:?}: give an offset such as +08:00, UTC, or one of {}",
            self.0,
            NAMED.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        )
    }
}

impl std::error::Error for ZoneError {}

impl Zone {
    /// A zone by name (`Asia/Shanghai`, `UTC`, see the module documentation) or by offset
    /// (`+08:00`, `-0530`, `+8`).
    ///
    /// # Errors
    ///
    /// A name this module does not know (a zone with daylight saving among them), or an offset
    /// outside ±23:59.
    pub fn parse(s: &str) -> Result<Zone, ZoneError> {
        let err = || ZoneError(s.to_owned());
        if let Some((name, secs)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(s.trim())) {
            return Ok(Zone {
                name: (*name).to_owned(),
                offset: FixedOffset::east_opt(*secs).ok_or_else(err)?,
            });
        }
        let t = s.trim();
        let (sign, rest) = match t.as_bytes().first() {
            Some(b'+') => (1, &t[1..]),
            Some(b'-') => (-1, &t[1..]),
            _ => return Err(err()),
        };
        let digits: String = rest.chars().filter(|c| *c != ':').collect();
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let (h, m) = match digits.len() {
            1 | 2 => (digits.parse::<i32>().map_err(|_| err())?, 0),
            _ => {
                let split = digits.len() - 2;
                (
                    digits[..split].parse::<i32>().map_err(|_| err())?,
                    digits[split..].parse::<i32>().map_err(|_| err())?,
                )
            }
        };
        if h > 23 || m > 59 {
            return Err(err());
        }
        let offset = FixedOffset::east_opt(sign * (h * 3600 + m * 60)).ok_or_else(err)?;
        Ok(Zone {
            name: offset.to_string(),
            offset,
        })
    }

    /// The name it was given by (`Asia/Shanghai`), or its offset (`+07:00`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The offset from UTC.
    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    /// `t` in this zone.
    pub fn local(&self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        t.with_timezone(&self.offset)
    }

    /// The local calendar date of `t`.
    pub fn date(&self, t: DateTime<Utc>) -> NaiveDate {
        self.local(t).date_naive()
    }

    /// `t` for a person: local date and time to the minute, with the offset
    /// (`2026-10-14 03:10 (+08:00)`); with its seconds (and their fraction) when it is not on the
    /// minute (`2026-10-14 03:10:01 (+08:00)`), so that an interval just over a limit does not
    /// read as if it were at it (round 19: a gap "from 15:00 to 15:30 (30.02 min; limit 30 min)").
    pub fn show(&self, t: DateTime<Utc>) -> String {
        use chrono::Timelike;
        let local = self.local(t);
        let layout = if local.second() == 0 && local.nanosecond() == 0 {
            "%Y-%m-%d %H:%M (%:z)"
        } else {
            "%Y-%m-%d %H:%M:%S%.f (%:z)"
        };
        local.format(layout).to_string()
    }

    /// `t` for a machine: RFC 3339 with this zone's offset (`2026-10-14T03:10:00+08:00`).
    pub fn rfc3339(&self, t: DateTime<Utc>) -> String {
        self.local(t).to_rfc3339_opts(SecondsFormat::AutoSi, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn offsets_parse_and_show() {
        let t = Utc.with_ymd_and_hms(2026, 10, 13, 19, 10, 0).unwrap();
        for (s, shown) in [
            ("+07:00", "2026-10-14 02:10 (+07:00)"),
            ("-0530", "2026-10-13 13:40 (-05:30)"),
            ("+8", "2026-10-14 03:10 (+08:00)"),
            ("asia/shanghai", "2026-10-14 03:10 (+08:00)"),
            ("Etc/UTC", "2026-10-13 19:10 (+00:00)"),
            ("Asia/Urumqi", "2026-10-14 01:10 (+06:00)"),
            ("Asia/Kathmandu", "2026-10-14 00:55 (+05:45)"),
            ("+0800", "2026-10-14 03:10 (+08:00)"),
        ] {
            assert_eq!(Zone::parse(s).unwrap().show(t), shown, "{s}");
        }
        for bad in [
            "",
            "+",
            "8",
            "+24:00",
            "+08:60",
            "+123456",
            "Europe/Berlin",
            "Asia/Almaty",
            "+0x:00",
        ] {
            let e = Zone::parse(bad).unwrap_err();
            assert!(e.to_string().contains("unknown time zone"), "{bad}");
        }
        // Off the minute, the seconds (and a fraction) are shown.
        let zone = Zone::default();
        let s = Utc.with_ymd_and_hms(2026, 10, 13, 19, 10, 1).unwrap();
        assert_eq!(zone.show(s), "2026-10-14 03:10:01 (+08:00)");
        let half = t + chrono::Duration::milliseconds(500);
        assert_eq!(zone.show(half), "2026-10-14 03:10:00.500 (+08:00)");
        assert_eq!(Zone::default().name(), "Asia/Shanghai");
        assert_eq!(
            Zone::default().date(t),
            NaiveDate::from_ymd_opt(2026, 10, 14).unwrap()
        );
        // The default zone is the rules' business calendar.
        assert_eq!(
            Zone::default().date(t),
            rxledger_reconcile::time::local_date(t)
        );
    }
}
