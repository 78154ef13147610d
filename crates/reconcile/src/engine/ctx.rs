//! What a rule family sees: the event, the projections, and where findings and deadlines go.

mod calendar;

use chrono::{DateTime, NaiveDate, Utc};
use rxledger_model::Event;

use super::families::cold_chain::ColdDue;
use super::projections::documents::{Dir, DocDue};
use super::projections::{Id, Projections};
use crate::{Config, Finding, Pending};
use calendar::Calendar;

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
#[derive(Default)]
pub(crate) struct Scheduler {
    due: Calendar<Waiting<Due>>,
    compact: Calendar<Waiting<Compact>>,
    counter: u64,
}

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
            Ok(v) => self.compact.push(hour(at), Waiting { at, n, v }),
            Err(v) => self.due.push(hour(at), Waiting { at, n, v }),
        }
    }

    /// The next deadline strictly before `t`, removed, with its time.
    pub fn pop_before(&mut self, t: DateTime<Utc>) -> Option<(DateTime<Utc>, Due)> {
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
}

impl<'a> Ctx<'a> {
    /// A context for `family`.
    pub fn new(
        family: crate::Family,
        cfg: &'a Config,
        proj: &'a mut Projections,
        sched: &'a mut Scheduler,
        sink: Sink<'a>,
    ) -> Self {
        Ctx {
            cfg,
            proj,
            sched,
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
