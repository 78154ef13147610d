//! What a rule family sees: the event, the projections, and where findings and deadlines go.

mod calendar;
mod far;

use chrono::{DateTime, NaiveDate, Utc};
use rxledger_model::Event;

use super::families::cold_chain::ColdDue;
use super::projections::documents::{Dir, DocDue};
use super::projections::{Id, Projections};
use crate::{Config, Finding, Pending};
use calendar::Calendar;
use far::Far;

/// One event as the families see it.
pub(crate) struct Ev<'a> {
    /// The record it is stored in.
    pub seq: u64,
    /// When the record was appended to the ledger.
    pub recorded_at: DateTime<Utc>,
    /// The event.
    pub e: &'a Event,
    /// Its local date ([`crate::time::local_date`] of `occurred_at`).
    pub date: NaiveDate,
}

/// A deadline: something to evaluate or forget once the ledger's clock passes a time.
#[derive(Debug)]
pub(crate) enum Due {
    /// Documents: a check of the documents family, then the record's own life cycle.
    Documents(DocDue),
    /// Forget a batch record unless it still has stock or recent activity.
    ForgetBatch((Id, Id)),
    /// Cold chain: vaccine isolation and disposal.
    ColdChain(ColdDue),
}

/// Deadlines in time order; deadlines at the same time keep the order they were set in.
///
/// Most deadlines only name one document or batch (forget it once no rule can need it, check
/// an invoice's payment): at a wholesaler's volume millions of them wait at once, since
/// documents are kept for the return window. Those wait in a queue of their own in a
/// [`Compact`] form (32 bytes instead of a [`Due`]'s, the number inline as an [`Id`]), under
/// the same counter, and both queues are taken from in one (time, order) sequence: the order in
/// which deadlines run is exactly that of one queue.
///
/// Both are calendar queues ([`Calendar`]): deadlines wait in buckets of an hour, and only the
/// earliest bucket is ordered (a small binary heap). Deadlines are mostly set months ahead,
/// later than every one already waiting: a B-tree searches each node from the left for them,
/// and one heap of millions of deadlines misses the cache at every level it walks to take one.
///
/// Compact deadlines more than [`AHEAD_WEEKS`] weeks ahead of the clock wait on disk, a file
/// per week ([`far`]), and come back a week at a time before any of that week can be next.
#[derive(Default)]
pub(crate) struct Scheduler {
    due: Calendar<Waiting<Due>>,
    compact: Calendar<Waiting<Compact>>,
    counter: u64,
    /// Compact deadlines of weeks not yet needed.
    far: Far,
    /// The week of the latest time deadlines were run before ([`Scheduler::pop_before`]).
    clock_week: Option<i64>,
}

/// Compact deadlines of a week more than this many weeks after the clock's wait on disk.
const AHEAD_WEEKS: i64 = if cfg!(test) { 1 } else { 2 };

/// The bucket of a deadline at `at`: its hour since the epoch (never decreasing with `at`, so
/// that an earlier bucket holds only earlier deadlines).
fn hour(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(3600)
}

/// A deadline waiting in a [`Scheduler`] queue, ordered so that the earliest (time, then the
/// order it was set in) is the greatest.
#[derive(Debug)]
struct Waiting<V> {
    at: DateTime<Utc>,
    n: u64,
    v: V,
}

impl<V> PartialEq for Waiting<V> {
    fn eq(&self, other: &Self) -> bool {
        (self.at, self.n) == (other.at, other.n)
    }
}

impl<V> Eq for Waiting<V> {}

impl<V> PartialOrd for Waiting<V> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<V> Ord for Waiting<V> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (other.at, other.n).cmp(&(self.at, self.n))
    }
}

/// A deadline that names one document or batch (see [`Scheduler`]): the number inline (an
/// [`Id`]), so that setting one allocates nothing but for a batch's pair.
#[derive(Debug)]
enum Compact {
    Invoice(Id),
    ForgetInvoice(Id),
    ForgetOrder(Id),
    ForgetSale(Id),
    ForgetSeen(Dir, Id),
    ForgetMovement(Dir, Id),
    ForgetDelivery(Id),
    ForgetBatch(Box<(Id, Id)>),
}

const _: () = assert!(std::mem::size_of::<Compact>() <= 32);

