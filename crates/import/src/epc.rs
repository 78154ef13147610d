//! EPC URNs of the GS1 Tag Data Standard (pure identities `urn:epc:id:…`, the class
//! `urn:epc:class:lgtin:…` and the patterns `urn:epc:idpat:…`) as canonical GS1 Digital Link
//! URIs, the form in which the CBV 2.0 event hash compares identifiers.
//!
//! Each component is checked against its scheme: the GS1 company prefix has 6 to 12 digits and,
//! with the reference that follows it, the key's length; serials and other alphanumeric parts
//! hold only the GS1 AI encodable character set 82 (written as themselves or `%XX`) within the
//! key's maximum length. A URN that fails is an [`EpcError`]; the event hash then keeps it as
//! written (`docs/epcis.md`). In the output the characters `!`, `(`, `)`, `*`, `+`, `,` and `:`
//! of alphanumeric parts are percent-encoded (GS1 Digital Link, Table 7-1); escapes already
//! present are kept.

use crate::dl::{check_digit, DL};

/// Why an EPC URN has no Digital Link form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EpcError {
    /// The text does not start with `urn:epc:id:`, `urn:epc:class:` or `urn:epc:idpat:`.
    #[error("not an EPC URN (urn:epc:id:…, urn:epc:class:…, urn:epc:idpat:…)")]
    NotEpc,
    /// A scheme without a GS1 Digital Link form here (e.g. `usdod`, `adi`, `idpat:sscc`).
    #[error("the EPC scheme `{0}` has no GS1 Digital Link form")]
    Unsupported(String),
    /// The URN's components do not fit its scheme.
    #[error("malformed `{scheme}` EPC: {reason}")]
    Malformed {
        /// The scheme, `sgtin` or `idpat:sgtin`.
        scheme: String,
        /// What does not fit.
        reason: EpcFault,
    },
}

mod fault;
pub use fault::{EpcFault, EpcPart};

/// The canonical GS1 Digital Link URI of an EPC URN.
pub fn to_digital_link(urn: &str) -> Result<String, EpcError> {
    let (kind, rest) = [
        ("id", "urn:epc:id:"),
        ("class", "urn:epc:class:"),
        ("idpat", "urn:epc:idpat:"),
    ]
    .into_iter()
    .find_map(|(k, p)| Some((k, urn.strip_prefix(p)?)))
    .ok_or(EpcError::NotEpc)?;
    let Some((scheme, body)) = rest.split_once(':') else {
        return Err(EpcError::Malformed {
            scheme: format!("{kind}:{rest}"),
            reason: EpcFault::NoColon,
        });
    };
    let label = if kind == "id" {
        scheme.to_owned()
    } else {
        format!("{kind}:{scheme}")
    };
    let u = Urn { label, body };
    match (kind, scheme) {
        ("id", _) => u.pure_identity(scheme),
        ("class", "lgtin") => {
            let p = u.parts(3)?;
            let lot = u.chars(p[2], 1, 20, EpcPart::Lot, Set::Ai82)?;
            Ok(format!("{DL}/01/{}/10/{lot}", u.gtin(p[0], p[1])?))
        }
        ("idpat", _) => u.pattern(scheme),
        _ => Err(EpcError::Unsupported(u.label)),
    }
}

/// The characters allowed in an alphanumeric component.
#[derive(Clone, Copy)]
enum Set {
    /// GS1 AI encodable character set 82.
    Ai82,
    /// The set of the CPI component reference: `#`, `-`, `/`, digits and capitals.
    Cpi,
}

impl Set {
    fn literal(self, b: u8) -> bool {
        match self {
            Set::Ai82 => {
                b.is_ascii_alphanumeric()
                    || matches!(b, b'!' | b'\'' | b'(' | b')' | b'*' | b'+' | b',')
                    || matches!(b, b'-' | b'.' | b':' | b';' | b'=' | b'_')
            }
            Set::Cpi => b.is_ascii_digit() || b.is_ascii_uppercase() || b == b'-',
        }
    }

    fn escaped(self, b: u8) -> bool {
        match self {
            Set::Ai82 => matches!(b, 0x21 | 0x22 | 0x25..=0x3F | 0x41..=0x5A | 0x5F | 0x61..=0x7A),
            Set::Cpi => {
                b.is_ascii_digit() || b.is_ascii_uppercase() || matches!(b, b'#' | b'-' | b'/')
            }
        }
    }

