//! The payload structs of every event kind (the `data` object of an event).

mod lines;

pub use lines::*;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::types::Text;

#[cfg(feature = "schema")]
use crate::schema::NOT_BLANK;

use crate::types::{
    BankAccount, Category, ControlClass, Licence, Money, PartyKind, Relation, Special,
    StorageClass, TempRange,
};

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

/// `party_registered`: master data of a supplier, customer or the ledger's owner (首营企业).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartyRegistered {
    /// Stable party id that other events use to name this party (e.g. the unified social credit
    /// code, 统一社会信用代码).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub party: Text,
    /// Registered name.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub name: Text,
    /// Kind of organisation.
    pub kind: PartyKind,
    /// Relation to the ledger's owner. The party registered as `self` is the company that keeps the
    /// ledger (if several are, the last one counts).
    pub relation: Relation,
    /// Licence. Required for every kind except `individual`. Qualification (SUP-LIC, CUS-LIC)
    /// accepts an event date inside this licence or one added later by `licence_changed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<Licence>,
    /// Licensed scope (经营范围 / 生产范围): the product categories the party may trade. A product whose
    /// `category` is not listed fails qualification.
    #[serde(default)]
    pub scope: Vec<Category>,
    /// Registered bank accounts. Payments with the party must use one of these account numbers,
    /// except in cash (TTGK-P, TTGK-S).
    #[serde(default)]
    pub accounts: Vec<BankAccount>,
    /// Province (省份) of the registered address, e.g. `浙江`. Compared with the owner's province for
    /// controlled-drug sales (SPECIAL-CHANNEL) and with `remote_provinces` for the two-invoice
    /// rule.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub province: Text,
    /// Registered (licensed) address. Compound-ephedrine deliveries must go to exactly this address
    /// (EPH-RETAIL).
    pub address: Text,
    /// Special-control designation (定点经营 / 印鉴卡), if the party has one: needed to buy or sell
    /// narcotics and class-1 psychotropics (SPECIAL-CHANNEL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<Special>,
    /// A public (state-run) medical institution, subject to the two-invoice rule (两票制).
    #[serde(default, skip_serializing_if = "is_false")]
    pub public_hospital: bool,
}

/// `licence_changed`: a licence renewed or changed. The new licence is added to the party's
/// licences; `scope`, `accounts` and `special`, when given, replace the registered ones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LicenceChanged {
    /// The party, as registered by `party_registered` (a change for an unregistered party is
    /// ignored).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub party: Text,
    /// The new licence. It is added to the party's licences: an event date inside the old or the
    /// new validity period qualifies.
    pub licence: Licence,
    /// New licensed scope, replacing the registered one; absent when it did not change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Vec<Category>>,
    /// New bank accounts, replacing the registered ones; absent when they did not change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accounts: Option<Vec<BankAccount>>,
    /// New special-control designation, replacing the registered one; absent when it did not change
    /// (a designation cannot be removed, only replaced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<Special>,
    /// Why, e.g. `许可证到期换证`.
    pub reason: Text,
}

/// `product_registered`: product master data (首营品种).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProductRegistered {
    /// Product code (药品本位码 or GTIN) that other events use to name the product.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub product: Text,
    /// Generic name (通用名), e.g. `盐酸吗啡注射液`.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub generic_name: Text,
    /// Dosage form (剂型), e.g. `注射剂`.
    pub form: Text,
    /// Specification (规格), e.g. `1ml:10mg×10支/盒`.
    pub spec: Text,
    /// Manufacturer, as on the approval (party id or registered name). Descriptive: the two-invoice
    /// rule looks at the supplier's `kind`, not at this field.
    pub manufacturer: Text,
    /// Approval number (批准文号), e.g. `国药准字H20003456`.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub approval_number: Text,
    /// Category, checked against the licensed `scope` of suppliers and customers (SUP-LIC,
    /// CUS-LIC).
    pub category: Category,
    /// Special-control class (`none` for ordinary products). Decides which special-control rules
    /// apply: custody chain, channel, two people, cash, loss, destruction, compound ephedrine,
    /// suspicious orders.
    pub control: ControlClass,
    /// Storage class. Its temperature range applies unless `temp_range` is given; `cold` and
    /// `frozen` products are cold-chain goods (CC-RECEIPT).
    pub storage: StorageClass,
    /// Explicit storage range, replacing the class's range (normally narrower).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temp_range: Option<TempRange>,
    /// Prescription-only (处方药). Recorded; no rule reads it at present.
    pub rx: bool,
    /// A vaccine (疫苗): the cold-chain receipt and vaccine disposal rules apply (CC-RECEIPT,
    /// VAC-DISPOSE).
    #[serde(default, skip_serializing_if = "is_false")]
    pub vaccine: bool,
    /// Minimum sale unit (最小销售单元), e.g. `盒`: every quantity of this product counts these units.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub unit: Text,
}

