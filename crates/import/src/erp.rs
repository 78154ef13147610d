//! ERP exports (CSV, and spreadsheets with the `xlsx` feature) to events, through a
//! [`Mapping`]: the file is read into a [`Table`] (header and rows of cells), which the mapping
//! turns into events the same way whatever the file was.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rxledger_model::{Event, EventError};
use serde_json::{Map, Value};

use crate::cell::{Cell, Reader};
use crate::mapping::{CellType, Document, Mapping, Source};
use crate::reason::Reason;

/// One imported event and the 1-based line of the file (row of the sheet) where its document
/// starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The file's line (the sheet's row) of the document's first row.
    pub line: u64,
    /// The validated event.
    pub event: Event,
    /// Rows of the document identical to an earlier row of it, cell for cell, as (line, the
    /// earlier line): each became a line of its own (an export that repeats a row doubles a
    /// line), which may be right or an export's mistake, so a caller should say so.
    pub repeated_rows: Vec<(u64, u64)>,
}

/// Why an export was refused. Nothing of the file is imported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The bytes are not text in the mapping's encoding.
    #[error("{file}:{line}: not valid {encoding} text")]
    Decode {
        /// The file.
        file: String,
        /// 1-based line of the first malformed byte.
        line: u64,
        /// The mapping's encoding.
        encoding: String,
    },
    /// The CSV structure is broken (a row with another number of cells, an open quote).
    #[error("{file}:{line}: {reason}")]
    Csv {
        /// The file.
        file: String,
        /// 1-based line (0: the mapping's settings, not a line of the file).
        line: u64,
        /// What is wrong.
        reason: Box<Reason>,
    },
    /// A cell (or a missing column) cannot fill its field, or the event it makes is invalid.
    #[error("{}: {}field `{field}`: {reason}", place(file, sheet.as_deref(), *line), column.as_ref().map(|c| format!("column `{c}`: ")).unwrap_or_default())]
    Cell {
        /// The file.
        file: String,
        /// The sheet, for a spreadsheet (boxed: the error stays small).
        sheet: Option<Box<str>>,
        /// 1-based line of the row (the sheet's row number for a spreadsheet).
        line: u64,
        /// The column's header, when a column fills the field.
        column: Option<String>,
        /// The event field, as a path (`data.lines[0].quantity`).
        field: String,
        /// What is wrong.
        reason: Box<Reason>,
    },
    /// A spreadsheet cannot be read (not an `.xlsx` file, no such sheet, no header row).
    #[error("{file}: {reason}")]
    Sheet {
        /// The file.
        file: String,
        /// What is wrong.
        reason: Box<Reason>,
    },
}

/// `file:line`, or `file: sheet `S` row N` for a spreadsheet.
fn place(file: &str, sheet: Option<&str>, line: u64) -> String {
    match sheet {
        None => format!("{file}:{line}"),
        Some(s) => format!("{file}: sheet `{s}` row {line}"),
    }
}

/// A file read as a table: its header and its rows of cells.
#[derive(Debug, Default)]
pub(crate) struct Table {
    /// The file, for errors.
    pub(crate) file: String,
    /// The sheet of a spreadsheet, for errors.
    pub(crate) sheet: Option<String>,
    /// The header's cells, trimmed.
    pub(crate) headers: Vec<String>,
    /// The header's 1-based line (sheet row).
    pub(crate) header_line: u64,
    /// The rows after the header, each with its 1-based line (sheet row).
    pub(crate) rows: Vec<(u64, Vec<Cell>)>,
}

impl Table {
    fn err(
        &self,
        line: u64,
        column: Option<String>,
        field: impl Into<String>,
        reason: Reason,
    ) -> ImportError {
        ImportError::Cell {
            file: self.file.clone(),
            sheet: self.sheet.as_deref().map(Box::from),
            line,
            column,
            field: field.into(),
            reason: Box::new(reason),
        }
    }
}

/// The text of cell `i` of a row ("" past its end).
fn text(row: &[Cell], i: usize) -> std::borrow::Cow<'_, str> {
    row.get(i)
        .map_or(std::borrow::Cow::Borrowed(""), Cell::text)
}