impl Compact {
    /// The compact form of `d`, or `d` itself when it has none.
    fn of(d: Due) -> Result<Compact, Due> {
        Ok(match d {
            Due::Documents(DocDue::Invoice(n)) => Compact::Invoice(n),
            Due::Documents(DocDue::ForgetInvoice(n)) => Compact::ForgetInvoice(n),
            Due::Documents(DocDue::ForgetOrder(n)) => Compact::ForgetOrder(n),
            Due::Documents(DocDue::ForgetSale(n)) => Compact::ForgetSale(n),
            Due::Documents(DocDue::ForgetSeen(dir, n)) => Compact::ForgetSeen(dir, n),
            Due::Documents(DocDue::ForgetMovement(dir, n)) => Compact::ForgetMovement(dir, n),
            Due::Documents(DocDue::ForgetDelivery(n)) => Compact::ForgetDelivery(n),
            Due::ForgetBatch(k) => Compact::ForgetBatch(Box::new(k)),
            other => return Err(other),
        })
    }

    /// The deadline it stands for.
    fn due(self) -> Due {
        match self {
            Compact::Invoice(n) => Due::Documents(DocDue::Invoice(n)),
            Compact::ForgetInvoice(n) => Due::Documents(DocDue::ForgetInvoice(n)),
            Compact::ForgetOrder(n) => Due::Documents(DocDue::ForgetOrder(n)),
            Compact::ForgetSale(n) => Due::Documents(DocDue::ForgetSale(n)),
            Compact::ForgetSeen(dir, n) => Due::Documents(DocDue::ForgetSeen(dir, n)),
            Compact::ForgetMovement(dir, n) => Due::Documents(DocDue::ForgetMovement(dir, n)),
            Compact::ForgetDelivery(n) => Due::Documents(DocDue::ForgetDelivery(n)),
            Compact::ForgetBatch(k) => Due::ForgetBatch(*k),
        }
    }
}

impl Scheduler {
    /// Sets a deadline.
    pub fn at(&mut self, at: DateTime<Utc>, d: Due) {
        self.counter += 1;
        let n = self.counter;
        match Compact::of(d) {
            Ok(v) => {
                let w = far::week(at);
                let far = self.clock_week.is_some_and(|c| w > c + AHEAD_WEEKS)
                    && w >= self.far.loaded_through;
                if far {
                    self.far.push(w, &Waiting { at, n, v });
                } else {
                    self.compact.push(hour(at), Waiting { at, n, v });
                }
            }
            Err(v) => self.due.push(hour(at), Waiting { at, n, v }),
        }
    }

    /// The scheduler with its far deadlines in files made in `dir`.
    #[cfg(test)]
    pub fn spilling_to(dir: &std::path::Path) -> Scheduler {
        Scheduler {
            far: Far::in_dir(dir),
            ..Scheduler::default()
        }
    }

    /// Far deadlines that could not be read back from disk (they were lost): the findings
    /// they would have made are missing.
    pub fn take_fault(&mut self) -> Option<rxledger_store::StoreError> {
        let source = self.far.fault.take()?;
        Some(rxledger_store::StoreError::Io {
            path: self.far.dir().to_path_buf(),
            source,
        })
    }

    /// Compact deadlines waiting on disk.
    #[cfg(test)]
    pub fn far_waiting(&self) -> u64 {
        self.far.waiting
    }

    /// The next deadline strictly before `t`, removed, with its time.
    pub fn pop_before(&mut self, t: DateTime<Utc>) -> Option<(DateTime<Utc>, Due)> {
        let w = far::week(t);
        if self.clock_week.is_none_or(|c| w > c) {
            self.clock_week = Some(w);
        }
        let (at, compact) = self.next()?;
        if at >= t {
            return None;
        }
        self.pop(compact)
    }

    /// Every deadline still set, removed (the open items at the end): take them from the
    /// returned scheduler in time order with [`Scheduler::pop_first`].
    pub fn take_all(&mut self) -> Scheduler {
        std::mem::take(self)
    }

    /// The next deadline, removed, with its time.
    pub fn pop_first(&mut self) -> Option<(DateTime<Utc>, Due)> {
        let (_, compact) = self.next()?;
        self.pop(compact)
    }

