//! Why an import was refused, as typed facts (the values verbatim) so that a program can say it
//! in a person's language; `Display` writes the English the errors have always had.

use std::fmt;

use crate::mapping::CellType;

/// What is wrong with a cell, a file, a mapping or an EPCIS event. The place (file, line,
/// sheet, column, field, event index) is in the error that carries the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// A spreadsheet error value (`#N/A`) in a cell.
    SpreadsheetError {
        /// The error value as the spreadsheet shows it.
        value: String,
    },
    /// A number cell of more than 15 digits, which a spreadsheet does not keep exactly.
    InexactNumber {
        /// The number as read.
        value: String,
    },
    /// A date cell with a time of day where a date is wanted.
    DateCellWithTime {
        /// The cell.
        cell: String,
    },
    /// A date cell where a number or yes/no is wanted.
    DateCellNot {
        /// The cell.
        cell: String,
        /// What the field wants.
        expected: CellType,
    },
    /// A local time that the zone skips.
    NotInZone {
        /// The cell.
        cell: String,
        /// The mapping's zone (an offset).
        zone: String,
    },
    /// Not a date in any of the formats.
    NotDate {
        /// The cell.
        cell: String,
        /// The mapping's `date_formats`.
        formats: Vec<String>,
    },
    /// Not an expiry date or month.
    NotExpiry {
        /// The cell.
        cell: String,
        /// The mapping's `date_formats`.
        formats: Vec<String>,
    },
    /// Not a date and time in any of the formats.
    NotInstant {
        /// The cell.
        cell: String,
        /// The mapping's `instant_formats`.
        formats: Vec<String>,
        /// The mapping's zone (an offset).
        zone: String,
    },
    /// Not a whole number.
    NotInteger {
        /// The cell.
        cell: String,
    },
    /// Not a number.
    NotNumber {
        /// The cell.
        cell: String,
    },
    /// Not an amount in yuan with at most two decimals.
    NotMoney {
        /// The cell.
        cell: String,
    },
    /// Not yes or no.
    NotBool {
        /// The cell.
        cell: String,
    },
    /// A value that the field's `map` does not list.
    NotMapped {
        /// The cell.
        cell: String,
        /// The values the map lists.
        known: Vec<String>,
    },
    /// A value of the `kind_column` that no `[[document]]` has as its `when`.
    NoDocument {
        /// The cell.
        value: String,
    },
    /// An empty document number (`group_by` column).
    EmptyDocumentNumber,
    /// A document's header field that differs between its rows.
    Differs {
        /// This row's value.
        got: String,
        /// The first row's value.
        want: String,
        /// The first row's line.
        first_line: u64,
        /// The document number.
        document: String,
    },
    /// A column the header does not have.
    NoColumn,
    /// A column the header has more than once (the mapping cannot tell which it means).
    SameColumn {
        /// The 1-based positions of the columns of that header.
        positions: Vec<u64>,
    },
    /// A required field with no value.
    Empty,
    /// The event the row makes is invalid: the model's explanation of the field.
    Invalid {
        /// The model's words.
        message: String,
        /// The model's typed problem, when it carries figures.
        problem: Option<Box<rxledger_model::Problem>>,
    },
    /// A CSV row with another number of cells than the header.
    UnequalLengths {
        /// Cells of the header (the previous record).
        expected: u64,
        /// Cells of this row.
        found: u64,
        /// A quote opened in this row is never closed: the rest of the file was read as one
        /// cell (the row count alone said nothing of the quote: attacker round 24).
        open_quote: bool,
        /// The CSV reader's words.
        message: String,
    },
    /// Broken CSV otherwise, in the CSV reader's words.
    Csv {
        /// The reader's words.
        message: String,
    },
    /// The mapping's `timezone` is not an offset.
    BadTimezone {
        /// The value.
        value: String,
    },
    /// The mapping's `encoding` is not one known.
    BadEncoding {
        /// The value.
        value: String,
    },
    /// Not an `.xlsx` workbook.
    NotXlsx {
        /// The reader's words.
        detail: String,
    },
    /// No sheet of that name.
    NoSheet {
        /// The sheet asked for.
        sheet: String,
        /// The workbook's sheets.
        names: Vec<String>,
    },
    /// A workbook without sheets.
    NoSheets,
    /// A sheet the reader cannot read.
    SheetUnreadable {
        /// The sheet.
        sheet: String,
        /// The reader's words.
        detail: String,
    },
    /// A sheet without cells.
    SheetEmpty {
        /// The sheet.
        sheet: String,
    },
    /// The mapping is not valid TOML or does not fit the mapping's shape.
    Toml {
        /// The parser's whole message (with the line it quotes).
        full: String,
        /// The parser's explanation alone.
        detail: String,
    },
    /// The mapping's `name` is blank.
    BlankName,
    /// The mapping has no `[[document]]` section.
    NoSection,
    /// Several sections without `kind_column`.
    NeedKindColumn,
    /// A section's `kind` that is no event kind.
    UnknownKind {
        /// The value.
        kind: String,
    },
    /// A section without `when` while the mapping has a `kind_column`.
    WhenRequired,
    /// `group_by` is an empty list.
    GroupByEmpty,
    /// A field path that starts elsewhere than the event's fields.
    PathStart,
    /// A field path with more than one `[]`.
    OneBracket,
    /// A field path with an empty segment.
    EmptySegment,
    /// A field source with not exactly one of `column`, `value` and `sum`.
    OneSource,
    /// A section that does not map `occurred_at`.
    OccurredAtUnmapped,
    /// An EPCIS document without `epcisBody.eventList`.
    NoEventList,
    /// `ignoreFields` leaves out of the event hash a field rxledger imports.
    HashIgnores {
        /// The ignored field.
        ignored: String,
    },
    /// The event's `eventID` is not its CBV 2.0 hash: the event was changed.
    HashMismatch {
        /// The `eventID`.
        id: String,
        /// The event's hash.
        computed: String,
    },
    /// A partner's event and no `--recorded-by`.
    NoRecorder,
    /// A partner's event that is not an `ObjectEvent`.
    NotObjectEvent,
    /// A partner's shipping event.
    PartnerShipping,
    /// A partner's event of another business step than receiving.
    PartnerStep {
        /// The business step.
        step: String,
    },
    /// `ilmd` on an OBSERVE event.
    IlmdNotAdd,
    /// A receiving neither OBSERVE nor ADD with `ilmd`.
    ReceivingAction,
    /// A partner's receipt and no `--acceptor`.
    NoAcceptor,
    /// Not exactly one receipt number.
    ReceiptNumbers {
        /// How many the event has.
        count: u64,
    },
    /// Not exactly one supplier.
    Suppliers {
        /// How many the event has.
        count: u64,
    },
    /// `ilmd` that is not an object.
    IlmdNotObject,
    /// An `ilmd` member that is not a non-empty string.
    NotText {
        /// The value as JSON.
        value: String,
    },
    /// An `ilmd` date that is not `YYYY-MM-DD`.
    IlmdNotDate {
        /// The value.
        value: String,
    },
    /// A lot or date of `ilmd` that differs from the one of the epcClass.
    IlmdDiffers {
        /// The `ilmd` value.
        value: String,
        /// Which value.
        part: LotPart,
        /// The epcClass value.
        class_value: String,
    },
    /// No `quantityList`.
    NoQuantityList,
    /// `ilmd` with several `quantityList` entries.
    IlmdAmbiguous,
    /// `epcList` with several `quantityList` entries.
    EpcListAmbiguous,
    /// A malformed EPC URN.
    MalformedEpc {
        /// The URN.
        uri: String,
        /// Why.
        error: Box<crate::epc::EpcError>,
    },
    /// A code that is not an SGTIN.
    NotSgtin {
        /// The code.
        uri: String,
    },
    /// An epcClass that is not a GTIN with its lot.
    NotLgtin,
    /// A GTIN with a wrong check digit.
    GtinCheckDigit {
        /// The GTIN.
        gtin: String,
    },
    /// No lot in the epcClass nor in `ilmd`.
    NoLot,
    /// No production or expiry date in the epcClass nor in `ilmd`.
    NoDate {
        /// Which date.
        part: LotPart,
    },
    /// A unit of measure other than H87.
    NotPieces {
        /// The unit.
        uom: String,
    },
    /// A quantity that is not a whole number.
    NotWhole,
    /// The supplier (`owning_party`) is not a party URN nor a GLN.
    SupplierNotParty,
    /// No warehouse location in `bizLocation`.
    NoLocation,
    /// A sensor id without its prefix.
    NotSensorId {
        /// The prefix (`urn:rxledger:sensor:`).
        prefix: String,
    },
    /// Bad percent-encoding in a URN.
    BadPercent,
    /// A sensor event with neither a zone nor a vehicle.
    NoPlace,
    /// A member that is missing.
    Missing,
    /// A sensor reading that is not a number.
    NotANumber,
    /// A temperature in another unit than CEL.
    NotCelsius {
        /// The unit.
        uom: String,
    },
    /// A humidity in another unit than P1.
    NotPercent {
        /// The unit.
        uom: String,
    },
    /// A humidity without the temperature of its time.
    HumidityAlone,
    /// A sensor report of another type than temperature or humidity.
    NotSensorType {
        /// The type.
        ty: String,
    },
    /// A business transaction that is not the event's own document.
    NotOwnDocument,
    /// A packing event whose action is neither ADD nor DELETE.
    NotPackAction {
        /// The action.
        action: String,
    },
    /// Not a traceability code.
    NotCode,
    /// Not an RFC 3339 instant.
    NotRfc3339,
    /// `rxl:event.data` missing on an event's first line.
    NoData,
    /// A list without an `owning_party`.
    NoOwningParty,
    /// A kind that rxledger does not export.
    NotExportedKind {
        /// The kind.
        kind: String,
    },
    /// An empty list.
    EmptyList,
    /// An epcClass that is not a product batch.
    NotBatchClass,
    /// The event an EPCIS event makes is not an event, other than in one field.
    Event {
        /// The model's error.
        error: Box<rxledger_model::EventError>,
    },
}

