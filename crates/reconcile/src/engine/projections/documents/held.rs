//! Evidence that arrived before the invoice it belongs to: credit notes and payments naming an
//! invoice (or credit note) not yet in the books wait for it within the orphan window and are
//! applied when it is booked, so that the books do not depend on the order of recording.

use chrono::{DateTime, Duration, Utc};
use rxledger_model::{Event, PaymentDirection, PaymentMethod};
use smallvec::SmallVec;

use super::{excess_amount, payment_counterparty, Dir, DocDue, Documents};
use crate::engine::ctx::{Due, Scheduler};
use crate::engine::projections::{Id, Total};
use crate::Config;

/// A credit note, as it applies to the invoice it credits (kept when that is not booked yet).
#[derive(Debug)]
pub(super) struct EarlyCredit {
    pub doc: Id,
    /// Its counterparty (the issuer of a purchase credit note, the buyer of a sales one).
    pub party: Id,
    pub seq: u64,
    pub minor: i64,
    pub at: DateTime<Utc>,
}

/// A payment that names invoices not (yet) in the books: what is left of it waits for them.
#[derive(Debug)]
pub(super) struct Held {
    amount_left: i64,
    /// The invoices (or credit notes) it names that are not known yet, in the payment's order.
    pub unknown: Vec<Id>,
    /// Those of them another counterparty's booked invoice (or credit note) had when it was
    /// recorded: waiting for the payment's own counterparty's (two issuers' paper invoices share
    /// numbers).
    other: SmallVec<[Id; 1]>,
    /// Those whose cash was reported when the payment was recorded (`SPECIAL-CASH`,
    /// `EPH-RETAIL`, against another counterparty's invoice of the number): not again when its
    /// own is booked.
    cash_reported: SmallVec<[Id; 1]>,
    payment: PaymentRef,
}

/// A payment, as the checks of its invoices need it.
#[derive(Clone, Debug)]
pub(crate) struct PaymentRef {
    pub seq: u64,
    pub doc: Id,
    pub direction: PaymentDirection,
    pub method: PaymentMethod,
    /// The party that pays or is paid, and its account.
    pub counterparty: Id,
    pub account: Id,
    pub at: DateTime<Utc>,
}

/// A held payment applied to an invoice booked after it: the invoice number the payment names.
#[derive(Clone, Debug)]
pub(crate) struct Applied {
    pub payment: PaymentRef,
    pub number: Id,
    /// Whether its cash was reported for that number when it was recorded (against another
    /// counterparty's invoice of the number): `SPECIAL-CASH`, `EPH-RETAIL` are not reported again.
    pub cash_reported: bool,
}

impl Documents {
    /// Applies the credit note `c` to the invoice `root`, then what waited for the credit note.
    pub(super) fn credit(
        &mut self,
        root: &str,
        c: &EarlyCredit,
        cfg: &Config,
        sched: &mut Scheduler,
    ) {
        let Some(r) = self.invoices.get_mut(root) else {
            return;
        };
        r.total.sub_sat(c.minor);
        r.seqs.push(c.seq);
        r.add_credit(c.doc.clone(), c.at);
        r.last_at = r.last_at.max(c.at);
        let party = r.counterparty.clone();
        let list = self.credit_of.entry(c.doc.clone()).or_default();
        match list.iter_mut().find(|(p, _, _)| *p == c.party) {
            Some((_, r, seq)) => (*r, *seq) = (Id::from(root), c.seq),
            None => list.push((c.party.clone(), Id::from(root), c.seq)),
        }
        excess_amount(r, root, cfg, sched);
        self.resolved(&c.doc, root, &party, cfg, sched);
    }

    /// `number` (an invoice or credit note) is now in the books, for the invoice `root` with
    /// counterparty `party`: the credit notes and payments of that counterparty that waited for
    /// it are applied. Those of another counterparty wait on for their own invoice of that number
    /// (two suppliers' paper invoices may share one), until their `ORPHAN` deadline
    /// ([`Documents::settle_late`]).
    pub(super) fn resolved(
        &mut self,
        number: &str,
        root: &str,
        party: &str,
        cfg: &Config,
        sched: &mut Scheduler,
    ) {
        if let Some(list) = self.early_credits.remove(number) {
            let (mine, others): (Vec<_>, Vec<_>) = list.into_iter().partition(|c| c.party == party);
            if !others.is_empty() {
                self.early_credits.insert(Id::from(number), others);
            }
            for c in mine {
                self.credit(root, &c, cfg, sched);
            }
        }
        if let Some(pays) = self.awaiting.remove(number) {
            let held = &self.held;
            let (mine, others): (Vec<u64>, Vec<u64>) = pays
                .into_iter()
                .partition(|p| held.get(p).is_none_or(|h| h.payment.counterparty == party));
            if !others.is_empty() {
                self.awaiting.insert(Id::from(number), others);
            }
            for pay in mine {
                if let Some(a) = self.apply_held(pay, number, root, cfg, sched) {
                    self.applied.push(a);
                }
            }
        }
    }

