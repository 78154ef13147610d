//! The single-pass parser's fast lane for temperature samples.
//!
//! A temperature upload carries dozens of samples, and in a year's ledger such uploads are a
//! third of the events and most of the timestamps, so reading their `readings` arrays through
//! serde (a key match, a string, two numbers and a struct visit per sample) was about a quarter
//! of all of `check`. Stored payloads are canonical (`docs/format.md`), so the array has one
//! spelling: `[{"at":"YYYY-MM-DDTHH:MM:SSZ","celsius":N,"humidity":N},…]`, `humidity` optional.
//! [`readings_prefix`] reads that spelling by position and gives up (`None`) on anything else: white
//! space, escapes, another key order, an exponent, `null`, a number with more than 15 digits.
//! The reader of canonical events (`canon.rs`) uses it for an upload's samples; for anything
//! else the caller lets serde read the event, so the result never depends on which lane read it.
//!
//! Numbers are computed the way `serde_json` computes them: an integer is converted to `f64`
//! (exact below 2^53), a decimal `m / 10^k` with `m < 10^15` and `k ≤ 15` is one correctly
//! rounded IEEE division of two exact operands (what `serde_json` does, and the correctly rounded
//! value its `float_roundtrip` mode would give too). Negative zero is left to serde.

use crate::events::Reading;
use crate::instant;

/// The canonical spelling of a sample, piece by piece: [`readings_prefix`] reads it and
/// [`splice_readings`] writes it.
const AT: &[u8] = b"{\"at\":\"";
const CELSIUS: &[u8] = b"\",\"celsius\":";
const HUMIDITY: &[u8] = b",\"humidity\":";

/// A canonical `readings` array read by position at the start of `s`, and what follows it.
/// `exact` is cleared unless every sample is spelt as [`splice_readings`] writes it (an instant
/// with a fraction of other than 3, 6 or 9 digits, or a number like `8` or `8.50`, is read but
/// not exact); when it is false already, instants are not judged.
pub(crate) fn readings_prefix<'s>(
    s: &'s [u8],
    exact: &mut bool,
) -> Option<(Vec<Reading>, &'s [u8])> {
    let mut s = s.strip_prefix(b"[")?;
    let mut out = Vec::with_capacity(s.len() / 56 + 1);
    if let Some(rest) = s.strip_prefix(b"]") {
        return Some((out, rest));
    }
    let mut day = None;
    loop {
        s = s.strip_prefix(AT)?;
        let end = s.iter().position(|&c| c == b'"')?;
        let (at_text, rest) = s.split_at_checked(end)?;
        // Digits and separators only, or `None`: no need to check for UTF-8.
        let at = instant::fast_bytes(at_text, &mut day)?;
        // Whole seconds (the usual sample) are canonical as read; a fraction is judged.
        *exact = *exact && (at_text.len() == 20 || instant::is_canonical(at_text, &at));
        s = rest.strip_prefix(CELSIUS)?;
        let (celsius, rest, spelt) = number(s)?;
        *exact &= spelt;
        s = rest;
        let humidity = match s.strip_prefix(HUMIDITY) {
            Some(rest) => {
                let (h, rest, spelt) = number(rest)?;
                *exact &= spelt;
                s = rest;
                Some(h)
            }
            None => None,
        };
        s = s.strip_prefix(b"}")?;
        out.push(Reading {
            at,
            celsius,
            humidity,
        });
        match s {
            [b',', rest @ ..] => s = rest,
            [b']', rest @ ..] => return Some((out, rest)),
            _ => return None,
        }
    }
}

