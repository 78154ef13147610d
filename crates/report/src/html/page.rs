//! The page of the HTML report, as `maud` templates: every spliced value is escaped ([`t`] for
//! text, which also keeps the page well-formed XML), only the constant style sheet and head are
//! spliced as they are.

use std::collections::BTreeMap;

use maud::{html, Markup, PreEscaped, DOCTYPE};
use rxledger_reconcile::trace::{Chain, Target};
use rxledger_reconcile::{Fact, Finding, Pending, Severity, StreamKind, TempSeries, RULES};

use super::{anchor, LedgerPart, Report};
use crate::chart::{self, Mark, MarkKind};
use crate::markup::t;

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

/// The head's void elements, closed XML-style (`maud` writes void elements HTML-style, `<meta>`,
/// which an XML parser rejects).
const META: &str = concat!(
    r#"<meta charset="utf-8"/>"#,
    r#"<meta name="viewport" content="width=device-width, initial-scale=1"/>"#
);

/// `<details open="open">` (an attribute with a value, as XML wants) when `open`.
fn open(open: bool) -> Option<&'static str> {
    open.then_some("open")
}

fn sev_badge(s: Severity) -> Markup {
    html! { span class={ "sev-" (s.as_str()) } { (s.as_str()) } }
}

impl Report {
    /// The whole report as one self-contained HTML document (also well-formed XML).
    pub fn to_html(&self) -> String {
        let names: Vec<String> = self
            .ledgers
            .iter()
            .map(|l| l.check.path.display().to_string())
            .collect();
        let names = names.join(", ");
        html! {
            (DOCTYPE) "\n"
            html lang="en" {
                head {
                    (PreEscaped(META)) "\n"
                    title { "rxledger inspection report: " (t(&names)) }
                    style { (PreEscaped(STYLE)) }
                }
                body {
                    "\n"
                    header {
                        h1 { "Inspection report" }
                        p { (t(&names)) " · rxledger " (env!("CARGO_PKG_VERSION")) }
                        nav { (self.nav()) }
                    }
                    main {
                        "\n"
                        (self.overview())
                        @for (i, part) in self.ledgers.iter().enumerate() {
                            (self.ledger(i, part))
                        }
                        (self.custody())
                    }
                }
            }
            "\n"
        }
        .into_string()
    }

    fn nav(&self) -> Markup {
        html! {
            a href="#overview" { "overview" }
            @for (i, part) in self.ledgers.iter().enumerate() {
                @let name = part.check.path.file_name().map(|f| f.to_string_lossy());
                " · " a href={ "#ledger-" (i) } { (t(name.as_deref().unwrap_or_default())) }
            }
            " · " a href="#custody" { "custody chains" }
        }
    }

    fn overview(&self) -> Markup {
        html! {
            section id="overview" {
                h2 { "Chain status and findings" }
                table {
                    tr {
                        th { "ledger" } th.n { "records" } th { "chain" } th { "last checkpoint" }
                        th.n { "critical" } th.n { "major" } th.n { "minor" } th.n { "pending" }
                    }
                    @for part in &self.ledgers {
                        (overview_row(part))
                    }
                }
            }
            "\n"
        }
    }

    fn ledger(&self, i: usize, part: &LedgerPart) -> Markup {
        let c = &part.check;
        html! {
            section id={ "ledger-" (i) } {
                h2 { "Ledger " span.mono { (t(&c.path.display().to_string())) } }
                p {
                    (c.verify.head.seq) " records, " (c.events) " events reconciled. Head "
                    code { (c.verify.head) } "."
                }
                @if let Some(cp) = &part.checkpoint {
                    p {
                        "Last checkpoint: size " (cp.size) ", root " code { (t(&cp.root)) } ": "
                        @match &cp.extends {
                            Ok(n) => span.ok { "the ledger (" (n) " records) extends it" },
                            Err(why) => span.bad { (t(why)) },
                        }
                    }
                }
                (self.findings(i, part))
                (self.pending(i, part))
                (stock(part))
                (self.charts(i, part))
            }
            "\n"
        }
    }

