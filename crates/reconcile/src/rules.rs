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
];

/// Looks up a rule by code.
pub fn rule(code: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.code == code)
}
