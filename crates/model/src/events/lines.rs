//! The lines of the event kinds (one product and batch each), their transport details and
//! temperature samples.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::types::Text;

#[cfg(feature = "schema")]
use crate::schema::NOT_BLANK;
use crate::types::Money;

use super::{is_false, Quality};

/// One line of a purchase order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PurchaseLine {
    /// Product code, as registered by `product_registered`.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub product: Text,
    /// Quantity ordered, in minimum sale units (the product's `unit`).
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = crate::MAX_QUANTITY)))]
    pub quantity: u64,
    /// Price per minimum sale unit; not negative.
    pub unit_price: Money,
}

/// Transport details of an arriving or departing shipment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transport {
    /// Vehicle or container id: the `vehicle` of the `temperature_reading` events that cover the
    /// trip.
    pub vehicle: Text,
    /// When the goods left the sender. For cold-chain goods the vehicle's readings must cover this
    /// instant to the receipt's `occurred_at` (CC-RECEIPT): a reading within
    /// `transport_gap_minutes` beyond either end proves that end covered, but only the readings
    /// from `shipped_at` to `occurred_at` are judged against the range (the logger may pre-cool
    /// before and run on through unloading after).
    #[serde(
        deserialize_with = "crate::instant::deserialize",
        serialize_with = "crate::instant::serialize"
    )]
    pub shipped_at: DateTime<Utc>,
    /// Temperature-controlled transport (冷藏车, 保温箱). Cold-chain goods accepted from a transport
    /// without it fail CC-RECEIPT.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cold_chain: bool,
}

/// One line of a receipt with acceptance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReceiptLine {
    /// Product code, as registered by `product_registered`.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub product: Text,
    /// Batch number (批号), as printed on the pack.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub batch: Text,
    /// Production date (生产日期).
    pub production_date: NaiveDate,
    /// Expiry date: the last day of validity (有效期至), the last day the batch may be used; must
    /// be after `production_date`. A dispatch after this day is EXPIRED. A label with month
    /// precision (`2027-06`) means the last day of that month and is stored as that date.
    #[serde(deserialize_with = "crate::types::expiry_date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::types::ExpiryLabel"))]
    pub expiry: NaiveDate,
    /// Quantity that arrived, in minimum sale units (the product's `unit`); at least 1, and exactly
    /// `accepted + rejected`.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = crate::MAX_QUANTITY)))]
    pub arrived: u64,
    /// Quantity that passed acceptance (合格); it enters stock at `location`.
    #[cfg_attr(feature = "schema", schemars(range(max = crate::MAX_QUANTITY)))]
    pub accepted: u64,
    /// Quantity rejected (拒收).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(range(max = crate::MAX_QUANTITY)))]
    pub rejected: u64,
    /// Why goods were rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_reason: Option<Text>,
    /// Location where the accepted goods are placed (normally the receiving area, e.g. `RCV`).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub location: Text,
    /// Traceability codes scanned on arrival: no more different codes than `arrived`; for
    /// special-control products one unit code per accepted unit, and at most one per unit that
    /// arrived (rejected units may be scanned too) (SPECIAL-CHAIN). When more units are listed
    /// than accepted, which were rejected is not recorded: all are taken to be at `location`, and
    /// one of them received again before it moved is not a unit received twice (CODE-DUP).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(inner(pattern(NOT_BLANK))))]
    pub codes: Vec<Text>,
}

/// A quantity of one batch moved between locations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MoveLine {
    /// Product code, as registered by `product_registered`.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub product: Text,
    /// Batch number (批号), as printed on the pack.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub batch: Text,
    /// Quantity moved, in minimum sale units (the product's `unit`); at least 1.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = crate::MAX_QUANTITY)))]
    pub quantity: u64,
    /// Source location.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub from: Text,
    /// Destination location (a `zone_registered` zone, where storage temperatures matter).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub to: Text,
    /// Traceability codes of the units moved (20-digit 追溯码 or GS1 element strings; a case or
    /// middle-pack code packed by `aggregation` stands for its units). No more different codes than
    /// `quantity`; for special-control products exactly one unit code per unit (SPECIAL-CHAIN:
    /// `control` `narcotic`, `psychotropic1`, `psychotropic2`, `medical_toxic`, `radioactive` or
    /// `precursor`; not `compound_ephedrine`, whose sales are watched by other rules).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(inner(pattern(NOT_BLANK))))]
    pub codes: Vec<Text>,
}

