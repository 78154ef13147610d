//! Exactly-once ingestion: an input appended twice, or re-run after a failure part-way, leaves
//! every event stored once; an id held elsewhere with other content is refused naming the file,
//! line and field; acknowledgements name input lines and never run ahead of what is durable.

use std::collections::HashMap;
use std::io::Write;
use std::ops::ControlFlow;

use rxledger::chain::{Head, RecordRef};
use rxledger::gen::{GenConfig, Generator};
use rxledger::ingest::{self, Ack, AppendError, Earlier, IngestError};
use rxledger::store::ids::{payload_id, IdKey, Stored};
use rxledger::store::{FileStore, MemStore, Store, StoreError};

fn events(n: usize, seed: u64) -> Vec<Vec<u8>> {
    Generator::new(GenConfig {
        seed,
        ..GenConfig::default()
    })
    .take(n)
    .map(|e| e.to_json_bytes())
    .collect()
}

fn write_file(dir: &std::path::Path, name: &str, lines: &[Vec<u8>]) -> std::path::PathBuf {
    let p = dir.join(name);
    let mut f = std::fs::File::create(&p).unwrap();
    for l in lines {
        f.write_all(l).unwrap();
        f.write_all(b"\n").unwrap();
    }
    p
}

fn id_counts(store: &dyn Store) -> HashMap<String, u32> {
    let mut counts = HashMap::new();
    store
        .scan(1, &mut |rec: RecordRef<'_>| {
            let id = payload_id(rec.payload).unwrap().into_owned();
            *counts.entry(id).or_insert(0) += 1;
            ControlFlow::Continue(())
        })
        .unwrap();
    counts
}

#[test]
fn the_same_file_twice_is_stored_once_and_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write_file(tmp.path(), "e.jsonl", &events(2500, 3));
    let dir = tmp.path().join("L");
    FileStore::init(&dir).unwrap();
    let mut store = FileStore::open(&dir).unwrap();
    let first = ingest::append_file(&mut store, &file, 1000, |_| {}).unwrap();
    assert_eq!(
        (first.events, first.appended, first.present),
        (2500, 2500, 0)
    );
    drop(store);
    let mut store = FileStore::open(&dir).unwrap();
    let mut acks = Vec::new();
    let again = ingest::append_file(&mut store, &file, 1000, |a| acks.push(a.clone())).unwrap();
    assert_eq!((again.appended, again.present), (0, 2500));
    assert_eq!(again.head, first.head);
    // Acknowledgements tile the input: 1-1000, 1001-2000, 2001-2500.
    let ranges: Vec<(u64, u64)> = acks.iter().map(|a| (a.first_line, a.last_line)).collect();
    assert_eq!(ranges, [(1, 1000), (1001, 2000), (2001, 2500)]);
    assert!(id_counts(&store).values().all(|&c| c == 1));
}

#[test]
fn identical_copies_in_one_input_are_skipped_and_differing_ones_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = events(50, 4);
    lines.insert(30, lines[10].clone());
    lines.push(lines[0].clone());
    let file = write_file(tmp.path(), "dups.jsonl", &lines);
    let mut store = MemStore::new();
    let done = ingest::append_file(&mut store, &file, 7, |_| {}).unwrap();
    assert_eq!((done.events, done.appended, done.present), (52, 50, 2));
    assert_eq!(store.head().seq, 50);

    // The same id with other content on line 31: refused, nothing appended.
    let mut changed = events(50, 5);
    let mut other = String::from_utf8(changed[10].clone()).unwrap();
    other = other.replacen("\"recorded_by\":[\"", "\"recorded_by\":[\"X", 1);
    changed.insert(30, other.into_bytes());
    let file = write_file(tmp.path(), "conflict.jsonl", &changed);
    let mut store = MemStore::new();
    let err = ingest::append_file(&mut store, &file, 7, |_| {}).unwrap_err();
    let AppendError::Input(e @ IngestError::DuplicateId { .. }) = &err else {
        panic!("{err}")
    };
    assert_eq!((e.line(), e.field()), (Some(31), Some("id")));
    assert!(matches!(
        e,
        IngestError::DuplicateId {
            earlier: Earlier::Line(11),
            ..
        }
    ));
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!("{}:31: field `id`:", file.display())),
        "{msg}"
    );
    assert!(
        msg.contains(payload_id(&changed[10]).unwrap().as_ref()),
        "{msg}"
    );
    assert_eq!(store.head().seq, 0, "nothing appended");
}