    fn findings(&self, i: usize, part: &LedgerPart) -> Markup {
        let c = &part.check;
        let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
        for f in &c.findings {
            by_rule.entry(f.rule.code()).or_default().push(f);
        }
        let mut order: Vec<(&str, Severity, usize)> = by_rule
            .iter()
            .map(|(rule, list)| (*rule, list[0].severity, list.len()))
            .collect();
        order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        html! {
            h3 { "Findings (" (c.findings.len()) ")" }
            @if c.findings.is_empty() {
                p.ok { "No findings." }
            } @else {
                table {
                    tr {
                        th { "rule" } th { "severity" } th.n { "findings" } th { "what it checks" }
                        th { "source" }
                    }
                    @for (rule, sev, n) in &order {
                        @let info = RULES.iter().find(|r| r.code == *rule);
                        tr {
                            td { a href={ "#l" (i) "-" (anchor(rule)) } { (t(rule)) } }
                            td { (sev_badge(*sev)) }
                            td.n { (n) }
                            td { (t(info.map_or("", |r| r.title))) }
                            td { (t(info.map_or("", |r| r.source))) }
                        }
                    }
                }
                @for (rule, _, n) in &order {
                    (self.rule_findings(i, rule, *n, &by_rule[rule]))
                }
            }
        }
    }

    /// The findings of one rule, folded, at most [`Options::max_findings_per_rule`] of them.
    ///
    /// [`Options::max_findings_per_rule`]: super::Options::max_findings_per_rule
    fn rule_findings(&self, i: usize, rule: &str, n: usize, list: &[&Finding]) -> Markup {
        let max = self.options.max_findings_per_rule;
        let m = &self.messages;
        html! {
            details.rule id={ "l" (i) "-" (anchor(rule)) } {
                summary { (t(rule)) " · " (n) }
                table {
                    tr {
                        th.n { "seq" } th { "records" } th { "party" }
                        th { "product / batch / location" } th { "expected" } th { "found" }
                        th { "finding" }
                    }
                    @for f in list.iter().take(max) {
                        @let what = [&f.product, &f.batch, &f.location]
                            .iter()
                            .filter_map(|x| x.as_deref())
                            .collect::<Vec<_>>()
                            .join(" / ");
                        @let seqs = f.seqs.iter().map(u64::to_string).collect::<Vec<_>>();
                        tr {
                            td.n { (f.seq) }
                            td.mono { (seqs.join(", ")) }
                            td.mono { (t(f.party.as_deref().unwrap_or(""))) }
                            td.mono { (t(&what)) }
                            td { (t(&m.expected(f).unwrap_or_default())) }
                            td { (t(&m.actual(f).unwrap_or_default())) }
                            td { (t(&m.message(f))) }
                        }
                    }
                }
                @if list.len() > max {
                    p.muted {
                        "… and " (list.len() - max)
                        " more (rxledger check --format json lists them all)."
                    }
                }
            }
        }
    }

    /// The open items (pending) of a ledger, by rule: not findings yet, each with its due time
    /// and what would close it.
    fn pending(&self, i: usize, part: &LedgerPart) -> Markup {
        let c = &part.check;
        let mut by_rule: BTreeMap<&str, Vec<&Pending>> = BTreeMap::new();
        for p in &c.pending {
            by_rule.entry(p.rule.code()).or_default().push(p);
        }
        let max = self.options.max_findings_per_rule;
        let m = &self.messages;
        html! {
            h3 id={ "pending-" (i) } { "Pending items (" (c.pending.len()) ")" }
            @if c.pending.is_empty() {
                p.ok { "No open items." }
            } @else {
                p.muted {
                    "Open at the end of the ledger, not findings: each becomes a finding when its "
                    "due time passes unless what closes it is recorded first."
                }
                @for (rule, list) in &by_rule {
                    details.pending id={ "l" (i) "-pending-" (anchor(rule)) } {
                        summary { (t(rule)) " · " (list.len()) " pending · " (sev_badge(list[0].severity)) }
                        table {
                            tr {
                                th.n { "seq" } th { "records" } th { "due (UTC)" } th { "party" }
                                th { "product / batch / location" } th { "open item" }
                                th { "closed by" }
                            }
                            @for p in list.iter().take(max) {
                                @let what = [&p.product, &p.batch, &p.location]
                                    .iter()
                                    .filter_map(|x| x.as_deref())
                                    .collect::<Vec<_>>()
                                    .join(" / ");
                                @let seqs = p.seqs.iter().map(u64::to_string).collect::<Vec<_>>();
                                tr {
                                    td.n { (p.seq) }
                                    td.mono { (seqs.join(", ")) }
                                    td.mono { (t(&m.fact(&Fact::Instant(p.due)))) }
                                    td.mono { (t(p.party.as_deref().unwrap_or(""))) }
                                    td.mono { (t(&what)) }
                                    td { (t(&m.render(&p.message))) }
                                    td { (t(&m.render(&p.closed_by))) }
                                }
                            }
                        }
                        @if list.len() > max {
                            p.muted {
                                "… and " (list.len() - max)
                                " more (rxledger check --format json lists them all)."
                            }
                        }
                    }
                }
            }
        }
    }

