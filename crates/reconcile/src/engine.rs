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
//! A family whose rules are all disabled is not run at all (its state is its own, so the other
//! families' findings do not change; tested), unless temperature series are traced; documents
//! and stock always run, as they keep counts in the shared projections for each other.
//! [`Engine::finish`] lets the families close what is open (an excursion still running) and runs
//! the deadlines up to the last event. Each rule's findings come in the order its family
//! reports them; callers that need one order sort by record and rule (as `check` does).
//!
//! Evidence that may arrive after the event it supports is awaited: a cold-chain receipt waits
//! `logger_settle_hours` for its vehicle's temperature log, a credit note or payment waits
//! `orphan_days` for its invoice, an invoiced or paid excess waits `correction_days` for its
//! correction. Such a wait is a deadline like any other, so findings do not depend on the order
//! in which the evidence was recorded within it. [`Engine::finish_with_pending`] also returns the
//! deadlines not yet passed whose finding would still fire: the open items ([`Pending`]).

mod ctx;
pub(crate) mod facts;
mod families;
mod projections;
mod spill;

pub use families::cold_chain::{
    closeup_window, mkt, Band, Closeup, Problem, StreamKind, TempSeries, CLOSEUPS_MAX_READINGS,
    CLOSEUP_MAX_PAD_SECS, CLOSEUP_MAX_READINGS, CLOSEUP_MIN_PAD_SECS, RECENT_MAX_READINGS,
};

use chrono::{DateTime, Utc};
use rxledger_model::Event;

use crate::time::local_date;
use crate::{Config, Finding, Pending};
use ctx::{Ctx, Ev, Scheduler, Sink};
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
    pending: Vec<Pending>,
    sched: Scheduler,
    proj: Projections,
    families: Families,
}

/// The context a family works in: the engine's configuration, projections, scheduler and
/// outputs (a macro rather than a method so that the families can be borrowed beside it).
macro_rules! family_ctx {
    ($engine:ident, $family:expr) => {
        family_ctx!($engine, $family, $engine.now)
    };
    ($engine:ident, $family:expr, $now:expr) => {
        Ctx::new(
            $family,
            &$engine.cfg,
            &mut $engine.proj,
            &mut $engine.sched,
            Sink {
                findings: &mut $engine.out,
                pending: &mut $engine.pending,
            },
            $now,
        )
    };
}

