//! `report`: one self-contained HTML inspection report of one or more ledgers.
//!
//! The file needs nothing but a browser (no scripts, fonts, images or style sheets from
//! elsewhere): chain status (records, head, the last signed checkpoint and whether the ledger
//! still extends it), findings by rule and severity with their evidence, stock by product and
//! batch, the custody chains of special-control batches across the given ledgers, and for every
//! storage zone and vehicle an inline SVG temperature chart ([`crate::chart`]) with the allowed
//! band, the excursions shaded and the recording gaps marked.
//!
//! Each ledger is read once: verification, reconciliation, stock, temperatures, custody chains
//! and the shipments for the cross-ledger checks in one pass (plus one more over a directory's
//! ledger when it has a checkpoint history, to check the last checkpoint, and over a ledger whose
//! chain is broken, for the cross-ledger checks beyond the break).
//!
//! ```
//! use rxledger_report::html::{build, Options};
//!
//! let ledger = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/scenarios/cold-chain.jsonl"));
//! let report = build(&[ledger], &Options::default())?;
//! let html = report.to_html();
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains(r#"class="exc""#)); // the scenario's refrigerator excursions, shaded
//! # Ok::<(), rxledger_store::StoreError>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use rxledger_chain::ExpectedHead;
use rxledger_model::{ControlClass, EventBody};
use rxledger_reconcile::check::{check_with, CheckReport};
use rxledger_reconcile::cross::Shipments;
use rxledger_reconcile::summary::{apply_stock, BatchStock};
use rxledger_reconcile::trace::{Chain, Collector, Target};
use rxledger_reconcile::{Config, Engine, Rule, TempSeries};
use rxledger_store::StoreError;

use crate::chart::{self, Mark, MarkKind};
use crate::messages::{Lang, Messages};
use crate::names::Names;
use crate::time::Zone;

mod page;
mod temps;

pub use temps::{TempCounts, MAX_CLOSEUPS};

/// Report options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Reconciliation configuration.
    pub config: Config,
    /// A trusted earlier head (applies to every ledger, as for `check`).
    pub expected: Option<ExpectedHead>,
    /// Chart size.
    pub chart: chart::Size,
    /// At most this many findings listed per rule and ledger (the counts are always complete).
    pub max_findings_per_rule: usize,
    /// At most this many custody chains (special-control batches) shown.
    pub max_custody_chains: usize,
    /// At most this many steps listed per custody chain (its breaks are always listed).
    pub max_steps_per_chain: usize,
    /// The language of the report.
    pub lang: Lang,
    /// The zone instants are shown in.
    pub zone: Zone,
    /// When the report was made, as its header says (now when `None`).
    pub made_at: Option<DateTime<Utc>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            config: Config::default(),
            expected: None,
            chart: chart::Size::default(),
            max_findings_per_rule: 500,
            max_custody_chains: 200,
            max_steps_per_chain: 200,
            lang: Lang::En,
            zone: Zone::default(),
            made_at: None,
        }
    }
}

/// What a product is, for the tables.
#[derive(Clone, Debug)]
pub struct ProductInfo {
    /// Generic name and specification.
    pub name: String,
    /// Special-control class.
    pub control: ControlClass,
}

/// One ledger's part of the report.
#[derive(Debug)]
pub struct LedgerPart {
    /// Verification and findings (cross-ledger findings included).
    pub check: CheckReport,
    /// Products registered in the ledger.
    pub products: BTreeMap<String, ProductInfo>,
    /// Stock per product and batch.
    pub stock: BTreeMap<(String, String), BatchStock>,
    /// Temperature series per zone and vehicle.
    pub series: Vec<TempSeries>,
    /// Last checkpoint, for a directory that has one.
    pub checkpoint: Option<rxledger_checkpoint::ledger::CheckpointStatus>,
    /// The first and last instant events of the ledger occurred at.
    pub period: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Registered names of its parties and products.
    pub names: Names,
}

/// Everything the HTML report shows; [`Report::to_html`] renders it.
#[derive(Debug)]
pub struct Report {
    /// One part per ledger, in the order given.
    pub ledgers: Vec<LedgerPart>,
    /// Custody chains of special-control batches across all ledgers.
    pub custody: Vec<(Target, Chain)>,
    /// Special-control batches not shown (over [`Options::max_custody_chains`]).
    pub custody_omitted: usize,
    /// The options used.
    pub options: Options,
    /// When the report was made.
    pub made_at: DateTime<Utc>,
    /// The catalogue sentences are rendered with.
    messages: Messages,
}

/// Reads `paths` (ledger directories or exported files) and gathers the report.
pub fn build(paths: &[PathBuf], options: &Options) -> Result<Report, StoreError> {
    let mut custody = Collector::special_batches();
    let mut ledgers = Vec::with_capacity(paths.len());
    let mut shipments = Vec::with_capacity(paths.len());
    for path in paths {
        custody.begin_ledger(path);
        let mut s = Shipments::default();
        ledgers.push(ledger_part(path, options, &mut custody, &mut s)?);
        shipments.push(s);
    }
    rxledger_reconcile::cross::add_cross_findings(
        paths,
        &options.config,
        ledgers.iter_mut().map(|l| &mut l.check).zip(shipments),
    )?;
    let mut names = Names::new();
    for l in &ledgers {
        names.merge(l.names.clone());
    }
    let messages = Messages::with_zone(options.lang, options.zone.clone()).with_names(names);
    let mut custody = custody.finish();
    let custody_omitted = custody.len().saturating_sub(options.max_custody_chains);
    custody.truncate(options.max_custody_chains);
    Ok(Report {
        ledgers,
        custody,
        custody_omitted,
        options: options.clone(),
        // To the second: a person reads it (round 20: the header showed nanoseconds).
        made_at: options.made_at.unwrap_or_else(|| {
            let now = Utc::now();
            chrono::Timelike::with_nanosecond(&now, 0).unwrap_or(now)
        }),
        messages,
    })
}

