//! Goods movements counted for the orders or sales they are for, and the invoiced excess over
//! them.

use chrono::{DateTime, Duration, Utc};

use super::key::{root_of, Root};
use super::seen::Before;
use super::{Dir, DocDue, Documents, Excess, Goods};
use crate::engine::ctx::{Due, Ev, Scheduler};
use crate::engine::projections::lines::Lines;
use crate::engine::projections::Total;
use crate::engine::projections::{doc_key, Id};
use crate::Config;

impl Documents {
    /// Counting goods movements of the event `ev` for the orders or sales `members` of side
    /// `dir` (one group).
    pub(super) fn moved<'a>(
        &'a mut self,
        cfg: &'a Config,
        sched: &'a mut Scheduler,
        now: Option<DateTime<Utc>>,
        ev: &Ev<'_>,
        dir: Dir,
        members: &'a [Id],
    ) -> Moved<'a> {
        // The group does not change while the event's lines are counted.
        let root = members
            .first()
            .map(|first| root_of(&self.alias, dir, first));
        Moved {
            docs: self,
            cfg,
            sched,
            now,
            seq: ev.seq,
            at: ev.e.occurred_at,
            dir,
            members,
            root,
            members_seen: false,
        }
    }
}

/// Goods movements of one event, counted for the orders or sales it names (one group).
pub(super) struct Moved<'a> {
    docs: &'a mut Documents,
    cfg: &'a Config,
    sched: &'a mut Scheduler,
    now: Option<DateTime<Utc>>,
    seq: u64,
    /// The event's `occurred_at`.
    at: DateTime<Utc>,
    dir: Dir,
    /// The orders or sales (at least one), already united into one group.
    members: &'a [Id],
    /// The root of the group's key (`None` when there are no members).
    root: Option<Root<'a>>,
    /// Every member is known to have had goods: after the first line counted, none is fresh
    /// (a dispatch of thousands of sales, one line each, looked them all up for every line).
    members_seen: bool,
}

impl Moved<'_> {
    /// Counts `q` of `product` for the group with `party`. The first movement of a member sets
    /// the group's invoicing deadline (so does the first delivery after a deadline that an open
    /// excess outlived); a late return of a group already checked is not counted.
    pub(super) fn add(&mut self, party: &str, product: &str, q: i64) {
        let Some(root) = self.root.as_deref() else {
            return;
        };
        let d = &mut *self.docs;
        let dir = self.dir;
        let key = doc_key(dir, root);
        let now = self.now.unwrap_or_default();
        let due = now + Duration::days(self.cfg.thresholds.uninvoiced_days);
        let forget = now + Duration::days(self.cfg.thresholds.return_window_days);
        let sched = &mut *self.sched;
        // A member that had goods before is known for the return window after this movement
        // too (a back-order months later): its earlier deadline finds it kept, this one forgets.
        let mut fresh = |m: &Id| match d.seen_goods.moved(dir, m, forget) {
            Before::Never => true,
            Before::Extended => {
                sched.at(forget, Due::Documents(DocDue::ForgetSeen(dir, m.clone())));
                false
            }
            Before::Kept => false,
        };
        // The members new to goods, in the members' order, repeats included (as each is
        // scheduled to be forgotten); no vector for the usual single member.
        let (one, many): (Option<&str>, Vec<&str>) = match self.members {
            _ if self.members_seen => (None, Vec::new()),
            [m] => (fresh(m).then_some(m.as_str()), Vec::new()),
            all => (
                None,
                all.iter().filter(|m| fresh(m)).map(Id::as_str).collect(),
            ),
        };
        let none_fresh = one.is_none() && many.is_empty();
        let check = || {
            Due::Documents(DocDue::Goods {
                dir,
                doc: Id::from(root),
                due,
            })
        };
        let existed = d.goods.contains_key(&key);
        match d.goods.get_mut(&key) {
            None => {
                if q <= 0 && none_fresh {
                    return; // a late return on a group already evaluated
                }
                d.goods.insert(
                    (dir, Id::from(root)),
                    Goods {
                        seq: self.seq,
                        party: Id::from(party),
                        lines: Lines::default(),
                        invoice_seqs: Vec::new(),
                        last_at: self.at,
                        checked: false,
                        due,
                        young: Vec::new(),
                        judged: false,
                    },
                );
                self.sched.at(due, check());
            }
            Some(g) if (g.checked && q > 0) || !none_fresh => {
                g.checked = false;
                g.due = g.due.max(due);
                self.sched.at(due, check());
            }
            Some(_) => {}
        }
        for m in one.into_iter().chain(many) {
            let seen = DocDue::ForgetSeen(dir, Id::from(m));
            d.seen_goods.insert(dir, Id::from(m), forget);
            self.sched.at(forget, Due::Documents(seen));
        }
        // Nothing forgets a member while one event's lines are counted.
        self.members_seen = true;
        if let Some(early) = d.early_invoiced.remove(&key) {
            if let Some(g) = d.goods.get_mut(&key) {
                g.absorb(early);
            }
        }
        if let Some(g) = d.goods.get_mut(&key) {
            if existed && q > 0 {
                g.young.push((now, Id::from(product), q, self.seq));
            }
            let line = g.lines.get_or_default(product);
            // A return counts for no more than the group's goods of the product: units returned
            // beyond what was dispatched or accepted for it are `RETURN-ORIG`'s (or a supplier
            // return's own error), not fewer goods (round 22: a return of 61 on 60 dispatched
            // left "-1 dispatched" for the invoice to be judged against).
            let q = if q < 0 { q.max(-line.goods.max(0)) } else { q };
            line.goods.add_sat(q);
            g.last_at = g.last_at.max(self.at);
            excess_quantity(g, (dir, root), self.cfg, self.sched);
        }
    }
}

/// Opens (or closes, when corrected) the invoiced excess of each product of the goods `g` of the
/// group `(dir, root)`.
pub(super) fn excess_quantity(
    g: &mut Goods,
    (dir, root): (Dir, &str),
    cfg: &Config,
    sched: &mut Scheduler,
) {
    let window = Duration::days(cfg.thresholds.correction_days);
    let last_at = g.last_at;
    for (p, line) in g.lines.iter_mut() {
        let Some(inv) = line.invoiced else {
            continue;
        };
        let over = inv > line.goods;
        match (over, line.excess) {
            (true, None) => {
                let due = last_at + window;
                line.excess = Some(Excess {
                    due,
                    reported: false,
                });
                let d = DocDue::Excess {
                    dir,
                    doc: Id::from(root),
                    product: p.clone(),
                    due,
                };
                sched.at(due, Due::Documents(d));
            }
            (false, Some(x)) if !x.reported => line.excess = None,
            _ => {}
        }
    }
}
