//! Errors for a person, in the chosen language: the libraries' errors carry typed facts (a path,
//! a line, a field, a seq), and [`render`] writes them with the catalogue's words (`cli.ftl`);
//! the command line's own errors are catalogue messages from the start ([`said`]). A detail a
//! library gives only as text (a TOML parser's explanation, an operating-system message) is
//! kept as it is, after the catalogue's words for what went wrong.

use std::error::Error as StdError;
use std::io;

use rxledger::chain::VerifyError;
use rxledger::checkpoint::CheckpointError;
use rxledger::ingest::{AppendError, Earlier, IngestError};
use rxledger::model::EventError;
use rxledger::reconcile::{ConfigError, Fact, Msg};
use rxledger::report::{Lang, Messages};
use rxledger::store::StoreError;
use rxledger_import::epcis::EpcisError;
use rxledger_import::mapping::CellType;
use rxledger_import::{ImportError, MappingError, Reason};

mod epcis;
mod event;
use epcis::{epc_fact, event_reason, lot_part};
pub use event::event_msg;
use event::{backticked, detail, field_detail, json_detail};

/// An error of the command line itself, as a catalogue message; its `Display` is in the chosen
/// language ([`crate::lang::messages`]), so it reads the same as an error or as the context of
/// one (which `anyhow` keeps behind its own type).
#[derive(Debug)]
pub struct Said(pub Msg);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::lang::messages().render(&self.0))
    }
}

impl StdError for Said {}

/// The error whose words are the catalogue message `msg`.
pub fn said(msg: Msg) -> anyhow::Error {
    anyhow::Error::new(Said(msg))
}

/// `error: …` / `错误：…`: the error and its causes, each cause after the one it explains
/// (`: ` in English, `：` in Chinese), a cause that its parent's words already end with not
/// repeated.
pub fn render(e: &anyhow::Error, m: &Messages) -> String {
    let sep = match m.lang() {
        Lang::Zh => "：",
        _ => ": ",
    };
    let mut out = String::new();
    for cause in e.chain() {
        let (text, whole) = match describe(cause, m) {
            Some((msg, whole)) => (m.render(&msg), whole),
            None => (cause.to_string(), false),
        };
        if !out.ends_with(&text) {
            if !out.is_empty() {
                out.push_str(sep);
            }
            out.push_str(&text);
        }
        // A library error the catalogue renders says its causes itself.
        if whole {
            break;
        }
    }
    out
}