#[test]
fn an_id_stored_with_other_content_is_refused_naming_the_record() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = events(40, 6);
    let mut store = MemStore::new();
    let refs: Vec<&[u8]> = lines[..20].iter().map(Vec::as_slice).collect();
    store.append(&refs).unwrap();
    let mut input = lines.clone();
    input[12] = String::from_utf8(input[12].clone())
        .unwrap()
        .replacen("\"recorded_by\":[\"", "\"recorded_by\":[\"Y", 1)
        .into_bytes();
    let file = write_file(tmp.path(), "e.jsonl", &input);
    let err = ingest::append_file(&mut store, &file, 5, |_| {}).unwrap_err();
    assert!(
        matches!(
            &err,
            AppendError::Input(IngestError::DuplicateId {
                line: 13,
                earlier: Earlier::Record(13),
                ..
            })
        ),
        "{err}"
    );
    assert_eq!(store.head().seq, 20);
    // Standard input (lines already read) follows the same rules.
    let text = std::fs::read(&file).unwrap();
    let read = ingest::read_lines("-", &text[..]).unwrap();
    let err = ingest::append_lines(&mut store, "-", &read, 5, |_| {}).unwrap_err();
    assert!(err.to_string().starts_with("-:13: field `id`"), "{err}");
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
    let lines = events(5, 7);
    let mut text = b"\xEF\xBB\xBF".to_vec();
    for l in &lines {
        text.extend_from_slice(l);
        text.extend_from_slice(b"\r\n");
    }
    assert_eq!(ingest::read_events("bom.jsonl", &text[..]).unwrap(), lines);
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("bom.jsonl");
    std::fs::write(&p, &text).unwrap();
    let mut store = MemStore::new();
    let done = ingest::append_file(&mut store, &p, 2, |_| {}).unwrap();
    assert_eq!(done.appended, 5);
    // A mark anywhere else is still an error, naming its line.
    let mut late = text.clone();
    late.extend_from_slice(b"\xEF\xBB\xBF");
    late.extend_from_slice(&lines[0]);
    let err = ingest::read_events("x", &late[..]).unwrap_err();
    assert_eq!(err.line(), Some(6));
}

/// A store that fails (like a full disk) on its `fail_at`-th append.
struct Failing {
    inner: MemStore,
    appends: u32,
    fail_at: u32,
}

impl Store for Failing {
    fn head(&self) -> Head {
        self.inner.head()
    }
    fn append_at(&mut self, payloads: &[&[u8]], recorded_at: &str) -> Result<Head, StoreError> {
        self.appends += 1;
        if self.appends == self.fail_at {
            return Err(StoreError::Io {
                path: "seg".into(),
                source: std::io::Error::other("No space left on device"),
            });
        }
        self.inner.append_at(payloads, recorded_at)
    }
    fn scan(
        &self,
        from: u64,
        f: &mut dyn FnMut(RecordRef<'_>) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        self.inner.scan(from, f)
    }
    fn keeps_id_index(&self) -> bool {
        true
    }
    fn find_ids(&mut self, keys: &[IdKey]) -> Result<Vec<Option<Stored>>, StoreError> {
        self.inner.find_ids(keys)
    }
}

#[test]
fn a_failure_part_way_says_what_is_durable_and_a_rerun_completes_it_once() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write_file(tmp.path(), "e.jsonl", &events(1000, 8));
    let mut store = Failing {
        inner: MemStore::new(),
        appends: 0,
        fail_at: 4,
    };
    let mut acks: Vec<Ack> = Vec::new();
    let err = ingest::append_file(&mut store, &file, 150, |a| acks.push(a.clone())).unwrap_err();
    let AppendError::Interrupted { durable, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!((durable.lines, durable.appended), (450, 450));
    assert_eq!(durable.head, store.head());
    // What is acknowledged is exactly what is durable.
    assert_eq!(
        acks.last().map(|a| (a.last_line, a.head)),
        Some((450, store.head()))
    );
    let msg = err.to_string();
    assert!(msg.contains("No space left on device"), "{msg}");
    assert!(
        msg.contains("450 events of this run became durable"),
        "{msg}"
    );
    assert!(msg.contains("Re-running the same command is safe"), "{msg}");
    let again = ingest::append_file(&mut store, &file, 150, |_| {}).unwrap();
    assert_eq!((again.appended, again.present), (550, 450));
    let counts = id_counts(&store);
    assert_eq!(counts.len(), 1000);
    assert!(counts.values().all(|&c| c == 1));
}
