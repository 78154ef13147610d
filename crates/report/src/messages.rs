//! Sentences from facts: every [`Msg`] of a finding is rendered here, at the edge, from a Project
//! Fluent catalogue (`locales/<lang>/*.ftl`, one file per rule family) and the message's typed
//! [`Fact`]s, formatted for the reader.
//!
//! ```
//! use rxledger_reconcile::Msg;
//! use rxledger_report::messages::{Lang, Messages};
//!
//! let msg = Msg::new("stock-count-qty").arg("qty", 5_u64);
//! assert_eq!(Messages::new(Lang::En).render(&msg), "5");
//! let msg = Msg::new("special-2p-expected");
//! assert_eq!(Messages::new(Lang::En).render(&msg), "2 people");
//! assert_eq!(Messages::new(Lang::Zh).render(&msg), "两人");
//! ```
//!
//! The language is always explicit: renderers take a [`Messages`], and the CLI chooses the
//! language from `--lang`, then the locale ([`Lang::from_locale`]), then English.

use std::borrow::Cow;
use std::fmt::Write as _;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use rxledger_reconcile::{Fact, Finding, Msg, RuleInfo, Severity};

use crate::names::{Names, PARTY_FACTS, PRODUCT_FACTS};
use crate::time::Zone;

/// A language findings and reports are rendered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese, with the terms of the regulations (麻醉药品, 随货同行单, 有效期至 …).
    Zh,
}

impl Lang {
    /// BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Every language, in a fixed order.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language of a tag or locale name: `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh_TW` are Chinese
    /// (Simplified: the only Chinese catalogue); `en`, `en_US.UTF-8` English; `C`, `POSIX` and
    /// anything else: none.
    ///
    /// ```
    /// use rxledger_report::messages::Lang;
    /// assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
    /// assert_eq!(Lang::parse("en"), Some(Lang::En));
    /// assert_eq!(Lang::parse("C.UTF-8"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Lang> {
        let primary: String = s
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the locale, as POSIX chooses the locale of messages: the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides; `zh*` is Chinese,
    /// anything else (or none set) English. `var` reads a variable (`std::env::var` in the
    /// CLI; a map in tests).
    ///
    /// ```
    /// use rxledger_report::messages::Lang;
    /// let env = |pairs: &'static [(&str, &str)]| {
    ///     move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    /// };
    /// assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
    /// assert_eq!(Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])), Lang::En);
    /// assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    /// ```
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(Lang::En)
    }

    fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN,
            Lang::Zh => ZH,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
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
    ("report.ftl", include_str!("../locales/en/report.ftl")),
    ("html.ftl", include_str!("../locales/en/html.ftl")),
    ("terms.ftl", include_str!("../locales/en/terms.ftl")),
    ("cli.ftl", include_str!("../locales/en/cli.ftl")),
];

/// The Simplified Chinese catalogue, the same files; `rules.ftl` adds the rules' titles and
/// descriptions, `sources.ftl` their legal sources and the records they point at (English ones
/// are those of the rule catalogue).
const ZH: &[(&str, &str)] = &[
    ("base.ftl", include_str!("../locales/zh/base.ftl")),
    ("chain.ftl", include_str!("../locales/zh/chain.ftl")),
    ("integrity.ftl", include_str!("../locales/zh/integrity.ftl")),
    ("documents.ftl", include_str!("../locales/zh/documents.ftl")),
    ("stock.ftl", include_str!("../locales/zh/stock.ftl")),
    (
        "qualification.ftl",
        include_str!("../locales/zh/qualification.ftl"),
    ),
    ("special.ftl", include_str!("../locales/zh/special.ftl")),
    ("codes.ftl", include_str!("../locales/zh/codes.ftl")),
    (
        "cold_chain.ftl",
        include_str!("../locales/zh/cold_chain.ftl"),
    ),
    ("cross.ftl", include_str!("../locales/zh/cross.ftl")),
    ("custody.ftl", include_str!("../locales/zh/custody.ftl")),
    (
        "temp_integrity.ftl",
        include_str!("../locales/zh/temp_integrity.ftl"),
    ),
    ("report.ftl", include_str!("../locales/zh/report.ftl")),
    ("html.ftl", include_str!("../locales/zh/html.ftl")),
    ("rules.ftl", include_str!("../locales/zh/rules.ftl")),
    ("sources.ftl", include_str!("../locales/zh/sources.ftl")),
    ("terms.ftl", include_str!("../locales/zh/terms.ftl")),
    ("cli.ftl", include_str!("../locales/zh/cli.ftl")),
    ("help.ftl", include_str!("../locales/zh/help.ftl")),
];

/// The catalogue files of `lang`: (file name, text).
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    lang.sources()
}

