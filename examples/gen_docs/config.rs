//! `docs/configuration.md`: every threshold of the configuration (`Thresholds`, whose defaults
//! `DEFAULT_TOML` spells out) with its default, unit, the rules that use it and its basis, and
//! the template itself.

use rxledger::reconcile::{Thresholds, DEFAULT_TOML, RULES};
use serde_json::Value;
use std::fmt::Write as _;

/// Where a threshold's default comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The default is the figure the cited regulation sets; a lower (stricter) value is policy.
    Law,
    /// A business or inspection judgement; adjust it to the company's terms.
    Policy,
    /// Describes the company itself (its locations, partners, region); no default fits all.
    Site,
}

/// What the documentation says of one threshold besides its default.
pub struct Threshold {
    /// Key in `[thresholds]`.
    pub name: &'static str,
    /// Unit of the value.
    pub unit: &'static str,
    /// Law, policy or site data.
    pub basis: Basis,
    /// What it means, in one sentence.
    pub meaning: &'static str,
}

const fn t(
    name: &'static str,
    unit: &'static str,
    basis: Basis,
    meaning: &'static str,
) -> Threshold {
    Threshold {
        name,
        unit,
        basis,
        meaning,
    }
}

use Basis::{Law, Policy, Site};

/// Every threshold, in the order of `DEFAULT_TOML` (a test checks that this list, the
/// `Thresholds` fields and the template name the same keys in the same order).
pub const THRESHOLDS: &[Threshold] = &[
    t("uninvoiced_days", "days", Policy, "Days after a goods movement of an order or sale by which invoices must cover its goods (the first movement sets the deadline; goods moved later are due this many days after they moved; a movement recorded after events of later date counts from the latest `occurred_at` before it, see the introduction of rules.md)."),
    t("unpaid_days", "days", Policy, "Days after an invoice's date by which it must be settled."),
    t("orphan_days", "days", Policy, "Days an invoice may wait for its goods, or a payment or credit note for its invoice, before it is an ORPHAN; what waited still applies within `return_window_days` after that."),
    t("correction_days", "days", Policy, "Days an invoiced or paid excess (more invoiced than accepted or dispatched, more paid than invoiced) may wait for its correction (goods, a credit note, a refund) before it is a finding; until then it is pending. Counted from the latest record of the order, sale or invoice when the excess arose; a partial correction (a credit note leaving part of it) or a later record does not restart it, a full correction ends it."),
    t("near_expiry_days", "days", Policy, "A dispatch this many days or fewer before the batch's expiry is near-expiry."),
    t("late_entry_hours", "hours", Policy, "Hours between occurrence and entry beyond which an event is late."),
    t("amount_tolerance_minor", "minor units (fen)", Policy, "Tolerated difference between an invoice and its payments."),
    t("quarantine_locations", "location codes", Site, "Locations holding quarantined, rejected or returned goods (VAC-DISPOSE also counts vaccines moved there as isolated)."),
    t("return_window_days", "days", Policy, "How long sales and orders are remembered (from their `occurred_at`), invoices (from their payment deadline), payments, credit notes and invoiced quantities still waiting (from their ORPHAN deadline), and shipped codes (to the end of the local day this many days after the day they left): for returns, late documents and code checks."),
    t("group_sales_companies", "party ids", Site, "Suppliers counted as the manufacturer for the two-invoice rule (a manufacturer's group sales companies)."),
    t("remote_provinces", "province names", Site, "Provinces (as in `party_registered.province`) where one extra invoice is allowed (remote areas)."),
    t("special_loss_hours", "hours", Policy, "Hours from the discovery of a loss of special-control drugs to its report."),
    t("eph_max_packs", "minimum sale units (packs)", Law, "Most packs of compound ephedrine preparations per retail sale without prescription (国食药监办〔2012〕260号: two)."),
    t("eph_window_days", "days", Policy, "Window for repeat compound-ephedrine purchases by one buyer ID: this many 24-hour days back from each retail sale."),
    t("eph_window_packs", "minimum sale units (packs)", Policy, "Most packs one buyer ID may buy within the window."),
    t("som_k", "multiple", Policy, "An order above this multiple of the customer's trailing average is suspicious."),
    t("som_history", "orders", Policy, "Orders in the customer's trailing average."),
    t("som_min_history", "orders", Policy, "Orders a customer needs before its own trailing average is used (before, its orders are compared with its peers'), and another customer before it counts as a peer."),
    t("som_peer_factor", "multiple", Policy, "An order above this multiple of the other customers' median trailing average is suspicious."),
    t("som_freq_factor", "multiple", Policy, "Orders in 7 days above this multiple of the customer's weekly average over the previous 8 weeks are suspicious."),
    t("som_freq_min", "orders", Policy, "The frequency test needs at least this many orders in the 7 days."),
    t("transit_hours", "hours", Policy, "Longest time from a dispatch in one ledger to its receipt in another."),
    t("storage_gap_minutes", "minutes", Law, "Longest recording gap of a storage zone (GSP 附录 温湿度自动监测: at least every 30 minutes)."),
    t("transport_gap_minutes", "minutes", Law, "Longest recording gap in transport (GSP 附录 温湿度自动监测: at least every 5 minutes)."),
    t("logger_settle_hours", "hours", Policy, "Hours after a cold-chain arrival that a receipt waits for the vehicle's temperature log (loggers are read out and uploaded after the receipt is recorded) before it is judged without them."),
    t("excursion_gap_minutes", "minutes", Law, "Longest recording gap while out of range (GSP 附录 温湿度自动监测: at least every 2 minutes)."),
    t("mkt_activation_kj_mol", "kJ/mol", Policy, "Activation energy of the mean kinetic temperature (USP <1079> convention: 83.144)."),
    t("vac_isolate_days", "days", Policy, "Days after a temperature excursion ends within which the vaccines in its zone are isolated (expired vaccines: during the day after expiry, not configurable)."),
    t("vac_dispose_days", "days", Policy, "Days after 00:00 of the day after expiry by which expired vaccines are destroyed."),
    t("temp_resolution_c", "°C", Policy, "Sensor resolution: for TEMP-CONFLICT, two readings of one instant at most this far apart are the same value (exactly this far apart is no conflict); for TEMP-COPY, readings are rounded to multiples of it before days or trips are compared (0 = exact)."),
    t("copy_days", "days", Policy, "How many days back a day of a zone's sensor or a trip log is compared with for copies."),
    t("copy_min_changes", "value changes", Policy, "A day or trip log needs at least this many changes of value to be compared for copies (a steady sensor is TEMP-FLAT's concern)."),
    t("flat_minutes", "minutes", Policy, "Longest run of identical readings of one sensor."),
    t("storage_backfill_hours", "hours", Policy, "Longest time from a storage zone's reading to its upload."),
    t("transport_backfill_hours", "hours", Policy, "Longest time from a vehicle logger's reading to its upload (the trip is read out after arrival)."),
    t("upload_skew_minutes", "minutes", Policy, "How far a reading may be dated after its upload (clock difference tolerated)."),
    t("conflict_window_hours", "hours", Policy, "How long a sensor's readings are kept to compare overlapping uploads."),
];

