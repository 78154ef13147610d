//! Unit traceability codes: where each unit is (a location, or gone), and which units each pack
//! code stands for.

use chrono::{Datelike, NaiveDate};
use hashbrown::HashMap;
use rxledger_model::codes::{parse_code_at, CodeError};
use rxledger_model::{AggregationAction, EventBody};

use super::count_down;
use crate::engine::ctx::Ev;
use crate::engine::projections::Id;
use crate::Config;
pub(crate) use lines::{code_lines, Coverage};
pub(crate) use shipped::Shipped;

mod lines;
mod shipped;

/// [`CodeState::loc`] of a unit that left the company to no party and not destroyed: reported
/// lost.
const OUT: u32 = u32::MAX;

/// [`CodeState::loc`] of a unit that left the company: `LEFT` plus the interned party it left to
/// (a dispatch's customer, a supplier return's supplier), [`DESTROYED`], or [`OUT`] when it was
/// reported lost. A returned unit must come back from the party it left to (round 24, B3).
const LEFT: u32 = 1 << 31;

/// [`CodeState::loc`] of a unit destroyed.
const DESTROYED: u32 = u32::MAX - 1;

/// Where a unit that left went ([`LineCodes::first_other`], [`Codes::went`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Went<'a> {
    /// To this party.
    To(&'a str),
    Destroyed,
    Lost,
}

/// [`CodeState::day`] of a unit in stock that was scanned on a receipt line listing more units
/// than were accepted, and has not moved since: it may be one of the rejected units.
const UNACCEPTED: u32 = u32::MAX;

/// Where a unit code is: 8 bytes per code besides its 16-byte key.
#[derive(Clone, Copy, Debug)]
struct CodeState {
    /// Interned location; for a unit that left, `LEFT` + the party it left to, [`DESTROYED`] or
    /// [`OUT`].
    loc: u32,
    /// Day (days since 1970) the code left, for forgetting shipped codes; for a unit in stock,
    /// 0, or [`UNACCEPTED`].
    day: u32,
}

/// What the codes of one line showed.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct LineCodes {
    /// Units the codes stand for (packs expanded), malformed codes counted as one each.
    pub units: usize,
    /// Malformed codes.
    pub bad: usize,
    /// Index of the first malformed code in the line.
    pub first_bad: usize,
    /// Units never received (moves) or never shipped (customer returns).
    pub unknown: usize,
    /// The unit key of the first of them (see [`Codes::unit_code`]).
    pub first_unknown: u128,
    /// Returned units that left to another party than the one returning them, or left to none
    /// (destroyed, lost).
    pub other: usize,
    /// The unit key of the first of them, and where it went (its state's `loc`: [`Codes::went`]).
    pub first_other: (u128, u32),
    /// Units already in stock (arrivals) or already gone (moves).
    pub dup: usize,
    /// The unit key of the first of them.
    pub first_dup: u128,
    /// Units the ledger had at another location.
    pub elsewhere: usize,
    /// The unit key of the first of them, and where the ledger had it (a location id).
    pub first_elsewhere: (u128, u32),
    /// Whether that unit was scanned on a receipt line that listed more units than were
    /// accepted, and not moved since: it may have been one of the rejected units.
    pub first_elsewhere_unaccepted: bool,
}

impl LineCodes {
    fn dup(&mut self, k: u128) {
        if self.dup == 0 {
            self.first_dup = k;
        }
        self.dup += 1;
    }

    fn other(&mut self, k: u128, s: CodeState) {
        if self.other == 0 {
            self.first_other = (k, s.loc);
        }
        self.other += 1;
    }

    fn unknown(&mut self, k: u128) {
        if self.unknown == 0 {
            self.first_unknown = k;
        }
        self.unknown += 1;
    }

    fn elsewhere(&mut self, k: u128, s: CodeState) {
        if self.elsewhere == 0 {
            self.first_elsewhere = (k, s.loc);
            self.first_elsewhere_unaccepted = s.day == UNACCEPTED;
        }
        self.elsewhere += 1;
    }
}

