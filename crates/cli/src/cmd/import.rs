//! `rxledger import csv`, `rxledger import xlsx` and `rxledger import epcis`.

use std::path::PathBuf;

use anyhow::{Context, Result};
use rxledger::ingest::{append_lines, AppendError, Earlier, IngestError};
use rxledger::reconcile::{Fact, Msg};

use super::Outcome;
use crate::common::open_writer;
use crate::fail::said;

/// Import documents from other systems into a ledger, all-or-nothing and exactly once: ERP CSV
/// and spreadsheet (.xlsx) exports through a mapping file (docs/import.md), GS1 EPCIS 2.0
/// JSON-LD (docs/epcis.md).
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    from: From,
}

#[derive(clap::Subcommand)]
enum From {
    Csv(CsvArgs),
    Xlsx(XlsxArgs),
    Epcis(EpcisArgs),
}

/// Import an EPCIS 2.0 JSON-LD document written by `rxledger export --format epcis` (its
/// `rxl:` extension fields carry what EPCIS cannot), or a trading partner's receiving events
/// (with `--recorded-by` and `--acceptor`; docs/epcis.md). All events are validated before
/// anything is appended; events the ledger already holds are skipped.
#[derive(clap::Args)]
struct EpcisArgs {
    /// Ledger directory.
    dir: PathBuf,
    /// The EPCIS document (JSON-LD).
    file: PathBuf,
    /// Who records events of other systems (without `rxl:event`); repeatable.
    #[arg(long)]
    recorded_by: Vec<String>,
    /// Who accepted the goods of other systems' receiving events; repeatable.
    #[arg(long)]
    acceptor: Vec<String>,
}

/// Import ERP exports (CSV) with mapping files. Every row of every file is read and every event
/// validated before anything is appended; an error names the file, line, column and field.
/// The events of all the files are appended in the order of their `occurred_at` (a period's
/// goods and finance exports imported together are read in business order). Event ids are
/// derived from the ERP documents, so importing the same file again appends nothing.
#[derive(clap::Args)]
struct CsvArgs {
    /// Ledger directory.
    dir: PathBuf,
    /// The exports (CSV; the encoding of each is its mapping's).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The mapping file (TOML): one for all the files, or one per file in the same order
    /// (repeat the option).
    #[arg(long, required = true)]
    mapping: Vec<PathBuf>,
    /// Events per durable batch (0 = all the events in one batch).
    #[arg(long, default_value_t = 0)]
    batch_size: usize,
}

/// Import an ERP export saved as a spreadsheet (.xlsx) with a mapping file, as `import csv`
/// does: the mapping's `sheet` (or `--sheet`, else the first) holds a header row and one row
/// per document line; date cells and number cells are read as such. An error names the file,
/// sheet, row, column and field, and nothing is appended.
#[derive(clap::Args)]
struct XlsxArgs {
    /// Ledger directory.
    dir: PathBuf,
    /// The export (.xlsx).
    file: PathBuf,
    /// The mapping file (TOML).
    #[arg(long)]
    mapping: PathBuf,
    /// The sheet to read, by name (overrides the mapping's `sheet`).
    #[arg(long)]
    sheet: Option<String>,
}

/// Runs `rxledger import`.
pub fn run(args: Args) -> Result<Outcome> {
    match args.from {
        From::Csv(a) => csv(a),
        From::Xlsx(a) => xlsx(a),
        From::Epcis(a) => epcis(a),
    }
}

fn epcis(a: EpcisArgs) -> Result<Outcome> {
    let mut store = open_writer(&a.dir)?;
    let name = a.file.display().to_string();
    let text = std::fs::read_to_string(&a.file).with_context(|| name.clone())?;
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        return Err(crate::fail::said(
            Msg::new("import-epcis-xml").arg("file", name.as_str()),
        ));
    }
    // A UTF-8 byte-order mark is dropped, as `append` and `import csv` drop it (attacker round
    // 29, m2: it was refused as "not valid JSON").
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let doc: serde_json::Value = serde_json::from_str(text).with_context(|| name.clone())?;
    // A key written twice would be read as its last value (attacker round 26, as round 24 for
    // events).
    if let Some(path) = rxledger::model::dup::first_duplicate(text) {
        return Err(crate::fail::said(
            Msg::new("import-epcis-written-twice")
                .arg("file", name.as_str())
                .arg("path", path),
        ));
    }
    let partner = rxledger_import::epcis::Partner {
        recorded_by: a.recorded_by,
        acceptors: a.acceptor,
    };
    let events = rxledger_import::epcis::import_with(&name, &doc, &partner)?;
    // The "line" of an event is its 1-based position in `eventList`.
    append(
        &mut store,
        &name,
        &Source::EventList,
        0,
        events
            .iter()
            .map(|(i, e)| (*i as u64 + 1, e.to_json_bytes())),
    )
}

