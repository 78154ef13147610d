//! Traceability codes: the 20-digit Chinese drug traceability code (药品追溯码) and GS1 element
//! strings, parsed into a compact 128-bit key.
//!
//! * **Chinese code**: 20 digits = 7-digit product resource code, 9-digit unit serial and 4 check
//!   digits (which cannot be validated offline). Stored exactly: 20 digits fit in 67 bits.
//! * **GS1 element string**: bracketed `(01)06901234567892(17)281231(10)B123(21)S0001` or raw with
//!   FNC1/GS (`\x1d`) separators after variable-length fields, optionally led by the symbology
//!   identifier `]d2`/`]C1`/`]Q3`. AI 01 (GTIN-14 with check digit), 11 (production date), 17
//!   (expiry, YYMMDD; day 00 = end of month), 10 (batch, ≤ 20 chars), 21 (serial, ≤ 20 chars).
//!   A unit is identified by GTIN + serial; its key is a 128-bit FNV-1a hash of
//!   both (the code itself is in the ledger; the key only has to be unique among live codes).
//!
//! ```
//! use rxledger_model::codes::{parse_code, TraceCode};
//! let c = parse_code("81234560000000011234").unwrap();
//! assert!(matches!(c, TraceCode::Cn20 { .. }));
//! let g = parse_code("(01)06901234567892(17)281231(10)B123(21)S0001").unwrap();
//! assert!(matches!(g, TraceCode::Gs1 { .. }));
//! assert!(parse_code("(01)06901234567893(21)S1").is_err()); // bad check digit
//! ```

use chrono::NaiveDate;

/// A parsed traceability code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraceCode {
    /// 20-digit Chinese drug traceability code.
    Cn20 {
        /// 7-digit product resource code.
        product: u32,
        /// 9-digit unit serial.
        serial: u32,
        /// 4 check digits.
        check: u16,
    },
    /// GS1 element string.
    Gs1 {
        /// AI 01: GTIN-14.
        gtin: String,
        /// AI 21: serial number (absent on a batch-level code).
        serial: Option<String>,
        /// AI 10: batch.
        batch: Option<String>,
        /// AI 17: expiry.
        expiry: Option<NaiveDate>,
        /// AI 11: production date.
        production: Option<NaiveDate>,
    },
}

/// Why a code is malformed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CodeError {
    /// Empty input.
    #[error("empty code")]
    Empty,
    /// Digits only but not 20 of them, or other characters.
    #[error("not a 20-digit traceability code nor a GS1 element string")]
    Unrecognised,
    /// A GS1 AI this reader does not know.
    #[error("unsupported GS1 application identifier ({0})")]
    UnknownAi(String),
    /// A field is too short, too long or has wrong characters.
    #[error("GS1 AI ({0}): malformed value")]
    BadField(&'static str),
    /// GTIN check digit wrong.
    #[error("GTIN {0}: wrong check digit")]
    CheckDigit(String),
    /// Date not a calendar date.
    #[error("GS1 AI ({0}): not a valid YYMMDD date")]
    BadDate(&'static str),
    /// AI 01 missing.
    #[error("GS1 element string without a GTIN (01)")]
    NoGtin,
    /// An AI repeated.
    #[error("GS1 AI ({0}) appears twice")]
    Repeated(&'static str),
}

/// GS1 GTIN check digit (mod-10, weights 3/1 from the right) of the first `n-1` digits.
pub fn gtin_check_ok(digits: &str) -> bool {
    let b = digits.as_bytes();
    if b.len() < 2 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (body, check) = b.split_at(b.len() - 1);
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    check
        .first()
        .is_some_and(|c| u32::from(c - b'0') == (10 - sum % 10) % 10)
}

fn yymmdd(s: &str, ai: &'static str) -> Result<NaiveDate, CodeError> {
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CodeError::BadField(ai));
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
    let (yy, mm, dd) = (n(0..2), n(2..4), n(4..6));
    // GS1 century rule simplified: 51..99 -> 19xx is obsolete for drugs; use 20xx.
    let year = 2000 + i32::try_from(yy).unwrap_or(0);
    if dd == 0 {
        // Day 00 means the last day of the month.
        let first_next = if mm == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, mm + 1, 1)
        };
        return first_next
            .filter(|_| (1..=12).contains(&mm))
            .and_then(|d| d.pred_opt())
            .ok_or(CodeError::BadDate(ai));
    }
    NaiveDate::from_ymd_opt(year, mm, dd).ok_or(CodeError::BadDate(ai))
}

