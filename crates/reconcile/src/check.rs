//! `check`: verify a ledger and reconcile it in one streaming pass.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use crate::{Config, Engine, Finding, Rule};
use rxledger_chain::ExpectedHead;
use rxledger_model::Event;
use rxledger_store::{StoreError, VerifyReport};

/// The result of [`check_path`].
#[derive(Debug)]
pub struct CheckReport {
    /// The ledger checked.
    pub path: PathBuf,
    /// Chain verification.
    pub verify: VerifyReport,
    /// Events reconciled (the verified prefix when the chain is broken).
    pub events: u64,
    /// Findings in record order (a broken chain is a `CHAIN` finding).
    pub findings: Vec<Finding>,
    /// For a directory: `(first seq, file)` of every segment, to locate records.
    pub segments: Vec<(u64, PathBuf)>,
}

impl CheckReport {
    /// The file and 1-based line holding record `seq`.
    pub fn locate(&self, seq: u64) -> (PathBuf, u64) {
        match self.segments.iter().rev().find(|(first, _)| *first <= seq) {
            Some((first, file)) => (file.clone(), seq - first + 1),
            None => (self.path.clone(), seq),
        }
    }
}

/// Verifies and reconciles a ledger directory or exported file with `config`.
///
/// A broken chain is reported as a `CHAIN` finding at the first bad seq; the records before it
/// are reconciled, nothing after it is.
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
    mut engine: Engine,
    expected: Option<ExpectedHead>,
    progress: impl FnMut(u64),
    mut observe: impl FnMut(u64, &Event),
    before_finish: impl FnOnce(&mut Engine),
) -> Result<CheckReport, StoreError> {
    let mut findings = Vec::new();
    let verify = rxledger_store::scan_path(path, expected, progress, |rec| {
        let recorded_at = chrono::DateTime::parse_from_rfc3339(rec.recorded_at)
            .map(|t| t.with_timezone(&chrono::Utc));
        match (std::str::from_utf8(rec.payload), recorded_at) {
            (Ok(text), Ok(at)) => match Event::from_json(text) {
                Ok(e) => {
                    findings.extend(engine.push(rec.seq, at, &e));
                    observe(rec.seq, &e);
                }
                Err(err) => findings.extend(engine.push_invalid(rec.seq, &err.to_string())),
            },
            (Err(_), _) => findings.extend(engine.push_invalid(rec.seq, "payload is not UTF-8")),
            (_, Err(err)) => {
                findings.extend(engine.push_invalid(rec.seq, &format!("recorded_at: {err}")));
            }
        }
        ControlFlow::Continue(())
    })?;
    let events = engine.events();
    before_finish(&mut engine);
    findings.extend(engine.finish());
    if let Some(f) = &verify.failure {
        let mut chain = Finding::new(Rule::Chain,
            f.seq(),
            format!("The ledger fails verification at seq {}: {f}. Records from there on were not reconciled.", f.seq()),
        );
        chain.severity = crate::Severity::Critical;
        findings.push(chain);
    }
    findings.sort_by_key(|f| (f.seq, f.rule));
    let segments = if path.is_dir() {
        let mut segs: Vec<(u64, PathBuf)> = std::fs::read_dir(path)
            .map_err(|source| StoreError::Io {
                path: path.to_owned(),
                source,
            })?
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                rxledger_store::parse_segment_name(&name).map(|s| (s, e.path()))
            })
            .collect();
        segs.sort();
        segs
    } else {
        Vec::new()
    };
    Ok(CheckReport {
        path: path.to_owned(),
        verify,
        events,
        findings,
        segments,
    })
}
