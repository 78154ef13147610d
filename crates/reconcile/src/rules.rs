//! The rule catalogue: code, default severity, what it checks, its thresholds and legal source.

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Record-keeping lapse.
    Minor,
    /// A breach of GSP that an inspector writes up.
    Major,
    /// Legal prohibition, diversion or patient-safety risk.
    Critical,
}

impl Severity {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "minor" => Ok(Severity::Minor),
            "major" => Ok(Severity::Major),
            "critical" => Ok(Severity::Critical),
            _ => Err(format!(
                "unknown severity {s:?} (expected minor, major or critical)"
            )),
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule of the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    /// Stable code, e.g. `TTGK-P`.
    pub code: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Short title.
    pub title: &'static str,
    /// What the rule checks, for a quality manager.
    pub description: &'static str,
    /// Legal or regulatory source.
    pub source: &'static str,
    /// Configurable thresholds it uses (names in `[thresholds]` of the TOML configuration).
    pub thresholds: &'static [&'static str],
}

/// Every rule the engine has, in catalogue order.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: "CHAIN",
        severity: Severity::Critical,
        title: "Hash chain broken",
        description: "The ledger fails verification (edited, deleted, duplicated, reordered or truncated records). Reconciliation covers only the verified prefix.",
        source: "GSP (2016) Art. 57 (records must not be altered); 药品经营质量管理规范 附录 计算机系统 Art. 11",
        thresholds: &[],
    },
    RuleInfo {
        code: "EVENT-INVALID",
        severity: Severity::Critical,
        title: "Record is not a valid event",
        description: "A record's payload does not parse as an event of the interchange format, so it cannot be reconciled.",
        source: "GSP (2016) Art. 57 (records complete and true)",
        thresholds: &[],
    },
    RuleInfo {
        code: "TTGK-P",
        severity: Severity::Critical,
        title: "Purchase: goods, books, invoices and payments disagree",
        description: "A purchase invoice must be issued by the supplier on the purchase order and addressed to us; payments must go to that supplier, to an account registered for it; invoiced quantities (net of credit notes) must not exceed the accepted quantities; payments must not exceed the invoice (tolerance).",
        source: "GSP (2016) Art. 66-67; 国家药监局 票、账、货、款一致",
        thresholds: &["amount_tolerance_minor"],
    },
    RuleInfo {
        code: "TTGK-S",
        severity: Severity::Critical,
        title: "Sale: goods, books, invoices and payments disagree",
        description: "A sales invoice must be issued by us to the customer on the sales record; the customer's payments must come from that customer, from an account registered for it; invoiced quantities must not exceed the dispatched quantities (net of returns); payments must not exceed the invoice.",
        source: "GSP (2016) Art. 91",
        thresholds: &["amount_tolerance_minor"],
    },
    RuleInfo {
        code: "REC-DOC",
        severity: Severity::Major,
        title: "Receipt does not match its purchase order",
        description: "A receipt must reference a known purchase order from the same supplier and a delivery note; every product received must be on the order, and cumulative arrivals must not exceed the ordered quantity.",
        source: "GSP (2016) Art. 72-73",
        thresholds: &[],
    },
    RuleInfo {
        code: "ACC-GATE",
        severity: Severity::Critical,
        title: "Stored or shipped before acceptance passed",
        description: "Goods may be put away or shipped only after quality acceptance passed: a put-away exceeding the accepted quantity of the batch, or a dispatch of a batch whose receipts were all rejected.",
        source: "GSP (2016) Art. 72, 79",
        thresholds: &[],
    },
    RuleInfo {
        code: "OUT-REV",
        severity: Severity::Major,
        title: "Dispatch without a matching outbound review",
        description: "Every dispatch needs an outbound review (出库复核) of the same sale, found fit, whose product, batch, expiry and quantity equal the goods shipped and the sale.",
        source: "GSP (2016) Art. 93-94",
        thresholds: &[],
    },
    RuleInfo {
        code: "UNINVOICED",
        severity: Severity::Major,
        title: "Goods without invoice",
        description: "Goods received or dispatched for which no invoice covers the quantity within the threshold.",
        source: "GSP (2016) Art. 67, 91; policy threshold",
        thresholds: &["uninvoiced_days"],
    },
    RuleInfo {
        code: "UNPAID",
        severity: Severity::Major,
        title: "Invoice not settled",
        description: "An invoice (net of credit notes) not fully paid within the threshold.",
        source: "GSP (2016) Art. 66-67 (货款一致); policy threshold",
        thresholds: &["unpaid_days", "amount_tolerance_minor"],
    },
    RuleInfo {
        code: "ORPHAN",
        severity: Severity::Major,
        title: "Invoice without goods, or payment without invoice",
        description: "An invoice whose order or sale has no goods movement, a credit note for an unknown invoice, or a payment that settles no known invoice, within the threshold.",
        source: "GSP (2016) Art. 66-67; 为他人违法经营提供票据 (走票)",
        thresholds: &["orphan_days"],
    },
    RuleInfo {
        code: "STOCK-NEG",
        severity: Severity::Critical,
        title: "Negative stock",
        description: "Stock of a product batch at a location went below zero: goods left that never came in (forged source or fabricated flow).",
        source: "GSP (2016) Art. 83 (物料平衡); 药品流通监督管理办法",
        thresholds: &[],
    },
    RuleInfo {
        code: "STOCK-COUNT",
        severity: Severity::Major,
        title: "Stock count differs from the books",
        description: "A stock count found a quantity different from the book quantity at that location. A batch with stock on the books but missing from the count sheet counts as zero; negative book quantities are not repeated here (STOCK-NEG reported them).",
        source: "GSP (2016) Art. 83",
        thresholds: &[],
    },
    RuleInfo {
        code: "NO-SOURCE",
        severity: Severity::Critical,
        title: "Goods shipped without a qualified source",
        description: "A batch was dispatched that was never received, or was received only from suppliers that failed qualification.",
        source: "药品管理法 Art. 55; GSP (2016) Art. 61",
        thresholds: &[],
    },
    RuleInfo {
        code: "EXPIRED",
        severity: Severity::Critical,
        title: "Expired goods dispatched",
        description: "A batch was dispatched on or after its expiry date.",
        source: "药品管理法 Art. 98 (过期药品按劣药论处)",
        thresholds: &[],
    },
    RuleInfo {
        code: "EXPIRED-NEAR",
        severity: Severity::Minor,
        title: "Near-expiry goods dispatched",
        description: "A batch was dispatched within the near-expiry window before its expiry.",
        source: "GSP (2016) Art. 85 (近效期预警); policy threshold",
        thresholds: &["near_expiry_days"],
    },
    RuleInfo {
        code: "QUARANTINE",
        severity: Severity::Critical,
        title: "Quarantined goods moved into circulation",
        description: "Stock in a quarantine or returns location may move only to another quarantine location, back to the supplier, to destruction, or to storage by an explicit release after re-inspection; never straight to a customer.",
        source: "GSP (2016) Art. 84, 104",
        thresholds: &["quarantine_locations"],
    },
    RuleInfo {
        code: "RETURN-ORIG",
        severity: Severity::Major,
        title: "Customer return without a matching sale",
        description: "A customer return must reference an earlier sale to the same customer of the same product and batch, and cumulative returns must not exceed what was dispatched.",
        source: "GSP (2016) Art. 104",
        thresholds: &["return_window_days"],
    },
    RuleInfo {
        code: "SUP-LIC",
        severity: Severity::Critical,
        title: "Supplier not qualified",
        description: "Purchases and receipts only from registered suppliers (首营企业) whose licence is valid on the event date and whose scope covers the product's category; never from individuals.",
        source: "GSP (2016) Art. 61-65; 药品管理法 Art. 55",
        thresholds: &[],
    },
    RuleInfo {
        code: "CUS-LIC",
        severity: Severity::Critical,
        title: "Customer not qualified",
        description: "Wholesale only to registered customers whose licence is valid on the sale date and whose scope covers the product's category; never wholesale to individuals.",
        source: "GSP (2016) Art. 89-90; 药品管理法 Art. 55",
        thresholds: &[],
    },
    RuleInfo {
        code: "LATE-ENTRY",
        severity: Severity::Major,
        title: "Recorded long after it happened",
        description: "An event entered (entered_at, or the ledger's recorded_at when absent) more than the threshold after it occurred: records must be made as things happen.",
        source: "GSP (2016) Art. 57 (及时记录); policy threshold",
        thresholds: &["late_entry_hours"],
    },
    RuleInfo {
        code: "TWO-INVOICE",
        severity: Severity::Major,
        title: "More than two invoices to a public hospital",
        description: "Goods sold to a public hospital must come from the manufacturer (or its group sales company) through one distributor: at most two invoices. Goods bought from another wholesaler mean a third invoice, unless the customer's province is a configured remote area.",
        source: "国医改办发〔2016〕4号 (两票制)",
        thresholds: &["group_sales_companies", "remote_provinces"],
    },
    RuleInfo {
        code: "SPECIAL-CHAIN",
        severity: Severity::Critical,
        title: "Custody chain of a controlled drug broken",
        description: "Every unit of a narcotic, psychotropic or other special-control drug moves with its traceability code: each movement line carries one code per unit, and a unit leaves from the location where the ledger last put it. Batch material balance (received = on hand + sold + returned + destroyed) is kept by the stock rules.",
        source: "麻醉药品和精神药品管理条例 Art. 46-48 (专用账册, 五专); 药品经营质量管理规范 附录 追溯",
        thresholds: &[],
    },
    RuleInfo {
        code: "SPECIAL-CHANNEL",
        severity: Severity::Critical,
        title: "Controlled drug outside its permitted channel",
        description: "Narcotics and class-1 psychotropics are bought only from a designated manufacturer or a national or regional wholesaler, and sold only to a designated wholesaler or to a medical institution holding a valid purchase-seal card (印鉴卡) in the seller's province; another province needs an approval reference (refs.approval).",
        source: "麻醉药品和精神药品管理条例 Art. 22-28 [article numbers partly unverified]",
        thresholds: &[],
    },
    RuleInfo {
        code: "SPECIAL-CASH",
        severity: Severity::Critical,
        title: "Cash paid for controlled drugs",
        description: "No cash payment may settle an invoice with a narcotic, psychotropic or precursor line.",
        source: "麻醉药品和精神药品管理条例 Art. 30",
        thresholds: &[],
    },
    RuleInfo {
        code: "SPECIAL-2P",
        severity: Severity::Major,
        title: "Controlled drug handled by one person",
        description: "Acceptance and outbound review of special-control drugs are signed by two different people.",
        source: "麻醉药品和精神药品管理条例 Art. 48 (双人验收、双人复核)",
        thresholds: &[],
    },
    RuleInfo {
        code: "SPECIAL-LOSS",
        severity: Severity::Critical,
        title: "Loss of a controlled drug not reported in time",
        description: "A loss or theft of special-control drugs is reported to the police, drug and health authorities within the threshold after discovery.",
        source: "麻醉药品和精神药品管理条例 Art. 64; policy threshold",
        thresholds: &["special_loss_hours"],
    },
    RuleInfo {
        code: "SPECIAL-DESTROY",
        severity: Severity::Critical,
        title: "Controlled drug destroyed without supervision",
        description: "Destruction of special-control drugs records the regulator's supervisor(s) present.",
        source: "麻醉药品和精神药品管理条例 Art. 61",
        thresholds: &[],
    },
    RuleInfo {
        code: "EPH-RETAIL",
        severity: Severity::Major,
        title: "Compound ephedrine sold outside the limits",
        description: "Retail of compound ephedrine preparations records the buyer's ID, sells at most the threshold of minimum packs per sale without prescription, and not more than the window limit to one ID; wholesale is not paid in cash and is delivered only to the buyer's licensed address.",
        source: "国食药监办〔2012〕260号",
        thresholds: &["eph_max_packs", "eph_window_days", "eph_window_packs"],
    },
    RuleInfo {
        code: "SOM",
        severity: Severity::Major,
        title: "Suspicious order of a controlled product",
        description: "An order of a controlled or compound-ephedrine product of unusual size (k times the customer's trailing average for the product), unusual frequency (orders in 7 days against the customer's weekly average), or far above its peers (the median trailing average of other customers); each finding states the baseline.",
        source: "Modelled on 21 CFR 1301.74(b); 销量异常增长 in the inspection reports; policy thresholds",
        thresholds: &["som_k", "som_history", "som_min_history", "som_peer_factor", "som_freq_factor", "som_freq_min"],
    },
    RuleInfo {
        code: "CODE-DUP",
        severity: Severity::Critical,
        title: "Traceability code used twice",
        description: "One unit code received while already in stock, or dispatched after it had already left: a cloned or counterfeit code.",
        source: "药品追溯码 (码上放心) 使用规范; 药品管理法 Art. 36",
        thresholds: &[],
    },
    RuleInfo {
        code: "CODE-UNKNOWN",
        severity: Severity::Critical,
        title: "Traceability code never received",
        description: "A unit code moved, shipped or returned that this ledger never received, or an aggregation that packs a code already in another pack or unpacks an unknown pack.",
        source: "药品追溯码 使用规范",
        thresholds: &[],
    },
    RuleInfo {
        code: "CODE-FORMAT",
        severity: Severity::Major,
        title: "Malformed traceability code",
        description: "A code that is neither a 20-digit Chinese traceability code nor a valid GS1 element string (AI 01 GTIN with correct check digit, 17/11 dates, 10 batch, 21 serial).",
        source: "GS1 General Specifications; 药品追溯码编码要求 (NMPA)",
        thresholds: &[],
    },
    RuleInfo {
        code: "CROSS-MISSING",
        severity: Severity::Critical,
        title: "Dispatched, never received",
        description: "Across ledgers: a dispatch by one company to another company whose ledger is given has no matching receipt there (by delivery note or sale/order number).",
        source: "虚构药品销售流向; GSP (2016) Art. 72",
        thresholds: &[],
    },
    RuleInfo {
        code: "CROSS-DIFF",
        severity: Severity::Major,
        title: "Receipt differs from the dispatch",
        description: "Across ledgers: the receipt of a dispatch differs in product, batch, quantity or unit codes.",
        source: "GSP (2016) Art. 73",
        thresholds: &[],
    },
    RuleInfo {
        code: "CROSS-TRANSIT",
        severity: Severity::Minor,
        title: "Goods in transit too long",
        description: "Across ledgers: the receipt came more than the threshold after the dispatch.",
        source: "GSP (2016) Art. 98-100 (运输时限); policy threshold",
        thresholds: &["transit_hours"],
    },
    RuleInfo {
        code: "CROSS-UNMATCHED",
        severity: Severity::Critical,
        title: "Received, never dispatched",
        description: "Across ledgers: a receipt from a company whose ledger is given matches no dispatch of that company (forged purchase source).",
        source: "伪造药品采购来源",
        thresholds: &[],
    },
    RuleInfo {
        code: "CROSS-CODE",
        severity: Severity::Critical,
        title: "One unit code received by two parties",
        description: "Across ledgers: the same unit code was received by two different companies.",
        source: "药品追溯码 使用规范",
        thresholds: &[],
    },
    RuleInfo {
        code: "TEMP-ZONE",
        severity: Severity::Major,
        title: "Product stored in an unsuitable zone",
        description: "A product is put away or moved into a zone whose temperature range is not inside the product's required range (e.g. a 2–8 °C product in a ≤ 20 °C zone).",
        source: "GSP (2016) Art. 84; 中国药典 凡例 贮藏",
        thresholds: &[],
    },
    RuleInfo {
        code: "TEMP-RANGE",
        severity: Severity::Critical,
        title: "Temperature excursion",
        description: "Readings of a storage zone (or of a vehicle carrying cold-chain goods) left the allowed range; the finding gives the interval, duration, peak and mean kinetic temperature (USP <1079>). A zone still out of range at its last reading is reported when the ledger ends.",
        source: "GSP (2016) Art. 83, 100; 药品经营质量管理规范 附录 温湿度自动监测",
        thresholds: &["mkt_activation_kj_mol"],
    },
    RuleInfo {
        code: "TEMP-GAP",
        severity: Severity::Major,
        title: "Temperature recording gap",
        description: "Consecutive readings of a storage zone more than the storage limit apart, of a vehicle trip more than the transport limit apart, or more than the excursion limit apart while out of range.",
        source: "药品经营质量管理规范 附录 温湿度自动监测 Art. 8 (记录间隔); policy thresholds",
        thresholds: &["storage_gap_minutes", "transport_gap_minutes", "excursion_gap_minutes"],
    },
    RuleInfo {
        code: "CC-RECEIPT",
        severity: Severity::Critical,
        title: "Cold-chain receipt without transport evidence",
        description: "A receipt accepting cold-chain products or vaccines needs a temperature-controlled transport whose readings cover ship time to arrival without gaps and within the products' range; otherwise the goods must be rejected.",
        source: "GSP (2016) Art. 74; 疫苗管理法 Art. 39",
        thresholds: &["transport_gap_minutes"],
    },
    RuleInfo {
        code: "VAC-DISPOSE",
        severity: Severity::Critical,
        title: "Expired or excursion-hit vaccines not isolated or disposed of",
        description: "Vaccines in a zone hit by an excursion are moved to quarantine within the isolation window; expired vaccines are isolated the day after expiry and destroyed within the disposal window.",
        source: "疫苗管理法 Art. 40; 疫苗储存和运输管理规范 (2017)",
        thresholds: &["vac_isolate_days", "vac_dispose_days"],
    },
];

/// Looks up a rule by code.
pub fn rule(code: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.code == code)
}
