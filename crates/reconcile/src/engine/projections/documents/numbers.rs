//! Which invoice a number stands for. Two counterparties' invoices may share a number (the
//! 8-digit 发票号码 of paper invoices repeats across issuers), so an invoice is its number and its
//! counterparty: the first one booked is kept under the bare number, the others under a key naming
//! the party too ([`qualified`]), and records naming a number find their own counterparty's.

use chrono::{DateTime, Duration, Utc};

use super::{DocDue, Documents};
use crate::engine::ctx::{Due, Scheduler};
use crate::engine::projections::Id;
use crate::Config;

/// The key of the invoice numbered `number` whose counterparty is `party`, when another
/// counterparty's invoice has the bare number.
fn qualified(number: &str, party: &str) -> Id {
    let mut k = Id::with_capacity(number.len() + 1 + party.len());
    k.push_str(number);
    k.push(SHARED_SEP);
    k.push_str(party);
    k
}

/// Separates the number from the party in a [`qualified`] key.
const SHARED_SEP: char = '\u{1f}';

impl Documents {
    /// The key of the invoice a number stands for, as a record with counterparty `party` (the
    /// party paid or paying, the issuer of a purchase credit note, the buyer of a sales one)
    /// names it, and what the number is (`credit_note` or `invoice`, a term of the sentences
    /// naming what a payment settles): the invoice that party's credit note of that number
    /// credits, else that party's invoice of that number. A party with neither gets the invoice
    /// of the bare number, or the one another party's credit note credits (and is then paid the
    /// wrong invoice: `TTGK`).
    pub fn root(&mut self, number: &str, party: &str) -> (Id, &'static str) {
        let credited = self.credit_of.get(number);
        if let Some((_, root, _)) = credited.and_then(|l| l.iter().find(|(p, _, _)| p == party)) {
            return (root.clone(), "credit_note");
        }
        let other = credited.map(|l| l[0].1.clone());
        let key = self.invoice_key(number, party);
        match other {
            Some(root) if key == number && !self.invoices.contains_key(number) => {
                (root, "credit_note")
            }
            _ => (key, "invoice"),
        }
    }

    /// The record of the credit note numbered `number` that [`Documents::root`] took for a record
    /// of `party` naming it (when it said `credit_note`): that party's, else the first booked.
    pub fn credit_note_seq(&self, number: &str, party: &str) -> Option<u64> {
        let list = self.credit_of.get(number)?;
        let own = list.iter().find(|(p, _, _)| p == party);
        own.or(list.first()).map(|(_, _, seq)| *seq)
    }

    /// The key of the invoice numbered `number` with counterparty `party`: the bare number unless
    /// another counterparty's invoice has it.
    fn invoice_key(&self, number: &str, party: &str) -> Id {
        // Usually no number is shared: no hashing then.
        let shared = (!self.shared.is_empty())
            .then(|| self.shared.get(number))
            .flatten();
        if shared.is_some_and(|parties| parties.iter().any(|p| p == party)) {
            qualified(number, party)
        } else {
            Id::from(number)
        }
    }

    /// The key a new invoice numbered `number` with counterparty `party` is booked under: a
    /// party whose number another counterparty's booked invoice has gets a key of its own.
    pub(super) fn new_invoice_key(&mut self, number: &str, party: &str) -> Id {
        let key = self.invoice_key(number, party);
        if key != number {
            return key;
        }
        match self.invoices.get(number) {
            Some(other) if other.counterparty != party => {
                let parties = self.shared.entry(Id::from(number)).or_default();
                parties.push(Id::from(party));
                qualified(number, party)
            }
            _ => key,
        }
    }

    /// Forgets the invoice of key `doc` (unless a credit note keeps it longer), its credit notes
    /// and its share of a number.
    pub(super) fn forget_invoice(
        &mut self,
        doc: Id,
        cfg: &Config,
        sched: &mut Scheduler,
        now: Option<DateTime<Utc>>,
    ) {
        let Some(inv) = self.invoices.forget(&doc) else {
            return;
        };
        // A credit note keeps the invoice it credits (and itself) the return window
        // after its own payment deadline: a refund of a rebate booked late in the
        // invoice's memory still finds them.
        let days = cfg.thresholds.unpaid_days + cfg.thresholds.return_window_days;
        if let Some(keep) = inv.credited_at().map(|at| at + Duration::days(days)) {
            if now.is_some_and(|now| keep > now) {
                self.invoices.insert(doc.clone(), inv);
                sched.at(keep, Due::Documents(DocDue::ForgetInvoice(doc)));
                return;
            }
        }
        // Only its own credit notes, not a scan of every credit note ever booked.
        for c in inv.into_credits() {
            if let Some(list) = self.credit_of.get_mut(&c) {
                list.retain(|(_, root, _)| *root != doc);
                if list.is_empty() {
                    self.credit_of.remove(&c);
                }
            }
        }
        if let Some((number, party)) = doc.split_once(SHARED_SEP) {
            if let Some(parties) = self.shared.get_mut(number) {
                parties.retain(|p| p != party);
                if parties.is_empty() {
                    self.shared.remove(number);
                }
            }
        }
    }
}
