//! `rxledger import csv` and `rxledger import epcis`.

use std::path::PathBuf;

use anyhow::{Context, Result};
use rxledger::ingest::append_lines;

use super::Outcome;
use crate::common::open_writer;

/// Import documents from other systems into a ledger, all-or-nothing and exactly once: ERP CSV
/// exports through a mapping file (docs/import.md), GS1 EPCIS 2.0 JSON-LD (docs/epcis.md).
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    from: From,
}

#[derive(clap::Subcommand)]
enum From {
    Csv(CsvArgs),
}

/// Import an ERP export (CSV) with a mapping file. Every row is read and every event validated
/// before anything is appended; an error names the file, line, column and field. Event ids are
/// derived from the ERP documents, so importing the same file again appends nothing.
#[derive(clap::Args)]
struct CsvArgs {
    /// Ledger directory.
    dir: PathBuf,
    /// The export (CSV; its encoding is the mapping's).
    file: PathBuf,
    /// The mapping file (TOML).
    #[arg(long)]
    mapping: PathBuf,
    /// Events per durable batch (0 = the whole file in one batch).
    #[arg(long, default_value_t = 0)]
    batch_size: usize,
}

/// Runs `rxledger import`.
pub fn run(args: Args) -> Result<Outcome> {
    match args.from {
        From::Csv(a) => csv(a),
    }
}

fn csv(a: CsvArgs) -> Result<Outcome> {
    let map_name = a.mapping.display().to_string();
    let text = std::fs::read_to_string(&a.mapping).with_context(|| map_name.clone())?;
    let mapping = rxledger_import::Mapping::from_toml(&map_name, &text)?;
    let mut store = open_writer(&a.dir)?;
    let name = a.file.display().to_string();
    let bytes = std::fs::read(&a.file).with_context(|| name.clone())?;
    let events = rxledger_import::import_csv(&name, &bytes, &mapping)?;
    append(
        &mut store,
        &name,
        events.iter().map(|i| (i.line, i.event.to_json_bytes())),
    )
}

/// Appends `(line, payload)` exactly once and says what it did.
fn append(
    store: &mut rxledger::store::FileStore,
    name: &str,
    lines: impl Iterator<Item = (u64, Vec<u8>)>,
) -> Result<Outcome> {
    let lines: Vec<(u64, Vec<u8>)> = lines.collect();
    let done = append_lines(store, name, &lines, 0, |_| {})?;
    if let Err(e) = store.sync_index() {
        eprintln!("warning: the id index could not be written ({e}); the next append rebuilds it");
    }
    println!(
        "imported {} events from {name}: {} appended, {} already present; head {}",
        done.events, done.appended, done.present, done.head
    );
    Ok(Outcome::Clean)
}
