//! Traceability codes: the 20-digit Chinese drug traceability code (药品追溯码) and GS1 element
//! strings, parsed into a compact 128-bit key.
//!
//! * **Chinese code**: 20 digits = 7-digit product resource code, 9-digit unit serial and 4 check
//!   digits (which cannot be validated offline). Stored exactly: 20 digits fit in 67 bits.
//! * **GS1 element string**, per the GS1 General Specifications: bracketed
//!   `(01)06901234567892(17)281231(10)B123(21)S0001` (a `(` inside a value is written `\(`, as in
//!   the GS1 Barcode Syntax Engine), or raw, led by a symbology identifier `]C1`, `]e0`, `]d2`,
//!   `]Q3` or `]J1` (or by nothing), with FNC1 given as GS (`\x1d`) after variable-length
//!   fields. AI 01 (GTIN-14 with check digit), 11 (production date) and 17 (expiry), both
//!   `YYMMDD` with day `00` allowed (the last day of the month) and the century chosen by the
//!   sliding window of the General Specifications, §7.12 (see [`gs1_year`]), 10 (batch) and 21 (serial), both 1 to
//!   20 characters of CSET 82 (see [`is_cset82`]). AIs 10, 11, 17 and 21 need AI 01; an AI may
//!   repeat only with the same value.
//!
//! A code is taken exactly as given: leading or trailing white space is an error
//! ([`CodeError::Whitespace`]), never trimmed, since a serial with a trailing space is another
//! serial.
//!
//! A unit is identified by GTIN + serial; its key is a 128-bit FNV-1a hash of both (the code
//! itself is in the ledger; the key only has to be unique among live codes).
//!
//! ```
//! use rxledger_model::codes::{parse_code, TraceCode};
//! let c = parse_code("81234560000000011234").unwrap();
//! assert!(matches!(c, TraceCode::Cn20 { .. }));
//! let g = parse_code("(01)06901234567892(17)281231(10)B123(21)S0001").unwrap();
//! assert!(matches!(g, TraceCode::Gs1 { .. }));
//! assert!(parse_code("(01)06901234567893(21)S1").is_err()); // bad check digit
//! assert!(parse_code("(01)06901234567892(21)S1 ").is_err()); // trailing space
//! ```

use chrono::{Datelike, NaiveDate};

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
    /// An AI repeated with a different value.
    #[error("GS1 AI ({0}) appears twice")]
    Repeated(&'static str),
    /// White space before or after the code (it is never trimmed: a serial with a trailing space
    /// is another serial).
    #[error("white space before or after the code")]
    Whitespace,
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

/// GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1): `!"%&'()*+,-./`,
/// digits, `:;<=>?`, `A`–`Z`, `_` and `a`–`z`. Not space, `#`, `$`, `@`, `[`, `\`, `]`, `^`, `` ` ``,
/// `{`, `|`, `}`, `~`, control characters or anything beyond ASCII.
///
/// ```
/// use rxledger_model::codes::is_cset82;
/// assert!("(A-1/2)".chars().all(is_cset82));
/// assert!(!is_cset82('#') && !is_cset82(' '));
/// ```
pub fn is_cset82(c: char) -> bool {
    matches!(c, '!' | '"' | '%'..='?' | 'A'..='Z' | '_' | 'a'..='z')
}

/// The full year of a GS1 `YY`, by the sliding century window of the GS1 General Specifications
/// (§7.12): with `d = YY − (current_year mod 100)`, the year is in the previous century when `d`
/// is 51 to 99, in the next century when `d` is −99 to −50, and in the current century otherwise,
/// so dates reach 49 years back and 50 years ahead.
///
/// ```
/// use rxledger_model::codes::gs1_year;
/// assert_eq!(gs1_year(28, 2026), 2028);
/// assert_eq!(gs1_year(76, 2026), 2076); // d = 50: current century
/// assert_eq!(gs1_year(77, 2026), 1977); // d = 51: previous century
/// assert_eq!(gs1_year(10, 2070), 2110); // d = -60: next century
/// ```
pub fn gs1_year(yy: u32, current_year: i32) -> i32 {
    let yy = i64::from(yy % 100);
    let current_year = i64::from(current_year);
    let cur = current_year.rem_euclid(100);
    let century = current_year - cur;
    let year = match yy - cur {
        51.. => century - 100 + yy,
        -49..=50 => century + yy,
        _ => century + 100 + yy,
    };
    // Only at the ends of `i32` does the window leave its range; no calendar date is there.
    i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX })
}