/// A message catalogue for one language.
pub struct Messages {
    lang: Lang,
    zone: Zone,
    names: Names,
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
    /// The catalogue of `lang`, showing instants in the default zone (`Asia/Shanghai`).
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
        Messages {
            lang,
            zone: Zone::default(),
            names: Names::default(),
            bundle,
        }
    }

    /// The catalogue of `lang`, showing instants in `zone`.
    pub fn with_zone(lang: Lang, zone: Zone) -> Messages {
        Messages {
            zone,
            ..Messages::new(lang)
        }
    }

    /// This catalogue, showing the registered names of parties and products beside their ids
    /// (`name (code)`) wherever a fact holds one ([`crate::names`]).
    ///
    /// ```
    /// use rxledger_reconcile::Msg;
    /// use rxledger_report::{names::Names, Lang, Messages};
    ///
    /// let mut names = Names::new();
    /// names.add_party("91330000MA2XYZ0001", "华东医药股份有限公司");
    /// let m = Messages::new(Lang::Zh).with_names(names);
    /// let msg = Msg::new("ttgk-party").arg("party", "91330000MA2XYZ0001");
    /// assert_eq!(m.render(&msg), "华东医药股份有限公司（91330000MA2XYZ0001）");
    /// let unknown = Msg::new("ttgk-party").arg("party", "X1");
    /// assert_eq!(m.render(&unknown), "X1");
    /// ```
    #[must_use]
    pub fn with_names(self, names: Names) -> Messages {
        Messages { names, ..self }
    }

    /// The names shown beside ids.
    pub fn names(&self) -> &Names {
        &self.names
    }

    /// A party as a person reads it: its registered name and id when the name is known, else
    /// its id.
    pub fn party(&self, party: &str) -> String {
        match self.names.party(party) {
            Some(name) => {
                self.render(&Msg::new("named-party").arg("name", name).arg("code", party))
            }
            // Ledger data, shown as any text fact is ([`visible`]; attacker round 29: an
            // unregistered holder's escape sequence reached the terminal through `trace`).
            None => visible(party),
        }
    }

    /// A product as a person reads it: generic name, spec and code when known, else its code.
    pub fn product(&self, product: &str) -> String {
        match self.names.product(product) {
            Some(p) if p.spec.is_empty() => self.render(
                &Msg::new("named-product-no-spec")
                    .arg("name", p.name.as_str())
                    .arg("code", product),
            ),
            Some(p) => self.render(
                &Msg::new("named-product")
                    .arg("name", p.name.as_str())
                    .arg("spec", p.spec.as_str())
                    .arg("code", product),
            ),
            None => visible(product),
        }
    }

    /// A fact named `name`, with the registered name beside a party or product id.
    fn named_fact(&self, name: &str, fact: &Fact) -> String {
        match fact {
            Fact::Text(code) if PARTY_FACTS.contains(&name) => self.party(code),
            Fact::Text(code) if PRODUCT_FACTS.contains(&name) => self.product(code),
            _ => self.fact(fact).into_owned(),
        }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The zone instants are shown in.
    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    /// An instant for a person, in the zone with its offset (`2026-10-14 03:10 (+08:00)`).
    pub fn instant(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        self.zone.show(t)
    }

    /// A message of the catalogue without facts (a heading, a label); its id when missing.
    pub fn label(&self, id: &'static str) -> String {
        self.render(&Msg::new(id))
    }

    /// A severity, in words (`critical`, `严重`).
    pub fn severity(&self, s: Severity) -> String {
        let id = match s {
            Severity::Critical => "severity-critical",
            Severity::Major => "severity-major",
            Severity::Minor => "severity-minor",
        };
        self.label(id)
    }

    /// The title of a rule: `rule-CODE` of the catalogue, else the rule catalogue's (English).
    pub fn rule_title(&self, info: &RuleInfo) -> Cow<'static, str> {
        self.rule_text(&format!("rule-{}", info.code), None)
            .map_or(Cow::Borrowed(info.title), Cow::Owned)
    }

    /// The description of a rule: `rule-CODE.description` of the catalogue, else the rule
    /// catalogue's (English).
    pub fn rule_description(&self, info: &RuleInfo) -> Cow<'static, str> {
        self.rule_text(&format!("rule-{}", info.code), Some("description"))
            .map_or(Cow::Borrowed(info.description), Cow::Owned)
    }

    /// The legal source of a rule (依据) as the regulations write it in this language:
    /// `rule-source-CODE` of the catalogue (`sources.ftl`, where each law's name is one term and
    /// articles are written as the law numbers them, 第八十三条), else the rule catalogue's
    /// (English).
    ///
    /// ```
    /// use rxledger_reconcile::RULES;
    /// use rxledger_report::{Lang, Messages};
    ///
    /// let count = RULES.iter().find(|r| r.code == "STOCK-COUNT").unwrap();
    /// assert_eq!(Messages::new(Lang::Zh).rule_source(count), "《药品经营质量管理规范》第八十三条");
    /// assert_eq!(Messages::new(Lang::En).rule_source(count), "GSP (2016) Art. 83");
    /// ```
    pub fn rule_source(&self, info: &RuleInfo) -> Cow<'static, str> {
        self.rule_text(&format!("rule-source-{}", info.code), None)
            .map_or(Cow::Borrowed(info.source), Cow::Owned)
    }

    /// Which record a rule's findings point at (and which records `seqs` add), in this
    /// language: `rule-at-CODE` of the catalogue, else the rule catalogue's (English).
    pub fn rule_points_at(&self, info: &RuleInfo) -> Cow<'static, str> {
        self.rule_text(&format!("rule-at-{}", info.code), None)
            .map_or(Cow::Borrowed(info.at), Cow::Owned)
    }

    fn rule_text(&self, id: &str, attribute: Option<&str>) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = match attribute {
            None => message.value()?,
            Some(a) => message.get_attribute(a)?.value(),
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// The term of an enumeration value of the event format (`term-ENUM-value`, e.g.
    /// `term("ControlClass", "narcotic")` is 麻醉药品 in Chinese), if the catalogue has it.
    pub fn term(&self, enumeration: &str, value: &str) -> Option<String> {
        let message = self
            .bundle
            .get_message(&format!("term-{enumeration}-{value}"))?;
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(message.value()?, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
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
            args.set(
                name.as_ref(),
                FluentValue::String(Cow::Owned(self.named_fact(name.as_ref(), fact))),
            );
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
            (Lang::Zh, false) => "、",
            (Lang::Zh, true) => "；",
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
                let unit = match (self.lang, currency.as_str()) {
                    (Lang::Zh, "CNY") => "元",
                    _ => currency.as_str(),
                };
                format!("{sign}{}.{:02} {unit}", abs / 100, abs % 100)
            }
            Fact::Date(d) => d.format("%Y-%m-%d").to_string(),
            Fact::Instant(t) => self.zone.show(*t),
            Fact::Celsius(c) => format!("{c:.1}"),
            Fact::Decimal { value, decimals } => format!("{value:.*}", usize::from(*decimals)),
            Fact::Text(s) => visible(s),
            Fact::Term(s) => s.clone(),
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

/// The plural category of `n` for the catalogues' English selectors (`[one]`, `*[other]`),
/// passed beside the count as a term (`NAME_plural`): the catalogues get every fact as text,
/// which Fluent's number selectors do not match.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        "one"
    } else {
        "other"
    }
}

