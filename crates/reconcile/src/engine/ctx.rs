//! What a rule family sees: the event, the projections, and where findings and deadlines go.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rxledger_model::Event;

use super::families::cold_chain::ColdDue;
use super::projections::documents::DocDue;
use super::projections::Projections;
use crate::{Config, Finding, Pending};

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
    ForgetBatch((String, String)),
    /// Cold chain: vaccine isolation and disposal.
    ColdChain(ColdDue),
}

/// Deadlines in time order; deadlines at the same time keep the order they were set in.
#[derive(Default)]
pub(crate) struct Scheduler {
    due: BTreeMap<(DateTime<Utc>, u64), Due>,
    counter: u64,
}

impl Scheduler {
    /// Sets a deadline.
    pub fn at(&mut self, at: DateTime<Utc>, d: Due) {
        self.counter += 1;
        self.due.insert((at, self.counter), d);
    }

    /// The next deadline strictly before `t`, removed, with its time.
    pub fn pop_before(&mut self, t: DateTime<Utc>) -> Option<(DateTime<Utc>, Due)> {
        let entry = self.due.first_entry()?;
        let at = entry.key().0;
        if at >= t {
            return None;
        }
        Some((at, entry.remove()))
    }

    /// Every deadline still set, in time order, removed (the open items at the end).
    pub fn take_all(&mut self) -> Vec<(DateTime<Utc>, Due)> {
        std::mem::take(&mut self.due)
            .into_iter()
            .map(|((at, _), d)| (at, d))
            .collect()
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
