//! `check`: verify a ledger and reconcile it in one streaming pass.
//!
//! The ledger is read once: every record is verified by the chain's streaming verifier and, if it
//! verifies, reconciled by the [`Engine`]. A broken chain is a `CHAIN` finding at the first bad
//! seq; the records before it are reconciled, nothing after it is. The pass runs over a ledger
//! directory or exported file ([`check_path`], [`check_with`]) or over any [`Store`]
//! ([`check_store`], [`check_store_with`]), with the same code for the records and the findings.
//!
//! ```
//! use rxledger_reconcile::{check::check_store, Config};
//! use rxledger_store::{MemStore, Store};
//!
//! let mut store = MemStore::new();
//! let events: Vec<Vec<u8>> = rxledger_gen::Generator::new(Default::default())
//!     .take(300)
//!     .map(|e| e.to_json_bytes())
//!     .collect();
//! let refs: Vec<&[u8]> = events.iter().map(Vec::as_slice).collect();
//! store.append_at(&refs, "2026-01-01T00:00:00.000000Z")?;
//! let report = check_store(&store, Config::default(), None)?;
//! assert!(report.verify.is_ok());
//! assert_eq!(report.events, 300);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use crate::{Config, Engine, Fact, Finding, Msg, Pending, Rule};
use rxledger_chain::{ExpectedHead, RecordRef};
use rxledger_model::Event;
use rxledger_store::{Locator, Store, StoreError, VerifyReport};

/// The result of a check.
#[derive(Debug)]
pub struct CheckReport {
    /// The ledger checked (its directory or file, or the store's name).
    pub path: PathBuf,
    /// Chain verification.
    pub verify: VerifyReport,
    /// Valid events reconciled, of the verified prefix when the chain is broken (a record that is
    /// not a valid event is an `EVENT-INVALID` finding and not counted here).
    pub events: u64,
    /// Findings in record order (a broken chain is a `CHAIN` finding).
    pub findings: Vec<Finding>,
    /// Open items at the end of the reconciled records, whose deadline the ledger's clock has not
    /// passed (see [`Engine::finish_with_pending`]), in record order. Not findings.
    pub pending: Vec<Pending>,
    /// Where the records are, to locate them.
    pub locator: Locator,
}

impl CheckReport {
    /// The file and 1-based line holding record `seq`.
    pub fn locate(&self, seq: u64) -> (PathBuf, u64) {
        self.locator.locate(seq)
    }
}

/// Verifies and reconciles a ledger directory or exported file with `config`.
///
/// A broken chain is reported as a `CHAIN` finding at the first bad seq, with the configured
/// severity of `CHAIN`; the records before it are reconciled, nothing after it is.
pub fn check_path(
    path: &Path,
    config: Config,
    expected: Option<ExpectedHead>,
    progress: impl FnMut(u64),
) -> Result<CheckReport, StoreError> {
    check_with(
        path,
        Engine::new(config),
        expected,
        progress,
        |_, _| {},
        |_| {},
    )
}

/// [`check_path`] with a prepared `engine`, showing every valid event (with its seq) to
/// `observe` in the same pass, and the engine to `before_finish` before its last findings (to
/// take what it kept, such as [`Engine::temperature_series`]).
pub fn check_with(
    path: &Path,
    engine: Engine,
    expected: Option<ExpectedHead>,
    progress: impl FnMut(u64),
    observe: impl FnMut(u64, &Event),
    before_finish: impl FnOnce(&mut Engine),
) -> Result<CheckReport, StoreError> {
    check_with_workers(
        path,
        engine,
        expected,
        progress,
        rxledger_store::default_workers(),
        observe,
        before_finish,
    )
}

/// [`check_with`] on `workers` threads besides the calling one (`0`: all on the calling
/// thread). The records are read, parsed and hashed, and their events parsed and validated, on
/// the workers; the chain's order checks and the engine run on the calling thread in record
/// order, so the report does not depend on `workers`.
pub fn check_with_workers(
    path: &Path,
    engine: Engine,
    expected: Option<ExpectedHead>,
    progress: impl FnMut(u64),
    workers: usize,
    observe: impl FnMut(u64, &Event),
    before_finish: impl FnOnce(&mut Engine),
) -> Result<CheckReport, StoreError> {
    let mut pass = Pass::new(engine, observe);
    let verify = rxledger_store::scan_path_prepared(
        path,
        expected,
        progress,
        workers,
        Parsed::of,
        |rec, parsed| pass.apply(rec.seq, parsed),
    )?;
    let locator = Locator::for_path(path)?;
    pass.finish(verify, locator, before_finish)
}

/// Verifies and reconciles the records of any [`Store`] (a [`rxledger_store::MemStore`], an
/// open [`rxledger_store::FileStore`], a store of your own) with `config`, as [`check_path`]
/// does for files. The report's `path` is the store's [`Store::locator`] path.
pub fn check_store<S: Store + ?Sized>(
    store: &S,
    config: Config,
    expected: Option<ExpectedHead>,
) -> Result<CheckReport, StoreError> {
    check_store_with(store, Engine::new(config), expected, |_, _| {}, |_| {})
}

