//! Configuration: thresholds, severities and disabled rules, from TOML.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::rules::{Rule, Severity};

/// Thresholds that are policy rather than law. Every field has a documented default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// UNINVOICED: days after a goods movement of an order or sale by which invoices must cover
    /// its goods (the first movement sets the deadline; goods moved later are due their own
    /// number of days after they moved). Default 30.
    pub uninvoiced_days: i64,
    /// UNPAID: days after an invoice's date by which it must be settled. Default 60.
    pub unpaid_days: i64,
    /// ORPHAN: days an invoice may wait for its goods, a payment or a credit note for its
    /// invoice. Default 30.
    pub orphan_days: i64,
    /// TTGK-P/S: days an excess (more invoiced than accepted or dispatched, more paid than
    /// invoiced) may wait for its correction (a credit note, the rest of the goods, a refund)
    /// before it is a finding; until then it is pending. Counted from the latest record of the
    /// order, sale or invoice when the excess arose; a partial correction or a later record does
    /// not restart it, a full correction ends it. Default 14: credit notes follow returns and rejections within days in practice,
    /// and two weeks leave room for the red-letter invoice procedure (红字发票信息表).
    pub correction_days: i64,
    /// EXPIRED-NEAR: dispatches this many days or fewer before expiry are flagged. Default 90.
    pub near_expiry_days: i64,
    /// LATE-ENTRY: hours between occurrence and entry beyond which an event is late. Default 72.
    pub late_entry_hours: i64,
    /// TTGK-P/S, UNPAID: tolerated difference between invoice and payments, minor units.
    /// Default 0 (exact).
    pub amount_tolerance_minor: i64,
    /// QUARANTINE: locations holding quarantined, rejected or returned goods.
    /// Default `["QA", "RET"]`.
    pub quarantine_locations: Vec<String>,
    /// RETURN-ORIG: how long a sale is remembered for matching returns. Default 180 days.
    pub return_window_days: i64,
    /// TWO-INVOICE: party ids treated like the manufacturer (group sales companies).
    pub group_sales_companies: Vec<String>,
    /// TWO-INVOICE: provinces where one extra invoice is allowed (remote areas).
    pub remote_provinces: Vec<String>,
    /// SPECIAL-LOSS: hours from discovery to the report to the authorities. Default 24.
    pub special_loss_hours: i64,
    /// EPH-RETAIL: most minimum packs of compound ephedrine per retail sale without
    /// prescription. Default 2.
    pub eph_max_packs: u64,
    /// EPH-RETAIL: window for repeat purchases by one buyer ID, days. Default 7.
    pub eph_window_days: i64,
    /// EPH-RETAIL: most packs one buyer ID may buy within the window. Default 4.
    pub eph_window_packs: u64,
    /// SOM: an order above this multiple of the customer's trailing average is suspicious.
    /// Default 3.0.
    pub som_k: f64,
    /// SOM: orders in the trailing average. Default 8.
    pub som_history: usize,
    /// SOM: orders a customer needs before its own trailing average is used (before, its
    /// orders are compared with its peers'), and another customer before it counts as a peer.
    /// Default 4.
    pub som_min_history: usize,
    /// SOM: an order above this multiple of the peers' median trailing average is suspicious.
    /// Default 10.0.
    pub som_peer_factor: f64,
    /// SOM: orders in 7 days above this multiple of the customer's weekly average over the
    /// previous 8 weeks are suspicious. Default 4.0.
    pub som_freq_factor: f64,
    /// SOM: the frequency test needs at least this many orders in the 7 days. Default 6.
    pub som_freq_min: usize,
    /// CROSS-TRANSIT: longest time from dispatch to receipt, hours. Default 72.
    pub transit_hours: i64,
    /// TEMP-GAP: longest recording gap in a storage zone, minutes. Default 30.
    pub storage_gap_minutes: i64,
    /// TEMP-GAP, CC-RECEIPT: longest recording gap in transport, minutes. Default 5.
    pub transport_gap_minutes: i64,
    /// CC-RECEIPT: hours after a cold-chain receipt during which the vehicle's temperature log
    /// may still be uploaded (the logger is read out at the dock and uploaded after the receipt
    /// is recorded). A receipt whose trip the readings already cover is judged at once.
    /// Default 4.
    pub logger_settle_hours: i64,
    /// TEMP-GAP: longest recording gap during an excursion, minutes. Default 2.
    pub excursion_gap_minutes: i64,
    /// TEMP-RANGE: activation energy for the mean kinetic temperature, kJ/mol. Default 83.144.
    pub mkt_activation_kj_mol: f64,
    /// VAC-DISPOSE: days to isolate vaccines after an excursion or expiry. Default 3.
    pub vac_isolate_days: i64,
    /// VAC-DISPOSE: days after expiry by which expired vaccines are destroyed. Default 30.
    pub vac_dispose_days: i64,
    /// TEMP-COPY, TEMP-CONFLICT: sensor resolution, °C. Readings are compared after rounding
    /// to it (copies), or agree when at most this far apart (overlapping uploads); 0 compares
    /// exactly. Default 0.05.
    pub temp_resolution_c: f64,
    /// TEMP-COPY: days back that a day of a zone's sensor or a vehicle trip log is compared
    /// with. Default 30.
    pub copy_days: i64,
    /// TEMP-COPY: value changes (between consecutive readings, rounded to the resolution) a
    /// day or trip needs before it is compared; steadier ones carry too little information.
    /// Default 12.
    pub copy_min_changes: u64,
    /// TEMP-FLAT: longest run of identical readings of one sensor, minutes. Default 240.
    pub flat_minutes: i64,
    /// TEMP-BACKFILL: longest time from a storage zone's reading to its upload, hours.
    /// Default 24.
    pub storage_backfill_hours: i64,
    /// TEMP-BACKFILL: longest time from a vehicle's reading to its upload, hours. Default 72.
    pub transport_backfill_hours: i64,
    /// TEMP-FUTURE: how far a reading may be dated after its upload (clock difference between
    /// sensor and system), minutes. Default 5.
    pub upload_skew_minutes: i64,
    /// TEMP-CONFLICT: how long a sensor's readings are kept to compare overlapping uploads,
    /// hours before its latest reading. Default 72.
    pub conflict_window_hours: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            uninvoiced_days: 30,
            unpaid_days: 60,
            orphan_days: 30,
            correction_days: 14,
            near_expiry_days: 90,
            late_entry_hours: 72,
            amount_tolerance_minor: 0,
            quarantine_locations: vec!["QA".into(), "RET".into()],
            return_window_days: 180,
            group_sales_companies: Vec::new(),
            remote_provinces: Vec::new(),
            special_loss_hours: 24,
            eph_max_packs: 2,
            eph_window_days: 7,
            eph_window_packs: 4,
            som_k: 3.0,
            som_history: 8,
            som_min_history: 4,
            som_peer_factor: 10.0,
            som_freq_factor: 4.0,
            som_freq_min: 6,
            transit_hours: 72,
            storage_gap_minutes: 30,
            transport_gap_minutes: 5,
            logger_settle_hours: 4,
            excursion_gap_minutes: 2,
            mkt_activation_kj_mol: 83.144,
            vac_isolate_days: 3,
            vac_dispose_days: 30,
            temp_resolution_c: 0.05,
            copy_days: 30,
            copy_min_changes: 12,
            flat_minutes: 240,
            storage_backfill_hours: 24,
            transport_backfill_hours: 72,
            upload_skew_minutes: 5,
            conflict_window_hours: 72,
        }
    }
}

