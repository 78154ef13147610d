//! Rendering check results: human text, JSON (`docs/findings.md`), `JUnit` XML and SARIF 2.1.0,
//! and (feature `html`) the self-contained HTML inspection report with SVG charts. Sentences are
//! rendered from the findings' typed facts by [`messages`].
//!
//! Every renderer takes [`CheckReport`]s and returns the whole document as a `String`; the
//! JSON, SARIF and `JUnit` ones also write it as they render it (`write_json_with`,
//! `write_sarif_many_with`, `write_junit_many_with`: the same bytes, for a ledger that ends with
//! a hundred thousand open items):
//!
//! ```
//! use rxledger_reconcile::{check::check_path, Config};
//!
//! let ledger = std::path::Path::new(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../../samples/scenarios/clean.jsonl"
//! ));
//! let report = check_path(ledger, Config::default(), None, |_| {})?;
//! assert!(rxledger_report::text(&report).ends_with("total                           0\n"));
//! assert!(rxledger_report::json(&report).contains(r#""chain_ok": true"#));
//! let junit = rxledger_report::junit(&report);
//! assert!(junit.contains(r#"<testcase classname="rxledger.rules" name="CHAIN"/>"#));
//! assert!(rxledger_report::sarif(&report).contains(r#""version": "2.1.0""#));
//! # Ok::<(), rxledger_store::StoreError>(())
//! ```
//!
//! [`CheckReport`]: rxledger_reconcile::check::CheckReport
#![forbid(unsafe_code)]

#[cfg(feature = "html")]
pub mod chart;
pub mod custody;
#[cfg(feature = "html")]
pub mod html;
#[cfg(feature = "html")]
mod markup;
pub mod messages;
pub mod names;
pub mod time;

mod json;
mod junit;
mod sarif;
mod text;

pub use custody::{custody_text, custody_text_with};
pub use json::{json, json_many, json_many_with, json_with, write_json_many_with, write_json_with};
pub use junit::{junit, junit_many, junit_many_with, junit_with, write_junit_many_with};
pub use messages::{Lang, Messages};
pub use names::Names;
pub use sarif::{sarif, sarif_many, sarif_many_with, sarif_with, write_sarif_many_with};
pub use text::{text, text_with};
pub use time::Zone;

/// A sequence serialized as it is rendered: each item of `items` made into what is written by
/// `render` (with the messages `m`) just before it is written, so that a document of a hundred
/// thousand findings or open items never holds all their sentences at once.
pub(crate) struct Lazy<'a, T, J> {
    pub items: &'a [T],
    pub m: &'a Messages,
    pub render: fn(&'a T, &'a Messages) -> J,
}

impl<T, J> Lazy<'_, T, J> {
    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<T, J: serde::Serialize> serde::Serialize for Lazy<'_, T, J> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.items.iter().map(|x| (self.render)(x, self.m)))
    }
}

/// The document `write` writes, as a string: the `String` renderers are their writers into a
/// vector (which cannot fail; the renderers write UTF-8).
fn rendered(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("writing to a vector cannot fail");
    String::from_utf8(out).expect("the renderers write UTF-8")
}

/// Whether `c` is kept in XML text: all but the C0 control characters, except tab and newline
/// (XML 1.0 allows carriage return too, but it is dropped so that line ends stay `\n`).
fn xml_char(c: char) -> bool {
    (c as u32) >= 0x20 || c == '\n' || c == '\t'
}

/// `s` without the control characters XML 1.0 does not allow (all but tab and newline), borrowed
/// when there are none.
pub(crate) fn xml_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(xml_char) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().filter(|&c| xml_char(c)).collect())
    }
}

/// Escapes text for XML and HTML, in element content and in attribute values; drops the control
/// characters XML 1.0 does not allow (all but tab and newline).
///
/// ```
/// assert_eq!(rxledger_report::xml_escape("a<b & \"c\"\u{7}"), "a&lt;b &amp; &quot;c&quot;");
/// ```
pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if !xml_char(c) => {}
            c => o.push(c),
        }
    }
    o
}
