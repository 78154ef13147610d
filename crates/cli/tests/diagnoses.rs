//! Precise verdicts: an exported ledger re-saved by an editor (CRLF line endings, a byte-order
//! mark, blank lines at the end) is told apart from tampering, which is still named at its seq;
//! an empty ledger verifies against the empty head; custody breaks are SPECIAL-CHAIN's; every
//! `-o` file is replaced whole or not at all.

#![allow(clippy::many_single_char_names)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ZERO_HEAD: &str = "0:0000000000000000000000000000000000000000000000000000000000000000";

fn run(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rxledger"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn ok(args: &[&str], cwd: &Path) -> String {
    let o = run(args, cwd);
    assert_eq!(code(&o), 0, "{args:?}: {}", text(&o));
    text(&o)
}

/// The inspection ledger (`samples/inspections/*.jsonl`) whose name starts with `prefix`.
fn inspection(prefix: &str) -> PathBuf {
    std::fs::read_dir(repo("samples/inspections"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with(prefix) && p.extension().is_some_and(|x| x == "jsonl")
        })
        .unwrap()
}

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(p)
}

/// A ledger `L` of 300 generated events and its export `x.jsonl`.
fn exported() -> (tempfile::TempDir, Vec<u8>) {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let g = run(&["gen", "--events", "300", "--seed", "3"], p);
    std::fs::write(p.join("e.jsonl"), &g.stdout).unwrap();
    ok(&["init", "L"], p);
    ok(&["append", "L", "e.jsonl", "--batch-size", "50"], p);
    ok(&["export", "L", "-o", "x.jsonl"], p);
    let x = std::fs::read(p.join("x.jsonl")).unwrap();
    (d, x)
}

