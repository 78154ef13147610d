//! Vaccines: VAC-DISPOSE (a short-dated vaccine batch left in the refrigerator past expiry
//! instead of being isolated and destroyed).

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::Generator;

/// The rules this family plants (the families together plant [`crate::PLANTABLE`]).
#[cfg(test)]
pub(crate) const RULES: &[&str] = &["VAC-DISPOSE"];

/// VAC-DISPOSE, on receiving a vaccine batch on `date`: it expires in 20 days and is abandoned
/// (the weekly sweep leaves it alone). Returns whether it is planted.
pub(crate) fn short_dated(
    g: &mut Generator,
    p: usize,
    date: NaiveDate,
    expiry: &mut NaiveDate,
) -> bool {
    if !g.world.products[p].vaccine || !g.plant("VAC-DISPOSE") {
        return false;
    }
    *expiry = date + Duration::days(20);
    true
}

/// After the receipt `seq` of `batches`: an abandoned batch's findings name the receipt, one
/// certain the day after expiry, one 30 days after.
pub(crate) fn after_receipt(g: &mut Generator, seq: u64, batches: &[usize]) {
    for &b in batches {
        if g.batches[b].abandoned {
            let expired = (g.batches[b].expiry + Duration::days(1))
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default()
                .and_utc();
            g.record("VAC-DISPOSE", seq, expired + Duration::days(1));
            g.record("VAC-DISPOSE", seq, expired + Duration::days(30));
        }
    }
}

/// When batch `b` is isolated at `t` (after an excursion): an abandoned batch is abandoned no
/// more, and its findings not yet certain are withdrawn.
pub(crate) fn on_isolated(g: &mut Generator, t: DateTime<Utc>, b: usize) {
    let seq = g.batches[b].receipt_seq;
    g.plants
        .manifest
        .retain(|p| !(p.rule == "VAC-DISPOSE" && p.seq == seq && p.certain_at > t));
    g.batches[b].abandoned = false;
}