/// `purchase`: a purchase order / purchase ledger entry (GSP Art. 68).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Purchase {
    /// Purchase order number. Receipts, supplier returns and purchase invoices name it in
    /// `refs.order`. Two suppliers' orders may share a number (a supplier's own order form): the
    /// records of each supplier naming it (its receipts, supplier returns and invoices, by their
    /// `supplier` or `issuer`) mean its own order, and a record of a third party naming it is
    /// matched to the first one recorded.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Supplier party id.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub supplier: Text,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<PurchaseLine>,
}

/// `receipt`: goods arrive and pass (or fail) quality acceptance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// Receiving / acceptance record number (验收记录). Put-aways name it in `refs.receipt`; without
    /// `refs.order` it also keys the goods for invoicing.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Supplier party id.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub supplier: Text,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<ReceiptLine>,
    /// People who accepted the goods (at least one; two different people for special-control drugs,
    /// SPECIAL-2P).
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1), inner(pattern(NOT_BLANK)))
    )]
    pub acceptors: Vec<Text>,
    /// Transport details. Needed for cold-chain goods and vaccines (CC-RECEIPT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<Transport>,
}

/// `put_away`: accepted goods moved from receiving into storage (入库).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PutAway {
    /// Put-away record number (入库单).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<MoveLine>,
}

/// Why stock was transferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// Transfer record number.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Why. Only a `release` may take goods from a quarantine location into storage (QUARANTINE).
    pub reason: TransferReason,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<MoveLine>,
}

/// Sales channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// To a licensed business or institution.
    Wholesale,
    /// Over the counter to a person.
    Retail,
}

/// `sale`: a sales ledger entry (GSP Art. 69/92).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sale {
    /// Sales order number. Outbound reviews, dispatches, customer returns and sales invoices name
    /// it in `refs.sale`. Two customers' sales may share a number (a provincial platform's order
    /// number): the records of each customer naming it (its outbound reviews, dispatches,
    /// customer returns and invoices, by their `customer` or `buyer`) mean its own sale, and a
    /// record of a third party naming it is matched to the first one recorded.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Customer party id.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub customer: Text,
    /// Channel. Wholesale is checked against the customer's qualification (CUS-LIC); retail of
    /// compound ephedrine against the retail limits (EPH-RETAIL).
    pub channel: Channel,
    /// Buyer's identity document number: required for retail of compound ephedrine preparations
    /// (EPH-RETAIL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_id: Option<Text>,
    /// Prescription number, if sold on prescription (lifts the per-sale pack limit of compound
    /// ephedrine).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prescription: Option<Text>,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<SaleLine>,
}

/// Quality status at outbound review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    /// Fit to ship.
    Ok,
    /// Defective; must not ship.
    Defective,
}

/// `outbound_review`: check of picked goods against the sale before dispatch (出库复核).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OutboundReview {
    /// Review record number (复核记录).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Customer party id.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub customer: Text,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<ReviewLine>,
    /// People who reviewed the goods (at least one; two different people for special-control drugs,
    /// SPECIAL-2P).
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1), inner(pattern(NOT_BLANK)))
    )]
    pub reviewers: Vec<Text>,
}

/// `dispatch`: goods shipped with a delivery note (随货同行单).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dispatch {
    /// Delivery note number (随货同行单). The customer's receipt names it in `refs.delivery_note`.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Customer party id.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub customer: Text,
    /// Consignee: the receiving person or department.
    pub consignee: Text,
    /// Delivery address. Compound ephedrine must be delivered to the customer's registered
    /// `address` (EPH-RETAIL).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub address: Text,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<OutLine>,
    /// Vehicle carrying the goods. Its next `temperature_reading` with readings from one hour
    /// before the dispatch on is the trip: those readings are judged against the range of the
    /// cold-chain goods on board (TEMP-RANGE); its earlier readings (pre-cooling, the trip
    /// before) are not. An upload of only earlier readings is not the trip. Later uploads of
    /// the vehicle (the empty return leg, a trip of ambient goods) are judged against no range
    /// and held to no gap limit until the next cold dispatch. A trip uploaded in several parts
    /// is judged on its first upload only (a dispatch has no delivery time to end a trip by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle: Option<Text>,
}

