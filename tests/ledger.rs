//! The `Ledger` handle and the check over any `Store`: the same records give the same check,
//! checkpoints and proofs in a ledger directory, in memory and in a store of another shape.

use std::ops::ControlFlow;
use std::path::Path;

use rxledger::chain::{ChainWriter, Digest, Head, RecordRef};
use rxledger::reconcile::{Config, Finding, Rule, Severity};
use rxledger::store::{MemStore, Store, StoreError};
use rxledger::Ledger;

/// A store that keeps records as rows of fields rather than lines (as a database would).
#[derive(Default)]
struct RowStore {
    writer: ChainWriter,
    rows: Vec<Row>,
}

struct Row {
    seq: u64,
    batch_end: u64,
    recorded_at: String,
    prev: Digest,
    hash: Digest,
    payload: Vec<u8>,
}

impl Store for RowStore {
    fn head(&self) -> Head {
        self.writer.head()
    }

    fn append_at(&mut self, payloads: &[&[u8]], recorded_at: &str) -> Result<Head, StoreError> {
        let chained = self.writer.chain_batch(payloads, recorded_at);
        let batch_end = self.writer.head().seq;
        for ((prev, head), payload) in chained.into_iter().zip(payloads) {
            self.rows.push(Row {
                seq: head.seq,
                batch_end,
                recorded_at: recorded_at.to_owned(),
                prev,
                hash: head.hash,
                payload: payload.to_vec(),
            });
        }
        Ok(self.writer.head())
    }

    fn scan(
        &self,
        from: u64,
        f: &mut dyn FnMut(RecordRef<'_>) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        for r in self.rows.iter().skip(from.max(1) as usize - 1) {
            let rec = RecordRef {
                seq: r.seq,
                batch_end: r.batch_end,
                recorded_at: &r.recorded_at,
                prev: r.prev,
                hash: r.hash,
                payload: &r.payload,
            };
            if f(rec).is_break() {
                break;
            }
        }
        Ok(())
    }
}

/// The batches of an exported ledger: `(recorded_at, payloads)` per batch, in order.
fn batches(path: &Path) -> Vec<(String, Vec<Vec<u8>>)> {
    let text = std::fs::read(path).unwrap();
    let mut out: Vec<(String, Vec<Vec<u8>>)> = Vec::new();
    let mut open_until = 0;
    for line in text.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let rec = RecordRef::parse(line).unwrap();
        if rec.seq > open_until {
            out.push((rec.recorded_at.to_owned(), Vec::new()));
            open_until = rec.batch_end;
        }
        out.last_mut().unwrap().1.push(rec.payload.to_vec());
    }
    out
}

fn fill(store: &mut impl Store, batches: &[(String, Vec<Vec<u8>>)]) {
    for (at, payloads) in batches {
        let refs: Vec<&[u8]> = payloads.iter().map(Vec::as_slice).collect();
        store.append_at(&refs, at).unwrap();
    }
}

fn key(f: &Finding) -> (Rule, u64, Severity, Vec<u64>, String) {
    let m = rxledger::report::messages::Messages::new(rxledger::report::messages::Lang::En);
    (f.rule, f.seq, f.severity, f.seqs.clone(), m.message(f))
}

fn keys(fs: &[Finding]) -> Vec<(Rule, u64, Severity, Vec<u64>, String)> {
    fs.iter().map(key).collect()
}

/// Scenario ledgers that verify (the tampered ones are rebuilt below with their own tampering).
const SCENARIOS: &[&str] = &[
    "clean",
    "cold-chain",
    "documents",
    "goods-books-invoices-payments",
    "invalid-event",
    "qualification",
    "records",
    "special-control",
    "stock-batches",
    "vaccines",
];

