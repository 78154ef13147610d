//! The mapping file (TOML): how the columns of one ERP export layout fill the fields of events.
//! The reference, with an example, is `docs/import.md`.

use std::collections::BTreeMap;

use chrono::FixedOffset;
use serde::Deserialize;

use crate::reason::Reason;

/// One export layout: its encoding, how it writes dates and instants, and one [`Document`]
/// section per kind of document the file holds.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The mapping's name. Part of every event id it derives (see [`crate::id`]): keep it when
    /// the mapping is edited, so that re-importing a file gives the same ids.
    pub name: String,
    /// Text encoding of the file: `utf-8` (a byte-order mark is dropped), `gbk` or `gb18030`
    /// (any WHATWG label that `encoding_rs` knows). Default `utf-8`.
    #[serde(default = "default_encoding")]
    pub encoding: String,
    /// Field delimiter, one character. Default `,`.
    #[serde(default = "default_delimiter")]
    pub delimiter: char,
    /// The ERP's time zone, as an offset: instants written without one are read in it.
    /// Default `+08:00` (China Standard Time).
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// How dates are written (`chrono` formats), tried in order. Default `%Y-%m-%d`, `%Y/%m/%d`,
    /// `%Y.%m.%d`, `%Y%m%d`.
    #[serde(default = "default_date_formats")]
    pub date_formats: Vec<String>,
    /// How instants are written without an offset (`chrono` formats), tried in order; RFC 3339
    /// with an offset is always accepted. Default `%Y-%m-%d %H:%M:%S`, `%Y-%m-%d %H:%M`,
    /// `%Y/%m/%d %H:%M:%S`, `%Y/%m/%d %H:%M`.
    #[serde(default = "default_instant_formats")]
    pub instant_formats: Vec<String>,
    /// Separators of a list written in one cell (people, codes, document numbers). Default `;`,
    /// `；`, `、`, `|`.
    #[serde(default = "default_list_separators")]
    pub list_separators: Vec<String>,
    /// Currency of money columns (amounts in yuan with at most two decimals). Default `CNY`.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The column that says which [`Document`] a row belongs to (matched with its `when`);
    /// needed when the mapping has more than one document section.
    pub kind_column: Option<String>,
    /// Values of `kind_column` whose rows are skipped (voided documents, subtotal rows).
    #[serde(default)]
    pub skip: Vec<String>,
    /// The sheet of a spreadsheet (`.xlsx`) export to read, by its name; default the first.
    /// Not used for CSV.
    pub sheet: Option<String>,
    /// One section per kind of document in the file.
    #[serde(rename = "document")]
    pub documents: Vec<Document>,
}

/// How rows become events of one kind.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The event kind (`purchase`, `receipt`, `invoice` …).
    pub kind: String,
    /// The values of the mapping's `kind_column` that select this section.
    #[serde(default)]
    pub when: OneOrMany,
    /// The column whose value groups rows into one document (the document number), or several
    /// columns whose values together do (`["发票号码", "开票方"]`: two issuers' paper invoices
    /// may share a number): each row is then one line of `data.lines` (or of any `[]` field).
    /// Without it, each row is one event.
    #[serde(default)]
    pub group_by: OneOrMany,
    /// Event field path → source. A path such as `data.supplier` is filled once per document (all
    /// its rows must agree); a path through `[]` such as `data.lines[].quantity` once per row.
    pub fields: BTreeMap<String, Source>,
}

/// A string or a list of strings.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// None given.
    #[default]
    None,
    /// One value.
    One(String),
    /// Several values.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values.
    pub fn values(&self) -> Vec<&str> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// Where a field's value comes from.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum Source {
    /// A column, by its header: `"数量"`.
    Column(String),
    /// A column with options, a constant, or a sum.
    Spec(Spec),
}