/// A warning for each row of a document that repeats an earlier row of it exactly.
fn warn_repeated(name: &str, events: &[rxledger_import::Imported]) {
    for e in events {
        for (line, first) in &e.repeated_rows {
            crate::common::warn(
                &Msg::new("import-repeated-row")
                    .arg("file", name)
                    .arg("line", *line)
                    .arg("first", *first),
            );
        }
    }
}

fn mapping(path: &std::path::Path) -> Result<rxledger_import::Mapping> {
    let map_name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| map_name.clone())?;
    Ok(rxledger_import::Mapping::from_toml(&map_name, &text)?)
}

fn csv(a: CsvArgs) -> Result<Outcome> {
    if a.mapping.len() != 1 && a.mapping.len() != a.files.len() {
        return Err(said(
            Msg::new("import-mappings")
                .arg("files", a.files.len() as u64)
                .arg("mappings", a.mapping.len() as u64),
        ));
    }
    let mappings = a
        .mapping
        .iter()
        .map(|m| mapping(m))
        .collect::<Result<Vec<_>>>()?;
    let mut store = open_writer(&a.dir)?;
    let names: Vec<String> = a.files.iter().map(|f| f.display().to_string()).collect();
    let mut events = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let file = &a.files[i];
        let bytes = std::fs::read(file).with_context(|| name.clone())?;
        if bytes.starts_with(b"PK\x03\x04") {
            return Err(said(Msg::new("import-zip").arg("file", name.as_str())));
        }
        let imported =
            rxledger_import::import_csv(name, &bytes, &mappings[i.min(mappings.len() - 1)])?;
        warn_repeated(name, &imported);
        events.extend(imported.into_iter().map(|e| (i, e)));
    }
    // One time order across the files; the order of each file (itself in time order) and of
    // the files for events of the same instant.
    events.sort_by_key(|(_, e)| e.event.occurred_at);
    let places: Vec<(usize, u64)> = events.iter().map(|(f, e)| (*f, e.line)).collect();
    append(
        &mut store,
        &names.join(", "),
        &Source::Files(&names, &places),
        a.batch_size,
        events
            .iter()
            .enumerate()
            .map(|(i, (_, e))| (i as u64 + 1, e.event.to_json_bytes())),
    )
}

fn xlsx(a: XlsxArgs) -> Result<Outcome> {
    let mut mapping = mapping(&a.mapping)?;
    if a.sheet.is_some() {
        mapping.sheet = a.sheet;
    }
    let mut store = open_writer(&a.dir)?;
    let name = a.file.display().to_string();
    let bytes = std::fs::read(&a.file).with_context(|| name.clone())?;
    let events = rxledger_import::import_xlsx(&name, &bytes, &mapping)?;
    warn_repeated(&name, &events);
    // The "line" of an event is the sheet row of its document's first row.
    append(
        &mut store,
        &name,
        &Source::Lines,
        0,
        events.iter().map(|i| (i.line, i.event.to_json_bytes())),
    )
}

/// Where the events of an import come from, for its errors: lines (or rows) of a file, events
/// of an EPCIS document's `eventList` (the "line" is the 1-based position), or the lines of
/// several files (the "line" is the 1-based position in the list of (file index, line)).
enum Source<'a> {
    Lines,
    EventList,
    Files(&'a [String], &'a [(usize, u64)]),
}

impl Source<'_> {
    /// `e`, an id clash told by where the events come from (the ingest error tells lines of
    /// one file as they are), and for a document already stored, which document (its id alone
    /// means nothing to an ERP user: round 33, A2).
    fn told(&self, name: &str, e: AppendError, lines: &[(u64, Vec<u8>)]) -> anyhow::Error {
        let AppendError::Input(IngestError::DuplicateId {
            line, id, earlier, ..
        }) = &e
        else {
            return e.into();
        };
        let (line, earlier) = (*line, earlier);
        let msg = match self {
            Source::Lines => return e.into(),
            Source::Files(names, places) => {
                let at = |n: u64| {
                    let (f, l) = places.get(n as usize - 1).copied().unwrap_or_default();
                    (names.get(f).map_or("", String::as_str), l)
                };
                let (file, line) = at(line);
                let msg = match *earlier {
                    Earlier::Record(seq) => Msg::new("ingest-duplicate-record").arg("seq", seq),
                    Earlier::Line(l) => match at(l) {
                        (f, l) if f == file => Msg::new("ingest-duplicate-line").arg("earlier", l),
                        (f, l) => Msg::new("import-duplicate-line")
                            .arg("earlier_file", f)
                            .arg("earlier", l),
                    },
                };
                msg.arg("file", file).arg("line", line)
            }
            Source::EventList => {
                let at = |n: u64| format!("eventList[{}]", n.saturating_sub(1));
                let msg = match *earlier {
                    Earlier::Record(seq) => {
                        Msg::new("import-epcis-duplicate-record").arg("seq", seq)
                    }
                    Earlier::Line(l) => {
                        Msg::new("import-epcis-duplicate-event").arg("earlier", at(l))
                    }
                };
                msg.arg("file", name).arg("event", at(line))
            }
        };
        let msg = msg.arg("id", id.as_str());
        let stored = matches!(earlier, Earlier::Record(_));
        let event = lines
            .get(usize::try_from(line).unwrap_or(usize::MAX).wrapping_sub(1))
            .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
            .and_then(|text| rxledger::model::Event::from_json(text).ok());
        match event.as_ref().and_then(|e| Some((e.kind(), e.body.doc()?))) {
            Some((kind, doc)) if stored => said(
                Msg::new("import-changed-document")
                    .arg("error", msg)
                    .arg("kind", kind.as_str())
                    .arg("doc", doc),
            ),
            _ => said(msg),
        }
    }
}

