//! The reconciliation engine: reads a ledger the way a drug inspector does (goods against books
//! against invoices against payments, stock, batches, qualifications) and reports every
//! inconsistency with its evidence.
//!
//! One streaming pass updates shared projections once per event (master data; stock per product,
//! batch and location, from the goods movements of [`rxledger_model::movements`]; orders, sales,
//! invoices and payments; unit codes), then shows the event to one module per [`Family`] of the
//! rules of [`RULES`]. Findings are data: a rule, the records, and a message id with typed facts
//! ([`Msg`]), rendered into sentences by `rxledger-report`. The same engine runs
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

pub mod check;
mod config;
pub mod cross;
mod engine;
mod envelope;
mod finding;
mod records;
mod rules;
pub mod summary;
#[cfg(test)]
mod testing;
pub mod time;
pub mod trace;

pub use config::{Config, ConfigError, Thresholds, DEFAULT_TOML};
pub use engine::{
    closeup_window, mkt, Band, Closeup, Engine, Problem, StreamKind, TempSeries,
    CLOSEUPS_MAX_READINGS, CLOSEUP_MAX_PAD_SECS, CLOSEUP_MAX_READINGS, CLOSEUP_MIN_PAD_SECS,
    RECENT_MAX_READINGS,
};
pub use envelope::{Bucket, Envelope};
pub use finding::{Fact, Facts, Finding, Interval, Msg, Pending};
pub use rules::{rule, Family, Rule, RuleInfo, Severity, UnknownRule, RULES};
