//! Duplicate keys in a JSON text: `serde_json` keeps the last value of a key written twice, so a
//! line such as `{"quantity":1290,"quantity":7}` would be read as 7 without a word, while another
//! reader of the same line (many keep the first) reads 1290 (attacker round 24). The event
//! readers, and the proof reader, refuse such a text, naming the key.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// The path of the first key written twice in one object of `text` (`data.lines[0].quantity`),
/// if any; `None` also when `text` is not JSON (the reader says why).
pub fn first_duplicate(text: &str) -> Option<String> {
    let mut de = serde_json::Deserializer::from_str(text);
    match Walk::deserialize(&mut de) {
        Ok(Walk(found)) => found,
        Err(_) => None,
    }
}

/// A JSON value walked for duplicate keys: the path of the first one found below it.
struct Walk(Option<String>);

impl<'de> Deserialize<'de> for Walk {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(WalkVisitor)
    }
}

struct WalkVisitor;

impl<'de> Visitor<'de> for WalkVisitor {
    type Value = Walk;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Walk, E> {
        Ok(Walk(None))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Walk, E> {
        Ok(Walk(None))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Walk, E> {
        Ok(Walk(None))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Walk, E> {
        Ok(Walk(None))
    }
    fn visit_str<E>(self, _: &str) -> Result<Walk, E> {
        Ok(Walk(None))
    }
    fn visit_unit<E>(self) -> Result<Walk, E> {
        Ok(Walk(None))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Walk, A::Error> {
        let mut found = None;
        let mut i = 0usize;
        while let Some(Walk(inner)) = seq.next_element::<Walk>()? {
            if found.is_none() {
                found = inner.map(|p| join(&format!("[{i}]"), &p));
            }
            i += 1;
        }
        Ok(Walk(found))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Walk, A::Error> {
        let mut keys: Vec<String> = Vec::new();
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            let Walk(inner) = map.next_value::<Walk>()?;
            if found.is_none() {
                if keys.contains(&key) {
                    found = Some(key.clone());
                } else if let Some(p) = inner {
                    found = Some(join(&key, &p));
                }
            }
            keys.push(key);
        }
        Ok(Walk(found))
    }
}

/// `outer` then `inner` as a field path (`lines` + `[0].quantity`, `data` + `doc`).
fn join(outer: &str, inner: &str) -> String {
    if inner.starts_with('[') {
        format!("{outer}{inner}")
    } else {
        format!("{outer}.{inner}")
    }
}

#[cfg(test)]
mod tests {
    use super::first_duplicate;

    #[test]
    fn the_first_key_written_twice_is_named_by_its_path() {
        assert_eq!(first_duplicate(r#"{"a":1,"b":[{"c":2}]}"#), None);
        assert_eq!(first_duplicate(r#"{"v":2,"v":1}"#).as_deref(), Some("v"));
        assert_eq!(
            first_duplicate(r#"{"data":{"lines":[{"q":1},{"q":1290,"q":7}]}}"#).as_deref(),
            Some("data.lines[1].q")
        );
        assert_eq!(
            first_duplicate(r#"[[{"x":{"y":1,"y":1}}]]"#).as_deref(),
            Some("[0][0].x.y")
        );
        // The same key in two objects is no duplicate; nor is text that is not JSON.
        assert_eq!(first_duplicate(r#"[{"k":1},{"k":2}]"#), None);
        assert_eq!(first_duplicate(r#"{"k":1,"k""#), None);
    }

    /// An event with a key written twice is refused, naming it, wherever the key is; the same
    /// event without it reads.
    #[test]
    fn an_event_with_a_key_written_twice_is_refused() {
        let text = r#"{"v":2,"id":"01a0f0b1-2c00-7d9e-8f27-1b6c3a9d2e12","kind":"payment","occurred_at":"2026-10-12T03:00:00Z","recorded_by":["财务-王芳"],"data":{"doc":"SK1","direction":"incoming","payer":"91330106MA2H1RT58K","payee":"91330100MA27X8K3Q1","payer_account":"3301040160012345678","payee_account":"1202021109900371234","amount":{"minor":677600,"currency":"CNY"},"method":"bank_transfer","invoices":["26330000000001000029"]}}"#;
        assert!(crate::Event::from_json(text).is_ok());
        for (from, to, field) in [
            (r#"{"v":2,"#, r#"{"v":2,"v":2,"#, "`v`"),
            (
                r#""kind":"payment""#,
                r#""kind":"payment","kind":"payment""#,
                "`kind`",
            ),
            (
                r#""minor":677600"#,
                r#""minor":1,"minor":677600"#,
                "`data.amount.minor`",
            ),
            (r#""doc":"SK1""#, r#""doc":"SK1","doc":"SK2""#, "`data.doc`"),
        ] {
            let twice = text.replacen(from, to, 1);
            let err = crate::Event::from_json(&twice).unwrap_err().to_string();
            assert!(
                err.contains(field) && err.contains("twice"),
                "{twice}: {err}"
            );
        }
    }
}