const GS: char = '\u{1d}';

fn is_cset82(c: char) -> bool {
    c.is_ascii_graphic() && c != '(' && c != ')'
}

/// Parses a code; never panics, whatever the input.
pub fn parse_code(input: &str) -> Result<TraceCode, CodeError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(CodeError::Empty);
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        if s.len() != 20 {
            return Err(CodeError::Unrecognised);
        }
        let num =
            |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
        return Ok(TraceCode::Cn20 {
            product: num(0..7),
            serial: num(7..16),
            check: u16::try_from(num(16..20)).unwrap_or(0),
        });
    }
    let s = ["]d2", "]C1", "]Q3", "]e0"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s);
    let fields = if s.starts_with('(') {
        bracketed(s)?
    } else {
        raw(s)?
    };
    let mut gtin = None;
    let mut serial = None;
    let mut batch = None;
    let mut expiry = None;
    let mut production = None;
    for (ai, value) in fields {
        match ai {
            "01" => {
                if gtin.is_some() {
                    return Err(CodeError::Repeated("01"));
                }
                if value.len() != 14 || !value.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(CodeError::BadField("01"));
                }
                if !gtin_check_ok(&value) {
                    return Err(CodeError::CheckDigit(value));
                }
                gtin = Some(value);
            }
            "21" | "10" => {
                let name = if ai == "21" { "21" } else { "10" };
                if value.is_empty() || value.chars().count() > 20 || !value.chars().all(is_cset82) {
                    return Err(CodeError::BadField(name));
                }
                let slot = if ai == "21" { &mut serial } else { &mut batch };
                if slot.is_some() {
                    return Err(CodeError::Repeated(name));
                }
                *slot = Some(value);
            }
            "17" => {
                if expiry.is_some() {
                    return Err(CodeError::Repeated("17"));
                }
                expiry = Some(yymmdd(&value, "17")?);
            }
            "11" => {
                if production.is_some() {
                    return Err(CodeError::Repeated("11"));
                }
                production = Some(yymmdd(&value, "11")?);
            }
            other => return Err(CodeError::UnknownAi(other.to_owned())),
        }
    }
    Ok(TraceCode::Gs1 {
        gtin: gtin.ok_or(CodeError::NoGtin)?,
        serial,
        batch,
        expiry,
        production,
    })
}

fn bracketed(s: &str) -> Result<Vec<(&'static str, String)>, CodeError> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let r = rest.strip_prefix('(').ok_or(CodeError::Unrecognised)?;
        let close = r.find(')').ok_or(CodeError::Unrecognised)?;
        let ai = known_ai(r.get(..close).unwrap_or(""))?;
        let r = r.get(close + 1..).unwrap_or("");
        let end = r.find('(').unwrap_or(r.len());
        out.push((ai, r.get(..end).unwrap_or("").to_owned()));
        rest = r.get(end..).unwrap_or("");
    }
    Ok(out)
}

fn known_ai(ai: &str) -> Result<&'static str, CodeError> {
    match ai {
        "01" => Ok("01"),
        "10" => Ok("10"),
        "11" => Ok("11"),
        "17" => Ok("17"),
        "21" => Ok("21"),
        other => Err(CodeError::UnknownAi(other.chars().take(8).collect())),
    }
}

fn raw(s: &str) -> Result<Vec<(&'static str, String)>, CodeError> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(GS);
    while !rest.is_empty() {
        let ai = known_ai(rest.get(..2).unwrap_or(rest))?;
        let r = rest.get(2..).unwrap_or("");
        let fixed = match ai {
            "01" => Some(14),
            "11" | "17" => Some(6),
            _ => None,
        };
        let (value, next) = if let Some(n) = fixed {
            let v = r.get(..n).ok_or(CodeError::BadField(ai))?;
            (v, r.get(n..).unwrap_or(""))
        } else {
            let end = r.find(GS).unwrap_or(r.len());
            (r.get(..end).unwrap_or(""), r.get(end..).unwrap_or(""))
        };
        out.push((ai, value.to_owned()));
        rest = next.trim_start_matches(GS);
    }
    Ok(out)
}

