//! The payload structs of every event kind (the `data` object of an event).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::types::{
    BankAccount, Category, ControlClass, Licence, Money, PartyKind, Relation, Special,
    StorageClass, TempRange,
};

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !*b
}

/// `party_registered`: master data of a supplier, customer or the ledger's owner (首营企业).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyRegistered {
    /// Stable party id used by other events (e.g. the unified social credit code).
    pub party: String,
    /// Registered name.
    pub name: String,
    /// Kind of organisation.
    pub kind: PartyKind,
    /// Relation to the ledger's owner.
    pub relation: Relation,
    /// Licence (required for every kind except individuals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<Licence>,
    /// Licensed scope (经营范围 / 生产范围).
    #[serde(default)]
    pub scope: Vec<Category>,
    /// Registered bank accounts.
    #[serde(default)]
    pub accounts: Vec<BankAccount>,
    /// Province, e.g. `浙江`.
    pub province: String,
    /// Registered (licensed) address.
    pub address: String,
    /// Special-control designation, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<Special>,
    /// A public (state-run) hospital, subject to the two-invoice rule.
    #[serde(default, skip_serializing_if = "is_false")]
    pub public_hospital: bool,
}

/// `licence_changed`: a licence renewed or changed; replaces the given fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicenceChanged {
    /// The party.
    pub party: String,
    /// The new licence.
    pub licence: Licence,
    /// New scope, if it changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Vec<Category>>,
    /// New bank accounts, if they changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts: Option<Vec<BankAccount>>,
    /// New special-control designation, if it changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<Special>,
    /// Why.
    pub reason: String,
}

/// `product_registered`: product master data (首营品种).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductRegistered {
    /// Product code (药品本位码 or GTIN), used by other events.
    pub product: String,
    /// Generic name (通用名), e.g. `盐酸吗啡注射液`.
    pub generic_name: String,
    /// Dosage form (剂型).
    pub form: String,
    /// Specification (规格).
    pub spec: String,
    /// Manufacturer (party id or registered name).
    pub manufacturer: String,
    /// Approval number (批准文号), e.g. `国药准字H20003456`.
    pub approval_number: String,
    /// Category for licensed-scope checks.
    pub category: Category,
    /// Special-control class.
    pub control: ControlClass,
    /// Storage class.
    pub storage: StorageClass,
    /// Explicit storage range, when narrower than the class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temp_range: Option<TempRange>,
    /// Prescription-only.
    pub rx: bool,
    /// A vaccine.
    #[serde(default, skip_serializing_if = "is_false")]
    pub vaccine: bool,
    /// Minimum sale unit (最小销售单元), e.g. `盒`.
    pub unit: String,
}

/// One line of a purchase order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurchaseLine {
    /// Product code.
    pub product: String,
    /// Quantity in minimum sale units.
    pub quantity: u64,
    /// Unit price.
    pub unit_price: Money,
}

/// `purchase`: a purchase order / purchase ledger entry (GSP Art. 68).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Purchase {
    /// Purchase order number.
    pub doc: String,
    /// Supplier party id.
    pub supplier: String,
    /// Lines.
    pub lines: Vec<PurchaseLine>,
}

/// Transport details of an arriving or departing shipment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transport {
    /// Vehicle or container id (binds temperature readings).
    pub vehicle: String,
    /// When the goods left the sender.
    pub shipped_at: DateTime<Utc>,
    /// Temperature-controlled transport.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cold_chain: bool,
}

/// One line of a receipt with acceptance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiptLine {
    /// Product code.
    pub product: String,
    /// Batch (批号).
    pub batch: String,
    /// Production date.
    pub production_date: NaiveDate,
    /// Expiry date (有效期至): the last day the batch may be used. A label with month precision
    /// (`"2027-06"`) means the last day of that month and is stored as that date.
    #[serde(deserialize_with = "crate::types::expiry_date")]
    pub expiry: NaiveDate,
    /// Quantity that arrived.
    pub arrived: u64,
    /// Quantity accepted (合格).
    pub accepted: u64,
    /// Quantity rejected (拒收).
    #[serde(default)]
    pub rejected: u64,
    /// Why goods were rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_reason: Option<String>,
    /// Location where the accepted goods are placed (e.g. the receiving area).
    pub location: String,
    /// Traceability codes scanned on arrival.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

/// `receipt`: goods arrive and pass (or fail) quality acceptance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// Receiving / acceptance record number.
    pub doc: String,
    /// Supplier party id.
    pub supplier: String,
    /// Lines.
    pub lines: Vec<ReceiptLine>,
    /// Acceptors (two different people for special-control drugs).
    pub acceptors: Vec<String>,
    /// Transport details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<Transport>,
}

