//! The streaming engine: a dispatcher over shared projections and rule families, with a
//! deadline scheduler.
//!
//! For each event, in ledger order, [`Engine::push`]:
//!
//! 1. moves the ledger's clock (the latest `occurred_at`) and runs every deadline it passed, in
//!    time order (deadlines at the same time in the order they were set);
//! 2. updates the projections ([`projections`]: master data, stock from the goods movements of
//!    [`rxledger_model::movements`], documents, unit codes) once, in one place;
//! 3. shows the event to each family of rules ([`families`]) in a fixed order: integrity,
//!    qualification, documents, stock, special control, codes, cold chain, temperature data
//!    integrity. Families report findings of their own rules and set deadlines.
//!
//! Findings go through one emitter that drops disabled rules and applies configured severities.
//! [`Engine::finish`] lets the families close what is open (an excursion still running) and runs
//! the deadlines up to the last event. Each rule's findings come in the order its family
//! reports them; callers that need one order sort by record and rule (as `check` does).

mod ctx;
mod facts;
mod families;
mod projections;

pub use families::cold_chain::{mkt, Band, StreamKind, TempSeries};

use chrono::{DateTime, Duration, Utc};
use rxledger_model::Event;

use crate::time::local_date;
use crate::{Config, Finding};
use ctx::{Ctx, Ev, Scheduler};
use families::Families;
use projections::Projections;

/// The reconciliation engine. Feed it events in ledger order with [`Engine::push`]; it returns
/// the findings that became certain; [`Engine::finish`] returns the rest.
///
/// Memory grows with open state (live batches, unsettled documents within their windows), not
/// with the number of events.
pub struct Engine {
    cfg: Config,
    /// The ledger's clock: the latest `occurred_at` so far.
    now: Option<DateTime<Utc>>,
    events: u64,
    out: Vec<Finding>,
    sched: Scheduler,
    proj: Projections,
    families: Families,
}

impl Engine {
    /// A new engine with `cfg`.
    pub fn new(cfg: Config) -> Self {
        Engine {
            cfg,
            now: None,
            events: 0,
            out: Vec::new(),
            sched: Scheduler::default(),
            proj: Projections::default(),
            families: Families::default(),
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Events pushed so far.
    pub fn events(&self) -> u64 {
        self.events
    }

    /// Feeds the event stored as record `seq`, appended at `recorded_at`. Returns the findings
    /// that became certain.
    pub fn push(&mut self, seq: u64, recorded_at: DateTime<Utc>, e: &Event) -> Vec<Finding> {
        self.events += 1;
        if self.now.is_none_or(|n| e.occurred_at > n) {
            self.advance(e.occurred_at);
            self.now = Some(e.occurred_at);
        }
        let ev = Ev {
            seq,
            recorded_at,
            e,
            date: local_date(e.occurred_at),
        };
        self.proj.apply(&ev, &self.cfg, &mut self.sched, self.now);
        for family in self.families.table() {
            let mut cx = Ctx::new(
                family.id(),
                &self.cfg,
                &mut self.proj,
                &mut self.sched,
                &mut self.out,
            );
            family.on_event(&mut cx, &ev);
        }
        std::mem::take(&mut self.out)
    }

    /// Reports a record whose payload is not a valid event.
    pub fn push_invalid(&mut self, seq: u64, error: &str) -> Vec<Finding> {
        self.events += 1;
        let mut cx = Ctx::new(
            crate::Family::Integrity,
            &self.cfg,
            &mut self.proj,
            &mut self.sched,
            &mut self.out,
        );
        families::integrity::Integrity::invalid(&mut cx, seq, error);
        std::mem::take(&mut self.out)
    }

    /// Ends the input: evaluates everything that is due by the last event's time and returns
    /// those findings. Open items not yet due are not findings.
    pub fn finish(mut self) -> Vec<Finding> {
        for family in self.families.table() {
            let mut cx = Ctx::new(
                family.id(),
                &self.cfg,
                &mut self.proj,
                &mut self.sched,
                &mut self.out,
            );
            family.finish(&mut cx);
        }
        if let Some(now) = self.now {
            self.advance(now + Duration::nanoseconds(1));
        }
        std::mem::take(&mut self.out)
    }

    /// Starts keeping every temperature reading for charts (see [`Engine::temperature_series`]).
    pub fn trace_temperatures(&mut self) {
        self.families.cold_chain.trace_temperatures();
    }

    /// The series kept since [`Engine::trace_temperatures`], by kind and name (empty when
    /// tracing is off).
    pub fn temperature_series(&mut self) -> Vec<TempSeries> {
        self.families.cold_chain.temperature_series()
    }

    /// Runs every deadline strictly before `t`: the family that set it checks, then the
    /// projections' life cycle of the same deadline runs.
    fn advance(&mut self, t: DateTime<Utc>) {
        while let Some(due) = self.sched.pop_before(t) {
            if let Some(family) = self.families.owner(&due) {
                let mut cx = Ctx::new(
                    family.id(),
                    &self.cfg,
                    &mut self.proj,
                    &mut self.sched,
                    &mut self.out,
                );
                family.on_due(&mut cx, &due);
            }
            self.proj.on_due(due, &self.cfg, &mut self.sched, self.now);
        }
    }
}