impl TraceCode {
    /// A compact 128-bit key identifying the unit (or the batch, for GS1 codes without serial).
    pub fn key(&self) -> u128 {
        match self {
            TraceCode::Cn20 {
                product,
                serial,
                check,
            } => {
                (u128::from(*product) * 1_000_000_000 + u128::from(*serial)) * 10_000
                    + u128::from(*check)
            }
            TraceCode::Gs1 { gtin, serial, .. } => {
                // FNV-1a 128 over GTIN ‖ 0x1d ‖ serial, with the top bit set so that it never
                // equals a Chinese code key (< 10^20 < 2^67).
                let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
                let prime: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
                for b in gtin
                    .bytes()
                    .chain([0x1d])
                    .chain(serial.iter().flat_map(|s| s.bytes()))
                {
                    h ^= u128::from(b);
                    h = h.wrapping_mul(prime);
                }
                h | (1u128 << 127)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn chinese_codes() {
        let c = parse_code("81234560000000011234").unwrap();
        assert_eq!(
            c,
            TraceCode::Cn20 {
                product: 8_123_456,
                serial: 1,
                check: 1234
            }
        );
        assert_eq!(c.key(), 81_234_560_000_000_011_234);
        assert!(parse_code("8123456000000001123").is_err());
        assert!(parse_code("812345600000000112345").is_err());
        assert!(parse_code("8123456000000001123X").is_err());
        assert!(parse_code("").is_err());
    }

    #[test]
    fn gs1_bracketed_and_raw_agree() {
        let b = parse_code("(01)06901234567892(17)281231(10)B123(21)S0001").unwrap();
        let r = parse_code("]d201069012345678921728123110B123\u{1d}21S0001").unwrap();
        assert_eq!(b, r);
        match b {
            TraceCode::Gs1 {
                gtin,
                serial,
                batch,
                expiry,
                ..
            } => {
                assert_eq!(gtin, "06901234567892");
                assert_eq!(serial.as_deref(), Some("S0001"));
                assert_eq!(batch.as_deref(), Some("B123"));
                assert_eq!(expiry, NaiveDate::from_ymd_opt(2028, 12, 31));
            }
            TraceCode::Cn20 { .. } => panic!(),
        }
        // Day 00 = end of month.
        let e = parse_code("(01)06901234567892(17)280200(21)1").unwrap();
        assert!(
            matches!(e, TraceCode::Gs1 { expiry: Some(d), .. } if d == NaiveDate::from_ymd_opt(2028, 2, 29).unwrap())
        );
    }

    #[test]
    fn gs1_errors() {
        assert!(matches!(
            parse_code("(01)06901234567893(21)1"),
            Err(CodeError::CheckDigit(_))
        ));
        assert!(matches!(
            parse_code("(01)0690123456789(21)1"),
            Err(CodeError::BadField("01"))
        ));
        assert!(matches!(
            parse_code("(01)06901234567892(17)281331"),
            Err(CodeError::BadDate("17"))
        ));
        assert!(matches!(
            parse_code("(01)06901234567892(99)x"),
            Err(CodeError::UnknownAi(_))
        ));
        assert!(matches!(parse_code("(21)S1"), Err(CodeError::NoGtin)));
        assert!(matches!(
            parse_code("(01)06901234567892(21)1(21)2"),
            Err(CodeError::Repeated("21"))
        ));
        assert!(parse_code("(01)06901234567892(21)").is_err());
    }

    #[test]
    fn keys_differ_per_unit() {
        let a = parse_code("(01)06901234567892(21)A1").unwrap().key();
        let b = parse_code("(01)06901234567892(21)A2").unwrap().key();
        assert_ne!(a, b);
        assert!(a >> 127 == 1);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        /// Never panics on arbitrary input, including near-valid GS1 strings.
        #[test]
        fn never_panics(s in "\\PC{0,60}", t in "[()0-9A-Z\u{1d}\\]dC]{0,60}") {
            let _ = parse_code(&s);
            let _ = parse_code(&t);
        }

        #[test]
        fn valid_cn20_round_trip(product in 0u32..10_000_000, serial in 0u32..1_000_000_000, check in 0u16..10_000) {
            let s = format!("{product:07}{serial:09}{check:04}");
            prop_assert_eq!(parse_code(&s), Ok(TraceCode::Cn20 { product, serial, check }));
        }
    }
}
