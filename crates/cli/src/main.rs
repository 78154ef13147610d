//! `rxledger`: the command-line tool. Thin: all logic lives in the libraries.
//!
//! Exit codes: 0 clean, 1 findings (verification failed), 2 usage, input or I/O error.
#![forbid(unsafe_code)]

mod progress;

use std::io::{self, BufRead, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use rxledger::chain::ExpectedHead;
use rxledger::gen::{GenConfig, Generator};
use rxledger::store::{self, FileStore, Store, StoreError};

use progress::Progress;

#[derive(Parser)]
#[command(
    name = "rxledger",
    version,
    about = "Tamper-evident drug traceability ledger",
    after_help = "Exit codes: 0 clean, 1 findings (verification failed), 2 usage, input or I/O error."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create an empty ledger directory.
    Init {
        /// Ledger directory (created; must be empty if it exists).
        dir: PathBuf,
    },
    /// Append events (JSON Lines) to a ledger. The whole input is validated first: one bad line
    /// and nothing is appended.
    Append {
        /// Ledger directory.
        dir: PathBuf,
        /// Events file, or `-` (default) for standard input.
        file: Option<PathBuf>,
        /// Events per durable batch (0 = the whole input in one batch).
        #[arg(long, default_value_t = 1000)]
        batch_size: usize,
        /// Print `acknowledged SEQ HASH` to stdout after every durable batch.
        #[arg(long)]
        ack: bool,
    },
    /// Verify a ledger directory or an exported .jsonl ledger.
    Verify {
        /// Ledger directory or exported file.
        path: PathBuf,
        /// A trusted earlier head: HEX (must appear in the ledger) or SEQ:HEX.
        #[arg(long)]
        head: Option<String>,
        /// A signed checkpoint the ledger must extend (needs --pubkey).
        #[arg(long, requires = "pubkey")]
        checkpoint: Option<PathBuf>,
        /// The checkpoint signer's public key (NAME.pub).
        #[arg(long, requires = "checkpoint")]
        pubkey: Option<PathBuf>,
    },
    /// Generate an Ed25519 key pair for signing checkpoints: NAME.key (private, mode 0600) and
    /// NAME.pub.
    Keygen {
        /// Path prefix (and key name: the file name part).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Verify the ledger, sign a checkpoint of its current state and record it in the ledger's
    /// checkpoint history.
    Checkpoint {
        /// Ledger directory.
        dir: PathBuf,
        /// Private key file (NAME.key).
        #[arg(long)]
        key: PathBuf,
        /// Where to write the checkpoint.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write an inclusion proof of record --seq in a checkpoint's tree, or with --consistency a
    /// consistency proof from an older checkpoint.
    Prove {
        /// Ledger directory.
        dir: PathBuf,
        /// Record to prove.
        #[arg(
            long,
            conflicts_with = "consistency",
            required_unless_present = "consistency"
        )]
        seq: Option<u64>,
        /// The (newer) checkpoint.
        #[arg(long)]
        checkpoint: PathBuf,
        /// The older checkpoint, for a consistency proof.
        #[arg(long)]
        consistency: Option<PathBuf>,
        /// Output file.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Check a record (or a consistency proof) against a proof, a checkpoint and a public key
    /// alone, without the ledger.
    VerifyProof {
        /// A file holding the record's line from an exported ledger (inclusion proofs).
        #[arg(long)]
        record: Option<PathBuf>,
        /// The proof file.
        #[arg(long)]
        proof: PathBuf,
        /// The checkpoint (the newer one for a consistency proof).
        #[arg(long)]
        checkpoint: PathBuf,
        /// The older checkpoint (consistency proofs).
        #[arg(long)]
        old_checkpoint: Option<PathBuf>,
        /// The signer's public key.
        #[arg(long)]
        pubkey: PathBuf,
    },
    /// Export the acknowledged records to one JSON Lines file (line N = record N).
    Export {
        /// Ledger directory.
        dir: PathBuf,
        /// Output file.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// List records in readable form.
    Log {
        /// Ledger directory or exported file.
        path: PathBuf,
        /// First seq to show.
        #[arg(long, default_value_t = 1)]
        from: u64,
        /// How many records to show.
        #[arg(long, default_value_t = 20)]
        limit: u64,
    },
    /// Generate a deterministic, realistic, clean ledger of events on stdout.
    Gen {
        /// Number of events.
        #[arg(long, default_value_t = 1000)]
        events: u64,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// First business day (YYYY-MM-DD).
        #[arg(long)]
        start: Option<chrono::NaiveDate>,
        /// Stop after this many business days (whichever limit comes first).
        #[arg(long)]
        days: Option<u32>,
        /// Plant violations: probability per opportunity (e.g. 0.001).
        #[arg(long, default_value_t = 0.0)]
        violations: f64,
        /// Plant only these rules (comma-separated codes; default all plantable rules).
        #[arg(long, value_delimiter = ',')]
        rules: Vec<String>,
        /// Write the planted violations (rule and seq, JSON Lines) to this file.
        #[arg(long)]
        manifest: Option<PathBuf>,
    },
    /// Verify and reconcile a ledger: goods, books, invoices, payments, stock, batches,
    /// qualifications. Exit 1 when a finding reaches --fail-on.
    Check {
        /// Ledger directories or exported files; with several, they are also reconciled against
        /// each other (dispatches against receipts, unit codes).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// TOML configuration (thresholds, severities, disabled rules); see `rxledger rules --config-template`.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Lowest severity that makes the exit code 1.
        #[arg(long, default_value = "minor")]
        fail_on: rxledger::reconcile::Severity,
        /// A trusted earlier head (as for `verify`).
        #[arg(long)]
        head: Option<String>,
        /// Write the report to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write one self-contained HTML inspection report (chain status, findings with evidence,
    /// stock, custody chains of special-control batches, temperature charts) of one or more
    /// ledgers. Exit 0 once written, whatever it shows (use `check` as a CI gate).
    Report {
        /// Ledger directories or exported files (several are also reconciled against each other).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the HTML file.
        #[arg(short, long)]
        output: PathBuf,
        /// TOML configuration, as for `check`.
        #[arg(long)]
        config: Option<PathBuf>,
        /// A trusted earlier head (as for `verify`).
        #[arg(long)]
        head: Option<String>,
    },
    /// The custody chain of one unit (traceability code) or one batch across ledgers.
    Trace {
        /// `CODE PATH…`: a unit or pack code (20-digit or GS1) then the ledgers; with --batch,
        /// only the ledgers (directories or exported files).
        #[arg(required = true, num_args = 1..)]
        args: Vec<String>,
        /// Follow a batch (PRODUCT:BATCH) instead of a code.
        #[arg(long)]
        batch: Option<String>,
    },
    /// List every reconciliation rule with its severity, description and legal source.
    Rules {
        /// Print the default configuration file (TOML) instead.
        #[arg(long)]
        config_template: bool,
    },
    /// Counts per kind, head hash, chain status and stock per product and batch.
    Summary {
        /// Ledger directory or exported file.
        path: PathBuf,
        /// A trusted earlier head (as for `verify`).
        #[arg(long)]
        head: Option<String>,
    },
}

/// Output format of `check`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    /// Human-readable text grouped by rule.
    Text,
    /// JSON (docs/findings.md).
    Json,
    /// `JUnit` XML: one test case per rule, one failure per finding.
    Junit,
    /// SARIF 2.1.0.
    Sarif,
}

/// A failure that maps to exit code 1 (findings) rather than 2.
struct Findings;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(Findings)) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {}", error_chain(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, `: `-separated, without repeating a cause that its parent's message
/// already ends with (library errors name their I/O cause in their own message).
fn error_chain(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let m = cause.to_string();
        if out.ends_with(&m) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&m);
    }
    out
}

