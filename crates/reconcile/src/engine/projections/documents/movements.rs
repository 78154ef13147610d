//! Which orders a receipt named, and which sales a dispatch named, when its own number is not
//! one of them: an invoice naming receipts or delivery notes (随货同行单) instead of orders or
//! sales is matched to those.

use chrono::{DateTime, Duration, Utc};
use hashbrown::HashSet;
use rxledger_model::Event;

use super::tier::{Cold, Dec, Enc};
use super::{invoice_dir, invoice_goods, Dir, DocDue, Documents};
use crate::engine::ctx::{Due, Scheduler};
use crate::engine::projections::Id;
use crate::Config;

/// The orders or sales a goods movement named.
#[derive(Debug)]
pub(crate) struct Movement(smallvec::SmallVec<[Id; 1]>);

impl Cold for Movement {
    fn encode(&self, out: &mut Enc) {
        out.u32(self.0.len() as u32);
        for d in &self.0 {
            out.str(d);
        }
    }

    fn decode(d: &mut Dec<'_>) -> Option<Self> {
        let n = d.u32()?;
        (0..n).map(|_| d.str()).collect::<Option<_>>().map(Movement)
    }
}

impl Documents {
    /// Notes the orders or sales `named` by the goods movement numbered `doc`, when they are
    /// others than itself, so that an invoice naming the movement is matched to them.
    pub(super) fn movement(
        &mut self,
        dir: Dir,
        doc: &Id,
        named: &[Id],
        at: DateTime<Utc>,
        cfg: &Config,
        sched: &mut Scheduler,
    ) {
        if named.is_empty() || named.contains(doc) {
            return;
        }
        let map = match dir {
            Dir::Purchase => &mut self.receipt_orders,
            Dir::Sale => &mut self.dispatch_sales,
        };
        map.insert(doc.clone(), Movement(named.iter().cloned().collect()));
        let forget = DocDue::ForgetMovement(dir, doc.clone());
        let window = Duration::days(cfg.thresholds.return_window_days);
        sched.at(at + window, Due::Documents(forget));
    }

    /// Notes that the delivery notes `notes` of `supplier`, named by a receipt, were for its
    /// `orders`, so that a purchase invoice of that supplier naming only a delivery note is
    /// matched to them. A delivery note is its number and its supplier: suppliers number their
    /// 随货同行单 on their own, and two may print the same short number (round 34, A1).
    pub(super) fn delivered(
        &mut self,
        notes: &[Id],
        supplier: &str,
        orders: &[Id],
        at: DateTime<Utc>,
        cfg: &Config,
        sched: &mut Scheduler,
    ) {
        let window = Duration::days(cfg.thresholds.return_window_days);
        for n in notes {
            let key = delivery_key(n, supplier);
            self.delivery_orders
                .insert(key.clone(), Movement(orders.iter().cloned().collect()));
            let forget = DocDue::ForgetDelivery(key);
            sched.at(at + window, Due::Documents(forget));
        }
    }

    /// The orders or sales invoice `inv` (of event `e`) is for: those it names, else those of
    /// the receipts or delivery notes it names (each movement's own, when it named none); a
    /// purchase invoice naming neither orders nor receipts, those of the receipts that named the
    /// supplier's delivery notes it names.
    pub fn invoiced_goods<'e>(
        &mut self,
        e: &'e Event,
        inv: &'e rxledger_model::Invoice,
    ) -> std::borrow::Cow<'e, [Id]> {
        let dir = invoice_dir(inv);
        let primary = match dir {
            Dir::Purchase => &e.refs.order,
            Dir::Sale => &e.refs.sale,
        };
        let mut named = invoice_goods(e, inv);
        if !primary.is_empty() {
            return std::borrow::Cow::Borrowed(named);
        }
        let by_note = dir == Dir::Purchase && named.is_empty();
        let map = match dir {
            Dir::Purchase if by_note => {
                named = &e.refs.delivery_note;
                &mut self.delivery_orders
            }
            Dir::Purchase => &mut self.receipt_orders,
            Dir::Sale => &mut self.dispatch_sales,
        };
        let mut all: Vec<Id> = Vec::with_capacity(named.len());
        for m in named {
            let found = if by_note {
                map.get(&delivery_key(m, &inv.issuer))
            } else {
                map.get(m)
            };
            match found {
                Some(docs) => all.extend(docs.0.iter().cloned()),
                None => all.push(m.clone()),
            }
        }
        // Each once, in the order first named (a monthly invoice names many).
        let mut seen = HashSet::with_capacity(all.len());
        all.retain(|d| seen.insert(d.clone()));
        std::borrow::Cow::Owned(all)
    }
}

/// The key of the delivery note `note` of `supplier` in [`Documents::delivered`]'s table.
fn delivery_key(note: &str, supplier: &str) -> Id {
    let mut k = Id::with_capacity(note.len() + 1 + supplier.len());
    k.push_str(note);
    k.push('\u{1f}');
    k.push_str(supplier);
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Which orders or sales a movement named, set aside on disk and not read back, is a fault
    /// of the documents (and so of the check), whichever side it is.
    #[test]
    fn a_movement_lost_on_disk_is_a_fault_of_the_documents() {
        for side in 0..3 {
            let mut d = Documents::default();
            let tier = match side {
                0 => &mut d.receipt_orders,
                1 => &mut d.dispatch_sales,
                _ => &mut d.delivery_orders,
            };
            tier.fault = Some(std::io::Error::other("a frame fails its checksum"));
            let err = d.take_fault().expect("a fault").to_string();
            assert!(err.contains("a frame fails its checksum"), "{err}");
            assert!(d.take_fault().is_none());
        }
    }
}