/// What an aggregation showed.
#[derive(Debug)]
pub(crate) enum Packing {
    /// The pack code is malformed (nothing was recorded).
    BadParent(CodeError),
    /// Units packed.
    Pack {
        /// Malformed child codes, and the index of the first.
        bad: usize,
        first_bad: usize,
        /// Children already in another pack.
        already: usize,
        /// The pack code was already in use.
        reused: bool,
    },
    /// A pack opened.
    Unpack {
        /// It was a known pack.
        known: bool,
    },
}

/// A sweep moves shipped codes to disk only when memory holds at least this many codes (about
/// 1.5 MB): a small wholesaler's codes stay in memory, and its check opens no file.
const MIN_HOT: usize = if cfg!(test) { 1 } else { 1 << 16 };

/// A sweep moves shipped codes to disk only when at least this many are old enough.
const MIN_SWEEP: usize = if cfg!(test) { 1 } else { 1024 };

/// Unit codes.
pub(crate) struct Codes {
    /// The year of the event being applied: GS1 `YYMMDD` dates are read in its century window
    /// (so a verdict does not depend on the year the ledger is checked).
    year: i32,
    /// Unit key (as two halves: a `u128` key would align each entry to 32 bytes, the halves
    /// to 24; shipped codes are kept for the return window, millions at a wholesaler's volume)
    /// -> where the unit is.
    codes: HashMap<(u64, u64), CodeState>,
    locations: HashMap<Id, u32>,
    /// Parties units left to, interned (the party of a unit that left: [`LEFT`]).
    parties: HashMap<Id, u32>,
    /// Packed parents and their children.
    parents: HashMap<u128, Vec<u128>>,
    /// How many times each unit key appears in the lists of `parents` (keys in none are
    /// absent): whether a child is already packed, without reading every pack.
    packed: HashMap<u128, u32>,
    /// The local day (days since 1970) of the ledger's clock: the latest `occurred_at` so far.
    today: u32,
    /// `return_window_days`: how many days after the day it left a shipped code is remembered.
    window: u32,
    /// The week (`today / 7`) of the last sweep of forgotten codes.
    last_sweep: Option<u32>,
    /// Shipped codes older than `hot_days` (days since they left), on disk.
    shipped: Shipped,
    /// Days a shipped code stays in memory before a sweep moves it to disk.
    hot_days: u32,
    /// Scratch: the unit keys of the line being applied.
    keys: Vec<u128>,
    /// The units listed so far by the event being applied (by [`Codes::apply`]), or by the line
    /// being moved alone (as the tests move them): a unit listed twice, on one line or on two
    /// lines of one record, is one unit scanned twice, counted where it is first listed.
    listed: Listed,
    /// Whether [`Codes::apply`] is applying an event's lines (`listed` spans them).
    in_event: bool,
    /// Units of a batch (product, batch) that customers brought back without their codes and
    /// that have not moved again since: a unit that had left and moves again may be one of them,
    /// scanned at last, rather than a cloned code (`CODE-DUP`). An ordinary drug may be returned
    /// uncoded lawfully; a special-control one is then `SPECIAL-CHAIN` at the return. With each
    /// count, the day of the batch's last uncoded return: a week's sweep forgets the counts
    /// whose last return is more than the return window ago, since by then every code that had
    /// left before it is forgotten too (a unit returned had left before its return), so none
    /// could be taken for those units.
    uncoded_returns: HashMap<(Id, Id), (u64, u32)>,
    /// What the codes of each line of the last event showed, in [`code_lines`] order.
    pub lines: Vec<LineCodes>,
    /// What the last event's aggregation showed.
    pub packing: Option<Packing>,
}

impl Default for Codes {
    fn default() -> Self {
        Codes::spilled_after(Shipped::default(), shipped::HOT_DAYS)
    }
}

/// Fills `keys` with the unit keys of `codes` read in `year`'s century window, packs (keys of
/// `parents`) expanded to their units, calling `each` with every well-formed code's key and its
/// pack's units if it is a pack; returns the number of malformed codes and the index of the
/// first.
fn expand_into(
    parents: &HashMap<u128, Vec<u128>>,
    year: i32,
    codes: &[Id],
    keys: &mut Vec<u128>,
    mut each: impl FnMut(u128, Option<&[u128]>),
) -> (usize, usize) {
    keys.clear();
    let (mut bad, mut first_bad) = (0, 0);
    for (i, c) in codes.iter().enumerate() {
        if let Ok(tc) = parse_code_at(c, year) {
            let k = tc.key();
            let units = parents.get(&k).map(Vec::as_slice);
            each(k, units);
            match units {
                Some(units) => keys.extend_from_slice(units),
                None => keys.push(k),
            }
        } else {
            if bad == 0 {
                first_bad = i;
            }
            bad += 1;
        }
    }
    (bad, first_bad)
}

