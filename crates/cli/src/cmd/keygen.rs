//! `rxledger keygen`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use super::Outcome;
use crate::common::{write_atomic, write_file, Replace};
use crate::fail::said;
use rxledger::reconcile::Msg;

/// Generate an Ed25519 key pair for signing checkpoints: NAME.key (private, mode 0600) and
/// NAME.pub.
#[derive(clap::Args)]
pub struct Args {
    /// Path prefix (and key name: the file name part).
    #[arg(short, long)]
    output: PathBuf,
}

/// Runs `rxledger keygen`.
pub fn run(args: Args) -> Result<Outcome> {
    let output = args.output;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| said(Msg::new("cli-key-needs-name")))?;
    let (private, public) = rxledger::checkpoint::generate_key(&name)?;
    let key = output.with_file_name(format!("{name}.key"));
    let pubf = output.with_file_name(format!("{name}.pub"));
    if key.exists() {
        return Err(said(
            Msg::new("cli-key-exists").arg("path", key.display().to_string()),
        ));
    }
    write_atomic(&key, Replace::Refuse, |tmp| {
        writeln!(tmp.as_file_mut(), "{private}").with_context(|| key.display().to_string())
    })?;
    write_file(&pubf, format!("{public}\n"))?;
    crate::common::say(
        &Msg::new("cli-keys-written")
            .arg("key", key.display().to_string())
            .arg("public", pubf.display().to_string()),
    );
    Ok(Outcome::Clean)
}
