//! `append_file` parses each input line once (in parallel chunks) and appends in a second pass
//! that parses nothing. These tests hold it to the reference path (every line parsed in order and
//! re-serialised: `read_lines` + `append_lines`): the same ledger, byte for byte, for inputs with
//! non-canonical spellings, a byte-order mark, CRLF line ends, blank lines and duplicates; the
//! first bad line reported whatever chunk it is in; and a file changed between the passes refused
//! before any of its changed lines is appended.

use std::fmt::Write as _;
use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use rxledger::chain::{Head, RecordRef};
use rxledger::gen::{GenConfig, Generator};
use rxledger::ingest::{self, Ack, AppendError, IngestError};
use rxledger::model::Event;
use rxledger::store::ids::{payload_id, IdKey, Stored};
use rxledger::store::{FileStore, Store, StoreError};

const TS: &str = "2026-11-26T08:00:00.000000Z";

fn events(n: usize, seed: u64) -> Vec<Vec<u8>> {
    Generator::new(GenConfig {
        seed,
        ..GenConfig::default()
    })
    .take(n)
    .map(|e| e.to_json_bytes())
    .collect()
}

/// A file store whose every batch is recorded at [`TS`], so that two ledgers built from the same
/// payloads in the same batches are byte-identical.
struct Fixed(FileStore);

impl Store for Fixed {
    fn head(&self) -> Head {
        self.0.head()
    }
    fn append_at(&mut self, payloads: &[&[u8]], _: &str) -> Result<Head, StoreError> {
        self.0.append_at(payloads, TS)
    }
    fn scan(
        &self,
        from: u64,
        f: &mut dyn FnMut(RecordRef<'_>) -> ControlFlow<()>,
    ) -> Result<(), StoreError> {
        self.0.scan(from, f)
    }
    fn keeps_id_index(&self) -> bool {
        true
    }
    fn find_ids(&mut self, keys: &[IdKey]) -> Result<Vec<Option<Stored>>, StoreError> {
        self.0.find_ids(keys)
    }
}

fn ledger(dir: &Path) -> Fixed {
    FileStore::init(dir).unwrap();
    Fixed(FileStore::open(dir).unwrap())
}

/// The segment files of a ledger, by name.
fn segments(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// Another spelling of the same event: the members in another order (`serde_json`'s map sorts
/// them), the CJK text as `\u` escapes, spaces after the separators.
fn respelled(canonical: &[u8], style: usize) -> Vec<u8> {
    let v: serde_json::Value = serde_json::from_slice(canonical).unwrap();
    let sorted = serde_json::to_string(&v).unwrap();
    match style % 3 {
        0 => sorted.into_bytes(),
        1 => {
            let mut s = String::new();
            for c in sorted.chars() {
                if (c as u32) > 0x7f && (c as u32) < 0xffff {
                    write!(s, "\\u{:04x}", c as u32).unwrap();
                } else {
                    s.push(c);
                }
            }
            s.into_bytes()
        }
        _ => format!(
            "  {} \t",
            String::from_utf8_lossy(canonical).replace("\":", "\": ")
        )
        .into_bytes(),
    }
}

/// An input exercising every spelling the reader accepts, and what it must store.
fn awkward_input() -> Vec<u8> {
    let evs = events(400, 11);
    let mut text = b"\xEF\xBB\xBF".to_vec();
    for (i, e) in evs.iter().enumerate() {
        let line = if i % 5 == 3 {
            respelled(e, i / 5)
        } else {
            e.clone()
        };
        text.extend_from_slice(&line);
        text.extend_from_slice(if i % 7 == 2 { b"\r\n" } else { b"\n" });
        match i % 50 {
            10 => text.extend_from_slice(b"\n   \r\n"),
            // An identical copy of an earlier event, and the same event spelled otherwise: both
            // are the event already appended (skipped, counted as present).
            20 => {
                text.extend_from_slice(&evs[i - 15]);
                text.push(b'\n');
                text.extend_from_slice(&respelled(&evs[i - 5], i));
                text.push(b'\n');
            }
            _ => {}
        }
    }
    // No line end at the very end.
    text.extend_from_slice(&respelled(&evs[0], 1));
    text
}

/// What a run did: its result and acknowledgements.
type Run = (u64, u64, u64, Vec<(u64, u64, u64, u64)>);

fn by_file(store: &mut Fixed, file: &Path, batch: usize) -> Run {
    let mut acks = Vec::new();
    let done = ingest::append_file(store, file, batch, |a: &Ack| {
        acks.push((a.first_line, a.last_line, a.appended, a.present));
    })
    .unwrap();
    (done.events, done.appended, done.present, acks)
}

fn by_reference(store: &mut Fixed, file: &Path, batch: usize) -> Run {
    let name = file.display().to_string();
    let text = std::fs::read(file).unwrap();
    let lines = ingest::read_lines(&name, &text[..]).unwrap();
    let mut acks = Vec::new();
    let done = ingest::append_lines(store, &name, &lines, batch, |a: &Ack| {
        acks.push((a.first_line, a.last_line, a.appended, a.present));
    })
    .unwrap();
    (done.events, done.appended, done.present, acks)
}

#[test]
fn the_ledger_is_the_reference_paths_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("awkward.jsonl");
    let text = awkward_input();
    std::fs::write(&file, &text).unwrap();
    // Part of the input is in the ledger already: its first 60 events, stored canonically.
    let early: Vec<Vec<u8>> = events(60, 11);
    for batch in [1, 7, 1000, 0] {
        let (a, b) = (
            tmp.path().join(format!("new-{batch}")),
            tmp.path().join(format!("ref-{batch}")),
        );
        let (mut new, mut reference) = (ledger(&a), ledger(&b));
        for s in [&mut new, &mut reference] {
            let refs: Vec<&[u8]> = early.iter().map(Vec::as_slice).collect();
            s.append_at(&refs, TS).unwrap();
        }
        let got = by_file(&mut new, &file, batch);
        let want = by_reference(&mut reference, &file, batch);
        assert_eq!(got, want, "batch size {batch}");
        assert_eq!((got.0, got.1, got.2), (417, 340, 77), "batch size {batch}");
        drop((new, reference));
        assert_eq!(segments(&a), segments(&b), "batch size {batch}");
    }
    // And what is stored is, independently of both paths, each event's canonical spelling,
    // in input order, once.
    let dir = tmp.path().join("new-7");
    let store = FileStore::open(&dir).unwrap();
    let mut stored = Vec::new();
    store
        .scan(1, &mut |r: RecordRef<'_>| {
            stored.push(r.payload.to_vec());
            ControlFlow::Continue(())
        })
        .unwrap();
    let mut want: Vec<Vec<u8>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let body = text.strip_prefix(b"\xEF\xBB\xBF").unwrap();
    for line in body.split(|&b| b == b'\n') {
        let line = std::str::from_utf8(line).unwrap();
        if line.trim().is_empty() {
            continue;
        }
        let e = Event::from_json(line).unwrap();
        if seen.insert(e.id) {
            want.push(e.to_json_bytes());
        }
    }
    assert_eq!(stored.len(), 400);
    assert_eq!(stored, want);
}