/// Engine configuration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Thresholds.
    pub thresholds: Thresholds,
    /// Severity overrides by rule code.
    pub severity: BTreeMap<Rule, Severity>,
    /// Rules that produce no findings.
    pub disabled: Vec<Rule>,
}

/// A configuration file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// Not valid TOML for this schema: where (1-based line and column, in characters) and the
    /// parser's message (one line: the parser's own rendering spans several, with a snippet of
    /// the file, which a one-line error cannot show).
    #[error("invalid configuration: line {line}, column {column} (`{text}`): {message}")]
    Toml {
        /// The line of the error.
        line: usize,
        /// The column of the error, in characters.
        column: usize,
        /// That line of the file, trimmed (at most 80 characters): the key the parser's message
        /// may not name (`invalid type: string "soon", expected i64`).
        text: String,
        /// What is wrong, in the parser's words.
        message: String,
    },
    /// A threshold below zero.
    #[error("invalid configuration: thresholds.{0} must not be negative")]
    Negative(&'static str),
    /// A threshold beyond its maximum (durations: ten years; amounts: the largest amount an
    /// event may carry).
    #[error("invalid configuration: thresholds.{0} must be at most {1}")]
    TooLarge(&'static str, i64),
}

/// The largest duration threshold: ten years, in the threshold's unit (chosen from its name).
fn max_threshold(name: &str) -> i64 {
    const DAYS: i64 = 3_650;
    if name.ends_with("_days") {
        DAYS
    } else if name.ends_with("_hours") {
        DAYS * 24
    } else if name.ends_with("_minutes") {
        DAYS * 24 * 60
    } else {
        rxledger_model::MAX_AMOUNT
    }
}

impl Config {
    /// Parses and checks a TOML configuration.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        // Unknown rule codes in `severity` and `disabled` are refused by `Rule`'s deserializer,
        // with the line they are on.
        let c: Config = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start).min(text.len());
            let before = text.get(..at).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let text = text.lines().nth(line - 1).unwrap_or_default().trim();
            ConfigError::Toml {
                line,
                column,
                text: text.chars().take(80).collect(),
                message: e.message().trim().to_owned(),
            }
        })?;
        let t = &c.thresholds;
        for (name, v) in [
            ("uninvoiced_days", t.uninvoiced_days),
            ("unpaid_days", t.unpaid_days),
            ("orphan_days", t.orphan_days),
            ("correction_days", t.correction_days),
            ("near_expiry_days", t.near_expiry_days),
            ("late_entry_hours", t.late_entry_hours),
            ("amount_tolerance_minor", t.amount_tolerance_minor),
            ("return_window_days", t.return_window_days),
            ("special_loss_hours", t.special_loss_hours),
            ("eph_window_days", t.eph_window_days),
            ("transit_hours", t.transit_hours),
            ("storage_gap_minutes", t.storage_gap_minutes),
            ("transport_gap_minutes", t.transport_gap_minutes),
            ("logger_settle_hours", t.logger_settle_hours),
            ("excursion_gap_minutes", t.excursion_gap_minutes),
            ("vac_isolate_days", t.vac_isolate_days),
            ("vac_dispose_days", t.vac_dispose_days),
            ("copy_days", t.copy_days),
            ("flat_minutes", t.flat_minutes),
            ("storage_backfill_hours", t.storage_backfill_hours),
            ("transport_backfill_hours", t.transport_backfill_hours),
            ("upload_skew_minutes", t.upload_skew_minutes),
            ("conflict_window_hours", t.conflict_window_hours),
        ] {
            if v < 0 {
                return Err(ConfigError::Negative(name));
            }
            if v > max_threshold(name) {
                return Err(ConfigError::TooLarge(name, max_threshold(name)));
            }
        }
        if t.temp_resolution_c.is_nan() || t.temp_resolution_c < 0.0 {
            return Err(ConfigError::Negative("temp_resolution_c"));
        }
        if !(t.som_k > 0.0 && t.som_peer_factor > 0.0 && t.som_freq_factor > 0.0) {
            return Err(ConfigError::Negative(
                "som_k / som_peer_factor / som_freq_factor",
            ));
        }
        Ok(c)
    }

    /// The effective severity of a rule.
    pub fn severity_of(&self, rule: Rule) -> Severity {
        self.severity
            .get(&rule)
            .copied()
            .unwrap_or_else(|| rule.default_severity())
    }

    /// Whether a rule is enabled.
    pub fn enabled(&self, rule: Rule) -> bool {
        !self.disabled.contains(&rule)
    }
}

