//! `rxledger append`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use rxledger::ingest::{Ack, Appended};
use rxledger::store::{FileStore, Store};

use super::Outcome;
use crate::common::open_writer;
use crate::progress::Progress;

/// Append events (JSON Lines) to a ledger, each exactly once. The whole input is validated
/// first: one bad line, or an id the ledger or the input already holds with other content, and
/// nothing is appended. Events the ledger already holds, byte for byte, are skipped and
/// counted, so re-running an interrupted or failed append is safe.
#[derive(clap::Args)]
pub struct Args {
    /// Ledger directory, or `postgres://…?ledger=NAME` (an existing ledger).
    dir: PathBuf,
    /// Events file, or `-` (default) for standard input.
    file: Option<PathBuf>,
    /// Input events per durable batch (0 = the whole input in one batch).
    #[arg(long, default_value_t = 1000)]
    batch_size: usize,
    /// Print `acknowledged SEQ HASH lines FILE:FIRST-LAST appended N present M` to stdout after
    /// every durable batch: input lines FIRST..=LAST are in the ledger, whose head is SEQ HASH.
    #[arg(long)]
    ack: bool,
    /// Longest input line accepted, in bytes (a longer one is an error naming its line, and
    /// nothing is appended).
    #[arg(long, default_value_t = rxledger::ingest::MAX_LINE_BYTES)]
    max_line_bytes: usize,
}

/// Runs `rxledger append`.
pub fn run(args: Args) -> Result<Outcome> {
    let Args {
        dir,
        file,
        batch_size,
        ack,
        max_line_bytes,
    } = args;
    // Take the lock before reading the input, so a second writer fails at once.
    let mut pg = crate::store_url::open(&dir, crate::store_url::Mode::Write)?;
    let mut file_store = None;
    let store: &mut dyn Store = match pg.as_deref_mut() {
        Some(s) => s,
        None => file_store.insert(open_writer(&dir)?),
    };
    let mut out = io::stdout().lock();
    let file = file.filter(|p| p != Path::new("-"));
    let name = file
        .as_ref()
        .map_or_else(|| "-".to_owned(), |p| p.display().to_string());
    let progress = Progress::spinner();
    let (mut appended, mut present) = (0u64, 0u64);
    let on_ack = |a: &Ack| {
        if ack {
            let _ = writeln!(
                out,
                "acknowledged {} {} lines {name}:{}-{} appended {} present {}",
                a.head.seq, a.head.hash, a.first_line, a.last_line, a.appended, a.present
            );
            let _ = out.flush();
        }
        appended += a.appended;
        present += a.present;
        progress.appended(appended, present);
    };
    let done: Appended = match &file {
        None => {
            let stdin = io::stdin();
            let lines = rxledger::ingest::read_lines_limited("-", stdin.lock(), max_line_bytes)?;
            rxledger::ingest::append_lines(store, "-", &lines, batch_size, on_ack)?
        }
        Some(p) => {
            rxledger::ingest::append_file_limited(store, p, batch_size, max_line_bytes, on_ack)?
        }
    };
    progress.finish();
    if let Some(Err(e)) = file_store.as_mut().map(FileStore::sync_index) {
        // Derived data: the next writer rebuilds what is missing from the records.
        crate::common::warn(
            &rxledger::reconcile::Msg::new("cli-index-unwritten").arg("detail", e.to_string()),
        );
    }
    let id = match (done.appended, done.present) {
        (0, 0) => "cli-appended-none",
        (0, _) => "cli-appended-all-present",
        (_, 0) => "cli-appended",
        _ => "cli-appended-some-present",
    };
    let said = rxledger::reconcile::Msg::new(id)
        .arg("file", name.as_str())
        .arg("appended", done.appended)
        .arg("present", done.present)
        .arg("head", done.head.to_string());
    writeln!(
        io::stdout().lock(),
        "{}",
        crate::lang::messages().render(&said)
    )?;
    Ok(Outcome::Clean)
}
