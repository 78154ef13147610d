//! `rxledger copy`.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rxledger::reconcile::{Fact, Msg};
use rxledger::store::{self, FileStore, Store, StoreError};

use super::Outcome;
use crate::fail::{said, verify_msg};
use crate::store_url::{self, Mode};

/// Copy a ledger between stores, record for record (same seqs, batches, timestamps, hashes),
/// and verify the copy: from a ledger directory, an exported .jsonl file or `postgres://…?ledger=NAME`
/// to a new ledger directory or an empty PostgreSQL ledger (created if missing). The source is
/// verified as it is read; a source that fails verification is not copied past its last good
/// batch, and the command fails.
#[derive(clap::Args)]
pub struct Args {
    /// Source: ledger directory, exported file, or `postgres://…?ledger=NAME`.
    src: PathBuf,
    /// Destination: a new ledger directory, or `postgres://…?ledger=NAME` (empty).
    dst: PathBuf,
}

/// Runs `rxledger copy`.
pub fn run(args: Args) -> Result<Outcome> {
    let mut dst: Box<dyn Store> = if let Some(s) = store_url::open(&args.dst, Mode::Create)? {
        s
    } else {
        FileStore::init(&args.dst)?;
        Box::new(FileStore::open(&args.dst)?)
    };
    if dst.head().seq != 0 {
        return Err(said(
            Msg::new("cli-copy-not-empty")
                .arg("path", args.dst.display().to_string())
                .arg("records", dst.head().seq),
        ));
    }
    let (source, batches) = copy_batches(&args.src, dst.as_mut())?;
    if let Some(f) = &source.failure {
        let m = crate::lang::messages();
        return Err(said(
            Msg::new("cli-copy-source-fails")
                .arg("src", args.src.display().to_string())
                .arg("seq", f.seq())
                .arg("error", Fact::from(verify_msg(f, &m)))
                .arg("records", dst.head().seq)
                .arg("dst", args.dst.display().to_string()),
        ));
    }
    let copy = store::verify_store(dst.as_ref(), None)?;
    if !copy.is_ok() || copy.head != source.head {
        let m = crate::lang::messages();
        let why = copy.failure.as_ref().map_or_else(
            || Fact::Text(String::new()),
            |f| Fact::from(Msg::new("cli-copy-why").arg("error", Fact::from(verify_msg(f, &m)))),
        );
        return Err(said(
            Msg::new("cli-copy-differs")
                .arg("dst", args.dst.display().to_string())
                .arg("copy", copy.head.to_string())
                .arg("source", source.head.to_string())
                .arg("why", why),
        ));
    }
    crate::common::say(
        &Msg::new("cli-copied")
            .arg("records", copy.head.seq)
            .arg("batches", batches)
            .arg("src", args.src.display().to_string())
            .arg("dst", args.dst.display().to_string())
            .arg("head", copy.head.to_string()),
    );
    Ok(Outcome::Clean)
}

/// Reads the source (verifying it) and appends each of its batches to `dst` with the batch's
/// own `recorded_at`, so that every record comes out byte-identical.
fn copy_batches(src: &Path, dst: &mut dyn Store) -> Result<(store::VerifyReport, u64)> {
    let mut payloads: Vec<Vec<u8>> = Vec::new();
    let mut batches = 0u64;
    let mut failed: Option<StoreError> = None;
    let mut on_record = |rec: &rxledger::chain::RecordRef<'_>| {
        payloads.push(rec.payload.to_vec());
        if rec.seq < rec.batch_end {
            return ControlFlow::Continue(());
        }
        let refs: Vec<&[u8]> = payloads.iter().map(Vec::as_slice).collect();
        if let Err(e) = dst.append_at(&refs, rec.recorded_at) {
            failed = Some(e);
            return ControlFlow::Break(());
        }
        batches += 1;
        payloads.clear();
        ControlFlow::Continue(())
    };
    let report = match store_url::open(src, Mode::Read)? {
        Some(s) => store::scan_store(s.as_ref(), None, &mut on_record)?,
        None => store::scan_path(src, None, |_| {}, &mut on_record)?,
    };
    if let Some(e) = failed {
        return Err(e.into());
    }
    Ok((report, batches))
}
