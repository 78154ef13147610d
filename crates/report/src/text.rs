//! The human-readable text report of `rxledger check`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use comfy_table::{CellAlignment, ColumnConstraint, ContentLineStyle, Table, TableStyle, Width};
use rxledger_reconcile::check::CheckReport;
use rxledger_reconcile::{Fact, Finding, Pending, Rule, RULES};

use crate::messages::{Lang, Messages};

/// Findings listed per rule; the rest are counted (`--format json` lists them all).
const SHOWN_PER_RULE: usize = 50;

/// Human-readable text: findings grouped by rule, the open items (pending) grouped by rule when
/// there are any, then a summary table of the findings.
pub fn text(r: &CheckReport) -> String {
    let m = Messages::new(Lang::En);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {} records, {} events reconciled, head {}",
        r.path.display(),
        r.verify.head.seq,
        r.events,
        r.verify.head
    );
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
            "\n{} ({}, {}): {}",
            info.code,
            list[0].severity,
            list.len(),
            info.title
        );
        for f in list.iter().take(SHOWN_PER_RULE) {
            let _ = writeln!(s, "  seq {:>8}  {}", f.seq, m.message(f));
            if let (Some(e), Some(a)) = (m.expected(f), m.actual(f)) {
                let _ = writeln!(s, "                  expected {e}, found {a}");
            }
        }
        if list.len() > SHOWN_PER_RULE {
            let _ = writeln!(
                s,
                "  … and {} more (use --format json for all)",
                list.len() - SHOWN_PER_RULE
            );
        }
    }
    pending(&mut s, r, &m);
    s.push('\n');
    s.push_str(&summary(&by_rule));
    s.push('\n');
    s
}

/// The open items, grouped by rule as findings are: each with its due time and what would
/// close it.
fn pending(s: &mut String, r: &CheckReport, m: &Messages) {
    if r.pending.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "\nPending: {} open item(s), not findings; each becomes a finding when due unless closed first.",
        r.pending.len()
    );
    let mut by_rule: BTreeMap<Rule, Vec<&Pending>> = BTreeMap::new();
    for p in &r.pending {
        by_rule.entry(p.rule).or_default().push(p);
    }
    for info in RULES {
        let Some(list) = by_rule.get(&info.rule) else {
            continue;
        };
        let _ = writeln!(
            s,
            "\n{} pending ({}, {}): {}",
            info.code,
            list[0].severity,
            list.len(),
            info.title
        );
        for p in list.iter().take(SHOWN_PER_RULE) {
            let due = m.fact(&Fact::Instant(p.due));
            let _ = writeln!(s, "  seq {:>8}  {}", p.seq, m.render(&p.message));
            let _ = writeln!(
                s,
                "                  due {due} UTC, closed by {}",
                m.render(&p.closed_by)
            );
        }
        if list.len() > SHOWN_PER_RULE {
            let _ = writeln!(
                s,
                "  … and {} more (use --format json for all)",
                list.len() - SHOWN_PER_RULE
            );
        }
    }
}

/// The summary table: rule, severity and count of every rule with findings, in catalogue order,
/// then the total. Columns are separated by one space and padded by display width to at least
/// the widths of the plain-text table it replaces (14, 9 and 8), so ASCII output is unchanged.
fn summary(by_rule: &BTreeMap<Rule, Vec<&Finding>>) -> String {
    let line = ContentLineStyle::none().junction(' ');
    let mut table = Table::new();
    table
        .load_style(TableStyle::new().header_lines(line).content_lines(line))
        .set_header(["rule", "severity", "findings"]);
    let mut total = 0;
    for info in RULES {
        if let Some(list) = by_rule.get(&info.rule) {
            table.add_row([
                info.code.to_owned(),
                list[0].severity.as_str().to_owned(),
                list.len().to_string(),
            ]);
            total += list.len();
        }
    }
    table.add_row(["total".to_owned(), String::new(), total.to_string()]);
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
