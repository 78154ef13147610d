//! Findings as data: the rule, the records, and typed facts. Sentences are rendered from the
//! facts at the edge (crate `rxledger-report`), in the reader's language.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{Rule, Severity};

/// One inconsistency, with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule (serialised as its code, e.g. `STOCK-NEG`).
    pub rule: Rule,
    /// Effective severity.
    pub severity: Severity,
    /// The record at the heart of the finding (the one to look at first).
    pub seq: u64,
    /// Every record involved, ascending (includes `seq`).
    pub seqs: Vec<u64>,
    /// Counterparty, when one is involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Product code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    /// Storage location (a zone, a vehicle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// What the rule expected, as a message with facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Msg>,
    /// What the ledger shows, as a message with facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Msg>,
    /// The stretch of time the finding is about (a temperature excursion, a recording gap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// What happened: a message id and its facts, rendered into a sentence by a renderer.
    pub message: Msg,
}

/// An open item at the end of the input: what would become a finding of `rule` at `due`
/// unless what `closed_by` says happens first (an invoice not yet due for payment, a receipt
/// waiting for its vehicle's temperature log, an invoiced excess waiting for its credit note).
///
/// [`crate::Engine::finish_with_pending`] reports them; they are not findings, and a check fails
/// on them only when asked (`rxledger check --fail-on-pending`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    /// The rule it would be a finding of.
    pub rule: Rule,
    /// The severity the finding would have (after configuration overrides).
    pub severity: Severity,
    /// The record the finding would name.
    pub seq: u64,
    /// Every record involved so far, ascending (includes `seq`).
    pub seqs: Vec<u64>,
    /// Counterparty, when one is involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Product code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    /// Storage location (a zone, a vehicle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// When it becomes a finding if still open (the ledger's clock must pass it).
    pub due: DateTime<Utc>,
    /// What is open, as a message with facts.
    pub message: Msg,
    /// What would close it, as a message with facts.
    pub closed_by: Msg,
}

impl Pending {
    /// The open item of the finding `f`, were it certain: its rule, severity, records, party,
    /// product, batch, location and message, due at `due`, closed by `closed_by`.
    pub fn of(f: Finding, due: DateTime<Utc>, closed_by: Msg) -> Pending {
        Pending {
            rule: f.rule,
            severity: f.severity,
            seq: f.seq,
            seqs: f.seqs,
            party: f.party,
            product: f.product,
            batch: f.batch,
            location: f.location,
            due,
            message: f.message,
            closed_by,
        }
    }
}

/// A stretch of time, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    /// Start.
    pub from: DateTime<Utc>,
    /// End.
    pub to: DateTime<Utc>,
}

/// A message: an id in the renderers' catalogues (e.g. `stock-neg`) and the typed facts its
/// sentence is made of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    /// Message id in the catalogue.
    pub id: Cow<'static, str>,
    /// Facts by name.
    #[serde(default, skip_serializing_if = "Facts::is_empty")]
    pub args: Facts,
}

/// The facts of a [`Msg`] by name, in the order of their names (byte-wise), each name once.
///
/// A sorted vector, not a `BTreeMap`: a message has a handful of facts, and a ledger can end with
/// a hundred thousand open items of two messages each, where a map's first node alone would take
/// eleven entries' room. Serialized as a map (the same JSON as a `BTreeMap`).
#[derive(Clone, Default, PartialEq)]
pub struct Facts(Vec<(Cow<'static, str>, Fact)>);

impl std::fmt::Debug for Facts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Facts {
    /// No facts.
    pub fn new() -> Facts {
        Facts(Vec::new())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_ref().cmp(name))
    }

    /// The fact named `name`.
    pub fn get(&self, name: &str) -> Option<&Fact> {
        self.find(name).ok().map(|i| &self.0[i].1)
    }

    /// Whether there is a fact named `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Removes the fact named `name`, returning it.
    pub fn remove(&mut self, name: &str) -> Option<Fact> {
        self.find(name).ok().map(|i| self.0.remove(i).1)
    }

    /// Sets the fact `name`, returning the one it replaces.
    pub fn insert(&mut self, name: impl Into<Cow<'static, str>>, fact: Fact) -> Option<Fact> {
        let name = name.into();
        match self.find(&name) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, fact)),
            Err(i) => {
                // Exactly the room needed (a vector would start with room for four): open
                // items and findings are kept to the end, by the hundred thousand.
                self.0.reserve_exact(1);
                self.0.insert(i, (name, fact));
                None
            }
        }
    }

    /// The facts with their names, in the order of their names.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Cow<'static, str>, &Fact)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The facts, in the order of their names.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &Fact> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<'a> IntoIterator for &'a Facts {
    type Item = (&'a Cow<'static, str>, &'a Fact);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Cow<'static, str>, Fact)>,
        fn(&'a (Cow<'static, str>, Fact)) -> (&'a Cow<'static, str>, &'a Fact),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<N: Into<Cow<'static, str>>> FromIterator<(N, Fact)> for Facts {
    fn from_iter<I: IntoIterator<Item = (N, Fact)>>(iter: I) -> Facts {
        let mut facts = Facts::new();
        for (name, fact) in iter {
            facts.insert(name, fact);
        }
        facts
    }
}

impl Serialize for Facts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Facts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Facts, D::Error> {
        let map = BTreeMap::<Cow<'static, str>, Fact>::deserialize(d)?;
        Ok(Facts(map.into_iter().collect()))
    }
}

