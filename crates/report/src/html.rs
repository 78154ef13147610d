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

use rxledger_chain::ExpectedHead;
use rxledger_model::{ControlClass, EventBody};
use rxledger_reconcile::{Config, Engine, Finding, Rule, Severity, StreamKind, TempSeries, RULES};

use crate::messages::{Lang, Messages};
use rxledger_store::StoreError;

use crate::chart::{self, Mark, MarkKind};
use crate::xml_escape as esc;
use rxledger_reconcile::check::{check_with, CheckReport};
use rxledger_reconcile::cross::Shipments;
use rxledger_reconcile::summary::{apply_stock, BatchStock};
use rxledger_reconcile::trace::{Chain, Collector, Target};

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
    let mut custody = custody.finish();
    let custody_omitted = custody.len().saturating_sub(options.max_custody_chains);
    custody.truncate(options.max_custody_chains);
    Ok(Report {
        ledgers,
        custody,
        custody_omitted,
        options: options.clone(),
        messages: Messages::new(Lang::En),
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
    let check = check_with(
        path,
        engine,
        options.expected,
        |_| {},
        |seq, e| {
            custody.observe(seq, e);
            shipments.observe(seq, e);
            if let EventBody::ProductRegistered(p) = &e.body {
                products.insert(
                    p.product.clone(),
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
    })
}

const STYLE: &str = r"
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:0;color:#1d2330;background:#f4f6f9}
header{background:#1f3a5f;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85}header nav{margin-top:6px}header a{color:#cfe3ff}
main{padding:8px 32px 40px;max-width:1200px}
section{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:12px 20px;margin:16px 0}
h2{font-size:18px;margin:6px 0 10px}h3{font-size:15px;margin:14px 0 6px}
table{border-collapse:collapse;margin:6px 0;font-size:13px}th,td{border-bottom:1px solid #e3e7ed;padding:3px 10px 3px 0;text-align:left;vertical-align:top}
th{color:#4a5567;font-weight:600}td.n,th.n{text-align:right}
.ok{color:#1a7f37;font-weight:600}.bad{color:#b42318;font-weight:600}
.sev-critical{color:#fff;background:#b42318;border-radius:3px;padding:0 5px}.sev-major{color:#fff;background:#c4661f;border-radius:3px;padding:0 5px}.sev-minor{color:#1d2330;background:#e8d36b;border-radius:3px;padding:0 5px}
code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
details{margin:6px 0}summary{cursor:pointer;font-weight:600}
.chart{display:block;margin:4px 0 12px;font-size:11px;font-family:system-ui,sans-serif}
.chart .band{fill:#2da44e;fill-opacity:.14}.chart .exc{fill:#d1242f;fill-opacity:.35}.chart .gap{fill:#6e7781;fill-opacity:.35}
.chart .grid{stroke:#e3e7ed}.chart .temp{fill:none;stroke:#0b5cad;stroke-width:1.2}.chart text{fill:#4a5567}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px -2px 12px;border-radius:2px}
.muted{color:#6b7280}
";

fn sev_badge(s: Severity) -> String {
    format!(r#"<span class="sev-{0}">{0}</span>"#, s.as_str())
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
    /// Every temperature mark (excursion or gap) of ledger `i`, by zone or vehicle id (the
    /// findings' location).
    fn marks(&self, i: usize) -> BTreeMap<&str, Vec<Mark>> {
        let mut out: BTreeMap<&str, Vec<Mark>> = BTreeMap::new();
        let Some(part) = self.ledgers.get(i) else {
            return out;
        };
        for f in &part.check.findings {
            let kind = match f.rule {
                Rule::TempRange => MarkKind::Excursion,
                Rule::TempGap => MarkKind::Gap,
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
                label: format!("{} (seq {}): {}", f.rule, f.seq, self.messages.message(f)),
            });
        }
        out
    }

    /// The whole report as one self-contained HTML document.
    pub fn to_html(&self) -> String {
        let mut s = String::new();
        let names: Vec<String> = self
            .ledgers
            .iter()
            .map(|l| l.check.path.display().to_string())
            .collect();
        let _ = write!(
            s,
            r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>rxledger inspection report: {}</title><style>{STYLE}</style></head><body>
<header><h1>Inspection report</h1><p>{} · rxledger {}</p><nav>{}</nav></header><main>
"#,
            esc(&names.join(", ")),
            esc(&names.join(", ")),
            env!("CARGO_PKG_VERSION"),
            self.nav()
        );
        self.overview(&mut s);
        for (i, part) in self.ledgers.iter().enumerate() {
            self.ledger_html(&mut s, i, part);
        }
        self.custody_html(&mut s);
        s.push_str("</main></body></html>\n");
        s
    }

    fn nav(&self) -> String {
        let mut n = String::from(r##"<a href="#overview">overview</a>"##);
        for (i, part) in self.ledgers.iter().enumerate() {
            let name = part
                .check
                .path
                .file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
            let _ = write!(n, r##" · <a href="#ledger-{i}">{}</a>"##, esc(&name));
        }
        n.push_str(r##" · <a href="#custody">custody chains</a>"##);
        n
    }

    fn overview(&self, s: &mut String) {
        s.push_str(r#"<section id="overview"><h2>Chain status and findings</h2><table><tr><th>ledger</th><th class="n">records</th><th>chain</th><th>last checkpoint</th><th class="n">critical</th><th class="n">major</th><th class="n">minor</th></tr>"#);
        for part in &self.ledgers {
            let c = &part.check;
            let chain = match &c.verify.failure {
                None => r#"<span class="ok">intact</span>"#.to_owned(),
                Some(f) => format!(
                    r#"<span class="bad">broken at seq {}</span>: {}"#,
                    f.seq(),
                    esc(&f.to_string())
                ),
            };
            let cp = match &part.checkpoint {
                None => r#"<span class="muted">none</span>"#.to_owned(),
                Some(cp) => match &cp.extends {
                    Ok(_) => format!(
                        r#"size {} <span class="ok">extended</span> <span class="muted">(signature not checked here)</span>"#,
                        cp.size
                    ),
                    Err(why) => format!(
                        r#"size {} <span class="bad">not extended</span>: {}"#,
                        cp.size,
                        esc(why)
                    ),
                },
            };
            let count = |sev: Severity| c.findings.iter().filter(|f| f.severity == sev).count();
            let _ = write!(
                s,
                r#"<tr><td class="mono">{}</td><td class="n">{}</td><td>{chain}</td><td>{cp}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
                esc(&c.path.display().to_string()),
                c.verify.head.seq,
                count(Severity::Critical),
                count(Severity::Major),
                count(Severity::Minor)
            );
        }
        s.push_str("</table></section>\n");
    }

    fn ledger_html(&self, s: &mut String, i: usize, part: &LedgerPart) {
        let c = &part.check;
        let _ = write!(
            s,
            r#"<section id="ledger-{i}"><h2>Ledger <span class="mono">{}</span></h2><p>{} records, {} events reconciled. Head <code>{}</code>.</p>"#,
            esc(&c.path.display().to_string()),
            c.verify.head.seq,
            c.events,
            c.verify.head
        );
        if let Some(cp) = &part.checkpoint {
            let _ = write!(
                s,
                "<p>Last checkpoint: size {}, root <code>{}</code>: {}</p>",
                cp.size,
                esc(&cp.root),
                match &cp.extends {
                    Ok(n) =>
                        format!(r#"<span class="ok">the ledger ({n} records) extends it</span>"#),
                    Err(why) => format!(r#"<span class="bad">{}</span>"#, esc(why)),
                }
            );
        }
        self.findings_html(s, i, part);
        stock_html(s, part);
        self.charts_html(s, i, part);
        s.push_str("</section>\n");
    }

    fn findings_html(&self, s: &mut String, i: usize, part: &LedgerPart) {
        let c = &part.check;
        let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
        for f in &c.findings {
            by_rule.entry(f.rule.code()).or_default().push(f);
        }
        let _ = write!(s, "<h3>Findings ({})</h3>", c.findings.len());
        if c.findings.is_empty() {
            s.push_str(r#"<p class="ok">No findings.</p>"#);
            return;
        }
        s.push_str(r#"<table><tr><th>rule</th><th>severity</th><th class="n">findings</th><th>what it checks</th><th>source</th></tr>"#);
        let mut order: Vec<(&str, Severity, usize)> = by_rule
            .iter()
            .map(|(rule, list)| (*rule, list[0].severity, list.len()))
            .collect();
        order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (rule, sev, n) in &order {
            let info = RULES.iter().find(|r| r.code == *rule);
            let _ = write!(
                s,
                r##"<tr><td><a href="#l{i}-{}">{}</a></td><td>{}</td><td class="n">{n}</td><td>{}</td><td>{}</td></tr>"##,
                anchor(rule),
                esc(rule),
                sev_badge(*sev),
                esc(info.map_or("", |r| r.title)),
                esc(info.map_or("", |r| r.source))
            );
        }
        s.push_str("</table>");
        for (rule, _, n) in &order {
            let list = &by_rule[rule];
            let _ = write!(
                s,
                r#"<details class="rule" id="l{i}-{}"><summary>{} · {n}</summary><table><tr><th class="n">seq</th><th>records</th><th>party</th><th>product / batch / location</th><th>expected</th><th>found</th><th>finding</th></tr>"#,
                anchor(rule),
                esc(rule)
            );
            for f in list.iter().take(self.options.max_findings_per_rule) {
                let what = [&f.product, &f.batch, &f.location]
                    .iter()
                    .filter_map(|x| x.as_deref())
                    .map(esc)
                    .collect::<Vec<_>>()
                    .join(" / ");
                let seqs = f
                    .seqs
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                let _ = write!(
                    s,
                    r#"<tr><td class="n">{}</td><td class="mono">{seqs}</td><td class="mono">{}</td><td class="mono">{what}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
                    f.seq,
                    esc(f.party.as_deref().unwrap_or("")),
                    esc(&self.messages.expected(f).unwrap_or_default()),
                    esc(&self.messages.actual(f).unwrap_or_default()),
                    esc(&self.messages.message(f))
                );
            }
            s.push_str("</table>");
            if list.len() > self.options.max_findings_per_rule {
                let _ = write!(
                    s,
                    r#"<p class="muted">… and {} more (rxledger check --format json lists them all).</p>"#,
                    list.len() - self.options.max_findings_per_rule
                );
            }
            s.push_str("</details>");
        }
    }

    fn charts_html(&self, s: &mut String, i: usize, part: &LedgerPart) {
        if part.series.is_empty() {
            return;
        }
        let marks = self.marks(i);
        let t = &self.options.config.thresholds;
        let _ = write!(
            s,
            r#"<h3>Temperatures ({} zones and vehicles)</h3><p class="legend">Times in China Standard Time.<span style="background:#2da44e;opacity:.35"></span>allowed range<span style="background:#d1242f;opacity:.6"></span>excursion (TEMP-RANGE)<span style="background:#6e7781;opacity:.6"></span>recording gap (TEMP-GAP)</p>"#,
            part.series.len()
        );
        // Zones in full; vehicle trips (often dozens) folded unless one shows a problem.
        let (zones, vehicles): (Vec<&TempSeries>, Vec<&TempSeries>) =
            part.series.iter().partition(|x| x.kind == StreamKind::Zone);
        let marks_of = |x: &TempSeries| marks.get(x.name.as_str()).map_or(&[][..], Vec::as_slice);
        let chart = |s: &mut String, series: &TempSeries| {
            let m = marks_of(series);
            let exc = m.iter().filter(|m| m.kind == MarkKind::Excursion).count();
            let max_gap = match series.kind {
                StreamKind::Zone => t.storage_gap_minutes,
                StreamKind::Vehicle => t.transport_gap_minutes,
            } * 60;
            let _ = write!(
                s,
                r#"<div class="series" id="chart-{i}-{}-{}"><h3>{} {} <span class="muted">· {} readings · {exc} excursions · {} gaps</span></h3>{}</div>"#,
                series.kind.as_str(),
                anchor(&series.name),
                series.kind.as_str(),
                esc(&series.name),
                series.readings.readings(),
                m.len() - exc,
                chart::svg(series, m, self.options.chart, max_gap)
            );
        };
        for series in zones {
            chart(s, series);
        }
        if !vehicles.is_empty() {
            let flagged = vehicles.iter().filter(|v| !marks_of(v).is_empty()).count();
            let _ = write!(
                s,
                r#"<details class="vehicles"{}><summary>Vehicles: {} ({flagged} with excursions or gaps)</summary>"#,
                if flagged > 0 { r#" open="open""# } else { "" },
                vehicles.len()
            );
            for series in vehicles {
                chart(s, series);
            }
            s.push_str("</details>");
        }
    }

    fn custody_html(&self, s: &mut String) {
        s.push_str(r#"<section id="custody"><h2>Custody chains of special-control batches</h2>"#);
        if self.custody.is_empty() {
            s.push_str(r#"<p class="muted">No narcotic, psychotropic, toxic, radioactive or precursor batches in these ledgers.</p></section>"#);
            return;
        }
        let broken = self
            .custody
            .iter()
            .filter(|(_, c)| !c.breaks.is_empty())
            .count();
        let _ = write!(
            s,
            "<p>{} batches across {} {}; {broken} with a break in the chain.</p>",
            self.custody.len(),
            self.ledgers.len(),
            if self.ledgers.len() == 1 {
                "ledger"
            } else {
                "ledgers"
            }
        );
        if self.custody_omitted > 0 {
            let _ = write!(
                s,
                r#"<p class="muted">{} more batches not shown (rxledger trace --batch PRODUCT:BATCH follows any of them).</p>"#,
                self.custody_omitted
            );
        }
        for (target, chain) in &self.custody {
            let Target::Batch { product, batch } = target else {
                continue;
            };
            let name = self
                .ledgers
                .iter()
                .find_map(|l| l.products.get(product))
                .map_or(String::new(), |p| p.name.clone());
            let status = if chain.breaks.is_empty() {
                r#"<span class="ok">unbroken</span>"#.to_owned()
            } else {
                format!(r#"<span class="bad">{} breaks</span>"#, chain.breaks.len())
            };
            let _ = write!(
                s,
                r#"<details class="chain"{}><summary>{} {} batch {} · {} steps · {status}</summary>"#,
                if chain.breaks.is_empty() {
                    ""
                } else {
                    r#" open="open""#
                },
                esc(product),
                esc(&name),
                esc(batch),
                chain.steps.len()
            );
            for b in &chain.breaks {
                let _ = write!(s, r#"<p class="bad">Break: {}</p>"#, esc(b));
            }
            s.push_str(r#"<table><tr><th>when (UTC)</th><th>event</th><th>holder</th><th>document</th><th>counterparty</th><th>movement</th><th class="n">quantity</th><th>record</th></tr>"#);
            for st in chain.steps.iter().take(self.options.max_steps_per_chain) {
                let _ = write!(
                    s,
                    r#"<tr><td>{}</td><td>{}</td><td class="mono">{}</td><td class="mono">{}</td><td class="mono">{}</td><td>{}</td><td class="n">{}</td><td class="mono">{} seq {}</td></tr>"#,
                    st.at.format("%Y-%m-%d %H:%M"),
                    st.kind,
                    esc(&st.holder),
                    esc(&st.doc),
                    esc(st.party.as_deref().unwrap_or("")),
                    esc(&st.movement),
                    st.quantity,
                    esc(&st.ledger.display().to_string()),
                    st.seq
                );
            }
            s.push_str("</table>");
            if chain.steps.len() > self.options.max_steps_per_chain {
                let _ = write!(
                    s,
                    r#"<p class="muted">… and {} more steps (rxledger trace --batch {}:{} lists them all).</p>"#,
                    chain.steps.len() - self.options.max_steps_per_chain,
                    esc(product),
                    esc(batch)
                );
            }
            s.push_str("</details>");
        }
        s.push_str("</section>\n");
    }
}

fn stock_html(s: &mut String, part: &LedgerPart) {
    let live: Vec<_> = part.stock.iter().filter(|(_, b)| b.total() != 0).collect();
    let _ = write!(
        s,
        r#"<h3>Stock by product and batch</h3><details class="stock"><summary>{} batches in stock ({} ever held)</summary><table><tr><th>product</th><th>name</th><th>batch</th><th>locations</th><th class="n">total</th></tr>"#,
        live.len(),
        part.stock.len()
    );
    for ((p, b), st) in live {
        let locs = st
            .by_location
            .iter()
            .filter(|(_, q)| **q != 0)
            .map(|(l, q)| format!("{} {q}", esc(l)))
            .collect::<Vec<_>>()
            .join(", ");
        let total = st.total();
        let _ = write!(
            s,
            r#"<tr><td class="mono">{}</td><td>{}</td><td class="mono">{}</td><td>{locs}</td><td class="n{}">{total}</td></tr>"#,
            esc(p),
            esc(part.products.get(p).map_or("", |i| i.name.as_str())),
            esc(b),
            if total < 0 { " bad" } else { "" }
        );
    }
    s.push_str("</table></details>");
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
