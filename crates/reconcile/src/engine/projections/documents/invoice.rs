//! An invoice as the documents projection keeps it until the return window after its payment
//! deadline.

use chrono::{DateTime, Utc};
use smallvec::SmallVec;

use super::tier::{Cold, Dec, Enc};
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
    /// Has a line of a class that may not be paid in cash (`SPECIAL-CASH`: narcotics,
    /// psychotropics, precursors).
    pub no_cash: bool,
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
    /// The latest `occurred_at` of its credit notes: the invoice is remembered the return
    /// window after that credit note's own payment deadline, when that is later than its own.
    credited_at: Option<DateTime<Utc>>,
    /// Paid over the total (beyond the tolerance), open or reported.
    overpaid: Option<Excess>,
}

impl Invoice {
    /// The numbers of the credit notes applied to it (to forget them with it).
    pub fn credits(&self) -> &[Id] {
        self.rare.as_ref().map_or(&[], |r| &r.credits)
    }

    /// Notes the credit note `doc`, of `at`, as applied to it.
    pub fn add_credit(&mut self, doc: Id, at: DateTime<Utc>) {
        let r = self.rare.get_or_insert_default();
        r.credits.push(doc);
        r.credited_at = Some(r.credited_at.map_or(at, |t| t.max(at)));
    }

    /// The latest `occurred_at` of its credit notes.
    pub fn credited_at(&self) -> Option<DateTime<Utc>> {
        self.rare.as_ref().and_then(|r| r.credited_at)
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

impl Cold for Box<Invoice> {
    fn encode(&self, out: &mut Enc) {
        out.u64(self.seq);
        out.bool(self.dir == Dir::Sale);
        out.str(&self.counterparty);
        out.i64(self.total);
        out.i64(self.paid);
        out.u32(self.seqs.len() as u32);
        for s in &self.seqs {
            out.u64(*s);
        }
        out.u32(self.goods.len() as u32);
        for g in &self.goods {
            out.str(g);
        }
        out.bool(self.no_cash);
        out.bool(self.ephedrine);
        out.time(self.last_at);
        let credits = self.credits();
        out.u32(credits.len() as u32);
        for c in credits {
            out.str(c);
        }
        if let Some(at) = self.credited_at() {
            out.time(at);
        }
        match self.overpaid() {
            None => out.u8(0),
            Some(x) => {
                out.u8(1);
                out.time(x.due);
                out.bool(x.reported);
            }
        }
    }

    fn decode(d: &mut Dec<'_>) -> Option<Self> {
        let seq = d.u64()?;
        let dir = if d.bool()? { Dir::Sale } else { Dir::Purchase };
        let counterparty = d.str()?;
        let (total, paid) = (d.i64()?, d.i64()?);
        let n = d.u32()?;
        let seqs = (0..n).map(|_| d.u64()).collect::<Option<_>>()?;
        let n = d.u32()?;
        let goods = (0..n).map(|_| d.str()).collect::<Option<_>>()?;
        let (no_cash, ephedrine, last_at) = (d.bool()?, d.bool()?, d.time()?);
        let mut inv = Box::new(Invoice {
            seq,
            dir,
            counterparty,
            total,
            paid,
            seqs,
            goods,
            no_cash,
            ephedrine,
            last_at,
            rare: None,
        });
        let credits = (0..d.u32()?).map(|_| d.str()).collect::<Option<Vec<_>>>()?;
        if !credits.is_empty() {
            let at = d.time()?;
            for c in credits {
                inv.add_credit(c, at);
            }
        }
        let overpaid = match d.u8()? {
            0 => None,
            1 => Some(Excess {
                due: d.time()?,
                reported: d.bool()?,
            }),
            _ => return None,
        };
        inv.set_overpaid(overpaid);
        Some(inv)
    }

    fn wanted_on_forget(&self) -> bool {
        !self.credits().is_empty()
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
            no_cash: false,
            ephedrine: false,
            last_at: DateTime::UNIX_EPOCH,
            rare: None,
        }
    }

    /// An invoice read back from disk is the invoice written, credit notes, overpayment and
    /// all; cut short, it is no invoice.
    #[test]
    fn an_invoice_reads_back_as_written() {
        let mut inv = Box::new(invoice());
        // The tier keeps invoices boxed, so the box is what is written.
        #[allow(clippy::borrowed_box)]
        let roundtrip = |inv: &Box<Invoice>| {
            let mut out = Enc::default();
            inv.encode(&mut out);
            let mut d = Dec::new(out.bytes());
            let back = <Box<Invoice>>::decode(&mut d).expect("an invoice");
            assert_eq!(d.remaining(), 0);
            for cut in 0..out.bytes().len() {
                assert!(<Box<Invoice>>::decode(&mut Dec::new(&out.bytes()[..cut])).is_none());
            }
            format!("{back:?}")
        };
        assert_eq!(roundtrip(&inv), format!("{inv:?}"));
        inv.seqs.extend([8, 9, 10]);
        inv.goods
            .push(Id::from("SO-2 with a number longer than twenty-four bytes"));
        inv.add_credit(Id::from("CN-1"), DateTime::UNIX_EPOCH);
        inv.set_overpaid(Some(Excess {
            due: DateTime::UNIX_EPOCH + chrono::Duration::nanoseconds(1_500_000_123),
            reported: true,
        }));
        inv.paid = -3;
        assert_eq!(roundtrip(&inv), format!("{inv:?}"));
        assert!(inv.wanted_on_forget() && !Box::new(invoice()).wanted_on_forget());
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
        inv.add_credit(Id::from("CN-1"), DateTime::UNIX_EPOCH);
        inv.add_credit(Id::from("CN-2"), DateTime::UNIX_EPOCH);
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
