//! The human-readable text report of `rxledger check`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use comfy_table::{CellAlignment, ColumnConstraint, ContentLineStyle, Table, TableStyle, Width};
use rxledger_reconcile::check::CheckReport;
use rxledger_reconcile::{Fact, Finding, Msg, Pending, Rule, RuleInfo, Severity, RULES};

use crate::messages::{Lang, Messages};

/// Findings listed per rule; the rest are counted (`--format json` lists them all).
const SHOWN_PER_RULE: usize = 50;

/// Human-readable text in English: findings grouped by rule, the open items (pending) grouped by
/// rule when there are any, then a summary table of the findings. [`text_with`] chooses the
/// language and time zone.
pub fn text(r: &CheckReport) -> String {
    text_with(r, &Messages::new(Lang::En))
}

/// Human-readable text in the language and time zone of `m`.
pub fn text_with(r: &CheckReport, m: &Messages) -> String {
    let mut s = String::new();
    let head = Msg::new("report-head")
        .arg("ledger", r.path.display().to_string())
        .arg("records", r.verify.head.seq)
        .arg("events", r.events)
        .arg("head", r.verify.head.to_string());
    let _ = writeln!(s, "{}", m.render(&head));
    let mut by_rule: BTreeMap<Rule, Vec<&Finding>> = BTreeMap::new();
    for f in &r.findings {
        by_rule.entry(f.rule).or_default().push(f);
    }
    for info in RULES {
        let Some(list) = by_rule.get(&info.rule) else {
            continue;
        };
        let _ = writeln!(
            s,
            "\n{}",
            m.render(&rule_heading(
                "report-rule",
                info,
                list[0].severity,
                list.len(),
                m
            ))
        );
        let seq = m.label("report-seq");
        for f in list.iter().take(SHOWN_PER_RULE) {
            let _ = writeln!(s, "  {seq} {:>8}  {}", f.seq, m.message(f));
            if let (Some(e), Some(a)) = (m.expected(f), m.actual(f)) {
                let figures = Msg::new("report-figures")
                    .arg("expected", e)
                    .arg("actual", a);
                let _ = writeln!(s, "                  {}", m.render(&figures));
            }
        }
        more(&mut s, list.len(), m);
    }
    pending(&mut s, r, m);
    s.push('\n');
    s.push_str(&summary(&by_rule, m));
    s.push('\n');
    s
}

/// The open items, grouped by rule as findings are: each with its due time and what would
/// close it.
fn pending(s: &mut String, r: &CheckReport, m: &Messages) {
    if r.pending.is_empty() {
        return;
    }
    let head = Msg::new("report-pending-head")
        .arg("count", r.pending.len())
        .arg(
            "count_plural",
            rxledger_reconcile::Fact::Term(crate::messages::plural(r.pending.len()).into()),
        );
    let _ = writeln!(s, "\n{}", m.render(&head));
    let mut by_rule: BTreeMap<Rule, Vec<&Pending>> = BTreeMap::new();
    for p in &r.pending {
        by_rule.entry(p.rule).or_default().push(p);
    }
    for info in RULES {
        let Some(list) = by_rule.get(&info.rule) else {
            continue;
        };
        let heading = rule_heading("report-pending-rule", info, list[0].severity, list.len(), m);
        let _ = writeln!(s, "\n{}", m.render(&heading));
        let seq = m.label("report-seq");
        for p in list.iter().take(SHOWN_PER_RULE) {
            let _ = writeln!(s, "  {seq} {:>8}  {}", p.seq, m.render(&p.message));
            let due = Msg::new("report-due")
                .arg("due", Fact::Instant(p.due))
                .arg("closed_by", p.closed_by.clone());
            let _ = writeln!(s, "                  {}", m.render(&due));
        }
        more(s, list.len(), m);
    }
}

/// The heading of a rule's findings or open items: code, severity, count and title.
fn rule_heading(id: &'static str, info: &RuleInfo, sev: Severity, n: usize, m: &Messages) -> Msg {
    Msg::new(id)
        .arg("code", info.code)
        .arg("severity", m.severity(sev))
        .arg("count", n)
        .arg("title", m.rule_title(info).into_owned())
}

/// "… and N more" when a rule has more than are listed.
fn more(s: &mut String, n: usize, m: &Messages) {
    if n > SHOWN_PER_RULE {
        let more = Msg::new("report-more").arg("count", n - SHOWN_PER_RULE);
        let _ = writeln!(s, "  {}", m.render(&more));
    }
}

/// The summary table: rule, severity and count of every rule with findings, in catalogue order,
/// then the total. Columns are separated by one space and padded by display width to at least
/// the widths of the plain-text table it replaces (14, 9 and 8), so ASCII output is unchanged.
fn summary(by_rule: &BTreeMap<Rule, Vec<&Finding>>, m: &Messages) -> String {
    let line = ContentLineStyle::none().junction(' ');
    let mut table = Table::new();
    table
        .load_style(TableStyle::new().header_lines(line).content_lines(line))
        .set_header([
            m.label("report-col-rule"),
            m.label("report-col-severity"),
            m.label("report-col-findings"),
        ]);
    let mut total = 0;
    for info in RULES {
        if let Some(list) = by_rule.get(&info.rule) {
            table.add_row([
                info.code.to_owned(),
                m.severity(list[0].severity),
                list.len().to_string(),
            ]);
            total += list.len();
        }
    }
    table.add_row([m.label("report-total"), String::new(), total.to_string()]);
    for (i, min) in [14, 9, 8].into_iter().enumerate() {
        if let Some(column) = table.column_mut(i) {
            column
                .set_padding((0, 0))
                .set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(min)));
            if i == 2 {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    table.trim_fmt()
}