/// A field source resolved against the file's header.
struct Field<'m> {
    path: &'m str,
    /// For a path through `[]`: the array's path and the path inside each item.
    line: Option<(&'m str, &'m str)>,
    column: Option<(usize, &'m str)>,
    constant: Option<Value>,
    sum: Option<&'m str>,
    ty: CellType,
    map: Option<&'m std::collections::BTreeMap<String, String>>,
}

/// A document section with its fields resolved.
struct Section<'m> {
    doc: &'m Document,
    fields: Vec<Field<'m>>,
    /// The `group_by` columns (header and index), in the mapping's order.
    group: Vec<(&'m str, usize)>,
}

/// The rows of one document.
struct Group<'t> {
    section: usize,
    /// The values of the section's `group_by` columns (the row's line without them).
    key: Vec<String>,
    rows: Vec<(u64, &'t [Cell])>,
}

/// Reads an export `bytes` (named `file` in errors) with `mapping`: every document becomes one
/// validated event, in the order of their `occurred_at` (business order; documents of the same
/// instant in the order of their first rows). The first problem is an error naming the
/// file, line, column and field, and nothing is returned.
pub fn import_csv(
    file: &str,
    bytes: &[u8],
    mapping: &Mapping,
) -> Result<Vec<Imported>, ImportError> {
    let text = decode(file, bytes, mapping)?;
    let offset = mapping
        .timezone_offset()
        .map_err(|reason| ImportError::Csv {
            file: file.to_owned(),
            line: 0,
            reason: Box::new(reason),
        })?;
    let mut delim = [0u8; 4];
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(mapping.delimiter.encode_utf8(&mut delim).as_bytes()[0])
        .from_reader(text.as_bytes());
    // `Position::line` of the csv crate is one short after CRLF line ends, whose `\n` it takes
    // as the start of the next record: lines are counted here from the byte offset, the `\n`
    // at that offset included.
    let newlines: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
        .collect();
    let line_of = |p: Option<&csv::Position>| {
        p.map_or(0, |p| {
            let byte = usize::try_from(p.byte()).unwrap_or(usize::MAX);
            newlines.partition_point(|&n| n <= byte) as u64 + 1
        })
    };
    let csv_err = |e: &csv::Error| ImportError::Csv {
        file: file.to_owned(),
        line: line_of(e.position()),
        reason: Box::new(match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => Reason::UnequalLengths {
                expected: *expected_len,
                found: *len,
                // An odd number of quotes from the row to the end of the file.
                open_quote: e.position().is_some_and(|p| {
                    let from = usize::try_from(p.byte()).unwrap_or(usize::MAX);
                    text.get(from..)
                        .is_some_and(|rest| rest.bytes().filter(|b| *b == b'"').count() % 2 == 1)
                }),
                message: e.to_string(),
            },
            _ => Reason::Csv {
                message: e.to_string(),
            },
        }),
    };
    let mut table = Table {
        file: file.to_owned(),
        header_line: 1,
        ..Table::default()
    };
    table.headers = csv
        .headers()
        .map_err(|e| csv_err(&e))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    for record in csv.records() {
        let record = record.map_err(|e| csv_err(&e))?;
        let cells = record.iter().map(|c| Cell::Text(c.trim().to_owned()));
        table
            .rows
            .push((line_of(record.position()), cells.collect()));
    }
    import_table(&table, mapping, offset)
}