    fn charts(&self, i: usize, part: &LedgerPart) -> Markup {
        if part.series.is_empty() {
            return html! {};
        }
        let marks = self.marks(i);
        let marks_of = |x: &TempSeries| marks.get(x.name.as_str()).map_or(&[][..], Vec::as_slice);
        // Zones in full; vehicle trips (often dozens) folded unless one shows a problem.
        let (zones, vehicles): (Vec<&TempSeries>, Vec<&TempSeries>) =
            part.series.iter().partition(|x| x.kind == StreamKind::Zone);
        let flagged = vehicles.iter().filter(|v| !marks_of(v).is_empty()).count();
        html! {
            h3 { "Temperatures (" (part.series.len()) " zones and vehicles)" }
            p.legend {
                "Times in China Standard Time."
                span style="background:#2da44e;opacity:.35" {} "allowed range"
                span style="background:#d1242f;opacity:.6" {} "excursion (TEMP-RANGE)"
                span style="background:#6e7781;opacity:.6" {} "recording gap (TEMP-GAP)"
            }
            @for series in zones {
                (self.chart(i, series, marks_of(series)))
            }
            @if !vehicles.is_empty() {
                details.vehicles open=[open(flagged > 0)] {
                    summary {
                        "Vehicles: " (vehicles.len()) " (" (flagged) " with excursions or gaps)"
                    }
                    @for series in vehicles {
                        (self.chart(i, series, marks_of(series)))
                    }
                }
            }
        }
    }

    /// One zone's or vehicle's chart with its heading.
    fn chart(&self, i: usize, series: &TempSeries, marks: &[Mark]) -> Markup {
        let th = &self.options.config.thresholds;
        let exc = marks
            .iter()
            .filter(|m| m.kind == MarkKind::Excursion)
            .count();
        let max_gap = match series.kind {
            StreamKind::Zone => th.storage_gap_minutes,
            StreamKind::Vehicle => th.transport_gap_minutes,
        } * 60;
        let kind = series.kind.as_str();
        html! {
            div.series id={ "chart-" (i) "-" (kind) "-" (anchor(&series.name)) } {
                h3 {
                    (kind) " " (t(&series.name)) " "
                    span.muted {
                        "· " (series.readings.readings()) " readings · " (exc) " excursions · "
                        (marks.len() - exc) " gaps"
                    }
                }
                // Escaped by construction in `chart::svg`.
                (PreEscaped(chart::svg(series, marks, self.options.chart, max_gap)))
            }
        }
    }

    fn custody(&self) -> Markup {
        if self.custody.is_empty() {
            return html! {
                section id="custody" {
                    h2 { "Custody chains of special-control batches" }
                    p.muted {
                        "No narcotic, psychotropic, toxic, radioactive or precursor batches in \
                         these ledgers."
                    }
                }
            };
        }
        let broken = self
            .custody
            .iter()
            .filter(|(_, c)| !c.breaks.is_empty())
            .count();
        let ledgers = if self.ledgers.len() == 1 {
            "ledger"
        } else {
            "ledgers"
        };
        html! {
            section id="custody" {
                h2 { "Custody chains of special-control batches" }
                p {
                    (self.custody.len()) " batches across " (self.ledgers.len()) " " (ledgers) "; "
                    (broken) " with a break in the chain."
                }
                @if self.custody_omitted > 0 {
                    p.muted {
                        (self.custody_omitted) " more batches not shown (rxledger trace --batch \
                         PRODUCT:BATCH follows any of them)."
                    }
                }
                @for (target, chain) in &self.custody {
                    @if let Target::Batch { product, batch } = target {
                        (self.custody_chain(product, batch, chain))
                    }
                }
            }
            "\n"
        }
    }

