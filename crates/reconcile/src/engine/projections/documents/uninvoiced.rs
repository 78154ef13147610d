//! Goods at their invoicing deadline (`UNINVOICED`): what is due, which record a shortfall
//! names, and the record's life cycle after the check (goods shipped since are checked again at
//! their own deadline).

use chrono::{DateTime, Duration, Utc};

use super::key::root_in;
use super::{Dir, DocDue, Documents, Goods};
use crate::engine::ctx::{Due, Scheduler};
use crate::engine::projections::{doc_key, Id};
use crate::Config;

impl Goods {
    /// Of `goods` moved of `product`, those due for invoicing at a check whose goods must have
    /// moved by `cutoff` (the check's time less `uninvoiced_days`).
    pub fn due_goods(&self, product: &str, goods: i64, cutoff: DateTime<Utc>) -> i64 {
        let young: i64 = self
            .young
            .iter()
            .filter(|(at, p, _, _)| *at > cutoff && p == product)
            .map(|y| y.2)
            .sum();
        goods.saturating_sub(young)
    }

    /// The record a shortfall of `product` found at a check whose goods must have moved by
    /// `cutoff` points at: the first goods movement since the record was last judged (its first
    /// movement, when it was never judged; else the first of the product's goods that became due
    /// since, a part shipped later).
    pub fn short_seq(&self, product: &str, cutoff: DateTime<Utc>) -> u64 {
        match self.first_moved(product, None, cutoff) {
            Some(seq) if self.judged => seq,
            _ => self.seq,
        }
    }

    /// The first record of the goods of `product` moved since the last check (`young`), after
    /// `after` (when given) and by `cutoff`.
    pub fn first_moved(
        &self,
        product: &str,
        after: Option<DateTime<Utc>>,
        cutoff: DateTime<Utc>,
    ) -> Option<u64> {
        self.young
            .iter()
            .filter(|(at, p, _, _)| after.is_none_or(|a| *at > a) && *at <= cutoff && p == product)
            .map(|y| y.3)
            .min()
    }
}

impl Documents {
    /// The life cycle of goods at their invoicing deadline `due`, after `UNINVOICED` was
    /// checked: the shortfalls reported are noted; goods moved since and not due yet are checked
    /// again at their own deadline; otherwise the record goes (or stays, checked, while an
    /// excess is open).
    pub(super) fn goods_due(
        &mut self,
        dir: Dir,
        doc: Id,
        due: DateTime<Utc>,
        cfg: &Config,
        sched: &mut Scheduler,
    ) {
        let mut reported = Vec::new();
        let k = doc_key(dir, root_in(&self.alias, dir, &doc));
        if let Some(g) = self.goods.get_mut(&k).filter(|g| g.due == due) {
            let days = Duration::days(cfg.thresholds.uninvoiced_days);
            let cutoff = due - days;
            // What the documents family reported now (`UNINVOICED`, the same sums).
            for (p, line) in g.lines.iter() {
                let goods = g.due_goods(p, line.goods, cutoff);
                let short = goods.saturating_sub(line.invoiced.unwrap_or(0));
                if short > line.reported {
                    reported.push((p.clone(), short));
                }
            }
            for (p, short) in reported.drain(..) {
                g.lines.get_or_default(&p).reported = short;
            }
            // Goods moved since, not due yet: checked again when they are.
            if let Some(next) = g.young.iter().map(|y| y.0).filter(|at| *at > cutoff).min() {
                g.young.retain(|y| y.0 > cutoff);
                g.judged = true;
                g.due = next + days;
                let again = DocDue::Goods {
                    dir,
                    doc,
                    due: g.due,
                };
                sched.at(g.due, Due::Documents(again));
                return;
            }
            if g.lines
                .values()
                .any(|l| l.excess.is_some_and(|x| !x.reported))
            {
                g.checked = true;
            } else {
                self.goods.remove(&k);
            }
        }
    }
}
