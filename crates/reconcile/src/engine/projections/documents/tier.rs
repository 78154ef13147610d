//! Documents past their open life on disk: a map whose entries untouched for
//! [`COLD_AFTER_DAYS`] move, once a week of ledger time, to an unnamed temporary file, and come
//! back into memory when they are looked up again.
//!
//! Sales are remembered for the return window (180 days) and invoices until the return window
//! after their payment deadline (240 days), so that a late return, credit note or payment still
//! finds them; at a wholesaler's volume (10 million events a year) that is about 1.5 million
//! documents and 330 MB, nearly all of them dispatched, invoiced and paid, waiting for an event
//! that seldom comes. On disk, each costs about 5 bytes of memory: a bit in the tier's Bloom
//! filter and in its file's (12 bits each), a bit for "gone", and a share of its block's place
//! (24 bytes a block of about 2 KiB).
//!
//! A file holds one sweep's entries sorted by a 64-bit digest of their number, in blocks, then
//! the digests themselves. A lookup tries the tier's filter, then the files newest first: each
//! file's own filter, then one read of the one block that can hold the number, checked with
//! blake3, where the number is compared whole. The entry found is brought back into memory, or,
//! when forgotten, marked gone (a forgotten entry is read like any other: its number must be
//! compared). A file goes when none of its entries is left. At each sweep the tier's filter is
//! rebuilt from the files' digests, a frame at a time. A file that cannot be made or written
//! keeps its entries in memory (memory, never an entry, is lost); an entry or digests that
//! cannot be read back are a fault, reported by [`crate::Engine::try_finish_with_pending`]
//! (an entry that cannot be read is treated as unknown; digests that cannot be read leave the
//! tier without its filter, and every lookup tries the files' own).

use std::io;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use hashbrown::hash_map::Entry;
use hashbrown::HashMap;

use crate::engine::projections::Id;
use crate::engine::spill::Bloom;
pub(crate) use crate::engine::spill::{Dec, Enc};

mod segment;
use segment::{filter_of, take, Segment};

/// Entries untouched for this many days of ledger time move to disk (a sale's review, dispatch
/// and month-end invoice come within it as a rule).
pub(crate) const COLD_AFTER_DAYS: i64 = 30;

/// An invoice waits on disk this many days after its payment deadline or its last use,
/// whichever is later (late payments and credit notes come within it as a rule).
pub(crate) const INVOICE_COLD_AFTER_DAYS: i64 = 14;

/// Which orders a receipt named, or sales a dispatch named, waits on disk after this many days
/// untouched (only an invoice naming the receipt or delivery note looks it up).
pub(crate) const MOVEMENT_COLD_AFTER_DAYS: i64 = 7;

/// A value a [`Tier`] can keep on disk.
pub(crate) trait Cold: Sized {
    /// Appends the value's bytes to `out`.
    fn encode(&self, out: &mut Enc);
    /// The value [`Cold::encode`] wrote, or `None` when the bytes are not one.
    fn decode(d: &mut Dec<'_>) -> Option<Self>;
    /// Whether forgetting the value needs it back (an invoice forgets its credit notes with
    /// it); others are forgotten on disk without reading them.
    fn wanted_on_forget(&self) -> bool {
        false
    }
}

/// An entry in memory, with the day it was last touched (or a later day it is to be kept in
/// memory to).
struct Hot<V> {
    v: V,
    day: i32,
}

/// A sweep moves entries to disk only when at least this many are untouched.
const MIN_SWEEP: usize = if cfg!(test) { 1 } else { 1024 };

/// A tier moves entries to disk only when it holds at least this many in memory (a few MB): a
/// small wholesaler's documents stay in memory, and its check pays nothing for the files.
const MIN_HOT: usize = if cfg!(test) { 1 } else { 1 << 16 };

/// A map of document number to `V`, whose entries untouched for [`COLD_AFTER_DAYS`] wait on
/// disk (see the module's documentation).
pub(crate) struct Tier<V> {
    hot: HashMap<Id, Hot<V>>,
    /// Oldest first.
    segments: Vec<Segment>,
    /// The digests of the live entries on disk; `None` when they could not be read back to
    /// rebuild it (every lookup then searches the segments).
    filter: Option<Bloom>,
    digests: Digests,
    /// The ledger's clock, in days since the epoch.
    day: i32,
    /// The week of the latest sweep.
    swept_week: i32,
    cold_after: i32,
    /// `cold_after` was set for a test and is not changed by [`Tier::tick_day`].
    fixed: bool,
    dir: PathBuf,
    /// Why an entry could not be read back (the first such error).
    pub fault: Option<io::Error>,
    /// A file could not be made or written: entries stay in memory from then on.
    write_failed: bool,
}

impl<V> Default for Tier<V> {
    fn default() -> Self {
        Tier {
            fixed: false,
            ..Tier::in_dir(std::env::temp_dir(), COLD_AFTER_DAYS)
        }
    }
}

impl<V> Tier<V> {
    /// A tier whose entries untouched for `cold_after` days (whatever [`Tier::tick_day`]
    /// says) move to files made in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>, cold_after: i64) -> Self {
        Tier {
            hot: HashMap::new(),
            segments: Vec::new(),
            filter: Some(Bloom::default()),
            digests: Digests::default(),
            day: i32::MIN,
            swept_week: i32::MIN,
            cold_after: i32::try_from(cold_after).unwrap_or(i32::MAX),
            fixed: true,
            dir: dir.into(),
            fault: None,
            write_failed: false,
        }
    }

