//! # rxledger
//!
//! A drug distributor's traceability events (purchase, receipt and acceptance, storage, sale,
//! dispatch, returns, destruction, stock counts, invoices, payments, temperature readings) in an
//! append-only, hash-chained, tamper-evident log.
//!
//! This facade re-exports the member crates and adds the few calls that tie them together:
//! reading events from JSON Lines ([`ingest`]), appending them to a store, and summarising a
//! ledger ([`summary`]).
//!
//! ```
//! use rxledger::{ingest, store::{FileStore, Store}, summary};
//!
//! let dir = tempfile::tempdir()?;
//! let ledger = dir.path().join("ledger");
//! FileStore::init(&ledger)?;
//!
//! // Generate a small, clean ledger and append it in batches of 100.
//! let events = rxledger::gen::Generator::new(Default::default()).take(250);
//! let payloads: Vec<Vec<u8>> = events.map(|e| e.to_json_bytes()).collect();
//! let mut store = FileStore::open(&ledger)?;
//! let head = ingest::append_batches(&mut store, &payloads, 100, |_| {})?;
//! assert_eq!(head.seq, 250);
//! drop(store);
//!
//! let s = summary::summarize(&ledger, None)?;
//! assert!(s.verify.is_ok());
//! assert_eq!(s.records, 250);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

#[cfg(doctest)]
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

pub use rxledger_reconcile::{check, cross, summary, trace};
#[cfg(feature = "html")]
pub use rxledger_report::{chart, html};

pub mod ingest;

pub use rxledger_checkpoint::ledger as proofs;