    /// Applies what is left of the held payment `pay` to the invoice `root`, which the number
    /// `number` it names stands for.
    fn apply_held(
        &mut self,
        pay: u64,
        number: &str,
        root: &str,
        cfg: &Config,
        sched: &mut Scheduler,
    ) -> Option<Applied> {
        let h = self.held.get_mut(&pay)?;
        let inv = self.invoices.get_mut(root)?;
        h.unknown.retain(|n| n != number);
        let share = if h.unknown.is_empty() {
            h.amount_left
        } else {
            h.amount_left.min(inv.total.saturating_sub(inv.paid).max(0))
        };
        h.amount_left.sub_sat(share);
        inv.paid
            .add_sat(if flows_with(inv.dir, h.payment.direction) {
                share
            } else {
                share.saturating_neg()
            });
        inv.seqs.push(pay);
        inv.last_at = inv.last_at.max(h.payment.at);
        let applied = Applied {
            payment: h.payment.clone(),
            number: Id::from(number),
            cash_reported: h.cash_reported.iter().any(|n| n == number),
        };
        if h.unknown.is_empty() {
            self.held.remove(&pay);
        }
        excess_amount(inv, root, cfg, sched);
        Some(applied)
    }

    /// What the held payment `seq` still waits for that now stands for an invoice in the books:
    /// numbers whose own counterparty's invoice never came, another's being booked, with the
    /// invoice each stands for (the first booked of that number).
    fn late_roots(&mut self, seq: u64) -> Vec<(Id, Id)> {
        let Some(h) = self.held.get(&seq) else {
            return Vec::new();
        };
        let (party, waiting) = (h.payment.counterparty.clone(), h.unknown.clone());
        let mut out = Vec::new();
        for number in waiting {
            let (root, _) = self.root(&number, &party);
            if self.invoices.contains_key(&root) {
                out.push((number, root));
            }
        }
        out
    }

    /// At the `ORPHAN` deadline of the held payment `seq`, before [`Documents::settle_late`]: the
    /// payment and each number it settles then, another counterparty's invoice, for the
    /// documents family to report as paid to the wrong party (`TTGK`).
    pub fn late_payments(&mut self, seq: u64) -> Vec<Applied> {
        let roots = self.late_roots(seq);
        let Some(h) = self.held.get(&seq) else {
            return Vec::new();
        };
        let payment = &h.payment;
        roots
            .into_iter()
            .map(|(number, _)| Applied {
                payment: payment.clone(),
                cash_reported: h.cash_reported.contains(&number),
                number,
            })
            .collect()
    }

    /// Whether the payment `seq` waits for the invoice (or credit note) `number` (not yet in the
    /// books, or only another counterparty's): its checks are made when it is applied.
    pub fn waits(&self, seq: u64, number: &str) -> bool {
        self.held
            .get(&seq)
            .is_some_and(|h| h.unknown.iter().any(|n| n == number))
    }

    /// Notes that the cash of the held payment `seq` was reported for `number` when it was
    /// recorded ([`Applied::cash_reported`]).
    pub fn cash_reported(&mut self, seq: u64, number: &str) {
        if let Some(h) = self.held.get_mut(&seq) {
            h.cash_reported.push(Id::from(number));
        }
    }

    /// At the end of the input: the held payments (in record order) that would settle another
    /// counterparty's invoice at their `ORPHAN` deadline ([`Documents::late_payments`]), their
    /// own counterparty's not having come.
    pub fn held_for_other(&mut self) -> Vec<u64> {
        let mut seqs: Vec<u64> = self
            .held
            .iter()
            .filter(|(_, h)| !h.other.is_empty())
            .map(|(s, _)| *s)
            .collect();
        seqs.sort_unstable();
        seqs.retain(|s| !self.late_roots(*s).is_empty());
        seqs
    }

    /// At the `ORPHAN` deadline of the held payment `seq`: what still waits for numbers now in
    /// the books is applied to the invoices they stand for ([`Documents::late_payments`]).
    pub(crate) fn settle_late(&mut self, seq: u64, cfg: &Config, sched: &mut Scheduler) {
        for (number, root) in self.late_roots(seq) {
            if let Some(list) = self.awaiting.get_mut(&number) {
                list.retain(|s| *s != seq);
                if list.is_empty() {
                    self.awaiting.remove(&number);
                }
            }
            self.apply_held(seq, &number, &root, cfg, sched);
        }
    }

    /// The credit note `doc` still waiting for the number `invoice` that now stands for an
    /// invoice in the books (its own counterparty's never came, another's was booked): where it
    /// waits, and that invoice's key.
    fn late_credit_root(&mut self, doc: &str, invoice: &str) -> Option<(usize, Id)> {
        let list = self.early_credits.get(invoice)?;
        let i = list.iter().position(|c| c.doc == doc)?;
        let party = list[i].party.clone();
        let (root, _) = self.root(invoice, &party);
        self.invoices.contains_key(&root).then_some((i, root))
    }