/// A GS1 `YYMMDD` date (AIs 11 and 17, as in a Digital Link's `17=` attribute) read in
/// `current_year` (which decides the century, [`gs1_year`]); day `00` means the last day of the
/// month. `None` when it is not a date.
pub fn gs1_date(s: &str, current_year: i32) -> Option<NaiveDate> {
    yymmdd(s, "17", current_year).ok()
}

/// A GS1 `YYMMDD` date (AIs 11 and 17); day `00` means the last day of the month.
fn yymmdd(s: &str, ai: &'static str, current_year: i32) -> Result<NaiveDate, CodeError> {
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CodeError::BadField(ai));
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
    let (yy, mm, dd) = (n(0..2), n(2..4), n(4..6));
    let year = gs1_year(yy, current_year);
    if dd == 0 {
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

/// Symbology identifiers of the barcodes that carry GS1 element strings: GS1-128, GS1 `DataBar`
/// (and composites), GS1 `DataMatrix`, GS1 QR Code, GS1 `DotCode`.
const SYMBOLOGY_IDS: [&str; 5] = ["]C1", "]e0", "]d2", "]Q3", "]J1"];

/// Parses a code, taking the current year from the system clock for the century of `YYMMDD`
/// dates; never panics, whatever the input. See [`parse_code_at`] to fix the year.
pub fn parse_code(input: &str) -> Result<TraceCode, CodeError> {
    parse_code_at(input, chrono::Utc::now().year())
}

/// Parses a code as read in `current_year` (which decides the century of `YYMMDD` dates, see
/// [`gs1_year`]); never panics, whatever the input.
pub fn parse_code_at(input: &str, current_year: i32) -> Result<TraceCode, CodeError> {
    let s = input;
    // The common case first: 20 digits, read in one pass (the general path below gives the
    // same code; the engine reads every unit code of every goods movement).
    if let Some(code) = cn20(s.as_bytes()) {
        return Ok(code);
    }
    parse_general(s, current_year)
}

/// [`parse_code_at`] without its fast path for 20 digits.
fn parse_general(s: &str, current_year: i32) -> Result<TraceCode, CodeError> {
    if s.trim().is_empty() {
        return Err(CodeError::Empty);
    }
    if s.trim() != s {
        return Err(CodeError::Whitespace);
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
    let fields = if let Some(data) = SYMBOLOGY_IDS.iter().find_map(|p| s.strip_prefix(p)) {
        raw(data)?
    } else if s.starts_with('(') {
        bracketed(s)?
    } else if known_ai(s.get(..2).unwrap_or(s)).is_ok() {
        raw(s)?
    } else {
        // Neither brackets, nor a symbology identifier, nor a known AI first: no GS1 element
        // string at all (a 追溯码 with a letter, say), so not diagnosed as one.
        return Err(CodeError::Unrecognised);
    };
    gs1(fields, current_year)
}

/// A Chinese 20-digit code, when `b` is exactly 20 ASCII digits: 7 of product, 9 of serial, 4 of
/// check, read eight digits at a time (the engine reads every unit code of every goods movement).
fn cn20(b: &[u8]) -> Option<TraceCode> {
    let (first, rest) = b.split_first_chunk::<8>()?;
    let (middle, last) = rest.split_first_chunk::<8>()?;
    let last: &[u8; 4] = last.try_into().ok()?;
    let first = digits8(u64::from_le_bytes(*first))?;
    let middle = digits8(u64::from_le_bytes(*middle))?;
    // The last four, padded in front with four zeros.
    let mut padded = *b"0000\0\0\0\0";
    padded[4..].copy_from_slice(last);
    let check = digits8(u64::from_le_bytes(padded))?;
    Some(TraceCode::Cn20 {
        product: u32::try_from(first / 10).ok()?,
        serial: u32::try_from(first % 10 * 100_000_000 + middle).ok()?,
        check: u16::try_from(check).ok()?,
    })
}

/// The value of eight ASCII digits loaded little-endian (the first digit in the lowest byte),
/// or `None` if any byte is not a digit.
fn digits8(w: u64) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Every byte 0x30..=0x3f, then its low nibble at most 9 (adding 6 keeps the high nibble).
    if w & (ONES * 0xf0) != ONES * 0x30 || (w + ONES * 0x06) & (ONES * 0xf0) != ONES * 0x30 {
        return None;
    }
    let v = w & (ONES * 0x0f);
    // Pairs, then fours, then all eight: the first digit is the most significant.
    let v = (v * 10 + (v >> 8)) & 0x00ff_00ff_00ff_00ff;
    let v = (v * 100 + (v >> 16)) & 0x0000_ffff_0000_ffff;
    Some((v * 10_000 + (v >> 32)) & 0xffff_ffff)
}

/// Checks the values of the element strings and their associations.
fn gs1(fields: Vec<(&'static str, String)>, current_year: i32) -> Result<TraceCode, CodeError> {
    let mut gtin = None;
    let mut serial = None;
    let mut batch = None;
    let mut expiry = None;
    let mut production = None;
    for (ai, value) in fields {
        match ai {
            "01" => {
                if value.len() != 14 || !value.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(CodeError::BadField("01"));
                }
                if !gtin_check_ok(&value) {
                    return Err(CodeError::CheckDigit(value));
                }
                once(&mut gtin, value, "01")?;
            }
            "21" | "10" => {
                let name = if ai == "21" { "21" } else { "10" };
                if value.is_empty() || value.chars().count() > 20 || !value.chars().all(is_cset82) {
                    return Err(CodeError::BadField(name));
                }
                once(
                    if ai == "21" { &mut serial } else { &mut batch },
                    value,
                    name,
                )?;
            }
            "17" => once(&mut expiry, yymmdd(&value, "17", current_year)?, "17")?,
            "11" => once(&mut production, yymmdd(&value, "11", current_year)?, "11")?,
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

/// Stores an AI's value; a repeat must carry the same value (GS1 General Specifications: an AI
/// may appear more than once only with identical data).
fn once<T: PartialEq>(slot: &mut Option<T>, value: T, ai: &'static str) -> Result<(), CodeError> {
    match slot {
        Some(v) if *v != value => Err(CodeError::Repeated(ai)),
        Some(_) => Ok(()),
        None => {
            *slot = Some(value);
            Ok(())
        }
    }
}

/// Bracketed element strings: `(AI)value…`; a value runs to the next `(` that is not escaped as
/// `\(`.
fn bracketed(s: &str) -> Result<Vec<(&'static str, String)>, CodeError> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let r = rest.strip_prefix('(').ok_or(CodeError::Unrecognised)?;
        let close = r.find(')').ok_or(CodeError::Unrecognised)?;
        let ai = r.get(..close).unwrap_or("");
        if !(2..=4).contains(&ai.len()) || !ai.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::Unrecognised);
        }
        let ai = known_ai(ai)?;
        let mut value = String::new();
        let mut chars = r.get(close + 1..).unwrap_or("").char_indices().peekable();
        rest = "";
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' if chars.peek().is_some_and(|&(_, n)| n == '(') => {
                    value.push('(');
                    chars.next();
                }
                '(' => {
                    rest = r.get(close + 1 + i..).unwrap_or("");
                    break;
                }
                c => value.push(c),
            }
        }
        out.push((ai, value));
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

/// Raw element strings: AIs run into each other after fixed-length values, and a GS (FNC1)
/// ends a variable-length value; GS before an AI is tolerated.
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
        // A 追溯码 with a letter is no raw element string of an AI (81).
        assert_eq!(
            parse_code("8107866000800002909X"),
            Err(CodeError::Unrecognised)
        );
        assert!(matches!(
            parse_code("0106901234567892\x1d99x"),
            Err(CodeError::UnknownAi(_))
        ));
        assert!(matches!(
            parse_code("(01)06901234567892(21)1(21)2"),
            Err(CodeError::Repeated("21"))
        ));
        assert!(parse_code("(01)06901234567892(21)").is_err());
    }

    #[test]
    fn cset82_exactly() {
        let allowed: String = (0u8..=127)
            .map(char::from)
            .filter(|&c| is_cset82(c))
            .collect();
        assert_eq!(
            allowed,
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
        );
        assert_eq!(allowed.len(), 82);
        // Wrongly refused before: allowed in a serial (a `(` escaped in the bracketed form).
        for c in "()!\"%&'*+,-/".chars() {
            let value = if c == '(' {
                "\\(".to_owned()
            } else {
                c.to_string()
            };
            let code = format!("(01)06901234567892(21)A{value}1");
            let parsed = parse_code_at(&code, 2026).unwrap();
            assert!(
                matches!(&parsed, TraceCode::Gs1 { serial: Some(s), .. } if *s == format!("A{c}1")),
                "{code}: {parsed:?}"
            );
        }
        // Wrongly accepted before.
        for c in "#$@[\\]^`{|}~".chars() {
            let code = format!("(01)06901234567892(21)A{c}1");
            assert_eq!(
                parse_code_at(&code, 2026),
                Err(CodeError::BadField("21")),
                "{code}"
            );
        }
    }

    #[test]
    fn white_space_is_never_trimmed() {
        let ok = "(01)06901234567892(21)S1";
        assert!(parse_code_at(ok, 2026).is_ok());
        for bad in [
            format!("{ok} "),
            format!(" {ok}"),
            format!("{ok}\t"),
            format!("{ok}\u{3000}"),
            " 81234560000000011234".to_owned(),
            "81234560000000011234\n".to_owned(),
        ] {
            assert_eq!(
                parse_code_at(&bad, 2026),
                Err(CodeError::Whitespace),
                "{bad:?}"
            );
        }
        // Inside a value a space is simply not CSET 82.
        assert_eq!(
            parse_code_at("(01)06901234567892(21)S 1", 2026),
            Err(CodeError::BadField("21"))
        );
        assert_eq!(parse_code_at("  ", 2026), Err(CodeError::Empty));
    }

    #[test]
    fn sliding_century() {
        let expiry = |code: &str, year: i32| match parse_code_at(code, year) {
            Ok(TraceCode::Gs1 { expiry, .. }) => expiry,
            other => panic!("{other:?}"),
        };
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let c = |yy: &str| format!("(01)06901234567892(17){yy}0115");
        assert_eq!(expiry(&c("76"), 2026), d(2076, 1, 15)); // +50: this century
        assert_eq!(expiry(&c("77"), 2026), d(1977, 1, 15)); // +51: previous
        assert_eq!(expiry(&c("99"), 2026), d(1999, 1, 15));
        assert_eq!(expiry(&c("00"), 2026), d(2000, 1, 15));
        assert_eq!(expiry(&c("10"), 2060), d(2110, 1, 15)); // -50: next
        assert_eq!(expiry(&c("11"), 2060), d(2011, 1, 15)); // -49: this century
                                                            // The century decides leap years: 29 February 2000 exists, 2100 does not.
        let feb29 = "(01)06901234567892(17)000229";
        assert_eq!(expiry(feb29, 2026), d(2000, 2, 29));
        assert_eq!(parse_code_at(feb29, 2060), Err(CodeError::BadDate("17")));
        assert_eq!(gs1_year(0, -1), 0);
        // No overflow at the ends of the year range.
        for y in [i32::MIN, i32::MIN + 49, i32::MAX - 49, i32::MAX] {
            for yy in [0, 50, 99] {
                assert!((gs1_year(yy, y) - y).unsigned_abs() < 150);
            }
        }
        assert!(parse_code_at(feb29, i32::MAX).is_err());
    }

    #[test]
    fn an_ai_repeats_only_with_the_same_value() {
        let same = parse_code_at("(01)06901234567892(21)S1(01)06901234567892(21)S1", 2026);
        assert_eq!(same, parse_code_at("(01)06901234567892(21)S1", 2026));
        assert_eq!(
            parse_code_at("(01)06901234567892(17)280101(17)280102", 2026),
            Err(CodeError::Repeated("17"))
        );
    }

    #[test]
    fn escaped_brackets_and_symbology_identifiers() {
        let b = parse_code_at("(01)12312312312333(10)ABC\\(123", 2026).unwrap();
        for prefix in SYMBOLOGY_IDS {
            let r = parse_code_at(&format!("{prefix}011231231231233310ABC(123"), 2026).unwrap();
            assert_eq!(r, b, "{prefix}");
        }
        // A backslash not before `(` is itself a character, and not CSET 82.
        assert_eq!(
            parse_code_at("(01)12312312312333(10)A\\B", 2026),
            Err(CodeError::BadField("10"))
        );
        for bad in ["(1A)12345", "()1", "(1)1", "(12345)1", "(15", "(", "]d2"] {
            assert!(parse_code_at(bad, 2026).is_err(), "{bad}");
        }
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

        /// Eight digits read at once are their value; any other byte is refused.
        #[test]
        fn digits8_reads_eight_digits(n in 0u64..100_000_000, at in 0usize..8, bad in any::<u8>()) {
            let text = format!("{n:08}");
            let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap());
            prop_assert_eq!(digits8(word(text.as_bytes())), Some(n));
            let mut b = text.into_bytes();
            b[at] = bad;
            prop_assert_eq!(digits8(word(&b)).is_some(), bad.is_ascii_digit());
        }

        /// The fast path for 20 digits gives what the general path gives, on near-misses too.
        #[test]
        fn cn20_fast_path_agrees(s in "[0-9]{18,22}|[0-9 a]{20}|[0-9]{19}[^0-9]") {
            prop_assert_eq!(parse_code_at(&s, 2026), parse_general(&s, 2026));
        }

        #[test]
        fn valid_cn20_round_trip(product in 0u32..10_000_000, serial in 0u32..1_000_000_000, check in 0u16..10_000) {
            let s = format!("{product:07}{serial:09}{check:04}");
            prop_assert_eq!(parse_code(&s), Ok(TraceCode::Cn20 { product, serial, check }));
        }
    }
}