impl Engine {
    /// A new engine with `cfg`.
    pub fn new(cfg: Config) -> Self {
        Engine {
            families: Families::for_config(&cfg),
            cfg,
            now: None,
            events: 0,
            out: Vec::new(),
            pending: Vec::new(),
            sched: Scheduler::default(),
            proj: Projections::default(),
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Valid events pushed so far ([`Engine::push`]; not the records of [`Engine::push_invalid`]).
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
        // Read with the keys of orders and sales whose number another party's has (rarely).
        let own = self.proj.docs.own_numbers(e);
        let e = own.as_ref().unwrap_or(e);
        let ev = Ev {
            seq,
            recorded_at,
            e,
            date: local_date(e.occurred_at),
        };
        self.proj.apply(&ev, &self.cfg, &mut self.sched, self.now);
        for family in self.families.table() {
            let mut cx = family_ctx!(self, family.id());
            family.on_event(&mut cx, &ev);
        }
        std::mem::take(&mut self.out)
    }

    /// Reports a record whose payload is not a valid event.
    pub fn push_invalid(&mut self, seq: u64, error: &str) -> Vec<Finding> {
        let mut cx = family_ctx!(self, crate::Family::Integrity);
        families::integrity::Integrity::invalid(&mut cx, seq, error);
        std::mem::take(&mut self.out)
    }

    /// Ends the input: evaluates everything that is due by the last event's time and returns
    /// those findings. Open items not yet due are not findings (see
    /// [`Engine::finish_with_pending`]).
    ///
    /// If what was set aside in temporary files cannot be read back (a failing disk: the event
    /// ids of `EVENT-DUP`, deadlines weeks ahead, documents past their open life, shipped unit
    /// codes), the result is incomplete or wrong where they were needed: callers that must know
    /// use [`Engine::try_finish_with_pending`].
    pub fn finish(mut self) -> Vec<Finding> {
        // The open items are not asked for: nothing describes them (they make no findings).
        self.end();
        std::mem::take(&mut self.out)
    }

    /// [`Engine::finish`], and the open items: every deadline not yet passed whose finding would
    /// fire if the ledger showed nothing more (an invoice not yet paid, a receipt still waiting
    /// for its vehicle's temperature log, an excess not yet corrected), in record order.
    ///
    /// If what was set aside in temporary files cannot be read back (a failing disk: the event
    /// ids of `EVENT-DUP`, deadlines weeks ahead, documents past their open life, shipped unit
    /// codes), the result is incomplete or wrong where they were needed: callers that must know
    /// use [`Engine::try_finish_with_pending`].
    pub fn finish_with_pending(self) -> (Vec<Finding>, Vec<Pending>) {
        let (findings, pending, _) = self.finish_all();
        (findings, pending)
    }

    /// [`Engine::finish_with_pending`], or the error that made the result incomplete: what was
    /// set aside in temporary files could not all be read back (the event ids `EVENT-DUP` sorts
    /// beyond 32,768 events, deadlines weeks ahead, documents past their open life, shipped unit
    /// codes). `check` fails with it rather than report a result it could not finish.
    pub fn try_finish_with_pending(
        self,
    ) -> Result<(Vec<Finding>, Vec<Pending>), rxledger_store::StoreError> {
        match self.finish_all() {
            (_, _, Some(fault)) => Err(fault),
            (findings, pending, None) => Ok((findings, pending)),
        }
    }

    fn finish_all(
        mut self,
    ) -> (
        Vec<Finding>,
        Vec<Pending>,
        Option<rxledger_store::StoreError>,
    ) {
        self.end();
        let fault = self.families.integrity.fault.take();
        let findings = std::mem::take(&mut self.out);
        // The open items are described from documents, stock and master data only: the unit
        // codes (millions of shipped codes kept for the return window at a wholesaler's volume)
        // go first, so that the end does not hold them beside the open items; so do the
        // records only events look up (sales, and which orders or sales each movement named).
        let codes_fault = self.proj.codes.take_fault();
        self.proj.codes = projections::codes::Codes::default();
        let docs_fault = self.proj.docs.take_fault();
        self.proj.docs.drop_event_records();
        // One at a time, not collected: millions of deadlines may wait at the end.
        let mut open = self.sched.take_all();
        while let Some((at, due)) = open.pop_first() {
            if let Some(family) = self.families.owner(&due) {
                let mut cx = family_ctx!(self, family.id());
                family.pending(&mut cx, at, &due, self.now);
            }
        }
        debug_assert!(self.out.is_empty(), "open items reported findings");
        // Far deadlines that could not be read back (during the run or now) were lost with
        // their findings.
        let fault = fault
            .or_else(|| open.take_fault())
            .or(docs_fault)
            .or_else(|| self.proj.docs.take_fault())
            .or(codes_fault);
        let mut pending = std::mem::take(&mut self.pending);
        pending.sort_by_key(|p| (p.seq, p.rule, p.due));
        (findings, pending, fault)
    }

    /// The end of the input: each family's checks at the end, then every deadline the clock
    /// passed. A deadline at exactly the last event's time has not passed (an event at that
    /// instant would still be in time): it is an open item, not a finding.
    fn end(&mut self) {
        for family in self.families.table() {
            let mut cx = family_ctx!(self, family.id());
            family.finish(&mut cx);
        }
        if let Some(now) = self.now {
            self.advance(now);
        }
    }

    /// Starts keeping every temperature reading for charts (see [`Engine::temperature_series`]).
    pub fn trace_temperatures(&mut self) {
        // The series are made by the cold-chain family: it runs even with its rules disabled.
        self.families.wake(crate::Family::ColdChain);
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
        while let Some((at, due)) = self.sched.pop_before(t) {
            // The clock passes each deadline in turn: a deadline that looks again later does so
            // from its own time, so a jump of the clock cannot make it reschedule itself forever.
            if self.now.is_none_or(|n| at > n) {
                self.now = Some(at);
            }
            if let Some(family) = self.families.owner(&due) {
                // The context's clock is the deadline's own time (a deadline set in the past,
                // by an event recorded late, runs when the clock is already beyond it).
                let mut cx = family_ctx!(self, family.id(), Some(at));
                family.on_due(&mut cx, &due);
            }
            self.proj.on_due(due, &self.cfg, &mut self.sched, self.now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An engine fed `n` generated events, with `EVENT-DUP`'s ids spilled to `dir` beyond 500
    /// in memory when a directory is given.
    fn engine_with_events(n: usize, dir: Option<&std::path::Path>) -> Engine {
        let events = rxledger_gen::Generator::new(rxledger_gen::GenConfig::default()).take(n);
        let mut engine = Engine::new(Config::default());
        if let Some(dir) = dir {
            engine.families.integrity = families::integrity::Integrity::spilling_to(500, dir);
        }
        for (i, e) in events.enumerate() {
            let seq = i as u64 + 1;
            engine.push(seq, e.entered_at.unwrap_or(e.occurred_at), &e);
        }
        engine
    }

    /// Damages page 3 of every file this process has open in `dir`.
    #[cfg(target_os = "linux")]
    fn damage_open_files_in(dir: &std::path::Path) -> usize {
        crate::testing::damage_open_files_in(dir, |f| {
            crate::testing::write_at(f, &[0x5A; 64], 4 * 4096 + 8);
        })
    }

    /// `try_finish_with_pending` gives what `finish_with_pending` gives, or, when `EVENT-DUP`
    /// cannot read back the ids it spilled, the error that left its search unfinished.
    #[cfg(target_os = "linux")]
    #[test]
    fn an_unfinished_duplicate_search_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let want = engine_with_events(3000, None).finish_with_pending();
        let spilled = engine_with_events(3000, Some(dir.path()));
        assert_eq!(spilled.try_finish_with_pending().unwrap(), want);
        let damaged = engine_with_events(3000, Some(dir.path()));
        assert_eq!(
            damage_open_files_in(dir.path()),
            6,
            "3,000 ids in runs of 500"
        );
        let err = damaged.try_finish_with_pending().unwrap_err();
        assert!(err.to_string().contains("checksum"), "{err}");
    }

    /// Deadlines set aside on disk that cannot be read back leave the result incomplete:
    /// `try_finish_with_pending` says so; undamaged, the result is that of memory alone.
    #[cfg(target_os = "linux")]
    #[test]
    fn far_deadlines_lost_on_disk_are_an_error() {
        let want = engine_with_events(3000, None).finish_with_pending();
        let run = |dir: &std::path::Path| {
            let events =
                rxledger_gen::Generator::new(rxledger_gen::GenConfig::default()).take(3000);
            let mut engine = Engine::new(Config::default());
            engine.sched = ctx::Scheduler::spilling_to(dir);
            for (i, e) in events.enumerate() {
                engine.push(i as u64 + 1, e.entered_at.unwrap_or(e.occurred_at), &e);
            }
            engine
        };
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(run(dir.path()).try_finish_with_pending().unwrap(), want);
        let damaged = run(dir.path());
        let files = crate::testing::damage_open_files_in(dir.path(), |f| {
            crate::testing::write_at(f, &[0x5A; 8], 40);
        });
        assert!(files >= 3, "{files} weeks on disk");
        let err = damaged.try_finish_with_pending().unwrap_err();
        assert!(
            err.to_string().contains("deadlines set aside on disk"),
            "{err}"
        );
    }

    /// What 20,000 generated events with planted violations give (findings, open items) with
    /// the engine `set_up` makes, and the most `on_disk` counted after any event.
    fn generated_run(
        set_up: impl Fn(&mut Engine),
        on_disk: impl Fn(&Engine) -> usize,
    ) -> (usize, (Vec<Finding>, Vec<Pending>)) {
        let cfg = rxledger_gen::GenConfig {
            violations: 0.02,
            ..rxledger_gen::GenConfig::default()
        };
        let mut engine = Engine::new(Config::default());
        set_up(&mut engine);
        let (mut most, mut findings) = (0, Vec::new());
        for (i, e) in rxledger_gen::Generator::new(cfg).take(20_000).enumerate() {
            findings.extend(engine.push(i as u64 + 1, e.entered_at.unwrap_or(e.occurred_at), &e));
            most = most.max(on_disk(&engine));
        }
        let (rest, open) = engine.try_finish_with_pending().unwrap();
        findings.extend(rest);
        (most, (findings, open))
    }

    /// Sales and invoices waiting on disk change no finding and no open item: generated
    /// events with planted violations, documents set aside after a day untouched against
    /// documents kept in memory throughout.
    #[test]
    fn documents_on_disk_change_no_finding() {
        let dir = tempfile::tempdir().unwrap();
        let run = |days: i64| {
            generated_run(
                |engine| {
                    engine.proj.docs =
                        projections::documents::Documents::cold_after(dir.path(), days);
                },
                |engine| engine.proj.docs.on_disk(),
            )
        };
        let (none, want) = run(i64::MAX);
        let (most, got) = run(1);
        assert_eq!(none, 0);
        assert!(most > 1000, "{most} documents on disk at most");
        assert!(
            want.0.len() > 100,
            "{} findings, {} open, {most}",
            want.0.len(),
            want.1.len()
        );
        assert_eq!(got, want);
    }

    /// Shipped unit codes moved to disk at the first sweep after the day they left give the
    /// same findings and open items as codes kept in memory, on generated events with planted
    /// violations (codes shipped twice, unknown, malformed).
    #[test]
    fn shipped_codes_on_disk_change_no_finding() {
        let dir = tempfile::tempdir().unwrap();
        let run = |hot_days: u32| {
            generated_run(
                |engine| {
                    engine.proj.codes = projections::codes::Codes::spilled_after(
                        projections::codes::Shipped::in_dir(dir.path()),
                        hot_days,
                    );
                },
                |engine| engine.proj.codes.runs_on_disk(),
            )
        };
        let (none, want) = run(u32::MAX);
        let (runs, got) = run(0);
        assert_eq!(none, 0);
        assert!(runs > 3, "{runs} weeks of codes on disk at most");
        let code_findings = want
            .0
            .iter()
            .filter(|f| f.rule.code().starts_with("CODE-"))
            .count();
        assert!(code_findings > 5, "{code_findings} CODE-* findings");
        assert_eq!(got, want);
    }

    /// A shipped code that could not be read back during the run fails the end of the check.
    #[test]
    fn a_shipped_code_lost_on_disk_fails_the_check() {
        let mut shipped = projections::codes::Shipped::in_dir("/nonexistent");
        shipped.fault = Some(std::io::Error::other("a block fails its checksum"));
        let mut engine = Engine::new(Config::default());
        engine.proj.codes = projections::codes::Codes::spilled_after(shipped, 7);
        let err = engine.try_finish_with_pending().unwrap_err().to_string();
        assert!(
            err.contains("/nonexistent: a block fails its checksum"),
            "{err}"
        );
    }

    /// With `EVENT-DUP` disabled no id is kept: nothing to read back, nothing to fail.
    #[test]
    fn a_disabled_event_dup_keeps_no_ids() {
        let cfg = Config {
            disabled: vec![crate::Rule::EventDup],
            ..Config::default()
        };
        let engine = Engine::new(cfg);
        assert!(engine.families.integrity.keeps_no_ids());
        assert!(!Engine::new(Config::default())
            .families
            .integrity
            .keeps_no_ids());
    }
}
