//! Value types shared by the events: money, currencies, parties, products, licences.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use crate::schema::NOT_BLANK;

/// Largest quantity one field may hold: 10^12 units. Far above any real line (more packs than
/// the whole country sells in a year), below 2^53 so that
/// every JSON reader (JavaScript, spreadsheets) holds it exactly, and small enough that the
/// engine's running totals stay exact for millions of such lines (they saturate beyond `i64`).
pub const MAX_QUANTITY: u64 = 1_000_000_000_000;

/// Largest amount one [`Money`] field may hold, and the largest value of a line (quantity × unit
/// price): 10^15 minor units (10 trillion CNY, several times the country's yearly drug sales), below
/// 2^53 for the same reason as [`MAX_QUANTITY`].
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

/// A text field of an event (a name, a document number, a code, a reason): a string that keeps
/// up to 24 bytes of UTF-8 inline, in the field itself, and only longer ones on the heap. Almost
/// every text of a ledger (product, batch, party and document numbers, codes, sensor names) fits,
/// so parsing an event allocates for its lists, not for each of its texts, and a copy kept by the
/// engine is a copy of the field. It derefs to `str` and converts from `&str` and `String`
/// (`"P001".into()`); it serialises and deserialises as a JSON string.
pub type Text = compact_str::CompactString;

/// Longest text field (a name, a document number, a code, a reason): 4,096 bytes of UTF-8
/// (1,365 Chinese characters at least).
pub const MAX_TEXT_BYTES: usize = 4096;

/// The default longest input line a reader accepts: 16 MiB, room for a receipt with some 600,000
/// scanned codes. Readers may take another limit as an option; the event format itself has none.
pub const MAX_LINE_BYTES: usize = 16 << 20;

/// The years an instant or a date of an event may fall in. Validation is a pure function of the
/// event (the same verdict at append, in `verify` and `check`, on any machine in any year), so the
/// window is fixed rather than taken from the clock: a mistyped year such as 0001, 2206 or 9999
/// is refused at append with the field named.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// An ISO 4217 currency code: three upper-case ASCII letters.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Renminbi.
    pub const CNY: Currency = Currency(*b"CNY");

    /// Parses a code such as `"CNY"`.
    pub fn new(code: &str) -> Option<Currency> {
        match code.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) => {
                Some(Currency([*a, *b, *c]))
            }
            _ => None,
        }
    }

    /// The code as a string.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Currency::new(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "currency {s:?} is not an ISO 4217 code (three upper-case letters, e.g. \"CNY\")"
            ))
        })
    }
}

/// An exact amount of money: integer minor units (fen for CNY) and a currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Amount in minor units of the currency, an integer (fen for CNY: 1 CNY = 100 fen), at most
    /// 10^15. Which amounts must be positive or may be zero is said at each field; none may be
    /// negative.
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = crate::MAX_AMOUNT)))]
    pub minor: i64,
    /// Currency: an ISO 4217 code (three upper-case letters), e.g. `CNY`.
    pub currency: Currency,
}

impl Money {
    /// An amount in CNY fen.
    pub const fn cny(minor: i64) -> Money {
        Money {
            minor,
            currency: Currency::CNY,
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        write!(f, "{sign}{}.{:02} {}", abs / 100, abs % 100, self.currency)
    }
}

/// What kind of organisation a party is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    /// Drug manufacturer (药品生产企业).
    Manufacturer,
    /// Wholesaler (药品批发企业).
    Wholesaler,
    /// Retail chain headquarters (零售连锁总部).
    RetailChain,
    /// Retail pharmacy (零售药店).
    RetailPharmacy,
    /// Hospital or other medical institution (医疗机构).
    MedicalInstitution,
    /// Centre for disease control (疾控中心).
    Cdc,
    /// A private individual (never a lawful wholesale customer).
    Individual,
    /// A carrier / third-party logistics provider.
    Carrier,
}

/// The party's relation to the ledger's owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The company that keeps this ledger.
    #[serde(rename = "self")]
    Owner,
    /// A supplier.
    Supplier,
    /// A customer.
    Customer,
    /// Both supplier and customer.
    Both,
    /// Anything else (carrier, regulator).
    Other,
}

/// Kind of licence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LicenceKind {
    /// 药品生产许可证.
    DrugManufacturing,
    /// 药品经营许可证 (批发).
    DrugWholesale,
    /// 药品经营许可证 (零售).
    DrugRetail,
    /// 医疗机构执业许可证.
    MedicalInstitution,
    /// Public health body (CDC).
    PublicHealth,
    /// Road transport / logistics licence.
    Transport,
}