/// The configuration file, or the defaults.
fn load_config(path: Option<&std::path::Path>) -> anyhow::Result<rxledger::reconcile::Config> {
    let Some(p) = path else {
        return Ok(rxledger::reconcile::Config::default());
    };
    let text = std::fs::read_to_string(p)
        .with_context(|| format!("reading configuration {}", p.display()))?;
    rxledger::reconcile::Config::from_toml(&text).with_context(|| p.display().to_string())
}

fn parse_head(head: Option<&str>) -> Result<Option<ExpectedHead>> {
    head.map(|h| h.parse::<ExpectedHead>().map_err(anyhow::Error::msg))
        .transpose()
}

fn open_writer(dir: &Path) -> Result<FileStore> {
    let store = FileStore::open(dir)?;
    let r = store.open_report();
    if r.cut_bytes > 0 {
        eprintln!(
            "warning: {}: cut off an unacknowledged tail of {} bytes ({} complete records of an incomplete batch) left by an interrupted write",
            r.cut_segment.as_deref().unwrap_or(dir).display(),
            r.cut_bytes,
            r.cut_records
        );
    }
    Ok(store)
}

fn run(cli: Cli) -> Result<Option<Findings>> {
    match cli.cmd {
        Cmd::Init { dir } => {
            FileStore::init(&dir)?;
            println!("initialised empty ledger {}", dir.display());
            Ok(None)
        }
        Cmd::Append {
            dir,
            file,
            batch_size,
            ack,
        } => {
            // Take the lock before reading the input, so a second writer fails at once.
            let mut store = open_writer(&dir)?;
            let start = store.head().seq;
            let mut out = io::stdout().lock();
            let file = file.filter(|p| p != Path::new("-"));
            let progress = Progress::spinner();
            let mut on_batch = |h: rxledger::chain::Head| {
                if ack {
                    let _ = writeln!(out, "acknowledged {} {}", h.seq, h.hash);
                    let _ = out.flush();
                }
                progress.message(|| format!("{} events appended", h.seq - start));
            };
            let (name, head) = match file {
                None => {
                    let payloads = read_stdin()?;
                    let head = rxledger::ingest::append_batches(
                        &mut store,
                        &payloads,
                        batch_size,
                        &mut on_batch,
                    )?;
                    ("-".to_owned(), head)
                }
                Some(p) => {
                    let (_, head) =
                        rxledger::ingest::append_file(&mut store, &p, batch_size, &mut on_batch)?;
                    (p.display().to_string(), head)
                }
            };
            progress.finish();
            let mut out = io::stdout().lock();
            if head.seq == start {
                writeln!(out, "{name}: no events; nothing appended (head {head})")?;
            } else {
                writeln!(
                    out,
                    "appended {} events from {name}; head {}",
                    head.seq - start,
                    head
                )?;
            }
            Ok(None)
        }
        Cmd::Verify {
            path,
            head,
            checkpoint,
            pubkey,
        } => {
            if let (Some(cp_path), Some(pk_path)) = (checkpoint, pubkey) {
                let cp = match open_checkpoint(&cp_path, &pk_path) {
                    Ok(cp) => cp,
                    Err(e) if is_bad_signature(&e) => {
                        println!("FAILED: {e:#}");
                        return Ok(Some(Findings));
                    }
                    Err(e) => return Err(e),
                };
                return match rxledger::proofs::verify_checkpoint(&path, &cp)? {
                    Ok(n) => {
                        println!(
                            "ok: {n} records verified; they extend the checkpoint of {} records signed for {}",
                            cp.size, cp.origin
                        );
                        Ok(None)
                    }
                    Err(why) => {
                        println!("FAILED: {why}");
                        Ok(Some(Findings))
                    }
                };
            }
            let expected = parse_head(head.as_deref())?;
            let progress = Progress::reading(&path, "verify");
            let report = store::verify_path(&path, expected, progress.bytes())?;
            progress.finish();
            if let Some(t) = &report.tail {
                eprintln!(
                    "warning: {}: {} bytes after the last acknowledged batch ({} complete records): an interrupted write; the next writer cuts them off",
                    t.segment.display(),
                    t.bytes,
                    t.records
                );
            }
            match &report.failure {
                None => {
                    println!(
                        "ok: {} records verified; head {}",
                        report.head.seq, report.head
                    );
                    Ok(None)
                }
                Some(f) => {
                    let file = report
                        .failure_file
                        .as_deref()
                        .map_or_else(String::new, |p| format!("{}: ", p.display()));
                    println!("FAILED: first bad seq {}", f.seq());
                    println!("{file}{f}");
                    println!(
                        "records 1..={} verified; head {}",
                        report.head.seq, report.head
                    );
                    Ok(Some(Findings))
                }
            }
        }
        Cmd::Export { dir, output } => {
            let head = store::export(&dir, &output)?;
            println!(
                "exported {} records to {}; head {}",
                head.seq,
                output.display(),
                head
            );
            Ok(None)
        }
        Cmd::Log { path, from, limit } => {
            let mut out = BufWriter::new(io::stdout().lock());
            let mut shown = 0u64;
            let report = store::scan_path(
                &path,
                None,
                |_| {},
                |rec| {
                    if rec.seq < from {
                        return ControlFlow::Continue(());
                    }
                    if shown >= limit {
                        return ControlFlow::Break(());
                    }
                    shown += 1;
                    let text = std::str::from_utf8(rec.payload).unwrap_or("");
                    let line = match rxledger::model::Event::from_json(text) {
                        Ok(e) => describe(&e),
                        Err(err) => format!("(invalid event: {err})"),
                    };
                    let _ = writeln!(
                        out,
                        "{:>8}  {}  {}…  {}",
                        rec.seq,
                        rec.recorded_at,
                        &rec.hash.to_hex()[..12],
                        line
                    );
                    ControlFlow::Continue(())
                },
            )?;
            out.flush()?;
            drop(out);
            if let Some(f) = report.failure {
                println!("FAILED: first bad seq {}: {f}", f.seq());
                return Ok(Some(Findings));
            }
            Ok(None)
        }
        Cmd::Gen {
            events,
            seed,
            start,
            days,
            violations,
            rules,
            manifest,
        } => {
            if !(0.0..=1.0).contains(&violations) {
                anyhow::bail!("--violations must be between 0 and 1 (got {violations})");
            }
            for r in &rules {
                if !rxledger::gen::PLANTABLE.contains(&r.as_str()) {
                    anyhow::bail!(
                        "--rules: the generator cannot plant {r:?}; plantable: {}",
                        rxledger::gen::PLANTABLE.join(", ")
                    );
                }
            }
            let mut config = GenConfig {
                seed,
                violations,
                rules,
                ..GenConfig::default()
            };
            if let Some(s) = start {
                config.start = s;
            }
            let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
            let end = days.map(|d| config.start + chrono::Duration::days(i64::from(d)));
            let mut generator = Generator::new(config);
            let mut written = 0u64;
            for e in generator.by_ref().take(usize::try_from(events)?) {
                if end.is_some_and(|end| {
                    (e.occurred_at + chrono::Duration::hours(8)).date_naive() >= end
                }) {
                    break;
                }
                serde_json::to_writer(&mut out, &e)?;
                out.write_all(b"\n")?;
                written += 1;
            }
            out.flush()?;
            if let Some(path) = manifest {
                let mut m = BufWriter::new(
                    std::fs::File::create(&path).with_context(|| path.display().to_string())?,
                );
                for p in generator.manifest(written) {
                    let line = serde_json::json!({
                        "rule": p.rule,
                        "seq": p.seq,
                        "certain_at": p.certain_at.to_rfc3339(),
                    });
                    writeln!(m, "{line}")?;
                }
                m.flush()?;
            }
            Ok(None)
        }
        Cmd::Check {
            paths,
            config,
            format,
            fail_on,
            head,
            output,
        } => {
            let cfg = load_config(config.as_deref())?;
            let expected = parse_head(head.as_deref())?;
            let reports = if let [path] = paths.as_slice() {
                let progress = Progress::reading(path, "check");
                let report = rxledger::check::check_path(path, cfg, expected, progress.bytes())?;
                progress.finish();
                vec![report]
            } else {
                rxledger::cross::check_ledgers(&paths, &cfg, expected)?
            };
            let rendered = match (format, reports.as_slice()) {
                (Format::Text, _) => reports
                    .iter()
                    .map(rxledger::report::text)
                    .collect::<Vec<_>>()
                    .join("\n"),
                (Format::Json, [one]) => rxledger::report::json(one),
                (Format::Json, _) => rxledger::report::json_many(&reports),
                (Format::Junit, _) => rxledger::report::junit_many(&reports),
                (Format::Sarif, _) => rxledger::report::sarif_many(&reports),
            };
            if let Some(p) = output {
                std::fs::write(&p, rendered).with_context(|| p.display().to_string())?;
            } else {
                let mut out = io::stdout().lock();
                out.write_all(rendered.as_bytes())?;
                if !rendered.ends_with('\n') {
                    out.write_all(b"\n")?;
                }
            }
            let failing = reports
                .iter()
                .flat_map(|r| r.findings.iter())
                .any(|f| f.severity >= fail_on || f.rule == "CHAIN");
            Ok(failing.then_some(Findings))
        }
        Cmd::Report {
            paths,
            output,
            config,
            head,
        } => {
            let options = rxledger::html::Options {
                config: load_config(config.as_deref())?,
                expected: parse_head(head.as_deref())?,
                ..Default::default()
            };
            let report = rxledger::html::build(&paths, &options)?;
            let html = report.to_html();
            std::fs::write(&output, &html).with_context(|| output.display().to_string())?;
            let findings: usize = report.ledgers.iter().map(|l| l.check.findings.len()).sum();
            let series: usize = report.ledgers.iter().map(|l| l.series.len()).sum();
            eprintln!(
                "wrote {} ({} bytes): {} ledgers, {findings} findings, {series} temperature charts, {} custody chains",
                output.display(),
                html.len(),
                report.ledgers.len(),
                report.custody.len()
            );
            Ok(None)
        }
        Cmd::Trace { args, batch } => {
            let (code, paths): (Option<String>, Vec<PathBuf>) = if batch.is_some() {
                (None, args.iter().map(PathBuf::from).collect())
            } else {
                let mut it = args.into_iter();
                (it.next(), it.map(PathBuf::from).collect())
            };
            if paths.is_empty() {
                anyhow::bail!("give at least one ledger after the code");
            }
            let target = match (code, batch) {
                (Some(c), None) => rxledger::trace::Target::Code(c),
                (None, Some(b)) => {
                    let (product, batch) = b.split_once(':').ok_or_else(|| {
                        anyhow::anyhow!("--batch must be PRODUCT:BATCH (got {b:?})")
                    })?;
                    rxledger::trace::Target::Batch {
                        product: product.to_owned(),
                        batch: batch.to_owned(),
                    }
                }
                _ => anyhow::bail!("give either a CODE or --batch PRODUCT:BATCH"),
            };
            let chain = rxledger::trace::trace(&target, &paths)?;
            print!("{}", chain.to_text(&target));
            if chain.steps.is_empty() {
                eprintln!("not found in the given ledgers");
                return Ok(Some(Findings));
            }
            Ok((!chain.breaks.is_empty()).then_some(Findings))
        }
        Cmd::Keygen { output } => {
            let name = output
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .ok_or_else(|| anyhow::anyhow!("-o needs a file name"))?;
            let (private, public) = rxledger::checkpoint::generate_key(&name)?;
            let key = output.with_file_name(format!("{name}.key"));
            let pubf = output.with_file_name(format!("{name}.pub"));
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
            let mut f = opts
                .open(&key)
                .with_context(|| format!("{} (refusing to overwrite a key)", key.display()))?;
            writeln!(f, "{private}")?;
            f.sync_all()?;
            std::fs::write(&pubf, format!("{public}\n"))
                .with_context(|| pubf.display().to_string())?;
            println!(
                "wrote {} (private, mode 0600) and {}",
                key.display(),
                pubf.display()
            );
            Ok(None)
        }
        Cmd::Checkpoint { dir, key, output } => {
            let text = std::fs::read_to_string(&key).with_context(|| key.display().to_string())?;
            let signer = rxledger::checkpoint::SignerKey::parse(&text)
                .with_context(|| key.display().to_string())?;
            let (cp, note) = rxledger::proofs::checkpoint(&dir, &signer)?;
            std::fs::write(&output, &note).with_context(|| output.display().to_string())?;
            println!(
                "checkpoint of {} records signed by {} written to {}",
                cp.size,
                signer.name(),
                output.display()
            );
            Ok(None)
        }
        Cmd::Prove {
            dir,
            seq,
            checkpoint,
            consistency,
            output,
        } => {
            let new = read_checkpoint_unverified(&checkpoint)?;
            let proof = match (seq, consistency) {
                (Some(seq), None) => rxledger::proofs::prove_inclusion(&dir, seq, &new)?,
                (None, Some(old)) => {
                    let old = read_checkpoint_unverified(&old)?;
                    rxledger::proofs::prove_consistency(&dir, &old, &new)?
                }
                _ => anyhow::bail!("give --seq N or --consistency OLD_CHECKPOINT"),
            };
            std::fs::write(&output, proof.to_json())
                .with_context(|| output.display().to_string())?;
            println!("proof written to {}", output.display());
            Ok(None)
        }
        Cmd::VerifyProof {
            record,
            proof,
            checkpoint,
            old_checkpoint,
            pubkey,
        } => {
            let cp = match open_checkpoint(&checkpoint, &pubkey) {
                Ok(cp) => cp,
                Err(e) if is_bad_signature(&e) => {
                    println!("FAILED: {e:#}");
                    return Ok(Some(Findings));
                }
                Err(e) => return Err(e),
            };
            let text =
                std::fs::read_to_string(&proof).with_context(|| proof.display().to_string())?;
            let p = rxledger::checkpoint::ProofFile::from_json(&text)
                .with_context(|| proof.display().to_string())?;
            let result = match (&p, record, old_checkpoint) {
                (rxledger::checkpoint::ProofFile::Inclusion { .. }, Some(r), _) => {
                    let line = std::fs::read(&r).with_context(|| r.display().to_string())?;
                    rxledger::proofs::verify_record(&line, &p, &cp)
                }
                (rxledger::checkpoint::ProofFile::Consistency { .. }, _, Some(old)) => {
                    let old = open_checkpoint(&old, &pubkey)?;
                    rxledger::proofs::verify_consistency_proof(&p, &old, &cp)
                }
                (rxledger::checkpoint::ProofFile::Inclusion { .. }, None, _) => {
                    anyhow::bail!("an inclusion proof needs --record FILE")
                }
                (rxledger::checkpoint::ProofFile::Consistency { .. }, _, None) => {
                    anyhow::bail!("a consistency proof needs --old-checkpoint FILE")
                }
            };
            match result {
                Ok(()) => {
                    println!(
                        "ok: proof verified against the checkpoint of {} records signed for {}",
                        cp.size, cp.origin
                    );
                    Ok(None)
                }
                Err(why) => {
                    println!("FAILED: {why}");
                    Ok(Some(Findings))
                }
            }
        }
        Cmd::Rules { config_template } => {
            if config_template {
                print!("{}", rxledger::reconcile::DEFAULT_TOML);
                return Ok(None);
            }
            for r in rxledger::reconcile::RULES {
                println!("{:<14} {:<9} {}", r.code, r.severity.as_str(), r.title);
                println!("    {}", r.description);
                println!("    source: {}", r.source);
                if !r.thresholds.is_empty() {
                    println!("    thresholds: {}", r.thresholds.join(", "));
                }
            }
            Ok(None)
        }
        Cmd::Summary { path, head } => {
            let expected = parse_head(head.as_deref())?;
            let progress = Progress::reading(&path, "summary");
            let s = rxledger::summary::summarize_with_progress(&path, expected, progress.bytes())?;
            progress.finish();
            print!("{}", s.to_text());
            Ok(s.verify.failure.map(|_| Findings))
        }
    }
}