/// The lot, production date or expiry date of a receipt line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LotPart {
    /// The lot (`/10/`, `cbvmda:lotNumber`).
    Lot,
    /// The production date (`11`, `cbvmda:productionDate`).
    Production,
    /// The expiry date (`17`, `cbvmda:itemExpirationDate`).
    Expiry,
}

impl LotPart {
    /// The English words.
    pub fn words(self) -> &'static str {
        match self {
            LotPart::Lot => "lot",
            LotPart::Production => "production date",
            LotPart::Expiry => "expiry date",
        }
    }

    /// The Digital Link attribute of the date.
    pub fn ai(self) -> &'static str {
        match self {
            LotPart::Lot => "10",
            LotPart::Production => "11",
            LotPart::Expiry => "17",
        }
    }

    /// The `ilmd` member.
    pub fn ilmd_key(self) -> &'static str {
        match self {
            LotPart::Lot => "cbvmda:lotNumber",
            LotPart::Production => "cbvmda:productionDate",
            LotPart::Expiry => "cbvmda:itemExpirationDate",
        }
    }
}

/// `a, b, c`.
fn list(v: &[String]) -> String {
    v.join(", ")
}

/// `` `a`, `b` ``.
fn quoted(v: &[String]) -> String {
    let q: Vec<String> = v.iter().map(|n| format!("`{n}`")).collect();
    q.join(", ")
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Reason as R;
        match self {
            R::SpreadsheetError { value } => {
                write!(f, "the cell holds the spreadsheet error `{value}`")
            }
            R::InexactNumber { value } => write!(
                f,
                "`{value}` is a number cell of more than 15 digits, which a spreadsheet does not \
                 keep exactly: store codes and document numbers as text cells"
            ),
            R::DateCellWithTime { cell } => {
                write!(f, "`{cell}` is a date cell with a time of day, not a date")
            }
            R::DateCellNot { cell, expected } => {
                write!(f, "`{cell}` is a date cell, not {}", expected.expected())
            }
            R::NotInZone { cell, zone } => write!(f, "`{cell}` does not exist in {zone}"),
            R::NotDate { cell, formats } => write!(f, "`{cell}` is not a date ({})", list(formats)),
            R::NotExpiry { cell, formats } => write!(
                f,
                "`{cell}` is not an expiry date or month ({}, or YYYY-MM)",
                list(formats)
            ),
            R::NotInstant {
                cell,
                formats,
                zone,
            } => write!(
                f,
                "`{cell}` is not a date and time ({}, in {zone})",
                list(formats)
            ),
            R::NotInteger { cell } => write!(f, "`{cell}` is not a whole number of 0 or more"),
            R::NotNumber { cell } => write!(f, "`{cell}` is not a number"),
            R::NotMoney { cell } => {
                write!(f, "`{cell}` is not an amount (yuan, at most two decimals)")
            }
            R::NotBool { cell } => write!(
                f,
                "`{cell}` is not yes or no (是/否, Y/N, true/false, 1/0)"
            ),
            R::NotMapped { cell, known } => {
                write!(f, "`{cell}` is not one of {}", list(known))
            }
            R::NoDocument { value } => write!(
                f,
                "`{value}` is the `when` of no [[document]] of the mapping"
            ),
            R::EmptyDocumentNumber => f.write_str("the document number is empty"),
            R::Differs {
                got,
                want,
                first_line,
                document,
            } => write!(
                f,
                "`{got}` differs from `{want}` on line {first_line}, the first row of document `{document}`"
            ),
            R::NoColumn => f.write_str("no such column in the header"),
            R::SameColumn { positions } => write!(
                f,
                "the header has this column {} times (columns {}): the mapping cannot tell which it means",
                positions.len(),
                positions.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")
            ),
            R::Empty => f.write_str("is empty"),
            R::Invalid { message, .. }
            | R::UnequalLengths { message, .. }
            | R::Csv { message } => f.write_str(message),
            R::BadTimezone { value } => {
                write!(f, "`timezone`: `{value}` is not an offset such as +08:00")
            }
            R::BadEncoding { value } => write!(f, "`encoding`: unknown encoding `{value}`"),
            R::NotXlsx { detail } => write!(f, "not a readable .xlsx workbook ({detail})"),
            R::NoSheet { sheet, names } => write!(
                f,
                "no sheet `{sheet}` (the workbook has {})",
                quoted(names)
            ),
            R::NoSheets => f.write_str("the workbook has no sheet"),
            R::SheetUnreadable { sheet, detail } => write!(f, "sheet `{sheet}`: {detail}"),
            R::SheetEmpty { sheet } => write!(f, "sheet `{sheet}` is empty"),
            R::Toml { full, .. } => f.write_str(full),
            R::BlankName => f.write_str("`name` must not be blank"),
            R::NoSection => f.write_str("no [[document]] section"),
            R::NeedKindColumn => f.write_str(
                "several [[document]] sections need `kind_column` (and a `when` in each)",
            ),
            R::UnknownKind { kind } => write!(f, "`kind`: no event kind `{kind}`"),
            R::WhenRequired => f.write_str("`when` is required with `kind_column`"),
            R::GroupByEmpty => f.write_str("`group_by` names no column"),
            R::PathStart => f.write_str(
                "must start with `occurred_at`, `entered_at`, `recorded_by`, `refs.` or `data.`",
            ),
            R::OneBracket => f.write_str("at most one `[]` per path"),
            R::EmptySegment => f.write_str("empty path segment"),
            R::OneSource => f.write_str("give exactly one of `column`, `value` and `sum`"),
            R::OccurredAtUnmapped => f.write_str("field `occurred_at` is not mapped"),
            R::NoEventList => f.write_str("no `epcisBody.eventList`"),
            R::HashIgnores { ignored } => write!(
                f,
                "the document's `ignoreFields` leaves `{ignored}` out of the CBV 2.0 hash, but rxledger imports that field: the hash could not show a change to it"
            ),
            R::HashMismatch { id, computed } => write!(
                f,
                "`{id}` is not the event's CBV 2.0 hash (the event hashes to `{computed}`): the event was changed after its id was computed"
            ),
            R::NoRecorder => f.write_str(
                "missing, and no recorder given for events of other systems (`--recorded-by`)",
            ),
            R::NotObjectEvent => f.write_str("only ObjectEvents of other systems are imported"),
            R::PartnerShipping => f.write_str(
                "`shipping` of another system is not imported: a dispatch needs the consignee and the delivery address, which EPCIS does not carry",
            ),
            R::PartnerStep { step } => write!(
                f,
                "`{step}` of another system is not imported (only `receiving`)"
            ),
            R::IlmdNotAdd => f.write_str("EPCIS 2.0 allows `ilmd` only with action ADD"),
            R::ReceivingAction => {
                f.write_str("a receiving must be OBSERVE (or ADD with the lot's `ilmd`)")
            }
            R::NoAcceptor => f.write_str(
                "a receipt needs its acceptors, which EPCIS does not carry: name them with `--acceptor NAME`",
            ),
            R::ReceiptNumbers { count } => write!(
                f,
                "{count} entries of type `recadv` (the receipt's number): exactly one is needed"
            ),
            R::Suppliers { count } => write!(
                f,
                "{count} `owning_party` entries (the supplier): exactly one is needed"
            ),
            r => r.fmt_partner(f),
        }
    }
}