fn write_lines(path: &Path, lines: &[Vec<u8>]) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for l in lines {
        f.write_all(l).unwrap();
        f.write_all(b"\n").unwrap();
    }
    f.flush().unwrap();
}

fn append_err(file: &Path, max: usize) -> (IngestError, u64) {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = ledger(&tmp.path().join("L"));
    let err = ingest::append_file_limited(&mut store, file, 100, max, |_| panic!("acknowledged"))
        .unwrap_err();
    let AppendError::Input(e) = err else {
        panic!("{err}")
    };
    (e, store.head().seq)
}

#[test]
fn the_first_bad_line_is_reported_whatever_chunk_it_is_in() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = events(6000, 12);
    let file: PathBuf = tmp.path().join("bad.jsonl");
    // A bad field on line 4500 and bad JSON on line 5200 (in later chunks than the first).
    let bad_field = String::from_utf8(lines[4499].clone()).unwrap().replacen(
        "\"occurred_at\":\"",
        "\"occurred_at\":\"x",
        1,
    );
    lines[4499] = bad_field.into_bytes();
    lines[5199] = b"{\"v\":2,".to_vec();
    write_lines(&file, &lines);
    let (e, head) = append_err(&file, ingest::MAX_LINE_BYTES);
    assert_eq!(
        (e.line(), e.field(), head),
        (Some(4500), Some("occurred_at"), 0),
        "{e}"
    );
    assert!(
        e.to_string()
            .starts_with(&format!("{}:4500: ", file.display())),
        "{e}"
    );
    // A line too long after the bad line: the bad line is reported.
    let max = lines.iter().map(Vec::len).max().unwrap() + 10;
    let mut long = lines[5999].clone();
    long.extend(std::iter::repeat_n(b' ', max));
    lines[5999] = long;
    write_lines(&file, &lines);
    let (e, _) = append_err(&file, max);
    assert_eq!(e.line(), Some(4500), "{e}");
    // Before it: the long line is.
    lines.swap(5999, 2100);
    write_lines(&file, &lines);
    let (e, head) = append_err(&file, max);
    assert!(
        matches!(
            e,
            IngestError::LineTooLong { line: 2101, max: m, .. } if m == max
        ),
        "{e}"
    );
    assert_eq!(head, 0);
    // Invalid UTF-8 on line 1 (after a byte-order mark) comes first of all.
    let mut text = b"\xEF\xBB\xBF\xFF".to_vec();
    text.extend_from_slice(&std::fs::read(&file).unwrap());
    std::fs::write(&file, text).unwrap();
    let (e, _) = append_err(&file, max);
    assert!(matches!(e, IngestError::Utf8 { line: 1, .. }), "{e}");
}

