//! Orders and sales that had goods, within the return window: those untouched for weeks wait on
//! disk ([`Tier`]).

use chrono::{DateTime, Utc};

use super::tier::{Cold, Dec, Enc, Tier};
use super::Dir;
use crate::engine::projections::Id;

/// Nothing but the number is kept.
impl Cold for () {
    fn encode(&self, _: &mut Enc) {}
    fn decode(_: &mut Dec<'_>) -> Option<Self> {
        Some(())
    }
}

/// Orders (purchase side) and sales that had goods (see the module's documentation).
#[derive(Default)]
pub(crate) struct Seen {
    purchase: Tier<()>,
    sale: Tier<()>,
}

impl Seen {
    fn side(&mut self, dir: Dir) -> &mut Tier<()> {
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

    /// The order or sale `doc` had goods.
    pub fn insert(&mut self, dir: Dir, doc: Id) {
        self.side(dir).insert(doc, ());
    }

    /// Forgets that `doc` had goods.
    pub fn remove(&mut self, dir: Dir, doc: &str) {
        self.side(dir).forget(doc);
    }

    /// Moves the clock to `now` (see [`Tier::tick`]).
    pub fn tick(&mut self, now: DateTime<Utc>) {
        self.purchase.tick(now);
        self.sale.tick(now);
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