fn crlf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 100);
    for &b in bytes {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

fn with_bom(bytes: &[u8]) -> Vec<u8> {
    [b"\xEF\xBB\xBF".as_slice(), bytes].concat()
}

/// `verify FILE` after writing `bytes` to it: exit code and output.
fn verify(d: &Path, name: &str, bytes: &[u8]) -> (i32, String) {
    std::fs::write(d.join(name), bytes).unwrap();
    let o = run(&["verify", name], d);
    (code(&o), text(&o))
}

#[test]
fn an_export_resaved_by_an_editor_is_told_so_not_called_tampered() {
    let (d, x) = exported();
    let d = d.path();
    let intact = "; the records are otherwise intact (all 300 verify)";

    let (c, out) = verify(d, "crlf.jsonl", &crlf(&x));
    assert_eq!(c, 1, "{out}");
    assert!(
        out.contains(&format!("line endings changed to CRLF{intact}")),
        "{out}"
    );
    assert!(!out.contains("first bad seq"), "{out}");

    let (c, out) = verify(d, "bom.jsonl", &with_bom(&x));
    assert_eq!(c, 1, "{out}");
    assert!(
        out.contains(&format!(
            "a UTF-8 byte-order mark was added before the first record{intact}"
        )),
        "{out}"
    );

    // Two lines converted by hand (records 10 and 200).
    let mut some = Vec::new();
    for (n, line) in x.split_inclusive(|&b| b == b'\n').enumerate() {
        if n == 9 || n == 199 {
            some.extend_from_slice(&line[..line.len() - 1]);
            some.extend_from_slice(b"\r\n");
        } else {
            some.extend_from_slice(line);
        }
    }
    let (c, out) = verify(d, "some.jsonl", &some);
    assert_eq!(c, 1, "{out}");
    assert!(
        out.contains(&format!(
            "line endings of 2 of 300 lines changed to CRLF{intact}"
        )),
        "{out}"
    );

    // All of it at once.
    let (c, out) = verify(
        d,
        "all.jsonl",
        &[with_bom(&crlf(&x)), b"\r\n".to_vec()].concat(),
    );
    assert_eq!(c, 1, "{out}");
    assert!(
        out.contains(
            "a UTF-8 byte-order mark was added before the first record, line endings changed to CRLF, 1 blank line added at the end; the records are otherwise intact"
        ),
        "{out}"
    );

    // `log` lists the records and says the same.
    let o = run(&["log", "crlf.jsonl", "--from", "299"], d);
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(text(&o).contains("     300  "), "{}", text(&o));
    assert!(text(&o).contains(&format!("FAILED: the file is not the export byte for byte: line endings changed to CRLF{intact}")), "{}", text(&o));

    // `check` reconciles every record and says why the file fails.
    let o = run(&["check", "crlf.jsonl"], d);
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(
        text(&o).contains("300 records, 300 events reconciled"),
        "{}",
        text(&o)
    );
    assert!(
        text(&o).contains("line endings changed to CRLF; the records are otherwise intact (all 300 verify). Every record was reconciled."),
        "{}",
        text(&o)
    );
}

#[test]
fn blank_lines_after_the_last_record_are_tolerated_and_mentioned() {
    let (d, x) = exported();
    let d = d.path();
    let (c, out) = verify(d, "b1.jsonl", &[x.as_slice(), b"\n"].concat());
    assert_eq!(c, 0, "{out}");
    assert!(
        out.contains("; 1 blank line after the last record ignored (it holds no data)"),
        "{out}"
    );
    let (c, out) = verify(d, "b3.jsonl", &[x.as_slice(), b"\n\n\n"].concat());
    assert_eq!(c, 0, "{out}");
    assert!(
        out.contains("; 3 blank lines after the last record ignored"),
        "{out}"
    );
    // The export itself says nothing of the kind.
    let (c, out) = verify(d, "x2.jsonl", &x);
    assert_eq!(c, 0, "{out}");
    assert!(!out.contains("blank"), "{out}");
    // Not blank: a space is a byte where a record should be.
    let (c, out) = verify(d, "sp.jsonl", &[x.as_slice(), b" \n"].concat());
    assert_eq!(c, 1, "{out}");
    assert!(out.contains("first bad seq 301"), "{out}");
}

#[test]
fn tampering_in_a_resaved_export_is_still_tampering_at_its_seq() {
    let (d, x) = exported();
    let d = d.path();
    let lines: Vec<&[u8]> = x.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    let join = |ls: &[Vec<u8>]| {
        let mut out = Vec::new();
        for l in ls {
            out.extend_from_slice(l);
            out.push(b'\n');
        }
        out
    };
    let owned: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();

    // One digit changed in record 150's payload, then the file saved with CRLF.
    let mut t = owned.clone();
    let line = &mut t[149];
    let at = line.windows(11).position(|w| w == b"\"occurred_a").unwrap() + 20;
    line[at] = if line[at] == b'1' { b'2' } else { b'1' };
    let (c, out) = verify(d, "t1.jsonl", &crlf(&join(&t)));
    assert_eq!(c, 1, "{out}");
    assert!(out.contains("first bad seq 150\n"), "{out}");
    assert!(out.contains("hash mismatch at seq 150"), "{out}");
    assert!(!out.contains("otherwise intact"), "{out}");

    // Record 100 deleted, then a byte-order mark added.
    let mut t = owned.clone();
    t.remove(99);
    let (c, out) = verify(d, "t2.jsonl", &with_bom(&join(&t)));
    assert_eq!(c, 1, "{out}");
    assert!(out.contains("first bad seq 100\n"), "{out}");
    assert!(out.contains("sequence gap"), "{out}");

    // A blank line where record 120 was.
    let mut t = owned.clone();
    t[119] = Vec::new();
    let (c, out) = verify(d, "t3.jsonl", &join(&t));
    assert_eq!(c, 1, "{out}");
    assert!(out.contains("first bad seq 120\n"), "{out}");
    assert!(out.contains("line 120: unparsable record"), "{out}");

    // The last record cut off, then a trailing blank line: truncation, shown with --head.
    let head = String::from_utf8_lossy(&owned[299]);
    let hash = &head[head.find("\"hash\":\"").unwrap() + 8..][..64];
    let mut t = owned.clone();
    t.truncate(250);
    std::fs::write(d.join("t4.jsonl"), [join(&t), b"\n".to_vec()].concat()).unwrap();
    let o = run(&["verify", "t4.jsonl", "--head", &format!("300:{hash}")], d);
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(text(&o).contains("first bad seq 251\n"), "{}", text(&o));
}

#[test]
fn an_empty_ledger_verifies_against_the_empty_head() {
    let d = tempfile::tempdir().unwrap();
    let d = d.path();
    ok(&["init", "E"], d);
    let out = ok(&["verify", "E", "--head", ZERO_HEAD], d);
    assert!(
        out.contains(&format!("ok: 0 records verified; head {ZERO_HEAD}")),
        "{out}"
    );
    ok(&["export", "E", "-o", "e.jsonl"], d);
    ok(&["verify", "e.jsonl", "--head", ZERO_HEAD], d);
    ok(&["verify", "e.jsonl", "--head", &ZERO_HEAD[2..]], d);
    ok(&["check", "e.jsonl", "--head", ZERO_HEAD], d);
    // Every ledger extends the empty one.
    let g = run(&["gen", "--events", "20"], d);
    std::fs::write(d.join("g.jsonl"), &g.stdout).unwrap();
    ok(&["append", "E", "g.jsonl"], d);
    // It passes, saying what it vouched for: nothing (attacker round 26).
    let out = ok(&["verify", "E", "--head", ZERO_HEAD, "--lang", "en"], d);
    assert!(
        out.contains("is the empty ledger's, which every ledger extends: it vouches for none of the 20 records"),
        "{out}"
    );
    // No ledger has another head at seq 0: a usage error, said plainly.
    let bad = format!("0:{}1", &ZERO_HEAD[2..65]);
    let o = run(&["verify", "E", "--head", &bad], d);
    assert_eq!(code(&o), 2, "{}", text(&o));
    assert!(
        text(&o).contains("seq 0 is the empty ledger"),
        "{}",
        text(&o)
    );
}

#[test]
fn trace_batch_breaks_where_special_chain_does() {
    let d = repo("");
    let ledger = "samples/scenarios/special-control.jsonl";
    // SPECIAL-CHAIN: 23 units of this batch moved with 22 codes at seq 1928.
    let o = run(&["check", ledger, "--format", "json"], &d);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let cited: Vec<u64> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "SPECIAL-CHAIN" && f["batch"] == "2607100004")
        .map(|f| f["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(cited, [1928]);
    let o = run(
        &["trace", "--batch", "86934567000011:2607100004", ledger],
        &d,
    );
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(
        text(&o).contains(&format!(
            "BREAK: SPECIAL-CHAIN at seq 1928 of {ledger}: 23 units of controlled 盐酸吗啡注射液 10mg:1ml/支 (86934567000011) batch 2607100004 left SP-1 with codes for 22 distinct units"
        )),
        "{}",
        text(&o)
    );
    assert!(!text(&o).contains("unbroken"), "{}", text(&o));
    // A batch of the same product whose codes balance too (SPECIAL-CHAIN, CODE-DUP and
    // CODE-UNKNOWN are quiet about it).
    let o = run(
        &["trace", "--batch", "86934567000011:2610100007", ledger],
        &d,
    );
    assert_eq!(code(&o), 0, "{}", text(&o));
    assert!(text(&o).contains("4 steps"), "{}", text(&o));
    assert!(text(&o).contains("chain unbroken"), "{}", text(&o));
    // Holders, parties and the product by their registered names, not their ids alone.
    assert!(
        text(&o).contains("holder 浙江康源医药有限公司")
            && text(&o).contains("盐酸吗啡注射液 10mg:1ml/支 (86934567000011) batch 2610100007"),
        "{}",
        text(&o)
    );
    // One whose quantities balance but whose codes do not: its CODE-* findings break it.
    let o = run(
        &["trace", "--batch", "86934567000011:2608100001", ledger],
        &d,
    );
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(
        text(&o).contains(&format!("BREAK: CODE-DUP at seq 423 of {ledger}")),
        "{}",
        text(&o)
    );
    // With SPECIAL-CHAIN disabled, neither the findings nor the chain see a break.
    let cfg = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(cfg.path(), "disabled = [\"SPECIAL-CHAIN\"]\n").unwrap();
    let cfg = cfg.path().to_str().unwrap();
    let o = run(
        &[
            "trace",
            "--batch",
            "86934567000011:2607100004",
            ledger,
            "--config",
            cfg,
        ],
        &d,
    );
    assert_eq!(code(&o), 0, "{}", text(&o));
}

/// Names in `d` that are not in `expected` (temporary files left behind, say).
fn stray(d: &Path, expected: &[&str]) -> Vec<String> {
    std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !expected.contains(&n.as_str()))
        .collect()
}

#[test]
fn output_files_are_replaced_whole_or_not_at_all() {
    let (d, x) = exported();
    let d = d.path();
    let out = d.join("out");
    std::fs::create_dir(&out).unwrap();
    ok(&["export", "L", "-o", "out/x.jsonl"], d);
    assert_eq!(std::fs::read(out.join("x.jsonl")).unwrap(), x);
    ok(&["check", "L", "--format", "json", "-o", "out/r.json"], d);
    ok(&["report", "L", "-o", "out/r.html"], d);
    ok(&["keygen", "-o", "out/k"], d);
    ok(
        &["checkpoint", "L", "--key", "out/k.key", "-o", "out/cp.txt"],
        d,
    );
    ok(
        &[
            "prove",
            "L",
            "--seq",
            "7",
            "--checkpoint",
            "out/cp.txt",
            "-o",
            "out/p.json",
        ],
        d,
    );
    let all = [
        "x.jsonl", "r.json", "r.html", "k.key", "k.pub", "cp.txt", "p.json",
    ];
    assert_eq!(stray(&out, &all), Vec::<String>::new());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |n: &str| std::fs::metadata(out.join(n)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode("k.key"), 0o600);
        // A replaced file keeps its permissions.
        std::fs::set_permissions(out.join("r.json"), std::fs::Permissions::from_mode(0o640))
            .unwrap();
        ok(&["check", "L", "--format", "json", "-o", "out/r.json"], d);
        assert_eq!(mode("r.json"), 0o640);
    }

    // The ledger's segment becomes unreadable half-way through an export: the old export stays
    // as it was, and nothing is left behind. (Written in place, it was truncated first.)
    let seg = std::fs::read_dir(d.join("L"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("seg-"))
        .unwrap();
    std::fs::remove_file(&seg).unwrap();
    std::fs::create_dir(&seg).unwrap();
    let o = run(&["export", "L", "-o", "out/x.jsonl"], d);
    assert_eq!(code(&o), 2, "{}", text(&o));
    assert_eq!(std::fs::read(out.join("x.jsonl")).unwrap(), x);
    assert_eq!(stray(&out, &all), Vec::<String>::new());

    // An output into a missing directory fails and creates nothing.
    let o = run(&["check", "L", "-o", "nowhere/r.txt"], d);
    assert_eq!(code(&o), 2, "{}", text(&o));
    assert!(!d.join("nowhere").exists());
    // A key is never overwritten.
    let key = std::fs::read(out.join("k.key")).unwrap();
    let o = run(&["keygen", "-o", "out/k"], d);
    assert_eq!(code(&o), 2, "{}", text(&o));
    assert!(
        text(&o).contains("refusing to overwrite a key"),
        "{}",
        text(&o)
    );
    assert_eq!(std::fs::read(out.join("k.key")).unwrap(), key);
    assert_eq!(stray(&out, &all), Vec::<String>::new());
}

/// An EPCIS document in the XML binding is refused with what to do, not as broken JSON, and
/// nothing is appended.
#[test]
fn an_epcis_xml_document_is_refused_as_xml() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    ok(&["init", "L", "--lang", "en"], d);
    let xml = "\u{feff}  <?xml version=\"1.0\"?>\n<epcis:EPCISDocument schemaVersion=\"2.0\"/>\n";
    std::fs::write(d.join("partner.xml"), xml).unwrap();
    let o = run(&["import", "epcis", "L", "partner.xml", "--lang", "en"], d);
    assert_eq!(code(&o), 2, "{}", text(&o));
    assert!(
        text(&o).contains(
            "partner.xml is an XML document: rxledger reads EPCIS 2.0 in its JSON-LD binding only"
        ),
        "{}",
        text(&o)
    );
    assert!(ok(&["verify", "L", "--lang", "en"], d).contains(ZERO_HEAD));
}

