//! `rxledger gen`.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rxledger::gen::{GenConfig, Generator};

use super::Outcome;
use crate::common::{write_atomic, Replace};
use crate::fail::said;
use rxledger::reconcile::Msg;

/// Generate a deterministic, realistic, clean ledger of events on stdout.
#[derive(clap::Args)]
pub struct Args {
    /// Number of events.
    #[arg(long, default_value_t = 1000)]
    events: u64,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// First business day (YYYY-MM-DD).
    #[arg(long)]
    start: Option<chrono::NaiveDate>,
    /// Stop after this many business days (whichever limit comes first).
    #[arg(long)]
    days: Option<u32>,
    /// Plant violations: probability per opportunity (e.g. 0.001).
    #[arg(long, default_value_t = 0.0)]
    violations: f64,
    /// Plant only these rules (comma-separated codes; default all plantable rules).
    #[arg(long, value_delimiter = ',')]
    rules: Vec<String>,
    /// Write the planted violations (rule and seq, JSON Lines) to this file.
    #[arg(long)]
    manifest: Option<PathBuf>,
    /// Simulate a wholesaler N times the default one (N copies of the customers, products and
    /// storage zones; about 33,000 events per simulated year each, so 300 gives about 10
    /// million a year). 1 is the default ledger.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=i64::from(rxledger::gen::MAX_SCALE)))]
    scale: u32,
}

/// Runs `rxledger gen`.
pub fn run(args: Args) -> Result<Outcome> {
    let Args {
        events,
        seed,
        start,
        days,
        violations,
        rules,
        manifest,
        scale,
    } = args;
    if !(0.0..=1.0).contains(&violations) {
        return Err(said(
            Msg::new("cli-violations-range").arg("got", violations.to_string()),
        ));
    }
    for r in &rules {
        if !rxledger::gen::PLANTABLE.contains(&r.as_str()) {
            return Err(said(
                Msg::new("cli-not-plantable")
                    .arg("rule", r.as_str())
                    .arg("plantable", rxledger::gen::PLANTABLE.join(", ")),
            ));
        }
    }
    let mut config = GenConfig {
        seed,
        violations,
        rules,
        ..GenConfig::default()
    };
    if let Some(s) = start {
        config.start = s;
    }
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let end = days.map(|d| config.start + chrono::Duration::days(i64::from(d)));
    let mut generator = Generator::scaled(config, scale);
    let mut written = 0u64;
    for e in generator.by_ref().take(usize::try_from(events)?) {
        if end.is_some_and(|end| (e.occurred_at + chrono::Duration::hours(8)).date_naive() >= end) {
            break;
        }
        serde_json::to_writer(&mut out, &e)?;
        out.write_all(b"\n")?;
        written += 1;
    }
    out.flush()?;
    if let Some(path) = manifest {
        write_manifest(&path, &generator, written)?;
    }
    Ok(Outcome::Clean)
}

/// `--manifest`: the violations planted in the first `written` events, one JSON line each
/// (written atomically, as every output file).
fn write_manifest(path: &Path, generator: &Generator, written: u64) -> Result<()> {
    write_atomic(path, Replace::Allow, |tmp| {
        let mut m = BufWriter::new(tmp.as_file_mut());
        for p in generator.manifest(written) {
            let line = serde_json::json!({
                "rule": p.rule,
                "seq": p.seq,
                "certain_at": p.certain_at.to_rfc3339(),
            });
            writeln!(m, "{line}")?;
        }
        m.flush()?;
        Ok(())
    })
    .with_context(|| path.display().to_string())
}
