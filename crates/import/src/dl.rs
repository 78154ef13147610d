//! GS1 Digital Link URIs constrained to their canonical form, as the CBV 2.0 event hash
//! compares them: the `id.gs1.org` domain, numeric application identifiers instead of short
//! names (`/gtin/` → `/01/`), no query string or fragment, a GTIN padded to 14 digits, no
//! consumer product variant (`/22/`), and only the finest identification level (a serial
//! rather than a lot). EPC URNs are converted by [`crate::epc`].

/// The canonical Digital Link domain.
pub const DL: &str = "https://id.gs1.org";

/// The GS1 mod-10 check digit of a digit string.
pub fn check_digit(digits: &str) -> char {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    char::from(b'0' + ((10 - sum % 10) % 10) as u8)
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// Characters allowed in alphanumeric values of the canonical form (as written, not escaped):
/// `"`, `'`, `-`, `.`, digits, `;`, `<`, `=`, `>`, `?`, capitals, `_`, small letters.
fn plain_chars(s: &str, max: usize) -> bool {
    s.len() <= max
        && s.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(b, b'"' | b'\'' | b'-' | b'.' | b';'..=b'?' | b'_')
        })
}

/// Short names of primary keys and qualifiers (GS1 Digital Link 1.1) and their AIs.
const SHORT: &[(&str, &str)] = &[
    ("gtin", "01"),
    ("itip", "8006"),
    ("cpid", "8010"),
    ("gln", "414"),
    ("party", "417"),
    ("gsrnp", "8017"),
    ("gsrn", "8018"),
    ("gcn", "255"),
    ("sscc", "00"),
    ("gdti", "253"),
    ("ginc", "401"),
    ("gsin", "402"),
    ("grai", "8003"),
    ("giai", "8004"),
    ("cpv", "22"),
    ("lot", "10"),
    ("ser", "21"),
];

/// Primary keys and the qualifiers they may carry.
const KEYS: &[(&str, &[&str])] = &[
    ("00", &[]),
    ("01", &["22", "10", "21", "235"]),
    ("253", &[]),
    ("255", &[]),
    ("401", &[]),
    ("402", &[]),
    ("414", &["254"]),
    ("417", &[]),
    ("8003", &[]),
    ("8004", &[]),
    ("8006", &["22", "10", "21"]),
    ("8010", &["8011"]),
    ("8017", &[]),
    ("8018", &[]),
];

fn ai(seg: &str) -> &str {
    SHORT.iter().find(|s| s.0 == seg).map_or(seg, |s| s.1)
}

/// Whether `v` is a valid value of the primary key `key` in the canonical form.
fn key_value(key: &str, v: &str) -> bool {
    if !v.is_ascii() {
        return false;
    }
    let (head, tail) = v.split_at(v.len().min(match key {
        "253" | "255" => 13,
        "8003" => 14,
        _ => 0,
    }));
    match key {
        "00" | "8006" | "8017" | "8018" => digits(v, 18),
        "01" => digits(v, 14),
        "402" => digits(v, 17),
        "414" | "417" => digits(v, 13),
        "253" => digits(head, 13) && plain_chars(tail, 17),
        "255" => digits(head, 13) && tail.len() <= 12 && tail.bytes().all(|b| b.is_ascii_digit()),
        "8003" => digits(head, 14) && plain_chars(tail, 16),
        "401" | "8004" => plain_chars(v, 30),
        "8010" => {
            v.len() <= 30
                && v.bytes().all(|b| {
                    b.is_ascii_digit() || b.is_ascii_uppercase() || matches!(b, b'#' | b'-' | b'/')
                })
        }
        _ => false,
    }
}