    /// At the `ORPHAN` deadline of the credit note `doc`, before
    /// [`Documents::settle_credit_late`]: if it then credits another counterparty's invoice, its
    /// counterparty, and that invoice's with its record and side, for the documents family to
    /// report (`TTGK`).
    pub fn late_credit(&mut self, doc: &str, invoice: &str) -> Option<(Id, Id, u64, Dir)> {
        let (i, root) = self.late_credit_root(doc, invoice)?;
        let party = self.early_credits.get(invoice)?[i].party.clone();
        let target = self.invoices.get(&root)?;
        Some((party, target.counterparty.clone(), target.seq, target.dir))
    }

    /// Whether the credit note `doc` waits for the invoice `invoice` it credits (not yet in the
    /// books, or only another counterparty's): its checks are made when it is applied.
    pub fn credit_waits(&self, doc: &str, invoice: &str) -> bool {
        self.early_credits
            .get(invoice)
            .is_some_and(|list| list.iter().any(|c| c.doc == doc))
    }

    /// At the end of the input: the credit notes (record, number, and the invoice number they
    /// credit, in record order) that would credit another counterparty's invoice at their
    /// `ORPHAN` deadline ([`Documents::late_credit`]), their own counterparty's not having come.
    pub fn credits_for_other(&mut self) -> Vec<(u64, Id, Id)> {
        let mut out: Vec<(u64, Id, Id)> = self
            .early_credits
            .iter()
            .flat_map(|(inv, list)| list.iter().map(|c| (c.seq, c.doc.clone(), inv.clone())))
            .collect();
        out.sort_unstable();
        out.retain(|(_, doc, inv)| self.late_credit_root(doc, inv).is_some());
        out
    }

    /// At the `ORPHAN` deadline of the credit note `doc`: if it still waits for `invoice`, now
    /// in the books, it is applied to the invoice that number stands for
    /// ([`Documents::late_credit`]).
    pub(crate) fn settle_credit_late(
        &mut self,
        doc: &str,
        invoice: &str,
        cfg: &Config,
        sched: &mut Scheduler,
    ) {
        let Some((i, root)) = self.late_credit_root(doc, invoice) else {
            return;
        };
        let Some(list) = self.early_credits.get_mut(invoice) else {
            return;
        };
        let c = list.remove(i);
        if list.is_empty() {
            self.early_credits.remove(invoice);
        }
        self.credit(&root, &c, cfg, sched);
    }

    /// Spreads a payment over the invoices it names (the last takes the rest); what is meant for
    /// invoices not yet in the books waits for them within the orphan window.
    pub(super) fn payment(
        &mut self,
        seq: u64,
        e: &Event,
        p: &rxledger_model::Payment,
        cfg: &Config,
        sched: &mut Scheduler,
    ) {
        let mut remaining = p.amount.minor;
        let mut unknown = Vec::new();
        let mut other = SmallVec::new();
        let n = p.invoices.len();
        let (counterparty, account) = payment_counterparty(p);
        for (i, number) in p.invoices.iter().enumerate() {
            let root = self.root(number, counterparty).0;
            let Some(inv) = self.invoices.get_mut(&root) else {
                unknown.push(number.clone());
                continue;
            };
            // Another counterparty's invoice of that number: this party's own may be booked
            // after the payment (two issuers' paper invoices share numbers, 343). It waits for
            // it, and is paid to the wrong party (`TTGK`) at its `ORPHAN` deadline or at the end
            // of the input if it does not come.
            if inv.counterparty != *counterparty {
                unknown.push(number.clone());
                other.push(number.clone());
                continue;
            }
            let open = inv.total.saturating_sub(inv.paid).max(0);
            let share = if i + 1 == n && unknown.is_empty() {
                remaining
            } else {
                remaining.min(open)
            };
            remaining.sub_sat(share);
            inv.paid.add_sat(if flows_with(inv.dir, p.direction) {
                share
            } else {
                share.saturating_neg()
            });
            inv.seqs.push(seq);
            inv.last_at = inv.last_at.max(e.occurred_at);
            excess_amount(inv, &root, cfg, sched);
        }
        if unknown.is_empty() {
            return;
        }
        for number in &unknown {
            self.awaiting.entry(number.clone()).or_default().push(seq);
        }
        let payment = PaymentRef {
            seq,
            doc: p.doc.clone(),
            direction: p.direction,
            method: p.method,
            counterparty: counterparty.clone(),
            account: account.clone(),
            at: e.occurred_at,
        };
        self.held.insert(
            seq,
            Held {
                amount_left: remaining,
                unknown,
                other,
                cash_reported: SmallVec::new(),
                payment,
            },
        );
        let due = e.occurred_at + Duration::days(cfg.thresholds.orphan_days);
        let orphan = DocDue::PaymentOrphan {
            seq,
            doc: p.doc.clone(),
            invoices: p.invoices.clone(),
            party: counterparty.clone(),
        };
        sched.at(due, Due::Documents(orphan));
    }
}

/// Whether money of a payment in `direction` flows with an invoice of side `dir` (purchase: we
/// pay; sale: we are paid) or against it (a refund).
fn flows_with(dir: Dir, direction: PaymentDirection) -> bool {
    matches!(
        (dir, direction),
        (Dir::Purchase, PaymentDirection::Outgoing) | (Dir::Sale, PaymentDirection::Incoming)
    )
}
