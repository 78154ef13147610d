//! Reading instants fast: the canonical spelling by fixed positions, anything else by chrono.
//!
//! Every instant a ledger stores has one spelling (`docs/format.md`): `YYYY-MM-DDTHH:MM:SSZ`,
//! with an optional fraction of one to nine digits before the `Z` (`recorded_at` has six). A
//! ledger of a year holds tens of millions of them (a temperature upload carries one per
//! reading), so [`fast`] reads that layout by position, about eight times faster than chrono's
//! general RFC 3339 parser. Any other spelling (an offset, a lower-case `t`, a leap second, an
//! input file's own style) falls back to chrono, so the results, values and errors alike, are
//! exactly chrono's: [`parse`] is `DateTime::parse_from_rfc3339` and [`parse_relaxed`] is
//! chrono's `FromStr` (what chrono's serde support uses), each converted to UTC. Writing is the
//! same in reverse: [`serialize`] writes the canonical spelling by position, exactly what
//! chrono's serde support writes.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, ParseError, Utc};
use serde::de;

/// The canonical layout `YYYY-MM-DDTHH:MM:SS[.F{1,9}]Z`, read by position; `None` for any other
/// spelling (including a leap second or an impossible date, which chrono then judges).
pub fn fast(s: &str) -> Option<DateTime<Utc>> {
    fast_bytes(s.as_bytes(), &mut None)
}

/// The date of the last instant read by [`fast_bytes`], to read the next of the same day
/// without judging the date again (samples of one upload mostly share a day).
pub(crate) type Day = Option<([u8; 10], NaiveDate)>;

/// [`fast`] of the bytes of a string, with the date of the previous call in `day`.
pub(crate) fn fast_bytes(s: &[u8], day: &mut Day) -> Option<DateTime<Utc>> {
    let (head, rest) = s.split_first_chunk::<19>()?;
    let (date, time) = head.split_first_chunk::<10>()?;
    let [b'T', h0, h1, b':', i0, i1, b':', s0, s1] = *time else {
        return None;
    };
    let nanos = match rest.strip_suffix(b"Z")? {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            number(digits)? * 10u32.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    let (hour, minute, second) = (number(&[h0, h1])?, number(&[i0, i1])?, number(&[s0, s1])?);
    if second > 59 {
        // A leap second (or nonsense): chrono decides.
        return None;
    }
    let date = match day {
        Some((bytes, d)) if bytes == date => *d,
        _ => {
            let d = parse_date(date)?;
            *day = Some((*date, d));
            d
        }
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some(NaiveDateTime::new(date, time).and_utc())
}

/// `YYYY-MM-DD` read by position, if it is a date.
fn parse_date(date: &[u8; 10]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *date else {
        return None;
    };
    let year = i32::try_from(number(&[y0, y1, y2, y3])?).ok()?;
    let (month, day) = (number(&[m0, m1])?, number(&[d0, d1])?);
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Decimal digits (at most nine) as a number; `None` if any is not a digit.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// An RFC 3339 instant, converted to UTC: `DateTime::parse_from_rfc3339`, with [`fast`] first.
pub fn parse(s: &str) -> Result<DateTime<Utc>, ParseError> {
    match fast(s) {
        Some(t) => Ok(t),
        None => DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)),
    }
}

/// An instant as chrono's `FromStr` (and so chrono's serde support) reads it, converted to UTC,
/// with [`fast`] first.
pub fn parse_relaxed(s: &str) -> Result<DateTime<Utc>, ParseError> {
    match fast(s) {
        Some(t) => Ok(t),
        None => s
            .parse::<DateTime<FixedOffset>>()
            .map(|t| t.with_timezone(&Utc)),
    }
}

/// The serde visitor of an instant: chrono's, with the same expectation text.
struct Visitor;

impl de::Visitor<'_> for Visitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        parse_relaxed(value).map_err(E::custom)
    }
}

/// Deserializes a `DateTime<Utc>` as chrono does (`#[serde(deserialize_with = ...)]`), faster.
pub fn deserialize<'de, D: de::Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(Visitor)
}

/// [`deserialize`] for an `Option<DateTime<Utc>>` (`null` is `None`).
pub fn deserialize_opt<'de, D: de::Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    struct Opt;
    impl<'de> de::Visitor<'de> for Opt {
        type Value = Option<DateTime<Utc>>;
        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("an RFC 3339 formatted date and time string or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: de::Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            deserialize(d).map(Some)
        }
    }
    d.deserialize_option(Opt)
}

/// A `DateTime<Utc>` deserialized by [`deserialize`], for places that take a type rather than a
/// function (a map visitor's `next_value`).
pub(crate) struct Instant(pub DateTime<Utc>);

impl<'de> de::Deserialize<'de> for Instant {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize(d).map(Instant)
    }
}