fn qualifier_value(q: &str, v: &str) -> bool {
    match q {
        "10" | "21" | "254" => plain_chars(v, 20),
        "235" => plain_chars(v, 28),
        "8011" => v.len() <= 12 && v.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

/// A GS1 Digital Link URI in its constrained canonical form, or `None` when `s` is not a GS1
/// Digital Link URI with a valid key (such a value is hashed as written). Values holding
/// percent-escapes are not in the canonical character set: `None` too.
pub fn normalise(s: &str) -> Option<String> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))?;
    let rest = rest.split(['?', '#']).next()?;
    let (_, path) = rest.split_once('/')?;
    let path = path.strip_suffix('/').unwrap_or(path);
    let segs: Vec<&str> = path.split('/').collect();
    // The primary key: the first segment naming one whose value starts with four digits (a
    // custom path may come before it).
    let start = segs.iter().enumerate().position(|(i, seg)| {
        KEYS.iter().any(|k| k.0 == ai(seg))
            && segs
                .get(i + 1)
                .is_some_and(|v| v.len() > 4 && v.bytes().take(4).all(|b| b.is_ascii_digit()))
    })?;
    let (key, allowed) = KEYS.iter().find(|k| k.0 == ai(segs[start]))?;
    let mut value = segs[start + 1].to_owned();
    if *key == "01" && matches!(value.len(), 8 | 12 | 13) {
        value = format!("{value:0>14}");
    }
    if !key_value(key, &value) {
        return None;
    }
    let pairs = &segs[start + 2..];
    if !pairs.len().is_multiple_of(2) {
        return None;
    }
    let mut quals: Vec<(&str, &str)> = Vec::new();
    for p in pairs.chunks(2) {
        let q = ai(p[0]);
        if !allowed.contains(&q) || quals.iter().any(|(x, _)| *x == q) {
            return None;
        }
        if q != "22" {
            if !qualifier_value(q, p[1]) || p[1].is_empty() {
                return None;
            }
            quals.push((q, p[1]));
        }
    }
    // The finest level: a serial over a lot; a third-party serial stands alone.
    let finest = match quals.as_slice() {
        [] => None,
        [one] => Some(*one),
        many if many.iter().all(|(q, _)| matches!(*q, "10" | "21")) => {
            many.iter().find(|(q, _)| *q == "21").copied()
        }
        _ => return None,
    };
    let mut out = format!("{DL}/{key}/{value}");
    if let Some((q, v)) = finest {
        out = format!("{out}/{q}/{v}");
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Option<String> {
        normalise(s)
    }

    #[test]
    fn digital_links_become_canonical() {
        let gtin = "https://id.gs1.org/01/09780345418913";
        assert_eq!(
            n("https://example.com/01/09780345418913/22/x/10/L1?k=v").as_deref(),
            Some(format!("{gtin}/10/L1").as_str())
        );
        assert_eq!(
            n(&format!("{gtin}/10/L1")).as_deref(),
            Some(format!("{gtin}/10/L1").as_str())
        );
        assert_eq!(
            n("https://id.gs1.org/gtin/09780345418913").as_deref(),
            Some(gtin)
        );
        assert_eq!(
            n("https://example.com/gtin/09780345418913/21/765tz?abc=211121").as_deref(),
            Some(format!("{gtin}/21/765tz").as_str())
        );
        assert_eq!(
            n("http://shop.example/x/y/gtin/9780345418913/lot/A1/ser/S9/").as_deref(),
            Some(format!("{gtin}/21/S9").as_str())
        );
        assert_eq!(
            n("https://id.gs1.org/01/12345678").as_deref(),
            Some("https://id.gs1.org/01/00000012345678")
        );
        assert_eq!(
            n("https://id.gs1.org/sscc/106141412345678908").as_deref(),
            Some("https://id.gs1.org/00/106141412345678908")
        );
        assert_eq!(
            n("https://id.gs1.org/gln/4012345000054/254/122").as_deref(),
            Some("https://id.gs1.org/414/4012345000054/254/122")
        );
        assert_eq!(
            n("https://id.gs1.org/cpid/4012345ABC/8011/123").as_deref(),
            Some("https://id.gs1.org/8010/4012345ABC/8011/123")
        );
        assert_eq!(
            n("https://id.gs1.org/ginc/0614141xyz47#frag").as_deref(),
            Some("https://id.gs1.org/401/0614141xyz47")
        );
    }

    #[test]
    fn other_uris_are_left_alone() {
        for s in [
            "http://transaction.acme.com/po/12345678",
            "https://id.gs1.org/01/978034541891345", // 15 digits
            "https://id.gs1.org/01/09780345418913/21/a%2Fb", // escapes are not canonical
            "https://id.gs1.org/01/09780345418913/21", // a qualifier without value
            "https://id.gs1.org/01/09780345418913/7003/2601011200", // not a qualifier of 01
            "https://id.gs1.org/01/09780345418913/235/X/21/1", // third-party serial with a serial
            "https://id.gs1.org/414/401234500005",   // 12 digits
            "https://id.gs1.org/8010/4012345abc",    // small letters in a CPI
            "urn:epc:id:sgtin:0614141.107346.2017",
            "https://id.gs1.org/01/",
            "https://",
            "https://é/01/é",
            "https://id.gs1.org/253/1234ééééééééé",
            "https://id.gs1.org/8003/1234567890123é",
        ] {
            assert_eq!(n(s), None, "{s}");
        }
        assert_eq!(
            n("https://id.gs1.org/01/0978034541891").as_deref(),
            Some("https://id.gs1.org/01/00978034541891")
        );
        assert_eq!(check_digit("401234500005"), '4');
    }
}
