//! `rxledger rules`.

use anyhow::Result;

use super::Outcome;
use crate::common::display_width;

/// List every reconciliation rule with its severity, description, legal source and the record
/// its findings point at.
#[derive(clap::Args)]
pub struct Args {
    /// Print the default configuration file (TOML) instead.
    #[arg(long)]
    config_template: bool,
}

/// Runs `rxledger rules`.
#[allow(
    clippy::unnecessary_wraps,
    reason = "the same signature as every command's `run`"
)]
pub fn run(args: Args) -> Result<Outcome> {
    if args.config_template {
        print!("{}", rxledger::reconcile::DEFAULT_TOML);
        return Ok(Outcome::Clean);
    }
    let m = &crate::lang::messages();
    let (source, at, thresholds) = (
        m.label("rules-source"),
        m.label("rules-points-at"),
        m.label("rules-thresholds"),
    );
    let colon = match m.lang() {
        rxledger::report::Lang::Zh => "：",
        _ => ": ",
    };
    for r in rxledger::reconcile::RULES {
        let severity = m.severity(r.severity);
        // Pad by display width: a Chinese severity is two columns a character.
        let pad = 9_usize.saturating_sub(display_width(&severity));
        println!("{:<14} {severity}{:pad$} {}", r.code, "", m.rule_title(r));
        println!("    {}", m.rule_description(r));
        println!("    {source}{colon}{}", m.rule_source(r));
        println!("    {at}{colon}{}", m.rule_points_at(r));
        if !r.thresholds.is_empty() {
            println!("    {thresholds}{colon}{}", r.thresholds.join(", "));
        }
    }
    Ok(Outcome::Clean)
}
