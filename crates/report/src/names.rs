//! Names beside ids: the registered names of parties and products, from the master data in the
//! ledger (`party_registered`, `product_registered`), so that a person reads
//! `华东医药股份有限公司 (91330000…)` rather than a bare unified social credit code.
//!
//! A [`Names`] is filled while a ledger is checked (in the same pass, through the `observe` hook
//! of [`check_with`]) and handed to [`Messages::with_names`]; the catalogue then shows every
//! party or product fact it knows as name and code (`messages-named-party`,
//! `messages-named-product` of the catalogue), and unknown codes as they are.
//!
//! ```
//! use rxledger_reconcile::Config;
//! use rxledger_report::names::check_named;
//!
//! let ledger = std::path::Path::new(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../../samples/scenarios/clean.jsonl"
//! ));
//! let (report, names) = check_named(ledger, Config::default(), None, |_| {})?;
//! assert!(report.findings.is_empty());
//! assert!(names.owner().is_some());
//! # Ok::<(), rxledger_store::StoreError>(())
//! ```
//!
//! [`Messages::with_names`]: crate::Messages::with_names

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rxledger_chain::ExpectedHead;
use rxledger_model::{Event, EventBody, Relation};
use rxledger_reconcile::check::{check_with, CheckReport};
use rxledger_reconcile::cross::{add_cross_findings, Shipments};
use rxledger_reconcile::{Config, Engine};
use rxledger_store::StoreError;

/// A product as a person names it: generic name and specification.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProductName {
    /// Generic name (通用名).
    pub name: String,
    /// Specification (规格).
    pub spec: String,
}

/// The registered names of parties and products of one or more ledgers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    parties: BTreeMap<String, String>,
    products: BTreeMap<String, ProductName>,
    owner: Option<String>,
}

/// The names of the facts that hold a party id (a finding's `party`, `customer`, `supplier` …).
pub const PARTY_FACTS: &[&str] = &[
    "party",
    "from",
    "customer",
    "supplier",
    "holder",
    "to",
    "traded_with",
    "sale_customer",
    "order_supplier",
    "invoice_party",
];

/// The names of the facts that hold a product code.
pub const PRODUCT_FACTS: &[&str] = &["product"];

impl Names {
    /// No names.
    pub fn new() -> Names {
        Names::default()
    }

    /// Takes the names of a `party_registered` or `product_registered` event (a later
    /// registration of the same id replaces the earlier); other events are ignored.
    pub fn observe(&mut self, e: &Event) {
        match &e.body {
            EventBody::PartyRegistered(p) => {
                self.parties.insert(p.party.to_string(), p.name.to_string());
                if p.relation == Relation::Owner {
                    self.owner = Some(p.party.to_string());
                }
            }
            EventBody::ProductRegistered(p) => {
                self.products.insert(
                    p.product.to_string(),
                    ProductName {
                        name: p.generic_name.to_string(),
                        spec: p.spec.to_string(),
                    },
                );
            }
            _ => {}
        }
    }

    /// Adds the names of `other` (its names win; its owner only when this has none).
    pub fn merge(&mut self, other: Names) {
        self.parties.extend(other.parties);
        self.products.extend(other.products);
        if self.owner.is_none() {
            self.owner = other.owner;
        }
    }

    /// Registers a party name by hand (tests, data from elsewhere).
    pub fn add_party(&mut self, party: &str, name: &str) {
        self.parties.insert(party.to_owned(), name.to_owned());
    }

    /// Registers a product name and spec by hand.
    pub fn add_product(&mut self, product: &str, name: &str, spec: &str) {
        self.products.insert(
            product.to_owned(),
            ProductName {
                name: name.to_owned(),
                spec: spec.to_owned(),
            },
        );
    }

    /// The registered name of a party.
    pub fn party(&self, party: &str) -> Option<&str> {
        self.parties.get(party).map(String::as_str)
    }

    /// The name and spec of a product.
    pub fn product(&self, product: &str) -> Option<&ProductName> {
        self.products.get(product)
    }

    /// The id of the company that keeps the ledger (the party registered as `self`; the last
    /// one when several are).
    pub fn owner_id(&self) -> Option<&str> {
        self.owner.as_deref()
    }

    /// The registered name of the company that keeps the ledger.
    pub fn owner(&self) -> Option<&str> {
        self.owner.as_deref().and_then(|o| self.party(o))
    }

    /// True when no name is known.
    pub fn is_empty(&self) -> bool {
        self.parties.is_empty() && self.products.is_empty()
    }
}

/// [`rxledger_reconcile::check::check_path`], gathering the names of the ledger in the same pass.
pub fn check_named(
    path: &Path,
    config: Config,
    expected: Option<ExpectedHead>,
    progress: impl FnMut(u64),
) -> Result<(CheckReport, Names), StoreError> {
    let mut names = Names::new();
    let report = check_with(
        path,
        Engine::new(config),
        expected,
        progress,
        |_, e| names.observe(e),
        |_| {},
    )?;
    Ok((report, names))
}

/// [`rxledger_reconcile::trace::trace_many`], gathering the names of the ledgers in the same
/// passes (for `trace` to name the holders, parties and product it shows).
pub fn trace_named(
    targets: &[rxledger_reconcile::trace::Target],
    ledgers: &[std::path::PathBuf],
    config: &Config,
) -> Result<(Vec<rxledger_reconcile::trace::Chain>, Names), StoreError> {
    // Each ledger's names, merged in ledger order (the first ledger's owner is the owner).
    let mut names = Names::new();
    let mut ledger = (0, Names::new());
    let chains =
        rxledger_reconcile::trace::trace_many_observed(targets, ledgers, config, |i, e| {
            if i != ledger.0 {
                names.merge(std::mem::take(&mut ledger.1));
                ledger.0 = i;
            }
            ledger.1.observe(e);
        })?;
    names.merge(ledger.1);
    Ok((chains, names))
}

/// [`rxledger_reconcile::cross::check_ledgers`] (each ledger checked, then against each other),
/// gathering the names of all of them in the same passes.
pub fn check_ledgers_named(
    paths: &[PathBuf],
    config: &Config,
    expected: Option<ExpectedHead>,
) -> Result<(Vec<CheckReport>, Names), StoreError> {
    let mut names = Names::new();
    let mut reports = Vec::with_capacity(paths.len());
    let mut shipments = Vec::with_capacity(paths.len());
    for p in paths {
        let mut s = Shipments::default();
        let mut n = Names::new();
        reports.push(check_with(
            p,
            Engine::new(config.clone()),
            expected,
            |_| {},
            |seq, e| {
                s.observe(seq, e);
                n.observe(e);
            },
            |_| {},
        )?);
        shipments.push(s);
        // The first ledger's owner is the one the report is about.
        names.merge(n);
    }
    add_cross_findings(paths, config, reports.iter_mut().zip(shipments))?;
    Ok((reports, names))
}