/// [`check_store`] with a prepared `engine`, `observe` and `before_finish`, as in
/// [`check_with`].
pub fn check_store_with<S: Store + ?Sized>(
    store: &S,
    engine: Engine,
    expected: Option<ExpectedHead>,
    observe: impl FnMut(u64, &Event),
    before_finish: impl FnOnce(&mut Engine),
) -> Result<CheckReport, StoreError> {
    let mut pass = Pass::new(engine, observe);
    let verify = rxledger_store::scan_store(store, expected, |rec| pass.record(rec))?;
    let locator = store.locator()?;
    pass.finish(verify, locator, before_finish)
}

/// A record's event and recording instant, parsed and validated, or why it is not a valid event
/// (an `EVENT-INVALID` finding). Depends on the record alone, so it is made on any thread.
enum Parsed {
    Event(chrono::DateTime<chrono::Utc>, Box<Event>),
    Invalid(String),
}

impl Parsed {
    fn of(rec: &RecordRef<'_>) -> Parsed {
        let recorded_at = rxledger_model::instant::parse(rec.recorded_at);
        match (simdutf8::basic::from_utf8(rec.payload), recorded_at) {
            (Ok(text), Ok(at)) => match Event::from_json(text) {
                Ok(e) => Parsed::Event(at, Box::new(e)),
                Err(err) => Parsed::Invalid(err.to_string()),
            },
            (Err(_), _) => Parsed::Invalid("payload is not UTF-8".to_owned()),
            (_, Err(err)) => Parsed::Invalid(format!("recorded_at: {err}")),
        }
    }
}

/// The reconciling half of a check: records in, findings out.
struct Pass<O> {
    engine: Engine,
    observe: O,
    findings: Vec<Finding>,
}

impl<O: FnMut(u64, &Event)> Pass<O> {
    fn new(engine: Engine, observe: O) -> Self {
        Pass {
            engine,
            observe,
            findings: Vec::new(),
        }
    }

    /// Reconciles one verified record.
    fn record(&mut self, rec: &RecordRef<'_>) -> ControlFlow<()> {
        self.apply(rec.seq, &Parsed::of(rec))
    }

    /// Reconciles one verified record, parsed by [`Parsed::of`].
    fn apply(&mut self, seq: u64, parsed: &Parsed) -> ControlFlow<()> {
        let found = match parsed {
            Parsed::Event(at, e) => {
                let found = self.engine.push(seq, *at, e);
                (self.observe)(seq, e);
                found
            }
            Parsed::Invalid(why) => self.engine.push_invalid(seq, why),
        };
        self.findings.extend(found);
        ControlFlow::Continue(())
    }

    /// The last findings, the `CHAIN` finding of a broken chain, and the report.
    fn finish(
        self,
        verify: VerifyReport,
        locator: Locator,
        before_finish: impl FnOnce(&mut Engine),
    ) -> Result<CheckReport, StoreError> {
        let Pass {
            mut engine,
            mut findings,
            ..
        } = self;
        let events = engine.events();
        // A broken chain is always reported (it cannot be disabled), with the configured severity.
        let chain_severity = engine.config().severity_of(Rule::Chain);
        before_finish(&mut engine);
        let (last, pending) = engine
            .try_finish_with_pending()
            .map_err(|e| StoreError::Io {
                path: locator.path().to_owned(),
                source: std::io::Error::other(format!(
                "the search for events recorded twice (EVENT-DUP) could not read back the ids it \
                 kept in a temporary file, so it is incomplete: {e}"
            )),
            })?;
        findings.extend(last);
        if let Some(f) = &verify.failure {
            // An exported file re-saved around intact records was reconciled in full.
            let id = if f.records_intact() {
                "chain-reformatted"
            } else if f.against_history() {
                "chain-history"
            } else {
                "chain-broken"
            };
            let mut chain = Finding::new(
                Rule::Chain,
                f.seq(),
                Msg::new(id).arg("seq", f.seq()).arg(
                    "error",
                    verify_error_msg(f).map_or_else(|| Fact::Text(f.to_string()), Fact::from),
                ),
            );
            chain.severity = chain_severity;
            findings.push(chain);
        }
        findings.sort_by_key(|f| (f.seq, f.rule));
        Ok(CheckReport {
            path: locator.path().to_owned(),
            verify,
            events,
            findings,
            pending,
            locator,
        })
    }
}

