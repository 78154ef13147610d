//! The page of the HTML report, as `maud` templates: every spliced value is escaped ([`t`] for
//! text, which also keeps the page well-formed XML), only the constant style sheet and head are
//! spliced as they are.

use std::collections::BTreeMap;

use maud::{html, Markup, PreEscaped, DOCTYPE};
use rxledger_reconcile::trace::{Chain, Target};
use rxledger_reconcile::{Fact, Finding, Msg, Pending, Severity, RULES};

use super::{anchor, LedgerPart, Report};
use crate::markup::t;
use crate::messages::Messages;

const STYLE: &str = r"
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:0;color:#1d2330;background:#f4f6f9}
header{background:#1f3a5f;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85}header nav{margin-top:6px}header a{color:#cfe3ff}
main{padding:8px 32px 40px;max-width:1200px}
section{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:12px 20px;margin:16px 0}
h2{font-size:18px;margin:6px 0 10px}h3{font-size:15px;margin:14px 0 6px}
table{border-collapse:collapse;margin:6px 0;font-size:13px}th,td{border-bottom:1px solid #e3e7ed;padding:3px 10px 3px 0;text-align:left;vertical-align:top}
th{color:#4a5567;font-weight:600;white-space:nowrap}td.n,th.n{text-align:right}
.ok{color:#1a7f37;font-weight:600}.bad{color:#b42318;font-weight:600}
.sev-critical{color:#fff;background:#b42318;border-radius:3px;padding:0 5px}.sev-major{color:#fff;background:#c4661f;border-radius:3px;padding:0 5px}.sev-minor{color:#1d2330;background:#e8d36b;border-radius:3px;padding:0 5px}
code,.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:break-word}
details{margin:6px 0}summary{cursor:pointer;font-weight:600}
.chart{display:block;margin:4px 0 12px;font-size:11px;font-family:system-ui,sans-serif}
.chart .band{fill:#2da44e;fill-opacity:.14}.chart .exc{fill:#d1242f;fill-opacity:.35}.chart .gap{fill:#6e7781;fill-opacity:.35}
.chart .grid{stroke:#e3e7ed}.chart .temp{fill:none;stroke:#0b5cad;stroke-width:1.2}.chart .daily{fill:#0b5cad;fill-opacity:.45;stroke:#0b5cad;stroke-width:.6}.chart .rng{fill:#0b5cad;fill-opacity:.3}.chart .pt{fill:#0b5cad}.chart .note{fill:#9a3412}.chart text{fill:#4a5567}
.closeups{display:flex;flex-wrap:wrap;gap:0 16px}.closeups figure{margin:0;width:min-content}.closeups figcaption{font-size:12px;color:#4a5567}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px -2px 12px;border-radius:2px}
.muted{color:#6b7280}.nw{white-space:nowrap}
table.ev tbody tr:first-child td{border-bottom:none;padding-top:5px}table.ev tr.msg td{padding:0 10px 5px 2.5em}td.fig{min-width:10em}
@page{size:A4 landscape;margin:12mm}
@media print{
body{background:#fff;font-size:11pt}header{background:#fff;color:#000;padding:0 0 8px;border-bottom:2px solid #1f3a5f}header nav{display:none}
main{padding:0;max-width:none}section{border:none;padding:0;margin:0;break-before:page}section#overview{break-before:auto}
details::details-content{content-visibility:visible;display:contents}details>summary{list-style:none}
tr,table.ev tbody,.series>h3,.chart,.closeups figure{break-inside:avoid}h2,h3,.legend,summary{break-after:avoid}a{color:inherit;text-decoration:none}
}
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

fn sev_badge(m: &Messages, s: Severity) -> Markup {
    html! { span class={ "sev-" (s.as_str()) } { (m.severity(s)) } }
}

/// Product, batch and location cells; the batch never wraps.
fn what_cells(
    m: &Messages,
    product: Option<&str>,
    batch: Option<&str>,
    location: Option<&str>,
) -> Markup {
    html! {
        td { (t(&product.map(|p| m.product(p)).unwrap_or_default())) }
        td.mono.nw { (t(batch.unwrap_or(""))) }
        td.nw { (t(location.unwrap_or(""))) }
    }
}

/// Most display columns (a CJK character counts two) of a figure that never wraps.
const SHORT_FIGURE: usize = 24;

/// An expected or found figure: a short one (`2.0–8.0 °C`, `≤ 30 分钟`) never wraps, a longer
/// one wraps in a column at least `fig`'s minimum wide.
fn figure(text: &str) -> Markup {
    let width: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    html! {
        @if width <= SHORT_FIGURE {
            td.fig.nw { (t(text)) }
        } @else {
            td.fig { (t(text)) }
        }
    }
}

impl Report {
    /// A heading or label of the catalogue.
    pub(super) fn l(&self, id: &'static str) -> String {
        self.messages.label(id)
    }

    /// A message of the catalogue with facts.
    pub(super) fn r(&self, msg: &Msg) -> String {
        self.messages.render(msg)
    }

    /// The whole report as one self-contained HTML document (also well-formed XML).
    pub fn to_html(&self) -> String {
        let m = &self.messages;
        // Several companies (ledgers checked together) are all named, in the language's list
        // style: 甲、乙 / A, B.
        let companies = self.companies();
        let company = if companies.is_empty() {
            self.l("html-title")
        } else {
            let sep = match m.lang() {
                crate::messages::Lang::Zh => "、",
                crate::messages::Lang::En => ", ",
            };
            self.r(&Msg::new("html-title-of").arg("company", companies.join(sep)))
        };
        html! {
            (DOCTYPE) "\n"
            html lang=(m.lang().tag()) {
                head {
                    (PreEscaped(META)) "\n"
                    title { (t(&company)) }
                    style { (PreEscaped(STYLE)) }
                }
                body {
                    "\n"
                    header {
                        h1 { (t(&company)) }
                        @if let Some((from, to)) = self.period() {
                            p {
                                (self.r(&Msg::new("html-period")
                                    .arg("from", Fact::Date(m.zone().date(from)))
                                    .arg("to", Fact::Date(m.zone().date(to)))))
                            }
                        }
                        p {
                            (self.r(&Msg::new("html-made")
                                .arg("at", Fact::Instant(self.made_at))
                                .arg("tool", concat!("rxledger ", env!("CARGO_PKG_VERSION")))
                                .arg("zone", m.zone().name())))
                        }
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
            a href="#overview" { (self.l("html-nav-overview")) }
            @for (i, part) in self.ledgers.iter().enumerate() {
                @let name = part.check.path.file_name().map(|f| f.to_string_lossy());
                " · " a href={ "#ledger-" (i) } { (t(name.as_deref().unwrap_or_default())) }
            }
            " · " a href="#custody" { (self.l("html-nav-custody")) }
        }
    }

    fn overview(&self) -> Markup {
        let m = &self.messages;
        html! {
            section id="overview" {
                h2 { (self.l("html-overview")) }
                table {
                    tr {
                        th { (self.l("html-col-ledger")) } th.n { (self.l("html-col-records")) }
                        th { (self.l("html-col-chain")) } th { (self.l("html-col-checkpoint")) }
                        th.n { (m.severity(Severity::Critical)) }
                        th.n { (m.severity(Severity::Major)) }
                        th.n { (m.severity(Severity::Minor)) }
                        th.n { (self.l("html-col-pending")) }
                    }
                    @for part in &self.ledgers {
                        (self.overview_row(part))
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
                h2 { (self.l("html-ledger")) " " span.mono { (t(&c.path.display().to_string())) } }
                p {
                    (self.r(&Msg::new("html-ledger-records")
                        .arg("records", c.verify.head.seq)
                        .arg("events", c.events)))
                    " " code { (c.verify.head) } "."
                }
                @if let Some(cp) = &part.checkpoint {
                    p {
                        (self.r(&Msg::new("html-last-checkpoint").arg("size", cp.size)))
                        " " code { (t(&cp.root)) } ": "
                        @match &cp.extends {
                            Ok(n) => span.ok {
                                (self.r(&Msg::new("html-extends").arg("records", *n)))
                            },
                            Err(why) => span.bad { (t(why)) },
                        }
                    }
                }
                (self.findings(i, part))
                (self.pending(i, part))
                (self.stock(part))
                (self.charts(i, part))
            }
            "\n"
        }
    }

    fn findings(&self, i: usize, part: &LedgerPart) -> Markup {
        let c = &part.check;
        let m = &self.messages;
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
            h3 { (self.r(&Msg::new("html-findings").arg("count", c.findings.len()))) }
            @if c.findings.is_empty() {
                p.ok { (self.l("html-no-findings")) }
            } @else {
                table {
                    tr {
                        th { (self.l("html-col-rule")) } th { (self.l("html-col-severity")) }
                        th.n { (self.l("html-col-findings")) } th { (self.l("html-col-checks")) }
                        th { (self.l("html-col-source")) }
                    }
                    @for (rule, sev, n) in &order {
                        @let info = RULES.iter().find(|r| r.code == *rule);
                        tr {
                            td.nw { a href={ "#l" (i) "-" (anchor(rule)) } { (t(rule)) } }
                            td.nw { (sev_badge(m, *sev)) }
                            td.n { (n) }
                            td { (t(&info.map(|r| m.rule_title(r)).unwrap_or_default())) }
                            td { (t(&info.map(|r| m.rule_source(r)).unwrap_or_default())) }
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
                table.ev {
                    thead {
                        tr {
                            th.n { (self.l("html-col-seq")) } th { (self.l("html-col-involved")) }
                            th { (self.l("html-col-party")) } th { (self.l("html-col-product")) }
                            th { (self.l("html-col-batch")) } th { (self.l("html-col-location")) }
                            th { (self.l("html-col-expected")) } th { (self.l("html-col-found")) }
                        }
                    }
                    // One body per finding: its facts, then its sentence across the table.
                    @for f in list.iter().take(max) {
                        @let seqs = f.seqs.iter().map(u64::to_string).collect::<Vec<_>>();
                        tbody {
                            tr {
                                td.n { (f.seq) }
                                td.mono { (seqs.join(", ")) }
                                td { (t(&f.party.as_deref().map(|p| m.party(p)).unwrap_or_default())) }
                                (what_cells(m, f.product.as_deref(), f.batch.as_deref(), f.location.as_deref()))
                                (figure(&m.expected(f).unwrap_or_default()))
                                (figure(&m.actual(f).unwrap_or_default()))
                            }
                            tr.msg { td colspan="8" { (t(&m.message(f))) } }
                        }
                    }
                }
                @if list.len() > max {
                    p.muted { (self.r(&Msg::new("html-more")
                        .arg("count", list.len() - max)
                        .arg("command", "rxledger check --format json"))) }
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
            h3 id={ "pending-" (i) } {
                (self.r(&Msg::new("html-pending").arg("count", c.pending.len())))
            }
            @if c.pending.is_empty() {
                p.ok { (self.l("html-no-pending")) }
            } @else {
                p.muted { (self.l("html-pending-note")) }
                @for (rule, list) in &by_rule {
                    details.pending id={ "l" (i) "-pending-" (anchor(rule)) } {
                        summary {
                            (t(rule)) " · "
                            (self.r(&Msg::new("html-pending-count").arg("count", list.len())))
                            " · " (sev_badge(m, list[0].severity))
                        }
                        table.ev {
                            thead {
                                tr {
                                    th.n { (self.l("html-col-seq")) } th { (self.l("html-col-involved")) }
                                    th { (self.l("html-col-due")) } th { (self.l("html-col-party")) }
                                    th { (self.l("html-col-product")) } th { (self.l("html-col-batch")) }
                                    th { (self.l("html-col-location")) }
                                    th { (self.l("html-col-closed-by")) }
                                }
                            }
                            // One body per open item: its facts, then its sentence across the table.
                            @for p in list.iter().take(max) {
                                @let seqs = p.seqs.iter().map(u64::to_string).collect::<Vec<_>>();
                                tbody {
                                    tr {
                                        td.n { (p.seq) }
                                        td.mono { (seqs.join(", ")) }
                                        td.nw { (t(&m.fact(&Fact::Instant(p.due)))) }
                                        td { (t(&p.party.as_deref().map(|x| m.party(x)).unwrap_or_default())) }
                                        (what_cells(m, p.product.as_deref(), p.batch.as_deref(), p.location.as_deref()))
                                        (figure(&m.render(&p.closed_by)))
                                    }
                                    tr.msg { td colspan="8" { (t(&m.render(&p.message))) } }
                                }
                            }
                        }
                        @if list.len() > max {
                            p.muted { (self.r(&Msg::new("html-more")
                        .arg("count", list.len() - max)
                        .arg("command", "rxledger check --format json"))) }
                        }
                    }
                }
            }
        }
    }

    fn custody(&self) -> Markup {
        if self.custody.is_empty() {
            return html! {
                section id="custody" {
                    h2 { (self.l("html-custody")) }
                    p.muted { (self.l("html-custody-none")) }
                }
            };
        }
        let broken = self
            .custody
            .iter()
            .filter(|(_, c)| !c.breaks.is_empty())
            .count();
        html! {
            section id="custody" {
                h2 { (self.l("html-custody")) }
                p {
                    (self.r(&Msg::new("html-custody-summary")
                        .arg("batches", self.custody.len())
                        .arg("ledgers", self.ledgers.len())
                        .arg("plural", Fact::Term(crate::messages::plural(self.ledgers.len()).into()))
                        .arg("broken", broken)))
                }
                @if self.custody_omitted > 0 {
                    p.muted { (self.r(&Msg::new("html-custody-omitted")
                        .arg("count", self.custody_omitted)
                        .arg("command", "rxledger trace --batch PRODUCT:BATCH"))) }
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
        let m = &self.messages;
        html! {
            details.chain open=[open(!chain.breaks.is_empty())] {
                summary {
                    (self.r(&Msg::new("html-chain-head")
                        .arg("product", product)
                        .arg("batch", batch)
                        .arg("steps", chain.steps.len())
                        .arg("steps_plural", Fact::Term(crate::messages::plural(chain.steps.len()).into()))))
                    " "
                    @if chain.breaks.is_empty() {
                        span.ok { (self.l("html-unbroken")) }
                    } @else {
                        span.bad { (self.r(&Msg::new("html-breaks")
                            .arg("count", chain.breaks.len())
                            .arg("count_plural", Fact::Term(crate::messages::plural(chain.breaks.len()).into())))) }
                    }
                }
                @for b in &chain.breaks {
                    p.bad { (self.l("html-break")) " " (t(&crate::custody::break_text(m, b))) }
                }
                table {
                    tr {
                        th { (self.l("html-col-when")) } th { (self.l("html-col-event")) }
                        th { (self.l("html-col-holder")) } th { (self.l("html-col-document")) }
                        th { (self.l("html-col-counterparty")) } th { (self.l("html-col-movement")) }
                        th.n { (self.l("html-col-quantity")) } th { (self.l("html-col-record")) }
                    }
                    @for st in chain.steps.iter().take(max) {
                        tr {
                            td.nw { (m.instant(st.at)) }
                            td { (crate::custody::step_kind(m, st)) }
                            td { (t(&m.party(&st.holder))) }
                            td.mono.nw { (t(&st.doc)) }
                            td { (t(&st.party.as_deref().map(|p| m.party(p)).unwrap_or_default())) }
                            td { (t(&crate::custody::movement(&self.messages, st))) }
                            td.n { (st.quantity) }
                            td.mono { (t(&st.ledger.display().to_string())) " " (m.label("report-seq")) " " (st.seq) }
                        }
                    }
                }
                @if chain.steps.len() > max {
                    p.muted {
                        (self.r(&Msg::new("html-more-steps")
                            .arg("count", chain.steps.len() - max)
                            .arg("command", format!("rxledger trace --batch {product}:{batch}"))))
                    }
                }
            }
        }
    }

    /// A ledger's row in the overview: records, chain status, last checkpoint, findings by
    /// severity.
    fn overview_row(&self, part: &LedgerPart) -> Markup {
        let c = &part.check;
        let count = |sev: Severity| c.findings.iter().filter(|f| f.severity == sev).count();
        html! {
            tr {
                td.mono { (t(&c.path.display().to_string())) }
                td.n { (c.verify.head.seq) }
                td {
                    @match &c.verify.failure {
                        None => span.ok { (self.l("html-intact")) },
                        Some(f) if f.records_intact() => {
                            span.bad { (self.l("html-file-changed")) } ": " (t(&f.to_string()))
                        }
                        Some(f) => {
                            span.bad { (self.r(&Msg::new("html-broken-at").arg("seq", f.seq()))) }
                            ": " (t(&f.to_string()))
                        }
                    }
                }
                td {
                    @match &part.checkpoint {
                        None => span.muted { (self.l("html-none")) },
                        Some(cp) => {
                            (self.r(&Msg::new("html-size").arg("size", cp.size))) " "
                            @match &cp.extends {
                                Ok(_) => {
                                    span.ok { (self.l("html-extended")) } " "
                                    span.muted { (self.l("html-signature-unchecked")) }
                                }
                                Err(why) => {
                                    span.bad { (self.l("html-not-extended")) } ": " (t(why))
                                }
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
    fn stock(&self, part: &LedgerPart) -> Markup {
        let live: Vec<_> = part.stock.iter().filter(|(_, b)| b.total() != 0).collect();
        let m = &self.messages;
        html! {
            h3 { (self.l("html-stock")) }
            details.stock {
                summary {
                    (self.r(&Msg::new("html-stock-summary")
                        .arg("live", live.len())
                        .arg("ever", part.stock.len())))
                }
                table {
                    tr {
                        th { (self.l("html-col-product")) } th { (self.l("html-col-batch")) }
                        th { (self.l("html-col-locations")) } th.n { (self.l("html-col-total")) }
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
                            td { (t(&m.product(p))) }
                            td.mono.nw { (t(b)) }
                            td { (t(&locs)) }
                            td.n.bad[total < 0] { (total) }
                        }
                    }
                }
            }
        }
    }
}