/// `customer_return`: goods returned by a customer (销后退回). `refs.sale` names the original sale
/// (RETURN-ORIG).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerReturn {
    /// Return record number.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Customer party id.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub customer: Text,
    /// Why.
    pub reason: Text,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<InLine>,
}

/// `supplier_return`: goods returned to a supplier (购进退出).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupplierReturn {
    /// Return record number.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Supplier party id.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub supplier: Text,
    /// Why.
    pub reason: Text,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<OutLine>,
}

/// `destruction`: write-off and destruction (报损, 销毁).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Destruction {
    /// Destruction record number.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Why (expired, damaged, recalled …).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub reason: Text,
    /// How (incineration …).
    pub method: Text,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<OutLine>,
    /// Regulator supervisors present: required for special-control drugs (SPECIAL-DESTROY).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supervisors: Vec<Text>,
}

/// `stock_count`: physical count of a location (盘点).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StockCount {
    /// Count sheet number.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Location counted. A batch on the books there but missing from the sheet counts as found 0.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub location: Text,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<CountLine>,
}

/// Direction of an invoice relative to the ledger's owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InvoiceDirection {
    /// Received from a supplier.
    Purchase,
    /// Issued to a customer.
    Sale,
}

/// `invoice`: an invoice or credit note (发票 / 红字发票).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Invoice {
    /// Invoice number; payments list it in `invoices`, credit notes in `credit_for`. An invoice
    /// is its number and its counterparty (the issuer of a purchase invoice, the buyer of a sales
    /// invoice): two suppliers' paper invoices may share an 8-digit 发票号码, and a payment or
    /// credit note naming that number means the invoice of its own counterparty (the party paid
    /// or paying; the issuer or buyer of the credit note). A party with no invoice of that number
    /// is matched to the first one booked (a payment to the wrong party: TTGK-P, TTGK-S). Write
    /// the number as the invoice shows it: the 20-digit number of a fully digital invoice
    /// (全电发票); for a paper invoice its 发票号码, or 发票代码 and 发票号码 together
    /// (`3300204130-00031207`), the same way in the invoice and in the records naming it. A
    /// payment or credit note naming a number of which only another counterparty's invoice is
    /// booked (or none yet) waits for its own counterparty's, whether that invoice is booked
    /// before or after it; if none comes, at its ORPHAN deadline (or at the end of the input, if
    /// that comes first) it settles the one booked, and is TTGK (paid to, or credited by, the
    /// wrong party) at its own record.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Purchase or sale.
    pub direction: InvoiceDirection,
    /// Issuing party id: the supplier on a purchase invoice, the ledger's owner on a sales invoice.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub issuer: Text,
    /// Buying party id: the ledger's owner on a purchase invoice, the customer on a sales invoice.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub buyer: Text,
    /// Date of issue. The payment deadline (UNPAID) runs from the later of this day (taken at 00:00
    /// Beijing time) and `occurred_at`.
    pub issued_on: NaiveDate,
    /// Lines (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<InvoiceLine>,
    /// Sum of the line amounts, exactly.
    pub total: Money,
    /// For a credit note (红字发票): the number of the invoice it credits, an invoice of the same
    /// counterparty (a credit note of a party with no invoice of that number credits another
    /// party's: TTGK-P, TTGK-S); its quantities and amounts are then reductions of that invoice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_for: Option<Text>,
}

/// Direction of a payment relative to the ledger's owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentDirection {
    /// Paid by the owner.
    Outgoing,
    /// Received by the owner.
    Incoming,
}

/// Payment method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// Payment reference (bank voucher number).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Outgoing (paid by the owner) or incoming (received by the owner).
    pub direction: PaymentDirection,
    /// Paying party id.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub payer: Text,
    /// Receiving party id.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub payee: Text,
    /// Payer's account number; may be empty only for cash. On an incoming payment it must be
    /// registered for the payer (TTGK-S, TTGK-P).
    pub payer_account: Text,
    /// Payee's account number; may be empty only for cash. On an outgoing payment it must be
    /// registered for the payee (TTGK-P, TTGK-S).
    pub payee_account: Text,
    /// Amount paid; positive.
    pub amount: Money,
    /// Method. Cash must not settle invoices of special-control drugs (SPECIAL-CASH) or of compound
    /// ephedrine sold wholesale (EPH-RETAIL).
    pub method: PaymentMethod,
    /// Numbers of the invoices (or credit notes) this payment settles: those of its counterparty
    /// (the payee of an outgoing payment, the payer of an incoming one) when two counterparties'
    /// invoices share a number. The amount goes to them in order, each up to its open amount,
    /// the last taking the remainder.
    pub invoices: Vec<Text>,
}