/// Unit keys listed so far, looked up by a scan while few, by a set once many (a receipt may
/// list hundreds of thousands of codes over its lines).
#[derive(Default)]
struct Listed {
    keys: Vec<u128>,
    set: hashbrown::HashSet<u128>,
    /// How many of `keys` are in `set`.
    in_set: usize,
}

impl Listed {
    /// Ready for the next event (or line). A set once built is dropped rather than cleared when
    /// it grew large (clearing costs its capacity, at every event after a receipt of many
    /// codes), and so is the room of a long list of keys.
    fn clear(&mut self) {
        const LARGE: usize = 1 << 12;
        self.keys.clear();
        self.keys.shrink_to(LARGE);
        if self.in_set > 0 {
            if self.set.capacity() > LARGE {
                self.set = hashbrown::HashSet::new();
            } else {
                self.set.clear();
            }
            self.in_set = 0;
        }
    }

    /// Removes from `line` the units listed before, on earlier lines or earlier on this one,
    /// keeping the order of the first ones, and lists the rest.
    fn take_new(&mut self, line: &mut Vec<u128>) {
        if self.keys.len() + line.len() <= 64 {
            let keys = &mut self.keys;
            line.retain(|k| {
                let new = !keys.contains(k);
                if new {
                    keys.push(*k);
                }
                new
            });
        } else {
            self.set
                .extend(self.keys.get(self.in_set..).unwrap_or_default());
            let set = &mut self.set;
            line.retain(|k| set.insert(*k));
            self.keys.extend_from_slice(line);
            self.in_set = self.keys.len();
        }
    }
}

/// Whether what happened on the local day `day` (a code left, units came back uncoded) is still
/// remembered on `today`: to the end of the day `window` days after it.
fn remembered(day: u32, window: u32, today: u32) -> bool {
    day.saturating_add(window) >= today
}

/// Whether the unit of state `s` left the company.
fn left(s: CodeState) -> bool {
    s.loc >= LEFT
}

/// The unit key `k` as the key of [`Codes::codes`].
fn halves(k: u128) -> (u64, u64) {
    ((k >> 64) as u64, k as u64)
}

fn day_number(d: NaiveDate) -> u32 {
    u32::try_from((d - NaiveDate::default()).num_days()).unwrap_or(0)
}

impl Codes {
    /// Codes whose shipped units move to `shipped` once they left `hot_days` days ago.
    pub fn spilled_after(shipped: Shipped, hot_days: u32) -> Self {
        Codes {
            year: 0,
            codes: HashMap::new(),
            locations: HashMap::new(),
            parties: HashMap::new(),
            parents: HashMap::new(),
            packed: HashMap::new(),
            today: 0,
            window: 0,
            last_sweep: None,
            shipped,
            hot_days,
            keys: Vec::new(),
            listed: Listed::default(),
            in_event: false,
            uncoded_returns: HashMap::new(),
            lines: Vec::new(),
            packing: None,
        }
    }

    /// Shipped codes set aside on disk that could not be read back (they were treated as
    /// unknown, so findings may be wrong or missing).
    pub fn take_fault(&mut self) -> Option<rxledger_store::StoreError> {
        let source = self.shipped.fault.take()?;
        Some(rxledger_store::StoreError::Io {
            path: self.shipped.dir().to_path_buf(),
            source,
        })
    }

    /// Files of shipped codes on disk.
    #[cfg(test)]
    pub fn runs_on_disk(&self) -> usize {
        self.shipped.runs()
    }

    /// The code of `codes` (a line's, as written) that stands for the unit of key `k`: the unit's
    /// own code, or the pack code it was moved in. The unit's 20-digit code when none does.
    pub fn unit_code(&self, codes: &[Id], k: u128) -> String {
        codes
            .iter()
            .find(|c| {
                parse_code_at(c, self.year).is_ok_and(|tc| {
                    let key = tc.key();
                    key == k || self.parents.get(&key).is_some_and(|u| u.contains(&k))
                })
            })
            .map_or_else(|| format!("{k:020}"), ToString::to_string)
    }

