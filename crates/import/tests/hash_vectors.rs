//! The CBV 2.0 event hash against the public vectors of the reference event-hash generator
//! (`tests/vectors/epcis-event-hash-generator/`, README there): every JSON-LD example document,
//! each event's hash compared with the expected one, and its pre-hash string where given.

use std::path::{Path, PathBuf};

use rxledger_import::hash::{event_hash, prehash, Context};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/epcis-event-hash-generator")
}

fn events(doc: &Value) -> Vec<Value> {
    for p in [
        "/epcisBody/eventList",
        "/epcisBody/queryResults/resultsBody/eventList",
    ] {
        if let Some(Value::Array(a)) = doc.pointer(p) {
            return a.clone();
        }
    }
    doc.pointer("/epcisBody/event")
        .cloned()
        .into_iter()
        .collect()
}

/// (file, events, events whose hash matches)
fn run() -> Vec<(String, usize, usize)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonld"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let want = std::fs::read_to_string(p.with_extension("hashes")).unwrap();
        let want: Vec<&str> = want.lines().filter(|l| !l.trim().is_empty()).collect();
        let pre = std::fs::read_to_string(p.with_extension("prehashes")).unwrap_or_default();
        let pre: Vec<&str> = pre.lines().collect();
        let ctx = Context::of_document(&doc);
        let evs = events(&doc);
        let mut ok = 0;
        for (i, e) in evs.iter().enumerate() {
            let got = event_hash(e, &ctx);
            if want.get(i) == Some(&got.as_str()) {
                ok += 1;
            } else if std::env::var_os("HASH_DEBUG").is_some() {
                eprintln!(
                    "{} [{i}]\n got  {}\n want {}",
                    p.display(),
                    prehash(e, &ctx),
                    pre.get(i).unwrap_or(&"?")
                );
            }
        }
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        out.push((name, evs.len().max(want.len()), ok));
    }
    out
}

#[test]
fn the_reference_vectors_pass() {
    let results = run();
    let total: usize = results.iter().map(|r| r.1).sum();
    let ok: usize = results.iter().map(|r| r.2).sum();
    for (name, n, passed) in &results {
        assert_eq!(
            passed, n,
            "{name}: {passed} of {n} events hash as expected (HASH_DEBUG=1 shows the pre-hash strings)"
        );
    }
    assert_eq!(results.len(), 22, "JSON-LD documents");
    assert_eq!((ok, total), (43, 43), "events passing, events");
}