/// A quantity of one batch moved between locations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoveLine {
    /// Product code.
    pub product: String,
    /// Batch.
    pub batch: String,
    /// Quantity.
    pub quantity: u64,
    /// Source location.
    pub from: String,
    /// Destination location.
    pub to: String,
    /// Traceability codes moved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

/// `put_away`: accepted goods moved from receiving into storage (入库).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PutAway {
    /// Put-away record number.
    pub doc: String,
    /// Lines.
    pub lines: Vec<MoveLine>,
}

/// Why stock was transferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferReason {
    /// Ordinary relocation (移库).
    Relocation,
    /// Moved into quarantine / locked (质量锁定).
    Quarantine,
    /// Released from quarantine after re-acceptance.
    Release,
}

/// `transfer`: stock moved between locations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// Transfer record number.
    pub doc: String,
    /// Why.
    pub reason: TransferReason,
    /// Lines.
    pub lines: Vec<MoveLine>,
}

/// Sales channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// To a licensed business or institution.
    Wholesale,
    /// Over the counter to a person.
    Retail,
}

/// One line of a sale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaleLine {
    /// Product code.
    pub product: String,
    /// Batch.
    pub batch: String,
    /// Expiry of the batch.
    #[serde(deserialize_with = "crate::types::expiry_date")]
    pub expiry: NaiveDate,
    /// Quantity.
    pub quantity: u64,
    /// Unit price.
    pub unit_price: Money,
}

/// `sale`: a sales ledger entry (GSP Art. 69/92).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sale {
    /// Sales order number.
    pub doc: String,
    /// Customer party id.
    pub customer: String,
    /// Channel.
    pub channel: Channel,
    /// Buyer's identity document number (retail of controlled products).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_id: Option<String>,
    /// Prescription number, if sold on prescription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prescription: Option<String>,
    /// Lines.
    pub lines: Vec<SaleLine>,
}

/// Quality status at outbound review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    /// Fit to ship.
    Ok,
    /// Defective; must not ship.
    Defective,
}

/// One line of an outbound review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewLine {
    /// Product code.
    pub product: String,
    /// Batch.
    pub batch: String,
    /// Expiry.
    #[serde(deserialize_with = "crate::types::expiry_date")]
    pub expiry: NaiveDate,
    /// Quantity.
    pub quantity: u64,
    /// Quality status found.
    pub quality: Quality,
}

/// `outbound_review`: check of picked goods against the sale before dispatch (出库复核).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutboundReview {
    /// Review record number.
    pub doc: String,
    /// Customer party id.
    pub customer: String,
    /// Lines.
    pub lines: Vec<ReviewLine>,
    /// Reviewers (two for special-control drugs).
    pub reviewers: Vec<String>,
}

/// One line of goods leaving a location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutLine {
    /// Product code.
    pub product: String,
    /// Batch.
    pub batch: String,
    /// Quantity.
    pub quantity: u64,
    /// Location the goods leave.
    pub from: String,
    /// Traceability codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

/// `dispatch`: goods shipped with a delivery note (随货同行单).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dispatch {
    /// Delivery note number.
    pub doc: String,
    /// Customer party id.
    pub customer: String,
    /// Consignee (receiving person or department).
    pub consignee: String,
    /// Delivery address.
    pub address: String,
    /// Lines.
    pub lines: Vec<OutLine>,
    /// Vehicle, for temperature binding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle: Option<String>,
}

/// One line of goods coming back in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InLine {
    /// Product code.
    pub product: String,
    /// Batch.
    pub batch: String,
    /// Quantity.
    pub quantity: u64,
    /// Location the goods go to (normally the returns / quarantine area).
    pub to: String,
    /// Traceability codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

/// `customer_return`: goods returned by a customer (销后退回).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerReturn {
    /// Return record number.
    pub doc: String,
    /// Customer party id.
    pub customer: String,
    /// Why.
    pub reason: String,
    /// Lines.
    pub lines: Vec<InLine>,
}

/// `supplier_return`: goods returned to a supplier (购进退出).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplierReturn {
    /// Return record number.
    pub doc: String,
    /// Supplier party id.
    pub supplier: String,
    /// Why.
    pub reason: String,
    /// Lines.
    pub lines: Vec<OutLine>,
}

/// `destruction`: write-off and destruction (报损, 销毁).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Destruction {
    /// Destruction record number.
    pub doc: String,
    /// Why (expired, damaged, recalled …).
    pub reason: String,
    /// How (incineration …).
    pub method: String,
    /// Lines.
    pub lines: Vec<OutLine>,
    /// Regulator supervisors present (required for special-control drugs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supervisors: Vec<String>,
}

/// One line of a stock count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountLine {
    /// Product code.
    pub product: String,
    /// Batch.
    pub batch: String,
    /// Quantity found.
    pub counted: u64,
}

