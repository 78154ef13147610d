//! `rxledger keygen`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use super::Outcome;
use crate::common::write_file;

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
        .ok_or_else(|| anyhow::anyhow!("-o needs a file name"))?;
    let (private, public) = rxledger::checkpoint::generate_key(&name)?;
    let key = output.with_file_name(format!("{name}.key"));
    let pubf = output.with_file_name(format!("{name}.pub"));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts
        .open(&key)
        .with_context(|| format!("{} (refusing to overwrite a key)", key.display()))?;
    writeln!(f, "{private}")?;
    f.sync_all()?;
    write_file(&pubf, format!("{public}\n"))?;
    println!(
        "wrote {} (private, mode 0600) and {}",
        key.display(),
        pubf.display()
    );
    Ok(Outcome::Clean)
}