    /// The number of characters of `s` (an escape counts one), or the byte offset of the first
    /// that is not in the set.
    fn count(self, s: &str) -> Result<usize, usize> {
        let b = s.as_bytes();
        let (mut i, mut n) = (0, 0);
        while i < b.len() {
            if b[i] == b'%' {
                let hex = b
                    .get(i + 1..i + 3)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                let byte = hex
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if !byte.is_some_and(|c| self.escaped(c)) {
                    return Err(i);
                }
                i += 3;
            } else if self.literal(b[i]) {
                i += 1;
            } else {
                return Err(i);
            }
            n += 1;
        }
        Ok(n)
    }
}

/// `!()*+,:` percent-encoded (GS1 Digital Link 1.x, Table 7-1); `%XX` escapes stay.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '!' => out.push_str("%21"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '*' => out.push_str("%2A"),
            '+' => out.push_str("%2B"),
            ',' => out.push_str("%2C"),
            ':' => out.push_str("%3A"),
            c => out.push(c),
        }
    }
    out
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// `body` plus its GS1 check digit.
fn with_check(body: String) -> String {
    let c = check_digit(&body);
    body + &c.to_string()
}

/// An EPC URN being converted: its scheme label and the text after the scheme.
struct Urn<'a> {
    label: String,
    body: &'a str,
}

impl<'a> Urn<'a> {
    fn bad(&self, reason: EpcFault) -> EpcError {
        EpcError::Malformed {
            scheme: self.label.clone(),
            reason,
        }
    }

