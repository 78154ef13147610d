//! Custody chains as text (`rxledger trace`), and the sentence of one break, shared with the
//! HTML report's custody section.
//!
//! ```
//! use rxledger_reconcile::trace::{trace, Target};
//!
//! let ledger = std::path::PathBuf::from(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../../samples/scenarios/special-control.jsonl"
//! ));
//! // A batch SPECIAL-CHAIN finds broken at seq 329 (19 units, 18 codes).
//! let target = Target::Batch { product: "86934567000035".into(), batch: "2609120001".into() };
//! let chain = trace(&target, &[ledger])?;
//! let text = rxledger_report::custody_text(&target, &chain);
//! assert!(text.contains("BREAK: SPECIAL-CHAIN at seq 329 of"));
//! # Ok::<(), rxledger_store::StoreError>(())
//! ```

use std::fmt::Write as _;

use rxledger_reconcile::trace::{Break, Chain, Target};

use crate::messages::{Lang, Messages};

/// One break in words: a finding's break names its rule and record, then the finding's own
/// sentence; a break between ledgers is its sentence.
pub fn break_text(m: &Messages, b: &Break) -> String {
    let sentence = m.render(&b.message);
    match b.rule {
        Some(rule) => format!(
            "{rule} at seq {} of {}: {sentence}",
            b.seq,
            b.ledger.display()
        ),
        None => sentence,
    }
}

/// A custody chain as text: one line per step, then its breaks (or that it is unbroken).
pub fn custody_text(target: &Target, chain: &Chain) -> String {
    let m = Messages::new(Lang::En);
    let mut s = String::new();
    let what = match target {
        Target::Code(c) => format!("unit {c}"),
        Target::Batch { product, batch } => format!("{product} batch {batch}"),
    };
    let _ = writeln!(s, "custody chain of {what}: {} steps", chain.steps.len());
    for st in &chain.steps {
        let _ = writeln!(
            s,
            "  {}  {:<18} holder {:<20} {:<16} {:<18} qty {:>6}  {} seq {}",
            st.at.format("%Y-%m-%d %H:%M"),
            st.kind,
            st.holder,
            st.doc,
            st.movement,
            st.quantity,
            st.ledger.display(),
            st.seq
        );
    }
    if chain.breaks.is_empty() {
        let _ = writeln!(s, "chain unbroken across the given ledgers");
    } else {
        for b in &chain.breaks {
            let _ = writeln!(s, "BREAK: {}", break_text(&m, b));
        }
    }
    s
}
