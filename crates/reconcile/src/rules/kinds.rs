//! How serious a finding is ([`Severity`]) and which module of the engine a rule belongs to
//! ([`Family`]).

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

/// The family a rule belongs to: one module of the engine (or of the cross-ledger checks) each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Chain verification, event validity, late entries.
    Integrity,
    /// Documents and the four-way match of goods, books, invoices and payments.
    Documents,
    /// Stock, batches, acceptance gate, expiry, quarantine and returns.
    Stock,
    /// Supplier and customer qualifications.
    Qualification,
    /// Special-control drugs: custody, channel, cash, two-person, loss, destruction, ephedrine,
    /// suspicious orders.
    Special,
    /// Traceability codes.
    Codes,
    /// Cold chain and vaccines.
    ColdChain,
    /// Temperature data integrity: copied, flat-lined, backfilled, future-dated, misattributed
    /// or conflicting readings (篡改温湿度监测数据).
    TempIntegrity,
    /// Several companies' ledgers against each other.
    Cross,
}

impl Family {
    /// Lower-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Integrity => "integrity",
            Family::Documents => "documents",
            Family::Stock => "stock",
            Family::Qualification => "qualification",
            Family::Special => "special",
            Family::Codes => "codes",
            Family::ColdChain => "cold_chain",
            Family::TempIntegrity => "temp_integrity",
            Family::Cross => "cross",
        }
    }
}
