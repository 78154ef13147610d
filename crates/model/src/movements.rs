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
///
/// The movements are made as they are taken (nothing is allocated).
pub fn movements(e: &Event) -> impl Iterator<Item = Movement<'_>> {
    let lines = match &e.body {
        EventBody::Receipt(r) => Lines::Receipt(&r.lines),
        EventBody::PutAway(m) => Lines::Move(MovementKind::PutAway, &m.lines),
        EventBody::Transfer(m) => Lines::Move(MovementKind::Transfer, &m.lines),
        EventBody::Dispatch(d) => Lines::Out(MovementKind::Dispatch, &d.lines),
        EventBody::SupplierReturn(d) => Lines::Out(MovementKind::SupplierReturn, &d.lines),
        EventBody::Destruction(d) => Lines::Out(MovementKind::Destruction, &d.lines),
        EventBody::LossReport(d) => Lines::Out(MovementKind::Loss, &d.lines),
        EventBody::CustomerReturn(r) => Lines::In(&r.lines),
        _ => Lines::None,
    };
    Movements {
        lines,
        next: 0,
        to_side: false,
    }
}

/// The lines an event moves goods with.
enum Lines<'a> {
    None,
    Receipt(&'a [crate::ReceiptLine]),
    /// Two movements per line: from, then to.
    Move(MovementKind, &'a [crate::MoveLine]),
    Out(MovementKind, &'a [crate::OutLine]),
    In(&'a [crate::InLine]),
}

/// The iterator of [`movements`].
struct Movements<'a> {
    lines: Lines<'a>,
    /// The line of the next movement.
    next: usize,
    /// For a put-away or transfer: the next movement is the line's incoming one.
    to_side: bool,
}

impl<'a> Iterator for Movements<'a> {
    type Item = Movement<'a>;

    fn next(&mut self) -> Option<Movement<'a>> {
        let i = self.next;
        let m = match self.lines {
            Lines::None => return None,
            Lines::Receipt(lines) => {
                let l = lines.get(i)?;
                Movement {
                    kind: MovementKind::Receipt,
                    line: i,
                    product: &l.product,
                    batch: &l.batch,
                    location: &l.location,
                    delta: qty(l.accepted),
                    codes: &l.codes,
                }
            }
            Lines::Move(kind, lines) => {
                let l = lines.get(i)?;
                let (location, delta) = if self.to_side {
                    (&l.to, qty(l.quantity))
                } else {
                    (&l.from, -qty(l.quantity))
                };
                let m = Movement {
                    kind,
                    line: i,
                    product: &l.product,
                    batch: &l.batch,
                    location,
                    delta,
                    codes: &l.codes,
                };
                self.to_side = !self.to_side;
                if self.to_side {
                    // The line's incoming movement comes next.
                    return Some(m);
                }
                m
            }
            Lines::Out(kind, lines) => {
                let l = lines.get(i)?;
                Movement {
                    kind,
                    line: i,
                    product: &l.product,
                    batch: &l.batch,
                    location: &l.from,
                    delta: -qty(l.quantity),
                    codes: &l.codes,
                }
            }
            Lines::In(lines) => {
                let l = lines.get(i)?;
                Movement {
                    kind: MovementKind::CustomerReturn,
                    line: i,
                    product: &l.product,
                    batch: &l.batch,
                    location: &l.to,
                    delta: qty(l.quantity),
                    codes: &l.codes,
                }
            }
        };
        self.next += 1;
        Some(m)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match self.lines {
            Lines::None => 0,
            Lines::Receipt(l) => l.len().saturating_sub(self.next),
            Lines::Move(_, l) => {
                (l.len().saturating_sub(self.next) * 2).saturating_sub(usize::from(self.to_side))
            }
            Lines::Out(_, l) => l.len().saturating_sub(self.next),
            Lines::In(l) => l.len().saturating_sub(self.next),
        };
        (n, Some(n))
    }
}

#[cfg(test)]
#[allow(clippy::many_single_char_names)] // (kind, line, product, batch, location, delta) rows
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

    type Row = (MovementKind, usize, String, String, String, i64, usize);

    fn row(k: MovementKind, i: usize, p: &str, b: &str, l: &str, d: i64, codes: usize) -> Row {
        (k, i, p.into(), b.into(), l.into(), d, codes)
    }

    fn moved(k: MovementKind, lines: &[crate::MoveLine]) -> Vec<Row> {
        let mut out = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let (q, n) = (qty(l.quantity), l.codes.len());
            out.push(row(k, i, &l.product, &l.batch, &l.from, -q, n));
            out.push(row(k, i, &l.product, &l.batch, &l.to, q, n));
        }
        out
    }

    fn went_out(k: MovementKind, lines: &[crate::OutLine]) -> Vec<Row> {
        let each = |(i, l): (usize, &crate::OutLine)| {
            let q = -qty(l.quantity);
            row(k, i, &l.product, &l.batch, &l.from, q, l.codes.len())
        };
        lines.iter().enumerate().map(each).collect()
    }

    /// Each movement (kind, line, product, batch, location, delta, number of codes), spelt out
    /// per event kind from the event's lines: the oracle for the iterator.
    fn expected(e: &Event) -> Vec<Row> {
        use MovementKind as K;
        match &e.body {
            EventBody::Receipt(r) => r
                .lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let d = qty(l.accepted);
                    row(
                        K::Receipt,
                        i,
                        &l.product,
                        &l.batch,
                        &l.location,
                        d,
                        l.codes.len(),
                    )
                })
                .collect(),
            EventBody::PutAway(m) => moved(K::PutAway, &m.lines),
            EventBody::Transfer(m) => moved(K::Transfer, &m.lines),
            EventBody::Dispatch(d) => went_out(K::Dispatch, &d.lines),
            EventBody::SupplierReturn(d) => went_out(K::SupplierReturn, &d.lines),
            EventBody::Destruction(d) => went_out(K::Destruction, &d.lines),
            EventBody::LossReport(d) => went_out(K::Loss, &d.lines),
            EventBody::CustomerReturn(r) => r
                .lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let (k, d) = (K::CustomerReturn, qty(l.quantity));
                    row(k, i, &l.product, &l.batch, &l.to, d, l.codes.len())
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn movements_are_the_lines_in_order_and_the_size_is_exact() {
        let text = include_str!("../../../samples/month/events.jsonl");
        // A transfer of three lines: from and to of each line, line by line.
        let transfer = r#"{"v":1,"id":"01a0fa72-7440-7209-aebc-fe9ae6d15340","kind":"transfer","occurred_at":"2026-10-02T02:30:00Z","recorded_by":["保管-赵磊"],"data":{"doc":"YK1","reason":"relocation","lines":[{"product":"P1","batch":"B1","quantity":3,"from":"A","to":"B"},{"product":"P2","batch":"B2","quantity":4,"from":"C","to":"D"},{"product":"P3","batch":"B3","quantity":5,"from":"E","to":"F"}]}}"#;
        let mut seen = 0;
        for line in text.lines().chain([transfer]) {
            let e = Event::from_json(line).unwrap();
            let mut it = movements(&e);
            let mut got = Vec::new();
            loop {
                let (lo, hi) = it.size_hint();
                assert_eq!(Some(lo), hi);
                let Some(m) = it.next() else {
                    assert_eq!(lo, 0, "{line}");
                    break;
                };
                assert!(lo >= 1, "{line}");
                let (p, b, l) = (m.product, m.batch, m.location);
                got.push(row(m.kind, m.line, p, b, l, m.delta, m.codes.len()));
            }
            assert_eq!(got, expected(&e), "{line}");
            assert!(it.next().is_none(), "{line}");
            seen += got.len();
        }
        assert!(seen > 6, "{seen}");
        let e = Event::from_json(transfer).unwrap();
        let locations: Vec<&str> = movements(&e).map(|m| m.location).collect();
        assert_eq!(locations, ["A", "B", "C", "D", "E", "F"]);
    }
}
