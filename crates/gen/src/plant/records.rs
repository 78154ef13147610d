//! Records: LATE-ENTRY (a record entered in the system days after the fact).

use chrono::{DateTime, Duration, Utc};

use crate::Generator;

/// The rules this family plants (the families together plant [`crate::PLANTABLE`]).
#[cfg(test)]
pub(crate) const RULES: &[&str] = &["LATE-ENTRY"];

/// When record `seq`, which occurred at `t`, is entered: `normal`, or five days late (planted
/// LATE-ENTRY). Master data is never entered late.
pub(crate) fn entered_at(
    g: &mut Generator,
    seq: u64,
    t: DateTime<Utc>,
    master: bool,
    normal: DateTime<Utc>,
) -> DateTime<Utc> {
    if !master && g.plant("LATE-ENTRY") {
        g.record("LATE-ENTRY", seq, t);
        t + Duration::days(5)
    } else {
        normal
    }
}