#[test]
fn check_over_mem_row_and_file_stores_matches_the_exported_file() {
    for name in SCENARIOS {
        let export = Path::new("samples/scenarios").join(format!("{name}.jsonl"));
        let batches = batches(&export);
        let from_file =
            rxledger::check::check_path(&export, Config::default(), None, |_| {}).unwrap();
        assert!(from_file.verify.is_ok(), "{name}");

        let mut mem = MemStore::new();
        fill(&mut mem, &batches);
        let mut rows = RowStore::default();
        fill(&mut rows, &batches);
        let dir = tempfile::tempdir().unwrap();
        let mut file = Ledger::create(dir.path().join("L")).unwrap();
        fill(file.store_mut(), &batches);
        assert_eq!(mem.as_bytes(), std::fs::read(&export).unwrap(), "{name}");

        let over_dir =
            rxledger::check::check_path(file.dir(), Config::default(), None, |_| {}).unwrap();
        let reports = [
            ("mem", Ledger::new(mem).check(Config::default()).unwrap()),
            ("rows", Ledger::new(rows).check(Config::default()).unwrap()),
            ("file store", file.check(Config::default()).unwrap()),
            ("directory", over_dir),
        ];
        for (what, r) in &reports {
            assert_eq!(r.verify.head, from_file.verify.head, "{name} {what}");
            assert_eq!(r.verify.failure, None, "{name} {what}");
            assert_eq!(r.verify.bytes, from_file.verify.bytes, "{name} {what}");
            assert_eq!(r.events, from_file.events, "{name} {what}");
            assert_eq!(
                keys(&r.findings),
                keys(&from_file.findings),
                "{name} {what}"
            );
        }
        assert_eq!(reports[0].1.path, Path::new("<memory>"));
        assert_eq!(reports[1].1.path, Path::new("<store>"));
        assert_eq!(reports[2].1.path, file.dir());
        let (seg, line) = reports[2].1.locate(3);
        assert_eq!((seg, line), reports[3].1.locate(3));
        assert!(reports[2].1.locate(3).0.starts_with(file.dir()));
    }
}

#[test]
fn a_tampered_row_is_a_chain_finding_like_a_tampered_file_line() {
    let export = Path::new("samples/scenarios/goods-books-invoices-payments.jsonl");
    let mut rows = RowStore::default();
    fill(&mut rows, &batches(export));
    let seq = 40;
    let row = &mut rows.rows[seq - 1];
    row.payload = String::from_utf8(row.payload.clone())
        .unwrap()
        .replacen("\"quantity\":", "\"quantity\":1", 1)
        .into_bytes();
    let original: Vec<Vec<u8>> = batches(export).into_iter().flat_map(|b| b.1).collect();
    assert_ne!(
        row.payload,
        original[seq - 1],
        "the test must alter the record"
    );

    // The same alteration in an exported file.
    let text = std::fs::read_to_string(export).unwrap();
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == seq - 1 {
                l.replacen("\"quantity\":", "\"quantity\":1", 1)
            } else {
                l.to_owned()
            }
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let tampered = dir.path().join("x.jsonl");
    std::fs::write(&tampered, lines.join("\n") + "\n").unwrap();

    let mut config = Config::default();
    config.severity.insert(Rule::Chain, Severity::Minor);
    let from_file = rxledger::check::check_path(&tampered, config.clone(), None, |_| {}).unwrap();
    let mut ledger = Ledger::new(rows);
    let from_rows = ledger.check(config).unwrap();
    assert_eq!(from_rows.verify.failure, from_file.verify.failure);
    assert_eq!(keys(&from_rows.findings), keys(&from_file.findings));
    let chain: Vec<&Finding> = from_rows
        .findings
        .iter()
        .filter(|f| f.rule == Rule::Chain)
        .collect();
    assert_eq!(chain.len(), 1);
    assert_eq!(chain[0].seq, seq as u64);
    assert_eq!(
        chain[0].severity,
        Severity::Minor,
        "CHAIN follows the configuration"
    );
    assert_eq!(chain[0].message.id, "chain-broken");
    assert!(!ledger.verify().unwrap().is_ok());
    // A broken chain is not checkpointed.
    let (private, _) = rxledger::checkpoint::generate_key("test").unwrap();
    let signer = rxledger::checkpoint::SignerKey::parse(&private).unwrap();
    let err = ledger.checkpoint(&signer).unwrap_err();
    assert!(
        matches!(
            err,
            rxledger::LedgerError::Proofs(rxledger::proofs::ProofsError::Chain(40, _))
        ),
        "{err}"
    );
}

