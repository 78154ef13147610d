//! The reconciliation engine: reads a ledger the way a drug inspector does (goods against books
//! against invoices against payments, stock, batches, qualifications) and reports every
//! inconsistency with its evidence.
//!
//! One streaming pass feeds projections (master data, stock per product, batch and location, open
//! orders, sales, invoices and payments) and the rules of [`RULES`]. The same engine runs
//! incrementally: [`Engine::push`] returns the findings that became certain with that event,
//! [`Engine::finish`] the rest. Findings that depend on time (an invoice not paid within N days)
//! become certain when the ledger's clock (the latest `occurred_at`) passes the deadline.
//!
//! ```
//! use rxledger_reconcile::{Config, Engine};
//!
//! let mut engine = Engine::new(Config::default());
//! let mut findings = Vec::new();
//! for (i, e) in rxledger_gen::Generator::new(Default::default()).take(2000).enumerate() {
//!     let recorded_at = e.entered_at.unwrap_or(e.occurred_at);
//!     findings.extend(engine.push(i as u64 + 1, recorded_at, &e));
//! }
//! findings.extend(engine.finish());
//! assert!(findings.is_empty(), "{findings:#?}"); // the generator's ledgers are clean
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

mod config;
mod engine;
mod envelope;
mod rules;

use serde::Serialize;

pub use config::{Config, ConfigError, Thresholds, DEFAULT_TOML};
pub use engine::{mkt, Band, Engine, StreamKind, TempSeries};
pub use envelope::{Bucket, Envelope};
pub use rules::{rule, RuleInfo, Severity, RULES};

/// One inconsistency, with its evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Rule code, e.g. `STOCK-NEG`.
    pub rule: &'static str,
    /// Effective severity.
    pub severity: Severity,
    /// The record at the heart of the finding (the one to look at first).
    pub seq: u64,
    /// Every record involved, ascending (includes `seq`).
    pub seqs: Vec<u64>,
    /// Counterparty, when one is involved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Product code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    /// Storage location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// What the rule expected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// What the ledger shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// The stretch of time the finding is about (a temperature excursion, a recording gap).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// One sentence a quality manager understands.
    pub message: String,
}

/// A stretch of time, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Interval {
    /// Start.
    pub from: chrono::DateTime<chrono::Utc>,
    /// End.
    pub to: chrono::DateTime<chrono::Utc>,
}

impl Finding {
    /// A finding of `rule` about record `seq`.
    pub fn new(rule: &'static str, seq: u64, message: String) -> Finding {
        Finding {
            rule,
            severity: rule::severity_default(rule),
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
    pub fn interval(
        mut self,
        from: chrono::DateTime<chrono::Utc>,
        to: chrono::DateTime<chrono::Utc>,
    ) -> Self {
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
    pub fn figures(mut self, expected: String, actual: String) -> Self {
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

mod rule {
    use crate::Severity;
    pub(crate) fn severity_default(code: &str) -> Severity {
        crate::rules::rule(code).map_or(Severity::Major, |r| r.severity)
    }
}