/// The events of a table read from an export with `mapping` (times in `offset`).
pub(crate) fn import_table(
    table: &Table,
    mapping: &Mapping,
    offset: chrono::FixedOffset,
) -> Result<Vec<Imported>, ImportError> {
    let reader = Reader { mapping, offset };
    let sections = resolve(table, mapping)?;
    let kind_col = match &mapping.kind_column {
        Some(c) => Some(column_index(table, c, "kind_column")?),
        None => None,
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(usize, Vec<String>), usize> = HashMap::new();
    for (line, record) in &table.rows {
        let line = *line;
        if record.iter().all(Cell::is_empty) {
            continue;
        }
        let section = match kind_col {
            None => 0,
            Some(k) => {
                let v = text(record, k);
                if mapping.skip.iter().any(|s| *s == v) {
                    continue;
                }
                let found = sections
                    .iter()
                    .position(|s| s.doc.when.values().contains(&v.as_ref()));
                found.ok_or_else(|| {
                    table.err(
                        line,
                        mapping.kind_column.clone(),
                        "kind",
                        Reason::NoDocument {
                            value: v.to_string(),
                        },
                    )
                })?
            }
        };
        let key = if sections[section].group.is_empty() {
            vec![line.to_string()]
        } else {
            let mut key = Vec::with_capacity(sections[section].group.len());
            for &(column, g) in &sections[section].group {
                let v = text(record, g);
                if v.is_empty() {
                    return Err(table.err(
                        line,
                        Some(column.to_owned()),
                        "group_by",
                        Reason::EmptyDocumentNumber,
                    ));
                }
                key.push(v.into_owned());
            }
            key
        };
        let at = *index.entry((section, key.clone())).or_insert_with(|| {
            groups.push(Group {
                section,
                key,
                rows: Vec::new(),
            });
            groups.len() - 1
        });
        groups[at].rows.push((line, record));
    }
    let mut out = groups
        .iter()
        .map(|g| build(table, mapping, &reader, &sections[g.section], g))
        .collect::<Result<Vec<_>, _>>()?;
    // In business order: the engine reads records in ledger order, so an export grouped by
    // document type (all sales before all receipts) would otherwise look like goods shipped
    // before they arrived. Documents of the same instant keep the file's order.
    out.sort_by_key(|i| i.event.occurred_at);
    Ok(out)
}

/// The text of the file in the mapping's encoding (a UTF-8 byte-order mark is dropped).
fn decode(file: &str, bytes: &[u8], mapping: &Mapping) -> Result<String, ImportError> {
    let encoding = mapping.encoding().map_err(|reason| ImportError::Csv {
        file: file.to_owned(),
        line: 0,
        reason: Box::new(reason),
    })?;
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    if let encoding_rs::DecoderResult::Malformed(..) = result {
        let line = bytes[..read].iter().filter(|b| **b == b'\n').count() as u64 + 1;
        return Err(ImportError::Decode {
            file: file.to_owned(),
            line,
            encoding: encoding.name().to_owned(),
        });
    }
    if let encoding_rs::DecoderResult::OutputFull = result {
        // Not reached: the string grows as needed; decode the rest the slow way.
        let (cow, _, bad) = encoding.decode(bytes);
        if bad {
            return Err(ImportError::Decode {
                file: file.to_owned(),
                line: 0,
                encoding: encoding.name().to_owned(),
            });
        }
        return Ok(cow.into_owned());
    }
    Ok(out)
}

/// The index of the column headed `column`: an error when there is none, or more than one.
fn column_index(table: &Table, column: &str, field: &str) -> Result<usize, ImportError> {
    let err = |reason| table.err(table.header_line, Some(column.to_owned()), field, reason);
    let mut at = table
        .headers
        .iter()
        .enumerate()
        .filter(|(_, h)| *h == column);
    let (i, _) = at.next().ok_or_else(|| err(Reason::NoColumn))?;
    let others: Vec<u64> = at.map(|(j, _)| j as u64 + 1).collect();
    if others.is_empty() {
        return Ok(i);
    }
    let positions = std::iter::once(i as u64 + 1).chain(others).collect();
    Err(err(Reason::SameColumn { positions }))
}

fn resolve<'m>(table: &Table, mapping: &'m Mapping) -> Result<Vec<Section<'m>>, ImportError> {
    let mut out = Vec::new();
    for doc in &mapping.documents {
        let mut fields = Vec::new();
        for (path, src) in &doc.fields {
            let line = path
                .split_once("[].")
                .or_else(|| path.strip_suffix("[]").map(|p| (p, "")));
            let mut f = Field {
                path,
                line,
                column: None,
                constant: None,
                sum: None,
                ty: CellType::of_path(path),
                map: None,
            };
            match src {
                Source::Column(c) => f.column = Some((column_index(table, c, path)?, c)),
                Source::Spec(s) => {
                    if let Some(c) = &s.column {
                        f.column = Some((column_index(table, c, path)?, c));
                    }
                    f.constant = s.value.as_ref().map(toml_to_json);
                    f.sum = s.sum.as_deref();
                    f.ty = s.kind.unwrap_or(f.ty);
                    f.map = s.map.as_ref();
                }
            }
            fields.push(f);
        }
        let group = doc
            .group_by
            .values()
            .into_iter()
            .map(|c| Ok((c, column_index(table, c, "group_by")?)))
            .collect::<Result<Vec<_>, ImportError>>()?;
        out.push(Section { doc, fields, group });
    }
    Ok(out)
}

