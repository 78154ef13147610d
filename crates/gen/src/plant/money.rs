//! Goods, books, invoices and payments: TTGK-P and TTGK-S (money to or from an account not
//! registered for the party), UNINVOICED (a dispatch never invoiced), UNPAID (an invoice never
//! paid), ORPHAN (a payment settling no invoice in the books).

use chrono::{DateTime, Duration, Utc};
use rxledger_model::{EventBody, Money, Payment, PaymentDirection, PaymentMethod, Refs};

use super::Marks;
use crate::sim::{OpenSale, OWNER};
use crate::Generator;

/// The rules this family plants (the families together plant [`crate::PLANTABLE`]).
#[cfg(test)]
pub(crate) const RULES: &[&str] = &["TTGK-P", "TTGK-S", "UNINVOICED", "UNPAID", "ORPHAN"];

/// What the family remembers.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// Invoice numbers made up for ORPHAN payments.
    orphan_invoices: u64,
}

/// TTGK-P, on paying a supplier at `t` (not in cash): the payee account, `account` or one not
/// registered for the supplier.
pub(crate) fn supplier_account(
    g: &mut Generator,
    t: DateTime<Utc>,
    cash: bool,
    account: String,
    marks: &mut Marks,
) -> String {
    if !cash && g.plant("TTGK-P") {
        marks.add("TTGK-P", t);
        "6217001540012345678".into()
    } else {
        account
    }
}

/// ORPHAN, after paying `supplier`: a second payment that settles no invoice in the books
/// (certain 30 days later, when no invoice has turned up).
pub(crate) fn after_supplier_payment(
    g: &mut Generator,
    t: DateTime<Utc>,
    supplier: usize,
    amount: i64,
) {
    if !g.plant("ORPHAN") {
        return;
    }
    let doc = g.doc("FK");
    g.plants.money.orphan_invoices += 1;
    let n = g.plants.money.orphan_invoices;
    let owner = &g.world.parties[OWNER];
    let sup = &g.world.parties[supplier];
    let body = EventBody::Payment(Payment {
        doc: doc.into(),
        direction: PaymentDirection::Outgoing,
        payer: owner.id.as_str().into(),
        payee: sup.id.as_str().into(),
        payer_account: owner.account.as_str().into(),
        payee_account: sup.account.as_str().into(),
        amount: Money::cny(amount / 3 + 1),
        method: PaymentMethod::BankTransfer,
        invoices: vec![format!("2699{n:016}").into()],
    });
    let seq = g.emit(t, &["财务-王芳"], Refs::default(), body);
    g.record("ORPHAN", seq, t + Duration::days(30));
}

/// UNINVOICED, on booking a sale: whether it will never be invoiced.
pub(crate) fn skip_invoice(g: &mut Generator) -> bool {
    g.plant("UNINVOICED")
}

/// UNINVOICED, on the dispatch at `t` of a sale never invoiced: the finding names the dispatch
/// and is certain 30 days later.
pub(crate) fn on_dispatch(t: DateTime<Utc>, sale: &OpenSale, marks: &mut Marks) {
    if sale.skip_invoice {
        marks.add("UNINVOICED", t + Duration::days(30));
    }
}

/// UNPAID, after the sale invoice `seq` at `t`: whether it is never paid (certain 60 days
/// later).
pub(crate) fn unpaid(g: &mut Generator, t: DateTime<Utc>, seq: u64) -> bool {
    let planted = g.plant("UNPAID");
    if planted {
        g.record("UNPAID", seq, t + Duration::days(60));
    }
    planted
}

/// TTGK-S, on the customer's payment at `t`: the payer account, `account` or one not
/// registered for the customer (then the sale is a planted flow: no returns).
pub(crate) fn customer_account(
    g: &mut Generator,
    t: DateTime<Utc>,
    sale: &mut OpenSale,
    account: String,
    marks: &mut Marks,
) -> String {
    let planted = g.plant("TTGK-S");
    sale.planted |= planted;
    if planted {
        marks.add("TTGK-S", t);
        "6222020299990001234".into()
    } else {
        account
    }
}