/// True when the error is a checkpoint signature that does not verify (a finding, exit 1).
fn is_bad_signature(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        matches!(
            c.downcast_ref::<rxledger::checkpoint::CheckpointError>(),
            Some(rxledger::checkpoint::CheckpointError::Signature(_))
        )
    })
}

/// Reads a checkpoint and verifies its signature with the public key file.
fn open_checkpoint(cp: &Path, pubkey: &Path) -> Result<rxledger::checkpoint::Checkpoint> {
    let key = std::fs::read_to_string(pubkey).with_context(|| pubkey.display().to_string())?;
    let key = rxledger::checkpoint::VerifierKey::parse(&key)
        .with_context(|| pubkey.display().to_string())?;
    let note = std::fs::read_to_string(cp).with_context(|| cp.display().to_string())?;
    key.open(&note).with_context(|| cp.display().to_string())
}

/// Reads a checkpoint's body without checking its signature (the prover needs only the size and
/// root; verifiers check the signature).
fn read_checkpoint_unverified(cp: &Path) -> Result<rxledger::checkpoint::Checkpoint> {
    let note = std::fs::read_to_string(cp).with_context(|| cp.display().to_string())?;
    rxledger::checkpoint::Checkpoint::parse_note_unverified(&note)
        .with_context(|| cp.display().to_string())
}