/// Appends `(line, payload)` exactly once and says what it did.
fn append(
    store: &mut rxledger::store::FileStore,
    name: &str,
    source: &Source<'_>,
    batch_size: usize,
    lines: impl Iterator<Item = (u64, Vec<u8>)>,
) -> Result<Outcome> {
    let lines: Vec<(u64, Vec<u8>)> = lines.collect();
    let latest = latest_occurred(store);
    let done = append_lines(store, name, &lines, batch_size, |_| {})
        .map_err(|e| source.told(name, e, &lines))?;
    let m = crate::lang::messages();
    if let Some(latest) = latest.filter(|_| done.appended > 0) {
        // Only the events appended now: those the ledger already held were skipped.
        let mut earlier = 0u64;
        let first = done.head.seq.saturating_sub(done.appended) + 1;
        let _ = rxledger::store::Store::scan(&*store, first, &mut |rec| {
            earlier += u64::from(occurred(rec.payload).is_some_and(|t| t < latest));
            std::ops::ControlFlow::Continue(())
        });
        if earlier > 0 {
            crate::common::warn(
                &Msg::new("import-earlier")
                    .arg("count", earlier)
                    .arg("latest", m.instant(latest)),
            );
        }
    }
    if let Err(e) = store.sync_index() {
        crate::common::warn(&Msg::new("cli-index-unwritten").arg("detail", e.to_string()));
    }
    println!(
        "{}",
        m.render(
            &Msg::new("import-done")
                .arg("events", done.events as u64)
                .arg("file", name)
                .arg("appended", done.appended as u64)
                .arg("present", done.present as u64)
                .arg("head", done.head.to_string())
        )
    );
    Ok(Outcome::Clean)
}

/// How many of the last records [`latest_occurred`] reads: the end of the ledger, not all of it.
const RECENT: u64 = 1000;

/// The latest goods movement among the ledger's last [`RECENT`] records (the scan reads only the
/// segments that hold them), if any.
fn latest_occurred(store: &rxledger::store::FileStore) -> Option<chrono::DateTime<chrono::Utc>> {
    use rxledger::store::Store as _;
    let head = store.head().seq;
    if head == 0 {
        return None;
    }
    let mut latest = None;
    let _ = store.scan(head.saturating_sub(RECENT - 1).max(1), &mut |rec| {
        latest = latest.max(occurred(rec.payload));
        std::ops::ControlFlow::Continue(())
    });
    latest
}

/// When an event's canonical bytes moved goods (`occurred_at` of a receipt, storage, dispatch,
/// return, count …); `None` for documents and master data, whose order the stock rules do not
/// depend on.
fn occurred(payload: &[u8]) -> Option<chrono::DateTime<chrono::Utc>> {
    let e = rxledger::model::Event::from_json(std::str::from_utf8(payload).ok()?).ok()?;
    let moves = rxledger::model::movements::movements(&e).next().is_some();
    moves.then_some(e.occurred_at)
}

/// `rxledger export --format epcis`: the verified records' movements as an EPCIS document.
pub fn export_epcis(dir: &std::path::Path, output: &std::path::Path) -> Result<Outcome> {
    let mut events = Vec::new();
    let mut bad = None;
    let report = rxledger::store::scan_path(
        dir,
        None,
        |_| {},
        |rec| {
            match rxledger::model::Event::from_json(&String::from_utf8_lossy(rec.payload)) {
                Ok(e) => events.push(e),
                Err(e) => bad = Some((rec.seq, e)),
            }
            std::ops::ControlFlow::Continue(())
        },
    )?;
    let dir_name = dir.display().to_string();
    if !report.is_ok() {
        return Err(said(
            Msg::new("export-epcis-unverified").arg("dir", dir_name.as_str()),
        ));
    }
    if let Some((seq, e)) = bad {
        return Err(said(
            Msg::new("export-epcis-bad-record")
                .arg("dir", dir_name.as_str())
                .arg("seq", seq)
                .arg("error", Fact::from(crate::fail::event_msg(&e))),
        ));
    }
    let doc = rxledger_import::epcis::export(&events, chrono::Utc::now());
    let n = doc["epcisBody"]["eventList"].as_array().map_or(0, Vec::len);
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    crate::common::write_file(output, text)?;
    println!(
        "{}",
        crate::lang::messages().render(
            &Msg::new("export-epcis-done")
                .arg("events", n as u64)
                .arg("records", events.len() as u64)
                .arg("path", output.display().to_string())
        )
    );
    Ok(Outcome::Clean)
}
