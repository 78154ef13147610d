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

/// `s` padded with spaces to `width` terminal columns: a Chinese character takes two, as a
/// terminal shows it (`{:<20}` pads by characters, so a Chinese name misaligned the columns
/// after it).
fn pad(s: &str, width: usize) -> String {
    let used = unicode_width::UnicodeWidthStr::width(s);
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
        .arg("steps", chain.steps.len())
        .arg(
            "steps_plural",
            rxledger_reconcile::Fact::Term(crate::messages::plural(chain.steps.len()).into()),
        );
    let _ = writeln!(s, "{}", m.render(&head));
    let (holder, qty, seq) = (
        m.label("custody-holder"),
        m.label("custody-qty"),
        m.label("report-seq"),
    );
    // The cells of each step, then each column padded to its widest cell (in terminal columns:
    // a Chinese name takes two a character), so the columns line up in either language. Names,
    // numbers and places are ledger data: shown with their control characters visible, as in
    // sentences (attacker round 29, m1: an ESC in a document number reached the terminal).
    let visible = crate::messages::visible;
    let rows: Vec<[String; 5]> = chain
        .steps
        .iter()
        .map(|st| {
            [
                m.instant(st.at),
                step_kind(m, st),
                visible(m.names().party(&st.holder).unwrap_or(&st.holder)),
                visible(&st.doc),
                visible(&movement(m, st)),
            ]
        })
        .collect();
    let mut widths = [0usize; 5];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(unicode_width::UnicodeWidthStr::width(cell.as_str()));
        }
    }
    for (st, [at, kind, holder_name, doc, moved]) in chain.steps.iter().zip(&rows) {
        let _ = writeln!(
            s,
            "  {}  {} {holder} {} {} {} {qty} {:>6}  {} {seq} {}",
            pad(at, widths[0]),
            pad(kind, widths[1]),
            pad(holder_name, widths[2]),
            pad(doc, widths[3]),
            pad(moved, widths[4]),
            st.quantity,
            st.ledger.display(),
            st.seq
        );
    }
    if matches!(target, Target::Batch { .. }) && !chain.steps.is_empty() {
        balance(&mut s, chain, m);
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

/// The balance of a batch at the end of its chain (round 21: a batch trace listed every movement
/// but not where the batch ended): what each holder's locations hold, in the order first seen,
/// and what left the ledgers given (to a party whose ledger was not given, destroyed, lost). A
/// movement between two ledgers given (a dispatch and its receipt) counts at the locations
/// only. A location that gave out more than the ledgers show coming in (a chain that starts
/// before the ledgers do) is shown negative, as the books would be.
fn balance(s: &mut String, chain: &Chain, m: &Messages) {
    /// Adds `q` to the net of `key`, kept in the order keys are first seen.
    fn add<K: PartialEq>(nets: &mut Vec<(K, i128)>, key: K, q: i128) {
        match nets.iter_mut().find(|(k, _)| *k == key) {
            Some((_, net)) => *net += q,
            None => nets.push((key, q)),
        }
    }
    let holders: Vec<&str> = chain.steps.iter().map(|st| st.holder.as_str()).collect();
    let mut at: Vec<((&str, &str), i128)> = Vec::new();
    // Net quantities that left: to a party (less what came back from it), destroyed, lost.
    let mut left: Vec<((&'static str, String), i128)> = Vec::new();
    for st in &chain.steps {
        let qty = i128::from(st.quantity);
        for (place, sign) in [(&st.from, -1), (&st.to, 1)] {
            match place {
                Place::Location(l) => add(&mut at, (st.holder.as_str(), l.as_str()), sign * qty),
                // A party whose ledger is not given: shipped to it (a sale, a return to the
                // supplier), or back from it (a customer's return). A receipt from it is where
                // the batch came from, not something that came back (round 24: 5 returned to
                // the supplier were netted against the 50 it delivered, and not shown). One whose
                // ledger is given counts at its locations.
                Place::Party(p)
                    if !holders.contains(&p.as_str())
                        && (sign > 0
                            || st.kind == rxledger_model::Kind::CustomerReturn.as_str()) =>
                {
                    let name = m.names().party(p).unwrap_or(p).to_owned();
                    add(&mut left, ("party", name), sign * qty);
                }
                Place::Destroyed => add(&mut left, ("destroyed", String::new()), qty),
                Place::Lost => add(&mut left, ("lost", String::new()), qty),
                Place::Party(_) => {}
            }
        }
    }
    let _ = writeln!(s, "{}", m.label("custody-balance"));
    for ((holder, location), n) in at.iter().filter(|(_, n)| *n != 0) {
        let holder = m.names().party(holder).unwrap_or(holder);
        let said = Msg::new("custody-balance-at")
            .arg("holder", holder)
            .arg("location", *location)
            .arg("qty", n.to_string());
        let _ = writeln!(s, "  {}", m.render(&said));
    }
    for ((how, to), n) in left.iter().filter(|(_, n)| *n > 0) {
        let said = Msg::new("custody-balance-left")
            .arg("how", *how)
            .arg("to", to.as_str())
            .arg("qty", n.to_string());
        let _ = writeln!(s, "  {}", m.render(&said));
    }
}

/// A step's kind, with a transfer's reason: "transfer: release after re-inspection",
/// "移库：复检放行".
pub(crate) fn step_kind(m: &Messages, step: &Step) -> String {
    let kind = m.render(&Msg::new("event-kind").arg("kind", step.kind));
    match step.reason.and_then(|r| m.term("TransferReason", r)) {
        Some(reason) => m.render(
            &Msg::new("custody-kind-reason")
                .arg("kind", kind)
                .arg("reason", reason),
        ),
        None => kind,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use rxledger_reconcile::trace::{Place, Step};

    /// A transfer shows why it moved the goods (round 26, A4: a release of a returned narcotic
    /// and a move into quarantine both read "transfer"); other steps show their kind alone.
    #[test]
    fn a_transfer_shows_its_reason() {
        let step = |kind: &'static str, reason| Step {
            ledger: "L".into(),
            holder: "H".to_owned(),
            seq: 1,
            at: chrono::Utc.with_ymd_and_hms(2026, 10, 1, 2, 0, 0).unwrap(),
            kind,
            reason,
            doc: "YK1".to_owned(),
            party: None,
            from: Place::Location("RET".to_owned()),
            to: Place::Location("SP-1".to_owned()),
            quantity: 2,
        };
        let en = Messages::new(Lang::En);
        let zh = Messages::new(Lang::Zh);
        let release = step("transfer", Some("release"));
        assert_eq!(
            step_kind(&en, &release),
            "transfer: release after re-inspection"
        );
        assert_eq!(step_kind(&zh, &release), "移库：复检放行");
        assert_eq!(
            step_kind(&en, &step("transfer", Some("quarantine"))),
            "transfer: quarantine (locked)"
        );
        assert_eq!(step_kind(&en, &step("put_away", None)), "put-away");
    }

    /// The columns after a Chinese holder, document and movement start at the same terminal
    /// column on every line (a Chinese character is two columns wide).
    #[test]
    fn columns_align_with_chinese_names() {
        let step = |holder: &str, to: &str, doc: &str| Step {
            ledger: "L".into(),
            holder: holder.to_owned(),
            seq: 1,
            at: chrono::Utc.with_ymd_and_hms(2026, 10, 1, 2, 0, 0).unwrap(),
            kind: "dispatch",
            reason: None,
            doc: doc.to_owned(),
            party: None,
            from: Place::Location("SP-1".to_owned()),
            to: Place::Party(to.to_owned()),
            quantity: 5,
        };
        let chain = Chain {
            steps: vec![
                step(
                    "浙江仁济医药有限公司",
                    "杭州市第一人民医院",
                    "PS2026100100001",
                ),
                step("ACME Pharma", "Clinic 7", "PS1"),
            ],
            breaks: Vec::new(),
        };
        let target = Target::Batch {
            product: "P".to_owned(),
            batch: "B".to_owned(),
        };
        let text = custody_text_with(&target, &chain, &Messages::new(Lang::Zh));
        // The display column where the quantity's label starts, on the steps' lines.
        let label = Messages::new(Lang::Zh).label("custody-qty");
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("  ") && l.contains(label.as_str()))
            .collect();
        assert_eq!(lines.len(), 2, "{text}");
        let column = |l: &str| {
            let at = l.find(label.as_str()).expect("the quantity label");
            unicode_width::UnicodeWidthStr::width(&l[..at])
        };
        assert_eq!(column(lines[0]), column(lines[1]), "{text}");
        // Ledger data with control characters shows them, not obeys them (round 29, m1).
        let chain = Chain {
            steps: vec![step("A\u{1b}[2J", "B\u{202e}86", "PS\u{0}1\u{ffff}")],
            breaks: Vec::new(),
        };
        let text = custody_text_with(&target, &chain, &Messages::new(Lang::En));
        assert!(
            !text.lines().any(|l| l.chars().any(crate::messages::hidden)),
            "{text:?}"
        );
        assert!(text.contains("A<U+001B>[2J") && text.contains("PS<U+0000>1<U+FFFF>"));
        assert!(text.contains("B<U+202E>86"), "{text}");
    }

    /// A batch's balance at the end: each holder's locations, what left the ledgers given (less
    /// what came back), what was destroyed; a movement between two ledgers given counts at their
    /// locations only (round 21); a return to the supplier counts as gone (round 24).
    #[test]
    fn a_batch_trace_ends_with_where_the_batch_is() {
        let at = chrono::Utc.with_ymd_and_hms(2026, 10, 1, 2, 0, 0).unwrap();
        let step = |holder: &str, kind: &'static str, from: Place, to: Place, quantity: u64| Step {
            ledger: "L".into(),
            holder: holder.to_owned(),
            seq: 1,
            at,
            kind,
            reason: None,
            doc: "D".to_owned(),
            party: None,
            from,
            to,
            quantity,
        };
        let loc = |l: &str| Place::Location(l.to_owned());
        let party = |p: &str| Place::Party(p.to_owned());
        let mut steps = vec![
            step("A", "receipt", party("S"), loc("RCV"), 100),
            step("A", "put_away", loc("RCV"), loc("SP-1"), 100),
            step("A", "dispatch", loc("SP-1"), party("C"), 30),
            step("A", "customer_return", party("C"), loc("RET"), 2),
            step("A", "destruction", loc("RET"), Place::Destroyed, 2),
            step("A", "dispatch", loc("SP-1"), party("H"), 10),
            // Round 24: a return to the supplier left the ledgers given too; the supplier's
            // delivery of 100 is not something that came back.
            step("A", "supplier_return", loc("SP-1"), party("S"), 5),
        ];
        let target = Target::Batch {
            product: "P".to_owned(),
            batch: "B".to_owned(),
        };
        let text = |steps: &[Step]| {
            let chain = Chain {
                steps: steps.to_vec(),
                breaks: Vec::new(),
            };
            custody_text_with(&target, &chain, &Messages::new(Lang::En))
        };
        let one = text(&steps);
        let end = one.split("at the end:\n").nth(1).expect("a balance");
        assert_eq!(
            end,
            "  A SP-1: 55\n  left the ledgers given: 28 to C\n  left the ledgers given: 2 destroyed\n  left the ledgers given: 10 to H\n  left the ledgers given: 5 to S\nchain unbroken across the given ledgers\n"
        );
        // H's ledger given too: its receipt holds the 10, and nothing went "to H".
        steps.push(step("H", "receipt", party("A"), loc("YK"), 10));
        let two = text(&steps);
        let end = two.split("at the end:\n").nth(1).expect("a balance");
        assert!(
            end.contains("  H YK: 10\n") && !end.contains("to H"),
            "{end}"
        );
    }
}