    /// The name of location id `loc` ([`LineCodes::first_elsewhere`]).
    pub fn location_name(&self, loc: u32) -> &str {
        self.locations
            .iter()
            .find(|(_, &id)| id == loc)
            .map_or("", |(name, _)| name.as_str())
    }

    /// Where a unit whose state's `loc` is `loc` went ([`LineCodes::first_other`]).
    pub fn went(&self, loc: u32) -> Went<'_> {
        match loc {
            DESTROYED => Went::Destroyed,
            OUT => Went::Lost,
            // (Looked up only for a finding, as `location_name`.)
            _ => Went::To(
                self.parties
                    .iter()
                    .find(|(_, &id)| LEFT + id == loc)
                    .map_or("", |(name, _)| name.as_str()),
            ),
        }
    }

    /// The state of a unit that left to `party` (none: destroyed, else lost) on local day `day`.
    fn left_to(&mut self, party: Option<&str>, destroyed: bool, day: u32) -> CodeState {
        let loc = match party {
            Some(p) => {
                let most = DESTROYED - LEFT - 1;
                let n = u32::try_from(self.parties.len()).unwrap_or(most).min(most);
                LEFT + *self.parties.entry(Id::from(p)).or_insert(n)
            }
            None if destroyed => DESTROYED,
            None => OUT,
        };
        CodeState { loc, day }
    }

    /// The interned id of `party`, if a unit ever left to it.
    fn party_id(&self, party: &str) -> Option<u32> {
        self.parties.get(party).copied()
    }

    /// Moves the codes of the event's lines, or records its packing.
    pub fn apply(&mut self, ev: &Ev<'_>, cfg: &Config) {
        self.year = ev.e.occurred_at.year();
        self.lines.clear();
        self.packing = None;
        self.tick(ev.date, cfg.thresholds.return_window_days);
        if let EventBody::Aggregation(a) = &ev.e.body {
            self.packing = Some(self.aggregate(a));
            return;
        }
        self.listed.clear();
        self.in_event = true;
        code_lines(ev.e, |l| {
            let batch = || (Id::from(l.product), Id::from(l.batch));
            let seen = match l.from {
                None => {
                    let seen = self.arrive(
                        l.to.unwrap_or_default(),
                        l.codes,
                        l.returned.then_some(l.party.unwrap_or_default()),
                        l.quantity,
                    );
                    let uncoded = l.quantity.saturating_sub(seen.units as u64);
                    if l.returned && uncoded > 0 {
                        let today = self.today;
                        let (n, day) = self.uncoded_returns.entry(batch()).or_default();
                        *n += uncoded;
                        *day = today;
                    }
                    seen
                }
                Some(from) => {
                    let gone = (l.party, l.destroyed);
                    let mut seen = self.leave(from, l.to, gone, l.codes, ev.date);
                    if seen.dup > 0 {
                        let key = batch();
                        // Past the window (not yet swept) a count stands for no code.
                        let (today, window) = (self.today, self.window);
                        if let Some((n, _)) = self
                            .uncoded_returns
                            .get_mut(&key)
                            .filter(|(_, day)| remembered(*day, window, today))
                        {
                            let back = (*n).min(seen.dup as u64);
                            *n -= back;
                            seen.dup -= back as usize;
                            if *n == 0 {
                                self.uncoded_returns.remove(&key);
                            }
                        }
                    }
                    seen
                }
            };
            self.lines.push(seen);
        });
        self.in_event = false;
    }

    /// Moves the clock to the local day `date` (if later) and sweeps forgotten codes.
    fn tick(&mut self, date: NaiveDate, window_days: i64) {
        self.window = u32::try_from(window_days).unwrap_or(u32::MAX);
        self.today = self.today.max(day_number(date));
        self.sweep();
    }

    /// Whether `s` is a code that left the company more than the return window ago: to the
    /// end of the local day `window` days after the day it left it is remembered, from the next
    /// day on it is not known, whether or not a sweep has removed it yet (so that no verdict
    /// depends on the day of the week of the events).
    fn forgotten(&self, s: CodeState) -> bool {
        left(s) && !remembered(s.day, self.window, self.today)
    }

    /// Once a week of the ledger's clock: removes the [`forgotten`](Self::forgotten) codes
    /// from memory and disk, and moves the codes that left `hot_days` ago to disk.
    fn sweep(&mut self) {
        let week = self.today / 7;
        if self.last_sweep == Some(week) {
            return;
        }
        self.last_sweep = Some(week);
        let (today, window) = (self.today, self.window);
        self.codes
            .retain(|_, s| !left(*s) || remembered(s.day, window, today));
        self.uncoded_returns
            .retain(|_, (_, day)| remembered(*day, window, today));
        self.shipped.forget(today, window);
        if self.shipped.write_failed || self.codes.len() < MIN_HOT {
            return;
        }
        let cutoff = today.saturating_sub(self.hot_days);
        let old = |s: &CodeState| left(*s) && s.day < cutoff;
        if self
            .codes
            .values()
            .filter(|s| old(s))
            .take(MIN_SWEEP)
            .count()
            < MIN_SWEEP
        {
            return;
        }
        let leaving = self
            .codes
            .iter()
            .filter(|(_, s)| old(s))
            .map(|(&(hi, lo), s)| {
                let value = (u64::from(s.loc) << 32) | u64::from(s.day);
                ((u128::from(hi) << 64) | u128::from(lo), value)
            })
            .collect();
        match self.shipped.spill(leaving) {
            // The table keeps its room: about as many codes leave each week as move to disk.
            Ok(()) => self.codes.retain(|_, s| !old(s)),
            Err(_) => self.shipped.write_failed = true,
        }
    }

    /// Where the unit `k` is: in memory, or shipped and on disk.
    fn state(&mut self, k: u128) -> Option<CodeState> {
        match self.codes.get(&halves(k)) {
            Some(s) => Some(*s),
            None => self.on_disk(k),
        }
    }

    /// The state of the unit `k` when it waits on disk (shipped).
    fn on_disk(&mut self, k: u128) -> Option<CodeState> {
        if self.shipped.is_empty() {
            return None;
        }
        // (The day in the low half, where it left to in the high half: `sweep`.)
        self.shipped.get(k).map(|v| CodeState {
            loc: (v >> 32) as u32,
            day: v as u32,
        })
    }

    fn loc_id(&mut self, loc: &str) -> u32 {
        // (Locations are few; ids stay below `LEFT`.)
        let n = u32::try_from(self.locations.len())
            .unwrap_or(LEFT - 1)
            .min(LEFT - 1);
        *self.locations.entry(Id::from(loc)).or_insert(n)
    }

    /// Fills `keys` with the unit keys of `codes`, packs expanded; returns the number of
    /// malformed codes and the index of the first.
    ///
    /// A unit listed twice on one line or on two lines of the event (its code twice, or its code
    /// and its pack's) is one unit scanned twice: it counts once, where first listed, so that
    /// the other line's codes cover one unit fewer, rather than being taken for a unit moved
    /// again (`CODE-DUP`).
    fn expand(&mut self, codes: &[Id]) -> (usize, usize) {
        let found = expand_into(&self.parents, self.year, codes, &mut self.keys, |_, _| {});
        if !self.in_event {
            self.listed.clear();
        }
        self.listed.take_new(&mut self.keys);
        found
    }

    /// Codes arriving from outside (receipt, customer return) at `to`, `accepted` units of them
    /// entering stock.
    ///
    /// A receipt line may list the units rejected on arrival too (scanned before acceptance):
    /// when it lists more units than were accepted, the ledger cannot tell which were rejected,
    /// so all are put at `to`, marked [`UNACCEPTED`] until they move. Such a unit received
    /// again is not a unit received twice (`CODE-DUP`): it may be a rejected unit delivered
    /// again (round 19).
    /// A returned unit (`returned`: the customer returning it) must have left to that customer:
    /// one that left to another party, or to none, is [`LineCodes::other`].
    fn arrive(
        &mut self,
        to: &str,
        codes: &[Id],
        returned: Option<&str>,
        accepted: u64,
    ) -> LineCodes {
        let from_party = returned.map(|c| self.party_id(c).map(|p| LEFT + p));
        let (bad, first_bad) = self.expand(codes);
        let loc = self.loc_id(to);
        let mut seen = LineCodes {
            units: self.keys.len() + bad,
            bad,
            first_bad,
            ..LineCodes::default()
        };
        let day = if returned.is_none() && self.keys.len() as u64 > accepted {
            UNACCEPTED
        } else {
            0
        };
        let keys = std::mem::take(&mut self.keys);
        for &k in &keys {
            // A unit on disk has left: only a returned unit needs to know whether it did.
            let old = match self.codes.insert(halves(k), CodeState { loc, day }) {
                None if returned.is_some() => self.on_disk(k),
                old => old,
            };
            match old.filter(|s| !self.forgotten(*s)) {
                Some(s) if !left(s) && s.day != UNACCEPTED => seen.dup(k),
                Some(s) if from_party.is_some_and(|r| r != Some(s.loc)) => seen.other(k, s),
                None if returned.is_some() => seen.unknown(k),
                _ => {}
            }
        }
        self.keys = keys;
        seen
    }

    /// Codes moving inside (put-away, transfer) or leaving (`to = None`) on `date`.
    fn leave(
        &mut self,
        from: &str,
        to: Option<&str>,
        (party, destroyed): (Option<&str>, bool),
        codes: &[Id],
        date: NaiveDate,
    ) -> LineCodes {
        let (bad, first_bad) = self.expand(codes);
        let from_id = self.loc_id(from);
        let state = match to {
            Some(t) => CodeState {
                loc: self.loc_id(t),
                day: 0,
            },
            None => self.left_to(party, destroyed, day_number(date)),
        };
        let mut seen = LineCodes {
            units: self.keys.len() + bad,
            bad,
            first_bad,
            ..LineCodes::default()
        };
        let keys = std::mem::take(&mut self.keys);
        for &k in &keys {
            let old = match self.codes.insert(halves(k), state) {
                None => self.on_disk(k),
                old => old,
            };
            match old.filter(|s| !self.forgotten(*s)) {
                None => seen.unknown(k),
                Some(s) if left(s) => seen.dup(k),
                Some(s) if s.loc != from_id => seen.elsewhere(k, s),
                _ => {}
            }
        }
        self.keys = keys;
        seen
    }

    /// Packs units into a parent code, or opens a pack.
    fn aggregate(&mut self, a: &rxledger_model::Aggregation) -> Packing {
        let parent = match parse_code_at(&a.parent, self.year) {
            Ok(c) => c.key(),
            Err(err) => return Packing::BadParent(err),
        };
        match a.action {
            AggregationAction::Pack => {
                // The units among the children that some other pack already holds: a unit
                // child in any pack; a unit of a child pack (a case packed into a pallet) in a
                // pack besides that child. The units of a case packed into a pallet are in the
                // case by definition, which is not a second packing.
                let mut already = 0;
                let packed = &self.packed;
                let (bad, first_bad) = expand_into(
                    &self.parents,
                    self.year,
                    &a.children,
                    &mut self.keys,
                    |k, units| {
                        already += match units {
                            Some(units) => units
                                .iter()
                                .filter(|u| packed.get(*u).is_some_and(|&n| n > 1))
                                .count(),
                            None => usize::from(packed.contains_key(&k)),
                        };
                    },
                );
                let keys = std::mem::take(&mut self.keys);
                let reused = self.parents.contains_key(&parent);
                // Children take the parent's whereabouts if they are new (or forgotten).
                if let Some(s) = self.state(parent) {
                    for &k in &keys {
                        let known = self.state(k);
                        if known.is_none_or(|c| self.forgotten(c)) {
                            self.codes.insert(halves(k), s);
                        }
                    }
                }
                for &k in &keys {
                    *self.packed.entry(k).or_default() += 1;
                }
                if let Some(old) = self.parents.insert(parent, keys) {
                    self.unpacked(&old);
                }
                Packing::Pack {
                    bad,
                    first_bad,
                    already,
                    reused,
                }
            }
            AggregationAction::Unpack => {
                let old = self.parents.remove(&parent);
                if let Some(old) = &old {
                    self.unpacked(old);
                }
                Packing::Unpack {
                    known: old.is_some(),
                }
            }
        }
    }

    /// Counts the unit keys of a pack's list, taken out of `parents`, out of `packed`.
    fn unpacked(&mut self, children: &[u128]) {
        for k in children {
            count_down(&mut self.packed, k);
        }
    }
}

#[cfg(test)]
mod tests;