/// Replaces the empty samples array closing `json` (an upload serialised with its samples set
/// aside: `…,"readings":[]}}`) by `samples`, written by position as `serde_json` writes them
/// (each number through `serde_json` itself). `false`, with `json` unusable, when `json` does not
/// end so or an instant has no canonical spelling of its own (a leap second, a year past 9999):
/// the caller then serialises through serde.
pub(crate) fn splice_readings(json: &mut Vec<u8>, samples: &[Reading]) -> bool {
    const END: &[u8] = b",\"readings\":[]}}";
    if !json.ends_with(END) {
        return false;
    }
    json.truncate(json.len() - 3);
    json.reserve(samples.len() * 64 + 3);
    // Samples of an upload share their day: its `YYYY-MM-DDT` is written once.
    let mut day: Option<(chrono::NaiveDate, [u8; 11])> = None;
    let mut time = [0u8; 19];
    for (i, r) in samples.iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.extend_from_slice(AT);
        let date = r.at.naive_utc().date();
        let prefix = match day {
            Some((d, p)) if d == date => p,
            _ => {
                let Some(p) = instant::canonical_date(date) else {
                    return false;
                };
                day = Some((date, p));
                p
            }
        };
        let Some(len) = instant::canonical_time(&r.at, &mut time) else {
            return false;
        };
        json.extend_from_slice(&prefix);
        json.extend_from_slice(time.get(..len).unwrap_or_default());
        json.extend_from_slice(CELSIUS);
        if serde_json::to_writer(&mut *json, &r.celsius).is_err() {
            return false;
        }
        if let Some(h) = r.humidity {
            json.extend_from_slice(HUMIDITY);
            if serde_json::to_writer(&mut *json, &h).is_err() {
                return false;
            }
        }
        json.push(b'}');
    }
    json.extend_from_slice(b"]}}");
    true
}

