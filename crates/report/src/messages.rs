//! Sentences from facts: every [`Msg`] of a finding is rendered here, at the edge, from a Project
//! Fluent catalogue (`locales/<lang>/*.ftl`, one file per rule family) and the message's typed
//! [`Fact`]s, formatted for the reader.
//!
//! ```
//! use rxledger_reconcile::Msg;
//! use rxledger_report::messages::{Lang, Messages};
//!
//! let m = Messages::new(Lang::En);
//! let msg = Msg::new("stock-neg-expected").arg("qty", 5_u64);
//! assert_eq!(m.render(&msg), "≥ 5");
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use rxledger_reconcile::{Fact, Finding, Msg};

/// A language findings and reports are rendered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lang {
    /// English.
    #[default]
    En,
}

impl Lang {
    /// BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN,
        }
    }
}

/// The English catalogue, one file per rule family.
const EN: &[(&str, &str)] = &[
    ("base.ftl", include_str!("../locales/en/base.ftl")),
    ("chain.ftl", include_str!("../locales/en/chain.ftl")),
    ("integrity.ftl", include_str!("../locales/en/integrity.ftl")),
    ("documents.ftl", include_str!("../locales/en/documents.ftl")),
    ("stock.ftl", include_str!("../locales/en/stock.ftl")),
    (
        "qualification.ftl",
        include_str!("../locales/en/qualification.ftl"),
    ),
    ("special.ftl", include_str!("../locales/en/special.ftl")),
    ("codes.ftl", include_str!("../locales/en/codes.ftl")),
    (
        "cold_chain.ftl",
        include_str!("../locales/en/cold_chain.ftl"),
    ),
    ("cross.ftl", include_str!("../locales/en/cross.ftl")),
    ("custody.ftl", include_str!("../locales/en/custody.ftl")),
    (
        "temp_integrity.ftl",
        include_str!("../locales/en/temp_integrity.ftl"),
    ),
];

/// A message catalogue for one language.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

impl Messages {
    /// The catalogue of `lang`.
    ///
    /// # Panics
    ///
    /// Never for the built-in catalogues: a test parses every file and rejects duplicates.
    pub fn new(lang: Lang) -> Messages {
        let id: unic_langid::LanguageIdentifier = lang.tag().parse().expect("valid language tag");
        let mut bundle = FluentBundle::new(vec![id]);
        // Unicode isolation marks around placeables would end up in terminals and JSON.
        bundle.set_use_isolating(false);
        for (name, text) in lang.sources() {
            let res = FluentResource::try_new((*text).to_owned())
                .unwrap_or_else(|(_, errs)| panic!("{}/{name}: {errs:?}", lang.tag()));
            bundle
                .add_resource(res)
                .unwrap_or_else(|errs| panic!("{}/{name}: {errs:?}", lang.tag()));
        }
        Messages { lang, bundle }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// True when the catalogue has a message with this id.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Renders `msg`. An id missing from the catalogue renders as the id and its facts, so that
    /// nothing is lost (a test makes sure every id the engine uses is in every catalogue).
    pub fn render(&self, msg: &Msg) -> String {
        let pattern = self.bundle.get_message(&msg.id).and_then(|m| m.value());
        let Some(pattern) = pattern else {
            return self.fallback(msg);
        };
        let mut args = FluentArgs::new();
        for (name, fact) in &msg.args {
            args.set(name.as_ref(), FluentValue::String(self.fact(fact)));
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        if errors.is_empty() {
            text.into_owned()
        } else {
            self.fallback(msg)
        }
    }

    /// The sentence of a finding.
    pub fn message(&self, f: &Finding) -> String {
        self.render(&f.message)
    }

    /// The expected figure of a finding, rendered.
    pub fn expected(&self, f: &Finding) -> Option<String> {
        f.expected.as_ref().map(|m| self.render(m))
    }

    /// The actual figure of a finding, rendered.
    pub fn actual(&self, f: &Finding) -> Option<String> {
        f.actual.as_ref().map(|m| self.render(m))
    }

    fn list_separator(&self, clauses: bool) -> &'static str {
        match (self.lang, clauses) {
            (Lang::En, false) => ", ",
            (Lang::En, true) => "; ",
        }
    }

    fn fallback(&self, msg: &Msg) -> String {
        let mut s = msg.id.to_string();
        for (name, fact) in &msg.args {
            let _ = write!(s, " {name}={}", self.fact(fact));
        }
        s
    }

    /// One fact, formatted for this language. Terms are passed through unchanged so that
    /// messages can select on them.
    pub fn fact(&self, fact: &Fact) -> Cow<'static, str> {
        Cow::Owned(match fact {
            Fact::Int(v) => v.to_string(),
            Fact::Amount { minor, currency } => {
                let sign = if *minor < 0 { "-" } else { "" };
                let abs = minor.unsigned_abs();
                format!("{sign}{}.{:02} {currency}", abs / 100, abs % 100)
            }
            Fact::Date(d) => d.format("%Y-%m-%d").to_string(),
            Fact::Instant(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            Fact::Celsius(c) => format!("{c:.1}"),
            Fact::Decimal { value, decimals } => format!("{value:.*}", usize::from(*decimals)),
            Fact::Text(s) | Fact::Term(s) => s.clone(),
            Fact::List(items) => {
                let clauses = items.iter().any(|f| matches!(f, Fact::Msg(_)));
                items
                    .iter()
                    .map(|f| self.fact(f))
                    .collect::<Vec<_>>()
                    .join(self.list_separator(clauses))
            }
            Fact::Msg(m) => self.render(m),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_parse_and_render() {
        let m = Messages::new(Lang::En);
        assert!(m.has("chain-broken"));
        assert_eq!(
            m.render(&Msg::new("chain-broken").arg("seq", 7_u64).arg("error", "hash mismatch")),
            "The ledger fails verification at seq 7: hash mismatch. Records from there on were not reconciled."
        );
        assert_eq!(
            m.render(&Msg::new("no-such-id").arg("n", 3_i64)),
            "no-such-id n=3"
        );
    }
}