/// The catalogue message of one error of the chain, and whether it includes its causes; `None`
/// for an error the catalogue does not know (a path given as context, say).
fn describe(e: &(dyn StdError + 'static), m: &Messages) -> Option<(Msg, bool)> {
    if let Some(Said(msg)) = e.downcast_ref::<Said>() {
        return Some((msg.clone(), false));
    }
    let msg = if let Some(e) = e.downcast_ref::<io::Error>() {
        io_msg(e)
    } else if let Some(e) = e.downcast_ref::<StoreError>() {
        store_msg(e, m)?
    } else if let Some(e) = e.downcast_ref::<AppendError>() {
        match e {
            AppendError::Input(e) => ingest_msg(e),
            AppendError::Store(e) => store_msg(e, m)?,
            _ => return None,
        }
    } else if let Some(e) = e.downcast_ref::<IngestError>() {
        ingest_msg(e)
    } else if let Some(e) = e.downcast_ref::<EventError>() {
        event_msg(e)
    } else if let Some(e) = e.downcast_ref::<VerifyError>() {
        verify_msg(e, m)
    } else if let Some(e) = e.downcast_ref::<CheckpointError>() {
        checkpoint_msg(e)?
    } else if let Some(e) = e.downcast_ref::<rxledger::proofs::ProofsError>() {
        use rxledger::proofs::ProofsError as P;
        match e {
            P::Store(e) => store_msg(e, m)?,
            P::Checkpoint(e) => checkpoint_msg(e)?,
            _ => return None,
        }
    } else if let Some(e) = e.downcast_ref::<ConfigError>() {
        config_msg(e)?
    } else if let Some(text) = import_text(e, m) {
        Msg::new("import-error").arg("text", text)
    } else if let Some(e) = e.downcast_ref::<serde_json::Error>() {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        Msg::new("json-at")
            .arg("line", e.line() as u64)
            .arg("column", e.column() as u64)
            .arg("detail", json_detail(message))
    } else {
        return None;
    };
    Some((msg, true))
}

/// An operating-system error: its kind in words with the system's error number, else the
/// system's own message.
fn io_msg(e: &io::Error) -> Msg {
    let id = match e.kind() {
        io::ErrorKind::NotFound => "io-not-found",
        io::ErrorKind::PermissionDenied => "io-permission",
        io::ErrorKind::AlreadyExists => "io-exists",
        _ => return Msg::new("io-other").arg("detail", e.to_string()),
    };
    match e.raw_os_error() {
        Some(code) => Msg::new(id).arg("code", i64::from(code)),
        None => Msg::new("io-other").arg("detail", e.to_string()),
    }
}

fn store_msg(e: &StoreError, m: &Messages) -> Option<Msg> {
    Some(match e {
        StoreError::Io { path, source } => Msg::new("ingest-io")
            .arg("file", path.display().to_string())
            .arg("error", Fact::from(io_msg(source))),
        StoreError::NotALedger { path } => Msg::new("store-not-a-ledger")
            .arg("path", path.display().to_string())
            .arg("marker", rxledger::store::MARKER_FILE),
        StoreError::AlreadyExists { path } => {
            Msg::new("store-exists").arg("path", path.display().to_string())
        }
        StoreError::Locked { dir, lock } => Msg::new("store-locked")
            .arg("dir", dir.display().to_string())
            .arg("lock", lock.display().to_string()),
        StoreError::Corrupt { path, error } => Msg::new("store-corrupt")
            .arg("path", path.display().to_string())
            .arg("error", Fact::from(verify_msg(error, m))),
        StoreError::Poisoned => Msg::new("store-poisoned"),
        StoreError::History { path, line, reason } => Msg::new("store-history")
            .arg("path", path.display().to_string())
            .arg("line", *line)
            .arg("detail", reason.as_str()),
        _ => return None,
    })
}

fn ingest_msg(e: &IngestError) -> Msg {
    match e {
        IngestError::Event {
            source_name,
            line,
            error,
        } => Msg::new("ingest-event")
            .arg("file", source_name.as_str())
            .arg("line", *line)
            .arg("error", Fact::from(event_msg(error))),
        IngestError::Io { source_name, error } => Msg::new("ingest-io")
            .arg("file", source_name.as_str())
            .arg("error", Fact::from(io_msg(error))),
        IngestError::DuplicateId {
            source_name,
            line,
            id,
            earlier,
        } => {
            let msg = match earlier {
                Earlier::Record(seq) => Msg::new("ingest-duplicate-record").arg("seq", *seq),
                Earlier::Line(l) => Msg::new("ingest-duplicate-line").arg("earlier", *l),
            };
            msg.arg("file", source_name.as_str())
                .arg("line", *line)
                .arg("id", id.as_str())
        }
        IngestError::Utf8 { source_name, line } => Msg::new("ingest-utf8")
            .arg("file", source_name.as_str())
            .arg("line", *line),
        IngestError::LineTooLong {
            source_name,
            line,
            max,
        } => Msg::new("ingest-too-long")
            .arg("file", source_name.as_str())
            .arg("line", *line)
            .arg("max", *max),
        _ => Msg::new("io-other").arg("detail", e.to_string()),
    }
}

/// A verification failure, naming its line and seq.
pub fn verify_msg(e: &VerifyError, m: &Messages) -> Msg {
    if let Some(said) = rxledger::check::verify_error_msg(e) {
        return said;
    }
    match e {
        VerifyError::Reformatted {
            bom,
            crlf,
            lines,
            blank,
            last,
            ..
        } => {
            let mut changes = Vec::new();
            if *bom {
                changes.push(Fact::from(Msg::new("verify-bom")));
            }
            match *crlf {
                0 => {}
                n if n == *lines => changes.push(Fact::from(Msg::new("verify-crlf-all"))),
                n => changes.push(Fact::from(
                    Msg::new("verify-crlf-some")
                        .arg("crlf", n)
                        .arg("lines", *lines),
                )),
            }
            if *blank > 0 {
                let id = if *blank == 1 {
                    "verify-blank-one"
                } else {
                    "verify-blank-many"
                };
                changes.push(Fact::from(Msg::new(id).arg("blank", *blank)));
            }
            // Changes are listed as words, not clauses.
            let changes: Vec<String> = changes.iter().map(|c| m.fact(c).into_owned()).collect();
            let sep = if m.lang() == Lang::Zh { "，" } else { ", " };
            Msg::new("verify-reformatted")
                .arg("changes", changes.join(sep))
                .arg("records", Fact::from(count_msg(*last)))
        }
        _ => Msg::new("io-other").arg("detail", e.to_string()),
    }
}

/// How many records of a re-saved export verify (none, the one, all N).
fn count_msg(records: u64) -> Msg {
    let id = match records {
        0 => "verify-records-none",
        1 => "verify-records-one",
        _ => "verify-records-many",
    };
    Msg::new(id).arg("records", records)
}

fn checkpoint_msg(e: &CheckpointError) -> Option<Msg> {
    let (id, detail) = match e {
        CheckpointError::Key(d) => ("checkpoint-key", d),
        CheckpointError::Format(d) => ("checkpoint-format", d),
        CheckpointError::Signature(d) => ("checkpoint-signature", d),
        CheckpointError::Proof(d) => ("checkpoint-proof", d),
        CheckpointError::Random(d) => ("checkpoint-random", d),
        _ => return None,
    };
    Some(Msg::new(id).arg("detail", detail.as_str()))
}

fn config_msg(e: &ConfigError) -> Option<Msg> {
    Some(match e {
        ConfigError::Toml {
            line,
            column,
            text,
            message,
        } => Msg::new("config-toml")
            .arg("line", *line)
            .arg("column", *column)
            .arg("text", text.as_str())
            .arg("detail", message.as_str()),
        ConfigError::Negative(name) => Msg::new("config-negative").arg("name", *name),
        ConfigError::TooLarge(name, max) => Msg::new("config-too-large")
            .arg("name", *name)
            .arg("max", *max),
        _ => return None,
    })
}

/// The places and the reason of an import error, each in the catalogue's words, joined as the
/// causes of an error are (`: ` / `：`).
fn import_text(e: &(dyn StdError + 'static), m: &Messages) -> Option<String> {
    let mut parts: Vec<Msg> = Vec::new();
    let place = |file: &str, line: u64| Msg::new("import-line").arg("file", file).arg("line", line);
    let field = |f: &str| Msg::new("import-field").arg("field", f);
    let reason = if let Some(e) = e.downcast_ref::<ImportError>() {
        match e {
            ImportError::Decode {
                file,
                line,
                encoding,
            } => {
                parts.push(place(file, *line));
                Fact::from(Msg::new("import-decode").arg("encoding", encoding.as_str()))
            }
            ImportError::Csv { file, line, reason } => {
                parts.push(match line {
                    0 => Msg::new("io-other").arg("detail", file.as_str()),
                    _ => place(file, *line),
                });
                reason_fact(reason)
            }
            ImportError::Cell {
                file,
                sheet,
                line,
                column,
                field: f,
                reason,
            } => {
                parts.push(match sheet {
                    Some(s) => Msg::new("import-sheet-row")
                        .arg("file", file.as_str())
                        .arg("sheet", &**s)
                        .arg("line", *line),
                    None => place(file, *line),
                });
                if let Some(c) = column {
                    parts.push(Msg::new("import-column").arg("column", c.as_str()));
                }
                parts.push(field(f));
                reason_fact(reason)
            }
            ImportError::Sheet { file, reason } => {
                parts.push(Msg::new("io-other").arg("detail", file.as_str()));
                reason_fact(reason)
            }
            _ => return None,
        }
    } else if let Some(e) = e.downcast_ref::<MappingError>() {
        parts.push(match e.line {
            Some(line) => Msg::new("mapping-line")
                .arg("file", e.file.as_str())
                .arg("line", line),
            None => Msg::new("io-other").arg("detail", e.file.as_str()),
        });
        if let Some((n, kind)) = &e.document {
            parts.push(
                Msg::new("mapping-section")
                    .arg("n", *n as u64)
                    .arg("kind", kind.as_str()),
            );
        }
        if let Some(f) = &e.field {
            parts.push(field(f));
        }
        reason_fact(&e.reason)
    } else if let Some(e) = e.downcast_ref::<EpcisError>() {
        parts.push(
            Msg::new("epcis-event")
                .arg("file", e.file.as_str())
                .arg("event", format!("eventList[{}]", e.index)),
        );
        if let Some(f) = &e.field {
            parts.push(field(f));
        }
        reason_fact(&e.reason)
    } else {
        return None;
    };
    let mut texts: Vec<String> = parts.iter().map(|p| m.render(p)).collect();
    texts.push(m.fact(&reason).into_owned());
    let sep = if m.lang() == Lang::Zh { "：" } else { ": " };
    Some(texts.join(sep))
}

/// A list of values, each verbatim.
fn values(v: &[String]) -> Fact {
    Fact::List(v.iter().map(|s| Fact::Text(s.clone())).collect())
}

/// What a cell of the type must hold.
fn cell_type(t: CellType) -> Msg {
    Msg::new(match t {
        CellType::Integer => "cell-type-integer",
        CellType::Number => "cell-type-number",
        CellType::Money => "cell-type-money",
        CellType::Date => "cell-type-date",
        CellType::Expiry => "cell-type-expiry",
        CellType::Instant => "cell-type-instant",
        CellType::Bool => "cell-type-bool",
        CellType::List => "cell-type-list",
        CellType::String => "cell-type-string",
    })
}

/// A parser's complaint about a mapping file in the catalogue's words when it is a common one.
fn toml_detail(detail: &str) -> Fact {
    if let Some((name, expected)) = detail
        .strip_prefix("unknown field `")
        .and_then(|r| r.split_once("`, expected "))
    {
        let expected = expected.strip_prefix("one of ").unwrap_or(expected);
        return Fact::from(
            Msg::new("detail-unknown-key")
                .arg("name", name)
                .arg("expected", Fact::List(backticked(expected))),
        );
    }
    field_detail(detail)
}

/// An import's reason in the catalogue's words, its values verbatim.
fn reason_fact(r: &Reason) -> Fact {
    use Reason as R;
    let cell = |id: &'static str, c: &str| Msg::new(id).arg("cell", c);
    let msg = match r {
        R::InexactNumber { value } => {
            Msg::new("reason-inexact-number").arg("value", value.as_str())
        }
        R::SpreadsheetError { value } => {
            Msg::new("reason-spreadsheet-error").arg("value", value.as_str())
        }
        R::DateCellWithTime { cell: c } => cell("reason-date-time", c),
        R::DateCellNot { cell: c, expected } => {
            cell("reason-date-cell", c).arg("expected", Fact::from(cell_type(*expected)))
        }
        R::NotInZone { cell: c, zone } => cell("reason-not-in-zone", c).arg("zone", zone.as_str()),
        R::NotDate { cell: c, formats } => {
            cell("reason-not-date", c).arg("formats", values(formats))
        }
        R::NotExpiry { cell: c, formats } => {
            cell("reason-not-expiry", c).arg("formats", values(formats))
        }
        R::NotInstant {
            cell: c,
            formats,
            zone,
        } => cell("reason-not-instant", c)
            .arg("formats", values(formats))
            .arg("zone", zone.as_str()),
        R::NotInteger { cell: c } => cell("reason-not-integer", c),
        R::NotNumber { cell: c } => cell("reason-not-number", c),
        R::NotMoney { cell: c } => cell("reason-not-money", c),
        R::NotBool { cell: c } => cell("reason-not-bool", c),
        R::NotMapped { cell: c, known } => cell("reason-not-mapped", c).arg("known", values(known)),
        R::NoDocument { value } => Msg::new("reason-no-document").arg("value", value.as_str()),
        R::EmptyDocumentNumber => Msg::new("reason-empty-document-number"),
        R::Differs {
            got,
            want,
            first_line,
            document,
        } => Msg::new("reason-differs")
            .arg("got", got.as_str())
            .arg("want", want.as_str())
            .arg("first", *first_line)
            .arg("document", document.as_str()),
        R::NoColumn => Msg::new("reason-no-column"),
        R::SameColumn { positions } => Msg::new("reason-same-column")
            .arg("count", positions.len() as u64)
            .arg(
                "positions",
                positions
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        R::Empty => Msg::new("reason-empty"),
        R::Invalid { message, problem } => return detail(message, problem.as_deref()),
        R::UnequalLengths {
            expected,
            found,
            open_quote,
            ..
        } => Msg::new("reason-unequal")
            .arg("expected", *expected)
            .arg("found", *found)
            .arg(
                "quote",
                Fact::Term(if *open_quote { "open" } else { "none" }.into()),
            ),
        R::Csv { message } => Msg::new("reason-csv").arg("detail", message.as_str()),
        R::BadTimezone { value } => Msg::new("reason-timezone").arg("value", value.as_str()),
        R::BadEncoding { value } => Msg::new("reason-encoding").arg("value", value.as_str()),
        R::NotXlsx { detail } => Msg::new("reason-not-xlsx").arg("detail", detail.as_str()),
        R::NoSheet { sheet, names } => {
            let names: Vec<Fact> = names.iter().map(|n| Fact::Text(format!("`{n}`"))).collect();
            Msg::new("reason-no-sheet")
                .arg("sheet", sheet.as_str())
                .arg("names", Fact::List(names))
        }
        R::NoSheets => Msg::new("reason-no-sheets"),
        R::SheetUnreadable { sheet, detail } => Msg::new("reason-sheet-unreadable")
            .arg("sheet", sheet.as_str())
            .arg("detail", detail.as_str()),
        R::SheetEmpty { sheet } => Msg::new("reason-sheet-empty").arg("sheet", sheet.as_str()),
        R::Toml { detail, .. } => Msg::new("reason-toml").arg("detail", toml_detail(detail)),
        R::BlankName => Msg::new("reason-blank-name"),
        R::NoSection => Msg::new("reason-no-section"),
        R::NeedKindColumn => Msg::new("reason-need-kind-column"),
        R::UnknownKind { kind } => Msg::new("reason-unknown-kind").arg("kind", kind.as_str()),
        R::WhenRequired => Msg::new("reason-when-required"),
        R::GroupByEmpty => Msg::new("reason-group-by-empty"),
        R::PathStart => Msg::new("reason-path-start"),
        R::OneBracket => Msg::new("reason-one-bracket"),
        R::EmptySegment => Msg::new("reason-empty-segment"),
        R::OneSource => Msg::new("reason-one-source"),
        R::OccurredAtUnmapped => Msg::new("reason-occurred-at-unmapped"),
        R::NoEventList => Msg::new("reason-no-event-list").arg("path", "epcisBody.eventList"),
        R::HashIgnores { ignored } => Msg::new("reason-hash-ignores")
            .arg("key", "ignoreFields")
            .arg("ignored", ignored.as_str()),
        R::HashMismatch { id, computed } => Msg::new("reason-hash-mismatch")
            .arg("id", id.as_str())
            .arg("computed", computed.as_str()),
        R::NoRecorder => Msg::new("reason-no-recorder"),
        R::NotObjectEvent => Msg::new("reason-not-object-event").arg("type", "ObjectEvent"),
        R::PartnerShipping => Msg::new("reason-partner-shipping"),
        R::PartnerStep { step } => Msg::new("reason-partner-step").arg("step", step.as_str()),
        R::IlmdNotAdd => Msg::new("reason-ilmd-not-add"),
        R::ReceivingAction => Msg::new("reason-receiving-action"),
        R::NoAcceptor => Msg::new("reason-no-acceptor"),
        R::ReceiptNumbers { count } => Msg::new("reason-receipt-numbers").arg("count", *count),
        R::Suppliers { count } => Msg::new("reason-suppliers").arg("count", *count),
        R::IlmdNotObject => Msg::new("reason-ilmd-not-object"),
        R::NotText { value } => Msg::new("reason-not-text").arg("value", value.as_str()),
        R::IlmdNotDate { value } => Msg::new("reason-ilmd-not-date").arg("value", value.as_str()),
        R::IlmdDiffers {
            value,
            part,
            class_value,
        } => Msg::new("reason-ilmd-differs")
            .arg("value", value.as_str())
            .arg("part", lot_part(*part))
            .arg("class", class_value.as_str())
            .arg("field", "quantityList[0].epcClass"),
        R::NoQuantityList => Msg::new("reason-no-quantity-list"),
        R::IlmdAmbiguous => Msg::new("reason-ilmd-ambiguous").arg("list", "quantityList"),
        R::EpcListAmbiguous => Msg::new("reason-epc-list-ambiguous").arg("list", "quantityList"),
        R::MalformedEpc { uri, error } => return epc_fact(uri, error),
        R::NotSgtin { uri } => Msg::new("reason-not-sgtin").arg("uri", uri.as_str()),
        R::NotLgtin => Msg::new("reason-not-lgtin").arg("key", "cbvmda:lotNumber"),
        R::GtinCheckDigit { gtin } => {
            Msg::new("reason-gtin-check-digit").arg("gtin", gtin.as_str())
        }
        R::NoLot => Msg::new("reason-no-lot").arg("key", "cbvmda:lotNumber"),
        R::NoDate { part } => Msg::new("reason-no-date")
            .arg("part", lot_part(*part))
            .arg("ai", part.ai())
            .arg("key", part.ilmd_key()),
        R::NotPieces { uom } => Msg::new("reason-not-pieces").arg("uom", uom.as_str()),
        R::NotWhole => Msg::new("reason-not-whole"),
        R::SupplierNotParty => Msg::new("reason-supplier-not-party").arg("field", "sourceList"),
        R::NoLocation => Msg::new("reason-no-location"),
        // A library's own words (and any reason added later), as it gives them.
        _ => match event_reason(r) {
            Some(m) => m,
            None => return Fact::Text(r.to_string()),
        },
    };
    Fact::from(msg)
}