/// A field source with options.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// The column, by its header.
    pub column: Option<String>,
    /// A constant (any TOML value, used as is).
    pub value: Option<toml::Value>,
    /// The sum of a money field of the lines (`amount` sums `data.lines[].amount`).
    pub sum: Option<String>,
    /// How to read the cell, when the field's name does not say it: `string`, `integer`,
    /// `number`, `money`, `date`, `expiry`, `instant`, `bool`, `list`.
    #[serde(rename = "type")]
    pub kind: Option<CellType>,
    /// Cell text → value (ERP words for enumerations: `银行转账` → `bank_transfer`).
    pub map: Option<BTreeMap<String, String>>,
}

/// How a cell is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellType {
    /// Text as is.
    String,
    /// A whole number (thousands separators allowed).
    Integer,
    /// A decimal number.
    Number,
    /// An amount in yuan, at most two decimals: `{"minor": fen, "currency": …}`.
    Money,
    /// A date (`date_formats`), written `YYYY-MM-DD`.
    Date,
    /// An expiry: a date, or a month (`2027-06`, `2027/06`) written `YYYY-MM`.
    Expiry,
    /// An instant: RFC 3339, or `instant_formats` (or a date, at 00:00) in `timezone`.
    Instant,
    /// A yes/no cell: `是`/`否`, `Y`/`N`, `true`/`false`, `1`/`0`.
    Bool,
    /// A list of strings split at `list_separators`.
    List,
}

impl CellType {
    /// What a cell of this type must hold, for messages.
    pub(crate) fn expected(self) -> &'static str {
        match self {
            CellType::String => "text",
            CellType::Integer => "a whole number",
            CellType::Number => "a number",
            CellType::Money => "an amount",
            CellType::Date => "a date",
            CellType::Expiry => "an expiry date or month",
            CellType::Instant => "a date and time",
            CellType::Bool => "yes or no",
            CellType::List => "a list",
        }
    }

    /// The type a field's path implies, for sources that do not say.
    pub fn of_path(path: &str) -> CellType {
        let last = path.rsplit('.').next().unwrap_or(path);
        match last {
            "quantity" | "arrived" | "accepted" | "rejected" | "counted" => CellType::Integer,
            "unit_price" | "amount" | "total" => CellType::Money,
            "production_date" | "valid_from" | "valid_to" | "issued_on" => CellType::Date,
            "expiry" => CellType::Expiry,
            "occurred_at" | "entered_at" | "shipped_at" | "discovered_at" | "at" => {
                CellType::Instant
            }
            "cold_chain" | "rx" | "vaccine" | "public_hospital" => CellType::Bool,
            "recorded_by" | "acceptors" | "reviewers" | "supervisors" | "reported_to" | "codes"
            | "invoices" | "children" | "sensors" | "scope" | "order" | "sale"
            | "delivery_note" | "receipt" => CellType::List,
            "celsius" | "humidity" | "min_c" | "max_c" => CellType::Number,
            _ => CellType::String,
        }
    }
}

/// Why a mapping file was refused: the reason, where in the file (its line, the section and the
/// field when the reason is about one).
#[derive(Debug, thiserror::Error)]
#[error("{file}: {}{}{reason}", self.section_words(), self.field.as_ref().map(|f| format!("field `{f}`: ")).unwrap_or_default())]
pub struct MappingError {
    /// The mapping file.
    pub file: String,
    /// The 1-based line of the file the reason is about, when it is known.
    pub line: Option<u64>,
    /// The `[[document]]` section (1-based) and its `kind`, when the reason is about one.
    pub document: Option<(usize, String)>,
    /// The field path of the section, when the reason is about one.
    pub field: Option<String>,
    /// What is wrong.
    pub reason: Box<Reason>,
}

impl MappingError {
    fn section_words(&self) -> String {
        self.document
            .as_ref()
            .map(|(n, kind)| format!("[[document]] {n} (`{kind}`): "))
            .unwrap_or_default()
    }
}