    /// Where its files are made.
    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// Entries waiting on disk.
    #[cfg(test)]
    pub fn on_disk(&self) -> usize {
        self.segments.iter().map(|s| s.live).sum()
    }
}

/// The day number (days since 1970-01-01 UTC) of `at`, as [`Tier::tick_day`] takes it: computed
/// once per event for all the tiers.
pub fn day_of(at: DateTime<Utc>) -> i32 {
    i32::try_from(at.timestamp().div_euclid(86_400)).unwrap_or(i32::MAX)
}

/// The 64-bit digests numbers are sorted and filtered by on disk: a `SipHash` digest of the
/// number, keyed at random for the process (as std's maps are), so that no ledger can be
/// written to make every lookup read a block. An entry is found by its number, compared whole:
/// two numbers of one digest are told apart.
#[derive(Default)]
struct Digests {
    keys: std::hash::RandomState,
    /// A test's: every number gets one of four digests.
    #[cfg(test)]
    coarse: bool,
}

impl Digests {
    fn of(&self, key: &str) -> u64 {
        use std::hash::BuildHasher;
        let d = self.keys.hash_one(key);
        #[cfg(test)]
        if self.coarse {
            return d % 4;
        }
        d
    }
}

impl<V: Cold> Tier<V> {
    /// Moves the clock to `now` (the tests' [`Tier::tick_day`]).
    #[cfg(test)]
    pub fn tick(&mut self, now: DateTime<Utc>) {
        self.tick_day(day_of(now), None);
    }

    /// Moves the clock to `day` (a [`day_of`]); at the first time in a new week, entries
    /// untouched for the tier's days move to disk. With `cold_after`, entries untouched for that
    /// many days move to disk from now on.
    pub fn tick_day(&mut self, day: i32, cold_after: Option<i64>) {
        if day <= self.day {
            return;
        }
        if let (false, Some(days)) = (self.fixed, cold_after) {
            self.cold_after = i32::try_from(days).unwrap_or(i32::MAX);
        }
        self.day = day;
        let week = day.div_euclid(7);
        // Fewer entries than a sweep moves: nothing to look for.
        if week > self.swept_week && self.hot.len() >= MIN_HOT {
            self.swept_week = week;
            if !self.write_failed && self.sweep().is_err() {
                self.write_failed = true;
            }
        }
    }

    /// The value of `key`, brought back from disk if it waits there.
    pub fn get(&mut self, key: &str) -> Option<&V> {
        self.get_mut(key).map(|v| &*v)
    }

    /// Whether `key` has a value (brought back from disk if it waits there).
    pub fn contains_key(&mut self, key: &str) -> bool {
        self.get_mut(key).is_some()
    }

