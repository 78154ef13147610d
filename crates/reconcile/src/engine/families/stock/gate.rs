//! `ACC-GATE` at put-away, counted per location: a put-away from a location outside quarantine
//! may take only units there that passed acceptance.
//!
//! Units pass acceptance at a location (its *room*) when a receipt accepts them there, when a
//! customer returns them there (they passed it when received), and when they leave a quarantine
//! or returns location for it (a release after re-inspection; leaving quarantine otherwise is
//! `QUARANTINE`'s, reported once). A put-away or transfer between two locations outside
//! quarantine carries its units' room along (accepted units stay accepted where they go); any
//! other movement out of a location (into quarantine, a dispatch, a return to the supplier, a
//! destruction or a loss) uses it up.
//!
//! Counted for the whole batch, a unit returned into quarantine and then released to receiving
//! and put away counted twice or not at all depending on the path (rounds 26 and 27: a missed
//! finding, then a false critical on lawful re-shelving); counted where the units are, each
//! unit is counted once whatever the path.

use rxledger_model::EventBody;

use super::quarantined;
use crate::engine::ctx::{Ctx, Ev};
use crate::engine::facts::plural;
use crate::engine::projections::stock::Batch;
use crate::engine::projections::{pb, Id};
use crate::{Finding, Msg, Rule};

/// Keeps the batches' room and reports `ACC-GATE` at a put-away beyond it (once per batch).
pub(super) fn on_event(cx: &mut Ctx<'_>, ev: &Ev<'_>) {
    let seq = ev.seq;
    // (Applied line by line as read: no list of steps is made for every movement.)
    match &ev.e.body {
        EventBody::Receipt(r) => {
            for l in &r.lines {
                if !quarantined(cx.cfg, &l.location) {
                    apply(
                        cx,
                        seq,
                        Step::Add(&l.location, &l.product, &l.batch, l.accepted),
                    );
                }
            }
        }
        EventBody::CustomerReturn(r) => {
            for l in &r.lines {
                if !quarantined(cx.cfg, &l.to) {
                    apply(cx, seq, Step::Add(&l.to, &l.product, &l.batch, l.quantity));
                }
            }
        }
        EventBody::PutAway(rxledger_model::PutAway { lines, .. }) => {
            for l in lines {
                let (prod, bat, qty) = (&l.product[..], &l.batch[..], l.quantity);
                let step = match (quarantined(cx.cfg, &l.from), quarantined(cx.cfg, &l.to)) {
                    (false, false) => Step::Move(&l.from, &l.to, prod, bat, qty, Checked::Yes),
                    (false, true) => Step::Take(&l.from, prod, bat, qty),
                    (true, false) => Step::Add(&l.to, prod, bat, qty),
                    (true, true) => continue,
                };
                apply(cx, seq, step);
            }
        }
        EventBody::Transfer(rxledger_model::Transfer { lines, .. }) => {
            for l in lines {
                let (prod, bat, qty) = (&l.product[..], &l.batch[..], l.quantity);
                let step = match (quarantined(cx.cfg, &l.from), quarantined(cx.cfg, &l.to)) {
                    (false, false) => Step::Move(&l.from, &l.to, prod, bat, qty, Checked::No),
                    (false, true) => Step::Take(&l.from, prod, bat, qty),
                    (true, false) => Step::Add(&l.to, prod, bat, qty),
                    (true, true) => continue,
                };
                apply(cx, seq, step);
            }
        }
        EventBody::Dispatch(rxledger_model::Dispatch { lines, .. })
        | EventBody::SupplierReturn(rxledger_model::SupplierReturn { lines, .. })
        | EventBody::Destruction(rxledger_model::Destruction { lines, .. })
        | EventBody::LossReport(rxledger_model::LossReport { lines, .. }) => {
            for l in lines {
                if !quarantined(cx.cfg, &l.from) {
                    apply(
                        cx,
                        seq,
                        Step::Take(&l.from, &l.product, &l.batch, l.quantity),
                    );
                }
            }
        }
        _ => {}
    }
}

/// One change of a batch's room.
enum Step<'e> {
    /// Units passed acceptance at the location.
    Add(&'e str, &'e str, &'e str, u64),
    /// Units left the location (not by a put-away into storage).
    Take(&'e str, &'e str, &'e str, u64),
    /// Units moved from the first location to the second, both outside quarantine, carrying
    /// their acceptance along; a put-away is checked against it.
    Move(&'e str, &'e str, &'e str, &'e str, u64, Checked),
}

/// Whether a move is checked against the room it takes: a put-away is, a transfer is not.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Checked {
    Yes,
    No,
}

fn apply(cx: &mut Ctx<'_>, seq: u64, step: Step<'_>) {
    let (product, batch) = match step {
        Step::Add(_, p, b, _) | Step::Take(_, p, b, _) | Step::Move(_, _, p, b, _, _) => (p, b),
    };
    let Some(b) = cx.proj.stock.batches.get_mut(&pb(product, batch)) else {
        return;
    };
    match step {
        Step::Add(loc, _, _, n) => add(b, loc, n),
        Step::Take(loc, _, _, n) => {
            take(b, loc, n);
        }
        Step::Move(loc, to, _, _, n, checked) => {
            let room = take(b, loc, n);
            // Accepted units stay accepted where they go (a second put-away, from staging or
            // between storage locations, is no ACC-GATE: round 28).
            add(b, to, room);
            if checked == Checked::Yes && room < n && !b.acc_gate_reported {
                b.acc_gate_reported = true;
                let m = Msg::new("acc-gate-put-away")
                    .arg("put_away", n)
                    .arg("put_away_plural", plural(n))
                    .arg("product", product)
                    .arg("batch", batch)
                    .arg("location", loc)
                    .arg("accepted", room);
                let f = Finding::new(Rule::AccGate, seq, m)
                    .product(product)
                    .batch(batch)
                    .location(loc)
                    .figures(
                        Msg::new("acc-gate-put-away-expected").arg("qty", room),
                        Msg::new("acc-gate-put-away-actual").arg("qty", n),
                    );
                cx.out.emit(f);
            }
        }
    }
}

/// Adds `n` units of room at `loc`.
fn add(b: &mut Batch, loc: &str, n: u64) {
    if n == 0 {
        return;
    }
    match b.room.iter_mut().find(|(l, _)| l == loc) {
        Some((_, room)) => *room = room.saturating_add(n),
        None => b.room.push((Id::from(loc), n)),
    }
}

/// Takes up to `n` units of room at `loc`; returns how many there were.
fn take(b: &mut Batch, loc: &str, n: u64) -> u64 {
    let Some(i) = b.room.iter().position(|(l, _)| l == loc) else {
        return 0;
    };
    let taken = b.room[i].1.min(n);
    b.room[i].1 -= taken;
    if b.room[i].1 == 0 {
        b.room.swap_remove(i);
    }
    taken
}