/// `stock_count`: physical count of a location (盘点).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StockCount {
    /// Count sheet number.
    pub doc: String,
    /// Location counted.
    pub location: String,
    /// Lines.
    pub lines: Vec<CountLine>,
}

/// Direction of an invoice relative to the ledger's owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceDirection {
    /// Received from a supplier.
    Purchase,
    /// Issued to a customer.
    Sale,
}

/// One line of an invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvoiceLine {
    /// Product code.
    pub product: String,
    /// Quantity.
    pub quantity: u64,
    /// Unit price (tax included).
    pub unit_price: Money,
    /// Line amount = quantity × unit price.
    pub amount: Money,
}

/// `invoice`: an invoice or credit note (发票 / 红字发票).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invoice {
    /// Invoice number.
    pub doc: String,
    /// Purchase or sale.
    pub direction: InvoiceDirection,
    /// Issuing party id.
    pub issuer: String,
    /// Buying party id.
    pub buyer: String,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// Lines.
    pub lines: Vec<InvoiceLine>,
    /// Sum of line amounts.
    pub total: Money,
    /// For a credit note: the invoice it credits (quantities and amounts are then reductions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_for: Option<String>,
}

/// Direction of a payment relative to the ledger's owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentDirection {
    /// Paid by the owner.
    Outgoing,
    /// Received by the owner.
    Incoming,
}

/// Payment method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// Bank transfer.
    BankTransfer,
    /// Bank acceptance bill (银行承兑汇票).
    AcceptanceBill,
    /// Cheque.
    Cheque,
    /// Card.
    Card,
    /// Cash.
    Cash,
}

/// `payment`: money paid or received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// Payment reference (bank voucher number).
    pub doc: String,
    /// Outgoing or incoming.
    pub direction: PaymentDirection,
    /// Paying party id.
    pub payer: String,
    /// Receiving party id.
    pub payee: String,
    /// Payer's account number (empty only for cash).
    pub payer_account: String,
    /// Payee's account number (empty only for cash).
    pub payee_account: String,
    /// Amount (positive).
    pub amount: Money,
    /// Method.
    pub method: PaymentMethod,
    /// Invoices settled by this payment.
    pub invoices: Vec<String>,
}

/// One temperature / humidity sample.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// When it was taken.
    pub at: DateTime<Utc>,
    /// Temperature in °C.
    pub celsius: f64,
    /// Relative humidity in %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub humidity: Option<f64>,
}

/// `temperature_reading`: samples of one sensor in a storage zone or a vehicle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemperatureReading {
    /// Sensor id.
    pub sensor: String,
    /// Storage zone (exactly one of `zone` and `vehicle`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Vehicle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle: Option<String>,
    /// Samples in time order.
    pub readings: Vec<Reading>,
}

/// Loss or theft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LossKind {
    /// Lost (丢失).
    Loss,
    /// Stolen (被盗).
    Theft,
}

/// `loss_report`: goods lost or stolen, and to whom it was reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LossReport {
    /// Report number.
    pub doc: String,
    /// Loss or theft.
    pub loss: LossKind,
    /// When the loss was discovered.
    pub discovered_at: DateTime<Utc>,
    /// Lines (goods missing).
    pub lines: Vec<OutLine>,
    /// Authorities notified (police, drug regulator, health authority).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_to: Vec<String>,
}

/// Packing or unpacking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AggregationAction {
    /// Units packed into the parent (case or middle pack): scanning the parent implies them.
    Pack,
    /// The parent opened: its units are scanned individually from now on.
    Unpack,
}

/// `aggregation`: a case or middle-pack code and the unit codes it contains (包装关联).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregation {
    /// Aggregation record number.
    pub doc: String,
    /// Pack or unpack.
    pub action: AggregationAction,
    /// The case or middle-pack code.
    pub parent: String,
    /// The unit (or middle-pack) codes inside.
    pub children: Vec<String>,
}

/// `zone_registered`: a storage zone and the temperature range it keeps (温区).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneRegistered {
    /// Zone id, as used by movement locations and temperature readings.
    pub zone: String,
    /// Storage class the zone is kept at.
    pub storage: StorageClass,
    /// Explicit range, when narrower than the class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temp_range: Option<TempRange>,
    /// Sensors installed in the zone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensors: Vec<String>,
}

impl ZoneRegistered {
    /// The zone's allowed range.
    pub fn range(&self) -> TempRange {
        self.temp_range.unwrap_or_else(|| self.storage.range())
    }
}

impl ProductRegistered {
    /// The product's required storage range.
    pub fn range(&self) -> TempRange {
        self.temp_range.unwrap_or_else(|| self.storage.range())
    }
}
