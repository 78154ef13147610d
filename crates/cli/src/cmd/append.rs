//! `rxledger append`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use rxledger::store::Store;

use super::Outcome;
use crate::common::{open_writer, read_stdin};
use crate::progress::Progress;

/// Append events (JSON Lines) to a ledger. The whole input is validated first: one bad line
/// and nothing is appended.
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory.
    dir: PathBuf,
    /// Events file, or `-` (default) for standard input.
    file: Option<PathBuf>,
    /// Events per durable batch (0 = the whole input in one batch).
    #[arg(long, default_value_t = 1000)]
    batch_size: usize,
    /// Print `acknowledged SEQ HASH` to stdout after every durable batch.
    #[arg(long)]
    ack: bool,
}

/// Runs `rxledger append`.
pub fn run(args: Args) -> Result<Outcome> {
    let Args {
        dir,
        file,
        batch_size,
        ack,
    } = args;
    // Take the lock before reading the input, so a second writer fails at once.
    let mut store = open_writer(&dir)?;
    let start = store.head().seq;
    let mut out = io::stdout().lock();
    let file = file.filter(|p| p != Path::new("-"));
    let progress = Progress::spinner();
    let mut on_batch = |h: rxledger::chain::Head| {
        if ack {
            let _ = writeln!(out, "acknowledged {} {}", h.seq, h.hash);
            let _ = out.flush();
        }
        progress.message(|| format!("{} events appended", h.seq - start));
    };
    let (name, head) = match file {
        None => {
            let payloads = read_stdin()?;
            let head =
                rxledger::ingest::append_batches(&mut store, &payloads, batch_size, &mut on_batch)?;
            ("-".to_owned(), head)
        }
        Some(p) => {
            let (_, head) =
                rxledger::ingest::append_file(&mut store, &p, batch_size, &mut on_batch)?;
            (p.display().to_string(), head)
        }
    };
    progress.finish();
    let mut out = io::stdout().lock();
    if head.seq == start {
        writeln!(out, "{name}: no events; nothing appended (head {head})")?;
    } else {
        writeln!(
            out,
            "appended {} events from {name}; head {}",
            head.seq - start,
            head
        )?;
    }
    Ok(Outcome::Clean)
}
