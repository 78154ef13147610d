//! Goods movements: what an event does to stock, derived in one place.
//!
//! Every consumer of stock (the reconciliation engine, the summary, custody tracing, the
//! cross-ledger checks) reads movements through [`movements`], so a new event kind or a change of
//! meaning is made here once.
//!
//! ```
//! use rxledger_model::movements::{movements, Movement};
//!
//! let text = r#"{"v":1,"id":"01a0fa72-7440-7209-aebc-fe9ae6d15339","kind":"put_away","occurred_at":"2026-10-02T02:30:00Z","recorded_by":["保管-赵磊"],"data":{"doc":"RK2026100200001","lines":[{"product":"86923456000014","batch":"2608060001","quantity":10,"from":"RCV","to":"A-01"}]}}"#;
//! let e = rxledger_model::Event::from_json(text)?;
//! let m: Vec<Movement<'_>> = movements(&e).collect();
//! assert_eq!(m.len(), 2);
//! assert_eq!((m[0].location, m[0].delta), ("RCV", -10));
//! assert_eq!((m[1].location, m[1].delta), ("A-01", 10));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::{Event, EventBody};

/// Why goods moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MovementKind {
    /// Accepted quantity of a receipt, into its receiving location.
    Receipt,
    /// Put-away from the receiving area.
    PutAway,
    /// Transfer between locations.
    Transfer,
    /// Dispatch to a customer.
    Dispatch,
    /// Return to a supplier.
    SupplierReturn,
    /// Destruction.
    Destruction,
    /// Loss or theft.
    Loss,
    /// Return from a customer.
    CustomerReturn,
}

/// One change of stock of a product and batch at a location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Movement<'a> {
    /// Why.
    pub kind: MovementKind,
    /// Index of the event's line the movement comes from.
    pub line: usize,
    /// Product code.
    pub product: &'a str,
    /// Batch.
    pub batch: &'a str,
    /// Location.
    pub location: &'a str,
    /// Signed change (saturated at `i64::MAX` in magnitude).
    pub delta: i64,
    /// Unit traceability codes moved with the line.
    pub codes: &'a [crate::Text],
}

fn qty(q: u64) -> i64 {
    i64::try_from(q).unwrap_or(i64::MAX)
}

/// The goods movements of an event, in line order; a put-away or transfer line gives the
/// outgoing movement first, then the incoming one. Events that move no goods give none.
pub fn movements(e: &Event) -> impl Iterator<Item = Movement<'_>> {
    let mut out: Vec<Movement<'_>> = Vec::new();
    match &e.body {
        EventBody::Receipt(r) => {
            for (i, l) in r.lines.iter().enumerate() {
                out.push(Movement {
                    kind: MovementKind::Receipt,
                    line: i,
                    product: &l.product,
                    batch: &l.batch,
                    location: &l.location,
                    delta: qty(l.accepted),
                    codes: &l.codes,
                });
            }
        }
        EventBody::PutAway(m) => move_lines(&mut out, MovementKind::PutAway, &m.lines),
        EventBody::Transfer(m) => move_lines(&mut out, MovementKind::Transfer, &m.lines),
        EventBody::Dispatch(d) => out_lines(&mut out, MovementKind::Dispatch, &d.lines),
        EventBody::SupplierReturn(d) => out_lines(&mut out, MovementKind::SupplierReturn, &d.lines),
        EventBody::Destruction(d) => out_lines(&mut out, MovementKind::Destruction, &d.lines),
        EventBody::LossReport(d) => out_lines(&mut out, MovementKind::Loss, &d.lines),
        EventBody::CustomerReturn(r) => {
            for (i, l) in r.lines.iter().enumerate() {
                out.push(Movement {
                    kind: MovementKind::CustomerReturn,
                    line: i,
                    product: &l.product,
                    batch: &l.batch,
                    location: &l.to,
                    delta: qty(l.quantity),
                    codes: &l.codes,
                });
            }
        }
        _ => {}
    }
    out.into_iter()
}

fn move_lines<'a>(out: &mut Vec<Movement<'a>>, kind: MovementKind, lines: &'a [crate::MoveLine]) {
    for (i, l) in lines.iter().enumerate() {
        let from = Movement {
            kind,
            line: i,
            product: &l.product,
            batch: &l.batch,
            location: &l.from,
            delta: -qty(l.quantity),
            codes: &l.codes,
        };
        out.push(from);
        out.push(Movement {
            location: &l.to,
            delta: qty(l.quantity),
            ..from
        });
    }
}

fn out_lines<'a>(out: &mut Vec<Movement<'a>>, kind: MovementKind, lines: &'a [crate::OutLine]) {
    for (i, l) in lines.iter().enumerate() {
        out.push(Movement {
            kind,
            line: i,
            product: &l.product,
            batch: &l.batch,
            location: &l.from,
            delta: -qty(l.quantity),
            codes: &l.codes,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stock_event_moves_goods_and_others_do_not() {
        // The sample events of every kind in the format reference's golden file.
        let text = include_str!("../../../samples/month/events.jsonl");
        let mut kinds = std::collections::BTreeSet::new();
        for line in text.lines() {
            let e = Event::from_json(line).unwrap();
            let m: Vec<_> = movements(&e).collect();
            if !m.is_empty() {
                kinds.insert(format!("{:?}", m[0].kind));
            }
            let moves = matches!(
                e.body,
                EventBody::Receipt(_)
                    | EventBody::PutAway(_)
                    | EventBody::Transfer(_)
                    | EventBody::Dispatch(_)
                    | EventBody::SupplierReturn(_)
                    | EventBody::Destruction(_)
                    | EventBody::LossReport(_)
                    | EventBody::CustomerReturn(_)
            );
            if !moves {
                assert!(m.is_empty(), "{line}");
            }
            // Put-aways and transfers conserve stock.
            if matches!(e.body, EventBody::PutAway(_) | EventBody::Transfer(_)) {
                assert_eq!(m.iter().map(|m| m.delta).sum::<i64>(), 0);
            }
        }
        assert!(kinds.len() >= 4, "{kinds:?}");
    }
}