    /// The value of `key`, brought back from disk if it waits there.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        let day = self.day;
        // One probe of the table (the number is inline, so the key costs no allocation).
        match self.hot.entry(Id::from(key)) {
            Entry::Occupied(o) => {
                let h = o.into_mut();
                h.day = h.day.max(day);
                Some(&mut h.v)
            }
            Entry::Vacant(slot) => {
                if self.segments.is_empty() {
                    return None;
                }
                let v = take_or_fault(
                    &mut self.segments,
                    (self.filter.as_ref(), &self.digests),
                    &mut self.fault,
                    key,
                    true,
                )?;
                Some(&mut slot.insert(Hot { v, day }).v)
            }
        }
    }

    /// Sets the value of `key` (a copy on disk is forgotten).
    pub fn insert(&mut self, key: Id, v: V) {
        self.insert_until(key, v, None);
    }

    /// Sets the value of `key`, kept in memory as if it were touched again at `until` (its
    /// next use known now, as an invoice's payment deadline), when that is later than today.
    pub fn insert_until(&mut self, key: Id, v: V, until: Option<DateTime<Utc>>) {
        if !self.segments.is_empty() && !self.hot.contains_key(&key) {
            // Not read: the new value replaces it.
            take_or_fault::<V>(
                &mut self.segments,
                (self.filter.as_ref(), &self.digests),
                &mut self.fault,
                &key,
                false,
            );
        }
        let day = until.map_or(self.day, |at| day_of(at).max(self.day));
        self.hot.insert(key, Hot { v, day });
    }

    /// Forgets `key`: its value, when it was in memory or is [`Cold::wanted_on_forget`].
    pub fn forget(&mut self, key: &str) -> Option<V> {
        if let Some(h) = self.hot.remove(key) {
            return Some(h.v);
        }
        if self.segments.is_empty() {
            return None;
        }
        take_or_fault(
            &mut self.segments,
            (self.filter.as_ref(), &self.digests),
            &mut self.fault,
            key,
            false,
        )
    }

    /// Moves the entries untouched for the tier's days to a new file.
    fn sweep(&mut self) -> io::Result<()> {
        let cutoff = self.day.saturating_sub(self.cold_after);
        // The untouched entries, by digest. A file per few entries would cost more in system
        // calls than it saves in memory: they wait for a later week.
        let mut cold: Vec<(u64, &Id, &V)> = Vec::new();
        for (k, h) in &self.hot {
            if h.day < cutoff {
                cold.push((self.digests.of(k), k, &h.v));
            }
        }
        if cold.len() < MIN_SWEEP {
            return Ok(());
        }
        cold.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        let segment = Segment::write(&self.dir, &cold)?;
        let keys: Vec<Id> = cold.into_iter().map(|(_, k, _)| k.clone()).collect();
        for k in &keys {
            self.hot.remove(k);
        }
        drop(keys);
        // The table keeps its room: about as many entries come in each week as leave.
        self.segments.push(segment);
        self.filter = match filter_of(&mut self.segments) {
            Ok(f) => Some(f),
            Err(e) => {
                self.fault.get_or_insert(e);
                None
            }
        };
        Ok(())
    }
}

