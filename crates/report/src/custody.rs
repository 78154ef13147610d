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

use rxledger_reconcile::trace::{Break, Chain, Place, Step, Target};
use rxledger_reconcile::Msg;

use crate::messages::{Lang, Messages};

/// One break in words: a finding's break names its rule and record, then the finding's own
/// sentence; a break between ledgers is its sentence.
pub fn break_text(m: &Messages, b: &Break) -> String {
    let sentence = m.render(&b.message);
    match b.rule {
        Some(rule) => m.render(
            &Msg::new("custody-break-at")
                .arg("rule", rule.code())
                .arg("seq", b.seq)
                .arg("ledger", b.ledger.display().to_string())
                .arg("sentence", sentence),
        ),
        None => sentence,
    }
}

/// `s` padded with spaces to `width` terminal columns (a CJK character takes two).
fn pad(s: &str, width: usize) -> String {
    let wide = |c: char| matches!(c, '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}');
    let used: usize = s.chars().map(|c| if wide(c) { 2 } else { 1 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(used)))
}

/// A custody chain as English text: one line per step, then its breaks (or that it is unbroken).
pub fn custody_text(target: &Target, chain: &Chain) -> String {
    custody_text_with(target, chain, &Messages::new(Lang::En))
}

/// A custody chain as text in the language and time zone of `m`.
pub fn custody_text_with(target: &Target, chain: &Chain, m: &Messages) -> String {
    let mut s = String::new();
    let what = match target {
        Target::Code(c) => Msg::new("custody-unit").arg("code", c.as_str()),
        Target::Batch { product, batch } => Msg::new("custody-batch")
            .arg("product", product.as_str())
            .arg("batch", batch.as_str()),
    };
    let head = Msg::new("custody-head")
        .arg("what", what)
        .arg("steps", chain.steps.len());
    let _ = writeln!(s, "{}", m.render(&head));
    let (holder, qty, seq) = (
        m.label("custody-holder"),
        m.label("custody-qty"),
        m.label("report-seq"),
    );
    for st in &chain.steps {
        let kind = m.render(&Msg::new("event-kind").arg("kind", st.kind));
        let holder_name = m.names().party(&st.holder).unwrap_or(&st.holder);
        let moved = movement(m, st);
        let _ = writeln!(
            s,
            "  {}  {} {holder} {:<20} {:<16} {:<18} {qty} {:>6}  {} {seq} {}",
            m.instant(st.at),
            pad(&kind, 18),
            holder_name,
            st.doc,
            moved,
            st.quantity,
            st.ledger.display(),
            st.seq
        );
    }
    if chain.breaks.is_empty() {
        let _ = writeln!(s, "{}", m.label("custody-unbroken"));
    } else {
        for b in &chain.breaks {
            let _ = writeln!(s, "{}{}", m.label("custody-break"), break_text(m, b));
        }
    }
    s
}

/// A step's movement as `from → to` in the language of `m`: locations as written, a unit
/// destroyed or lost in words (`→ 销毁` in Chinese), trading partners by their registered names
/// (by id when the ledger registered none).
pub(crate) fn movement(m: &Messages, step: &Step) -> String {
    let place = |p: &Place| match p {
        Place::Location(l) => l.clone(),
        Place::Party(id) => m.names().party(id).unwrap_or(id).to_owned(),
        Place::Destroyed => m.label("custody-destroyed"),
        Place::Lost => m.label("custody-lost"),
    };
    format!("{} → {}", place(&step.from), place(&step.to))
}