#[test]
fn a_file_changed_between_the_passes_is_refused_before_the_changed_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = events(4000, 13);
    let file = tmp.path().join("moving.jsonl");
    write_lines(&file, &lines);
    // The byte offset of line 3601, past what the second pass has read when the first batch
    // is acknowledged.
    let offset: usize = lines[..3600].iter().map(|l| l.len() + 1).sum();
    let mut store = ledger(&tmp.path().join("L"));
    let mut changed = false;
    let err = ingest::append_file(&mut store, &file, 500, |a| {
        if !changed {
            assert_eq!(a.last_line, 500);
            // Another valid event of the same length: still refused, as it was not validated.
            let mut f = std::fs::OpenOptions::new().write(true).open(&file).unwrap();
            let mut other = lines[3600].clone();
            let at = b"{\"v\":2,\"id\":\"".len();
            other[at] = if other[at] == b'0' { b'1' } else { b'0' };
            std::io::Seek::seek(&mut f, std::io::SeekFrom::Start(offset as u64)).unwrap();
            f.write_all(&other).unwrap();
            changed = true;
        }
    })
    .unwrap_err();
    let AppendError::ChangedDuringAppend { error, durable } = &err else {
        panic!("{err}")
    };
    assert_eq!((durable.lines, durable.appended), (3500, 3500), "{err}");
    assert_eq!(store.head().seq, 3500);
    assert!(
        error
            .to_string()
            .contains("lines 3501-4000 are not what was validated"),
        "{err}"
    );
    // Re-running validates the file as it is now and appends the rest.
    let done = ingest::append_file(&mut store, &file, 500, |_| {}).unwrap();
    assert_eq!((done.appended, done.present), (500, 3500));
    let mut ids = std::collections::HashSet::new();
    store
        .scan(1, &mut |r: RecordRef<'_>| {
            assert!(ids.insert(payload_id(r.payload).unwrap().into_owned()));
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(ids.len(), 4000);
}

#[test]
fn a_file_that_grew_or_shrank_during_the_append_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    // Larger than the read buffer: the second pass, at most two batches ahead of the writer,
    // has not reached the end of the file when the first batch is acknowledged.
    let lines = events(3001, 14);
    let file = tmp.path().join("growing.jsonl");
    write_lines(&file, &lines[..3000]);
    let mut store = ledger(&tmp.path().join("L"));
    let mut first = true;
    let err = ingest::append_file(&mut store, &file, 100, |_| {
        if std::mem::take(&mut first) {
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(&file)
                .unwrap();
            f.write_all(&lines[3000]).unwrap();
        }
    })
    .unwrap_err();
    let AppendError::ChangedDuringAppend { durable, .. } = &err else {
        panic!("{err}")
    };
    // The validated events are all in; the new line is not.
    assert_eq!((durable.lines, durable.appended), (3000, 3000));
    assert_eq!(store.head().seq, 3000);

    // Cut short: what the second pass had read before is validated and appended, batch by batch;
    // then the missing lines are an error (larger than the read buffer, so not all read at once).
    let file = tmp.path().join("shrinking.jsonl");
    write_lines(&file, &events(3000, 15));
    let mut store = ledger(&tmp.path().join("M"));
    let mut first = true;
    let err = ingest::append_file(&mut store, &file, 100, |_| {
        if std::mem::take(&mut first) {
            std::fs::OpenOptions::new()
                .write(true)
                .open(&file)
                .unwrap()
                .set_len(0)
                .unwrap();
        }
    })
    .unwrap_err();
    let AppendError::ChangedDuringAppend { error, durable } = &err else {
        panic!("{err}")
    };
    assert!(
        error.to_string().contains("the file ends before line"),
        "{err}"
    );
    assert!(durable.lines % 100 == 0 && durable.lines < 3000, "{err}");
    assert_eq!(store.head().seq, durable.lines);
}
