//! `rxledger summary`.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;
use rxledger::reconcile::summary::Summary;
use rxledger::reconcile::{Fact, Msg};
use rxledger::report::{Lang, Messages};

use super::Outcome;
use crate::common::{display_width, parse_head};
use crate::progress::Progress;

/// Counts per kind, head hash, chain status and stock per product and batch.
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory or exported file.
    path: PathBuf,
    /// A trusted earlier head (as for `verify`).
    #[arg(long)]
    head: Option<String>,
}

/// Runs `rxledger summary`.
pub fn run(args: Args) -> Result<Outcome> {
    let expected = parse_head(args.head.as_deref())?;
    let progress = Progress::reading(&args.path, "summary");
    let s = rxledger::summary::summarize_with_progress(&args.path, expected, progress.bytes())?;
    progress.finish();
    print!("{}", text(&s, &crate::lang::messages()));
    Ok(Outcome::findings_if(s.verify.failure.is_some()))
}

/// `label:` padded to ten terminal columns (`records:  `, `记录数：  `).
fn label(m: &Messages, id: &'static str) -> String {
    let colon = if m.lang() == Lang::Zh { "：" } else { ":" };
    let l = format!("{}{colon}", m.label(id));
    let pad = 10_usize.saturating_sub(display_width(&l)).max(1);
    format!("{l}{:pad$}", "")
}

/// An instant of the summary (RFC 3339, as the library keeps it) in the ledger's zone with its
/// offset; as it is if it does not parse.
fn instant(m: &Messages, t: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(t).map_or_else(
        |_| t.to_owned(),
        |t| m.instant(t.with_timezone(&chrono::Utc)),
    )
}

/// The summary for a person, in the chosen language, instants in the ledger's zone.
pub fn text(s: &Summary, m: &Messages) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}{}", label(m, "summary-records"), s.records);
    let _ = writeln!(out, "{}{}", label(m, "summary-head"), s.verify.head);
    let chain = match &s.verify.failure {
        None => m.label("summary-verified"),
        Some(f) => {
            let error = Fact::from(crate::fail::verify_msg(f, m));
            let msg = if f.records_intact() {
                Msg::new("summary-failed-intact").arg("error", error)
            } else {
                Msg::new("summary-failed")
                    .arg("seq", f.seq())
                    .arg("error", error)
            };
            m.render(&msg)
        }
    };
    let _ = writeln!(out, "{}{chain}", label(m, "summary-chain"));
    if let Some(t) = &s.verify.tail {
        let tail = Msg::new("summary-tail-text")
            .arg("bytes", t.bytes)
            .arg("records", t.records)
            .arg("segment", t.segment.display().to_string());
        let _ = writeln!(out, "{}{}", label(m, "summary-tail"), m.render(&tail));
    }
    if let Some((a, b)) = &s.period {
        let period = Msg::new("summary-period-text")
            .arg("from", instant(m, a))
            .arg("to", instant(m, b));
        let _ = writeln!(out, "{}{}", label(m, "summary-period"), m.render(&period));
    }
    if !s.invalid_events.is_empty() {
        let count = Msg::new("summary-invalid").arg("count", s.invalid_events.len());
        let _ = writeln!(out, "{}", m.render(&count));
        for (seq, e) in s.invalid_events.iter().take(10) {
            let line = Msg::new("summary-invalid-line")
                .arg("seq", *seq)
                .arg("error", e.as_str());
            let _ = writeln!(out, "  {}", m.render(&line));
        }
    }
    let _ = writeln!(out, "\n{}", m.label("summary-kinds"));
    for (k, n) in &s.kinds {
        // The kind in words (收货验收) in Chinese; its code in English, as the records name it.
        let kind = match m.lang() {
            Lang::Zh => m.render(&Msg::new("event-kind").arg("kind", *k)),
            _ => (*k).to_owned(),
        };
        let pad = 22_usize.saturating_sub(display_width(&kind));
        let _ = writeln!(out, "  {kind}{:pad$} {n:>10}", "");
    }
    let _ = writeln!(out, "\n{}", m.label("summary-stock"));
    for line in s.stock_lines() {
        let _ = writeln!(out, "{line}");
    }
    out
}
