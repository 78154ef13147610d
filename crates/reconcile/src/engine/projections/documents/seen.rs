//! Orders and sales that had goods, for the return window after their latest goods movement:
//! those untouched for weeks wait on disk ([`Tier`]).

use chrono::{DateTime, Utc};

use super::tier::{Cold, Dec, Enc, Tier};
use super::Dir;
use crate::engine::projections::Id;

/// The time it is to be forgotten at (seconds since the epoch).
impl Cold for i64 {
    fn encode(&self, out: &mut Enc) {
        out.i64(*self);
    }
    fn decode(d: &mut Dec<'_>) -> Option<Self> {
        d.i64()
    }
}

/// What [`Seen::moved`] found.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Before {
    /// The order or sale had no goods before.
    Never,
    /// It had, and is now known longer.
    Extended,
    /// It had, and was already known as long.
    Kept,
}

/// Orders (purchase side) and sales that had goods, each with when it is to be forgotten (see
/// the module's documentation).
#[derive(Default)]
pub(crate) struct Seen {
    purchase: Tier<i64>,
    sale: Tier<i64>,
}

impl Seen {
    fn side(&mut self, dir: Dir) -> &mut Tier<i64> {
        match dir {
            Dir::Purchase => &mut self.purchase,
            Dir::Sale => &mut self.sale,
        }
    }

    /// Whether the order or sale `doc` had goods.
    pub fn contains(&mut self, dir: Dir, doc: &str) -> bool {
        self.side(dir).contains_key(doc)
    }

    /// Whether any of `docs` (orders or sales of side `dir`) had goods.
    pub fn any<S: AsRef<str>>(&mut self, dir: Dir, docs: &[S]) -> bool {
        docs.iter().any(|d| self.contains(dir, d.as_ref()))
    }

    /// The order or sale `doc` had goods (its first), and is to be forgotten at `until`.
    pub fn insert(&mut self, dir: Dir, doc: Id, until: DateTime<Utc>) {
        self.side(dir).insert(doc, until.timestamp());
    }

    /// The order or sale `doc` moves goods, to be known until `until`: whether it had goods
    /// before, and if so, whether `until` is later than it was to be forgotten (it is then to be
    /// forgotten at `until`). One lookup: a fresh one is [`Seen::insert`]ed by the caller.
    pub fn moved(&mut self, dir: Dir, doc: &str, until: DateTime<Utc>) -> Before {
        match self.side(dir).get_mut(doc) {
            None => Before::Never,
            Some(t) if *t < until.timestamp() => {
                *t = until.timestamp();
                Before::Extended
            }
            Some(_) => Before::Kept,
        }
    }

    /// Forgets that `doc` had goods, unless a later movement keeps it after `now`; whether it
    /// was forgotten.
    pub fn remove(&mut self, dir: Dir, doc: &str, now: DateTime<Utc>) -> bool {
        let side = self.side(dir);
        if side.get(doc).is_some_and(|&t| t > now.timestamp()) {
            return false;
        }
        side.forget(doc);
        true
    }

    /// Moves the clock to the [`day_of`](super::tier::day_of) now (see [`Tier::tick_day`]).
    pub fn tick_day(&mut self, day: i32) {
        self.purchase.tick_day(day, None);
        self.sale.tick_day(day, None);
    }

    /// The tier whose entry could not be read back (the first such error), and the error.
    pub fn take_fault(&mut self) -> Option<(&std::path::Path, std::io::Error)> {
        for t in [&mut self.purchase, &mut self.sale] {
            if let Some(e) = t.fault.take() {
                return Some((t.dir(), e));
            }
        }
        None
    }

    /// Documents waiting on disk.
    #[cfg(test)]
    pub fn on_disk(&self) -> usize {
        self.purchase.on_disk() + self.sale.on_disk()
    }

    /// Seen documents untouched for `days` wait in files made in `dir`.
    #[cfg(test)]
    pub fn cold_after(dir: &std::path::Path, days: i64) -> Seen {
        Seen {
            purchase: Tier::in_dir(dir, days),
            sale: Tier::in_dir(dir, days),
        }
    }
}