    /// The body split at its first `n - 1` dots (later parts may hold dots).
    fn parts(&self, n: usize) -> Result<Vec<&'a str>, EpcError> {
        let p: Vec<&str> = self.body.splitn(n, '.').collect();
        if p.len() == n {
            Ok(p)
        } else {
            Err(self.bad(EpcFault::Components { n: n as u64 }))
        }
    }

    /// Checks a company prefix and the all-digit reference after it, `total` digits together.
    fn digits(&self, company: &str, reference: &str, total: usize) -> Result<(), EpcError> {
        if !(6..=12).contains(&company.len()) || !all_digits(company) {
            return Err(self.bad(EpcFault::CompanyPrefix {
                company: company.to_owned(),
            }));
        }
        if !all_digits(reference) || company.len() + reference.len() != total {
            return Err(self.bad(EpcFault::Digits {
                reference: reference.to_owned(),
                total: total as u64,
            }));
        }
        Ok(())
    }

    /// A GTIN-14: the reference's first digit (the indicator) moves to the front.
    fn gtin(&self, company: &str, item: &str) -> Result<String, EpcError> {
        self.digits(company, item, 13)?;
        Ok(with_check(format!("{}{company}{}", &item[..1], &item[1..])))
    }

    /// A key of company prefix + reference + check digit (GLN, GRAI, GDTI, GCN, GSRN, GSIN).
    fn plain(&self, company: &str, reference: &str, total: usize) -> Result<String, EpcError> {
        self.digits(company, reference, total)?;
        Ok(with_check(format!("{company}{reference}")))
    }

    /// `s` checked to hold `min..=max` characters of `set`, percent-encoded for the output.
    fn chars(
        &self,
        s: &str,
        min: usize,
        max: usize,
        part: EpcPart,
        set: Set,
    ) -> Result<String, EpcError> {
        match set.count(s) {
            Ok(n) if (min..=max).contains(&n) => Ok(encode(s)),
            Ok(n) => Err(self.bad(EpcFault::Length {
                part,
                value: s.to_owned(),
                n: n as u64,
                min: min as u64,
                max: max as u64,
            })),
            Err(at) => Err(self.bad(EpcFault::Charset {
                part,
                value: s.to_owned(),
                at: at as u64,
            })),
        }
    }

    fn serial_digits(&self, s: &str) -> Result<(), EpcError> {
        if (1..=12).contains(&s.len()) && all_digits(s) {
            Ok(())
        } else {
            Err(self.bad(EpcFault::Serial {
                value: s.to_owned(),
            }))
        }
    }

    fn star(&self, s: &str) -> Result<(), EpcError> {
        if s == "*" {
            Ok(())
        } else {
            Err(self.bad(EpcFault::NotStar {
                value: s.to_owned(),
            }))
        }
    }

    fn pure_identity(&self, scheme: &str) -> Result<String, EpcError> {
        match scheme {
            "sgtin" => {
                let p = self.parts(3)?;
                let serial = self.chars(p[2], 1, 20, EpcPart::Serial, Set::Ai82)?;
                Ok(format!("{DL}/01/{}/21/{serial}", self.gtin(p[0], p[1])?))
            }
            "sscc" => {
                let p = self.parts(2)?;
                self.digits(p[0], p[1], 17)?;
                let (ext, rest) = p[1].split_at(1);
                Ok(format!(
                    "{DL}/00/{}",
                    with_check(format!("{ext}{}{rest}", p[0]))
                ))
            }
            "sgln" => {
                let p = self.parts(3)?;
                let gln = self.plain(p[0], p[1], 12)?;
                match self
                    .chars(p[2], 1, 20, EpcPart::Extension, Set::Ai82)?
                    .as_str()
                {
                    "0" => Ok(format!("{DL}/414/{gln}")),
                    ext => Ok(format!("{DL}/414/{gln}/254/{ext}")),
                }
            }
            "pgln" => {
                let p = self.parts(2)?;
                Ok(format!("{DL}/417/{}", self.plain(p[0], p[1], 12)?))
            }
            "grai" => {
                let p = self.parts(3)?;
                let serial = self.chars(p[2], 1, 16, EpcPart::Serial, Set::Ai82)?;
                Ok(format!(
                    "{DL}/8003/0{}{serial}",
                    self.plain(p[0], p[1], 12)?
                ))
            }
            "gdti" => {
                let p = self.parts(3)?;
                let serial = self.chars(p[2], 0, 17, EpcPart::Serial, Set::Ai82)?;
                Ok(format!("{DL}/253/{}{serial}", self.plain(p[0], p[1], 12)?))
            }
            "sgcn" => {
                let p = self.parts(3)?;
                self.serial_digits(p[2])?;
                Ok(format!("{DL}/255/{}{}", self.plain(p[0], p[1], 12)?, p[2]))
            }
            "gsrn" | "gsrnp" => {
                let p = self.parts(2)?;
                let ai = if scheme == "gsrn" { "8018" } else { "8017" };
                Ok(format!("{DL}/{ai}/{}", self.plain(p[0], p[1], 17)?))
            }
            "gsin" => {
                let p = self.parts(2)?;
                Ok(format!("{DL}/402/{}", self.plain(p[0], p[1], 16)?))
            }
            "giai" | "ginc" => {
                let p = self.parts(2)?;
                self.digits(p[0], "", p[0].len())?;
                let max = 30 - p[0].len();
                let (ai, what) = if scheme == "giai" {
                    ("8004", EpcPart::AssetReference)
                } else {
                    ("401", EpcPart::ConsignmentReference)
                };
                let r = self.chars(p[1], 1, max, what, Set::Ai82)?;
                Ok(format!("{DL}/{ai}/{}{r}", p[0]))
            }
            "cpi" => {
                let p = self.parts(3)?;
                self.digits(p[0], "", p[0].len())?;
                let cp = self.chars(
                    p[1],
                    1,
                    30 - p[0].len(),
                    EpcPart::ComponentReference,
                    Set::Cpi,
                )?;
                self.serial_digits(p[2])?;
                Ok(format!("{DL}/8010/{}{cp}/8011/{}", p[0], p[2]))
            }
            "itip" => {
                let p = self.parts(5)?;
                self.piece_total(p[2], p[3])?;
                let serial = self.chars(p[4], 1, 20, EpcPart::Serial, Set::Ai82)?;
                let gtin = self.gtin(p[0], p[1])?;
                Ok(format!("{DL}/8006/{gtin}{}{}/21/{serial}", p[2], p[3]))
            }
            "upui" => {
                let p = self.parts(3)?;
                let tpx = self.chars(p[2], 1, 28, EpcPart::ThirdPartySerial, Set::Ai82)?;
                Ok(format!("{DL}/01/{}/235/{tpx}", self.gtin(p[0], p[1])?))
            }
            _ => Err(EpcError::Unsupported(self.label.clone())),
        }
    }

    fn piece_total(&self, piece: &str, total: &str) -> Result<(), EpcError> {
        if piece.len() == 2 && total.len() == 2 && all_digits(piece) && all_digits(total) {
            Ok(())
        } else {
            Err(self.bad(EpcFault::PieceTotal {
                piece: piece.to_owned(),
                total: total.to_owned(),
            }))
        }
    }

    /// The Digital Link of the class a pattern selects (its last component is `*`).
    fn pattern(&self, scheme: &str) -> Result<String, EpcError> {
        match scheme {
            "sgtin" | "upui" => {
                let p = self.parts(3)?;
                self.star(p[2])?;
                Ok(format!("{DL}/01/{}", self.gtin(p[0], p[1])?))
            }
            "grai" | "gdti" | "sgcn" => {
                let p = self.parts(3)?;
                self.star(p[2])?;
                let key = self.plain(p[0], p[1], 12)?;
                Ok(match scheme {
                    "grai" => format!("{DL}/8003/0{key}"),
                    "gdti" => format!("{DL}/253/{key}"),
                    _ => format!("{DL}/255/{key}"),
                })
            }
            "cpi" => {
                let p = self.parts(3)?;
                self.star(p[2])?;
                self.digits(p[0], "", p[0].len())?;
                let cp = self.chars(
                    p[1],
                    1,
                    30 - p[0].len(),
                    EpcPart::ComponentReference,
                    Set::Cpi,
                )?;
                Ok(format!("{DL}/8010/{}{cp}", p[0]))
            }
            "itip" => {
                let p = self.parts(5)?;
                self.star(p[4])?;
                self.piece_total(p[2], p[3])?;
                Ok(format!(
                    "{DL}/8006/{}{}{}",
                    self.gtin(p[0], p[1])?,
                    p[2],
                    p[3]
                ))
            }
            _ => Err(EpcError::Unsupported(self.label.clone())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(urn: &str) -> String {
        to_digital_link(urn).unwrap_or_else(|e| panic!("{urn}: {e}"))
    }

    fn bad(urn: &str) -> String {
        match to_digital_link(urn) {
            Err(e) => e.to_string(),
            Ok(dl) => panic!("{urn} converted to {dl}"),
        }
    }

    #[test]
    fn sgtin_sscc_sgln_pgln() {
        assert_eq!(
            ok("urn:epc:id:sgtin:0614141.107346.2017"),
            format!("{DL}/01/10614141073464/21/2017")
        );
        assert_eq!(
            ok("urn:epc:id:sgtin:415056789012.0.987654"),
            format!("{DL}/01/04150567890128/21/987654")
        );
        assert_eq!(
            ok("urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()"),
            format!("{DL}/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29")
        );
        assert_eq!(
            ok("urn:epc:id:sscc:4012345.3111111111"),
            format!("{DL}/00/340123451111111111")
        );
        assert_eq!(
            ok("urn:epc:id:sgln:0614141.07346.1234"),
            format!("{DL}/414/0614141073467/254/1234")
        );
        assert_eq!(
            ok("urn:epc:id:sgln:4012345.00011.0"),
            format!("{DL}/414/4012345000115")
        );
        assert_eq!(
            ok("urn:epc:id:pgln:999999999999."),
            format!("{DL}/417/9999999999994")
        );
        assert!(bad("urn:epc:id:sgtin:0614141.10734.2017").contains("not 13 digits together"));
        assert!(bad("urn:epc:id:sgtin:12345.1234567.1").contains("company prefix `12345`"));
        assert!(bad("urn:epc:id:sgtin:0614141.107346").contains("expected 3 components"));
        assert!(bad("urn:epc:id:sgtin:0614141.107346.a b").contains("outside its set"));
        assert!(bad("urn:epc:id:sgtin:0614141.107346.%2").contains("outside its set"));
        assert!(bad("urn:epc:id:sgtin:0614141.107346.%+1").contains("outside its set"));
        assert!(
            bad("urn:epc:id:sgtin:0614141.107346.123456789012345678901").contains("21 characters")
        );
        assert!(bad("urn:epc:id:sscc:4012345.311111111").contains("not 17 digits"));
        assert!(bad("urn:epc:id:sgln:4012345.00011.").contains("0 characters"));
        assert!(bad("urn:epc:id:pgln:4000001.0000").contains("not 12 digits"));
    }

    #[test]
    fn grai_giai_gdti_gsrn() {
        assert_eq!(
            ok("urn:epc:id:grai:4012345.00022.334455"),
            format!("{DL}/8003/04012345000221334455")
        );
        assert_eq!(
            ok("urn:epc:id:giai:4012345.ABC345"),
            format!("{DL}/8004/4012345ABC345")
        );
        assert_eq!(
            ok("urn:epc:id:gdti:4012345.00009.PO-4711"),
            format!("{DL}/253/4012345000092PO-4711")
        );
        assert_eq!(
            ok("urn:epc:id:gdti:987659999999..9"),
            format!("{DL}/253/98765999999929")
        );
        assert_eq!(
            ok("urn:epc:id:gsrn:4012345.0000006765"),
            format!("{DL}/8018/401234500000067657")
        );
        assert_eq!(
            ok("urn:epc:id:gsrnp:4012345.0000000007"),
            format!("{DL}/8017/401234500000000074")
        );
        assert!(bad("urn:epc:id:grai:4012345.00022.").contains("0 characters, not 1 to 16"));
        assert!(bad("urn:epc:id:giai:4012345.").contains("asset reference"));
        assert!(bad("urn:epc:id:giai:40123A5.X").contains("company prefix"));
        assert!(bad("urn:epc:id:gsrn:4012345.000000676").contains("not 17 digits"));
        assert!(bad("urn:epc:id:gdti:4012345.0000X.1").contains("reference `0000X`"));
    }

    #[test]
    fn cpi_sgcn_ginc_gsin_itip_upui() {
        assert_eq!(
            ok("urn:epc:id:cpi:4012345.ABC.123"),
            format!("{DL}/8010/4012345ABC/8011/123")
        );
        assert_eq!(
            ok("urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234"),
            format!("{DL}/8010/061414111111111111111-A%23%2F/8011/1234")
        );
        assert_eq!(
            ok("urn:epc:id:sgcn:4012345.99999.44"),
            format!("{DL}/255/401234599999044")
        );
        assert_eq!(
            ok("urn:epc:id:ginc:0614141.xyz47%2F11"),
            format!("{DL}/401/0614141xyz47%2F11")
        );
        assert_eq!(
            ok("urn:epc:id:gsin:4012345.222333444"),
            format!("{DL}/402/40123452223334442")
        );
        assert_eq!(
            ok("urn:epc:id:itip:4012345.011111.01.02.987"),
            format!("{DL}/8006/040123451111180102/21/987")
        );
        assert_eq!(
            ok("urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB"),
            format!("{DL}/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7'SDB")
        );
        assert!(bad("urn:epc:id:cpi:4012345.abc.123").contains("component reference `abc`"));
        assert!(bad("urn:epc:id:cpi:4012345.ABC.12a").contains("serial `12a`"));
        assert!(bad("urn:epc:id:cpi:4012345.ABC").contains("expected 3 components"));
        assert!(bad("urn:epc:id:sgcn:4012345.99999.1234567890123").contains("not 1 to 12 digits"));
        assert!(bad("urn:epc:id:ginc:4012345.a b").contains("outside its set"));
        assert!(bad("urn:epc:id:gsin:4012345.22233344").contains("not 16 digits"));
        assert!(bad("urn:epc:id:itip:4012345.011111.1.02.987").contains("piece `1`"));
        assert!(bad("urn:epc:id:itip:4012345.011111.01.02").contains("expected 5 components"));
        assert!(bad("urn:epc:id:upui:1234567.098765.").contains("third-party serial"));
    }

    #[test]
    fn classes_and_patterns() {
        assert_eq!(
            ok("urn:epc:class:lgtin:4012345.012345.Lot987"),
            format!("{DL}/01/04012345123456/10/Lot987")
        );
        assert_eq!(
            ok("urn:epc:idpat:sgtin:4054739.099914.*"),
            format!("{DL}/01/04054739999148")
        );
        assert_eq!(
            ok("urn:epc:idpat:upui:4054739.099914.*"),
            format!("{DL}/01/04054739999148")
        );
        assert_eq!(
            ok("urn:epc:idpat:grai:4012345.66666.*"),
            format!("{DL}/8003/04012345666663")
        );
        assert_eq!(
            ok("urn:epc:idpat:gdti:4012345.55555.*"),
            format!("{DL}/253/4012345555554")
        );
        assert_eq!(
            ok("urn:epc:idpat:sgcn:4012345.99999.*"),
            format!("{DL}/255/4012345999990")
        );
        assert_eq!(
            ok("urn:epc:idpat:cpi:4012345.ABC.*"),
            format!("{DL}/8010/4012345ABC")
        );
        assert_eq!(
            ok("urn:epc:idpat:itip:4012345.012345.01.02.*"),
            format!("{DL}/8006/040123451234560102")
        );
        assert!(bad("urn:epc:idpat:sgtin:4054739.099914.12").contains("needs `*`"));
        assert!(bad("urn:epc:idpat:sgtin:4054739.*.*").contains("reference `*`"));
        assert!(bad("urn:epc:class:lgtin:4012345.012345.").contains("lot"));
        assert_eq!(
            bad("urn:epc:idpat:sscc:4012345.*"),
            "the EPC scheme `idpat:sscc` has no GS1 Digital Link form"
        );
        assert_eq!(
            bad("urn:epc:id:usdod:2S194.12345678901"),
            "the EPC scheme `usdod` has no GS1 Digital Link form"
        );
        assert_eq!(
            bad("urn:epc:class:other:1.2"),
            "the EPC scheme `class:other` has no GS1 Digital Link form"
        );
        assert!(bad("urn:epc:id:sgtin").contains("no `:` between"));
        assert_eq!(
            to_digital_link("urn:rxledger:code:1"),
            Err(EpcError::NotEpc)
        );
        assert_eq!(
            to_digital_link("https://id.gs1.org/01/09780345418913"),
            Err(EpcError::NotEpc)
        );
    }

    #[test]
    fn random_text_never_panics() {
        // A fixed pseudo-random sequence of strings made of the characters that matter here.
        const CHARS: &[char] = &[
            '0', '1', '4', '9', '.', ':', '%', '2', 'F', '*', 'é', 'A', 'a', '/', '?', '#', '-',
            '!',
        ];
        const HEADS: &[&str] = &[
            "urn:epc:id:sgtin:",
            "urn:epc:id:sscc:",
            "urn:epc:id:sgln:",
            "urn:epc:id:giai:",
            "urn:epc:id:cpi:",
            "urn:epc:id:itip:",
            "urn:epc:id:gdti:",
            "urn:epc:class:lgtin:",
            "urn:epc:idpat:itip:",
            "urn:epc:idpat:cpi:",
            "https://id.gs1.org/01/",
            "https://x.example/gtin/",
            "https://id.gs1.org/253/",
            "https://id.gs1.org/8010/",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..20_000 {
            let mut s = HEADS[(next() % HEADS.len() as u64) as usize].to_owned();
            if s.starts_with("https") {
                // A Digital Link key value starts with digits.
                for _ in 0..4 + next() % 12 {
                    s.push(char::from(b'0' + (next() % 10) as u8));
                }
            }
            for _ in 0..next() % 40 {
                s.push(CHARS[(next() % CHARS.len() as u64) as usize]);
            }
            let _ = to_digital_link(&s);
            let _ = crate::dl::normalise(&s);
        }
    }

    #[test]
    fn odd_bytes_never_panic() {
        for s in [
            "urn:epc:id:sgtin:0614141.107346.%",
            "urn:epc:id:sgtin:0614141.107346.%é1",
            "urn:epc:id:sgtin:0614141.10734é.1",
            "urn:epc:id:sgtin:é.é.é",
            "urn:epc:id:sscc:.",
            "urn:epc:id:giai:",
            "urn:epc:id:cpi:1234567890123.A.1",
            "urn:epc:idpat:itip:....",
            "urn:epc:id::",
        ] {
            assert!(to_digital_link(s).is_err(), "{s}");
        }
    }
}