    /// The time of the next deadline, and whether it waits in the compact map.
    fn next(&mut self) -> Option<(DateTime<Utc>, bool)> {
        // The earliest compact deadline in memory is the earliest of all once no week on disk
        // is its week or earlier.
        while let Some(w) = self.far.first_week() {
            if self.compact.peek().is_some_and(|x| far::week(x.at) < w) {
                break;
            }
            let compact = &mut self.compact;
            self.far
                .take_first(|item| compact.push(hour(item.at), item));
        }
        let a = self.due.peek().map(|w| (w.at, w.n));
        let b = self.compact.peek().map(|w| (w.at, w.n));
        match (a, b) {
            (Some(a), Some(b)) if b < a => Some((b.0, true)),
            (Some(a), _) => Some((a.0, false)),
            (None, Some(b)) => Some((b.0, true)),
            (None, None) => None,
        }
    }

    /// The first deadline of the compact map or of the other, removed.
    fn pop(&mut self, compact: bool) -> Option<(DateTime<Utc>, Due)> {
        if compact {
            self.compact.pop().map(|w| (w.at, w.v.due()))
        } else {
            self.due.pop().map(|w| (w.at, w.v))
        }
    }
}

/// Where a call's findings and open items go.
pub(crate) struct Sink<'a> {
    /// Findings.
    pub findings: &'a mut Vec<Finding>,
    /// Open items (only at the end of the input).
    pub pending: &'a mut Vec<Pending>,
}

/// Where findings go: applies the configuration (disabled rules, severities) and keeps the
/// findings of the current call.
pub(crate) struct Out<'a> {
    cfg: &'a Config,
    findings: &'a mut Vec<Finding>,
    pending: &'a mut Vec<Pending>,
    family: crate::Family,
}

impl Out<'_> {
    /// Reports a finding (unless its rule is disabled), with the configured severity.
    pub fn emit(&mut self, mut f: Finding) {
        debug_assert_eq!(
            f.rule.family(),
            self.family,
            "{} reported outside its family",
            f.rule
        );
        if !self.cfg.enabled(f.rule) {
            return;
        }
        f.severity = self.cfg.severity_of(f.rule);
        f.seqs.sort_unstable();
        f.seqs.dedup();
        self.findings.push(f);
    }

    /// Reports an open item (unless its rule is disabled), with the configured severity of its
    /// rule.
    pub fn pending(&mut self, mut p: Pending) {
        debug_assert_eq!(
            p.rule.family(),
            self.family,
            "{} pending outside its family",
            p.rule
        );
        if !self.cfg.enabled(p.rule) {
            return;
        }
        p.severity = self.cfg.severity_of(p.rule);
        p.seqs.sort_unstable();
        p.seqs.dedup();
        self.pending.push(p);
    }
}

/// The context of one call into a family.
pub(crate) struct Ctx<'a> {
    /// Configuration.
    pub cfg: &'a Config,
    /// The shared projections.
    pub proj: &'a mut Projections,
    /// Deadlines.
    pub sched: &'a mut Scheduler,
    /// Findings.
    pub out: Out<'a>,
    /// The ledger's clock: the latest `occurred_at` seen; for a deadline being run, its own
    /// time.
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