/// A licence with its validity period (inclusive dates).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// Licence number as printed, e.g. `浙AA5710023`.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub number: Text,
    /// Kind of licence.
    pub kind: LicenceKind,
    /// First valid day (inclusive).
    pub valid_from: NaiveDate,
    /// Last valid day (inclusive); not before `valid_from`.
    pub valid_to: NaiveDate,
}

/// Product categories used both for a product and for a licensed scope (经营范围).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 化学药 (chemical drugs, incl. preparations).
    Chemical,
    /// 中成药.
    TcmPatent,
    /// 中药饮片.
    TcmPieces,
    /// 生物制品 (other than vaccines).
    Biological,
    /// 疫苗.
    Vaccine,
    /// 麻醉药品.
    Narcotic,
    /// 第一类精神药品.
    Psychotropic1,
    /// 第二类精神药品.
    Psychotropic2,
    /// 医疗用毒性药品.
    MedicalToxic,
    /// 放射性药品.
    Radioactive,
    /// 药品类易制毒化学品.
    Precursor,
    /// 含麻黄碱类复方制剂 (compound ephedrine preparations).
    CompoundEphedrine,
    /// 冷藏冷冻药品 (cold-chain storage and transport capability).
    ColdChain,
}

/// Special-control class of a product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ControlClass {
    /// Not specially controlled.
    None,
    /// 麻醉药品.
    Narcotic,
    /// 第一类精神药品.
    Psychotropic1,
    /// 第二类精神药品.
    Psychotropic2,
    /// 医疗用毒性药品.
    MedicalToxic,
    /// 放射性药品.
    Radioactive,
    /// 药品类易制毒化学品.
    Precursor,
    /// 含麻黄碱类复方制剂.
    CompoundEphedrine,
}

impl ControlClass {
    /// Narcotics, psychotropics, medical toxic and radioactive drugs and precursors: the classes
    /// with a dedicated custody chain.
    pub fn is_special(self) -> bool {
        matches!(
            self,
            ControlClass::Narcotic
                | ControlClass::Psychotropic1
                | ControlClass::Psychotropic2
                | ControlClass::MedicalToxic
                | ControlClass::Radioactive
                | ControlClass::Precursor
        )
    }

    /// Narcotics, psychotropics and precursors: the classes that may not be traded for cash
    /// (麻醉药品和精神药品管理条例 Art. 30; 易制毒化学品管理条例 Art. 20). Medical toxic and
    /// radioactive drugs have a custody chain but no such ban.
    pub fn no_cash(self) -> bool {
        matches!(
            self,
            ControlClass::Narcotic
                | ControlClass::Psychotropic1
                | ControlClass::Psychotropic2
                | ControlClass::Precursor
        )
    }
}

/// Storage class (GSP / Chinese Pharmacopoeia conditions), each with the inclusive temperature
/// range the engine applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StorageClass {
    /// 冷冻: −25 to −10 °C.
    Frozen,
    /// 冷藏: 2 to 8 °C.
    Cold,
    /// 阴凉: 0 to 20 °C (at most 20 °C).
    Cool,
    /// 常温: 10 to 30 °C.
    Ambient,
}

impl StorageClass {
    /// The class's temperature range in °C.
    pub fn range(self) -> TempRange {
        match self {
            StorageClass::Frozen => TempRange {
                min_c: -25.0,
                max_c: -10.0,
            },
            StorageClass::Cold => TempRange {
                min_c: 2.0,
                max_c: 8.0,
            },
            StorageClass::Cool => TempRange {
                min_c: 0.0,
                max_c: 20.0,
            },
            StorageClass::Ambient => TempRange {
                min_c: 10.0,
                max_c: 30.0,
            },
        }
    }
}

/// An inclusive temperature range in °C.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TempRange {
    /// Lowest allowed temperature in °C (inclusive).
    pub min_c: f64,
    /// Highest allowed temperature in °C (inclusive); at least `min_c`.
    pub max_c: f64,
}

/// A bank account registered for a party.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BankAccount {
    /// Bank and branch name.
    pub bank: Text,
    /// Account number, compared exactly with the `payer_account` / `payee_account` of payments.
    pub number: Text,
}

/// Designation of a party for special-control drugs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Designation {
    /// Designated manufacturer of narcotics / psychotropics.
    DesignatedManufacturer,
    /// National wholesaler (全国性批发企业).
    NationalWholesaler,
    /// Regional wholesaler (区域性批发企业).
    RegionalWholesaler,
    /// Retail pharmacy designated for class-2 psychotropics.
    DesignatedRetail,
    /// Medical institution holding a purchase-seal card (印鉴卡).
    SealCardHolder,
}

