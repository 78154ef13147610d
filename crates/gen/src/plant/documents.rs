//! Documents: REC-DOC (a receipt without the supplier's delivery note), OUT-REV (a dispatch
//! without an outbound review), ACC-GATE (rejected goods put away with the accepted ones).

use chrono::{DateTime, Utc};

use super::Marks;
use crate::Generator;

/// The rules this family plants (the families together plant [`crate::PLANTABLE`]).
#[cfg(test)]
pub(crate) const RULES: &[&str] = &["REC-DOC", "OUT-REV", "ACC-GATE"];

/// ACC-GATE, on a receipt line of `q` units of an ordinary product `p`: rejected goods (at
/// least two units) will be put away too. Returns whether it is planted.
pub(crate) fn accept_gate(g: &mut Generator, p: usize, q: u64, rejected: &mut u64) -> bool {
    let planted = !g.special(p) && q > 20 && g.plant("ACC-GATE");
    if planted && *rejected == 0 {
        *rejected = 2;
    }
    planted
}

/// After the put-away `seq` of a receipt with a planted ACC-GATE: the put-away names the
/// finding, and stock goes negative when the rejected goods leave.
pub(crate) fn after_put_away(g: &mut Generator, t: DateTime<Utc>, seq: u64, planted: bool) {
    if planted {
        g.record("ACC-GATE", seq, t);
        g.record("STOCK-NEG", seq, t);
    }
}

/// REC-DOC: whether the receipt at `t` names no delivery note.
pub(crate) fn receipt_without_note(g: &mut Generator, t: DateTime<Utc>, marks: &mut Marks) -> bool {
    let planted = g.plant("REC-DOC");
    if planted {
        marks.add("REC-DOC", t);
    }
    planted
}

/// OUT-REV, on booking a sale: whether its outbound review is skipped (the finding names the
/// dispatch).
pub(crate) fn skip_review(g: &mut Generator, at_dispatch: &mut Vec<&'static str>) -> bool {
    let skip = g.plant("OUT-REV");
    if skip {
        at_dispatch.push("OUT-REV");
    }
    skip
}