/// The 1-based line of `text` where the `document`-th (1-based) `[[document]]` section starts,
/// or where `key` is set in it (at the top of the file without a section); `None` when not
/// found.
fn line_of(text: &str, document: Option<usize>, key: Option<&str>) -> Option<u64> {
    let mut section = 0usize;
    let mut top = true;
    for (i, l) in text.lines().enumerate() {
        let t = l.trim_start();
        let line = i as u64 + 1;
        if t.starts_with("[[document]]") {
            section += 1;
            top = false;
            if key.is_none() && document == Some(section) {
                return Some(line);
            }
            continue;
        }
        if t.starts_with('[') {
            // `[document.fields]` and the like stay in their section.
            top = false;
            continue;
        }
        let here = document.map_or(top, |d| section == d);
        let sets = |k: &str| {
            t.trim_start_matches(['"', '\''])
                .strip_prefix(k)
                .is_some_and(|r| {
                    r.trim_start_matches(['"', '\''])
                        .trim_start()
                        .starts_with('=')
                })
        };
        if here && key.is_some_and(sets) {
            return Some(line);
        }
    }
    None
}

impl Mapping {
    /// Parses and checks a mapping file.
    pub fn from_toml(file: &str, text: &str) -> Result<Mapping, MappingError> {
        let err = |reason: Reason| MappingError {
            file: file.to_owned(),
            line: None,
            document: None,
            field: None,
            reason: Box::new(reason),
        };
        let m: Mapping = toml::from_str(text).map_err(|e: toml::de::Error| {
            let line = e
                .span()
                .map(|s| text.get(..s.start).map_or(0, |t| t.matches('\n').count()) as u64 + 1);
            MappingError {
                line,
                ..err(Reason::Toml {
                    full: e.to_string(),
                    detail: e.message().trim().to_owned(),
                })
            }
        })?;
        let top = |key: &str, reason: Reason| MappingError {
            line: line_of(text, None, Some(key)),
            ..err(reason)
        };
        if m.name.trim().is_empty() {
            return Err(top("name", Reason::BlankName));
        }
        if m.documents.is_empty() {
            return Err(err(Reason::NoSection));
        }
        if m.documents.len() > 1 && m.kind_column.is_none() {
            return Err(MappingError {
                line: line_of(text, Some(2), None),
                ..err(Reason::NeedKindColumn)
            });
        }
        m.timezone_offset().map_err(|r| top("timezone", r))?;
        m.encoding().map_err(|r| top("encoding", r))?;
        for (i, d) in m.documents.iter().enumerate() {
            let at = |key: Option<&str>, field: Option<&str>, reason: Reason| MappingError {
                line: line_of(text, Some(i + 1), key.or(field))
                    .or_else(|| line_of(text, Some(i + 1), None)),
                document: Some((i + 1, d.kind.clone())),
                field: field.map(str::to_owned),
                ..err(reason)
            };
            if rxledger_model::Kind::parse(&d.kind).is_none() {
                return Err(at(
                    Some("kind"),
                    None,
                    Reason::UnknownKind {
                        kind: d.kind.clone(),
                    },
                ));
            }
            if m.kind_column.is_some() && d.when.values().is_empty() {
                return Err(at(None, None, Reason::WhenRequired));
            }
            if matches!(&d.group_by, OneOrMany::Many(v) if v.is_empty()) {
                return Err(at(Some("group_by"), None, Reason::GroupByEmpty));
            }
            for (path, src) in &d.fields {
                check_path(path).map_err(|r| at(None, Some(path), r))?;
                check_source(src).map_err(|r| at(None, Some(path), r))?;
            }
            if !d.fields.contains_key("occurred_at") {
                return Err(at(None, None, Reason::OccurredAtUnmapped));
            }
        }
        Ok(m)
    }

    /// The time zone offset.
    ///
    /// # Errors
    ///
    /// [`Reason::BadTimezone`] when `timezone` is not an offset.
    pub fn timezone_offset(&self) -> Result<FixedOffset, Reason> {
        self.timezone
            .parse::<FixedOffset>()
            .map_err(|_| Reason::BadTimezone {
                value: self.timezone.clone(),
            })
    }