/// The documented default configuration, as TOML (what `rxledger rules --config-template`
/// prints).
pub const DEFAULT_TOML: &str = r#"# rxledger reconciliation configuration. Every key is optional; these are the defaults.

# Rules that produce no findings, by code (see `rxledger rules`).
disabled = []

[thresholds]
uninvoiced_days = 30          # UNINVOICED: days after each goods movement
unpaid_days = 60              # UNPAID: days after the invoice date
orphan_days = 30              # ORPHAN: days an invoice waits for goods / a payment or credit note for its invoice
correction_days = 14          # TTGK-P/S: days an invoiced or paid excess waits for its correction
near_expiry_days = 90         # EXPIRED-NEAR: window before expiry
late_entry_hours = 72         # LATE-ENTRY: occurrence to entry
amount_tolerance_minor = 0    # TTGK-P/S, UNPAID: tolerated difference, minor units (fen)
quarantine_locations = ["QA", "RET"]
return_window_days = 180      # RETURN-ORIG, CODE-UNKNOWN, ORPHAN: how long closed business is remembered
group_sales_companies = []    # TWO-INVOICE: party ids counted as the manufacturer
remote_provinces = []         # TWO-INVOICE: provinces allowed one extra invoice
special_loss_hours = 24       # SPECIAL-LOSS: discovery to report
eph_max_packs = 2             # EPH-RETAIL: packs per retail sale without prescription
eph_window_days = 7           # EPH-RETAIL: repeat-purchase window per buyer ID
eph_window_packs = 4          # EPH-RETAIL: packs per buyer ID within the window
som_k = 3.0                   # SOM: order > k x the customer's trailing average
som_history = 8               # SOM: orders in the trailing average
som_min_history = 4           # SOM: orders before the customer's own average (and a peer) counts
som_peer_factor = 10.0        # SOM: order > factor x the peers' median trailing average
som_freq_factor = 4.0         # SOM: orders in 7 days > factor x the weekly average
som_freq_min = 6              # SOM: and at least this many orders in the 7 days
transit_hours = 72            # CROSS-TRANSIT: dispatch to receipt across ledgers
storage_gap_minutes = 30      # TEMP-GAP: storage zones
transport_gap_minutes = 5     # TEMP-GAP, CC-RECEIPT: vehicles
logger_settle_hours = 4       # CC-RECEIPT: hours a receipt waits for its vehicle's temperature log
excursion_gap_minutes = 2     # TEMP-GAP: during an excursion
mkt_activation_kj_mol = 83.144  # TEMP-RANGE: activation energy for the mean kinetic temperature
vac_isolate_days = 3          # VAC-DISPOSE: isolate after an excursion or expiry
vac_dispose_days = 30         # VAC-DISPOSE: destroy expired vaccines within
temp_resolution_c = 0.05      # TEMP-COPY, TEMP-CONFLICT: sensor resolution, °C (0 = exact)
copy_days = 30                # TEMP-COPY: days back a day or trip log is compared with
copy_min_changes = 12         # TEMP-COPY: value changes a day or trip needs to be compared
flat_minutes = 240            # TEMP-FLAT: longest run of identical readings
storage_backfill_hours = 24   # TEMP-BACKFILL: reading to upload, storage zones
transport_backfill_hours = 72 # TEMP-BACKFILL: reading to upload, vehicles
upload_skew_minutes = 5       # TEMP-FUTURE: how far a reading may be dated after its upload
conflict_window_hours = 72    # TEMP-CONFLICT: readings kept per sensor to compare re-uploads

# Severity overrides by rule code, e.g. LATE-ENTRY = "minor".
[severity]
"#;