/// The canonical spelling of `t`, exactly as chrono's serde support writes it
/// (`to_rfc3339_opts(SecondsFormat::AutoSi, true)`: a fraction of 3, 6 or 9 digits only when
/// there is one), written by position; `None` outside the years 0 to 9999 and for a leap second,
/// which chrono then writes.
pub(crate) fn canonical(t: &DateTime<Utc>) -> Option<([u8; 30], usize)> {
    let mut out = [0u8; 30];
    let (date, rest) = out.split_at_mut(11);
    // `naive_utc`: chrono's `DateTime` accessors add the (zero) offset on every call.
    date.copy_from_slice(&canonical_date(t.naive_utc().date())?);
    let len = canonical_time(t, rest)?;
    Some((out, 11 + len))
}

/// Whether `s` is the canonical spelling of `t`, the one [`serialize`] writes.
pub(crate) fn is_canonical(s: &[u8], t: &DateTime<Utc>) -> bool {
    canonical(t).is_some_and(|(buf, len)| buf.get(..len) == Some(s))
}

/// Whether `s` is `date` as chrono writes a `NaiveDate` (`YYYY-MM-DD`).
pub(crate) fn is_canonical_date(s: &[u8], date: NaiveDate) -> bool {
    canonical_date(date).is_some_and(|b| b.get(..10) == Some(s))
}

/// The last decimal digit of `n`, in ASCII.
fn ascii_digit(n: u32) -> u8 {
    b'0' + (n % 10) as u8
}

/// `YYYY-MM-DDT` of a date in the years 0 to 9999.
pub(crate) fn canonical_date(date: chrono::NaiveDate) -> Option<[u8; 11]> {
    use chrono::Datelike;
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let (mo, da) = (date.month(), date.day());
    Some([
        ascii_digit(year / 1000),
        ascii_digit(year / 100),
        ascii_digit(year / 10),
        ascii_digit(year),
        b'-',
        ascii_digit(mo / 10),
        ascii_digit(mo),
        b'-',
        ascii_digit(da / 10),
        ascii_digit(da),
        b'T',
    ])
}

/// `HH:MM:SS[.fff|.ffffff|.fffffffff]Z` of `t` into `out` (19 bytes at least), and its length;
/// `None` for a leap second.
pub(crate) fn canonical_time(t: &DateTime<Utc>, out: &mut [u8]) -> Option<usize> {
    use chrono::Timelike;
    let time = t.naive_utc().time();
    let nano = time.nanosecond();
    if nano >= 1_000_000_000 {
        return None;
    }
    let secs = time.num_seconds_from_midnight();
    let (h, mi, se) = (secs / 3600, secs / 60 % 60, secs % 60);
    let head = [
        ascii_digit(h / 10),
        ascii_digit(h),
        b':',
        ascii_digit(mi / 10),
        ascii_digit(mi),
        b':',
        ascii_digit(se / 10),
        ascii_digit(se),
    ];
    let (fraction, digits) = if nano == 0 {
        (0, 0)
    } else if nano.is_multiple_of(1_000_000) {
        (nano / 1_000_000, 3)
    } else if nano.is_multiple_of(1_000) {
        (nano / 1_000, 6)
    } else {
        (nano, 9)
    };
    let (hd, rest) = out.split_at_mut_checked(head.len())?;
    hd.copy_from_slice(&head);
    let mut len = head.len();
    if digits > 0 {
        let (dot, rest) = rest.split_first_mut()?;
        *dot = b'.';
        for (i, slot) in rest.iter_mut().take(digits).enumerate() {
            *slot = ascii_digit(fraction / 10u32.pow((digits - 1 - i) as u32));
        }
        len += 1 + digits;
    }
    *out.get_mut(len)? = b'Z';
    Some(len + 1)
}

/// Serializes a `DateTime<Utc>` as chrono does (`#[serde(serialize_with = ...)]`), faster:
/// written by position into a buffer on the stack and handed over as one string, where chrono
/// formats it through `collect_str` a character at a time (each escaped by the serializer). A
/// temperature upload writes dozens of them, and `append` writes every event to tell whether
/// its input line is canonical.
pub fn serialize<T: std::borrow::Borrow<DateTime<Utc>>, S: serde::Serializer>(
    t: &T,
    s: S,
) -> Result<S::Ok, S::Error> {
    let t = t.borrow();
    let written = canonical(t);
    match written
        .as_ref()
        .and_then(|(buf, len)| std::str::from_utf8(buf.get(..*len)?).ok())
    {
        Some(text) => s.serialize_str(text),
        None => serde::Serialize::serialize(t, s),
    }
}

/// [`serialize`] for an `Option<DateTime<Utc>>` (`None` is `null`).
pub fn serialize_opt<T: std::borrow::Borrow<Option<DateTime<Utc>>>, S: serde::Serializer>(
    t: &T,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t.borrow() {
        Some(t) => s.serialize_some(&Canonical(t)),
        None => s.serialize_none(),
    }
}

/// An instant that serializes by [`serialize`].
struct Canonical<'a>(&'a DateTime<Utc>);

