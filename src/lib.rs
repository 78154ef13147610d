//! # rxledger
//!
//! A drug distributor's traceability events (purchase, receipt and acceptance, storage, sale,
//! dispatch, returns, destruction, stock counts, invoices, payments, temperature readings) in an
//! append-only, hash-chained, tamper-evident log.
//!
//! This facade is the front door: a [`Ledger`] handle (open, append, verify, check, checkpoint,
//! prove, report) over any [`store::Store`], the member crates re-exported under short names
//! ([`model`], [`chain`], [`store`], [`reconcile`], [`checkpoint`], [`report`]), and the few calls
//! that tie them together: reading events from JSON Lines ([`ingest`]) and summarising a ledger
//! ([`summary`]).
//!
//! Cargo features (both on by default): `gen`, the deterministic ledger generator
//! (`rxledger::gen`); `html`, the HTML inspection report (`rxledger::html`, `Ledger::report`).
//! Embedders may turn them off (`default-features = false`); the rest of the library does not
//! depend on them.
//!
//! ```
//! use rxledger::{ingest, reconcile::Config, summary, Ledger};
//!
//! let events = std::fs::read("samples/month/events.jsonl")?;
//! let payloads = ingest::read_events("events.jsonl", &events[..])?;
//!
//! let dir = tempfile::tempdir()?;
//! let mut ledger = Ledger::create(dir.path().join("ledger"))?;
//! for batch in payloads[..250].chunks(100) {
//!     ledger.append(batch)?;
//! }
//! assert_eq!(ledger.head().seq, 250);
//! let report = ledger.check(Config::default())?;
//! assert!(report.verify.is_ok());
//!
//! let s = summary::summarize(ledger.dir(), None)?;
//! assert_eq!(s.records, 250);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

// The README's examples use the generator and the HTML report.
#[cfg(all(doctest, feature = "gen", feature = "html"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use rxledger_chain as chain;
pub use rxledger_checkpoint as checkpoint;
#[cfg(feature = "gen")]
pub use rxledger_gen as gen;
pub use rxledger_model as model;
pub use rxledger_reconcile as reconcile;
pub use rxledger_report as report;
pub use rxledger_store as store;
#[cfg(feature = "postgres")]
pub use rxledger_store_pg as store_pg;

pub use rxledger_reconcile::{check, cross, summary, trace};
#[cfg(feature = "html")]
pub use rxledger_report::{chart, html};

pub mod ingest;
pub mod ledger;

pub use ledger::{Ledger, LedgerError};

pub use rxledger_checkpoint::ledger as proofs;
