//! The mapping file (TOML): how the columns of one ERP export layout fill the fields of events.
//! The reference, with an example, is `docs/import.md`.

use std::collections::BTreeMap;

use chrono::FixedOffset;
use serde::Deserialize;

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
    /// The column whose value groups rows into one document (the document number): each row is
    /// then one line of `data.lines` (or of any `[]` field). Without it, each row is one event.
    pub group_by: Option<String>,
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

/// Why a mapping file was refused.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct MappingError {
    /// The mapping file.
    pub file: String,
    /// What is wrong (naming the section and field).
    pub message: String,
}

impl Mapping {
    /// Parses and checks a mapping file.
    pub fn from_toml(file: &str, text: &str) -> Result<Mapping, MappingError> {
        let err = |message: String| MappingError {
            file: file.to_owned(),
            message,
        };
        let m: Mapping = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        if m.name.trim().is_empty() {
            return Err(err("`name` must not be blank".into()));
        }
        if m.documents.is_empty() {
            return Err(err("no [[document]] section".into()));
        }
        if m.documents.len() > 1 && m.kind_column.is_none() {
            return Err(err(
                "several [[document]] sections need `kind_column` (and a `when` in each)".into(),
            ));
        }
        m.timezone_offset().map_err(err)?;
        m.encoding().map_err(err)?;
        for (i, d) in m.documents.iter().enumerate() {
            let at = format!("[[document]] {} (`{}`)", i + 1, d.kind);
            if rxledger_model::Kind::parse(&d.kind).is_none() {
                return Err(err(format!("{at}: `kind`: no event kind `{}`", d.kind)));
            }
            if m.kind_column.is_some() && d.when.values().is_empty() {
                return Err(err(format!("{at}: `when` is required with `kind_column`")));
            }
            for (path, src) in &d.fields {
                check_path(path).map_err(|e| err(format!("{at}: field `{path}`: {e}")))?;
                check_source(src).map_err(|e| err(format!("{at}: field `{path}`: {e}")))?;
            }
            if !d.fields.contains_key("occurred_at") {
                return Err(err(format!("{at}: field `occurred_at` is not mapped")));
            }
        }
        Ok(m)
    }

    /// The time zone offset.
    pub fn timezone_offset(&self) -> Result<FixedOffset, String> {
        self.timezone.parse::<FixedOffset>().map_err(|_| {
            format!(
                "`timezone`: `{}` is not an offset such as +08:00",
                self.timezone
            )
        })
    }

    /// The encoding.
    pub fn encoding(&self) -> Result<&'static encoding_rs::Encoding, String> {
        encoding_rs::Encoding::for_label(self.encoding.trim().as_bytes())
            .ok_or_else(|| format!("`encoding`: unknown encoding `{}`", self.encoding))
    }
}

fn check_path(path: &str) -> Result<(), String> {
    let top = path.split('.').next().unwrap_or_default();
    if !matches!(
        top,
        "occurred_at" | "entered_at" | "recorded_by" | "refs" | "data"
    ) {
        return Err(
            "must start with `occurred_at`, `entered_at`, `recorded_by`, `refs.` or `data.`".into(),
        );
    }
    if path.matches("[]").count() > 1 {
        return Err("at most one `[]` per path".into());
    }
    if path.split('.').any(|s| s.is_empty() || s == "[]") {
        return Err("empty path segment".into());
    }
    Ok(())
}

fn check_source(src: &Source) -> Result<(), String> {
    let Source::Spec(s) = src else {
        return Ok(());
    };
    let given = usize::from(s.column.is_some())
        + usize::from(s.value.is_some())
        + usize::from(s.sum.is_some());
    if given != 1 {
        return Err("give exactly one of `column`, `value` and `sum`".into());
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