#[test]
fn checkpoints_and_proofs_agree_across_stores() {
    let export = Path::new("samples/scenarios/stock-batches.jsonl");
    let batches = batches(export);
    let half = batches.len() / 2;
    let (private, public) = rxledger::checkpoint::generate_key("test").unwrap();
    let signer = rxledger::checkpoint::SignerKey::parse(&private).unwrap();
    let verifier = rxledger::checkpoint::VerifierKey::parse(&public).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let mut file = Ledger::create(dir.path().join("L")).unwrap();
    let mut mem = Ledger::new(MemStore::new());
    let mut rows = Ledger::new(RowStore::default());
    fill(file.store_mut(), &batches[..half]);
    fill(mem.store_mut(), &batches[..half]);
    fill(rows.store_mut(), &batches[..half]);
    let (cp_file, note_file) = file.checkpoint(&signer).unwrap();
    let (cp_mem, _) = mem.checkpoint(&signer).unwrap();
    let (cp_rows, _) = rows.checkpoint(&signer).unwrap();
    assert_eq!(cp_file, cp_mem);
    assert_eq!(cp_file, cp_rows);
    assert_eq!(verifier.open(&note_file).unwrap(), cp_file);
    // The path-based checkpoint of the same directory reads the same history.
    assert_eq!(file.checkpoints().unwrap().len(), 1);
    assert_eq!(mem.checkpoints().unwrap().len(), 1);
    assert!(
        rows.checkpoints().unwrap().is_empty(),
        "a plain store keeps no history"
    );

    fill(file.store_mut(), &batches[half..]);
    fill(mem.store_mut(), &batches[half..]);
    fill(rows.store_mut(), &batches[half..]);
    let (new_file, _) = file.checkpoint(&signer).unwrap();
    let (new_mem, _) = mem.checkpoint(&signer).unwrap();
    assert_eq!(new_file, new_mem);
    for seq in [1, cp_file.size / 2, cp_file.size] {
        let p = file.prove(seq, &cp_file).unwrap();
        assert_eq!(p, mem.prove(seq, &cp_file).unwrap());
        assert_eq!(p, rows.prove(seq, &cp_file).unwrap());
        assert_eq!(
            p,
            rxledger::proofs::prove_inclusion(file.dir(), seq, &cp_file).unwrap()
        );
        let line = std::fs::read_to_string(export)
            .unwrap()
            .lines()
            .nth(seq as usize - 1)
            .unwrap()
            .to_owned();
        assert_eq!(
            rxledger::proofs::verify_record(line.as_bytes(), &p, &cp_file),
            Ok(())
        );
    }
    let c = mem.prove_consistency(&cp_mem, &new_mem).unwrap();
    assert_eq!(c, file.prove_consistency(&cp_file, &new_file).unwrap());
    assert_eq!(
        rxledger::proofs::verify_consistency_proof(&c, &cp_mem, &new_mem),
        Ok(())
    );
    let records = new_file.size;
    assert_eq!(
        file.last_checkpoint().unwrap().map(|s| s.extends),
        Some(Ok(records))
    );
    assert_eq!(
        rxledger::proofs::last_checkpoint(file.dir())
            .unwrap()
            .map(|s| s.extends),
        Some(Ok(records))
    );
    assert_eq!(
        mem.last_checkpoint().unwrap().map(|s| s.extends),
        Some(Ok(records))
    );
    assert!(mem.prove(records + 1, &new_mem).is_err());
}

#[cfg(feature = "html")]
#[test]
fn the_report_of_a_ledger_directory() {
    let export = Path::new("samples/scenarios/cold-chain.jsonl");
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::create(dir.path().join("L")).unwrap();
    fill(ledger.store_mut(), &batches(export));
    let report = ledger.report(&rxledger::html::Options::default()).unwrap();
    assert_eq!(report.ledgers.len(), 1);
    assert_eq!(
        report.ledgers[0].check.findings.len(),
        ledger.check(Config::default()).unwrap().findings.len()
    );
    assert!(report.to_html().contains("<html"));
}
