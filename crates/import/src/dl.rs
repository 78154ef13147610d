//! EPC URNs (GS1 Tag Data Standard) as canonical GS1 Digital Link URIs, and Digital Link URIs
//! constrained to their canonical form (the `id.gs1.org` domain, no query string, only the
//! finest identification level), as the CBV 2.0 event hash requires.

use std::fmt::Write as _;

const DL: &str = "https://id.gs1.org";

/// The GS1 mod-10 check digit of a digit string.
fn check_digit(digits: &str) -> char {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    char::from(b'0' + ((10 - sum % 10) % 10) as u8)
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `indicator + company + rest + check` of a key whose first digit moved to the front.
fn key_with_indicator(company: &str, reference: &str) -> Option<String> {
    if !digits(company) || !digits(reference) {
        return None;
    }
    let (ind, rest) = reference.split_at(1);
    let body = format!("{ind}{company}{rest}");
    Some(format!("{body}{}", check_digit(&body)))
}

fn key_plain(company: &str, reference: &str) -> Option<String> {
    if !digits(company) || !(reference.is_empty() || digits(reference)) {
        return None;
    }
    let body = format!("{company}{reference}");
    Some(format!("{body}{}", check_digit(&body)))
}

/// The Digital Link URI of an EPC URN (`urn:epc:id:…`, `urn:epc:class:lgtin:…`,
/// `urn:epc:idpat:sgtin:…`), or `None` for a scheme not handled.
pub fn from_epc_urn(s: &str) -> Option<String> {
    if let Some(rest) = s.strip_prefix("urn:epc:class:lgtin:") {
        let mut p = rest.splitn(3, '.');
        let (c, i, lot) = (p.next()?, p.next()?, p.next()?);
        return Some(format!("{DL}/01/{}/10/{lot}", key_with_indicator(c, i)?));
    }
    if let Some(rest) = s.strip_prefix("urn:epc:idpat:sgtin:") {
        let mut p = rest.splitn(3, '.');
        let (c, i, serial) = (p.next()?, p.next()?, p.next()?);
        let gtin = key_with_indicator(c, i)?;
        return Some(if serial == "*" {
            format!("{DL}/01/{gtin}")
        } else {
            format!("{DL}/01/{gtin}/21/{serial}")
        });
    }
    let rest = s.strip_prefix("urn:epc:id:")?;
    let (scheme, body) = rest.split_once(':')?;
    let p: Vec<&str> = body.splitn(3, '.').collect();
    let at = |i: usize| p.get(i).copied();
    match scheme {
        "sgtin" => Some(format!(
            "{DL}/01/{}/21/{}",
            key_with_indicator(at(0)?, at(1)?)?,
            at(2)?
        )),
        "sscc" => Some(format!("{DL}/00/{}", key_with_indicator(at(0)?, at(1)?)?)),
        "sgln" => {
            let gln = key_plain(at(0)?, at(1)?)?;
            match at(2)? {
                "0" => Some(format!("{DL}/414/{gln}")),
                ext => Some(format!("{DL}/414/{gln}/254/{ext}")),
            }
        }
        "pgln" => Some(format!("{DL}/417/{}", key_plain(at(0)?, at(1)?)?)),
        "grai" => Some(format!(
            "{DL}/8003/0{}{}",
            key_plain(at(0)?, at(1)?)?,
            at(2)?
        )),
        "giai" => Some(format!("{DL}/8004/{}{}", at(0)?, at(1)?)),
        "gdti" => Some(format!("{DL}/253/{}{}", key_plain(at(0)?, at(1)?)?, at(2)?)),
        "gsrn" => Some(format!("{DL}/8018/{}", key_plain(at(0)?, at(1)?)?)),
        "gsrnp" => Some(format!("{DL}/8017/{}", key_plain(at(0)?, at(1)?)?)),
        _ => None,
    }
}

/// Primary keys and the qualifiers kept with them in the constrained canonical form.
const KEYS: &[(&str, &[&str])] = &[
    ("00", &[]),
    ("01", &["21", "10", "235"]),
    ("253", &[]),
    ("255", &[]),
    ("401", &[]),
    ("402", &[]),
    ("414", &["254"]),
    ("417", &[]),
    ("8003", &[]),
    ("8004", &[]),
    ("8006", &["21", "10"]),
    ("8010", &["8011"]),
    ("8017", &[]),
    ("8018", &[]),
];

/// A GS1 Digital Link URI in its constrained canonical form, or `None` when `s` is no Digital
/// Link URI (or already canonical).
pub fn normalise(s: &str) -> Option<String> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))?;
    let rest = rest.split(['?', '#']).next()?;
    let (_, path) = rest.split_once('/')?;
    let segs: Vec<&str> = path.split('/').collect();
    let start = segs
        .iter()
        .position(|seg| KEYS.iter().any(|k| k.0 == *seg))?;
    let (key, quals) = KEYS.iter().find(|k| k.0 == segs[start])?;
    let value = segs.get(start + 1)?;
    if !digits(value) && !matches!(*key, "8003" | "8004" | "253" | "255" | "401" | "8010") {
        return None;
    }
    let value = if *key == "01" && value.len() < 14 {
        format!("{value:0>14}")
    } else {
        (*value).to_owned()
    };
    let mut out = format!("{DL}/{key}/{value}");
    let mut i = start + 2;
    while i + 1 < segs.len() {
        if quals.contains(&segs[i]) {
            let _ = write!(out, "/{}/{}", segs[i], segs[i + 1]);
            break;
        }
        i += 2;
    }
    (out != s).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epc_urns_become_digital_links() {
        assert_eq!(
            from_epc_urn("urn:epc:id:sgtin:0614141.107346.2017").as_deref(),
            Some("https://id.gs1.org/01/10614141073464/21/2017")
        );
        assert_eq!(
            from_epc_urn("urn:epc:id:sscc:4012345.0000000333").as_deref(),
            Some("https://id.gs1.org/00/040123450000003338")
        );
        assert_eq!(
            from_epc_urn("urn:epc:id:sgln:0614141.07346.1234").as_deref(),
            Some("https://id.gs1.org/414/0614141073467/254/1234")
        );
        assert_eq!(
            from_epc_urn("urn:epc:id:sgln:4012345.00011.0").as_deref(),
            Some("https://id.gs1.org/414/4012345000115")
        );
        assert_eq!(from_epc_urn("urn:rxledger:code:1"), None);
        assert_eq!(
            normalise("https://example.com/01/09780345418913/22/x/10/L1?k=v").as_deref(),
            Some("https://id.gs1.org/01/09780345418913/10/L1")
        );
        assert_eq!(
            normalise("https://id.gs1.org/01/09780345418913/10/L1"),
            None
        );
        assert_eq!(normalise("http://transaction.acme.com/po/12345678"), None);
    }
}