/// `s` with its control characters made visible: a GS1 group separator as `<GS>` (as GS1's
/// documents write it), any other as `<U+XXXX>`. Ledger data may hold any character (a scanned
/// code with its separators, a name with an escape sequence); a sentence shown on a terminal or
/// a page must not carry them raw. The facts of the JSON output keep the data verbatim.
///
/// The same goes for the characters that are invisible or change how the rest of a line shows
/// ([`hidden`]): bidirectional controls (an RLO in a product name made "68" read "86"), line and
/// paragraph separators, zero-width spaces and byte-order marks, and noncharacters (U+FFFE made
/// the `JUnit` output malformed XML; attacker round 26).
pub fn visible(s: &str) -> String {
    if !s.chars().any(hidden) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\u{1d}' => out.push_str("<GS>"),
            c if hidden(c) => {
                use std::fmt::Write as _;
                let _ = write!(out, "<U+{:04X}>", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// A character a sentence shows as `<U+XXXX>` ([`visible`]): a control character; a
/// bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069); a line or
/// paragraph separator (U+2028, U+2029); a zero-width space, word joiner or byte-order mark
/// (U+200B, U+2060, U+FEFF); a noncharacter (U+FDD0–U+FDEF, and U+xFFFE, U+xFFFF of every plane),
/// which XML 1.0 does not allow.
pub fn hidden(c: char) -> bool {
    let u = u32::from(c);
    c.is_control()
        || matches!(
            u,
            0x061C | 0x200B | 0x200E | 0x200F | 0x2028..=0x202E | 0x2060 | 0x2066..=0x2069 | 0xFEFF
        )
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE
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

    /// Round 17: a scanned code with GS1's group separator was shown as Rust's `\u{1d}`; data
    /// is kept verbatim in facts, and sentences show control characters visibly.
    #[test]
    fn control_characters_in_data_are_shown_visibly() {
        let m = Messages::new(Lang::En);
        let code = "]d20106901234567892\u{1d}10B1";
        let msg = Msg::new("code-format-pack")
            .arg("doc", "AG1")
            .arg("code", code)
            .arg("error", Fact::Term("unrecognised".into()));
        let shown = m.render(&msg);
        assert!(shown.contains("\"]d20106901234567892<GS>10B1\""), "{shown}");
        assert_eq!(visible("a\u{1b}[31mb\u{7f}"), "a<U+001B>[31mb<U+007F>");
        // Attacker round 26: characters that reorder or hide what follows, or that XML refuses.
        assert_eq!(
            visible("only \u{202e}68\u{202c} passed"),
            "only <U+202E>68<U+202C> passed"
        );
        assert_eq!(
            visible("a\u{2028}b\u{fffe}c\u{feff}\u{10ffff}"),
            "a<U+2028>b<U+FFFE>c<U+FEFF><U+10FFFF>"
        );
        assert_eq!(
            visible("盐酸吗啡注射液 1ml:10mg/支 — ok"),
            "盐酸吗啡注射液 1ml:10mg/支 — ok"
        );
        assert_eq!(visible("浙A-12345"), "浙A-12345");
    }
}