/// Powers of ten exactly representable in an `f64`, as `serde_json`'s table has them.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// A JSON number `-?(0|[1-9][0-9]*)(\.[0-9]+)?` of at most 15 digits in all, the rest of the
/// input, and whether it is spelt as `serde_json` writes its value; `None` for anything else, and
/// for negative zero.
///
/// `serde_json` writes an `f64` with the fewest digits that read back to it, always with a
/// fraction (`8.0`), in plain decimals from 1e-5 to below 1e16. A decimal of at most 15
/// significant digits is that spelling when it has a fraction and no trailing zero (but `N.0`),
/// and, below 1, at most two zeros after the point before its first other digit: two different
/// decimals of at most 15 digits never read to the same `f64` (15 is `f64`'s `DIGITS`), so no
/// shorter one reads to this value, and of the same length none other does. Tested against
/// `serde_json` itself.
fn number(s: &[u8]) -> Option<(f64, &[u8], bool)> {
    let (negative, mut s) = match s {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, s),
    };
    let leading_zero = s.first() == Some(&b'0');
    let (mut m, mut digits, mut fraction) = (0u64, 0usize, 0usize);
    let mut in_fraction = false;
    // The last digit, and the zeros after the point before any other digit.
    let (mut last, mut zeros) = (0u8, 0usize);
    loop {
        match s {
            [c @ b'0'..=b'9', rest @ ..] => {
                m = m * 10 + u64::from(c - b'0');
                digits += 1;
                fraction += usize::from(in_fraction);
                last = *c;
                zeros += usize::from(in_fraction && m == 0);
                if digits > 15 {
                    return None;
                }
                s = rest;
            }
            [b'.', rest @ ..] if !in_fraction && digits > 0 => {
                in_fraction = true;
                s = rest;
            }
            _ => break,
        }
    }
    let int_digits = digits - fraction;
    if int_digits == 0
        || (int_digits > 1 && leading_zero)
        || (in_fraction && fraction == 0)
        || matches!(s.first(), Some(b'e' | b'E'))
        || (m == 0 && negative)
    {
        return None;
    }
    // `m < 10^15 < 2^53`: exact as an `f64`.
    let magnitude = m as f64 / POW10.get(fraction)?;
    let spelt = in_fraction
        && (last != b'0' || fraction == 1)
        && (m == 0 || int_digits > 1 || !leading_zero || zeros <= 2);
    Some((if negative { -magnitude } else { magnitude }, s, spelt))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Event, EventBody};
    use proptest::prelude::*;

    /// A whole canonical `readings` array read by position; `None` for any other spelling.
    fn readings(text: &str) -> Option<Vec<Reading>> {
        match readings_prefix(text.as_bytes(), &mut true)? {
            (samples, []) => Some(samples),
            _ => None,
        }
    }

    fn serde(text: &str) -> Option<Vec<Reading>> {
        serde_json::from_str(text).ok()
    }

    /// Whether `number` takes `text` (all of it) for `serde_json`'s spelling of its value.
    fn spelt(text: &str) -> Option<bool> {
        match number(text.as_bytes())? {
            (_, [], spelt) => Some(spelt),
            _ => None,
        }
    }

    /// Every number `number` calls spelt as `serde_json` writes it is what `serde_json`
    /// writes: the decimals of up to 15 digits at every scale `number` reads, the values near
    /// the bounds of the rule, and numbers `serde_json` writes itself.
    #[test]
    fn numbers_called_canonical_are_serde_jsons_spelling() {
        let check = |text: &str| {
            if spelt(text) == Some(true) {
                let value: f64 = serde_json::from_str(text).unwrap();
                assert_eq!(serde_json::to_string(&value).unwrap(), text);
            }
        };
        let mut called = 0;
        for m in (0u64..2000).chain([
            999_999_999_999_999,
            123_456_789_012_345,
            100_000_000_000_001,
            1,
            10,
        ]) {
            for fraction in 0..=15usize {
                let digits = m.to_string();
                let text = if fraction == 0 {
                    format!("{digits}.0")
                } else if digits.len() > fraction {
                    let (i, f) = digits.split_at(digits.len() - fraction);
                    format!("{i}.{f}")
                } else {
                    format!("0.{}{digits}", "0".repeat(fraction - digits.len()))
                };
                for t in [text.clone(), format!("-{text}")] {
                    check(&t);
                    called += usize::from(spelt(&t) == Some(true));
                }
            }
        }
        assert!(called > 20_000, "{called}");
        // What serde_json writes, at the scales of readings, is called canonical.
        for i in -100_000i32..=100_000 {
            let text = serde_json::to_string(&(f64::from(i) / 1000.0)).unwrap();
            assert_eq!(spelt(&text), Some(true), "{text}");
        }
        for (text, want) in [
            ("8", false),
            ("8.0", true),
            ("8.00", false),
            ("8.50", false),
            ("0.0", true),
            ("0.001", true),
            ("0.0001", false),
            ("22.4", true),
            ("-3.25", true),
            ("100.0", true),
        ] {
            assert_eq!(spelt(text), Some(want), "{text}");
        }
    }

    #[test]
    fn canonical_arrays_read_as_serde_reads_them() {
        for text in [
            "[]",
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":22.4,"humidity":57.6}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":-3.25},{"at":"2026-09-30T16:10:00.5Z","celsius":8,"humidity":0.0}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":99.99999999999,"humidity":100}]"#,
        ] {
            let fast = readings(text);
            assert!(fast.is_some(), "{text}");
            assert_eq!(fast, serde(text), "{text}");
        }
    }

    #[test]
    fn any_other_spelling_is_left_to_serde() {
        for text in [
            r#"[ {"at":"2026-09-30T16:00:00Z","celsius":22.4}]"#,
            r#"[{"celsius":22.4,"at":"2026-09-30T16:00:00Z"}]"#,
            r#"[{"at":"2026-09-30T16:00:00+08:00","celsius":22.4}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":2.24e1}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":-0.0}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":-0}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":22.4,"humidity":null}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":1234567890.1234567}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":022.4}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":22.}]"#,
            r#"[{"at":"2026\u002d09-30T16:00:00Z","celsius":22.4}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":22.4,"x":1}]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":22.4},]"#,
            r#"[{"at":"2026-09-30T16:00:00Z","celsius":22.4}"#,
            r#"[{"at":"2026-02-30T16:00:00Z","celsius":22.4}]"#,
        ] {
            assert_eq!(readings(text), None, "{text}");
        }
    }

    /// A canonical temperature upload as the generator writes it.
    const UPLOAD: &str = r#"{"v":2,"id":"01a0f3e7-0a00-7c88-a29a-dd19bd330f84","kind":"temperature_reading","occurred_at":"2026-09-30T20:00:00Z","entered_at":"2026-09-30T20:00:00Z","recorded_by":["系统-温湿度监测"],"data":{"sensor":"TH-A01","zone":"WH-A","readings":[{"at":"2026-09-30T16:00:00Z","celsius":22.4,"humidity":57.6},{"at":"2026-09-30T16:10:00Z","celsius":21.3}]}}"#;

    #[test]
    fn a_canonical_upload_skips_serde_with_the_same_event() {
        let slow = Event::from_json_slow(UPLOAD).unwrap();
        assert_eq!(crate::canon::event(UPLOAD), Some(slow.clone()));
        assert_eq!(Event::from_json(UPLOAD).unwrap(), slow);
        assert_eq!(slow.to_json(), UPLOAD, "the example is canonical");
        // A line with its end, as `append` reads its input, takes the fast lane too.
        for end in ["\n", "\r\n", " \t\n"] {
            let line = format!("{UPLOAD}{end}");
            assert_eq!(crate::canon::event(&line), Some(slow.clone()), "{end:?}");
            assert_eq!(Event::from_json(&line).unwrap(), slow);
        }
    }

    #[test]
    fn other_events_and_shapes_are_left_to_the_usual_path() {
        let cases = [
            // A second `readings` key: the array read would not end where the event does.
            UPLOAD.replace(r#""readings":["#, r#""readings":[],"readings":["#),
            // Another field after the samples.
            UPLOAD.replace("]}}", r#"],"vehicle":"V"}}"#),
            // The array in `refs`, `data` without samples.
            UPLOAD.replace(r#","data":{"sensor":"TH-A01","zone":"WH-A","readings":"#, r#","data":{"sensor":"TH-A01","zone":"WH-A","readings":[{"at":"2026-09-30T16:00:00Z","celsius":1}]},"refs":{"order":"X","readings":"#),
            // Another kind.
            UPLOAD.replace("temperature_reading", "stock_count"),
            // White space.
            UPLOAD.replace(r#""readings":["#, r#""readings": ["#),
        ];
        for text in &cases {
            let fast = crate::canon::event(text);
            if let Some(fast) = fast
                .as_ref()
                .filter(|e| crate::validate::validate(e).is_ok())
            {
                assert_eq!(
                    Some(fast),
                    Event::from_json_slow(text).ok().as_ref(),
                    "{text}"
                );
            }
            assert!(fast.is_none(), "{text}");
            assert_eq!(
                Event::from_json(text).ok(),
                Event::from_json_slow(text).ok(),
                "{text}"
            );
        }
    }

    proptest! {
        /// A damaged upload: whatever the fast lane makes of it, the precise parser makes too.
        #[test]
        fn damaged_uploads_read_as_the_precise_parser_reads_them(
            at in any::<prop::sample::Index>(),
            len in 0usize..4,
            insert in prop_oneof![Just(""), Just("]"), Just("}"), Just("\""), Just(","), Just("[]"), Just(",\"readings\":["), Just("}}"), Just("\\")],
        ) {
            let chars: Vec<char> = UPLOAD.chars().collect();
            let i = at.index(chars.len());
            let j = (i + len).min(chars.len());
            let text: String = chars[..i].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(&chars[j..]).collect();
            // (Not validated: the caller validates what it gets.)
            if let Some(fast) = crate::canon::event(&text).filter(|e| crate::validate::validate(e).is_ok()) {
                prop_assert_eq!(Some(fast), Event::from_json_slow(&text).ok(), "{}", text);
            }
            prop_assert_eq!(Event::from_json(&text).ok(), Event::from_json_slow(&text).ok(), "{}", text);
        }

        /// Whatever the fast lane reads, serde reads the same; canonical spellings (what
        /// serde_json writes) always take the fast lane.
        #[test]
        fn the_fast_lane_agrees_with_serde(
            samples in prop::collection::vec(
                (0i64..4_000_000_000, -100.0f64..100.0, prop::option::of(0.0f64..100.0), 0u32..3),
                0..30,
            ),
            cut in any::<prop::sample::Index>(),
            insert in prop_oneof![Just(""), Just("-"), Just("0"), Just("."), Just("e1"), Just(" "), Just("\"")],
        ) {
            let rs: Vec<Reading> = samples
                .iter()
                .map(|&(secs, c, h, digits)| {
                    // Short decimals as ledgers hold them, and full-precision ones.
                    let round = |x: f64| match digits {
                        0 => (x * 10.0).round() / 10.0,
                        1 => (x * 100.0).round() / 100.0,
                        _ => x,
                    };
                    Reading {
                        at: chrono::DateTime::from_timestamp(secs, 0).unwrap(),
                        celsius: round(c),
                        humidity: h.map(round),
                    }
                })
                .collect();
            let text = serde_json::to_string(&rs).unwrap();
            if let Some(fast) = readings(&text) {
                prop_assert_eq!(&fast, &rs);
            } else {
                // Only numbers beyond 15 digits (or an exponent) leave the fast lane.
                prop_assert!(text.contains('e') || rs.iter().any(|r| {
                    r.celsius.to_string().replace(['-', '.'], "").len() > 15
                        || r.humidity.is_some_and(|h| h.to_string().replace('.', "").len() > 15)
                }), "{}", text);
            }
            // Damaged text: the fast lane never accepts what serde refuses or reads differently.
            let i = cut.index(text.len() + 1);
            if text.is_char_boundary(i) {
                let damaged = format!("{}{}{}", &text[..i], insert, &text[i..]);
                if let Some(fast) = readings(&damaged) {
                    prop_assert_eq!(Some(fast), serde(&damaged), "{}", damaged);
                }
            }
        }

        /// An upload written with its samples by position is the bytes serde writes, for any
        /// instant (fractions, leap seconds, years past 9999) and number (NaN, infinities,
        /// negative zero, full precision).
        #[test]
        fn samples_written_by_position_are_serdes_bytes(
            samples in prop::collection::vec(
                (-100_000_000_000i64..300_000_000_000, 0u32..2_000_000_000, prop_oneof![any::<f64>(), -100.0f64..100.0, Just(-0.0), Just(f64::NAN)], prop::option::of(0.0f64..100.0)),
                0..12,
            ),
            vehicle in prop::option::of("[a-z\"\\\\]{0,3}"),
        ) {
            let mut event = Event::from_json_slow(UPLOAD).unwrap();
            let EventBody::TemperatureReading(t) = &mut event.body else { unreachable!() };
            t.vehicle = vehicle.map(Into::into);
            t.readings = samples
                .iter()
                .filter_map(|&(secs, nanos, celsius, humidity)| {
                    let at = chrono::DateTime::from_timestamp(secs, nanos)?;
                    Some(Reading { at, celsius, humidity })
                })
                .collect();
            let serde = serde_json::to_vec(&event).unwrap();
            prop_assert_eq!(event.to_json_bytes(), serde.clone());
            prop_assert_eq!(event.to_json(), serde_json::to_string(&event).unwrap());
            // Appended to a buffer that holds something already (another event, as `append`
            // reuses one): the same bytes after it, whether the samples are written by
            // position or, when they cannot be, by serde after the first try is taken back.
            let mut buf = b"{\"kept\":true}".to_vec();
            event.write_json(&mut buf);
            prop_assert_eq!(&buf[..13], b"{\"kept\":true}".as_slice());
            prop_assert_eq!(&buf[13..], serde.as_slice());
        }
    }
}