fn toml_to_json(v: &toml::Value) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// Sets `value` at the dotted `path` inside `root`, creating objects on the way.
fn set(root: &mut Map<String, Value>, path: &str, value: Value) {
    let mut segs = path.split('.').peekable();
    let mut obj = root;
    while let Some(seg) = segs.next() {
        if segs.peek().is_none() {
            obj.insert(seg.to_owned(), value);
            return;
        }
        let next = obj
            .entry(seg.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if !next.is_object() {
            *next = Value::Object(Map::new());
        }
        let Value::Object(o) = next else { return };
        obj = o;
    }
}

/// The value of `f` in `row`, or `None` for an empty cell.
fn cell_value(reader: &Reader, f: &Field, row: &[Cell]) -> Result<Option<Value>, Reason> {
    if let Some(c) = &f.constant {
        return Ok(Some(c.clone()));
    }
    let Some((i, _)) = f.column else {
        return Ok(None);
    };
    let Some(cell) = row.get(i).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let Some(m) = f.map else {
        return reader.read_cell(f.ty, cell).map(Some);
    };
    let raw = cell.text();
    let mapped = m.get(raw.as_ref()).ok_or_else(|| Reason::NotMapped {
        cell: raw.to_string(),
        known: m.keys().cloned().collect(),
    })?;
    reader.read(f.ty, mapped).map(Some)
}

fn build(
    table: &Table,
    mapping: &Mapping,
    reader: &Reader,
    s: &Section,
    g: &Group,
) -> Result<Imported, ImportError> {
    let (first_line, first) = &g.rows[0];
    let err = |line: u64, f: &Field, reason: Reason| {
        table.err(line, f.column.map(|(_, c)| c.to_owned()), f.path, reason)
    };
    let mut root = Map::new();
    let mut arrays: Vec<(&str, Vec<Map<String, Value>>)> = Vec::new();
    for f in s.fields.iter().filter(|f| f.sum.is_none()) {
        if let Some((array, inner)) = f.line {
            let at = if let Some(i) = arrays.iter().position(|(a, _)| *a == array) {
                i
            } else {
                arrays.push((array, vec![Map::new(); g.rows.len()]));
                arrays.len() - 1
            };
            for (i, (line, row)) in g.rows.iter().enumerate() {
                if let Some(v) = cell_value(reader, f, row).map_err(|m| err(*line, f, m))? {
                    if inner.is_empty() {
                        // `data.children[]`: each row adds one item (not a map).
                        arrays[at].1[i].insert(String::new(), v);
                    } else {
                        set(&mut arrays[at].1[i], inner, v);
                    }
                }
            }
            continue;
        }
        let v = cell_value(reader, f, first).map_err(|m| err(*first_line, f, m))?;
        if let Some((i, _)) = f.column {
            let want = text(first, i);
            if let Some((line, row)) = g.rows.iter().find(|(_, r)| text(r, i) != want) {
                let got = text(row, i);
                return Err(err(
                    *line,
                    f,
                    Reason::Differs {
                        got: got.into_owned(),
                        want: want.into_owned(),
                        first_line: *first_line,
                        // The document number (with the other `group_by` values after it).
                        document: g.key.join(" "),
                    },
                ));
            }
        }
        if let Some(v) = v {
            set(&mut root, f.path, v);
        }
    }
    for (array, items) in arrays {
        let items = items
            .into_iter()
            .map(|mut m| m.remove("").unwrap_or(Value::Object(m)))
            .collect();
        set(&mut root, array, Value::Array(items));
    }
    for f in s.fields.iter().filter(|f| f.sum.is_some()) {
        let total = sum_money(&root, f.path, f.sum.unwrap_or_default());
        set(
            &mut root,
            f.path,
            serde_json::json!({"minor": total, "currency": mapping.currency}),
        );
    }
    let occurred: DateTime<Utc> = root
        .get("occurred_at")
        .and_then(Value::as_str)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            let f = s.fields.iter().find(|f| f.path == "occurred_at");
            let column = f.and_then(|f| f.column.map(|(_, c)| c.to_owned()));
            table.err(*first_line, column, "occurred_at", Reason::Empty)
        })?;
    let key: Vec<&str> = g.key.iter().map(String::as_str).collect();
    let id = crate::id::event_id_of(&mapping.name, &s.doc.kind, &key, occurred);
    let mut event = Map::new();
    event.insert("v".into(), Value::from(rxledger_model::FORMAT_VERSION));
    event.insert("id".into(), Value::String(id.to_string()));
    event.insert("kind".into(), Value::String(s.doc.kind.clone()));
    for k in ["occurred_at", "entered_at", "recorded_by", "refs"] {
        if let Some(v) = root.remove(k) {
            event.insert(k.into(), v);
        }
    }
    event.insert(
        "data".into(),
        root.remove("data").unwrap_or(Value::Object(Map::new())),
    );
    match Event::from_value(Value::Object(event)) {
        Ok(event) => Ok(Imported {
            line: *first_line,
            event,
            repeated_rows: repeated_rows(&g.rows),
        }),
        Err(e) => Err(locate(table, s, g, e)),
    }
}