/// `temperature_reading`: samples of one sensor in a storage zone or a vehicle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TemperatureReading {
    /// Sensor id.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub sensor: Text,
    /// Storage zone of the sensor (a `zone_registered` id). Exactly one of `zone` and `vehicle` is
    /// given. The readings of all the zone's sensors form one stream (TEMP-GAP, TEMP-RANGE). A
    /// zone with one sensor is judged as its uploads are recorded. A zone registered with two
    /// sensors or more, or for which a second sensor uploads, is *pooled*: its readings wait
    /// `storage_backfill_hours` (up to an hour more) and are then judged for gaps in time order,
    /// whatever the order of the sensors' uploads, so that one probe paused while another records
    /// is no gap (its excursions are still judged as uploaded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<Text>,
    /// Vehicle or container of the sensor (as in `receipt.transport.vehicle` and
    /// `dispatch.vehicle`). Exactly one of `zone` and `vehicle` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle: Option<Text>,
    /// Samples in time order (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub readings: Vec<Reading>,
}

/// Loss or theft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LossKind {
    /// Lost (丢失).
    Loss,
    /// Stolen (被盗).
    Theft,
}

/// `loss_report`: goods lost or stolen, and to whom it was reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LossReport {
    /// Report number.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Loss or theft.
    pub loss: LossKind,
    /// When the loss was discovered. For special-control drugs the report (this event's
    /// `occurred_at`) must follow within `special_loss_hours` (SPECIAL-LOSS).
    #[serde(
        deserialize_with = "crate::instant::deserialize",
        serialize_with = "crate::instant::serialize"
    )]
    pub discovered_at: DateTime<Utc>,
    /// Lines: the goods missing (at least one).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub lines: Vec<OutLine>,
    /// Authorities notified (police, drug regulator, health authority): must not be empty for
    /// special-control drugs (SPECIAL-LOSS).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_to: Vec<Text>,
}

/// Packing or unpacking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AggregationAction {
    /// Units packed into the parent (case or middle pack): scanning the parent implies them.
    Pack,
    /// The parent opened: its units are scanned individually from now on.
    Unpack,
}

/// `aggregation`: a case or middle-pack code and the unit codes it contains (包装关联).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Aggregation {
    /// Aggregation record number.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub doc: Text,
    /// Pack or unpack.
    pub action: AggregationAction,
    /// The case or middle-pack code (a traceability code).
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub parent: Text,
    /// The unit (or middle-pack) codes inside (at least one).
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1), inner(pattern(NOT_BLANK)))
    )]
    pub children: Vec<Text>,
}

/// `zone_registered`: a storage zone and the temperature range it keeps (温区).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ZoneRegistered {
    /// Zone id, as used by movement locations and temperature readings.
    #[cfg_attr(feature = "schema", schemars(pattern(NOT_BLANK)))]
    pub zone: Text,
    /// Storage class the zone is kept at; its range applies unless `temp_range` is given.
    pub storage: StorageClass,
    /// Explicit range, replacing the class's range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temp_range: Option<TempRange>,
    /// Sensors installed in the zone. Readings are bound to the zone by their own `zone` field;
    /// when this list is given, a sensor not on it reporting for the zone, or a sensor on it
    /// reporting for a vehicle, is TEMP-SENSOR. An empty list is not checked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensors: Vec<Text>,
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

impl crate::EventBody {
    /// The event's own document number (`data.doc`), for the kinds that carry one.
    pub fn doc(&self) -> Option<&str> {
        use crate::EventBody as B;
        Some(match self {
            B::Purchase(x) => &x.doc,
            B::Receipt(x) => &x.doc,
            B::PutAway(x) => &x.doc,
            B::Transfer(x) => &x.doc,
            B::Sale(x) => &x.doc,
            B::OutboundReview(x) => &x.doc,
            B::Dispatch(x) => &x.doc,
            B::CustomerReturn(x) => &x.doc,
            B::SupplierReturn(x) => &x.doc,
            B::Destruction(x) => &x.doc,
            B::StockCount(x) => &x.doc,
            B::Invoice(x) => &x.doc,
            B::Payment(x) => &x.doc,
            B::LossReport(x) => &x.doc,
            B::Aggregation(x) => &x.doc,
            B::PartyRegistered(_)
            | B::LicenceChanged(_)
            | B::ProductRegistered(_)
            | B::TemperatureReading(_)
            | B::ZoneRegistered(_) => return None,
        })
    }
}