impl Reason {
    /// The English of a partner's receiving that does not map to a receipt line.
    fn fmt_partner(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Reason as R;
        match self {
            R::IlmdNotObject => f.write_str("not an object"),
            R::NotText { value } => write!(f, "`{value}` is not a non-empty string"),
            R::IlmdNotDate { value } => write!(f, "`{value}` is not a date (YYYY-MM-DD)"),
            R::IlmdDiffers {
                value,
                part,
                class_value,
            } => write!(
                f,
                "`{value}` differs from the {} `{class_value}` of `quantityList[0].epcClass`",
                part.words()
            ),
            R::NoQuantityList => f.write_str("missing (the batch and quantity of each line)"),
            R::IlmdAmbiguous => f.write_str("with several `quantityList` entries, which line the lot's master data belongs to is ambiguous"),
            R::EpcListAmbiguous => f.write_str("with several `quantityList` entries, which line a code belongs to is ambiguous"),
            R::MalformedEpc { uri, error } => write!(f, "`{uri}`: {error}"),
            R::NotSgtin { uri } => write!(f, "`{uri}` is not an SGTIN (Digital Link /01/…/21/… or urn:epc:id:sgtin:)"),
            R::NotLgtin => f.write_str("not a GTIN with its lot (Digital Link /01/…/10/… or urn:epc:class:lgtin:, or a GTIN with `ilmd` `cbvmda:lotNumber`)"),
            R::GtinCheckDigit { gtin } => write!(f, "GTIN `{gtin}` has a wrong check digit"),
            R::NoLot => f.write_str("no lot (Digital Link `/10/…` or `ilmd` `cbvmda:lotNumber`)"),
            R::NoDate { part } => write!(
                f,
                "no {} (Digital Link attribute `{}=YYMMDD` or `ilmd` `{}`)",
                part.words(),
                part.ai(),
                part.ilmd_key()
            ),
            R::NotPieces { uom } => write!(f, "`{uom}` is not H87 (pieces: minimum sale units)"),
            R::NotWhole => f.write_str("not a whole number"),
            R::SupplierNotParty => f.write_str("field `sourceList` (`owning_party`): not `urn:rxledger:party:` nor a GLN"),
            R::NoLocation => f.write_str("missing or not `urn:rxledger:loc:` (the warehouse location)"),
            R::NotSensorId { prefix } => write!(f, "not a {prefix} id"),
            R::BadPercent => f.write_str("bad percent-encoding"),
            R::NoPlace => f.write_str("missing (a zone, or a vehicle as `readPoint`)"),
            R::Missing => f.write_str("missing"),
            R::NotANumber => f.write_str("not a number"),
            R::NotCelsius { uom } => write!(f, "`{uom}` is not CEL (degrees Celsius)"),
            R::NotPercent { uom } => write!(f, "`{uom}` is not P1 (percent)"),
            R::HumidityAlone => f.write_str("a humidity without the temperature of its time"),
            R::NotSensorType { ty } => write!(
                f,
                "`{ty}` is neither gs1:Temperature nor gs1:RelativeHumidity"
            ),
            R::NotOwnDocument => f.write_str("not the event's own document"),
            R::NotPackAction { action } => write!(
                f,
                "`{action}` is neither ADD (packing) nor DELETE (unpacking)"
            ),
            R::NotCode => {
                f.write_str("not a code (Digital Link /01/…/21/… or urn:rxledger:code:)")
            }
            R::NotRfc3339 => f.write_str("not an RFC 3339 instant"),
            R::NoData => f.write_str("missing on the event's first line"),
            R::NoOwningParty => f.write_str("no owning_party"),
            R::NotExportedKind { kind } => write!(f, "`{kind}` is not an exported kind"),
            R::EmptyList => f.write_str("empty"),
            R::NotBatchClass => f.write_str(
                "not a product batch (Digital Link /01/…/10/… or urn:rxledger:class:)",
            ),
            R::Event { error } => write!(f, "{error}"),
            other => unreachable!("written by Display: {other:?}"),
        }
    }
}

/// A reason about one field (of an EPCIS event): the field, when the reason names one, and what
/// is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Why {
    pub(crate) field: Option<String>,
    pub(crate) reason: Reason,
}

impl Why {
    /// `reason` about `field`.
    pub(crate) fn at(field: &str, reason: Reason) -> Self {
        Why {
            field: Some(field.to_owned()),
            reason,
        }
    }
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "field `{field}`: {}", self.reason),
            None => write!(f, "{}", self.reason),
        }
    }
}
