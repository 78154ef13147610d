//! `rxledger trace`.

use std::path::PathBuf;

use anyhow::Result;

use super::Outcome;
use crate::common::load_config;
use crate::fail::said;
use rxledger::reconcile::Msg;

/// The custody chain of one unit (traceability code) or one batch across ledgers. Each ledger
/// is checked as by `check`: a batch's chain breaks where SPECIAL-CHAIN, CODE-DUP or
/// CODE-UNKNOWN finds it broken, and between ledgers where a first appearance is not a receipt
/// or a dispatch to another given ledger's owner is never received. Exit 1 when it breaks or is
/// not found.
#[derive(clap::Args)]
pub struct Args {
    /// `CODE PATH…`: a unit or pack code (20-digit or GS1) then the ledgers; with --batch,
    /// only the ledgers (directories or exported files).
    #[arg(required = true, num_args = 1..)]
    args: Vec<String>,
    /// Follow a batch (PRODUCT:BATCH) instead of a code.
    #[arg(long)]
    batch: Option<String>,
    /// TOML configuration, as for `check` (a disabled rule breaks no chain).
    #[arg(long)]
    config: Option<PathBuf>,
}

/// Runs `rxledger trace`.
pub fn run(args: Args) -> Result<Outcome> {
    let Args {
        args,
        batch,
        config,
    } = args;
    let config = load_config(config.as_deref())?;
    let (code, paths): (Option<String>, Vec<PathBuf>) = if batch.is_some() {
        (None, args.iter().map(PathBuf::from).collect())
    } else {
        let mut it = args.into_iter();
        (it.next(), it.map(PathBuf::from).collect())
    };
    if paths.is_empty() {
        return Err(said(Msg::new("cli-trace-no-ledger")));
    }
    let target = match (code, batch) {
        (Some(c), None) => rxledger::trace::Target::Code(c),
        (None, Some(b)) => {
            let (product, batch) = b
                .split_once(':')
                .ok_or_else(|| said(Msg::new("cli-trace-batch-form").arg("got", b.as_str())))?;
            rxledger::trace::Target::Batch {
                product: product.to_owned(),
                batch: batch.to_owned(),
            }
        }
        _ => return Err(said(Msg::new("cli-trace-code-or-batch"))),
    };
    // The registered names of parties and products, gathered in the same pass, are shown
    // in place of their ids.
    let (mut chains, names) =
        rxledger::report::names::trace_named(std::slice::from_ref(&target), &paths, &config)?;
    let chain = chains.pop().unwrap_or_default();
    let m = &crate::lang::messages().with_names(names);
    print!(
        "{}",
        rxledger::report::custody_text_with(&target, &chain, m)
    );
    if chain.steps.is_empty() {
        eprintln!("{}", m.label("cli-trace-not-found"));
        return Ok(Outcome::Findings);
    }
    Ok(Outcome::findings_if(!chain.breaks.is_empty()))
}
