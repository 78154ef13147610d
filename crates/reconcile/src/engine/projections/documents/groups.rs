//! Consolidated documents: one document covering several orders or sales (a monthly invoice
//! for several sales, 月结; one delivery for several orders). The orders or sales it names become
//! one *group*, matched as a whole: the group's goods (summed over its members) against its
//! invoices. A group is judged at the latest invoicing deadline of its members.

use super::{Dir, Documents, Goods};
use crate::engine::projections::Total;

/// How deep an alias chain may be followed (groups are merged root to root, so chains stay
/// short; the bound only guards against a cycle).
const MAX_CHAIN: usize = 64;

impl Documents {
    /// The key of the group the order or sale `doc` belongs to (itself when it is in none).
    pub fn group(&self, dir: Dir, doc: &str) -> (Dir, String) {
        let mut k = (dir, doc.to_owned());
        for _ in 0..MAX_CHAIN {
            match self.alias.get(&k) {
                Some(root) => k = (dir, root.clone()),
                None => break,
            }
        }
        k
    }

    /// The orders or sales of the group `k`, the root first.
    pub fn members(&self, k: &(Dir, String)) -> Vec<String> {
        self.group_members
            .get(k)
            .cloned()
            .unwrap_or_else(|| vec![k.1.clone()])
    }

    /// Whether any of `docs` (orders or sales of side `dir`) had goods.
    pub fn had_goods(&self, dir: Dir, docs: &[String]) -> bool {
        docs.iter()
            .any(|d| self.seen_goods.contains(&(dir, d.clone())))
    }

    /// Makes the orders or sales `docs` of side `dir` one group and returns its key (`None` when
    /// `docs` is empty). The root is the first group with goods still counted (else the first
    /// named); the others' goods and early invoices are added to it.
    pub(super) fn unite(&mut self, dir: Dir, docs: &[String]) -> Option<(Dir, String)> {
        let mut roots: Vec<(Dir, String)> = Vec::new();
        for d in docs {
            let r = self.group(dir, d);
            if !roots.contains(&r) {
                roots.push(r);
            }
        }
        if roots.len() <= 1 {
            return roots.pop();
        }
        let at = roots
            .iter()
            .position(|r| self.goods.contains_key(r))
            .unwrap_or(0);
        let root = roots.remove(at);
        for r in roots {
            self.alias.insert(r.clone(), root.1.clone());
            let mut moved = self
                .group_members
                .remove(&r)
                .unwrap_or_else(|| vec![r.1.clone()]);
            self.group_members
                .entry(root.clone())
                .or_insert_with(|| vec![root.1.clone()])
                .append(&mut moved);
            if let Some(g) = self.goods.remove(&r) {
                match self.goods.get_mut(&root) {
                    Some(into) => merge(into, g),
                    None => {
                        self.goods.insert(root.clone(), g);
                    }
                }
            }
            if let Some(early) = self.early_invoiced.remove(&r) {
                self.early_invoiced
                    .entry(root.clone())
                    .or_default()
                    .absorb(early);
            }
        }
        if let Some(early) = self.early_invoiced.remove(&root) {
            match self.goods.get_mut(&root) {
                Some(g) => g.absorb(early),
                None => {
                    self.early_invoiced.insert(root.clone(), early);
                }
            }
        }
        Some(root)
    }

    /// Forgets that `doc` belongs to a group once its return window closed, unless the group's
    /// goods are still counted.
    pub(super) fn forget_member(&mut self, k: &(Dir, String)) {
        let root = self.group(k.0, &k.1);
        if self.goods.contains_key(&root) {
            return;
        }
        self.alias.remove(k);
        if let Some(members) = self.group_members.get_mut(&root) {
            members.retain(|m| m != &k.1);
            if members.len() <= 1 {
                self.group_members.remove(&root);
            }
        }
    }
}

/// Adds the goods record `b` to `a` (both of one group).
fn merge(a: &mut Goods, b: Goods) {
    for (p, n) in b.goods {
        a.goods.entry(p).or_insert(0).add_sat(n);
    }
    for (p, n) in b.invoiced {
        a.invoiced.entry(p).or_insert(0).add_sat(n);
    }
    a.invoice_seqs.extend(b.invoice_seqs);
    a.seq = a.seq.min(b.seq);
    a.last_at = a.last_at.max(b.last_at);
    for (p, x) in b.excess {
        a.excess.entry(p).or_insert(x);
    }
    a.checked &= b.checked;
    a.due = a.due.max(b.due);
}

impl Documents {
    /// The sale among `docs` (a document naming several sales) that a line of `product` and
    /// `batch` belongs to: the first known sale with the line and `room(sale) > 0`, else the last
    /// known sale with the line, else the first named. `None` when `docs` is empty.
    pub fn sale_for_line<'d>(
        &self,
        docs: &'d [String],
        product: &str,
        batch: &str,
        room: impl Fn(&super::SaleRec) -> u64,
    ) -> Option<&'d str> {
        // One pass, no vector: the first with room wins, else the last with the line.
        let mut last = None;
        for d in docs {
            let Some(s) = self.sales.get(d) else {
                continue;
            };
            if s.sold(product, batch).is_none() {
                continue;
            }
            if room(s) > 0 {
                return Some(d.as_str());
            }
            last = Some(d.as_str());
        }
        last.or(docs.first().map(String::as_str))
    }
}