/// An EPCIS event whose id the ledger already holds with other content is refused by its place
/// in `eventList`, as every other refusal of `import epcis` is, and nothing is appended.
/// In `d`: ledger `A` of the sample ERP's master data and goods, exported as EPCIS to
/// `m.jsonld`, and an empty ledger `B` of the master data alone; `B`'s `verify` output.
fn epcis_export_and_empty_b(d: &Path) -> String {
    let erp = |f: &str| repo(&format!("samples/erp/{f}")).display().to_string();
    ok(&["init", "A", "--lang", "en"], d);
    ok(&["append", "A", &erp("master.jsonl"), "--lang", "en"], d);
    let (goods, map) = (erp("goods-2026-10.csv"), erp("goods.toml"));
    ok(&["import", "csv", "A", &goods, "--mapping", &map], d);
    ok(&["export", "A", "-o", "m.jsonld", "--format", "epcis"], d);
    ok(&["init", "B", "--lang", "en"], d);
    ok(&["append", "B", &erp("master.jsonl"), "--lang", "en"], d);
    ok(&["verify", "B", "--lang", "en"], d)
}

#[test]
fn an_epcis_event_changed_after_import_is_refused_by_its_place_in_the_event_list() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    epcis_export_and_empty_b(d);
    // A partner's identifiers: the third event gets a urn:uuid eventID.
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("m.jsonld")).unwrap()).unwrap();
    let third = &mut doc["epcisBody"]["eventList"][2];
    third["eventID"] = "urn:uuid:01a1c41d-0a80-7b8e-8930-e6e8d5f4beaa".into();
    assert!(third["quantityList"][0]["quantity"].is_number(), "{third}");
    std::fs::write(d.join("p.jsonld"), doc.to_string()).unwrap();
    ok(&["import", "epcis", "B", "p.jsonld", "--lang", "en"], d);
    let head = ok(&["verify", "B", "--lang", "en"], d);
    // The partner sends it again with another quantity under the same eventID.
    doc["epcisBody"]["eventList"][2]["quantityList"][0]["quantity"] = 7.into();
    std::fs::write(d.join("p2.jsonld"), doc.to_string()).unwrap();
    let o = run(&["import", "epcis", "B", "p2.jsonld", "--lang", "en"], d);
    assert_eq!(code(&o), 2, "{}", text(&o));
    assert!(
        text(&o).contains("p2.jsonld: eventList[2]: field `id`: event id ")
            && text(&o).contains(" is already stored as record "),
        "{}",
        text(&o)
    );
    assert_eq!(ok(&["verify", "B", "--lang", "en"], d), head);
}