/// [`take`] of `key` from `segments` (behind `filter`, by its digest), the first read error
/// kept in `fault` (the entry is then unknown): apart from the tier, for a caller that holds
/// its table.
fn take_or_fault<V: Cold>(
    segments: &mut Vec<Segment>,
    (filter, digests): (Option<&Bloom>, &Digests),
    fault: &mut Option<io::Error>,
    key: &str,
    read: bool,
) -> Option<V> {
    match take(segments, filter, digests.of(key), key, read) {
        Ok(v) => v,
        Err(e) => {
            fault.get_or_insert(e);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    /// A value of a test: a count and a text, wanted on forget when the count is odd.
    #[derive(Clone, Debug, PartialEq)]
    struct Doc(u64, Id);

    impl Cold for Doc {
        fn encode(&self, out: &mut Enc) {
            out.u64(self.0);
            out.str(&self.1);
        }
        fn decode(d: &mut Dec<'_>) -> Option<Self> {
            Some(Doc(d.u64()?, d.str()?))
        }
        fn wanted_on_forget(&self) -> bool {
            self.0 % 2 == 1
        }
    }

    #[derive(Clone, Debug)]
    enum Op {
        /// Moves the clock this many days on.
        Days(u8),
        Insert(u8, u64),
        /// Inserts, kept in memory to this many days ahead.
        Hold(u8, u64, u8),
        Get(u8),
        Bump(u8),
        Forget(u8),
    }

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        prop_oneof![
            (0u8..20).prop_map(Op::Days),
            (0u8..40, 0u64..1000).prop_map(|(k, v)| Op::Insert(k, v)),
            (0u8..40, 0u64..1000, 0u8..30).prop_map(|(k, v, d)| Op::Hold(k, v, d)),
            (0u8..40).prop_map(Op::Get),
            (0u8..40).prop_map(Op::Bump),
            (0u8..40).prop_map(Op::Forget),
        ]
    }

    /// Runs `ops` on a tier and on a plain map: every answer is the same.
    fn same_as_a_map(tier: &mut Tier<Doc>, ops: &[Op]) -> usize {
        let t0 = Utc.with_ymd_and_hms(2027, 1, 1, 8, 0, 0).unwrap();
        let mut now = t0;
        let mut map = std::collections::HashMap::new();
        let mut most = 0;
        tier.tick(now);
        for op in ops {
            match *op {
                Op::Days(n) => {
                    now += Duration::days(i64::from(n));
                    tier.tick(now);
                }
                Op::Insert(k, v) => {
                    let doc = Doc(v, Id::from(format!("text of {k}")));
                    tier.insert(Id::from(format!("INV-{k}")), doc.clone());
                    map.insert(k, doc);
                }
                Op::Hold(k, v, days) => {
                    let doc = Doc(v, Id::from(format!("text of {k}")));
                    let until = now + Duration::days(i64::from(days));
                    tier.insert_until(Id::from(format!("INV-{k}")), doc.clone(), Some(until));
                    map.insert(k, doc);
                }
                Op::Get(k) => {
                    let key = format!("INV-{k}");
                    assert_eq!(tier.get(&key), map.get(&k), "{key}");
                    assert_eq!(tier.contains_key(&key), map.contains_key(&k));
                }
                Op::Bump(k) => {
                    if let Some(d) = tier.get_mut(&format!("INV-{k}")) {
                        d.0 += 1;
                    }
                    if let Some(d) = map.get_mut(&k) {
                        d.0 += 1;
                    }
                }
                Op::Forget(k) => {
                    let got = tier.forget(&format!("INV-{k}"));
                    let want = map.remove(&k);
                    match got {
                        Some(g) => assert_eq!(Some(g), want),
                        // Not given back: on disk, and not wanted.
                        None => assert!(want.is_none_or(|w| !w.wanted_on_forget())),
                    }
                }
            }
            most = most.max(tier.on_disk());
        }
        for k in 0..40 {
            assert_eq!(tier.get(&format!("INV-{k}")), map.get(&k));
        }
        assert!(tier.fault.is_none());
        most
    }

    proptest::proptest! {
        /// Whatever waits on disk, the tier answers as a map would.
        #[test]
        fn a_tier_answers_as_a_map(ops in proptest::collection::vec(op(), 0..400)) {
            let dir = tempfile::tempdir().unwrap();
            same_as_a_map(&mut Tier::in_dir(dir.path(), 3), &ops);
        }

        /// Numbers of one digest (four digests for forty numbers here) are told apart by the
        /// number itself.
        #[test]
        fn numbers_of_one_digest_are_told_apart(ops in proptest::collection::vec(op(), 0..400)) {
            let dir = tempfile::tempdir().unwrap();
            let mut tier = Tier::in_dir(dir.path(), 3);
            tier.digests.coarse = true;
            same_as_a_map(&mut tier, &ops);
        }
    }

    /// Operations that leave most entries untouched for weeks.
    fn quiet_ops() -> Vec<Op> {
        let mut ops: Vec<Op> = (0..40).map(|k| Op::Insert(k, u64::from(k))).collect();
        for week in 0..10u8 {
            ops.push(Op::Days(7));
            ops.push(Op::Bump(week));
            ops.push(Op::Get(week * 3 % 40));
            ops.push(Op::Forget(week * 7 % 40));
        }
        ops
    }

    /// Entries untouched for the tier's days do wait on disk, and come back.
    #[test]
    fn untouched_entries_wait_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let most = same_as_a_map(&mut Tier::in_dir(dir.path(), 3), &quiet_ops());
        assert!(most >= 30, "{most} on disk at most");
    }

    /// Entries of one digest share a block, and a lookup of a number of that digest reads it.
    #[test]
    fn entries_of_one_digest_share_a_block() {
        let dir = tempfile::tempdir().unwrap();
        let mut tier = Tier::in_dir(dir.path(), 3);
        tier.digests.coarse = true;
        let most = same_as_a_map(&mut tier, &quiet_ops());
        assert!(most >= 30, "{most} on disk at most");
        let mut tier = Tier::in_dir(dir.path(), 3);
        tier.digests.coarse = true;
        let t0 = Utc.with_ymd_and_hms(2027, 1, 1, 8, 0, 0).unwrap();
        tier.tick(t0);
        // Large values: a block is full after one entry, but holds every entry of its digest.
        let big = Id::from("x".repeat(segment::BLOCK_BYTES));
        for k in 0..12 {
            tier.insert(Id::from(format!("SO-{k}")), Doc(k, big.clone()));
        }
        tier.tick(t0 + Duration::days(30));
        let digests: std::collections::BTreeSet<u64> = (0..12)
            .map(|k| tier.digests.of(&format!("SO-{k}")))
            .collect();
        let s = &tier.segments[0];
        assert_eq!((s.n, s.blocks.len()), (12, digests.len()));
        assert!(s.blocks.windows(2).all(|w| w[0].first < w[1].first));
        for k in 0..12 {
            assert_eq!(tier.get(&format!("SO-{k}")), Some(&Doc(k, big.clone())));
        }
        assert!(tier.fault.is_none());
    }

    /// A tier in `dir` whose ten entries (`SO-0` to `SO-9`) moved to disk, and the day they
    /// were inserted.
    fn ten_on_disk(dir: &std::path::Path) -> (Tier<Doc>, DateTime<Utc>) {
        let mut tier = Tier::in_dir(dir, 3);
        let t0 = Utc.with_ymd_and_hms(2027, 1, 1, 8, 0, 0).unwrap();
        tier.tick(t0);
        for k in 0..10 {
            tier.insert(Id::from(format!("SO-{k}")), Doc(k, Id::from("x")));
        }
        tier.tick(t0 + Duration::days(30));
        (tier, t0)
    }

    /// Digests that cannot be read back to rebuild the filter are a fault; the entries are
    /// still found, by every segment's own filter.
    #[cfg(target_os = "linux")]
    #[test]
    fn digests_that_cannot_be_read_back_are_a_fault() {
        let dir = tempfile::tempdir().unwrap();
        let (mut tier, t0) = ten_on_disk(dir.path());
        crate::testing::damage_open_files_in(dir.path(), |f| {
            let len = f.metadata().unwrap().len();
            // A digest, the file's last bytes.
            crate::testing::write_at(f, &[0x5A; 3], len - 3);
        });
        for k in 10..20 {
            tier.insert(Id::from(format!("SO-{k}")), Doc(k, Id::from("x")));
        }
        tier.tick(t0 + Duration::days(60));
        assert_eq!((tier.segments.len(), tier.on_disk()), (2, 20));
        assert!(tier.filter.is_none());
        let err = tier.fault.take().expect("a fault").to_string();
        assert!(err.contains("digests") && err.contains("checksum"), "{err}");
        for k in 0..20 {
            assert_eq!(tier.get(&format!("SO-{k}")), Some(&Doc(k, Id::from("x"))));
        }
        assert_eq!(tier.get("SO-20"), None);
        assert!(tier.fault.is_none());
    }

    /// A directory where no file can be made costs memory, not entries.
    #[test]
    fn entries_stay_in_memory_when_no_file_can_be_made() {
        let missing = std::env::temp_dir().join("rxledger-no-such-dir/nested");
        let mut tier = Tier::in_dir(missing, 3);
        assert_eq!(same_as_a_map(&mut tier, &quiet_ops()), 0);
    }

    /// An entry that cannot be read back is a fault, never a silent answer.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_damaged_entry_is_a_fault() {
        let dir = tempfile::tempdir().unwrap();
        let (mut tier, t0) = ten_on_disk(dir.path());
        assert_eq!(tier.on_disk(), 10);
        let files = crate::testing::damage_open_files_in(dir.path(), |f| {
            let len = f.metadata().unwrap().len();
            // Every byte of the file after the first entry's header.
            crate::testing::write_at(f, &vec![0x5A; len as usize - 20], 20);
        });
        assert_eq!(files, 1);
        assert_eq!(tier.get("SO-3"), None);
        let err = tier.fault.take().expect("a fault").to_string();
        assert!(
            err.contains("SO-3") && (err.contains("past the file") || err.contains("checksum")),
            "{err}"
        );
        // Its header intact, the entry's bytes fail their checksum.
        let dir = tempfile::tempdir().unwrap();
        let mut tier = Tier::in_dir(dir.path(), 3);
        tier.tick(t0);
        tier.insert(Id::from("SO-1"), Doc(1, Id::from("x")));
        tier.tick(t0 + Duration::days(30));
        crate::testing::damage_open_files_in(dir.path(), |f| {
            crate::testing::write_at(f, &[0x5A; 4], 30);
        });
        assert_eq!(tier.forget("SO-1"), None, "wanted on forget, and damaged");
        let err = tier.fault.take().expect("a fault").to_string();
        assert!(err.contains("SO-1") && err.contains("checksum"), "{err}");
    }
}