/// The documentation of threshold `name`.
pub fn threshold(name: &str) -> Option<&'static Threshold> {
    THRESHOLDS.iter().find(|t| t.name == name)
}

/// The defaults, as JSON (`Thresholds::default()`).
pub fn defaults() -> serde_json::Map<String, Value> {
    match serde_json::to_value(Thresholds::default()) {
        Ok(Value::Object(m)) => m,
        _ => panic!("Thresholds serialise as an object"),
    }
}

/// The default of `name` as written in TOML.
pub fn default_of(name: &str) -> String {
    match &defaults()[name] {
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(Value::to_string).collect();
            format!("`[{}]`", items.join(", "))
        }
        v => format!("`{v}`"),
    }
}

/// The keys of `[thresholds]` in `DEFAULT_TOML`, in order.
pub fn template_keys() -> Vec<&'static str> {
    DEFAULT_TOML
        .split("[thresholds]")
        .nth(1)
        .unwrap_or_default()
        .split("\n[")
        .next()
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim()))
        .filter(|k| !k.starts_with('#'))
        .collect()
}

fn table() -> String {
    let mut out = String::from(
        "| threshold | default | unit | used by | basis | meaning |\n|---|---|---|---|---|---|\n",
    );
    for t in THRESHOLDS {
        let rules: Vec<String> = RULES
            .iter()
            .filter(|r| r.thresholds.contains(&t.name))
            .map(|r| format!("[`{}`](rules.md#{})", r.code, crate::rules::anchor(r)))
            .collect();
        let basis = match t.basis {
            Law => "law",
            Policy => "policy",
            Site => "site",
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {basis} | {} |",
            t.name,
            default_of(t.name),
            t.unit,
            rules.join(", "),
            t.meaning
        );
    }
    out
}

/// Regenerates `docs/configuration.md`: the region `thresholds` (the table) and `template`
/// (`DEFAULT_TOML` verbatim).
pub fn configuration_doc(doc: &str) -> Result<String, String> {
    let documented: Vec<&str> = THRESHOLDS.iter().map(|t| t.name).collect();
    if template_keys() != documented {
        return Err(format!(
            "the thresholds of DEFAULT_TOML ({:?}) differ from THRESHOLDS in examples/gen_docs/config.rs ({documented:?})",
            template_keys()
        ));
    }
    let (out, keys) = crate::markers::fill(doc, |k| match k {
        "thresholds" => Some(table()),
        "template" => Some(format!("```toml\n{DEFAULT_TOML}```")),
        _ => None,
    })?;
    if keys != ["thresholds", "template"] {
        return Err(format!(
            "docs/configuration.md needs the generated regions `thresholds` and `template`, has {keys:?}"
        ));
    }
    Ok(out)
}