/// One line of a sale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SaleLine {
    /// Product code, as registered by `product_registered`.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub product: Text,
    /// Batch number (批号), as printed on the pack.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub batch: Text,
    /// Expiry of the batch, as on the sale; the outbound review must agree with it.
    /// `YYYY-MM` means the last day of that month.
    #[serde(deserialize_with = "crate::types::expiry_date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::types::ExpiryLabel"))]
    pub expiry: NaiveDate,
    /// Quantity sold, in minimum sale units (the product's `unit`); at least 1.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = crate::MAX_QUANTITY)))]
    pub quantity: u64,
    /// Price per minimum sale unit; not negative.
    pub unit_price: Money,
}

/// One line of an outbound review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewLine {
    /// Product code, as registered by `product_registered`.
    pub product: Text,
    /// Batch number (批号), as printed on the pack.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub batch: Text,
    /// Expiry found on the goods; must equal the batch's expiry on receipt and on the sale
    /// (OUT-REV). `YYYY-MM` means the last day of that month.
    #[serde(deserialize_with = "crate::types::expiry_date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::types::ExpiryLabel"))]
    pub expiry: NaiveDate,
    /// Quantity reviewed, in minimum sale units (the product's `unit`); at least 1.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = crate::MAX_QUANTITY)))]
    pub quantity: u64,
    /// Quality status found; only `ok` quantities count as reviewed fit for dispatch.
    pub quality: Quality,
}

/// One line of goods leaving a location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OutLine {
    /// Product code, as registered by `product_registered`.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub product: Text,
    /// Batch number (批号), as printed on the pack.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub batch: Text,
    /// Quantity leaving, in minimum sale units (the product's `unit`); at least 1.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = crate::MAX_QUANTITY)))]
    pub quantity: u64,
    /// Location the goods leave.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub from: Text,
    /// Traceability codes of the units leaving (20-digit 追溯码 or GS1 element strings; a pack code
    /// packed by `aggregation` stands for its units). No more different codes than `quantity`; for
    /// special-control products exactly one unit code per unit (SPECIAL-CHAIN: `control`
    /// `narcotic`, `psychotropic1`, `psychotropic2`, `medical_toxic`, `radioactive` or
    /// `precursor`; not `compound_ephedrine`, whose sales are watched by other rules), on a
    /// `dispatch`, `supplier_return` or `destruction`; a `loss_report` lists the codes of the
    /// units it can name (units lost or stolen may not be identified when the loss must be
    /// reported).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(inner(pattern(NOT_BLANK))))]
    pub codes: Vec<Text>,
}

/// One line of goods coming back in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InLine {
    /// Product code, as registered by `product_registered`.
    pub product: Text,
    /// Batch number (批号), as printed on the pack.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub batch: Text,
    /// Quantity returned, in minimum sale units (the product's `unit`); at least 1.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = crate::MAX_QUANTITY)))]
    pub quantity: u64,
    /// Location the goods go to (normally the returns or quarantine area).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub to: Text,
    /// Traceability codes of the units returned: no more different codes than `quantity`, and for
    /// special-control products exactly one unit code per unit (SPECIAL-CHAIN); each must have
    /// been shipped from this ledger (CODE-UNKNOWN).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(inner(pattern(NOT_BLANK))))]
    pub codes: Vec<Text>,
}

/// One line of a stock count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CountLine {
    /// Product code, as registered by `product_registered`.
    pub product: Text,
    /// Batch number (批号), as printed on the pack.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub batch: Text,
    /// Quantity found, in minimum sale units (the product's `unit`) (0 allowed).
    #[cfg_attr(feature = "schema", schemars(range(max = crate::MAX_QUANTITY)))]
    pub counted: u64,
}

/// One line of an invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InvoiceLine {
    /// Product code, as registered by `product_registered`.
    pub product: Text,
    /// Quantity invoiced, in minimum sale units (the product's `unit`); at least 1. On a credit
    /// note: the quantity credited, or 0 for a price reduction (折让) of `amount` alone, with
    /// `unit_price` 0 (no goods returned, no quantity credited).
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = crate::MAX_QUANTITY)))]
    pub quantity: u64,
    /// Price per minimum sale unit, tax included; not negative; in the currency of `total`.
    pub unit_price: Money,
    /// Line amount, in the currency of `total`: `quantity × unit_price`, to within the rounding
    /// of a unit price printed with more decimals than fen (at most ⌈`quantity` / 2⌉ minor units
    /// apart); write the amount as printed and the unit price rounded to fen.
    pub amount: Money,
}

/// One temperature / humidity sample.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// When the sample was taken.
    #[serde(
        deserialize_with = "crate::instant::deserialize",
        serialize_with = "crate::instant::serialize"
    )]
    pub at: DateTime<Utc>,
    /// Temperature in °C, between -100 and 100.
    #[cfg_attr(feature = "schema", schemars(range(min = -100, max = 100)))]
    pub celsius: f64,
    /// Relative humidity in % (0 to 100). Recorded; no rule reads it at present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 100)))]
    pub humidity: Option<f64>,
}