impl serde::Serialize for Canonical<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize(self.0, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chrono_strict(s: &str) -> Result<DateTime<Utc>, ParseError> {
        DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc))
    }

    fn chrono_relaxed(s: &str) -> Result<DateTime<Utc>, ParseError> {
        s.parse::<DateTime<FixedOffset>>()
            .map(|t| t.with_timezone(&Utc))
    }

    proptest! {
        /// `serialize` writes what chrono's serde support writes, for any instant chrono
        /// represents (fractions of every length, years beyond 9999 and before 0, leap seconds).
        #[test]
        fn serialize_writes_what_chrono_writes(
            secs in -70_000_000_000i64..300_000_000_000,
            nano in prop_oneof![Just(0u32), (0u32..1000).prop_map(|n| n * 1_000_000), (0u32..1_000_000).prop_map(|n| n * 1000), 0u32..2_000_000_000],
        ) {
            #[derive(serde::Serialize)]
            struct Ours(#[serde(serialize_with = "serialize")] DateTime<Utc>);
            #[derive(serde::Serialize)]
            struct OursOpt(#[serde(serialize_with = "serialize_opt")] Option<DateTime<Utc>>);
            if let Some(t) = DateTime::from_timestamp(secs, nano) {
                let theirs = serde_json::to_string(&t).unwrap();
                prop_assert_eq!(serde_json::to_string(&Ours(t)).unwrap(), theirs.clone());
                prop_assert_eq!(serde_json::to_string(&OursOpt(Some(t))).unwrap(), theirs);
            }
            prop_assert_eq!(serde_json::to_string(&OursOpt(None)).unwrap(), "null");
        }
    }

    #[test]
    fn canonical_spellings_take_the_fast_path_with_chronos_value() {
        for s in [
            "2026-10-14T03:39:00Z",
            "2026-10-14T03:39:00.000000Z",
            "2026-10-14T03:39:00.5Z",
            "2026-10-14T03:39:00.123456789Z",
            "2024-02-29T23:59:59.999999Z",
            "2000-01-01T00:00:00Z",
        ] {
            assert_eq!(fast(s), Some(chrono_strict(s).unwrap()), "{s}");
        }
    }

    #[test]
    fn other_spellings_are_left_to_chrono() {
        for s in [
            "2026-10-14T11:39:00+08:00",
            "2026-10-14t03:39:00Z",
            "2026-10-14 03:39:00Z",
            "2026-10-14T03:39:00z",
            "2016-12-31T23:59:60Z",
            "2026-02-30T00:00:00Z",
            "2026-10-14T24:00:00Z",
            "2026-10-14T03:39:00.Z",
            "2026-10-14T03:39:00.1234567890Z",
            "+2026-10-14T03:39:00Z",
            "2026-1-14T03:39:00Z",
            "2026-10-14T03:39:0xZ",
            "",
        ] {
            assert_eq!(fast(s), None, "{s}");
            assert_eq!(parse(s), chrono_strict(s), "{s}");
            assert_eq!(parse_relaxed(s), chrono_relaxed(s), "{s}");
        }
    }

    #[test]
    fn serde_errors_are_chronos() {
        #[derive(serde::Deserialize)]
        struct Ours(#[serde(deserialize_with = "deserialize")] DateTime<Utc>);
        #[derive(serde::Deserialize)]
        struct Theirs(DateTime<Utc>);
        for json in [
            "\"2026-10-14T03:39:00Z\"",
            "\"2026-13-14T03:39:00Z\"",
            "\"2026-10-14\"",
            "5",
            "null",
            "\"2026-10-14T03:39:00+08:00\"",
        ] {
            let ours = serde_json::from_str::<Ours>(json).map(|o| o.0);
            let theirs = serde_json::from_str::<Theirs>(json).map(|t| t.0);
            match (ours, theirs) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{json}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{json}"),
                (a, b) => panic!("{json}: {a:?} vs {b:?}"),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Strings shaped like the canonical layout, with every position free to be wrong.
        #[test]
        fn same_as_chrono_near_the_layout(
            s in "[0-9+-]{0,1}[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,11})?(Z|z|[+-][0-9]{2}:[0-9]{2})?"
        ) {
            if let Some(t) = fast(&s) {
                prop_assert_eq!(Ok(t), chrono_strict(&s));
                prop_assert_eq!(Ok(t), chrono_relaxed(&s));
            }
            prop_assert_eq!(parse(&s), chrono_strict(&s));
            prop_assert_eq!(parse_relaxed(&s), chrono_relaxed(&s));
        }

        /// Valid instants of the years a ledger accepts, in the canonical spelling.
        #[test]
        fn valid_instants_round_trip(secs in 946_684_800i64..4_102_444_799, nanos in 0u32..1_000_000_000, digits in 0usize..=9) {
            let t = DateTime::from_timestamp(secs, nanos).unwrap();
            let frac = if digits == 0 { String::new() } else { format!(".{nanos:09}")[..=digits].to_owned() };
            let s = format!("{}{frac}Z", t.format("%Y-%m-%dT%H:%M:%S"));
            prop_assert!(fast(&s).is_some(), "{}", s);
            prop_assert_eq!(Ok(fast(&s).unwrap()), chrono_strict(&s));
        }
    }
}