    /// One batch's custody chain: its breaks, then at most
    /// [`Options::max_steps_per_chain`](super::Options::max_steps_per_chain) steps.
    fn custody_chain(&self, product: &str, batch: &str, chain: &Chain) -> Markup {
        let max = self.options.max_steps_per_chain;
        let name = self
            .ledgers
            .iter()
            .find_map(|l| l.products.get(product))
            .map_or("", |p| p.name.as_str());
        html! {
            details.chain open=[open(!chain.breaks.is_empty())] {
                summary {
                    (t(product)) " " (t(name)) " batch " (t(batch)) " · " (chain.steps.len())
                    " steps · "
                    @if chain.breaks.is_empty() {
                        span.ok { "unbroken" }
                    } @else {
                        span.bad { (chain.breaks.len()) " breaks" }
                    }
                }
                @for b in &chain.breaks {
                    p.bad { "Break: " (t(&crate::custody::break_text(&self.messages, b))) }
                }
                table {
                    tr {
                        th { "when (UTC)" } th { "event" } th { "holder" } th { "document" }
                        th { "counterparty" } th { "movement" } th.n { "quantity" } th { "record" }
                    }
                    @for st in chain.steps.iter().take(max) {
                        tr {
                            td { (st.at.format("%Y-%m-%d %H:%M")) }
                            td { (st.kind) }
                            td.mono { (t(&st.holder)) }
                            td.mono { (t(&st.doc)) }
                            td.mono { (t(st.party.as_deref().unwrap_or(""))) }
                            td { (t(&st.movement)) }
                            td.n { (st.quantity) }
                            td.mono { (t(&st.ledger.display().to_string())) " seq " (st.seq) }
                        }
                    }
                }
                @if chain.steps.len() > max {
                    p.muted {
                        "… and " (chain.steps.len() - max) " more steps (rxledger trace --batch "
                        (t(product)) ":" (t(batch)) " lists them all)."
                    }
                }
            }
        }
    }
}

/// A ledger's row in the overview: records, chain status, last checkpoint, findings by severity.
fn overview_row(part: &LedgerPart) -> Markup {
    let c = &part.check;
    let count = |sev: Severity| c.findings.iter().filter(|f| f.severity == sev).count();
    html! {
        tr {
            td.mono { (t(&c.path.display().to_string())) }
            td.n { (c.verify.head.seq) }
            td {
                @match &c.verify.failure {
                    None => span.ok { "intact" },
                    Some(f) if f.records_intact() => {
                        span.bad { "file changed, records intact" } ": " (t(&f.to_string()))
                    }
                    Some(f) => {
                        span.bad { "broken at seq " (f.seq()) } ": " (t(&f.to_string()))
                    }
                }
            }
            td {
                @match &part.checkpoint {
                    None => span.muted { "none" },
                    Some(cp) => {
                        "size " (cp.size) " "
                        @match &cp.extends {
                            Ok(_) => {
                                span.ok { "extended" } " "
                                span.muted { "(signature not checked here)" }
                            }
                            Err(why) => { span.bad { "not extended" } ": " (t(why)) }
                        }
                    }
                }
            }
            td.n { (count(Severity::Critical)) }
            td.n { (count(Severity::Major)) }
            td.n { (count(Severity::Minor)) }
            td.n { (c.pending.len()) }
        }
    }
}

/// Stock by product and batch: the batches in stock, folded.
fn stock(part: &LedgerPart) -> Markup {
    let live: Vec<_> = part.stock.iter().filter(|(_, b)| b.total() != 0).collect();
    html! {
        h3 { "Stock by product and batch" }
        details.stock {
            summary { (live.len()) " batches in stock (" (part.stock.len()) " ever held)" }
            table {
                tr {
                    th { "product" } th { "name" } th { "batch" } th { "locations" }
                    th.n { "total" }
                }
                @for ((p, b), st) in live {
                    @let locs = st
                        .by_location
                        .iter()
                        .filter(|(_, q)| **q != 0)
                        .map(|(l, q)| format!("{l} {q}"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    @let total = st.total();
                    tr {
                        td.mono { (t(p)) }
                        td { (t(part.products.get(p).map_or("", |i| i.name.as_str()))) }
                        td.mono { (t(b)) }
                        td { (t(&locs)) }
                        td.n.bad[total < 0] { (total) }
                    }
                }
            }
        }
    }
}