/// The rows identical to an earlier one, cell for cell, as (line, earlier line). (One lookup
/// per row: comparing each row with every earlier one took minutes for a count sheet of 20,000
/// rows; attacker round 29, M1.)
fn repeated_rows(rows: &[(u64, &[Cell])]) -> Vec<(u64, u64)> {
    let mut first: std::collections::HashMap<&[Cell], u64> =
        std::collections::HashMap::with_capacity(rows.len());
    rows.iter()
        .filter_map(|&(line, row)| match first.entry(row) {
            std::collections::hash_map::Entry::Occupied(o) => Some((line, *o.get())),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(line);
                None
            }
        })
        .collect()
}

/// The sum of the money field `field` of every item of the array next to `path`'s parent
/// (`data.total` with `amount` sums `data.lines[].amount`).
fn sum_money(root: &Map<String, Value>, path: &str, field: &str) -> u64 {
    let parent = path.rsplit_once('.').map_or("", |(p, _)| p);
    let mut obj = Some(root);
    for seg in parent.split('.').filter(|s| !s.is_empty()) {
        obj = obj.and_then(|o| o.get(seg)).and_then(Value::as_object);
    }
    obj.and_then(|o| o.get("lines"))
        .and_then(Value::as_array)
        .map_or(0, |lines| {
            lines
                .iter()
                .filter_map(|l| l.get(field)?.get("minor")?.as_u64())
                .fold(0u64, u64::saturating_add)
        })
}

/// An invalid event's error, located at the row and column that filled the field.
fn locate(table: &Table, s: &Section, g: &Group, e: EventError) -> ImportError {
    let (field, message, problem) = match e {
        EventError::Field {
            field,
            message,
            problem,
        } => (field, message, problem),
        other => (String::new(), other.to_string(), None),
    };
    // `data.lines[3].unit_price.minor` → row 3, spec path `data.lines[].unit_price`.
    let mut row = 0usize;
    let mut generic = String::new();
    let mut rest = field.as_str();
    while let Some(open) = rest.find('[') {
        generic.push_str(&rest[..open]);
        let close = rest[open..].find(']').map_or(rest.len(), |c| open + c);
        if row == 0 {
            row = rest[open + 1..close].parse().unwrap_or(0);
        }
        generic.push_str("[]");
        rest = rest.get(close + 1..).unwrap_or_default();
    }
    generic.push_str(rest);
    let is_line = s.fields.iter().any(|f| {
        f.line
            .is_some_and(|(a, _)| generic.strip_prefix(a).is_some_and(|r| r.starts_with("[]")))
    });
    if !is_line {
        row = 0;
    }
    let mut probe = generic.as_str();
    let column = loop {
        if let Some(f) = s.fields.iter().find(|f| f.path == probe) {
            break f.column.map(|(_, c)| c.to_owned());
        }
        match probe.rsplit_once('.') {
            Some((p, _)) => probe = p,
            None => break None,
        }
    };
    let line = g.rows.get(row).map_or(g.rows[0].0, |(l, _)| *l);
    table.err(line, column, field, Reason::Invalid { message, problem })
}