impl Msg {
    /// A message with no facts yet.
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id: Cow::Borrowed(id),
            args: Facts::new(),
        }
    }

    /// Adds a fact.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Fact>) -> Msg {
        self.args.insert(name, value.into());
        self
    }

    /// The fact named `name`.
    pub fn get(&self, name: &str) -> Option<&Fact> {
        self.args.get(name)
    }
}

/// A typed fact of a finding. Renderers format it for the reader (numbers, dates and instants in
/// the reader's conventions and time zone; terms in the reader's language).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Fact {
    /// A whole number: a quantity, a count, a number of minutes or days.
    Int(i64),
    /// Money in minor units (fen) with its currency code.
    Amount {
        /// Minor units.
        minor: i64,
        /// ISO 4217 code.
        currency: String,
    },
    /// A calendar date.
    Date(NaiveDate),
    /// An instant.
    Instant(DateTime<Utc>),
    /// A temperature in degrees Celsius.
    Celsius(f64),
    /// A decimal number shown with `decimals` digits after the point (a ratio, a factor).
    Decimal {
        /// The value.
        value: f64,
        /// Digits after the decimal point.
        decimals: u8,
    },
    /// Data shown verbatim: an id, a document number, a batch, a name.
    Text(String),
    /// A term of the domain (an enum value such as `narcotic` or `zone`), rendered in the
    /// reader's language and usable as a selector in messages.
    Term(String),
    /// Several facts, shown as a list (joined with ", "; a list of messages is a list of
    /// clauses, joined with "; ").
    List(Vec<Fact>),
    /// A clause of its own, rendered from its id and facts (an item of a list of differences).
    Msg(Box<Msg>),
}

impl From<Msg> for Fact {
    fn from(v: Msg) -> Fact {
        Fact::Msg(Box::new(v))
    }
}

impl From<i64> for Fact {
    fn from(v: i64) -> Fact {
        Fact::Int(v)
    }
}

