//! `postgres://…?ledger=NAME` in place of a ledger directory: the hooks of `init`, `append`,
//! `verify`, `check`, `export` and `copy` for ledgers in PostgreSQL (built with the `postgres` feature,
//! on by default). Everything past opening the store is the same code as for any store.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::Path;

use anyhow::{Context, Result};
use rxledger::chain::{ExpectedHead, Head};
use rxledger::check::CheckReport;
use rxledger::reconcile::Config;
use rxledger::store::{self, Store};

use crate::cmd::Outcome;

/// The URL, when a ledger argument is a PostgreSQL URL.
pub fn pg_url(path: &Path) -> Option<&str> {
    path.to_str()
        .filter(|s| s.starts_with("postgres://") || s.starts_with("postgresql://"))
}

/// Opens the PostgreSQL ledger `path` names: for reading, or created (if missing) and
/// opened as its single writer. `None` when `path` is not a URL.
#[cfg(feature = "postgres")]
pub fn open(path: &Path, mode: Mode) -> Result<Option<Box<dyn Store>>> {
    use rxledger::store_pg::{PgLocation, PgStore};
    let Some(loc) = pg_url(path).and_then(PgLocation::parse) else {
        return Ok(None);
    };
    if mode == Mode::Create {
        match PgStore::create(&loc) {
            Ok(()) | Err(store::StoreError::AlreadyExists { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let store = match mode {
        Mode::Read => PgStore::open_reader(&loc)?,
        Mode::Write | Mode::Create => PgStore::open(&loc)?,
    };
    Ok(Some(Box::new(store)))
}

/// Without the `postgres` feature a URL is refused with the reason.
#[cfg(not(feature = "postgres"))]
pub fn open(path: &Path, _mode: Mode) -> Result<Option<Box<dyn Store>>> {
    match pg_url(path) {
        Some(url) => Err(crate::fail::said(
            rxledger::reconcile::Msg::new("cli-no-postgres").arg("url", url),
        )),
        None => Ok(None),
    }
}

/// How [`open`] opens a ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Read only; no lock.
    Read,
    /// An existing ledger, opened as its single writer.
    Write,
    /// Created if missing, then the single writer.
    Create,
}

/// `rxledger init postgres://…`: creates the ledger (the schema must be installed).
pub fn init(path: &Path) -> Result<Option<Outcome>> {
    let Some(url) = pg_url(path) else {
        return Ok(None);
    };
    #[cfg(feature = "postgres")]
    {
        let loc = rxledger::store_pg::PgLocation::parse(url)
            .with_context(|| crate::fail::Said(rxledger::reconcile::Msg::new("cli-not-pg-url")))?;
        rxledger::store_pg::PgStore::create(&loc)?;
        crate::common::say(
            &rxledger::reconcile::Msg::new("cli-initialised").arg("ledger", loc.to_string()),
        );
        Ok(Some(Outcome::Clean))
    }
    #[cfg(not(feature = "postgres"))]
    {
        let _ = open(path, Mode::Read)?;
        Err(crate::fail::said(
            rxledger::reconcile::Msg::new("cli-no-postgres").arg("url", url),
        ))
    }
}

/// `rxledger verify postgres://…`.
pub fn verify(path: &Path, expected: Option<ExpectedHead>) -> Result<Option<Outcome>> {
    let Some(store) = open(path, Mode::Read)? else {
        return Ok(None);
    };
    let report = store::verify_store(store.as_ref(), expected)?;
    let name = path.display();
    Ok(Some(match &report.failure {
        None => {
            crate::common::say(
                &rxledger::reconcile::Msg::new("verify-ok")
                    .arg("records", report.head.seq)
                    .arg("head", report.head.to_string())
                    .arg("blank", ""),
            );
            Outcome::Clean
        }
        Some(f) => crate::cmd::verify::print_failure(&format!("{name}: "), f, report.head),
    }))
}

/// `rxledger check postgres://…` (one ledger at a time).
pub fn check(
    paths: &[std::path::PathBuf],
    config: &Config,
    expected: Option<ExpectedHead>,
) -> Result<Option<CheckReport>> {
    if !paths.iter().any(|p| pg_url(p).is_some()) {
        return Ok(None);
    }
    let [path] = paths else {
        return Err(crate::fail::said(rxledger::reconcile::Msg::new(
            "cli-pg-one-at-a-time",
        )));
    };
    let Some(store) = open(path, Mode::Read)? else {
        return Ok(None);
    };
    Ok(Some(rxledger::check::check_store(
        store.as_ref(),
        config.clone(),
        expected,
    )?))
}

/// `rxledger export postgres://… -o FILE`: the records as one JSON Lines file, synced.
pub fn export(path: &Path, out: &Path) -> Result<Option<Head>> {
    let Some(store) = open(path, Mode::Read)? else {
        return Ok(None);
    };
    let file = std::fs::File::create(out).with_context(|| out.display().to_string())?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut head = Head::default();
    let mut failed = None;
    store.scan(1, &mut |rec| {
        head = Head {
            seq: rec.seq,
            hash: rec.hash,
        };
        let line = store::canonical_line(&rec);
        match w.write_all(&line).and_then(|()| w.write_all(b"\n")) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                failed = Some(e);
                ControlFlow::Break(())
            }
        }
    })?;
    if let Some(e) = failed {
        return Err(e).with_context(|| out.display().to_string());
    }
    let file = w
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    file.sync_all()?;
    Ok(Some(head))
}

/// `rxledger checkpoint postgres://…`: verifies the ledger, signs a checkpoint of it and adds
/// it to the ledger's checkpoint history in the database.
pub fn checkpoint(
    path: &Path,
    key: &rxledger::checkpoint::SignerKey,
) -> Result<Option<(rxledger::checkpoint::Checkpoint, String)>> {
    let Some(mut store) = open(path, Mode::Read)? else {
        return Ok(None);
    };
    Ok(Some(rxledger::proofs::checkpoint_in(store.as_mut(), key)?))
}

/// `rxledger prove postgres://…`: an inclusion proof of `seq` (`Some`), else a consistency
/// proof from `old`, in the tree of checkpoint `new`.
pub fn prove(
    path: &Path,
    seq: Option<u64>,
    old: Option<&rxledger::checkpoint::Checkpoint>,
    new: &rxledger::checkpoint::Checkpoint,
) -> Result<Option<rxledger::checkpoint::ProofFile>> {
    let Some(store) = open(path, Mode::Read)? else {
        return Ok(None);
    };
    Ok(Some(match (seq, old) {
        (Some(seq), _) => rxledger::proofs::prove_inclusion_in(store.as_ref(), seq, new)?,
        (None, Some(old)) => rxledger::proofs::prove_consistency_in(store.as_ref(), old, new)?,
        (None, None) => {
            return Err(crate::fail::said(rxledger::reconcile::Msg::new(
                "cli-prove-what",
            )))
        }
    }))
}