/// Attacker round 26: `import epcis` read a key written twice as its last value (`kind`,
/// `arrived`, `eventTime`), as `append` no longer does (round 24). It is refused, naming the
/// path, and nothing is appended.
#[test]
fn an_epcis_key_written_twice_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let head = epcis_export_and_empty_b(d);
    let doc = std::fs::read_to_string(d.join("m.jsonld")).unwrap();
    let first = doc.find("\"eventTime\":").unwrap();
    let twice = format!(
        "{}\"eventTime\":\"2020-01-01T00:00:00Z\",{}",
        &doc[..first],
        &doc[first..]
    );
    std::fs::write(d.join("p.jsonld"), twice).unwrap();
    let o = run(&["import", "epcis", "B", "p.jsonld", "--lang", "en"], d);
    assert_eq!(code(&o), 2, "{}", text(&o));
    assert!(
        text(&o).contains("p.jsonld: field `epcisBody.eventList[0].eventTime` is written twice"),
        "{}",
        text(&o)
    );
    assert_eq!(ok(&["verify", "B", "--lang", "en"], d), head);
}

/// Attacker round 26: `checkpoint -o DIR/checkpoints.jsonl` wrote its note over the ledger's own
/// history (every writer was then locked out), and `export -o` over a segment was accepted. No
/// command writes its output over a ledger's own files; beside them is fine.
#[test]
fn no_output_is_written_over_a_ledgers_own_files() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let erp = |f: &str| repo(&format!("samples/erp/{f}")).display().to_string();
    ok(&["init", "L", "--lang", "en"], d);
    ok(&["append", "L", &erp("master.jsonl"), "--lang", "en"], d);
    ok(&["keygen", "-o", "k"], d);
    let head = ok(&["verify", "L", "--lang", "en"], d);
    for (args, target) in [
        (
            vec!["checkpoint", "L", "--key", "k.key", "-o"],
            "L/checkpoints.jsonl",
        ),
        (
            vec!["export", "L", "-o"],
            "L/seg-00000000000000000001.jsonl",
        ),
        (vec!["export", "L", "-o"], "L/LEDGER"),
        (vec!["export", "L", "-o"], "L/merkle/head"),
    ] {
        let mut args = args.clone();
        args.extend([target, "--lang", "en"]);
        let o = run(&args, d);
        assert_eq!(code(&o), 2, "{args:?}: {}", text(&o));
        assert!(
            text(&o).contains("is one of the ledger's own files"),
            "{}",
            text(&o)
        );
    }
    assert_eq!(ok(&["verify", "L", "--lang", "en"], d), head);
    ok(&["export", "L", "-o", "L/copy.jsonl", "--lang", "en"], d);
}