/// Special-control qualification of a party (麻醉药品和第一类精神药品 定点经营 or a medical institution's
/// purchase-seal card, 印鉴卡): checked when narcotics or class-1 psychotropics are bought or sold
/// (SPECIAL-CHANNEL). The format records no issuing authority and no start date: a designation
/// counts from its registration to `valid_to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Special {
    /// What the party is designated for (定点 / 印鉴卡).
    pub designation: Designation,
    /// Purchase-seal card number (印鉴卡编号), to be kept on file for a `seal_card_holder`
    /// medical institution that buys narcotics and class-1 psychotropics; a holder without it
    /// gets one SPECIAL-CARD (an incomplete record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal_card: Option<Text>,
    /// Last valid day of the designation or card (inclusive); from the next day the party counts as
    /// not designated.
    pub valid_to: NaiveDate,
}

/// The JSON Schema of an expiry label: a date, or a year and month.
#[cfg(feature = "schema")]
pub(crate) struct ExpiryLabel;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ExpiryLabel {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ExpiryLabel".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$",
            "description": "YYYY-MM-DD, or YYYY-MM for a label with month precision (the last day of that month)"
        })
    }
}

/// Deserializes an expiry date (有效期至): `YYYY-MM-DD`, or `YYYY-MM` for a label with month
/// precision, which is valid through the last day of that month (药品说明书和标签管理规定
/// Art. 23). The month form is stored as that last day.
pub(crate) fn expiry_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
    parse_expiry(&s).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "invalid expiry {s:?}: expected YYYY-MM-DD, or YYYY-MM for a month-precision label"
        ))
    })
}

/// The date `b` spells as `YYYY-MM-DD` in ASCII digits, if it is spelt so and there is such a
/// day.
pub(crate) fn fixed_date(b: &[u8]) -> Option<NaiveDate> {
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// Parses an expiry label: `YYYY-MM-DD`, or `YYYY-MM` meaning the last day of that month.
///
/// ```
/// use chrono::NaiveDate;
/// use rxledger_model::parse_expiry;
/// assert_eq!(parse_expiry("2027-06-14"), NaiveDate::from_ymd_opt(2027, 6, 14));
/// assert_eq!(parse_expiry("2027-06"), NaiveDate::from_ymd_opt(2027, 6, 30));
/// assert_eq!(parse_expiry("2028-02"), NaiveDate::from_ymd_opt(2028, 2, 29));
/// assert_eq!(parse_expiry("2027-13"), None);
/// ```
pub fn parse_expiry(s: &str) -> Option<NaiveDate> {
    if s.len() == 10 {
        // The usual spelling, four, two and two digits, read by position (chrono's parser reads
        // its format string on every call); anything else (and a day that does not exist) as
        // chrono reads it.
        if let Some(d) = fixed_date(s.as_bytes()) {
            return Some(d);
        }
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    }
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    let first_next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?;
    first_next?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// chrono's reading of a ten-character expiry, which `parse_expiry` read before its
    /// fixed-position path.
    fn chrono_date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn fixed_position_dates_read_as_chrono_reads_them() {
        for s in [
            "2027-06-14",
            "2028-02-29",
            "2027-02-29",
            "2027-13-01",
            "2027-00-10",
            "2027-04-31",
            "0000-01-01",
            "9999-12-31",
            "2027-6-014",
            "+2027-6-14",
            "2027/06/14",
            "２０２7-06-1",
        ] {
            if s.len() == 10 {
                assert_eq!(parse_expiry(s), chrono_date(s), "{s}");
            }
        }
    }

    proptest! {
        #[test]
        fn any_ten_characters_read_as_chrono_reads_them(s in "[0-9+ -]{10}") {
            prop_assert_eq!(parse_expiry(&s), chrono_date(&s));
        }

        #[test]
        fn any_digits_in_place_read_as_chrono_reads_them(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}") {
            prop_assert_eq!(parse_expiry(&s), chrono_date(&s));
        }

        #[test]
        fn any_date_reads_back(y in 0i32..=9999, ord in 1u32..=366) {
            if let Some(d) = NaiveDate::from_yo_opt(y, ord) {
                let s = d.format("%Y-%m-%d").to_string();
                prop_assert_eq!(parse_expiry(&s), Some(d));
            }
        }
    }
}