impl<'a> Ctx<'a> {
    /// A context for `family`.
    pub fn new(
        family: crate::Family,
        cfg: &'a Config,
        proj: &'a mut Projections,
        sched: &'a mut Scheduler,
        sink: Sink<'a>,
        now: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Self {
        Ctx {
            cfg,
            proj,
            sched,
            now,
            out: Out {
                cfg,
                findings: sink.findings,
                pending: sink.pending,
                family,
            },
        }
    }

    /// Reports a finding.
    pub fn emit(&mut self, f: Finding) {
        self.out.emit(f);
    }

    /// Sets a deadline.
    pub fn schedule(&mut self, at: DateTime<Utc>, d: Due) {
        self.sched.at(at, d);
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn name(d: &Due) -> String {
        match d {
            Due::Documents(
                DocDue::Invoice(n) | DocDue::InvoiceOrphan(n) | DocDue::ForgetSale(n),
            ) => n.to_string(),
            Due::ForgetBatch((p, b)) => format!("{p}/{b}"),
            other => format!("{other:?}"),
        }
    }

    proptest::proptest! {
        /// Deadlines run in (time, order set) order, compact or not, whatever the order they
        /// are set in and however setting and running interleave: the order of one sorted map.
        #[test]
        fn deadlines_run_in_time_then_set_order(
            steps in proptest::collection::vec((0i64..50, proptest::bool::ANY, 0i64..60), 0..200),
        ) {
            let t0 = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
            let mut s = Scheduler::default();
            let mut reference = std::collections::BTreeMap::new();
            let (mut got, mut want) = (Vec::new(), Vec::new());
            for (i, &(offset, compact, clock)) in steps.iter().enumerate() {
                let at = t0 + Duration::minutes(offset);
                let name = format!("d{i}");
                let d = if compact {
                    Due::Documents(DocDue::Invoice(name.as_str().into()))
                } else {
                    Due::Documents(DocDue::InvoiceOrphan(name.as_str().into()))
                };
                s.at(at, d);
                reference.insert((at, i), name);
                // Run what is due before a clock that moves on now and then.
                let now = t0 + Duration::minutes(clock);
                while let Some((at, d)) = s.pop_before(now) {
                    got.push((at, self::name(&d)));
                }
                while let Some(e) = reference.first_entry().filter(|e| e.key().0 < now) {
                    let ((at, _), n) = e.remove_entry();
                    want.push((at, n));
                }
            }
            let mut rest = s.take_all();
            while let Some((at, d)) = rest.pop_first() {
                got.push((at, self::name(&d)));
            }
            want.extend(reference.into_iter().map(|((at, _), n)| (at, n)));
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// Deadlines as they ran: hours after `t0`, and name.
    type Ran = Vec<(i64, String)>;

    /// Runs `steps` (hours ahead of `t0` to set a deadline at, whether it is compact, the hour
    /// of the clock after it) through `s`, and returns the deadlines in the order they ran
    /// and the order of one sorted map.
    fn run(s: &mut Scheduler, steps: &[(i64, bool, i64)]) -> (Ran, Ran) {
        let t0 = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        let mut reference = std::collections::BTreeMap::new();
        let (mut got, mut want) = (Vec::new(), Vec::new());
        let hours = |at: DateTime<Utc>| (at - t0).num_hours();
        for (i, &(offset, compact, clock)) in steps.iter().enumerate() {
            let at = t0 + Duration::hours(offset);
            let name = format!("d{i}");
            let d = if compact {
                Due::Documents(DocDue::ForgetSale(name.as_str().into()))
            } else {
                Due::Documents(DocDue::InvoiceOrphan(name.as_str().into()))
            };
            s.at(at, d);
            reference.insert((at, i), name);
            let now = t0 + Duration::hours(clock);
            while let Some((at, d)) = s.pop_before(now) {
                got.push((hours(at), self::name(&d)));
            }
            while let Some(e) = reference.first_entry().filter(|e| e.key().0 < now) {
                let ((at, _), n) = e.remove_entry();
                want.push((hours(at), n));
            }
        }
        let mut rest = s.take_all();
        while let Some((at, d)) = rest.pop_first() {
            got.push((hours(at), self::name(&d)));
        }
        assert!(rest.take_fault().is_none());
        want.extend(reference.into_iter().map(|((at, _), n)| (hours(at), n)));
        (got, want)
    }

    proptest::proptest! {
        /// Deadlines set weeks ahead wait on disk and come back in time: the order is still
        /// that of one sorted map, with a clock that jumps weeks or stands still.
        #[test]
        fn far_deadlines_run_in_time_then_set_order(
            steps in proptest::collection::vec((0i64..4000, proptest::bool::ANY, 0i64..4000), 0..300),
        ) {
            let dir = tempfile::tempdir().unwrap();
            // A clock that only moves forward, as the engine's does.
            let mut clock = 0;
            let steps: Vec<_> = steps
                .into_iter()
                .map(|(at, c, t)| {
                    clock = clock.max(t / 4);
                    (clock + at, c, clock)
                })
                .collect();
            let (got, want) = run(&mut Scheduler::spilling_to(dir.path()), &steps);
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// Steps that set deadlines many weeks ahead of a clock that moves an hour at a time.
    fn far_steps() -> Vec<(i64, bool, i64)> {
        (0..3000)
            .map(|i| (i + (i * 37) % 2500, i % 3 != 0, i))
            .collect()
    }

    /// Deadlines weeks ahead do leave memory (in files of several chunks), and come back.
    #[test]
    fn far_deadlines_wait_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Scheduler::spilling_to(dir.path());
        let steps = far_steps();
        let (half, _) = steps.split_at(1500);
        let mut most = 0;
        let t0 = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        for (i, &(offset, compact, clock)) in half.iter().enumerate() {
            let d = if compact {
                Due::Documents(DocDue::ForgetSale(format!("d{i}").as_str().into()))
            } else {
                Due::Documents(DocDue::InvoiceOrphan(format!("d{i}").as_str().into()))
            };
            s.at(t0 + Duration::hours(offset), d);
            while s.pop_before(t0 + Duration::hours(clock)).is_some() {}
            most = most.max(s.far_waiting());
        }
        assert!(most > 500, "{most} deadlines on disk at most");
        let (got, want) = run(&mut Scheduler::spilling_to(dir.path()), &steps);
        assert_eq!(got, want);
    }

    /// A directory where no file can be made costs memory, not deadlines.
    #[test]
    fn far_deadlines_stay_in_memory_when_no_file_can_be_made() {
        let missing = std::env::temp_dir().join("rxledger-no-such-dir/nested");
        let (got, want) = run(&mut Scheduler::spilling_to(&missing), &far_steps());
        assert_eq!(got, want);
    }

    /// Far deadlines that cannot be read back are a fault the engine reports, never silence.
    #[cfg(target_os = "linux")]
    #[test]
    fn damaged_far_deadlines_are_a_fault() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Scheduler::spilling_to(dir.path());
        let t0 = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        let _ = s.pop_before(t0);
        for i in 0..200 {
            let d = Due::Documents(DocDue::ForgetSale(format!("sale-{i}").as_str().into()));
            s.at(t0 + Duration::weeks(10), d);
        }
        let damaged = crate::testing::damage_open_files_in(dir.path(), |f| {
            crate::testing::write_at(f, &[0x5A; 8], 40);
        });
        assert_eq!(damaged, 1, "one week's file");
        let mut rest = s.take_all();
        let mut ran = 0;
        while rest.pop_first().is_some() {
            ran += 1;
        }
        assert!(ran < 200, "{ran} ran");
        let err = rest.take_fault().expect("a fault").to_string();
        assert!(err.contains("checksum"), "{err}");
    }

    #[test]
    fn compact_and_other_deadlines_run_in_one_time_and_set_order() {
        let t0 = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        let h = Duration::hours;
        let mut s = Scheduler::default();
        // (offset, deadline): compact ones (Invoice, ForgetSale, ForgetBatch) and one that is
        // not (InvoiceOrphan), interleaved at equal and different times.
        s.at(
            t0 + h(2),
            Due::Documents(DocDue::InvoiceOrphan("o1".into())),
        );
        s.at(t0 + h(1), Due::Documents(DocDue::Invoice("i1".into())));
        s.at(t0 + h(2), Due::Documents(DocDue::ForgetSale("s1".into())));
        s.at(
            t0 + h(2),
            Due::Documents(DocDue::InvoiceOrphan("o2".into())),
        );
        s.at(t0 + h(3), Due::ForgetBatch(("P".into(), "B".into())));
        s.at(
            t0 + h(1),
            Due::Documents(DocDue::InvoiceOrphan("o0".into())),
        );
        let mut got = Vec::new();
        while let Some((at, d)) = s.pop_before(t0 + h(3)) {
            got.push(((at - t0).num_hours(), name(&d)));
        }
        assert_eq!(
            got,
            [(1, "i1"), (1, "o0"), (2, "o1"), (2, "s1"), (2, "o2")]
                .map(|(t, n)| (t, n.to_owned()))
                .to_vec()
        );
        // The rest, taken at the end in the same order.
        s.at(
            t0 + h(3),
            Due::Documents(DocDue::InvoiceOrphan("o3".into())),
        );
        let mut rest = s.take_all();
        assert!(s.pop_first().is_none());
        let mut tail = Vec::new();
        while let Some((_, d)) = rest.pop_first() {
            tail.push(name(&d));
        }
        assert_eq!(tail, ["P/B", "o3"]);
    }
}
