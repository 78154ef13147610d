//! Unit traceability codes on dispatch: SPECIAL-CHAIN (a unit that leaves without its code: a
//! break in the custody chain of a special-control drug), CODE-FORMAT (a malformed code),
//! CODE-UNKNOWN (a code never issued), CODE-DUP (a code already shipped).
//!
//! The four are alternatives on the same line (at most one per dispatch), so they are planted
//! together here although SPECIAL-CHAIN belongs to the special-control family.

use chrono::{DateTime, Utc};
use rxledger_model::OutLine;

use super::Marks;
use crate::Generator;

/// The rules this family plants (the families together plant [`crate::PLANTABLE`]).
#[cfg(test)]
pub(crate) const RULES: &[&str] = &["SPECIAL-CHAIN", "CODE-DUP", "CODE-UNKNOWN", "CODE-FORMAT"];

/// What the family remembers.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// The last code shipped on a dispatch without a planted code (for CODE-DUP).
    last_shipped: Option<String>,
    /// Codes made up for CODE-UNKNOWN.
    fabricated: u64,
}

/// On a dispatch at `t`: on the first line with unit codes, one of the four rules may be
/// planted.
pub(crate) fn on_dispatch(
    g: &mut Generator,
    t: DateTime<Utc>,
    lines: &mut [OutLine],
    marks: &mut Marks,
) {
    let mut code_plant = None;
    let mut shipped_code = None;
    if let Some(l) = lines.iter_mut().find(|l| !l.codes.is_empty()) {
        shipped_code = l.codes.last().cloned();
        if g.plant("SPECIAL-CHAIN") {
            l.codes.pop();
            code_plant = Some("SPECIAL-CHAIN");
        } else if g.plant("CODE-FORMAT") {
            l.codes[0] = format!("{}X", &l.codes[0][..19]).into();
            code_plant = Some("CODE-FORMAT");
        } else if g.plant("CODE-UNKNOWN") {
            g.plants.codes.fabricated += 1;
            l.codes[0] = format!(
                "{}{:09}0000",
                &l.codes[0][..7],
                900_000_000 + g.plants.codes.fabricated
            )
            .into();
            code_plant = Some("CODE-UNKNOWN");
        } else if g.plants.codes.last_shipped.is_some() && g.plant("CODE-DUP") {
            l.codes[0] = g
                .plants
                .codes
                .last_shipped
                .clone()
                .unwrap_or_default()
                .into();
            code_plant = Some("CODE-DUP");
        }
    }
    match code_plant {
        Some(rule) => marks.add(rule, t),
        None => {
            if let Some(c) = shipped_code {
                g.plants.codes.last_shipped = Some(c.to_string());
            }
        }
    }
}