    /// The encoding.
    ///
    /// # Errors
    ///
    /// [`Reason::BadEncoding`] when `encoding` is no label `encoding_rs` knows.
    pub fn encoding(&self) -> Result<&'static encoding_rs::Encoding, Reason> {
        encoding_rs::Encoding::for_label(self.encoding.trim().as_bytes()).ok_or_else(|| {
            Reason::BadEncoding {
                value: self.encoding.clone(),
            }
        })
    }
}

fn check_path(path: &str) -> Result<(), Reason> {
    let top = path.split('.').next().unwrap_or_default();
    if !matches!(
        top,
        "occurred_at" | "entered_at" | "recorded_by" | "refs" | "data"
    ) {
        return Err(Reason::PathStart);
    }
    if path.matches("[]").count() > 1 {
        return Err(Reason::OneBracket);
    }
    if path.split('.').any(|s| s.is_empty() || s == "[]") {
        return Err(Reason::EmptySegment);
    }
    Ok(())
}

fn check_source(src: &Source) -> Result<(), Reason> {
    let Source::Spec(s) = src else {
        return Ok(());
    };
    let given = usize::from(s.column.is_some())
        + usize::from(s.value.is_some())
        + usize::from(s.sum.is_some());
    if given != 1 {
        return Err(Reason::OneSource);
    }
    Ok(())
}

fn default_encoding() -> String {
    "utf-8".into()
}
fn default_delimiter() -> char {
    ','
}
fn default_timezone() -> String {
    "+08:00".into()
}
fn default_date_formats() -> Vec<String> {
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"]
        .map(String::from)
        .to_vec()
}
fn default_instant_formats() -> Vec<String> {
    [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ]
    .map(String::from)
    .to_vec()
}
fn default_list_separators() -> Vec<String> {
    [";", "；", "、", "|"].map(String::from).to_vec()
}
fn default_currency() -> String {
    "CNY".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "name = \"m\"\nencoding = \"gbk\"\n\n[[document]]\nkind = \"receipt\"\n[document.fields]\noccurred_at = \"t\"\n\"data.lines[].quantity\" = \"n\"\n";

    fn refused(text: &str) -> MappingError {
        Mapping::from_toml("m.toml", text).unwrap_err()
    }

    /// A mapping's error names the line of the file, the section and the field it is about, and
    /// its reason as typed facts; its English words are as they were.
    #[test]
    fn errors_name_their_line_section_and_field() {
        assert!(Mapping::from_toml("m.toml", GOOD).is_ok());
        let e = refused(&GOOD.replace("\"receipt\"", "\"receit\""));
        assert_eq!(
            (e.line, e.document.clone(), e.field.clone()),
            (Some(5), Some((1, "receit".to_owned())), None)
        );
        assert_eq!(
            *e.reason,
            Reason::UnknownKind {
                kind: "receit".into()
            }
        );
        assert_eq!(
            e.to_string(),
            "m.toml: [[document]] 1 (`receit`): `kind`: no event kind `receit`"
        );
        let e = refused(&GOOD.replace("\"data.lines[]", "\"lines[]"));
        assert_eq!(
            (e.line, e.field.as_deref()),
            (Some(8), Some("lines[].quantity"))
        );
        assert_eq!(*e.reason, Reason::PathStart);
        let e = refused(&GOOD.replace("\"gbk\"", "\"klingon\""));
        assert_eq!(e.line, Some(2));
        assert_eq!(
            e.to_string(),
            "m.toml: `encoding`: unknown encoding `klingon`"
        );
        // The parser's own errors: the line of the span, the parser's explanation alone.
        let e = refused(&GOOD.replace("encoding", "encodin"));
        assert_eq!(e.line, Some(2));
        let Reason::Toml { detail, .. } = &*e.reason else {
            panic!("{e}")
        };
        assert!(detail.starts_with("unknown field `encodin`"), "{detail}");
        let e = refused(&GOOD.replace("occurred_at = \"t\"\n", ""));
        assert_eq!((e.line, &*e.reason), (Some(4), &Reason::OccurredAtUnmapped));
    }
}
