//! `rxledger rules`.

use anyhow::Result;

use super::Outcome;

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
    for r in rxledger::reconcile::RULES {
        println!("{:<14} {:<9} {}", r.code, r.severity.as_str(), r.title);
        println!("    {}", r.description);
        println!("    source: {}", r.source);
        println!("    points at: {}", r.at);
        if !r.thresholds.is_empty() {
            println!("    thresholds: {}", r.thresholds.join(", "));
        }
    }
    Ok(Outcome::Clean)
}