impl From<u64> for Fact {
    fn from(v: u64) -> Fact {
        Fact::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Fact {
    fn from(v: usize) -> Fact {
        Fact::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Fact {
    fn from(v: u32) -> Fact {
        Fact::Int(i64::from(v))
    }
}

/// Text as a fact shows it: the engine keeps a document whose number another counterparty's
/// document of the same kind shares under its number, U+001F and its party; a fact (and so a
/// sentence, and JSON) shows the number as written.
fn shown(v: &str) -> &str {
    v.split_once('\u{1f}').map_or(v, |(number, _)| number)
}

impl From<&str> for Fact {
    fn from(v: &str) -> Fact {
        Fact::Text(shown(v).to_owned())
    }
}

impl From<String> for Fact {
    fn from(v: String) -> Fact {
        match v.find('\u{1f}') {
            Some(i) => Fact::Text(v[..i].to_owned()),
            None => Fact::Text(v),
        }
    }
}

impl From<&String> for Fact {
    fn from(v: &String) -> Fact {
        Fact::from(v.as_str())
    }
}

impl From<&rxledger_model::Text> for Fact {
    fn from(v: &rxledger_model::Text) -> Fact {
        Fact::from(v.as_str())
    }
}

impl From<NaiveDate> for Fact {
    fn from(v: NaiveDate) -> Fact {
        Fact::Date(v)
    }
}

impl From<DateTime<Utc>> for Fact {
    fn from(v: DateTime<Utc>) -> Fact {
        Fact::Instant(v)
    }
}

impl From<&rxledger_model::Money> for Fact {
    fn from(v: &rxledger_model::Money) -> Fact {
        Fact::Amount {
            minor: v.minor,
            currency: v.currency.to_string(),
        }
    }
}

impl Finding {
    /// A finding of `rule` about record `seq`, with the rule's default severity.
    pub fn new(rule: Rule, seq: u64, message: Msg) -> Finding {
        Finding {
            rule,
            severity: rule.default_severity(),
            seq,
            seqs: vec![seq],
            party: None,
            product: None,
            batch: None,
            location: None,
            expected: None,
            actual: None,
            interval: None,
            message,
        }
    }
    /// Sets the interval.
    #[must_use]
    pub fn interval(mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        self.interval = Some(Interval { from, to });
        self
    }
    /// Sets the party.
    #[must_use]
    pub fn party(mut self, p: &str) -> Self {
        self.party = Some(p.to_owned());
        self
    }
    /// Sets the product.
    #[must_use]
    pub fn product(mut self, p: &str) -> Self {
        self.product = Some(p.to_owned());
        self
    }
    /// Sets the batch.
    #[must_use]
    pub fn batch(mut self, b: &str) -> Self {
        self.batch = Some(b.to_owned());
        self
    }
    /// Sets the location.
    #[must_use]
    pub fn location(mut self, l: &str) -> Self {
        self.location = Some(l.to_owned());
        self
    }
    /// Sets expected and actual figures.
    #[must_use]
    pub fn figures(mut self, expected: Msg, actual: Msg) -> Self {
        self.expected = Some(expected);
        self.actual = Some(actual);
        self
    }
    /// Adds an involved record.
    #[must_use]
    pub fn also(mut self, seq: u64) -> Self {
        self.seqs.push(seq);
        self
    }
    /// Adds involved records.
    #[must_use]
    pub fn also_all(mut self, seqs: &[u64]) -> Self {
        self.seqs.extend_from_slice(seqs);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Facts` keeps one fact per name in the order of the names, as the `BTreeMap` it replaced
    /// did, and serializes to the same JSON.
    #[test]
    fn facts_behave_as_a_map_ordered_by_name() {
        let mut facts = Facts::new();
        let mut map = BTreeMap::new();
        let names = ["qty", "batch", "Zone", "amount", "qty", "é", "b", "batch"];
        for (i, name) in names.into_iter().enumerate() {
            let fact = Fact::from(i);
            assert_eq!(
                facts.insert(name, fact.clone()),
                map.insert(Cow::Borrowed(name), fact)
            );
        }
        assert_eq!(facts.len(), map.len());
        let listed: Vec<_> = facts.iter().collect();
        assert_eq!(listed, map.iter().collect::<Vec<_>>());
        assert_eq!(
            facts.values().collect::<Vec<_>>(),
            map.values().collect::<Vec<_>>()
        );
        for name in names.into_iter().chain(["missing", ""]) {
            assert_eq!(facts.get(name), map.get(name), "{name}");
            assert_eq!(facts.contains_key(name), map.contains_key(name), "{name}");
        }
        assert_eq!(format!("{facts:?}"), format!("{map:?}"));
        let json = serde_json::to_string(&facts).unwrap();
        assert_eq!(json, serde_json::to_string(&map).unwrap());
        assert_eq!(serde_json::from_str::<Facts>(&json).unwrap(), facts);
        let collected: Facts = map.clone().into_iter().collect();
        assert_eq!(collected, facts);
        for name in ["b", "missing", "qty", "b"] {
            assert_eq!(facts.remove(name), map.remove(name), "{name}");
            assert_eq!(
                facts.iter().collect::<Vec<_>>(),
                map.iter().collect::<Vec<_>>()
            );
        }
    }

    /// A message without facts serializes without `args`, and reads back.
    #[test]
    fn a_message_without_facts_has_no_args() {
        let m = Msg::new("stock-neg");
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"id":"stock-neg"}"#);
        assert_eq!(serde_json::from_str::<Msg>(&json).unwrap(), m);
        let m = m.arg("qty", 3i64);
        let back: Msg = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(back.get("qty"), Some(&Fact::Int(3)));
    }
}