/// A verification failure as a catalogue message (`verify-*` of `cli.ftl`), so that the `CHAIN`
/// finding and the command line say it in the reader's language (round 21: `check --lang zh`
/// embedded the English text). `None` for [`VerifyError::Reformatted`], whose list of changes
/// the renderers word themselves, and for variants added later.
pub fn verify_error_msg(e: &rxledger_chain::VerifyError) -> Option<Msg> {
    use rxledger_chain::VerifyError as E;
    Some(match e {
        E::Unparsable { line, seq, reason } => Msg::new("verify-unparsable")
            .arg("line", *line)
            .arg("seq", *seq)
            .arg(
                "detail",
                REASONS.iter().find(|(text, _)| text == reason).map_or_else(
                    || Fact::Text((*reason).to_owned()),
                    |(_, id)| Msg::new(id).into(),
                ),
            ),
        E::Gap { line, seq, found } => Msg::new("verify-gap")
            .arg("line", *line)
            .arg("seq", *seq)
            .arg("found", *found)
            .arg("last", found.saturating_sub(1)),
        E::Duplicate { line, seq, found } => Msg::new("verify-duplicate")
            .arg("line", *line)
            .arg("seq", *seq)
            .arg("found", *found),
        E::BrokenLink {
            line,
            seq,
            expected,
            found,
        } => Msg::new("verify-link")
            .arg("line", *line)
            .arg("seq", *seq)
            .arg("expected", expected.to_string())
            .arg("found", found.to_string()),
        E::HashMismatch {
            line,
            seq,
            stored,
            computed,
        } => Msg::new("verify-hash")
            .arg("line", *line)
            .arg("seq", *seq)
            .arg("stored", stored.to_string())
            .arg("computed", computed.to_string()),
        E::BatchFraming {
            line,
            seq,
            batch_end,
            expected,
        } => Msg::new("verify-framing")
            .arg("line", *line)
            .arg("seq", *seq)
            .arg("batch_end", *batch_end)
            .arg("expected", *expected),
        E::IncompleteBatch { seq, batch_end } => Msg::new("verify-incomplete")
            .arg("seq", *seq)
            .arg("batch_end", *batch_end),
        E::BelowCheckpoint { seq, last, signed } => Msg::new("verify-below-checkpoint")
            .arg("seq", *seq)
            .arg("last", *last)
            .arg("signed", *signed),
        E::HeadDiffers {
            seq,
            expected,
            found,
        } => Msg::new("verify-head-differs")
            .arg("seq", *seq)
            .arg("expected", expected.to_string())
            .arg("found", found.to_string()),
        E::CheckpointRoot { size, .. } => Msg::new("verify-checkpoint-root").arg("size", *size),
        E::HistoryDamaged { line, fault, .. } => history_damaged(*line, fault),
        E::HeadMismatch {
            seq,
            last,
            expected,
            found,
        } => Msg::new("verify-head")
            .arg("seq", *seq)
            .arg("last", *last)
            .arg("expected", expected.as_str())
            .arg("found", found.to_string()),
        _ => return None,
    })
}

/// The fixed explanations of an unparsable record (`rxledger_chain`, `rxledger_store`) and their
/// catalogue messages, so that they are said in the chosen language too; another is kept as
/// the library gives it.
const REASONS: &[(&str, &str)] = &[
    ("line does not start with {\"seq\":", "verify-reason-start"),
    ("`seq` is not a positive integer", "verify-reason-seq"),
    (
        "expected `batch_end` after `seq`",
        "verify-reason-after-seq",
    ),
    (
        "`batch_end` is not a positive integer",
        "verify-reason-batch-end",
    ),
    (
        "expected `recorded_at` after `batch_end`",
        "verify-reason-after-batch-end",
    ),
    (
        "`recorded_at` is not a short string",
        "verify-reason-recorded-at",
    ),
    (
        "`recorded_at` has characters outside an RFC 3339 timestamp",
        "verify-reason-recorded-at-chars",
    ),
    (
        "expected `prev` after `recorded_at`",
        "verify-reason-after-recorded-at",
    ),
    ("`prev` is too short", "verify-reason-prev-short"),
    ("`prev` is not 64 hex digits", "verify-reason-prev-hex"),
    ("expected `hash` after `prev`", "verify-reason-after-prev"),
    ("`hash` is too short", "verify-reason-hash-short"),
    ("`hash` is not 64 hex digits", "verify-reason-hash-hex"),
    ("expected `event` after `hash`", "verify-reason-after-hash"),
    ("record does not end with }", "verify-reason-end"),
    ("`event` payload is empty", "verify-reason-event-empty"),
    ("blank line between records", "verify-reason-blank"),
    ("line is not newline-terminated", "verify-reason-newline"),
    (
        "record parsed differently on a second reading",
        "verify-reason-reread",
    ),
];

/// The sentence of [`rxledger_chain::VerifyError::HistoryDamaged`].
fn history_damaged(line: u64, fault: &rxledger_chain::HistoryFault) -> Msg {
    use rxledger_chain::HistoryFault as F;
    let m = Msg::new("verify-history-damaged").arg("line", line);
    let (kind, m) = match fault {
        F::OutOfOrder { size, after } => {
            ("out_of_order", m.arg("size", *size).arg("after", *after))
        }
        F::Forked { size } => ("forked", m.arg("size", *size)),
        F::NotAFile => ("not_a_file", m),
        F::TooLarge { bytes } => ("too_large", m.arg("bytes", *bytes)),
        F::Unreadable => ("unreadable", m),
        _ => ("not_an_entry", m),
    };
    m.arg("fault", Fact::Term(kind.into()))
}
