//! `rxledger trace`.

use std::path::PathBuf;

use anyhow::Result;

use super::Outcome;

/// The custody chain of one unit (traceability code) or one batch across ledgers.
#[derive(clap::Args)]
pub struct Args {
    /// `CODE PATH…`: a unit or pack code (20-digit or GS1) then the ledgers; with --batch,
    /// only the ledgers (directories or exported files).
    #[arg(required = true, num_args = 1..)]
    args: Vec<String>,
    /// Follow a batch (PRODUCT:BATCH) instead of a code.
    #[arg(long)]
    batch: Option<String>,
}

/// Runs `rxledger trace`.
pub fn run(args: Args) -> Result<Outcome> {
    let Args { args, batch } = args;
    let (code, paths): (Option<String>, Vec<PathBuf>) = if batch.is_some() {
        (None, args.iter().map(PathBuf::from).collect())
    } else {
        let mut it = args.into_iter();
        (it.next(), it.map(PathBuf::from).collect())
    };
    if paths.is_empty() {
        anyhow::bail!("give at least one ledger after the code");
    }
    let target = match (code, batch) {
        (Some(c), None) => rxledger::trace::Target::Code(c),
        (None, Some(b)) => {
            let (product, batch) = b
                .split_once(':')
                .ok_or_else(|| anyhow::anyhow!("--batch must be PRODUCT:BATCH (got {b:?})"))?;
            rxledger::trace::Target::Batch {
                product: product.to_owned(),
                batch: batch.to_owned(),
            }
        }
        _ => anyhow::bail!("give either a CODE or --batch PRODUCT:BATCH"),
    };
    let chain = rxledger::trace::trace(&target, &paths)?;
    print!("{}", chain.to_text(&target));
    if chain.steps.is_empty() {
        eprintln!("not found in the given ledgers");
        return Ok(Outcome::Findings);
    }
    Ok(Outcome::findings_if(!chain.breaks.is_empty()))
}