/// Round 24's B3 (probe 905): a unit shipped to one hospital and returned by another breaks the
/// unit's chain in `trace` (exit 1), as `check` reports it (`CODE-UNKNOWN`).
#[test]
fn a_unit_returned_by_another_customer_breaks_its_chain() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let probe = repo(
        "samples/inspections/rounds/round24/probes/ledgers/905-return-of-a-unit-shipped-to-another-customer.jsonl",
    );
    ok(&["init", "P", "--lang", "en"], d);
    ok(
        &["append", "P", &probe.display().to_string(), "--lang", "en"],
        d,
    );
    let o = run(&["trace", "81099050000000088812", "P", "--lang", "en"], d);
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(
        text(&o).contains("but it left at seq 18 in a dispatch to 杭州市西溪医院"),
        "{}",
        text(&o)
    );
    let o = run(&["check", "P", "--lang", "en"], d);
    assert_eq!(code(&o), 1, "{}", text(&o));
    assert!(
        text(&o).contains("went to 杭州市西溪医院 (123301004700914024), not to it"),
        "{}",
        text(&o)
    );
}

/// Round 29's A1 (ledger 324): a unit dispatched from the other special store than the one it
/// was put in (`SPECIAL-CHAIN`), and a unit "returned" while still in stock (`CODE-DUP`), break
/// the unit's chain in `trace` (exit 1) where `check` reports them; the author's unbroken units
/// stay unbroken (exit 0).
#[test]
fn a_unit_moved_from_elsewhere_or_received_while_held_breaks_its_chain() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let ledger = inspection("324-");
    ok(&["init", "L", "--lang", "en"], d);
    ok(
        &["append", "L", &ledger.display().to_string(), "--lang", "en"],
        d,
    );
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo(
            "samples/inspections/rounds/round29/trace.expected.json",
        ))
        .unwrap(),
    )
    .unwrap();
    let codes = |k: &str| -> Vec<String> {
        expected["324"][k]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect()
    };
    let breaks = codes("codes_break");
    let said = [
        "from SP-1 in a dispatch (PS2026120004 seq 39), but it had put the unit at SP-2 (seq 14)",
        "in a customer return (TH2026122001 seq 58) while it still held the unit (at SP-2 since seq 14)",
    ];
    assert_eq!(breaks.len(), said.len());
    for (c, said) in breaks.iter().zip(said) {
        let o = run(&["trace", c, "L", "--lang", "en"], d);
        assert_eq!(code(&o), 1, "{c}: {}", text(&o));
        assert!(text(&o).contains(said), "{c}: {}", text(&o));
    }
    for c in codes("codes_ok") {
        let o = run(&["trace", &c, "L", "--lang", "en"], d);
        assert_eq!(code(&o), 0, "{c}: {}", text(&o));
    }
    let o = run(&["check", "L", "--format", "json"], d);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let at: Vec<(String, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["seq"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(at.contains(&("SPECIAL-CHAIN".into(), 39)), "{at:?}");
    assert!(at.contains(&("CODE-DUP".into(), 58)), "{at:?}");
}

/// A case code packed in the ledger after its units were received (ledger 223) begins at its
/// packing: `trace` of it is unbroken (exit 0), not "first seen in a put-away, not a receipt".
#[test]
fn a_case_packed_in_the_ledger_is_not_first_seen_out_of_nowhere() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let ledger = inspection("223-");
    ok(&["init", "L", "--lang", "en"], d);
    ok(
        &["append", "L", &ledger.display().to_string(), "--lang", "en"],
        d,
    );
    let o = run(&["trace", "80512300223900002010", "L", "--lang", "en"], d);
    assert_eq!(code(&o), 0, "{}", text(&o));
    assert!(text(&o).contains("chain unbroken"), "{}", text(&o));
}

/// Attacker round 29, m2: an EPCIS document saved with a UTF-8 byte-order mark imports as it
/// would without one (it was refused as "not valid JSON"); imported again it appends nothing.
#[test]
fn an_epcis_document_with_a_byte_order_mark_imports() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    epcis_export_and_empty_b(d);
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(std::fs::read(d.join("m.jsonld")).unwrap());
    std::fs::write(d.join("bom.jsonld"), bytes).unwrap();
    let first = ok(&["import", "epcis", "B", "bom.jsonld", "--lang", "en"], d);
    assert!(first.contains(" appended"), "{first}");
    let again = ok(&["import", "epcis", "B", "m.jsonld", "--lang", "en"], d);
    assert!(again.contains(": 0 appended"), "{again}");
}