fn read_stdin() -> Result<Vec<Vec<u8>>> {
    let stdin = io::stdin();
    let lock: Box<dyn BufRead> = Box::new(stdin.lock());
    Ok(rxledger::ingest::read_events("-", lock)?)
}

fn describe(e: &rxledger::model::Event) -> String {
    use rxledger::model::EventBody as B;
    let t = e.occurred_at.format("%Y-%m-%d %H:%M");
    let what = match &e.body {
        B::PartyRegistered(p) => format!("{} ({:?})", p.name, p.kind),
        B::LicenceChanged(c) => format!(
            "{} licence {} to {}",
            c.party, c.licence.number, c.licence.valid_to
        ),
        B::ProductRegistered(p) => format!("{} {} {}", p.product, p.generic_name, p.spec),
        B::Purchase(p) => format!("{} from {} ({} lines)", p.doc, p.supplier, p.lines.len()),
        B::Receipt(r) => format!("{} from {} ({} lines)", r.doc, r.supplier, r.lines.len()),
        B::PutAway(m) => format!("{} ({} lines)", m.doc, m.lines.len()),
        B::Transfer(m) => format!("{} {:?} ({} lines)", m.doc, m.reason, m.lines.len()),
        B::Sale(s) => format!("{} to {} ({} lines)", s.doc, s.customer, s.lines.len()),
        B::OutboundReview(r) => format!("{} for {}", r.doc, r.customer),
        B::Dispatch(d) => format!("{} to {}", d.doc, d.customer),
        B::CustomerReturn(r) => format!("{} from {}", r.doc, r.customer),
        B::SupplierReturn(r) => format!("{} to {}", r.doc, r.supplier),
        B::Destruction(d) => format!("{} ({})", d.doc, d.reason),
        B::StockCount(c) => format!("{} at {}", c.doc, c.location),
        B::Invoice(i) => format!("{} {} -> {} {}", i.doc, i.issuer, i.buyer, i.total),
        B::Payment(p) => format!("{} {} -> {} {}", p.doc, p.payer, p.payee, p.amount),
        B::TemperatureReading(t) => format!(
            "{} {} readings",
            t.zone.as_deref().or(t.vehicle.as_deref()).unwrap_or("?"),
            t.readings.len()
        ),
        B::LossReport(l) => format!("{} {:?}", l.doc, l.loss),
        B::Aggregation(a) => format!(
            "{} {:?} {} ({} codes)",
            a.doc,
            a.action,
            a.parent,
            a.children.len()
        ),
        B::ZoneRegistered(z) => format!("{} {:?}", z.zone, z.storage),
    };
    format!("{t}  {:<19} {what}", e.kind().as_str())
}

#[allow(dead_code)]
fn is_locked(e: &StoreError) -> bool {
    matches!(e, StoreError::Locked { .. })
}
