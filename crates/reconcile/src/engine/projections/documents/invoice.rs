//! An invoice as the documents projection keeps it until the return window after its payment
//! deadline.

use chrono::{DateTime, Utc};
use smallvec::SmallVec;

use super::{Dir, Excess};
use crate::engine::projections::Id;

/// An invoice, net of its credit notes.
///
/// About a million wait for the return window at a wholesaler's volume, so the usual invoice
/// allocates nothing but itself (128 bytes): its records up to a payment and its one order or
/// sale are inline, and what few invoices have (credit notes, an overpayment) is boxed apart.
#[derive(Debug)]
pub(crate) struct Invoice {
    pub seq: u64,
    pub dir: Dir,
    pub counterparty: Id,
    /// Total, minor units, net of credit notes.
    pub total: i64,
    /// Paid, minor units (refunds subtract).
    pub paid: i64,
    /// The invoice, its credit notes and payments.
    pub seqs: SmallVec<[u64; 2]>,
    /// The orders or sales (or receipts or delivery notes) it is for.
    pub goods: SmallVec<[Id; 1]>,
    /// Has a special-control line.
    pub special: bool,
    /// Has a compound-ephedrine line.
    pub ephedrine: bool,
    /// The latest `occurred_at` of the invoice, its credit notes and payments.
    pub last_at: DateTime<Utc>,
    /// Credit notes and an overpayment, when it has any.
    pub(super) rare: Option<Box<RareInvoice>>,
}

const _: () = assert!(std::mem::size_of::<Invoice>() <= 128);

/// What few invoices have.
#[derive(Debug, Default)]
pub(super) struct RareInvoice {
    /// The numbers of the credit notes applied to it (to forget them with it).
    credits: Vec<Id>,
    /// Paid over the total (beyond the tolerance), open or reported.
    overpaid: Option<Excess>,
}

impl Invoice {
    /// The numbers of the credit notes applied to it (to forget them with it).
    pub fn credits(&self) -> &[Id] {
        self.rare.as_ref().map_or(&[], |r| &r.credits)
    }

    /// Notes the credit note `doc` as applied to it.
    pub fn add_credit(&mut self, doc: Id) {
        self.rare.get_or_insert_default().credits.push(doc);
    }

    /// Its credit notes' numbers, as it is forgotten.
    pub fn into_credits(self) -> Vec<Id> {
        self.rare.map(|r| r.credits).unwrap_or_default()
    }

    /// Paid over the total (beyond the tolerance), open or reported.
    pub fn overpaid(&self) -> Option<Excess> {
        self.rare.as_ref().and_then(|r| r.overpaid)
    }

    /// The overpayment, to mark it reported.
    pub fn overpaid_mut(&mut self) -> Option<&mut Excess> {
        self.rare.as_mut().and_then(|r| r.overpaid.as_mut())
    }

    /// Opens or closes the overpayment (the boxed record goes when nothing is left in it).
    pub fn set_overpaid(&mut self, x: Option<Excess>) {
        match (&mut self.rare, x) {
            (None, None) => {}
            (Some(r), None) if r.credits.is_empty() => self.rare = None,
            (Some(r), x) => r.overpaid = x,
            (None, x) => self.rare.get_or_insert_default().overpaid = x,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoice() -> Invoice {
        Invoice {
            seq: 7,
            dir: Dir::Sale,
            counterparty: Id::from("CUST-1"),
            total: 100,
            paid: 0,
            seqs: smallvec::smallvec![7],
            goods: smallvec::smallvec![Id::from("SO-1")],
            special: false,
            ephedrine: false,
            last_at: DateTime::UNIX_EPOCH,
            rare: None,
        }
    }

    /// Credit notes and an overpayment live apart, and only when there are any: closing an
    /// overpayment keeps the credit notes, and an invoice without either allocates nothing.
    #[test]
    fn credits_and_overpayment_are_kept_apart() {
        let mut inv = invoice();
        assert!(inv.credits().is_empty() && inv.overpaid().is_none());
        inv.set_overpaid(None);
        assert!(inv.rare.is_none());
        let x = Excess {
            due: DateTime::UNIX_EPOCH,
            reported: false,
        };
        inv.set_overpaid(Some(x));
        assert_eq!(inv.overpaid(), Some(x));
        inv.set_overpaid(None);
        assert!(inv.rare.is_none());
        inv.set_overpaid(Some(x));
        inv.overpaid_mut().unwrap().reported = true;
        assert!(inv.overpaid().unwrap().reported);
        inv.add_credit(Id::from("CN-1"));
        inv.add_credit(Id::from("CN-2"));
        inv.set_overpaid(None);
        assert_eq!(inv.overpaid(), None);
        assert_eq!(inv.credits(), ["CN-1", "CN-2"]);
        assert_eq!(inv.into_credits(), ["CN-1", "CN-2"]);
        assert!(invoice().into_credits().is_empty());
    }

    /// An invoice with one payment and one order or sale holds them inline.
    #[test]
    fn the_usual_invoice_allocates_nothing_but_itself() {
        let mut inv = invoice();
        inv.seqs.push(9);
        assert!(!inv.seqs.spilled() && !inv.goods.spilled());
        inv.seqs.push(11);
        assert!(inv.seqs.spilled());
        assert_eq!(inv.seqs.as_slice(), [7, 9, 11]);
    }
}
