//! Consolidated documents: one document covering several orders or sales (a monthly invoice
//! for several sales, 月结; one delivery for several orders). The orders or sales it names become
//! one *group*, matched as a whole: the group's goods (summed over its members) against its
//! invoices. A group is judged at the latest invoicing deadline of its members.

use super::key::{root_in, root_of, Root};
use super::{Dir, Documents, Goods};
use crate::engine::projections::Total;
use crate::engine::projections::{doc_key, key, pb, Id};

impl Documents {
    /// The orders or sales of the group of root `root`, the root first; `None` when the group
    /// is the root alone.
    pub fn members(&self, dir: Dir, root: &str) -> Option<&[Id]> {
        self.group_members
            .get(&doc_key(dir, root))
            .map(Vec::as_slice)
    }

    /// The root of the group of the order or sale `doc` and the group's goods, while counted.
    pub fn group_goods<'a>(&'a self, dir: Dir, doc: &'a str) -> (&'a str, Option<&'a Goods>) {
        let root = root_in(&self.alias, dir, doc);
        (root, self.goods.get(&doc_key(dir, root)))
    }

    /// Makes the orders or sales `docs` of side `dir` one group and returns the root of its key
    /// (`None` when `docs` is empty). The root is the first group with goods still counted
    /// (else the first named); the others' goods and early invoices are added to it.
    pub(super) fn unite<'d>(&mut self, dir: Dir, docs: &'d [Id]) -> Option<Root<'d>> {
        let first = docs.first()?;
        let r0 = root_of(&self.alias, dir, first);
        // The usual case: one document, or documents already of one group (nothing to merge).
        if docs[1..]
            .iter()
            .all(|d| root_in(&self.alias, dir, d) == &*r0)
        {
            return Some(r0);
        }
        let mut roots: Vec<(Dir, Id)> = distinct(docs.iter().map(|d| root_in(&self.alias, dir, d)))
            .into_iter()
            .map(|r| (dir, r))
            .collect();
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
        Some(Root::Owned(root.1))
    }

    /// Forgets that `doc` of side `dir` belongs to a group once its return window closed,
    /// unless the group's goods are still counted.
    pub(super) fn forget_member(&mut self, dir: Dir, doc: &str) {
        // The root outlives the alias it may be the value of.
        let root = root_of(&self.alias, dir, doc);
        if self.goods.contains_key(&doc_key(dir, &root)) {
            return;
        }
        self.alias.remove(&doc_key(dir, doc));
        if let Some(members) = self.group_members.get_mut(&doc_key(dir, &root)) {
            members.retain(|m| m != doc);
            if members.len() <= 1 {
                self.group_members.remove(&doc_key(dir, &root));
            }
        }
    }
}

/// Each of `names` once, in the order first named. A set beside the list: a monthly invoice can
/// name thousands of sales, and a search of the list per name was quadratic.
fn distinct<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Id> {
    let mut seen = hashbrown::HashSet::new();
    names
        .filter(|name| seen.insert(*name))
        .map(Id::from)
        .collect()
}

/// Adds the goods record `b` to `a` (both of one group).
fn merge(a: &mut Goods, b: Goods) {
    for (p, b) in b.lines {
        let a = a.lines.get_or_default(&p);
        a.goods.add_sat(b.goods);
        if let Some(n) = b.invoiced {
            a.invoice(n);
        }
        if a.excess.is_none() {
            a.excess = b.excess;
        }
    }
    a.invoice_seqs.extend(b.invoice_seqs);
    a.young.extend(b.young);
    a.seq = a.seq.min(b.seq);
    a.last_at = a.last_at.max(b.last_at);
    a.checked &= b.checked;
    a.due = a.due.max(b.due);
}

