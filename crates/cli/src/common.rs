//! Helpers shared by the commands: configuration, trusted heads, the ledger writer, input and
//! output files, checkpoints.

use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::Path;

use anyhow::{Context, Result};
use rxledger::chain::ExpectedHead;
use rxledger::store::FileStore;

use crate::cmd::Outcome;

/// The configuration file, or the defaults.
pub fn load_config(path: Option<&Path>) -> Result<rxledger::reconcile::Config> {
    let Some(p) = path else {
        return Ok(rxledger::reconcile::Config::default());
    };
    let text = std::fs::read_to_string(p)
        .with_context(|| format!("reading configuration {}", p.display()))?;
    rxledger::reconcile::Config::from_toml(&text).with_context(|| p.display().to_string())
}

/// The `--head` option: a trusted earlier head, HEX or SEQ:HEX.
pub fn parse_head(head: Option<&str>) -> Result<Option<ExpectedHead>> {
    head.map(|h| h.parse::<ExpectedHead>().map_err(anyhow::Error::msg))
        .transpose()
}

/// Opens a ledger for writing (taking its lock), warning on stderr about a cut-off tail.
pub fn open_writer(dir: &Path) -> Result<FileStore> {
    let store = FileStore::open(dir)?;
    let r = store.open_report();
    if r.cut_bytes > 0 {
        eprintln!(
            "warning: {}: cut off an unacknowledged tail of {} bytes ({} complete records of an incomplete batch) left by an interrupted write",
            r.cut_segment.as_deref().unwrap_or(dir).display(),
            r.cut_bytes,
            r.cut_records
        );
    }
    Ok(store)
}

/// A text file, with its path as the error context.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| path.display().to_string())
}

/// Writes a file, with its path as the error context.
pub fn write_file(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    std::fs::write(path, contents).with_context(|| path.display().to_string())
}

/// Writes `text` to the `-o` file as is, or to stdout ending with a newline.
pub fn write_output(output: Option<&Path>, text: &str) -> Result<()> {
    if let Some(p) = output {
        return write_file(p, text);
    }
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Reads a checkpoint and verifies its signature with the public key file.
pub fn open_checkpoint(cp: &Path, pubkey: &Path) -> Result<rxledger::checkpoint::Checkpoint> {
    let key = read_text(pubkey)?;
    let key = rxledger::checkpoint::VerifierKey::parse(&key)
        .with_context(|| pubkey.display().to_string())?;
    let note = read_text(cp)?;
    key.open(&note).with_context(|| cp.display().to_string())
}

/// As [`open_checkpoint`], but a signature that does not verify is a finding: it is printed as
/// `FAILED: …` and the command ends with [`Outcome::Findings`] (`Break`).
pub fn open_checkpoint_or_fail(
    cp: &Path,
    pubkey: &Path,
) -> Result<ControlFlow<Outcome, rxledger::checkpoint::Checkpoint>> {
    match open_checkpoint(cp, pubkey) {
        Ok(cp) => Ok(ControlFlow::Continue(cp)),
        Err(e) if is_bad_signature(&e) => {
            println!("FAILED: {e:#}");
            Ok(ControlFlow::Break(Outcome::Findings))
        }
        Err(e) => Err(e),
    }
}

/// True when the error is a checkpoint signature that does not verify (a finding, exit 1).
fn is_bad_signature(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        matches!(
            c.downcast_ref::<rxledger::checkpoint::CheckpointError>(),
            Some(rxledger::checkpoint::CheckpointError::Signature(_))
        )
    })
}

/// Reads a checkpoint's body without checking its signature (the prover needs only the size and
/// root; verifiers check the signature).
pub fn read_checkpoint_unverified(cp: &Path) -> Result<rxledger::checkpoint::Checkpoint> {
    let note = read_text(cp)?;
    rxledger::checkpoint::Checkpoint::parse_note_unverified(&note)
        .with_context(|| cp.display().to_string())
}
