//! `rxledger verify`.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rxledger::chain::ExpectedHead;
use rxledger::reconcile::{Fact, Msg};
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
            // The records are the ones signed; a checkpoint signed for another origin (another
            // company, or the directory's name before an owner was registered) is worth a word
            // (attacker round 24: it was accepted without one).
            if let Ok(origin) = rxledger::checkpoint::ledger::origin_of(path) {
                if origin != cp.origin {
                    crate::common::warn(
                        &Msg::new("verify-other-origin")
                            .arg("signed", cp.origin.as_str())
                            .arg("origin", origin),
                    );
                }
            }
            let m = crate::lang::messages();
            println!(
                "{}",
                m.render(
                    &Msg::new("verify-extends")
                        .arg("records", n)
                        .arg("size", cp.size)
                        .arg("origin", cp.origin.as_str())
                )
            );
            Ok(Outcome::Clean)
        }
        Err(why) => {
            let m = crate::lang::messages();
            println!(
                "{}",
                m.render(&Msg::new("verify-failed-at").arg("error", why))
            );
            Ok(Outcome::Findings)
        }
    }
}

/// The whole chain, optionally against a trusted earlier head.
fn verify_chain(path: &Path, expected: Option<ExpectedHead>) -> Result<Outcome> {
    let progress = Progress::reading(path, "verify");
    let report = store::verify_path(path, expected, progress.bytes())?;
    progress.finish();
    let m = crate::lang::messages();
    // A tail below the directory's checkpoint history is not a crash's residue, and no writer
    // will cut it off (it refuses the ledger): the failure says what happened.
    let below = matches!(
        report.failure,
        Some(rxledger::chain::VerifyError::BelowCheckpoint { .. })
    );
    if let Some(t) = report.tail.as_ref().filter(|_| !below) {
        crate::common::warn(
            &Msg::new("verify-tail")
                .arg("segment", t.segment.display().to_string())
                .arg("bytes", t.bytes)
                .arg("records", t.records),
        );
    }
    let blank = match report.blank_lines {
        0 => Fact::Text(String::new()),
        1 => Fact::from(Msg::new("verify-ok-blank-one").arg("blank", 1_u64)),
        n => Fact::from(Msg::new("verify-ok-blank-many").arg("blank", n)),
    };
    match &report.failure {
        None => {
            // A directory's own last checkpoint (checkpoints.jsonl): fewer records than it
            // signed, or others (their Merkle root), fail the chain itself, checked as the
            // records were read (store::verify_path; this read them a second time before). Its
            // note must still be a checkpoint; its signature needs the signer's key
            // (`--checkpoint --pubkey`).
            if store::is_store_dir(path) {
                if let Some(why) = rxledger::checkpoint::ledger::last_note_unreadable(path) {
                    println!(
                        "{}",
                        m.render(&Msg::new("verify-failed-at").arg("error", why))
                    );
                    return Ok(Outcome::Findings);
                }
            }
            let ok = Msg::new("verify-ok")
                .arg("records", report.head.seq)
                .arg("head", report.head.to_string())
                .arg("blank", blank);
            println!("{}", m.render(&ok));
            // What the expected head vouches for (attacker round 26: `--head 0:…` passed a
            // non-empty ledger without saying it vouches for no record).
            if let Some(ExpectedHead::At(h)) = expected {
                let id = if h.seq == 0 {
                    "verify-holds-empty-head"
                } else {
                    "verify-holds-head"
                };
                println!(
                    "{}",
                    m.render(
                        &Msg::new(id)
                            .arg("head", h.to_string())
                            .arg("seq", h.seq)
                            .arg("after", report.head.seq.saturating_sub(h.seq))
                    )
                );
            }
            Ok(Outcome::Clean)
        }
        Some(f) => {
            let file = report
                .failure_file
                .as_deref()
                .map_or_else(String::new, |p| {
                    let colon = if m.lang() == rxledger::report::Lang::Zh {
                        "："
                    } else {
                        ": "
                    };
                    format!("{}{colon}", p.display())
                });
            if f.records_intact() {
                // Re-saved by an editor or a text-mode transfer: not tampering, but not the
                // exported bytes either.
                println!("{}", m.label("verify-intact"));
                println!("{file}{}", m.render(&crate::fail::verify_msg(f, &m)));
                println!(
                    "{}",
                    m.render(&Msg::new("verify-restore").arg("head", report.head.to_string()))
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
    let m = crate::lang::messages();
    println!(
        "{}",
        m.render(&Msg::new("verify-failed").arg("seq", f.seq()))
    );
    println!("{place}{}", m.render(&crate::fail::verify_msg(f, &m)));
    if head.seq == 0 {
        println!("{}", m.label("verify-none"));
    } else {
        println!(
            "{}",
            m.render(
                &Msg::new("verify-verified")
                    .arg("last", head.seq)
                    .arg("head", head.to_string())
            )
        );
    }
    Outcome::Findings
}