impl Documents {
    /// The sale among `docs` (a document naming several sales) that a line of `product` and
    /// `batch` belongs to: the first known sale with the line and `room(sale) > 0`, else the last
    /// known sale with the line, else the first named. `None` when `docs` is empty.
    ///
    /// `cursors` belongs to one event and one `room`: as the event's lines are taken in, room
    /// only shrinks, so each (product, batch)'s search resumes where its last one stopped
    /// (a review covering thousands of sales, one line each, was quadratic).
    pub fn sale_for_line<'d>(
        &mut self,
        docs: &'d [Id],
        product: &str,
        batch: &str,
        room: impl Fn(&super::SaleRec) -> u64,
        cursors: &mut Cursors,
    ) -> Option<&'d str> {
        // One document is the answer whatever its lines (it is the first named).
        if let [one] = docs {
            return Some(one.as_str());
        }
        let sales = &mut self.sales;
        let room_of = |i: usize| {
            sales
                .get(docs[i].as_str())
                .filter(|s| s.sold(product, batch).is_some())
                .map(&room)
        };
        let cursor = if docs.len() <= 16 {
            None
        } else if let Some(c) = cursors.0.get_mut(&pb(product, batch)) {
            Some(c)
        } else {
            Some(cursors.0.entry(key(product, batch)).or_default())
        };
        let i = first_with_room(docs.len(), room_of, cursor);
        i.map(|i| docs[i].as_str()).or(docs.first().map(Id::as_str))
    }
}

/// How much of `left` (what is left of a review, dispatch or return line covering several sales)
/// the sale it fell to takes: the `room` it has, when it has some but not all that is left; else
/// all of it (the last sale with the line takes what is left, and may go over).
pub(crate) fn share(room: u64, left: u64) -> u64 {
    if room > 0 && room < left {
        room
    } else {
        left
    }
}

/// Where the searches of one event's sales stand, per (product, batch) (see
/// [`Documents::sale_for_line`]).
#[derive(Default)]
pub(crate) struct Cursors(hashbrown::HashMap<(Id, Id), Cursor>);

/// Where one search stands: sales before `next` have no room for the line (or no line).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Cursor {
    next: usize,
    /// The last sale with the line among those looked at.
    last: Option<usize>,
}

/// Of `n` sales, where `room(i)` is `None` for one that is unknown or lacks the line: the first
/// with room, else the last with the line. With a cursor the search starts where the last one
/// stopped, which gives the same answer as long as no room grew since.
fn first_with_room(
    n: usize,
    mut room: impl FnMut(usize) -> Option<u64>,
    cursor: Option<&mut Cursor>,
) -> Option<usize> {
    let mut own = Cursor::default();
    let c = cursor.unwrap_or(&mut own);
    while c.next < n {
        if let Some(r) = room(c.next) {
            c.last = Some(c.next);
            if r > 0 {
                return Some(c.next);
            }
        }
        c.next += 1;
    }
    c.last
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// Each name once, in the order first named: what a search of the list so far gives.
        #[test]
        fn distinct_keeps_first_appearances_in_order(
            names in proptest::collection::vec(0u8..24, 0..60),
        ) {
            let names: Vec<String> = names.iter().map(|n| format!("XS{n}")).collect();
            let mut want: Vec<&str> = Vec::new();
            for n in &names {
                if !want.contains(&n.as_str()) {
                    want.push(n);
                }
            }
            let got = super::distinct(names.iter().map(String::as_str));
            proptest::prop_assert_eq!(got.iter().map(super::Id::as_str).collect::<Vec<_>>(), want);
        }
    }

    proptest::proptest! {
        /// Taking lines in one after another, each to the first sale with room (else the last
        /// with the line), the cursor's search answers as a search from the start does.
        #[test]
        fn the_cursor_finds_what_a_search_from_the_start_finds(
            room in proptest::collection::vec(proptest::option::of(0u64..3), 0..40),
            takes in proptest::collection::vec(1u64..3, 0..60),
        ) {
            let (mut a, mut b) = (room.clone(), room);
            let mut cursor = super::Cursor::default();
            for q in takes {
                let plain = super::first_with_room(a.len(), |i| a[i], None);
                let resumed = super::first_with_room(b.len(), |i| b[i], Some(&mut cursor));
                proptest::prop_assert_eq!(plain, resumed);
                // The line is taken in: the sale's room shrinks.
                if let Some(i) = plain {
                    for r in [&mut a, &mut b] {
                        if let Some(x) = &mut r[i] {
                            *x = x.saturating_sub(q);
                        }
                    }
                }
            }
        }
    }
}
