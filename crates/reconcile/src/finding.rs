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
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<Cow<'static, str>, Fact>,
}

impl Msg {
    /// A message with no facts yet.
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id: Cow::Borrowed(id),
            args: BTreeMap::new(),
        }
    }

    /// Adds a fact.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Fact>) -> Msg {
        self.args.insert(Cow::Borrowed(name), value.into());
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

impl From<&str> for Fact {
    fn from(v: &str) -> Fact {
        Fact::Text(v.to_owned())
    }
}

impl From<String> for Fact {
    fn from(v: String) -> Fact {
        Fact::Text(v)
    }
}

impl From<&String> for Fact {
    fn from(v: &String) -> Fact {
        Fact::Text(v.clone())
    }
}

impl From<&rxledger_model::Text> for Fact {
    fn from(v: &rxledger_model::Text) -> Fact {
        Fact::Text(v.to_string())
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
