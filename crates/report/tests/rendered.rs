//! Snapshot tests of the rendered text, JSON, SARIF and `JUnit` of bundled scenarios
//! (`samples/scenarios/`), so that any change in what a reader or a tool gets shows as a diff in
//! `tests/snapshots/` to review (`cargo insta review`, or `INSTA_UPDATE=always cargo test` and
//! `git diff`).
//!
//! The ledger path is set to its repository-relative form after the check, so the snapshots do
//! not depend on where the repository is; the crate version in SARIF is redacted.

use std::path::{Path, PathBuf};

use rxledger_reconcile::check::{check_path, CheckReport};
use rxledger_reconcile::Config;

/// Checks `samples/scenarios/NAME.jsonl` with the default configuration.
fn check(name: &str) -> CheckReport {
    let rel = PathBuf::from(format!("samples/scenarios/{name}.jsonl"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(&rel);
    let mut report = check_path(&path, Config::default(), None, |_| {}).unwrap();
    // An exported file has no segments: findings are located in `path`.
    assert!(report.locator.segments().is_empty());
    report.locator = rxledger_store::Locator::single(&rel);
    report.path = rel;
    report
}

fn without_version(sarif: &str) -> String {
    sarif.replace(
        &format!(r#""version": "{}","#, env!("CARGO_PKG_VERSION")),
        r#""version": "[crate version]","#,
    )
}

#[test]
fn documents() {
    let r = check("documents");
    insta::assert_snapshot!("documents.text", rxledger_report::text(&r));
    insta::assert_snapshot!("documents.json", rxledger_report::json(&r));
    insta::assert_snapshot!(
        "documents.sarif",
        without_version(&rxledger_report::sarif(&r))
    );
    insta::assert_snapshot!("documents.junit", rxledger_report::junit(&r));
}

#[test]
fn cold_chain() {
    let r = check("cold-chain");
    insta::assert_snapshot!("cold-chain.text", rxledger_report::text(&r));
    insta::assert_snapshot!("cold-chain.json", rxledger_report::json(&r));
    insta::assert_snapshot!(
        "cold-chain.sarif",
        without_version(&rxledger_report::sarif(&r))
    );
    insta::assert_snapshot!("cold-chain.junit", rxledger_report::junit(&r));
}

/// Rule codes longer than the table's 14-column minimum widen the rule column in every row.
#[test]
fn special_control_text() {
    let r = check("special-control");
    insta::assert_snapshot!("special-control.text", rxledger_report::text(&r));
}

/// Several ledgers: a JSON array, one `JUnit` test suite and one SARIF run per ledger.
#[test]
fn several_ledgers() {
    let reports = [check("clean"), check("pair-b-tampered")];
    insta::assert_snapshot!("many.json", rxledger_report::json_many(&reports));
    insta::assert_snapshot!("many.junit", rxledger_report::junit_many(&reports));
    let sarif: serde_json::Value =
        serde_json::from_str(&rxledger_report::sarif_many(&reports)).unwrap();
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    // Findings are results of kind `fail` (not written); open items of kind `open`.
    let count = |run: &serde_json::Value, open: bool| {
        run["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| (r["kind"] == "open") == open)
            .count()
    };
    assert_eq!(count(&runs[0], false), 0);
    for (run, r) in runs.iter().zip(&reports) {
        assert_eq!(count(run, false), r.findings.len());
        assert_eq!(count(run, true), r.pending.len());
    }
}

/// Markup characters in what a ledger holds (here its name) are escaped; control characters XML
/// does not allow are dropped.
#[test]
fn markup_in_a_ledger_name_is_escaped() {
    let mut r = check("documents");
    r.path = PathBuf::from("a<b>&\"c'\u{1}.jsonl");
    r.locator = rxledger_store::Locator::single(&r.path);
    let junit = rxledger_report::junit(&r);
    assert!(junit.contains(r#"<testsuite name="a&lt;b&gt;&amp;&quot;c&apos;.jsonl""#));
    assert!(junit.contains(">a&lt;b&gt;&amp;&quot;c&apos;.jsonl:"));
    let mut reader = quick_xml::Reader::from_str(&junit);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed: {e}"),
        }
    }
}

/// The same reports in Chinese: sentences, headings, severities and the summary table, instants
/// in +08:00. JSON keeps its codes and facts; only `message`, `expected`, `actual` and
/// `closed_by` change language.
#[test]
fn chinese() {
    use rxledger_report::{Lang, Messages};
    let zh = Messages::new(Lang::Zh);
    let r = check("documents");
    insta::assert_snapshot!("documents.zh.text", rxledger_report::text_with(&r, &zh));
    insta::assert_snapshot!("documents.zh.junit", rxledger_report::junit_with(&r, &zh));
    let (en, cn) = (
        rxledger_report::json(&r),
        rxledger_report::json_with(&r, &zh),
    );
    let strip = |s: &str| -> serde_json::Value {
        let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
        for list in ["findings", "pending"] {
            for f in v[list].as_array_mut().unwrap() {
                let f = f.as_object_mut().unwrap();
                for k in ["message", "expected", "actual", "closed_by"] {
                    f.remove(k);
                }
            }
        }
        v
    };
    assert_ne!(en, cn);
    assert_eq!(strip(&en), strip(&cn));
    let r = check("cold-chain");
    insta::assert_snapshot!("cold-chain.zh.text", rxledger_report::text_with(&r, &zh));
    let r = check("special-control");
    insta::assert_snapshot!(
        "special-control.zh.text",
        rxledger_report::text_with(&r, &zh)
    );
    insta::assert_snapshot!(
        "special-control.zh.sarif",
        without_version(&rxledger_report::sarif_with(&r, &zh))
    );
}

/// A writer that takes `room` bytes, then fails.
struct Full {
    room: usize,
    taken: Vec<u8>,
}

impl std::io::Write for Full {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.room == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "full"));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        self.taken.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

type Writes = fn(&mut Full, &[CheckReport], &rxledger_report::Messages) -> std::io::Result<()>;

/// JSON, SARIF and `JUnit` written as they are rendered are the documents the `String`
/// renderers return, byte for byte (one ledger and several), and a writer that fails part way
/// is an error of that writer, not a panic, after exactly the bytes it took.
#[test]
fn documents_written_as_rendered() {
    let m = rxledger_report::Messages::new(rxledger_report::Lang::Zh);
    let one = check("documents");
    assert!(!one.pending.is_empty() && !one.findings.is_empty());
    let mut w = Vec::new();
    rxledger_report::write_json_with(&mut w, &one, &m).unwrap();
    assert_eq!(
        String::from_utf8(w).unwrap(),
        rxledger_report::json_with(&one, &m)
    );
    let many = [check("documents"), check("cold-chain")];
    let cases: [(&str, String, Writes); 3] = [
        (
            "json",
            rxledger_report::json_many_with(&many, &m),
            |w, r, m| rxledger_report::write_json_many_with(w, r, m),
        ),
        (
            "sarif",
            rxledger_report::sarif_many_with(&many, &m),
            |w, r, m| rxledger_report::write_sarif_many_with(w, r, m),
        ),
        (
            "junit",
            rxledger_report::junit_many_with(&many, &m),
            |w, r, m| rxledger_report::write_junit_many_with(w, r, m),
        ),
    ];
    for (name, text, write) in cases {
        let mut all = Full {
            room: usize::MAX,
            taken: Vec::new(),
        };
        write(&mut all, &many, &m).unwrap();
        assert_eq!(String::from_utf8(all.taken).unwrap(), text, "{name}");
        assert!(text.contains("seq"), "{name}");
        for room in [0, 1, 100, text.len() / 2, text.len() - 1] {
            let mut full = Full {
                room,
                taken: Vec::new(),
            };
            let err = write(&mut full, &many, &m).unwrap_err();
            assert_eq!(err.kind(), std::io::ErrorKind::StorageFull, "{name} {room}");
            assert_eq!(full.taken, text.as_bytes()[..room], "{name} {room}");
        }
    }
    let parsed: serde_json::Value =
        serde_json::from_str(&rxledger_report::json_many_with(&many, &m)).unwrap();
    assert_eq!(parsed.as_array().unwrap().len(), 2);
}
