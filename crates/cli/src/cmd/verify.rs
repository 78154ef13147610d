//! `rxledger verify`.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rxledger::chain::ExpectedHead;
use rxledger::store;

use super::Outcome;
use crate::common::{open_checkpoint_or_fail, parse_head};
use crate::progress::Progress;

/// Verify a ledger directory, an exported .jsonl ledger or `postgres://…?ledger=NAME`.
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory or exported file.
    path: PathBuf,
    /// A trusted earlier head: HEX (must appear in the ledger) or SEQ:HEX.
    #[arg(long)]
    head: Option<String>,
    /// A signed checkpoint the ledger must extend (needs --pubkey).
    #[arg(long, requires = "pubkey")]
    checkpoint: Option<PathBuf>,
    /// The checkpoint signer's public key (NAME.pub).
    #[arg(long, requires = "checkpoint")]
    pubkey: Option<PathBuf>,
}

/// Runs `rxledger verify`.
pub fn run(args: Args) -> Result<Outcome> {
    if let (Some(cp), Some(pubkey)) = (&args.checkpoint, &args.pubkey) {
        return extends_checkpoint(&args.path, cp, pubkey);
    }
    let expected = parse_head(args.head.as_deref())?;
    if let Some(outcome) = crate::store_url::verify(&args.path, expected)? {
        return Ok(outcome);
    }
    verify_chain(&args.path, expected)
}

/// `--checkpoint` and `--pubkey`: the ledger verifies and extends the signed checkpoint.
fn extends_checkpoint(path: &Path, cp: &Path, pubkey: &Path) -> Result<Outcome> {
    let cp = match open_checkpoint_or_fail(cp, pubkey)? {
        ControlFlow::Continue(cp) => cp,
        ControlFlow::Break(outcome) => return Ok(outcome),
    };
    match rxledger::proofs::verify_checkpoint(path, &cp)? {
        Ok(n) => {
            println!(
                "ok: {n} records verified; they extend the checkpoint of {} records signed for {}",
                cp.size, cp.origin
            );
            Ok(Outcome::Clean)
        }
        Err(why) => {
            println!("FAILED: {why}");
            Ok(Outcome::Findings)
        }
    }
}

/// The whole chain, optionally against a trusted earlier head.
fn verify_chain(path: &Path, expected: Option<ExpectedHead>) -> Result<Outcome> {
    let progress = Progress::reading(path, "verify");
    let report = store::verify_path(path, expected, progress.bytes())?;
    progress.finish();
    if let Some(t) = &report.tail {
        eprintln!(
            "warning: {}: {} bytes after the last acknowledged batch ({} complete records): an interrupted write; the next writer cuts them off",
            t.segment.display(),
            t.bytes,
            t.records
        );
    }
    let blank = match report.blank_lines {
        0 => String::new(),
        1 => "; 1 blank line after the last record ignored (it holds no data)".to_owned(),
        n => format!("; {n} blank lines after the last record ignored (they hold no data)"),
    };
    match &report.failure {
        None => {
            println!(
                "ok: {} records verified; head {}{blank}",
                report.head.seq, report.head
            );
            Ok(Outcome::Clean)
        }
        Some(f) => {
            let file = report
                .failure_file
                .as_deref()
                .map_or_else(String::new, |p| format!("{}: ", p.display()));
            if f.records_intact() {
                // Re-saved by an editor or a text-mode transfer: not tampering, but not the
                // exported bytes either.
                println!("FAILED: the records are intact, the file around them was changed");
                println!("{file}{f}");
                println!(
                    "restore the exported bytes (LF line endings, no byte-order mark) to verify it as exported; head {}",
                    report.head
                );
                return Ok(Outcome::Findings);
            }
            Ok(print_failure(&file, f, report.head))
        }
    }
}

/// Prints a verification failure (`place` names where it is, with a trailing `": "`, or is
/// empty) and what verified before it.
pub(crate) fn print_failure(
    place: &str,
    f: &rxledger::chain::VerifyError,
    head: rxledger::chain::Head,
) -> Outcome {
    println!("FAILED: first bad seq {}", f.seq());
    println!("{place}{f}");
    if head.seq == 0 {
        println!("no record verified");
    } else {
        println!("records 1..={} verified; head {}", head.seq, head);
    }
    Outcome::Findings
}