/// One pass over one ledger: verification, findings, stock, temperatures, custody steps and the
/// shipments for the cross-ledger checks.
fn ledger_part(
    path: &Path,
    options: &Options,
    custody: &mut Collector,
    shipments: &mut Shipments,
) -> Result<LedgerPart, StoreError> {
    let mut engine = Engine::new(options.config.clone());
    engine.trace_temperatures();
    let mut products = BTreeMap::new();
    let mut stock = BTreeMap::new();
    let mut series = Vec::new();
    let mut names = Names::new();
    let mut period: Option<(DateTime<Utc>, DateTime<Utc>)> = None;
    let check = check_with(
        path,
        engine,
        options.expected,
        |_| {},
        |seq, e| {
            custody.observe(seq, e);
            shipments.observe(seq, e);
            names.observe(e);
            let t = e.occurred_at;
            period = Some(period.map_or((t, t), |(a, b)| (a.min(t), b.max(t))));
            if let EventBody::ProductRegistered(p) = &e.body {
                products.insert(
                    p.product.to_string(),
                    ProductInfo {
                        name: format!("{} {}", p.generic_name, p.spec),
                        control: p.control,
                    },
                );
            }
            apply_stock(&mut stock, e);
        },
        |engine| series = engine.temperature_series(),
    )?;
    // The custody chains break where SPECIAL-CHAIN does: the one computation of both.
    custody.findings(&check.findings);
    let checkpoint = if path.is_dir() {
        rxledger_checkpoint::ledger::last_checkpoint(path)?
    } else {
        None
    };
    Ok(LedgerPart {
        check,
        products,
        stock,
        series,
        checkpoint,
        period,
        names,
    })
}

/// An element id for `text`: ASCII letters, digits and `-` kept, anything else as `_HEX_`
/// (one to one, so two vehicles never share an id).
fn anchor(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else {
            let _ = write!(out, "_{:x}_", u32::from(c));
        }
    }
    out
}

impl Report {
    /// The catalogue the report is rendered with (its language, zone and names).
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// The company the report is about: the registered name of the first ledger's owner.
    pub fn company(&self) -> Option<&str> {
        self.messages.names().owner()
    }

    /// The companies the report is about: the registered names of the owners of its ledgers,
    /// each once, in the order given (a report of a seller's and a hospital's ledgers names
    /// both).
    pub fn companies(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for name in self.ledgers.iter().filter_map(|l| l.names.owner()) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        if out.is_empty() {
            out.extend(self.company());
        }
        out
    }

    /// The period the ledgers cover: their first and last event.
    pub fn period(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        self.ledgers
            .iter()
            .filter_map(|l| l.period)
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    }

    /// Every temperature mark (excursion or gap) of ledger `i`, by zone or vehicle id (the
    /// findings' location): `TEMP-RANGE` and `TEMP-GAP`, and a `CC-RECEIPT` whose problem lies
    /// in its vehicle's readings (out of range: an excursion; the trip not covered: a gap), so
    /// that a truck whose log fails a receipt is charted, not listed as quiet (round 20).
    fn marks(&self, i: usize) -> BTreeMap<&str, Vec<Mark>> {
        let mut out: BTreeMap<&str, Vec<Mark>> = BTreeMap::new();
        let Some(part) = self.ledgers.get(i) else {
            return out;
        };
        for f in &part.check.findings {
            let kind = match f.rule {
                Rule::TempRange => MarkKind::Excursion,
                Rule::TempGap => MarkKind::Gap,
                Rule::CcReceipt => match f.message.args.get("problem") {
                    Some(rxledger_reconcile::Fact::Term(p)) if p == "out_of_range" => {
                        MarkKind::Excursion
                    }
                    _ => MarkKind::Gap,
                },
                _ => continue,
            };
            let (Some(loc), Some(iv)) = (&f.location, f.interval) else {
                continue;
            };
            out.entry(loc.as_str()).or_default().push(Mark {
                kind,
                from: iv.from,
                to: iv.to,
                seq: f.seq,
                // `TEMP-GAP (seq 37)` / `TEMP-GAP（记录 37）`, as the tables say it (round 20).
                label: format!(
                    "{} ({} {}): {}",
                    f.rule,
                    self.messages.label("report-seq"),
                    f.seq,
                    self.messages.message(f)
                ),
            });
        }
        out
    }
}

/// Reads `paths` and renders the report in one call.
pub fn report_html(paths: &[PathBuf], options: &Options) -> Result<String, StoreError> {
    Ok(build(paths, options)?.to_html())
}

#[cfg(test)]
mod tests {
    use super::anchor;

    #[test]
    fn anchors_are_one_to_one() {
        assert_eq!(anchor("CR-1"), "CR-1");
        assert_ne!(anchor("沪B·C1001冷"), anchor("浙B·C1001冷"));
        assert_ne!(anchor("a_2d_"), anchor("a-"));
        assert!(anchor("沪B 1")
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }
}
